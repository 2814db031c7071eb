"""Which font a PDF was really set in: a note when the document's font was substituted.

The templates ask for Times New Roman (NĐ 30/2020 Phụ lục I: "phông chữ tiếng Việt Times New
Roman"). A machine without it (a Linux server with only ``fonts-liberation2``) makes the PDF
in the metric-compatible Liberation Serif: the same line breaks, but not the font the decree
names, and an official comparing the printout with Word sees another typeface. Nothing fails;
the manifest and the summary say which font was used instead (issue 12), and the README says
how to install the font.

The document's font is the default of its ``word/styles.xml`` (``w:docDefaults``); the PDF's
fonts are the ``/BaseFont`` names of its pages (``BAAAAA+LiberationSerif-Bold`` → family
"Liberation Serif").
"""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

_ASCII = re.compile(rb'<w:docDefaults>.*?<w:rFonts\b[^>]*?\bw:ascii="([^"]+)"', re.S)
_SUBSET = re.compile(r"^[A-Z]{6}\+")
_STYLE = re.compile(r"[-,](Bold|Italic|BoldItalic|Regular|Oblique|BoldOblique|Roman)?\w*$")
_SUFFIX = re.compile(r"(PS)?(MT)?$")
_SPLIT = re.compile(r"(?<=[a-z])(?=[A-Z])")


@dataclass(frozen=True, slots=True)
class FontSubstitution:
    """``font`` was asked for; the PDF is set in ``substitute``."""

    font: str
    substitute: str

    def to_json(self) -> dict[str, str]:
        return {"font": self.font, "substitute": self.substitute}


def document_font(docx: Path | bytes) -> str | None:
    """The default font of a .docx (its ``w:docDefaults``), or None."""
    try:
        source: Any = io.BytesIO(docx) if isinstance(docx, bytes) else docx
        with zipfile.ZipFile(source) as archive:
            styles = archive.read("word/styles.xml")
    except (OSError, KeyError, zipfile.BadZipFile):
        return None
    found = _ASCII.search(styles)
    return found.group(1).decode("utf-8", "replace") if found else None


def family(base_font: str) -> str:
    """A PDF ``/BaseFont`` name as a family: ``CAAAAA+TimesNewRomanPS-BoldMT`` → "Times New
    Roman", ``LiberationSerif-Italic`` → "Liberation Serif"."""
    name = _SUBSET.sub("", base_font.lstrip("/"))
    name = _STYLE.sub("", name)
    name = _SUFFIX.sub("", name) or name
    return " ".join(_SPLIT.split(name)).strip()


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def pdf_families(data: bytes) -> Counter[str]:
    """The font families a PDF uses, each counted once per variant (regular, bold …)."""
    from pypdf import PdfReader  # here, not at the top: 90 ms that only PDFs need

    names: set[str] = set()
    try:
        reader = PdfReader(io.BytesIO(data))
        for page in reader.pages:
            resources = page.get("/Resources")
            fonts = resources.get_object().get("/Font") if resources is not None else None
            if fonts is None:
                continue
            for ref in fonts.get_object().values():
                base = ref.get_object().get("/BaseFont")
                if base is not None:
                    names.add(_SUBSET.sub("", str(base).lstrip("/")))
    except Exception:  # a PDF pypdf cannot walk: no note rather than a failed document
        return Counter()
    return Counter(family(name) for name in names)


def substitution(font: str | None, data: bytes | Counter[str]) -> FontSubstitution | None:
    """A note when the PDF ``data`` (or its :func:`pdf_families`) does not use ``font``, the
    document's own font."""
    if not font:
        return None
    families = pdf_families(data) if isinstance(data, bytes) else data
    if not families or any(_key(f).startswith(_key(font)) for f in families):
        return None
    substitute = max(families.items(), key=lambda kv: (kv[1], kv[0]))[0]
    return FontSubstitution(font, substitute)


__all__ = ["FontSubstitution", "document_font", "family", "pdf_families", "substitution"]

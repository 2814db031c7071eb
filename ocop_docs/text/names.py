"""Naming: Vietnamese text → ASCII-safe file names and comparable header keys.

Output files of a batch must open on any computer, be sent by e-mail and unzip on Windows,
so their names are ASCII: diacritics stripped, "đ" → "d", everything else that is not a
letter or digit becomes one hyphen ("Gà đồi Trần Phú" → ``ga-doi-tran-phu``).
"""

from __future__ import annotations

import re
import unicodedata

_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
MAX_SLUG = 60  # keeps whole paths well under Windows' 260 characters


def fold(text: str) -> str:
    """Lower-case ASCII words: "Điểm  TV1" → "diem tv1", "Tên sản phẩm" → "ten san pham"."""
    text = unicodedata.normalize("NFD", str(text).replace("đ", "d").replace("Đ", "D"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return " ".join(_NOT_ALNUM.sub(" ", text).split())


def slugify(text: str, limit: int = MAX_SLUG, *, keep_case: bool = False) -> str:
    """An ASCII file-name part: "Gà đồi Trần Phú" → "ga-doi-tran-phu" (at most ``limit``)."""
    if keep_case:  # codes such as "05/QĐ-UBND" read better as "05-QD-UBND"
        text = unicodedata.normalize("NFD", str(text).replace("đ", "d").replace("Đ", "D"))
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
        slug = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-")
    else:
        slug = fold(text).replace(" ", "-")
    return slug[:limit].rstrip("-")


# Names Windows reserves for devices, with or without an extension ("CON", "nul.docx",
# "COM1.pdf"): such a file cannot be created or unzipped there (issue 9).
WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul"}
    | {f"com{n}" for n in "123456789¹²³"}
    | {f"lpt{n}" for n in "123456789¹²³"}
)


def portable(stem: str) -> str:
    """``stem`` made valid on Windows and macOS: a reserved device name gets a ``_`` suffix.

    Only the part before the first dot counts, as on Windows: "con" → "con_", "NUL.x" →
    "NUL_.x", "console" stays.
    """
    head, dot, rest = stem.partition(".")
    if head.rstrip(" ").casefold() in WINDOWS_RESERVED:
        return f"{head}_{dot}{rest}"
    return stem


def unique_name(stem: str, taken: set[str]) -> str:
    """A portable name not yet in ``taken``, compared without case (Windows and macOS file
    systems do not tell "A.docx" from "a.docx"); adds it to ``taken`` (casefolded)."""
    base = portable(stem)
    name, n = base, 2
    while name.casefold() in taken:
        name = f"{base}-{n}"
        n += 1
    taken.add(name.casefold())
    return name


__all__ = ["MAX_SLUG", "WINDOWS_RESERVED", "fold", "portable", "slugify", "unique_name"]

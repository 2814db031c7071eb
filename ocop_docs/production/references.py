"""References from a template to content outside it: refused (issue 9).

A .docx can make the program that opens it read other files or go online: a picture
"linked to file" or an OLE object linked rather than embedded (a relationship with
``TargetMode="External"``), or a field such as ``INCLUDEPICTURE "file:///etc/passwd"``,
``INCLUDETEXT``, ``LINK`` or ``DDEAUTO``. LibreOffice converting such a template's
documents to PDF would pull a local file into the PDF, or call a server. A template is
only text, tables and embedded pictures, so every such reference is refused, by
``templates check`` and before rendering, with the part and the target named. Plain
hyperlinks (``…/relationships/hyperlink``) stay allowed: they are only followed when a
reader clicks them. Conversion also runs with LibreOffice's link loading switched off
(:mod:`ocop_docs.production.conversion`), in case a document gets past this check.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from lxml import etree  # type: ignore[import-untyped]

from ocop_docs.errors import DataError, Issue

_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
# Field instructions that read another file or program (ECMA-376 Part 1 §17.16.5).
_FIELDS = re.compile(r"\b(INCLUDETEXT|INCLUDEPICTURE|INCLUDE|LINK|DDEAUTO|DDE|IMPORT)\b", re.I)
_OLE_LINK = re.compile(rb"<o:OLEObject\b[^>]*\bType=\"Link\"", re.I)
MAX_PART = 64 * 1024**2  # a part larger than this is not read for fields (a zip bomb)


def external_references(path: Path) -> list[Issue]:
    """One ``template-external-link`` issue per reference of ``path`` to outside content."""
    issues: list[Issue] = []

    def found(part: str, target: str) -> None:
        target = target if len(target) <= 120 else target[:119] + "…"
        issues.append(
            Issue(
                "template-external-link",
                params={"file": path.name, "part": part, "target": target},
            )
        )

    try:
        with zipfile.ZipFile(path) as z:
            for info in z.infolist():
                name = info.filename
                if info.file_size > MAX_PART:
                    continue
                if name.endswith(".rels"):
                    for rel in _parse(z.read(name)).iter(_REL):
                        if rel.get("TargetMode") == "External" and rel.get("Type") != _HYPERLINK:
                            kind = str(rel.get("Type", "")).rsplit("/", 1)[-1]
                            found(name, f"{kind} → {rel.get('Target', '')}")
                elif name.startswith("word/") and name.endswith(".xml"):
                    blob = z.read(name)
                    if _OLE_LINK.search(blob):
                        found(name, "OLE link")
                    if b"instr" not in blob:
                        continue
                    root = _parse(blob)
                    codes = [t.text or "" for t in root.iter(f"{_W}instrText")]
                    codes += [str(f.get(f"{_W}instr", "")) for f in root.iter(f"{_W}fldSimple")]
                    text = "".join(codes)
                    for m in _FIELDS.finditer(text):
                        found(name, text[m.start() : m.start() + 100].strip())
    except (OSError, zipfile.BadZipFile, etree.XMLSyntaxError):
        return issues  # unreadable: reported as template-unreadable by the other checks
    return issues


def _parse(blob: bytes) -> etree._Element:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    return etree.fromstring(blob, parser)


def refuse_external(path: Path) -> None:
    """Raise ``template-external-link`` (exit 3) for the first outside reference."""
    issues = external_references(path)
    if issues:
        raise DataError("template-external-link", issues=issues, **issues[0].params)


__all__ = ["MAX_PART", "external_references", "refuse_external"]

"""Combined conversion: many .docx of one template → one LibreOffice document → split PDFs.

A step of the conversion stage (issue 15). LibreOffice spends most of its time per
document on loading it, not on laying out its pages: a certificate's ``styles.xml`` alone
is 350 KB, parsed again for every file of ``soffice --convert-to pdf f1 … fK``. Documents
rendered from the same template share every part but the body, so they can be one
document: each body becomes a section of its own (a page break, page numbers from 1, the
same page setup and headers), LibreOffice loads the styles once and converts the whole
document, and the PDF is cut back into one PDF per document. Measured on this project's
certificates: a third of the CPU of converting the files one after the other in one
LibreOffice, with every page identical (text, page size, rasterised pixels).

Only documents that cannot change when put together are combined (:func:`signature`
returns None for the others, which go through the pool one by one):

* every part except the body, its relationships, its pictures and ``docProps`` is the same
  (same names, sizes and CRCs in the zip's directory): same styles, settings, headers;
* the body has exactly one section (its last child), starting on a new page;
* no list numbering (it would run on from one document into the next), no fields other
  than ``PAGE`` in the body or the headers (``NUMPAGES`` would count the combined
  document), no footnotes, endnotes or comments;
* the body's relationships are the shared ones, pictures (``media/``) and hyperlinks.

Where each document starts and ends in the PDF is not guessed: a bookmark at the start of
its first paragraph and one at the end of its last become named destinations in the PDF
(``ExportBookmarksToPDFDestination``), and :func:`split` refuses a PDF where a document
does not start right after the previous one ends (a blank page between them, a missing
marker): the pool then converts those documents one by one.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree  # type: ignore[import-untyped]

from ocop_docs.production.fonts import _SUBSET, family

COMBINE_MAX = 50  # documents per combined document: enough to load the styles rarely,
# few enough that one failure costs little and a LibreOffice stays small
COMBINE_MIN = 2
# The PDF export option that turns Writer bookmarks into named destinations; nothing else
# of the export changes (pages compared, issue 15).
PDF_FILTER = (
    'pdf:writer_pdf_Export:{"ExportBookmarksToPDFDestination":{"type":"boolean","value":"true"}}'
)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PR = "http://schemas.openxmlformats.org/package/2006/relationships"
_IMAGE = R + "/image"
_HYPERLINK = R + "/hyperlink"
_BODY_PARTS = {"word/document.xml", "word/_rels/document.xml.rels"}
_OWN_PREFIXES = ("word/media/", "docProps/")
_START, _END = "OcopPartStart", "OcopPartEnd"
_BOOKMARK_ID = 0x7E000000  # far above the ids a document uses for its own bookmarks
# In the body: what would change when the document is not alone.
_BODY_REFUSED = re.compile(
    rb"<w:(numPr|fldSimple|footnoteReference|endnoteReference|commentReference|"
    rb"sectPr|altChunk|subDoc)\b"
)
_INSTR = re.compile(rb"<w:instrText[^>]*>([^<]*)</w:instrText>")
_FLD_SIMPLE = re.compile(rb'<w:fldSimple\b[^>]*w:instr="([^"]*)"')
_PSTYLE = re.compile(rb'<w:pStyle w:val="([^"]+)"')
_SECT_TYPE = re.compile(rb'<w:type w:val="([^"]+)"')
_NAME = rb"/([^\s/\[\]()<>{}%]+)"
_DO = re.compile(_NAME + rb"\s+Do\b")
_TF = re.compile(_NAME + rb"\s+[-+.\d]+\s+Tf\b")


class NotCombinable(Exception):
    """These documents cannot be put together unchanged (see the module's rules)."""


def _fields_ok(xml: bytes) -> bool:
    fields = _INSTR.findall(xml) + _FLD_SIMPLE.findall(xml)
    return all(f.strip().split(b" ")[0].upper() in (b"PAGE", b"") for f in fields)


def _numbered_styles(styles: bytes) -> frozenset[bytes]:
    """Ids of the paragraph styles that number their paragraphs (``w:numPr``)."""
    found = set()
    for match in re.finditer(rb"<w:style\b[^>]*>.*?</w:style>", styles, re.S):
        block = match.group(0)
        if b"<w:numPr" in block:
            sid = re.search(rb'w:styleId="([^"]+)"', block)
            if sid:
                found.add(sid.group(1))
    return frozenset(found)


@dataclass(frozen=True, slots=True)
class _Shared:
    """What the shared parts allow, read once per set of shared parts."""

    numbered: frozenset[bytes]  # paragraph styles with numbering
    fields_ok: bool  # the headers and footers have no field but PAGE


_SHARED: dict[tuple[Any, ...], _Shared] = {}
_NOTES = ("footnotes", "endnotes", "comments")


def _shared(archive: zipfile.ZipFile, key: tuple[Any, ...]) -> _Shared:
    found = _SHARED.get(key)
    if found is None:
        names = archive.namelist()
        styles = archive.read("word/styles.xml") if "word/styles.xml" in names else b""
        headers = [n for n in names if re.fullmatch(r"word/(header|footer)\d*\.xml", n)]
        found = _Shared(_numbered_styles(styles), all(_fields_ok(archive.read(n)) for n in headers))
        if len(_SHARED) > 64:  # a long-running service meets few templates; stay bounded
            _SHARED.clear()
        _SHARED[key] = found
    return found


def signature(path: Path) -> tuple[Any, ...] | None:
    """A key shared by the documents that can be combined with each other, or None when
    ``path`` must be converted alone (not a .docx, or one of the module's rules).

    Reads the zip's directory, the body and its relationships; the shared parts (styles,
    headers) are read once per set of identical parts."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            names = {i.filename for i in infos}
            if not names >= _BODY_PARTS:
                return None
            if any(n.rsplit("/", 1)[-1].startswith(_NOTES) for n in names):
                return None
            shared = tuple(
                sorted(
                    (i.filename, i.CRC, i.file_size)
                    for i in infos
                    if i.filename not in _BODY_PARTS and not i.filename.startswith(_OWN_PREFIXES)
                )
            )
            rules = _shared(archive, shared)
            body = archive.read("word/document.xml")
            rels = archive.read("word/_rels/document.xml.rels")
    except (OSError, zipfile.BadZipFile, KeyError, ValueError):
        return None
    if not rules.fields_ok:
        return None
    # One section, the body's last element: its sectPr is the only one.
    if body.count(b"<w:sectPr") != 1 or not re.search(rb"</w:sectPr>\s*</w:body>", body):
        return None
    refused = {m.group(1) for m in _BODY_REFUSED.finditer(body)} - {b"sectPr"}
    if refused or not _fields_ok(body):
        return None
    sect_type = _SECT_TYPE.search(body)
    if sect_type and sect_type.group(1) != b"nextPage":
        return None  # an odd/even page start could add a blank page between documents
    if set(_PSTYLE.findall(body)) & rules.numbered:
        return None
    try:
        relations = etree.fromstring(rels)
    except etree.XMLSyntaxError:
        return None
    common = []
    for rel in relations:
        kind, target = rel.get("Type", ""), rel.get("Target", "")
        if kind == _IMAGE and target.startswith("media/") and rel.get("TargetMode") is None:
            continue
        if kind == _HYPERLINK and rel.get("TargetMode") == "External":
            continue
        if rel.get("TargetMode") is not None:
            return None  # linked content outside the file: never combined
        common.append((rel.get("Id", ""), kind, target))
    return (shared, tuple(sorted(common)))


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _bookmark(name: str, number: int) -> tuple[etree._Element, etree._Element]:
    start = etree.Element(_w("bookmarkStart"))
    start.set(_w("id"), str(_BOOKMARK_ID + number))
    start.set(_w("name"), name)
    end = etree.Element(_w("bookmarkEnd"))
    end.set(_w("id"), str(_BOOKMARK_ID + number))
    return start, end


def _mark(paragraph: etree._Element, name: str, number: int, *, at_end: bool) -> None:
    start, end = _bookmark(name, number)
    if at_end:
        paragraph.append(start)
        paragraph.append(end)
        return
    ppr = paragraph.find(_w("pPr"))
    index = 0 if ppr is None else list(paragraph).index(ppr) + 1
    paragraph.insert(index, end)
    paragraph.insert(index, start)


def combine(sources: Sequence[Path], target: Path) -> None:
    """Write one .docx at ``target`` holding ``sources`` (of one :func:`signature`), each as
    a section of its own with its markers; raises :class:`NotCombinable`."""
    if not sources:
        raise NotCombinable("nothing to combine")
    content: list[etree._Element] = []
    rels_out: list[etree._Element] = []
    media: dict[str, bytes] = {}
    root: etree._Element | None = None
    base_rels: etree._Element | None = None
    try:
        for n, source in enumerate(sources):
            with zipfile.ZipFile(source) as archive:
                document = etree.fromstring(archive.read("word/document.xml"))
                relations = etree.fromstring(archive.read("word/_rels/document.xml.rels"))
                renamed: dict[str, str] = {}
                for rel in list(relations):
                    kind, target_ = rel.get("Type", ""), rel.get("Target", "")
                    if kind not in (_IMAGE, _HYPERLINK) or (
                        kind == _IMAGE and rel.get("TargetMode") is not None
                    ):
                        continue
                    new_id = f"rIdOcopP{n}x{rel.get('Id')}"
                    renamed[rel.get("Id", "")] = new_id
                    rel.set("Id", new_id)
                    if kind == _IMAGE:
                        new_target = f"media/ocop-p{n}-{target_.rsplit('/', 1)[-1]}"
                        media[new_target] = archive.read("word/" + target_)
                        rel.set("Target", new_target)
                    relations.remove(rel)
                    rels_out.append(rel)
            if base_rels is None:
                base_rels = relations
            body = document.find(_w("body"))
            if body is None:
                raise NotCombinable(f"{source}: no body")
            children = list(body)
            if not children or children[-1].tag != _w("sectPr"):
                raise NotCombinable(f"{source}: the section is not the body's last element")
            section = children[-1]
            elements = children[:-1]
            for element in elements:
                for node in element.iter():
                    for attr, value in node.attrib.items():
                        if attr.startswith(f"{{{R}}}") and value in renamed:
                            node.set(attr, renamed[value])
            paragraphs = [p for e in elements for p in e.iter(_w("p"))]
            if not paragraphs:
                raise NotCombinable(f"{source}: no paragraph")
            _mark(paragraphs[0], f"{_START}{n}", 2 * n, at_end=False)
            _mark(paragraphs[-1], f"{_END}{n}", 2 * n + 1, at_end=True)
            # Page numbers from 1 in every document, as when it is converted alone.
            number = section.find(_w("pgNumType"))
            if number is None:
                number = etree.Element(_w("pgNumType"))
                anchor = section.find(_w("cols"))  # its place in the schema: before cols
                if anchor is not None:
                    anchor.addprevious(number)
                else:
                    section.append(number)
            if number.get(_w("start")) is None:
                number.set(_w("start"), "1")
            last = n == len(sources) - 1
            if not last:
                # The section ends with its last paragraph: after a table, an empty one, as
                # Writer adds after a table that ends a document.
                if elements and elements[-1].tag == _w("p"):
                    holder = elements[-1]
                    ppr = holder.find(_w("pPr"))
                    if ppr is None:
                        ppr = etree.Element(_w("pPr"))
                        holder.insert(0, ppr)
                    ppr.append(section)
                else:
                    holder = etree.Element(_w("p"))
                    etree.SubElement(holder, _w("pPr")).append(section)
                    elements.append(holder)
            else:
                elements.append(section)
            content.extend(elements)
            if root is None:
                root = document
            for child in list(body):
                body.remove(child)
    except (OSError, zipfile.BadZipFile, KeyError, etree.XMLSyntaxError) as exc:
        raise NotCombinable(str(exc)) from exc
    assert root is not None and base_rels is not None
    body = root.find(_w("body"))
    assert body is not None
    body.extend(content)
    base_rels.extend(rels_out)
    document_xml = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    rels_xml = etree.tostring(base_rels, xml_declaration=True, encoding="UTF-8", standalone=True)
    with zipfile.ZipFile(sources[0]) as first, zipfile.ZipFile(target, "w") as out:
        # Stored, not deflated: the file lives a few seconds, LibreOffice reads it once.
        for info in first.infolist():
            name = info.filename
            if name == "word/document.xml":
                out.writestr(name, document_xml)
            elif name == "word/_rels/document.xml.rels":
                out.writestr(name, rels_xml)
            elif not name.startswith("word/media/"):
                out.writestr(name, first.read(info))
        for name, blob in media.items():
            out.writestr("word/" + name, blob)


@dataclass(frozen=True, slots=True)
class Part:
    """One document cut out of the combined PDF."""

    data: bytes
    pages: int
    families: Counter[str]  # as :func:`~ocop_docs.production.fonts.pdf_families` counts


def _core_title(source: Path) -> dict[str, str]:
    """What LibreOffice writes into a PDF's information from ``docProps/core.xml``."""
    try:
        with zipfile.ZipFile(source) as archive:
            core = etree.fromstring(archive.read("docProps/core.xml"))
    except (OSError, KeyError, zipfile.BadZipFile, etree.XMLSyntaxError):
        return {}
    out: dict[str, str] = {}
    for key, tag in (
        ("/Title", "{http://purl.org/dc/elements/1.1/}title"),
        ("/Subject", "{http://purl.org/dc/elements/1.1/}subject"),
        ("/Author", "{http://purl.org/dc/elements/1.1/}creator"),
        (
            "/Keywords",
            "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}keywords",
        ),
    ):
        node = core.find(tag)
        if node is not None and node.text:
            out[key] = node.text
    return out


def _used(page: Any, kind: str, pattern: re.Pattern[bytes]) -> set[str]:
    """Keep in the page's resources of ``kind`` only the names its content uses: LibreOffice
    gives every page of a document one resource dictionary with every picture. Returns the
    base names (``/BaseFont`` without its subset tag) of what is kept."""
    from pypdf.generic import DictionaryObject, NameObject

    resources = page.get("/Resources")
    if resources is None:
        return set()
    resources = resources.get_object()
    table = resources.get(kind)
    if table is None:
        return set()
    contents = page.get_contents()
    data = contents.get_data() if contents is not None else b""
    used = {m.group(1).decode("latin-1") for m in pattern.finditer(data)}
    table = table.get_object()
    kept = DictionaryObject({NameObject(k): v for k, v in table.items() if k.lstrip("/") in used})
    new = DictionaryObject(resources)
    new[NameObject(kind)] = kept
    page[NameObject("/Resources")] = new
    names = set()
    for ref in kept.values():
        base = ref.get_object().get("/BaseFont")
        if base is not None:
            names.add(_SUBSET.sub("", str(base).lstrip("/")))
    return names


def split(pdf: bytes, sources: Sequence[Path]) -> list[Part] | None:
    """The combined PDF cut into one PDF per source, or None when the markers do not show
    every document starting right after the one before (then nothing is kept)."""
    from pypdf import PdfReader, PdfWriter

    try:
        reader = PdfReader(io.BytesIO(pdf))
        total = len(reader.pages)
        named = reader.named_destinations
        starts: list[int] = []
        ends: list[int] = []
        for n in range(len(sources)):
            start, end = named.get(f"/{_START}{n}"), named.get(f"/{_END}{n}")
            first = None if start is None else reader.get_destination_page_number(start)
            last = None if end is None else reader.get_destination_page_number(end)
            if first is None or last is None:
                return None
            starts.append(first)
            ends.append(last)
    except Exception:  # a PDF pypdf cannot read: as unusable as a missing marker
        return None
    if not starts or starts[0] != 0 or ends[-1] != total - 1:
        return None
    for n in range(len(sources)):
        if ends[n] < starts[n] or (n + 1 < len(sources) and starts[n + 1] != ends[n] + 1):
            return None
    info = {
        k: v
        for k, v in (reader.metadata or {}).items()
        if k in ("/Creator", "/Producer", "/CreationDate")
    }
    parts: list[Part] = []
    for n, source in enumerate(sources):
        writer = PdfWriter()
        fonts: set[str] = set()
        for number in range(starts[n], ends[n] + 1):
            page = reader.pages[number]
            _used(page, "/XObject", _DO)  # before the copy: only what is kept is copied
            fonts |= _used(page, "/Font", _TF)
            writer.add_page(page)
        writer.add_metadata({**info, **_core_title(source)})
        buffer = io.BytesIO()
        writer.write(buffer)
        families = Counter(family(name) for name in fonts)
        parts.append(Part(buffer.getvalue(), ends[n] - starts[n] + 1, families))
    return parts


__all__ = [
    "COMBINE_MAX",
    "COMBINE_MIN",
    "PDF_FILTER",
    "NotCombinable",
    "Part",
    "combine",
    "signature",
    "split",
]

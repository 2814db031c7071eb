"""Batch rendering: one template prepared once, then filled many times, fast.

Stage "rendering" of the produce pipeline for many documents (issue #5). The plain loop
``DocxTemplate(path).render(ctx); save()`` re-reads the .docx zip, re-parses every part,
re-runs docxtpl's regular-expression clean-up of the XML and recompiles the Jinja template
for every document, then re-serialises and re-compresses all parts, including the
~800 KB of styles that never change. :class:`PreparedTemplate` does all of that once:

* the template is opened once (python-docx, docxtpl); docxtpl's own ``patch_xml`` cleans
  the body and header/footer XML once and Jinja compiles it once;
* headers, footers and core properties without any Jinja tag are rendered once and kept;
* every part that rendering does not touch (styles, numbering, theme, settings, rels …) is
  serialised and deflated once and copied into each output as raw compressed bytes.

Per document only the body (and any header, footer or property that has tags) is rendered,
post-processed with docxtpl's own functions (``fix_tables``, ``fix_docpr_ids``,
``resolve_listing``) and our :func:`~ocop_docs.production.rendering.fit_tables`, and written
to a zip with the same entry order, timestamps and deflate level as
:func:`~ocop_docs.production.rendering.render_template`. The output is **byte-identical** to
:func:`~ocop_docs.production.rendering.render_template` for the same template and context (a test
compares both), and strictness, draft placeholders, the sandbox and the error messages are
the same, because the same environment and the same error translation are used.

Templates using a docxtpl feature this path does not replicate (footnotes) are rendered
with :func:`~ocop_docs.production.rendering.render_template` instead, document by document.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
import struct
import zipfile
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docx.opc.oxml import serialize_part_xml
from docx.opc.part import XmlPart
from docxtpl import DocxTemplate
from jinja2 import meta
from lxml import etree  # type: ignore[import-untyped]

from ocop_docs.errors import DataError
from ocop_docs.production.environment import PathDict, make_environment, wrap
from ocop_docs.production.references import refuse_external
from ocop_docs.production.rendering import (
    CORE_PART,
    ZIP_LEVEL,
    ZIP_TIME,
    RenderedDocument,
    body_width,
    deterministic_core,
    document_time,
    fit_table_grids,
    render_template,
    text_width,
    translate_errors,
)
from ocop_docs.production.streaming import LONG, stream_body
from ocop_docs.text.reasons import library_reason

_JINJA = re.compile(r"\{[{%#]")
_PARAGRAPH = re.compile(r"<w:p([ >])")
_PARAGRAPH_NL = re.compile(r"\n<w:p([ >])")
_LISTING_CHARS = re.compile("[\t\a\n\f]")
_LISTING_PARAGRAPH = re.compile(r"<w:p(?: [^>]*)?>.*?</w:p>", re.DOTALL)  # docxtpl's own
_XMLNS = re.compile(rb'\s+xmlns(?::[\w.-]+)?="[^"]*"')
_FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
# docxtpl's render_properties fills these core properties through Jinja (template.py).
# The zip format's central directory and end records, as zipfile packs them (APPNOTE 4.3).
_CENTRAL_DIR = "<4s4B4HL2L5H2L"
_CENTRAL_DIR_SIG = b"PK\001\002"
_END_ARCHIVE = b"<4s4H2LH"
_END_ARCHIVE_SIG = b"PK\005\006"
_TEMPLATED_PROPERTIES = ("author", "comments", "identifier", "language", "subject", "title")
_BODY = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}body"
_WHOLE_PARSER = etree.XMLParser(huge_tree=True, resolve_entities=False)


# --- zip output --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Entry:
    """One zip member, deflated, with the bytes ``zipfile`` writes for it.

    ``local`` is the local header and the data; ``central`` the central-directory record
    without its last field (the member's offset) and name, so a fixed member costs one copy.
    """

    name: bytes
    local: bytes
    central: bytes

    @classmethod
    def of(cls, name: str, blob: bytes) -> _Entry:
        packer = zlib.compressobj(ZIP_LEVEL, zlib.DEFLATED, -15)
        data = packer.compress(blob) + packer.flush()
        # The fields zipfile.ZipFile.writestr gives a ZipInfo made by make_deterministic.
        info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.create_system = 0
        info.external_attr = 0o600 << 16  # what zipfile writes for external_attr 0
        info.flag_bits = 0
        info.CRC = zlib.crc32(blob) & 0xFFFFFFFF
        info.file_size = len(blob)
        info.compress_size = len(data)
        local = info.FileHeader(False) + data
        d = info.date_time
        central = struct.pack(
            _CENTRAL_DIR,
            _CENTRAL_DIR_SIG,
            info.create_version,
            info.create_system,
            info.extract_version,
            info.reserved,
            info.flag_bits,
            info.compress_type,
            d[3] << 11 | d[4] << 5 | (d[5] // 2),
            (d[0] - 1980) << 9 | d[1] << 5 | d[2],
            info.CRC,
            info.compress_size,
            info.file_size,
            len(name.encode("ascii")),
            0,
            0,
            0,
            info.internal_attr,
            info.external_attr,
            0,
        )[:-4]
        return cls(name.encode("ascii"), local, central)


def write_zip(entries: list[_Entry]) -> bytes:
    """The zip ``zipfile`` writes for these members (no zip64: documents are small)."""
    out = bytearray()
    offsets = []
    for entry in entries:
        offsets.append(len(out))
        out += entry.local
    start = len(out)
    for entry, offset in zip(entries, offsets, strict=True):
        out += entry.central
        out += struct.pack("<L", offset)
        out += entry.name
    count = len(entries)
    out += struct.pack(
        _END_ARCHIVE,
        _END_ARCHIVE_SIG,
        0,
        0,
        count,
        count,
        len(out) - start,
        start,
        0,
    )
    return bytes(out)


# --- the prepared template ---------------------------------------------------------------------


@dataclass(slots=True)
class _Part:
    """A header or footer: fixed bytes, or a compiled template rendered per document."""

    name: str  # zip member name
    partname: Any  # docx PackURI
    content_type: str
    encoding: str
    template: Any = None  # jinja2 Template, or None when the part has no tags
    entry: _Entry | None = None


class PreparedTemplate:
    """A .docx template parsed, cleaned and compiled once; :meth:`render` per document.

    Not thread-safe (one instance per process); cheap to keep for a whole batch.
    """

    def __init__(self, template: Path, *, draft: bool = False) -> None:
        self.template = template
        self.draft = draft
        if not template.is_file():
            raise DataError("template-missing", file=template.name, folder=str(template.parent))
        refuse_external(template)  # nothing outside the document reaches LibreOffice
        raw = template.read_bytes()
        self.sha256 = hashlib.sha256(raw).hexdigest()
        try:
            tpl = DocxTemplate(io.BytesIO(raw))
            tpl.init_docx()
            plain = io.BytesIO()
            tpl.docx.save(plain)  # the bytes python-docx writes for the untouched parts
        except Exception as exc:  # zipfile.BadZipFile, KeyError, lxml errors…
            raise DataError(
                "template-unreadable", file=str(template), **library_reason(exc)
            ) from exc
        self._tpl = tpl
        self._doc = tpl.docx
        self.fallback = any(p.content_type == _FOOTNOTES for p in self._doc.part.package.parts)
        self.seen: list[str] = []
        self._env = make_environment(draft=draft, seen=self.seen)
        # Top-level names the template reads (None: unknown), so a batch can tell whether a
        # document's data changed without rendering it (``--resume``).
        self.variables: frozenset[str] | None = None
        if self.fallback:
            return
        self._sources: list[str] = []
        with translate_errors(template):
            body = _PARAGRAPH.sub(r"\n<w:p\1", tpl.patch_xml(tpl.get_xml()))
            self._sources.append(body)
            self._body = self._env.from_string(body)
            self._parts = self._prepare_parts()
            self._properties = self._prepare_properties()
            self.variables = frozenset(
                name
                for source in self._sources
                for name in meta.find_undeclared_variables(self._env.parse(source))
            )
        self._root = self._doc.element
        self._core = self._doc.core_properties
        self._core_part = self._doc.part.package._core_properties_part
        # The text width, known in advance unless the page itself is templated (the
        # pre-printed stock's size, giay-chung-nhan-phoi): then read from each document.
        self._width: int | None
        try:
            self._width = text_width(self._doc)
        except (ValueError, TypeError):
            self._width = None
        self._cores: dict[tuple[Any, ...], bytes] = {}
        # document.xml is the template's bytes around the rendered body; whether that
        # shortcut gives python-docx's bytes exactly is checked on the first document.
        whole = self._doc.part.blob
        start, end = whole.find(b"<w:body"), whole.rfind(b"</w:body>")
        self._around = (
            (whole[:start], whole[end + len(b"</w:body>") :]) if start > 0 < end else None
        )
        self._shortcut: bool | None = None if self._around else False
        self._stream_ok: bool | None = None  # the same, for bodies fixed piece by piece
        dynamic = {CORE_PART, self._doc.part.partname.lstrip("/")} | {p.name for p in self._parts}
        fixed = {p.name: p.entry for p in self._parts if p.entry is not None}
        self._layout: list[str | _Entry] = []
        with zipfile.ZipFile(plain) as z:
            for item in z.infolist():
                name = item.filename
                if name in fixed:
                    self._layout.append(fixed[name])
                elif name in dynamic:
                    self._layout.append(name)
                else:
                    self._layout.append(_Entry.of(name, z.read(name)))

    # -- preparation --

    def _prepare_parts(self) -> list[_Part]:
        tpl = self._tpl
        parts: list[_Part] = []
        for uri in (tpl.HEADER_URI, tpl.FOOTER_URI):
            for _key, part in tpl.get_headers_footers(uri):
                xml = tpl.get_part_xml(part)
                prepared = _Part(
                    part.partname.lstrip("/"),
                    part.partname,
                    part.content_type,
                    tpl.get_headers_footers_encoding(xml),
                )
                source = _PARAGRAPH.sub(r"\n<w:p\1", tpl.patch_xml(xml))
                self._sources.append(source)
                compiled = self._env.from_string(source)
                if _JINJA.search(source):
                    prepared.template = compiled
                else:  # no tags: the same bytes for every document
                    blob = self._part_blob(prepared, self._finish([compiled.render({})]))
                    prepared.entry = _Entry.of(prepared.name, blob)
                parts.append(prepared)
        return parts

    def _prepare_properties(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        core = self._doc.core_properties
        for name in _TEMPLATED_PROPERTIES:
            initial = getattr(core, name)
            if _JINJA.search(initial):
                self._sources.append(initial)
                out[name] = self._env.from_string(initial)
            else:
                out[name] = initial
        return out

    # -- per document --

    def _finish(self, rendered: list[str]) -> str:
        """docxtpl's render_xml_part after Jinja (the listing pass only when it can matter)
        on ``rendered``'s one text, which it takes out of the list."""
        xml = _PARAGRAPH_NL.sub(r"<w:p\1", rendered.pop())
        if "{_" in xml or "_}" in xml:
            xml = xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%")
            xml = xml.replace("%_}", "%}")

        if _LISTING_CHARS.search(xml):
            xml = self._listing(xml)
        result: str = xml
        return result

    def _listing(self, xml: str) -> str:
        """docxtpl's ``resolve_listing``, run only on the paragraphs that hold a tab, a
        line break, \\a or \\f (issue 15: a fifth of a certificate's rendering went to
        its Python callbacks on every paragraph). The same bytes: ``resolve_listing`` is a
        substitution over the matches of the same paragraph pattern, leaves the text
        between them alone and gives back a paragraph without those characters as it was;
        a paragraph on its own matches itself as it did in place (up to its first
        ``</w:p>``)."""
        out: list[str] = []
        at = 0
        for match in _LISTING_PARAGRAPH.finditer(xml):
            if _LISTING_CHARS.search(xml, match.start(), match.end()):
                out.append(xml[at : match.start()])
                out.append(self._tpl.resolve_listing(match.group(0)))
                at = match.end()
        if not at:
            return xml
        out.append(xml[at:])
        return "".join(out)

    def _document(self, tree: Any) -> bytes:
        """document.xml with the rendered body, as python-docx would save it."""
        if self._around is not None and self._shortcut is not False:
            head, tail = self._around
            inner = etree.tostring(tree, encoding="UTF-8", xml_declaration=False)
            # In the document the body's namespaces are declared by its parent (lxml drops
            # the copies when the body is put in place): drop them from its start tag.
            close = inner.index(b">")
            quick: bytes = head + _XMLNS.sub(b"", inner[:close]) + inner[close:] + tail
            if self._shortcut:
                return quick
            self._shortcut = quick == _placed(head + inner + tail)
            if self._shortcut:
                return quick
        self._root.replace(self._root.body, tree)
        blob: bytes = self._doc.part.blob
        return blob

    def _streamed(self, body: str) -> bytes | None:
        """document.xml of a long body, fixed piece by piece (:mod:`.streaming`), or None.

        The minutes and the decision of a large round list every product: the whole tree
        of their body took 400 MB at 10,000 products. Used only when the quick way of
        writing document.xml holds for this template (checked once, on the template's own
        body: it depends on the start tag of the body and the parts around it only)."""
        if len(body) < LONG or self._around is None or self._width is None:
            return None
        if self._stream_ok is None:
            head, tail = self._around
            inner = etree.tostring(self._doc.element.body, encoding="UTF-8")
            close = inner.index(b">")
            quick = head + _XMLNS.sub(b"", inner[:close]) + inner[close:] + tail
            self._stream_ok = quick == _placed(head + inner + tail)
        if not self._stream_ok:
            return None
        tpl = self._tpl
        tpl.docx_ids_index = 1000  # docxtpl's render_init: drawing ids from a fixed start
        streamed = stream_body(
            body, self._width, tpl.fix_tables, tpl.fix_docpr_ids, lambda t: self._finish([t])
        )
        if streamed is None:
            return None
        head, tail = self._around
        streamed.insert(0, head)
        streamed.append(tail)
        return b"".join(streamed)

    def _core_blob(self, stamp: dt.datetime, props: dict[str, str]) -> bytes:
        """docProps/core.xml; the same for every document of a date (a round's certificates)."""
        key = (stamp, *props.items())
        blob = self._cores.get(key)
        if blob is None:
            core = self._core
            for name, value in props.items():
                setattr(core, name, value)
            core.created = stamp
            core.modified = stamp
            core.last_modified_by = "ocop-docs"
            core.revision = 1
            blob = deterministic_core(self._core_part.blob, stamp)
            if len(self._cores) > 64:
                self._cores.clear()
            self._cores[key] = blob
        return blob

    def _part_blob(self, part: _Part, xml: str) -> bytes:
        package = self._doc.part.package
        loaded = XmlPart.load(part.partname, part.content_type, xml.encode(part.encoding), package)
        blob: bytes = loaded.blob
        return blob

    def render(
        self,
        context: Mapping[str, Any],
        *,
        when: dt.datetime | None = None,
        wrapped: bool = False,
    ) -> RenderedDocument:
        """Fill the template; ``wrapped``: ``context`` already went through :func:`wrap`."""
        if self.fallback:
            return render_template(self.template, dict(context), draft=self.draft, when=when)
        data = context if wrapped else wrap(dict(context))
        self.seen.clear()
        tpl = self._tpl
        with translate_errors(self.template):
            raw = self._body.render(data)
            parts = {
                p.name: self._finish([p.template.render(data)])
                for p in self._parts
                if p.template is not None
            }
            props = {
                k: v if isinstance(v, str) else v.render(data) for k, v in self._properties.items()
            }
        # A long body is cleaned up piece by piece while it is fixed (:mod:`.streaming`):
        # the minutes of a large round are 60 MB of text a copy.
        document = self._streamed(raw)
        if document is None:
            with translate_errors(self.template):
                body = self._finish([raw])  # the one-item list lets go of the text early
            del raw
            tree = tpl.fix_tables(body)
            del body  # the tree holds it now; a long body is worth its memory (issue 15)
            tpl.docx_ids_index = 1000  # docxtpl's render_init: drawing ids from a fixed start
            tpl.fix_docpr_ids(tree)
            fit_table_grids(tree, self._width if self._width is not None else body_width(tree))
            document = self._document(tree)
            del tree
        stamp = document_time(when)
        blobs = {
            self._doc.part.partname.lstrip("/"): document,
            CORE_PART: self._core_blob(stamp, props),
        }
        for part in self._parts:
            if part.name in parts:
                blobs[part.name] = self._part_blob(part, parts[part.name])
        entries = [
            item if isinstance(item, _Entry) else _Entry.of(item, blobs[item])
            for item in self._layout
        ]
        return RenderedDocument(write_zip(entries), self.template, list(self.seen))


def _placed(whole: bytes) -> bytes | None:
    """The bytes python-docx writes for ``whole`` (a document.xml whose body still declares
    its own namespaces) once the body is put in place, as ``replace`` puts it: the body's
    redundant declarations stripped (:func:`~PreparedTemplate._document` checks its
    shortcut against this once).

    ``replace`` of a body from another document costs time quadratic in the number of
    ``xml:space`` attributes (lxml's namespace cache misses the implicit ``xml`` namespace
    of a foreign document on every attribute: 5 s for the minutes of an 8,000-product
    round); putting the body back in place within its own document does the same
    namespace work in linear time. None when ``whole`` does not parse (then no shortcut).
    """
    try:
        root = etree.fromstring(whole, _WHOLE_PARSER)
    except etree.XMLSyntaxError:
        return None
    body = root.find(_BODY)
    if body is None:
        return None
    root.insert(root.index(body), body)  # moving it in place strips what its parent declares
    placed: bytes = serialize_part_xml(root)
    return placed


def wrap_shared(
    context: Mapping[str, Any],
    base: Mapping[str, Any],
    cache: dict[str, Any],
    names: Iterable[str] | None = None,
) -> PathDict:
    """:func:`wrap` of ``context``, reusing the wrapped values it shares with ``base``.

    A certificate's context is the round's context plus two keys; wrapping the round's
    product lists again for every certificate would make a batch quadratic in its size.
    Values of ``base`` are wrapped once, into ``cache``; with ``names`` (the template's
    :attr:`PreparedTemplate.variables`) only what the template reads is wrapped at all.
    """
    wanted = None if names is None else set(names)
    items: dict[str, Any] = {}
    for key, value in context.items():
        if value is None or (wanted is not None and key not in wanted):
            continue
        if base.get(key) is value:
            shared = cache.get(key)
            if shared is None:
                shared = cache[key] = wrap(value, key)
            items[key] = shared
        else:
            items[key] = wrap(value, key)
    return PathDict("", items)


__all__ = ["PreparedTemplate", "wrap_shared", "write_zip"]

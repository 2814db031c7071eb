"""A long rendered body post-processed piece by piece: memory flat in the number of rows.

docxtpl's post-processing of a rendered body (``fix_tables``, ``fix_docpr_ids``) and our
:func:`~ocop_docs.production.rendering.fit_table_grids` work on one lxml tree of the whole
body; lxml holds about 13 bytes per byte of XML, so the minutes or the decision of a
10,000-product round (a table of 10,000 rows, 30 MB of XML) took 400 MB for the tree alone
(issue 15: a round of 10,000 products under 500 MB for the whole process tree).

:func:`stream_body` gives the same bytes from small trees: the body is cut at its top-level
tables; text between them is parsed as it is, and each table in pieces of rows, twice:
once to learn what the table-wide fixes need (the row with most cells, the widest row, the
first plain row with most cells: a small table of those rows goes through docxtpl's
``fix_tables`` and ``fit_table_grids`` themselves), once to fix and serialise the rows. A
piece is parsed inside the body's own start tag, so it carries the same namespaces, and
serialised with it, then the start and end tags are cut off again: lxml writes each
element the same way wherever its siblings are. Whatever this cannot vouch for (a table
inside a table, text boxes, content controls around tables, XML the strict parser refuses)
gives None, and the caller uses the whole tree as before. A test compares both at 2,000
rows for the shipped templates.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from lxml import etree  # type: ignore[import-untyped]

from ocop_docs.production.rendering import fit_table_grids

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TABLE_TAG = re.compile(r"<(/?)w:tbl([ >/])")
_ROW_START = re.compile(r"<w:tr[ >]")
_ROW_END = "</w:tr>"
_XMLNS = re.compile(r'\s+xmlns(?::[\w.-]+)?="[^"]*"')
_SELF_CLOSED = re.compile(r"<w:p [^>]*/>")
_UNSURE = ("txbxContent", "AlternateContent", "<w:sdt", "<!--", "<![CDATA[", "<?")
PIECE = 256 * 1024  # characters of XML parsed at a time
LONG = 1024 * 1024  # bodies shorter than this go through the whole tree (it is small)


class _Unsure(Exception):
    """The body has something the piecewise path does not vouch for."""


class _Pieces:
    """The body's text (one string, never copied whole: slices of a piece at a time) and
    the serialised pieces made so far."""

    def __init__(
        self,
        xml: str,
        start: str,
        width: int,
        renumber: Callable[[Any], None],
        finish: Callable[[str], str],
    ) -> None:
        self.xml = xml
        self.finish = finish  # docxtpl's clean-up after Jinja, a piece at a time
        self.start = start  # the body's start tag, with its namespace declarations
        self.width = width
        self.renumber = renumber  # docxtpl's fix_docpr_ids, with its running counter
        self.parser = etree.XMLParser(resolve_entities=False, huge_tree=True)
        self.out: list[bytes] = []

    def parse(self, inner: str) -> Any:
        try:
            return etree.fromstring(f"{self.start}{inner}</w:body>", self.parser)
        except etree.XMLSyntaxError as exc:  # the whole tree's recovering parser decides
            raise _Unsure from exc

    def children(self, root: Any, prefix: bytes = b"", suffix: bytes = b"") -> bytes:
        """The serialised content of ``root`` (a wrapper body) without its own tags."""
        data: bytes = etree.tostring(root, encoding="UTF-8", xml_declaration=False)
        head = data.index(b">") + 1
        if not data[head:].startswith(prefix) or not data.endswith(suffix + b"</w:body>"):
            raise _Unsure
        return data[head + len(prefix) : len(data) - len(suffix) - len(b"</w:body>")]

    def plain(self, lo: int, hi: int, fix: Callable[[str], Any]) -> None:
        """Text without a long table: parsed whole, fixed as the whole body would be."""
        if lo >= hi:
            return
        inner = self.finish(self.xml[lo:hi])
        self.parse(inner)  # strict first: docxtpl's parser recovers
        root = fix(f"{self.start}{inner}</w:body>")
        self.renumber(root)
        fit_table_grids(root, self.width)
        self.out.append(self.children(root))

    def table(self, lo: int, hi: int, fix: Callable[[str], Any]) -> None:
        """One top-level table without nested tables, row pieces at a time."""
        xml = self.xml
        first = _ROW_START.search(xml, lo, hi)
        end = xml.rfind(_ROW_END, lo, hi)
        if first is None or end < 0 or xml[end + len(_ROW_END) : hi] != "</w:tbl>":
            self.plain(lo, hi, fix)
            return
        shell = self.finish(xml[lo : first.start()])
        if "docPr" in shell:
            raise _Unsure
        pieces = _cut(xml, first.start(), end + len(_ROW_END))
        # Pass 1: the rows the table-wide fixes look at, as text, in document order.
        most = widest = plain_most = (-1, -1, "")  # (count, index, row xml)
        index = 0
        for a, b in pieces:
            piece = self.finish(xml[a:b])
            texts = _rows(piece)
            parsed = self.parse(f"<w:tbl>{piece}</w:tbl>")[0].findall(f"{_W}tr")
            if len(parsed) != len(texts):
                raise _Unsure
            for row, text in zip(parsed, texts, strict=True):
                cells = row.findall(f"{_W}tc")
                span = sum(_span(c) for c in cells)
                if len(cells) > most[0]:
                    most = (len(cells), index, text)
                if span > widest[0]:
                    widest = (span, index, text)
                if len(cells) > plain_most[0] and row.find(f".//{_W}gridSpan") is None:
                    plain_most = (len(cells), index, text)
                index += 1
        picks = sorted({p[1]: p[2] for p in (most, widest, plain_most) if p[1] >= 0}.items())
        samples = "".join(text for _, text in picks)
        mini = fix(f"{self.start}{shell}{samples}</w:tbl></w:body>")
        tbl = mini.find(f"{_W}tbl")
        grid = tbl.find(f"{_W}tblGrid")
        before = list(grid) if grid is not None else []
        fit_table_grids(mini, self.width)
        after = list(grid) if grid is not None else []
        rewritten = len(before) != len(after) or any(
            a is not b for a, b in zip(before, after, strict=True)
        )
        scaled = [c.get(f"{_W}w") for c in after]
        for row in tbl.findall(f"{_W}tr"):
            tbl.remove(row)
        self.out.append(self.children(mini, suffix=b"</w:tbl>"))
        # Pass 2: every row as fit_table_grids leaves it, drawings numbered in order.
        for a, b in pieces:
            root = self.parse(f"<w:tbl>{self.finish(xml[a:b])}</w:tbl>")
            if rewritten:
                for row in root[0].findall(f"{_W}tr"):
                    _set_widths(row, scaled)
            self.renumber(root)
            self.out.append(self.children(root, prefix=b"<w:tbl>", suffix=b"</w:tbl>"))
        self.out.append(b"</w:tbl>")


def _span(cell: Any) -> int:
    """A cell's columns as docxtpl's fix_tables counts them."""
    pr = cell.find(f"{_W}tcPr")
    span = None if pr is None else pr.find(f"{_W}gridSpan")
    return int(span.get(f"{_W}val")) if span is not None else 1


def _rows(piece: str) -> list[str]:
    """The rows of ``piece`` as text (rows hold no rows: nested tables are not cut)."""
    out: list[str] = []
    at = 0
    while (found := _ROW_START.search(piece, at)) is not None:
        end = piece.find(_ROW_END, found.end())
        if end < 0:
            raise _Unsure
        at = end + len(_ROW_END)
        out.append(piece[found.start() : at])
    return out


def _set_widths(row: Any, scaled: list[str | None]) -> None:
    """What fit_table_grids does to a plain row once it rebuilt the grid."""
    if row.find(f".//{_W}gridSpan") is not None:
        return
    cells = row.findall(f"{_W}tc")
    if len(cells) != len(scaled):
        return
    for tc, w in zip(cells, scaled, strict=True):
        tcw = tc.find(f"{_W}tcPr/{_W}tcW")
        if tcw is not None:
            tcw.set(f"{_W}w", str(w))
            tcw.set(f"{_W}type", "dxa")


def _cut(xml: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """``xml[lo:hi]`` (whole rows, one after the other) in pieces of about PIECE
    characters, each cut just before a row starts (offsets: the text is not copied)."""
    pieces: list[tuple[int, int]] = []
    start = lo
    while hi - start > PIECE:
        found = _ROW_START.search(xml, start + PIECE, hi)
        if found is None:
            break
        pieces.append((start, found.start()))
        start = found.start()
    pieces.append((start, hi))
    return pieces


def _tables(xml: str, lo: int, hi: int) -> list[tuple[int, int, bool]]:
    """The top-level tables of ``xml[lo:hi]``: (start, end, has a nested table)."""
    out: list[tuple[int, int, bool]] = []
    depth = 0
    start = 0
    nested = False
    for match in _TABLE_TAG.finditer(xml, lo, hi):
        if match.group(2) == "/":  # <w:tbl/>: nothing to fix
            continue
        if match.group(1):
            depth -= 1
            if depth < 0:
                raise _Unsure
            if depth == 0:
                out.append((start, match.end(), nested))
        else:
            if depth == 0:
                start, nested = match.start(), False
            else:
                nested = True
            depth += 1
    if depth:
        raise _Unsure
    return out


def stream_body(
    xml: str,
    width: int,
    fix: Callable[[str], Any],
    renumber: Callable[[Any], None],
    finish: Callable[[str], str] = str,
) -> list[bytes] | None:
    """The serialised, fixed body of ``xml`` (a rendered ``<w:body …>…</w:body>``), in
    pieces to join, with the start tag's namespace declarations dropped, as the prepared
    template's quick path writes it; None when only the whole tree can tell (see the
    module docstring).

    ``fix``: docxtpl's ``fix_tables`` (XML text → tree); ``renumber``: its
    ``fix_docpr_ids`` (a tree, numbering on from the previous one); ``finish``: the
    clean-up of the text Jinja rendered (docxtpl's listing pass …), given each piece: its
    patterns never reach over the cuts, which lie between paragraphs, unless a paragraph
    is written ``<w:p …/>`` (its pattern then runs on to the next paragraph's end: not cut).
    """
    if any(mark in xml for mark in _UNSURE) or not xml.endswith("</w:body>"):
        return None
    if _SELF_CLOSED.search(xml):
        return None
    close = xml.find(">")
    start = xml[: close + 1]
    if close < 0 or start.endswith("/>") or _XMLNS.sub("", start) != "<w:body>":
        return None
    pieces = _Pieces(xml, start, width, renumber, finish)
    pieces.out.append(b"<w:body>")
    try:
        at = close + 1
        for begin, end, nested in _tables(xml, at, len(xml) - len("</w:body>")):
            pieces.plain(at, begin, fix)
            if nested or end - begin < PIECE:
                pieces.plain(begin, end, fix)
            else:
                pieces.table(begin, end, fix)
            at = end
        pieces.plain(at, len(xml) - len("</w:body>"), fix)
    except _Unsure:
        return None
    pieces.out.append(b"</w:body>")
    return pieces.out


__all__ = ["LONG", "PIECE", "stream_body"]

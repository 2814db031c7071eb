"""Build the Word templates in ``templates/`` (one .docx per document kind).

Run once after changing the layout: ``python scripts/build_templates.py`` (or ``--out DIR``).
The output is committed; officials then edit the .docx files in Word or LibreOffice. The
build is deterministic (fixed document properties and zip timestamps), so re-running it
without changes gives byte-identical files and a clean ``git diff``.

Layout follows Nghị định 30/2020/NĐ-CP Phụ lục I (thể thức và kỹ thuật trình bày):
A4, margins top/bottom 20 mm, left 30 mm, right 15 mm; Times New Roman; the header as a
two-column borderless table (issuing body left, Quốc hiệu and Tiêu ngữ right) with the
short rules under them as paragraph borders; "Số:" and the italic place/date line in the
second header row; body justified 14 pt with a 1.27 cm first-line indent; "Nơi nhận:"
12 pt bold italic with 11 pt items; the page number centred at the top from page 2
("different first page" header). The three forms of QĐ 26/2026 Phụ lục III keep their
own headings and tick boxes. Every Jinja tag is written into a single Word run, so no tag
is split across runs (``ocop-docs templates check`` verifies it).
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import sys
from collections.abc import Callable, Iterable
from copy import deepcopy
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ocop_docs.production.rendering import make_deterministic  # noqa: E402

FONT = "Times New Roman"
# Empty 14 pt lines between the signer's title and name: about 28 mm for the signature and
# the seal (the usual 25–30 mm of provincial practice).
SIGN_LINES = 5
TEXT_WIDTH_MM = 165  # A4 210 mm − left 30 − right 15 (NĐ 30/2020 Phụ lục I, mục I.5)
FIXED_TIME = dt.datetime(2026, 1, 1, 0, 0, 0)

CENTER = WD_ALIGN_PARAGRAPH.CENTER
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY
LEFT = WD_ALIGN_PARAGRAPH.LEFT
RIGHT = WD_ALIGN_PARAGRAPH.RIGHT

QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"


class R:
    """One run: text plus formatting. A Jinja tag always sits in one run."""

    def __init__(
        self,
        text: str,
        *,
        b: bool | None = None,
        i: bool | None = None,
        size: float | None = None,
        sup: bool = False,
    ) -> None:
        self.text, self.b, self.i, self.size, self.sup = text, b, i, size, sup


Run = str | R


# --- low-level helpers -----------------------------------------------------------------


def _set_fonts(rpr_parent: object) -> None:
    rpr = rpr_parent.get_or_add_rPr()  # type: ignore[attr-defined]
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        if attr.endswith("Theme"):
            del fonts.attrib[attr]
    for key in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(key), FONT)


# Children of w:pPr that must follow w:pBdr (ECMA-376 CT_PPrBase sequence).
_PPR_AFTER_PBDR = (
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)


def _border(paragraph: Paragraph, side: str = "bottom", size: int = 6) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    line = OxmlElement(f"w:{side}")
    line.set(qn("w:val"), "single")
    line.set(qn("w:sz"), str(size))
    line.set(qn("w:space"), "1")
    line.set(qn("w:color"), "000000")
    bdr.append(line)
    ppr.insert_element_before(bdr, *_PPR_AFTER_PBDR)


def para(
    container: object,
    *runs: Run,
    style: str | None = None,
    align: object = None,
    b: bool | None = None,
    i: bool | None = None,
    size: float | None = None,
    first_indent: float | None = None,
    left_indent: float | None = None,
    before: float | None = None,
    after: float | None = None,
    keep_next: bool = False,
    page_break_before: bool = False,
) -> Paragraph:
    """Add a paragraph to a document, cell or header, one run per item of ``runs``."""
    p: Paragraph = container.add_paragraph(style=style)  # type: ignore[attr-defined]
    fmt = p.paragraph_format
    if align is not None:
        p.alignment = align  # type: ignore[assignment]
    if first_indent is not None:
        fmt.first_line_indent = Mm(first_indent)
    if left_indent is not None:
        fmt.left_indent = Mm(left_indent)
    if before is not None:
        fmt.space_before = Pt(before)
    if after is not None:
        fmt.space_after = Pt(after)
    if keep_next:
        fmt.keep_with_next = True
    if page_break_before:
        fmt.page_break_before = True
    for item in runs:
        r = item if isinstance(item, R) else R(item)
        run = p.add_run(r.text)
        bold = r.b if r.b is not None else b
        italic = r.i if r.i is not None else i
        if bold is not None:
            run.bold = bold
        if italic is not None:
            run.italic = italic
        if (r.size or size) is not None:
            run.font.size = Pt(r.size or size)  # type: ignore[arg-type]
        if r.sup:
            run.font.superscript = True
    return p


def rule(container: object, indent_mm: float, space_after: float = 6) -> Paragraph:
    """The short solid line under an agency name, Tiêu ngữ or trích yếu (NĐ 30 Phụ lục I).

    Drawn as the bottom border of an empty 2 pt paragraph indented from both sides, so it
    stays centred under the text and survives Word ↔ LibreOffice round trips.
    """
    p = para(container, size=2, after=space_after, before=0)
    p.paragraph_format.left_indent = Mm(indent_mm)
    p.paragraph_format.right_indent = Mm(indent_mm)
    p.paragraph_format.line_spacing = Pt(2)
    _border(p, "bottom", 6)
    return p


def first_cell_paragraph(cell: _Cell) -> Paragraph:
    first: Paragraph = cell.paragraphs[0]
    return first


def _remove_first_empty(cell: _Cell) -> None:
    """Cells start with an empty paragraph; drop it once real content was added."""
    first = cell.paragraphs[0]
    if not first.text and len(cell.paragraphs) > 1:
        first._p.getparent().remove(first._p)


def table(
    doc: object,
    widths_mm: Iterable[float],
    rows: int = 1,
    *,
    grid: bool = False,
    size: float | None = None,
) -> Table:
    widths = list(widths_mm)
    t: Table = doc.add_table(rows=rows, cols=len(widths))  # type: ignore[attr-defined]
    if grid:
        t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    tblpr = t._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tblpr.append(layout)
    for col, w in zip(t.columns, widths, strict=True):
        col.width = Mm(w)
    for row in t.rows:
        for cell, w in zip(row.cells, widths, strict=True):
            cell.width = Mm(w)
    return t


def cell_para(cell: _Cell, *runs: Run, **kw: object) -> Paragraph:
    p = para(cell, *runs, **kw)  # type: ignore[arg-type]
    _remove_first_empty(cell)
    return p


def shade(cell: _Cell, fill: str) -> None:
    """Cell background (a light grey for the part rows of the scoring sheet)."""
    tcpr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tcpr.append(shd)


def section_break(doc: object, paragraph: Paragraph) -> None:
    """Make ``paragraph`` end a section that is a copy of the document's last one.

    Used between the sheets of a multi-sheet document: each sheet is a section of its own,
    starting on a new page with page numbers restarting at 1 and none on its first page
    (NĐ 30/2020 Phụ lục I mục I.6, applied per sheet).
    """
    body_sect = doc.sections[-1]._sectPr  # type: ignore[attr-defined]
    if body_sect.find(qn("w:pgNumType")) is None:
        number = OxmlElement("w:pgNumType")
        number.set(qn("w:start"), "1")
        body_sect.insert_element_before(
            number,
            "w:cols",
            "w:formProt",
            "w:vAlign",
            "w:noEndnote",
            "w:titlePg",
            "w:textDirection",
            "w:bidi",
            "w:rtlGutter",
            "w:docGrid",
            "w:printerSettings",
            "w:sectPrChange",
        )
    paragraph._p.get_or_add_pPr().append(deepcopy(body_sect))


def add_row(t: Table) -> Any:
    """``Table.add_row`` (untyped in python-docx)."""
    return t.add_row()  # type: ignore[no-untyped-call]


def tr_row(t: Table, tag: str) -> None:
    """A row holding only a ``{%tr …%}`` tag (docxtpl removes the whole row)."""
    row = add_row(t)
    cell_para(row.cells[0], tag, style="VB Bảng")


def repeat_header(row: object) -> None:
    trpr = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    el = OxmlElement("w:tblHeader")
    trpr.append(el)


def cant_split(row: object) -> None:
    trpr = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    el = OxmlElement("w:cantSplit")
    trpr.insert(0, el)


def cell_margins(t: Table, mm: float) -> None:
    """Left and right cell padding of a whole table (w:tblCellMar), for narrow columns."""
    tblpr = t._tbl.tblPr
    mar = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), str(round(mm * 56.7)))
        el.set(qn("w:type"), "dxa")
        mar.append(el)
    look = tblpr.find(qn("w:tblLook"))  # CT_TblPr order: … tblLayout, tblCellMar, tblLook
    if look is not None:
        look.addprevious(mar)
    else:
        tblpr.append(mar)


def page_break(doc: object) -> None:
    p = doc.add_paragraph()  # type: ignore[attr-defined]
    p.add_run().add_break(WD_BREAK.PAGE)


def add_page_number(paragraph: Paragraph) -> None:
    """A PAGE field (NĐ 30 Phụ lục I mục I.6: Arabic numerals, centred in the top margin)."""
    run = paragraph.add_run()
    run.font.size = Pt(13)
    for kind, text in (
        ("begin", None),
        (None, " PAGE "),
        ("separate", None),
        (None, "2"),
        ("end", None),
    ):
        if kind is not None:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
            run._r.append(el)
        elif text == " PAGE ":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        else:
            t = OxmlElement("w:t")
            t.text = text
            run._r.append(t)


# --- document setup ------------------------------------------------------------------------


def new_document(*, landscape: bool = False, title: str = "") -> object:
    doc = Document()
    # Drop python-docx's blank-page thumbnail: file browsers would show it as a preview.
    pkg = doc.part.package
    for rid, rel in list(pkg.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            pkg.rels.pop(rid)
    body = doc.element.body
    for p in list(body.iterchildren(qn("w:p"))):
        body.remove(p)

    section = doc.sections[0]
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
    else:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(210), Mm(297)
    # NĐ 30/2020 Phụ lục I mục I.5: top/bottom 20–25, left 30–35, right 15–20 mm.
    section.top_margin = Mm(20)
    section.bottom_margin = Mm(20)
    section.left_margin = Mm(30)
    section.right_margin = Mm(15 if not landscape else 20)
    section.header_distance = Mm(10)
    section.footer_distance = Mm(10)
    # Page number from page 2 only (NĐ 30 Phụ lục I mục I.6): empty first-page header.
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False
    header = section.header
    header.is_linked_to_previous = False
    hp = header.paragraphs[0]
    hp.alignment = CENTER
    add_page_number(hp)

    styles = doc.styles
    # docDefaults: Times New Roman everywhere, no theme fonts.
    defaults = styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        rpr_default = defaults.find(qn("w:rPrDefault"))
        if rpr_default is not None:
            rpr = rpr_default.find(qn("w:rPr"))
            if rpr is not None:
                fonts = rpr.find(qn("w:rFonts"))
                if fonts is not None:
                    for attr in list(fonts.attrib):
                        del fonts.attrib[attr]
                    for key in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
                        fonts.set(qn(key), FONT)
                # Vietnamese text: Word's spell check must not read it as misspelt English.
                lang = rpr.find(qn("w:lang"))
                if lang is None:
                    lang = OxmlElement("w:lang")
                    rpr.append(lang)
                for attr in list(lang.attrib):
                    del lang.attrib[attr]
                lang.set(qn("w:val"), "vi-VN")
                lang.set(qn("w:eastAsia"), "vi-VN")
    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(14)
    _set_fonts(normal.element)
    nf = normal.paragraph_format
    nf.space_before = Pt(0)
    nf.space_after = Pt(0)
    nf.line_spacing = 1.0
    for name in ("Header", "Footer", "Table Grid"):
        try:
            st = styles[name]
        except KeyError:
            continue
        st.font.name = FONT
        _set_fonts(st.element)

    def pstyle(
        name: str,
        *,
        size: float = 14,
        bold: bool = False,
        italic: bool = False,
        align: object = None,
        first: float | None = None,
        after: float = 0,
        before: float = 0,
    ) -> None:
        st = styles.add_style(name, 1)
        st.base_style = normal
        st.font.size = Pt(size)
        st.font.bold = bold
        st.font.italic = italic
        fmt = st.paragraph_format
        if align is not None:
            fmt.alignment = align
        if first is not None:
            fmt.first_line_indent = Mm(first)
        fmt.space_after = Pt(after)
        fmt.space_before = Pt(before)

    # Named styles so an editor in Word can re-apply the NĐ 30 formatting.
    # Nội dung: justified, first-line indent 1.27 cm, ≥ 6 pt after (NĐ 30 Phụ lục I mục II.6).
    pstyle("VB Nội dung", align=JUSTIFY, first=12.7, after=6)
    pstyle("VB Căn cứ", italic=True, align=JUSTIFY, first=12.7, after=6)
    pstyle("VB Tên loại", bold=True, align=CENTER, before=12)
    pstyle("VB Trích yếu", bold=True, align=CENTER)
    pstyle("VB Tiêu đề mục", bold=True, align=JUSTIFY, first=12.7, after=6)
    pstyle("VB Chữ ký", bold=True, align=CENTER)
    pstyle("VB Nơi nhận", size=12, bold=True, italic=True)
    pstyle("VB Nơi nhận mục", size=11)
    pstyle("VB Bảng", size=12)
    pstyle("VB Bảng tiêu đề", size=12, bold=True, align=CENTER)
    pstyle("VB Chú thích", size=10, align=JUSTIFY)

    core = doc.core_properties
    core.author = "ocop-docs"
    core.last_modified_by = "ocop-docs"
    core.title = title
    core.subject = "OCOP"
    core.comments = ""
    core.keywords = ""
    core.revision = 1
    core.created = FIXED_TIME
    core.modified = FIXED_TIME
    core.last_printed = FIXED_TIME
    return doc


# --- shared blocks -------------------------------------------------------------------------


def header_block(
    doc: object,
    *,
    left_top: Run | None,
    left_name: Run,
    left_number: Run,
    right_date: Run,
    left_width: float = 65,
) -> Table:
    """The NĐ 30 header: agency + Số (left), Quốc hiệu + Tiêu ngữ + place/date (right)."""
    right_width = TEXT_WIDTH_MM - left_width
    t = table(doc, [left_width, right_width], rows=2)
    top_left, top_right = t.rows[0].cells
    if left_top is not None:
        # Tên cơ quan chủ quản trực tiếp: upper case, 13 pt, upright (NĐ 30 mục II.2).
        cell_para(top_left, left_top, align=CENTER, size=13)
    # Tên cơ quan ban hành: upper case, 13 pt, bold; rule 1/3–1/2 of its width below.
    cell_para(top_left, left_name, align=CENTER, size=13, b=True)
    rule(top_left, indent_mm=left_width * 0.3, space_after=0)
    # Quốc hiệu 12 pt bold with Tiêu ngữ 13 pt bold (sizes paired 12/13, brief §7).
    cell_para(top_right, QUOC_HIEU, align=CENTER, size=12, b=True)
    para(top_right, TIEU_NGU, align=CENTER, size=13, b=True)
    # The rule under the Tiêu ngữ is as wide as its text (about 60 mm at 13 pt).
    rule(top_right, indent_mm=(right_width - 60) / 2, space_after=0)
    low_left, low_right = t.rows[1].cells
    # "Số:" 13 pt upright; place and date 14 pt italic on the same line (mục II.3–4).
    cell_para(low_left, left_number, align=CENTER, size=13, before=6)
    cell_para(low_right, right_date, align=CENTER, size=14, i=True, before=6)
    return t


def national_heading(doc: object) -> None:
    """Quốc hiệu and Tiêu ngữ alone, centred (the forms of QĐ 26/2026 Phụ lục III)."""
    para(doc, QUOC_HIEU, align=CENTER, size=13, b=True)
    para(doc, TIEU_NGU, align=CENTER, size=14, b=True)
    rule(doc, indent_mm=(TEXT_WIDTH_MM - 66) / 2, space_after=12)


def draft_mark(doc: object) -> None:
    """ "DỰ THẢO" on every page and the missing products, for a partial round (issue 12).

    Printed only when the context has ``du_thao`` (``batch --draft`` of a round in which
    some products failed: :mod:`ocop_docs.production.contexts.partial`): the mark in both
    headers (the first page's too), the list under the document's heading.
    """
    section = doc.sections[0]  # type: ignore[attr-defined]
    for header in (section.first_page_header, section.header):
        para(header, "{%p if du_thao %}", align=RIGHT)
        para(header, "DỰ THẢO", align=RIGHT, b=True, size=14)
        para(header, "{%p endif %}", align=RIGHT)
    para(doc, "{%p if du_thao %}", style="VB Nội dung")
    para(
        doc,
        "DỰ THẢO — lập từ đợt đánh giá chưa đủ: còn ",
        "{{ du_thao.so_thieu }}",
        " sản phẩm bị lỗi chưa có trong văn bản này:",
        style="VB Nội dung",
        b=True,
        i=True,
        before=12,
    )
    para(doc, "{%p for t in du_thao.thieu %}", style="VB Nội dung")
    para(doc, "- ", "{{ t }}", style="VB Nội dung", i=True)
    para(doc, "{%p endfor %}", style="VB Nội dung")
    para(doc, "{%p endif %}", style="VB Nội dung")


def signature_block(
    doc: object,
    *,
    left: Callable[[_Cell], None] | None,
    right: Callable[[_Cell], None],
    widths: tuple[float, float] = (80, 85),
) -> Table:
    keep_with_previous(doc)
    t = table(doc, list(widths), rows=1)
    cant_split(t.rows[0])
    lc, rc = t.rows[0].cells
    if left is not None:
        left(lc)
    right(rc)
    return t


def keep_with_previous(doc: object) -> None:
    """Keep the next block (the signature table) with the last paragraph of the text.

    Sets keep-with-next on the last paragraph and on the Jinja tag paragraphs around it
    (docxtpl removes a ``{%p …%}`` paragraph, so the one it repeats keeps the mark), so no
    page holds a signature alone (issue 12; NĐ 30/2020 Phụ lục I mục II.7: the signature
    follows the text).
    """
    element = doc.element.body[-1] if len(doc.element.body) else None  # type: ignore[attr-defined]
    while element is not None and element.tag == qn("w:sectPr"):
        element = element.getprevious()
    while element is not None and element.tag == qn("w:p"):
        paragraph = Paragraph(element, doc)  # type: ignore[arg-type]
        paragraph.paragraph_format.keep_with_next = True
        if not paragraph.text.startswith("{%p"):
            break
        element = element.getprevious()


def noi_nhan(cell: _Cell, items_expr: str) -> None:
    """ "Nơi nhận:" 12 pt bold italic; items 11 pt, "- …;" and "- Lưu: VT, …." (mục II.9b)."""
    cell_para(cell, "Nơi nhận:", style="VB Nơi nhận", before=12)
    para(cell, "{%p for n in " + items_expr + " %}", style="VB Nơi nhận mục")
    para(cell, "- ", "{{ n }}", style="VB Nơi nhận mục")
    para(cell, "{%p endfor %}", style="VB Nơi nhận mục")


def signer(cell: _Cell, prefix: str, *, note: str | None = None) -> None:
    """Quyền hạn (TM./KT.), chức vụ and name: upper case bold, name bold (mục II.7)."""
    cell_para(
        cell, "{{ " + prefix + ".quyen_han | default('', true) }}", style="VB Chữ ký", before=12
    )
    para(cell, "{{ " + prefix + ".chuc_vu }}", style="VB Chữ ký")
    if note:
        para(cell, note, align=CENTER, i=True, size=13)
    for _ in range(SIGN_LINES):
        para(cell, "", align=CENTER)
    para(cell, "{{ " + prefix + ".ho_ten }}", style="VB Chữ ký")


def body(doc: object, *runs: Run, **kw: object) -> Paragraph:
    return para(doc, *runs, style="VB Nội dung", **kw)  # type: ignore[arg-type]


def field_line(doc: object, label: str, expr: str, *, dots: bool = False) -> Paragraph:
    """ "- Label: {{ value }}" in a form; optional values print the form's dotted line."""
    value = "{{ " + expr + (" | default(cham, true) }}" if dots else " }}")
    return para(doc, label, value, style="VB Nội dung", first_indent=0)


# --- the six templates ---------------------------------------------------------------------


def build_phieu_dang_ky() -> object:
    """QĐ 26/2026 Phụ lục III, Mẫu số 01 (lines 4453–4487 of the legal text)."""
    doc = new_document(title="Mẫu số 01 - Phiếu đăng ký đánh giá, phân hạng sản phẩm OCOP")
    national_heading(doc)
    para(doc, "PHIẾU ĐĂNG KÝ", style="VB Tên loại", before=6)
    para(
        doc,
        "Tham gia đánh giá, phân hạng sản phẩm OCOP của tỉnh ",
        "{{ tinh }}",
        " năm ",
        "{{ nam }}",
        style="VB Trích yếu",
    )
    rule(doc, indent_mm=(TEXT_WIDTH_MM - 50) / 2, space_after=12)
    para(doc, "1. Thông tin về đơn vị đăng ký:", style="VB Tiêu đề mục", first_indent=0)
    field_line(doc, "- Tên đơn vị: ", "chu_the.ten")
    field_line(doc, "- Họ tên người đại diện pháp lý: ", "chu_the.nguoi_dai_dien.ho_ten")
    field_line(doc, "- Chức vụ: ", "chu_the.nguoi_dai_dien.chuc_vu", dots=True)
    field_line(doc, "- Địa chỉ liên hệ: ", "dia_chi_chu_the")
    para(
        doc,
        "- Điện thoại: ",
        "{{ chu_the.dien_thoai | default(cham, true) }}",
        "        Email: ",
        "{{ chu_the.email | default(cham, true) }}",
        style="VB Nội dung",
        first_indent=0,
    )
    para(
        doc,
        R("2. Tên sản phẩm: ", b=True),
        "{{ san_pham.ten }}",
        style="VB Nội dung",
        first_indent=0,
    )
    para(
        doc,
        R("3. Nhóm sản phẩm đăng ký (Ngành, Nhóm, Phân nhóm", b=True),
        R("1", b=True, sup=True),
        R("): ", b=True),
        "{{ nhom_san_pham }}",
        style="VB Nội dung",
        first_indent=0,
    )
    para(
        doc,
        R("4. Lần đăng ký đánh giá: ", b=True),
        "Lần đầu ",
        "{{ o.lan_dau }}",
        "     Nâng hạng: ",
        "{{ o.nang_hang }}",
        "     Đánh giá lại: ",
        "{{ o.danh_gia_lai }}",
        style="VB Nội dung",
        first_indent=0,
    )
    para(doc, "5. Tài liệu kèm theo:", style="VB Tiêu đề mục", first_indent=0)
    para(
        doc,
        "- Báo cáo đánh giá về sản phẩm theo Bộ tiêu chí (bản gốc, bản điện tử).",
        style="VB Nội dung",
        first_indent=0,
    )
    field_line(doc, "- Sản phẩm mẫu (số lượng): ", "so_luong_mau", dots=True)
    body(
        doc,
        "Cam đoan những thông tin trong Phiếu đăng ký là đúng sự thật, chúng tôi xin cam "
        "kết tuân thủ các quy định về đánh giá, phân hạng sản phẩm OCOP, chịu trách nhiệm "
        "trước Hội đồng và pháp luật về Hồ sơ đăng ký đánh giá, phân hạng sản phẩm.",
    )

    def right(cell: _Cell) -> None:
        cell_para(cell, "{{ dia_danh }}", ", ", "{{ ngay_ky }}", align=CENTER, i=True, before=6)
        para(cell, "ĐẠI DIỆN", style="VB Chữ ký")
        para(cell, "(Ký, đóng dấu, ghi rõ họ tên)", align=CENTER, i=True, size=13)
        for _ in range(SIGN_LINES):
            para(cell, "", align=CENTER)
        para(cell, "{{ chu_the.nguoi_dai_dien.ho_ten }}", style="VB Chữ ký")

    signature_block(doc, left=None, right=right, widths=(70, 95))
    para(doc, "_____________________", size=10, before=12)
    para(
        doc,
        R("1", sup=True),
        " Theo Phụ lục I về Danh mục phân loại sản phẩm tham gia đánh "
        "giá, phân hạng sản phẩm OCOP.",
        style="VB Chú thích",
    )

    # Phần dành cho cơ quan quản lý: the receipt blocks of the form, on their own page.
    para(doc, "PHẦN DÀNH CHO CƠ QUAN QUẢN LÝ", style="VB Tên loại", page_break_before=True)
    for who in ("DÀNH CHO ỦY BAN NHÂN DÂN CẤP XÃ", "DÀNH CHO CƠ QUAN QUẢN LÝ OCOP CẤP TỈNH"):
        box = table(doc, [TEXT_WIDTH_MM], rows=1, grid=True)
        c = box.rows[0].cells[0]
        cant_split(box.rows[0])
        cell_para(c, who, b=True, align=CENTER, before=6, after=6)
        para(c, "Phiếu số: ……-……. /PĐK- (Mã tỉnh) - (Mã xã) - (Năm)", after=6)
        para(c, "Ngày nhận: …………………………………………………………………", after=6)
        para(c, "Người tiếp nhận: ……………………………… Chữ ký: ……………………", after=6)
        para(c, "Cơ quan tiếp nhận", b=True, align=WD_ALIGN_PARAGRAPH.RIGHT, before=6)
        para(
            c,
            "(Ký, đóng dấu và ghi rõ họ tên)",
            i=True,
            size=13,
            align=WD_ALIGN_PARAGRAPH.RIGHT,
            after=48,
        )
        para(doc, "", after=6)
    return doc


def build_bao_cao_tu_danh_gia() -> object:
    """QĐ 26/2026 Phụ lục III, Mẫu số 02 (lines 4488–4559): parts I–IV and the evidence table."""
    doc = new_document(title="Mẫu số 02 - Báo cáo tự đánh giá về sản phẩm")
    para(doc, "BÁO CÁO TỰ ĐÁNH GIÁ VỀ SẢN PHẨM", style="VB Tên loại", before=0)
    para(doc, "(Dành cho chủ thể có sản phẩm đăng ký)", align=CENTER, i=True)
    rule(doc, indent_mm=(TEXT_WIDTH_MM - 50) / 2, space_after=12)

    def part(number: str, title: str) -> None:
        para(doc, f"Phần {number}", style="VB Tên loại", keep_next=True)
        para(doc, title, style="VB Trích yếu", after=6, keep_next=True)

    part("I", "THÔNG TIN CHUNG")
    field_line(doc, "1. Tên chủ thể: ", "chu_the.ten")
    field_line(doc, "2. Loại hình tổ chức: ", "loai_hinh_chu_the")
    field_line(doc, "3. Địa chỉ: ", "dia_chi_chu_the")
    para(
        doc,
        "4. Điện thoại: ",
        "{{ chu_the.dien_thoai | default(cham, true) }}",
        "        Email: ",
        "{{ chu_the.email | default(cham, true) }}",
        style="VB Nội dung",
        first_indent=0,
    )
    para(doc, "5. Tên người đại diện pháp luật:", style="VB Nội dung", first_indent=0)
    field_line(doc, "- Họ tên: ", "chu_the.nguoi_dai_dien.ho_ten")
    para(
        doc,
        "- Giới tính: ",
        "{{ gioi_tinh }}",
        " (Nam/nữ); Dân tộc: ",
        "{{ chu_the.nguoi_dai_dien.dan_toc | default(cham, true) }}",
        style="VB Nội dung",
        first_indent=0,
    )
    field_line(
        doc, "- Địa chỉ thường trú: ", "chu_the.nguoi_dai_dien.dia_chi_thuong_tru", dots=True
    )
    para(
        doc,
        "6. Ngày thành lập/đăng ký kinh doanh: ",
        "{{ ngay_thanh_lap }}",
        "; Số giấy đăng ký (nếu có): ",
        "{{ chu_the.so_dang_ky | default(cham, true) }}",
        style="VB Nội dung",
        first_indent=0,
    )
    para(
        doc,
        "7. Tên sản phẩm/dịch vụ, mô tả về quy cách sản phẩm, tiêu chuẩn:",
        style="VB Nội dung",
        first_indent=0,
    )
    body(
        doc,
        "{{ san_pham.ten }}",
        "{% if san_pham.mo_ta %}",
        ": ",
        "{{ san_pham.mo_ta }}",
        "{% endif %}",
    )
    field_line(doc, "- Tiêu chuẩn áp dụng: ", "san_pham.tieu_chuan", dots=True)
    para(doc, "Đánh dấu (√) vào mục tương ứng:", style="VB Nội dung", first_indent=0, i=True)
    for label, key in (
        ("a) Giấy đăng ký kinh doanh: ", "gcn_dkkd"),
        ("b) Đã công bố chất lượng sản phẩm theo quy định: ", "cong_bo"),
    ):
        para(doc, label, "{{ o." + key + " }}", style="VB Nội dung", first_indent=0)
    para(doc, "c) Đã có các điều kiện sản xuất theo quy định:", style="VB Nội dung", first_indent=0)
    para(
        doc,
        "- Giấy chứng nhận cơ sở đủ điều kiện vệ sinh an toàn thực phẩm theo quy định "
        "của pháp luật cho sản xuất sản phẩm: ",
        "{{ o.attp }}",
        style="VB Nội dung",
        first_indent=0,
    )
    para(
        doc,
        "- Giấy chứng nhận cơ sở đủ điều kiện sản xuất bắt buộc theo quy định cho sản "
        "phẩm (đối với các sản phẩm bắt buộc theo quy định) ",
        "{{ o.dieu_kien_bat_buoc }}",
        style="VB Nội dung",
        first_indent=0,
    )
    para(
        doc,
        "d) Đã có đăng ký sở hữu trí tuệ: ",
        "{{ o.shtt }}",
        style="VB Nội dung",
        first_indent=0,
    )
    for label, key in (
        ("+ Giấy chứng nhận đăng ký nhãn hiệu: ", "nhan_hieu"),
        (
            "+ Văn bản ghi nhận quyền sử dụng chỉ dẫn địa lý, nhãn hiệu tập thể, nhãn hiệu "
            "chứng nhận: ",
            "chi_dan_dia_ly",
        ),
        ("+ Bằng sáng chế ", "sang_che"),
        ("+ Bằng độc quyền kiểu dáng công nghiệp: ", "kieu_dang"),
        ("+ Giấy chứng nhận bản quyền tác giả ", "ban_quyen"),
        ("+ Khác (ghi rõ): ", "shtt_khac"),
    ):
        para(doc, label, "{{ o." + key + " }}", style="VB Nội dung", first_indent=0, left_indent=6)
    para(
        doc,
        "8. Lịch sử hình thành của chủ thể (nêu các giai đoạn hình thành và phát triển):",
        style="VB Nội dung",
        first_indent=0,
    )
    body(doc, "{{ chu_the.lich_su | default(cham, true) }}")
    para(doc, "9. Cơ cấu tổ chức của chủ thể:", style="VB Nội dung", first_indent=0)
    body(doc, "{{ chu_the.co_cau_to_chuc | default(cham, true) }}")

    part("II", "KẾT QUẢ THỰC HIỆN PHƯƠNG ÁN SẢN XUẤT KINH DOANH")
    body(
        doc,
        R("Nội dung yêu cầu: ", i=True),
        R(
            "Đánh giá kết quả triển khai phương án sản "
            "xuất, kinh doanh của chủ thể theo Phương án sản xuất, kinh doanh khi tham gia OCOP.",
            i=True,
        ),
    )
    # The form's "Lưu ý: trình bày rõ một số nội dung sau:" and its four topics, word for
    # word (QĐ 26/2026 Phụ lục III, Mẫu số 02, Phần II).
    body(doc, R("Lưu ý: trình bày rõ một số nội dung sau:", i=True), keep_next=True)
    for topic in (
        "Tổ chức vùng nguyên liệu, công nghệ sản xuất, sơ chế, chế biến, đóng gói sản phẩm "
        "của chủ thể.",
        "Sự thay đổi về chất lượng sản phẩm: chất lượng, tiêu chuẩn chất lượng, bao bì, nhãn "
        "mác, hình thức đóng gói,...",
        "Thị trường phân phối sản phẩm.",
        "Kết quả sản xuất, kinh doanh: doanh thu, lợi nhuận.",
    ):
        body(doc, R("- " + topic, i=True), keep_next=True)
    body(doc, "{{ bao_cao.ket_qua_san_xuat | default(cham, true) }}")
    # Upgrade: "thể hiện rõ nội dung và tài liệu minh chứng về những thay đổi so với sản
    # phẩm OCOP đã được công nhận" (QĐ 26/2026 Điều 6.1.b; issue 11).
    para(doc, "{%p if thay_doi_nang_hang %}", style="VB Nội dung")
    body(
        doc,
        "Những thay đổi so với sản phẩm OCOP đã được công nhận (đăng ký nâng hạng):",
        keep_next=True,
    )
    t = table(doc, [12, 88, 65], rows=3, grid=True)
    heads = ("TT", "Nội dung thay đổi", "Tài liệu minh chứng")
    for cell, text in zip(t.rows[0].cells, heads, strict=True):
        cell_para(cell, text, style="VB Bảng tiêu đề")
    repeat_header(t.rows[0])
    cell_para(t.rows[1].cells[0], "{%tr for c in thay_doi_nang_hang %}", style="VB Bảng")
    data = t.rows[2].cells
    cell_para(data[0], "{{ c.stt }}", style="VB Bảng", align=CENTER)
    cell_para(data[1], "{{ c.noi_dung }}", style="VB Bảng")
    cell_para(data[2], "{{ c.minh_chung | default('—', true) }}", style="VB Bảng")
    end = add_row(t)
    cell_para(end.cells[0], "{%tr endfor %}", style="VB Bảng")
    para(doc, "", after=6)
    para(doc, "{%p endif %}", style="VB Nội dung")

    part("III", "ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN THEO BỘ TIÊU CHÍ SẢN PHẨM OCOP")
    # Phần III's three instructions word for word (QĐ 26/2026 Phụ lục III, Mẫu số 02); the
    # product set the report is scored against is said on its own line, not in the form's
    # sentence.
    body(
        doc,
        "- Căn cứ vào Bộ tiêu chí đánh giá, phân hạng sản phẩm OCOP tương ứng với sản phẩm "
        "đăng ký, chủ thể tự đánh giá về kết quả (điểm số) có thể đạt theo thứ tự từng tiêu chí.",
    )
    body(doc, "Bộ tiêu chí tương ứng với sản phẩm đăng ký: ", "{{ ten_bo_san_pham }}", ".")
    # The self-assessed points per criterion, in rubric order, when the dossier carries the
    # producer's own scorecard (tu_danh_gia); the part rows carry the part totals.
    para(doc, "{%p if ket_qua_tu_danh_gia %}", style="VB Nội dung")
    t = table(doc, [14, 58, 73, 20], rows=1, grid=True)
    heads = ("Số", "Tiêu chí", "Lựa chọn tự đánh giá", "Điểm")
    for cell, text in zip(t.rows[0].cells, heads, strict=True):
        cell_para(cell, text, style="VB Bảng tiêu đề")
    repeat_header(t.rows[0])
    tr_row(t, "{%tr for d in ket_qua_tu_danh_gia.dong %}")
    tr_row(t, "{%tr if d.loai == 'tieu_chi' %}")
    row = add_row(t)
    cell_para(row.cells[0], "{{ d.so }}", style="VB Bảng", align=CENTER)
    cell_para(row.cells[1], "{{ d.ten }}", style="VB Bảng")
    cell_para(row.cells[2], "{{ d.lua_chon }}", style="VB Bảng")
    cell_para(row.cells[3], "{{ d.diem }}", style="VB Bảng", align=CENTER)
    tr_row(t, "{%tr else %}")
    row = add_row(t)
    cell_para(row.cells[0], "{{ d.so }}", style="VB Bảng", align=CENTER, b=True)
    cell_para(row.cells[1], "{{ d.ten }}", style="VB Bảng", b=True)
    cell_para(row.cells[2], "", style="VB Bảng")
    cell_para(row.cells[3], "{{ d.diem }}", style="VB Bảng", align=CENTER, b=True)
    tr_row(t, "{%tr endif %}")
    tr_row(t, "{%tr endfor %}")
    row = add_row(t)
    cell_para(row.cells[0], "", style="VB Bảng")
    cell_para(row.cells[1], "TỔNG CỘNG", style="VB Bảng", b=True)
    cell_para(row.cells[2], "", style="VB Bảng")
    cell_para(
        row.cells[3],
        "{{ ket_qua_tu_danh_gia.tong_diem }}",
        "/",
        "{{ ket_qua_tu_danh_gia.toi_da }}",
        style="VB Bảng",
        align=CENTER,
        b=True,
    )
    body(
        doc,
        "Tổng điểm tự đánh giá: ",
        R("{{ ket_qua_tu_danh_gia.tong_diem }}", b=True),
        "/",
        "{{ ket_qua_tu_danh_gia.toi_da }}",
        " điểm (",
        "{{ ket_qua_tu_danh_gia.hang_theo_diem }}",
        " theo điểm); hạng sao tự đánh giá: ",
        R("{{ ket_qua_tu_danh_gia.hang_sao }}", b=True),
        ".",
        before=6,
    )
    para(doc, "{%p for g in ket_qua_tu_danh_gia.ghi_chu %}", style="VB Nội dung")
    body(doc, R("{{ g }}", i=True))
    para(doc, "{%p endfor %}", style="VB Nội dung")
    para(doc, "{%p endif %}", style="VB Nội dung")
    body(
        doc,
        "- Mô tả, chứng minh về kết quả tương ứng (mô tả, tài liệu minh chứng cho nội dung "
        "mô tả, được sắp xếp theo thứ tự các chỉ tiêu trong Bộ tiêu chí).",
    )
    body(
        doc,
        "- Tài liệu minh chứng kèm theo vào phụ lục của Báo cáo, tham khảo hướng dẫn theo "
        "bảng dưới đây:",
        keep_next=True,
    )
    t = table(doc, [10, 42, 68, 45], rows=3, grid=True)
    heads = ("TT", "Nội dung", "Yêu cầu", "Tài liệu kèm theo hồ sơ")
    for cell, text in zip(t.rows[0].cells, heads, strict=True):
        cell_para(cell, text, style="VB Bảng tiêu đề")
    repeat_header(t.rows[0])
    # Row 2 holds the {%tr for %}, row 3 the data, and a 4th row the {%tr endfor %}.
    cell_para(t.rows[1].cells[0], "{%tr for m in minh_chung %}", style="VB Bảng")
    data = t.rows[2].cells
    cell_para(data[0], "{{ m.stt }}", style="VB Bảng", align=CENTER)
    cell_para(data[1], "{{ m.noi_dung }}", style="VB Bảng")
    cell_para(data[2], "{{ m.yeu_cau }}", style="VB Bảng", align=JUSTIFY)
    cell_para(data[3], "{{ m.tep | default('—', true) }}", style="VB Bảng")
    end = add_row(t)
    cell_para(end.cells[0], "{%tr endfor %}", style="VB Bảng")
    para(doc, "", after=6)
    # The re-evaluation instruction after the evidence table, in the form's own words and
    # punctuation (QĐ 26/2026 Phụ lục III, Mẫu số 02, Phần III): an instruction of the form,
    # printed on every report as Phần II's "Lưu ý" is; a re-evaluated product's updates follow.
    body(
        doc,
        R(
            "Đối với sản phẩm đăng ký đánh giá, phân hạng lại: cần rà soát, cập nhật những nội "
            "dung mới và đánh giá về những thay đổi, kết quả đạt được sau 3 năm được công nhận "
            "OCOP: về nguyên liệu, công nghệ sử dụng, bao bì, nhãn mác, công bố chất lượng, thị "
            "trường tiêu thụ, sản lượng, doanh thu; bổ sung các giấy tờ minh chứng pháp lý có "
            "thời hạn;....",
            i=True,
        ),
    )
    # Re-evaluation: the updates the dossier gives, in the order of Điều 6.1.c (issue 11).
    para(doc, "{%p for c in cap_nhat_danh_gia_lai %}", style="VB Nội dung")
    body(doc, "- ", R("{{ c.muc }}", b=True), ": ", "{{ c.noi_dung }}")
    para(doc, "{%p endfor %}", style="VB Nội dung")

    part("IV", "KẾ HOẠCH SẢN XUẤT, KINH DOANH")
    body(
        doc,
        R(
            "Trình bày những định hướng, kế hoạch của chủ sở hữu trong thời gian tới về phát "
            "triển sản phẩm, tổ chức sản xuất, thị trường.",
            i=True,
        ),
        keep_next=True,
    )
    body(doc, "{{ bao_cao.ke_hoach | default(cham, true) }}")

    def right(cell: _Cell) -> None:
        cell_para(cell, "{{ dia_danh }}", ", ", "{{ ngay_ky }}", align=CENTER, i=True, before=6)
        para(cell, "ĐẠI DIỆN THEO PHÁP LUẬT CỦA CƠ SỞ", style="VB Chữ ký")
        para(cell, "(Ký, họ tên, đóng dấu)", align=CENTER, i=True, size=13)
        for _ in range(SIGN_LINES):
            para(cell, "", align=CENTER)
        para(cell, "{{ chu_the.nguoi_dai_dien.ho_ten }}", style="VB Chữ ký")

    signature_block(doc, left=None, right=right, widths=(65, 100))
    return doc


def build_bao_cao_xa() -> object:
    """QĐ 26/2026 Phụ lục III, Mẫu số 03 (lines 4560–4580), the UBND xã's report."""
    doc = new_document(title="Mẫu số 03 - Báo cáo đánh giá của UBND cấp xã")
    header_block(
        doc,
        left_top=None,
        left_name="{{ xa.ten_in_hoa }}",
        left_number=R("Số: {{ xa.so }}"),
        right_date="{{ xa.ngay_dong }}",
    )
    para(doc, "BÁO CÁO", style="VB Tên loại", before=18)
    para(
        doc,
        "Đánh giá một số nội dung của hồ sơ đăng ký tham gia đánh giá, phân hạng sản phẩm OCOP",
        style="VB Trích yếu",
    )
    rule(doc, indent_mm=(TEXT_WIDTH_MM - 50) / 2, space_after=12)
    para(doc, "I. THÔNG TIN CHUNG VỀ HỒ SƠ SẢN PHẨM", style="VB Tiêu đề mục")
    field_line(doc, "1. Tên chủ thể: ", "chu_the.ten")
    field_line(doc, "2. Loại hình tổ chức: ", "loai_hinh_chu_the")
    field_line(doc, "3. Địa chỉ: ", "dia_chi_chu_the")
    para(doc, "4. Tên người đại diện pháp luật:", style="VB Nội dung", first_indent=0)
    field_line(doc, "- Họ tên: ", "chu_the.nguoi_dai_dien.ho_ten")
    para(
        doc,
        "- Giới tính: ",
        "{{ gioi_tinh }}",
        " (Nam/nữ); Dân tộc: ",
        "{{ chu_the.nguoi_dai_dien.dan_toc | default(cham, true) }}",
        style="VB Nội dung",
        first_indent=0,
    )
    field_line(
        doc, "- Địa chỉ thường trú: ", "chu_the.nguoi_dai_dien.dia_chi_thuong_tru", dots=True
    )
    field_line(doc, "5. Sản phẩm đăng ký đánh giá: ", "san_pham.ten")
    para(doc, "II. ĐÁNH GIÁ MỘT SỐ NỘI DUNG CỦA HỒ SƠ SẢN PHẨM", style="VB Tiêu đề mục")
    for heading, key in (
        ("1. Về sử dụng nguyên liệu địa phương:", "nguyen_lieu"),
        ("2. Về sử dụng lao động địa phương:", "lao_dong"),
        ("3. Nguồn gốc ý tưởng sản phẩm:", "y_tuong"),
        ("4. Bản sắc/trí tuệ địa phương:", "ban_sac"),
    ):
        para(doc, heading, style="VB Nội dung", b=True, keep_next=True)
        body(doc, "{{ xa." + key + " }}")
    body(
        doc,
        "Ủy ban nhân dân ",
        "{{ xa.ten }}",
        " đề nghị Ủy ban nhân dân ",
        "{{ xa.tinh }}",
        " đánh giá, phân hạng sản phẩm OCOP cho sản phẩm ",
        "{{ san_pham.ten }}",
        " của ",
        "{{ chu_the.ten }}",
        "./.",
    )

    def right(cell: _Cell) -> None:
        # The form prints "T.M"; NĐ 30/2020 writes "TM." (brief §6.3, [DESIGN]).
        signer(cell, "xa.nguoi_ky", note="(Ký tên và đóng dấu)")

    signature_block(doc, left=lambda c: noi_nhan(c, "xa.noi_nhan"), right=right)
    return doc


def build_bien_ban() -> object:
    """Council minutes in the shape of NĐ 30/2020 Phụ lục III Mẫu 1.9 "Biên bản"."""
    doc = new_document(title="Biên bản họp Hội đồng đánh giá, phân hạng sản phẩm OCOP")
    header_block(
        doc,
        left_top="{{ hoi_dong.co_quan.ten_in_hoa }}",
        left_name="{{ hoi_dong.ten_in_hoa }}",
        left_number="Số: {{ hop.so }}",
        right_date="{{ hop.ngay_dong }}",
    )
    draft_mark(doc)
    para(doc, "BIÊN BẢN", style="VB Tên loại", before=18)
    para(doc, "Họp ", "{{ hoi_dong.ten }}", style="VB Trích yếu")
    para(doc, "{{ ten_dot }}", style="VB Trích yếu")
    rule(doc, indent_mm=(TEXT_WIDTH_MM - 50) / 2, space_after=12)
    body(doc, R("Thời gian bắt đầu: ", b=True), "{{ hop.bat_dau_chu }}", ".")
    body(doc, R("Địa điểm: ", b=True), "{{ hop.dia_diem }}", ".")
    body(
        doc,
        R("Thành phần tham dự: ", b=True),
        "{{ hop.so_co_mat }}",
        "/",
        "{{ hoi_dong.so_thanh_vien }}",
        " thành viên Hội đồng",
        "{% if hoi_dong.quyet_dinh_thanh_lap %}",
        " (thành lập theo Quyết định số ",
        "{{ hoi_dong.quyet_dinh_thanh_lap.so }}",
        " ",
        "{{ hoi_dong.quyet_dinh_thanh_lap.ngay_chu }}",
        "{% if hoi_dong.quyet_dinh_thanh_lap.nguoi_ban_hanh %}",
        " của ",
        "{{ hoi_dong.quyet_dinh_thanh_lap.nguoi_ban_hanh }}",
        "{% endif %}",
        ")",
        "{% endif %}",
        ":",
    )
    para(doc, "{%p for m in hop.co_mat %}", style="VB Nội dung")
    body(
        doc,
        "- ",
        "{{ m.ho_ten }}",
        "{% if m.ky_hieu %}",
        " (",
        "{{ m.ky_hieu }}",
        ")",
        "{% endif %}",
        "{% if m.chuc_vu %}",
        ", ",
        "{{ m.chuc_vu }}",
        "{% endif %}",
        " – ",
        "{{ m.vai_tro_ten }}",
        "{{ m.dau_cau }}",
    )
    para(doc, "{%p endfor %}", style="VB Nội dung")
    body(
        doc,
        "{% if hop.vang_mat %}",
        "Vắng mặt: ",
        "{{ hop.vang_mat_chu }}",
        ".",
        "{% else %}",
        "Vắng mặt: không.",
        "{% endif %}",
    )
    para(doc, "{%p if hop.khach_moi %}", style="VB Nội dung")
    body(doc, "Đại biểu mời: ", "{{ hop.khach_moi | join('; ') }}", ".")
    para(doc, "{%p endif %}", style="VB Nội dung")
    body(doc, "{{ hop.ket_luan_so_luong }}")
    body(
        doc,
        R("Chủ trì (chủ tọa): ", b=True),
        "{{ hop.chu_tri.ho_ten }}",
        "{% if hop.chu_tri.chuc_vu %}",
        ", ",
        "{{ hop.chu_tri.chuc_vu }}",
        "{% endif %}",
        ".",
    )
    body(
        doc,
        R("Thư ký (người ghi biên bản): ", b=True),
        "{{ hop.thu_ky.ho_ten }}",
        "{% if hop.thu_ky.chuc_vu %}",
        ", ",
        "{{ hop.thu_ky.chuc_vu }}",
        "{% endif %}",
        ".",
    )
    body(doc, R("Nội dung:", b=True), keep_next=True)
    body(
        doc,
        "1. Hội đồng xem xét hồ sơ của ",
        "{{ so_san_pham }}",
        " sản phẩm; từng thành viên "
        "chấm điểm độc lập theo Bộ tiêu chí đánh giá, phân hạng sản phẩm OCOP ban hành kèm "
        "theo ",
        "{{ van_ban_bo_tieu_chi }}",
        ". Tổng điểm trung bình là trung bình cộng tổng điểm của các thành viên chấm điểm.",
    )
    body(doc, "2. Kết quả chấm điểm của từng thành viên:", keep_next=True)
    # One table per block of at most 7 members (contexts.council.score_blocks): the member
    # columns repeat with {%tc for %}, Điểm TB and Hạng only in the last block; 11 mm score
    # cells with 1 mm padding and 11 pt figures, so "69,75" never wraps (issue 12).
    para(doc, "{%p for b in bang_diem %}", style="VB Nội dung")
    para(doc, "{%p if b.tieu_de %}", style="VB Nội dung")
    para(doc, "{{ b.tieu_de }}", style="VB Nội dung", i=True, keep_next=True, before=6)
    para(doc, "{%p endif %}", style="VB Nội dung")
    t = table(doc, [11, 42, 0.1, 11, 0.1, 0.1, 15, 18, 0.1], rows=3, grid=True)
    cell_margins(t, 1)
    h = t.rows[0].cells
    heads = (
        "STT",
        "Sản phẩm, chủ thể",
        "{%tc for m in b.thanh_vien %}",
        "{{ m.ky_hieu }}",
        "{%tc endfor %}",
        "{%tc if b.cuoi %}",
        "Điểm TB",
        "Hạng",
        "{%tc endif %}",
    )
    for cell, text in zip(h, heads, strict=True):
        # "TV10" … "TV15" in 10.5 pt bold fit the 11 mm column on one line.
        size = 10.5 if text == "{{ m.ky_hieu }}" else None
        cell_para(cell, text, style="VB Bảng tiêu đề", keep_next=True, size=size)
    repeat_header(t.rows[0])
    cant_split(t.rows[0])
    cell_para(t.rows[1].cells[0], "{%tr for sp in b.san_pham %}", style="VB Bảng")
    d = t.rows[2].cells
    cant_split(t.rows[2])
    cell_para(d[0], "{{ sp.stt }}", style="VB Bảng", align=CENTER)
    cell_para(d[1], "{{ sp.ten }}", style="VB Bảng", b=True)
    para(d[1], "{{ sp.chu_the }}", style="VB Bảng")
    cell_para(d[2], "{%tc for s in sp.diem %}", style="VB Bảng")
    cell_para(d[3], "{{ s.diem }}", style="VB Bảng", align=CENTER, size=11)
    cell_para(d[4], "{%tc endfor %}", style="VB Bảng")
    cell_para(d[5], "{%tc if b.cuoi %}", style="VB Bảng")
    cell_para(d[6], "{{ sp.diem_tb }}", style="VB Bảng", align=CENTER, b=True, size=11)
    cell_para(d[7], "{{ sp.ket_qua }}", style="VB Bảng", align=CENTER)
    cell_para(d[8], "{%tc endif %}", style="VB Bảng")
    end = add_row(t)
    cell_para(end.cells[0], "{%tr endfor %}", style="VB Bảng")
    para(doc, "{%p endfor %}", style="VB Nội dung")
    para(doc, "", after=6)
    body(doc, "3. Kết quả đánh giá, phân hạng:", keep_next=True)
    # A council that only scores and forwards (quy_trinh.chi_cham_diem: QĐ 1048 Phụ lục II
    # mục 1.a, 4.a, the district's) proposes no recognition: its minutes say which products
    # go on to the next level (from its threshold, 50 points) and which wait for a later round.
    para(doc, "{%p if quy_trinh.chi_cham_diem %}", style="VB Nội dung")
    minutes_forwarding(doc)
    para(doc, "{%p else %}", style="VB Nội dung")
    body(
        doc,
        "a) Sản phẩm đề nghị công nhận đạt tiêu chuẩn sản phẩm OCOP ",
        "{{ cap_chu }}",
        " (",
        "{{ so_cong_nhan }}",
        " sản phẩm",
        "{% if so_cong_nhan_theo_sao %}",
        ": ",
        "{{ so_cong_nhan_theo_sao }}",
        "{% endif %}",
        "):",
    )
    para(doc, "{%p for sp in cong_nhan %}", style="VB Nội dung")
    body(
        doc,
        "- ",
        "{{ sp.ten }}",
        " (",
        "{{ sp.chu_the }}",
        "): ",
        "{{ sp.diem_tb }}",
        " điểm, hạng ",
        "{{ sp.hang_sao_chu }}",
        "{{ ';' if not loop.last else '.' }}",
    )
    para(doc, "{%p endfor %}", style="VB Nội dung")
    para(doc, "{%p if de_nghi_cap_tren %}", style="VB Nội dung")
    body(
        doc,
        "b) Sản phẩm có tiềm năng đạt ",
        "{{ nguong_cap_tren_chu }}",
        ", đề nghị ",
        "{{ cap_tren_chu }}",
        " đánh giá, phân hạng:",
    )
    para(doc, "{%p for sp in de_nghi_cap_tren %}", style="VB Nội dung")
    body(
        doc,
        "- ",
        "{{ sp.ten }}",
        " (",
        "{{ sp.chu_the }}",
        "): ",
        "{{ sp.diem_tb }}",
        " điểm",
        "{{ ';' if not loop.last else '.' }}",
    )
    para(doc, "{%p endfor %}", style="VB Nội dung")
    para(doc, "{%p endif %}", style="VB Nội dung")
    para(doc, "{%p if khong_dat %}", style="VB Nội dung")
    body(
        doc,
        "c) Sản phẩm chưa đạt hạng được công nhận (không ban hành quyết định công nhận, "
        "không cấp giấy chứng nhận):",
    )
    _minutes_not_reached(doc)
    para(doc, "{%p endif %}", style="VB Nội dung")
    para(doc, "{%p endif %}", style="VB Nội dung")
    para(doc, "{%p if vuot_chenh_lech %}", style="VB Nội dung")
    body(
        doc,
        "4. Sản phẩm có tổng điểm giữa các thành viên chênh lệch quá ",
        "{{ chenh_lech_toi_da }}",
        " điểm (Hội đồng thảo luận, thống nhất theo Quy chế):",
    )
    para(doc, "{%p for sp in vuot_chenh_lech %}", style="VB Nội dung")
    body(
        doc,
        "- ",
        "{{ sp.ten }}",
        ": chênh lệch ",
        "{{ sp.chenh_lech }}",
        " điểm (từ ",
        "{{ sp.diem_thap_nhat }}",
        " đến ",
        "{{ sp.diem_cao_nhat }}",
        "); Hội đồng thảo luận, thống nhất kết quả: ",
        "{{ sp.diem_tb }}",
        " điểm, ",
        # Mid-sentence: "bị loại (tiêu chí 1.1)", "đề nghị 5 sao", not "Bị loại".
        "{{ sp.ket_qua_giua_cau }}",
        "{{ ';' if not loop.last else '.' }}",
    )
    para(doc, "{%p endfor %}", style="VB Nội dung")
    para(doc, "{%p endif %}", style="VB Nội dung")
    para(doc, "{%p for doan in hop.noi_dung %}", style="VB Nội dung")
    body(doc, "{{ doan }}")
    para(doc, "{%p endfor %}", style="VB Nội dung")
    para(doc, "{%p if hop.kien_nghi %}", style="VB Nội dung")
    body(doc, "Kiến nghị của Hội đồng:")
    para(doc, "{%p for k in hop.kien_nghi %}", style="VB Nội dung")
    body(doc, "- ", "{{ k }}")
    para(doc, "{%p endfor %}", style="VB Nội dung")
    para(doc, "{%p endif %}", style="VB Nội dung")
    # Mẫu 1.9's closing: read out and adopted by the members present, then the signatures
    # (kept with this paragraph, so no page holds a signature alone).
    body(
        doc,
        "Cuộc họp kết thúc vào ",
        "{{ hop.ket_thuc_chu }}",
        ". Biên bản đã được đọc lại và thông qua trước các thành viên Hội đồng dự họp; "
        "các thành viên dự họp nhất trí với nội dung Biên bản./.",
        keep_next=True,
    )

    def left(cell: _Cell) -> None:
        cell_para(cell, "THƯ KÝ", style="VB Chữ ký", before=12)
        para(cell, "(Chữ ký)", align=CENTER, i=True, size=13)
        for _ in range(SIGN_LINES):
            para(cell, "", align=CENTER)
        para(cell, "{{ hop.thu_ky.ho_ten }}", style="VB Chữ ký")

    def right(cell: _Cell) -> None:
        cell_para(cell, "CHỦ TỌA", style="VB Chữ ký", before=12)
        para(cell, "(Chữ ký, dấu (nếu có))", align=CENTER, i=True, size=13)
        for _ in range(SIGN_LINES):
            para(cell, "", align=CENTER)
        para(cell, "{{ hop.chu_tri.ho_ten }}", style="VB Chữ ký")

    signature_block(doc, left=left, right=right, widths=(80, 85))
    return doc


def _minutes_not_reached(doc: object) -> None:
    """The minutes' list of products below the level's mark, with their specific ground."""
    para(doc, "{%p for sp in khong_dat %}", style="VB Nội dung")
    body(
        doc,
        "- ",
        "{{ sp.ten }}",
        " (",
        "{{ sp.chu_the }}",
        "): ",
        "{{ sp.diem_tb }}",
        " điểm, ",
        # The specific ground (issue 11): "hồ sơ bị loại theo tiêu chí 1.1 (…)", "không xếp
        # hạng: không đánh giá các bước tiếp theo sau tiêu chí 6 (…)", or "hạng 2 sao".
        "{{ sp.ket_luan }}",
        "{{ ';' if not loop.last else '.' }}",
    )
    para(doc, "{%p endfor %}", style="VB Nội dung")


def minutes_forwarding(doc: object) -> None:
    """Section 3 of the minutes of a council that scores and forwards (QĐ 1048 Phụ lục II
    mục 4.a(2)–(3)): ranked 1–5 stars; from the threshold, proposed to the next level through
    the council's committee (hồ sơ and sản phẩm mẫu); below it, a later round (Hình 1:
    "Không đạt → Thi đánh giá đợt sau"); the report to the committee."""
    body(
        doc,
        "Căn cứ kết quả điểm số đánh giá, các sản phẩm được xếp hạng theo khung từ 01 đến 05 sao; ",
        "{{ quy_trinh.hoi_dong }}",
        " thống nhất, thông qua kết quả đánh giá và đề xuất các sản phẩm được tham gia đánh giá ",
        "{{ quy_trinh.cap_tren }}",
        ":",
    )
    para(doc, "{%p if de_nghi_cap_tren %}", style="VB Nội dung")
    body(
        doc,
        "a) Sản phẩm đạt từ ",
        "{{ quy_trinh.nguong }}",
        " điểm trở lên, đề nghị ",
        "{{ quy_trinh.co_quan_chuyen }}",
        " chuyển hồ sơ và sản phẩm mẫu đến ",
        "{{ quy_trinh.co_quan_nhan }}",
        " đánh giá, phân hạng, công nhận (",
        "{{ quy_trinh.so_de_nghi }}",
        " sản phẩm):",
    )
    para(doc, "{%p for sp in de_nghi_cap_tren %}", style="VB Nội dung")
    body(
        doc,
        "- ",
        "{{ sp.ten }}",
        " (",
        "{{ sp.chu_the }}",
        "): ",
        "{{ sp.diem_tb }}",
        " điểm, hạng ",
        "{{ sp.hang_sao_chu }}",
        "{{ ';' if not loop.last else '.' }}",
    )
    para(doc, "{%p endfor %}", style="VB Nội dung")
    para(doc, "{%p endif %}", style="VB Nội dung")
    para(doc, "{%p if khong_dat %}", style="VB Nội dung")
    body(
        doc,
        "{{ 'b' if de_nghi_cap_tren else 'a' }}",
        ") Sản phẩm chưa đạt ",
        "{{ quy_trinh.nguong }}",
        " điểm, không đề nghị ",
        "{{ quy_trinh.cap_tren }}",
        " đánh giá (tham gia đánh giá đợt sau):",
    )
    _minutes_not_reached(doc)
    para(doc, "{%p endif %}", style="VB Nội dung")
    body(
        doc,
        "Hội đồng báo cáo kết quả đánh giá gửi ",
        "{{ quy_trinh.co_quan_chuyen }}",
        ".",
    )


def annex_table(doc: object, widths: list[float], *, score: bool, product_set: bool) -> None:
    """The decision's annex table: STT, product (with "(Nâng hạng)" / "(Công nhận lại)"),
    producer, address, [product set], [score], star, code; header repeated, rows unsplit."""
    t = table(doc, widths, rows=3, grid=True)
    cell_margins(t, 1)
    heads = ["STT", "Tên sản phẩm", "Chủ thể", "Địa chỉ"]
    heads += ["Bộ sản phẩm"] if product_set else []
    heads += ["Điểm"] if score else []
    heads += ["Hạng sao", "Mã sản phẩm"]
    for cell, text in zip(t.rows[0].cells, heads, strict=True):
        cell_para(cell, text, style="VB Bảng tiêu đề")
    repeat_header(t.rows[0])
    cell_para(t.rows[1].cells[0], "{%tr for sp in cong_nhan %}", style="VB Bảng")
    d = t.rows[2].cells
    cant_split(t.rows[2])
    cell_para(d[0], "{{ sp.stt }}", style="VB Bảng", align=CENTER)
    cell_para(d[1], "{{ sp.ten }}", style="VB Bảng")
    para(d[1], "{%p if sp.hinh_thuc %}", style="VB Bảng")
    para(d[1], "(", "{{ sp.hinh_thuc }}", ")", style="VB Bảng", i=True)
    para(d[1], "{%p endif %}", style="VB Bảng")
    cell_para(d[2], "{{ sp.chu_the }}", style="VB Bảng")
    cell_para(d[3], "{{ sp.dia_chi }}", style="VB Bảng")
    i = 4
    if product_set:
        cell_para(d[i], "{{ sp.bo_san_pham_ten }}", style="VB Bảng", size=11)
        i += 1
    if score:
        cell_para(d[i], "{{ sp.diem_tb }}", style="VB Bảng", align=CENTER, size=11)
        i += 1
    cell_para(d[i], "{{ sp.hang_sao_chu }}", style="VB Bảng", align=CENTER)
    cell_para(
        d[i + 1], "{{ sp.ma_san_pham | default('', true) }}", style="VB Bảng", align=CENTER, size=11
    )
    end = add_row(t)
    cell_para(end.cells[0], "{%tr endfor %}", style="VB Bảng")


def decision_opening(doc: object, block: str, *, draft: bool) -> None:
    """A decision's head as NĐ 30/2020 Phụ lục III Mẫu 1.2 lays it out, from the context
    block ``block`` (its so, ngay_dong, trich_yeu, tham_quyen, can_cu): issuer and number,
    place and date, "QUYẾT ĐỊNH", trích yếu, the issuer's competence, the căn cứ (italic,
    each ending ";", the last "." — Phụ lục I mục II.6) and "QUYẾT ĐỊNH:"."""
    header_block(
        doc,
        left_top="{{ co_quan.chu_quan_in_hoa | default('', true) }}",
        left_name="{{ co_quan.ten_in_hoa }}",
        left_number="Số: {{ " + block + ".so }}",
        right_date="{{ " + block + ".ngay_dong }}",
    )
    if draft:
        draft_mark(doc)
    para(doc, "QUYẾT ĐỊNH", style="VB Tên loại", before=18)
    para(doc, "{{ " + block + ".trich_yeu }}", style="VB Trích yếu")
    rule(doc, indent_mm=(TEXT_WIDTH_MM - 50) / 2, space_after=12)
    para(doc, "{{ " + block + ".tham_quyen }}", style="VB Tên loại", before=0, after=12)
    para(doc, "{%p for c in " + block + ".can_cu %}", style="VB Căn cứ")
    para(doc, "{{ c }}", style="VB Căn cứ")
    para(doc, "{%p endfor %}", style="VB Căn cứ")
    para(doc, "QUYẾT ĐỊNH:", style="VB Tên loại", before=6, after=12)


def build_quyet_dinh() -> object:
    """Quyết định (cá biệt) in the shape of NĐ 30/2020 Phụ lục III Mẫu 1.2, with its annex."""
    doc = new_document(title="Quyết định công nhận sản phẩm OCOP")
    decision_opening(doc, "quyet_dinh", draft=True)
    body(
        doc,
        R("Điều 1. ", b=True),
        "Công nhận ",
        "{{ so_cong_nhan }}",
        " sản phẩm đạt tiêu chuẩn sản phẩm OCOP ",
        "{{ cap_chu }}",
        " năm ",
        "{{ nam }}",
        "{% if so_cong_nhan_theo_sao %}",
        " (",
        "{{ so_cong_nhan_theo_sao }}",
        "{% if cong_nhan_hinh_thuc %}",
        "; ",
        "{{ cong_nhan_hinh_thuc }}",
        "{% endif %}",
        ")",
        "{% endif %}",
        ", có danh sách kèm theo Quyết định này.",
    )
    # A level that forwards its best products (quy_trinh.cap_tren; QĐ 1048 Phụ lục II mục
    # 4.b(4): UBND cấp tỉnh "chuyển hồ sơ và sản phẩm mẫu của các sản phẩm có tiềm năng đạt
    # năm (05) sao (từ 90 đến 100 điểm) đề nghị cấp trung ương") says so in its decision.
    para(doc, "{%p if quy_trinh.cap_tren and de_nghi_cap_tren %}", style="VB Nội dung")
    body(
        doc,
        "Chuyển hồ sơ và sản phẩm mẫu của ",
        "{{ quy_trinh.so_de_nghi }}",
        " sản phẩm đạt từ ",
        "{{ quy_trinh.nguong }}",
        " điểm trở lên đến ",
        "{{ quy_trinh.co_quan_nhan }}",
        " đề nghị ",
        "{{ quy_trinh.de_nghi }}",
        ":",
    )
    para(doc, "{%p for sp in de_nghi_cap_tren %}", style="VB Nội dung")
    body(
        doc,
        "- ",
        "{{ sp.ten }}",
        " (",
        "{{ sp.chu_the }}",
        "): ",
        "{{ sp.diem_tb }}",
        " điểm",
        "{{ ';' if not loop.last else '.' }}",
    )
    para(doc, "{%p endfor %}", style="VB Nội dung")
    para(doc, "{%p endif %}", style="VB Nội dung")
    body(
        doc,
        R("Điều 2. ", b=True),
        "Giấy chứng nhận sản phẩm OCOP có giá trị trong thời hạn ",
        "{{ thoi_han_thang }}",
        " tháng kể từ ngày ký Quyết định này. Các chủ thể có sản phẩm "
        "được công nhận được sử dụng giấy chứng nhận, biểu trưng (logo) OCOP và thứ hạng sao "
        "trên bao bì, nhãn sản phẩm theo quy định; có trách nhiệm duy trì, nâng cao chất lượng "
        "sản phẩm trong thời gian được công nhận.",
    )
    body(
        doc,
        R("Điều 3. ", b=True),
        "Quyết định này có hiệu lực kể từ ngày ký. ",
        "{{ quyet_dinh.thuc_hien_chu }}",
        " và các chủ thể có sản phẩm tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.",
    )
    signature_block(
        doc,
        left=lambda c: noi_nhan(c, "quyet_dinh.noi_nhan"),
        right=lambda c: signer(c, "quyet_dinh.nguoi_ky"),
    )

    # Annex: "Danh sách sản phẩm được công nhận" (NĐ 30 Phụ lục III mục 2.1, phụ lục).
    para(
        doc,
        "DANH SÁCH SẢN PHẨM ĐƯỢC CÔNG NHẬN",
        style="VB Tên loại",
        page_break_before=True,
        before=0,
    )
    para(
        doc,
        "ĐẠT TIÊU CHUẨN SẢN PHẨM OCOP ",
        "{{ cap_chu | upper }}",
        " NĂM ",
        "{{ nam }}",
        style="VB Trích yếu",
    )
    para(
        doc,
        "(Kèm theo Quyết định số ",
        "{{ quyet_dinh.so }}",
        " ngày ",
        "{{ quyet_dinh.ngay_ngan }}",
        " của ",
        "{{ quyet_dinh.nguoi_quyet_dinh }}",
        ")",
        align=CENTER,
        i=True,
    )
    rule(doc, indent_mm=(TEXT_WIDTH_MM - 50) / 2, space_after=12)
    # The code column holds "19-05620-003-2026" on one line (11 pt, 1 mm padding): a code
    # broken at a hyphen reads as two codes (issue 12). The score and product-set columns
    # are the round file's choice (quyet_dinh.danh_sach; many provinces publish without
    # scores): one table per choice, the text columns narrower as columns are added.
    variants = (
        ("", [11, 37, 32, 33, 16, 36]),
        ("diem", [10, 33, 28, 29, 13, 16, 36]),
        ("bo", [10, 29, 25, 25, 24, 16, 36]),
        ("bo_diem", [10, 26, 22, 20, 22, 13, 16, 36]),
    )
    for n, (key, widths) in enumerate(variants):
        tag = "if" if n == 0 else "elif"
        para(doc, "{%p " + tag + " quyet_dinh.cot_danh_sach == '" + key + "' %}", size=2)
        annex_table(doc, widths, score="diem" in key, product_set=key.startswith("bo"))
    para(doc, "{%p endif %}", size=2)
    para(
        doc, "Danh sách gồm ", "{{ so_cong_nhan }}", " sản phẩm./.", align=CENTER, i=True, before=6
    )
    return doc


def build_giay_chung_nhan() -> object:
    """The certificate for one product, as provinces issue it (issue 12).

    A4 landscape, one page: the issuing body and "Số: …/GCN-…" beside the Quốc hiệu and
    Tiêu ngữ (NĐ 30/2020 Phụ lục I); a 40 mm place for the OCOP logo (pasted or pre-printed)
    left of the title "GIẤY CHỨNG NHẬN SẢN PHẨM OCOP"; the product in large type (sized by
    its length, so long names stay on the page), the stars drawn, producer, address and
    product code; the decision, the validity date; the signature block of the Chủ tịch
    (KT. CHỦ TỊCH / PHÓ CHỦ TỊCH) with 28 mm for signature and seal. A thin double border.
    """
    doc = new_document(landscape=True, title="Giấy chứng nhận sản phẩm OCOP")
    section = doc.sections[0]  # type: ignore[attr-defined]
    sect = section._sectPr
    borders = OxmlElement("w:pgBorders")
    borders.set(qn("w:offsetFrom"), "page")
    for side in ("top", "left", "bottom", "right"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), "double")
        el.set(qn("w:sz"), "12")
        el.set(qn("w:space"), "20")
        el.set(qn("w:color"), "8B0000")
        borders.append(el)
    # pgBorders follows pgMar in CT_SectPr.
    pgmar = sect.find(qn("w:pgMar"))
    pgmar.addnext(borders)
    width = 297 - 30 - 20
    # Header: issuing body and number (left), Quốc hiệu and Tiêu ngữ (right), NĐ 30 mục II.1–3.
    head = table(doc, [95, width - 95], rows=1)
    left, right = head.rows[0].cells
    cell_para(left, "{{ co_quan.ten_in_hoa }}", align=CENTER, size=13, b=True)
    rule(left, indent_mm=95 * 0.35, space_after=0)
    para(left, "Số: ", "{{ giay_chung_nhan.so }}", align=CENTER, size=13, before=6)
    cell_para(right, QUOC_HIEU, align=CENTER, size=13, b=True)
    para(right, TIEU_NGU, align=CENTER, size=14, b=True)
    rule(right, indent_mm=((width - 95) - 66) / 2, space_after=0)
    # Title row: the logo's place (left), the title centred on the page (3 columns).
    title = table(doc, [40, width - 80, 40], rows=1)
    # The row keeps its height with or without the logo (30 mm, the logo box 28 mm), so
    # the page is the same whether the picture is given or pasted by hand; with a long name
    # and a three-line signature (TM. / KT. / PHÓ CHỦ TỊCH) the page stays one.
    title.rows[0].height = Mm(30)
    title.rows[0].height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
    logo, middle, _right = title.rows[0].cells
    logo.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    # The OCOP logo (--logo, or giay_chung_nhan.logo of the round file) goes where this
    # marker prints (ocop_docs.production.pictures); without one the cell stays empty.
    cell_para(logo, "{{ giay_chung_nhan.logo }}", align=CENTER, size=12)
    cell_para(middle, "GIẤY CHỨNG NHẬN", align=CENTER, size=28, b=True, before=18)
    para(middle, "SẢN PHẨM OCOP", align=CENTER, size=22, b=True, after=6)
    para(middle, "{{ quyet_dinh.tham_quyen }}", align=CENTER, size=13, b=True, before=6)
    para(doc, "chứng nhận sản phẩm", align=CENTER, size=14, i=True, before=4)
    for tier, size in (("lon", 26), ("vua", 20), ("nho", 16)):
        tag = "if" if tier == "lon" else "elif"
        para(doc, "{%p " + tag + " giay_chung_nhan.co_chu_ten == '" + tier + "' %}", size=size)
        name = para(doc, "{{ sp.ten | upper }}", align=CENTER, size=size, b=True, after=2)
        # A long name wraps inside the width of the title block, not from border to border.
        name.paragraph_format.left_indent = Mm(20)
        name.paragraph_format.right_indent = Mm(20)
    para(doc, "{%p endif %}", size=16)
    stars = para(doc, R("{{ sp.sao }}", size=28), align=CENTER, after=0)
    stars.runs[0].font.color.rgb = RGBColor(0xB8, 0x86, 0x0B)  # the stars drawn, in gold
    para(doc, "Đạt hạng: ", R("{{ sp.hang_sao_chu | upper }}", b=True), align=CENTER, size=16)
    para(
        doc,
        "Chủ thể sản xuất: ",
        R("{{ sp.chu_the }}", b=True),
        align=CENTER,
        size=14,
        before=6,
    )
    para(doc, "Địa chỉ: ", "{{ sp.dia_chi }}", align=CENTER, size=14)
    para(
        doc,
        "{% if sp.ma_san_pham %}",
        "Mã sản phẩm: ",
        R("{{ sp.ma_san_pham }}", b=True),
        "{% endif %}",
        align=CENTER,
        size=14,
        after=6,
    )

    def left_sign(cell: _Cell) -> None:
        cell_para(
            cell,
            "Được công nhận tại ",
            "{{ giay_chung_nhan.can_cu }}",
            ".",
            size=13,
            i=True,
            before=12,
        )
        para(
            cell,
            "Giấy chứng nhận có giá trị ",
            "{{ giay_chung_nhan.thoi_han_thang }}",
            " tháng, đến ngày ",
            R("{{ giay_chung_nhan.het_han_ngan }}", b=True),
            ".",
            size=13,
            i=True,
            before=6,
        )
        # The QR code and short link of the public look-up page (issue 14), only when the
        # round names the page and the certificate is numbered.
        para(cell, "{%p if giay_chung_nhan.ma_qr %}", size=6)
        para(cell, "{{ giay_chung_nhan.ma_qr }}", size=11, before=6, after=0)
        para(cell, "Tra cứu: ", "{{ giay_chung_nhan.tra_cuu }}", size=10, after=0)
        para(cell, "{%p endif %}", size=6)

    def right_sign(cell: _Cell) -> None:
        cell_para(cell, "{{ giay_chung_nhan.ngay_dong }}", align=CENTER, i=True)
        para(
            cell, "{{ giay_chung_nhan.nguoi_ky.quyen_han | default('', true) }}", style="VB Chữ ký"
        )
        para(cell, "{{ giay_chung_nhan.nguoi_ky.chuc_vu }}", style="VB Chữ ký")
        for _ in range(SIGN_LINES):
            para(cell, "", align=CENTER)
        para(cell, "{{ giay_chung_nhan.nguoi_ky.ho_ten }}", style="VB Chữ ký")

    signature_block(doc, left=left_sign, right=right_sign, widths=(width - 100, 100))
    return doc


# QĐ 26/2026 Phụ lục II's header lines, as schemas/documents/scoring-sheet.yaml has them
# (tests/unit/test_phieu_danh_gia.py checks the two agree).
SHEET_SUBTITLE = "(Kiêm phiếu đánh giá sản phẩm OCOP)"
SHEET_CODE_LEGEND = (
    "T: Mã tỉnh - X: Mã xã - STT: Số thứ tự sản phẩm do xã lập thống kê - Năm đánh giá. "
    "Mã đơn vị hành chính theo Quyết định số 19/2025/QĐ-TTg ngày 30/6/2025"
)


def build_phieu_danh_gia() -> object:
    """QĐ 26/2026 Phụ lục II: "Bộ tiêu chí đánh giá sản phẩm OCOP (Kiêm phiếu đánh giá …)".

    One template serves the 26 product sets: the rows of the "Các tiêu chí | Thang điểm" table
    come from the rubric data (``{%tr for d in ph.dong %}``, one row shape per row type), and
    the whole sheet repeats for every sheet of ``phieu`` (one per council member), each from a
    new section (new page, page numbers from 1, none on the sheet's first page). Options print
    as "☐ text" (☒ when chosen) with their star-minimum mark.
    """
    doc = new_document(title="Bộ tiêu chí đánh giá sản phẩm OCOP (kiêm phiếu đánh giá)")
    para(doc, "{%p for ph in phieu %}", style="VB Tên loại")
    para(doc, "BỘ TIÊU CHÍ ĐÁNH GIÁ SẢN PHẨM OCOP", style="VB Tên loại", before=0)
    # A regime with a header of its own (schemas/documents/scoring-sheet.yaml; QĐ 1048 Phụ
    # lục III: "(Kiêm Phiếu … của thành viên Hội đồng đánh giá)", the district's code, no
    # phone line) prints it; QĐ 26/2026's lines stay literal (the shipped outputs unchanged).
    para(doc, "{%p if ph.dau_phieu_rieng %}", style="VB Trích yếu")
    para(doc, "{{ ph.phu_de }}", style="VB Trích yếu")
    para(doc, "{%p else %}", style="VB Trích yếu")
    para(doc, SHEET_SUBTITLE, style="VB Trích yếu")
    para(doc, "{%p endif %}", style="VB Trích yếu")
    para(doc, "(Kèm theo ", "{{ van_ban_bo_tieu_chi }}", ")", align=CENTER, i=True, size=13)
    para(
        doc,
        "{{ ph.bo_san_pham }}",
        ". Bộ sản phẩm: ",
        "{{ ph.ten_bo }}",
        style="VB Trích yếu",
        before=12,
    )
    para(
        doc,
        "{% if ph.tieu_de_phu %}",
        "{{ ph.tieu_de_phu }}",
        "{% endif %}",
        align=CENTER,
        i=True,
        size=13,
    )
    rule(doc, indent_mm=(TEXT_WIDTH_MM - 40) / 2, space_after=6)

    def field(label: str, expr: str) -> None:
        para(doc, label, "{{ " + expr + " }}", size=13, after=3)

    field("Tên sản phẩm: ", "ph.ten_san_pham")
    field("Mã số sản phẩm: ", "ph.ma_san_pham")
    para(doc, "{%p if not ph.dau_phieu_rieng %}", size=11, i=True, after=3)
    para(doc, SHEET_CODE_LEGEND, size=11, i=True, after=3)
    para(doc, "{%p elif ph.chu_giai_ma_so %}", size=11, i=True, after=3)
    para(doc, "{{ ph.chu_giai_ma_so }}", size=11, i=True, after=3)
    para(doc, "{%p endif %}", size=11, i=True, after=3)
    field("Tên chủ thể sản xuất: ", "ph.chu_the")
    para(doc, "{%p if ph.co_dien_thoai %}", size=13)
    field("Số điện thoại: ", "ph.dien_thoai")
    para(doc, "{%p endif %}", size=13)
    field("Địa chỉ: ", "ph.dia_chi")
    para(doc, "{%p if ph.thanh_vien %}", size=13)
    field("Người đánh giá: ", "ph.thanh_vien")
    para(doc, "{%p endif %}", size=13)
    para(doc, "{%p for l in ph.loai_khi %}", size=13)
    para(doc, "{{ l }}", size=13, align=JUSTIFY, after=3)
    para(doc, "{%p endfor %}", size=13)
    para(doc, "", size=6)

    # The table "Các tiêu chí | Thang điểm". One {%tr for %} over the rows of the sheet; each
    # row type has its own row shape, chosen with {%tr if %} (docxtpl removes the tag rows).
    width_text, width_points = 137, TEXT_WIDTH_MM - 137
    t = table(doc, [width_text, width_points], rows=1, grid=True)
    head = t.rows[0].cells
    cell_para(head[0], "Các tiêu chí", style="VB Bảng tiêu đề")
    cell_para(head[1], "Thang điểm", style="VB Bảng tiêu đề")
    repeat_header(t.rows[0])
    tr_row(t, "{%tr for d in ph.dong %}")
    tr_row(t, "{%tr if d.loai == 'phan' %}")
    row = add_row(t)
    cell_para(row.cells[0], "{{ d.ten }}", style="VB Bảng", b=True)
    cell_para(row.cells[1], "{{ d.diem }}", style="VB Bảng", b=True, align=CENTER)
    for cell in row.cells:
        shade(cell, "E7E6E6")
    tr_row(t, "{%tr elif d.loai == 'ghi_chu' %}")
    row = add_row(t)
    cell_para(row.cells[0], "{{ d.ten }}", style="VB Bảng", i=True, align=JUSTIFY)
    cell_para(row.cells[1], "", style="VB Bảng")
    for loai, bold in (("lua_chon", False), ("chon", True)):
        tr_row(t, "{%tr elif d.loai == '" + loai + "' %}")
        row = add_row(t)
        p = cell_para(
            row.cells[0],
            R("{{ d.o }}", b=bold),
            R(" ", b=bold),
            R("{{ d.ten }}", b=bold),
            R("{{ d.sao }}", b=True),
            style="VB Bảng",
            align=LEFT,
        )
        # Hanging indent: wrapped lines start under the text, not under the box.
        p.paragraph_format.left_indent = Mm(9)
        p.paragraph_format.first_line_indent = Mm(-5)
        cell_para(row.cells[1], "{{ d.diem }}", style="VB Bảng", align=CENTER, b=bold)
    tr_row(t, "{%tr else %}")
    row = add_row(t)
    cell_para(row.cells[0], "{{ d.ten }}", style="VB Bảng", b=True)
    cell_para(row.cells[1], "{{ d.diem }}", style="VB Bảng", b=True, align=CENTER)
    tr_row(t, "{%tr endif %}")
    tr_row(t, "{%tr endfor %}")
    para(doc, "", after=6)

    # Totals per part; "Điểm đạt" is left empty on a blank sheet for the evaluator's hand.
    s = table(doc, [95, 35, 35], rows=1, grid=True)
    for cell, text in zip(s.rows[0].cells, ("Phần", "Thang điểm", "Điểm đạt"), strict=True):
        cell_para(cell, text, style="VB Bảng tiêu đề")
    tr_row(s, "{%tr for x in ph.tong %}")
    row = add_row(s)
    cell_para(row.cells[0], "{{ x.ten }}", style="VB Bảng")
    cell_para(row.cells[1], "{{ x.toi_da }}", style="VB Bảng", align=CENTER)
    cell_para(row.cells[2], "{{ x.dat }}", style="VB Bảng", align=CENTER)
    tr_row(s, "{%tr endfor %}")
    row = add_row(s)
    cant_split(row)
    cell_para(row.cells[0], "TỔNG CỘNG", style="VB Bảng", b=True)
    cell_para(row.cells[1], "{{ ph.toi_da }}", style="VB Bảng", b=True, align=CENTER)
    cell_para(
        row.cells[2],
        "{% if ph.da_cham %}",
        "{{ ph.diem_dat }}",
        "{% endif %}",
        style="VB Bảng",
        b=True,
        align=CENTER,
    )
    para(
        doc,
        R("Tổng điểm đạt: ", b=True),
        "{{ ph.diem_dat }}",
        " điểm.        ",
        R("Hạng sao: ", b=True),
        "{{ ph.hang_sao }}",
        ".",
        size=13,
        before=6,
        after=3,
    )
    para(doc, "{%p for g in ph.ghi_chu_ket_qua %}", size=13)
    para(doc, "{{ g }}", size=13, i=True, align=JUSTIFY, after=3)
    para(doc, "{%p endfor %}", size=13)
    # Footer of Phụ lục II: the star note (none in set 26), the evaluator's opinion, signature.
    para(doc, "{%p if ph.ghi_chu_dau_sao %}", size=12)
    para(doc, "{{ ph.ghi_chu_dau_sao }}", size=12, i=True, align=JUSTIFY, after=3)
    para(doc, "{%p endif %}", size=12)
    para(doc, "Ý kiến của người đánh giá:", size=13, b=True, before=6, keep_next=True)
    para(doc, "{%p for l in ph.y_kien %}", size=13)
    para(doc, "{{ l }}", size=13, align=JUSTIFY)
    para(doc, "{%p endfor %}", size=13)

    def right(cell: _Cell) -> None:
        cell_para(cell, "{{ ph.ngay_dong }}", align=CENTER, i=True, size=13, before=12)
        para(cell, "Người đánh giá", style="VB Chữ ký")
        para(cell, "(Ký và ghi rõ họ tên)", align=CENTER, i=True, size=13)
        for _ in range(SIGN_LINES):
            para(cell, "", align=CENTER)
        para(cell, "{{ ph.nguoi_danh_gia | default('', true) }}", style="VB Chữ ký")

    signature_block(doc, left=None, right=right, widths=(65, 100))
    para(doc, "{%p if not loop.last %}", size=2)
    end_of_sheet = para(doc, size=2)
    para(doc, "{%p endif %}", size=2)
    para(doc, "{%p endfor %}", size=2)
    section_break(doc, end_of_sheet)
    return doc


# --- the procedure's other papers (issue 12) ------------------------------------------------
# The commune's proposal letter, the approval of products of 90 points or more and the
# province's letter to the Ministry, the notification of results, the revocation: built
# with the same header, căn cứ, signature and Nơi nhận blocks as the decision.


def _list_table(
    doc: object,
    loop: str,
    columns: list[tuple[str, float, str, object, float | None]],
) -> Table:
    """A gridded list: a header row repeated on every page, one row per item of ``loop``
    ("sp in x.san_pham"), rows not split. ``columns``: heading, width mm, cell expression,
    alignment, size."""
    t = table(doc, [c[1] for c in columns], rows=3, grid=True)
    cell_margins(t, 1)
    for cell, column in zip(t.rows[0].cells, columns, strict=True):
        cell_para(cell, column[0], style="VB Bảng tiêu đề")
    repeat_header(t.rows[0])
    cant_split(t.rows[0])
    cell_para(t.rows[1].cells[0], "{%tr for " + loop + " %}", style="VB Bảng")
    cant_split(t.rows[2])
    for cell, (_head, _w, expr, align, size) in zip(t.rows[2].cells, columns, strict=True):
        cell_para(cell, "{{ " + expr + " }}", style="VB Bảng", align=align, size=size)
    end = add_row(t)
    cell_para(end.cells[0], "{%tr endfor %}", style="VB Bảng")
    return t


def _kinh_gui(doc: object, expr: str) -> None:
    """ "Kính gửi: …." centred under the trích yếu (NĐ 30 Phụ lục III Mẫu 1.4, tờ trình)."""
    para(doc, "Kính gửi: ", "{{ " + expr + " }}", ".", align=CENTER, before=6, after=12)


def _bullets(doc: object, expr: str) -> None:
    """ "- …;" items of a list, the last ending "." (NĐ 30 mục II.6)."""
    para(doc, "{%p for m in " + expr + " %}", style="VB Nội dung")
    body(doc, "- ", "{{ m }}")
    para(doc, "{%p endfor %}", style="VB Nội dung")


def build_de_nghi_xa() -> object:
    """Tờ trình của UBND cấp xã đề nghị đánh giá, phân hạng (QĐ 26/2026 Điều 6.2.a, 7.2.b)."""
    doc = new_document(title="Tờ trình đề nghị đánh giá, phân hạng sản phẩm OCOP")
    header_block(
        doc,
        left_top=None,
        left_name="{{ van_ban_xa.ten_in_hoa }}",
        left_number="Số: {{ van_ban_xa.so }}",
        right_date="{{ van_ban_xa.ngay_dong }}",
    )
    para(doc, "TỜ TRÌNH", style="VB Tên loại", before=18)
    para(doc, "{{ van_ban_xa.trich_yeu }}", style="VB Trích yếu")
    rule(doc, indent_mm=(TEXT_WIDTH_MM - 50) / 2, space_after=6)
    _kinh_gui(doc, "van_ban_xa.kinh_gui")
    body(
        doc,
        "Căn cứ ",
        "{{ van_ban_bo_tieu_chi }}",
        " ban hành Bộ tiêu chí và quy trình đánh giá, phân hạng sản phẩm mỗi xã một sản phẩm;",
    )
    body(
        doc,
        "Căn cứ kết quả kiểm tra thành phần hồ sơ và đánh giá một số nội dung của hồ sơ sản "
        "phẩm của Ủy ban nhân dân ",
        "{{ van_ban_xa.xa }}",
        " (Báo cáo theo Mẫu số 03 Phụ lục III),",
    )
    body(
        doc,
        "Ủy ban nhân dân ",
        "{{ van_ban_xa.xa }}",
        " kính đề nghị ",
        "{{ van_ban_xa.kinh_gui }}",
        " tổ chức đánh giá, phân hạng sản phẩm OCOP ",
        "{{ cap_chu }}",
        " (",
        "{{ ten_dot }}",
        ") đối với ",
        "{{ van_ban_xa.so_san_pham }}",
        " sản phẩm của các chủ thể trên địa bàn, cụ thể như sau:",
        keep_next=True,
    )
    _list_table(
        doc,
        "sp in van_ban_xa.san_pham",
        [
            ("STT", 11, "sp.stt", CENTER, None),
            ("Tên sản phẩm", 38, "sp.ten", None, None),
            ("Chủ thể, địa chỉ", 52, "sp.chu_the }}, {{ sp.dia_chi", None, None),
            ("Bộ sản phẩm", 36, "sp.bo_san_pham", None, None),
            ("Hình thức đánh giá", 28, "sp.hinh_thuc", CENTER, None),
        ],
    )
    body(
        doc,
        "Hồ sơ gửi kèm (01 bộ hồ sơ giấy và 01 bộ hồ sơ điện tử), gồm:",
        before=6,
        keep_next=True,
    )
    _bullets(doc, "van_ban_xa.ho_so")
    body(
        doc,
        "Ủy ban nhân dân ",
        "{{ van_ban_xa.xa }}",
        " kính trình ",
        "{{ van_ban_xa.kinh_gui }}",
        " xem xét, quyết định./.",
    )
    signature_block(
        doc,
        left=lambda c: noi_nhan(c, "van_ban_xa.noi_nhan"),
        right=lambda c: signer(c, "van_ban_xa.nguoi_ky"),
    )
    return doc


def _annex_heading(doc: object, *lines: list[Run], ref: list[Run]) -> None:
    first = True
    for runs in lines:
        para(
            doc,
            *runs,
            style="VB Tên loại" if first else "VB Trích yếu",
            page_break_before=first,
            before=0,
        )
        first = False
    para(doc, *ref, align=CENTER, i=True)
    rule(doc, indent_mm=(TEXT_WIDTH_MM - 50) / 2, space_after=12)


def build_phe_duyet_ket_qua() -> object:
    """Quyết định phê duyệt kết quả của sản phẩm đạt từ 90 điểm (Điều 6.3.a, 7.3.e)."""
    doc = new_document(title="Quyết định phê duyệt kết quả đánh giá sản phẩm OCOP")
    decision_opening(doc, "phe_duyet", draft=True)
    body(
        doc,
        R("Điều 1. ", b=True),
        "Phê duyệt kết quả đánh giá, phân hạng sản phẩm OCOP ",
        "{{ phe_duyet.cap_chu }}",
        " ",
        "{{ phe_duyet.dot }}",
        " đối với ",
        "{{ phe_duyet.so_san_pham }}",
        " sản phẩm đạt từ ",
        "{{ phe_duyet.nguong }}",
        " điểm trở lên, có tiềm năng đạt hạng 5 sao (có danh sách kèm theo).",
    )
    body(
        doc,
        R("Điều 2. ", b=True),
        "Giao ",
        "{{ phe_duyet.co_quan_tham_muu }}",
        " hoàn thiện hồ sơ theo quy định tại khoản 3 Điều 6 ",
        "{{ phe_duyet.van_ban_bo_tieu_chi }}",
        ", tham mưu ",
        "{{ co_quan.ten }}",
        " có văn bản đề nghị ",
        "{{ phe_duyet.cap_tren }}",
        " đánh giá, phân hạng sản phẩm OCOP 5 sao; các chủ thể có sản phẩm tại Điều 1 phối "
        "hợp hoàn thiện hồ sơ và cung cấp sản phẩm mẫu.",
    )
    body(
        doc,
        R("Điều 3. ", b=True),
        "Quyết định này có hiệu lực kể từ ngày ký. ",
        "{{ phe_duyet.thuc_hien_chu }}",
        " và các chủ thể có sản phẩm tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.",
    )
    signature_block(
        doc,
        left=lambda c: noi_nhan(c, "phe_duyet.noi_nhan"),
        right=lambda c: signer(c, "phe_duyet.nguoi_ky"),
    )
    _annex_heading(
        doc,
        ["DANH SÁCH SẢN PHẨM ĐẠT TỪ ", "{{ phe_duyet.nguong }}", " ĐIỂM TRỞ LÊN"],
        ["ĐỀ NGHỊ ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP 5 SAO"],
        ref=[
            "(Kèm theo Quyết định số ",
            "{{ phe_duyet.so }}",
            " ngày ",
            "{{ phe_duyet.ngay_ngan }}",
            " của ",
            "{{ phe_duyet.nguoi_quyet_dinh }}",
            ")",
        ],
    )
    _list_table(
        doc,
        "sp in phe_duyet.san_pham",
        [
            ("STT", 11, "sp.stt", CENTER, None),
            ("Tên sản phẩm", 37, "sp.ten", None, None),
            ("Chủ thể", 32, "sp.chu_the", None, None),
            ("Địa chỉ", 33, "sp.dia_chi", None, None),
            ("Điểm", 16, "sp.diem_tb", CENTER, None),
            ("Mã sản phẩm", 36, "sp.ma_san_pham | default('', true)", CENTER, 11),
        ],
    )
    para(
        doc,
        "Danh sách gồm ",
        "{{ phe_duyet.so_san_pham }}",
        " sản phẩm./.",
        align=CENTER,
        i=True,
        before=6,
    )
    return doc


def _letter_table(doc: object, score_head: str) -> None:
    """The proposal letter's list of products (one code line per product, 11 pt)."""
    _list_table(
        doc,
        "sp in cong_van.san_pham",
        [
            ("STT", 11, "sp.stt", CENTER, None),
            ("Tên sản phẩm", 34, "sp.ten", None, None),
            ("Chủ thể, địa chỉ", 44, "sp.chu_the }}, {{ sp.dia_chi", None, None),
            (score_head, 16, "sp.diem_tb", CENTER, None),
            ("Hình thức", 24, "sp.hinh_thuc", CENTER, None),
            # The code on one line (11 pt, 36 mm), as in the decision's annex (issue 12).
            ("Mã sản phẩm", 36, "sp.ma_san_pham | default('', true)", CENTER, 11),
        ],
    )


def build_cong_van_de_nghi() -> object:
    """Công văn của UBND tỉnh đề nghị Bộ đánh giá 5 sao (NĐ 30 Phụ lục III Mẫu 1.4)."""
    doc = new_document(title="Công văn đề nghị đánh giá, phân hạng sản phẩm OCOP 5 sao")
    t = header_block(
        doc,
        left_top="{{ co_quan.chu_quan_in_hoa | default('', true) }}",
        left_name="{{ co_quan.ten_in_hoa }}",
        left_number="Số: {{ cong_van.so }}",
        right_date="{{ cong_van.ngay_dong }}",
    )
    # The letter's trích yếu "V/v …" under its number, 12 pt upright (NĐ 30 mục II.4b).
    para(t.rows[1].cells[0], "{{ cong_van.trich_yeu }}", align=CENTER, size=12, before=3)
    draft_mark(doc)
    para(doc, "", after=6)
    _kinh_gui(doc, "cong_van.kinh_gui")
    body(doc, "{{ cong_van.can_cu }}", ";")
    # A regime whose procedure is data (cong_van.de_nghi: QĐ 1048 Phụ lục II mục 3.b–c, the
    # district's letter to the province, the province's to the Ministry) says what it asks,
    # its level's score and the clause of its papers; QĐ 26/2026's letter keeps its text.
    para(doc, "{%p if cong_van.de_nghi %}", style="VB Nội dung")
    body(
        doc,
        "{{ cong_van.ket_qua }}",
        ", ",
        "{{ co_quan.ten }}",
        " đề nghị ",
        "{{ cong_van.kinh_gui }}",
        " ",
        "{{ cong_van.de_nghi }}",
        " đối với ",
        "{{ cong_van.so_san_pham }}",
        " sản phẩm sau:",
        keep_next=True,
    )
    _letter_table(doc, "{{ cong_van.cot_diem }}")
    body(
        doc,
        "Hồ sơ gửi kèm (theo ",
        "{{ cong_van.can_cu_ho_so }}",
        "), gồm:",
        before=6,
        keep_next=True,
    )
    para(doc, "{%p else %}", style="VB Nội dung")
    body(
        doc,
        "{{ cong_van.ket_qua }}",
        ", ",
        "{{ co_quan.ten }}",
        " đề nghị ",
        "{{ cong_van.kinh_gui }}",
        " đánh giá, phân hạng sản phẩm OCOP 5 sao đối với ",
        "{{ cong_van.so_san_pham }}",
        " sản phẩm sau:",
        keep_next=True,
    )
    _letter_table(doc, "Điểm cấp tỉnh")
    body(
        doc,
        "Hồ sơ gửi kèm (01 bộ hồ sơ giấy và 01 bộ hồ sơ điện tử, theo khoản 3 Điều 6 ",
        "{{ van_ban_bo_tieu_chi }}",
        "), gồm:",
        before=6,
        keep_next=True,
    )
    para(doc, "{%p endif %}", style="VB Nội dung")
    para(doc, "{%p for g in cong_van.ho_so %}", style="VB Nội dung")
    para(doc, "{%p if g.tieu_de %}", style="VB Nội dung")
    body(doc, "{{ g.tieu_de }}", i=True, keep_next=True)
    para(doc, "{%p endif %}", style="VB Nội dung")
    para(doc, "{%p for m in g.muc %}", style="VB Nội dung")
    body(doc, "- ", "{{ m }}")
    para(doc, "{%p endfor %}", style="VB Nội dung")
    para(doc, "{%p endfor %}", style="VB Nội dung")
    para(doc, "{%p if cong_van.lien_he %}", style="VB Nội dung")
    body(doc, "Thông tin chi tiết xin liên hệ: ", "{{ cong_van.lien_he }}", ".")
    para(doc, "{%p endif %}", style="VB Nội dung")
    body(
        doc,
        "{{ co_quan.ten }}",
        " trân trọng đề nghị ",
        "{{ cong_van.kinh_gui }}",
        " quan tâm, xem xét./.",
    )
    signature_block(
        doc,
        left=lambda c: noi_nhan(c, "cong_van.noi_nhan"),
        right=lambda c: signer(c, "cong_van.nguoi_ky"),
    )
    return doc


def build_thong_bao_ket_qua() -> object:
    """Thông báo kết quả đánh giá, phân hạng cho một chủ thể (QĐ 26/2026 Điều 7.3.g)."""
    doc = new_document(title="Thông báo kết quả đánh giá, phân hạng sản phẩm OCOP")
    header_block(
        doc,
        left_top="{{ thong_bao.co_quan.chu_quan_in_hoa | default('', true) }}",
        left_name="{{ thong_bao.co_quan.ten_in_hoa }}",
        left_number="Số: {{ thong_bao.so }}",
        right_date="{{ thong_bao.ngay_dong }}",
        left_width=70,  # "UBND TỈNH THÁI NGUYÊN" on one line; Quốc hiệu still on one
    )
    para(doc, "THÔNG BÁO", style="VB Tên loại", before=18)
    para(doc, "{{ thong_bao.trich_yeu }}", style="VB Trích yếu")
    rule(doc, indent_mm=(TEXT_WIDTH_MM - 50) / 2, space_after=12)
    para(doc, "{%p for c in thong_bao.can_cu %}", style="VB Nội dung")
    body(doc, "{{ c }}")
    para(doc, "{%p endfor %}", style="VB Nội dung")
    body(
        doc,
        "{{ thong_bao.co_quan.ten }}",
        " thông báo kết quả đánh giá, phân hạng sản phẩm OCOP của ",
        R("{{ thong_bao.chu_the }}", b=True),
        " (địa chỉ: ",
        "{{ thong_bao.dia_chi }}",
        ") như sau:",
        keep_next=True,
    )
    _list_table(
        doc,
        "sp in thong_bao.san_pham",
        [
            ("STT", 11, "sp.stt", CENTER, None),
            ("Tên sản phẩm", 40, "sp.ten", None, None),
            ("Mã sản phẩm", 36, "sp.ma_san_pham | default('', true)", CENTER, 11),
            ("Điểm", 16, "sp.diem_tb", CENTER, None),
            ("Kết quả", 62, "sp.ket_qua", None, None),
        ],
    )
    para(doc, "{%p if thong_bao.co_cong_nhan %}", style="VB Nội dung")
    body(
        doc,
        "Đối với sản phẩm được công nhận: Giấy chứng nhận có giá trị trong thời hạn ",
        "{{ thong_bao.thoi_han_thang }}",
        " tháng kể từ ngày ban hành; chủ thể được sử dụng giấy chứng nhận, biểu trưng (logo) "
        "OCOP và thứ hạng sao trên bao bì, nhãn sản phẩm theo quy định, có trách nhiệm duy "
        "trì, nâng cao chất lượng sản phẩm trong thời gian được công nhận.",
        before=6,
    )
    para(doc, "{%p endif %}", style="VB Nội dung")
    para(doc, "{%p if thong_bao.co_de_nghi %}", style="VB Nội dung")
    body(
        doc,
        "Đối với sản phẩm đạt từ 90 điểm trở lên: ",
        "{{ co_quan.ten }}",
        " gửi hồ sơ đề nghị ",
        "{{ thong_bao.cap_tren }}",
        " đánh giá, phân hạng sản phẩm OCOP 5 sao; đề nghị chủ thể phối hợp hoàn thiện hồ sơ "
        "và chuẩn bị 05 sản phẩm mẫu theo hướng dẫn.",
        before=6,
    )
    para(doc, "{%p endif %}", style="VB Nội dung")
    para(doc, "{%p if thong_bao.co_khong_dat %}", style="VB Nội dung")
    body(
        doc,
        "Đối với sản phẩm chưa được công nhận: sản phẩm đạt 1 sao hoặc 2 sao không được ban "
        "hành quyết định công nhận và không được cấp giấy chứng nhận; đề nghị chủ thể tiếp tục "
        "hoàn thiện sản phẩm, hồ sơ theo ý kiến của Hội đồng để đăng ký đánh giá, phân hạng ở "
        "các đợt tiếp theo.",
        before=6,
    )
    para(doc, "{%p endif %}", style="VB Nội dung")
    body(
        doc,
        "{{ thong_bao.co_quan.ten }}",
        " thông báo để ",
        "{{ thong_bao.chu_the }}",
        " biết, thực hiện./.",
    )
    signature_block(
        doc,
        left=lambda c: noi_nhan(c, "thong_bao.noi_nhan"),
        right=lambda c: signer(c, "thong_bao.nguoi_ky"),
    )
    return doc


def build_quyet_dinh_thu_hoi() -> object:
    """Quyết định thu hồi giấy chứng nhận sản phẩm OCOP (QĐ 26/2026 Điều 8)."""
    doc = new_document(title="Quyết định thu hồi giấy chứng nhận sản phẩm OCOP")
    decision_opening(doc, "thu_hoi", draft=False)
    body(
        doc,
        R("Điều 1. ", b=True),
        "Thu hồi Giấy chứng nhận sản phẩm OCOP đối với ",
        "{{ thu_hoi.so_giay }}",
        " sản phẩm sau:",
        keep_next=True,
    )
    _list_table(
        doc,
        "sp in thu_hoi.giay_chung_nhan",
        [
            ("STT", 11, "sp.stt", CENTER, None),
            ("Tên sản phẩm", 33, "sp.ten", None, None),
            ("Mã sản phẩm", 35, "sp.ma_san_pham | default('', true)", CENTER, 11),
            ("Chủ thể, địa chỉ", 37, "sp.chu_the }}, {{ sp.dia_chi", None, None),
            ("Hạng sao", 14, "sp.hang_sao_chu", CENTER, None),
            ("Số giấy chứng nhận; quyết định công nhận", 35, "sp.giay", CENTER, 11),
        ],
    )
    body(doc, "Lý do thu hồi:", before=6, keep_next=True)
    para(doc, "{%p if thu_hoi.truong_hop %}", style="VB Nội dung")
    body(doc, "- Sản phẩm ", "{{ thu_hoi.truong_hop }}", ":")
    para(doc, "{%p for m in thu_hoi.can_cu_thu_hoi %}", style="VB Nội dung")
    body(doc, R("«", i=True), R("{{ m }}", i=True), R("»", i=True))
    para(doc, "{%p endfor %}", style="VB Nội dung")
    para(doc, "{%p endif %}", style="VB Nội dung")
    para(doc, "{%p if thu_hoi.ly_do %}", style="VB Nội dung")
    body(doc, "- ", "{{ thu_hoi.ly_do }}")
    para(doc, "{%p endif %}", style="VB Nội dung")
    body(
        doc,
        R("Điều 2. ", b=True),
        "Kể từ ngày Quyết định này có hiệu lực, Giấy chứng nhận nêu tại Điều 1 không còn giá trị. ",
        "{{ thu_hoi.chu_the_chu }}",
        " không được sử dụng giấy chứng nhận, biểu trưng (logo) OCOP và thứ hạng sao của sản "
        "phẩm trên bao bì, nhãn sản phẩm và trong hoạt động quảng bá, kinh doanh.",
    )
    body(
        doc,
        R("Điều 3. ", b=True),
        "Quyết định này có hiệu lực kể từ ngày ký. ",
        "{{ thu_hoi.thuc_hien_chu }}",
        " chịu trách nhiệm thi hành Quyết định này./.",
    )
    signature_block(
        doc,
        left=lambda c: noi_nhan(c, "thu_hoi.noi_nhan"),
        right=lambda c: signer(c, "thu_hoi.nguoi_ky"),
    )
    return doc


def build_giay_chung_nhan_phoi() -> object:
    """The certificate's fields alone, for a province's pre-printed blanks (issue 12).

    No border, header or labels: one paragraph per field of ``phoi.truong``, each a frame
    anchored to the page at the layout file's position (``w:framePr`` x, y, width in twips,
    from the context), with its own size, weight and alignment. The page size comes from
    the layout (A4 landscape or portrait); no page number.
    """
    doc = new_document(landscape=True, title="Giấy chứng nhận sản phẩm OCOP (in trên phôi)")
    section = doc.sections[0]  # type: ignore[attr-defined]
    section.different_first_page_header_footer = False
    for hp in section.header.paragraphs:  # no page number on a certificate
        for child in list(hp._p):
            if child.tag != qn("w:pPr"):
                hp._p.remove(child)
    sect = section._sectPr
    size = sect.find(qn("w:pgSz"))
    size.set(qn("w:w"), "{{ phoi.rong }}")
    size.set(qn("w:h"), "{{ phoi.cao }}")
    size.attrib.pop(qn("w:orient"), None)
    for side in ("top", "bottom", "left", "right"):
        sect.find(qn("w:pgMar")).set(qn(f"w:{side}"), "284")  # 5 mm: frames sit on the page
    para(doc, "{%p for o in phoi.truong %}", size=2)
    line = para(doc, "{{ o.chu }}")
    ppr = line._p.get_or_add_pPr()
    frame = OxmlElement("w:framePr")
    for key, value in (
        ("w:w", "{{ o.rong }}"),
        ("w:x", "{{ o.x }}"),
        ("w:y", "{{ o.y }}"),
        ("w:hAnchor", "page"),
        ("w:vAnchor", "page"),
        ("w:wrap", "around"),
    ):
        frame.set(qn(key), value)
    ppr.insert(0, frame)
    jc = OxmlElement("w:jc")
    jc.set(qn("w:val"), "{{ o.can }}")
    ppr.append(jc)
    rpr = line.runs[0]._r.get_or_add_rPr()
    for tag in ("w:b", "w:i"):
        el = OxmlElement(tag)
        el.set(qn("w:val"), "{{ o.dam }}" if tag == "w:b" else "{{ o.nghieng }}")
        rpr.append(el)
    sz = OxmlElement("w:sz")
    sz.set(qn("w:val"), "{{ o.co }}")
    rpr.append(sz)
    para(doc, "{%p endfor %}", size=2)
    para(doc, "", size=2)  # a body always ends with a paragraph
    return doc


BUILDERS: dict[str, Callable[[], object]] = {
    "phieu-dang-ky": build_phieu_dang_ky,
    "bao-cao-tu-danh-gia": build_bao_cao_tu_danh_gia,
    "bao-cao-xa": build_bao_cao_xa,
    "bien-ban": build_bien_ban,
    "quyet-dinh": build_quyet_dinh,
    "giay-chung-nhan": build_giay_chung_nhan,
    "giay-chung-nhan-phoi": build_giay_chung_nhan_phoi,
    "phieu-danh-gia": build_phieu_danh_gia,
    # The procedure's other papers (issue 12).
    "de-nghi-xa": build_de_nghi_xa,
    "phe-duyet-ket-qua": build_phe_duyet_ket_qua,
    "cong-van-de-nghi": build_cong_van_de_nghi,
    "thong-bao-ket-qua": build_thong_bao_ket_qua,
    "quyet-dinh-thu-hoi": build_quyet_dinh_thu_hoi,
}


# --- issue 14: the registry's papers (a notice to a producer, the yearly report) ----------


def _grid(
    doc: object,
    widths: list[float],
    heads: tuple[str, ...],
    loop: str,
    cells: tuple[str, ...],
    text_column: int | None = 1,
) -> Table:
    """A table with a header row repeated on every page and one row per item of ``loop``."""
    t = table(doc, widths, rows=3, grid=True)
    cell_margins(t, 1)
    for cell, text in zip(t.rows[0].cells, heads, strict=True):
        cell_para(cell, text, style="VB Bảng tiêu đề")
    repeat_header(t.rows[0])
    cell_para(t.rows[1].cells[0], "{%tr for r in " + loop + " %}", style="VB Bảng")
    cant_split(t.rows[2])
    for index, (cell, expr) in enumerate(zip(t.rows[2].cells, cells, strict=True)):
        cell_para(
            cell,
            "{{ r." + expr + " }}",
            style="VB Bảng",
            align=None if index == text_column else CENTER,
        )
    end = add_row(t)
    cell_para(end.cells[0], "{%tr endfor %}", style="VB Bảng")
    return t


def _total_row(t: Table, prefix: str, keys: tuple[str, ...]) -> None:
    row = add_row(t)
    cells = row.cells
    cell_para(cells[0], "", style="VB Bảng")
    cell_para(cells[1], "Tổng cộng", style="VB Bảng", b=True)
    for cell, key in zip(cells[2:], keys, strict=True):
        cell_para(cell, "{{ " + prefix + "." + key + " }}", style="VB Bảng", align=CENTER, b=True)


def build_thong_bao_danh_gia_lai() -> object:
    """Thông báo gửi chủ thể (NĐ 30/2020 Phụ lục III, Mẫu 1.4): the window of Điều 7.6.a."""
    doc = new_document(title="Thông báo đánh giá, phân hạng lại sản phẩm OCOP")
    header_block(
        doc,
        left_top="{{ co_quan.chu_quan_in_hoa | default('', true) }}",
        left_name="{{ co_quan.ten_in_hoa }}",
        left_number="Số: {{ thong_bao.so }}",
        right_date="{{ thong_bao.ngay_dong }}",
    )
    para(doc, "THÔNG BÁO", style="VB Tên loại", before=18)
    para(doc, "{{ thong_bao.trich_yeu }}", style="VB Trích yếu")
    rule(doc, indent_mm=(TEXT_WIDTH_MM - 50) / 2, space_after=12)
    para(doc, "Kính gửi: ", "{{ chu_the.ten }}", align=CENTER, after=0)
    para(doc, "Địa chỉ: ", "{{ chu_the.dia_chi }}", align=CENTER, i=True, size=13, after=12)
    body(
        doc,
        "Căn cứ khoản 3 Điều 4 và khoản 6 Điều 7 Quyết định số 26/2026/QĐ-TTg ngày 22 tháng 5 "
        "năm 2026 của Thủ tướng Chính phủ; căn cứ sổ theo dõi sản phẩm OCOP, ",
        "{{ co_quan.ten }}",
        " thông báo như sau:",
    )
    body(
        doc,
        "Sản phẩm ",
        R("{{ sp.ten }}", b=True),
        " (",
        "{{ sp.hang_sao_chu }}",
        ") của ",
        "{{ chu_the.ten }}",
        " được công nhận theo ",
        "{{ sp.quyet_dinh }}",
        "{% if sp.so_gcn %}",
        ", giấy chứng nhận số ",
        "{{ sp.so_gcn }}",
        "{% endif %}",
        "; giấy chứng nhận có giá trị trong thời hạn 36 tháng, đến ngày ",
        R("{{ sp.het_han }}", b=True),
        ".",
    )
    para(doc, "{%p if tinh_trang in ('dang_mo', 'sap_dong') %}", style="VB Nội dung")
    body(
        doc,
        "Theo điểm a khoản 6 Điều 7 Quyết định số 26/2026/QĐ-TTg, hồ sơ đề nghị đánh giá, "
        "phân hạng lại được nộp không sớm hơn 180 ngày và không muộn hơn 120 ngày trước khi "
        "giấy chứng nhận hết hạn, tức là ",
        R("từ ngày {{ sp.nop_tu }} đến ngày {{ sp.nop_den }}", b=True),
        "{% if tinh_trang == 'sap_dong' %}",
        R(" (chỉ còn {{ sp.con_ngay }} ngày)", b=True),
        "{% else %}",
        " (còn {{ sp.con_ngay }} ngày)",
        "{% endif %}",
        ".",
    )
    body(
        doc,
        "Đề nghị ",
        "{{ chu_the.ten }}",
        " chuẩn bị hồ sơ theo khoản 1 Điều 6 Quyết định số 26/2026/QĐ-TTg (trong đó báo cáo "
        "cập nhật những thay đổi sau thời gian sản phẩm được công nhận) và nộp tại ",
        "{{ sp.xa }}",
        " trong thời hạn nêu trên. Quá thời hạn này, giấy chứng nhận hết giá trị vào ngày ",
        "{{ sp.het_han }}",
        ".",
    )
    para(doc, "{%p elif tinh_trang == 'da_lo' %}", style="VB Nội dung")
    body(
        doc,
        "Thời hạn nộp hồ sơ đánh giá, phân hạng lại theo điểm a khoản 6 Điều 7 Quyết định số "
        "26/2026/QĐ-TTg (từ ngày ",
        "{{ sp.nop_tu }}",
        " đến ngày ",
        "{{ sp.nop_den }}",
        ") đã qua. Giấy chứng nhận hết giá trị vào ngày ",
        "{{ sp.het_han }}",
        "; sau ngày đó, để được công nhận, sản phẩm đăng ký đánh giá, phân hạng theo Điều 6 và "
        "Điều 7 Quyết định số 26/2026/QĐ-TTg.",
    )
    para(doc, "{%p if chuyen_tiep %}", style="VB Nội dung")
    body(
        doc,
        "Giấy chứng nhận hết hạn trước ngày 19/9/2026 thuộc trường hợp chuyển tiếp tại khoản 3 "
        "Điều 12 Quyết định số 26/2026/QĐ-TTg: khi chủ thể nộp hồ sơ đánh giá lại, giấy chứng "
        "nhận tiếp tục có giá trị đến khi có kết quả, tối đa 180 ngày kể từ ngày hết hạn.",
    )
    para(doc, "{%p endif %}", style="VB Nội dung")
    para(doc, "{%p else %}", style="VB Nội dung")
    body(
        doc,
        "Giấy chứng nhận đã hết giá trị từ ngày ",
        "{{ sp.het_han }}",
        ". Đề nghị ",
        "{{ chu_the.ten }}",
        " không sử dụng giấy chứng nhận, biểu trưng OCOP và thứ hạng sao trên bao bì, nhãn "
        "sản phẩm kể từ ngày đó; để được công nhận lại, chủ thể đăng ký đánh giá, phân hạng "
        "sản phẩm theo Điều 6 và Điều 7 Quyết định số 26/2026/QĐ-TTg.",
    )
    para(doc, "{%p endif %}", style="VB Nội dung")
    body(doc, "{{ co_quan.ten }}", " thông báo để ", "{{ chu_the.ten }}", " biết, thực hiện./.")
    signature_block(
        doc,
        left=lambda c: noi_nhan(c, "thong_bao.noi_nhan"),
        right=lambda c: signer(c, "nguoi_ky"),
    )
    return doc


def _kinh_gui_list(doc: object, expr: str) -> None:
    """ "Kính gửi:" once (NĐ 30/2020 Phụ lục III Mẫu 1.4): one recipient on its line,
    centred; several, each on its own line after "Kính gửi:" with "- " (the context gives
    the lines with their "- " and ";" / "."), the dashes aligned under the first."""
    at, tab = 32.0, 24.0  # left edge of "Kính gửi:", width kept for it (mm)
    para(doc, "{%p if " + expr + " | length == 1 %}", align=CENTER)
    para(doc, "Kính gửi: ", "{{ " + expr + "[0] }}", align=CENTER, after=0)
    para(doc, "{%p else %}", align=CENTER)
    para(doc, "{%p for k in " + expr + " %}", align=CENTER)
    para(doc, "{%p if loop.first %}", align=CENTER)
    first = para(doc, "Kính gửi:\t", "{{ k }}", after=0)
    first.paragraph_format.left_indent = Mm(at + tab)
    first.paragraph_format.first_line_indent = Mm(-tab)
    first.paragraph_format.tab_stops.add_tab_stop(Mm(at + tab))
    para(doc, "{%p else %}", align=CENTER)
    para(doc, "{{ k }}", left_indent=at + tab, after=0)
    para(doc, "{%p endif %}", align=CENTER)
    para(doc, "{%p endfor %}", align=CENTER)
    para(doc, "{%p endif %}", align=CENTER)


def build_bao_cao_nam() -> object:
    """Báo cáo (NĐ 30/2020 Phụ lục III, Mẫu 1.4): the registry's counts, tables and charts."""
    doc = new_document(title="Báo cáo kết quả thực hiện Chương trình OCOP")
    header_block(
        doc,
        left_top="{{ co_quan.chu_quan_in_hoa | default('', true) }}",
        left_name="{{ co_quan.ten_in_hoa }}",
        left_number="Số: {{ bao_cao.so }}",
        right_date="{{ bao_cao.ngay_dong }}",
    )
    para(doc, "BÁO CÁO", style="VB Tên loại", before=18)
    para(
        doc,
        "Kết quả đánh giá, phân hạng sản phẩm Chương trình OCOP ",
        "{{ bao_cao.giai_doan }}",
        style="VB Trích yếu",
    )
    rule(doc, indent_mm=(TEXT_WIDTH_MM - 50) / 2, space_after=12)
    _kinh_gui_list(doc, "bao_cao.kinh_gui_dong")
    body(
        doc,
        "Căn cứ sổ theo dõi sản phẩm OCOP (số liệu đến ngày ",
        "{{ bao_cao.ngay_tinh }}",
        "), ",
        "{{ co_quan.ten }}",
        " báo cáo kết quả đánh giá, phân hạng sản phẩm OCOP như sau:",
        before=12,
    )
    para(doc, "I. SẢN PHẨM ĐƯỢC CÔNG NHẬN THEO NĂM", style="VB Tiêu đề mục", keep_next=True)
    t = _grid(
        doc,
        [16, 15, 15, 15, 17, 20, 21, 21, 25],
        (
            "Năm",
            "3 sao",
            "4 sao",
            "5 sao",
            "Tổng",
            "Lần đầu",
            "Nâng hạng",
            "Đánh giá lại",
            "Còn hiệu lực cuối năm",
        ),
        "theo_nam",
        (
            "nam",
            "sao_3",
            "sao_4",
            "sao_5",
            "tong",
            "lan_dau",
            "nang_hang",
            "danh_gia_lai",
            "hieu_luc_cuoi_nam",
        ),
        text_column=None,
    )
    del t
    para(doc, "[[bieu_do:theo_nam]]", align=CENTER, before=6)
    para(doc, "[[bieu_do:xu_huong]]", align=CENTER, before=6)
    para(
        doc,
        "II. SẢN PHẨM CÒN HIỆU LỰC ĐẾN NGÀY ",
        "{{ bao_cao.ngay_tinh }}",
        style="VB Tiêu đề mục",
        keep_next=True,
        before=12,
    )
    body(
        doc,
        "Tổng số ",
        R("{{ con_hieu_luc.tong }}", b=True),
        " sản phẩm OCOP còn hiệu lực: ",
        "{{ con_hieu_luc.sao_5 }}",
        " sản phẩm 5 sao, ",
        "{{ con_hieu_luc.sao_4 }}",
        " sản phẩm 4 sao, ",
        "{{ con_hieu_luc.sao_3 }}",
        " sản phẩm 3 sao. Theo nhóm sản phẩm (Quyết định số 26/2026/QĐ-TTg, Phụ lục I):",
        keep_next=True,
    )
    stars = ("sao_3", "sao_4", "sao_5", "tong")
    heads = ("STT", "Nhóm sản phẩm", "3 sao", "4 sao", "5 sao", "Tổng")
    widths = [11, 87, 16, 16, 16, 19]
    t = _grid(doc, widths, heads, "theo_nhom", ("stt", "ten", *stars))
    _total_row(t, "theo_nhom_tong", stars)
    para(doc, "[[bieu_do:theo_nhom]]", align=CENTER, before=6)
    body(doc, "Theo bộ sản phẩm:", keep_next=True, before=6)
    _grid(doc, widths, ("STT", "Bộ sản phẩm", *heads[2:]), "theo_bo", ("stt", "ten", *stars))
    para(
        doc, "III. THEO ĐƠN VỊ HÀNH CHÍNH CẤP XÃ", style="VB Tiêu đề mục", keep_next=True, before=12
    )
    body(
        doc,
        "Sản phẩm còn hiệu lực thuộc ",
        "{{ so_xa }}",
        " đơn vị (xã, phường theo đơn vị hành chính hiện nay; địa chỉ trước ngày 01/7/2025 "
        "được quy đổi):",
        keep_next=True,
    )
    t = _grid(doc, widths, ("STT", "Xã, phường", *heads[2:]), "theo_xa", ("stt", "ten", *stars))
    _total_row(t, "theo_xa_tong", stars)
    para(doc, "[[bieu_do:theo_xa]]", align=CENTER, before=6)
    para(doc, "IV. NÂNG HẠNG, ĐÁNH GIÁ LẠI", style="VB Tiêu đề mục", keep_next=True, before=12)
    para(doc, "{%p if nang_hang %}", style="VB Nội dung")
    _grid(
        doc,
        [16, 79, 24, 23, 23],
        ("Năm", "Sản phẩm (chủ thể)", "Loại", "Từ", "Lên"),
        "nang_hang",
        ("nam", "ten", "loai", "tu", "den"),
    )
    para(doc, "{%p else %}", style="VB Nội dung")
    body(doc, "Không có sản phẩm nâng hạng hoặc đánh giá lại trong giai đoạn báo cáo.")
    para(doc, "{%p endif %}", style="VB Nội dung")
    body(doc, "Trên đây là báo cáo kết quả đánh giá, phân hạng sản phẩm OCOP./.", before=6)
    signature_block(
        doc,
        left=lambda c: noi_nhan(c, "bao_cao.noi_nhan"),
        right=lambda c: signer(c, "nguoi_ky"),
    )
    return doc


BUILDERS.update(
    {
        "thong-bao-danh-gia-lai": build_thong_bao_danh_gia_lai,
        "bao-cao-nam": build_bao_cao_nam,
    }
)


# The dossier forms of QĐ 1048/QĐ-TTg (2019), in their own modules (scripts/templates_1048*.py),
# which take their helpers from this one: registered under its import name first, so that
# running this file as a script does not load a second copy of it.
sys.modules.setdefault("build_templates", sys.modules[__name__])
sys.path.insert(0, str(Path(__file__).resolve().parent))
from templates_1048_ke_hoach import build_bieu_03_1048, build_bieu_04_1048  # noqa: E402
from templates_1048_phieu import build_bieu_01_1048, build_bieu_02_1048  # noqa: E402

BUILDERS.update(
    {
        "bieu-01-1048": build_bieu_01_1048,
        "bieu-02-1048": build_bieu_02_1048,
        "bieu-03-1048": build_bieu_03_1048,
        "bieu-04-1048": build_bieu_04_1048,
    }
)


def build(kind: str) -> bytes:
    doc = BUILDERS[kind]()
    buffer = io.BytesIO()
    doc.save(buffer)  # type: ignore[attr-defined]
    return make_deterministic(buffer.getvalue(), FIXED_TIME)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "templates")
    parser.add_argument("kinds", nargs="*", default=list(BUILDERS))
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for kind in args.kinds:
        target = args.out / f"{kind}.docx"
        target.write_bytes(build(kind))
        print(target)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The dossier forms of QĐ 1048/QĐ-TTg (2019) Phụ lục II: Biểu số 01–04 (issue 11, 12).

Imported by ``scripts/build_templates.py`` (``BUILDERS``), whose helpers and styles they use:
A4, NĐ 30/2020 margins (20/20/30/15 mm), Times New Roman. The wording is the text's
(``legal/qd-1048-2019-qd-ttg.txt`` lines 320–822), with garbled words corrected and noted
where they are. Layout decisions (written down here, as the text gives words, not layout):

* The forms print no Quốc hiệu, no place and date line: the text has none (unlike QĐ
  26/2026 Phụ lục III, whose transcription keeps them), so none is added.
* Body 13 pt, tables 12 pt: the forms are long (Biểu 02 five pages, Biểu 03 eight), and
  NĐ 30 allows 13–14 pt.
* Every fill-in place is a dotted line to the margin (a tab with a dot leader), so the
  producer writes on it by hand; a value the dossier has is printed at its start. Tick
  boxes are "☐" (ticked "☒") as in the other forms; blank table rows are 8 mm high.
* Signature blocks keep with the text before them and are never split (keep-with-next,
  cant-split), with the usual 25–30 mm for signature and seal.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

# build_templates registers itself as "build_templates" before importing this module, so
# the helpers come from the running script (no second copy of it).
from build_templates import (  # type: ignore[import-not-found]
    CENTER,
    JUSTIFY,
    LEFT,
    SIGN_LINES,
    TEXT_WIDTH_MM,
    R,
    Run,
    add_row,
    cant_split,
    cell_para,
    keep_with_previous,
    para,
    repeat_header,
    table,
)
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE
from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml.ns import qn
from docx.shared import Mm
from docx.table import _Cell
from docx.text.paragraph import Paragraph

SIZE = 13  # body
TABLE_SIZE = 12
ROW_MM = 8  # a blank table row: room for one handwritten line
EMPTY = "☐"


# --- helpers ---------------------------------------------------------------------------------


def _dots(p: Paragraph, stops: Iterable[float]) -> None:
    for stop in stops:
        p.paragraph_format.tab_stops.add_tab_stop(
            Mm(stop), WD_TAB_ALIGNMENT.LEFT, WD_TAB_LEADER.DOTS
        )
    p.paragraph_format.tab_stops.add_tab_stop(
        Mm(TEXT_WIDTH_MM), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS
    )


def line(
    doc: object,
    *runs: Run,
    stops: Sequence[float] = (),
    dots: bool = True,
    b: bool | None = None,
    i: bool | None = None,
    indent: float = 0,
    after: float = 3,
    keep_next: bool = False,
) -> Paragraph:
    """A line of the form; ``dots``: a dotted line from its end to the margin (the place
    to write); ``stops``: more dotted places inside the line (positions in mm, each ended
    by a "\\t" in ``runs``)."""
    items = list(runs) + (["\t"] if dots else [])
    p = para(
        doc,
        *items,
        # A line with dotted places is not justified: the dots, not stretched spaces, fill it.
        align=LEFT if stops else JUSTIFY,
        size=SIZE,
        b=b,
        i=i,
        left_indent=indent or None,
        after=after,
        keep_next=keep_next,
    )
    if dots or stops:
        _dots(p, stops)
    return p


def _keep_last(doc: object) -> None:
    """Keep the body's last paragraph with what follows (a question with its answer lines)."""
    last = doc.element.body[-1]  # type: ignore[attr-defined]
    while last is not None and last.tag == qn("w:sectPr"):
        last = last.getprevious()
    if last is not None and last.tag == qn("w:p"):
        Paragraph(last, doc).paragraph_format.keep_with_next = True  # type: ignore[arg-type]


def blank(doc: object, count: int = 1) -> None:
    """``count`` dotted lines across the text width (free writing space of the form), kept
    on the page of the question they answer."""
    _keep_last(doc)
    for n in range(count):
        line(doc, after=3, keep_next=n < count - 1)


def heading(doc: object, text: str, *, before: float = 6, keep_next: bool = True) -> Paragraph:
    return para(
        doc, text, align=CENTER, b=True, size=SIZE, before=before, after=3, keep_next=keep_next
    )


def item(doc: object, *runs: Run, dots: bool = True, **kw: object) -> Paragraph:
    """A numbered item whose label is bold (the first run)."""
    first, *rest = runs
    label = first if isinstance(first, R) else R(first, b=True)
    return line(doc, label, *rest, dots=dots, **kw)  # type: ignore[arg-type]


def title(doc: object, text: str, sub: str | None = None) -> None:
    para(doc, text, align=CENTER, b=True, size=14, after=3 if sub else 12)
    if sub:
        para(doc, sub, align=CENTER, i=True, size=SIZE, after=12)


def grid(
    doc: object,
    widths: Sequence[float],
    head: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    bold_rows: Iterable[int] = (),
) -> None:
    """A bordered table: header row (bold, repeated on every page) and the printed rows;
    blank cells are room to write."""
    t = table(doc, widths, rows=1, grid=True)
    repeat_header(t.rows[0])
    cant_split(t.rows[0])
    for cell, text in zip(t.rows[0].cells, head, strict=True):
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        cell_para(cell, text, align=CENTER, b=True, size=TABLE_SIZE)
    bold = set(bold_rows)
    numbered = head[0] in ("TT", "STT")  # a number column is centred, a label column not
    for n, values in enumerate(rows):
        row = add_row(t)
        cant_split(row)
        row.height = Mm(ROW_MM)
        row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
        for col, (cell, text) in enumerate(zip(row.cells, values, strict=True)):
            align = CENTER if col == 0 and numbered else LEFT
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            cell_para(cell, text, align=align, size=TABLE_SIZE, b=n in bold or None)
    # A short table is kept on one page (keep-with-next on every row but the last); a long
    # one may break, but never leaves its first or last rows alone (a total on its own).
    rows_ = list(t.rows)
    kept = rows_[:-1] if len(rows_) <= 10 else rows_[:3] + rows_[-4:-1]
    for row in kept:
        for cell in row.cells:
            for p in cell.paragraphs:
                p.paragraph_format.keep_with_next = True
    para(doc, "", size=6, after=3)


def receipt(doc: object, who: str) -> None:
    """Phần A: the box the OCOP officer of the district or province fills on receipt."""
    box = table(doc, [TEXT_WIDTH_MM], rows=1, grid=True)
    cant_split(box.rows[0])
    c = box.rows[0].cells[0]
    cell_para(c, who, b=True, align=CENTER, size=SIZE, before=4, after=4)
    # Dots as text, not tab leaders: LibreOffice draws no leader for a tab in a table cell.
    for text in (
        "Phiếu số: ……-……/PĐK- (Mã tỉnh) - (Mã huyện) - (Năm)",
        "Ngày nhận: " + "…" * 28,
        "Người tiếp nhận: " + "…" * 15 + " Chữ ký: " + "…" * 6,
    ):
        para(c, text, size=SIZE, after=6)
    para(doc, "", size=6, after=3)


def _signer(cell: _Cell, heading_text: str, note: str, name: str | None) -> None:
    cell_para(cell, heading_text, align=CENTER, b=True, size=SIZE, before=6)
    para(cell, note, align=CENTER, i=True, size=SIZE)
    for _ in range(SIGN_LINES):
        para(cell, "", align=CENTER, size=SIZE)
    para(cell, name or "", align=CENTER, b=True, size=SIZE)


def signature(
    doc: object,
    heading_text: str,
    note: str,
    name: str | None,
    *,
    left: Sequence[Sequence[Run]] = (),
) -> None:
    """The signature block on the right (kept with the text before it, never split)."""
    keep_with_previous(doc)
    t = table(doc, [70, TEXT_WIDTH_MM - 70], rows=1)
    cant_split(t.rows[0])
    lc, rc = t.rows[0].cells
    for runs in left:
        cell_para(lc, *runs, size=SIZE, before=6)
    _signer(rc, heading_text, note, name)


def phone_line(doc: object, phone: str, email: str) -> None:
    """ "Điện thoại: … Email: … Website: …" on one line, each with its dotted place."""
    line(doc, "Điện thoại: ", phone, "\t", "Email: ", email, "\t", "Website: ", stops=(62, 118))


def sender(doc: object, office: str, opinion: str) -> None:
    """Phần H: "Dành cho tổ chức/cá nhân đề xuất" and "Dành cho cơ quan quản lý"."""
    heading(doc, "PHẦN H", before=12)
    line(doc, R("Dành cho tổ chức/cá nhân đề xuất:", b=True), dots=False, keep_next=True)
    line(doc, "Tên tổ chức/cá nhân: ", "{{ ten_chu_the }}", keep_next=True)
    line(doc, "Xin gửi Phiếu đăng ký này đến ", office, "{{ huyen }}", keep_next=True)
    line(doc, "Địa chỉ: ", "{{ dia_chi_chu_the }}", keep_next=True)
    line(doc, "Điện thoại: ", "{{ dien_thoai }}")
    signature(doc, "ĐẠI DIỆN", "(Ký, đóng dấu, ghi rõ họ tên)", "{{ ho_ten_dai_dien }}")
    para(doc, "", size=6, after=6)
    line(doc, R("Dành cho cơ quan quản lý:", b=True), dots=False, keep_next=True)
    line(doc, opinion, keep_next=True)
    line(doc, keep_next=True)
    line(doc, keep_next=True)
    signature(doc, "ĐẠI DIỆN", "(Ký, đóng dấu, ghi rõ họ tên)", None)
    para(doc, "", size=2)  # a body always ends with a paragraph


def head_block(doc: object, producer_label: str, title_text: str) -> None:
    """The lines above Phần A: product, producer, address, contacts."""
    title(doc, title_text)
    line(doc, R("Tên sản phẩm (Đăng ký 01 sản phẩm/phiếu): ", b=True), "{{ ten_san_pham }}")
    line(doc, R(producer_label, b=True), "{{ ten_chu_the }}")
    line(doc, R("Địa chỉ: ", b=True), "{{ dia_chi_chu_the }}")
    phone_line(doc, "{{ dien_thoai }}", "{{ email }}")
    heading(doc, "PHẦN A")
    receipt(doc, "DÀNH CHO CÁN BỘ QUẢN LÝ CHƯƠNG TRÌNH OCOP CẤP HUYỆN")
    receipt(doc, "DÀNH CHO CÁN BỘ QUẢN LÝ CHƯƠNG TRÌNH OCOP CẤP TỈNH")


def support_table(doc: object, rows: Sequence[Sequence[str]], head3: str, head4: str) -> None:
    line(
        doc,
        "Trình bày ngắn gọn trong bảng dưới đây về lĩnh vực và yêu cầu các cơ quan thực hiện:",
        dots=False,
        keep_next=True,
    )
    grid(doc, [12, 38, 70, 45], ("TT", "Lĩnh vực đề xuất hỗ trợ", head3, head4), rows)


def new_form(title_text: str) -> object:
    from build_templates import new_document

    return new_document(title=title_text)

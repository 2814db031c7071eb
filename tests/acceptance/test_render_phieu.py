"""The scoring sheet (QĐ 26/2026 Phụ lục II) rendered for all 26 sets, filled from cards, a
dossier and a round; Mẫu 02's self-assessment table; layout, CLI and PDF.

Documents are compared by extracted text, tables and layout properties (architecture §4.7).
The PDF test runs LibreOffice and is skipped only when ``soffice`` is not installed.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from docx import Document
from docx.shared import Mm, Pt
from pypdf import PdfReader

from ocop_docs.cli.render import render as render_cli
from ocop_docs.production.lint import check_template
from ocop_docs.production.rendering import render
from ocop_docs.production.rounds.loading import load_round
from ocop_docs.scoring.card import score_card
from ocop_docs.scoring.rubric_files import load_rubric

# The sample rounds name the sample dossiers beside their folder (../ho-so/…): a round
# reads outside its own folder only what the user allows (--allow, issue 9).
from tests.conftest import ALLOW

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "templates" / "phieu-danh-gia.docx"
ROUND_CARDS = ROOT / "samples" / "dot-danh-gia" / "thai-nguyen-2026-phieu-cham.yaml"
DOSSIER = ROOT / "samples" / "ho-so" / "mien-dong-tai-hoan"
has_soffice = bool(shutil.which("soffice") or shutil.which("libreoffice"))


def cell_lines(doc: Any) -> list[list[str]]:
    """Rows of the "Các tiêu chí | Thang điểm" tables of a document, as cell texts."""
    rows: list[list[str]] = []
    for table in doc.tables:
        if table.rows[0].cells[0].text == "Các tiêu chí":
            rows.extend([c.text for c in r.cells] for r in table.rows[1:])
    return rows


def paragraphs(doc: Any) -> list[str]:
    return [p.text for p in doc.paragraphs]


@pytest.fixture(scope="module")
def blanks(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    out = tmp_path_factory.mktemp("phieu")
    paths = {}
    for n in range(1, 27):
        paths[n] = out / f"bo-{n:02d}.docx"
        render("phieu-danh-gia", str(n), paths[n])
    return paths


@pytest.mark.parametrize("set_no", range(1, 27))
def test_blank_sheet_carries_all_its_criteria(blanks: dict[int, Path], set_no: int) -> None:
    rubric = load_rubric(set_no)
    doc = Document(str(blanks[set_no]))
    rows = cell_lines(doc)
    first_cells = [r[0] for r in rows]
    for c in rubric.criteria():
        assert any(t.startswith(f"{c.so}. ") for t in first_cells), (set_no, c.so)
        for o in c.lua_chon:
            printed = f"☐ {o.ten}" + ("*" * o.sao_toi_thieu if o.sao_toi_thieu else "")
            assert [printed, str(o.diem)] in rows, (set_no, c.so, o.stt)
    assert not any("☒" in t for t in first_cells)
    assert rows[-1] == ["TỔNG CỘNG", "100"]
    text = paragraphs(doc)
    assert "BỘ TIÊU CHÍ ĐÁNH GIÁ SẢN PHẨM OCOP" in text
    assert "(Kiêm phiếu đánh giá sản phẩm OCOP)" in text
    assert f"{set_no}. Bộ sản phẩm: {rubric.tieu_de}" in text
    assert "Tên sản phẩm: ……………………" in text
    assert "Mã số sản phẩm: .(T).-.(X).-.(STT).-20………" in text
    for label in ("Tên chủ thể sản xuất: ", "Số điện thoại: ", "Địa chỉ: "):
        assert any(t.startswith(label) for t in text), label
    for line in rubric.loai_khi_nguyen_van:
        assert line in text
    assert "Ý kiến của người đánh giá:" in text
    assert (rubric.ghi_chu_dau_sao in text) == (rubric.ghi_chu_dau_sao is not None)
    signature = doc.tables[-1].rows[0].cells[1].text
    assert "Người đánh giá" in signature and "(Ký và ghi rõ họ tên)" in signature
    assert "……, ngày …… tháng …… năm ……" in signature


def test_layout_a4_nd30_times_new_roman(blanks: dict[int, Path]) -> None:
    doc: Any = Document(str(blanks[1]))
    for section in doc.sections:
        assert abs(section.page_width - Mm(210)) < Mm(1)
        assert abs(section.page_height - Mm(297)) < Mm(1)
        assert 20 <= round(section.top_margin / 36000, 1) <= 25
        assert 30 <= round(section.left_margin / 36000, 1) <= 35
        assert 15 <= round(section.right_margin / 36000, 1) <= 20
        assert section.different_first_page_header_footer  # no page number on page 1
    normal = doc.styles["Normal"]
    assert normal.font.name == "Times New Roman" and normal.font.size == Pt(14)
    assert doc.styles["VB Bảng"].font.size == Pt(12)
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "Các tiêu chí")
    assert [c.text for c in table.rows[0].cells] == ["Các tiêu chí", "Thang điểm"]
    head = table.rows[0]._tr.trPr
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    assert head.find(f"{w}tblHeader") is not None  # the head row repeats on every page
    # No run overrides the font: everything is Times New Roman from the styles.
    runs = [r for p in doc.paragraphs for r in p.runs]
    runs += [
        r
        for t in doc.tables
        for row in t.rows
        for c in row.cells
        for p in c.paragraphs
        for r in p.runs
    ]
    assert {r.font.name for r in runs} <= {None, "Times New Roman"}


def test_template_check_passes_and_output_is_deterministic(
    blanks: dict[int, Path], tmp_path: Path
) -> None:
    assert check_template(TEMPLATE, "phieu-danh-gia") == []
    again = tmp_path / "bo-07.docx"
    render("phieu-danh-gia", "7", again)
    assert again.read_bytes() == blanks[7].read_bytes()


def test_filled_sheet_from_a_card(tmp_path: Path) -> None:
    rubric = load_rubric(4)
    chon = {c.so: 1 for c in rubric.criteria()}
    chon.update({"1.1": 3, "4.1": 3, "3.5": 2, "8": 3})
    card = {
        "bo_san_pham": 4,
        "ten_san_pham": "Mật ong rừng Hương Rừng",
        "chu_the": "Hợp tác xã Hương Rừng",
        "nguoi_danh_gia": "Bùi Thị Lan",
        "y_kien": "Đề nghị bổ sung phiếu kiểm nghiệm.",
        "chon": chon,
    }
    path = tmp_path / "phieu.yaml"
    path.write_text(yaml.safe_dump(card, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "phieu.docx"
    render("phieu-danh-gia", path, out)
    doc = Document(str(out))
    rows = cell_lines(doc)
    ticked = [r[0] for r in rows if r[0].startswith("☒")]
    expected = [f"☒ {c.option(chon[c.so]).ten}" for c in rubric.criteria()]  # type: ignore[union-attr]
    marks = {
        f"☒ {o.ten}": "*" * o.sao_toi_thieu
        for c in rubric.criteria()
        for o in c.lua_chon
        if o.sao_toi_thieu
    }
    assert ticked == [t + marks.get(t, "") for t in expected]
    result = score_card(card, rubric)
    totals = next(t for t in doc.tables if t.rows[0].cells[0].text == "Phần")
    cells = [[c.text for c in r.cells] for r in totals.rows[1:]]
    assert [r[2] for r in cells] == [*(str(s.diem) for s in result.phan), str(result.tong_diem)]
    text = paragraphs(doc)
    stars = f"{result.hang_sao} sao"
    assert f"Tổng điểm đạt: {result.tong_diem} điểm.        Hạng sao: {stars}." in text
    assert "Đề nghị bổ sung phiếu kiểm nghiệm." in text
    assert "Bùi Thị Lan" in doc.tables[-1].rows[0].cells[1].text
    assert "Tên sản phẩm: Mật ong rừng Hương Rừng" in text


def test_round_sheets_one_section_per_member(tmp_path: Path) -> None:
    out = tmp_path / "phieu.docx"
    result = render("phieu-danh-gia", ROUND_CARDS, out, product=2, allow=ALLOW)
    assert [w.code for w in result.warnings] == ["round-stars-lowered"]
    doc = Document(str(out))
    assert len(doc.sections) == 4  # one section per member's sheet
    text = paragraphs(doc)
    assert text.count("BỘ TIÊU CHÍ ĐÁNH GIÁ SẢN PHẨM OCOP") == 4
    assert "Người đánh giá: TV2 – Trần Thị Bình, Phó Chủ tịch Hội đồng" in text
    rows = cell_lines(doc)
    per_sheet = len(load_rubric(4).criteria())
    assert sum(1 for r in rows if r[0].startswith("☒")) == 4 * per_sheet
    rnd = load_round(ROUND_CARDS, allow=ALLOW)
    for card in rnd.products[1].cards:
        line = f"Tổng điểm đạt: {card.result.tong_diem} điểm.        Hạng sao: "
        assert any(t.startswith(line) for t in text)


def test_round_documents_from_scorecards(tmp_path: Path) -> None:
    render("bien-ban", ROUND_CARDS, tmp_path / "bb.docx", allow=ALLOW)
    minutes = Document(str(tmp_path / "bb.docx"))
    table = next(t for t in minutes.tables if t.rows[0].cells[0].text == "STT")
    rows = [[c.text for c in r.cells] for r in table.rows]
    assert rows[1][2:] == ["75", "78", "73", "74", "75,00", "4 sao"]
    assert rows[2][2:] == [
        "72",
        "75",
        "72",
        "72",
        "72,75",
        "3 sao; hạ từ 4 sao do chưa đạt yêu cầu tối thiểu",
    ]
    render("quyet-dinh", ROUND_CARDS, tmp_path / "qd.docx", allow=ALLOW)
    decision = Document(str(tmp_path / "qd.docx"))
    annex = next(t for t in decision.tables if t.rows[0].cells[0].text == "STT")
    assert [r.cells[4].text for r in annex.rows[1:]] == ["4 sao", "3 sao"]


def test_mau_02_prints_the_self_assessment(tmp_path: Path) -> None:
    out = tmp_path / "m02.docx"
    render("bao-cao-tu-danh-gia", DOSSIER, out)
    doc = Document(str(out))
    data = yaml.safe_load((DOSSIER / "ho-so.yaml").read_text(encoding="utf-8"))
    rubric = load_rubric(7)
    result = score_card({"bo_san_pham": 7, "chon": data["tu_danh_gia"]["chon"]}, rubric)
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "Số")
    rows = [[c.text for c in r.cells] for r in table.rows]
    assert rows[0] == ["Số", "Tiêu chí", "Lựa chọn tự đánh giá", "Điểm"]
    by_number = {r[0]: r for r in rows[1:]}
    for c in rubric.criteria():
        option = c.option(data["tu_danh_gia"]["chon"][c.so])
        assert option is not None
        assert by_number[c.so][2:] == [option.ten, f"{option.diem}/{c.diem}"]
    assert by_number["A"][3] == f"{result.phan[0].diem}/40"
    assert rows[-1][1:] == ["TỔNG CỘNG", "", f"{result.tong_diem}/100"]
    text = "\n".join(paragraphs(doc))
    assert f"hạng sao tự đánh giá: {result.hang_sao} sao." in text
    # The evidence table is still there, after the self-assessment.
    order = [t.rows[0].cells[0].text for t in doc.tables]
    assert order.index("TT") > order.index("Số")


def test_cli_inputs_and_exit_codes(tmp_path: Path) -> None:
    runner = CliRunner()
    ok = runner.invoke(render_cli, ["phieu-danh-gia", "26", "-o", str(tmp_path / "a.docx")])
    assert ok.exit_code == 0, ok.output
    assert (tmp_path / "a.docx").is_file()
    bad_set = runner.invoke(render_cli, ["phieu-danh-gia", "27", "-o", str(tmp_path / "b.docx")])
    assert bad_set.exit_code == 1 and "bộ sản phẩm" in bad_set.stderr
    wrong = runner.invoke(render_cli, ["bien-ban", "7", "-o", str(tmp_path / "c.docx")])
    assert wrong.exit_code == 1 and "số bộ sản phẩm" in wrong.stderr
    missing = runner.invoke(render_cli, ["phieu-danh-gia", "khong-co", "-o", "d.docx"])
    assert missing.exit_code == 2
    card = tmp_path / "p.yaml"
    card.write_text('bo_san_pham: 2\nchon:\n  "9.9": 1\n', encoding="utf-8")
    refused = runner.invoke(
        render_cli, ["phieu-danh-gia", str(card), "-o", str(tmp_path / "e.docx"), "--lang", "en"]
    )
    assert refused.exit_code == 1
    assert "(line 3)" in refused.stderr and "no criterion 9.9" in refused.stderr
    help_text = runner.invoke(render_cli, ["--help"]).output
    assert "phieu-danh-gia" in help_text and "số bộ sản phẩm 1–26" in help_text


@pytest.mark.slow
@pytest.mark.skipif(not has_soffice, reason="LibreOffice (soffice) is not installed")
def test_pdf_of_member_sheets(tmp_path: Path) -> None:
    result = render(
        "phieu-danh-gia", ROUND_CARDS, tmp_path / "phieu.docx", product=1, pdf=True, allow=ALLOW
    )
    assert result.pdf is not None
    reader = PdfReader(str(result.pdf))
    pages = [p.extract_text() for p in reader.pages]
    starts = [i for i, t in enumerate(pages) if "BỘ TIÊU CHÍ ĐÁNH GIÁ SẢN PHẨM OCOP" in t]
    assert len(starts) == 4 and starts[0] == 0  # each member's sheet from a new page
    assert "Gà đồi Trần Phú" in pages[0] and "☒" in "".join(pages)
    # Page numbers restart with every sheet and are not printed on a sheet's first page.
    for start in starts:
        assert not pages[start].strip().startswith("1")
        if start + 1 < len(pages) and start + 1 not in starts:
            assert pages[start + 1].strip().startswith("2")
    assert "Thái Nguyên, ngày 16 tháng 12 năm 2026" in "".join(pages)

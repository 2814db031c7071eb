"""Every document kind rendered from the samples: text, annex rows, NĐ 30 layout, PDF.

The PDF tests run LibreOffice; they are skipped only when ``soffice`` is not installed
(CI installs it, so they run there).
"""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt
from pypdf import PdfReader

from ocop_docs.production.rendering import render

# The sample rounds name the sample dossiers beside their folder (../ho-so/…): a round
# reads outside its own folder only what the user allows (--allow, issue 9).
from tests.conftest import ALLOW

ROOT = Path(__file__).resolve().parents[2]
ROUND_2026 = ROOT / "samples" / "dot-danh-gia" / "thai-nguyen-2026-dot-2.yaml"
ROUND_2019 = ROOT / "samples" / "dot-danh-gia" / "na-ri-2019.yaml"
DOSSIER = ROOT / "samples" / "ho-so" / "mien-dong-tai-hoan"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

# kind, input, --product
CASES: list[tuple[str, Path, int | None]] = [
    ("phieu-dang-ky", DOSSIER, None),
    ("bao-cao-tu-danh-gia", DOSSIER, None),
    ("bao-cao-xa", ROUND_2026, 1),
    ("bien-ban", ROUND_2026, None),
    ("quyet-dinh", ROUND_2026, None),
    ("giay-chung-nhan", ROUND_2026, 2),
    ("bien-ban", ROUND_2019, None),
    ("quyet-dinh", ROUND_2019, None),
    ("giay-chung-nhan", ROUND_2019, 5),
]
has_soffice = bool(shutil.which("soffice") or shutil.which("libreoffice"))


def all_text(doc: object) -> str:
    parts = [p.text for p in doc.paragraphs]  # type: ignore[attr-defined]
    for table in doc.tables:  # type: ignore[attr-defined]
        for row in table.rows:
            for cell in row.cells:
                parts.extend(p.text for p in cell.paragraphs)
    return "\n".join(parts)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("docs")
    paths: dict[str, Path] = {}
    for kind, source, product in CASES:
        name = f"{kind}-{source.stem}"
        target = out / f"{name}.docx"
        render(kind, source, target, product=product, allow=ALLOW)
        paths[name] = target
    return paths


def doc_of(rendered: dict[str, Path], name: str) -> object:
    return Document(str(rendered[name]))


def test_phieu_dang_ky(rendered: dict[str, Path]) -> None:
    text = all_text(doc_of(rendered, "phieu-dang-ky-mien-dong-tai-hoan"))
    assert "Tham gia đánh giá, phân hạng sản phẩm OCOP của tỉnh Thái Nguyên năm 2026" in text
    assert "- Tên đơn vị: Hợp tác xã Tài Hoan" in text
    assert "- Họ tên người đại diện pháp lý: Nguyễn Thị Hoan" in text
    assert (
        "Ngành: Sản phẩm thực phẩm; Nhóm: Thực phẩm chế biến; "
        "Phân nhóm: Chế biến từ rau, củ, quả, hạt" in text
    )
    assert "Lần đầu ☐     Nâng hạng: ☐     Đánh giá lại: ☒" in text  # danh_gia_lai
    assert "Côn Minh, ngày 20 tháng 10 năm 2026" in text
    assert "DÀNH CHO ỦY BAN NHÂN DÂN CẤP XÃ" in text


def test_bao_cao_tu_danh_gia_evidence_table(rendered: dict[str, Path]) -> None:
    doc = doc_of(rendered, "bao-cao-tu-danh-gia-mien-dong-tai-hoan")
    text = all_text(doc)
    for part in (
        "THÔNG TIN CHUNG",
        "KẾT QUẢ THỰC HIỆN PHƯƠNG ÁN SẢN XUẤT KINH DOANH",
        "ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN THEO BỘ TIÊU CHÍ SẢN PHẨM OCOP",
        "KẾ HOẠCH SẢN XUẤT, KINH DOANH",
    ):
        assert part in text
    assert "a) Giấy đăng ký kinh doanh: ☒" in text
    assert "- Giới tính: Nữ (Nam/nữ); Dân tộc: Tày" in text
    # Phần II carries the form's four "Lưu ý: trình bày rõ" topics (issue 12).
    assert "Lưu ý: trình bày rõ một số nội dung sau:" in text
    assert "- Thị trường phân phối sản phẩm." in text
    assert "- Kết quả sản xuất, kinh doanh: doanh thu, lợi nhuận." in text
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "TT")  # type: ignore[attr-defined]
    rows = [[c.text for c in r.cells] for r in table.rows[1:]]
    assert len(rows) == 15  # Mẫu 02 Phần III lists 15 kinds of evidence
    assert rows[0][1] == "Giấy đăng ký kinh doanh"
    # The evidence names the papers, not file paths (issue 12).
    assert rows[0][3] == "Giấy chứng nhận đăng ký kinh doanh số 4799990010"
    assert rows[1][3] == (
        "Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm số 07/2025/NNMT-TN, "
        "cấp ngày 31/03/2025"
    )
    assert "tai-lieu/" not in text


def test_bao_cao_xa(rendered: dict[str, Path]) -> None:
    text = all_text(doc_of(rendered, "bao-cao-xa-thai-nguyen-2026-dot-2"))
    assert "ỦY BAN NHÂN DÂN\nXÃ CÔN MINH" in text
    assert "Số: 45/BC-UBND" in text and "Côn Minh, ngày 28 tháng 10 năm 2026" in text
    assert "1. Về sử dụng nguyên liệu địa phương:" in text
    assert (
        "Ủy ban nhân dân xã Côn Minh đề nghị Ủy ban nhân dân tỉnh Thái Nguyên đánh giá, "
        "phân hạng sản phẩm OCOP cho sản phẩm Miến dong Tài Hoan của Hợp tác xã Tài Hoan./."
    ) in text
    assert "TM. ỦY BAN NHÂN DÂN" in text  # the form's "T.M", written the NĐ 30 way


def test_bien_ban(rendered: dict[str, Path]) -> None:
    doc = doc_of(rendered, "bien-ban-thai-nguyen-2026-dot-2")
    text = all_text(doc)
    assert "Số: 12/BB-HĐ" in text
    assert "Thái Nguyên, ngày 15 tháng 12 năm 2026" in text
    assert "Thời gian bắt đầu: 08 giờ 00 phút, ngày 15 tháng 12 năm 2026." in text
    assert "Vắng mặt: Vũ Thị Hà" in text
    assert "8/9 (88,9%), có Chủ tịch Hội đồng; bảo đảm điều kiện" in text
    assert "Chủ trì (chủ tọa): Nguyễn Văn An" in text
    assert "Thư ký (người ghi biên bản): Ngô Văn Minh" in text
    # The last item of a list ends with "." (issue 12).
    assert "- Miến dong Tài Hoan (Hợp tác xã Tài Hoan): 91,14 điểm." in text  # to the Ministry
    assert "- Gà đồi Trần Phú (Hợp tác xã Trần Phú): 73,29 điểm, hạng 4 sao;" in text
    assert (
        "- Rượu men lá Cường Lợi (sản phẩm hư cấu) (Hợp tác xã nông nghiệp Cường Lợi): 46,29 điểm, hạng 2 sao."
        in text
    )
    # The spread item records the council's outcome (issue 12).
    assert (
        "- Cam Đường Canh Yến Lạc: chênh lệch 15 điểm (từ 55 đến 70); Hội đồng thảo luận, "
        "thống nhất kết quả: 62,14 điểm, 3 sao." in text
    )
    assert (
        "Cuộc họp kết thúc vào 11 giờ 30 phút, ngày 15 tháng 12 năm 2026. Biên bản đã được "
        "đọc lại và thông qua trước các thành viên Hội đồng dự họp; các thành viên dự họp "
        "nhất trí với nội dung Biên bản./." in text
    )
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "STT")  # type: ignore[attr-defined]
    header = [c.text for c in table.rows[0].cells]
    assert header == [
        "STT",
        "Sản phẩm, chủ thể",
        # tv6 is absent: the members keep the labels of the input (issue 12).
        *[f"TV{i}" for i in (1, 2, 3, 4, 5, 7, 8)],
        "Điểm TB",
        "Hạng",
    ]
    first = [c.text for c in table.rows[1].cells]
    assert first[2:9] == ["92", "91", "90", "93", "91", "90", "91"]
    assert first[9:] == ["91,14", "Đề nghị 5 sao"]
    assert [c.text for c in table.rows[3].cells][2:10] == [
        "70",
        "71,5",
        "72",
        "69",
        "70",
        "71",
        "70,5",
        "70,57",
    ]


def test_quyet_dinh_and_annex(rendered: dict[str, Path]) -> None:
    doc = doc_of(rendered, "quyet-dinh-thai-nguyen-2026-dot-2")
    text = all_text(doc)
    assert "Số: 05/QĐ-UBND" in text
    assert "Thái Nguyên, ngày 05 tháng 01 năm 2027" in text
    assert "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN" in text
    assert (
        "Điều 1. Công nhận 05 sản phẩm đạt tiêu chuẩn sản phẩm OCOP cấp tỉnh năm 2026 "
        "(02 sản phẩm 4 sao, 03 sản phẩm 3 sao; trong đó: công nhận mới 04 sản phẩm, "
        "nâng hạng 01 sản phẩm)" in text  # Mật ong rừng Hương Rừng is an upgrade (issue 12)
    )
    assert "36 tháng kể từ ngày ký" in text
    assert "- Lưu: VT, KT." in text and "- Như Điều 3;" in text
    assert "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH" in text or (
        "KT. CHỦ TỊCH" in text and "PHÓ CHỦ TỊCH" in text
    )
    assert (
        "(Kèm theo Quyết định số 05/QĐ-UBND ngày 05/01/2027 của Chủ tịch Ủy ban nhân dân tỉnh Thái Nguyên)"
        in text
    )
    annex = next(t for t in doc.tables if t.rows[0].cells[0].text == "STT")  # type: ignore[attr-defined]
    rows = [[c.text for c in r.cells] for r in annex.rows]
    assert rows[0] == ["STT", "Tên sản phẩm", "Chủ thể", "Địa chỉ", "Hạng sao", "Mã sản phẩm"]
    assert [r[0] for r in rows[1:]] == ["1", "2", "3", "4", "5"]
    assert rows[1][1:3] == ["Gà đồi Trần Phú", "Hợp tác xã Trần Phú"]
    assert rows[1][4:] == ["4 sao", "19-02176-003-2026"]
    names = [r[1] for r in rows[1:]]
    assert "Miến dong Tài Hoan" not in names  # ≥ 90: the Ministry decides (Điều 7.3.e)
    assert not any("Rượu" in n for n in names)  # 2★: no decision (Điều 4.1.a)


def test_quyet_dinh_2019(rendered: dict[str, Path]) -> None:
    text = all_text(doc_of(rendered, "quyet-dinh-na-ri-2019"))
    assert "ỦY BAN NHÂN DÂN\nTỈNH BẮC KẠN" in text
    assert "Bắc Kạn, ngày 10 tháng 01 năm 2020" in text and "Số: 45/QĐ-UBND" in text
    assert "Quyết định số 1048/QĐ-TTg ngày 21 tháng 8 năm 2019" in text
    assert "thị trấn Yến Lạc, huyện Na Rì, tỉnh Bắc Kạn" in text
    assert "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH" in text


def test_bien_ban_2019_district_council(rendered: dict[str, Path]) -> None:
    text = all_text(doc_of(rendered, "bien-ban-na-ri-2019"))
    # QĐ 1048 Phụ lục II mục 1.b: the provincial council scores what the district proposed
    # (the district's own minutes: tests/acceptance/test_issue11_procedure_1048.py).
    assert "HỘI ĐỒNG ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP TỈNH BẮC KẠN" in text
    assert "Bắc Kạn, ngày 20 tháng 12 năm 2019" in text and "Số: 12/BB-HĐ" in text


def test_giay_chung_nhan(rendered: dict[str, Path]) -> None:
    text = all_text(doc_of(rendered, "giay-chung-nhan-thai-nguyen-2026-dot-2"))
    assert "ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN" in text
    assert "GÀ ĐỒI TRẦN PHÚ" in text and "Hợp tác xã Trần Phú" in text
    assert "4 SAO" in text and "★★★★" in text
    # As provinces issue it (issue 12): a number, the title, the decision, the validity date.
    assert "Số: 12/GCN-UBND" in text and "GIẤY CHỨNG NHẬN\nSẢN PHẨM OCOP" in text
    assert "Quyết định số 05/QĐ-UBND ngày 05/01/2027" in text and "05/01/2030" in text
    assert "Mã sản phẩm: 19-" in text and "-003-2026" in text
    assert "Được công nhận tại Quyết định số 05/QĐ-UBND" in text and "ngày 05/01/2027" in text
    assert "có giá trị 36 tháng, đến ngày 05/01/2030" in text
    text_2019 = all_text(doc_of(rendered, "giay-chung-nhan-na-ri-2019"))
    assert "TRÀ GIẢO CỔ LAM" in text_2019 and "đến ngày 10/01/2023" in text_2019


# --- layout (NĐ 30/2020 Phụ lục I) ---------------------------------------------------------


@pytest.mark.parametrize("name", [f"{k}-{s.stem}" for k, s, _ in CASES])
def test_page_setup_and_font(rendered: dict[str, Path], name: str) -> None:
    doc = doc_of(rendered, name)
    section = doc.sections[0]  # type: ignore[attr-defined]
    landscape = name.startswith("giay-chung-nhan")
    width, height = (Mm(297), Mm(210)) if landscape else (Mm(210), Mm(297))
    assert abs(section.page_width - width) < Mm(1) and abs(section.page_height - height) < Mm(1)

    # Margins are stored in twips, so compare to a tenth of a millimetre.
    def mm(length: int) -> float:
        return round(length / 36000, 1)

    assert 20 <= mm(section.top_margin) <= 25 and 20 <= mm(section.bottom_margin) <= 25
    assert 30 <= mm(section.left_margin) <= 35
    assert 15 <= mm(section.right_margin) <= 20
    normal = doc.styles["Normal"]  # type: ignore[attr-defined]
    assert normal.font.name == "Times New Roman" and normal.font.size == Pt(14)
    body = doc.styles["VB Nội dung"]  # type: ignore[attr-defined]
    assert body.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert 13 <= body.font.size.pt <= 14  # body 13–14 pt
    # Page number in the header, centred, not on page 1 (different first page).
    assert section.different_first_page_header_footer
    header_xml = section.header._element.xml
    assert "PAGE" in header_xml
    assert section.header.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert "PAGE" not in section.first_page_header._element.xml


@pytest.mark.parametrize(
    "name",
    [
        "quyet-dinh-thai-nguyen-2026-dot-2",
        "bien-ban-thai-nguyen-2026-dot-2",
        "bao-cao-xa-thai-nguyen-2026-dot-2",
    ],
)
def test_nd30_header(rendered: dict[str, Path], name: str) -> None:
    doc = doc_of(rendered, name)
    header = doc.tables[0]  # type: ignore[attr-defined]
    assert header._tbl.find(f"{W}tblPr/{W}tblBorders") is None  # borderless
    right = header.rows[0].cells[1].paragraphs
    assert right[0].text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" and right[0].runs[0].bold
    assert right[0].runs[0].font.size == Pt(12)
    assert right[1].text == "Độc lập - Tự do - Hạnh phúc" and right[1].runs[0].font.size == Pt(13)
    assert right[2]._p.find(f"{W}pPr/{W}pBdr/{W}bottom") is not None  # the rule under it
    number = header.rows[1].cells[0].paragraphs[0]
    assert number.text.startswith("Số: ")
    date = header.rows[1].cells[1].paragraphs[0]
    assert all(r.italic for r in date.runs if r.text.strip())  # place/date italic
    assert ", ngày " in date.text


def test_decision_typography(rendered: dict[str, Path]) -> None:
    doc = doc_of(rendered, "quyet-dinh-thai-nguyen-2026-dot-2")
    paragraphs = doc.paragraphs  # type: ignore[attr-defined]
    title = next(p for p in paragraphs if p.text == "QUYẾT ĐỊNH")
    assert (
        title.style.font.bold
        and title.style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    )
    summary = next(p for p in paragraphs if p.text.startswith("Về việc công nhận"))
    assert (
        summary.style.font.bold
        and summary.style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    )
    basis = next(p for p in paragraphs if p.text.startswith("Căn cứ Quyết định số 26/2026"))
    assert basis.style.font.italic and basis.text.endswith(";")
    last_basis = next(p for p in paragraphs if p.text.startswith("Theo đề nghị"))
    assert last_basis.text.endswith(".")
    signature = doc.tables[1]  # type: ignore[attr-defined]
    left = signature.rows[0].cells[0].paragraphs
    assert left[0].text == "Nơi nhận:"
    assert (
        left[0].style.font.size == Pt(12) and left[0].style.font.bold and left[0].style.font.italic
    )
    assert left[1].style.font.size == Pt(11)


def test_output_is_deterministic(tmp_path: Path, rendered: dict[str, Path]) -> None:
    again = tmp_path / "again.docx"
    render("quyet-dinh", ROUND_2026, again, allow=ALLOW)
    assert again.read_bytes() == rendered["quyet-dinh-thai-nguyen-2026-dot-2"].read_bytes()
    with zipfile.ZipFile(again) as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = z.read("docProps/core.xml").decode()
    assert "2027-01-05T00:00:00Z" in core  # the decision's own date


# --- PDF via LibreOffice ---------------------------------------------------------------------

PDF_PAGES = {
    "phieu-dang-ky-mien-dong-tai-hoan": (2, "PHIẾU ĐĂNG KÝ"),
    # 8 pages: the sample carries its self-assessment (tu_danh_gia), printed in Phần III,
    # and its re-evaluation updates (Điều 6.1.c, issue 11), which take Phần IV to page 8.
    "bao-cao-tu-danh-gia-mien-dong-tai-hoan": (8, "BÁO CÁO TỰ ĐÁNH GIÁ VỀ SẢN PHẨM"),
    "bao-cao-xa-thai-nguyen-2026-dot-2": (2, "Côn Minh, ngày 28 tháng 10 năm 2026"),
    "bien-ban-thai-nguyen-2026-dot-2": (3, "91,14"),
    # 3 pages: the decision's căn cứ (competence first, issue 12) take Điều 3 and the
    # signature, kept together, to page 2; the annex on page 3.
    "quyet-dinh-thai-nguyen-2026-dot-2": (3, "Số: 05/QĐ-UBND"),
    "giay-chung-nhan-thai-nguyen-2026-dot-2": (1, "GÀ ĐỒI TRẦN PHÚ"),
}


@pytest.mark.slow
@pytest.mark.skipif(not has_soffice, reason="LibreOffice (soffice) is not installed")
def test_pdf_conversion(tmp_path: Path) -> None:
    for name, (pages, phrase) in PDF_PAGES.items():
        kind = next(k for k, s, _ in CASES if name == f"{k}-{s.stem}")
        source, product = next((s, p) for k, s, p in CASES if name == f"{k}-{s.stem}")
        result = render(
            kind, source, tmp_path / f"{name}.docx", product=product, pdf=True, allow=ALLOW
        )
        assert result.pdf is not None and result.pdf.is_file()
        reader = PdfReader(str(result.pdf))
        text = "\n".join(page.extract_text() for page in reader.pages)
        assert len(reader.pages) == pages, name
        assert phrase in text, name
        if pages > 1:  # page numbers from page 2, none on page 1
            assert reader.pages[1].extract_text().strip().startswith("2")


@pytest.mark.slow
@pytest.mark.skipif(not has_soffice, reason="LibreOffice (soffice) is not installed")
def test_pdf_keeps_vietnamese_and_fonts(tmp_path: Path) -> None:
    result = render("quyet-dinh", ROUND_2019, tmp_path / "qd.docx", pdf=True, allow=ALLOW)
    assert result.pdf is not None
    reader = PdfReader(str(result.pdf))
    text = reader.pages[0].extract_text()
    assert "Bắc Kạn, ngày 10 tháng 01 năm 2020" in text
    fonts = set()
    for page in reader.pages:
        resources = page["/Resources"]
        for font in (resources.get("/Font") or {}).values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    # Times New Roman, or its metric-compatible substitute where it is not installed.
    assert any("Times" in f or "LiberationSerif" in f for f in fonts), fonts

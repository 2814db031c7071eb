"""Council documents of a real-sized round: 15 scoring members, 200 products, long names,
decimal scores (71,5 / 69,75), rendered to PDF and checked page by page (issue 12).

Checked from the .docx XML: Vietnamese as the language, the score table's header row
repeated (tblHeader) and rows not split (cantSplit), the table in blocks of 7 members that
fit the portrait page, signatures kept with the text (keepNext). From the PDF (pdftotext
-layout, pypdf): no score broken over two lines, no product code broken, no page holding a
signature alone. The renders are kept under the test's tmp dir (``large-round/``).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
import yaml
from docx import Document
from pypdf import PdfReader

from ocop_docs.production.contexts.council import block_sizes
from ocop_docs.production.rendering import render

has_soffice = bool(shutil.which("soffice") or shutil.which("libreoffice"))
has_pdftotext = bool(shutil.which("pdftotext"))
MEMBERS = 15
PRODUCTS = 200
DECIMALS = ("71.5", "69.75", "88.25", "90", "72", "65.5", "84.75")


def large_round(folder: Path) -> Path:
    """A synthetic provincial round: 15 scorers + a secretary, tv6 absent, 200 products."""
    members = [
        {
            "ma": f"tv{i}",
            "ho_ten": f"Thành viên Số {i}",
            "chuc_vu": "Phó Giám đốc Sở Nông nghiệp và Môi trường",
            "vai_tro": "chu_tich" if i == 1 else "uy_vien",
        }
        for i in range(1, MEMBERS + 2)
    ]
    members[5]["co_mat"] = False  # tv6 absent: the others keep their labels
    members.append({"ma": "tk", "ho_ten": "Người Ghi Biên Bản", "vai_tro": "thu_ky"})
    products = []
    for n in range(1, PRODUCTS + 1):
        scores = [float(DECIMALS[(n + k) % len(DECIMALS)]) for k in range(MEMBERS)]
        products.append(
            {
                "ten": f"Sản phẩm thử nghiệm có tên rất dài số {n} của vùng nguyên liệu miền núi",
                "chu_the": f"Hợp tác xã nông nghiệp dịch vụ tổng hợp số {n}",
                "dia_chi": f"Thôn Nà Đon, xã Trần Phú, tỉnh Thái Nguyên ({n})",
                "bo_san_pham": 1 + n % 26,
                "ma_san_pham": f"19-0562{n % 10}-{n:03d}-2026",
                "diem": scores,
            }
        )
    data = {
        "bo_tieu_chi": "26/2026",
        "ten_dot": "Đợt 3 năm 2026",
        "nam": 2026,
        "cap": "tinh",
        "co_quan": {
            "ten": "Ủy ban nhân dân tỉnh Thái Nguyên",
            "ky_hieu": "UBND",
            "dia_danh": "Thái Nguyên",
        },
        "hoi_dong": {
            "ten": "Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Thái Nguyên",
            "quyet_dinh_thanh_lap": {"so": "2318/QĐ-UBND", "ngay": "2026-08-20"},
            "thanh_vien": members,
        },
        "hop": {
            "so_bien_ban": "15/BB-HĐ",
            "bat_dau": "2026-12-15T08:00",
            "ket_thuc": "2026-12-15T17:30",
            "dia_diem": "Hội trường Sở Nông nghiệp và Môi trường tỉnh Thái Nguyên",
        },
        "san_pham": products,
        "quyet_dinh": {
            "so": 9,
            "ngay": "2027-01-05",
            "nguoi_ky": {
                "quyen_han": "KT. CHỦ TỊCH",
                "chuc_vu": "PHÓ CHỦ TỊCH",
                "ho_ten": "Nguyễn Văn An",
            },
        },
        "cau_hinh": {"chenh_lech_toi_da": 30},
    }
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "dot-lon.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("large-round")
    source = large_round(folder)
    out: dict[str, Path] = {}
    for kind, product in (("bien-ban", None), ("quyet-dinh", None), ("giay-chung-nhan", 1)):
        target = folder / f"{kind}.docx"
        render(kind, source, target, product=product, pdf=has_soffice)
        out[kind] = target
        pdf = target.with_suffix(".pdf")
        if pdf.is_file() and shutil.which("pdftoppm"):
            # The pages as images, kept beside the PDFs to look at (first pages and last).
            subprocess.run(
                ["pdftoppm", "-r", "60", "-png", "-l", "3", str(pdf), str(folder / kind)],
                check=True,
            )
    return out


def xml(path: Path, part: str = "word/document.xml") -> str:
    with zipfile.ZipFile(path) as z:
        return z.read(part).decode("utf-8")


def test_every_document_is_vietnamese(outputs: dict[str, Path]) -> None:
    for path in outputs.values():
        styles = xml(path, "word/styles.xml")
        assert '<w:lang w:val="vi-VN"' in styles and "en-US" not in styles


def test_score_table_in_blocks_with_repeated_headers(outputs: dict[str, Path]) -> None:
    body = xml(outputs["bien-ban"])
    tables = re.findall(r"<w:tbl>.*?</w:tbl>", body, flags=re.S)
    score_tables = [t for t in tables if ">TV1<" in t or ">TV16<" in t]
    assert len(score_tables) == 2  # 15 members → blocks of 8 and 7 (each fits 165 mm)
    for table in score_tables:
        assert "<w:tblHeader/>" in table and "<w:cantSplit/>" in table
    # tv6 absent: TV5 is followed by TV7, and the last block holds TV16.
    assert ">TV5<" in score_tables[0] and ">TV6<" not in body and ">TV16<" in score_tables[1]
    assert "Điểm TB" in score_tables[1] and "Điểm TB" not in score_tables[0]
    assert "Bảng 1/2: điểm của TV1 – TV9" in _text(outputs["bien-ban"])


def _text(path: Path) -> str:
    return "\n".join(p.text for p in Document(str(path)).paragraphs)


def test_block_sizes_fit_the_page() -> None:
    assert block_sizes(7) == [7] and block_sizes(15) == [8, 7] and block_sizes(9) == [4, 5]
    for n in range(1, 60):
        sizes = block_sizes(n)
        assert sum(sizes) == n and sizes[-1] <= 7 and all(s <= 10 for s in sizes)
        assert all(s > 0 for s in sizes)


def _pdf(path: Path) -> Path:
    pdf = path.with_suffix(".pdf")
    if not pdf.is_file():
        pytest.skip("LibreOffice (soffice) is not installed")
    return pdf


def _layout(pdf: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")


@pytest.mark.slow
@pytest.mark.skipif(not (has_soffice and has_pdftotext), reason="LibreOffice or pdftotext missing")
def test_no_score_or_code_is_broken(outputs: dict[str, Path]) -> None:
    pages = _layout(_pdf(outputs["bien-ban"]))
    text = "\n".join(pages)
    # Every decimal score prints whole, and none is left as "71," or ",5" on a line.
    for score in ("71,5", "69,75", "88,25", "65,5", "84,75"):
        assert score in text
    assert not re.search(r"\d,\s*$", text, flags=re.M)
    assert not re.search(r"^\s*,\d", text, flags=re.M)
    # Member labels whole: "TV10" never split into "TV1" / "0".
    for label in ("TV10", "TV12", "TV16"):
        assert label in text
    annex = "\n".join(_layout(_pdf(outputs["quyet-dinh"])))
    codes = re.findall(r"19-0562\d-\d{3}-2026", annex)
    assert len(set(codes)) == PRODUCTS  # every code on one line


@pytest.mark.slow
@pytest.mark.skipif(not (has_soffice and has_pdftotext), reason="LibreOffice or pdftotext missing")
def test_no_signature_alone_on_a_page(outputs: dict[str, Path]) -> None:
    for kind, signer in (("bien-ban", "CHỦ TỌA"), ("quyet-dinh", "PHÓ CHỦ TỊCH")):
        pdf = _pdf(outputs[kind])
        pages = _layout(pdf)
        where = [i for i, page in enumerate(pages) if signer in page]
        assert where, kind
        page = pages[where[0]]
        before = page[: page.index(signer)]
        # Text of the document above the signature on the same page (not only a page number).
        lines = [ln for ln in before.splitlines() if ln.strip() and not ln.strip().isdigit()]
        assert len(lines) >= 2, f"{kind}: the signature is alone on page {where[0] + 1}"
    cert = PdfReader(str(_pdf(outputs["giay-chung-nhan"])))
    assert len(cert.pages) == 1


def _bboxes(pdf: Path) -> list[list[tuple[float, float, str]]]:
    """Per page, each word's (x, y) in mm and its text (pdftotext -bbox)."""
    out = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = out.split("<page ")[1:]
    mm = 25.4 / 72
    return [
        [
            (float(x) * mm, float(y) * mm, word)
            for x, y, word in re.findall(
                r'xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]+)</word>', page
            )
        ]
        for page in pages
    ]


@pytest.mark.slow
@pytest.mark.skipif(not (has_soffice and has_pdftotext), reason="LibreOffice or pdftotext missing")
def test_score_table_header_on_every_page_and_never_left_alone(outputs: dict[str, Path]) -> None:
    # Every page that holds rows of the score table also holds its header ("Điểm TB" is in
    # the last block's header; "STT" in every block's), and a header is never the last
    # thing on a page: at least one product row follows it there.
    pages = _layout(_pdf(outputs["bien-ban"]))
    table_pages = [p for p in pages if re.search(r"^\s*\d+\s+Sản phẩm thử", p, re.M)]
    assert len(table_pages) > 5  # 200 products in two blocks run over many pages
    for page in table_pages:
        assert re.search(r"^\s*STT\s", page, re.M), page[:400]
    for page in pages:
        for header in re.finditer(r"^\s*STT\s.*$", page, re.M):
            rest = page[header.end() :]
            assert re.search(r"^\s*\d+\s+Sản phẩm thử", rest, re.M), page[-400:]


@pytest.mark.slow
@pytest.mark.skipif(not (has_soffice and has_pdftotext), reason="LibreOffice or pdftotext missing")
def test_signature_and_seal_get_at_least_25_mm(outputs: dict[str, Path]) -> None:
    for kind in ("quyet-dinh", "giay-chung-nhan"):
        pages = _bboxes(_pdf(outputs[kind]))
        for words in pages:
            titles = [y for x, y, w in words if w == "PHÓ"]
            names = [
                y for x, y, w in words if w == "Nguyễn" and any(v == "An" for _, _, v in words)
            ]
            if titles and names:
                gap = max(names) - max(titles)
                assert gap >= 25, f"{kind}: {gap:.1f} mm between the title and the name"
                break
        else:
            pytest.fail(f"{kind}: no signature block found")

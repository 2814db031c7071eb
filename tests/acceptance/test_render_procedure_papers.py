"""The procedure's other papers rendered to PDF, from the samples and from a real-sized
round (issue 12): 200 products of one commune with long names, 120 of them of 90 points or
more, producers with 10 products each, a revocation of 6 certificates.

Checked from the .docx XML: Vietnamese as the language, the lists' header rows repeated
(tblHeader) and rows not split (cantSplit). From the PDF (pdftotext -layout, pypdf): no
product code broken over two lines, the signer on the same page as the closing "./." (no
page holds a signature alone), page numbers from page 2. The renders and their page images
are kept under the test's tmp dir (``procedure-papers*/``) to look at.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from pypdf import PdfReader

from ocop_docs.production.conversion import find_soffice, prepare_profile, soffice_command
from ocop_docs.production.rendering import render

ROOT = Path(__file__).resolve().parents[2]
ROUND = ROOT / "samples" / "dot-danh-gia" / "thai-nguyen-2026-dot-2.yaml"
REVOCATION = ROOT / "samples" / "thu-hoi" / "thai-nguyen-2027-thu-hoi.yaml"
has_soffice = bool(shutil.which("soffice") or shutil.which("libreoffice"))
has_pdftotext = bool(shutil.which("pdftotext"))
PRODUCTS = 200  # as tests/acceptance/test_render_large_round.py
PROPOSED = 120  # products of 90 points or more
SIGNER = {"quyen_han": "KT. CHỦ TỊCH", "chuc_vu": "PHÓ CHỦ TỊCH", "ho_ten": "Nguyễn Văn An"}


def code(n: int) -> str:
    return f"19-0562{n % 10}-{n:03d}-2026"


def large_round(folder: Path) -> Path:
    """200 products of xã Trần Phú, 20 producers of 10 products, 120 products of ≥ 90."""
    members = [
        {
            "ma": f"tv{i}",
            "ho_ten": f"Thành viên Số {i}",
            "vai_tro": "chu_tich" if i == 1 else "uy_vien",
        }
        for i in range(1, 6)
    ]
    products = []
    for n in range(1, PRODUCTS + 1):
        base = 91.5 if n <= PROPOSED else (72.25 if n <= 170 else 45.5)
        products.append(
            {
                "ten": f"Sản phẩm thử nghiệm có tên rất dài số {n} của vùng nguyên liệu miền núi",
                "chu_the": f"Hợp tác xã nông nghiệp dịch vụ tổng hợp số {n % 20 + 1}",
                "dia_chi": f"Thôn Nà Đon, xã Trần Phú, tỉnh Thái Nguyên ({n})",
                "bo_san_pham": 1 + n % 26,
                "ma_san_pham": code(n),
                "diem": [base, base + 0.5, base - 0.25, base, base + 0.25],
            }
        )
    data: dict[str, Any] = {
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
        "hop": {"so_bien_ban": "15/BB-HĐ", "bat_dau": "2026-12-15T08:00", "dia_diem": "Hội trường"},
        "san_pham": products,
        "quyet_dinh": {"so": 9, "ngay": "2027-01-05", "nguoi_ky": SIGNER},
        "van_ban_xa": [
            {
                "xa": "xã Trần Phú",
                "so": 40,
                "ngay": "2026-10-25",
                "nguoi_ky": {"chuc_vu": "CHỦ TỊCH", "ho_ten": "Hoàng Văn Bắc"},
            }
        ],
        "phe_duyet": {"so": 10, "ngay": "2027-01-05", "nguoi_ky": SIGNER},
        "cong_van": {
            "so": 120,
            "ngay": "2027-01-12",
            "nguoi_ky": {
                "quyen_han": "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH",
                **{k: v for k, v in SIGNER.items() if k != "quyen_han"},
            },
        },
        "thong_bao": {
            "so_dau": 30,
            "ngay": "2027-01-08",
            "nguoi_ky": {
                "quyen_han": "KT. GIÁM ĐỐC",
                "chuc_vu": "PHÓ GIÁM ĐỐC",
                "ho_ten": "Trần Thị Bình",
            },
        },
    }
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "dot-lon.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def large_revocation(folder: Path) -> Path:
    data = yaml.safe_load(REVOCATION.read_text(encoding="utf-8"))
    first = data["giay_chung_nhan"][0]
    data["giay_chung_nhan"] = [
        dict(
            first,
            san_pham=f"{first['san_pham']} loại đặc biệt số {n}",
            ma_san_pham=code(n),
            so=f"{n + 12}/GCN-UBND",
        )
        for n in range(1, 7)
    ]
    data["thu_hoi"]["can_cu_thu_hoi"] = ["b", "c", "d"]
    path = folder / "thu-hoi-lon.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


# name → (kind, input, --product, the signer's name)
def cases(folder: Path) -> dict[str, tuple[str, Path, int | None, str]]:
    big = large_round(folder)
    return {
        "de-nghi-xa": ("de-nghi-xa", ROUND, 1, "Triệu Văn Sơn"),
        "phe-duyet-ket-qua": ("phe-duyet-ket-qua", ROUND, None, "Nguyễn Văn An"),
        "cong-van-de-nghi": ("cong-van-de-nghi", ROUND, None, "Nguyễn Văn An"),
        "thong-bao-ket-qua": ("thong-bao-ket-qua", ROUND, 5, "Trần Thị Bình"),
        "quyet-dinh-thu-hoi": ("quyet-dinh-thu-hoi", REVOCATION, None, "Nguyễn Văn An"),
        "de-nghi-xa-lon": ("de-nghi-xa", big, 1, "Hoàng Văn Bắc"),
        "phe-duyet-ket-qua-lon": ("phe-duyet-ket-qua", big, None, "Nguyễn Văn An"),
        "cong-van-de-nghi-lon": ("cong-van-de-nghi", big, None, "Nguyễn Văn An"),
        "thong-bao-ket-qua-lon": ("thong-bao-ket-qua", big, 1, "Trần Thị Bình"),
        "quyet-dinh-thu-hoi-lon": (
            "quyet-dinh-thu-hoi",
            large_revocation(folder),
            None,
            "Nguyễn Văn An",
        ),
    }


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, str]]:
    folder = tmp_path_factory.mktemp("procedure-papers")
    out: dict[str, tuple[Path, str]] = {}
    for name, (kind, source, product, signer) in cases(folder).items():
        target = folder / f"{name}.docx"
        render(kind, source, target, product=product, allow=(ROOT / "samples" / "ho-so",))
        out[name] = (target, signer)
    if has_soffice:
        # One LibreOffice start for the ten documents (as a batch converts them).
        profile = (folder / "profile").resolve()
        prepare_profile(profile)
        sources = [path.resolve() for path, _ in out.values()]
        command = soffice_command(find_soffice(), profile, folder.resolve(), sources)
        subprocess.run(
            command,
            check=True,
            capture_output=True,
            timeout=600,
            env={**os.environ, "HOME": str(folder)},
        )
        if shutil.which("pdftoppm"):
            for name, (path, _signer) in out.items():
                # The pages as images, kept beside the PDFs to look at.
                subprocess.run(
                    [
                        "pdftoppm",
                        "-r",
                        "60",
                        "-png",
                        str(path.with_suffix(".pdf")),
                        str(folder / name),
                    ],
                    check=True,
                )
    return out


def xml(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read("word/document.xml").decode("utf-8") + z.read("word/styles.xml").decode(
            "utf-8"
        )


def test_docx_structure(outputs: dict[str, tuple[Path, str]]) -> None:
    for name, (path, _signer) in outputs.items():
        body = xml(path)
        assert 'w:val="vi-VN"' in body, name
        assert "<w:tblHeader/>" in body, name  # the list's header row on every page
        assert "<w:cantSplit/>" in body, name
        assert "<w:keepNext/>" in body, name  # the signature kept with the text


@pytest.mark.slow
@pytest.mark.skipif(not (has_soffice and has_pdftotext), reason="LibreOffice or pdftotext missing")
def test_pdf_pages(outputs: dict[str, tuple[Path, str]]) -> None:
    for name, (path, signer) in outputs.items():
        pdf = path.with_suffix(".pdf")
        reader = PdfReader(str(pdf))
        pages = [page.extract_text() for page in reader.pages]
        # The signer's page also holds the closing paragraph: no signature alone.
        where = [i for i, text in enumerate(pages) if signer in text]
        assert where, name
        assert "./." in pages[where[-1]], f"{name}: signature alone on page {where[-1] + 1}"
        assert pages[where[-1]].index("./.") < pages[where[-1]].index(signer), name
        if len(pages) > 1:  # page numbers from page 2, none on page 1
            assert pages[1].strip().startswith("2"), name
        layout = subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        flat = re.sub(r"\s+", "", layout)
        for n in range(1, PRODUCTS + 1):
            if code(n) in flat:  # a code the paper prints is never broken over two lines
                assert code(n) in layout, f"{name}: code {code(n)} broken"
    big = PdfReader(str(outputs["de-nghi-xa-lon"][0].with_suffix(".pdf")))
    assert len(big.pages) >= 10  # 200 dossiers: the list runs over pages
    approval = "\n".join(
        p.extract_text()
        for p in PdfReader(str(outputs["phe-duyet-ket-qua-lon"][0].with_suffix(".pdf"))).pages
    )
    assert "đối với 120 sản phẩm đạt từ 90 điểm trở lên" in approval.replace("\n", " ")

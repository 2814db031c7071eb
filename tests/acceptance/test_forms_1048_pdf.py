"""The QĐ 1048/2019 forms as printed (issue 12): each of Biểu 01–04 rendered to PDF from the
2019 sample has its title on page 1, no signature alone on a page (text above every
"ĐẠI DIỆN" on its page) and no Jinja left, on a plausible number of A4 pages."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from ocop_docs.production.rendering import render

ROOT = Path(__file__).resolve().parents[2]
OLD = ROOT / "samples" / "ho-so" / "ga-doi-tran-phu-2019"
# Pages as the forms come out (Biểu 02 about six, Biểu 03 eight): a bound, not a layout.
FORMS = {
    "bieu-01-1048": ("BIỂU SỐ 01: PHIẾU ĐĂNG KÝ SẢN PHẨM MỚI", 6),
    "bieu-02-1048": ("BIỂU SỐ 02: PHIẾU ĐĂNG KÝ SẢN PHẨM ĐÃ CÓ", 8),
    "bieu-03-1048": ("BIỂU SỐ 03: PHƯƠNG ÁN SẢN XUẤT KINH DOANH", 10),
    "bieu-04-1048": ("BIỂU SỐ 04: MẪU GIỚI THIỆU VỀ TỔ CHỨC", 3),
}

needs_tools = pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice or pdftotext missing",
)


def _pages(pdf: Path) -> list[str]:
    out = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [p for p in out.split("\f") if p.strip()]


@pytest.mark.slow
@needs_tools
@pytest.mark.parametrize("kind", sorted(FORMS))
def test_each_1048_form_prints_whole(tmp_path: Path, kind: str) -> None:
    pdf = tmp_path / f"{kind}.pdf"
    render(kind, OLD, pdf)
    pages = _pages(pdf)
    title, most = FORMS[kind]
    assert title in " ".join(pages[0].split())
    assert 1 <= len(pages) <= most
    for page in pages:
        assert "{{" not in page and "{%" not in page
        at = page.find("ĐẠI DIỆN")
        if at < 0:
            continue
        above = [ln for ln in page[:at].splitlines() if ln.strip() and not ln.strip().isdigit()]
        assert len(above) >= 2, f"a signature alone on its page:\n{page}"

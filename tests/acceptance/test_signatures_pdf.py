"""No page holds a signature alone (issue 12: "today every Mẫu 03 rendered and a short Mẫu
02"): the samples' Mẫu 03 and the shortest Mẫu 02, rendered to PDF, have the document's text
above the signer on the signer's page."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from ocop_docs.production.rendering import render

ROOT = Path(__file__).resolve().parents[2]
ROUND = ROOT / "samples" / "dot-danh-gia" / "thai-nguyen-2026-dot-2.yaml"
ALLOW = (Path(__file__).resolve().parents[2] / "samples" / "ho-so",)  # --allow, issue 9
DOSSIERS = ROOT / "samples" / "ho-so"

needs_tools = pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice or pdftotext missing",
)


def _pages(pdf: Path) -> list[str]:
    out = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return out.split("\f")


def _text_above(pages: list[str], signer: str) -> int:
    """Lines of text above the signature heading on its page (page numbers left out)."""
    page = next(p for p in pages if signer in p)
    before = page[: page.index(signer)]
    return len([ln for ln in before.splitlines() if ln.strip() and not ln.strip().isdigit()])


@pytest.mark.slow
@needs_tools
@pytest.mark.parametrize("product", [1, 4])
def test_mau_03_keeps_its_signature_with_the_text(tmp_path: Path, product: int) -> None:
    pdf = tmp_path / "bao-cao-xa.pdf"
    render("bao-cao-xa", ROUND, pdf, product=product, allow=ALLOW)
    pages = _pages(pdf)
    signer_page = next(p for p in reversed(pages) if "CHỦ TỊCH" in p)
    before = signer_page[: signer_page.rindex("CHỦ TỊCH")]
    lines = [ln for ln in before.splitlines() if ln.strip() and not ln.strip().isdigit()]
    assert len(lines) >= 3, f"the signature is alone on its page:\n{signer_page}"


@pytest.mark.slow
@needs_tools
def test_short_mau_02_keeps_its_signature_with_the_text(tmp_path: Path) -> None:
    shortest = min(
        (d for d in DOSSIERS.iterdir() if (d / "ho-so.yaml").is_file() and "2019" not in d.name),
        key=lambda d: (d / "ho-so.yaml").stat().st_size,
    )
    pdf = tmp_path / "mau-02.pdf"
    render("bao-cao-tu-danh-gia", shortest, pdf, allow=ALLOW)
    assert _text_above(_pages(pdf), "ĐẠI DIỆN THEO PHÁP LUẬT CỦA CƠ SỞ") >= 2, shortest.name

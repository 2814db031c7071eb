"""Make the README's pictures from the samples (docs/img/giay-chung-nhan.png, the certificate
of the sample round's product 2 with the stand-in logo; docs/img/bien-ban-bang-diem.png, the
page of the sample minutes that holds the score table). Needs LibreOffice and pdftoppm.

    python scripts/make_readme_pictures.py
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from pypdf import PdfReader

from ocop_docs.production.rendering import render

ROOT = Path(__file__).resolve().parents[1]
ROUND = ROOT / "samples" / "dot-danh-gia" / "thai-nguyen-2026-dot-2.yaml"
LOGO = ROOT / "samples" / "dot-danh-gia" / "hinh" / "logo-ocop-mau.png"
IMG = ROOT / "docs" / "img"
DPI = "70"


def page_png(pdf: Path, page: int, target: Path) -> None:
    stem = target.with_suffix("")
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            DPI,
            "-png",
            "-singlefile",
            "-f",
            str(page),
            "-l",
            str(page),
            str(pdf),
            str(stem),
        ],
        check=True,
    )
    print(target)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        cert = folder / "gcn.pdf"
        render("giay-chung-nhan", ROUND, cert, product=2, logo=LOGO)
        page_png(cert, 1, IMG / "giay-chung-nhan.png")
        minutes = folder / "bien-ban.pdf"
        render("bien-ban", ROUND, minutes)
        reader = PdfReader(minutes)
        page = next(
            n
            for n, p in enumerate(reader.pages, start=1)
            if "Điểm" in (p.extract_text() or "") and "TV1" in (p.extract_text() or "")
        )
        page_png(minutes, page, IMG / "bien-ban-bang-diem.png")


if __name__ == "__main__":
    main()

"""The acceptance-test attachments behave as their names say.

They are made by scripts/make_test_fixtures.py; if one of these tests fails after
upgrading pypdf or Pillow, rerun that script and check again.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, UnidentifiedImageError
from pypdf import PdfReader

FIXTURES = Path(__file__).resolve().parents[1] / "acceptance" / "fixtures"


def _pdf_pages(name: str) -> int:
    # strict=False is how the validator reads PDFs: the lenient mode must still fail.
    return len(PdfReader(FIXTURES / name, strict=False).pages)


def test_ok_pdf_has_one_page_with_text() -> None:
    reader = PdfReader(FIXTURES / "ok.pdf")
    assert not reader.is_encrypted
    assert len(reader.pages) == 1
    assert "OCOP" in reader.pages[0].extract_text()


def test_two_pages_pdf() -> None:
    assert _pdf_pages("two-pages.pdf") == 2


def test_corrupt_pdf_fails_to_read() -> None:
    assert (FIXTURES / "corrupt.pdf").read_bytes().startswith(b"%PDF-")
    with pytest.raises(Exception):  # noqa: B017 - pypdf raises several types here
        _pdf_pages("corrupt.pdf")


def test_encrypted_pdf() -> None:
    reader = PdfReader(FIXTURES / "encrypted.pdf", strict=False)
    assert reader.is_encrypted
    assert reader.decrypt("ocop")  # the documented user password
    assert len(reader.pages) == 1


def test_empty_pdf_has_no_pages() -> None:
    assert _pdf_pages("empty.pdf") == 0


def test_png_named_pdf_is_a_png() -> None:
    data = (FIXTURES / "png-named.pdf").read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    with pytest.raises(Exception):  # noqa: B017
        _pdf_pages("png-named.pdf")


@pytest.mark.parametrize(("name", "fmt"), [("ok.png", "PNG"), ("ok.jpg", "JPEG")])
def test_ok_images(name: str, fmt: str) -> None:
    with Image.open(FIXTURES / name) as image:
        assert image.format == fmt
        image.verify()


def test_broken_png_fails_verification() -> None:
    assert (FIXTURES / "broken.png").read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    with (
        pytest.raises((SyntaxError, OSError, UnidentifiedImageError, ValueError)),
        Image.open(FIXTURES / "broken.png") as image,
    ):
        image.verify()


def test_notes_txt_is_utf8_text() -> None:
    text = (FIXTURES / "notes.txt").read_text(encoding="utf-8")
    assert text.strip()


def test_fixtures_are_small() -> None:
    for path in FIXTURES.iterdir():
        assert path.stat().st_size < 4096, path.name

"""(Re)create the small binary attachments used by the acceptance tests.

Run from the repository root (no network, no LibreOffice needed):

    python scripts/make_test_fixtures.py            # writes tests/acceptance/fixtures/
    python scripts/make_test_fixtures.py --out DIR  # somewhere else

Every file is rewritten. Each one behaves as its name says, which
tests/unit/test_fixtures.py checks with pypdf and Pillow:

    ok.pdf         one A4 page with text            two-pages.pdf  two A4 pages with text
    corrupt.pdf    starts with %PDF-, then garbage  encrypted.pdf  ok.pdf with a user password
    empty.pdf      a valid PDF with zero pages      png-named.pdf  PNG bytes under a .pdf name
    ok.png, ok.jpg small valid images               broken.png     PNG header, corrupt data
    notes.txt      plain UTF-8 text

The PDFs are written by pypdf with a hand-made text page (Helvetica, so ASCII text only)
rather than by LibreOffice: the output is then byte-for-byte the same on every run and
the fixtures do not churn in git. encrypted.pdf is the exception, as encryption draws a
random document ID.
"""

from __future__ import annotations

import argparse
import io
from pathlib import Path

from PIL import Image
from pypdf import PdfWriter
from pypdf.generic import ContentStream, DictionaryObject, NameObject

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "tests" / "acceptance" / "fixtures"

A4 = (595, 842)  # points
USER_PASSWORD = "ocop"  # documented so a test can open encrypted.pdf if it wants to
GREEN = (46, 125, 50)


def _name(value: str) -> NameObject:
    return NameObject(value)


def text_pdf(pages: list[list[str]]) -> bytes:
    """A PDF with one A4 page per entry of *pages*, each showing its lines of ASCII text."""
    writer = PdfWriter()
    for lines in pages:
        page = writer.add_blank_page(*A4)
        # One of the 14 standard fonts: nothing to embed, which keeps the file tiny.
        font = DictionaryObject(
            {
                _name("/Type"): _name("/Font"),
                _name("/Subtype"): _name("/Type1"),
                _name("/BaseFont"): _name("/Helvetica"),
                _name("/Encoding"): _name("/WinAnsiEncoding"),
            }
        )
        page[_name("/Resources")] = DictionaryObject(
            {_name("/Font"): DictionaryObject({_name("/F1"): font})}
        )
        operators = ["BT", "/F1 14 Tf", "16 TL", "72 770 Td"]
        for line in lines:
            escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            operators.append(f"({escaped}) Tj T*")
        operators.append("ET")
        content = ContentStream(None, writer)
        content.set_data("\n".join(operators).encode("ascii"))
        page.replace_contents(content)
    return _written(writer)


def _written(writer: PdfWriter) -> bytes:
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def encrypted_pdf(source: bytes) -> bytes:
    writer = PdfWriter(clone_from=io.BytesIO(source))
    # RC4-128 works without the optional "cryptography" package; any encryption makes
    # PdfReader.is_encrypted true, which is all the validator looks at.
    writer.encrypt(user_password=USER_PASSWORD, owner_password="ocop-owner", algorithm="RC4-128")
    return _written(writer)


def empty_pdf() -> bytes:
    """A well-formed PDF whose page tree is empty (/Count 0)."""
    return _written(PdfWriter())


def corrupt_pdf(source: bytes) -> bytes:
    """The first third of a real PDF, then bytes that are no PDF syntax, and no trailer."""
    garbage = bytes((i * 73 + 41) % 256 for i in range(96))
    return source[: len(source) // 3] + garbage


def image_bytes(fmt: str, size: tuple[int, int] = (64, 48)) -> bytes:
    image = Image.new("RGB", size, GREEN)
    buffer = io.BytesIO()
    if fmt == "PNG":
        image.save(buffer, "PNG", optimize=True)
    else:
        image.save(buffer, "JPEG", quality=80)
    return buffer.getvalue()


def broken_png(png: bytes) -> bytes:
    """Keep the signature, IHDR and IDAT chunk header, scramble the image data.

    Image.open() still succeeds (it stops at the IDAT header) but verify() fails on the
    checksum, which is the damage a truncated or badly copied photo shows.
    """
    idat = png.index(b"IDAT")
    length = int.from_bytes(png[idat - 4 : idat], "big")
    return png[: idat + 4] + bytes((i * 37 + 11) % 256 for i in range(length)) + b"\0\0\0\0"


def build() -> dict[str, bytes]:
    ok = text_pdf([["OCOP - ban mau minh hoa (sample attachment)", "Trang 1 / 1"]])
    two = text_pdf(
        [
            ["OCOP - ban mau minh hoa (sample attachment)", "Trang 1 / 2"],
            ["OCOP - ban mau minh hoa (sample attachment)", "Trang 2 / 2"],
        ]
    )
    png = image_bytes("PNG")
    return {
        "ok.pdf": ok,
        "two-pages.pdf": two,
        "corrupt.pdf": corrupt_pdf(ok),
        "encrypted.pdf": encrypted_pdf(ok),
        "empty.pdf": empty_pdf(),
        "png-named.pdf": png,
        "ok.png": png,
        "ok.jpg": image_bytes("JPEG"),
        "broken.png": broken_png(png),
        "notes.txt": "Ghi chú: tệp văn bản thường, không phải PDF hay ảnh.\n".encode(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="target folder")
    args = parser.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    for name, data in build().items():
        (out / name).write_bytes(data)
        print(f"wrote {out / name} ({len(data)} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

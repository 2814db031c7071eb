"""A Vietnamese run prints only Vietnamese, also when a library explains a failure (issue 9).

pypdf, Pillow, zipfile and the operating system explain in English ("Stream has ended
unexpectedly", "cannot identify image file", "Permission denied"); those words used to be
put into the message. Each case here keeps the library's own text (computed by calling
the library on the same file) and checks that it never reaches the output, while the
catalogue's reason does, in the run's language.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image
from pypdf import PdfReader

from ocop_docs.cli.main import cli

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "ho-so" / "mien-dong-tai-hoan"
PDF = "tai-lieu/02-bao-cao-tu-danh-gia.pdf"
IMAGE = "tai-lieu/10-hinh-anh-san-pham.jpg"
LOCKED = "tai-lieu/03-giay-dang-ky-kinh-doanh.pdf"
# Words of the libraries' and the system's English that a Vietnamese message never holds.
ENGLISH = ("Error", "error", "stream", "Stream", "cannot", "Permission", "denied", "EOF")


def _library_text(path: Path, what: str) -> str:
    try:
        if what == "pdf":
            len(PdfReader(io.BytesIO(path.read_bytes()), strict=False).pages)
        else:
            with Image.open(path) as img:
                img.verify()
    except Exception as exc:
        return str(exc)
    raise AssertionError(f"{path.name} opened")


@pytest.fixture
def broken(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, list[str]]:
    """The sample dossier with a truncated PDF, a damaged photo and a file that cannot be
    opened (root reads any file, so the refusal comes from os.open itself)."""
    folder = tmp_path / "ho-so"
    shutil.copytree(SAMPLE, folder)
    pdf = folder / PDF
    pdf.write_bytes(pdf.read_bytes()[: pdf.stat().st_size // 3])
    image = folder / IMAGE
    image.write_bytes(image.read_bytes()[:200])  # the JPEG's header, then nothing
    raw = [_library_text(pdf, "pdf"), _library_text(image, "image"), "Permission denied"]
    real_open = os.open

    def deny(path: object, *args: object, **kwargs: object) -> int:
        if os.path.basename(str(path)) == Path(LOCKED).name:  # by name or from a folder
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", deny)
    return folder, raw


def test_vietnamese_output_holds_no_library_english(broken: tuple[Path, list[str]]) -> None:
    folder, raw = broken
    result = CliRunner().invoke(cli, ["validate", str(folder)])
    assert result.exit_code == 1, result.output
    out = result.output
    for text in raw:
        assert text and text not in out
    lines = [line for line in out.splitlines() if any(n in line for n in ("02-", "10-", "03-"))]
    assert len(lines) >= 3, out
    for line in lines:
        assert not any(word in line for word in ENGLISH), line
    assert "tệp bị cắt cụt" in out  # the PDF whose end is gone
    assert "tệp ảnh bị cắt cụt" in out
    assert "không có quyền đọc" in out


def test_english_output_in_the_catalogue_s_english(broken: tuple[Path, list[str]]) -> None:
    folder, raw = broken
    result = CliRunner().invoke(cli, ["validate", str(folder), "--lang", "en"])
    assert result.exit_code == 1, result.output
    assert "the file is cut short" in result.output
    assert "no permission to read" in result.output
    assert not any(text in result.output for text in raw[:2])


def test_a_template_that_is_no_zip_is_explained_in_vietnamese(tmp_path: Path) -> None:
    folder = tmp_path / "mau"
    folder.mkdir()
    (folder / "phieu-dang-ky.docx").write_bytes(b"not a zip at all")
    try:
        zipfile.ZipFile(folder / "phieu-dang-ky.docx")
    except zipfile.BadZipFile as exc:
        raw = str(exc)
    out = tmp_path / "p.docx"
    args = ["render", "phieu-dang-ky", str(SAMPLE), "-o", str(out), "--templates-dir", str(folder)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 3, result.output
    assert raw not in result.output and "không phải tệp nén zip hợp lệ" in result.output
    checked = CliRunner().invoke(cli, ["templates", "check", str(folder)])
    assert raw not in checked.output and "không phải tệp nén zip hợp lệ" in checked.output
    english = CliRunner().invoke(cli, [*args, "--lang", "en"])
    assert "not a valid zip file" in english.output


def test_a_corrupted_manifest_is_explained_in_the_run_s_language(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "manifest.json").write_text("{hỏng", encoding="utf-8")
    raw = ""
    try:
        json.loads("{hỏng")
    except json.JSONDecodeError as exc:
        raw = exc.msg
    round_file = ROOT / "samples" / "dot-danh-gia" / "thai-nguyen-2026-dot-2.yaml"
    args = ["batch", str(round_file), "--allow", str(ROOT / "samples" / "ho-so")]
    args += ["-o", str(out), "--resume"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1, result.output
    assert raw not in result.output and "không phải JSON hợp lệ (dòng 1, cột 2)" in result.output
    english = CliRunner().invoke(cli, [*args, "--lang", "en"])
    assert "not valid JSON (line 1, column 2)" in english.output

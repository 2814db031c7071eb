"""PDF output (issue 12): ``render -o x.pdf`` writes a PDF; ``batch --pdf`` without LibreOffice
still writes every .docx and exits 3 with the install hints; a PDF made without the
document's font (Times New Roman) says which font stood in, in the manifest and summaries."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from ocop_docs.cli.main import cli
from ocop_docs.production.fonts import document_font, family, substitution

ROOT = Path(__file__).resolve().parents[2]
ROUND = str(ROOT / "samples" / "dot-danh-gia" / "thai-nguyen-2026-dot-2.yaml")
ALLOW = ("--allow", str(ROOT / "samples" / "ho-so"))  # the round's dossiers (issue 9)
SOFFICE = shutil.which("soffice")
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")


def _has_times() -> bool:
    """Whether fontconfig has Times New Roman itself (not a metric-compatible stand-in)."""
    if shutil.which("fc-list") is None:
        return False
    out = subprocess.run(["fc-list", ":family"], capture_output=True, text=True).stdout
    return any("times new roman" in line.lower() for line in out.splitlines())


def run(*args: str) -> object:
    return CliRunner().invoke(cli, list(args))


@needs_soffice
def test_render_to_a_pdf_name_writes_a_pdf_and_nothing_else(tmp_path: Path) -> None:
    out = tmp_path / "quyet-dinh.pdf"
    result = run("render", "quyet-dinh", ROUND, *ALLOW, "-o", str(out), "--format", "json")
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    assert out.read_bytes().startswith(b"%PDF-")
    assert len(PdfReader(out).pages) >= 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["quyet-dinh.pdf"]  # no .docx left
    payload = json.loads(result.stdout)  # type: ignore[attr-defined]
    assert payload["output"] == payload["pdf"] == str(out)
    if _has_times():
        assert payload["font_substitution"] is None
    else:  # this machine: Liberation Serif stands in, and the report says so
        assert payload["font_substitution"] == {
            "font": "Times New Roman",
            "substitute": "Liberation Serif",
        }


def test_render_to_a_pdf_name_without_libreoffice_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "qd.pdf"
    result = run(
        "render", "quyet-dinh", ROUND, *ALLOW, "-o", str(out), "--soffice", str(tmp_path / "no")
    )
    assert result.exit_code == 3  # type: ignore[attr-defined]
    assert "libreoffice.org/download" in result.stderr  # type: ignore[attr-defined]
    assert list(tmp_path.iterdir()) == []


def test_batch_without_libreoffice_writes_every_docx_then_exits_3(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run(
        "batch",
        ROUND,
        *ALLOW,
        "-o",
        str(out),
        "--pdf",
        "--bundle",
        "--soffice",
        str(tmp_path / "no"),
    )
    assert result.exit_code == 3, result.output  # type: ignore[attr-defined]
    stdout = result.stdout  # type: ignore[attr-defined]
    assert "Đã lập 7 văn bản" in stdout
    assert "Đã lập các tệp .docx nhưng không lập được PDF: Không tìm thấy LibreOffice" in stdout
    # the README's install line for Linux, and the download page for Windows
    assert "apt-get install libreoffice-writer-nogui fonts-liberation2" in stdout
    assert "https://www.libreoffice.org/download/download/" in stdout
    assert "--resume" in stdout
    docx = sorted(out.rglob("*.docx"))
    assert len(docx) == 7 and not list(out.rglob("*.pdf"))
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["pdf"]["error"]["code"] == "convert-missing"
    assert manifest["complete"] is True
    english = run(
        "batch",
        ROUND,
        *ALLOW,
        "-o",
        str(out),
        "--pdf",
        "--resume",
        "--soffice",
        str(tmp_path / "no"),
        "--lang",
        "en",
        "--format",
        "json",
    )
    assert english.exit_code == 3  # type: ignore[attr-defined]
    payload = json.loads(english.stdout)  # type: ignore[attr-defined]
    assert payload["exit_code"] == 3 and payload["pdf"]["error"]["code"] == "convert-missing"
    assert "download it from https://www.libreoffice.org" in payload["pdf"]["error"]["hint"]


def test_readme_has_the_install_hints() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "apt-get install libreoffice-writer-nogui fonts-liberation2" in readme
    assert "https://www.libreoffice.org/download/download/" in readme
    assert "ttf-mscorefonts-installer" in readme  # Times New Roman on Linux


@needs_soffice
def test_batch_resume_makes_the_pdfs_once_libreoffice_is_there(tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ("batch", ROUND, *ALLOW, "-o", str(out), "--kinds", "quyet-dinh", "--pdf", "--jobs", "1")
    assert run(*args, "--soffice", str(tmp_path / "no")).exit_code == 3  # type: ignore[attr-defined]
    result = run(*args, "--resume")
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    assert len(list(out.rglob("*.pdf"))) == 1
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert "error" not in manifest["pdf"]
    if _has_times():
        assert "fonts" not in manifest["pdf"]
    else:
        assert manifest["pdf"]["fonts"] == [
            {"font": "Times New Roman", "substitute": "Liberation Serif", "documents": 1}
        ]
        assert (
            "máy này không có phông Times New Roman; 1 tệp PDF dùng phông thay thế "
            "Liberation Serif" in result.stdout  # type: ignore[attr-defined]
        )


def test_font_families_from_pdf_names() -> None:
    assert family("CAAAAA+TimesNewRomanPS-BoldMT") == "Times New Roman"
    assert family("TimesNewRomanPSMT") == "Times New Roman"
    assert family("TimesNewRoman,BoldItalic") == "Times New Roman"
    assert family("BAAAAA+LiberationSerif-Bold") == "Liberation Serif"
    assert substitution("Times New Roman", Counter({"Times New Roman": 4})) is None
    note = substitution("Times New Roman", Counter({"Liberation Serif": 4, "Deja Vu Sans": 1}))
    assert note is not None and note.substitute == "Liberation Serif"
    assert substitution(None, Counter({"Liberation Serif": 1})) is None
    assert document_font(ROOT / "templates" / "giay-chung-nhan.docx") == "Times New Roman"

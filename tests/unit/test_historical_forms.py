"""A historical dossier (QĐ 1048/2019) is not printed on today's forms (issue 12): ``render``
says only QĐ 26/2026's forms exist (``render-forms-regime``, exit 1, nothing written);
``batch`` on a folder of dossiers makes its check report and says why it has no Mẫu 01."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from ocop_docs.cli.main import cli
from ocop_docs.errors import InputError
from ocop_docs.production.rendering import render

ROOT = Path(__file__).resolve().parents[2]
OLD = ROOT / "samples" / "ho-so" / "ga-doi-tran-phu-2019"


@pytest.mark.parametrize("kind", ["phieu-dang-ky", "bao-cao-tu-danh-gia"])
def test_render_says_only_todays_forms_exist(tmp_path: Path, kind: str) -> None:
    out = tmp_path / "mau.docx"
    with pytest.raises(InputError) as exc:
        render(kind, OLD, out)
    assert exc.value.code == "render-forms-regime" and exc.value.exit_code == 1
    message = exc.value.message("vi")
    assert "1048/2019" in message and "26/2026/QĐ-TTg" in message
    assert "Biểu 01–04" in exc.value.hint("vi")
    assert "only today's forms" in exc.value.message("en")
    assert not out.exists()


def test_cli_exit_1_with_the_message(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["render", "phieu-dang-ky", str(OLD), "-o", str(tmp_path / "p.docx")]
    )
    assert result.exit_code == 1
    assert "công cụ chỉ có biểu mẫu hiện hành của Quyết định 26/2026/QĐ-TTg" in result.stderr


def test_batch_makes_the_report_and_says_why_no_form(tmp_path: Path) -> None:
    folder = tmp_path / "ho-so"
    folder.mkdir()
    shutil.copytree(OLD, folder / OLD.name)
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli, ["batch", str(folder), "-o", str(out), "--format", "json", "--lang", "en"]
    )
    payload = json.loads(result.stdout)
    assert [w["code"] for w in payload["warnings"]] == ["batch-forms-regime"]
    assert "No phieu-dang-ky" in payload["warnings"][0]["message"]
    assert list((out / "kiem-tra").glob("*.txt")) and not (out / "phieu-dang-ky").exists()


def test_todays_dossiers_still_render(tmp_path: Path) -> None:
    render("phieu-dang-ky", ROOT / "samples" / "ho-so" / "ga-doi-tran-phu", tmp_path / "p.docx")
    assert (tmp_path / "p.docx").is_file()

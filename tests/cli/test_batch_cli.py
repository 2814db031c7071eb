"""``ocop-docs batch``: output, exit codes, refusing to overwrite, resume, bad rows."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner, Result

from ocop_docs.cli.main import cli

# The sample rounds name the sample dossiers beside their folder (../ho-so/…): a round
# reads outside its own folder only what the user allows (--allow, issue 9).
from tests.conftest import HO_SO

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
ROUND = str(SAMPLES / "dot-danh-gia" / "thai-nguyen-2026-dot-2.yaml")
XLSX = str(SAMPLES / "dot-danh-gia" / "thai-nguyen-2026-dot-2.xlsx")


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, ["batch", *args, "--allow", str(HO_SO)])


def test_round_summary_and_exit_0(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run(ROUND, "-o", str(out), "--jobs", "1")
    assert result.exit_code == 0, result.output
    assert "Đã lập 7 văn bản, bỏ qua 0 (đã có), lỗi 0;" in result.stdout
    assert f"→ {out}" in result.stdout
    assert f"Danh mục kết quả: {out / 'manifest.json'}" in result.stdout
    assert "chênh lệch 15 điểm" in result.stderr  # the round's warning
    assert "━" not in result.stderr  # no progress bar when not on a terminal
    assert (out / "giay-chung-nhan" / "19-02176-003-2026_ga-doi-tran-phu.docx").is_file()


def test_refuses_to_overwrite_and_says_so_then_resumes(tmp_path: Path) -> None:
    out = str(tmp_path / "out")
    assert run(ROUND, "-o", out).exit_code == 0
    again = run(ROUND, "-o", out)
    assert again.exit_code == 1
    assert "không ghi đè" in again.stderr and "--overwrite" in again.stderr
    resumed = run(ROUND, "-o", out, "--resume")
    assert resumed.exit_code == 0 and "Đã lập 0 văn bản, bỏ qua 7" in resumed.stdout
    replaced = run(ROUND, "-o", out, "--overwrite", "--lang", "en")
    assert replaced.exit_code == 0 and "Made 7 documents, skipped 0" in replaced.stdout


def test_json_format(tmp_path: Path) -> None:
    result = run(XLSX, "-o", str(tmp_path / "out"), "--format", "json", "--lang", "en")
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["ok"] is True and payload["exit_code"] == 0
    assert payload["summary"]["produced"] == 7 and payload["failures"] == []
    assert payload["warnings"][0]["code"] == "sheet-row-warning"
    assert payload["warnings"][0]["message"].startswith("Row 5 (Cam Đường Canh Yến Lạc)")


def test_bad_row_exit_1_with_row_number(tmp_path: Path) -> None:
    for suffix in ("thong-tin-dot", "hoi-dong"):
        shutil.copy(
            SAMPLES / f"dot-danh-gia/thai-nguyen-2026-dot-2.{suffix}.csv",
            tmp_path / f"d.{suffix}.csv",
        )
    text = (SAMPLES / "dot-danh-gia/thai-nguyen-2026-dot-2.csv").read_text(encoding="utf-8-sig")
    text = text.replace("../ho-so/", str(SAMPLES / "ho-so") + "/").replace(",12,", ",99,")
    (tmp_path / "d.csv").write_text(text, encoding="utf-8")
    # --draft: the council documents of the partial round are made, marked DỰ THẢO (issue 12;
    # without it they are withheld: tests/unit/test_partial_round.py).
    result = run(str(tmp_path / "d.csv"), "-o", str(tmp_path / "out"), "--draft")
    assert result.exit_code == 1
    assert (
        "Không lập được [san-pham/dong-6] (dòng 6 của bảng tính): Dòng 6 (Trà Giảo cổ lam Bảo Châu)"
        in result.stdout
    )
    assert "lỗi 1;" in result.stdout and "Đã lập 6 văn bản" in result.stdout
    assert "không có 1 sản phẩm bị lỗi: dòng 6 «Trà Giảo cổ lam Bảo Châu»" in result.stderr


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    unknown = run(ROUND, "-o", str(tmp_path / "out"), "--kinds", "bien-ban,giay-khen")
    assert unknown.exit_code == 2 and "giay-khen" in unknown.output
    unfit = run(ROUND, "-o", str(tmp_path / "out"), "--kinds", "kiem-tra")
    assert unfit.exit_code == 2 and "kiem-tra" in unfit.stderr
    missing = run(ROUND)
    assert missing.exit_code == 2


def test_dossier_folder_and_kinds(tmp_path: Path) -> None:
    result = run(str(SAMPLES / "ho-so"), "-o", str(tmp_path / "out"), "--kinds", "kiem-tra")
    assert result.exit_code == 0, result.output
    assert len(list((tmp_path / "out" / "kiem-tra").glob("*.txt"))) == 11


def test_missing_libreoffice_exit_3(tmp_path: Path) -> None:
    # The .docx files are still made (issue 12; tests/cli/test_pdf_output.py says more).
    result = run(ROUND, "-o", str(tmp_path / "out"), "--pdf", "--soffice", str(tmp_path / "no"))
    assert result.exit_code == 3
    assert "LibreOffice" in result.stdout
    assert len(list((tmp_path / "out").rglob("*.docx"))) == 7


def test_help_has_examples() -> None:
    result = CliRunner().invoke(cli, ["batch", "--help"])
    assert result.exit_code == 0
    assert (
        "ocop-docs batch samples/dot-danh-gia/thai-nguyen-2026-dot-2.yaml "
        "--allow samples/ho-so -o out/" in result.output
    )
    for option in ("--kinds", "--pdf", "--bundle", "--jobs", "--resume", "--overwrite", "--allow"):
        assert option in result.output
    assert "batch" in CliRunner().invoke(cli, ["--help"]).output


def test_readme_documents_the_verb() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert (
        "ocop-docs batch samples/dot-danh-gia/thai-nguyen-2026-dot-2.yaml --allow samples/ho-so "
        "-o out/ --pdf --bundle" in readme
    )

"""The cooperative's path on the command line (issue 12): ``new --lang``, ``validate`` on a
folder of dossiers, ``render`` without overwriting, ``templates copy`` and ``check``."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from ocop_docs.cli.main import cli
from ocop_docs.production.contexts.registry import ALL_KINDS

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples" / "ho-so"
SAMPLE = SAMPLES / "mien-dong-tai-hoan"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def test_new_writes_english_comments_with_lang_en(tmp_path: Path) -> None:
    code, out = run("new", "--set", "7", "--lang", "en", str(tmp_path / "d"))
    assert code == 0 and out.startswith("Created ")
    text = (tmp_path / "d" / "ho-so.yaml").read_text(encoding="utf-8")
    assert "# Required (without them the dossier is rejected):" in text
    assert "bắt buộc" not in text and "Điền" not in text
    code, _ = run("new", "--set", "7", str(tmp_path / "v"))
    assert "# Bắt buộc (thiếu thì hồ sơ bị loại):" in (tmp_path / "v" / "ho-so.yaml").read_text(
        encoding="utf-8"
    )


def test_validate_a_folder_of_dossiers_checks_each_one(tmp_path: Path) -> None:
    code, out = run("validate", str(SAMPLES), "--no-attachments", "--format", "json")
    report = json.loads(out)
    names = {Path(d["source"]).name for d in report["dossiers"]}
    assert code == 0 and names == {p.name for p in SAMPLES.iterdir() if p.is_dir()}
    # One bad dossier among good ones: each is reported, the run exits 1.
    folder = tmp_path / "ho-so"
    shutil.copytree(SAMPLE, folder / "a")
    (folder / "b").mkdir()
    (folder / "b" / "ho-so.yaml").write_text("bo_san_pham: 7\n", encoding="utf-8")
    code, out = run("validate", str(folder), "--format", "json")
    summary = json.loads(out)["summary"]
    assert code == 1 and summary["dossiers"] == 2 and summary["valid"] == 1


def test_render_does_not_overwrite_without_overwrite(tmp_path: Path) -> None:
    out = tmp_path / "phieu.docx"
    out.write_bytes(b"signed copy")
    code, text = run("render", "phieu-dang-ky", str(SAMPLE), "-o", str(out))
    assert code == 1 and "không ghi đè" in text and "--overwrite" in text
    assert out.read_bytes() == b"signed copy"
    code, _ = run("render", "phieu-dang-ky", str(SAMPLE), "-o", str(out), "--overwrite")
    assert code == 0 and out.read_bytes()[:2] == b"PK"


def test_templates_copy_then_check_then_use(tmp_path: Path) -> None:
    folder = tmp_path / "mau"
    code, out = run("templates", "copy", str(folder))
    assert code == 0
    names = {p.name for p in folder.iterdir()}
    assert names == {k.template for k in ALL_KINDS.values()} | {"huong-dan-mau-van-ban.md"}
    guide = (folder / "huong-dan-mau-van-ban.md").read_text(encoding="utf-8")
    assert "## Template variables" in guide
    code, out = run("templates", "copy", str(folder))
    assert code == 1 and "không ghi đè" in out
    assert run("templates", "copy", str(folder), "--overwrite", "--lang", "en")[0] == 0
    code, out = run("templates", "check", str(folder), "--format", "json")
    assert code == 0 and json.loads(out)["issues"] == []
    # A folder holding some templates: the kinds it lacks are named, where checked and used.
    (folder / "phieu-dang-ky.docx").unlink()
    code, out = run("templates", "check", str(folder), "--format", "json")
    issues = json.loads(out)["issues"]
    assert code == 0 and [i["code"] for i in issues] == ["template-shipped-used"]
    assert "phieu-dang-ky" in issues[0]["message"]
    target = str(tmp_path / "p.docx")
    args = ("render", "phieu-dang-ky", str(SAMPLE), "-o", target, "--templates-dir", str(folder))
    code, out = run(*args, "--format", "json")
    warnings = json.loads(out)["warnings"]
    assert code == 0 and [w["code"] for w in warnings] == ["template-shipped-used"]


def test_templates_check_on_a_folder_without_templates_is_an_error(tmp_path: Path) -> None:
    code, out = run("templates", "check", str(tmp_path))
    assert code == 1 and "không có mẫu văn bản (.docx) nào" in out
    code, out = run("templates", "check", str(tmp_path), "--lang", "en")
    assert code == 1 and "holds no templates" in out


def test_batch_names_the_kinds_a_templates_dir_lacks(tmp_path: Path) -> None:
    folder = tmp_path / "mau"
    folder.mkdir()
    shutil.copy(ROOT / "templates" / "quyet-dinh.docx", folder)
    out = tmp_path / "out"
    code, text = run(
        "batch", str(SAMPLE), "-o", str(out), "--kinds", "phieu-dang-ky",
        "--templates-dir", str(folder), "--no-progress", "--format", "json",
    )  # fmt: skip
    assert code == 0, text
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    codes = [w["code"] for w in manifest["warnings"]]
    assert codes == ["template-shipped-used"]


CARD = ROOT / "samples" / "phieu-cham" / "mien-dong-tai-hoan.yaml"


def test_rubric_score_reads_the_shipped_card_and_a_dossiers_self_assessment() -> None:
    code, out = run("rubric", "score", str(CARD), "--format", "json")
    card = json.loads(out)
    assert code == 0 and card["hop_le"] and card["hang_sao"] == 4
    for given in (SAMPLE, SAMPLE / "ho-so.yaml"):
        code, out = run("rubric", "score", str(given), "--format", "json")
        own = json.loads(out)
        assert code == 0 and own["tong_diem"] == card["tong_diem"] == 94, given
    _, report = run("validate", str(SAMPLE), "--no-attachments", "--format", "json")
    assert json.loads(report)["dossiers"][0]["self_assessment"]["tong_diem"] == 94


def test_rubric_score_on_a_dossier_without_self_assessment_or_a_round_file() -> None:
    code, out = run("rubric", "score", str(SAMPLES / "ga-doi-tran-phu-2019"))
    assert code == 1 and "không có phần tự đánh giá (tu_danh_gia)" in out
    round_file = ROOT / "samples" / "dot-danh-gia" / "thai-nguyen-2026-dot-2.yaml"
    code, out = run("rubric", "score", str(round_file), "--lang", "en")
    assert code == 1 and "evaluation-round file" in out and "ocop-docs batch" in out


def test_an_invalid_card_gets_no_star(tmp_path: Path) -> None:
    card = tmp_path / "phieu.yaml"
    card.write_text(CARD.read_text(encoding="utf-8").replace('"1.1": 3', '"1.1": 9'), "utf-8")
    code, out = run("rubric", "score", str(card))
    assert code == 1
    assert "Không xếp hạng sao" in out and "Hạng sao:" not in out and "Hạng theo điểm" not in out
    code, out = run("rubric", "score", str(card), "--format", "json")
    data = json.loads(out)
    assert code == 1 and data["hang_sao"] is None and data["hop_le"] is False

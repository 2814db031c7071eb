"""Issue 11, "Historical regimes": acceptance examples that failed before the fix.

A 2019 dossier's self-assessment, a 2019 scorecard and the sample 2019 round are scored
under the QĐ 1048/QĐ-TTg rubrics (Phụ lục III), not under QĐ 26/2026 or not at all; the
rubrics of a regime are listed and shown with ``--regime``.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import yaml
from click.testing import CliRunner
from docx import Document

from ocop_docs.cli.main import cli
from ocop_docs.scoring.rubric_files import load_rubric

ROOT = Path(__file__).resolve().parents[2]
DOSSIER_2019 = ROOT / "samples" / "ho-so" / "ga-doi-tran-phu-2019"
ROUND_2019 = ROOT / "samples" / "dot-danh-gia" / "na-ri-2019.yaml"
HO_SO = str(ROOT / "samples" / "ho-so")  # the sample rounds' dossiers (--allow, issue 9)
REGIME = "1048/2019"


def _best(n: int) -> dict[str, int]:
    """Every criterion of QĐ 1048 rubric ``n`` at its best option."""
    r = load_rubric(n, REGIME)
    return {c.so: max(c.lua_chon, key=lambda o: o.diem).stt for c in r.criteria()}


def _dossier(tmp_path: Path, extra: dict[str, Any]) -> Path:
    target = tmp_path / "ho-so"
    shutil.copytree(DOSSIER_2019, target)
    data = yaml.safe_load((target / "ho-so.yaml").read_text(encoding="utf-8"))
    data.update(extra)
    (target / "ho-so.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    return target


def _report(tmp_path: Path, extra: dict[str, Any]) -> dict[str, Any]:
    result = CliRunner().invoke(
        cli, ["validate", str(_dossier(tmp_path, extra)), "--format", "json"]
    )
    report: dict[str, Any] = json.loads(result.output)["dossiers"][0]
    return report


def test_2019_self_assessment_is_scored_under_1048(tmp_path: Path) -> None:
    # Gà đồi (product set 2) → QĐ 1048 bộ 2 "Thịt, trứng, sữa tươi": all best options give
    # 100 (A 35 / B 25 / C 40). Before: no self-assessment summary at all.
    report = _report(tmp_path, {"tu_danh_gia": {"chon": _best(2)}})
    summary = report["self_assessment"]
    assert summary is not None
    assert (summary["bo_tieu_chi"], summary["so_bo_tieu_chi"]) == (REGIME, 2)
    assert summary["phan"] == {"A": 35, "B": 25, "C": 40}
    assert (summary["tong_diem"], summary["hang_sao"]) == (100, 5)
    assert not [i for i in report["issues"] if i["severity"] == "error"]


def test_2019_self_assessment_uses_the_1048_numbering(tmp_path: Path) -> None:
    # Product set 9 (Tương, nước mắm) is QĐ 1048 bộ 10; 1048 bộ 9 is fish products.
    report = _report(tmp_path, {"bo_san_pham": 9, "tu_danh_gia": {"chon": _best(10)}})
    assert report["self_assessment"]["so_bo_tieu_chi"] == 10
    assert report["self_assessment"]["tong_diem"] == 100


def test_2019_self_assessment_of_an_ambiguous_set_names_the_choice(tmp_path: Path) -> None:
    # Set 8 is QĐ 1048 bộ 8 (thịt, trứng, sữa) or bộ 9 (thủy, hải sản): not guessed.
    report = _report(tmp_path, {"bo_san_pham": 8, "tu_danh_gia": {"chon": _best(9)}})
    assert report["self_assessment"] is None
    codes = [i["code"] for i in report["issues"]]
    assert "self-assessment-not-scored" in codes
    chosen = _report(
        tmp_path / "b",
        {"bo_san_pham": 8, "tu_danh_gia": {"chon": _best(9), "so_bo_tieu_chi": 9}},
    )
    assert chosen["self_assessment"]["so_bo_tieu_chi"] == 9
    assert chosen["self_assessment"]["tong_diem"] == 100


def test_rubric_score_of_a_2019_card(tmp_path: Path) -> None:
    card = {"bo_san_pham": 2, "bo_tieu_chi": REGIME, "chon": _best(2)}
    path = tmp_path / "phieu.yaml"
    path.write_text(yaml.safe_dump(card, allow_unicode=True), encoding="utf-8")
    result = CliRunner().invoke(cli, ["rubric", "score", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert (out["bo_tieu_chi"], out["tong_diem"]) == (REGIME, 100)
    assert [p["toi_da"] for p in out["phan"]] == [35, 25, 40]


def test_rubric_list_and_show_by_regime() -> None:
    runner = CliRunner()
    listed = runner.invoke(cli, ["rubric", "list", "--regime", REGIME, "--format", "json"])
    assert listed.exit_code == 0, listed.output
    names = [r["ten"] for r in json.loads(listed.output)]
    assert names[8] == "Chế biến từ thủy, hải sản" and len(names) == 26
    shown = runner.invoke(cli, ["rubric", "show", "26", "--regime", REGIME])
    assert shown.exit_code == 0, shown.output
    assert "Dịch vụ du lịch - truyền thống - lễ hội (QĐ 1048/2019)" in shown.output
    unknown = runner.invoke(cli, ["rubric", "list", "--regime", "9/2000"])
    assert unknown.exit_code == 2 and "9/2000" in unknown.output


def _round_with_cards(tmp_path: Path) -> Path:
    data = yaml.safe_load(ROUND_2019.read_text(encoding="utf-8"))
    first = data["san_pham"][0]
    first["ho_so"] = str(ROOT / "samples" / "ho-so" / "ga-doi-tran-phu-2019")
    chon = _best(2)
    chon["1.5"] = 1  # 5 → 1 point: each member's total is 96
    first.pop("diem")
    first["phieu"] = {m["ma"]: {"chon": chon} for m in data["hoi_dong"]["thanh_vien"]}
    path = tmp_path / "dot.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def _text(path: Path) -> str:
    doc = Document(str(path))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def test_2019_round_with_members_cards_is_scored_under_1048(tmp_path: Path) -> None:
    # Before: "Chưa có dữ liệu bộ tiêu chí theo 1048/2019 để chấm phiếu …" (exit 1).
    out = tmp_path / "bien-ban.docx"
    result = CliRunner().invoke(
        cli,
        ["render", "bien-ban", str(_round_with_cards(tmp_path)), "-o", str(out), "--allow", HO_SO],
    )
    assert result.exit_code == 0, result.output
    assert "96" in _text(out)


# --------------------------------------------------------------------------------------
# QĐ 148/2023: an unofficial transcription, always with a warning
# --------------------------------------------------------------------------------------


def test_2024_self_assessment_is_scored_with_the_unofficial_warning(tmp_path: Path) -> None:
    # Before: a QĐ 148 dossier's self-assessment was not scored at all.
    rubric = load_rubric(2, "148/2023")
    chon = {c.so: max(c.lua_chon, key=lambda o: o.diem).stt for c in rubric.criteria()}
    extra = {
        "bo_tieu_chi": "148/2023",
        "ngay_nop": "2024-09-10",
        "nam_danh_gia": 2024,
        "tu_danh_gia": {"chon": chon},
    }
    report = _report(tmp_path, extra)
    summary = report["self_assessment"]
    assert summary is not None and summary["bo_tieu_chi"] == "148/2023"
    assert summary["phan"] == {"A": 40, "B": 25, "C": 35}
    warnings = [i for i in report["issues"] if i["code"] == "scorecard-rubric-unofficial"]
    assert len(warnings) == 1 and warnings[0]["severity"] == "warning"
    assert "không lấy từ văn bản chính thức" in warnings[0]["message"]


def test_rubric_score_and_show_of_148_say_unofficial(tmp_path: Path) -> None:
    card = {"bo_san_pham": 1, "bo_tieu_chi": "148/2023", "chon": {"1.1": 3}}
    path = tmp_path / "phieu.yaml"
    path.write_text(yaml.safe_dump(card, allow_unicode=True), encoding="utf-8")
    runner = CliRunner()
    scored = runner.invoke(cli, ["rubric", "score", str(path), "--lang", "en"])
    assert scored.exit_code == 0, scored.output
    assert "is not from the official text" in scored.output
    shown = runner.invoke(cli, ["rubric", "show", "1", "--regime", "148/2023"])
    assert shown.exit_code == 0 and "KHÔNG CHÍNH THỨC" in shown.output


def test_members_sheets_of_the_2019_round_are_the_1048_rubric(tmp_path: Path) -> None:
    # Before: "Chưa có dữ liệu bộ tiêu chí theo 1048/2019" (exit 1).
    out = tmp_path / "phieu.docx"
    args = ["render", "phieu-danh-gia", str(ROUND_2019), "--product", "1", "-o", str(out)]
    args += ["--allow", HO_SO]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    text = _text(out)
    assert "Kèm theo Quyết định số 1048/QĐ-TTg" in text
    assert "Thịt, trứng, sữa tươi" in text  # QĐ 1048 bộ 2, not QĐ 26/2026's name
    assert "Phần A: SẢN PHẨM VÀ SỨC MẠNH CỦA CỘNG ĐỒNG (35 điểm)" in text


def test_2018_dossier_one_statement_receiver_and_1048_scoring(tmp_path: Path) -> None:
    # Before QĐ 1048 (21/8/2019): one finding says what applies (the province's interim
    # criteria then; checked and scored as 1048 here), the "Nơi nộp" line stays.
    report = _report(
        tmp_path,
        {"ngay_nop": "2018-10-10", "nam_danh_gia": 2018, "tu_danh_gia": {"chon": _best(2)}},
    )
    regime_codes = [i["code"] for i in report["issues"] if i["code"].startswith("regime-")]
    assert regime_codes == ["regime-before-first"]
    finding = next(i for i in report["issues"] if i["code"] == "regime-before-first")
    assert "31/12/2019" in finding["hint"]
    assert report["receiver"]["vi"] == "UBND cấp huyện"
    assert report["self_assessment"]["bo_tieu_chi"] == REGIME
    assert report["self_assessment"]["tong_diem"] == 100

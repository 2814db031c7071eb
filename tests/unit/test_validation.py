from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from ocop_docs.rules.regimes import regime, required_documents
from ocop_docs.scoring.rubric_files import load_rubric
from ocop_docs.validation import pipeline as validation
from ocop_docs.validation.pipeline import ValidateOptions, validate, validate_dossier
from ocop_docs.validation.reporters import render_json, render_text

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "samples" / "ho-so").iterdir())


def test_crashing_check_becomes_internal_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(*args: object, **kwargs: object) -> list[object]:
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(validation, "check_general", boom)
    run = validate(
        [ROOT / "samples" / "ho-so" / "ga-doi-tran-phu"], ValidateOptions(attachments=False)
    )
    report = run.reports[0]
    assert [i.code for i in report.issues if i.code == "internal-error"] == ["internal-error"]
    assert "ZeroDivisionError" in report.issues[-1].message() or any(
        "ZeroDivisionError" in i.message() for i in report.issues
    )
    assert run.exit_code == 3


def test_one_broken_dossier_does_not_stop_the_others(tmp_path: Path) -> None:
    broken = tmp_path / "hong"
    broken.mkdir()
    (broken / "ho-so.yaml").write_text("a: [\n", encoding="utf-8")
    run = validate(
        [broken, ROOT / "samples" / "ho-so" / "ga-doi-tran-phu"], ValidateOptions(attachments=False)
    )
    assert [r.valid for r in run.reports] == [False, True]
    assert run.exit_code == 1


def test_json_report_follows_its_schema() -> None:
    schema = json.loads((ROOT / "schemas" / "report.schema.json").read_text(encoding="utf-8"))
    run = validate([*SAMPLES, ROOT / "tests"], ValidateOptions(attachments=False))
    for lang in ("vi", "en"):
        data = json.loads(render_json(run, lang))  # type: ignore[arg-type]
        errors = list(Draft202012Validator(schema).iter_errors(data))
        assert not errors, errors[0].message


def test_english_report_has_no_vietnamese_message_templates() -> None:
    report = validate_dossier(
        ROOT / "samples" / "ho-so" / "mien-dong-tai-hoan", ValidateOptions(attachments=False)
    )
    report.issues.clear()
    text = render_text(validation.ValidationRun([report]), "en")
    assert "Document checklist" in text and "Danh mục" not in text


def test_options_today_drives_future_check(tmp_path: Path) -> None:
    import datetime as dt

    src = ROOT / "samples" / "ho-so" / "ga-doi-tran-phu"
    shutil.copytree(src, tmp_path / "d", ignore=shutil.ignore_patterns("tai-lieu"))
    report = validate_dossier(
        tmp_path / "d", ValidateOptions(attachments=False, today=dt.date(2026, 1, 1))
    )
    assert [i.code for i in report.issues] == ["filing-date-future"]


# --- document levels against the rubric markers (issue 11) ----------------------------------

# A document type and the words of the `***` option (3-star minimum) that needs it.
FLOOR_OPTIONS = {
    "so_huu_tri_tue": r"Đơn đăng ký nhãn hiệu",
    "cau_chuyen_san_pham": r"câu chuyện riêng",
    "thi_truong": r"Thị trường ngoài địa bàn",
    "ke_hoach_kiem_soat_noi_bo": r"kiểm soát nội bộ",
    "cong_bo_chat_luong": r"^Có công bố chất lượng sản phẩm$",
    "chung_nhan_attp": r"đủ điều kiện an toàn thực phẩm",
    "nhan_bao_bi": r"ghi nhãn|bao bì|thuyết minh",
}


def _floor_sets(pattern: str) -> set[int]:
    found = set()
    for number in range(1, 27):
        for criterion in load_rubric(number).criteria():
            if any(
                option.sao_toi_thieu == 3 and re.search(pattern, option.ten)
                for option in criterion.lua_chon
            ):
                found.add(number)
    return found


@pytest.mark.parametrize("code", sorted(FLOOR_OPTIONS))
def test_three_star_floors_are_the_rubric_markers(code: str) -> None:
    """Every `***` option needing a paper is at least a 3-star floor, and no floor lacks one."""
    rules = [r for r in regime("26/2026").documents if r.loai == code and "lan_dau" in r.cases]
    floors = set().union(*(r.sets for r in rules if r.level == "sao_3"))
    stronger = set().union(*(r.sets for r in rules if r.level == "bat_buoc"))
    marked = _floor_sets(FLOOR_OPTIONS[code])
    assert floors <= marked, sorted(floors - marked)
    assert marked <= floors | stronger, sorted(marked - floors - stronger)


def test_market_evidence_is_recommended_where_no_marker() -> None:
    for number in (24, 25, 26):
        assert "thi_truong" in required_documents(number, "lan_dau")["nen_co"]
    assert "thi_truong" in required_documents(23, "lan_dau")["sao_3"]


def test_quality_declaration_is_an_error_only_where_the_text_rejects() -> None:
    for number in range(1, 27):
        docs = required_documents(number, "lan_dau")
        assert ("cong_bo_chat_luong" in docs["bat_buoc"]) == (18 <= number <= 20)
        assert "phieu_kiem_nghiem" not in docs["bat_buoc"]


def test_one_proof_of_the_current_recognition() -> None:
    for case in ("nang_hang", "danh_gia_lai"):
        docs = required_documents(4, case)
        assert "quyet_dinh_cong_nhan" in docs["bat_buoc"]
        assert "giay_chung_nhan_ocop" not in docs["bat_buoc"]


def test_json_report_with_a_paper_not_applicable_follows_its_schema(tmp_path: Path) -> None:
    example = ROOT / "tests" / "acceptance" / "examples" / "valid-licence-not-required"
    shutil.copytree(example, tmp_path / "ho-so")
    schema = json.loads((ROOT / "schemas" / "report.schema.json").read_text(encoding="utf-8"))
    run = validate([tmp_path / "ho-so"], ValidateOptions(attachments=False))
    item = next(i for i in run.reports[0].checklist if i.loai == "giay_phep_san_xuat")
    assert (item.status, item.level) == ("not_applicable", "theo_quy_dinh") and item.reason
    data = json.loads(render_json(run, "vi"))
    errors = list(Draft202012Validator(schema).iter_errors(data))
    assert not errors, errors[0].message

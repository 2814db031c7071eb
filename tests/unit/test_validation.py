from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

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

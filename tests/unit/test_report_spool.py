"""The streamed report spills to a temporary file past its limit, with the same bytes."""

from __future__ import annotations

from pathlib import Path

import pytest

from ocop_docs.validation import reporters
from ocop_docs.validation.pipeline import ValidateOptions, iter_validate, validate

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_a_report_past_the_spool_limit_is_the_same_report(
    fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    samples = sorted(p for p in (ROOT / "samples" / "ho-so").iterdir() if p.is_dir())
    paths = (samples * 3)[:21]  # past 20 dossiers the JSON streams too
    options = ValidateOptions(attachments=False)
    whole: list[str] = []
    code = reporters.write_report(iter_validate(paths, options), fmt, "en", whole.append)
    monkeypatch.setattr(reporters, "_SPOOL_LIMIT", 100)  # every dossier past it
    spilled: list[str] = []
    assert reporters.write_report(iter_validate(paths, options), fmt, "en", spilled.append) == code
    assert "".join(spilled) == "".join(whole)
    assert code == validate(paths, options).exit_code

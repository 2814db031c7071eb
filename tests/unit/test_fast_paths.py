"""The fast paths keep doing less work (issue 15), asserted as behaviour, never as time."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "ho-so" / "mien-dong-tai-hoan"


def test_a_valid_dossier_never_imports_jsonschema() -> None:
    # jsonschema only explains invalid data; valid data is judged by jsonschema-rs alone, so
    # the CLI's start-up does not pay jsonschema's import.
    code = (
        "import sys\n"
        "from ocop_docs.validation.pipeline import ValidateOptions, validate\n"
        f"run = validate([{str(SAMPLE)!r}], ValidateOptions(attachments=False))\n"
        "assert run.exit_code == 0, run.reports[0].issues\n"
        "assert 'jsonschema' not in sys.modules, 'jsonschema imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_valid_self_assessment_computes_no_positions() -> None:
    from ocop_docs.rules.regimes import DEFAULT_REGIME
    from ocop_docs.validation.checks.self_assessment import check_self_assessment
    from ocop_docs.validation.loading import load_dossier

    doc = load_dossier(SAMPLE)
    issues, summary = check_self_assessment(doc, doc.data["bo_san_pham"], DEFAULT_REGIME)
    assert summary is not None and not [i for i in issues if i.severity == "error"]
    assert doc._positions is None  # positions stay lazy: nobody needed a line number


def test_a_self_assessment_problem_still_has_its_line() -> None:
    from ocop_docs.rules.regimes import DEFAULT_REGIME
    from ocop_docs.validation.checks.self_assessment import check_self_assessment
    from ocop_docs.validation.loading import load_dossier

    doc = load_dossier(SAMPLE)
    chon = doc.data["tu_danh_gia"]["chon"]
    first = next(iter(chon))
    chon[first] = 99  # an option that does not exist
    issues, _ = check_self_assessment(doc, doc.data["bo_san_pham"], DEFAULT_REGIME)
    wrong = [i for i in issues if i.pointer.startswith("/tu_danh_gia/chon/")]
    assert wrong and all(i.line for i in wrong)


def test_the_streamed_report_is_the_whole_report() -> None:
    from ocop_docs.reporting import terminal_safe
    from ocop_docs.validation.pipeline import ValidateOptions, iter_validate, validate
    from ocop_docs.validation.reporters import render_json, render_text, write_report

    samples = sorted(p for p in (ROOT / "samples" / "ho-so").iterdir() if p.is_dir())
    options = ValidateOptions(attachments=False)
    for paths in (samples[:3], (samples * 3)[:21]):  # indented JSON up to 20, compact beyond
        run = validate(paths, options)
        for lang in ("vi", "en"):
            for fmt, whole in (
                ("json", render_json(run, lang)),
                ("text", terminal_safe(render_text(run, lang))),
            ):
                out: list[str] = []
                code = write_report(iter_validate(paths, options), fmt, lang, out.append)
                assert "".join(out) == whole
                assert code == run.exit_code


def test_round_documents_are_dispatched_alone_and_first() -> None:
    from types import SimpleNamespace

    from ocop_docs.production.batch import _tasks
    from ocop_docs.production.planning import PlanItem

    items = [
        PlanItem("quyet-dinh/qd", "quyet-dinh", "QĐ"),
        PlanItem("bien-ban/bb", "bien-ban", "BB"),
    ]
    items += [
        PlanItem(f"giay-chung-nhan/{n}", "giay-chung-nhan", "GCN", product=n) for n in range(1, 100)
    ]
    groups = _tasks(SimpleNamespace(items=items), 2)  # type: ignore[arg-type]
    assert groups[:2] == [(0,), (1,)]  # the two long documents go to two processes
    assert sorted(i for g in groups for i in g) == list(range(len(items)))  # each item once


def test_manifest_checkpoints_are_compact_and_the_same_data(tmp_path: Path) -> None:
    import json

    from ocop_docs.production.manifest import ItemRecord, Manifest, OutputRecord, write_manifest

    manifest = Manifest(input={"path": "dợt.csv"}, options={"pdf": False})
    manifest.items = [
        ItemRecord(f"giay-chung-nhan/{n}", "giay-chung-nhan", "Giấy chứng nhận", "ok", product=n)
        for n in range(1, 4)
    ]
    manifest.items[0].outputs.append(OutputRecord("giay-chung-nhan/1.docx", "ab" * 32, 10))
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    compact = write_manifest(manifest, tmp_path / "a", compact=True).read_text("utf-8")
    indented = write_manifest(manifest, tmp_path / "b").read_text("utf-8")
    assert compact.count("\n") == 1 and indented.count("\n") > 10  # finished: for people
    assert json.loads(compact) == json.loads(indented)
    assert "dợt.csv" in compact  # UTF-8 as written, not \\u escapes

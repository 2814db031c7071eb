"""House rules that keep the core usable as a library (architecture §4)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from ocop_docs.reporting import REPORTERS, Output, formats, report, reporter

PACKAGE = Path(__file__).resolve().parents[2] / "ocop_docs"


def test_core_does_not_import_click() -> None:
    modules = [
        "ocop_docs",
        "ocop_docs.validation.pipeline",
        "ocop_docs.validation.reporters",
        "ocop_docs.rules.listing",
        "ocop_docs.rules.reporters",
        "ocop_docs.scoring.reporters",
        "ocop_docs.production.reporters",
        "ocop_docs.reporting",
        "ocop_docs.validation.scaffolding",
    ]
    code = f"import sys, {', '.join(modules)}; assert 'click' not in sys.modules, 'click imported'"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_only_the_cli_imports_click() -> None:
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE)
        if relative.parts[0] == "cli":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            assert not any(n.split(".")[0] == "click" for n in names), relative


def test_every_message_exists_in_both_languages() -> None:
    from ocop_docs.catalogue import ISSUES, UI

    for code, spec in ISSUES.items():
        assert code == code.lower() and " " not in code
        for text in (spec.vi, spec.en, spec.hint_vi, spec.hint_en):
            assert text.strip(), code
        assert spec.severity in ("error", "warning")
    for key, texts in UI.items():
        assert texts["vi"] and texts["en"], key


def test_every_reporter_of_the_registry_exists() -> None:
    verbs = {"validate", "sectors", "rubric list", "rubric show", "rubric score", "render"}
    assert verbs | {"batch", "templates check"} <= set(REPORTERS)
    for verb, table in REPORTERS.items():
        assert formats(verb)[0] == "text" and "json" in formats(verb), verb
        for fmt in table:
            assert callable(reporter(verb, fmt)), (verb, fmt)


def test_a_reporter_returns_stdout_and_stderr_text() -> None:
    from ocop_docs.rules.listing import list_sectors

    out = report("sectors", "text", list_sectors(), "en")
    assert isinstance(out, Output) and out.out.startswith("Decision 26/2026") and out.err == ""


def test_cli_modules_hold_no_reporting_code() -> None:
    """cli/ parses options, calls the library and picks the reporter: no JSON is built there
    except the one error printer's."""
    for path in (PACKAGE / "cli").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        if path.name != "common.py":
            assert "json.dumps" not in text, path.name
        assert "except OcopError" not in text or path.name == "common.py", path.name

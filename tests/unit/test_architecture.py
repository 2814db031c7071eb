"""House rules that keep the core usable as a library (architecture §4)."""

from __future__ import annotations

import subprocess
import sys


def test_core_does_not_import_click() -> None:
    code = (
        "import sys, ocop_docs, ocop_docs.validation.pipeline, ocop_docs.validation.reporters, ocop_docs.rules.listing, "
        "ocop_docs.validation.scaffolding; assert 'click' not in sys.modules, 'click imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_every_message_exists_in_both_languages() -> None:
    from ocop_docs.catalogue import ISSUES, UI

    for code, spec in ISSUES.items():
        assert code == code.lower() and " " not in code
        for text in (spec.vi, spec.en, spec.hint_vi, spec.hint_en):
            assert text.strip(), code
        assert spec.severity in ("error", "warning")
    for key, texts in UI.items():
        assert texts["vi"] and texts["en"], key

"""No message ends a sentence twice (issue 9): a reason inserted before the template's own
full stop ("…: {reason}.") is often a whole message that already ends with one."""

from __future__ import annotations

import string

import pytest

from ocop_docs.catalogue import ISSUES, LANGS, UI, Lang, render_hint, render_message, ui

_PARSER = string.Formatter()


def _names(template: str) -> set[str]:
    return {
        name.split(".")[0].split("[")[0] for _l, name, _s, _c in _PARSER.parse(template) if name
    }


def _sentences(names: set[str]) -> dict[str, str]:
    # Every parameter is a sentence of its own, in both languages (``x_en`` as well).
    params = {name: f"Câu của {name}." for name in names}
    params.update({f"{name}_en": f"Sentence of {name}." for name in names})
    return params


def _double_stops(text: str) -> bool:
    return ".." in text.replace("...", "")


@pytest.mark.parametrize("lang", LANGS)
def test_no_issue_message_or_hint_ends_with_two_stops(lang: Lang) -> None:
    bad = []
    for code in ISSUES:
        spec = ISSUES[code]
        for render, template in (
            (render_message, spec.message_template(lang)),
            (render_hint, spec.hint_template(lang)),
        ):
            if _double_stops(template):
                continue  # written so on purpose (none today)
            text = render(code, _sentences(_names(template)), lang)
            if _double_stops(text):
                bad.append((code, text))
    assert not bad
    # The catalogue really has such places: the rule is exercised, not vacuous.
    assert any(
        "{reason}." in ISSUES[c].message_template(lang).replace("{reason_en}", "{reason}")
        for c in ISSUES
    )


@pytest.mark.parametrize("lang", LANGS)
def test_no_ui_string_ends_with_two_stops(lang: Lang) -> None:
    bad = []
    for key in UI:
        template = UI[key][lang]
        names = _names(template)
        if names and not _double_stops(template):
            text = ui(key, lang, **_sentences(names))
            if _double_stops(text):
                bad.append((key, text))
    assert not bad


def test_the_stop_kept_where_the_value_has_none() -> None:
    params = {"path": "p.yaml", "member": "tv1", "reason": "không có tệp"}
    text = render_message("round-scorecard-unreadable", params)
    assert text.endswith("không có tệp.")
    params["reason"] = "Không có tệp."
    assert render_message("round-scorecard-unreadable", params).endswith("Không có tệp.")

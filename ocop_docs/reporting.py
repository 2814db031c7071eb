"""The reporters of every verb in one registry: a result → text for people or JSON.

Each verb's reporters live beside its library function (``validation/reporters.py`` for
``validate``, ``rules/reporters.py`` for ``sectors``, ``scoring/reporters.py`` for
``rubric``, ``production/reporters.py`` for ``render``, ``batch`` and ``templates check``);
this registry names them, so the CLI's ``--format`` choice and the web service's JSON come
from one place (check-jsonschema's reporter registry, architecture §5). Modules are named
as strings and imported when a report is asked for, so ``validate`` does not load the
rendering stack to print its report.

A reporter takes the verb's result and a language and returns an :class:`Output`: what goes
to standard output and what goes to standard error (warnings that must not mix with a
report piped to another program). A reporter returning a plain string writes only stdout.

Text reports show data as given, but never let it drive the terminal (issue 9): control
characters (ESC sequences that recolour, retitle or rewrite the screen; carriage returns
that hide a line) and lone surrogates are shown escaped, ``\x1b``, by :func:`terminal_safe`.
JSON escapes them itself.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ocop_docs.catalogue import Lang, ui
from ocop_docs.errors import Issue


@dataclass(frozen=True, slots=True)
class Output:
    """A rendered report: ``out`` for standard output, ``err`` for standard error."""

    out: str
    err: str = ""


Reporter = Callable[[Any, Lang], "Output | str"]

# C0 controls but tab and line feed; DEL and C1 (ECMA-48); lone surrogates.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_safe(text: str) -> str:
    """``text`` with every character that could act on a terminal shown as an escape."""
    return text if text.isprintable() else _UNSAFE.sub(_escaped, text)


# verb → format → "module:function". The first format is the default.
REPORTERS: dict[str, dict[str, str]] = {
    "validate": {
        "text": "ocop_docs.validation.reporters:render_text",
        "json": "ocop_docs.validation.reporters:render_json",
    },
    "sectors": {
        "text": "ocop_docs.rules.reporters:sectors_text",
        "json": "ocop_docs.rules.reporters:sectors_json",
    },
    "rubric list": {
        "text": "ocop_docs.scoring.reporters:rubric_list_text",
        "json": "ocop_docs.scoring.reporters:rubric_list_json",
    },
    "rubric show": {
        "text": "ocop_docs.scoring.reporters:rubric_show_text",
        "json": "ocop_docs.scoring.reporters:rubric_show_json",
    },
    "rubric score": {
        "text": "ocop_docs.scoring.reporters:rubric_score_text",
        "json": "ocop_docs.scoring.reporters:rubric_score_json",
    },
    "render": {
        "text": "ocop_docs.production.reporters:render_text",
        "json": "ocop_docs.production.reporters:render_json",
    },
    "batch": {
        "text": "ocop_docs.production.reporters:batch_text",
        "json": "ocop_docs.production.reporters:batch_json",
    },
    "templates check": {
        "text": "ocop_docs.production.reporters:templates_text",
        "json": "ocop_docs.production.reporters:templates_json",
    },
    # issue 14: the province's registry (ocop-docs so-theo-doi …)
    "so-theo-doi nhap": {
        "text": "ocop_docs.registry.reporters:added_text",
        "json": "ocop_docs.registry.reporters:added_json",
    },
    "so-theo-doi danh-sach": {
        "text": "ocop_docs.registry.reporters:listing_text",
        "json": "ocop_docs.registry.reporters:listing_json",
    },
    "so-theo-doi nhac-han": {
        "text": "ocop_docs.registry.reporters:reminders_text",
        "json": "ocop_docs.registry.reporters:reminders_json",
    },
    "so-theo-doi thong-ke": {
        "text": "ocop_docs.registry.reporters:statistics_text",
        "json": "ocop_docs.registry.reporters:statistics_json",
    },
    "so-theo-doi xuat": {
        "text": "ocop_docs.registry.reporters:export_text",
        "json": "ocop_docs.registry.reporters:export_json",
    },
    "so-theo-doi thu-hoi": {
        "text": "ocop_docs.registry.reporters:revoked_text",
        "json": "ocop_docs.registry.reporters:revoked_json",
    },
}


def formats(verb: str) -> tuple[str, ...]:
    """The ``--format`` values of a verb, default first (no module is imported)."""
    return tuple(REPORTERS[verb])


def reporter(verb: str, fmt: str) -> Reporter:
    module_name, _, attr = REPORTERS[verb][fmt].partition(":")
    function: Reporter = getattr(importlib.import_module(module_name), attr)
    return function


def report(verb: str, fmt: str, result: Any, lang: Lang = "vi") -> Output:
    """The verb's result rendered in a format and a language."""
    rendered = reporter(verb, fmt)(result, lang)
    output = rendered if isinstance(rendered, Output) else Output(rendered)
    if fmt == "json":
        return output
    return Output(terminal_safe(output.out), terminal_safe(output.err))


def issue_line(issue: Issue, lang: Lang) -> str:
    """One finding as a line of text: ``Lỗi (dòng 4): …`` / ``Warning: …``."""
    label = ui("render.error" if issue.severity == "error" else "render.warning", lang)
    where = f" ({ui('render.line', lang, line=issue.line)})" if issue.line else ""
    return f"{label}{where}: {issue.message(lang)}"

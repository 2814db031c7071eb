"""The one error model: :class:`Issue` for findings, :class:`OcopError` for failures.

Every pipeline (dossiers, scorecards, round files, spreadsheets, batch items, templates)
reports what is wrong as :class:`Issue` values: a catalogue code, the place (JSON Pointer,
line, column) and parameters. An Issue is language-free; text is made only when a reporter
asks for a language, from the one catalogue (architecture §5.3).

A bad input is data (issues in a result). An exception means the call could not do what was
asked; it carries a catalogue code, its parameters, the issues behind it, and the process
exit code as a class attribute, as Click's exceptions do (architecture §3 "Exit codes").

This module sits at the top of the package, beside :mod:`ocop_docs.resources`, because every
pipeline and the CLI and service share it; it imports only the catalogue and the points
format (:mod:`ocop_docs.scoring.points`, which imports nothing of the package).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, ClassVar, Literal

from ocop_docs.catalogue import ISSUES, Lang, render_hint, render_message
from ocop_docs.scoring.points import format_points

Severity = Literal["error", "warning"]


def show_param(value: Any, lang: Lang = "vi") -> Any:
    """How a parameter value appears in a message of the given language.

    Parameters keep their Python values (an exact mean as a Fraction, a list of criteria);
    text is made here, once for every issue and exception:

    * a :class:`~fractions.Fraction` (points) with two decimals, "91,14" in Vietnamese and
      "91.14" in English (brief §3.9);
    * a list or tuple as its items joined by ", " ("6.1.1, 6.1.2");
    * ``True``/``False``/``None`` and mappings as they are written in the data ("true",
      "null", ``{"a": 1}``): they are values read from a user's file;
    * anything else (text, whole numbers) unchanged, so a template may still format it.
    """
    if isinstance(value, Fraction):
        text = format_points(value)
        return text if lang == "vi" else text.replace(",", ".")
    if isinstance(value, list | tuple):
        return ", ".join(str(show_param(item, lang)) for item in value)
    if isinstance(value, bool) or value is None or isinstance(value, Mapping):
        return json.dumps(_jsonable(value), ensure_ascii=False)
    return value


def shown_params(params: Mapping[str, Any], lang: Lang = "vi") -> dict[str, Any]:
    """All parameters as :func:`show_param` shows them (for the catalogue's templates)."""
    return {key: show_param(value, lang) for key, value in params.items()}


def _jsonable(value: Any) -> Any:
    # Exact points become numbers: whole ones int, others float (JSON has no fractions).
    if isinstance(value, Fraction):
        return int(value) if value.denominator == 1 else float(value)
    if isinstance(value, int | float | str | bool) or value is None:
        return value
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return str(value)


@dataclass(slots=True)
class Issue:
    """One finding about one place in an input (dossier, scorecard, round file, sheet row)."""

    code: str
    pointer: str = ""
    line: int | None = None
    column: int | None = None
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def severity(self) -> Severity:
        return ISSUES[self.code].severity

    @property
    def tags(self) -> tuple[str, ...]:
        return ISSUES[self.code].tags

    def message(self, lang: Lang = "vi") -> str:
        return render_message(self.code, shown_params(self.params, lang), lang)

    def hint(self, lang: Lang = "vi") -> str:
        return render_hint(self.code, shown_params(self.params, lang), lang)

    def json_params(self) -> dict[str, Any]:
        """The parameters as JSON values (exact points as numbers, tuples as lists)."""
        return {str(key): _jsonable(value) for key, value in self.params.items()}

    def to_json(self, lang: Lang = "vi", *, params: bool = False) -> dict[str, Any]:
        """The issue as JSON; ``params=True`` adds its parameters (scorecard results do).

        Dossier reports leave the parameters out: ``schemas/report.schema.json`` describes
        exactly the keys below.
        """
        out: dict[str, Any] = {
            "code": self.code,
            "severity": self.severity,
            "pointer": self.pointer,
            "line": self.line,
            "column": self.column,
            "message": self.message(lang),
            "hint": self.hint(lang),
            "tags": list(self.tags),
        }
        if params:
            out["params"] = self.json_params()
        return out


class IssueCounts:
    """Error and warning counts for any result that holds ``issues`` (reports, rounds, lints)."""

    __slots__ = ()
    issues: list[Issue]

    @property
    def errors(self) -> int:
        return sum(1 for i in self.issues if i.severity == "error")

    @property
    def warnings(self) -> int:
        return sum(1 for i in self.issues if i.severity == "warning")


class OcopError(Exception):
    """The call could not do what was asked. Base class; exit code 3 (tool failure).

    ``OcopError("render-missing-variable", issues=[...], name="chu_the.ten")``: the code is
    a catalogue code, the keyword arguments its message parameters. ``str(exc)`` is the
    Vietnamese message; :meth:`message` and :meth:`hint` give either language.
    """

    exit_code: ClassVar[int] = 3

    def __init__(self, code: str, issues: Iterable[Issue] | None = None, **params: Any) -> None:
        self.code = code
        self.params: dict[str, Any] = params
        self.issues: list[Issue] = list(issues or [])
        super().__init__(render_message(code, shown_params(params, "vi"), "vi"))

    def message(self, lang: Lang = "vi") -> str:
        return render_message(self.code, shown_params(self.params, lang), lang)

    def hint(self, lang: Lang = "vi") -> str:
        return render_hint(self.code, shown_params(self.params, lang), lang)

    def as_issue(self) -> Issue:
        """The failure as one finding (for a batch item or a report)."""
        return Issue(self.code, params=dict(self.params))


class InputError(OcopError):
    """The input as a whole cannot be used (unreadable round file, bad row): exit 1."""

    exit_code = 1


class UsageError(OcopError):
    """Options that do not go together or a value out of range: exit 2, like Click's."""

    exit_code = 2


class DataError(OcopError):
    """Shipped or user-supplied data (schemas, rules, rubrics, templates) is broken: exit 3."""

    exit_code = 3


class ConverterMissing(DataError):
    """LibreOffice (soffice) was not found: exit 3."""

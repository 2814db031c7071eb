"""The one error model: :class:`Issue` for findings, :class:`OcopError` for failures.

Every pipeline (dossiers, scorecards, round files, spreadsheets, batch items, templates)
reports what is wrong as :class:`Issue` values: a catalogue code, the place (JSON Pointer,
line, column) and parameters. An Issue is language-free; text is made only when a reporter
asks for a language, from the one catalogue (architecture §5.3).

A bad input is data (issues in a result). An exception means the call could not do what was
asked; it carries a catalogue code, its parameters, the issues behind it, and the process
exit code as a class attribute, as Click's exceptions do (architecture §3 "Exit codes").

This module sits at the top of the package, beside :mod:`ocop_docs.resources`, because every
pipeline and the CLI and service share it; it imports only the catalogue.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal

from ocop_docs.catalogue import ISSUES, Lang, render_hint, render_message

Severity = Literal["error", "warning"]


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
        return render_message(self.code, self.params, lang)

    def hint(self, lang: Lang = "vi") -> str:
        return render_hint(self.code, self.params, lang)

    def to_json(self, lang: Lang = "vi") -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity,
            "pointer": self.pointer,
            "line": self.line,
            "column": self.column,
            "message": self.message(lang),
            "hint": self.hint(lang),
            "tags": list(self.tags),
        }


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
        super().__init__(render_message(code, params, "vi"))

    def message(self, lang: Lang = "vi") -> str:
        return render_message(self.code, self.params, lang)

    def hint(self, lang: Lang = "vi") -> str:
        return render_hint(self.code, self.params, lang)

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

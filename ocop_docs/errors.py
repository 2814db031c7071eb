"""Exceptions that mean the tool could not run (architecture §4.3).

A bad dossier is data (issues in a report), never an exception. These classes carry the
process exit code so the CLI maps them without a lookup table, as Click does.
"""

from __future__ import annotations


class OcopError(Exception):
    """Base class: the tool could not do what was asked."""

    exit_code = 3

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class InputError(OcopError):
    """The input as a whole cannot be used (unreadable round file, bad option value)."""

    exit_code = 1


class DataError(OcopError):
    """Shipped or user-supplied data (schemas, rules, templates) is broken."""

    exit_code = 3


class ConverterMissing(OcopError):
    """LibreOffice (soffice) was not found."""

    exit_code = 3

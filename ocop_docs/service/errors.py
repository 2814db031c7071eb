"""Refusals of the service: a catalogue code, an HTTP status and the message's parameters.

Every answer the service refuses carries ``{"code", "message", "hint"}`` from the catalogue
in the request's language (architecture §4.3), never the web framework's English.
"""

from __future__ import annotations

from typing import Any

from ocop_docs.catalogue import Lang, render_hint, render_message
from ocop_docs.errors import OcopError


class ServiceError(Exception):
    """A request the service answers with ``status`` and the catalogue's ``code``."""

    def __init__(self, status: int, code: str, **params: Any) -> None:
        super().__init__(code)
        self.status = status
        self.code = code
        self.params = params
        self.issues: list[dict[str, Any]] = []
        # A library error passed on whole (its code, message, hint and issues), by language.
        self.body: dict[str, dict[str, Any]] | None = None

    def to_json(self, lang: Lang = "vi") -> dict[str, Any]:
        if self.body is not None:
            return dict(self.body[lang])
        out: dict[str, Any] = {
            "code": self.code,
            "message": render_message(self.code, self.params, lang),
            "hint": render_hint(self.code, self.params, lang),
        }
        if self.issues:
            out["issues"] = self.issues
        return out


def error_json(code: str, lang: Lang = "vi", **params: Any) -> dict[str, Any]:
    return {
        "code": code,
        "message": render_message(code, params, lang),
        "hint": render_hint(code, params, lang),
    }


def library_error_json(exc: OcopError, lang: Lang) -> dict[str, Any]:
    """A library exception (one catalogue code, :mod:`ocop_docs.errors`) as the API's error
    JSON: the same code, message, hint and issues as ``render --format json`` prints."""
    out: dict[str, Any] = {"code": exc.code, "message": exc.message(lang), "hint": exc.hint(lang)}
    if exc.issues:
        out["issues"] = [i.to_json(lang) for i in exc.issues]
    return out

"""Rendering the HTML pages: Jinja2 templates, the language of a request, CSRF tokens.

Pages are Vietnamese unless the visitor switches (``?lang=en``, remembered in a cookie);
every text comes from the catalogue (:data:`ocop_docs.catalogue.UI`, ``page.*`` keys).
HTML forms carry a double-submit CSRF token: a random value in an ``HttpOnly;
SameSite=Strict`` cookie and the same value in a hidden field, compared in constant time.
"""

from __future__ import annotations

import hmac
import secrets
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from ocop_docs import __version__
from ocop_docs.catalogue import UI, Lang, ui
from ocop_docs.service.errors import ServiceError

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"
TEMPLATES = HERE / "templates"
LANG_COOKIE = "ocop_lang"
CSRF_COOKIE = "ocop_csrf"
CSRF_FIELD = "csrf"

_env = Environment(
    loader=FileSystemLoader(str(TEMPLATES)),
    autoescape=select_autoescape(("html",)),
    trim_blocks=True,
    lstrip_blocks=True,
)


def request_lang(request: Request) -> Lang:
    asked = request.query_params.get("lang") or request.cookies.get(LANG_COOKIE)
    return "en" if asked == "en" else "vi"


def translator(lang: Lang) -> Any:
    def t(key: str, **params: Any) -> str:
        full = f"page.{key}"
        if full in UI:
            return ui(full, lang, **params)
        return ui(key, lang, **params)

    return t


def csrf_token(request: Request) -> str:
    token = request.cookies.get(CSRF_COOKIE, "")
    if len(token) < 32:
        token = getattr(request.state, "csrf_new", None) or secrets.token_urlsafe(32)
        request.state.csrf_new = token
    return token


def check_csrf(request: Request, sent: str) -> None:
    cookie = request.cookies.get(CSRF_COOKIE, "")
    if len(cookie) < 32 or not hmac.compare_digest(cookie.encode(), sent.encode()):
        raise ServiceError(403, "service-csrf")


def render_page(
    request: Request, template: str, context: dict[str, Any], *, status: int = 200
) -> HTMLResponse:
    lang = request_lang(request)
    token = csrf_token(request)
    page = _env.get_template(template).render(
        {
            "lang": lang,
            "t": translator(lang),
            "csrf": token,
            "csrf_field": CSRF_FIELD,
            "version": __version__,
            "path": request.url.path,
            "other_lang": "en" if lang == "vi" else "vi",
            **context,
        }
    )
    response = HTMLResponse(page, status_code=status)
    if getattr(request.state, "csrf_new", None):
        response.set_cookie(CSRF_COOKIE, token, httponly=True, samesite="strict", path="/")
    if request.query_params.get("lang") in ("vi", "en"):
        response.set_cookie(LANG_COOKIE, lang, samesite="lax", path="/", max_age=365 * 86400)
    response.headers["Content-Security-Policy"] = (
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        "frame-ancestors 'none'; form-action 'self'"
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response

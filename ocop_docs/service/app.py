"""The app factory of ``ocop-docs serve``: routes, limits, error answers, OpenAPI.

* **Body limit before parsing**: :class:`BodyLimit` answers 413 from ``Content-Length``
  before the route reads a byte, and stops a longer stream as it comes.
* **No traceback in any response**: an unexpected exception is logged with an incident
  id and answered 500 with ``service-internal-error`` and that id; the framework's own
  refusals (404, 405, 422 on a bad parameter) are answered from the catalogue too.
* **Retention**: a background sweep deletes checks older than ``OCOP_RETENTION_DAYS``.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import json
import logging
import secrets
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ocop_docs import __version__
from ocop_docs.catalogue import Lang
from ocop_docs.resources import schemas_dir
from ocop_docs.service import (
    api,
    commune_api,
    commune_pages,
    officials_api,
    officials_pages,
    pages,
    registry,
)
from ocop_docs.service.errors import ServiceError, error_json
from ocop_docs.service.intake import too_large
from ocop_docs.service.runtime import Runtime
from ocop_docs.service.settings import Settings
from ocop_docs.service.views import STATIC, render_page, request_lang

log = logging.getLogger("ocop_docs.service")


class BodyLimit:
    """ASGI middleware: no request body over ``limit`` bytes is ever read."""

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.settings.max_upload
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = -1
                if declared > limit or declared < 0:
                    await _refuse(scope, receive, send, too_large(self.settings), declared < 0)
                    return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise too_large(self.settings)
            return message

        await self.app(scope, limited, send)


async def _refuse(scope: Scope, receive: Receive, send: Send, exc: ServiceError, bad: bool) -> None:
    lang: Lang = "en" if b"lang=en" in scope.get("query_string", b"") else "vi"
    if bad:
        exc = ServiceError(
            400, "upload-malformed", reason="Content-Length sai", reason_en="bad Content-Length"
        )
    body = json.dumps(exc.to_json(lang), ensure_ascii=False).encode("utf-8")
    response = Response(body, status_code=exc.status, media_type="application/json")
    response.headers["Connection"] = "close"
    await response(scope, receive, send)


def _is_api(request: Request) -> bool:
    path = request.url.path
    return path.startswith("/api/") or path in ("/openapi.json", "/healthz", "/readyz")


def _answer(request: Request, status: int, code: str, **params: Any) -> Response:
    lang = request_lang(request)
    if _is_api(request) or "text/html" not in request.headers.get("accept", ""):
        return JSONResponse(error_json(code, lang, **params), status_code=status)
    return render_page(
        request, "error.html", {"error": error_json(code, lang, **params)}, status=status
    )


def _install_errors(app: FastAPI) -> None:
    @app.exception_handler(ServiceError)
    async def service_error(request: Request, exc: ServiceError) -> Response:
        lang = request_lang(request)
        if _is_api(request) or "text/html" not in request.headers.get("accept", ""):
            headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
            return JSONResponse(exc.to_json(lang), status_code=exc.status, headers=headers)
        if exc.status == 401:  # a page: to the sign-in form, and back afterwards
            return RedirectResponse(f"/dang-nhap?next={quote(request.url.path)}", status_code=303)
        return render_page(request, "error.html", {"error": exc.to_json(lang)}, status=exc.status)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> Response:
        first = exc.errors()[0] if exc.errors() else {}
        loc = [str(p) for p in first.get("loc", ()) if p not in ("query", "path", "body")]
        name = ".".join(loc) or "?"
        return _answer(
            request,
            422,
            "service-request-invalid",
            name=name,
            reason="không hợp lệ",
            reason_en="is not valid",
        )

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 405:
            return _answer(request, 405, "service-method-not-allowed", method=request.method)
        if exc.status_code == 404:
            return _answer(request, 404, "service-not-found", days=_days(request))
        return _answer(
            request,
            exc.status_code,
            "service-request-invalid",
            name=request.url.path,
            reason=f"(HTTP {exc.status_code})",
            reason_en=f"(HTTP {exc.status_code})",
        )

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        incident = secrets.token_hex(6)
        log.error("incident %s on %s %s", incident, request.method, request.url.path, exc_info=exc)
        return _answer(request, 500, "service-internal-error", incident=incident)


def _days(request: Request) -> int:
    rt: Runtime = request.app.state.runtime
    return rt.settings.retention_days


def _openapi(app: FastAPI) -> dict[str, Any]:
    """FastAPI's document, with the report schema (schemas/report.schema.json) and the
    error shape as components, so that clients and schemathesis can check answers."""
    if app.openapi_schema:
        return app.openapi_schema
    doc = get_openapi(
        title="ocop-docs",
        version=__version__,
        description="Kiểm tra hồ sơ OCOP và lập văn bản — dossier checks and documents "
        "for Vietnam's OCOP programme (QĐ 26/2026/QĐ-TTg).",
        routes=app.routes,
    )
    report = json.loads((schemas_dir() / "report.schema.json").read_text(encoding="utf-8"))
    defs = report.pop("$defs", {})
    report.pop("$schema", None)
    text = json.dumps([report, defs]).replace('"#/$defs/', '"#/components/schemas/Report_')
    report, defs = json.loads(text)
    components = doc.setdefault("components", {}).setdefault("schemas", {})
    components["Report"] = report
    components.update({f"Report_{k}": v for k, v in defs.items()})
    components["Error"] = {
        "type": "object",
        "required": ["code", "message", "hint"],
        "properties": {
            "code": {"type": "string"},
            "message": {"type": "string"},
            "hint": {"type": ["string", "null"]},
            "incident": {"type": "string"},
            "issues": {"type": "array"},
        },
    }
    app.openapi_schema = copy.deepcopy(doc)
    return app.openapi_schema


def create_app(settings: Settings | None = None) -> FastAPI:
    """The ASGI app; ``settings`` default to the environment (:meth:`Settings.from_env`)."""
    settings = settings or Settings.from_env()

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        sweeper = asyncio.create_task(_sweep(app.state.runtime))
        try:
            yield
        finally:
            sweeper.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await sweeper
            app.state.runtime.close()

    app = FastAPI(
        title="ocop-docs",
        version=__version__,
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.runtime = Runtime(settings)
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    app.add_middleware(BodyLimit, settings=settings)
    _install_errors(app)
    app.include_router(api.router)
    app.include_router(officials_api.router)
    app.include_router(commune_api.router)
    app.include_router(registry.api)  # issue 14
    app.include_router(api.health)
    app.include_router(pages.router)
    app.include_router(officials_pages.router)
    app.include_router(commune_pages.router)
    app.include_router(registry.pages)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


async def _sweep(rt: Runtime) -> None:
    """Delete expired checks now and then every ``purge_interval`` seconds."""
    while True:
        try:
            removed = await rt.workers.run_unbounded(rt.records.purge)
            if removed:
                log.info("retention: deleted %d expired checks", removed)
            await rt.workers.run_unbounded(rt.accounts.purge_sessions)
        except Exception:  # a failed sweep is retried at the next interval
            log.exception("retention sweep failed")
        await asyncio.sleep(rt.settings.purge_interval)


__all__ = ["BodyLimit", "create_app"]

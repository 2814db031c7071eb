"""The commune's pages (issue 13): a dossier filed with the commune and its Mẫu 03.

``/can-bo/ho-so/{id}`` shows a filed dossier (uploaded by an official or sent by the
producer from the anonymous check) and, for the commune's officer, the form of Mẫu số 03
(QĐ 26/2026 Điều 7.2.a); the saved report downloads as .docx and PDF, made by the same
template and code as ``ocop-docs render bao-cao-xa``. The province's office reads it; only
the commune (and an administrator) writes it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ocop_docs.service.accounts import Principal
from ocop_docs.service.auth import check_form_csrf, principal, require
from ocop_docs.service.casefiles import CaseFileView
from ocop_docs.service.commune import (
    POINTS,
    assessment_from_form,
    checked_assessment,
)
from ocop_docs.service.commune_api import READERS, WRITERS, assessment_document
from ocop_docs.service.errors import ServiceError
from ocop_docs.service.officials import province_name
from ocop_docs.service.officials_api import visible_dossier
from ocop_docs.service.runtime import Runtime
from ocop_docs.service.views import CSRF_FIELD, render_page, request_lang

router = APIRouter(include_in_schema=False)
VN_TIME = dt.timedelta(hours=7)


def _rt(request: Request) -> Runtime:
    rt: Runtime = request.app.state.runtime
    return rt


def _when(moment: dt.datetime | None) -> str:
    return (moment + VN_TIME).strftime("%d/%m/%Y %H:%M") if moment else ""


async def _page(
    request: Request,
    who: Principal,
    view: CaseFileView,
    *,
    shown: dict[str, Any] | None = None,
    saved: bool = False,
    error: dict[str, Any] | None = None,
    status: int = 200,
) -> Response:
    rt = _rt(request)
    stored = shown
    if stored is None:
        stored = await rt.workers.run(rt.casefiles.assessment, view) or {}
    return render_page(
        request,
        "o_dossier.html",
        {
            "who": who,
            "ocsrf": who.csrf,
            "province_name": province_name(who.province),
            "d": view,
            "a": stored,
            "points": POINTS,
            "editable": who.role in WRITERS,
            "saved": saved,
            "error": error,
            "pdf": rt.pdf.available,
            "when": _when,
        },
        status=status,
    )


@router.get("/can-bo/ho-so/{dossier_id}", response_class=HTMLResponse)
async def dossier_page(request: Request, dossier_id: str) -> Response:
    who = principal(request)
    if who is None:
        return RedirectResponse(f"/dang-nhap?next=/can-bo/ho-so/{dossier_id}", status_code=303)
    who = require(request, READERS)
    view = visible_dossier(request, who, dossier_id)
    return await _page(request, who, view, saved=request.query_params.get("ok") == "1")


@router.post("/can-bo/ho-so/{dossier_id}/mau-03", response_class=HTMLResponse)
async def save_page(request: Request, dossier_id: str) -> Response:
    who = require(request, WRITERS)
    form = await request.form()
    check_form_csrf(who, str(form.get(CSRF_FIELD, "")))
    view = visible_dossier(request, who, dossier_id)
    values = {k: str(v) for k, v in form.items()}
    assessment = assessment_from_form(values)
    rt = _rt(request)
    try:
        async with rt.scratch() as tmp:
            kept = await rt.workers.run(checked_assessment, assessment, tmp)
    except ServiceError as exc:
        return await _page(
            request,
            who,
            view,
            shown=assessment,
            error=exc.to_json(request_lang(request)),
            status=exc.status,
        )
    await rt.workers.run(rt.casefiles.set_assessment, view.id, kept)
    rt.audit.record(who, "mau-03", "dossier", view.id, province=view.province, name=view.name)
    return RedirectResponse(f"/can-bo/ho-so/{view.id}?ok=1#mau-03", status_code=303)


@router.get("/can-bo/ho-so/{dossier_id}/mau-03.{fmt}")
async def download(request: Request, dossier_id: str, fmt: str) -> Response:
    who = require(request, READERS)
    view = visible_dossier(request, who, dossier_id)
    if fmt not in ("docx", "pdf"):
        raise ServiceError(404, "service-not-found", days=_rt(request).settings.retention_days)
    return await assessment_document(request, who, view, fmt)


__all__ = ["router"]

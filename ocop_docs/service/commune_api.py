"""The commune's Mẫu 03 through the API (issue 13; QĐ 26/2026 Điều 7.2.a).

``PUT /api/v1/dossiers/{id}/mau-03`` writes the commune's assessment (the round file's
``danh_gia_xa`` shape, checked by the same schema and messages as ``render --assessment``),
``GET`` reads it back, ``GET …/mau-03/document?format=docx|pdf`` renders it. The commune's
officer (``xa``) and an administrator write; the province's office (``tinh``) reads.
"""

from __future__ import annotations

import json
from typing import Literal

from fastapi import APIRouter, Request
from fastapi.responses import Response

from ocop_docs.service.accounts import Principal
from ocop_docs.service.auth import require
from ocop_docs.service.casefiles import CaseFileView
from ocop_docs.service.commune import (
    assessment_from_form,
    checked_assessment,
    render_assessment,
)
from ocop_docs.service.errors import ServiceError
from ocop_docs.service.officials_api import visible_dossier
from ocop_docs.service.runtime import Runtime

router = APIRouter(prefix="/api/v1", tags=["officials"])
READERS = ("xa", "tinh", "quan_tri")
WRITERS = ("xa", "quan_tri")  # Mẫu 03 is the commune's own report (Điều 7.2.a)
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _rt(request: Request) -> Runtime:
    rt: Runtime = request.app.state.runtime
    return rt


def _json(data: object, status: int = 200) -> Response:
    return Response(
        json.dumps(data, ensure_ascii=False, indent=2) + "\n",
        status_code=status,
        media_type="application/json",
    )


async def assessment_document(
    request: Request, who: Principal, view: CaseFileView, fmt: str
) -> Response:
    """Mẫu 03 of a dossier as .docx or .pdf (the page's and the API's download)."""
    rt = _rt(request)
    stored = await rt.workers.run(rt.casefiles.assessment, view)
    if stored is None:
        raise ServiceError(404, "mau03-missing")
    async with rt.scratch() as tmp:
        made = await rt.workers.run(
            lambda: render_assessment(rt, view, stored, tmp, pdf=fmt == "pdf")
        )
        data = made.read_bytes()
    rt.audit.record(who, "download", "mau-03", view.id, province=view.province, name=view.name)
    name = f"mau-03-{view.name}.{fmt}".encode("ascii", "replace").decode().replace('"', "")
    return Response(
        data,
        media_type="application/pdf" if fmt == "pdf" else DOCX,
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.get("/dossiers/{dossier_id}/mau-03", summary="Mẫu 03 của xã / the commune's Form 03")
async def get_assessment(request: Request, dossier_id: str) -> Response:
    who = require(request, READERS)
    view = visible_dossier(request, who, dossier_id)
    rt = _rt(request)
    stored = await rt.workers.run(rt.casefiles.assessment, view)
    if stored is None:
        raise ServiceError(404, "mau03-missing")
    return _json(stored)


@router.put("/dossiers/{dossier_id}/mau-03", summary="Lập Mẫu 03 / write the commune's Form 03")
async def put_assessment(request: Request, dossier_id: str) -> Response:
    who = require(request, WRITERS)
    view = visible_dossier(request, who, dossier_id)
    try:
        body = json.loads(await request.body())
    except (ValueError, UnicodeDecodeError):
        raise ServiceError(400, "service-body-invalid", reason="JSON") from None
    if not isinstance(body, dict):
        raise ServiceError(422, "service-body-invalid", reason="object")
    rt = _rt(request)
    async with rt.scratch() as tmp:
        kept = await rt.workers.run(checked_assessment, assessment_from_form(body), tmp)
    await rt.workers.run(rt.casefiles.set_assessment, view.id, kept)
    rt.audit.record(who, "mau-03", "dossier", view.id, province=view.province, name=view.name)
    return _json(kept)


@router.get(
    "/dossiers/{dossier_id}/mau-03/document",
    summary="Mẫu 03 (.docx hoặc PDF) / Form 03 as a document",
)
async def get_document(
    request: Request, dossier_id: str, format: Literal["docx", "pdf"] = "docx"
) -> Response:
    who = require(request, READERS)
    view = visible_dossier(request, who, dossier_id)
    return await assessment_document(request, who, view, format)


__all__ = ["READERS", "WRITERS", "assessment_document", "router"]

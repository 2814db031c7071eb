"""The JSON API under ``/api/v1`` (fixed contract, issue 10) and the health endpoints.

Each endpoint answers what its CLI verb prints with ``--format json``: the same library
function builds the JSON, and the text is dumped the same way. Uploads go through
:mod:`~ocop_docs.service.intake`; blocking work runs in the worker pool.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import JSONResponse, Response

from ocop_docs import __version__
from ocop_docs.errors import OcopError
from ocop_docs.production.contexts.registry import KINDS
from ocop_docs.rules.listing import list_sectors
from ocop_docs.rules.regimes import DEFAULT_REGIME, regime_codes
from ocop_docs.scoring.card_file import CardReadError, parse_card
from ocop_docs.scoring.rubric_files import load_rubric, rubric_to_json
from ocop_docs.scoring.score import UnscorableCard, score_json
from ocop_docs.service.checking import Checked, check_dossier, scrub
from ocop_docs.service.documents import render_kind
from ocop_docs.service.errors import ServiceError, library_error_json
from ocop_docs.service.intake import assemble, receive, safe_parts
from ocop_docs.service.runtime import Runtime

JSON_TYPE = "application/json"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
MAX_JSON_BODY = 4 * 1024 * 1024

router = APIRouter(prefix="/api/v1", tags=["api"])
health = APIRouter(tags=["health"])

LangQuery = Annotated[Literal["vi", "en"], Query(description="Ngôn ngữ thông báo / language")]

UPLOAD_BODY: dict[str, Any] = {
    "required": True,
    "content": {
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "required": ["files"],
                "properties": {
                    "files": {
                        "type": "array",
                        "items": {"type": "string", "format": "binary"},
                        "description": "One .zip of the dossier folder, or the folder's files "
                        "named by their path in it (ho-so.yaml among them).",
                    }
                },
            }
        }
    },
}
ERROR = {"$ref": "#/components/schemas/Error"}


def _errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    return {
        s: {"content": {JSON_TYPE: {"schema": ERROR}}, "description": "refused"} for s in statuses
    }


def runtime(request: Request) -> Runtime:
    rt: Runtime = request.app.state.runtime
    return rt


def json_text(data: Any) -> Response:
    """JSON dumped as the CLI dumps it (indented, UTF-8 as is)."""
    return Response(json.dumps(data, ensure_ascii=False, indent=2) + "\n", media_type=JSON_TYPE)


@router.post(
    "/validate",
    summary="Kiểm tra một hồ sơ / validate one dossier",
    openapi_extra={"requestBody": UPLOAD_BODY},
    responses={
        200: {
            "content": {JSON_TYPE: {"schema": {"$ref": "#/components/schemas/Report"}}},
            "description": "The report of `ocop-docs validate --format json`, also when the "
            "dossier has problems (`valid: false`).",
        },
        **_errors(400, 413, 422, 503),
    },
)
async def validate(request: Request, lang: LangQuery = "vi", attachments: bool = True) -> Response:
    rt = runtime(request)
    async with rt.scratch() as tmp:
        received = await receive(
            request.stream(), request.headers.get("content-type", ""), tmp, rt.settings
        )

        def run() -> Checked:  # one hop to the pool: unpack, then check
            dossier = assemble(received, tmp / "ho-so", rt.settings)
            return check_dossier(
                dossier,
                attachments=attachments,
                max_bytes=rt.settings.max_attachment,
                langs=(lang,),
            )

        checked = await rt.workers.run(run)
    return Response(checked.text(lang), media_type=JSON_TYPE)


@router.get(
    "/sectors",
    summary="26 bộ sản phẩm và tài liệu cần có / the 26 product sets",
    responses={200: {"description": "The JSON of `ocop-docs sectors --format json`."}},
)
async def sectors(
    regime: Annotated[Literal["26/2026", "148/2023", "1048/2019"], Query()] = "26/2026",
) -> Response:
    assert regime in regime_codes()
    return json_text(list_sectors(regime))


@router.get(
    "/rubrics/{n}",
    summary="Bộ tiêu chí của bộ sản phẩm N / rubric N",
    responses={200: {"description": "The JSON of `ocop-docs rubric show N --format json`."}},
)
async def rubric(n: Annotated[int, PathParam(ge=1, le=26)]) -> Response:
    return json_text(rubric_to_json(load_rubric(n, DEFAULT_REGIME)))


@router.post(
    "/score",
    summary="Chấm điểm một phiếu chấm / score one scorecard",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                JSON_TYPE: {
                    "schema": {
                        "type": "object",
                        "properties": {
                            "bo_san_pham": {"type": "integer", "minimum": 1, "maximum": 26},
                            "chon": {"type": "object", "additionalProperties": {"type": "integer"}},
                        },
                    },
                    "example": {"bo_san_pham": 7, "chon": {"1.1": 3, "1.2": 2}},
                }
            },
        }
    },
    responses={
        200: {"description": "The JSON of `ocop-docs rubric score --format json` (`tep`: null)."},
        **_errors(413, 422),
    },
)
async def score(
    request: Request,
    lang: LangQuery = "vi",
    bo: Annotated[int | None, Query(ge=1, le=26)] = None,
    minimum_mode: Literal["lower", "warn"] = "lower",
) -> Response:
    text = await _json_body(request)
    try:
        card = parse_card(text, None, fmt="json")
        out, _result = score_json(card, bo, minimum_mode=minimum_mode, lang=lang)
    except CardReadError as exc:
        return JSONResponse(library_error_json(exc, lang), status_code=422)
    except UnscorableCard as exc:
        p = exc.problem
        body = {"code": p.code, "message": p.message(lang), "hint": p.hint(lang)}
        return JSONResponse(body, status_code=422)
    out["tep"] = None
    return json_text(out)


async def _json_body(request: Request) -> str:
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_JSON_BODY:
            raise ServiceError(413, "upload-too-large", limit="4 MB")
        chunks.append(chunk)
    try:
        return b"".join(chunks).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ServiceError(
            422, "service-body-invalid", reason="không phải UTF-8 / not UTF-8"
        ) from exc


_REFERENCE_KEYS = ("ho_so",)


def _references(data: Any, pointer: str = "") -> list[tuple[str, str]]:
    """Strings of a round file that name other files (``ho_so``, scorecards in ``phieu``)."""
    out: list[tuple[str, str]] = []
    if isinstance(data, dict):
        for key, value in data.items():
            where = f"{pointer}/{key}"
            if key in _REFERENCE_KEYS and isinstance(value, str):
                out.append((where, value))
            elif key == "phieu" and isinstance(value, dict):
                out += [(f"{where}/{k}", v) for k, v in value.items() if isinstance(v, str)]
            else:
                out += _references(value, where)
    elif isinstance(data, list):
        for i, value in enumerate(data):
            out += _references(value, f"{pointer}/{i}")
    return out


def _write_source(text: str, folder: Path) -> Path:
    """A JSON context source written alone into ``folder``: a dossier becomes
    ``ho-so.json``; a round file, scorecard or revocation file ``nguon.json``. A path
    inside it that could leave the folder is refused (the service reads only what was
    sent)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        # Where, in the catalogue's words (the decoder's own are English, issue 9).
        at = {"reason": f"dòng {exc.lineno}, cột {exc.colno}"}
        raise ServiceError(
            422, "service-body-invalid", **at, reason_en=f"line {exc.lineno}, column {exc.colno}"
        ) from exc
    if not isinstance(data, dict):
        raise ServiceError(422, "service-body-invalid", reason="cần một đối tượng / an object")
    for pointer, value in _references(data):
        try:
            safe_parts(value)
        except ServiceError:
            raise ServiceError(400, "service-source-unsafe", entry=value, pointer=pointer) from None
    folder.mkdir(parents=True, exist_ok=True)
    # A round file, a scorecard or a revocation file (Điều 8) is not a dossier.
    is_dossier = not any(key in data for key in ("hoi_dong", "chon", "thu_hoi"))
    path = folder / ("ho-so.json" if is_dossier else "nguon.json")
    path.write_text(text, encoding="utf-8")
    return folder if is_dossier else path


@router.post(
    "/render/{kind}",
    summary="Lập văn bản / render a document",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                **UPLOAD_BODY["content"],
                JSON_TYPE: {"schema": {"type": "object"}},
            },
        }
    },
    responses={
        200: {
            "content": {DOCX_TYPE: {}, "application/pdf": {}},
            "description": "The .docx (or, with format=pdf, the PDF) `ocop-docs render` makes.",
        },
        **_errors(400, 404, 413, 422, 503),
    },
)
async def render_document(
    request: Request,
    kind: str,
    lang: LangQuery = "vi",
    format: Literal["docx", "pdf"] = "docx",
    product: Annotated[int | None, Query(ge=1, le=10000)] = None,
    draft: bool = False,
) -> Response:
    if kind not in KINDS:
        known = ", ".join(KINDS)
        raise ServiceError(404, "service-kind-unknown", kind=kind[:60], known=known)
    rt = runtime(request)
    async with rt.scratch() as tmp:
        content_type = request.headers.get("content-type", "")
        if content_type.split(";")[0].strip().lower() == JSON_TYPE:
            source = _write_source(await _json_body(request), tmp / "nguon")
            shown_folder, shown = source.parent if source.is_file() else source, ""
        else:
            received = await receive(request.stream(), content_type, tmp, rt.settings)
            dossier = await rt.workers.run(assemble, received, tmp / "ho-so", rt.settings)
            source, shown_folder, shown = dossier.folder, dossier.folder, dossier.name
        out = tmp / "out"
        out.mkdir()
        try:
            made = await rt.workers.run(
                lambda: render_kind(
                    kind,
                    source,
                    out,
                    product=product,
                    draft=draft,
                    pdf=format == "pdf",
                    slots=rt.pdf,
                )
            )
        except OcopError as exc:
            status = 503 if exc.code == "convert-missing" else 422
            if exc.exit_code == 3 and status != 503:
                status = 500
            body = scrub(library_error_json(exc, lang), shown_folder, shown)
            return JSONResponse(body, status_code=status)
        data = made.read_bytes()
    media = "application/pdf" if format == "pdf" else DOCX_TYPE
    name = f"{kind}.{format}"
    return Response(
        data, media_type=media, headers={"Content-Disposition": f'attachment; filename="{name}"'}
    )


@health.get("/healthz", summary="Tiến trình đang chạy / process up")
async def healthz() -> dict[str, Any]:
    return {"status": "ok", "version": __version__}


@health.get("/readyz", summary="Sẵn sàng phục vụ / ready")
async def readyz(request: Request) -> JSONResponse:
    rt = runtime(request)
    storage = await rt.workers.run_unbounded(rt.store.writable)
    database = await rt.workers.run_unbounded(rt.database_ok)
    libreoffice = await rt.workers.run_unbounded(lambda: rt.pdf.available)
    queue = await rt.workers.run_unbounded(rt.queue_ok)
    ready = storage and database and queue
    body = {
        "status": "ok" if ready else "unavailable",
        "storage": storage,
        "database": database,
        "queue": queue,
        "queued_messages": await rt.workers.run_unbounded(rt.queue.pending) if queue else None,
        "libreoffice": libreoffice,
        "retention_days": rt.settings.retention_days,
        "role": rt.settings.role,
    }
    return JSONResponse(body, status_code=200 if ready else 503)


__all__ = ["health", "router"]

"""The officials' API under ``/api/v1`` (issue 13): rounds, council, scoring sheets, batch
jobs with their progress and files, dossiers filed with a commune, the audit log.

Every endpoint answers 401 without an account (session cookie or ``Authorization:
Bearer``), 403 for a role that may not use it (or a province one asks for that is not
one's own), and 404 for a row one may not see, as for one that does not exist.
"""

from __future__ import annotations

import asyncio
import json
import tempfile
import zipfile
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import FileResponse, JSONResponse, Response, StreamingResponse
from starlette.background import BackgroundTask

from ocop_docs.service.accounts import Principal
from ocop_docs.service.auth import not_found, require, sees_province
from ocop_docs.service.casefiles import CaseFileView
from ocop_docs.service.errors import ServiceError
from ocop_docs.service.jobs import JobView
from ocop_docs.service.officials import (
    create_round,
    file_dossier,
    job_options,
    save_sheet,
    start_job,
)
from ocop_docs.service.rounds import RoundView
from ocop_docs.service.runtime import Runtime

router = APIRouter(prefix="/api/v1", tags=["officials"])
ROUND_ROLES = ("tinh", "hoi_dong", "quan_tri")
OFFICE = ("tinh", "quan_tri")
CHUNK = 256 * 1024
KEEPALIVE = 15.0


def _rt(request: Request) -> Runtime:
    rt: Runtime = request.app.state.runtime
    return rt


def _lang(request: Request) -> str:
    return "en" if request.query_params.get("lang") == "en" else "vi"


def _json(data: Any, status: int = 200) -> Response:
    return Response(
        json.dumps(data, ensure_ascii=False, indent=2) + "\n",
        status_code=status,
        media_type="application/json",
    )


def visible_round(request: Request, who: Principal, round_id: str) -> RoundView:
    view = _rt(request).rounds.visible(who, round_id)
    if view is None:
        raise not_found(request)
    return view


def visible_job(request: Request, who: Principal, job_id: str) -> JobView:
    job = _rt(request).jobs.get(job_id) if 20 <= len(job_id) <= 64 else None
    if job is None or not sees_province(who, job.province):
        raise not_found(request)
    return job


def visible_dossier(request: Request, who: Principal, dossier_id: str) -> CaseFileView:
    view = _rt(request).casefiles.visible(who, dossier_id)
    if view is None:
        raise not_found(request)
    return view


def _asked_province(who: Principal, raw: int | None) -> int | None:
    """The province a list is for: one's own; any for an administrator (None: all)."""
    if raw is None:
        return None if who.is_admin else who.province
    if not who.is_admin and raw != who.province:
        raise ServiceError(403, "auth-province-forbidden", province=raw)
    return raw


# --- who am I --------------------------------------------------------------------------


@router.get("/me", summary="Tài khoản đang dùng / the signed-in account")
async def me(request: Request) -> Response:
    who = require(request)
    return _json(
        {
            "username": who.username,
            "full_name": who.full_name,
            "role": who.role,
            "province": who.province,
            "commune": who.commune,
            "via": who.via,
        }
    )


# --- rounds ----------------------------------------------------------------------------


@router.get("/rounds", summary="Các đợt đánh giá được xem / rounds this account may see")
async def list_rounds(
    request: Request, province: Annotated[int | None, Query(ge=1, le=999)] = None
) -> Response:
    who = require(request, ROUND_ROLES)
    wanted = _asked_province(who, province)
    rounds = await _rt(request).workers.run(_rt(request).rounds.listing, who)
    shown = [r for r in rounds if wanted is None or r.province == wanted]
    return _json({"rounds": [r.to_json(_lang(request), full=False) for r in shown]})


@router.post(
    "/rounds",
    summary="Tạo đợt từ tệp đợt hoặc bảng tính / create a round from a round file or sheet",
    status_code=201,
    responses={201: {"description": "The round, as GET /api/v1/rounds/{id} answers it."}},
)
async def post_round(request: Request) -> Response:
    who = require(request, OFFICE)
    view = await create_round(request, who)
    return _json(view.to_json(_lang(request)), status=201)


@router.get("/rounds/{round_id}", summary="Một đợt: sản phẩm, hội đồng, điểm / one round")
async def get_round(request: Request, round_id: str) -> Response:
    who = require(request, ROUND_ROLES)
    view = visible_round(request, who, round_id)
    rt = _rt(request)
    body = view.to_json(_lang(request))
    seats = rt.rounds.seats(view.id)
    body["seats"] = {ma: _username(rt, uid) for ma, uid in seats.items()}
    body["jobs"] = (
        [j.to_json() for j in rt.jobs.of_round(view.id)] if who.role != "hoi_dong" else []
    )
    return _json(body)


def _username(rt: Runtime, user_id: int) -> str | None:
    user = rt.accounts.user(user_id)
    return user.username if user else None


@router.delete("/rounds/{round_id}", summary="Xoá một đợt / delete a round", status_code=204)
async def delete_round(request: Request, round_id: str) -> Response:
    who = require(request, OFFICE)
    view = visible_round(request, who, round_id)
    rt = _rt(request)
    await rt.workers.run(rt.rounds.delete, view.id)
    rt.audit.record(who, "delete", "round", view.id, province=view.province, name=view.name)
    return Response(status_code=204)


@router.put("/rounds/{round_id}/council/{member}", summary="Giao ghế hội đồng / seat a member")
async def put_seat(request: Request, round_id: str, member: str) -> Response:
    who = require(request, OFFICE)
    view = visible_round(request, who, round_id)
    body = await _small_json(request)
    rt = _rt(request)
    if view.member(member) is None:
        raise not_found(request)
    username = body.get("user") if isinstance(body, dict) else None
    user_id = None
    if username is not None:
        found = [u for u in rt.accounts.users(view.province) if u.username == username]
        if not found or found[0].role != "hoi_dong":
            raise ServiceError(422, "auth-seat-invalid", user=str(username)[:64])
        user_id = found[0].id
    rt.rounds.seat(view.id, member, user_id)
    rt.audit.record(
        who, "seat", "round", view.id, province=view.province, member=member, user=username
    )
    return _json({"member": member, "user": username})


@router.get("/rounds/{round_id}/scores", summary="Phiếu chấm đã nhập / entered scoring sheets")
async def get_scores(request: Request, round_id: str) -> Response:
    who = require(request, ROUND_ROLES)
    view = visible_round(request, who, round_id)
    cards = _rt(request).rounds.cards(view.id)
    mine = (
        set(_rt(request).rounds.seats_of(view.id, who.user_id)) if who.role == "hoi_dong" else None
    )
    out = [
        {"product": p, "member": m, **card}
        for (p, m), card in sorted(cards.items())
        if mine is None or m in mine
    ]
    return _json({"cards": out})


@router.put(
    "/rounds/{round_id}/scores/{product}/{member}",
    summary="Nhập phiếu chấm / enter a scoring sheet ({chon: {…}} or {tong: N})",
)
async def put_score(request: Request, round_id: str, product: int, member: str) -> Response:
    who = require(request, ("hoi_dong",))
    view = visible_round(request, who, round_id)
    body = await _small_json(request)
    if not isinstance(body, dict):
        raise ServiceError(422, "service-body-invalid", reason="cần một đối tượng / an object")
    fields: dict[str, list[str]] = {}
    if isinstance(body.get("chon"), dict):
        fields = {f"c:{k}": [str(v)] for k, v in body["chon"].items()}
    if body.get("tong") is not None:
        fields["tong"] = [str(body["tong"])]
    card = await _rt(request).workers.run(
        save_sheet, _rt(request), who, view, product, member, fields
    )
    return _json(card)


async def _small_json(request: Request) -> Any:
    raw = b""
    async for chunk in request.stream():
        raw += chunk
        if len(raw) > 256 * 1024:
            raise ServiceError(413, "upload-too-large", limit="256 KB")
    try:
        return json.loads(raw.decode("utf-8") or "null")
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        # Why, in the catalogue's words (the decoder's own are English, issue 9).
        if isinstance(exc, json.JSONDecodeError):
            vi, en = f"dòng {exc.lineno}, cột {exc.colno}", f"line {exc.lineno}, column {exc.colno}"
        else:
            vi, en = "không phải UTF-8", "not UTF-8"
        raise ServiceError(422, "service-body-invalid", reason=vi, reason_en=en) from exc


# --- batch jobs ---------------------------------------------------------------------------


@router.post(
    "/rounds/{round_id}/batch",
    summary="Lập văn bản của đợt (chạy nền) / produce the round's documents (a job)",
    status_code=202,
    responses={202: {"description": "The job: follow GET /api/v1/jobs/{id} or its events."}},
)
async def post_batch(request: Request, round_id: str) -> Response:
    who = require(request, OFFICE)
    view = visible_round(request, who, round_id)
    raw = await _small_json(request) if request.headers.get("content-length", "0") != "0" else None
    options = job_options(raw if isinstance(raw, dict) else {}, _lang(request))
    job, _new = await _rt(request).workers.run(start_job, _rt(request), who, view, options)
    body = job.to_json()
    return JSONResponse(body, status_code=202, headers={"Location": f"/api/v1/jobs/{job.id}"})


@router.get("/jobs/{job_id}", summary="Trạng thái một lượt lập văn bản / a job's state")
async def get_job(request: Request, job_id: str) -> Response:
    who = require(request, OFFICE)
    return _json(visible_job(request, who, job_id).to_json())


@router.post("/jobs/{job_id}/cancel", summary="Dừng một lượt / cancel a job", status_code=202)
async def cancel_job(request: Request, job_id: str) -> Response:
    who = require(request, OFFICE)
    job = visible_job(request, who, job_id)
    rt = _rt(request)
    rt.jobs.cancel(job.id)
    rt.audit.record(who, "cancel", "job", job.id, province=job.province)
    return _json(visible_job(request, who, job_id).to_json(), status=202)


async def job_events(request: Request, job: JobView) -> AsyncIterator[str]:
    """The job's state each time it changes (read from the database), then ``end``."""
    rt = _rt(request)
    last = ""
    quiet = 0.0
    while True:
        current = await rt.workers.run_unbounded(rt.jobs.get, job.id)
        if current is None:
            break
        data = json.dumps(current.to_json(), ensure_ascii=False)
        if data != last:
            yield f"event: progress\ndata: {data}\n\n"
            last, quiet = data, 0.0
        elif quiet >= KEEPALIVE:
            yield ": keep-alive\n\n"
            quiet = 0.0
        if current.final:
            yield f"event: end\ndata: {data}\n\n"
            break
        if await request.is_disconnected():
            break
        await asyncio.sleep(rt.settings.job_poll)
        quiet += rt.settings.job_poll


@router.get(
    "/jobs/{job_id}/events",
    summary="Tiến độ (Server-Sent Events) / progress as server-sent events",
    responses={200: {"content": {"text/event-stream": {}}, "description": "progress events"}},
)
async def get_job_events(request: Request, job_id: str) -> Response:
    who = require(request, OFFICE)
    job = visible_job(request, who, job_id)
    return StreamingResponse(
        job_events(request, job),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )


def _stream(rt: Runtime, digest: str) -> Iterator[bytes]:
    with rt.store.open(digest) as handle:
        while chunk := handle.read(CHUNK):
            yield chunk


def _attachment(name: str) -> dict[str, str]:
    ascii_name = name.encode("ascii", "replace").decode().replace('"', "").replace("?", "_")
    return {"Content-Disposition": f'attachment; filename="{ascii_name}"'}


def _media(path: str) -> str:
    if path.endswith(".pdf"):
        return "application/pdf"
    if path.endswith(".docx"):
        return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    if path.endswith(".json"):
        return "application/json"
    return "application/octet-stream"


def download_file(request: Request, who: Principal, job: JobView, path: str) -> Response:
    rt = _rt(request)
    if path == "manifest.json" and job.manifest:
        digest: str | None = job.manifest
    else:
        digest = next((f.sha256 for f in job.files if f.path == path), None)
    if digest is None:
        raise not_found(request)
    rt.audit.record(who, "download", "job", job.id, province=job.province, path=path)
    return StreamingResponse(
        _stream(rt, digest), media_type=_media(path), headers=_attachment(path.rsplit("/", 1)[-1])
    )


@router.get("/jobs/{job_id}/manifest", summary="manifest.json của lượt / the job's manifest")
async def get_manifest(request: Request, job_id: str) -> Response:
    who = require(request, OFFICE)
    return download_file(request, who, visible_job(request, who, job_id), "manifest.json")


@router.get("/jobs/{job_id}/files/{path:path}", summary="Một tệp đã lập / one file made")
async def get_file(request: Request, job_id: str, path: str) -> Response:
    who = require(request, OFFICE)
    return download_file(request, who, visible_job(request, who, job_id), path)


@router.get("/jobs/{job_id}/bundle", summary="Tập PDF có mục lục / the bookmarked PDF")
async def get_bundle(request: Request, job_id: str) -> Response:
    who = require(request, OFFICE)
    job = visible_job(request, who, job_id)
    if not job.bundle:
        raise not_found(request)
    return download_file(request, who, job, job.bundle)


def build_zip(rt: Runtime, job: JobView, name: str) -> Path:
    """Every file of the job (and its manifest) in one zip, in a temporary file."""
    fd, temp = tempfile.mkstemp(prefix="job-", suffix=".zip", dir=rt.settings.work_dir)
    target = Path(temp)
    with open(fd, "wb") as raw, zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        entries = [(f.path, f.sha256) for f in job.files]
        if job.manifest:
            entries.append(("manifest.json", job.manifest))
        for path, digest in sorted(entries):
            info = zipfile.ZipInfo(f"{name}/{path}", (1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            with rt.store.open(digest) as src, archive.open(info, "w") as dst:
                while chunk := src.read(CHUNK):
                    dst.write(chunk)
    return target


@router.get("/jobs/{job_id}/zip", summary="Mọi tệp trong một tệp zip / everything as one zip")
async def get_zip(request: Request, job_id: str) -> Response:
    who = require(request, OFFICE)
    job = visible_job(request, who, job_id)
    if job.state != "done":
        raise ServiceError(409, "job-not-finished", state=job.state)
    rt = _rt(request)
    name = f"van-ban-{job.id[:8]}"
    path = await rt.workers.run(build_zip, rt, job, name)
    rt.audit.record(who, "download", "job", job.id, province=job.province, path="*.zip")
    return FileResponse(
        path,
        media_type="application/zip",
        headers=_attachment(f"{name}.zip"),
        background=BackgroundTask(path.unlink, missing_ok=True),
    )


# --- dossiers filed with a commune -----------------------------------------------------


@router.get("/dossiers", summary="Hồ sơ đã nộp cho xã / dossiers filed with the commune")
async def list_dossiers(request: Request) -> Response:
    who = require(request, ("xa", "tinh", "quan_tri"))
    views = await _rt(request).workers.run(_rt(request).casefiles.listing, who)
    return _json({"dossiers": [v.to_json() for v in views]})


@router.post("/dossiers", summary="Nhận một hồ sơ / file a dossier", status_code=201)
async def post_dossier(request: Request) -> Response:
    who = require(request, ("xa", "tinh", "quan_tri"))
    view = await file_dossier(request, who)
    return _json(view.to_json(), status=201)


@router.get("/dossiers/{dossier_id}", summary="Một hồ sơ và báo cáo kiểm tra / one dossier")
async def get_dossier(request: Request, dossier_id: str) -> Response:
    who = require(request, ("xa", "tinh", "quan_tri"))
    view = visible_dossier(request, who, dossier_id)
    body = view.to_json()
    body["report"] = json.loads(_rt(request).store.read(view.report))
    return _json(body)


@router.delete(
    "/dossiers/{dossier_id}", summary="Xoá một hồ sơ / delete a dossier", status_code=204
)
async def delete_dossier(request: Request, dossier_id: str) -> Response:
    who = require(request, ("xa", "tinh", "quan_tri"))
    view = visible_dossier(request, who, dossier_id)
    rt = _rt(request)
    await rt.workers.run(rt.casefiles.delete, view.id)
    rt.audit.record(who, "delete", "dossier", view.id, province=view.province, name=view.name)
    return Response(status_code=204)


@router.get("/audit", summary="Nhật ký / the audit log")
async def get_audit(
    request: Request, province: Annotated[int | None, Query(ge=1, le=999)] = None
) -> Response:
    who = require(request, OFFICE)
    wanted = _asked_province(who, province)
    return _json({"entries": _rt(request).audit.entries(wanted)})

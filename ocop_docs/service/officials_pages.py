"""The officials' pages (issue 13): sign in and out, password, rounds, production with a
progress bar, scoring sheets, dossiers filed with the commune, the audit log.

Server-rendered and complete without JavaScript: every action is a form and a redirect;
the job page refreshes itself (``<noscript>`` meta refresh) and, with JavaScript, follows
the job's server-sent events (``/static/job.js``). Every form carries the session's CSRF
token; the sign-in form (no session yet) the double-submit token of the cooperatives'
pages. Downloads are the API's own URLs (a signed-in browser sends its cookie).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ocop_docs.service.accounts import AccountError, Principal
from ocop_docs.service.auth import (
    check_form_csrf,
    clear_session_cookie,
    client_address,
    not_found,
    principal,
    require,
    set_session_cookie,
)
from ocop_docs.service.errors import ServiceError, error_json
from ocop_docs.service.officials import (
    create_round,
    file_dossier,
    job_options,
    province_name,
    require_seat,
    save_sheet,
    sheet_for,
    start_job,
)
from ocop_docs.service.officials_api import visible_job, visible_round
from ocop_docs.service.runtime import Runtime
from ocop_docs.service.scoresheets import card_total, council_preview, sheet_parts
from ocop_docs.service.views import CSRF_FIELD, check_csrf, render_page, request_lang

router = APIRouter(include_in_schema=False)
VN_TIME = dt.timedelta(hours=7)
OFFICE = ("tinh", "quan_tri")


def _rt(request: Request) -> Runtime:
    rt: Runtime = request.app.state.runtime
    return rt


def _see_other(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


def _local(url: str) -> str:
    """Only a path of this site may follow a sign-in (no open redirect)."""
    if url.startswith("/") and not url.startswith("//") and "\\" not in url:
        return url
    return "/can-bo"


def _when(moment: dt.datetime | None) -> str:
    return (moment + VN_TIME).strftime("%d/%m/%Y %H:%M") if moment else ""


def _page(request: Request, template: str, who: Principal | None, **context: Any) -> Response:
    return render_page(
        request,
        template,
        {
            "who": who,
            "ocsrf": who.csrf if who else "",
            "province_name": province_name(who.province) if who else "",
            **context,
        },
    )


def _error(request: Request, exc: ServiceError | AccountError) -> dict[str, Any]:
    lang = request_lang(request)
    if isinstance(exc, ServiceError):
        return exc.to_json(lang)
    return error_json(exc.code, lang, **exc.params)


async def _form(request: Request, who: Principal) -> dict[str, str]:
    form = await request.form()
    check_form_csrf(who, str(form.get(CSRF_FIELD, "")))
    return {k: str(v) for k, v in form.items()}


# --- signing in and out -------------------------------------------------------------------


@router.get("/dang-nhap", response_class=HTMLResponse)
async def login_form(request: Request) -> Response:
    nxt = _local(request.query_params.get("next", "/can-bo"))
    return _page(request, "o_login.html", None, next=nxt, error=None, username="")


@router.post("/dang-nhap", response_class=HTMLResponse)
async def login(request: Request) -> Response:
    form = await request.form()
    check_csrf(request, str(form.get(CSRF_FIELD, "")))
    username = str(form.get("username", ""))[:64]
    nxt = _local(str(form.get("next", "/can-bo")))
    rt = _rt(request)
    try:
        token, _who = await rt.workers.run(
            rt.accounts.sign_in, username, str(form.get("password", "")), client_address(request)
        )
    except AccountError as exc:
        status = 429 if exc.code == "auth-throttled" else 401
        response = _page(
            request, "o_login.html", None, next=nxt, error=_error(request, exc), username=username
        )
        response.status_code = status
        return response
    response = _see_other(nxt)
    set_session_cookie(response, request, token)
    return response


@router.post("/dang-xuat")
async def logout(request: Request) -> Response:
    who = require(request)
    await _form(request, who)
    if who.session_id:
        _rt(request).accounts.sign_out(who.session_id)
    response = _see_other("/dang-nhap")
    clear_session_cookie(response, request)
    return response


@router.get("/can-bo/mat-khau", response_class=HTMLResponse)
async def password_form(request: Request) -> Response:
    who = require(request)
    return _page(request, "o_password.html", who, error=None, done=False)


@router.post("/can-bo/mat-khau", response_class=HTMLResponse)
async def password(request: Request) -> Response:
    who = require(request)
    form = await _form(request, who)
    rt = _rt(request)
    try:
        if form.get("new", "") != form.get("again", ""):
            raise AccountError("auth-password-weak", n=10)
        await rt.workers.run(
            rt.accounts.change_password, who.user_id, form.get("old", ""), form.get("new", "")
        )
    except AccountError as exc:
        response = _page(request, "o_password.html", who, error=_error(request, exc), done=False)
        response.status_code = 422
        return response
    rt.audit.record(who, "password", "user", str(who.user_id))
    response = _see_other("/dang-nhap")  # every session of the account ended
    clear_session_cookie(response, request)
    return response


@router.post("/can-bo/ma-api", response_class=HTMLResponse)
async def new_token(request: Request) -> Response:
    who = require(request)
    form = await _form(request, who)
    rt = _rt(request)
    token = rt.accounts.new_token(who.user_id, form.get("label", "")[:100], days=365)
    rt.audit.record(who, "token", "user", str(who.user_id), label=form.get("label", "")[:100])
    return _page(request, "o_token.html", who, token=token)


# --- the officials' home ------------------------------------------------------------------


@router.get("/can-bo", response_class=HTMLResponse)
async def home(request: Request) -> Response:
    who = principal(request)
    if who is None:
        return _see_other("/dang-nhap?next=/can-bo")
    rt = _rt(request)
    rounds = await rt.workers.run(rt.rounds.listing, who) if who.role != "xa" else []
    dossiers = await rt.workers.run(rt.casefiles.listing, who) if who.role != "hoi_dong" else []
    return _page(
        request,
        "o_home.html",
        who,
        rounds=rounds,
        dossiers=dossiers[:50],
        when=_when,
    )


# --- rounds ---------------------------------------------------------------------------------


@router.get("/can-bo/dot/moi", response_class=HTMLResponse)
async def new_round_form(request: Request) -> Response:
    who = require(request, OFFICE)
    return _page(request, "o_round_new.html", who, error=None)


@router.post("/can-bo/dot/moi", response_class=HTMLResponse)
async def new_round(request: Request) -> Response:
    who = require(request, OFFICE)
    try:
        view = await create_round(request, who)
    except ServiceError as exc:
        if exc.status in (401, 403, 413):
            raise
        response = _page(request, "o_round_new.html", who, error=_error(request, exc))
        response.status_code = exc.status
        return response
    return _see_other(f"/can-bo/dot/{view.id}")


@router.get("/can-bo/dot/{round_id}", response_class=HTMLResponse)
async def round_page(request: Request, round_id: str) -> Response:
    who = require(request, ("tinh", "hoi_dong", "quan_tri"))
    view = visible_round(request, who, round_id)
    rt = _rt(request)
    lang = request_lang(request)
    seats = rt.rounds.seats(view.id)
    users = {u.id: u for u in rt.accounts.users(view.province)}
    cards = rt.rounds.cards(view.id)
    members = view.summary.get("thanh_vien", [])
    scorers = [m["ma"] for m in members if m["co_mat"] and m["cham_diem"]]
    mine = rt.rounds.seats_of(view.id, who.user_id)
    products = []
    for p in view.summary.get("san_pham", []):
        entered = {
            ma: card_total(cards[(p["index"], ma)]) for ma in scorers if (p["index"], ma) in cards
        }
        products.append({**p, "entered": entered, "preview": council_preview(p, scorers, cards)})
    jobs = rt.jobs.of_round(view.id) if who.role != "hoi_dong" else []
    texts = view.summary.get("texts", {}).get(lang, {})
    return _page(
        request,
        "o_round.html",
        who,
        round=view,
        s=view.summary,
        products=products,
        members=members,
        scorers=scorers,
        seats={ma: users[uid].username for ma, uid in seats.items() if uid in users},
        council_users=[u for u in users.values() if u.role == "hoi_dong"],
        mine=mine,
        jobs=jobs,
        failures=texts.get("failures", []),
        warnings=texts.get("warnings", []),
        when=_when,
        pdf=rt.pdf.available,
    )


@router.post("/can-bo/dot/{round_id}/ghe")
async def seat(request: Request, round_id: str) -> Response:
    who = require(request, OFFICE)
    view = visible_round(request, who, round_id)
    form = await _form(request, who)
    rt = _rt(request)
    council = {u.username: u.id for u in rt.accounts.users(view.province) if u.role == "hoi_dong"}
    for m in view.summary.get("thanh_vien", []):
        chosen = form.get(f"seat:{m['ma']}")
        if chosen is None:
            continue
        rt.rounds.seat(view.id, m["ma"], council.get(chosen))
    rt.audit.record(who, "seat", "round", view.id, province=view.province)
    return _see_other(f"/can-bo/dot/{view.id}#hoi-dong")


@router.post("/can-bo/dot/{round_id}/lap")
async def produce(request: Request, round_id: str) -> Response:
    who = require(request, OFFICE)
    view = visible_round(request, who, round_id)
    form = await _form(request, who)
    options = job_options(
        {
            "pdf": form.get("pdf") == "1",
            "bundle": form.get("bundle") == "1",
            "so_theo_doi": form.get("so_theo_doi") == "1",  # issue 14
        },
        request_lang(request),
    )
    rt = _rt(request)
    job, _new = await rt.workers.run(start_job, rt, who, view, options)
    return _see_other(f"/can-bo/lap/{job.id}")


@router.post("/can-bo/dot/{round_id}/xoa")
async def delete_round(request: Request, round_id: str) -> Response:
    who = require(request, OFFICE)
    view = visible_round(request, who, round_id)
    await _form(request, who)
    rt = _rt(request)
    await rt.workers.run(rt.rounds.delete, view.id)
    rt.audit.record(who, "delete", "round", view.id, province=view.province, name=view.name)
    return _see_other("/can-bo")


# --- production -------------------------------------------------------------------------------


@router.get("/can-bo/lap/{job_id}", response_class=HTMLResponse)
async def job_page(request: Request, job_id: str) -> Response:
    who = require(request, OFFICE)
    job = visible_job(request, who, job_id)
    view = _rt(request).rounds.get(job.round_id)
    if view is None:
        raise not_found(request)
    return _page(
        request,
        "o_job.html",
        who,
        job=job,
        round=view,
        state=json.dumps(job.to_json(), ensure_ascii=False),
        when=_when,
    )


@router.post("/can-bo/lap/{job_id}/dung")
async def cancel(request: Request, job_id: str) -> Response:
    who = require(request, OFFICE)
    job = visible_job(request, who, job_id)
    await _form(request, who)
    rt = _rt(request)
    rt.jobs.cancel(job.id)
    rt.audit.record(who, "cancel", "job", job.id, province=job.province)
    return _see_other(f"/can-bo/lap/{job.id}")


# --- scoring sheets ------------------------------------------------------------------------------


@router.get("/can-bo/dot/{round_id}/cham/{product}", response_class=HTMLResponse)
async def sheet_page(request: Request, round_id: str, product: int) -> Response:
    who = require(request, ("hoi_dong",))
    view = visible_round(request, who, round_id)
    rt = _rt(request)
    seats = require_seat(request, rt, who, view)
    item, sheet = sheet_for(view, product)
    member = request.query_params.get("tv") or seats[0]
    if member not in seats:
        raise not_found(request)
    card = rt.rounds.cards(view.id).get((product, member), {})
    return _page(
        request,
        "o_sheet.html",
        who,
        round=view,
        product=item,
        sheet=sheet,
        parts=sheet_parts(sheet),
        member=view.member(member) or {"ma": member},
        seats=seats,
        card=card,
        saved=request.query_params.get("ok") == "1",
        error=None,
    )


@router.post("/can-bo/dot/{round_id}/cham/{product}", response_class=HTMLResponse)
async def sheet_save(request: Request, round_id: str, product: int) -> Response:
    who = require(request, ("hoi_dong",))
    view = visible_round(request, who, round_id)
    rt = _rt(request)
    require_seat(request, rt, who, view)
    form = await request.form()
    check_form_csrf(who, str(form.get(CSRF_FIELD, "")))
    fields = {k: [str(v) for v in form.getlist(k)] for k in form}
    member = str(form.get("tv", ""))
    if form.get("mode") == "tong":
        fields = {"tong": fields.get("tong", [""])}
    else:
        fields.pop("tong", None)
    try:
        await rt.workers.run(save_sheet, rt, who, view, product, member, fields)
    except ServiceError as exc:
        if exc.status != 422:
            raise
        item, sheet = sheet_for(view, product)
        response = _page(
            request,
            "o_sheet.html",
            who,
            round=view,
            product=item,
            sheet=sheet,
            parts=sheet_parts(sheet),
            member=view.member(member) or {"ma": member},
            seats=rt.rounds.seats_of(view.id, who.user_id),
            card={},
            saved=False,
            error=_error(request, exc),
        )
        response.status_code = 422
        return response
    return _see_other(f"/can-bo/dot/{view.id}/cham/{product}?tv={quote(member)}&ok=1")


# --- dossiers and the audit log -------------------------------------------------------------


@router.post("/can-bo/ho-so")
async def new_dossier(request: Request) -> Response:
    who = require(request, ("xa", "tinh", "quan_tri"))
    await file_dossier(request, who)
    return _see_other("/can-bo#ho-so")


@router.get("/can-bo/nhat-ky", response_class=HTMLResponse)
async def audit_page(request: Request) -> Response:
    who = require(request, OFFICE)
    entries = _rt(request).audit.entries(None if who.is_admin else who.province)
    return _page(request, "o_audit.html", who, entries=entries)

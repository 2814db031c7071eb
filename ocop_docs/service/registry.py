"""The registry in the service (issue 14): the public look-up of a certificate, the
officials' pages and API, and the daily job that marks reminders.

* ``GET /tra-cuu/{số giấy chứng nhận}`` is public: product, producer, star, decision, valid
  until, and "còn hiệu lực / hết hiệu lực / đã thu hồi"; nothing else of the registry is.
  An unknown number is 404. Certificate numbers are not unique across provinces ("01/GCN-
  UBND"), so ``?tinh=<code>`` narrows the answer; without it every match is shown.
* ``/api/v1/registry…`` and ``/can-bo/so-theo-doi`` follow the officials' rules
  (:mod:`~ocop_docs.service.auth`): roles ``tinh`` and ``quan_tri``; a province's office sees
  and writes only its province (an entry of another is 404, as one that does not exist); an
  administrator names the province it writes to.
* The daily job (:func:`mark_reminders`) runs on the job queue as a huey periodic task
  (:mod:`~ocop_docs.service.jobqueue`): every entry gets the reminder category of the day.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session, sessionmaker

from ocop_docs.errors import InputError, OcopError
from ocop_docs.registry.importing import Decision
from ocop_docs.registry.model import Entry
from ocop_docs.registry.reminders import reminders
from ocop_docs.registry.reporters import added_json, listing_json, reminders_json
from ocop_docs.registry.store import Registry
from ocop_docs.registry.verbs import (
    due_reminders,
    import_list,
    list_entries,
    registry_statistics,
)
from ocop_docs.rules.units import provinces
from ocop_docs.service.accounts import Principal
from ocop_docs.service.auth import not_found, require, sees_province
from ocop_docs.service.errors import ServiceError, library_error_json
from ocop_docs.service.officials import _province_for, province_name, receive_form
from ocop_docs.service.runtime import Runtime
from ocop_docs.service.views import render_page, request_lang
from ocop_docs.text.dates import parse_date

api = APIRouter(prefix="/api/v1/registry", tags=["registry"])
pages = APIRouter(include_in_schema=False)
OFFICE = ("tinh", "quan_tri")
VN_TIME = dt.timedelta(hours=7)
LIST_SUFFIXES = (".xlsx", ".csv", ".yaml", ".yml")


def _rt(request: Request) -> Runtime:
    rt: Runtime = request.app.state.runtime
    return rt


def today() -> dt.date:
    """Today in Vietnam (UTC+7): a certificate expires on a Vietnamese calendar day."""
    return (dt.datetime.now(dt.UTC) + VN_TIME).date()


def _json(data: Any, status: int = 200) -> Response:
    body = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return Response(body, status_code=status, media_type="application/json")


def book(request: Request, who: Principal, province: int | None = None) -> Registry:
    """The registry ``who`` may read: its province's; an administrator's: all, or one."""
    if who.is_admin:
        return Registry(_rt(request).sessions, province=province)
    if province is not None and province != who.province:
        raise ServiceError(403, "auth-province-forbidden", province=province)
    return Registry(_rt(request).sessions, province=who.province)


def _day(raw: str | None) -> dt.date | None:
    if not raw:
        return None
    day = parse_date(raw)
    if day is None:
        raise ServiceError(
            422,
            "service-request-invalid",
            name="ngay",
            reason="không phải ngày",
            reason_en="not a date",
        )
    return day


def _visible(request: Request, who: Principal, entry_id: int) -> Entry:
    entry = book(request, who).entry(entry_id)
    if entry is None or not sees_province(who, entry.province):
        raise not_found(request)
    return entry


# --- the public look-up ----------------------------------------------------------------


def public_view(entry: Entry, day: dt.date) -> dict[str, Any]:
    """The only fields of the registry that are public (issue 14)."""
    province = next((p for p in provinces().values() if p.code == entry.province), None)
    return {
        "so": entry.certificate_no,
        "san_pham": entry.product,
        "chu_the": entry.producer,
        "hang_sao": entry.stars,
        "quyet_dinh": entry.decision_no,
        "ngay_quyet_dinh": entry.decision_date.strftime("%d/%m/%Y"),
        "co_quan": entry.issuer,
        "hieu_luc_den": entry.valid_to.strftime("%d/%m/%Y"),
        "tinh_trang": entry.validity(day),
        "tinh": province.full_name if province else "",
    }


def lookup_all(sessions: sessionmaker[Session], number: str, province: int | None) -> list[Entry]:
    registry = Registry(sessions, province=province)
    return registry.lookup_all(number)


@pages.get("/tra-cuu/{number:path}")
async def lookup_page(request: Request, number: str, tinh: int | None = None) -> Response:
    rt = _rt(request)
    if not 1 <= len(number) <= 100:
        raise not_found(request)
    found = await rt.workers.run(lookup_all, rt.sessions, number, tinh)
    if not found:
        raise not_found(request)
    day = today()
    views = [public_view(e, day) for e in found]
    if "application/json" in request.headers.get("accept", ""):
        return _json({"ket_qua": views})
    return render_page(request, "tra_cuu.html", {"found": views, "number": number})


# --- the officials' API ----------------------------------------------------------------


@api.get("", summary="Sổ theo dõi: giấy chứng nhận / the registry's certificates")
async def get_registry(
    request: Request,
    province: Annotated[int | None, Query(ge=1, le=999)] = None,
    het_han_truoc: str | None = None,
    xa: Annotated[str | None, Query(max_length=100)] = None,
    sao: Annotated[list[int] | None, Query()] = None,
    nam: Annotated[int | None, Query(ge=2000, le=2100)] = None,
    ngay: str | None = None,
    tat_ca: bool = False,
) -> Response:
    who = require(request, OFFICE)
    registry = book(request, who, province)
    listing = await _rt(request).workers.run(
        lambda: list_entries(
            registry,
            expiring_before=_day(het_han_truoc),
            commune=xa,
            stars=tuple(s for s in (sao or []) if s in (3, 4, 5)),
            year=nam,
            day=_day(ngay) or today(),
            everything=tat_ca,
        )
    )
    return _json(listing_json(listing))


@api.post("/import", summary="Nhập danh sách công nhận / import a published annex list")
async def post_import(request: Request) -> Response:
    who = require(request, OFFICE)
    result, status = await import_upload(request, who)
    return _json(added_json(result, request_lang(request)), status)


async def import_upload(request: Request, who: Principal) -> tuple[Any, int]:
    rt = _rt(request)
    async with rt.scratch() as tmp:
        received = await receive_form(request, who, tmp / "in")
        province = _province_for(who, received)
        files = [f for f in received.files if Path(f.name).suffix.lower() in LIST_SUFFIXES]
        if len(files) != 1:
            raise ServiceError(
                422, "registry-list-kind", source="…", kinds=", ".join(LIST_SUFFIXES)
            )
        upload = files[0]
        target = tmp / ("danh-sach" + Path(upload.name).suffix.lower())
        upload.path.rename(target)
        decision = Decision(
            number=received.value("so_quyet_dinh")[:100],
            date=parse_date(received.value("ngay_quyet_dinh")),
            issuer=received.value("co_quan")[:300],
            level=received.value("cap"),
            year=int(received.value("nam")) if received.value("nam").isdigit() else None,
            case=received.value("loai") or "lan_dau",
            province=received.value("tinh")[:100],
        )
        registry = Registry(rt.sessions, province=province)
        dry = received.value("thu") in ("1", "true", "on")
        try:
            result = await rt.workers.run(
                lambda: import_list(registry, target, decision, dry_run=dry)
            )
        except OcopError as exc:
            error = ServiceError(422 if exc.exit_code != 3 else 500, exc.code)
            error.body = {"vi": library_error_json(exc, "vi"), "en": library_error_json(exc, "en")}
            raise error from exc
    result.source = f"{upload.name[:200]} ({decision.number})"
    if result.added:
        rt.audit.record(who, "import", "registry", str(len(result.added)), province=province)
    return result, 422 if result.errors else 201 if result.added else 200


@api.get("/reminders", summary="Nhắc đánh giá lại / re-evaluation reminders")
async def get_reminders(
    request: Request,
    province: Annotated[int | None, Query(ge=1, le=999)] = None,
    ngay: str | None = None,
    canh_bao: Annotated[int, Query(ge=1, le=60)] = 30,
) -> Response:
    who = require(request, OFFICE)
    registry = book(request, who, province)
    result = await _rt(request).workers.run(
        due_reminders, registry, _day(ngay) or today(), canh_bao
    )
    return _json(reminders_json(result))


@api.get("/statistics", summary="Thống kê / statistics")
async def get_statistics(
    request: Request,
    province: Annotated[int | None, Query(ge=1, le=999)] = None,
    nam: Annotated[int | None, Query(ge=2000, le=2100)] = None,
    ngay: str | None = None,
) -> Response:
    who = require(request, OFFICE)
    registry = book(request, who, province)
    stats = await _rt(request).workers.run(registry_statistics, registry, nam, _day(ngay))
    return _json(stats.to_json())


@api.get("/report.docx", summary="Báo cáo năm (.docx, có biểu đồ) / the yearly report")
async def get_report(
    request: Request,
    province: Annotated[int | None, Query(ge=1, le=999)] = None,
    nam: Annotated[int | None, Query(ge=2000, le=2100)] = None,
) -> Response:
    who = require(request, OFFICE)
    registry = book(request, who, province)

    def make() -> bytes:
        from ocop_docs.registry.documents import render_report

        return render_report(registry_statistics(registry, nam), {})

    data = await _rt(request).workers.run(make)
    name = f"bao-cao-ocop-{nam or 'tat-ca'}.docx"
    return Response(
        data,
        media_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@api.get("/{entry_id}", summary="Một giấy chứng nhận và lịch sử / one certificate")
async def get_entry(request: Request, entry_id: int) -> Response:
    who = require(request, OFFICE)
    entry = await _rt(request).workers.run(_visible, request, who, entry_id)
    return _json(entry.to_json(today()))


@api.post("/{entry_id}/revoke", summary="Thu hồi giấy chứng nhận / revoke a certificate")
async def post_revoke(request: Request, entry_id: int) -> Response:
    who = require(request, OFFICE)
    entry = _visible(request, who, entry_id)
    try:
        raw = json.loads(await request.body() or b"{}")
    except ValueError:
        raw = None
    if not isinstance(raw, dict) or not str(raw.get("quyet_dinh") or "").strip():
        raise ServiceError(
            422,
            "service-request-invalid",
            name="quyet_dinh",
            reason="bắt buộc",
            reason_en="required",
        )
    on = _day(str(raw.get("ngay") or "")) or today()
    registry = Registry(_rt(request).sessions, province=entry.province)
    try:
        done = registry.revoke(
            entry.id, on, str(raw["quyet_dinh"])[:100], str(raw.get("ly_do") or "")[:500]
        )
    except InputError as exc:  # pragma: no cover - raced with a deletion
        raise not_found(request) from exc
    _rt(request).audit.record(who, "revoke", "registry", str(entry.id), province=entry.province)
    return _json(done.to_json(today()))


# --- the officials' page -----------------------------------------------------------------


def _charts(stats: Any) -> dict[str, str]:
    from ocop_docs.registry.charts import by_commune, by_year

    if not stats.years:
        return {}
    return {
        name: "data:image/png;base64," + base64.b64encode(make(stats)).decode("ascii")
        for name, make in (("theo_nam", by_year), ("theo_xa", by_commune))
    }


@pages.get("/can-bo/so-theo-doi")
async def registry_page(request: Request, ngay: str | None = None) -> Response:
    who = require(request, OFFICE)
    registry = book(request, who)
    day = _day(ngay) or today()

    def gather() -> dict[str, Any]:
        entries = registry.entries()
        stats = registry_statistics(registry)
        return {
            "day": day.strftime("%d/%m/%Y"),
            "reminders": reminders(entries, day),
            "entries": [e for e in entries if e.in_force(day)],
            "stats": stats,
            "charts": _charts(stats),
        }

    context = await _rt(request).workers.run(gather)
    return render_page(
        request,
        "o_registry.html",
        {"who": who, "ocsrf": who.csrf, "province_name": province_name(who.province), **context},
    )


@pages.post("/can-bo/so-theo-doi/nhap")
async def registry_import_page(request: Request) -> Response:
    who = require(request, OFFICE)
    result, _status = await import_upload(request, who)
    lang = request_lang(request)
    if result.errors or not result.added:
        return render_page(
            request,
            "o_registry_import.html",
            {
                "who": who,
                "ocsrf": who.csrf,
                "province_name": "",
                "result": json.loads(added_json(result, lang)),
            },
            status=422 if result.errors else 200,
        )
    return RedirectResponse("/can-bo/so-theo-doi", status_code=303)


# --- the daily job ---------------------------------------------------------------------


def mark_reminders(sessions: sessionmaker[Session], day: dt.date | None = None) -> int:
    """Mark every entry with its reminder category of ``day`` (Vietnam's today by default);
    returns how many marks changed (the huey periodic task)."""
    day = day or today()
    registry = Registry(sessions)
    entries = registry.entries()
    found = {r.entry.id: r.category for r in reminders(entries, day).items}
    marks = {e.id: found.get(e.id, "") for e in entries if e.reminder or e.id in found}
    return registry.mark(marks, day)


__all__ = ["api", "lookup_all", "mark_reminders", "pages", "public_view", "today"]

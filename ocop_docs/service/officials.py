"""What the officials' API and pages both do: create a round from an upload, file a
dossier, start a production job, enter a scoring sheet (issue 13).

Each takes the signed-in :class:`~ocop_docs.service.accounts.Principal` and records what
was done in the audit log. Blocking work (unpacking, the library's loaders, the validator)
runs in the service's worker threads.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from fastapi import Request

from ocop_docs.production.contexts.registry import KINDS
from ocop_docs.rules.units import provinces
from ocop_docs.service.accounts import Principal
from ocop_docs.service.auth import check_form_csrf, not_found
from ocop_docs.service.casefiles import CaseFileView
from ocop_docs.service.checking import check_dossier
from ocop_docs.service.composing import read_data
from ocop_docs.service.errors import ServiceError
from ocop_docs.service.intake import Dossier, Received, assemble, receive
from ocop_docs.service.jobs import JobView
from ocop_docs.service.round_intake import lay_out, receive_dossiers, summarise
from ocop_docs.service.rounds import RoundView
from ocop_docs.service.runtime import Runtime
from ocop_docs.service.scoresheets import (
    card_total,
    parse_choices,
    rubric_sheet,
    score_choices,
)

ROUND_KINDS = ("bien-ban", "quyet-dinh", "giay-chung-nhan", "phieu-danh-gia", "bao-cao-xa")


def _rt(request: Request) -> Runtime:
    rt: Runtime = request.app.state.runtime
    return rt


def province_codes() -> set[int]:
    return {p.code for p in provinces().values()}


def province_name(code: int | None) -> str:
    for p in provinces().values():
        if p.code == code:
            return p.full_name
    return "—" if code is None else str(code)


async def receive_form(request: Request, who: Principal, folder: Path) -> Received:
    """A multipart body (files to disk); the page's forms carry the session's CSRF token."""
    rt = _rt(request)
    received = await receive(
        request.stream(), request.headers.get("content-type", ""), folder, rt.settings
    )
    if not request.url.path.startswith("/api/") and who.via == "session":
        check_form_csrf(who, received.value("csrf"))
    return received


def _province_for(who: Principal, received: Received) -> int:
    if not who.is_admin:
        assert who.province is not None
        return who.province
    raw = received.value("province")
    try:
        code = int(raw)
    except ValueError:
        raise ServiceError(422, "auth-province-required", role=who.role) from None
    if code not in province_codes():
        raise ServiceError(422, "auth-province-unknown", province=raw[:20])
    return code


async def create_round(request: Request, who: Principal) -> RoundView:
    rt = _rt(request)
    async with rt.scratch() as tmp:
        received = await receive_form(request, who, tmp / "in")
        province = _province_for(who, received)

        def run() -> str:
            uploaded = receive_dossiers(received, tmp / "dossiers", rt.settings)

            def find(name: str, target: Path) -> bool:
                if name in uploaded:
                    shutil.copytree(uploaded[name], target, symlinks=False)
                    return True
                filed = rt.casefiles.latest_named(province, name)
                if filed is None:
                    return False
                rt.casefiles.restore(filed, target)
                return True

            laid = lay_out(received, tmp / "tree", rt.settings, find)
            summary = summarise(laid)
            for name, folder in uploaded.items():
                _file(rt, who, Dossier(folder, name), province, None, "upload")
            return rt.rounds.create(province, laid, summary, who.user_id)

        round_id = await rt.workers.run(run)
    view = rt.rounds.get(round_id)
    assert view is not None
    rt.audit.record(who, "create", "round", view.id, province=province, name=view.name)
    return view


def _file(
    rt: Runtime,
    who: Principal,
    dossier: Dossier,
    province: int,
    commune: int | None,
    origin: str,
) -> str:
    checked = check_dossier(dossier, max_bytes=rt.settings.max_attachment, langs=("vi",))
    data, _name = read_data(dossier.folder)
    return rt.casefiles.create(
        dossier,
        checked,
        data,
        province=province,
        commune=commune,
        origin=origin,
        user_id=who.user_id,
    )


async def file_dossier(request: Request, who: Principal) -> CaseFileView:
    """A dossier filed by a commune officer (their commune) or the province's office."""
    rt = _rt(request)
    async with rt.scratch() as tmp:
        received = await receive_form(request, who, tmp / "in")
        province = _province_for(who, received)
        commune = who.commune
        if who.role != "xa" and received.value("commune"):
            try:
                commune = int(received.value("commune"))
            except ValueError:
                raise ServiceError(422, "auth-commune-required") from None

        def run() -> str:
            dossier = assemble(received, tmp / "ho-so", rt.settings)
            return _file(rt, who, dossier, province, commune, "upload")

        dossier_id = await rt.workers.run(run)
    view = rt.casefiles.visible(who, dossier_id)
    assert view is not None
    rt.audit.record(who, "create", "dossier", view.id, province=province, name=view.name)
    return view


def job_options(raw: dict[str, Any], lang: str) -> dict[str, Any]:
    """The options of a production (``POST …/batch`` body or the page's form)."""
    kinds = raw.get("kinds")
    if kinds is not None:
        if not isinstance(kinds, list) or not all(isinstance(k, str) for k in kinds):
            raise ServiceError(422, "service-body-invalid", reason="kinds")
        unknown = [k for k in kinds if k not in KINDS]
        if unknown:
            raise ServiceError(
                404, "service-kind-unknown", kind=unknown[0][:60], known=", ".join(KINDS)
            )
    pdf = bool(raw.get("pdf", True))
    bundle = bool(raw.get("bundle", pdf))
    return {
        "kinds": kinds,
        "pdf": pdf or bundle,
        "bundle": bundle,
        "draft": bool(raw.get("draft", False)),
        "lang": "en" if (raw.get("lang") or lang) == "en" else "vi",
        # issue 14: record the recognised products in the province's registry when done
        **({"so_theo_doi": True} if raw.get("so_theo_doi") else {}),
    }


def start_job(
    rt: Runtime, who: Principal, view: RoundView, options: dict[str, Any]
) -> tuple[JobView, bool]:
    if options["pdf"] and not rt.pdf.available:
        raise ServiceError(503, "convert-missing", tried=rt.settings.soffice or "PATH")
    job_id, new = rt.jobs.create(view.id, view.province, options, who.user_id)
    if new:
        rt.queue.enqueue(job_id)
        rt.audit.record(who, "produce", "round", view.id, province=view.province, job=job_id)
    job = rt.jobs.get(job_id)
    assert job is not None
    return job, new


def sheet_for(view: RoundView, product: int) -> tuple[dict[str, Any], dict[str, Any]]:
    """The product and its rubric as data; 404 when the product has no product set."""
    item = view.product(product)
    if item is None or not item.get("bo_san_pham"):
        raise ServiceError(404, "scoresheet-no-rubric", product=product)
    regime = str(view.summary.get("bo_tieu_chi") or "26/2026")
    return item, rubric_sheet(int(item["bo_san_pham"]), regime)


def save_sheet(
    rt: Runtime,
    who: Principal,
    view: RoundView,
    product: int,
    member: str,
    fields: dict[str, list[str]],
) -> dict[str, Any]:
    """One member's sheet: choices per criterion (scored by the library), or a total."""
    if member not in rt.rounds.seats_of(view.id, who.user_id):
        raise ServiceError(403, "scoresheet-not-your-seat", member=member[:32])
    seat = view.member(member)
    if seat is None or not seat.get("co_mat") or not seat.get("cham_diem"):
        raise ServiceError(403, "scoresheet-not-your-seat", member=member[:32])
    item, sheet = sheet_for(view, product)
    choices = parse_choices(fields, sheet)
    total: float | None = None
    result: dict[str, Any] = {}
    if choices:
        regime = str(view.summary.get("bo_tieu_chi") or "26/2026")
        result = score_choices(int(item["bo_san_pham"]), choices, regime)
    else:
        raw = (fields.get("tong") or [""])[0].strip().replace(",", ".")
        try:
            total = float(raw)
        except ValueError:
            raise ServiceError(422, "scoresheet-total-invalid", value=raw[:20]) from None
        if not 0 <= total <= 100:
            raise ServiceError(422, "scoresheet-total-invalid", value=raw[:20])
    rt.rounds.save_card(
        view.id,
        product,
        member,
        choices=choices or None,
        total=total,
        result=result,
        user_id=who.user_id,
    )
    rt.audit.record(
        who, "score", "round", view.id, province=view.province, product=product, member=member
    )
    card = {"chon": choices or None, "tong": total, "ket_qua": result}
    return {"product": product, "member": member, "total": card_total(card), **card}


def require_seat(request: Request, rt: Runtime, who: Principal, view: RoundView) -> list[str]:
    seats = rt.rounds.seats_of(view.id, who.user_id)
    if not seats:
        raise not_found(request)
    return seats

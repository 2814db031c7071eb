"""The page for cooperatives: choose the product set, fill the guided form or drop a folder
or a zip, read the result, correct it, download the completed dossier, delete it.

Server-rendered and complete without JavaScript (every action is a form and a redirect);
the vendored htmx only adds the field messages while typing (``/ho-so/kiem-nhanh``). Every
POST carries the CSRF token (:func:`~ocop_docs.service.views.check_csrf`).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ocop_docs.catalogue import Lang
from ocop_docs.rules.product_sets import groups, product_sets
from ocop_docs.service.checking import check_dossier, field_messages
from ocop_docs.service.commune import submit_check
from ocop_docs.service.composing import compose, read_data
from ocop_docs.service.documents import build_bundle
from ocop_docs.service.errors import ServiceError
from ocop_docs.service.forms import (
    document_files,
    document_slots,
    document_values,
    form_sections,
    form_values,
    pointer_title,
    valid_choice,
)
from ocop_docs.service.intake import Dossier, Received, assemble, receive
from ocop_docs.service.records import CheckView
from ocop_docs.service.runtime import Runtime
from ocop_docs.service.views import CSRF_FIELD, check_csrf, render_page, request_lang
from ocop_docs.text.documents import human_size

router = APIRouter(include_in_schema=False)
VN_TIME = dt.timedelta(hours=7)  # giờ Việt Nam (UTC+7)


def _rt(request: Request) -> Runtime:
    rt: Runtime = request.app.state.runtime
    return rt


def _see_other(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


def _check(request: Request, check_id: str) -> CheckView:
    view = _rt(request).records.get(check_id)
    if view is None:
        raise ServiceError(404, "service-not-found", days=_rt(request).settings.retention_days)
    return view


async def _receive(request: Request, folder: Path) -> Received:
    rt = _rt(request)
    content_type = request.headers.get("content-type", "")
    if content_type.startswith("application/x-www-form-urlencoded"):
        form = await request.form()  # a form without files; the body limit still applies
        fields = {k: [str(v) for v in form.getlist(k)] for k in form}
        received = Received(fields=fields)
    else:
        received = await receive(request.stream(), content_type, folder, rt.settings)
    check_csrf(request, received.value(CSRF_FIELD))
    return received


def _catalogue(lang: Lang) -> list[dict[str, Any]]:
    sets = product_sets()
    return [
        {
            "ma": g["ma"],
            "ten": g["ten"] if lang == "vi" else g["ten_en"],
            "sets": [
                {"so": s.so, "ten": s.ten if lang == "vi" else s.ten_en}
                for s in sets.values()
                if s.nhom == g["ma"]
            ],
        }
        for g in groups()
    ]


@router.get("/", response_class=HTMLResponse)
async def index(request: Request) -> Response:
    return render_page(
        request,
        "index.html",
        {"groups": _catalogue(request_lang(request)), "limit": _limit(request)},
    )


def _limit(request: Request) -> str:
    return human_size(_rt(request).settings.max_upload)


def _form_context(
    request: Request,
    product_set: int,
    case: str,
    *,
    values: dict[str, str],
    messages: dict[str, Any],
    files: dict[str, list[str]],
    action: str,
) -> dict[str, Any]:
    lang = request_lang(request)
    ps = product_sets()[product_set]
    return {
        "sections": form_sections(product_set, case),
        "slots": document_slots(product_set, case, lang),
        "values": values,
        "messages": messages,
        "files": files,
        "action": action,
        "product_set": product_set,
        "set_name": ps.ten if lang == "vi" else ps.ten_en,
        "group": ps.nhom,
        "case": case,
        "max_attachment": human_size(_rt(request).settings.max_attachment),
    }


@router.get("/ho-so/moi", response_class=HTMLResponse)
async def new_form(request: Request) -> Response:
    choice = valid_choice(request.query_params.get("bo"), request.query_params.get("loai"))
    if choice is None:
        return _see_other("/")
    product_set, case = choice
    today = dt.date.today().strftime("%d/%m/%Y")
    context = _form_context(
        request,
        product_set,
        case,
        values={"ngay_nop": today, "nam_danh_gia": str(dt.date.today().year)},
        messages={},
        files={},
        action=f"/ho-so/moi?bo={product_set}&loai={case}",
    )
    return render_page(request, "form.html", context)


async def _store(
    request: Request,
    dossier: Dossier,
    data: Any,
    origin: str,
    replace: str | None = None,
) -> str:
    rt = _rt(request)
    checked = await rt.workers.run(
        lambda: check_dossier(dossier, max_bytes=rt.settings.max_attachment)
    )
    if replace is not None:
        await rt.workers.run(rt.records.replace, replace, dossier, checked, data)
        return replace
    return await rt.workers.run(rt.records.create, dossier, checked, origin, data)


@router.post("/ho-so/moi")
async def submit_form(request: Request) -> Response:
    choice = valid_choice(request.query_params.get("bo"), request.query_params.get("loai"))
    if choice is None:
        return _see_other("/")
    product_set, case = choice
    rt = _rt(request)
    lang = request_lang(request)
    async with rt.scratch() as tmp:
        received = await _receive(request, tmp / "in")
        folder = tmp / "ho-so"
        composed = await rt.workers.run(
            lambda: compose(
                received,
                folder,
                form_sections(product_set, case),
                document_slots(product_set, case, lang),
                product_set,
                case,
            )
        )
        name = f"ho-so-bo-{product_set:02d}"
        check_id = await _store(request, Dossier(folder, name), composed.data, "form")
    return _see_other(f"/ket-qua/{check_id}")


@router.post("/ho-so/kiem-nhanh", response_class=HTMLResponse)
async def quick_check(request: Request) -> Response:
    """The field messages of the form as typed so far (htmx out-of-band fragments)."""
    choice = valid_choice(request.query_params.get("bo"), request.query_params.get("loai"))
    if choice is None:
        raise ServiceError(404, "service-not-found", days=_rt(request).settings.retention_days)
    product_set, case = choice
    rt = _rt(request)
    async with rt.scratch() as tmp:
        received = await _receive(request, tmp / "in")
        received.files = []  # field messages only: attachments are checked on submit
        sections = form_sections(product_set, case)
        folder = tmp / "ho-so"

        def run() -> dict[str, Any]:
            composed = compose(received, folder, sections, [], product_set, case)
            checked = check_dossier(
                Dossier(folder, "ho-so"), attachments=False, max_bytes=rt.settings.max_attachment
            )
            return field_messages(checked.report, composed.data)

        messages = await rt.workers.run(run)
    names = [f.name for s in sections for f in s.fields]
    return render_page(request, "_messages.html", {"names": names, "messages": messages})


@router.post("/kiem-tra")
async def upload(request: Request) -> Response:
    rt = _rt(request)
    async with rt.scratch() as tmp:
        received = await _receive(request, tmp / "in")
        dossier = await rt.workers.run(assemble, received, tmp / "ho-so", rt.settings)
        data, _name = await rt.workers.run(read_data, dossier.folder)
        check_id = await _store(request, dossier, data, "upload")
    return _see_other(f"/ket-qua/{check_id}")


def _report(request: Request, view: CheckView) -> dict[str, Any]:
    lang = request_lang(request)
    data: dict[str, Any] = json.loads(_rt(request).store.read(view.report_digest(lang)))
    return data


def _stored_data(request: Request, view: CheckView, tmp: Path) -> dict[str, Any] | None:
    _rt(request).records.restore(view, tmp)
    data, _name = read_data(tmp)
    return data


@router.get("/ket-qua/{check_id}", response_class=HTMLResponse)
async def result(request: Request, check_id: str) -> Response:
    view = _check(request, check_id)
    rt = _rt(request)
    lang = request_lang(request)
    report = _report(request, view)
    dossier = report["dossiers"][0]
    async with rt.scratch() as tmp:
        data = await rt.workers.run(_stored_data, request, view, tmp)
    for issue in dossier["issues"]:
        issue["title"] = pointer_title(view.product_set, issue["pointer"], lang, data)
    submitted = await rt.workers.run(rt.casefiles.submitted_from, view.id)
    context = {
        "check": view,
        "report": report,
        "d": dossier,
        "submitted": submitted,
        "submitted_at": (submitted.created_at + VN_TIME).strftime("%d/%m/%Y %H:%M")
        if submitted
        else "",
        "created": (view.created_at + VN_TIME).strftime("%d/%m/%Y %H:%M"),
        "expires": (view.expires_at + VN_TIME).strftime("%d/%m/%Y"),
        "editable": view.product_set is not None and view.case is not None,
        "pdf": rt.pdf.available,
    }
    return render_page(request, "result.html", context)


@router.get("/ket-qua/{check_id}/bao-cao.json")
async def report_json(request: Request, check_id: str) -> Response:
    view = _check(request, check_id)
    body = _rt(request).store.read(view.report_digest(request_lang(request)))
    return Response(
        body,
        media_type="application/json",
        headers={"Content-Disposition": 'attachment; filename="bao-cao-kiem-tra.json"'},
    )


@router.get("/ket-qua/{check_id}/bao-cao", response_class=HTMLResponse)
async def report_print(request: Request, check_id: str) -> Response:
    view = _check(request, check_id)
    report = _report(request, view)
    context = {
        "check": view,
        "d": report["dossiers"][0],
        "report": report,
        "created": (view.created_at + VN_TIME).strftime("%d/%m/%Y %H:%M"),
    }
    return render_page(request, "print.html", context)


@router.get("/ket-qua/{check_id}/ho-so.zip")
async def bundle(request: Request, check_id: str) -> Response:
    view = _check(request, check_id)
    rt = _rt(request)
    lang = request_lang(request)
    if view.bundle is None or not rt.store.exists(view.bundle):
        async with rt.scratch() as tmp:
            folder = tmp / "ho-so"
            folder.mkdir()

            def make() -> str:
                rt.records.restore(view, folder)
                made = build_bundle(folder, view.source, tmp / "out", rt.pdf, lang)
                digest, _size = rt.store.put_file(made.path)
                rt.records.set_bundle(view.id, digest)
                return digest

            digest = await rt.workers.run(make)
    else:
        digest = view.bundle
    data = await rt.workers.run(rt.store.read, digest)
    name = f"{view.source}.zip".encode("ascii", "replace").decode().replace('"', "")
    return Response(
        data,
        media_type="application/zip",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.get("/ket-qua/{check_id}/sua", response_class=HTMLResponse)
async def edit_form(request: Request, check_id: str) -> Response:
    view = _check(request, check_id)
    if view.product_set is None or view.case is None:
        return _see_other(f"/ket-qua/{check_id}")
    rt = _rt(request)
    async with rt.scratch() as tmp:
        data = await rt.workers.run(_stored_data, request, view, tmp) or {}
    sections = form_sections(view.product_set, view.case)
    values = {**form_values(sections, data), **document_values(data)}
    context = _form_context(
        request,
        view.product_set,
        view.case,
        values=values,
        messages=view.fields,
        files=document_files(data),
        action=f"/ket-qua/{check_id}/sua",
    )
    context["editing"] = view
    return render_page(request, "form.html", context)


@router.post("/ket-qua/{check_id}/sua")
async def submit_edit(request: Request, check_id: str) -> Response:
    view = _check(request, check_id)
    if view.product_set is None or view.case is None:
        return _see_other(f"/ket-qua/{check_id}")
    product_set, case = view.product_set, view.case
    rt = _rt(request)
    lang = request_lang(request)
    async with rt.scratch() as tmp:
        received = await _receive(request, tmp / "in")
        folder = tmp / "ho-so"
        folder.mkdir()

        def run() -> Any:
            rt.records.restore(view, folder)
            base, name = read_data(folder)
            return compose(
                received,
                folder,
                form_sections(product_set, case),
                document_slots(product_set, case, lang),
                product_set,
                case,
                base,
                name,
            )

        composed = await rt.workers.run(run)
        await _store(request, Dossier(folder, view.source), composed.data, view.origin, check_id)
    return _see_other(f"/ket-qua/{check_id}")


@router.post("/ket-qua/{check_id}/gui-xa", response_class=HTMLResponse)
async def submit_to_commune(request: Request, check_id: str) -> Response:
    """The cooperative files its checked dossier with its commune (Điều 6.2.a, 7.2)."""
    form = await request.form()
    check_csrf(request, str(form.get(CSRF_FIELD, "")))
    view = _check(request, check_id)
    rt = _rt(request)
    async with rt.scratch() as tmp:
        await rt.workers.run(submit_check, rt, view, tmp)
    return _see_other(f"/ket-qua/{check_id}#gui-xa")


@router.post("/ket-qua/{check_id}/xoa", response_class=HTMLResponse)
async def delete(request: Request, check_id: str) -> Response:
    form = await request.form()
    check_csrf(request, str(form.get(CSRF_FIELD, "")))
    rt = _rt(request)
    await rt.workers.run(rt.records.delete, check_id)
    return render_page(request, "deleted.html", {})


@router.get("/api/docs", response_class=HTMLResponse)
async def api_docs(request: Request) -> Response:
    """A browsable description of the API, made from /openapi.json on the server."""
    doc = request.app.openapi()
    operations = [
        {"method": method.upper(), "path": path, **op}
        for path, item in doc["paths"].items()
        for method, op in item.items()
    ]
    return render_page(request, "api_docs.html", {"operations": operations, "doc": doc})

"""The commune's side of a dossier (issue 13; QĐ 26/2026 Điều 6.2.a and 7.2).

A cooperative that has checked its dossier anonymously may submit it to its commune: the
dossier goes to the commune of the producer's address (``chu_the.dia_chi``, resolved to
today's unit by :mod:`ocop_docs.rules.units`, former units mapped), where the commune's
officer (role ``xa``) sees it beside the dossiers they filed themselves. The officer then
writes the commune's assessment, Mẫu số 03 of Phụ lục III (the four points on local raw
materials, labour, the idea's origin and local identity, Điều 7.2.a), in the browser;
the service keeps it with the dossier and renders it with the ``bao-cao-xa`` template,
exactly as ``ocop-docs render bao-cao-xa DOSSIER --assessment FILE`` does.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ocop_docs.errors import OcopError
from ocop_docs.production.contexts.bao_cao_xa import read_assessment
from ocop_docs.service.casefiles import CaseFileView
from ocop_docs.service.checking import check_dossier, scrub
from ocop_docs.service.composing import read_data
from ocop_docs.service.documents import render_kind
from ocop_docs.service.errors import ServiceError, library_error_json
from ocop_docs.service.intake import Dossier
from ocop_docs.service.records import CheckView
from ocop_docs.service.runtime import Runtime

# The four assessments of Mẫu 03 (Phụ lục III, Mẫu số 03, mục 1–4), in the form's order.
POINTS = ("nguyen_lieu", "lao_dong", "y_tuong", "ban_sac")
TEXT_LIMIT = 4000  # characters per field: a page of the form, far above any real report
LINE_LIMIT = 200


def submit_check(rt: Runtime, view: CheckView, workdir: Path) -> CaseFileView:
    """File anonymous check ``view`` with its commune (blocking; once per check).

    The commune is today's unit the validator resolved for ``chu_the.dia_chi`` (the
    report's ``address``, former units mapped), so the address rules live in one place."""
    earlier = rt.casefiles.submitted_from(view.id)
    if earlier is not None:
        return earlier
    if view.errors:
        raise ServiceError(422, "submit-invalid", errors=view.errors)
    folder = workdir / "ho-so"
    folder.mkdir(parents=True, exist_ok=True)
    rt.records.restore(view, folder)
    data, _name = read_data(folder)
    dossier = Dossier(folder, view.source)
    checked = check_dossier(dossier, max_bytes=rt.settings.max_attachment, langs=("vi",))
    if checked.report.errors:  # the rules may have moved on since the check was made
        raise ServiceError(422, "submit-invalid", errors=checked.report.errors)
    address = checked.report.address or {}
    province, commune = address.get("province_code"), address.get("commune_code")
    if not isinstance(province, int) or not isinstance(commune, int):
        raise ServiceError(422, "submit-no-commune")
    dossier_id = rt.casefiles.create(
        dossier,
        checked,
        data,
        province=province,
        commune=commune,
        origin="check",
        user_id=None,
        source_check=view.id,
    )
    made = rt.casefiles.get(dossier_id)
    assert made is not None
    return made


def _text(values: Mapping[str, Any], key: str, limit: int = TEXT_LIMIT) -> str:
    raw = values.get(key, "")
    text = raw if isinstance(raw, str) else ""
    return text.replace("\r\n", "\n").strip()[:limit]


def assessment_from_form(values: Mapping[str, Any]) -> dict[str, Any]:
    """The assessment (the round file's ``danh_gia_xa`` shape) from the page's fields or an
    API body; empty fields are left out so that the template's defaults apply."""
    out: dict[str, Any] = {}
    for key in ("so", "ngay", *POINTS):
        text = _text(values, key, LINE_LIMIT if key in ("so", "ngay") else TEXT_LIMIT)
        if text:
            out[key] = text
    signer = values.get("nguoi_ky")
    signer_values: Mapping[str, Any] = (
        signer
        if isinstance(signer, Mapping)
        else {
            "ho_ten": values.get("ky_ho_ten", ""),
            "chuc_vu": values.get("ky_chuc_vu", ""),
            "quyen_han": values.get("ky_quyen_han", ""),
        }
    )
    person = {k: _text(signer_values, k, LINE_LIMIT) for k in ("ho_ten", "chuc_vu", "quyen_han")}
    person = {k: v for k, v in person.items() if v}
    if person:
        out["nguoi_ky"] = person
    recipients = values.get("noi_nhan", "")
    lines = (
        [str(r) for r in recipients]
        if isinstance(recipients, list)
        else str(recipients).splitlines()
    )
    kept = [line.strip()[:LINE_LIMIT] for line in lines if line.strip()][:30]
    if kept:
        out["noi_nhan"] = kept
    return out


def checked_assessment(assessment: dict[str, Any], workdir: Path) -> dict[str, Any]:
    """The assessment as the library reads an assessment file, or a 422 with its findings
    (the same codes and messages as ``render --assessment``)."""
    path = workdir / "mau-03.json"
    path.write_text(json.dumps(assessment, ensure_ascii=False), encoding="utf-8")
    try:
        return read_assessment(path)
    except OcopError as exc:
        raise _passed_on(exc, workdir, "mau-03") from None


def render_assessment(
    rt: Runtime, view: CaseFileView, assessment: dict[str, Any], workdir: Path, *, pdf: bool
) -> Path:
    """Mẫu 03 of dossier ``view`` with the commune's ``assessment`` (.docx or .pdf)."""
    folder = workdir / "ho-so"
    folder.mkdir(parents=True, exist_ok=True)
    rt.casefiles.restore(view, folder)
    source = workdir / "mau-03.json"
    source.write_text(json.dumps(assessment, ensure_ascii=False), encoding="utf-8")
    out = workdir / "out"
    out.mkdir()
    try:
        return render_kind(
            "bao-cao-xa",
            folder,
            out,
            product=None,
            draft=False,
            pdf=pdf,
            slots=rt.pdf,
            assessment=source,
        )
    except OcopError as exc:
        raise _passed_on(exc, workdir, view.name) from None


def _passed_on(exc: OcopError, workdir: Path, name: str) -> ServiceError:
    """A library refusal as the service's answer: 503 without LibreOffice, 500 for a broken
    template (exit 3), 422 for the data; paths of the scratch folder never shown."""
    status = 503 if exc.code == "convert-missing" else 500 if exc.exit_code == 3 else 422
    error = ServiceError(status, exc.code)
    error.body = {
        lang: scrub(library_error_json(exc, lang), workdir, name) for lang in ("vi", "en")
    }
    return error


__all__ = [
    "POINTS",
    "assessment_from_form",
    "checked_assessment",
    "render_assessment",
    "submit_check",
]

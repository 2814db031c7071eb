"""Mẫu 03 Báo cáo đánh giá của UBND cấp xã (QĐ 26/2026 Phụ lục III, Mẫu số 03).

The commune's assessment of a product: the dossier part of the context and, in ``xa``,
the commune's report (its four assessments, number, date, signer, recipients), read from
an assessment file (``--assessment``) or from the round product's ``danh_gia_xa``.
Template ``templates/bao-cao-xa.docx``, schema ``schemas/contexts/bao-cao-xa.schema.json``.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from ocop_docs.errors import InputError
from ocop_docs.production.contexts.dates import document_day
from ocop_docs.production.contexts.dossier import dossier_context
from ocop_docs.production.contexts.kind import Built, DossierSource, Kind
from ocop_docs.production.contexts.signatures import signer_context
from ocop_docs.production.printing import (
    CHAM,
    NGAY_TRONG,
    bare_name,
    date_or,
    header_name,
    punctuate,
)
from ocop_docs.production.rounds.loading import ROUND_SCHEMA
from ocop_docs.production.schema_tree import schema_tree
from ocop_docs.text.documents import load_document
from ocop_docs.text.official import format_date, format_doc_number


def assessment_context(data: Mapping[str, Any], assessment: Mapping[str, Any]) -> dict[str, Any]:
    """The ``xa`` block of Mẫu 03 from the commune's assessment and the dossier."""
    address = (data.get("chu_the") or {}).get("dia_chi") or {}
    xa = str(assessment.get("xa") or address.get("xa") or "")
    tinh = str(assessment.get("tinh") or address.get("tinh") or "")
    place = str(assessment.get("dia_danh") or bare_name(xa) or CHAM)
    number = assessment.get("so")
    signer = {
        "quyen_han": "TM. ỦY BAN NHÂN DÂN",
        "chuc_vu": "CHỦ TỊCH",
        **(assessment.get("nguoi_ky") or {}),
    }
    recipients = assessment.get("noi_nhan") or [f"Ủy ban nhân dân {tinh}", "Lưu: VT"]
    return {
        "ten": xa,
        "ten_in_hoa": header_name(f"Ủy ban nhân dân {xa}") if xa else "ỦY BAN NHÂN DÂN\nXÃ …",
        "tinh": tinh,
        "so": format_doc_number(number, None if "/" in str(number) else "BC-UBND")
        if number
        else "        /BC-UBND",
        "ngay_dong": f"{place}, " + date_or(assessment.get("ngay"), format_date, NGAY_TRONG),
        "nguyen_lieu": assessment.get("nguyen_lieu"),
        "lao_dong": assessment.get("lao_dong"),
        "y_tuong": assessment.get("y_tuong"),
        "ban_sac": assessment.get("ban_sac"),
        "nguoi_ky": signer_context(signer),
        "noi_nhan": punctuate(recipients),
    }


def read_assessment(path: Path) -> dict[str, Any]:
    """A commune assessment file (the shape of ``danh_gia_xa`` in round.schema.json)."""
    doc = load_document(path)
    issues = list(doc.issues)
    if isinstance(doc.data, dict):
        defs = schema_tree(ROUND_SCHEMA).root["$defs"]
        sub = {"$defs": defs, "$ref": "#/$defs/danh_gia_xa"}
        props = defs["danh_gia_xa"]["properties"]
        for error in Draft202012Validator(sub).iter_errors(doc.data):
            where = [str(p) for p in error.absolute_path]
            if error.validator == "required":
                for key in error.validator_value:
                    if key not in doc.data:
                        title = props.get(key, {}).get("title", key)
                        issues.append(
                            doc.issue("schema-required", "", field=title, key=key, parent=str(path))
                        )
            else:
                key = where[0] if where else ""
                title = props.get(key, {}).get("title", key or str(path))
                issues.append(doc.issue("schema-invalid", "/" + "/".join(where), field=title))
    errors = [i for i in issues if i.severity == "error"]
    if not isinstance(doc.data, dict) or errors:
        raise InputError(
            "round-invalid",
            issues=issues,
            path=str(path),
            count=max(len(errors), 1),
            first=errors[0].message("vi") if errors else "?",
            first_en=errors[0].message("en") if errors else "?",
        )
    return dict(doc.data)


def build(data: Mapping[str, Any], source: DossierSource) -> Built:
    """From the assessment file when one is given, else the round's ``danh_gia_xa``."""
    if source.assessment_file is not None:
        raw = read_assessment(source.assessment_file)
    else:
        raw = dict(source.inline_assessment or {})
    if not raw:
        raise InputError("render-no-assessment", product=source.label)
    ctx = dossier_context(data)
    ctx["xa"] = assessment_context(data, raw)
    return Built(ctx, document_day(raw.get("ngay")) or document_day(data.get("ngay_nop")))


KIND = Kind(
    "bao-cao-xa",
    "Mẫu 03 Báo cáo đánh giá của UBND cấp xã",
    "Form 03 the commune's assessment report",
    per_product=True,
    from_dossier=build,
)

__all__ = ["KIND", "assessment_context", "build", "read_assessment"]

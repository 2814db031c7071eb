"""Quyết định công nhận sản phẩm OCOP, with its annex list (QĐ 26/2026 Điều 4.1, 7.3.e).

The recognition decision: the council part of the context, whose ``quyet_dinh`` block
(:func:`decision_context`) fills in what NĐ 30/2020 asks of a decision (số, ký hiệu, căn
cứ, thẩm quyền, nơi nhận) with the round's values or the regime's defaults. Dated by its
signing. Template ``templates/quyet-dinh.docx``, schema
``schemas/contexts/quyet-dinh.schema.json``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping
from typing import Any

from ocop_docs.errors import InputError
from ocop_docs.production.contexts.dates import decision_day
from ocop_docs.production.contexts.kind import Built, Kind
from ocop_docs.production.contexts.signatures import signer_context
from ocop_docs.production.printing import punctuate, upper_vi
from ocop_docs.production.rounds.model import ProductResult, Round
from ocop_docs.production.wording import wording
from ocop_docs.rules.regimes import regime as regime_rules
from ocop_docs.rules.regimes import regime_codes
from ocop_docs.text.official import format_date, format_date_short, format_doc_number

# The titles of the regimes' founding acts, word for word (QĐ 26/2026's own title line;
# QĐ 148/QĐ-TTg 2023 and QĐ 1048/QĐ-TTg 2019 as published).
ACT_TITLES: dict[str, str] = {
    "26/2026": "ban hành Bộ tiêu chí và quy trình đánh giá, phân hạng sản phẩm mỗi xã một sản phẩm",
    "148/2023": "ban hành Bộ tiêu chí và quy trình đánh giá, phân hạng sản phẩm Chương "
    "trình Mỗi xã một sản phẩm",
    # QĐ 1048/QĐ-TTg's title line: "VỀ VIỆC BAN HÀNH BỘ TIÊU CHÍ ĐÁNH GIÁ, PHÂN HẠNG SẢN
    # PHẨM CHƯƠNG TRÌNH MỖI XÃ MỘT SẢN PHẨM".
    "1048/2019": "về việc ban hành Bộ tiêu chí đánh giá, phân hạng sản phẩm Chương trình mỗi "
    "xã một sản phẩm",
}
# The issuer's competence: the Law on the Organisation of Local Government in force.
LOCAL_GOVERNMENT_LAW: dict[str, str] = {
    "26/2026": "Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025",
    "148/2023": "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015",
    "1048/2019": "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015",
}


def decision_context(
    qd: Mapping[str, Any],
    data: Mapping[str, Any],
    co_quan: Mapping[str, Any],
    council: Mapping[str, Any],
    meeting: dt.datetime,
    regime: str,
    level: str,
    cases: Collection[str] = (),
    proposal: str | None = None,
) -> dict[str, Any]:
    """The ``quyet_dinh`` block: number, dates, authority, căn cứ, signer, recipients;
    ``cases``: the ``loai_danh_gia`` of the recognised products (the trích yếu names an
    upgrade, "nâng hạng", and a re-evaluation, "công nhận lại", when there are some);
    ``proposal``: the recognition decision's ``de_nghi``, its last default căn cứ."""
    number = qd["so"]
    symbol = None if "/" in str(number) else f"QĐ-{co_quan['ky_hieu']}"
    # Under QĐ 26/2026 the Chủ tịch UBND cấp tỉnh decides (Điều 4.1.a, 7.3.e); under the
    # older regimes the committee (the regime's quyet_dinh_cua_chu_tich).
    chair_decides = regime in regime_codes() and regime_rules(regime).chair_decides
    default_authority = (
        f"CHỦ TỊCH {co_quan['ten_mot_dong_in_hoa']}"
        if chair_decides
        else co_quan["ten_mot_dong_in_hoa"]
    )
    authority = str(qd.get("tham_quyen") or default_authority)
    decider = (
        f"Chủ tịch {co_quan['ten']}"
        if upper_vi(authority).startswith("CHỦ TỊCH")
        else str(co_quan["ten"])
    )
    founding = council.get("quyet_dinh_thanh_lap")
    basis = qd.get("can_cu") or [
        # The issuer's competence first (NĐ 30/2020 Phụ lục I mục II.5), then the regime's
        # act by its exact title, the council's founding decision and Quy chế, its result.
        f"Căn cứ {LOCAL_GOVERNMENT_LAW.get(regime, LOCAL_GOVERNMENT_LAW['26/2026'])}",
        f"Căn cứ {wording().act(regime)} {ACT_TITLES.get(regime, '')}".rstrip(),
        *(
            [
                "Căn cứ Quyết định số "
                + format_doc_number(
                    founding["so"],
                    None if "/" in str(founding["so"]) else f"QĐ-{co_quan['ky_hieu']}",
                )
                + f" {format_date(founding['ngay'])}"
                + (f" của {founding['nguoi_ban_hanh']}" if founding.get("nguoi_ban_hanh") else "")
                + f" về việc thành lập {council['ten']} và Quy chế hoạt động của Hội đồng"
            ]
            if founding
            else []
        ),
        f"Căn cứ kết quả đánh giá, phân hạng sản phẩm của {council['ten']} {format_date(meeting)}",
        # The proposal the decision answers, last (NĐ 30 Phụ lục I mục II.5): under QĐ 1048
        # the district's letter (Phụ lục II mục 3.b) and the office's submission.
        *([f"Xét đề nghị của {proposal}"] if proposal else []),
    ]
    recipients = list(qd.get("noi_nhan") or ["Như Điều 3"])
    if not any(str(r).strip().startswith("Lưu") for r in recipients):
        recipients.append("Lưu: VT")  # NĐ 30 mục II.9b: the list ends "- Lưu: VT, …."
    executors = qd.get("thuc_hien") or [
        f"Chánh Văn phòng {co_quan['ten']}",
        "Thủ trưởng các cơ quan, đơn vị có liên quan",
    ]
    year = data["nam"]
    # QĐ 26/2026 Điều 1: "công nhận, nâng hạng, công nhận lại"; provinces name the last two
    # in the trích yếu when the decision holds them.
    extra = "".join(
        f", {word}"
        for case, word in (("nang_hang", "nâng hạng"), ("danh_gia_lai", "công nhận lại"))
        if case in cases
    )
    # The annex's optional columns (many provinces publish without scores).
    columns = qd.get("danh_sach") or {}
    column_key = ("bo" if columns.get("bo_san_pham") else "") + (
        "_diem" if columns.get("diem") else ""
    )
    return {
        "cot_danh_sach": column_key.lstrip("_"),
        "so": format_doc_number(number, symbol),
        "ngay_chu": format_date(qd["ngay"]),
        "ngay_ngan": format_date_short(qd["ngay"]),
        "ngay_dong": f"{co_quan['dia_danh']}, {format_date(qd['ngay'])}",
        "trich_yeu": qd.get("trich_yeu")
        or (
            # QĐ 26/2026 Điều 7.3.e: "quyết định công nhận kết quả đánh giá, cấp giấy
            # chứng nhận"; older regimes recognised products "đạt tiêu chuẩn".
            f"Về việc công nhận kết quả đánh giá, phân hạng{extra} và cấp Giấy chứng nhận "
            f"sản phẩm OCOP {wording().levels[level]['vi']} năm {year}"
            if regime == "26/2026"
            else f"Về việc công nhận sản phẩm đạt tiêu chuẩn sản phẩm OCOP "
            f"{wording().levels[level]['vi']} năm {year}"
        ),
        "tham_quyen": upper_vi(authority),
        "nguoi_quyet_dinh": decider,
        "can_cu": punctuate(basis),
        "thuc_hien_chu": ", ".join(str(e) for e in executors),
        "nguoi_ky": signer_context(qd["nguoi_ky"]),
        "noi_nhan": punctuate(recipients),
    }


def refuse_scoring_only(rnd: Round, kind: str) -> None:
    """``render-level-scores-only`` (exit 1) for a round whose council only scores and
    forwards (QĐ 1048 Phụ lục II mục 1.a: the district council; UBND cấp tỉnh issues the
    decision and the certificates of 3–4★ after the provincial council, mục 1.b)."""
    procedure = rnd.rules.procedure
    level = str((rnd.data or {}).get("cap"))
    step = procedure.council(level) if procedure else None
    if procedure is None or step is None or procedure.certifies_at(level):
        return
    levels = wording().levels
    up = step.forward_to or ""
    certifier = next((c for c in procedure.certifies if c.level == up), None)
    council_body = (rnd.data or {}).get("hoi_dong", {}).get("co_quan") or (rnd.data or {}).get(
        "co_quan", {}
    )
    body = str(council_body.get("ten") or "")
    raise InputError(
        "render-level-scores-only",
        regime=str((rnd.data or {}).get("bo_tieu_chi")),
        kind=kind,
        council=step.name("vi"),
        council_en=step.name("en"),
        level=levels[level]["vi"],
        level_en=levels[level]["en"],
        level_up=levels[up]["vi"] if up in levels else up,
        level_up_en=levels[up]["en"] if up in levels else up,
        body=body,
        body_en=body,
        receiver=certifier.name("vi") if certifier else "",
        receiver_en=certifier.name("en") if certifier else "",
        certifier=certifier.name("vi") if certifier else "",
        certifier_en=certifier.name("en") if certifier else "",
        basis=step.basis.partition(":")[0],  # the clause, without its Vietnamese gloss
    )


def build(rnd: Round, base: dict[str, Any], product: ProductResult | None) -> Built:
    refuse_scoring_only(rnd, KIND_NAME)
    if "quyet_dinh" not in base:
        raise InputError("render-no-decision")
    if not base["cong_nhan"]:
        raise InputError("render-nothing-recognised")
    return Built(base, decision_day(rnd.data or {}))


KIND_NAME = "quyet-dinh"
KIND = Kind(
    KIND_NAME,
    "Quyết định công nhận sản phẩm OCOP (kèm danh sách)",
    "Decision recognising OCOP products (with the annex list)",
    per_product=False,
    from_round=build,
)

__all__ = [
    "ACT_TITLES",
    "KIND",
    "LOCAL_GOVERNMENT_LAW",
    "build",
    "decision_context",
    "refuse_scoring_only",
]

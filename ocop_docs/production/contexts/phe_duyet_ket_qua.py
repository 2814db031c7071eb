"""Quyết định phê duyệt kết quả đánh giá, phân hạng sản phẩm OCOP đạt từ 90 điểm trở lên
(QĐ 26/2026 Điều 6.3.a, 7.3.e), with its annex list.

"Đối với các sản phẩm có tiềm năng đạt 5 sao (đạt từ 90 trở lên), Chủ tịch UBND cấp tỉnh
xem xét, quyết định phê duyệt kết quả đánh giá" (Điều 7.3.e); the decision is part of the
dossier sent to the Ministry (Điều 6.3.a). The council part of the context plus
``phe_duyet``: the decision block of :func:`~.quyet_dinh.decision_context` (số, căn cứ,
thẩm quyền, signer, nơi nhận) from the round's ``phe_duyet``, its trích yếu, the office
charged with the dossier and the products. Dated by its signing. Template
``templates/phe-duyet-ket-qua.docx``, schema ``schemas/contexts/phe-duyet-ket-qua.schema.json``.
"""

from __future__ import annotations

from typing import Any

from ocop_docs.errors import InputError
from ocop_docs.production.contexts import letters
from ocop_docs.production.contexts.dates import document_day
from ocop_docs.production.contexts.kind import Built, Kind
from ocop_docs.production.contexts.quyet_dinh import decision_context
from ocop_docs.production.printing import punctuate
from ocop_docs.production.rounds.model import ProductResult, Round
from ocop_docs.production.wording import wording
from ocop_docs.text.official import pad2, parse_datetime


def approval_context(rnd: Round, ctx: dict[str, Any]) -> dict[str, Any]:
    """The ``phe_duyet`` block; an input error without the round's ``phe_duyet`` or without
    a product of 90 points or more."""
    letters.require_procedure(rnd, "phe-duyet-ket-qua")
    data = rnd.data or {}
    raw = data.get("phe_duyet")
    if not raw:
        raise InputError("render-no-approval")
    chosen = letters.proposed(rnd)
    if not chosen:
        raise InputError("render-nothing-proposed")
    ministry = str(raw.get("cap_tren") or letters.MINISTRY)
    period = letters.period(ctx)
    raw = {
        **raw,
        "trich_yeu": raw.get("trich_yeu")
        or (
            "Về việc phê duyệt kết quả đánh giá, phân hạng sản phẩm OCOP đạt từ "
            f"{rnd.competence.forward_from if rnd.competence else 90} điểm trở lên {period}"
        ),
    }
    block = decision_context(
        raw,
        data,
        ctx["co_quan"],
        data["hoi_dong"],
        parse_datetime(data["hop"]["bat_dau"]),
        str(data["bo_tieu_chi"]),
        str(data["cap"]),
    )
    if raw.get("de_nghi") and not raw.get("can_cu"):
        # The proposal the decision answers ("Theo đề nghị của Giám đốc Sở … tại Tờ trình
        # số …"), the last căn cứ as NĐ 30 places it.
        block["can_cu"] = punctuate(
            [c.rstrip(";.") for c in block["can_cu"]] + [f"Theo đề nghị của {raw['de_nghi']}"]
        )
    office = letters.office(data)
    proposed_ids = {p.index for p in chosen}
    rows = [dict(p) for p in ctx["san_pham"] if int(p["stt"]) in proposed_ids]
    for i, row in enumerate(rows, start=1):
        row["stt"] = str(i)
    block.update(
        cap_tren=ministry,
        co_quan_tham_muu=office["ten"],
        nguong=str(rnd.competence.forward_from if rnd.competence else 90),
        dot=period,
        cap_chu=wording().levels[str(data["cap"])]["vi"],
        san_pham=rows,
        so_san_pham=pad2(len(rows)),
        van_ban_bo_tieu_chi=wording().act(str(data["bo_tieu_chi"])),
    )
    return block


def build(rnd: Round, base: dict[str, Any], product: ProductResult | None) -> Built:
    ctx = dict(base)
    ctx["phe_duyet"] = approval_context(rnd, base)
    return Built(ctx, document_day(((rnd.data or {}).get("phe_duyet") or {}).get("ngay")))


def wanted(rnd: Round, product: ProductResult | None) -> bool:
    return (
        letters.procedure_round(rnd)
        and bool((rnd.data or {}).get("phe_duyet"))
        and bool(letters.proposed(rnd))
    )


KIND = Kind(
    "phe-duyet-ket-qua",
    "Quyết định phê duyệt kết quả đánh giá sản phẩm đạt từ 90 điểm (kèm danh sách)",
    "Decision approving the result of products of 90 points or more (with the list)",
    per_product=False,
    from_round=build,
    wanted=wanted,
)

__all__ = ["KIND", "approval_context", "build", "wanted"]

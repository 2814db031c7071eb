"""Thông báo kết quả đánh giá, phân hạng sản phẩm OCOP gửi chủ thể (QĐ 26/2026 Điều 7.3.g).

"UBND cấp tỉnh giao cơ quan tham mưu quản lý OCOP cấp tỉnh thông báo bằng văn bản về kết
quả đánh giá, phân hạng cho UBND cấp xã và các chủ thể OCOP" (Điều 7.3.g). One notice per
producer of a round (``--product K``: the producer of K; ``batch``: one per producer),
listing each of its products with its points and outcome: recognised (with the decision),
proposed to the Ministry (90 points or more, with the approval decision when the round has
it), or not recognised (1–2 stars: Điều 4.1.a; or disqualified). Issued by the office
(``co_quan_tham_muu``, default the Sở Nông nghiệp và Môi trường under the round's body) from
the round's ``thong_bao``. Template ``templates/thong-bao-ket-qua.docx``, schema
``schemas/contexts/thong-bao-ket-qua.schema.json``.
"""

from __future__ import annotations

from typing import Any

from ocop_docs.errors import InputError
from ocop_docs.production.contexts import letters
from ocop_docs.production.contexts.dates import document_day
from ocop_docs.production.contexts.kind import Built, Kind
from ocop_docs.production.printing import punctuate
from ocop_docs.production.rounds.model import ProductResult, Round
from ocop_docs.text.official import format_date, format_stars, pad2


def notice_context(rnd: Round, ctx: dict[str, Any], product: ProductResult) -> dict[str, Any]:
    letters.require_procedure(rnd, "thong-bao-ket-qua")
    data = rnd.data or {}
    raw = data.get("thong_bao")
    if not raw:
        raise InputError("render-no-notice")
    producer = letters.producer_of(product) or product.chu_the
    # The producers in the order they first appear: the notices' numbers follow it.
    order: list[str] = []
    for p in rnd.products:
        name = letters.producer_of(p)
        if name and not any(letters.same_name(name, o) for o in order):
            order.append(name)
    position = next(i for i, o in enumerate(order) if letters.same_name(o, producer))
    office = letters.office(data)
    symbol = str(raw.get("ky_hieu") or f"TB-{office['ky_hieu']}")
    first = raw.get("so_dau")
    mine = letters.same_group(rnd.products, producer, letters.producer_of)
    co_quan = ctx["co_quan"]
    qd = ctx.get("quyet_dinh")
    pd = data.get("phe_duyet")
    approval = (
        letters.decision_ref(
            pd, co_quan, qd["nguoi_quyet_dinh"] if qd else f"Chủ tịch {co_quan['ten']}"
        )
        if pd
        else None
    )
    ministry = str((pd or {}).get("cap_tren") or letters.MINISTRY)
    rows = []
    for i, p in enumerate(mine, start=1):
        if p.disqualified:
            outcome = f"Hồ sơ bị loại: {p.disqualified}"
        elif p.proposed_up:
            outcome = (
                f"Đạt từ {rnd.competence.forward_from if rnd.competence else 90} điểm trở lên; "
                f"đề nghị {ministry} đánh giá, phân hạng 5 sao"
            )
        elif p.recognised:
            outcome = f"Đạt {format_stars(p.stars)}" + (
                f"; được công nhận tại Quyết định số {qd['so']} ngày {qd['ngay_ngan']}"
                if qd
                else ""
            )
        else:
            outcome = f"Đạt {format_stars(p.stars)}; chưa đủ điều kiện công nhận"
        rows.append(
            {
                "stt": str(i),
                "ten": p.ten,
                "ma_san_pham": p.ma_san_pham,
                "diem_tb": p.mean_text,
                "ket_qua": outcome,
            }
        )
    council = data["hoi_dong"]["ten"]
    basis = [
        f"Căn cứ kết quả đánh giá, phân hạng sản phẩm của {council} "
        f"{format_date(str(data['hop']['bat_dau'])[:10])}"
    ]
    if qd and any(p.recognised for p in mine):
        basis.append(
            f"Căn cứ Quyết định số {qd['so']} {qd['ngay_chu']} của {qd['nguoi_quyet_dinh']} "
            + qd["trich_yeu"][0].lower()
            + qd["trich_yeu"][1:]
        )
    if approval and any(p.proposed_up for p in mine):
        basis.append(
            f"Căn cứ {approval} về việc phê duyệt kết quả đánh giá, phân hạng sản phẩm OCOP "
            f"đạt từ {rnd.competence.forward_from if rnd.competence else 90} điểm trở lên"
        )
    address = letters.producer_address(product)
    commune = letters.commune_of(product)
    return {
        "co_quan": office,
        "so": f"{pad2(int(first) + position)}/{symbol}" if first else f"        /{symbol}",
        "ngay_dong": letters.dated(office["dia_danh"], raw.get("ngay")),
        "trich_yeu": str(
            raw.get("trich_yeu")
            or f"Kết quả đánh giá, phân hạng sản phẩm OCOP {ctx['cap_chu']} {letters.period(ctx)}"
        ),
        "chu_the": producer,
        "dia_chi": address,
        "can_cu": punctuate(basis, last=","),
        "san_pham": rows,
        "so_san_pham": pad2(len(rows)),
        "co_cong_nhan": any(p.recognised for p in mine),
        "co_de_nghi": any(p.proposed_up for p in mine),
        "co_khong_dat": any(not p.recognised and not p.proposed_up for p in mine),
        "cap_tren": ministry,
        "thoi_han_thang": ctx["thoi_han_thang"],
        "nguoi_ky": letters.signer(raw["nguoi_ky"]),
        "noi_nhan": letters.recipients(
            raw.get("noi_nhan"),
            [producer] + ([f"Ủy ban nhân dân {commune}"] if commune else []) + ["Lưu: VT"],
        ),
    }


def build(rnd: Round, base: dict[str, Any], product: ProductResult | None) -> Built:
    assert product is not None  # a per-producer kind: the producer of this product
    ctx = dict(base)
    ctx["thong_bao"] = notice_context(rnd, base, product)
    return Built(ctx, document_day(((rnd.data or {}).get("thong_bao") or {}).get("ngay")))


def wanted(rnd: Round, product: ProductResult | None) -> bool:
    return letters.procedure_round(rnd) and bool((rnd.data or {}).get("thong_bao"))


KIND = Kind(
    "thong-bao-ket-qua",
    "Thông báo kết quả đánh giá, phân hạng sản phẩm OCOP gửi chủ thể",
    "Notification of the results to a producer",
    per_product=True,
    from_round=build,
    group=letters.producer_of,
    wanted=wanted,
)

__all__ = ["KIND", "build", "notice_context", "wanted"]

"""Tờ trình của UBND cấp xã đề nghị đánh giá, phân hạng sản phẩm OCOP (QĐ 26/2026 Điều
6.2.a, 7.2.b): the commune's proposal letter to the province, with its list of dossiers.

One letter per commune of a round: ``--product K`` gives the letter of K's commune, listing
every product of the round from that commune (the producer's commune in its dossier, else
the commune of its Mẫu 03). Its number, date and signer come from the round's
``van_ban_xa`` entry for the commune; without one, the signer of the commune's Mẫu 03
(``danh_gia_xa.nguoi_ky``) signs and the number and date are left to write by hand.
Template ``templates/de-nghi-xa.docx``, schema ``schemas/contexts/de-nghi-xa.schema.json``.
"""

from __future__ import annotations

from typing import Any

from ocop_docs.errors import InputError
from ocop_docs.production.contexts import letters
from ocop_docs.production.contexts.dates import document_day
from ocop_docs.production.contexts.kind import Built, Kind
from ocop_docs.production.printing import bare_name, header_name, punctuate
from ocop_docs.production.rounds.model import ProductResult, Round
from ocop_docs.production.wording import procedure_wording
from ocop_docs.rules.product_sets import product_sets
from ocop_docs.text.official import pad2


def _entry(rnd: Round, commune: str) -> dict[str, Any]:
    """The round's ``van_ban_xa`` entry for ``commune``, or {}."""
    for raw in (rnd.data or {}).get("van_ban_xa") or []:
        if letters.same_name(str(raw.get("xa", "")), commune):
            return dict(raw)
    return {}


def wanted(rnd: Round, product: ProductResult | None) -> bool:
    """A letter for the commune of ``product`` when the round names the commune and its
    signer (a ``van_ban_xa`` entry, or a Mẫu 03 of one of its products)."""
    if not letters.procedure_round(rnd):
        return False
    if product is None:
        return True
    commune = letters.commune_of(product)
    if commune is None:
        return False
    members = letters.same_group(rnd.products, commune, letters.commune_of)
    return bool(_entry(rnd, commune).get("nguoi_ky")) or any(
        (p.inline.get("danh_gia_xa") or {}).get("nguoi_ky") for p in members
    )


def commune_letter(rnd: Round, ctx: dict[str, Any], product: ProductResult) -> Built:
    data = rnd.data or {}
    letters.require_procedure(rnd, "de-nghi-xa")
    commune = letters.commune_of(product)
    if commune is None:
        raise InputError("render-no-commune", product=product.ten)
    members = letters.same_group(rnd.products, commune, letters.commune_of)
    entry = _entry(rnd, commune)
    signer_raw = entry.get("nguoi_ky") or next(
        (
            (p.inline.get("danh_gia_xa") or {}).get("nguoi_ky")
            for p in members
            if (p.inline.get("danh_gia_xa") or {}).get("nguoi_ky")
        ),
        None,
    )
    if not signer_raw:
        raise InputError("render-no-commune-letter", commune=commune)
    province = str(data["co_quan"]["ten"])
    sets = product_sets()
    rows = []
    for i, p in enumerate(members, start=1):
        chosen = sets.get(p.bo_san_pham) if p.bo_san_pham else None
        rows.append(
            {
                "stt": str(i),
                "ten": p.ten,
                "chu_the": p.chu_the,
                "dia_chi": letters.producer_address(p),
                "bo_san_pham": f"{chosen.so}. {chosen.ten}" if chosen else "",
                "hinh_thuc": letters.CASES.get(letters.case_of(p), letters.CASES["lan_dau"]),
            }
        )
    ctx = dict(ctx)
    ctx["van_ban_xa"] = {
        "xa": commune,
        "ten_in_hoa": header_name(f"Ủy ban nhân dân {commune}"),
        "so": letters.number(entry.get("so"), "TTr-UBND"),
        "ngay_dong": letters.dated(entry.get("dia_danh") or bare_name(commune), entry.get("ngay")),
        "kinh_gui": str(entry.get("kinh_gui") or province),
        "trich_yeu": str(
            entry.get("trich_yeu")
            or f"Về việc đề nghị đánh giá, phân hạng sản phẩm OCOP {letters.period(ctx)}"
        ),
        "san_pham": rows,
        "so_san_pham": pad2(len(rows)),
        "ho_so": punctuate(procedure_wording().commune_dossier),
        "nguoi_ky": letters.signer(signer_raw, "TM. ỦY BAN NHÂN DÂN"),
        "noi_nhan": letters.recipients(
            entry.get("noi_nhan"),
            ["Như trên", letters.office(data)["ten"], "Lưu: VT"],
        ),
    }
    return Built(ctx, document_day(entry.get("ngay")))


def build(rnd: Round, base: dict[str, Any], product: ProductResult | None) -> Built:
    assert product is not None  # a per-commune kind: the commune of this product
    return commune_letter(rnd, base, product)


KIND = Kind(
    "de-nghi-xa",
    "Tờ trình của UBND cấp xã đề nghị đánh giá, phân hạng sản phẩm OCOP",
    "The commune's letter proposing its products for evaluation",
    per_product=True,
    from_round=build,
    group=letters.commune_of,
    wanted=wanted,
)

__all__ = ["KIND", "build", "commune_letter", "wanted"]

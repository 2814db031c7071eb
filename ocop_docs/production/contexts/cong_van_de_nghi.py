"""Công văn của UBND cấp tỉnh đề nghị Bộ Nông nghiệp và Môi trường đánh giá, phân hạng sản
phẩm OCOP 5 sao (QĐ 26/2026 Điều 6.3, 7.3.e).

"UBND cấp tỉnh có văn bản và gửi hồ sơ theo quy định tại khoản 3 Điều 6 … đề nghị Bộ Nông
nghiệp và Môi trường đánh giá, phân hạng sản phẩm OCOP 5 sao" (Điều 7.3.e). A letter
(công văn, NĐ 30/2020 Phụ lục III Mẫu 1.4: "V/v …" under its number, "Kính gửi:"), from the
round's ``cong_van``; it cites the approval decision (``phe_duyet``) and lists the
products and the papers sent with them: Điều 6.3.a for a first evaluation or an upgrade,
6.3.b for the re-evaluation of a 5-star product. Template
``templates/cong-van-de-nghi.docx``, schema ``schemas/contexts/cong-van-de-nghi.schema.json``.
"""

from __future__ import annotations

from typing import Any

from ocop_docs.errors import InputError
from ocop_docs.production.contexts import letters, procedure_letter
from ocop_docs.production.contexts.dates import document_day
from ocop_docs.production.contexts.kind import Built, Kind
from ocop_docs.production.contexts.phe_duyet_ket_qua import approval_context
from ocop_docs.production.contexts.quyet_dinh import ACT_TITLES
from ocop_docs.production.printing import punctuate
from ocop_docs.production.rounds.model import ProductResult, Round
from ocop_docs.production.wording import procedure_wording, wording
from ocop_docs.text.official import format_date


def _renewal(product: ProductResult) -> bool:
    """Re-evaluating a product already 5 stars: Điều 6.3.b's dossier."""
    before = (product.dossier or {}).get("chung_nhan_truoc") or {}
    return letters.case_of(product) == "danh_gia_lai" and before.get("hang_sao") == 5


def letter_context(rnd: Round, ctx: dict[str, Any]) -> dict[str, Any]:
    # A regime whose procedure is data (QĐ 1048 Phụ lục II mục 3.b–c): the letter of the
    # round's level to the next one (the district's to the province, the province's to the
    # Ministry), as that procedure lists it.
    step = procedure_letter.step_of(rnd)
    if step is not None:
        return procedure_letter.letter_context(rnd, ctx, step)
    letters.require_procedure(rnd, "cong-van-de-nghi")
    data = rnd.data or {}
    raw = data.get("cong_van")
    if not raw:
        raise InputError("render-no-letter")
    approval = approval_context(rnd, ctx)  # the decision it cites (Điều 6.3.a)
    co_quan = ctx["co_quan"]
    ministry = str(raw.get("kinh_gui") or approval["cap_tren"])
    chosen = letters.proposed(rnd)
    texts = procedure_wording().five_star_dossier
    renewals = [p for p in chosen if _renewal(p)]
    firsts = [p for p in chosen if not _renewal(p)]
    papers = []
    for group, key, title in (
        (firsts, "lan_dau", "Đối với sản phẩm đề nghị đánh giá, phân hạng lần đầu, nâng hạng:"),
        (renewals, "danh_gia_lai", "Đối với sản phẩm đề nghị đánh giá, phân hạng lại 5 sao:"),
    ):
        if group:
            papers.append({"tieu_de": title, "muc": punctuate(texts[key])})
    if len(papers) == 1:
        papers[0]["tieu_de"] = ""
    rows = []
    for i, p in enumerate(chosen, start=1):
        row = next(r for r in ctx["san_pham"] if r["stt"] == str(p.index))
        rows.append(
            {
                "stt": str(i),
                "ten": p.ten,
                "chu_the": p.chu_the,
                "dia_chi": letters.producer_address(p),
                "diem_tb": row["diem_tb"],
                "ma_san_pham": p.ma_san_pham,
                "hinh_thuc": letters.CASES.get(letters.case_of(p), letters.CASES["lan_dau"]),
            }
        )
    year = data["nam"]
    regime = str(data["bo_tieu_chi"])
    return {
        # Công văn: "Số: 123/UBND-KT", the body and the drafting unit (NĐ 30 mục II.3).
        "so": letters.number(raw.get("so"), f"{co_quan['ky_hieu']}-{raw.get('ky_hieu') or 'KT'}"),
        "ngay_dong": letters.dated(co_quan["dia_danh"], raw.get("ngay")),
        "trich_yeu": str(
            raw.get("trich_yeu")
            or f"V/v đề nghị đánh giá, phân hạng sản phẩm OCOP 5 sao năm {year}"
        ),
        "kinh_gui": ministry,
        "can_cu": (f"Thực hiện {wording().act(regime)} {ACT_TITLES.get(regime, '')}".rstrip()),
        "ket_qua": (
            f"Căn cứ kết quả đánh giá, phân hạng sản phẩm của {data['hoi_dong']['ten']} "
            f"{format_date(str(data['hop']['bat_dau'])[:10])} và Quyết định số {approval['so']} "
            f"{approval['ngay_chu']} của {approval['nguoi_quyet_dinh']} về việc phê duyệt kết "
            f"quả đánh giá, phân hạng sản phẩm OCOP đạt từ {approval['nguong']} điểm trở lên"
        ),
        "san_pham": rows,
        "so_san_pham": approval["so_san_pham"],
        "ho_so": papers,
        "lien_he": raw.get("lien_he"),
        "nguoi_ky": letters.signer(raw["nguoi_ky"], f"TM. {co_quan['ten_tap_the_in_hoa']}"),
        "noi_nhan": letters.recipients(
            raw.get("noi_nhan"),
            [
                "Như trên",
                f"Chủ tịch, các Phó Chủ tịch {co_quan['ten']}",
                approval["co_quan_tham_muu"],
            ],
        ),
        # Empty: the template's own wording of Điều 6.3 (procedure_letter fills these).
        "de_nghi": "",
        "cot_diem": "",
        "can_cu_ho_so": "",
    }


def build(rnd: Round, base: dict[str, Any], product: ProductResult | None) -> Built:
    ctx = dict(base)
    ctx["cong_van"] = letter_context(rnd, base)
    return Built(ctx, document_day(((rnd.data or {}).get("cong_van") or {}).get("ngay")))


def wanted(rnd: Round, product: ProductResult | None) -> bool:
    data = rnd.data or {}
    if procedure_letter.step_of(rnd) is not None:
        return bool(data.get("cong_van")) and bool(procedure_letter.forwarded(rnd))
    return (
        letters.procedure_round(rnd)
        and bool(data.get("cong_van") and data.get("phe_duyet"))
        and bool(letters.proposed(rnd))
    )


KIND = Kind(
    "cong-van-de-nghi",
    "Công văn của UBND tỉnh đề nghị Bộ Nông nghiệp và Môi trường đánh giá sản phẩm 5 sao",
    "The province's letter proposing products to the Ministry for 5 stars",
    per_product=False,
    from_round=build,
    wanted=wanted,
)

__all__ = ["KIND", "build", "letter_context", "wanted"]

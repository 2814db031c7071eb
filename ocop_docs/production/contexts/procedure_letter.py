"""The proposal letter of a regime whose procedure is data (QĐ 1048/QĐ-TTg Phụ lục II).

Under QĐ 1048 a council that scores forwards its products to the next level through its
People's Committee: "Hồ sơ đề xuất đánh giá sản phẩm cấp tỉnh: Do Ủy ban nhân dân cấp huyện
chuẩn bị. Bao gồm: Công văn gửi Ủy ban nhân dân cấp tỉnh đề nghị đánh giá, phân hạng sản
phẩm OCOP; Biên bản đánh giá của Hội đồng cấp huyện; Hồ sơ sản phẩm" (mục 3.b; the
province's to the Ministry, mục 3.c). The letter is the ``cong_van`` block of
``cong-van-de-nghi`` (:mod:`.cong_van_de_nghi`), filled from the round's ``cong_van`` and
the procedure step of the round's level (:class:`~ocop_docs.rules.regimes.ProcedureStep`:
threshold, what is asked, the papers and their clause), not from QĐ 26/2026's Điều 6.3.
"""

from __future__ import annotations

from typing import Any

from ocop_docs.errors import InputError
from ocop_docs.production.contexts import letters
from ocop_docs.production.contexts.quyet_dinh import ACT_TITLES
from ocop_docs.production.printing import punctuate
from ocop_docs.production.rounds.model import ProductResult, Round
from ocop_docs.production.wording import wording
from ocop_docs.rules.regimes import ProcedureStep
from ocop_docs.text.official import format_date


def step_of(rnd: Round) -> ProcedureStep | None:
    """The round's council in its regime's procedure, when it forwards to a next level."""
    procedure = rnd.rules.procedure
    step = procedure.council(str((rnd.data or {}).get("cap"))) if procedure else None
    return step if step is not None and step.forward_to else None


def forwarded(rnd: Round) -> list[ProductResult]:
    """The products the round sends to the next level (QĐ 1048: from 50 at the district,
    from 90 at the province)."""
    return [p for p in rnd.products if p.proposed_up]


def letter_context(rnd: Round, ctx: dict[str, Any], step: ProcedureStep) -> dict[str, Any]:
    """The ``cong_van`` block of a QĐ 1048 round; an input error without the round's
    ``cong_van`` or without a product to forward."""
    data = rnd.data or {}
    raw = data.get("cong_van")
    if not raw:
        raise InputError("render-no-letter")
    chosen = forwarded(rnd)
    if not chosen:
        raise InputError("render-nothing-proposed")
    co_quan = ctx["co_quan"]
    procedure = ctx["quy_trinh"]
    up = str(step.forward_to)
    level_up = wording().levels[up]["vi"]
    regime = str(data["bo_tieu_chi"])
    act = wording().act(regime)
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
    result = (
        f"Căn cứ kết quả đánh giá, phân hạng sản phẩm của {data['hoi_dong']['ten']} "
        f"{format_date(str(data['hop']['bat_dau'])[:10])}"
    )
    qd = ctx.get("quyet_dinh")
    if qd and ctx["cong_nhan"]:
        # The province's letter cites its decision (mục 3.c: "Quyết định phê duyệt kết quả
        # chấm điểm, Giấy chứng nhận đạt sao của sản phẩm").
        result += (
            f" và Quyết định số {qd['so']} {qd['ngay_chu']} của {qd['nguoi_quyet_dinh']} "
            f"{qd['trich_yeu'][:1].lower()}{qd['trich_yeu'][1:]}"
        )
    year = data["nam"]
    return {
        "so": letters.number(raw.get("so"), f"{co_quan['ky_hieu']}-{raw.get('ky_hieu') or 'KT'}"),
        "ngay_dong": letters.dated(co_quan["dia_danh"], raw.get("ngay")),
        "trich_yeu": str(
            raw.get("trich_yeu")
            # Phụ lục II mục 1.a–b: "đề nghị cấp tỉnh đánh giá, phân hạng, công nhận …".
            or f"V/v đề nghị {level_up} {step.asks} năm {year}"
        ),
        "kinh_gui": str(raw.get("kinh_gui") or procedure["co_quan_nhan"]),
        "can_cu": f"Thực hiện {act} {ACT_TITLES.get(regime, '')}".rstrip(),
        "ket_qua": result,
        "san_pham": rows,
        "so_san_pham": procedure["so_de_nghi"],
        "ho_so": [{"tieu_de": "", "muc": punctuate(list(step.papers))}],
        "lien_he": raw.get("lien_he"),
        "nguoi_ky": letters.signer(raw["nguoi_ky"], f"TM. {co_quan['ten_tap_the_in_hoa']}"),
        "noi_nhan": letters.recipients(raw.get("noi_nhan"), ["Như trên"]),
        # What this letter asks, the score column, the papers' clause (QĐ 26/2026's letter
        # prints its own: "đánh giá, phân hạng sản phẩm OCOP 5 sao", Điều 6.3).
        "de_nghi": step.asks,
        "cot_diem": f"Điểm {ctx['cap_chu']}",
        "can_cu_ho_so": f"{step.papers_basis} {act}".strip(),
    }


__all__ = ["forwarded", "letter_context", "step_of"]

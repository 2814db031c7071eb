"""The council part of a context: what the minutes, the decision and the certificates share.

The round, its council and meeting, and every product's result formatted for print (dates
per NĐ 30/2020, points "91,14", stars "4 sao"): the ``dot`` definition of
``schemas/contexts/common.schema.json``. Built once per round; a batch builds it once for
hundreds of certificates (:class:`~ocop_docs.production.batch.Producer`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

from ocop_docs.production.contexts.quyet_dinh import decision_context
from ocop_docs.production.printing import CHAM, header_name, upper_vi
from ocop_docs.production.rounds.model import Member, ProductResult, Round
from ocop_docs.production.wording import wording
from ocop_docs.rules.product_sets import product_sets
from ocop_docs.text.official import (
    format_date,
    format_doc_number,
    format_score,
    format_stars,
    format_time,
    pad2,
    parse_datetime,
    star_symbols,
)


def _body(raw: Mapping[str, Any], default_symbol: str = "UBND") -> dict[str, Any]:
    ten = str(raw.get("ten", ""))
    chu_quan = raw.get("chu_quan")
    return {
        "ten": ten,
        "ten_in_hoa": header_name(ten),
        "ten_mot_dong_in_hoa": upper_vi(ten),
        "chu_quan_in_hoa": upper_vi(str(chu_quan)) if chu_quan else None,
        "ten_tap_the_in_hoa": upper_vi(str(raw.get("ten_tap_the") or "Ủy ban nhân dân")),
        "dia_danh": raw.get("dia_danh"),
        "ky_hieu": raw.get("ky_hieu") or default_symbol,
        "tinh": raw.get("tinh"),
    }


# Members per block of the minutes' score table, on the 165 mm of an A4 portrait page (NĐ 30
# Phụ lục I mục I.5) with 11 mm score cells that hold "69,75" whole: STT 11 + product 42 +
# 7 members + Điểm TB 15 + Hạng 18 = 163 mm in the last block, 10 members (163 mm) in the
# others. A larger council's table is printed as consecutive blocks, each with its header
# row repeated on every page (issue 12).
LAST_BLOCK = 7
OTHER_BLOCK = 10

_TV = re.compile(r"tv\s*0*(\d+)", re.IGNORECASE)


def member_labels(members: Sequence[Member]) -> dict[str, str]:
    """The label of every present scoring member: "TV7" for a member written ``tv7`` in
    the input (it stays TV7 when tv6 is absent), else "TV" + the place in the council."""
    labels: dict[str, str] = {}
    for position, m in enumerate(members, start=1):
        if m.co_mat and m.cham_diem:
            match = _TV.fullmatch(m.ma.strip())
            labels[m.ma] = f"TV{match[1]}" if match else f"TV{position}"
    return labels


def _member(m: Member, label: str | None, last: bool = False) -> dict[str, Any]:
    return {
        "ma": m.ma,
        "ky_hieu": label or "",
        "ho_ten": m.ho_ten,
        "chuc_vu": m.chuc_vu or None,
        "vai_tro": m.vai_tro,
        "vai_tro_ten": m.role_name,
        "co_mat": m.co_mat,
        "cham_diem": m.cham_diem,
        "dau_cau": "." if last else ";",
    }


# QĐ 26/2026 Điều 1 names "công nhận, nâng hạng, công nhận lại": an upgraded product is
# recognised at its new star ("nâng hạng", Điều 7.5), one re-evaluated at the end of its 36
# months is "công nhận lại" (Điều 7.6), as provincial decisions write them.
CASE_WORDS = {"lan_dau": "", "nang_hang": "Nâng hạng", "danh_gia_lai": "Công nhận lại"}


def product_case(p: ProductResult) -> str:
    """lan_dau, nang_hang or danh_gia_lai: the dossier's ``loai_danh_gia``, else the round's."""
    case = str((p.dossier or {}).get("loai_danh_gia") or p.inline.get("loai_danh_gia") or "")
    return case if case in CASE_WORDS else "lan_dau"


def case_summary(recognised: list[dict[str, Any]]) -> str:
    """ "trong đó: công nhận mới 03 sản phẩm, nâng hạng 01 sản phẩm, công nhận lại 01 sản
    phẩm", or "" when every product is recognised for the first time."""
    counts = {c: sum(1 for p in recognised if p["loai_danh_gia"] == c) for c in CASE_WORDS}
    if counts["lan_dau"] == len(recognised):
        return ""
    words = {"lan_dau": "công nhận mới", "nang_hang": "nâng hạng", "danh_gia_lai": "công nhận lại"}
    parts = [f"{words[c]} {pad2(n)} sản phẩm" for c, n in counts.items() if n]
    return "trong đó: " + ", ".join(parts)


def procedure_context(rnd: Round, council_body: Mapping[str, Any]) -> dict[str, Any]:
    """What the regime's procedure (``quy_trinh``, :class:`~ocop_docs.rules.regimes.Procedure`)
    says of this round's level, for the documents (empty texts for a regime without one).

    ``chi_cham_diem``: the level's council only scores and forwards, its body recognises
    nothing (QĐ 1048 Phụ lục II mục 1.a, 4.a: the district council; UBND cấp huyện forwards
    the products from 50 points to the province, which certifies 3–4★).
    """
    procedure = rnd.rules.procedure
    level = str((rnd.data or {})["cap"])
    step = procedure.council(level) if procedure else None
    if procedure is None or step is None:
        return {
            "chi_cham_diem": False,
            "hoi_dong": "",
            "co_quan_chuyen": "",
            "cap_tren": "",
            "nguong": "",
            "co_quan_nhan": "",
            "de_nghi": "",
        }
    up = step.forward_to
    receiver = next((s for s in procedure.certifies if s.level == up), None) if up else None
    levels = wording().levels
    receiver_name = receiver.name() if receiver else ""
    province = (rnd.data or {})["co_quan"].get("tinh")
    if up == "tinh" and province:
        # "Ủy ban nhân dân cấp tỉnh" of the procedure, named: "Ủy ban nhân dân tỉnh Bắc Kạn".
        receiver_name = receiver_name.replace(levels[up]["vi"], str(province))
    return {
        "chi_cham_diem": not procedure.certifies_at(level),
        "hoi_dong": step.name(),
        "co_quan_chuyen": str(council_body["ten"]),
        "cap_tren": levels[up]["vi"] if up else "",
        "nguong": str(step.forward_from) if step.forward_from is not None else "",
        "co_quan_nhan": receiver_name,
        "de_nghi": step.asks,
    }


def _product(
    p: ProductResult, numbers: Mapping[str, str], forward: str, ranks_only: bool = False
) -> dict[str, Any]:
    values = [s for _m, s in p.scores]
    by_rule = p.result.loai_theo if not p.inline.get("bi_loai") else ()
    if p.disqualified:
        # A rule of the rubric names its criterion in the table (issue 11).
        outcome = f"Bị loại (tiêu chí {', '.join(by_rule)})" if by_rule else "Bị loại"
    elif p.stopped:
        outcome = f"Không xếp hạng (dừng tại tiêu chí {p.result.dung_tai})"
    elif p.proposed_up and ranks_only:
        # A council that only ranks and forwards (QĐ 1048 Phụ lục II mục 4.a(3): "xếp hạng
        # theo khung từ 01 đến 05 sao", then the province evaluates): the band, forwarded.
        outcome = f"{format_stars(p.stars)}, đề nghị {forward}"
    elif p.proposed_up:
        outcome = f"Đề nghị {forward}"
    elif p.recognised:
        outcome = format_stars(p.stars)
    else:
        outcome = f"{format_stars(p.stars)} (không đạt)"
    if p.proposed_up and p.result.chua_dat_toi_thieu:
        # Điều 7.3.e: from 90 up the product is proposed whatever the markers; the minutes say
        # which markers the upper council will find unmet, not that the star was lowered
        # (issue 11: "Đề nghị 5 sao; hạ từ 5 sao" contradicted itself).
        unmet = ", ".join(
            dict.fromkeys(f"{u.tieu_chi} ({u.sao} sao)" for u in p.result.chua_dat_toi_thieu)
        )
        outcome += f"; lưu ý: chưa đạt yêu cầu tối thiểu ở tiêu chí {unmet}"
    elif p.lowered:
        # The members' cards miss a minimum marker of the band (brief §3.5): say so where the
        # minutes print the star next to a mean that alone would give more.
        outcome += f"; hạ từ {format_stars(p.result.hang_theo_diem)} do chưa đạt yêu cầu tối thiểu"
    case = product_case(p)
    sets = product_sets()
    return {
        "stt": str(p.index),
        "ten": p.ten,
        "chu_the": p.chu_the,
        "dia_chi": p.dia_chi,
        "bo_san_pham": str(p.bo_san_pham) if p.bo_san_pham else "",
        "bo_san_pham_ten": (
            f"{pad2(p.bo_san_pham)}. {sets[p.bo_san_pham].ten}" if p.bo_san_pham in sets else ""
        ),
        "loai_danh_gia": case,
        "hinh_thuc": CASE_WORDS[case],
        "ma_san_pham": p.ma_san_pham,
        "diem": [
            {"ky_hieu": numbers.get(m.ma, m.ma), "diem": format_score(s)} for m, s in p.scores
        ],
        "diem_tb": p.mean_text,
        "hang_sao": p.stars,
        "hang_sao_chu": format_stars(p.stars) if p.stars else "không xếp hạng",
        "sao": star_symbols(p.stars),
        "ket_qua": outcome,
        "ket_qua_giua_cau": outcome[:1].lower() + outcome[1:],
        "chenh_lech": format_score(p.spread),
        "diem_cao_nhat": format_score(max(values)) if values else "",
        "diem_thap_nhat": format_score(min(values)) if values else "",
        "vuot_chenh_lech": p.spread_flag,
        "de_nghi_cap_tren": p.proposed_up,
        "cong_nhan": p.recognised,
        "bi_loai": p.disqualified or None,
        "ket_luan": _conclusion(p, by_rule),
    }


def _conclusion(p: ProductResult, by_rule: tuple[str, ...]) -> str:
    """What the minutes' list of products not recognised says after the points: the
    specific ground (issue 11: "bị loại theo tiêu chí 1.1 (…)", not a generic one)."""
    if p.disqualified:
        # A rule's ground already reads "Bị loại theo tiêu chí …"; the council's is free text.
        return (
            "hồ sơ " + p.disqualified[0].lower() + p.disqualified[1:]
            if by_rule
            else f"hồ sơ bị loại: {p.disqualified}"
        )
    if p.stopped:
        return f"không xếp hạng: {p.stopped}"
    return f"hạng {format_stars(p.stars)}" if p.stars else "không xếp hạng"


def block_sizes(count: int) -> list[int]:
    """How many members each block of the score table holds: as few blocks as fit, as even
    as the widths allow (15 members: 8 + 7; 9 members: 4 + 5)."""
    if count <= LAST_BLOCK:
        return [count]
    blocks = 2 + max(0, -(-(count - LAST_BLOCK - OTHER_BLOCK) // OTHER_BLOCK))
    last = min(LAST_BLOCK, -(-count // blocks))
    rest = count - last
    head, extra = divmod(rest, blocks - 1)
    return [head + (1 if i < extra else 0) for i in range(blocks - 1)] + [last]


def score_blocks(
    scorers: Sequence[Mapping[str, Any]], products: Sequence[Mapping[str, Any]]
) -> list[dict[str, Any]]:
    """The minutes' score table in blocks (:func:`block_sizes`): each block has its members'
    columns, the last also Điểm TB and Hạng. One block up to 7 members."""
    sizes = block_sizes(len(scorers))
    blocks: list[dict[str, Any]] = []
    first = 0
    for b, size in enumerate(sizes):
        cols = list(scorers[first : first + size])
        last = b == len(sizes) - 1
        who = (
            (
                f"{cols[0]['ky_hieu']} – {cols[-1]['ky_hieu']}"
                if len(cols) > 1
                else cols[0]["ky_hieu"]
            )
            if cols
            else ""
        )
        caption = (
            f"Bảng {b + 1}/{len(sizes)}: điểm của {who}"
            + ("; điểm trung bình và hạng" if last else "")
            if len(sizes) > 1
            else ""
        )
        blocks.append(
            {
                "tieu_de": caption,
                "cuoi": last,
                "thanh_vien": cols,
                "san_pham": [
                    {
                        "stt": p["stt"],
                        "ten": p["ten"],
                        "chu_the": p["chu_the"],
                        "diem": list(p["diem"][first : first + size]),
                        "diem_tb": p["diem_tb"],
                        "ket_qua": p["ket_qua"],
                    }
                    for p in products
                ],
            }
        )
        first += size
    return blocks


def round_context(rnd: Round) -> dict[str, Any]:
    """The context shared by the minutes, the decision and the certificate."""
    data = rnd.data or {}
    regime = str(data["bo_tieu_chi"])
    level = str(data["cap"])
    co_quan = _body(data["co_quan"])
    council_raw = data["hoi_dong"]
    council_body = _body(council_raw.get("co_quan") or data["co_quan"])
    numbers = member_labels(rnd.members)
    members = [_member(m, numbers.get(m.ma)) for m in rnd.members]
    present = [m for m in rnd.members if m.co_mat]
    absent = [m for m in rnd.members if not m.co_mat]
    hop = data["hop"]
    start = parse_datetime(hop["bat_dau"])
    end = parse_datetime(hop["ket_thuc"]) if hop.get("ket_thuc") else None

    def by_ma(ma: str | None, roles: tuple[str, ...]) -> dict[str, Any] | None:
        chosen = (
            rnd.member(ma)
            if ma
            else next((m for m in present for r in roles if m.vai_tro == r), None)
        )
        return _member(chosen, numbers.get(chosen.ma)) if chosen else None

    competence = rnd.competence
    forward_to = competence.forward_to if competence else None
    forward_from = competence.forward_from if competence else None
    forward_stars = (competence.stars[-1] + 1) if competence and competence.stars else 5
    forward_text = f"{forward_stars} sao" if forward_to else ""
    procedure = procedure_context(rnd, council_body)
    ranks_only = bool(procedure["chi_cham_diem"])
    if ranks_only and forward_to:
        forward_text = str(procedure["cap_tren"])
    products = [_product(p, numbers, forward_text, ranks_only) for p in rnd.products]
    procedure["so_de_nghi"] = pad2(sum(1 for p in products if p["de_nghi_cap_tren"]))
    recognised = [dict(p) for p in products if p["cong_nhan"]]
    for i, p in enumerate(recognised, start=1):
        p["stt"] = str(i)
    by_star = sorted({p["hang_sao"] for p in recognised}, reverse=True)
    counts = ", ".join(
        f"{pad2(sum(1 for p in recognised if p['hang_sao'] == s))} sản phẩm {format_stars(s)}"
        for s in by_star
    )
    ratio = Fraction(len(present), len(rnd.members)) if rnd.members else Fraction(0)
    quorum_ok = rnd.quorum_met
    chair_present = any(m.vai_tro == "chu_tich" for m in present)
    percent = format_score(round(float(ratio) * 100, 1))
    quorum_text = (
        f"Số thành viên có mặt: {len(present)}/{len(rnd.members)} ({percent}%)"
        + (", có Chủ tịch Hội đồng" if chair_present else ", vắng Chủ tịch Hội đồng")
        + (
            "; bảo đảm điều kiện tiến hành cuộc họp theo Quy chế hoạt động của Hội đồng."
            if quorum_ok
            else "; không bảo đảm điều kiện tiến hành cuộc họp theo Quy chế hoạt động của Hội đồng."
        )
    )
    founding = council_raw.get("quyet_dinh_thanh_lap")
    number = hop.get("so_bien_ban")
    co_mat_members = [
        _member(m, numbers.get(m.ma), last=(i == len(present) - 1)) for i, m in enumerate(present)
    ]
    scorers = [_member(m, numbers.get(m.ma)) for m in rnd.scorers]
    words = wording()
    # The Quy chế's largest spread: the round's cau_hinh, else the regime's default (10).
    spread_max = rnd.settings.get("chenh_lech_toi_da", rnd.rules.council.spread_max)
    ctx: dict[str, Any] = {
        "cham": CHAM,
        "bo_tieu_chi": regime,
        "van_ban_bo_tieu_chi": words.act(regime),
        "nam": data["nam"],
        "ten_dot": data.get("ten_dot") or f"năm {data['nam']}",
        "cap": level,
        "cap_chu": words.levels[level]["vi"],
        "cap_tren_chu": words.levels[forward_to]["vi"] if forward_to else "",
        "nguong_cap_tren_chu": (
            f"{forward_text} (từ {forward_from} điểm trở lên)" if forward_from else ""
        ),
        "thoi_han_thang": str(
            (data.get("giay_chung_nhan") or {}).get("thoi_han_thang", rnd.rules.validity_months)
        ),
        "chenh_lech_toi_da": format_score(Fraction(str(spread_max))),
        "co_quan": co_quan,
        "hoi_dong": {
            "ten": council_raw["ten"],
            "ten_in_hoa": upper_vi(council_raw["ten"]),
            "co_quan": council_body,
            "quyet_dinh_thanh_lap": {
                "so": format_doc_number(
                    founding["so"],
                    None if "/" in str(founding["so"]) else f"QĐ-{council_body['ky_hieu']}",
                ),
                "ngay_chu": format_date(founding["ngay"]),
                "nguoi_ban_hanh": founding.get("nguoi_ban_hanh"),
            }
            if founding
            else None,
            "thanh_vien": members,
            "so_thanh_vien": pad2(len(rnd.members)),
        },
        "hop": {
            "so": (
                format_doc_number(number, None if "/" in str(number) else "BB-HĐ")
                if number
                else "        /BB-HĐ"
            ),
            "ngay_dong": f"{council_body['dia_danh']}, {format_date(start)}",
            "bat_dau_chu": f"{format_time(start)}, {format_date(start)}",
            "ket_thuc_chu": (
                f"{format_time(end)}, {format_date(end)}"
                if end
                else "…… giờ …… phút, ngày …… tháng …… năm ……"
            ),
            "dia_diem": hop["dia_diem"],
            "chu_tri": by_ma(hop.get("chu_tri"), ("chu_tich", "pho_chu_tich")),
            "thu_ky": by_ma(hop.get("thu_ky"), ("thu_ky", "uy_vien_thu_ky")),
            "co_mat": co_mat_members,
            "vang_mat": [_member(m, numbers.get(m.ma)) for m in absent],
            "vang_mat_chu": "; ".join(
                f"{m.ho_ten}" + (f", {m.chuc_vu}" if m.chuc_vu else "") for m in absent
            ),
            "so_co_mat": pad2(len(present)),
            "du_dieu_kien": quorum_ok,
            "ket_luan_so_luong": quorum_text,
            "khach_moi": list(hop.get("khach_moi") or []),
            "noi_dung": list(hop.get("noi_dung") or []),
            "kien_nghi": list(hop.get("kien_nghi") or []),
        },
        "nguoi_cham": scorers,
        "bang_diem": score_blocks(scorers, products),
        "san_pham": products,
        "cong_nhan": recognised,
        "de_nghi_cap_tren": [p for p in products if p["de_nghi_cap_tren"]],
        "khong_dat": [p for p in products if not p["cong_nhan"] and not p["de_nghi_cap_tren"]],
        "vuot_chenh_lech": [p for p in products if p["vuot_chenh_lech"]],
        "so_san_pham": pad2(len(products)),
        "so_cong_nhan": pad2(len(recognised)),
        "so_cong_nhan_theo_sao": counts or None,
        "cong_nhan_hinh_thuc": case_summary(recognised),
        # Who scores, forwards and certifies at this level (QĐ 1048 Phụ lục II).
        "quy_trinh": procedure,
        # Set by contexts.partial.draft_context for a council document of a partial round.
        "du_thao": None,
    }
    qd = data.get("quyet_dinh")
    if qd:
        cases = {p["loai_danh_gia"] for p in recognised}
        ctx["quyet_dinh"] = decision_context(
            qd, data, co_quan, council_raw, start, regime, level, cases, qd.get("de_nghi")
        )
    return ctx


__all__ = ["procedure_context", "round_context"]

"""Context building: a dossier or a round file → the data one template is filled with.

Stage "context building" of the produce pipeline (architecture §2). :data:`KINDS` is the
registry of document kinds: its template file, what it is filled from, and the **data
schema** of its context (a JSON Schema subset with Vietnamese titles). The schema is what
``ocop-docs templates check`` checks template variables against and what
``docs/documents.md`` documents; a test validates every built context against it.

Dossier kinds expose the dossier's own keys (``chu_the.ten``, ``san_pham.ten`` …, see
docs/dossier.md) plus derived, ready-to-print values (``dia_chi_chu_the``, ``o.lan_dau`` …).
Round kinds expose the round, its council and every product's result, formatted for print
(dates per NĐ 30/2020, points "91,14", stars "4 sao").

The scoring sheet ``phieu-danh-gia`` (QĐ 26/2026 Phụ lục II, "Bộ tiêu chí … kiêm phiếu đánh
giá") is built from the rubric data (:mod:`ocop_docs.scoring.rubrics`): a list ``phieu`` of sheets,
each with the rows of the "Các tiêu chí | Thang điểm" table; blank from a set number, or
filled (☒ and totals from :func:`ocop_docs.scoring.card.score_card`) from a scorecard file, a
dossier's ``tu_danh_gia`` or a round file's member scorecards (one sheet per member).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any, Literal

from ocop_docs.errors import InputError, Issue
from ocop_docs.production.rounds import (
    Member,
    ProductResult,
    Round,
    format_address,
    load_round,
    read_dossier_data,
    require_valid,
)
from ocop_docs.production.schema_tree import SchemaTree, schema_tree
from ocop_docs.production.wording import wording
from ocop_docs.scoring.card import (
    CardReadError,
    Problem,
    Scorecard,
    ScoreResult,
    read_card,
    score_card,
)
from ocop_docs.scoring.rubrics import DEFAULT_REGIME, RUBRIC_DIRS, Criterion, Rubric, load_rubric
from ocop_docs.text.dates import parse_date
from ocop_docs.text.official import (
    add_months,
    format_date,
    format_date_short,
    format_doc_number,
    format_score,
    format_stars,
    format_time,
    pad2,
    parse_datetime,
    require_date,
    star_symbols,
)

# What a kind is filled from: a dossier, a round file, or (the scoring sheet) any of a set
# number, a scorecard file, a dossier or a round file.
Source = Literal["dossier", "round", "sheet"]

CHAM = "……………………"  # the dotted line of a blank field on a printed form
NGAY_TRONG = "ngày …… tháng …… năm ……"
UNCHECKED, CHECKED = "☐", "☒"  # Phụ lục III forms' "□", ticked (brief §6.4 [DESIGN])

@dataclass(frozen=True, slots=True)
class Kind:
    """One document kind: its template, what fills it, and its context schema."""

    name: str
    title_vi: str
    title_en: str
    source: Source
    per_product: bool

    @property
    def template(self) -> str:
        return f"{self.name}.docx"

    @property
    def schema(self) -> SchemaTree:
        """What the template may print: ``schemas/contexts/<kind>.schema.json``."""
        return schema_tree(f"contexts/{self.name}.schema.json")


KINDS: dict[str, Kind] = {
    "phieu-dang-ky": Kind(
        "phieu-dang-ky",
        "Mẫu 01 Phiếu đăng ký đánh giá, phân hạng sản phẩm OCOP",
        "Form 01 registration for OCOP evaluation",
        "dossier",
        True,
    ),
    "bao-cao-tu-danh-gia": Kind(
        "bao-cao-tu-danh-gia",
        "Mẫu 02 Báo cáo tự đánh giá về sản phẩm",
        "Form 02 producer's self-assessment report",
        "dossier",
        True,
    ),
    "bao-cao-xa": Kind(
        "bao-cao-xa",
        "Mẫu 03 Báo cáo đánh giá của UBND cấp xã",
        "Form 03 the commune's assessment report",
        "dossier",
        True,
    ),
    "bien-ban": Kind(
        "bien-ban",
        "Biên bản họp Hội đồng đánh giá, phân hạng sản phẩm OCOP",
        "Minutes of the evaluation council meeting",
        "round",
        False,
    ),
    "quyet-dinh": Kind(
        "quyet-dinh",
        "Quyết định công nhận sản phẩm OCOP (kèm danh sách)",
        "Decision recognising OCOP products (with the annex list)",
        "round",
        False,
    ),
    "giay-chung-nhan": Kind(
        "giay-chung-nhan",
        "Giấy chứng nhận sản phẩm OCOP",
        "Certificate for one product",
        "round",
        True,
    ),
    "phieu-danh-gia": Kind(
        "phieu-danh-gia",
        "Bộ tiêu chí kiêm phiếu đánh giá sản phẩm OCOP (Phụ lục II)",
        "Scoring sheet of a product set (Phụ lục II), blank or filled",
        "sheet",
        True,
    ),
}


# --- helpers -----------------------------------------------------------------------------------

_UNIT_PREFIX = re.compile(
    r"^(xã|phường|thị trấn|đặc khu|tỉnh|thành phố|huyện|quận|thị xã)\s+", re.IGNORECASE
)


def bare_name(unit: str | None) -> str:
    """ "xã Côn Minh" → "Côn Minh"; "tỉnh Thái Nguyên" → "Thái Nguyên"."""
    return _UNIT_PREFIX.sub("", (unit or "").strip())


def upper_vi(text: str) -> str:
    """Upper case for headers; Python's str.upper handles Vietnamese letters ("ủy" → "ỦY")."""
    return text.upper()


def header_name(name: str) -> str:
    """Agency name for the header, with a line break after "ỦY BAN NHÂN DÂN" (NĐ 30 practice)."""
    up = upper_vi(name.strip())
    for head in ("ỦY BAN NHÂN DÂN ", "UỶ BAN NHÂN DÂN "):
        if up.startswith(head):
            return head.strip() + "\n" + up[len(head) :]
    return up


def punctuate(items: Iterable[str], last: str = ".") -> list[str]:
    """List items ending ";" and the last one with ``last`` (NĐ 30 căn cứ and Nơi nhận)."""
    clean = [str(i).strip().rstrip(";.,") for i in items if str(i).strip()]
    return [f"{c};" for c in clean[:-1]] + ([f"{clean[-1]}{last}"] if clean else [])


def _date_or(value: Any, fmt: Any, blank: str) -> str:
    if value in (None, ""):
        return blank
    try:
        return str(fmt(value))
    except ValueError:
        return str(value)


def _tick(flag: bool) -> str:
    return CHECKED if flag else UNCHECKED


# --- dossier kinds -----------------------------------------------------------------------------


def dossier_context(data: Mapping[str, Any]) -> dict[str, Any]:
    """The context of Mẫu 01 and Mẫu 02 from a dossier's data (dates as ISO strings)."""
    from ocop_docs.rules.regimes import product_sets

    ctx: dict[str, Any] = {k: v for k, v in data.items()}
    chu_the = data.get("chu_the") or {}
    address = chu_the.get("dia_chi") or {}
    rep = chu_the.get("nguoi_dai_dien") or {}
    san_pham = data.get("san_pham") or {}
    ngay_nop = data.get("ngay_nop")
    year = data.get("nam_danh_gia")
    if year is None and ngay_nop:
        filed = parse_date(ngay_nop)
        year = filed.year if filed is not None else None
    set_no = data.get("bo_san_pham")
    sets = product_sets()
    product_set = sets.get(set_no) if isinstance(set_no, int) else None
    types = {str(doc.get("loai")) for doc in data.get("tai_lieu") or [] if isinstance(doc, dict)}
    case = data.get("loai_danh_gia", "lan_dau")
    ip_docs = [
        d
        for d in data.get("tai_lieu") or []
        if isinstance(d, dict) and d.get("loai") == "so_huu_tri_tue"
    ]
    words = wording()
    ticks = {key: _tick(bool(types & set(codes))) for key, codes in words.ticks.items()}
    samples = san_pham.get("so_luong_mau")
    ctx.update(
        cham=CHAM,
        tinh=bare_name(address.get("tinh")) if isinstance(address, dict) else CHAM,
        nam=year if year is not None else "……",
        dia_danh=bare_name(address.get("xa")) or CHAM if isinstance(address, dict) else CHAM,
        ngay_ky=_date_or(ngay_nop, format_date, NGAY_TRONG),
        dia_chi_chu_the=format_address(address),
        loai_hinh_chu_the=words.producer_types.get(str(chu_the.get("loai_hinh")), CHAM),
        gioi_tinh=words.genders.get(str(rep.get("gioi_tinh")), CHAM),
        ngay_thanh_lap=_date_or(chu_the.get("ngay_thanh_lap"), format_date_short, CHAM),
        nhom_san_pham=product_set.classification() if product_set else CHAM,
        ten_bo_san_pham=(
            f"Bộ sản phẩm số {product_set.so}: {product_set.ten}" if product_set else CHAM
        ),
        so_luong_mau=(
            pad2(int(samples))
            if isinstance(samples, int) and samples > 0
            else "không áp dụng"
            if samples == 0
            else CHAM
        ),
        o={
            "lan_dau": _tick(case == "lan_dau"),
            "nang_hang": _tick(case == "nang_hang"),
            "danh_gia_lai": _tick(case == "danh_gia_lai"),
            **ticks,
            # A numbered paper among the IP documents is taken as a registration
            # certificate; an accepted application alone ticks only d) [DESIGN].
            "nhan_hieu": _tick(any(d.get("so") for d in ip_docs)),
            "chi_dan_dia_ly": UNCHECKED,
            "sang_che": UNCHECKED,
            "kieu_dang": UNCHECKED,
            "ban_quyen": UNCHECKED,
            "shtt_khac": UNCHECKED,
        },
        minh_chung=[
            {
                "stt": str(i),
                "noi_dung": row.noi_dung,
                "yeu_cau": row.yeu_cau,
                "tep": "; ".join(
                    str(d.get("tep"))
                    for d in data.get("tai_lieu") or []
                    if isinstance(d, dict) and d.get("loai") in row.loai and d.get("tep")
                ),
            }
            for i, row in enumerate(words.evidence, start=1)
        ],
    )
    return ctx


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
        "ngay_dong": f"{place}, " + _date_or(assessment.get("ngay"), format_date, NGAY_TRONG),
        "nguyen_lieu": assessment.get("nguyen_lieu"),
        "lao_dong": assessment.get("lao_dong"),
        "y_tuong": assessment.get("y_tuong"),
        "ban_sac": assessment.get("ban_sac"),
        "nguoi_ky": signer,
        "noi_nhan": punctuate(recipients),
    }


# --- round kinds -------------------------------------------------------------------------------


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


def _member(m: Member, number: int | None, last: bool = False) -> dict[str, Any]:
    return {
        "ma": m.ma,
        "ky_hieu": f"TV{number}" if number else "",
        "ho_ten": m.ho_ten,
        "chuc_vu": m.chuc_vu or None,
        "vai_tro": m.vai_tro,
        "vai_tro_ten": m.role_name,
        "co_mat": m.co_mat,
        "cham_diem": m.cham_diem,
        "dau_cau": "." if last else ";",
    }


def _product(p: ProductResult, numbers: Mapping[str, int], forward: str) -> dict[str, Any]:
    values = [s for _m, s in p.scores]
    if p.disqualified:
        outcome = "Bị loại"
    elif p.proposed_up:
        outcome = f"Đề nghị {forward}"
    elif p.recognised:
        outcome = format_stars(p.stars)
    else:
        outcome = f"{format_stars(p.stars)} (không đạt)"
    if p.lowered:
        # The members' cards miss a minimum marker of the band (brief §3.5): say so where the
        # minutes print the star next to a mean that alone would give more.
        outcome += f"; hạ từ {format_stars(p.result.hang_theo_diem)} do chưa đạt yêu cầu tối thiểu"
    return {
        "stt": str(p.index),
        "ten": p.ten,
        "chu_the": p.chu_the,
        "dia_chi": p.dia_chi,
        "bo_san_pham": str(p.bo_san_pham) if p.bo_san_pham else "",
        "ma_san_pham": p.ma_san_pham,
        "diem": [
            {"ky_hieu": f"TV{numbers[m.ma]}" if m.ma in numbers else m.ma, "diem": format_score(s)}
            for m, s in p.scores
        ],
        "diem_tb": p.mean_text,
        "hang_sao": p.stars,
        "hang_sao_chu": format_stars(p.stars) if p.stars else "không xếp hạng",
        "sao": star_symbols(p.stars),
        "ket_qua": outcome,
        "chenh_lech": format_score(p.spread),
        "diem_cao_nhat": format_score(max(values)) if values else "",
        "diem_thap_nhat": format_score(min(values)) if values else "",
        "vuot_chenh_lech": p.spread_flag,
        "de_nghi_cap_tren": p.proposed_up,
        "cong_nhan": p.recognised,
        "bi_loai": p.disqualified or None,
    }


def round_context(rnd: Round) -> dict[str, Any]:
    """The context shared by the minutes, the decision and the certificate."""
    data = rnd.data or {}
    regime = str(data["bo_tieu_chi"])
    level = str(data["cap"])
    co_quan = _body(data["co_quan"])
    council_raw = data["hoi_dong"]
    council_body = _body(council_raw.get("co_quan") or data["co_quan"])
    numbers: dict[str, int] = {}
    for m in rnd.members:
        if m.co_mat and m.cham_diem:
            numbers[m.ma] = len(numbers) + 1
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
    products = [_product(p, numbers, forward_text) for p in rnd.products]
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
    ctx: dict[str, Any] = {
        "cham": CHAM,
        "bo_tieu_chi": regime,
        "van_ban_bo_tieu_chi": wording().act(regime),
        "nam": data["nam"],
        "ten_dot": data.get("ten_dot") or f"năm {data['nam']}",
        "cap": level,
        "cap_chu": wording().levels[level]["vi"],
        "cap_tren_chu": wording().levels[forward_to]["vi"] if forward_to else "",
        "nguong_cap_tren_chu": (
            f"{forward_text} (từ {forward_from} điểm trở lên)" if forward_from else ""
        ),
        "thoi_han_thang": str((data.get("giay_chung_nhan") or {}).get("thoi_han_thang", 36)),
        "chenh_lech_toi_da": format_score(
            Fraction(str((data.get("cau_hinh") or {}).get("chenh_lech_toi_da", 10)))
        ),
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
        "nguoi_cham": [_member(m, numbers.get(m.ma)) for m in rnd.scorers],
        "san_pham": products,
        "cong_nhan": recognised,
        "de_nghi_cap_tren": [p for p in products if p["de_nghi_cap_tren"]],
        "khong_dat": [p for p in products if not p["cong_nhan"] and not p["de_nghi_cap_tren"]],
        "vuot_chenh_lech": [p for p in products if p["vuot_chenh_lech"]],
        "so_san_pham": pad2(len(products)),
        "so_cong_nhan": pad2(len(recognised)),
        "so_cong_nhan_theo_sao": counts or None,
    }
    qd = data.get("quyet_dinh")
    if qd:
        ctx["quyet_dinh"] = _decision_context(qd, data, co_quan, council_raw, start, regime, level)
    return ctx


def _decision_context(
    qd: Mapping[str, Any],
    data: Mapping[str, Any],
    co_quan: Mapping[str, Any],
    council: Mapping[str, Any],
    meeting: dt.datetime,
    regime: str,
    level: str,
) -> dict[str, Any]:
    number = qd["so"]
    symbol = None if "/" in str(number) else f"QĐ-{co_quan['ky_hieu']}"
    # Under QĐ 26/2026 the Chủ tịch UBND cấp tỉnh decides (Điều 4.1.a, 7.3.e).
    default_authority = (
        f"CHỦ TỊCH {co_quan['ten_mot_dong_in_hoa']}"
        if regime == "26/2026"
        else co_quan["ten_mot_dong_in_hoa"]
    )
    authority = str(qd.get("tham_quyen") or default_authority)
    decider = (
        f"Chủ tịch {co_quan['ten']}"
        if upper_vi(authority).startswith("CHỦ TỊCH")
        else str(co_quan["ten"])
    )
    basis = qd.get("can_cu") or [
        f"Căn cứ {wording().act(regime)} ban hành Bộ tiêu chí và quy trình đánh giá, "
        "phân hạng sản phẩm Chương trình Mỗi xã một sản phẩm",
        f"Căn cứ kết quả đánh giá, phân hạng sản phẩm của {council['ten']} {format_date(meeting)}",
    ]
    recipients = list(qd.get("noi_nhan") or ["Như Điều 3"])
    if not any(str(r).strip().startswith("Lưu") for r in recipients):
        recipients.append("Lưu: VT")  # NĐ 30 mục II.9b: the list ends "- Lưu: VT, …."
    executors = qd.get("thuc_hien") or [
        f"Chánh Văn phòng {co_quan['ten']}",
        "Thủ trưởng các cơ quan, đơn vị có liên quan",
    ]
    year = data["nam"]
    return {
        "so": format_doc_number(number, symbol),
        "ngay_chu": format_date(qd["ngay"]),
        "ngay_ngan": format_date_short(qd["ngay"]),
        "ngay_dong": f"{co_quan['dia_danh']}, {format_date(qd['ngay'])}",
        "trich_yeu": qd.get("trich_yeu")
        or (
            f"Về việc công nhận sản phẩm đạt tiêu chuẩn sản phẩm OCOP "
            f"{wording().levels[level]['vi']} năm {year}"
        ),
        "tham_quyen": upper_vi(authority),
        "nguoi_quyet_dinh": decider,
        "can_cu": punctuate(basis),
        "thuc_hien_chu": ", ".join(str(e) for e in executors),
        "nguoi_ky": dict(qd["nguoi_ky"]),
        "noi_nhan": punctuate(recipients),
    }


def certificate_context(rnd: Round, ctx: dict[str, Any], product: ProductResult) -> dict[str, Any]:
    data = rnd.data or {}
    if not product.recognised:
        if product.proposed_up:
            reason = "đề nghị cấp trên đánh giá, phân hạng"
            reason_en = "proposed to the next level"
        else:
            reason = "chưa đạt hạng được công nhận ở cấp này"
            reason_en = "below the levels recognised here"
        raise InputError(
            "render-not-recognised",
            product=product.ten,
            mean=product.mean_text,
            mean_en=product.mean_text.replace(",", "."),  # English writes a decimal point
            stars=product.stars,
            reason=reason,
            reason_en=reason_en,
        )
    qd = data["quyet_dinh"]
    gcn = data.get("giay_chung_nhan") or {}
    issued = require_date(gcn.get("ngay") or qd["ngay"])
    months = int(gcn.get("thoi_han_thang", 36))
    place = ctx["co_quan"]["dia_danh"]
    index = next(i for i, p in enumerate(rnd.products) if p is product)
    ctx = dict(ctx)
    ctx["sp"] = ctx["san_pham"][index]
    ctx["giay_chung_nhan"] = {
        "ngay_dong": f"{place}, {format_date(issued)}",
        "ngay_chu": format_date(issued),
        "thoi_han_thang": str(months),
        # Valid 36 months from issue (QĐ 26/2026 Điều 4.3); expiry = issue + 36 months,
        # clamped to the month end (brief §4.3 [DESIGN]).
        "het_han_ngan": format_date_short(add_months(issued, months)),
        "nguoi_ky": dict(gcn.get("nguoi_ky") or qd["nguoi_ky"]),
    }
    return ctx


# --- the scoring sheet (phieu-danh-gia) and the self-assessment table (Mẫu 02 Phần III) ------

# The header of every Phụ lục II sheet prints the product code as ".(T).-.(X).-.(STT).-20……"
# (T: province, X: commune, STT: the commune's number, year; QĐ 19/2025/QĐ-TTg codes).
MA_SO_TRONG = ".(T).-.(X).-.(STT).-20………"
NGAY_DONG_TRONG = "……, " + NGAY_TRONG
Y_KIEN_TRONG = ["…" * 34, "…" * 34]  # two dotted lines, as the form prints them

# Keys a scorecard may carry only for the sheet's header; scoring ignores them (they are
# removed before :func:`~ocop_docs.scoring.card.score_card`, which warns about keys it does not use).
SHEET_ONLY_KEYS = ("dien_thoai", "dia_chi")

_SET_NUMBER = re.compile(r"\d{1,2}")


def marker(level: int | None) -> str:
    """ "***" for a 3★ minimum marker (QĐ 26/2026 Phụ lục II footer note), "" for none."""
    return "*" * level if level else ""


def _row(loai: str, ten: str, diem: object = "", o: str = "", sao: str = "") -> dict[str, str]:
    return {"loai": loai, "ten": ten, "diem": str(diem), "o": o, "sao": sao}


def _direct(group: Any) -> bool:
    """A mục whose options follow its own heading ("7. DINH DƯỠNG | 3")."""
    return len(group.tieu_chi) == 1 and group.tieu_chi[0].so == group.so


def _criterion_rows(c: Criterion, chosen: int | None) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    rows.extend(_row("ghi_chu", f"Yêu cầu: {y}") for y in c.yeu_cau)
    rows.extend(_row("ghi_chu", d) for d in c.dieu_kien)
    # Set 26 prints "Lựa chọn một trong hai trường hợp sau:" before its two cases; other
    # notes follow the options (the data keeps no position; brief §3.2 lists them as notes).
    before = bool(c.truong_hop)
    if before:
        rows.extend(_row("ghi_chu", g) for g in c.ghi_chu)
    cases = {t.ma: t.ten for t in c.truong_hop}
    case: str | None = None
    for o in c.lua_chon:
        if o.truong_hop and o.truong_hop != case:
            case = o.truong_hop
            rows.append(_row("ghi_chu", cases.get(case, case)))
        picked = chosen == o.stt
        rows.append(
            _row(
                "chon" if picked else "lua_chon",
                o.ten,
                o.diem,
                CHECKED if picked else UNCHECKED,
                marker(o.sao_toi_thieu),
            )
        )
        if o.ghi_chu:
            rows.append(_row("ghi_chu", f"Ghi chú: {o.ghi_chu}"))
    if not before:
        rows.extend(_row("ghi_chu", f"Ghi chú: {g}") for g in c.ghi_chu)
    return rows


def sheet_rows(rubric: Rubric, chosen: Mapping[str, int] | None = None) -> list[dict[str, str]]:
    """The rows of the "Các tiêu chí | Thang điểm" table, in printed order.

    ``chosen`` maps leaf criteria to the chosen option's ``stt``; those options get ☒ and the
    row type ``chon``, all others ☐ (brief §6.4 [DESIGN]).
    """
    picks = chosen or {}
    rows: list[dict[str, str]] = []
    for part in rubric.phan:
        rows.append(_row("phan", f"Phần {part.ma}: {part.ten} ({part.diem} điểm)", part.diem))
        for group in part.muc:
            heads = {s.tieu_chi[0]: s for s in group.nhom_con if s.tieu_chi}
            if _direct(group):
                c = group.tieu_chi[0]
                rows.append(_row("muc", f"{c.so}. {c.ten}", c.diem))
                rows.extend(_criterion_rows(c, picks.get(c.so)))
                continue
            rows.append(_row("muc", f"{group.so}. {group.ten}", group.diem))
            for c in group.tieu_chi:
                head = heads.get(c.so)
                if head is not None:
                    rows.append(_row("nhom_con", f"{head.so}. {head.ten}", head.diem))
                rows.append(_row("tieu_chi", f"{c.so}. {c.ten}", c.diem))
                rows.extend(_criterion_rows(c, picks.get(c.so)))
    rows.append(_row("tong", "TỔNG CỘNG", rubric.tong_diem))
    return rows


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, dict | list | bool):
        return None
    text = str(value).strip()
    return text or None


def _unmet_text(result: ScoreResult) -> str:
    return ", ".join(
        dict.fromkeys(f"{u.tieu_chi} ({u.sao} sao)" for u in result.chua_dat_toi_thieu)
    )


def sheet_context(
    rubric: Rubric,
    result: ScoreResult | None = None,
    header: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """One sheet: the rubric's rows with ☐/☒, the header fields and, when filled, the totals.

    ``header`` may give ``ten_san_pham``, ``ma_san_pham``, ``chu_the``, ``dien_thoai``,
    ``dia_chi``, ``thanh_vien``, ``nguoi_danh_gia``, ``y_kien`` (text, line breaks kept) and
    ``ngay_dong`` ("Thái Nguyên, ngày 16 tháng 12 năm 2026"); what is missing prints the
    form's dotted line.
    """
    head = header or {}
    chosen = {c.tieu_chi: c.stt for c in result.lua_chon} if result is not None else {}
    parts = {s.so: s.diem for s in result.phan} if result is not None else {}
    notes: list[str] = []
    if result is not None:
        if result.loai:
            notes.append(
                "Hồ sơ bị loại" + (f": {result.ly_do_loai}" if result.ly_do_loai else "") + "."
            )
        elif result.bi_ha_hang:
            notes.append(
                f"Theo điểm: {format_stars(result.hang_theo_diem)}; chưa đạt yêu cầu tối thiểu "
                f"ở tiêu chí {_unmet_text(result)}: xếp {format_stars(result.hang_sao)}."
            )
        elif result.chua_dat_toi_thieu:
            notes.append(f"Chưa đạt yêu cầu tối thiểu ở tiêu chí {_unmet_text(result)}.")
    opinion = _text(head.get("y_kien"))
    loai_khi = list(dict.fromkeys(rubric.loai_khi_nguyen_van))  # set 1 prints its line twice
    return {
        "bo_san_pham": str(rubric.bo_san_pham),
        "ten_bo": rubric.tieu_de or rubric.ten,
        "tieu_de_phu": rubric.tieu_de_phu,
        "ten_san_pham": _text(head.get("ten_san_pham")) or CHAM,
        "ma_san_pham": _text(head.get("ma_san_pham")) or MA_SO_TRONG,
        "chu_the": _text(head.get("chu_the")) or CHAM,
        "dien_thoai": _text(head.get("dien_thoai")) or CHAM,
        "dia_chi": _text(head.get("dia_chi")) or CHAM,
        "thanh_vien": _text(head.get("thanh_vien")),
        "loai_khi": loai_khi,
        "dong": sheet_rows(rubric, chosen),
        "tong": [
            {
                "ten": f"Phần {p.ma}: {p.ten}",
                "toi_da": str(p.diem),
                "dat": str(parts[p.ma]) if p.ma in parts else "",
            }
            for p in rubric.phan
        ],
        "toi_da": str(rubric.tong_diem),
        "da_cham": result is not None,
        "diem_dat": str(result.tong_diem) if result is not None else CHAM,
        "hang_sao": (
            CHAM
            if result is None
            else format_stars(result.hang_sao)
            if result.hang_sao
            else "không xếp hạng"
        ),
        "ghi_chu_ket_qua": notes,
        "ghi_chu_dau_sao": rubric.ghi_chu_dau_sao,
        "y_kien": opinion.splitlines() if opinion else list(Y_KIEN_TRONG),
        "ngay_dong": _text(head.get("ngay_dong")) or NGAY_DONG_TRONG,
        "nguoi_danh_gia": _text(head.get("nguoi_danh_gia")),
    }


def sheets_context(sheets: list[dict[str, Any]], regime: str = DEFAULT_REGIME) -> dict[str, Any]:
    """The context of ``phieu-danh-gia``: one or more sheets of one regime."""
    return {
        "cham": CHAM,
        "bo_tieu_chi": regime,
        "van_ban_bo_tieu_chi": wording().act(regime),
        "phieu": sheets,
    }


def rubric_for(set_no: Any, regime: str, source: str) -> Rubric:
    """The rubric of a set for a document, or an input error naming ``source``."""
    if isinstance(set_no, bool) or not isinstance(set_no, int) or not 1 <= set_no <= 26:
        shown = "—" if set_no is None else str(set_no)
        raise InputError("render-set-invalid", path=source, value=shown)
    if regime not in RUBRIC_DIRS:
        raise InputError(
            "render-rubric-unavailable", regime=regime, known=", ".join(sorted(RUBRIC_DIRS))
        )
    return load_rubric(set_no, regime)


def _score_issues(problems: Iterable[Problem], prefix: str = "") -> list[Issue]:
    issues = []
    for problem in problems:
        issue = problem.to_issue()
        issue.pointer = prefix + issue.pointer
        issues.append(issue)
    return issues


def _refuse_errors(issues: list[Issue], source: str) -> None:
    errors = [i for i in issues if i.severity == "error"]
    if errors:
        raise InputError(
            "render-scorecard-invalid",
            issues=issues,
            path=source,
            count=len(errors),
            first=errors[0].message("vi"),
            first_en=errors[0].message("en"),
        )


def card_sheet(path: Path) -> tuple[dict[str, Any], str, dt.datetime | None, list[Issue]]:
    """A filled sheet from a scorecard file (exit 1 when the card has errors)."""
    card = read_card(path)
    data = dict(card.data) if isinstance(card.data, dict) else {}
    regime = str(data.get("bo_tieu_chi") or DEFAULT_REGIME)
    # An unknown regime is scored against 26/2026, so the card reports the mismatch itself.
    rubric = rubric_for(
        data.get("bo_san_pham"), regime if regime in RUBRIC_DIRS else DEFAULT_REGIME, str(path)
    )
    scored = Scorecard(
        {k: v for k, v in data.items() if k not in SHEET_ONLY_KEYS},
        card.path,
        card.positions,
        card.duplicates,
    )
    result = score_card(scored, rubric)
    issues = _score_issues(result.van_de)
    _refuse_errors(issues, str(path))
    when = _when(data.get("ngay"))
    header = {
        "ten_san_pham": data.get("ten_san_pham") or data.get("san_pham"),
        "ma_san_pham": data.get("ma_san_pham"),
        "chu_the": data.get("chu_the"),
        "dien_thoai": data.get("dien_thoai"),
        "dia_chi": data.get("dia_chi"),
        "nguoi_danh_gia": data.get("nguoi_danh_gia") or data.get("thanh_vien"),
        "y_kien": data.get("y_kien"),
        "ngay_dong": f"……, {format_date(when)}" if when else None,
    }
    return sheet_context(rubric, result, header), rubric.bo_tieu_chi, when, issues


def _self_card(data: Mapping[str, Any]) -> dict[str, Any] | None:
    block = data.get("tu_danh_gia")
    if not isinstance(block, dict) or "chon" not in block:
        return None
    return {"bo_san_pham": data.get("bo_san_pham"), "chon": block["chon"]}


def dossier_sheet(data: Mapping[str, Any], source: str) -> tuple[dict[str, Any], str, list[Issue]]:
    """The producer's sheet: the dossier's header and, when present, its self-assessment."""
    regime = str(data.get("bo_tieu_chi") or DEFAULT_REGIME)
    rubric = rubric_for(data.get("bo_san_pham"), regime, source)
    ctx = dossier_context(data)
    card = _self_card(data)
    result: ScoreResult | None = None
    issues: list[Issue] = []
    if card is not None:
        result = score_card(card, rubric)
        issues = _score_issues(result.van_de, "/tu_danh_gia")
        _refuse_errors(issues, source)
    chu_the = data.get("chu_the") or {}
    rep = chu_the.get("nguoi_dai_dien") or {}
    header = {
        "ten_san_pham": (data.get("san_pham") or {}).get("ten"),
        "ma_san_pham": (data.get("san_pham") or {}).get("ma_so"),
        "chu_the": chu_the.get("ten"),
        "dien_thoai": chu_the.get("dien_thoai"),
        "dia_chi": ctx["dia_chi_chu_the"],
        # A self-assessment is signed by the producer's legal representative (Mẫu 02).
        "nguoi_danh_gia": rep.get("ho_ten") if card is not None else None,
        "ngay_dong": f"{ctx['dia_danh']}, {ctx['ngay_ky']}" if card is not None else None,
    }
    return sheet_context(rubric, result, header), rubric.bo_tieu_chi, issues


def round_sheets(
    rnd: Round, item: ProductResult, source: str
) -> tuple[list[dict[str, Any]], str, list[Issue]]:
    """One sheet per member for a round's product: filled from the members' scorecards, or
    blank with the product and the member's name when the round has totals only."""
    data = rnd.data or {}
    regime = str(data.get("bo_tieu_chi") or DEFAULT_REGIME)
    rubric = item.rubric or rubric_for(item.bo_san_pham, regime, source)
    council_body = (data.get("hoi_dong") or {}).get("co_quan") or data.get("co_quan") or {}
    place = str(council_body.get("dia_danh") or "……")
    meeting = parse_datetime(data["hop"]["bat_dau"])
    dossier = item.dossier or {}
    phone = item.inline.get("dien_thoai") or (dossier.get("chu_the") or {}).get("dien_thoai")
    header = {
        "ten_san_pham": item.ten,
        "ma_san_pham": item.ma_san_pham,
        "chu_the": item.chu_the,
        "dien_thoai": phone,
        "dia_chi": item.dia_chi,
    }
    numbers: dict[str, int] = {}
    for m in rnd.scorers:
        numbers[m.ma] = len(numbers) + 1

    def who(m: Member) -> dict[str, Any]:
        label = f"TV{numbers[m.ma]} – " if m.ma in numbers else ""
        return {
            "thanh_vien": f"{label}{m.ho_ten}, {m.role_name}",
            "nguoi_danh_gia": m.ho_ten,
        }

    warnings: list[Issue] = []
    sheets: list[dict[str, Any]] = []
    if item.cards:
        for c in item.cards:
            card = c.data
            day = _when(card.get("ngay")) or meeting
            sheets.append(
                sheet_context(
                    rubric,
                    c.result,
                    {
                        **header,
                        **who(c.member),
                        "y_kien": card.get("y_kien"),
                        "ngay_dong": f"{place}, {format_date(day)}",
                    },
                )
            )
    else:
        scorers = rnd.scorers
        warnings.append(
            Issue("render-scorecards-absent", params={"product": item.ten, "count": len(scorers)})
        )
        sheets.extend(sheet_context(rubric, None, {**header, **who(m)}) for m in scorers)
    return sheets, rubric.bo_tieu_chi, warnings


def self_assessment_context(
    data: Mapping[str, Any],
) -> tuple[dict[str, Any] | None, list[Issue]]:
    """Mẫu 02 Phần III: the self-assessed points per criterion, with part totals and stars.

    None when the dossier has no ``tu_danh_gia``. Problems of the self-assessment do not stop
    the report: they come back as warnings and the table shows the valid choices only.
    """
    card = _self_card(data)
    if card is None:
        return None, []
    regime = str(data.get("bo_tieu_chi") or DEFAULT_REGIME)
    set_no = data.get("bo_san_pham")
    if regime not in RUBRIC_DIRS or not isinstance(set_no, int) or not 1 <= set_no <= 26:
        reason_vi = f"chưa có dữ liệu bộ tiêu chí {regime} cho bộ sản phẩm {set_no}"
        reason_en = f"no rubric data for regime {regime}, product set {set_no}"
        return None, [
            Issue(
                "render-self-assessment-problem",
                "/tu_danh_gia",
                params={"problem": reason_vi, "problem_en": reason_en},
            )
        ]
    rubric = load_rubric(set_no, regime)
    result = score_card(card, rubric)
    warnings = [
        Issue(
            "render-self-assessment-problem",
            "/tu_danh_gia" + p.pointer,
            params={"problem": p.message("vi"), "problem_en": p.message("en")},
        )
        for p in result.van_de
    ]
    chosen = {c.tieu_chi: c for c in result.lua_chon}
    parts = {s.so: s.diem for s in result.phan}
    groups = {(s.phan, s.so): s.diem for s in result.muc}
    rows: list[dict[str, str]] = []
    missing: list[str] = []
    for part in rubric.phan:
        rows.append(
            {
                "loai": "phan",
                "so": part.ma,
                "ten": f"Phần {part.ma}: {part.ten}",
                "lua_chon": "",
                "diem": f"{parts.get(part.ma, 0)}/{part.diem}",
            }
        )
        for group in part.muc:
            if not _direct(group):
                rows.append(
                    {
                        "loai": "muc",
                        "so": group.so,
                        "ten": group.ten,
                        "lua_chon": "",
                        "diem": f"{groups.get((part.ma, group.so), 0)}/{group.diem}",
                    }
                )
            for c in group.tieu_chi:
                pick = chosen.get(c.so)
                if pick is None:
                    missing.append(c.so)
                rows.append(
                    {
                        "loai": "tieu_chi",
                        "so": c.so,
                        "ten": c.ten,
                        "lua_chon": pick.ten if pick else "— (chưa tự đánh giá)",
                        "diem": f"{pick.diem if pick else 0}/{c.diem}",
                    }
                )
    notes = []
    if result.chua_dat_toi_thieu:
        notes.append(
            f"Chưa đạt yêu cầu tối thiểu ở tiêu chí {_unmet_text(result)}"
            + (
                f": hạ từ {format_stars(result.hang_theo_diem)} xuống "
                f"{format_stars(result.hang_sao)}."
                if result.bi_ha_hang
                else "."
            )
        )
    if missing:
        notes.append(f"Chưa tự đánh giá tiêu chí: {', '.join(missing)} (tính 0 điểm).")
    return {
        "dong": rows,
        "tong_diem": str(result.tong_diem),
        "toi_da": str(rubric.tong_diem),
        "hang_theo_diem": format_stars(result.hang_theo_diem),
        "hang_sao": format_stars(result.hang_sao),
        "ghi_chu": notes,
    }, warnings


# --- input detection and the one entry point ---------------------------------------------------


@dataclass(slots=True)
class BuiltContext:
    kind: Kind
    context: dict[str, Any]
    when: dt.datetime | None = None
    warnings: list[Issue] = field(default_factory=list)
    source: Path | None = None


InputKind = Literal["dossier", "round", "scorecard", "set"]

INPUT_NAMES: dict[InputKind, tuple[str, str]] = {
    "dossier": ("hồ sơ sản phẩm", "a product dossier"),
    "round": ("tệp đợt đánh giá", "a round file"),
    "scorecard": ("phiếu chấm", "a scorecard"),
    "set": ("số bộ sản phẩm", "a product set number"),
}


_ROUND_KEY = re.compile(r'^hoi_dong\s*:|"hoi_dong"\s*:', re.MULTILINE)  # YAML or JSON


def _is_scorecard(path: Path) -> bool:
    """A YAML/JSON mapping with the choices ``chon`` and no council is a scorecard."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    if _ROUND_KEY.search(text):
        return False  # a round file's council: no need to parse a big file twice
    try:
        data = read_card(path).data
    except CardReadError:
        return False  # unreadable: let the round loader report it with its line
    return isinstance(data, dict) and "chon" in data and "hoi_dong" not in data


def detect_input(path: Path) -> InputKind:
    """A dossier (folder with ho-so.yaml/json, or that file), a round file, a scorecard
    (YAML/JSON with ``chon``) or, for the scoring sheet, a product set number "1"–"26"."""
    from ocop_docs.validation.loading import DOSSIER_NAMES

    if path.is_dir():
        if any((path / n).is_file() for n in DOSSIER_NAMES):
            return "dossier"
        raise InputError("render-input-unknown", path=str(path))
    if path.name in DOSSIER_NAMES:
        return "dossier"
    if path.suffix.lower() in (".yaml", ".yml", ".json") and path.is_file():
        return "scorecard" if _is_scorecard(path) else "round"
    if not path.exists() and _SET_NUMBER.fullmatch(str(path)):
        return "set"
    raise InputError("render-input-unknown", path=str(path))


def _when(value: Any) -> dt.datetime | None:
    d = parse_date(value)
    return dt.datetime(d.year, d.month, d.day) if d is not None else None


def _read_assessment(path: Path) -> dict[str, Any]:
    """A commune assessment file (the shape of ``danh_gia_xa`` in round.schema.json)."""
    import json

    from jsonschema import Draft202012Validator

    from ocop_docs.resources import schemas_dir
    from ocop_docs.text.documents import load_document

    doc = load_document(path)
    issues = list(doc.issues)
    if isinstance(doc.data, dict):
        schema = json.loads((schemas_dir() / "round.schema.json").read_text(encoding="utf-8"))
        defs = schema["$defs"]
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
        )
    return dict(doc.data)


def build_context(
    kind: str,
    source: Path | str,
    *,
    product: int | None = None,
    assessment: Path | str | None = None,
) -> BuiltContext:
    """The context of ``kind`` from its input (``product``: 1-based, with a round file)."""
    spec = KINDS[kind]
    path = Path(source)
    what = detect_input(path)
    if spec.source == "sheet":
        return _sheet_built(spec, path, what, product)
    allowed: tuple[InputKind, ...] = ("round",) if spec.source == "round" else ("dossier", "round")
    if what not in allowed:
        expected = " hoặc ".join(INPUT_NAMES[a][0] for a in allowed)
        expected_en = " or ".join(INPUT_NAMES[a][1] for a in allowed)
        raise InputError(
            "render-input-wrong",
            kind=kind,
            path=str(path),
            expected=expected,
            expected_en=expected_en,
            actual=INPUT_NAMES[what][0],
            actual_en=INPUT_NAMES[what][1],
        )
    if what == "dossier":
        data, issues, _file = read_dossier_data(path)
        if data is None:
            reason = "; ".join(i.message("vi") for i in issues if i.severity == "error") or "?"
            raise InputError(
                "render-dossier-invalid", issues=issues, path=str(path), reason=reason
            )
        ctx = dossier_context(data)
        when = _when(data.get("ngay_nop"))
        warnings = [i for i in issues if i.severity == "warning"]
        if kind == "bao-cao-tu-danh-gia":
            ctx["ket_qua_tu_danh_gia"], found = self_assessment_context(data)
            warnings.extend(found)
        if kind == "bao-cao-xa":
            if assessment is None:
                raise InputError(
                    "render-no-assessment",
                    product=str((data.get("san_pham") or {}).get("ten", path)),
                )
            raw = _read_assessment(Path(assessment))
            ctx["xa"] = assessment_context(data, raw)
            when = _when(raw.get("ngay")) or when
        return BuiltContext(spec, ctx, when, warnings, path)

    rnd = require_valid(load_round(path))
    warnings = [i for i in rnd.issues if i.severity == "warning"]
    if spec.per_product and product is None:
        raise InputError("render-product-required", kind=kind)
    if spec.source == "dossier":
        assert product is not None
        item = rnd.product(product)
        if item.dossier is None:
            raise InputError("render-no-dossier", kind=kind, product=item.ten)
        ctx = dossier_context(item.dossier)
        when = _when(item.dossier.get("ngay_nop"))
        if kind == "bao-cao-tu-danh-gia":
            ctx["ket_qua_tu_danh_gia"], found = self_assessment_context(item.dossier)
            warnings.extend(found)
        if kind == "bao-cao-xa":
            raw_assessment = (
                dict(item.inline.get("danh_gia_xa") or {})
                if assessment is None
                else _read_assessment(Path(assessment))
            )
            if not raw_assessment:
                raise InputError("render-no-assessment", product=item.ten)
            ctx["xa"] = assessment_context(item.dossier, raw_assessment)
            when = _when(raw_assessment.get("ngay")) or when
        return BuiltContext(spec, ctx, when, warnings, path)

    ctx = round_context(rnd)
    data = rnd.data or {}
    when = _when(parse_datetime(data["hop"]["bat_dau"]).date())
    if kind in ("quyet-dinh", "giay-chung-nhan"):
        if "quyet_dinh" not in ctx:
            raise InputError("render-no-decision")
        when = _when(data["quyet_dinh"]["ngay"])
    if kind == "quyet-dinh" and not ctx["cong_nhan"]:
        raise InputError("render-nothing-recognised")
    if kind == "giay-chung-nhan":
        assert product is not None
        ctx = certificate_context(rnd, ctx, rnd.product(product))
        when = _when((data.get("giay_chung_nhan") or {}).get("ngay") or data["quyet_dinh"]["ngay"])
    return BuiltContext(spec, ctx, when, warnings, path)


def _sheet_built(spec: Kind, path: Path, what: InputKind, product: int | None) -> BuiltContext:
    """``phieu-danh-gia`` from a set number, a scorecard, a dossier or a round's product."""
    source = str(path)
    if what == "set":
        rubric = rubric_for(int(path.name), DEFAULT_REGIME, source)
        return BuiltContext(spec, sheets_context([sheet_context(rubric)]), None, [], path)
    if what == "scorecard":
        sheet, regime, when, warnings = card_sheet(path)
        return BuiltContext(spec, sheets_context([sheet], regime), when, warnings, path)
    if what == "dossier":
        data, issues, _file = read_dossier_data(path)
        if data is None:
            reason = "; ".join(i.message("vi") for i in issues if i.severity == "error") or "?"
            raise InputError(
                "render-dossier-invalid", issues=issues, path=source, reason=reason
            )
        sheet, regime, found = dossier_sheet(data, source)
        warnings = [i for i in issues if i.severity == "warning"] + found
        when = _when(data.get("ngay_nop")) if isinstance(data.get("tu_danh_gia"), dict) else None
        return BuiltContext(spec, sheets_context([sheet], regime), when, warnings, path)
    rnd = require_valid(load_round(path))
    if product is None:
        raise InputError("render-product-required", kind=spec.name)
    sheets, regime, found = round_sheets(rnd, rnd.product(product), source)
    warnings = [i for i in rnd.issues if i.severity == "warning"] + found
    when = _when(parse_datetime((rnd.data or {})["hop"]["bat_dau"]).date())
    return BuiltContext(spec, sheets_context(sheets, regime), when, warnings, path)


__all__ = [
    "CHAM",
    "INPUT_NAMES",
    "KINDS",
    "BuiltContext",
    "Kind",
    "assessment_context",
    "bare_name",
    "build_context",
    "card_sheet",
    "certificate_context",
    "detect_input",
    "dossier_context",
    "dossier_sheet",
    "header_name",
    "marker",
    "punctuate",
    "round_context",
    "round_sheets",
    "rubric_for",
    "self_assessment_context",
    "sheet_context",
    "sheet_rows",
    "sheets_context",
]

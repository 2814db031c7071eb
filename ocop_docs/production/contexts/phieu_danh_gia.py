"""Bộ tiêu chí kiêm phiếu đánh giá sản phẩm OCOP: the scoring sheet (QĐ 26/2026 Phụ lục II).

Phụ lục II is the rubric *and* the scoring sheet ("Bộ tiêu chí … kiêm phiếu đánh giá"). The
context is a list ``phieu`` of sheets built from the rubric data
(:mod:`ocop_docs.scoring.rubrics`), each with the rows of the "Các tiêu chí | Thang điểm"
table: blank from a set number, or filled (☒ and totals from
:func:`ocop_docs.scoring.card.score_card`) from a scorecard file, a dossier's
``tu_danh_gia`` or a round file's member scorecards (one sheet per member). Template
``templates/phieu-danh-gia.docx``, schema ``schemas/contexts/phieu-danh-gia.schema.json``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ocop_docs.errors import InputError, Issue
from ocop_docs.production.contexts.council import member_labels
from ocop_docs.production.contexts.dates import document_day, meeting_day
from ocop_docs.production.contexts.dossier import dossier_context
from ocop_docs.production.contexts.kind import Built, Kind
from ocop_docs.production.contexts.scorecards import (
    is_direct,
    refuse_errors,
    rubric_for,
    score_issues,
    self_card,
    unmet_text,
)
from ocop_docs.production.inputs import InputKind, read_valid_dossier
from ocop_docs.production.printing import CHAM, CHECKED, NGAY_TRONG, UNCHECKED
from ocop_docs.production.rounds.loading import load_round
from ocop_docs.production.rounds.model import Member, ProductResult, Round, require_valid
from ocop_docs.production.wording import sheet_header, wording
from ocop_docs.rules.regimes import DEFAULT_REGIME, rubric_regimes
from ocop_docs.scoring.card import Scorecard, ScoreResult, score_card
from ocop_docs.scoring.card_file import read_card
from ocop_docs.scoring.rubrics import Criterion, Rubric
from ocop_docs.text.official import format_date, format_stars, parse_datetime

# The header of every Phụ lục II sheet prints the product code as ".(T).-.(X).-.(STT).-20……"
# (T: province, X: commune, STT: the commune's number, year; QĐ 19/2025/QĐ-TTg codes). Each
# regime's own header (QĐ 1048: the district's code, QĐ 124/2004) is data:
# schemas/documents/scoring-sheet.yaml.
MA_SO_TRONG = sheet_header(DEFAULT_REGIME).ma_so_trong
NGAY_DONG_TRONG = "……, " + NGAY_TRONG
Y_KIEN_TRONG = ["…" * 34, "…" * 34]  # two dotted lines, as the form prints them

# Keys a scorecard may carry only for the sheet's header; scoring ignores them (they are
# removed before :func:`~ocop_docs.scoring.card.score_card`, which warns about keys it does
# not use).
SHEET_ONLY_KEYS = ("dien_thoai", "dia_chi")


def marker(level: int | None) -> str:
    """ "***" for a 3★ minimum marker (QĐ 26/2026 Phụ lục II footer note), "" for none."""
    return "*" * level if level else ""


def _row(loai: str, ten: str, diem: object = "", o: str = "", sao: str = "") -> dict[str, str]:
    return {"loai": loai, "ten": ten, "diem": str(diem), "o": o, "sao": sao}


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
            if is_direct(group):
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
    printed = sheet_header(rubric.bo_tieu_chi)
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
                f"ở tiêu chí {unmet_text(result)}: xếp {format_stars(result.hang_sao)}."
            )
        elif result.chua_dat_toi_thieu:
            notes.append(f"Chưa đạt yêu cầu tối thiểu ở tiêu chí {unmet_text(result)}.")
        for rule in result.quy_tac:
            # The rules printed inside criteria, as applied (issue 11; rubric "quy_tac").
            if rule.loai == "dung":
                notes.append(
                    f"Không đánh giá các bước tiếp theo theo tiêu chí {rule.tieu_chi} "
                    f"({rule.noi_dung}): các tiêu chí sau không tính điểm, không xếp hạng."
                )
            elif rule.loai == "yeu_cau":
                notes.append(
                    f"Không đạt yêu cầu của tiêu chí {rule.tieu_chi} ({rule.noi_dung}): "
                    "tiêu chí tính 0 điểm."
                )
        if result.khong_danh_dau:
            # Phụ lục II is a tick-box sheet: a criterion may be left unticked (0 points).
            notes.append(f"Không đánh dấu (0 điểm): tiêu chí {', '.join(result.khong_danh_dau)}.")
    opinion = _text(head.get("y_kien"))
    loai_khi = list(dict.fromkeys(rubric.loai_khi_nguyen_van))  # set 1 prints its line twice
    return {
        "bo_san_pham": str(rubric.bo_san_pham),
        "ten_bo": rubric.tieu_de or rubric.ten,
        "tieu_de_phu": rubric.tieu_de_phu,
        # Another regime's header than QĐ 26/2026's, which the template prints as its own.
        "dau_phieu_rieng": printed != sheet_header(DEFAULT_REGIME),
        "phu_de": printed.phu_de,
        "ten_san_pham": _text(head.get("ten_san_pham")) or CHAM,
        "ma_san_pham": _text(head.get("ma_san_pham")) or printed.ma_so_trong,
        "chu_giai_ma_so": printed.chu_giai or "",
        "chu_the": _text(head.get("chu_the")) or CHAM,
        "dien_thoai": _text(head.get("dien_thoai")) or CHAM,
        # QĐ 1048 Phụ lục III prints no telephone line.
        "co_dien_thoai": printed.dien_thoai,
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


def card_sheet(path: Path) -> tuple[dict[str, Any], str, dt.datetime | None, list[Issue]]:
    """A filled sheet from a scorecard file (exit 1 when the card has errors)."""
    card = read_card(path)
    data = dict(card.data) if isinstance(card.data, dict) else {}
    regime = str(data.get("bo_tieu_chi") or DEFAULT_REGIME)
    # An unknown regime is scored against 26/2026, so the card reports the mismatch itself.
    rubric = rubric_for(
        data.get("bo_san_pham"),
        regime if regime in rubric_regimes() else DEFAULT_REGIME,
        str(path),
        data.get("so_bo_tieu_chi"),
    )
    scored = Scorecard(
        {k: v for k, v in data.items() if k not in SHEET_ONLY_KEYS},
        card.path,
        card.positions,
        card.duplicates,
    )
    result = score_card(scored, rubric)
    issues = score_issues(result.van_de)
    refuse_errors(issues, str(path))
    when = document_day(data.get("ngay"))
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


def dossier_sheet(data: Mapping[str, Any], source: str) -> tuple[dict[str, Any], str, list[Issue]]:
    """The producer's sheet: the dossier's header and, when present, its self-assessment."""
    regime = str(data.get("bo_tieu_chi") or DEFAULT_REGIME)
    block = data.get("tu_danh_gia")
    choice = block.get("so_bo_tieu_chi") if isinstance(block, dict) else None
    rubric = rubric_for(data.get("bo_san_pham"), regime, source, choice)
    ctx = dossier_context(data)
    card = self_card(data)
    result: ScoreResult | None = None
    issues: list[Issue] = []
    if card is not None:
        result = score_card(card, rubric)
        issues = score_issues(result.van_de, "/tu_danh_gia")
        refuse_errors(issues, source)
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
    numbers = member_labels(rnd.members)  # the minutes' labels: tv7 stays TV7

    def who(m: Member) -> dict[str, Any]:
        label = f"{numbers[m.ma]} – " if m.ma in numbers else ""
        return {
            "thanh_vien": f"{label}{m.ho_ten}, {m.role_name}",
            "nguoi_danh_gia": m.ho_ten,
        }

    warnings: list[Issue] = []
    sheets: list[dict[str, Any]] = []
    if item.cards:
        for c in item.cards:
            card = c.data
            day = document_day(card.get("ngay")) or meeting
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


def build(path: Path, what: InputKind, product: int | None, allow: tuple[Path, ...] = ()) -> Built:
    """``phieu-danh-gia`` from a set number, a scorecard, a dossier or a round's product."""
    source = str(path)
    if what == "set":
        rubric = rubric_for(int(path.name), DEFAULT_REGIME, source)
        return Built(sheets_context([sheet_context(rubric)]))
    if what == "scorecard":
        sheet, regime, when, warnings = card_sheet(path)
        return Built(sheets_context([sheet], regime), when, warnings)
    if what == "dossier":
        data, warnings = read_valid_dossier(path)
        sheet, regime, found = dossier_sheet(data, source)
        self_assessed = isinstance(data.get("tu_danh_gia"), dict)
        when = document_day(data.get("ngay_nop")) if self_assessed else None
        return Built(sheets_context([sheet], regime), when, warnings + found)
    rnd = require_valid(load_round(path, allow=allow))
    if product is None:
        raise InputError("render-product-required", kind=KIND.name)
    sheets, regime, found = round_sheets(rnd, rnd.product(product), source)
    warnings = [i for i in rnd.issues if i.severity == "warning"] + found
    return Built(sheets_context(sheets, regime), meeting_day(rnd.data or {}), warnings)


KIND = Kind(
    "phieu-danh-gia",
    "Bộ tiêu chí kiêm phiếu đánh giá sản phẩm OCOP (Phụ lục II)",
    "Scoring sheet of a product set (Phụ lục II), blank or filled",
    per_product=True,
    from_sheet_input=build,
)

__all__ = [
    "KIND",
    "MA_SO_TRONG",
    "SHEET_ONLY_KEYS",
    "build",
    "card_sheet",
    "dossier_sheet",
    "marker",
    "round_sheets",
    "sheet_context",
    "sheet_rows",
    "sheets_context",
]

"""Báo cáo kết quả thực hiện Chương trình OCOP (the yearly report, issue 14).

Filled from the registry's statistics (:func:`ocop_docs.registry.statistics.statistics`):
products certified by year and star, by case (first, upgrade, re-evaluation), in force on
the report's day by star, group, product set and commune (today's units), with charts
embedded where the template has a ``[[bieu_do:<name>]]`` paragraph
(:mod:`ocop_docs.registry.charts`). NĐ 30/2020 layout of a "Báo cáo" (Phụ lục III, Mẫu
1.4). Template ``templates/bao-cao-nam.docx``, schema
``schemas/contexts/bao-cao-nam.schema.json``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from ocop_docs.production.contexts.kind import Built, Kind
from ocop_docs.production.contexts.thong_bao_danh_gia_lai import sender_context
from ocop_docs.text.official import format_date_short, format_place_date, pad2

STAR_KEYS = ((3, "sao_3"), (4, "sao_4"), (5, "sao_5"))
CASE_WORDS = {"lan_dau": "lần đầu", "nang_hang": "nâng hạng", "danh_gia_lai": "đánh giá lại"}


def _rows(table: Mapping[Any, Mapping[int, int]]) -> list[dict[str, Any]]:
    rows = []
    for index, (label, counts) in enumerate(table.items(), start=1):
        row: dict[str, Any] = {"stt": str(index), "ten": str(label)}
        for stars, key in STAR_KEYS:
            row[key] = str(counts.get(stars, 0))
        row["tong"] = str(sum(counts.values()))
        rows.append(row)
    return rows


def _total(table: Mapping[Any, Mapping[int, int]]) -> dict[str, str]:
    out = {key: str(sum(c.get(stars, 0) for c in table.values())) for stars, key in STAR_KEYS}
    out["tong"] = str(sum(sum(c.values()) for c in table.values()))
    return out


def recipient_lines(recipients: Sequence[Any]) -> list[str]:
    """ "Kính gửi:" as NĐ 30/2020 Phụ lục III Mẫu 1.4 writes it, printed once: one recipient
    on its line ("A."); several, one line each, "- A;" … "- B." (issue 12: not one "Kính gửi:" per
    recipient)."""
    names = [" ".join(str(r).split()).rstrip(";.") for r in recipients if str(r).strip()]
    if len(names) <= 1:
        return [f"{n}." for n in names]  # as the other papers' "Kính gửi: ….": one line
    return [f"- {n};" for n in names[:-1]] + [f"- {names[-1]}."]


def build(stats: Any, sender: Mapping[str, Any]) -> Built:
    """``stats``: :class:`~ocop_docs.registry.statistics.Statistics`."""
    base = sender_context(sender)
    office = base["co_quan"]
    day: dt.date = sender.get("_ngay") or stats.on
    years = stats.years
    span = (
        str(years[-1])
        if len(years) == 1
        else f"{years[0]}–{years[-1]}"
        if years
        else str(stats.on.year)
    )
    number = sender.get("so")
    symbol = f"BC-{office['ky_hieu']}"
    by_year = []
    for year in years:
        counts = stats.by_year[year]
        cases = stats.by_year_case[year]
        row = {"nam": str(year), "tong": str(sum(counts.values()))}
        for stars, key in STAR_KEYS:
            row[key] = str(counts.get(stars, 0))
        for case in CASE_WORDS:
            row[case] = str(cases.get(case, 0))
        row["hieu_luc_cuoi_nam"] = str(stats.in_force_by_year.get(year, 0))
        by_year.append(row)
    in_force = {key: str(stats.in_force.get(stars, 0)) for stars, key in STAR_KEYS}
    in_force["tong"] = str(stats.total_in_force)
    changes = [
        {
            "nam": str(u["year"]),
            "ten": f"{u['product']} ({u['producer']})",
            "loai": CASE_WORDS.get(u["case"], u["case"]),
            "tu": f"{u['previous_stars']} sao" if u.get("previous_stars") else "—",
            "den": f"{u['stars']} sao",
        }
        for u in stats.upgrades
    ]
    recipients = [*(sender.get("noi_nhan") or []), f"Lưu: VT, {office['ky_hieu']}"]
    ctx = {
        **base,
        "bao_cao": {
            "so": f"{pad2(int(number))}/{symbol}" if number else f"        /{symbol}",
            "ngay_dong": format_place_date(str(office["dia_danh"]), day),
            "giai_doan": span,
            "kinh_gui": list(sender.get("kinh_gui") or []),
            "kinh_gui_dong": recipient_lines(sender.get("kinh_gui") or []),
            "ngay_tinh": format_date_short(stats.on),
            "noi_nhan": [f"{r};" for r in recipients[:-1]] + [f"{recipients[-1]}."],
        },
        "theo_nam": by_year,
        "con_hieu_luc": in_force,
        "theo_nhom": _rows(stats.by_group),
        "theo_nhom_tong": _total(stats.by_group),
        "theo_bo": _rows(stats.by_set),
        "theo_xa": _rows(stats.by_commune),
        "theo_xa_tong": _total(stats.by_commune),
        "nang_hang": changes,
        "so_xa": str(len(stats.by_commune)),
    }
    return Built(ctx, dt.datetime.combine(day, dt.time(8, 0)))


KIND = Kind(
    "bao-cao-nam",
    "Báo cáo kết quả thực hiện Chương trình OCOP",
    "Yearly report of the OCOP programme, with charts",
    per_product=False,
    from_registry=build,
)

__all__ = ["KIND", "build", "recipient_lines"]

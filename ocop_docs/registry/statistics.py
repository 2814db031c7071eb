"""Counts for the yearly report (issue 14): by year and star, group, product set, commune,
case, and the products in force year after year.

Years are programme years (the round's ``nam``; a list's ``nam``, by default its decision's
year): Bắc Kạn recognised the 2019 products by a decision of 10/01/2020 and the article
counts them in 2019. Counts of recognitions ("đạt chuẩn" in a year) take every certificate
issued in the year; counts "in force" take the certificates valid on a day (by default the
end of the last year), each product once (an upgrade replaces the older certificate).
Communes are today's units (former ones mapped by the address rules).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ocop_docs.registry.model import CASES, STARS, Entry
from ocop_docs.rules.product_sets import product_sets

UNKNOWN = "Chưa xác định"


@dataclass(slots=True)
class Statistics:
    """The counts; every table is rows of (label, counts by star, total)."""

    years: list[int]
    on: dt.date  # the day "in force" counts are taken
    by_year: dict[int, dict[int, int]] = field(default_factory=dict)  # year → star → n
    by_year_case: dict[int, dict[str, int]] = field(default_factory=dict)
    in_force: dict[int, int] = field(default_factory=dict)  # star → n on ``on``
    in_force_by_year: dict[int, int] = field(default_factory=dict)  # year end → n
    by_group: dict[str, dict[int, int]] = field(default_factory=dict)
    by_set: dict[str, dict[int, int]] = field(default_factory=dict)
    by_commune: dict[str, dict[int, int]] = field(default_factory=dict)
    upgrades: list[dict[str, Any]] = field(default_factory=list)

    @property
    def total_in_force(self) -> int:
        return sum(self.in_force.values())

    def to_json(self) -> dict[str, Any]:
        def table(rows: dict[Any, dict[int, int]]) -> list[dict[str, Any]]:
            return [
                {
                    "label": k,
                    "stars": {str(s): v.get(s, 0) for s in STARS},
                    "total": sum(v.values()),
                }
                for k, v in rows.items()
            ]

        return {
            "years": self.years,
            "on": self.on.isoformat(),
            "by_year": table(self.by_year),
            "by_year_case": [{"year": y, **c} for y, c in self.by_year_case.items()],
            "in_force": {str(s): self.in_force.get(s, 0) for s in STARS},
            "total_in_force": self.total_in_force,
            "in_force_by_year": [{"year": y, "total": n} for y, n in self.in_force_by_year.items()],
            "by_group": table(self.by_group),
            "by_set": table(self.by_set),
            "by_commune": table(self.by_commune),
            "upgrades": self.upgrades,
        }


def _stars(entries: list[Entry]) -> dict[int, int]:
    counts = Counter(e.stars for e in entries)
    return {s: counts.get(s, 0) for s in STARS}


def _grouped(entries: list[Entry], label: Any) -> dict[str, dict[int, int]]:
    groups: dict[str, list[Entry]] = {}
    for entry in entries:
        groups.setdefault(label(entry), []).append(entry)
    ordered = sorted(groups.items(), key=lambda kv: (kv[0] == UNKNOWN, -len(kv[1]), kv[0]))
    return {k: _stars(v) for k, v in ordered}


def _set_label(entry: Entry) -> str:
    if not entry.product_set:
        return UNKNOWN
    return f"{entry.product_set}. {product_sets()[entry.product_set].ten}"


def _group_label(entry: Entry) -> str:
    if not entry.group:
        return UNKNOWN
    item = next(p for p in product_sets().values() if p.nhom == entry.group)
    return f"{entry.group}. {item.nhom_ten.capitalize()}"


def statistics(
    entries: list[Entry], year: int | None = None, on: dt.date | None = None
) -> Statistics:
    """The counts of ``entries`` (up to ``year`` when given), in force on ``on``."""
    chosen = [e for e in entries if year is None or e.year <= year]
    years = sorted({e.year for e in chosen})
    last = year or (years[-1] if years else dt.date.today().year)
    day = on or dt.date(last, 12, 31)
    stats = Statistics(years=years, on=day)
    for y in years:
        of_year = [e for e in chosen if e.year == y]
        stats.by_year[y] = _stars(of_year)
        cases = Counter(e.case for e in of_year)
        stats.by_year_case[y] = {c: cases.get(c, 0) for c in CASES}
        stats.in_force_by_year[y] = sum(1 for e in chosen if e.in_force(dt.date(y, 12, 31)))
    force = [e for e in chosen if e.in_force(day)]
    stats.in_force = _stars(force)
    stats.by_group = _grouped(force, _group_label)
    stats.by_set = _grouped(force, _set_label)
    stats.by_commune = _grouped(force, lambda e: e.commune or e.former_unit or UNKNOWN)
    for entry in chosen:
        if entry.case != "lan_dau":
            event = entry.events[0] if entry.events else None
            stats.upgrades.append(
                {
                    "year": entry.year,
                    "product": entry.product,
                    "producer": entry.producer,
                    "case": entry.case,
                    "stars": entry.stars,
                    "previous_stars": (event.detail.get("previous_stars") if event else None),
                }
            )
    return stats


__all__ = ["UNKNOWN", "Statistics", "statistics"]

"""Deadlines of the procedure, read from ``thoi_han`` of ``schemas/rules/<regime>.yaml``.

The round calendar (QĐ 26/2026 Điều 5.1), the commune's 15 working days (Điều 7.2), the 45
days of a re-evaluation (Điều 7.6.g) and the transitional limits (Điều 12.2) are data; this
module reads them into typed values and does the date arithmetic, and
:mod:`ocop_docs.production.rounds.deadlines` applies them to a round file. Working days
skip the days off of ``schemas/rules/ngay-nghi.yaml`` (weekends and the fixed public
holidays; the moving ones only where listed, as that file says) and any a round adds.

Periods count from the day after the event (Bộ luật Dân sự 2015 Điều 147: "thời hiệu …
được tính từ ngày tiếp theo"), so "15 ngày làm việc kể từ ngày tiếp nhận" ends on the 15th
working day after receipt, and "không quá 45 ngày kể từ ngày nhận" on receipt + 45 days.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ocop_docs.errors import DataError
from ocop_docs.resources import load_data

__all__ = [
    "DaysOff",
    "RoundDeadlines",
    "RoundWindow",
    "Transition",
    "add_working_days",
    "days_off",
    "round_deadlines",
]

HOLIDAYS_FILE = "rules/ngay-nghi.yaml"
_WEEKDAYS = {"thu_hai": 0, "thu_ba": 1, "thu_tu": 2, "thu_nam": 3, "thu_sau": 4}
_WEEKDAYS |= {"thu_bay": 5, "chu_nhat": 6}


@dataclass(frozen=True, slots=True)
class DaysOff:
    """Days that are not working days: weekly ones, fixed (MM-DD) holidays, dated ones."""

    weekly: frozenset[int]  # date.weekday() numbers
    fixed: frozenset[tuple[int, int]]  # (month, day)
    dated: frozenset[dt.date]

    def is_off(self, day: dt.date, extra: frozenset[dt.date] = frozenset()) -> bool:
        return (
            day.weekday() in self.weekly
            or (day.month, day.day) in self.fixed
            or day in self.dated
            or day in extra
        )


@dataclass(frozen=True, slots=True)
class RoundWindow:
    """One round of the calendar: proposals before ``proposed_before`` (month, day) are
    evaluated before ``evaluated_before`` of the same year (Điều 5.1)."""

    proposed_before: tuple[int, int]
    evaluated_before: tuple[int, int]


@dataclass(frozen=True, slots=True)
class Transition:
    """Điều 12.2: dossiers filed before ``filed_before`` are completed within ``days[case]``
    days from ``start``."""

    filed_before: dt.date
    start: dt.date
    days: dict[str, int]
    basis: str

    def limit(self, case: str) -> dt.date | None:
        n = self.days.get(case)
        return self.start + dt.timedelta(days=n) if n is not None else None


@dataclass(frozen=True, slots=True)
class RoundDeadlines:
    """The ``thoi_han`` of one regime; any part may be absent (None)."""

    calendar_level: str | None
    calendar: tuple[RoundWindow, ...]
    calendar_basis: str
    commune_working_days: int | None
    commune_basis: str
    reevaluation_days: int | None
    reevaluation_basis: str
    transition: Transition | None

    def evaluate_before(self, proposed: dt.date) -> tuple[dt.date, dt.date] | None:
        """The cutoff a proposal of ``proposed`` falls under and the day the council must
        meet before: the first round whose cutoff comes after ``proposed`` (this year's, else
        next year's first)."""
        for year in (proposed.year, proposed.year + 1):
            for w in self.calendar:
                cutoff = dt.date(year, *w.proposed_before)
                if proposed < cutoff:
                    return cutoff, dt.date(year, *w.evaluated_before)
        return None


def add_working_days(
    start: dt.date, count: int, off: DaysOff, extra: Iterable[dt.date] = ()
) -> dt.date:
    """The ``count``-th working day after ``start`` (``start`` itself is not counted)."""
    extra_days = frozenset(extra)
    day, left = start, count
    while left > 0:
        day += dt.timedelta(days=1)
        if not off.is_off(day, extra_days):
            left -= 1
    return day


def _month_day(text: Any) -> tuple[int, int]:
    month, day = (int(x) for x in str(text).split("-"))
    dt.date(2000, month, day)  # a real day of the calendar (2000 is a leap year)
    return month, day


def _broken(what: str, exc: Exception) -> DataError:
    return DataError(
        "rules-data-unreadable",
        regime=what,
        reason=f"thiếu hoặc sai trường {exc}",
        reason_en=f"a field is missing or wrong: {exc}",
    )


@lru_cache(maxsize=4)
def days_off(base: Path | None = None) -> DaysOff:
    """The days off of ``schemas/rules/ngay-nghi.yaml``."""
    try:
        data = load_data(HOLIDAYS_FILE, base)
        return DaysOff(
            weekly=frozenset(_WEEKDAYS[str(d)] for d in data["nghi_hang_tuan"]),
            fixed=frozenset(_month_day(d) for d in data["nghi_le_co_dinh"]),
            dated=frozenset(
                d["ngay"] if isinstance(d, dict) else d for d in data.get("theo_ngay") or ()
            ),
        )
    except (OSError, KeyError, TypeError, ValueError) as exc:
        raise _broken(HOLIDAYS_FILE, exc) from exc


@lru_cache(maxsize=16)
def round_deadlines(code: str, base: Path | None = None) -> RoundDeadlines | None:
    """The deadlines of regime ``code`` (None when its file has ``thoi_han: null``)."""
    try:
        raw = load_data(f"rules/{code.replace('/', '-')}.yaml", base).get("thoi_han")
    except (OSError, ValueError) as exc:
        raise _broken(code, exc) from exc
    if raw is None:
        return None
    try:
        cal = raw.get("lich_dot") or {}
        commune = raw.get("xa_danh_gia") or {}
        again = raw.get("danh_gia_lai") or {}
        tr = raw.get("chuyen_tiep")
        return RoundDeadlines(
            calendar_level=str(cal["cap"]) if cal else None,
            calendar=tuple(
                RoundWindow(_month_day(w["de_nghi_truoc"]), _month_day(w["danh_gia_truoc"]))
                for w in cal.get("dot") or ()
            ),
            calendar_basis=str(cal.get("can_cu", "")),
            commune_working_days=(int(commune["ngay_lam_viec"]) if commune else None),
            commune_basis=str(commune.get("can_cu", "")),
            reevaluation_days=int(again["ngay"]) if again else None,
            reevaluation_basis=str(again.get("can_cu", "")),
            transition=(
                Transition(
                    filed_before=tr["nop_truoc"],
                    start=tr["tu"],
                    days={str(k): int(v) for k, v in tr["ngay"].items()},
                    basis=str(tr["can_cu"]),
                )
                if tr
                else None
            ),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise _broken(code, exc) from exc

"""How official documents write dates, numbers, document numbers and stars.

Every rule here comes from Nghị định 30/2020/NĐ-CP Phụ lục I (thể thức văn bản hành chính)
or from the OCOP decision practice quoted in the domain brief (§3.9, §6.6):

* dates: "ngày 05 tháng 01 năm 2026": days below 10 and months 1–2 take a leading zero,
  other months do not ("ngày 29 tháng 6 năm 2019") (NĐ 30/2020 Phụ lục I, mục II.4);
* document numbers: "Số: 05/QĐ-UBND": numbers below 10 take a leading zero, "/" between
  the number and the ký hiệu, "-" inside the ký hiệu (NĐ 30/2020 Phụ lục I, mục II.3);
* points: two decimals with a decimal comma, "91,14" (QĐ 2890/QĐ-BNN-VPĐP, brief §12.3).

All functions are pure and locale-free, so output never depends on the machine.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

# Points are written one way everywhere: scoring, messages and documents ("91,14").
from ocop_docs.scoring.points import format_points
from ocop_docs.text.dates import parse_date

Number = int | float | Decimal | Fraction


def require_date(value: object) -> dt.date:
    """The date ``value`` names (:func:`ocop_docs.text.dates.parse_date`); a document cannot
    be written without it, so anything else raises ``ValueError`` naming the value."""
    day = parse_date(value)
    if day is None:
        raise ValueError(f"not a date: {value!r}")
    return day


def parse_datetime(value: object) -> dt.datetime:
    """A date-time from a ``datetime`` or an ISO string "2026-10-15T08:00" / "2026-10-15 08:00"."""
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    if isinstance(value, str):
        try:
            return dt.datetime.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ValueError(f"not a date-time: {value!r}")


def day_text(day: int) -> str:
    """Days below 10 take a leading zero (NĐ 30/2020 Phụ lục I, mục II.4.b)."""
    return f"{day:02d}"


def month_text(month: int) -> str:
    """Months 1 and 2 take a leading zero, 3–12 do not (NĐ 30/2020 Phụ lục I, mục II.4.b)."""
    return f"{month:02d}" if month < 3 else str(month)


def format_date(value: object) -> str:
    """ "ngày 05 tháng 01 năm 2026", "ngày 29 tháng 6 năm 2019", "ngày 15 tháng 10 năm 2026"."""
    d = require_date(value)
    return f"ngày {day_text(d.day)} tháng {month_text(d.month)} năm {d.year}"


def format_place_date(place: str, value: object) -> str:
    """The địa danh và thời gian line: "Thái Nguyên, ngày 05 tháng 01 năm 2026"."""
    return f"{place}, {format_date(value)}"


def format_date_short(value: object) -> str:
    """dd/mm/yyyy for tables and short references: "05/01/2026"."""
    d = require_date(value)
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def format_time(value: dt.datetime | dt.time) -> str:
    """ "08 giờ 30 phút", the way minutes (biên bản, NĐ 30 Mẫu 1.9) state times."""
    return f"{value.hour:02d} giờ {value.minute:02d} phút"


_DOC_NUMBER = re.compile(r"^\s*(?:Số\s*:?\s*)?0*(\d+)\s*/\s*(\S+?)\s*$")


def format_doc_number(number: object, symbol: str | None = None) -> str:
    """ "05/QĐ-UBND" from (5, "QĐ-UBND"), "5/QĐ-UBND" or "Số: 05/QĐ-UBND".

    Numbers below 10 take a leading zero (NĐ 30/2020 Phụ lục I, mục II.3.a).
    Raises ``ValueError`` when the value is not "number/ký hiệu".
    """
    text = f"{number}/{symbol}" if symbol is not None else str(number)
    match = _DOC_NUMBER.match(text)
    if not match:
        raise ValueError(f"not a document number: {text!r}")
    value, sign = match.groups()
    return f"{int(value):02d}/{sign}"


def round_points(value: Number) -> Decimal:
    """Points rounded half-up to two decimals (display only; banding uses the exact mean)."""
    if isinstance(value, Fraction):
        # Decimal division is exact to 28 digits, far beyond two decimals.
        exact = Decimal(value.numerator) / Decimal(value.denominator)
    elif isinstance(value, float):
        exact = Decimal(repr(value))
    else:
        exact = Decimal(value)
    return exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def format_score(value: Number) -> str:
    """A member's total as written on the sheet: "92", "91,5" (no trailing zeros)."""
    d = round_points(value)
    text = f"{d:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


def format_stars(stars: int) -> str:
    """ "4 sao"."""
    return f"{stars} sao"


def star_symbols(stars: int) -> str:
    """ "★★★★" for a certificate; empty for 0."""
    return "★" * max(stars, 0)


def add_months(value: object, months: int) -> dt.date:
    """``value`` plus ``months`` calendar months, clamped to the month end (brief §4.3 DESIGN)."""
    d = require_date(value)
    index = d.month - 1 + months
    year, month = d.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def pad2(value: int) -> str:
    """Two digits with a leading zero: "05", the way counts are written ("03 năm")."""
    return f"{value:02d}"


__all__ = [
    "add_months",
    "day_text",
    "format_date",
    "format_date_short",
    "format_doc_number",
    "format_place_date",
    "format_points",
    "format_score",
    "format_stars",
    "format_time",
    "month_text",
    "pad2",
    "parse_datetime",
    "require_date",
    "round_points",
    "star_symbols",
]

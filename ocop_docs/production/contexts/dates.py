"""The date each document carries: in its core properties, and so in its bytes.

A document's date is its own (architecture §5: the same input gives the same bytes): a
dossier form the dossier's ``ngay_nop``, the minutes the meeting's day, the decision its
signing date, a certificate its issue date (by default the decision's: QĐ 26/2026 Điều 4.3
counts the 36 months from it). ``render`` and ``batch`` take them from here, so a batch's
documents are byte-identical to the ones ``render`` makes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from ocop_docs.text.dates import parse_date


def document_day(value: Any) -> dt.datetime | None:
    """Midnight of the date ``value`` holds (ISO or dd/mm/yyyy), None when it holds none."""
    d = parse_date(value)
    return dt.datetime(d.year, d.month, d.day) if d is not None else None


def meeting_day(data: Mapping[str, Any]) -> dt.datetime | None:
    """The day of the council's meeting (``hop.bat_dau`` "2026-10-15T08:00")."""
    return document_day(str(data["hop"]["bat_dau"])[:10])


def decision_day(data: Mapping[str, Any]) -> dt.datetime | None:
    """The day the recognition decision is signed; None for a round without one."""
    return document_day((data.get("quyet_dinh") or {}).get("ngay"))


def certificate_day(data: Mapping[str, Any]) -> dt.datetime | None:
    """The certificates' issue date: ``giay_chung_nhan.ngay``, else the decision's."""
    issued = (data.get("giay_chung_nhan") or {}).get("ngay")
    return document_day(issued or (data.get("quyet_dinh") or {}).get("ngay"))


__all__ = ["certificate_day", "decision_day", "document_day", "meeting_day"]

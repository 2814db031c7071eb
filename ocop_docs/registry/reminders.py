"""Who must file for re-evaluation, on a given day (QĐ 26/2026 Điều 7.6.a).

A re-evaluation dossier is filed "không sớm hơn 180 ngày và không muộn hơn 120 ngày"
before the certificate expires. On a day, each certificate in force is in one of:

* ``dang_mo``: the window is open;
* ``sap_dong``: the window is open and closes within ``warn_days`` (default 30) — about to
  be missed;
* ``da_lo``: the window has closed, the certificate is still valid: it lapses on its date
  (Điều 4.3) and the product registers afresh (or, for a certificate of the transition,
  Điều 12.3 keeps it valid to the result, at most ``gia_han`` days past expiry);
* ``het_han``: expired and not replaced.

The window's days are data: ``danh_gia_lai`` of the regime in force on the day
(``schemas/rules/26-2026.yaml``); before a regime with a window, only expiry is reported.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ocop_docs.registry.model import Entry
from ocop_docs.rules.regimes import regime, regime_for_date

CATEGORIES: tuple[str, ...] = ("dang_mo", "sap_dong", "da_lo", "het_han")
WARN_DAYS = 30


@dataclass(frozen=True, slots=True)
class Reminder:
    entry: Entry
    category: str
    opens: dt.date | None  # the window's first day
    closes: dt.date | None  # its last day
    days_left: int  # to the window's close (dang_mo, sap_dong) or to expiry (da_lo); <0 past
    transition: bool = False  # Điều 12.3 applies (valid to the result, at most gia_han days)

    def to_json(self, day: dt.date) -> dict[str, Any]:
        return {
            "category": self.category,
            "opens": self.opens.isoformat() if self.opens else None,
            "closes": self.closes.isoformat() if self.closes else None,
            "days_left": self.days_left,
            "transition": self.transition,
            "entry": self.entry.to_json(day),
        }


@dataclass(slots=True)
class ReminderList:
    day: dt.date
    warn_days: int
    basis: str  # the clause the window comes from
    items: list[Reminder] = field(default_factory=list)

    def of(self, category: str) -> list[Reminder]:
        return [r for r in self.items if r.category == category]

    def counts(self) -> dict[str, int]:
        return {c: len(self.of(c)) for c in CATEGORIES}


def window(entry: Entry, day: dt.date) -> tuple[dt.date | None, dt.date | None, dict[str, Any]]:
    """The re-evaluation window of ``entry`` under the law in force on ``day``."""
    rules = regime(regime_for_date(day))
    spec = rules.reevaluation or {}
    if not spec:
        return None, None, {}
    opens = entry.valid_to - dt.timedelta(days=int(spec["som_nhat"]))
    closes = entry.valid_to - dt.timedelta(days=int(spec["muon_nhat"]))
    return opens, closes, spec


def classify(entry: Entry, day: dt.date, warn_days: int = WARN_DAYS) -> Reminder | None:
    """The reminder ``entry`` calls for on ``day``, or None (not yet in its window)."""
    if entry.state != "active" or entry.decision_date > day:
        return None
    opens, closes, spec = window(entry, day)
    transition_spec: dict[str, Any] = spec.get("chuyen_tiep") or {}
    # Điều 12.3 helps only while its grace lasts: at most gia_han days past expiry.
    transition = (
        bool(transition_spec)
        and entry.valid_to < transition_spec["het_han_truoc"]
        and day <= entry.valid_to + dt.timedelta(days=int(transition_spec["gia_han"]))
    )
    if day > entry.valid_to:
        return Reminder(entry, "het_han", opens, closes, (entry.valid_to - day).days, transition)
    if opens is None or closes is None or day < opens:
        return None
    if day <= closes:
        left = (closes - day).days
        category = "sap_dong" if left < warn_days else "dang_mo"
        return Reminder(entry, category, opens, closes, left, transition)
    return Reminder(entry, "da_lo", opens, closes, (entry.valid_to - day).days, transition)


def reminders(entries: list[Entry], day: dt.date, warn_days: int = WARN_DAYS) -> ReminderList:
    """Every certificate that needs a word to its producer on ``day``, soonest first."""
    rules = regime(regime_for_date(day))
    basis = str((rules.reevaluation or {}).get("can_cu") or "")
    result = ReminderList(day=day, warn_days=warn_days, basis=basis)
    order = {c: i for i, c in enumerate(("sap_dong", "dang_mo", "da_lo", "het_han"))}
    found = [r for e in entries if (r := classify(e, day, warn_days)) is not None]
    found.sort(key=lambda r: (order[r.category], r.entry.valid_to, r.entry.id))
    result.items = found
    return result


__all__ = ["CATEGORIES", "WARN_DAYS", "Reminder", "ReminderList", "classify", "reminders", "window"]

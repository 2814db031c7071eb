"""What the registry holds: a recognition (one certificate of one product) and its state.

A :class:`Recognition` is what an input gives (a row of a published annex, a recognised
product of a round); the store turns it into a row with a history. :class:`Entry` is a row
as the reporters, pages and documents read it (detached from the database session).

Validity: 36 months from the decision (QĐ 26/2026 Điều 4.3, and the same under QĐ 1048 and
148: ``hieu_luc_chung_nhan_thang`` of each regime's data), expiry clamped to the month end
(brief §4.3 [DESIGN], :func:`ocop_docs.text.official.add_months`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from ocop_docs.text.names import fold

CASES: tuple[str, ...] = ("lan_dau", "nang_hang", "danh_gia_lai")
LEVELS: tuple[str, ...] = ("huyen", "tinh", "trung_uong")
STATES: tuple[str, ...] = ("active", "superseded", "revoked")
# What the public look-up says of a certificate on a day.
Validity = Literal["con_hieu_luc", "het_hieu_luc", "da_thu_hoi"]
STARS = (3, 4, 5)  # the stars that get a certificate (1★ and 2★ never do)

# Abbreviations of producer types as annexes write them, spelled out for the product key,
# so "HTX Tài Hoan" and "Hợp tác xã Tài Hoan" are one producer.
_ABBREVIATIONS: tuple[tuple[str, str], ...] = (
    (r"\bhtx\b", "hop tac xa"),
    (r"\btht\b", "to hop tac"),
    (r"\bcty\b", "cong ty"),
    (r"\btnhh\b", "trach nhiem huu han"),
    (r"\bhkd\b", "ho kinh doanh"),
    (r"\bcs\b", "co so"),
)


def key_text(text: str) -> str:
    """The form names are compared in: folded, lower case, abbreviations spelled out, no
    punctuation, one space."""
    value = fold(text).lower()
    for pattern, full in _ABBREVIATIONS:
        value = re.sub(pattern, full, value)
    value = re.sub(r"[^\w]+", " ", value)
    return " ".join(value.split())


def product_key(product: str, producer: str) -> str:
    """One product of one producer, whatever the spelling of the annex (max 255 chars)."""
    return f"{key_text(product)}|{key_text(producer)}"[:255]


@dataclass(slots=True)
class Recognition:
    """One product recognised by one decision, as an input gives it (not yet stored)."""

    product: str
    producer: str
    stars: int
    decision_no: str
    decision_date: dt.date
    issuer: str
    level: str
    year: int
    regime: str
    valid_from: dt.date
    valid_to: dt.date
    case: str = "lan_dau"
    address: str = ""
    address_status: str = "unknown"
    province: int | None = None
    province_name: str = ""
    commune_code: int | None = None
    commune: str = ""
    former_unit: str = ""
    product_set: int | None = None
    group: str = ""
    score: float | None = None
    certificate_no: str | None = None
    phone: str = ""
    email: str = ""
    row: int | None = None  # the row of the annex (or the product's place in the round)

    @property
    def key(self) -> str:
        return product_key(self.product, self.producer)


@dataclass(frozen=True, slots=True)
class Event:
    kind: str  # cong_nhan | nang_hang | danh_gia_lai | thay_the | thu_hoi | nhac_han
    on: dt.date
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Entry:
    """A registry row as read: the certificate, its product and its history."""

    id: int
    province: int | None
    product: str
    producer: str
    address: str
    address_status: str
    commune_code: int | None
    commune: str
    province_name: str
    former_unit: str
    product_set: int | None
    group: str
    stars: int
    score: float | None
    year: int
    case: str
    decision_no: str
    decision_date: dt.date
    issuer: str
    level: str
    certificate_no: str | None
    valid_from: dt.date
    valid_to: dt.date
    regime: str
    state: str
    phone: str
    email: str
    source: str
    source_row: int | None
    reminder: str
    reminder_on: dt.date | None
    events: tuple[Event, ...] = ()

    def validity(self, day: dt.date) -> Validity:
        """On ``day``: revoked, lapsed (expired or replaced by a newer certificate), or valid."""
        if self.state == "revoked":
            return "da_thu_hoi"
        if self.state == "superseded" or day > self.valid_to:
            return "het_hieu_luc"
        return "con_hieu_luc"

    def in_force(self, day: dt.date) -> bool:
        """Counted among the products in force on ``day`` (recognised by then, not expired,
        not revoked by then, not yet replaced by a newer certificate by then)."""
        if self.decision_date > day or day > self.valid_to:
            return False
        for event in self.events:
            if event.kind in ("thu_hoi", "thay_the") and event.on <= day:
                return False
        return True

    @property
    def contact(self) -> str:
        return ", ".join(p for p in (self.phone, self.email) if p)

    def to_json(self, day: dt.date | None = None) -> dict[str, Any]:
        data = asdict(self)
        for key, value in list(data.items()):
            if isinstance(value, dt.date):
                data[key] = value.isoformat()
        data["events"] = [
            {"kind": e.kind, "on": e.on.isoformat(), "detail": e.detail} for e in self.events
        ]
        if day is not None:
            data["validity"] = self.validity(day)
        return data


__all__ = [
    "CASES",
    "LEVELS",
    "STARS",
    "STATES",
    "Entry",
    "Event",
    "Recognition",
    "Validity",
    "key_text",
    "product_key",
]

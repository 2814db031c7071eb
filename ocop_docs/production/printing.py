"""How the documents print what the data leaves open: blanks, boxes, names, lists, addresses.

Dates, document numbers, points and stars follow NĐ 30/2020 in
:mod:`ocop_docs.text.official`; this module holds the rest of the print conventions the
context builders share (:mod:`ocop_docs.production.contexts`) and the round model uses for
a product's address line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

CHAM = "……………………"  # the dotted line of a blank field on a printed form
NGAY_TRONG = "ngày …… tháng …… năm ……"
UNCHECKED, CHECKED = "☐", "☒"  # Phụ lục III forms' "□", ticked (brief §6.4 [DESIGN])

_UNIT_PREFIX = re.compile(
    r"^(xã|phường|thị trấn|đặc khu|tỉnh|thành phố|huyện|quận|thị xã)\s+", re.IGNORECASE
)


def tick(flag: bool) -> str:
    """The form's box, ticked or not."""
    return CHECKED if flag else UNCHECKED


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


def date_or(value: Any, fmt: Callable[[Any], str], blank: str) -> str:
    """``fmt(value)``; ``blank`` when there is no value; the value as written when ``fmt``
    cannot read it (a form prints what the producer wrote rather than nothing)."""
    if value in (None, ""):
        return blank
    try:
        return str(fmt(value))
    except ValueError:
        return str(value)


def format_address(value: Any) -> str:
    """One line from a dossier address mapping: "Thôn Nà Làng, xã Côn Minh, tỉnh Thái Nguyên"."""
    if isinstance(value, str):
        return value
    if not isinstance(value, dict):
        return ""
    parts = [value.get(k) for k in ("so_nha", "thon", "xa", "huyen", "tinh")]
    return ", ".join(str(p) for p in parts if p)


__all__ = [
    "CHAM",
    "CHECKED",
    "NGAY_TRONG",
    "UNCHECKED",
    "bare_name",
    "date_or",
    "format_address",
    "header_name",
    "punctuate",
    "tick",
    "upper_vi",
]

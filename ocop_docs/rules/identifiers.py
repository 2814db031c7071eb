"""Vietnamese identifier and date formats used by the dossier schemas.

Each ``*_problem`` function returns ``None`` for a good value, or ``(issue code, params)``
saying exactly what is wrong; the JSON Schema format checker is built from them so the
schema stage and the messages agree.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ocop_docs.text.dates import parse_date

Problem = tuple[str, dict[str, Any]] | None

# Tax-code check digit: weights 31, 29, 23, 19, 17, 13, 7, 5, 3 on N1…N9, N10 = 10 − (Σ mod 11);
# a remainder of 0 would need the digit 10, so no such base number is issued
# (domain brief §9.1; TT 105/2020/TT-BTC, TT 86/2024/TT-BTC).
_MST_WEIGHTS = (31, 29, 23, 19, 17, 13, 7, 5, 3)
_MST_RE = re.compile(r"^(\d{10})(?:-?(\d{3}))?$")


def tax_check_digit(first_nine: str) -> int | None:
    """The 10th digit of a tax code whose first nine digits are given (None: not issuable)."""
    check = 10 - sum(int(d) * w for d, w in zip(first_nine, _MST_WEIGHTS, strict=True)) % 11
    return check if check < 10 else None


def tax_code_problem(value: Any) -> Problem:
    text = str(value).strip() if isinstance(value, (str, int)) else None
    if text is None:
        return "tax-code-invalid", {"value": value}
    compact = text.replace(" ", "").replace(".", "")
    if re.fullmatch(r"\d{12}", compact):
        # From 1/7/2025 the 12-digit personal ID serves as the tax code of individuals and
        # household businesses (TT 86/2024/TT-BTC).
        problem = id_number_problem(compact)
        return None if problem is None else ("tax-code-invalid", {"value": text})
    match = _MST_RE.match(compact)
    if not match:
        return "tax-code-invalid", {"value": text}
    base = match.group(1)
    expected = tax_check_digit(base[:9])
    if expected is None or expected != int(base[9]):
        return "tax-code-check-digit", {
            "value": text,
            "expected": expected if expected is not None else "—",
        }
    return None


def normalise_tax_code(value: Any) -> str:
    """Canonical form: digits, with the hyphen before a branch suffix (domain brief §9.1)."""
    compact = str(value).strip().replace(" ", "").replace(".", "")
    match = _MST_RE.match(compact)
    if match and match.group(2):
        return f"{match.group(1)}-{match.group(2)}"
    return compact


# Personal ID (CCCD / thẻ căn cước): PPP G YY RRRRRR, no check digit (domain brief §9.2;
# NĐ 137/2015/NĐ-CP, TT 07/2016/TT-BCA). PPP is one of the 63 pre-2025 province codes.
_OLD_PROVINCE_CODES = frozenset(
    {
        1,
        2,
        4,
        6,
        8,
        10,
        11,
        12,
        14,
        15,
        17,
        19,
        20,
        22,
        24,
        25,
        26,
        27,
        30,
        31,
        33,
        34,
        35,
        36,
        37,
        38,
        40,
        42,
        44,
        45,
        46,
        48,
        49,
        51,
        52,
        54,
        56,
        58,
        60,
        62,
        64,
        66,
        67,
        68,
        70,
        72,
        74,
        75,
        77,
        79,
        80,
        82,
        83,
        84,
        86,
        87,
        89,
        91,
        92,
        93,
        94,
        95,
        96,
    }
)


def id_number_problem(value: Any) -> Problem:
    text = str(value).strip() if isinstance(value, (str, int)) else ""
    if not re.fullmatch(r"\d{12}", text):
        return "id-number-invalid", {
            "value": value,
            "reason": "phải gồm đúng 12 chữ số",
            "reason_en": "it must have exactly 12 digits",
        }
    if int(text[:3]) not in _OLD_PROVINCE_CODES:
        return "id-number-invalid", {
            "value": text,
            "reason": f"mã tỉnh «{text[:3]}» không tồn tại",
            "reason_en": f"there is no province code '{text[:3]}'",
        }
    if text[3] not in "012345":
        return "id-number-invalid", {
            "value": text,
            "reason": f"chữ số giới tính/thế kỷ «{text[3]}» phải từ 0 đến 5",
            "reason_en": f"the sex/century digit '{text[3]}' must be 0 to 5",
        }
    return None


# Phone numbers [DESIGN]: mobile 0 + 9 digits (03x, 05x, 07x, 08x, 09x); landline
# 02xx + 7–8 digits; "+84" or "84" may replace the leading 0; spaces, dots, dashes allowed.
_PHONE_RE = re.compile(r"^0(?:[35789]\d{8}|2\d{8,9})$")


# Two numbers in one field ("0912 000 101, 0209 3 888 999", "… / …", "… hoặc …") are
# common on letterheads and mean both (issue 12); each must be a number.
_PHONE_SEPARATORS = re.compile(r"\s*(?:[,;/]|\s-\s|\bhoặc\b|\bvà\b|\bor\b)\s*")


def phone_problem(value: Any) -> Problem:
    if not isinstance(value, (str, int)):
        return "phone-invalid", {"value": value}
    text = str(value).strip()
    problem = _one_phone_problem(text)
    if problem is None:
        return None
    parts = [p for p in _PHONE_SEPARATORS.split(text) if p.strip()]
    if len(parts) > 1 and not any(_one_phone_problem(p) for p in parts):
        return None
    return problem


def _one_phone_problem(text: str) -> Problem:
    text = text.strip()
    compact = re.sub(r"[\s.\-()]", "", text)
    if compact.startswith("+84"):
        compact = "0" + compact[3:]
    elif compact.startswith("84") and len(compact) in (11, 12):
        compact = "0" + compact[2:]
    return None if _PHONE_RE.match(compact) else ("phone-invalid", {"value": text})


_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s.]+(?:\.[^@\s.]+)+$")


def email_problem(value: Any) -> Problem:
    if isinstance(value, str) and _EMAIL_RE.match(value.strip()):
        return None
    return "email-invalid", {"value": value}


def date_problem(value: Any) -> Problem:
    """The ``ngay`` format: a date :func:`~ocop_docs.text.dates.parse_date` reads."""
    return None if parse_date(value) is not None else ("date-invalid", {"value": value})


FORMAT_PROBLEMS: dict[str, Callable[[Any], Problem]] = {
    "ma-so-thue": tax_code_problem,
    "so-dinh-danh": id_number_problem,
    "so-dien-thoai": phone_problem,
    "email": email_problem,
    "ngay": date_problem,
}

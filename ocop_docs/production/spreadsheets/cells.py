"""Cells: what a spreadsheet cell holds → the value the round file would hold.

Officials type dates as "15/10/2026" (or Excel stores real dates), flags as «có»/«không»,
points with a decimal comma ("91,5"); :func:`convert_value` turns a cell into what the round
schema asks for at that key, or says what it expected (in both languages, for the
catalogue's "cần {expected}" messages).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from ocop_docs.text.names import fold

Cell = Any

_YES = {"co", "x", "yes", "true", "1", "dung", "co mat", "cham"}
_NO = {"khong", "no", "false", "0", "sai", "vang", "vang mat"}
# What a cell should have held, for the catalogue's "cần {expected}" messages.
EXPECTED: dict[str, dict[str, str]] = {
    "date": {"expected": "một ngày dd/mm/yyyy", "expected_en": "a date dd/mm/yyyy"},
    "moment": {"expected": "ngày giờ dd/mm/yyyy hh:mm", "expected_en": "a time dd/mm/yyyy hh:mm"},
    "flag": {"expected": "«có» hoặc «không»", "expected_en": "'có' or 'không'"},
    "number": {"expected": "một số", "expected_en": "a number"},
    "role": {
        "expected": "Chủ tịch, Phó Chủ tịch, Ủy viên, Ủy viên kiêm Thư ký hoặc Thư ký",
        "expected_en": "Chủ tịch, Phó Chủ tịch, Ủy viên, Ủy viên kiêm Thư ký or Thư ký",
    },
}
_DMY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})(?:[ T](\d{1,2}):(\d{2}))?$")


def cell_text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="minutes")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def cell_number(value: Cell) -> float | int | None:
    """A number from a cell: 91, 91.5, "91,5" (decimal comma), "91.5"; None if not one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else value
    text = cell_text(value).replace("\u00a0", "").replace(" ", "")
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    if re.fullmatch(r"-?\d+[.,]\d+", text):
        return float(text.replace(",", "."))
    return None


def cell_flag(value: Cell) -> bool | None:
    if isinstance(value, bool):
        return value
    word = fold(cell_text(value))
    if word in _YES:
        return True
    if word in _NO:
        return False
    return None


def cell_date(value: Cell) -> str | None:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = cell_text(value)
    m = _DMY.match(text)
    if m and m.group(4) is None:
        return _real(f"{int(m.group(3)):04d}-{int(m.group(2)):02d}-{int(m.group(1)):02d}")
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return _real(text)
    return None


def _real(iso: str) -> str | None:
    """``iso`` if it names a day of the calendar (30/02/2027 does not: issue 9), else None."""
    try:
        dt.datetime.fromisoformat(iso)
    except ValueError:
        return None
    return iso


def cell_moment(value: Cell) -> str | None:
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="minutes")
    text = cell_text(value)
    m = _DMY.match(text)
    if m and m.group(4) is not None:
        day, month, year, hour, minute = (int(g) for g in m.groups())
        return _real(f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}")
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?", text):
        return _real(text.replace(" ", "T")[:16])
    return None


def schema_types(schema: Mapping[str, Any]) -> set[str]:
    kind = schema.get("type")
    if isinstance(kind, list):
        return set(kind)
    return {kind} if isinstance(kind, str) else set()


def convert_value(value: Cell, schema: Mapping[str, Any]) -> tuple[Any, str | None]:
    """A cell as the round schema wants it, or (None, what was expected)."""
    types = schema_types(schema)
    if schema.get("format") in ("date", "ngay") or schema.get("title") == "Ngày":
        found = cell_date(value)
        return (found, None) if found else (None, "date")
    if "pattern" in schema and "T" in str(schema.get("pattern")) and "string" in types:
        found = cell_moment(value)
        return (found, None) if found else (None, "moment")
    if types == {"boolean"}:
        flag = cell_flag(value)
        return (flag, None) if flag is not None else (None, "flag")
    if types & {"integer", "number"} and "string" not in types:
        number = cell_number(value)
        if number is None or (
            "integer" in types and "number" not in types and not isinstance(number, int)
        ):
            return None, "number"
        return number, None
    if "integer" in types and isinstance(cell_number(value), int) and not isinstance(value, str):
        return cell_number(value), None
    return cell_text(value), None


__all__ = [
    "EXPECTED",
    "Cell",
    "cell_date",
    "cell_flag",
    "cell_moment",
    "cell_number",
    "cell_text",
    "convert_value",
    "schema_types",
]

"""The one date parser: a date, or None (never an exception)."""

from __future__ import annotations

import datetime as dt

import pytest

from ocop_docs.rules.identifiers import date_problem
from ocop_docs.text.dates import parse_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-09-15", dt.date(2026, 9, 15)),
        (" 2026-9-5 ", dt.date(2026, 9, 5)),
        ("2026-09-15T08:00:00", dt.date(2026, 9, 15)),
        ("15/09/2026", dt.date(2026, 9, 15)),
        ("15.09.2026", dt.date(2026, 9, 15)),
        ("5-1-2026", dt.date(2026, 1, 5)),
        (dt.date(2026, 1, 5), dt.date(2026, 1, 5)),
        (dt.datetime(2026, 1, 5, 8, 30), dt.date(2026, 1, 5)),
        ("31/02/2026", None),
        ("2026-13-01", None),
        ("15 tháng 10", None),
        ("20261015", None),
        ("", None),
        (20260915, None),
        (None, None),
        (["2026-09-15"], None),
    ],
)
def test_parse_date(value: object, expected: dt.date | None) -> None:
    assert parse_date(value) == expected


def test_a_date_the_parser_refuses_is_the_date_format_problem() -> None:
    assert date_problem("15/09/2026") is None
    assert date_problem("31/02/2026") == ("date-invalid", {"value": "31/02/2026"})

"""Golden tests of NĐ 30/2020 dates, document numbers, points and stars (ocop_docs.text.official)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

import pytest

from ocop_docs.text.official import (
    add_months,
    format_date,
    format_date_short,
    format_doc_number,
    format_place_date,
    format_points,
    format_score,
    format_stars,
    format_time,
    parse_datetime,
    require_date,
    star_symbols,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-01-05", "ngày 05 tháng 01 năm 2026"),  # day < 10 and month 1: leading zeros
        ("2020-01-05", "ngày 05 tháng 01 năm 2020"),
        ("2023-02-24", "ngày 24 tháng 02 năm 2023"),  # month 2: leading zero
        ("2019-06-29", "ngày 29 tháng 6 năm 2019"),  # months 3–12: none
        ("2026-10-15", "ngày 15 tháng 10 năm 2026"),
        ("2026-03-09", "ngày 09 tháng 3 năm 2026"),
        ("2026-12-31", "ngày 31 tháng 12 năm 2026"),
        (dt.date(2026, 5, 22), "ngày 22 tháng 5 năm 2026"),
        ("05/01/2026", "ngày 05 tháng 01 năm 2026"),  # Vietnamese dd/mm/yyyy input
    ],
)
def test_nd30_dates(value: object, expected: str) -> None:
    assert format_date(value) == expected


def test_place_date_and_short() -> None:
    assert (
        format_place_date("Thái Nguyên", "2027-01-05") == "Thái Nguyên, ngày 05 tháng 01 năm 2027"
    )
    assert format_date_short("2027-01-05") == "05/01/2027"
    assert format_time(dt.datetime(2026, 12, 15, 8, 0)) == "08 giờ 00 phút"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((5, "QĐ-UBND"), "05/QĐ-UBND"),
        (("5/QĐ-UBND",), "05/QĐ-UBND"),
        (("Số: 05/QĐ-UBND",), "05/QĐ-UBND"),
        (("1604/QĐ-UBND",), "1604/QĐ-UBND"),
        ((12, "BB-HĐ"), "12/BB-HĐ"),
        (("09/BC-UBND",), "09/BC-UBND"),
    ],
)
def test_document_numbers(args: tuple[object, ...], expected: str) -> None:
    assert format_doc_number(*args) == expected


def test_document_number_rejects_garbage() -> None:
    with pytest.raises(ValueError):
        format_doc_number("QĐ-UBND")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Fraction(638, 7), "91,14"),  # Tài Hoan, QĐ 2890/QĐ-BNN-VPĐP (brief §12.3)
        (94, "94,00"),
        (70.5, "70,50"),
        (Decimal("62.145"), "62,15"),
        (Fraction(1, 3), "0,33"),
    ],
)
def test_points(value: object, expected: str) -> None:
    assert format_points(value) == expected  # type: ignore[arg-type]


def test_scores_stars_and_months() -> None:
    assert format_score(92) == "92"
    assert format_score(71.5) == "71,5"
    assert format_score(Fraction(15)) == "15"
    assert format_stars(4) == "4 sao"
    assert star_symbols(3) == "★★★"
    assert add_months("2027-01-05", 36) == dt.date(2030, 1, 5)
    assert add_months("2024-02-29", 12) == dt.date(2025, 2, 28)  # clamped to the month end


def test_parsing() -> None:
    assert require_date("2026-10-15") == dt.date(2026, 10, 15)
    assert parse_datetime("2026-12-15T08:30") == dt.datetime(2026, 12, 15, 8, 30)
    with pytest.raises(ValueError):
        require_date("15 tháng 10")
    with pytest.raises(ValueError):
        format_date("31/02/2026")

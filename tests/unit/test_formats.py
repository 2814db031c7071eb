from __future__ import annotations

import datetime as dt

import pytest

from ocop_docs.rules.identifiers import (
    email_problem,
    id_number_problem,
    normalise_tax_code,
    phone_problem,
    tax_check_digit,
    tax_code_problem,
)
from ocop_docs.text.dates import parse_date


def test_check_digit_worked_example_from_the_brief() -> None:
    # 0·31 + 1·29 + 0·23 + 0·19 + 1·17 + 0·13 + 9·7 + 1·5 + 0·3 = 114; 114 mod 11 = 4; 10 − 4 = 6
    assert tax_check_digit("010010910") == 6
    assert tax_code_problem("0100109106") is None


@pytest.mark.parametrize("value", ["0100109106-001", "0100109106001", "0100 109 106"])
def test_branch_and_spaced_forms_are_accepted(value: str) -> None:
    assert tax_code_problem(value) is None


def test_branch_form_is_emitted_with_hyphen() -> None:
    assert normalise_tax_code("0100109106001") == "0100109106-001"


def test_wrong_check_digit_names_the_expected_digit() -> None:
    code, params = tax_code_problem("0100109105")  # type: ignore[misc]
    assert code == "tax-code-check-digit"
    assert params["expected"] == 6


def test_remainder_zero_base_is_never_valid() -> None:
    # 479999005: Σ mod 11 = 0 would need the digit 10, so no digit can be right.
    assert tax_check_digit("479999005") is None
    for last in "0123456789":
        assert tax_code_problem("479999005" + last) is not None


@pytest.mark.parametrize("value", ["12345", "01001091061", "abc", "0100109106-01"])
def test_malformed_tax_codes(value: str) -> None:
    problem = tax_code_problem(value)
    assert problem is not None and problem[0] == "tax-code-invalid"


def test_twelve_digit_personal_number_is_a_tax_code() -> None:
    assert tax_code_problem("006186000107") is None
    assert tax_code_problem("999186000107") is not None  # no such province code


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("006186000101", True),
        ("001099123456", True),
        ("000186000101", False),
        ("006686000101", False),
        ("00618600010", False),
        ("0061860001011", False),
    ],
)
def test_personal_id(value: str, ok: bool) -> None:
    assert (id_number_problem(value) is None) is ok


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("0912 000 101", True),
        ("+84 912 000 101", True),
        ("0209.3870.109", True),
        ("0283 8221 111", True),
        ("0123 456 789", False),
        ("12345", False),
        ("0912 000 10", False),
    ],
)
def test_phone(value: str, ok: bool) -> None:
    assert (phone_problem(value) is None) is ok


def test_email() -> None:
    assert email_problem("htx.taihoan@example.vn") is None
    assert email_problem("htx@") is not None
    assert email_problem("htx taihoan@example.vn") is not None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-09-15", dt.date(2026, 9, 15)),
        ("15/09/2026", dt.date(2026, 9, 15)),
        ("5/1/2026", dt.date(2026, 1, 5)),
        ("2026-09-15T08:00:00", dt.date(2026, 9, 15)),
        ("31/02/2026", None),
        ("2026-13-01", None),
        ("hôm nay", None),
        (20260915, None),
    ],
)
def test_dates(text: object, expected: dt.date | None) -> None:
    assert parse_date(text) == expected

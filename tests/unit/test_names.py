"""Output names that exist on the officials' computers (issue 9)."""

from __future__ import annotations

import pytest

from ocop_docs.text.names import portable, unique_name


@pytest.mark.parametrize(
    ("stem", "expected"),
    [
        ("con", "con_"),
        ("CON", "CON_"),
        ("nul.docx", "nul_.docx"),
        ("Aux", "Aux_"),
        ("com1", "com1_"),
        ("LPT9", "LPT9_"),
        ("console", "console"),
        ("com10", "com10"),
        ("ga-doi-tran-phu", "ga-doi-tran-phu"),
    ],
)
def test_windows_reserved_names_are_made_portable(stem: str, expected: str) -> None:
    assert portable(stem) == expected


def test_unique_names_differ_without_case() -> None:
    taken: set[str] = set()
    names = [unique_name(s, taken) for s in ("Mien-dong", "mien-dong", "MIEN-DONG", "nul", "NUL")]
    assert names == ["Mien-dong", "mien-dong-2", "MIEN-DONG-3", "nul_", "NUL_-2"]
    assert len({n.casefold() for n in names}) == len(names)

"""JSON Pointers (RFC 6901): escaping, building and splitting in one place."""

from __future__ import annotations

import pytest

from ocop_docs.text.pointers import child, escape, pointer_from_path, split_pointer, unescape


@pytest.mark.parametrize(
    ("token", "escaped"),
    [("a", "a"), ("a/b", "a~1b"), ("m~n", "m~0n"), ("~1", "~01"), ("/~", "~1~0"), (3, "3")],
)
def test_escape_round_trip(token: str | int, escaped: str) -> None:
    assert escape(token) == escaped
    assert unescape(escaped) == str(token)


def test_pointers_from_paths_and_back() -> None:
    assert pointer_from_path([]) == ""
    assert pointer_from_path(["tai_lieu", 3, "tep"]) == "/tai_lieu/3/tep"
    assert pointer_from_path(["a/b", "c~d"]) == "/a~1b/c~0d"
    assert child("/tai_lieu", 3) == "/tai_lieu/3"
    assert child("", "a/b") == "/a~1b"
    assert split_pointer("") == []
    assert split_pointer("/a~1b/c~0d/0") == ["a/b", "c~d", "0"]
    assert split_pointer("/") == [""]  # the key "" (RFC 6901 §5)

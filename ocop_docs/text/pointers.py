"""JSON Pointers (RFC 6901): the one place that escapes and splits them.

Every issue names its place by a JSON Pointer into the document (architecture §3, "Report
JSON"): ``/chu_the/ma_so_thue``, ``/tai_lieu/3/tep``. A key holding ``~`` or ``/`` is written
``~0`` / ``~1`` (RFC 6901 §3); the order of the replacements matters (§4).
"""

from __future__ import annotations

from collections.abc import Iterable


def escape(token: str | int) -> str:
    """One reference token: ``"a/b~c"`` → ``"a~1b~0c"``; an index as its digits."""
    return str(token).replace("~", "~0").replace("/", "~1")


def unescape(token: str) -> str:
    """The key a reference token names: ``"a~1b~0c"`` → ``"a/b~c"`` (RFC 6901 §4)."""
    return token.replace("~1", "/").replace("~0", "~")


def pointer_from_path(path: Iterable[str | int]) -> str:
    """The pointer of a path of keys and indexes: ``["tai_lieu", 3]`` → ``/tai_lieu/3``."""
    return "".join("/" + escape(token) for token in path)


def child(pointer: str, token: str | int) -> str:
    """The pointer one step below ``pointer``: ``child("/tai_lieu", 3)`` → ``/tai_lieu/3``."""
    return f"{pointer}/{escape(token)}"


def split_pointer(pointer: str) -> list[str]:
    """The keys a pointer names, unescaped: ``/a~1b/0`` → ``["a/b", "0"]``; ``""`` → ``[]``."""
    if not pointer:
        return []
    return [unescape(token) for token in pointer.split("/")[1:]]

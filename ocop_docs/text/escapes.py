"""JSON text's escapes: lone surrogates found where they are written (issue 9).

YAML refuses a ``\\ud800`` escape that JSON accepts, and the positions of the whole file
would be lost with it; :func:`lone_escapes` swaps each lone one for ``\\ufffd`` (the same
length, so every line and column stays) and says where they were.
"""

from __future__ import annotations

import re

__all__ = ["lone_escapes"]

_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|[^u])")


def lone_escapes(text: str) -> tuple[str, list[int]]:
    """JSON text with each lone surrogate escape (``\\ud800`` not in a pair) replaced by
    ``\\ufffd`` (same length, so every position stays), and the offsets replaced."""
    escapes = [
        (m.start(), int(m.group(1)[1:], 16))
        for m in _ESCAPE.finditer(text)
        if m.group(1).startswith("u")
    ]
    lone: list[int] = []
    for index, (offset, code) in enumerate(escapes):
        if 0xD800 <= code <= 0xDBFF:
            after = escapes[index + 1] if index + 1 < len(escapes) else None
            if after and after[0] == offset + 6 and 0xDC00 <= after[1] <= 0xDFFF:
                continue
            lone.append(offset)
        elif 0xDC00 <= code <= 0xDFFF:
            before = escapes[index - 1] if index else None
            if before and before[0] == offset - 6 and 0xD800 <= before[1] <= 0xDBFF:
                continue
            lone.append(offset)
    if not lone:
        return text, []
    chars = list(text)
    for offset in lone:
        chars[offset : offset + 6] = list("\\ufffd")
    return "".join(chars), lone

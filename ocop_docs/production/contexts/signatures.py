"""The signature block's lines as NĐ 30/2020 writes them (Phụ lục I mục II.7).

A document of a collective body is signed "TM. ỦY BAN NHÂN DÂN" and, by a deputy, on
three lines: "TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH". Round files often
put the deputy's "KT." into the title ("chuc_vu: KT. CHỦ TỊCH – PHÓ CHỦ TỊCH"), which
would print "KT. CHỦ TỊCH – PHÓ CHỦ TỊCH" on one line: :func:`signer_context` moves the
"KT./Q./TL./TUQ." part into the authority lines, so every sample signs the same way
(``docs/documents.md``, "Người ký").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

# "KT. CHỦ TỊCH – PHÓ CHỦ TỊCH", "KT. CHỦ TỊCH - PHÓ CHỦ TỊCH", "TL. CHỦ TỊCH – CHÁNH VĂN PHÒNG"
_DELEGATED = re.compile(r"^\s*((?:KT|Q|TL|TUQ)\.\s*.+?)\s+[–—-]\s+(.+?)\s*$")


def signer_context(raw: Mapping[str, Any]) -> dict[str, Any]:
    """``quyen_han`` (one line per authority: "TM. …\\nKT. …"), ``chuc_vu``, ``ho_ten``."""
    out = dict(raw)
    title = str(out.get("chuc_vu") or "")
    match = _DELEGATED.match(title)
    if match:
        lead = str(out.get("quyen_han") or "").strip()
        out["quyen_han"] = f"{lead}\n{match[1]}" if lead else match[1]
        out["chuc_vu"] = match[2]
    return out


__all__ = ["signer_context"]

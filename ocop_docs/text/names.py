"""Naming: Vietnamese text → ASCII-safe file names and comparable header keys.

Output files of a batch must open on any computer, be sent by e-mail and unzip on Windows,
so their names are ASCII: diacritics stripped, "đ" → "d", everything else that is not a
letter or digit becomes one hyphen ("Gà đồi Trần Phú" → ``ga-doi-tran-phu``).
"""

from __future__ import annotations

import re
import unicodedata

_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
MAX_SLUG = 60  # keeps whole paths well under Windows' 260 characters


def fold(text: str) -> str:
    """Lower-case ASCII words: "Điểm  TV1" → "diem tv1", "Tên sản phẩm" → "ten san pham"."""
    text = unicodedata.normalize("NFD", str(text).replace("đ", "d").replace("Đ", "D"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return " ".join(_NOT_ALNUM.sub(" ", text).split())


def slugify(text: str, limit: int = MAX_SLUG, *, keep_case: bool = False) -> str:
    """An ASCII file-name part: "Gà đồi Trần Phú" → "ga-doi-tran-phu" (at most ``limit``)."""
    if keep_case:  # codes such as "05/QĐ-UBND" read better as "05-QD-UBND"
        text = unicodedata.normalize("NFD", str(text).replace("đ", "d").replace("Đ", "D"))
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
        slug = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-")
    else:
        slug = fold(text).replace(" ", "-")
    return slug[:limit].rstrip("-")


__all__ = ["MAX_SLUG", "fold", "slugify"]

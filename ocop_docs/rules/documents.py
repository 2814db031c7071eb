"""Document types: the codes of ``tai_lieu[].loai`` and their names (``document-types.yaml``).

Names follow QĐ 26/2026 (Điều 6, Phụ lục III Mẫu 02 Phần III) and, for the QĐ 1048 papers,
that regime's "biểu số"; which types a dossier needs is the regime's
(:mod:`ocop_docs.rules.regimes`).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from ocop_docs.catalogue import Lang
from ocop_docs.resources import load_data

__all__ = ["document_name", "document_names", "document_types"]


@lru_cache(maxsize=8)
def document_types(base: Path | None = None) -> dict[str, dict[str, Any]]:
    return {item["code"]: item for item in load_data("rules/document-types.yaml", base)}


def document_name(code: str, lang: Lang = "vi", base: Path | None = None) -> str:
    item = document_types(base).get(code)
    return str(item[lang]) if item else code


def document_names(lang: Lang = "vi", base: Path | None = None) -> dict[str, str]:
    return {code: str(item[lang]) for code, item in document_types(base).items()}

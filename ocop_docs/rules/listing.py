"""Listing: the product sets and what each requires (the library form of ``sectors``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ocop_docs.rules.documents import document_names
from ocop_docs.rules.product_sets import groups, product_sets
from ocop_docs.rules.regimes import CASES, DEFAULT_REGIME, regime, required_documents


def list_sectors(regime_code: str = DEFAULT_REGIME, base: Path | None = None) -> dict[str, Any]:
    """Groups, the 26 product sets and the document codes each needs per case."""
    rules = regime(regime_code, base)
    names_vi, names_en = document_names("vi", base), document_names("en", base)
    sets = []
    for ps in product_sets(base).values():
        sets.append(
            {
                "so": ps.so,
                "nhom": ps.nhom,
                "ten": ps.ten,
                "ten_en": ps.ten_en,
                "nhom_con": ps.nhom_con,
                "phan_nhom": ps.phan_nhom,
                "ten_khac": list(ps.ten_khac),
                "co_quan": list(ps.co_quan),
                "so_luong_mau": 0 if ps.so in rules.samples_exempt_sets else rules.samples,
                "tai_lieu": {
                    case: required_documents(ps.so, case, regime_code, base) for case in CASES
                },
            }
        )
    return {
        "bo_tieu_chi": rules.code,
        "van_ban": rules.name,
        "van_ban_en": rules.name_en,
        "nhom": [
            {
                "ma": g["ma"],
                "ten": g["ten"],
                "ten_en": g["ten_en"],
                "bo_san_pham": [s["so"] for s in sets if s["nhom"] == g["ma"]],
            }
            for g in groups(base)
        ],
        "bo_san_pham": sets,
        "loai_tai_lieu": {code: {"vi": names_vi[code], "en": names_en[code]} for code in names_vi},
    }

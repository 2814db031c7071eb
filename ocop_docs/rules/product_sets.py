"""The 6 groups and 26 product sets (``schemas/rules/product-sets.yaml``).

QĐ 26/2026 Phụ lục I names the groups, nhóm and phân nhóm and the managing ministries;
the index of Phụ lục II names the sets. The same 26 sets serve every regime (QĐ 148/2023
kept the 1048 sets and added ornamental plants; brief §1.3 notes), so the data is not keyed
by regime.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ocop_docs.resources import load_data

__all__ = ["GROUP_NUMBERS", "SET_NUMBERS", "ProductSet", "groups", "product_sets"]

GROUP_NUMBERS: dict[str, int] = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6}

# QĐ 26/2026 Phụ lục I–II: 26 product sets.
SET_NUMBERS = range(1, 27)


@dataclass(frozen=True, slots=True)
class ProductSet:
    so: int
    nhom: str
    nhom_ten: str
    nhom_con: str
    phan_nhom: str | None
    ten: str
    ten_en: str
    co_quan: tuple[str, ...]
    ten_khac: tuple[str, ...]

    @property
    def group_number(self) -> int:
        return GROUP_NUMBERS[self.nhom]

    def classification(self) -> str:
        """Mẫu 01 mục 3 "Ngành, Nhóm, Phân nhóm" wording from Phụ lục I."""
        # The form asks for the three ("Ngành, Nhóm, Phân nhóm"); a group of Phụ lục I that
        # has no subgroups (Cà phê, ca cao; groups III–VI) says so instead of leaving it out.
        parts = [
            self.nhom_ten.capitalize(),
            f"Nhóm: {self.nhom_con}",
            f"Phân nhóm: {self.phan_nhom or 'không có'}",
        ]
        return "; ".join(parts)


@lru_cache(maxsize=8)
def product_sets(base: Path | None = None) -> dict[int, ProductSet]:
    data = load_data("rules/product-sets.yaml", base)
    groups = {g["ma"]: g for g in data["nhom"]}
    return {
        item["so"]: ProductSet(
            so=item["so"],
            nhom=item["nhom"],
            nhom_ten=groups[item["nhom"]]["ten"],
            nhom_con=item["nhom_con"],
            phan_nhom=item.get("phan_nhom"),
            ten=item["ten"],
            ten_en=item["ten_en"],
            co_quan=tuple(data["co_quan"][c] for c in item["co_quan"]),
            ten_khac=tuple(item.get("ten_khac", ())),
        )
        for item in data["bo_san_pham"]
    }


@lru_cache(maxsize=8)
def groups(base: Path | None = None) -> list[dict[str, str]]:
    return list(load_data("rules/product-sets.yaml", base)["nhom"])

"""Product sets, document types and regimes: the rule data of ``schemas/rules/``.

Rules are data keyed by regime (architecture §2): this module only reads and indexes them.
Adding a regime is a new YAML file plus a test, not a code change.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ocop_docs.catalogue import Lang
from ocop_docs.errors import DataError
from ocop_docs.resources import load_data

DEFAULT_REGIME = "26/2026"
REGIME_FILES: dict[str, str] = {
    "26/2026": "rules/26-2026.yaml",
    "148/2023": "rules/148-2023.yaml",
    "1048/2019": "rules/1048-2019.yaml",
}
CASES: tuple[str, ...] = ("lan_dau", "nang_hang", "danh_gia_lai")
GROUP_NUMBERS: dict[str, int] = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6}


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
        parts = [self.nhom_ten.capitalize(), f"Nhóm: {self.nhom_con}"]
        if self.phan_nhom:
            parts.append(f"Phân nhóm: {self.phan_nhom}")
        return "; ".join(parts)


@dataclass(frozen=True, slots=True)
class DocumentRule:
    loai: str
    required: bool
    sets: frozenset[int]
    cases: frozenset[str]
    equivalents: tuple[str, ...]
    substitutes: tuple[str, ...]
    basis: str


@dataclass(frozen=True, slots=True)
class Regime:
    code: str
    name: str
    name_en: str
    valid_from: dt.date
    valid_to: dt.date | None
    receivers: tuple[dict[str, Any], ...]
    certified_stars: tuple[int, ...]
    part_points: dict[str, int]
    samples: int
    samples_exempt_sets: frozenset[int]
    samples_basis: str
    producer_types: tuple[str, ...]
    producer_types_by_set: dict[int, tuple[str, ...]]
    producer_basis: str
    current_units_only: bool
    reevaluation: dict[str, Any] | None
    validity_months: int
    documents: tuple[DocumentRule, ...]
    not_checked: tuple[dict[str, str], ...]

    def rules_for(self, product_set: int, case: str) -> list[DocumentRule]:
        return [r for r in self.documents if product_set in r.sets and case in r.cases]

    def receiver_on(self, day: dt.date | None) -> dict[str, Any] | None:
        for receiver in self.receivers:
            start, end = receiver["tu"], receiver["den"]
            if day is None or (start <= day and (end is None or day <= end)):
                return receiver
        return None

    def producer_types_for(self, product_set: int) -> tuple[str, ...]:
        return self.producer_types + self.producer_types_by_set.get(product_set, ())

    def covers(self, day: dt.date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)

    def period(self) -> str:
        end = self.valid_to.strftime("%d/%m/%Y") if self.valid_to else "nay"
        return f"{self.valid_from.strftime('%d/%m/%Y')} – {end}"


def _parse_sets(spec: Any) -> frozenset[int]:
    if spec is None or spec == "all":
        return frozenset(range(1, 27))
    out: set[int] = set()
    for item in spec:
        if isinstance(item, int):
            out.add(item)
        else:
            low, _, high = str(item).partition("-")
            out.update(range(int(low), int(high or low) + 1))
    return frozenset(out)


def _parse_cases(spec: Any) -> frozenset[str]:
    return frozenset(CASES) if spec is None or spec == "all" else frozenset(spec)


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


@lru_cache(maxsize=8)
def document_types(base: Path | None = None) -> dict[str, dict[str, Any]]:
    return {item["code"]: item for item in load_data("rules/document-types.yaml", base)}


def document_name(code: str, lang: Lang = "vi", base: Path | None = None) -> str:
    item = document_types(base).get(code)
    return str(item[lang]) if item else code


def document_names(lang: Lang = "vi", base: Path | None = None) -> dict[str, str]:
    return {code: str(item[lang]) for code, item in document_types(base).items()}


@lru_cache(maxsize=16)
def regime(code: str = DEFAULT_REGIME, base: Path | None = None) -> Regime:
    try:
        data = load_data(REGIME_FILES[code], base)
    except KeyError:
        raise DataError("rules-data-missing", regime=code) from None
    except (OSError, ValueError) as exc:
        raise DataError("rules-data-unreadable", regime=code, reason=str(exc)) from exc
    types = document_types(base)
    documents = []
    for rule in data["tai_lieu"]:
        for code_ref in (rule["loai"], *rule.get("tuong_duong", ()), *rule.get("thay_the", ())):
            if code_ref not in types:
                raise DataError("rules-data-unknown-document", regime=code, document=code_ref)
        documents.append(
            DocumentRule(
                loai=rule["loai"],
                required=rule["muc"] == "bat_buoc",
                sets=_parse_sets(rule.get("bo")),
                cases=_parse_cases(rule.get("truong_hop")),
                equivalents=tuple(rule.get("tuong_duong", ())),
                substitutes=tuple(rule.get("thay_the", ())),
                basis=rule["can_cu"],
            )
        )
    producers = data["chu_the"]
    return Regime(
        code=data["ma"],
        name=data["ten"],
        name_en=data["ten_en"],
        valid_from=data["hieu_luc"]["tu"],
        valid_to=data["hieu_luc"]["den"],
        receivers=tuple(data["noi_nhan_ho_so"]),
        certified_stars=tuple(data["sao_duoc_chung_nhan"]),
        part_points=dict(data["diem_phan"]),
        samples=data["mau"]["so_luong"],
        samples_exempt_sets=frozenset(data["mau"]["tru_bo"]),
        samples_basis=data["mau"]["can_cu"],
        producer_types=tuple(producers["loai_hinh"]),
        producer_types_by_set={int(k): tuple(v) for k, v in producers["them_theo_bo"].items()},
        producer_basis=producers["can_cu"],
        current_units_only=data["dia_chi"] == "hien_hanh",
        reevaluation=data.get("danh_gia_lai"),
        validity_months=data["hieu_luc_chung_nhan_thang"],
        documents=tuple(documents),
        not_checked=tuple(data.get("khong_kiem_tra") or ()),
    )


def regime_for_date(day: dt.date, base: Path | None = None) -> str:
    """The regime whose period covers ``day`` (domain brief §1.2; legacy → 1048/2019)."""
    for code in REGIME_FILES:
        if regime(code, base).covers(day):
            return code
    return "1048/2019" if day < regime("148/2023", base).valid_from else DEFAULT_REGIME


def required_documents(
    product_set: int, case: str, regime_code: str = DEFAULT_REGIME, base: Path | None = None
) -> dict[str, list[str]]:
    """Document codes per level ("bat_buoc"/"nen_co") for one set and case."""
    out: dict[str, list[str]] = {"bat_buoc": [], "nen_co": []}
    for rule in regime(regime_code, base).rules_for(product_set, case):
        level = "bat_buoc" if rule.required else "nen_co"
        if rule.loai not in out[level]:
            out[level].append(rule.loai)
    return out

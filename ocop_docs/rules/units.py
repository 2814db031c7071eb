"""Administrative units: today's 34 provinces and their communes, and former addresses.

Today's list comes from ``vietnam-provinces`` (the units after Nghị quyết 202/2025/QH15 and
the end of the district level on 1/7/2025, codes per QĐ 19/2025/QĐ-TTg). Former addresses
such as "xã Dương Sơn, huyện Na Rì, tỉnh Bắc Kạn" are mapped to today's units with
``vietnam-address-converter`` (loaded only when such an address appears: it is large).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

_PREFIXES = re.compile(
    r"^(?:thành phố|thanh pho|tp\.?|tỉnh|tinh|xã|xa|phường|phuong|đặc khu|dac khu|"
    r"thị trấn|thi tran|huyện|huyen|quận|quan|thị xã|thi xa)\s+",
)

Status = Literal["current", "old", "unknown", "mismatch", "unresolved"]


def normalise_name(name: str) -> str:
    """'Xã  Côn Minh' → 'côn minh' (NFC, lower case, no unit-type word)."""
    text = unicodedata.normalize("NFC", name).strip().lower()
    text = re.sub(r"\s+", " ", text)
    return _PREFIXES.sub("", text).strip()


def fold(text: str) -> str:
    """Strip diacritics for fuzzy suggestions ('côn minh' → 'con minh')."""
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


@dataclass(frozen=True, slots=True)
class Unit:
    name: str  # official name with type, e.g. "Xã Côn Minh"
    code: int


@dataclass(frozen=True, slots=True)
class Province:
    name: str  # "Thái Nguyên" / "Thành phố Hà Nội"
    full_name: str  # "tỉnh Thái Nguyên" / "Thành phố Hà Nội"
    code: int
    communes: dict[str, Unit]  # normalised name → commune


@dataclass(slots=True)
class AddressCheck:
    status: Status
    province: Province | None = None
    commune: Unit | None = None
    old_text: str | None = None
    suggestion: str | None = None
    what: str = ""

    def current_text(self) -> str | None:
        if self.province is None or self.commune is None:
            return None
        return f"{_lower_type(self.commune.name)}, {self.province.full_name}"

    def to_json(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "current": self.current_text(),
            "province_code": self.province.code if self.province else None,
            "commune_code": self.commune.code if self.commune else None,
            "former": self.old_text,
        }


def _lower_type(name: str) -> str:
    """'Xã Côn Minh' → 'xã Côn Minh' (unit type in lower case, as in running text)."""
    for prefix in ("Xã ", "Phường ", "Đặc khu ", "Thị trấn "):
        if name.startswith(prefix):
            return prefix.lower() + name[len(prefix) :]
    return name


@lru_cache(maxsize=1)
def provinces() -> dict[str, Province]:
    """Today's provinces by normalised name (both 'hà nội' and 'thành phố hà nội')."""
    from vietnam_provinces import Province as VP
    from vietnam_provinces import Ward

    by_code: dict[int, dict[str, Unit]] = {}
    for ward in Ward.iter_all():
        by_code.setdefault(int(ward.province_code), {})[normalise_name(ward.name)] = Unit(
            ward.name, int(ward.code)
        )
    out: dict[str, Province] = {}
    for p in VP.iter_all():
        is_city = p.name.startswith("Thành phố")
        full = p.name if is_city else f"tỉnh {p.name}"
        prov = Province(p.name, full, int(p.code), by_code.get(int(p.code), {}))
        out[normalise_name(p.name)] = prov
        out[fold(normalise_name(p.name))] = prov
    return out


def _suggest(name: str, choices: list[str]) -> str | None:
    folded = {fold(c): c for c in choices}
    match = difflib.get_close_matches(fold(name), list(folded), n=1, cutoff=0.75)
    return folded[match[0]] if match else None


@lru_cache(maxsize=1)
def old_province_names() -> frozenset[str]:
    """Normalised names of the 63 provinces before the 2025 merger (converter data)."""
    from vietnam_address_converter.data import DEFAULT_DATA

    return frozenset(normalise_name(p["name"]) for p in DEFAULT_DATA["oldProvinces"].values())


def _convert_old(commune: str, district: str | None, province: str) -> tuple[str, str] | None:
    """Former (xã, huyện, tỉnh) → today's (commune name, province name), or None."""
    from vietnam_address_converter.conversion import convert_old_to_new

    query: dict[str, str] = {"province_name": province, "ward_name": commune}
    if district:
        query["district_name"] = district
    try:
        result = convert_old_to_new(query, {"allowBroadMatch": False})
    except Exception:  # the converter's own errors mean "no match" to us
        return None
    if result.get("status") != "matched" or not result.get("result"):
        return None
    new = result["result"]
    return new["new_ward"]["name_with_type"], new["new_province"]["name"]


def check_address(xa: str, tinh: str, huyen: str | None = None) -> AddressCheck:
    """Is (xa, tinh) a unit of today, a former one we can map, or unknown?"""
    table = provinces()
    province = table.get(normalise_name(tinh)) or table.get(fold(normalise_name(tinh)))
    commune_key = normalise_name(xa)
    if province is not None:
        commune = province.communes.get(commune_key)
        if commune is not None:
            return AddressCheck("current", province, commune)
    old_text = ", ".join(p for p in (xa, huyen, tinh) if p)
    is_old_province = province is None and normalise_name(tinh) in old_province_names()
    converted = _convert_old(xa, huyen, tinh) if (huyen or is_old_province) else None
    if converted is None and province is not None and not huyen:
        converted = _convert_old(xa, None, tinh)
    if converted is not None:
        new_commune, new_province = converted
        prov = table.get(normalise_name(new_province))
        unit = prov.communes.get(normalise_name(new_commune)) if prov else None
        if prov is not None and unit is not None:
            return AddressCheck("old", prov, unit, old_text=old_text)
    if province is None:
        names = sorted({p.name for p in table.values()})
        guess = _suggest(normalise_name(tinh), [normalise_name(n) for n in names])
        if huyen or is_old_province:
            return AddressCheck("unresolved", old_text=old_text, what="tỉnh/thành phố")
        return AddressCheck("unknown", old_text=old_text, what="tỉnh/thành phố", suggestion=guess)
    names = [u.name for u in province.communes.values()]
    guess_key = _suggest(commune_key, [normalise_name(n) for n in names])
    guess = next((n for n in names if normalise_name(n) == guess_key), None) if guess_key else None
    if huyen:
        return AddressCheck("unresolved", province, old_text=old_text, what="xã/phường")
    return AddressCheck("mismatch", province, old_text=old_text, what="xã/phường", suggestion=guess)

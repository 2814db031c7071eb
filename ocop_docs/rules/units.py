"""Administrative units: today's 34 provinces and their communes, and former addresses.

Today's list comes from ``vietnam-provinces`` (the units after Nghị quyết 202/2025/QH15 and
the end of the district level on 1/7/2025, codes per QĐ 19/2025/QĐ-TTg), read from the data
file the package ships rather than by importing it (:mod:`ocop_docs.rules.unit_data`).
Former addresses such as "xã Dương Sơn, huyện Na Rì, tỉnh Bắc Kạn" are mapped to today's
units through the old→new rows of ``vietnam-address-converter`` (loaded only when such an
address appears: it is large), plus the cited corrections of
``schemas/rules/address-overrides.yaml``.

Names are compared in one canonical form (:func:`normalise_name`): NFC, lower case, one
space, no unit-type word, no spaces around dashes, and one tone-mark placement ("Thuỷ" and
"Thủy", "Hoà" and "Hòa" are the same name). The unit type (xã / phường / thị trấn) and, when
given, the former district take part in every match, so a former "Phường Chương Dương,
Quận Hoàn Kiếm" is never taken for today's "xã Chương Dương". The converter's own lookup is
not used: it matches names without diacritics and so confuses "Yến Lạc" with "Yên Lạc".
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal

from ocop_docs.resources import load_data
from ocop_docs.rules.unit_data import communes_of, province_names

OVERRIDES_FILE = "rules/address-overrides.yaml"

# Unit-type words and their abbreviations at the start of a name, longest first; the value
# is the canonical type. "tp"/"q."/"p."/"tt"/"tx" are how people abbreviate them.
_TYPES: tuple[tuple[str, str], ...] = (
    (r"thành phố|thanh pho|t\.p\.?|tp\.?", "thanh_pho"),
    (r"thị trấn|thi tran|tt\.?", "thi_tran"),
    (r"thị xã|thi xa|tx\.?", "thi_xa"),
    (r"đặc khu|dac khu", "dac_khu"),
    (r"tỉnh|tinh", "tinh"),
    (r"phường|phuong|p\.", "phuong"),
    (r"huyện|huyen|h\.", "huyen"),
    (r"quận|q\.", "quan"),  # not "quan": huyện Quan Hóa, Quan Sơn
    (r"xã|xa|x\.", "xa"),
)
_TYPE_RE = re.compile(
    "^(?:" + "|".join(f"(?P<{kind}>{words})" for words, kind in _TYPES) + r")(?:\s+|(?<=\.))"
)
_DASH = re.compile(r"\s*[-‐‑‒–—―]\s*")
# Tone on "oa", "oe", "uy" ending a syllable: the old placement marks the second vowel
# ("hoà", "thuỷ"), the new one the first ("hòa", "thủy"); both become the new one. Not
# after "q" ("quý": "qu" is a consonant there).
_TONED = {
    "a": "àáảãạ",
    "e": "èéẻẽẹ",
    "y": "ỳýỷỹỵ",
}
_PLAIN_FIRST = {"a": "o", "e": "o", "y": "u"}
_FIRST_TONED = {"o": "òóỏõọ", "u": "ùúủũụ"}
_OLD_PLACEMENT = re.compile(r"(?<!q)(o[àáảãạ]|o[èéẻẽẹ]|u[ỳýỷỹỵ])(?!\w)")

CONVERSION_DATE = "01/7/2025"
Status = Literal["current", "old", "unknown", "mismatch", "unresolved", "former", "ambiguous"]
DISTRICT_TYPES = frozenset({"huyen", "quan", "thi_xa", "thanh_pho"})


def _new_placement(match: re.Match[str]) -> str:
    pair = match.group(1)
    vowel, toned = pair[0], pair[1]
    plain = next(p for p, marks in _TONED.items() if toned in marks)
    tone = _TONED[plain].index(toned)
    return _FIRST_TONED[vowel][tone] + plain


def split_type(name: str) -> tuple[str | None, str]:
    """'Xã  Côn Minh' → ('xa', 'côn minh'): the unit type (or None) and the canonical name."""
    text = unicodedata.normalize("NFC", name).strip().lower()
    text = re.sub(r"\s+", " ", text)
    kind = None
    match = _TYPE_RE.match(text)
    if match and match.end() < len(text):
        kind = next(k for k, v in match.groupdict().items() if v)
        text = text[match.end() :]
    text = _DASH.sub("-", text.strip())
    return kind, _OLD_PLACEMENT.sub(_new_placement, text)


def normalise_name(name: str) -> str:
    """'Xã  Côn Minh' → 'côn minh' (canonical form, no unit-type word)."""
    return split_type(name)[1]


def fold(text: str) -> str:
    """Strip diacritics for fuzzy suggestions ('côn minh' → 'con minh')."""
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


@dataclass(frozen=True, slots=True)
class Unit:
    name: str  # official name with type, e.g. "Xã Côn Minh"
    code: int

    @property
    def kind(self) -> str | None:
        return split_type(self.name)[0]


@dataclass(frozen=True, slots=True)
class Province:
    name: str  # "Thái Nguyên" / "Thành phố Hà Nội"
    full_name: str  # "tỉnh Thái Nguyên" / "Thành phố Hà Nội"
    code: int
    _communes: dict[str, Unit] | None = field(default=None, repr=False, compare=False)

    @property
    def communes(self) -> dict[str, Unit]:
        """Canonical name → commune. Read on first use, for this province alone: naming
        all 3,321 communes at the first address cost a sixth of a CLI start (issue 15)."""
        built = self._communes
        if built is None:
            built = {}
            for name, code in communes_of(self.code):
                built[normalise_name(name)] = Unit(name, code)
            object.__setattr__(self, "_communes", built)  # whole, for concurrent readers
        return built


@dataclass(slots=True)
class AddressCheck:
    status: Status
    province: Province | None = None
    commune: Unit | None = None
    old_text: str | None = None
    suggestion: str | None = None
    what: str = ""
    candidates: tuple[str, ...] = ()  # today's units an ambiguous former name may be
    known: str | None = None  # what is known of a former unit that cannot be mapped
    parsed: dict[str, str] = field(default_factory=dict)  # parts read from a one-line address

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
    for prefix in ("Xã ", "Phường ", "Đặc khu ", "Thị trấn ", "Huyện ", "Quận ", "Tỉnh "):
        if name.startswith(prefix):
            return prefix.lower() + name[len(prefix) :]
    return name


@lru_cache(maxsize=1)
def provinces() -> dict[str, Province]:
    """Today's provinces by canonical name (both 'hà nội' and its accent-free form)."""
    out: dict[str, Province] = {}
    for code, name in province_names().items():
        is_city = name.startswith("Thành phố")
        full = name if is_city else f"tỉnh {name}"
        prov = Province(name, full, code)
        out[normalise_name(name)] = prov
        out[fold(normalise_name(name))] = prov
    return out


def _suggest(name: str, choices: list[str]) -> str | None:
    folded = {fold(c): c for c in choices}
    match = difflib.get_close_matches(fold(name), list(folded), n=1, cutoff=0.75)
    return folded[match[0]] if match else None


@dataclass(frozen=True, slots=True)
class FormerUnit:
    """One old→new row: a commune before 1/7/2025 and today's commune it went into."""

    ward_kind: str | None
    ward: str  # canonical names
    district_kind: str | None
    district: str
    province: str
    text: str  # "Xã Dương Sơn, Huyện Na Rì, Tỉnh Bắc Kạn"
    new_province: str
    new_ward: str


def _former(old: dict[str, str], new: dict[str, str]) -> FormerUnit:
    ward_kind, ward = split_type(old["xa"])
    district_kind, district = split_type(old["huyen"])
    return FormerUnit(
        ward_kind,
        ward,
        district_kind,
        district,
        normalise_name(old["tinh"]),
        f"{old['xa']}, {old['huyen']}, {old['tinh']}",
        normalise_name(new["tinh"]),
        normalise_name(new["xa"]),
    )


@lru_cache(maxsize=1)
def former_units() -> dict[str, tuple[FormerUnit, ...]]:
    """The converter's old→new rows by canonical former commune name; overrides replace
    the rows of the same former unit (``address-overrides.yaml``)."""
    from vietnam_address_converter.data import DEFAULT_DATA  # large: only when needed

    overrides = [_former(o["cu"], o["moi"]) for o in load_data(OVERRIDES_FILE)]
    replaced = {(o.ward_kind, o.ward, o.district, o.province) for o in overrides}
    out: dict[str, list[FormerUnit]] = {}
    for row in DEFAULT_DATA["mapping"]["rows"]:
        old, new = row["old"], row["new"]
        unit = _former(
            {"xa": old["ward_name"], "huyen": old["district_name"], "tinh": old["province_name"]},
            {"xa": new["ward_name"], "tinh": new["province_name"]},
        )
        if (unit.ward_kind, unit.ward, unit.district, unit.province) not in replaced:
            out.setdefault(unit.ward, []).append(unit)
    for unit in overrides:
        out.setdefault(unit.ward, []).append(unit)
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def former_districts() -> dict[str, frozenset[str]]:
    """Canonical former province → its canonical former districts (converter data)."""
    from vietnam_address_converter.data import DEFAULT_DATA

    provinces_by_code = {
        c: normalise_name(p["name"]) for c, p in DEFAULT_DATA["oldProvinces"].items()
    }
    out: dict[str, set[str]] = {}
    for district in DEFAULT_DATA["oldDistricts"].values():
        province = provinces_by_code.get(district["parent_code"])
        if province:
            out.setdefault(province, set()).add(normalise_name(district["name"]))
    return {k: frozenset(v) for k, v in out.items()}


def old_province_names() -> frozenset[str]:
    """Canonical names of the 63 provinces before the 2025 merger (converter data)."""
    return frozenset(former_districts())


def split_one_line(text: str) -> tuple[str, str | None, str | None]:
    """'xã Dương Sơn, huyện Na Rì, tỉnh Bắc Kạn' → (commune, district, province).

    The last part is the province when there are three parts, or when it names one (old or
    today's); parts between are the district. Text without commas is the commune alone.
    """
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if len(parts) < 2:
        return text, None, None
    commune, rest = parts[0], parts[1:]
    province = None
    last_kind, last_name = split_type(rest[-1])
    known = last_name in provinces() or last_name in old_province_names()
    if len(rest) >= 2 or last_kind == "tinh" or (known and last_kind not in DISTRICT_TYPES):
        province = rest.pop()
    district = rest[0] if rest else None
    return commune, district, province


def _matches(
    rows: Iterable[FormerUnit],
    kind: str | None,
    district: tuple[str | None, str] | None,
    province: str,
) -> list[FormerUnit]:
    """Rows of the same unit type, district (when given) and province (old or today's)."""
    found = []
    for row in rows:
        if kind is not None and row.ward_kind != kind:
            continue
        if district is not None:
            d_kind, d_name = district
            if row.district != d_name or (d_kind is not None and row.district_kind != d_kind):
                continue
        if province not in (row.province, row.new_province):
            continue
        found.append(row)
    return found


def check_address(xa: str, tinh: str, huyen: str | None = None) -> AddressCheck:
    """Is (xa, huyen, tinh) a unit of today, a former one we can map, or unknown?

    ``xa`` may hold the whole address in one line ("xã Dương Sơn, huyện Na Rì, tỉnh Bắc
    Kạn"); its district and province then count as given.
    """
    parsed: dict[str, str] = {}
    if "," in xa:
        xa, line_district, line_province = split_one_line(xa)
        parsed = {"xa": xa}
        if line_district and not huyen:
            huyen = parsed["huyen"] = line_district
        if line_province:
            tinh = parsed["tinh"] = line_province
    table = provinces()
    province_key = normalise_name(tinh)
    province = table.get(province_key) or table.get(fold(province_key))
    kind, commune_key = split_type(xa)
    old_text = ", ".join(p for p in (xa, huyen, tinh) if p)
    result = _resolve(xa, kind, commune_key, huyen, province_key, province, old_text)
    result.parsed = parsed
    return result


def _resolve(
    xa: str,
    kind: str | None,
    commune_key: str,
    huyen: str | None,
    province_key: str,
    province: Province | None,
    old_text: str,
) -> AddressCheck:
    table = provinces()
    if province is not None and not huyen:
        commune = province.communes.get(commune_key)
        # The same bare name of another unit type is not this unit (phường ≠ xã).
        if commune is not None and (kind is None or commune.kind == kind):
            return AddressCheck("current", province, commune)
    district = split_type(huyen) if huyen else None
    rows = _matches(former_units().get(commune_key, ()), kind, district, province_key)
    targets = {(r.new_province, r.new_ward) for r in rows}
    units = []
    for new_province, new_ward in sorted(targets):
        prov = table.get(new_province)
        unit = prov.communes.get(new_ward) if prov else None
        if prov is not None and unit is not None:
            units.append((prov, unit))
    if len(units) == 1:
        return AddressCheck("old", units[0][0], units[0][1], old_text=old_text)
    if len(units) > 1:
        candidates = tuple(f"{_lower_type(u.name)}, {p.full_name}" for p, u in units)
        return AddressCheck(
            "ambiguous", province, old_text=old_text, what="xã/phường", candidates=candidates
        )
    former_province = province_key in old_province_names()
    in_former_district = district is None or district[1] in former_districts().get(
        province_key, frozenset()
    )
    # A province of today with no district: a misspelt current commune is likelier.
    if former_province and in_former_district and (province is None or district is not None):
        # A real former province (and district) whose commune the July 2025 mapping does
        # not list: reorganised earlier (e.g. the 2019–2020 mergers), or misspelt.
        known = ", ".join(p for p in (huyen, tinh_text(province_key)) if p)
        now = _province_now(province_key)
        if now:
            known += f" (nay thuộc {now})"
        return AddressCheck("former", province, old_text=old_text, what="xã/phường", known=known)
    if province is None:
        names = sorted({p.name for p in table.values()})
        guess = _suggest(province_key, [normalise_name(n) for n in names])
        if huyen or former_province:
            return AddressCheck("unresolved", old_text=old_text, what="tỉnh/thành phố")
        return AddressCheck("unknown", old_text=old_text, what="tỉnh/thành phố", suggestion=guess)
    names = [u.name for u in province.communes.values()]
    guess_key = _suggest(commune_key, [normalise_name(n) for n in names])
    guess = next((n for n in names if normalise_name(n) == guess_key), None) if guess_key else None
    if huyen:
        return AddressCheck("unresolved", province, old_text=old_text, what="xã/phường")
    return AddressCheck("mismatch", province, old_text=old_text, what="xã/phường", suggestion=guess)


@lru_cache(maxsize=64)
def _province_now(province_key: str) -> str:
    """Today's province(s) a former province went into ('bắc kạn' → 'tỉnh Thái Nguyên')."""
    table = provinces()
    now = sorted(
        {
            r.new_province
            for rows in former_units().values()
            for r in rows
            if r.province == province_key
        }
    )
    return " / ".join(table[n].full_name for n in now if n in table)


def tinh_text(province_key: str) -> str:
    """A canonical former province name in running text ('bắc kạn' → 'tỉnh Bắc Kạn')."""
    from vietnam_address_converter.data import DEFAULT_DATA

    for p in DEFAULT_DATA["oldProvinces"].values():
        if normalise_name(p["name"]) == province_key:
            return _lower_type(str(p["name_with_type"]).replace("Thành Phố", "Thành phố"))
    return province_key


@lru_cache(maxsize=64)
def province_today(name: str) -> Province | None:
    """Today's province of a province name, today's or former ('Bắc Kạn' → Thái Nguyên);
    None when unknown or when the former province went into several (issue 14)."""
    table = provinces()
    key = normalise_name(name)
    found = table.get(key) or table.get(fold(key))
    if found is not None:
        return found
    now = {r.new_province for rows in former_units().values() for r in rows if r.province == key}
    return table.get(next(iter(now))) if len(now) == 1 else None

"""Regimes: the rules of one OCOP decision, read from ``schemas/rules/<regime>.yaml``.

A regime ("26/2026", "148/2023", "1048/2019") is the decision a dossier is evaluated under
(brief §1). Everything that differs between them is data in its file: the star bands, the
parts of a rubric and where the rubrics are, who recognises which stars, the certificate's
validity, the documents a dossier needs, the council's default practice. (How documents
cite the founding act is the production pipeline's wording, ``schemas/documents/``.)

This module only reads and checks those files; the regimes known are the files named
``<number>-<year>.yaml`` in the rules folder, so adding a regime is a new YAML file (plus
its code in the JSON Schemas' ``bo_tieu_chi`` lists) and a test
(``tests/unit/test_regimes.py``), not a code change.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from fractions import Fraction
from functools import lru_cache
from pathlib import Path
from typing import Any

from ocop_docs.catalogue import Lang
from ocop_docs.errors import DataError
from ocop_docs.resources import load_data, schemas_dir
from ocop_docs.rules.documents import document_types
from ocop_docs.rules.product_sets import SET_NUMBERS

__all__ = [
    "CASES",
    "DEFAULT_REGIME",
    "LEVELS",
    "Competence",
    "CouncilPractice",
    "DocumentRule",
    "Procedure",
    "ProcedureStep",
    "Regime",
    "StarBand",
    "regime",
    "regime_codes",
    "regime_for_date",
    "regime_option",
    "regime_wording",
    "required_documents",
    "rubric_regimes",
]

# The regime in force (QĐ 26/2026, from 22/5/2026), the default of every call that takes a
# regime. A constant, not read from the files at import time; a test checks that it is the
# regime whose file has no end date.
DEFAULT_REGIME = "26/2026"

CASES: tuple[str, ...] = ("lan_dau", "nang_hang", "danh_gia_lai")

RULES_FOLDER = "rules"
# "26-2026.yaml" holds the regime "26/2026"; other files of the folder (product sets,
# document types, documents' texts) are not regimes.
_REGIME_FILE = re.compile(r"^(\d+)-(\d{4})\.yaml$")


# The three levels of a document (issue 11): a rejection ground of "Hồ sơ bị loại khi" or
# Điều 6 ("bat_buoc", missing = error); a paper behind a `***` option, the 3-star floor
# ("sao_3", missing = a warning that the product cannot reach 3 stars without it); the rest
# ("nen_co", recommended). "theo_quy_dinh": required only where sector law requires one
# (e.g. a production licence "theo quy định"), a warning that a dossier silences by stating,
# under `khong_ap_dung`, the legal reason none is required. Ordered strongest first.
LEVELS: tuple[str, ...] = ("bat_buoc", "sao_3", "theo_quy_dinh", "nen_co")


@dataclass(frozen=True, slots=True)
class DocumentRule:
    loai: str
    level: str  # one of LEVELS
    sets: frozenset[int]
    cases: frozenset[str]
    equivalents: tuple[str, ...]
    substitutes: tuple[str, ...]
    basis: str

    @property
    def required(self) -> bool:
        return self.level == "bat_buoc"


@dataclass(frozen=True, slots=True)
class StarBand:
    """A star level and the lowest mean total that reaches it (``hang_sao``)."""

    stars: int
    lowest: int


@dataclass(frozen=True, slots=True)
class Competence:
    """What a council level recognises under a regime (``cong_nhan.<level>``).

    ``forward_from``/``forward_to``: products with at least that mean go to that level.
    """

    stars: tuple[int, ...]
    forward_from: int | None = None
    forward_to: str | None = None
    authority: dict[str, str] = field(default_factory=dict)  # by language: who recognises

    def authority_name(self, lang: Lang = "vi") -> str:
        return self.authority.get(lang, "")


@dataclass(frozen=True, slots=True)
class CouncilPractice:
    """A council's default rules (``hoi_dong``; provincial practice, brief §6.5)."""

    quorum: Fraction
    chair_required: bool
    spread_max: Fraction


@dataclass(frozen=True, slots=True)
class ProcedureStep:
    """One step of a regime's procedure (``quy_trinh``): who does it, at which level.

    ``forward_from``/``forward_to``: a scoring council's products with at least that mean
    go on to that level (QĐ 1048 Phụ lục II mục 1.a: the district council forwards from 50).
    ``stars``: for a certifying step, the stars it certifies.
    """

    level: str
    who: dict[str, str]  # by language
    basis: str
    forward_from: int | None = None
    forward_to: str | None = None
    stars: tuple[int, ...] = ()
    # For a forwarding council: what its body asks of the next level ("đánh giá, phân hạng,
    # công nhận sản phẩm OCOP") and the papers it sends, with their clause (QĐ 1048 Phụ lục
    # II mục 3.b–c: "Hồ sơ đề xuất đánh giá sản phẩm cấp tỉnh … bao gồm").
    asks: str = ""
    papers: tuple[str, ...] = ()
    papers_basis: str = ""
    # The council's size, fewest and most members (QĐ 1048 Phụ lục II mục 2: "Có từ 05 đến
    # 07 thành viên" at the district, 09 to 11 at the province and the centre).
    members: tuple[int, int] | None = None
    members_basis: str = ""

    def name(self, lang: Lang = "vi") -> str:
        return self.who.get(lang, self.who.get("vi", ""))


@dataclass(frozen=True, slots=True)
class Procedure:
    """Who receives a dossier, who scores it, who certifies which stars (``quy_trinh``).

    Read by the documents: a QĐ 1048 paper is addressed to the district People's Committee,
    scored by the district council, certified by the province (3–4★) or the Ministry (5★).
    """

    receives: ProcedureStep
    scores: tuple[ProcedureStep, ...]
    certifies: tuple[ProcedureStep, ...]

    def first_council(self) -> ProcedureStep:
        """The council that scores a dossier first (QĐ 1048: the district's)."""
        return self.scores[0]

    def council(self, level: str) -> ProcedureStep | None:
        return next((s for s in self.scores if s.level == level), None)

    def certifier(self, stars: int) -> ProcedureStep | None:
        """Who certifies ``stars`` (None: 1★–2★ get no certificate)."""
        return next((s for s in self.certifies if stars in s.stars), None)

    def certifies_at(self, level: str) -> bool:
        """Whether a body of ``level`` certifies anything (QĐ 1048: the district does not)."""
        return any(s.level == level for s in self.certifies)


@dataclass(frozen=True, slots=True)
class Regime:
    code: str
    name: str
    name_en: str
    valid_from: dt.date
    valid_to: dt.date | None
    receivers: tuple[dict[str, Any], ...]
    rubric_dir: str | None
    part_points: dict[str, int]
    bands: tuple[StarBand, ...]
    marker_levels: tuple[int, ...]
    competence: dict[str, Competence]
    chair_decides: bool
    validity_months: int
    council: CouncilPractice
    samples: int
    samples_exempt_sets: frozenset[int]
    samples_basis: str
    producer_types: tuple[str, ...]
    producer_types_by_set: dict[int, tuple[str, ...]]
    producer_basis: str
    current_units_only: bool
    reevaluation: dict[str, Any] | None
    documents: tuple[DocumentRule, ...]
    not_checked: tuple[dict[str, str], ...]
    recognition_periods: tuple[dict[str, Any], ...] = ()
    # Dossier product set → the rubric number(s) of the regime's annex
    # (``bo_tieu_chi_theo_bo_san_pham``); empty: the same numbers (QĐ 26/2026, QĐ 148/2023).
    rubric_set_map: dict[int, tuple[int, ...]] = field(default_factory=dict)
    procedure: Procedure | None = None
    # The rubrics are not from the official text (QĐ 148/2023: a scoring app's export).
    rubrics_unofficial: bool = False
    # Where the rubrics are printed, by language (``van_ban_bo_tieu_chi``), as hints cite it.
    rubric_source: dict[str, str] = field(default_factory=dict)

    def rubric_sets(self, product_set: int) -> tuple[int, ...]:
        """The rubric(s) of this regime a dossier of ``product_set`` is scored against,
        best match first; () when the regime has none for it (QĐ 1048: ornamentals)."""
        if not self.rubric_set_map:
            return (product_set,)
        return self.rubric_set_map.get(product_set, ())

    @property
    def certified_stars(self) -> tuple[int, ...]:
        """Stars that get a decision and a certificate at some level (1★, 2★ never)."""
        return tuple(sorted({s for c in self.competence.values() for s in c.stars}))

    @property
    def central_threshold(self) -> int | None:
        """The mean from which a product goes to the central level (QĐ 26/2026 Điều 7.3.e)."""
        return next(
            (c.forward_from for c in self.competence.values() if c.forward_to == "trung_uong"),
            None,
        )

    def star_band(self, points: Fraction) -> int:
        """The star level of an exact (mean) total."""
        for band in self.bands:
            if points >= band.lowest:
                return band.stars
        return self.bands[-1].stars

    def round_competence(self, level: str) -> Competence | None:
        """What a round of ``level`` decides: its ``cong_nhan`` entry; else, for a council
        of the procedure that only scores and forwards (QĐ 1048 Phụ lục II mục 1.a: the
        district council recognises nothing, it forwards products from 50 points to the
        province), a competence with no stars and that step's forwarding; else None (a
        level this regime does not have)."""
        found = self.competence.get(level)
        if found is not None:
            return found
        step = self.procedure.council(level) if self.procedure else None
        if step is None:
            return None
        return Competence(stars=(), forward_from=step.forward_from, forward_to=step.forward_to)

    def rules_for(self, product_set: int, case: str) -> list[DocumentRule]:
        """The rules of one set and case, strongest level first (stable within a level)."""
        found = [r for r in self.documents if product_set in r.sets and case in r.cases]
        return sorted(found, key=lambda r: LEVELS.index(r.level))

    def receiver_on(self, day: dt.date | None) -> dict[str, Any] | None:
        """Who receives a dossier filed on ``day``; before the first period, the first one
        (a dossier older than the regime is checked as it, and keeps its "Nơi nộp" line)."""
        for receiver in self.receivers:
            start, end = receiver["tu"], receiver["den"]
            if day is None or (start <= day and (end is None or day <= end)):
                return receiver
        if day is not None and self.receivers and day < self.receivers[0]["tu"]:
            return self.receivers[0]
        return None

    def recognising_levels(self, stars: int, day: dt.date) -> tuple[str, ...]:
        """The council levels (``cong_nhan`` keys) that recognised ``stars`` on ``day``.

        ``cong_nhan_theo_ngay`` narrows a level to a period (QĐ 148: 3★ by the district
        until QĐ 1489/QĐ-TTg of 06/7/2025, then by the province); without it every level
        of ``cong_nhan`` counts for the whole period.
        """
        if self.recognition_periods:
            return tuple(
                p["cap"]
                for p in self.recognition_periods
                if stars in p["sao"] and p["tu"] <= day and (p["den"] is None or day <= p["den"])
            )
        return tuple(level for level, c in self.competence.items() if stars in c.stars)

    def producer_types_for(self, product_set: int) -> tuple[str, ...]:
        return self.producer_types + self.producer_types_by_set.get(product_set, ())

    def covers(self, day: dt.date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)

    def period(self) -> str:
        end = self.valid_to.strftime("%d/%m/%Y") if self.valid_to else "nay"
        return f"{self.valid_from.strftime('%d/%m/%Y')} – {end}"


def _parse_sets(spec: Any) -> frozenset[int]:
    if spec is None or spec == "all":
        return frozenset(SET_NUMBERS)
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
def regime_codes(base: Path | None = None) -> tuple[str, ...]:
    """The regimes with a rules file, newest first ("26/2026", "148/2023", "1048/2019")."""
    folder = schemas_dir(base) / RULES_FOLDER
    found = [m for p in folder.glob("*.yaml") if (m := _REGIME_FILE.match(p.name))]
    found.sort(key=lambda m: (int(m.group(2)), int(m.group(1))), reverse=True)
    return tuple(f"{m.group(1)}/{m.group(2)}" for m in found)


def _file_of(code: str) -> str:
    return f"{RULES_FOLDER}/{code.replace('/', '-')}.yaml"


@lru_cache(maxsize=16)
def regime(code: str = DEFAULT_REGIME, base: Path | None = None) -> Regime:
    """The rules of a regime. Raises :class:`DataError` for an unknown or broken regime."""
    if code not in regime_codes(base):
        raise DataError("rules-data-missing", regime=code)
    try:
        data = load_data(_file_of(code), base)
    except (OSError, ValueError) as exc:
        raise DataError("rules-data-unreadable", regime=code, reason=str(exc)) from exc
    try:
        rules = _regime_from_data(data, base)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise DataError(
            "rules-data-unreadable",
            regime=code,
            reason=f"thiếu hoặc sai trường {exc}",
            reason_en=f"a field is missing or wrong: {exc}",
        ) from exc
    _check(rules, code)
    return rules


def _regime_from_data(data: dict[str, Any], base: Path | None) -> Regime:
    code = str(data["ma"])
    types = document_types(base)
    documents = []
    for rule in data["tai_lieu"]:
        for code_ref in (rule["loai"], *rule.get("tuong_duong", ()), *rule.get("thay_the", ())):
            if code_ref not in types:
                raise DataError("rules-data-unknown-document", regime=code, document=code_ref)
        if rule["muc"] not in LEVELS:
            raise ValueError(f"muc «{rule['muc']}»")
        documents.append(
            DocumentRule(
                loai=rule["loai"],
                level=rule["muc"],
                sets=_parse_sets(rule.get("bo")),
                cases=_parse_cases(rule.get("truong_hop")),
                equivalents=tuple(rule.get("tuong_duong", ())),
                substitutes=tuple(rule.get("thay_the", ())),
                basis=rule["can_cu"],
            )
        )
    producers = data["chu_the"]
    council = data["hoi_dong"]
    return Regime(
        code=code,
        name=data["ten"],
        name_en=data["ten_en"],
        valid_from=data["hieu_luc"]["tu"],
        valid_to=data["hieu_luc"]["den"],
        receivers=tuple(data["noi_nhan_ho_so"]),
        rubric_dir=data["thu_muc_bo_tieu_chi"],
        part_points={str(k): int(v) for k, v in data["diem_phan"].items()},
        bands=tuple(StarBand(int(b["sao"]), int(b["tu"])) for b in data["hang_sao"]),
        marker_levels=tuple(int(s) for s in data["sao_toi_thieu"]),
        competence={str(level): _competence(item) for level, item in data["cong_nhan"].items()},
        chair_decides=bool(data["quyet_dinh_cua_chu_tich"]),
        validity_months=int(data["hieu_luc_chung_nhan_thang"]),
        council=CouncilPractice(
            quorum=Fraction(str(council["ty_le_co_mat"])),
            chair_required=bool(council["chu_tich_bat_buoc"]),
            spread_max=Fraction(str(council["chenh_lech_toi_da"])),
        ),
        samples=data["mau"]["so_luong"],
        samples_exempt_sets=frozenset(data["mau"]["tru_bo"]),
        samples_basis=data["mau"]["can_cu"],
        producer_types=tuple(producers["loai_hinh"]),
        producer_types_by_set={int(k): tuple(v) for k, v in producers["them_theo_bo"].items()},
        producer_basis=producers["can_cu"],
        current_units_only=data["dia_chi"] == "hien_hanh",
        reevaluation=data.get("danh_gia_lai"),
        documents=tuple(documents),
        not_checked=tuple(data.get("khong_kiem_tra") or ()),
        recognition_periods=tuple(
            {"cap": str(p["cap"]), "sao": tuple(p["sao"]), "tu": p["tu"], "den": p.get("den")}
            for p in data.get("cong_nhan_theo_ngay") or ()
        ),
        rubric_set_map={
            int(k): tuple(int(x) for x in v)
            for k, v in (data.get("bo_tieu_chi_theo_bo_san_pham") or {}).items()
        },
        procedure=_procedure(data.get("quy_trinh")),
        rubrics_unofficial=bool(data.get("bo_tieu_chi_khong_chinh_thuc", False)),
        rubric_source={str(k): str(v) for k, v in (data.get("van_ban_bo_tieu_chi") or {}).items()},
    )


def _step(item: dict[str, Any]) -> ProcedureStep:
    up = item.get("chuyen_len") or {}
    return ProcedureStep(
        level=str(item["cap"]),
        who={"vi": str(item["vi"]), "en": str(item["en"])},
        basis=str(item["can_cu"]),
        forward_from=int(up["tu"]) if up else None,
        forward_to=str(up["cap"]) if up else None,
        stars=tuple(int(s) for s in item.get("sao", ())),
        asks=str(up.get("de_nghi") or ""),
        papers=tuple(str(x) for x in up.get("ho_so") or ()),
        papers_basis=str(up.get("can_cu_ho_so") or ""),
        members=(int(size["tu"]), int(size["den"])) if (size := item.get("thanh_vien")) else None,
        members_basis=str((item.get("thanh_vien") or {}).get("can_cu") or ""),
    )


def _procedure(data: Any) -> Procedure | None:
    if not data:
        return None
    return Procedure(
        receives=_step(data["tiep_nhan"]),
        scores=tuple(_step(x) for x in data["cham_diem"]),
        certifies=tuple(_step(x) for x in data["cong_nhan"]),
    )


def _competence(item: dict[str, Any]) -> Competence:
    up = item.get("de_nghi_len") or {}
    by = item.get("boi") or {}
    return Competence(
        stars=tuple(int(s) for s in item["sao"]),
        forward_from=int(up["tu"]) if up else None,
        forward_to=str(up["cap"]) if up else None,
        authority={str(lang): str(text) for lang, text in by.items()},
    )


def _check(rules: Regime, code: str) -> None:
    """What the rest of the tool relies on, said once here rather than failing later."""

    def broken(vi: str, en: str) -> DataError:
        return DataError("rules-data-unreadable", regime=code, reason=vi, reason_en=en)

    if rules.code != code:
        raise broken(f"tệp ghi mã «{rules.code}»", f"the file says '{rules.code}'")
    lows = [b.lowest for b in rules.bands]
    if not lows or lows != sorted(lows, reverse=True) or lows[-1] != 0:
        raise broken(
            "hang_sao phải xếp từ cao xuống, hạng cuối từ 0 điểm",
            "hang_sao must go from the highest level down to one from 0 points",
        )
    for product_set, sets in rules.rubric_set_map.items():
        if product_set not in SET_NUMBERS or not set(sets) <= set(SET_NUMBERS):
            raise broken(
                f"bo_tieu_chi_theo_bo_san_pham.{product_set} sai",
                f"bo_tieu_chi_theo_bo_san_pham.{product_set} is wrong",
            )
    if rules.rubric_set_map and sorted(rules.rubric_set_map) != list(SET_NUMBERS):
        raise broken(
            "bo_tieu_chi_theo_bo_san_pham phải có đủ 26 bộ sản phẩm",
            "bo_tieu_chi_theo_bo_san_pham must list all 26 product sets",
        )
    stars = {b.stars for b in rules.bands}
    for level, competence in rules.competence.items():
        forward = competence.forward_to
        if not set(competence.stars) <= stars or (
            forward is not None and forward not in rules.competence
        ):
            raise broken(f"cong_nhan.{level} sai", f"cong_nhan.{level} is wrong")


def rubric_regimes(base: Path | None = None) -> tuple[str, ...]:
    """The regimes whose rubrics are in the data (a ``thu_muc_bo_tieu_chi``)."""
    return tuple(c for c in regime_codes(base) if regime(c, base).rubric_dir is not None)


def regime_option(code: object) -> str:
    """The ``--regime`` a command needs for ``code`` (" --regime 1048/2019"), "" for the
    default regime or a value that is not a regime: the hints that send the user to
    ``ocop-docs rubric show``/``list`` show the rubrics of the dossier's or round's regime."""
    if not isinstance(code, str) or code == DEFAULT_REGIME or code not in regime_codes():
        return ""
    return f" --regime {code}"


def regime_wording(code: object) -> dict[str, str]:
    """The parameters that word a scorecard's hints for the rubric's regime when it is not
    the default: its ``--regime`` (``tuy_chon_bo_tieu_chi``), where its rubrics are printed
    (``van_ban_tieu_chi``: "QĐ 1048/QĐ-TTg Phụ lục III") and, for a regime whose rubrics
    mark no star minimums (QĐ 1048), no word of markers (``dau_sao``). {} for the default
    regime, whose wording is the catalogue's default (``ui/mac_dinh.yaml``)."""
    option = regime_option(code)
    if not option:
        return {}
    assert isinstance(code, str)
    rules = regime(code)
    out = {"tuy_chon_bo_tieu_chi": option}
    if rules.rubric_source:
        out["van_ban_tieu_chi"] = rules.rubric_source.get("vi", "")
        out["van_ban_tieu_chi_en"] = rules.rubric_source.get("en", out["van_ban_tieu_chi"])
    if not rules.marker_levels:
        out["dau_sao"] = out["dau_sao_en"] = ""
    return out


def regime_for_date(day: dt.date, base: Path | None = None) -> str:
    """The regime whose period covers ``day`` (domain brief §1.2).

    Before the first regime: the first one (dossiers of the provincial interim criteria are
    checked as QĐ 1048, brief §1.1); in a gap between periods: the default.
    """
    codes = regime_codes(base)
    for code in codes:
        if regime(code, base).covers(day):
            return code
    first = min((regime(c, base) for c in codes), key=lambda r: r.valid_from)
    return first.code if day < first.valid_from else DEFAULT_REGIME


def required_documents(
    product_set: int, case: str, regime_code: str = DEFAULT_REGIME, base: Path | None = None
) -> dict[str, list[str]]:
    """Document codes per level (:data:`LEVELS`) for one set and case.

    A type listed at several levels counts at the strongest only.
    """
    out: dict[str, list[str]] = {level: [] for level in LEVELS}
    seen: set[str] = set()
    for rule in regime(regime_code, base).rules_for(product_set, case):
        if rule.loai not in seen:
            seen.add(rule.loai)
            out[rule.level].append(rule.loai)
    return out

"""Scoring a product: one council member's sheet, and the council's result.

A **scorecard** is one member's filled sheet::

    {"bo_san_pham": 1, "chon": {"1.1": 3, "1.2": 2, ...}, "loai": false, "ly_do_loai": null}

``chon`` maps each scored criterion (the leaf numbers of the rubric: "1.1", "7",
"6.1.1") to the number (``stt``, from 1 in printed order) of the chosen option.
A bad card is data: :func:`score_card` reports its problems as :class:`Problem` values
(stable kebab-case ``scorecard-*`` ``code`` + ``params``; severity, messages and hints in
Vietnamese and English from the one catalogue, :mod:`ocop_docs.catalogue.scoring`) and
never raises for it.

Rules applied (docs/rubrics.md has the full discussion):

* **Bands** [REG, QĐ 26/2026 Điều 3.3]: <30 → 1★, 30–<50 → 2★, 50–<70 → 3★, 70–<90 → 4★,
  ≥90 → 5★, on exact values (:class:`fractions.Fraction`): 69.995 is 3★.
* **Star minimums** [REG: the "***", "****", "*****" marks; applying them is DESIGN,
  domain brief §3.5]: the markers of level *s* are met when, for every option marked at
  *s*, that option or a higher-scoring option of the same criterion was chosen. The
  highest level whose markers (and those of all lower levels) are met caps the star. Levels
  1 and 2 carry no markers, so a product missing a 3★ marker is capped at **2★**, never
  lower. ``minimum_mode="warn"`` reports the unmet markers without lowering the star.
* **Disqualification** [REG: "Hồ sơ bị loại khi"; DESIGN: no star]: ``"loai": true`` gives
  ``hang_sao`` 0; points are still added up for the record.
* **Council** [REG: Điều 3.3, "Tổng điểm trung bình"]: the star follows the exact mean of
  the members' totals; with the members' cards, a marker counts as met when at least half
  of the members met it (DESIGN, configurable ``quorum``); members' totals more than
  ``spread_max`` apart are flagged [PRACTICE, default 10]; a mean ≥ 90 with 5★ is proposed
  for central evaluation [REG: Điều 7.3.e].
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any, Literal

from ocop_docs.catalogue import ISSUES, Lang, render_hint, render_message
from ocop_docs.errors import InputError, Issue, Severity
from ocop_docs.scoring.rubrics import DEFAULT_REGIME, Criterion, Option, Rubric
from ocop_docs.text.documents import LoadedDocument, parse_text, read_document
from ocop_docs.text.pointers import escape

__all__ = [
    "CENTRAL_THRESHOLD",
    "DEFAULT_SPREAD_MAX",
    "MINIMUM_MODES",
    "STAR_BANDS",
    "CardReadError",
    "CouncilMinimum",
    "CouncilResult",
    "Problem",
    "ScoreResult",
    "Scorecard",
    "SectionTotal",
    "UnmetMinimum",
    "check_minimums",
    "council_result",
    "council_result_to_json",
    "exact",
    "format_points",
    "parse_card",
    "read_card",
    "result_to_json",
    "score_card",
    "star_band",
]

Number = int | float | Fraction | Decimal
MinimumMode = Literal["lower", "warn"]

MINIMUM_MODES: tuple[str, ...] = ("lower", "warn")

# QĐ 26/2026 Điều 3.3 (the same bands under QĐ 1048/2019 and QĐ 148/2023): lowest mean
# total of each star level, highest first.
STAR_BANDS: dict[str, tuple[tuple[int, int], ...]] = {
    "26/2026": ((90, 5), (70, 4), (50, 3), (30, 2), (0, 1)),
    "148/2023": ((90, 5), (70, 4), (50, 3), (30, 2), (0, 1)),
    "1048/2019": ((90, 5), (70, 4), (50, 3), (30, 2), (0, 1)),
}

# QĐ 26/2026 Điều 7.3.e: products with 90 points or more go to the Ministry for 5★.
CENTRAL_THRESHOLD = 90

# [PRACTICE] provincial councils' rules flag a product whose members' totals differ by more
# than this many points; configurable per call.
DEFAULT_SPREAD_MAX = 10

# Star levels that carry minimum markers in Phụ lục II ("*** - 3 sao; **** - 4 sao; ***** - 5
# sao"). Levels below the first carry none, so the cap never goes below MARKER_LEVELS[0] - 1.
MARKER_LEVELS: tuple[int, ...] = (3, 4, 5)

# Keys a scorecard may carry besides the scored choices (others get a warning, which
# catches typos such as "chọn" for "chon").
CARD_KEYS = frozenset(
    {
        "bo_san_pham",
        "bo_tieu_chi",
        "chon",
        "loai",
        "ly_do_loai",
        "san_pham",
        "ten_san_pham",
        "ma_san_pham",
        "chu_the",
        "thanh_vien",
        "nguoi_danh_gia",
        "ngay",
        "ghi_chu",
        "y_kien",
    }
)


# ---------------------------------------------------------------------------------------
# Problems in a card: codes of the one catalogue (ocop_docs.catalogue.scoring)
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """A problem found in a scorecard (data, not an exception).

    ``code`` is a ``scorecard-*`` code of :data:`ocop_docs.catalogue.ISSUES`, which gives
    the severity, the tags and the Vietnamese and English message and hint. ``params``
    keep their Python values (numbers, lists, :class:`~fractions.Fraction`); they are shown
    in a message by :func:`_display` (lists as "6.1.1, 6.1.2", exact points as "91,14").
    """

    code: str
    params: Mapping[str, Any] = field(default_factory=dict)
    pointer: str = ""
    line: int | None = None
    column: int | None = None

    @property
    def severity(self) -> Severity:
        return ISSUES[self.code].severity

    @property
    def tags(self) -> tuple[str, ...]:
        return ISSUES[self.code].tags

    def _shown(self, lang: Lang) -> dict[str, str]:
        return {k: _display(v, lang) for k, v in self.params.items()}

    def message(self, lang: Lang = "vi") -> str:
        return render_message(self.code, self._shown(lang), lang)

    def hint(self, lang: Lang = "vi") -> str:
        return render_hint(self.code, self._shown(lang), lang)

    def to_json(self, lang: Lang = "vi") -> dict[str, Any]:
        out: dict[str, Any] = {
            "code": self.code,
            "severity": self.severity,
            "pointer": self.pointer,
            "message": self.message(lang),
            "hint": self.hint(lang),
            "params": {k: _jsonable(v) for k, v in self.params.items()},
        }
        if self.line is not None:
            out["line"] = self.line
            out["column"] = self.column
        return out

    def to_issue(self) -> Issue:
        """The problem as an :class:`ocop_docs.validation.report.Issue` (same code, place and params).

        An Issue renders its params with plain ``str.format``, so values other than strings
        and whole numbers are handed over as their display text, with an ``_en`` twin where
        English shows them differently (a Fraction: "97,50" / "97.50"); the Issue's message
        and hint are then exactly this problem's.
        """
        params: dict[str, Any] = {}
        for key, value in self.params.items():
            if isinstance(value, str) or (isinstance(value, int) and not isinstance(value, bool)):
                params[key] = value
                continue
            vi, en = _display(value, "vi"), _display(value, "en")
            params[key] = vi
            if en != vi:
                params[f"{key}_en"] = en
        return Issue(self.code, self.pointer, self.line, self.column, params)


def _display(value: Any, lang: Lang) -> str:
    if isinstance(value, Fraction):
        return format_points(value) if lang == "vi" else format_points(value).replace(",", ".")
    if isinstance(value, str):
        return value
    if isinstance(value, list | tuple):
        return ", ".join(_display(v, lang) for v in value)
    return json.dumps(value, ensure_ascii=False)


def _jsonable(value: Any) -> Any:
    if isinstance(value, Fraction):
        return int(value) if value.denominator == 1 else float(value)
    if isinstance(value, int | float | str | bool) or value is None:
        return value
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return repr(value)


# ---------------------------------------------------------------------------------------
# Reading a card from a file, with line numbers
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Scorecard:
    """A scorecard and where its values came from (JSON Pointer → (line, column))."""

    data: Any
    path: Path | None = None
    positions: Mapping[str, tuple[int, int]] = field(default_factory=dict)
    duplicates: tuple[str, ...] = ()


class CardReadError(InputError):
    """The card file cannot be read or parsed (exit code 1)."""

    def __init__(
        self,
        path: Path,
        detail: str,
        line: int | None = None,
        column: int | None = None,
        detail_en: str | None = None,
    ) -> None:
        super().__init__(
            "scorecard-unreadable",
            path=str(path),
            where=f", dòng {line}, cột {column}" if line is not None else "",
            where_en=f", line {line}, column {column}" if line is not None else "",
            reason=detail,
            reason_en=detail_en or detail,
        )
        self.path = path
        self.detail = detail
        self.line = line
        self.column = column


def _scorecard(doc: LoadedDocument, path: Path | None) -> Scorecard:
    """The card read by the package's one reader, or CardReadError for a file that is none."""
    for issue in doc.issues:
        if issue.severity != "error" or issue.code == "dossier-not-mapping":
            continue  # a card that is not a mapping is the scorer's finding
        params = issue.params
        if "problem" in params:  # YAML or JSON syntax
            detail, detail_en = str(params["problem"]), params.get("problem_en")
        elif issue.code == "file-not-utf8":
            detail, detail_en = "tệp không phải UTF-8", "not UTF-8 text"
        elif issue.code == "file-unreadable":
            detail, detail_en = str(params["reason"]), params.get("reason_en")
        else:
            detail, detail_en = issue.message("vi"), issue.message("en")
        raise CardReadError(doc.path, detail, issue.line, issue.column, detail_en)
    # A criterion written twice counts once, the last; the scorer reports the repeat
    # (scorecard-duplicate-criterion) at the key that counts.
    return Scorecard(doc.data, path, doc.key_positions, tuple(doc.repeated))


def parse_card(text: str, path: Path | None = None, fmt: str | None = None) -> Scorecard:
    """Parse a scorecard from YAML or JSON text (``fmt`` "json"/"yaml", else by suffix).

    Raises :class:`CardReadError` with the line and column of a syntax error.
    """
    name = path if path is not None else Path("<phiếu chấm>")
    fmt = fmt or ("json" if name.suffix.lower() == ".json" else "yaml")
    doc = LoadedDocument(path=name)
    parse_text(text, name, doc, as_json=fmt == "json", repeated_keys="keep-last")
    return _scorecard(doc, path)


def read_card(path: Path) -> Scorecard:
    """Read a scorecard file (YAML or JSON; UTF-8, or UTF-16 with its BOM)."""
    if not path.exists():
        raise CardReadError(path, "không có tệp này", detail_en="no such file")
    doc = LoadedDocument(path=path)
    read_document(path, doc, repeated_keys="keep-last")
    return _scorecard(doc, path)


# ---------------------------------------------------------------------------------------
# Exact numbers and bands
# ---------------------------------------------------------------------------------------


def exact(x: Number) -> Fraction:
    """An exact value. Floats are read as their shortest decimal form (69.995 → 69995/1000),
    which is what an official typed, not the nearest binary fraction."""
    if isinstance(x, bool):
        raise TypeError("a boolean is not a number of points")
    if isinstance(x, Fraction | int):
        return Fraction(x)
    if isinstance(x, float):
        if not math.isfinite(x):
            raise ValueError(f"not a finite number of points: {x!r}")
        return Fraction(Decimal(repr(x)))
    if isinstance(x, Decimal):
        return Fraction(x)
    raise TypeError(f"not a number of points: {x!r}")


def star_band(points: Number, regime: str = DEFAULT_REGIME) -> int:
    """Star level of a (mean) total by the bands of QĐ 26/2026 Điều 3.3."""
    value = exact(points)
    for lowest, star in STAR_BANDS[regime]:
        if value >= lowest:
            return star
    return STAR_BANDS[regime][-1][1]


def format_points(x: Number) -> str:
    """Two decimals, decimal comma, half rounded away from zero: 91.14 → "91,14".

    Display only; the star is always computed from the exact value (69.995 displays as
    "70,00" but is 3★).
    """
    value = exact(x)
    hundredths = math.floor(abs(value) * 100 + Fraction(1, 2))
    sign = "-" if value < 0 and hundredths else ""
    return f"{sign}{hundredths // 100},{hundredths % 100:02d}"


# ---------------------------------------------------------------------------------------
# One member's card
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SectionTotal:
    """Points obtained in a part (A/B/C) or a mục."""

    so: str
    ten: str
    diem: int
    toi_da: int
    phan: str | None = None  # for a mục: its part (A/B/C)


@dataclass(frozen=True)
class Choice:
    tieu_chi: str
    stt: int
    ten: str
    diem: int


@dataclass(frozen=True)
class UnmetMinimum:
    """A star-minimum marker that the chosen option does not reach."""

    tieu_chi: str
    ten_tieu_chi: str
    sao: int
    stt: int
    lua_chon: str
    diem: int
    da_chon_stt: int | None
    da_chon_diem: int | None

    def to_json(self) -> dict[str, Any]:
        return {
            "tieu_chi": self.tieu_chi,
            "ten_tieu_chi": self.ten_tieu_chi,
            "sao": self.sao,
            "lua_chon_yeu_cau": {"stt": self.stt, "ten": self.lua_chon, "diem": self.diem},
            "da_chon": (
                {"stt": self.da_chon_stt, "diem": self.da_chon_diem}
                if self.da_chon_stt is not None
                else None
            ),
        }


@dataclass(frozen=True)
class ScoreResult:
    bo_san_pham: int
    bo_tieu_chi: str
    ten: str
    tong_diem: int
    phan: tuple[SectionTotal, ...]
    muc: tuple[SectionTotal, ...]
    lua_chon: tuple[Choice, ...]
    hang_theo_diem: int
    muc_toi_thieu_dat: int
    hang_sao: int
    chua_dat_toi_thieu: tuple[UnmetMinimum, ...]
    loai: bool
    ly_do_loai: str | None
    van_de: tuple[Problem, ...]
    minimum_mode: str
    toi_da: int = 100

    @property
    def bi_ha_hang(self) -> bool:
        """The star was lowered by the minimums (only in "lower" mode)."""
        return not self.loai and self.hang_sao < self.hang_theo_diem

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.van_de if p.severity == "error")

    @property
    def ok(self) -> bool:
        """No error in the card (warnings allowed)."""
        return not self.errors


def check_minimums(
    rubric: Rubric, chosen: Mapping[str, Option]
) -> tuple[int, tuple[UnmetMinimum, ...]]:
    """The highest star level whose minimum markers are all met, and the unmet markers.

    A marker (criterion c, option m, level s) is met when the option chosen for c is m
    itself or scores more than m (domain brief §3.5, DESIGN). A criterion without a choice
    meets none of its markers.
    """
    unmet: list[UnmetMinimum] = []
    for c in rubric.criteria():
        pick = chosen.get(c.so)
        for m in c.markers:
            assert m.sao_toi_thieu is not None
            if pick is not None and (pick.stt == m.stt or pick.diem > m.diem):
                continue
            unmet.append(
                UnmetMinimum(
                    tieu_chi=c.so,
                    ten_tieu_chi=c.ten,
                    sao=m.sao_toi_thieu,
                    stt=m.stt,
                    lua_chon=m.ten,
                    diem=m.diem,
                    da_chon_stt=pick.stt if pick is not None else None,
                    da_chon_diem=pick.diem if pick is not None else None,
                )
            )
    return _level(u.sao for u in unmet), tuple(sorted(unmet, key=lambda u: u.sao))


def _level(unmet_levels: Iterable[int]) -> int:
    missing = set(unmet_levels)
    level = MARKER_LEVELS[-1]
    for s in MARKER_LEVELS:
        if s in missing:
            level = s - 1
            break
    return level


def _criterion_key(raw: Any) -> str:
    # Cards built in Python may use numbers as keys; 1.1 → "1.1", 7 → "7".
    if isinstance(raw, float):
        return repr(raw)
    return str(raw)


def _subheading(rubric: Rubric, key: str) -> tuple[str, ...] | None:
    """Leaves under a second-level heading such as "6.1" of set 11, if ``key`` is one."""
    for p in rubric.phan:
        for g in p.muc:
            for s in g.nhom_con:
                if s.so == key:
                    return s.tieu_chi
    return None


def score_card(
    card: Scorecard | Mapping[str, Any],
    rubric: Rubric,
    *,
    minimum_mode: MinimumMode = "lower",
) -> ScoreResult:
    """Score one member's card against ``rubric``.

    Problems in the card are reported in ``van_de``; an unknown criterion or option adds
    nothing, a missing criterion counts 0 points and meets none of its markers.
    """
    if minimum_mode not in MINIMUM_MODES:
        raise ValueError(f"minimum_mode must be one of {MINIMUM_MODES}, not {minimum_mode!r}")
    sc = card if isinstance(card, Scorecard) else Scorecard(card)
    problems: list[Problem] = []

    def report(code: str, pointer: str = "", **params: Any) -> None:
        pos = sc.positions.get(pointer)
        problems.append(
            Problem(code, params, pointer, pos[0] if pos else None, pos[1] if pos else None)
        )

    data: Mapping[str, Any]
    if isinstance(sc.data, Mapping):
        data = sc.data
    else:
        report("scorecard-not-mapping")
        data = {}

    for key in data:
        if key not in CARD_KEYS:
            report("scorecard-unknown-field", f"/{escape(str(key))}", truong=str(key))

    if "bo_san_pham" not in data:
        if isinstance(sc.data, Mapping):
            report("scorecard-set-missing", "", bo_san_pham=rubric.bo_san_pham)
    else:
        bo = data["bo_san_pham"]
        if isinstance(bo, bool) or not isinstance(bo, int) or not 1 <= bo <= 26:
            report("scorecard-set-invalid", "/bo_san_pham", gia_tri=bo)
        elif bo != rubric.bo_san_pham:
            report(
                "scorecard-set-mismatch", "/bo_san_pham", phieu=bo, bo_san_pham=rubric.bo_san_pham
            )
    regime = data.get("bo_tieu_chi")
    if regime is not None and regime != rubric.bo_tieu_chi:
        report(
            "scorecard-regime-mismatch",
            "/bo_tieu_chi",
            phieu=regime,
            bo_tieu_chi=rubric.bo_tieu_chi,
        )

    raw_choices = data.get("chon")
    choices: Mapping[Any, Any]
    if raw_choices is None:
        if isinstance(sc.data, Mapping):
            report("scorecard-choices-missing", "", bo_san_pham=rubric.bo_san_pham)
        choices = {}
    elif not isinstance(raw_choices, Mapping):
        report("scorecard-choices-not-mapping", "/chon", bo_san_pham=rubric.bo_san_pham)
        choices = {}
    else:
        choices = raw_choices

    for dup in sc.duplicates:
        if dup.startswith("/chon/"):
            report(
                "scorecard-duplicate-criterion",
                dup,
                tieu_chi=dup.removeprefix("/chon/"),
                bo_san_pham=rubric.bo_san_pham,
            )

    chosen: dict[str, Option] = {}
    answered: set[str] = set()
    for raw_key, value in choices.items():
        key = _criterion_key(raw_key)
        pointer = f"/chon/{escape(key)}"
        crit: Criterion | None = rubric.criterion(key)
        if crit is None:
            leaves = _subheading(rubric, key)
            if leaves is not None:
                report(
                    "scorecard-criterion-is-heading",
                    pointer,
                    tieu_chi=key,
                    tieu_chi_con=list(leaves),
                    bo_san_pham=rubric.bo_san_pham,
                )
            else:
                report(
                    "scorecard-unknown-criterion",
                    pointer,
                    tieu_chi=key,
                    bo_san_pham=rubric.bo_san_pham,
                )
            continue
        answered.add(key)
        if isinstance(value, bool) or not isinstance(value, int):
            report(
                "scorecard-invalid-option",
                pointer,
                tieu_chi=key,
                gia_tri=value,
                bo_san_pham=rubric.bo_san_pham,
            )
            continue
        option = crit.option(value)
        if option is None:
            report(
                "scorecard-unknown-option",
                pointer,
                tieu_chi=key,
                stt=value,
                so_lua_chon=len(crit.lua_chon),
                bo_san_pham=rubric.bo_san_pham,
            )
            continue
        chosen[key] = option

    if isinstance(raw_choices, Mapping):
        # Without a usable "chon" the card has one problem already; do not add 30 more.
        for crit in rubric.criteria():
            if crit.so not in answered:
                report(
                    "scorecard-missing-criterion",
                    "/chon",
                    tieu_chi=crit.so,
                    ten=crit.ten,
                    bo_san_pham=rubric.bo_san_pham,
                )

    loai_raw = data.get("loai", False)
    loai = False
    if loai_raw is None or isinstance(loai_raw, bool):
        loai = bool(loai_raw)
    else:
        report("scorecard-invalid-disqualification", "/loai", gia_tri=loai_raw)
    ly_do = data.get("ly_do_loai")
    ly_do_loai = str(ly_do) if ly_do not in (None, "") else None
    if loai and ly_do_loai is None:
        report("scorecard-disqualified-without-reason", "/loai")

    parts: list[SectionTotal] = []
    groups: list[SectionTotal] = []
    for p in rubric.phan:
        p_total = 0
        for g in p.muc:
            g_total = sum(chosen[c.so].diem for c in g.tieu_chi if c.so in chosen)
            groups.append(SectionTotal(g.so, g.ten, g_total, g.diem, p.ma))
            p_total += g_total
        parts.append(SectionTotal(p.ma, p.ten, p_total, p.diem))
    total = sum(s.diem for s in parts)

    band = star_band(total, rubric.bo_tieu_chi)
    level, unmet = check_minimums(rubric, chosen)
    star = min(band, level) if minimum_mode == "lower" else band
    return ScoreResult(
        bo_san_pham=rubric.bo_san_pham,
        bo_tieu_chi=rubric.bo_tieu_chi,
        ten=rubric.ten,
        tong_diem=total,
        phan=tuple(parts),
        muc=tuple(groups),
        lua_chon=tuple(
            Choice(c.so, chosen[c.so].stt, chosen[c.so].ten, chosen[c.so].diem)
            for c in rubric.criteria()
            if c.so in chosen
        ),
        hang_theo_diem=band,
        muc_toi_thieu_dat=level,
        hang_sao=0 if loai else star,
        # Only the markers at or below the band stand between the product and its band.
        chua_dat_toi_thieu=tuple(u for u in unmet if u.sao <= band),
        loai=loai,
        ly_do_loai=ly_do_loai,
        van_de=tuple(problems),
        minimum_mode=minimum_mode,
        toi_da=rubric.tong_diem,
    )


def result_to_json(result: ScoreResult, lang: Lang = "vi") -> dict[str, Any]:
    """The result as JSON-ready data (the CLI's ``--format json``)."""
    return {
        "bo_san_pham": result.bo_san_pham,
        "bo_tieu_chi": result.bo_tieu_chi,
        "ten": result.ten,
        "tong_diem": result.tong_diem,
        "toi_da": result.toi_da,
        "phan": [
            {"ma": s.so, "ten": s.ten, "diem": s.diem, "toi_da": s.toi_da} for s in result.phan
        ],
        "muc": [
            {"so": s.so, "ten": s.ten, "diem": s.diem, "toi_da": s.toi_da, "phan": s.phan}
            for s in result.muc
        ],
        "lua_chon": [
            {"tieu_chi": c.tieu_chi, "stt": c.stt, "ten": c.ten, "diem": c.diem}
            for c in result.lua_chon
        ],
        "hang_theo_diem": result.hang_theo_diem,
        "muc_toi_thieu_dat": result.muc_toi_thieu_dat,
        "hang_sao": result.hang_sao,
        "bi_ha_hang": result.bi_ha_hang,
        "chua_dat_toi_thieu": [u.to_json() for u in result.chua_dat_toi_thieu],
        "loai": result.loai,
        "ly_do_loai": result.ly_do_loai,
        "minimum_mode": result.minimum_mode,
        "van_de": [p.to_json(lang) for p in result.van_de],
    }


# ---------------------------------------------------------------------------------------
# The council
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CouncilMinimum:
    """A marker the council did not meet: fewer than ``quorum`` of the members met it."""

    tieu_chi: str
    ten_tieu_chi: str
    sao: int
    stt: int
    lua_chon: str
    so_dat: int
    so_thanh_vien: int


@dataclass(frozen=True)
class CouncilResult:
    so_thanh_vien: int
    tong_diem_thanh_vien: tuple[Fraction, ...]
    diem_trung_binh: Fraction
    hang_theo_diem: int
    hang_sao: int
    muc_toi_thieu_dat: int | None
    chua_dat_toi_thieu: tuple[CouncilMinimum, ...]
    chenh_lech: Fraction
    chenh_lech_toi_da: Fraction | None
    vuot_chenh_lech: bool
    de_nghi_trung_uong: bool
    loai: bool
    phieu: tuple[ScoreResult, ...]
    van_de: tuple[Problem, ...]
    minimum_mode: str

    @property
    def diem_trung_binh_hien_thi(self) -> str:
        """ "Tổng điểm trung bình" as printed in decisions: "91,14"."""
        return format_points(self.diem_trung_binh)


def council_result(
    totals: Sequence[Number] | None,
    rubric: Rubric | None = None,
    cards: Sequence[Scorecard | Mapping[str, Any]] | None = None,
    spread_max: Number | None = DEFAULT_SPREAD_MAX,
    *,
    minimum_mode: MinimumMode = "lower",
    quorum: Fraction = Fraction(1, 2),
    loai: bool | None = None,
) -> CouncilResult:
    """The council's result from the members' totals (and optionally their cards).

    * ``diem_trung_binh``: the exact mean of the totals, "Tổng điểm trung bình" (Điều 3.3);
      the star band is taken from it.
    * With ``cards`` (and ``rubric``): each card is scored; a minimum marker counts as met
      when at least ``quorum`` (default half) of the members met it, and the star is capped
      like a single card's (DESIGN). ``totals`` may then be None (taken from the cards);
      totals that disagree with their card are reported as ``scorecard-total-mismatch``
      and the given total is used.
    * ``loai``: the council's disqualification decision; when None, the product is
      disqualified if at least ``quorum`` of the cards say ``loai: true``.
    * ``spread_max``: max − min above this flags the product (provincial practice); None
      disables the check.
    * ``de_nghi_trung_uong``: mean ≥ 90, not disqualified and 5★ after the minimums
      (Điều 7.3.e).
    """
    if minimum_mode not in MINIMUM_MODES:
        raise ValueError(f"minimum_mode must be one of {MINIMUM_MODES}, not {minimum_mode!r}")
    if cards is not None and rubric is None:
        raise ValueError("scoring the members' cards needs the rubric")
    results = (
        tuple(score_card(c, rubric, minimum_mode=minimum_mode) for c in cards or ())
        if rubric
        else ()
    )
    problems: list[Problem] = []
    for i, r in enumerate(results, start=1):
        for p in r.van_de:
            problems.append(
                Problem(
                    p.code, {**p.params, "thanh_vien": i}, f"/{i - 1}{p.pointer}", p.line, p.column
                )
            )
    if totals is None:
        if not results:
            raise ValueError("give the members' totals or their cards")
        values = tuple(Fraction(r.tong_diem) for r in results)
    else:
        values = tuple(exact(t) for t in totals)
        if results and len(results) != len(values):
            raise ValueError(f"{len(values)} totals but {len(results)} cards")
        for i, (given, r) in enumerate(zip(values, results, strict=False), start=1):
            if given != r.tong_diem:
                problems.append(
                    Problem(
                        "scorecard-total-mismatch",
                        {"thanh_vien": i, "ghi": given, "tinh": r.tong_diem},
                        f"/{i - 1}",
                    )
                )
    if not values:
        raise ValueError("a council result needs at least one member")
    n = len(values)
    mean = sum(values, Fraction(0)) / n
    regime = rubric.bo_tieu_chi if rubric is not None else DEFAULT_REGIME
    band = star_band(mean, regime)

    level: int | None = None
    unmet: list[CouncilMinimum] = []
    if rubric is not None and results:
        chosen_by_member = [
            {
                c.tieu_chi: rubric_option
                for c in r.lua_chon
                if (rubric_option := _option_of(rubric, c))
            }
            for r in results
        ]
        for crit in rubric.criteria():
            for m in crit.markers:
                assert m.sao_toi_thieu is not None
                met = sum(
                    1
                    for chosen in chosen_by_member
                    if (pick := chosen.get(crit.so)) is not None
                    and (pick.stt == m.stt or pick.diem > m.diem)
                )
                if Fraction(met) < quorum * n:
                    unmet.append(
                        CouncilMinimum(crit.so, crit.ten, m.sao_toi_thieu, m.stt, m.ten, met, n)
                    )
        level = _level(u.sao for u in unmet)
        unmet.sort(key=lambda u: u.sao)

    star = band
    if level is not None and minimum_mode == "lower":
        star = min(band, level)
    if loai is None:
        flagged = sum(1 for r in results if r.loai)
        disqualified = bool(results) and Fraction(flagged) >= quorum * len(results)
    else:
        disqualified = loai
    spread = max(values) - min(values)
    limit = exact(spread_max) if spread_max is not None else None
    final = 0 if disqualified else star
    return CouncilResult(
        so_thanh_vien=n,
        tong_diem_thanh_vien=values,
        diem_trung_binh=mean,
        hang_theo_diem=band,
        hang_sao=final,
        muc_toi_thieu_dat=level,
        chua_dat_toi_thieu=tuple(u for u in unmet if u.sao <= band),
        chenh_lech=spread,
        chenh_lech_toi_da=limit,
        vuot_chenh_lech=limit is not None and spread > limit,
        de_nghi_trung_uong=mean >= CENTRAL_THRESHOLD and final == 5,
        loai=disqualified,
        phieu=results,
        van_de=tuple(problems),
        minimum_mode=minimum_mode,
    )


def _option_of(rubric: Rubric, choice: Choice) -> Option | None:
    crit = rubric.criterion(choice.tieu_chi)
    return crit.option(choice.stt) if crit is not None else None


def council_result_to_json(result: CouncilResult, lang: Lang = "vi") -> dict[str, Any]:
    def num(x: Fraction) -> int | float:
        return int(x) if x.denominator == 1 else float(x)

    return {
        "so_thanh_vien": result.so_thanh_vien,
        "tong_diem_thanh_vien": [num(x) for x in result.tong_diem_thanh_vien],
        "diem_trung_binh": num(result.diem_trung_binh),
        "diem_trung_binh_hien_thi": result.diem_trung_binh_hien_thi,
        "hang_theo_diem": result.hang_theo_diem,
        "muc_toi_thieu_dat": result.muc_toi_thieu_dat,
        "hang_sao": result.hang_sao,
        "chua_dat_toi_thieu": [
            {
                "tieu_chi": u.tieu_chi,
                "sao": u.sao,
                "lua_chon_yeu_cau": {"stt": u.stt, "ten": u.lua_chon},
                "so_dat": u.so_dat,
                "so_thanh_vien": u.so_thanh_vien,
            }
            for u in result.chua_dat_toi_thieu
        ],
        "chenh_lech": num(result.chenh_lech),
        "vuot_chenh_lech": result.vuot_chenh_lech,
        "de_nghi_trung_uong": result.de_nghi_trung_uong,
        "loai": result.loai,
        "minimum_mode": result.minimum_mode,
        "van_de": [p.to_json(lang) for p in result.van_de],
    }

"""One council member's scorecard, scored against its rubric.

A **scorecard** is one member's filled sheet::

    {"bo_san_pham": 1, "chon": {"1.1": 3, "1.2": 2, ...}, "loai": false, "ly_do_loai": null}

``chon`` maps each scored criterion (the leaf numbers of the rubric: "1.1", "7",
"6.1.1") to the number (``stt``, from 1 in printed order) of the chosen option.
A bad card is data: :func:`score_card` reports its problems as
:class:`~ocop_docs.errors.Issue` values (stable kebab-case ``scorecard-*`` codes of the one
catalogue, with their parameters) and never raises for it. Reading a card from a file is
:mod:`ocop_docs.scoring.card_file`; the council's result is :mod:`ocop_docs.scoring.council`.

Rules applied (docs/rubrics.md has the full discussion):

* **Bands** [REG, QĐ 26/2026 Điều 3.3]: :func:`ocop_docs.scoring.bands.star_band`, on exact
  values (:class:`fractions.Fraction`): 69.995 is 3★.
* **Star minimums** [REG: the "***", "****", "*****" marks; applying them is DESIGN,
  domain brief §3.5]: the markers of level *s* are met when, for every option marked at
  *s*, that option or a higher-scoring option of the same criterion was chosen. The
  highest level whose markers (and those of all lower levels) are met caps the star. Levels
  1 and 2 carry no markers, so a product missing a 3★ marker is capped at **2★**, never
  lower. ``minimum_mode="warn"`` reports the unmet markers without lowering the star.
* **Unticked criteria** [REG: Phụ lục II is a tick-box sheet, and 378 of the 787 criteria
  print no 0-point option]: a criterion left out, written ``null`` or ``0`` is unticked: it
  adds 0 points and fails only the star-minimum markers on its own options; it is listed
  in ``khong_danh_dau`` and never an error. A criterion left out of the card is a warning
  (``scorecard-missing-criterion``: a forgotten line looks the same), ``null``/``0`` none.
* **Rules printed inside criteria** [REG: the rubric's own notes, as data in ``quy_tac`` of
  the rubric file; issue 11]: a card lists under ``quy_tac_ap_dung`` the criteria whose
  printed rule the evaluator found to apply. A "loai" rule ("Bị loại nếu …", 1.1 of sets
  7–15, 18–20; 2.1 of 5–14; 6.2 of 21–22) disqualifies "theo tiêu chí N"; a "dung" rule
  ("… sẽ không đánh giá các bước tiếp theo": the impurity notes, set 19/20's declaration)
  stops the evaluation there: the later criteria are not counted and the product is not
  ranked; a "yeu_cau" rule ("Yêu cầu: 100% sản phẩm … trên địa bàn cấp tỉnh", 1.1 of sets
  1–4, 23–25) unmet makes that criterion score 0 and nothing more (the text gives no other
  consequence: the reading that does not reject the dossier). Set 16's "Nếu được 0 điểm
  tại một trong các chỉ tiêu trên" applies by itself when one of 6.1–6.4 is ticked at 0
  points (an unticked box does not trigger it).
* **Disqualification** [REG: "Hồ sơ bị loại khi"; DESIGN: no star]: ``"loai": true`` gives
  ``hang_sao`` 0; points are still added up for the record.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any, Literal

from ocop_docs.catalogue import Lang
from ocop_docs.errors import Issue
from ocop_docs.rules.regimes import Regime, regime, regime_wording
from ocop_docs.scoring.rubrics import Criterion, Option, Rubric, RubricRule
from ocop_docs.text.pointers import escape

__all__ = [
    "CARD_KEYS",
    "MINIMUM_MODES",
    "Choice",
    "MinimumMode",
    "ScoreResult",
    "Scorecard",
    "SectionTotal",
    "UnmetMinimum",
    "check_minimums",
    "level_reached",
    "proposed_to_central",
    "result_to_json",
    "rules_of",
    "score_card",
]

MinimumMode = Literal["lower", "warn"]

MINIMUM_MODES: tuple[str, ...] = ("lower", "warn")

# Keys a scorecard may carry besides the scored choices (others get a warning, which
# catches typos such as "chọn" for "chon").
CARD_KEYS = frozenset(
    {
        "bo_san_pham",
        "bo_tieu_chi",
        "chon",
        "loai",
        "ly_do_loai",
        "quy_tac_ap_dung",
        "so_bo_tieu_chi",
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


@dataclass(frozen=True)
class Scorecard:
    """A scorecard and where its values came from (JSON Pointer → (line, column))."""

    data: Any
    path: Path | None = None
    positions: Mapping[str, tuple[int, int]] = field(default_factory=dict)
    duplicates: tuple[str, ...] = ()


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
    van_de: tuple[Issue, ...]
    minimum_mode: str
    toi_da: int = 100
    # Criteria left unticked (absent, null or 0), in printed order: 0 points each.
    khong_danh_dau: tuple[str, ...] = ()
    # From the regime's central threshold up (Điều 7.3.e), whatever the markers say.
    de_nghi_trung_uong: bool = False
    # Rules printed inside criteria that were applied (``quy_tac``), in printed order, and
    # the criterion where a stop rule ended the evaluation (not ranked then).
    quy_tac: tuple[RubricRule, ...] = ()
    dung_tai: str | None = None

    @property
    def loai_theo(self) -> tuple[str, ...]:
        """Criteria whose printed rule disqualified the product ("bị loại theo tiêu chí")."""
        return tuple(r.tieu_chi for r in self.quy_tac if r.loai == "loai")

    @property
    def khong_dat_yeu_cau(self) -> tuple[str, ...]:
        """Criteria whose printed requirement is unmet (they score 0)."""
        return tuple(r.tieu_chi for r in self.quy_tac if r.loai == "yeu_cau")

    @property
    def bi_ha_hang(self) -> bool:
        """The star was lowered by the minimums (only in "lower" mode)."""
        return not self.loai and self.dung_tai is None and self.hang_sao < self.hang_theo_diem

    @property
    def errors(self) -> tuple[Issue, ...]:
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
    levels = rules_of(rubric).marker_levels
    reached = level_reached((u.sao for u in unmet), levels)
    return reached, tuple(sorted(unmet, key=lambda u: u.sao))


def proposed_to_central(rules: Regime, points: Fraction, disqualified: bool) -> bool:
    """A (mean) total that makes a "potential 5★" product, proposed to the central level.

    QĐ 26/2026 Điều 7.3.e: "Đối với các sản phẩm có tiềm năng đạt 5 sao (đạt từ 90 trở lên)
    … đề nghị Bộ Nông nghiệp và Môi trường đánh giá": the test is the points (the regime's
    ``de_nghi_len``, in its top band), not the minimum markers, which the central council
    checks again when it scores (Điều 7.4). Issue 11: a star capped by a marker does not
    keep a 90-point product at the province.
    """
    threshold = rules.central_threshold
    return (
        threshold is not None
        and points >= threshold
        and rules.star_band(points) == max(b.stars for b in rules.bands)
        and not disqualified
    )


def rules_of(rubric: Rubric) -> Regime:
    """The regime of a rubric, from the schemas folder the rubric was read from."""
    return regime(rubric.bo_tieu_chi, rubric.schemas_dir)


def level_reached(unmet_levels: Iterable[int], marker_levels: tuple[int, ...]) -> int:
    """The highest star level all of whose markers (and those below it) are met.

    ``marker_levels`` are the levels that carry markers (``sao_toi_thieu``: 3, 4, 5 under
    QĐ 26/2026 Phụ lục II); levels below the first carry none, so the result is never below
    the first of them minus one (2★).
    """
    if not marker_levels:
        # QĐ 1048/2019 prints no markers (its Điều 1.2 bands the total only): nothing caps.
        return 5
    missing = set(unmet_levels)
    level = marker_levels[-1]
    for s in marker_levels:
        if s in missing:
            level = s - 1
            break
    return level


def _criterion_key(raw: Any) -> str:
    # Cards built in Python may use numbers as keys; 1.1 → "1.1", 7 → "7".
    if isinstance(raw, float):
        return repr(raw)
    return str(raw)


def score_card(
    card: Scorecard | Mapping[str, Any],
    rubric: Rubric,
    *,
    minimum_mode: MinimumMode = "lower",
) -> ScoreResult:
    """Score one member's card against ``rubric``.

    Problems in the card are reported in ``van_de``; an unknown criterion or option adds
    nothing; an unticked criterion (absent, null or 0) counts 0 points and meets none of its
    markers.
    """
    if minimum_mode not in MINIMUM_MODES:
        raise ValueError(f"minimum_mode must be one of {MINIMUM_MODES}, not {minimum_mode!r}")
    sc = card if isinstance(card, Scorecard) else Scorecard(card)
    problems: list[Issue] = []
    # The hints name the rubric's regime when it is not the default: its --regime in
    # "ocop-docs rubric show N --regime 1048/2019", the annex its rubrics are printed in,
    # and no star-minimum markers where it has none (QĐ 1048); absent for the default, so
    # its issues stay as they were.
    wording = regime_wording(rubric.bo_tieu_chi)

    def report(code: str, pointer: str = "", **params: Any) -> None:
        for key, value in wording.items():
            params.setdefault(key, value)
        pos = sc.positions.get(pointer)
        problems.append(
            Issue(code, pointer, pos[0] if pos else None, pos[1] if pos else None, params)
        )

    if rubric.khong_chinh_thuc:
        # QĐ 148/2023: the rubric is a transcription, not the official text; every score
        # made with it says so (issue 11, historical regimes).
        report(
            "scorecard-rubric-unofficial",
            bo_tieu_chi=rubric.bo_tieu_chi,
            bo_san_pham=rubric.bo_san_pham,
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
        elif rubric.bo_san_pham not in rules_of(rubric).rubric_sets(bo):
            # A card names its product set; the rubric is that set's under the regime
            # (QĐ 1048 numbers its rubrics differently: bo_tieu_chi_theo_bo_san_pham).
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
    unticked: set[str] = set()
    for raw_key, value in choices.items():
        key = _criterion_key(raw_key)
        pointer = f"/chon/{escape(key)}"
        crit: Criterion | None = rubric.criterion(key)
        if crit is None:
            heading = rubric.subheading(key)
            if heading is not None:
                report(
                    "scorecard-criterion-is-heading",
                    pointer,
                    tieu_chi=key,
                    tieu_chi_con=list(heading.tieu_chi),
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
        if value is None or (value == 0 and type(value) is int):
            # An unticked box (Phụ lục II: the member ticks one option or none).
            unticked.add(key)
            continue
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
                unticked.add(crit.so)
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

    rules = _rules_applied(data, rubric, chosen, report)
    order = {c.so: i for i, c in enumerate(rubric.criteria())}
    stop = next((r.tieu_chi for r in rules if r.loai == "dung"), None)
    for r in rules:
        if r.loai == "yeu_cau":
            chosen.pop(r.tieu_chi, None)  # the options presuppose the requirement
    if stop is not None:
        # "không đánh giá các bước tiếp theo": what follows the criterion is not evaluated.
        for key in [k for k in chosen if order[k] > order[stop]]:
            del chosen[key]
    by_rule = [r for r in rules if r.loai == "loai"]
    if by_rule:
        loai = True
        grounds = "; ".join(f"bị loại theo tiêu chí {r.tieu_chi} ({r.noi_dung})" for r in by_rule)
        ly_do_loai = f"{ly_do_loai}; {grounds}" if ly_do_loai else grounds[0].upper() + grounds[1:]

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

    regime_rules = rules_of(rubric)
    band = regime_rules.star_band(Fraction(total))
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
        hang_sao=0 if loai or stop is not None else star,
        # Only the markers at or below the band stand between the product and its band.
        chua_dat_toi_thieu=tuple(u for u in unmet if u.sao <= band),
        loai=loai,
        ly_do_loai=ly_do_loai,
        van_de=tuple(problems),
        minimum_mode=minimum_mode,
        toi_da=rubric.tong_diem,
        khong_danh_dau=tuple(c.so for c in rubric.criteria() if c.so in unticked),
        de_nghi_trung_uong=proposed_to_central(regime_rules, Fraction(total), loai or bool(stop)),
        quy_tac=tuple(sorted(rules, key=lambda r: order[r.tieu_chi])),
        dung_tai=stop,
    )


def _rules_applied(
    data: Mapping[str, Any],
    rubric: Rubric,
    chosen: Mapping[str, Option],
    report: Any,
) -> list[RubricRule]:
    """The printed rules that apply to this card: those the card names under
    ``quy_tac_ap_dung`` (the evaluator's finding) and those its choices trigger (set 16)."""
    found: list[RubricRule] = []
    raw = data.get("quy_tac_ap_dung")
    if raw is not None and not isinstance(raw, list):
        report("scorecard-rules-invalid", "/quy_tac_ap_dung", gia_tri=raw)
    elif raw is not None:
        for i, value in enumerate(raw):
            key = _criterion_key(value)
            rule = rubric.rule(key)
            if rule is None:
                known = [r.tieu_chi for r in rubric.quy_tac if not r.khi_0_diem]
                report(
                    "scorecard-rule-unknown",
                    f"/quy_tac_ap_dung/{i}",
                    tieu_chi=key,
                    co_quy_tac=known or ["—"],
                    bo_san_pham=rubric.bo_san_pham,
                )
            elif rule not in found:
                found.append(rule)
    for rule in rubric.quy_tac:
        # "Nếu được 0 điểm tại một trong các chỉ tiêu trên" (set 16): a ticked 0-point option.
        if rule.khi_0_diem and any(
            (pick := chosen.get(so)) is not None and pick.diem == 0 for so in rule.khi_0_diem
        ):
            found.append(rule)
    return found


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
        # A card with errors is rated nothing (issue 12): null, not a star to be quoted.
        "hang_theo_diem": result.hang_theo_diem if result.ok else None,
        "muc_toi_thieu_dat": result.muc_toi_thieu_dat,
        "hang_sao": result.hang_sao if result.ok else None,
        "hop_le": result.ok,
        "bi_ha_hang": result.bi_ha_hang,
        "chua_dat_toi_thieu": [u.to_json() for u in result.chua_dat_toi_thieu],
        "loai": result.loai,
        "ly_do_loai": result.ly_do_loai,
        "khong_danh_dau": list(result.khong_danh_dau),
        "quy_tac_ap_dung": [
            {"loai": r.loai, "tieu_chi": r.tieu_chi, "noi_dung": r.noi_dung} for r in result.quy_tac
        ],
        "dung_tai": result.dung_tai,
        "de_nghi_trung_uong": result.de_nghi_trung_uong,
        "minimum_mode": result.minimum_mode,
        "van_de": [p.to_json(lang, params=True) for p in result.van_de],
    }

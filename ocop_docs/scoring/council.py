"""The council's result for one product: the mean of the members' totals, its star.

Rules applied (docs/rubrics.md has the full discussion):

* **Mean** [REG: QĐ 26/2026 Điều 3.3, "Tổng điểm trung bình"]: the star follows the exact
  mean of the members' totals (:func:`ocop_docs.scoring.bands.star_band`).
* **Minimums** [DESIGN]: with the members' cards, a marker counts as met when at least half
  of the members met it (configurable ``quorum``), and the star is capped as for one card
  (:mod:`ocop_docs.scoring.card`).
* **Spread** [PRACTICE]: members' totals more than ``spread_max`` apart are flagged; the
  default is the regime's ``hoi_dong.chenh_lech_toi_da`` (10; provincial Quy chế, brief §6.5).
* **Central evaluation** [REG: Điều 7.3.e, "sản phẩm có tiềm năng đạt 5 sao (đạt từ 90 trở
  lên)"]: a mean from the regime's threshold up (90: the ``de_nghi_len`` of the level that
  proposes to the central one), not disqualified, goes to the Ministry, even when a 5★
  marker is unmet: the text names the mean as the test of the "potential", and the central
  council scores the product again (Điều 7.4). The unmet markers go with it
  (``chua_dat_toi_thieu``) so the proposal can say so; they never keep it at the province.

The bands, marker levels, threshold and spread are regime data (``schemas/rules``), read
from the schemas folder the rubric came from.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from types import EllipsisType
from typing import Any

from ocop_docs.catalogue import Lang
from ocop_docs.errors import Issue
from ocop_docs.rules.regimes import DEFAULT_REGIME, regime
from ocop_docs.scoring.card import (
    MINIMUM_MODES,
    Choice,
    MinimumMode,
    Scorecard,
    ScoreResult,
    level_reached,
    proposed_to_central,
    rules_of,
    score_card,
)
from ocop_docs.scoring.points import Number, exact, format_points
from ocop_docs.scoring.rubrics import Option, Rubric, RubricRule

__all__ = [
    "CouncilMinimum",
    "CouncilResult",
    "council_result",
    "council_result_to_json",
]


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
    van_de: tuple[Issue, ...]
    minimum_mode: str
    # A stop rule printed in a criterion ("không đánh giá các bước tiếp theo") found by at
    # least ``quorum`` of the cards: the product is not ranked (issue 11).
    dung_tai: str | None = None
    # The printed rules the council applies (issue 11): each "loai" rule found by at least
    # ``quorum`` of the cards ("Bị loại nếu …": the product is disqualified under it) and the
    # stop rule of ``dung_tai``, in printed order.
    quy_tac: tuple[RubricRule, ...] = ()

    @property
    def loai_theo(self) -> tuple[str, ...]:
        """Criteria whose printed rule disqualified the product ("bị loại theo tiêu chí")."""
        return tuple(r.tieu_chi for r in self.quy_tac if r.loai == "loai")

    @property
    def ly_do_loai(self) -> str | None:
        """The specific ground of a rule's disqualification, as the minutes print it:
        "bị loại theo tiêu chí 1.1 (Bị loại nếu sử dụng toàn bộ nguyên liệu nhập khẩu …)"."""
        rules = [r for r in self.quy_tac if r.loai == "loai"]
        if not rules:
            return None
        return "; ".join(f"bị loại theo tiêu chí {r.tieu_chi} ({r.noi_dung})" for r in rules)

    @property
    def ly_do_dung(self) -> str | None:
        """Why the product is not ranked when a stop rule ended the evaluation:
        "không đánh giá các bước tiếp theo sau tiêu chí 6 (Không đánh giá … nếu không có …)"."""
        rule = next((r for r in self.quy_tac if r.loai == "dung"), None)
        if self.dung_tai is None:
            return None
        text = f" ({rule.noi_dung})" if rule is not None else ""
        return f"không đánh giá các bước tiếp theo sau tiêu chí {self.dung_tai}{text}"

    @property
    def diem_trung_binh_hien_thi(self) -> str:
        """ "Tổng điểm trung bình" as printed in decisions: "91,14"."""
        return format_points(self.diem_trung_binh)


def council_result(
    totals: Sequence[Number] | None,
    rubric: Rubric | None = None,
    cards: Sequence[Scorecard | Mapping[str, Any]] | None = None,
    spread_max: Number | EllipsisType | None = ...,
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
    * ``spread_max``: max − min above this flags the product (provincial practice); left
      out, the regime's ``hoi_dong.chenh_lech_toi_da``; None disables the check.
    * ``de_nghi_trung_uong``: mean ≥ the regime's central threshold (90), in the top band,
      and not disqualified (Điều 7.3.e: "đạt từ 90 trở lên"), whatever the markers say.
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
    problems: list[Issue] = []
    for i, r in enumerate(results, start=1):
        for p in r.van_de:
            problems.append(
                Issue(
                    p.code, f"/{i - 1}{p.pointer}", p.line, p.column, {**p.params, "thanh_vien": i}
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
                    Issue(
                        "scorecard-total-mismatch",
                        f"/{i - 1}",
                        params={"thanh_vien": i, "ghi": given, "tinh": r.tong_diem},
                    )
                )
    if not values:
        raise ValueError("a council result needs at least one member")
    n = len(values)
    mean = sum(values, Fraction(0)) / n
    rules = rules_of(rubric) if rubric is not None else regime(DEFAULT_REGIME)
    band = rules.star_band(mean)

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
        level = level_reached((u.sao for u in unmet), rules.marker_levels)
        unmet.sort(key=lambda u: u.sao)

    star = band
    if level is not None and minimum_mode == "lower":
        star = min(band, level)
    if loai is None:
        flagged = sum(1 for r in results if r.loai)
        disqualified = bool(results) and Fraction(flagged) >= quorum * len(results)
    else:
        disqualified = loai
    # A "Bị loại nếu …" rule of the rubric found by at least ``quorum`` of the cards
    # disqualifies under that criterion whatever the council's own ``loai`` (issue 11): the
    # rubric, not the council, sets that ground, as it sets the stop rules below.
    found: dict[RubricRule, int] = {}
    for r in results:
        for rule in dict.fromkeys(r.quy_tac):
            found[rule] = found.get(rule, 0) + 1
    by_rule = tuple(
        rule
        for rule in (rubric.quy_tac if rubric is not None else ())
        if rule.loai == "loai" and Fraction(found.get(rule, 0)) >= quorum * n
    )
    disqualified = disqualified or bool(by_rule)
    stops = [r.dung_tai for r in results if r.dung_tai is not None]
    # The criterion most cards stopped at (on a tie, the one named by the first such card).
    stopped = (
        max(dict.fromkeys(stops), key=stops.count)
        if stops and Fraction(len(stops)) >= quorum * n
        else None
    )
    spread = max(values) - min(values)
    if spread_max is ...:
        limit: Fraction | None = rules.council.spread_max
    else:
        limit = exact(spread_max) if spread_max is not None else None
    final = 0 if disqualified or stopped is not None else star
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
        # Điều 7.3.e: the mean makes the "potential" 5★ product; the markers do not keep it
        # from the central council (issue 11).
        de_nghi_trung_uong=proposed_to_central(rules, mean, disqualified or bool(stopped)),
        loai=disqualified,
        phieu=results,
        van_de=tuple(problems),
        minimum_mode=minimum_mode,
        dung_tai=stopped,
        quy_tac=by_rule
        + tuple(
            rule
            for rule in (rubric.quy_tac if rubric is not None else ())
            if stopped is not None and rule.loai == "dung" and rule.tieu_chi == stopped
        )[:1],
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
        "dung_tai": result.dung_tai,
        "quy_tac_ap_dung": [
            {"loai": r.loai, "tieu_chi": r.tieu_chi, "noi_dung": r.noi_dung} for r in result.quy_tac
        ],
        "ly_do_loai": result.ly_do_loai,
        "ly_do_dung": result.ly_do_dung,
        "minimum_mode": result.minimum_mode,
        "van_de": [p.to_json(lang, params=True) for p in result.van_de],
    }

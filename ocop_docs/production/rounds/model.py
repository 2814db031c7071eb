"""The round model: a round file's council, members and each product's star result.

A :class:`Round` is what :mod:`ocop_docs.production.rounds.loading` makes of a round file
(``samples/dot-danh-gia/<name>.yaml``, schema ``schemas/round.schema.json``) or of a results
spreadsheet: the raw data, its issues, the members and one :class:`ProductResult` per
product. The result of a product follows QĐ 26/2026 Điều 3.3 (bands on the "Tổng điểm
trung bình", the mean of the members' totals) and Điều 4.1, 7.3.e (who recognises which
stars); the mean is kept exact as a :class:`~fractions.Fraction` for banding (69,995 is
3 sao) and only rounded for display. The council settings (spread, quorum) are provincial
practice from a Quy chế (brief §6.5), configurable per round under ``cau_hinh``; their
defaults, the bands and who recognises what are the regime's data (``schemas/rules/``,
:mod:`ocop_docs.rules.regimes`).
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any

from ocop_docs.errors import InputError, Issue, IssueCounts
from ocop_docs.production.wording import wording
from ocop_docs.rules.regimes import DEFAULT_REGIME, Competence, Regime, regime_codes
from ocop_docs.rules.regimes import regime as regime_rules
from ocop_docs.scoring.bands import display_mean
from ocop_docs.scoring.card import MinimumMode, Scorecard, ScoreResult
from ocop_docs.scoring.council import CouncilResult
from ocop_docs.scoring.rubrics import Rubric

# cau_hinh.che_do_toi_thieu → scoring's minimum_mode: lower the star to the highest level
# whose minimum markers are met, or only warn (brief §3.5: how councils apply the markers is
# unconfirmed, so both are offered).
MINIMUM_MODE_BY_SETTING: dict[str, MinimumMode] = {"ha_hang": "lower", "canh_bao": "warn"}


@dataclass(slots=True)
class Member:
    ma: str
    ho_ten: str
    vai_tro: str
    chuc_vu: str = ""
    co_mat: bool = True
    cham_diem: bool = True

    @property
    def role_name(self) -> str:
        return wording().roles.get(self.vai_tro, self.vai_tro)


@dataclass(slots=True)
class MemberCard:
    """One member's scorecard for one product, scored against the product's rubric."""

    member: Member
    card: Scorecard
    result: ScoreResult
    file: Path | None = None  # the card file, when the round file points to one

    @property
    def data(self) -> dict[str, Any]:
        return dict(self.card.data) if isinstance(self.card.data, dict) else {}


@dataclass(slots=True)
class ProductResult:
    """One product of a round with its council result
    (:func:`ocop_docs.scoring.card.council_result`)."""

    index: int  # 1-based position in the round file ("--product N")
    ten: str
    chu_the: str
    dia_chi: str
    bo_san_pham: int | None
    ma_san_pham: str
    scores: list[tuple[Member, Fraction]]
    result: CouncilResult
    regime: str = DEFAULT_REGIME
    dossier: dict[str, Any] | None = None
    dossier_path: Path | None = None
    inline: dict[str, Any] = field(default_factory=dict)
    disqualified: str = ""
    competence: Competence | None = None
    cards: list[MemberCard] = field(default_factory=list)
    rubric: Rubric | None = None

    @property
    def lowered(self) -> bool:
        """The minimum markers lowered the star below the band of the mean (brief §3.5)."""
        r = self.result
        # A stop rule leaves the product unranked: that is not a lowered star (issue 11).
        return not r.loai and r.dung_tai is None and r.hang_sao < r.hang_theo_diem

    @property
    def mean(self) -> Fraction:
        """The "Tổng điểm trung bình" (QĐ 26/2026 Điều 3.3), exact."""
        return self.result.diem_trung_binh

    @property
    def mean_text(self) -> str:
        return display_mean(self.mean, self.regime)

    @property
    def stars(self) -> int:
        """Band of the mean; 0 when the dossier was disqualified (brief §3.6, §3.9)."""
        return self.result.hang_sao

    @property
    def spread(self) -> Fraction:
        return self.result.chenh_lech

    @property
    def spread_flag(self) -> bool:
        """Member totals differ by more than the Quy chế allows (brief §6.5, [PRACTICE])."""
        return self.result.vuot_chenh_lech

    @property
    def proposed_up(self) -> bool:
        """Proposed to the next level (≥90 at the province: QĐ 26/2026 Điều 7.3.e)."""
        c = self.competence
        return bool(
            c
            and c.forward_from is not None
            and not self.disqualified
            and not self.result.loai
            and self.result.dung_tai is None
            and self.mean >= c.forward_from
        )

    @property
    def stopped(self) -> str:
        """Why the product is not ranked when a stop rule printed in the rubric ended the
        evaluation ("không đánh giá các bước tiếp theo sau tiêu chí 6 (…)"), else ""."""
        return "" if self.disqualified else (self.result.ly_do_dung or "")

    @property
    def ground(self) -> str:
        """The specific reason the product gets no star: the council's or a rule's
        disqualification ground, or the stop rule; "" for a ranked product."""
        return self.disqualified or self.stopped

    @property
    def recognised(self) -> bool:
        """Gets a decision and a certificate at this level (1–2★ never: Điều 4.1.a)."""
        c = self.competence
        return bool(c and self.stars in c.stars and not self.proposed_up)


def outside_params(round_path: Path, path: str) -> dict[str, str]:
    """The parameters of ``round-path-outside``: the round file, its folder, the path it
    names and the folder to name with ``--allow`` (the named file's own folder, as the
    user would type it: relative to the working folder when it lies below it)."""
    folder = round_path.parent
    target = os.path.normpath(os.path.join(os.path.abspath(folder), path.replace("\\", "/")))
    suggest = os.path.dirname(target)
    with contextlib.suppress(ValueError):
        here = os.path.relpath(suggest)
        if not here.startswith(".."):
            suggest = here
    return {"file": str(round_path), "folder": str(folder) or ".", "path": path, "allow": suggest}


@dataclass(slots=True)
class Round(IssueCounts):
    """A loaded round file: raw data, issues, members and product results."""

    path: Path
    data: dict[str, Any] | None = None
    issues: list[Issue] = field(default_factory=list)
    members: list[Member] = field(default_factory=list)
    products: list[ProductResult] = field(default_factory=list)
    competence: Competence | None = None
    # Folders besides the round file's own that the files it names may lie in: only those
    # the user named (``--allow``), never the round itself (issue 9).
    allow: tuple[Path, ...] = ()
    # Running count of recognised products (see recognised_before), built on first use.
    _recognised_counts: list[int] | None = field(default=None, repr=False, compare=False)

    @property
    def valid(self) -> bool:
        return self.data is not None and self.errors == 0

    def recognised_before(self, index: int) -> int:
        """How many recognised products come before the product at 0-based ``index`` (the
        certificate's place in the annex). Counted once per round: rescanning the products
        for every certificate made a round's certificates quadratic in its size."""
        counts = self._recognised_counts
        if counts is None or len(counts) != len(self.products) + 1:
            counts = [0]
            for p in self.products:
                counts.append(counts[-1] + p.recognised)
            self._recognised_counts = counts
        return counts[index]

    @property
    def settings(self) -> dict[str, Any]:
        return dict((self.data or {}).get("cau_hinh") or {})

    @property
    def rules(self) -> Regime:
        """The rules of the round's regime (its ``bo_tieu_chi``; the default if it has none)."""
        code = str((self.data or {}).get("bo_tieu_chi", DEFAULT_REGIME))
        return regime_rules(code if code in regime_codes() else DEFAULT_REGIME)

    @property
    def quorum(self) -> Fraction:
        value = self.settings.get("ty_le_co_mat")
        return self.rules.council.quorum if value is None else Fraction(str(value))

    @property
    def chair_required(self) -> bool:
        default = self.rules.council.chair_required
        return bool(self.settings.get("chu_tich_bat_buoc", default))

    @property
    def present(self) -> list[Member]:
        return [m for m in self.members if m.co_mat]

    @property
    def scorers(self) -> list[Member]:
        return [m for m in self.members if m.co_mat and m.cham_diem]

    @property
    def minimum_mode(self) -> MinimumMode:
        return MINIMUM_MODE_BY_SETTING[str(self.settings.get("che_do_toi_thieu", "ha_hang"))]

    @property
    def quorum_met(self) -> bool:
        if not self.members:
            return False
        ratio = Fraction(len(self.present), len(self.members))
        chair_ok = not self.chair_required or any(m.vai_tro == "chu_tich" for m in self.present)
        return ratio >= self.quorum and chair_ok

    def member(self, ma: str) -> Member | None:
        return next((m for m in self.members if m.ma == ma), None)

    def product(self, number: int) -> ProductResult:
        """The product at 1-based position ``number`` (``--product N``)."""
        if not 1 <= number <= len(self.products):
            raise InputError("render-product-out-of-range", number=number, count=len(self.products))
        return self.products[number - 1]


def exact_score(value: Any) -> Fraction:
    """A member's total as an exact fraction: ``str()`` first so 91.5 is 183/2 exactly,
    not the binary float's expansion."""
    return Fraction(str(value))


def require_valid(rnd: Round) -> Round:
    """The round itself, or :class:`InputError` (exit 1) listing its errors."""
    if rnd.data is None or rnd.errors:
        errors = [i for i in rnd.issues if i.severity == "error"]
        raise InputError(
            "round-invalid",
            issues=rnd.issues,
            path=str(rnd.path),
            count=len(errors),
            first=errors[0].message("vi") if errors else "?",
            first_en=errors[0].message("en") if errors else "?",
        )
    return rnd


__all__ = ["Member", "MemberCard", "ProductResult", "Round", "exact_score", "require_valid"]

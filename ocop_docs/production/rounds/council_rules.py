"""The council's rules that production applies: who recognises what, bands, Quy chế defaults.

Moved unchanged out of the round module (issue 8): the scoring side owns these facts and
will read them from ``schemas/rules/`` (QĐ 26/2026 Điều 3.3, 4.1, 7.3.e); until then they are
here, in one module of their own.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

from ocop_docs.scoring.bands import STAR_BANDS, star_band
from ocop_docs.text.official import format_points, round_points


@dataclass(frozen=True, slots=True)
class Competence:
    """What a level may recognise under a regime, and from which mean it proposes upwards."""

    stars: tuple[int, ...]
    forward_from: int | None = None
    forward_to: str | None = None


# Who recognises which stars (brief §1.3):
# 26/2026 Điều 4.1.a/b, 7.3.e, 7.4.e; 1048/2019 (province 3–4★, Ministry 5★ from 90 points);
# 148/2023 (district 3★ and forwards from 70; province 4★, and 3★ after QĐ 1489/2025).
COMPETENCE: dict[tuple[str, str], Competence] = {
    ("26/2026", "tinh"): Competence((3, 4), 90, "trung_uong"),
    ("26/2026", "trung_uong"): Competence((5,)),
    ("1048/2019", "tinh"): Competence((3, 4), 90, "trung_uong"),
    ("1048/2019", "trung_uong"): Competence((5,)),
    ("148/2023", "huyen"): Competence((3,), 70, "tinh"),
    ("148/2023", "tinh"): Competence((3, 4), 90, "trung_uong"),
    ("148/2023", "trung_uong"): Competence((5,)),
}

# Provincial practice (brief §6.5, [PRACTICE]): defaults of a council's Quy chế.
DEFAULT_QUORUM = Fraction(3, 4)
DEFAULT_CHAIR_REQUIRED = True
DEFAULT_VALIDITY_MONTHS = 36  # QĐ 26/2026 Điều 4.3

# cau_hinh.che_do_toi_thieu → scoring's minimum_mode: lower the star to the highest level
# whose minimum markers are met, or only warn (brief §3.5: how councils apply the markers is
# unconfirmed, so both are offered).
MinimumMode = Literal["lower", "warn"]
MINIMUM_MODE_BY_SETTING: dict[str, MinimumMode] = {"ha_hang": "lower", "canh_bao": "warn"}


def band(mean: Fraction | int | float, regime: str = "26/2026") -> int:
    """Stars for a "Tổng điểm trung bình" (QĐ 26/2026 Điều 3.3), on the exact value."""
    return star_band(mean, regime)


def display_mean(mean: Fraction, regime: str = "26/2026") -> str:
    """Two decimals with a decimal comma, never rounded up across a band boundary.

    Half-up rounding would print 69,995 as "70,00" next to "3 sao"; an official document
    must not contradict itself, so a mean just below a boundary is cut instead ("69,99").
    [DESIGN] (brief §3.9 asks only for two decimals).
    """
    shown = round_points(mean)
    for lower, _stars in STAR_BANDS[regime]:
        if mean < lower <= shown:
            return format_points(Fraction(math.floor(mean * 100), 100))
    return format_points(mean)


__all__ = [
    "COMPETENCE",
    "DEFAULT_CHAIR_REQUIRED",
    "DEFAULT_QUORUM",
    "DEFAULT_VALIDITY_MONTHS",
    "MINIMUM_MODE_BY_SETTING",
    "STAR_BANDS",
    "Competence",
    "MinimumMode",
    "band",
    "display_mean",
]

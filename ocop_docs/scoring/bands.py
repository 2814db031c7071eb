"""Star bands: the star level of a (mean) total under a regime, and how a mean is shown.

QĐ 26/2026 Điều 3.3 bands the "Tổng điểm trung bình" (the mean of the council members'
totals): < 30 → 1★, 30–< 50 → 2★, 50–< 70 → 3★, 70–< 90 → 4★, ≥ 90 → 5★, on the exact value
(69,995 is 3★). QĐ 1048/2019 and QĐ 148/2023 use the same bands.
"""

from __future__ import annotations

import math
from fractions import Fraction

from ocop_docs.rules.regimes import DEFAULT_REGIME
from ocop_docs.scoring.points import Number, exact, format_points
from ocop_docs.text.official import round_points

__all__ = ["STAR_BANDS", "display_mean", "star_band"]

# QĐ 26/2026 Điều 3.3 (the same bands under QĐ 1048/2019 and QĐ 148/2023): lowest mean
# total of each star level, highest first.
STAR_BANDS: dict[str, tuple[tuple[int, int], ...]] = {
    "26/2026": ((90, 5), (70, 4), (50, 3), (30, 2), (0, 1)),
    "148/2023": ((90, 5), (70, 4), (50, 3), (30, 2), (0, 1)),
    "1048/2019": ((90, 5), (70, 4), (50, 3), (30, 2), (0, 1)),
}


def star_band(points: Number, regime: str = DEFAULT_REGIME) -> int:
    """Star level of a (mean) total by the bands of QĐ 26/2026 Điều 3.3."""
    value = exact(points)
    for lowest, star in STAR_BANDS[regime]:
        if value >= lowest:
            return star
    return STAR_BANDS[regime][-1][1]


def display_mean(mean: Fraction, regime: str = DEFAULT_REGIME) -> str:
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

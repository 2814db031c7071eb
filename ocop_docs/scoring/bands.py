"""Star bands: the star level of a (mean) total under a regime, and how a mean is shown.

The bands are regime data (``hang_sao`` of ``schemas/rules/<regime>.yaml``): QĐ 26/2026
Điều 3.3 bands the "Tổng điểm trung bình" (the mean of the council members' totals)
< 30 → 1★, 30–< 50 → 2★, 50–< 70 → 3★, 70–< 90 → 4★, ≥ 90 → 5★, on the exact value (69,995
is 3★); QĐ 1048/2019 and QĐ 148/2023 use the same bands.
"""

from __future__ import annotations

import math
from fractions import Fraction
from pathlib import Path

from ocop_docs.rules.regimes import DEFAULT_REGIME, regime
from ocop_docs.scoring.points import Number, exact, format_points
from ocop_docs.text.official import round_points

__all__ = ["display_mean", "star_band"]


def star_band(points: Number, regime_code: str = DEFAULT_REGIME, base: Path | None = None) -> int:
    """Star level of a (mean) total by the bands of the regime (QĐ 26/2026 Điều 3.3).

    ``base`` is the schemas folder the regime is read from (``--schemas-dir``).
    """
    return regime(regime_code, base).star_band(exact(points))


def display_mean(
    mean: Fraction, regime_code: str = DEFAULT_REGIME, base: Path | None = None
) -> str:
    """Two decimals with a decimal comma, never rounded up across a band boundary.

    Half-up rounding would print 69,995 as "70,00" next to "3 sao"; an official document
    must not contradict itself, so a mean just below a boundary is cut instead ("69,99").
    [DESIGN] (brief §3.9 asks only for two decimals).
    """
    shown = round_points(mean)
    for band in regime(regime_code, base).bands:
        if mean < band.lowest <= shown:
            return format_points(Fraction(math.floor(mean * 100), 100))
    return format_points(mean)

"""Points as exact numbers, and how they are written ("91,14").

A council's "Tổng điểm trung bình" is a mean (QĐ 26/2026 Điều 3.3): banding needs its exact
value (69,995 is 3 sao, not 4), so points are kept as :class:`fractions.Fraction` and only
rounded when shown. This module has no dependency inside the package: the error model shows
Fraction parameters of an issue through :func:`format_points`.
"""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

__all__ = ["Number", "exact", "format_points"]

Number = int | float | Fraction | Decimal


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


def format_points(x: Number) -> str:
    """Two decimals, decimal comma, half rounded away from zero: 91.14 → "91,14".

    Display only; the star is always computed from the exact value (69.995 displays as
    "70,00" but is 3★). The decimal comma is the Vietnamese way (QĐ 2890/QĐ-BNN-VPĐP prints
    "91,14 điểm"); English text swaps it for a point (:func:`ocop_docs.errors.show_param`).
    """
    value = exact(x)
    hundredths = math.floor(abs(value) * 100 + Fraction(1, 2))
    sign = "-" if value < 0 and hundredths else ""
    return f"{sign}{hundredths // 100},{hundredths % 100:02d}"

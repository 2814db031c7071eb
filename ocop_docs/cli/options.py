"""Numeric option types that refuse what no run can mean (issue 9, "Processes and options").

Click's ``FloatRange(min=1)`` lets ``nan`` through (every comparison with NaN is false) and
reads ``inf`` and ``1e400`` (which Python reads as infinity) as valid; a timeout of NaN
seconds then fails deep inside ``subprocess`` as an internal error. :class:`FiniteFloat`
and :class:`BoundedInt` accept only finite numbers within their bounds and otherwise fail
as a usage error (exit 2) with the catalogue's message in the run's language.
"""

from __future__ import annotations

import math
from typing import Any

import click

from ocop_docs.catalogue import ui
from ocop_docs.cli.language import current_language


class FiniteFloat(click.ParamType):  # type: ignore[type-arg]  # generic only in newer Click
    """A finite float in ``[low, high]``."""

    name = "float"

    def __init__(self, low: float, high: float) -> None:
        self.low, self.high = low, high

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> float:
        lang = current_language()
        try:
            number = float(value)
        except (TypeError, ValueError, OverflowError):
            self.fail(ui("cli.number_invalid", lang, value=value), param, ctx)
        if not math.isfinite(number):
            self.fail(ui("cli.number_invalid", lang, value=value), param, ctx)
        if not self.low <= number <= self.high:
            text = ui(
                "cli.number_range", lang, value=value, low=f"{self.low:g}", high=f"{self.high:g}"
            )
            self.fail(text, param, ctx)
        return number


class BoundedInt(click.ParamType):  # type: ignore[type-arg]
    """A whole number in ``[low, high]``; "3.0" and "1e3" are not whole numbers as typed."""

    name = "integer"

    def __init__(self, low: int, high: int) -> None:
        self.low, self.high = low, high

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        lang = current_language()
        if isinstance(value, int) and not isinstance(value, bool):
            number = value
        else:
            text = str(value).strip()
            if not text.lstrip("+-").isdigit() or len(text) > 12:
                self.fail(ui("cli.integer_invalid", lang, value=value), param, ctx)
            number = int(text)
        if not self.low <= number <= self.high:
            text = ui("cli.number_range", lang, value=value, low=self.low, high=self.high)
            self.fail(text, param, ctx)
        return number


# Bounds of the options; documented in the README ("Limits").
class LookupURL(click.ParamType):  # type: ignore[type-arg]
    """``--tra-cuu URL``: the certificates' public look-up page, http(s) only (issue 12;
    :mod:`ocop_docs.production.lookup`); anything else is a usage error (exit 2)."""

    name = "url"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        from ocop_docs.production.lookup import valid_lookup

        text = str(value).strip()
        if not valid_lookup(text):
            self.fail(ui("cli.lookup_invalid", current_language(), value=value), param, ctx)
        return text


# --tra-cuu of render and batch: the certificates' public look-up page (issue 12).
lookup_option = click.option(
    "--tra-cuu",
    "lookup",
    type=LookupURL(),
    default=None,
    metavar="URL",
    help=(
        "Trang tra cứu công khai (http/https): mỗi giấy chứng nhận in mã QR <URL>/tra-cuu/<số>; "
        "thay giay_chung_nhan.tra_cuu của tệp đợt / the certificates' look-up page."
    ),
)


TIMEOUT_RANGE = (1.0, 86_400.0)  # one second to one day per conversion
JOBS_RANGE = (1, 10_000)  # what is asked; the batch then caps it to the machine

__all__ = ["JOBS_RANGE", "TIMEOUT_RANGE", "BoundedInt", "FiniteFloat"]

"""Charts of the statistics as PNG images, made without a browser (issue 14).

matplotlib with its Agg backend: a pure raster renderer inside the process, no display, no
browser, no network, no JavaScript runtime (Vega-Lite through vl-convert would bring a
bundled V8 and a 100 MB wheel for four bar charts). The font is matplotlib's own DejaVu
Sans, which has every Vietnamese letter, so a chart looks the same on every machine; the
PNG carries no software stamp or date, so the same counts give the same bytes.

Charts: products certified by year and star (stacked bars), products in force at each
year's end (the trend), products in force by commune (horizontal bars: a breakdown
without a map), by product group.
"""

from __future__ import annotations

import functools
import io
from typing import Any

from ocop_docs.registry.model import STARS
from ocop_docs.registry.statistics import Statistics

# Colours of the stars, as on the OCOP logo's palette (dark to light gold), readable in
# grey when printed in black and white.
STAR_COLOURS = {3: "#c9a227", 4: "#a0522d", 5: "#6b1d1d"}
WIDTH_IN = 6.3  # 160 mm: the text width of an A4 page (NĐ 30: 165 mm)
DPI = 150


@functools.cache
def _pyplot() -> Any:
    """pyplot on the Agg backend, set up once per process (importing it costs seconds)."""
    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    plt.rcParams.update(
        {
            "font.family": "DejaVu Sans",
            "font.size": 9,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "svg.hashsalt": "ocop-docs",
        }
    )
    return plt


def _png(fig: Any) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    _pyplot().close(fig)
    return buffer.getvalue()


def _labels(ax: Any, bars: Any) -> None:
    for bar in bars:
        height = bar.get_height()
        if height:
            ax.annotate(
                f"{int(height)}",
                (bar.get_x() + bar.get_width() / 2, bar.get_y() + height / 2),
                ha="center",
                va="center",
                color="white",
                fontsize=8,
                fontweight="bold",
            )


def by_year(stats: Statistics) -> bytes:
    """Products certified each year, stacked by star."""
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(WIDTH_IN, 3.0), layout="constrained")
    years = [str(y) for y in stats.years]
    bottom = [0] * len(years)
    for stars in STARS:
        values = [stats.by_year[y].get(stars, 0) for y in stats.years]
        if not any(values):
            continue
        bars = ax.bar(
            years,
            values,
            bottom=bottom,
            color=STAR_COLOURS[stars],
            label=f"{stars} sao",
            width=0.55,
        )
        _labels(ax, bars)
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    for x, total in enumerate(bottom):
        ax.annotate(str(total), (x, total), ha="center", va="bottom", fontsize=9, fontweight="bold")
    ax.set_ylabel("Số sản phẩm")
    ax.set_title("Sản phẩm được công nhận theo năm và hạng sao", fontsize=10)
    ax.legend(frameon=False, loc="upper left")
    ax.set_ylim(0, max([*bottom, 1]) * 1.2)
    return _png(fig)


def trend(stats: Statistics) -> bytes:
    """Products in force at the end of each year."""
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(WIDTH_IN, 2.6), layout="constrained")
    years = [str(y) for y in stats.years]
    values = [stats.in_force_by_year.get(y, 0) for y in stats.years]
    ax.plot(years, values, marker="o", color="#1f4e79")
    for x, value in enumerate(values):
        ax.annotate(str(value), (x, value), textcoords="offset points", xytext=(0, 6), ha="center")
    ax.set_ylabel("Số sản phẩm")
    ax.set_title("Sản phẩm OCOP còn hiệu lực cuối mỗi năm", fontsize=10)
    ax.set_ylim(0, max([*values, 1]) * 1.25)
    return _png(fig)


def _horizontal(table: dict[str, dict[int, int]], title: str) -> bytes:
    plt = _pyplot()
    labels = list(table)[::-1]
    height = max(1.6, 0.32 * len(labels) + 0.8)
    fig, ax = plt.subplots(figsize=(WIDTH_IN, height), layout="constrained")
    left = [0] * len(labels)
    for stars in STARS:
        values = [table[k].get(stars, 0) for k in labels]
        if not any(values):
            continue
        ax.barh(labels, values, left=left, color=STAR_COLOURS[stars], label=f"{stars} sao")
        left = [a + b for a, b in zip(left, values, strict=True)]
    for y, total in enumerate(left):
        ax.annotate(str(total), (total, y), xytext=(3, 0), textcoords="offset points", va="center")
    ax.set_xlabel("Số sản phẩm")
    fig.suptitle(title, fontsize=10)
    ax.legend(frameon=False, loc="lower right")
    ax.set_xlim(0, max([*left, 1]) * 1.15)
    return _png(fig)


def by_commune(stats: Statistics) -> bytes:
    shown = {k.replace(", tỉnh ", " – "): v for k, v in stats.by_commune.items()}
    return _horizontal(shown, "Còn hiệu lực theo xã, phường")


def by_group(stats: Statistics) -> bytes:
    return _horizontal(stats.by_group, "Còn hiệu lực theo nhóm sản phẩm")


CHARTS = {"theo_nam": by_year, "xu_huong": trend, "theo_xa": by_commune, "theo_nhom": by_group}


def charts(stats: Statistics) -> dict[str, bytes]:
    """Every chart of the report, by the name its template paragraph uses."""
    return {name: make(stats) for name, make in CHARTS.items()}


__all__ = ["CHARTS", "charts"]

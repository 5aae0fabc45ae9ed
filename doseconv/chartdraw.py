"""The drawing of a sensitivity chart (:mod:`doseconv.chart`): a chart a reader gets from the image alone.

Top to bottom: the claim; its verdict in the verdict's colour (the colour the page and the HTML report give it)
with its one-line meaning; what the inputs give, the value the claim needs and DEA's published range, in words;
the plot (the doses against the value nobody published, the claim as a band, the needed value and the published
range as vertical bands, DEA's yearly means as dotted lines whose labels are placed so that none overlaps
another); the key; and the source line. Text is large enough to read on a phone (the image is drawn 6.4 inches
wide, so a phone shows it at about half size). matplotlib is imported only inside :func:`draw`.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from .verdictstyle import style

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure

    from .checker import CheckResult
    from .checker.context import ClaimContext

__all__ = ["LABEL_SIZE", "Lines", "draw"]

#: Font sizes (points): the claim, the verdict and words, the axes and the means' labels.
TITLE_SIZE, TEXT_SIZE, LABEL_SIZE = 16, 13, 12
#: Characters per line of the words above and below the plot.
WRAP = 62
#: Where the plot and the words sit, as fractions of the image's width.
MARGIN, PLOT_LEFT, PLOT_RIGHT = 0.03, 0.21, 0.96
CLAIM_COLOUR = "#fd8d3c"
NEEDED_COLOUR = "#d62728"
RANGE_COLOUR = "#2ca25f"


@dataclass(frozen=True)
class Lines:
    """The words of a chart: what a reader needs from the image alone, each already written out."""

    claim: str
    verdict: str
    facts: tuple[str, ...]  # what the inputs give, what the claim needs, the published range
    source: str


def _show(percent: bool, value: float) -> str:
    """A value on the axis as text, to three significant digits ("9.89%", "2.4 mg", "150,000%")."""
    shown = value * 100 if percent else value
    text = f"{shown:,.0f}" if shown >= 1000 else f"{shown:.3g}"
    return f"{text}%" if percent else f"{text} mg"


def span_text(percent: bool, span: tuple[float, float]) -> str:
    if span[1] == float("inf"):
        return f"{_show(percent, span[0])} or more"
    if _show(percent, span[0]) == _show(percent, span[1]):
        return _show(percent, span[0])
    return f"{_show(percent, span[0])} to {_show(percent, span[1])}"


def _wrapped(text: str, width: int = WRAP) -> str:
    return "\n".join(textwrap.wrap(text, width)) or text


def _means(marks: list[tuple[str, float]], x_max: float) -> list[tuple[float, list[str]]]:
    """DEA's means on the drawn axis, by value (the years that published the same value together)."""
    values: dict[float, list[str]] = {}
    for label, value in marks:
        if value <= x_max:
            values.setdefault(value, []).append(label)
    return sorted(values.items())


def _place_means(ax: Any, renderer: Any, marks: list[tuple[str, float]], percent: bool, x_max: float) -> int:
    """DEA's yearly means as dotted lines, each labelled along the top in the first row where it overlaps no
    other label (labels of equal values are one label); the number of rows used."""
    rows: list[float] = []  # the right edge (pixels) of the last label in each row
    box = ax.get_window_extent(renderer)
    for value, labels in _means(marks, x_max):
        text = ax.text(value, 1.0, f" DEA {', '.join(labels)}: {_show(percent, value)}", fontsize=LABEL_SIZE,
                       ha="left", va="top", color="#333333", transform=ax.get_xaxis_transform(),
                       bbox={"facecolor": "white", "edgecolor": "none", "pad": 1, "alpha": 0.85})  # fmt: skip
        extent = text.get_window_extent(renderer)
        if extent.x1 > box.x1:  # no room on the right: the label ends at its line
            text.set_horizontalalignment("right")
            extent = text.get_window_extent(renderer)
        row = next((i for i, right in enumerate(rows) if extent.x0 > right + 4), len(rows))
        if row == len(rows):
            rows.append(0.0)
        rows[row] = extent.x1
        text.set_y(1.0 - row * (extent.height + 3) / box.height - 0.01)
    return len(rows)


def draw(ctx: ClaimContext, result: CheckResult, axis: Any, lines: Lines) -> Figure:
    """The chart of one claim (``axis``: the chart's :class:`doseconv.chart._Axis`)."""
    import numpy as np
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter

    from .reading.numbers import format_words

    shown = style(result.verdict)
    figure = Figure(figsize=(6.4, 8.8), dpi=120)
    FigureCanvasAgg(figure)  # a renderer to measure the words with, without pyplot
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    ax = figure.add_axes((PLOT_LEFT, 0.3, PLOT_RIGHT - PLOT_LEFT, 0.4))
    claim = figure.text(MARGIN, 1 - MARGIN, _wrapped(lines.claim, 40), fontsize=TITLE_SIZE, weight="bold",
                        va="top", ha="left")  # fmt: skip
    verdict = figure.text(MARGIN + 0.01, _below(figure, claim, renderer, 0.014), _wrapped(lines.verdict, 50),
                          fontsize=TEXT_SIZE, va="top", ha="left", weight="bold",
                          bbox={"facecolor": shown.fill, "edgecolor": shown.edge, "boxstyle": "round,pad=0.4",
                                "linewidth": 2})  # fmt: skip
    facts = figure.text(MARGIN, _below(figure, verdict, renderer, 0.022),
                        "\n".join(_wrapped(fact, 64) for fact in lines.facts), fontsize=TEXT_SIZE - 1, va="top",
                        ha="left", linespacing=1.3)  # fmt: skip
    plot_top = _below(figure, facts, renderer, 0.035)

    x_max = axis.x_max_shown
    xs = np.linspace(0, x_max, 200)
    doses = lambda line: line[0] + line[1] * xs  # noqa: E731
    ax.fill_between(xs, doses(axis.low), doses(axis.high), color="#9ecae1", alpha=0.5, label="the inputs, as rounded")
    ax.plot(xs, doses(axis.mid), color="#08519c", linewidth=2, label=f"doses from {axis.inputs_text}")
    claimed = result.claimed
    ax.axhspan(float(claimed.low), float(claimed.high), color=CLAIM_COLOUR, alpha=0.45,
               label=f"the claim: {axis.claim_text}")  # fmt: skip
    ax.axhline(float(claimed.mid), color=CLAIM_COLOUR, linewidth=1.5)
    if axis.band is not None and axis.band[0] <= x_max:
        ax.axvspan(axis.band[0], min(axis.band[1], x_max), color=RANGE_COLOUR, alpha=0.18,
                   label="DEA's published range")  # fmt: skip
    needed = axis.needed
    if needed is not None and needed[0] <= x_max:
        right = min(needed[1], x_max)
        ax.axvspan(needed[0], max(right, needed[0] + x_max / 300), color=NEEDED_COLOUR, alpha=0.3,
                   label=f"{axis.name} the claim needs: {span_text(axis.percent, needed)}")  # fmt: skip
    if axis.used is not None and axis.used <= x_max:
        ax.axvline(axis.used, color="#08519c", linestyle="--", linewidth=1.2, label=axis.used_label)
    for index, (value, _) in enumerate(_means(axis.marks, x_max)):
        ax.axvline(value, color="#555555", linestyle=":", linewidth=1.2,
                   label="DEA's published yearly means" if index == 0 else None)  # fmt: skip
    ax.set_xlim(0, x_max)
    ax.set_xlabel(axis.label, fontsize=TEXT_SIZE)
    if axis.percent:
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v * 100:g}"))
    ax.set_ylabel(f"Lethal doses ({format_words(ctx.lethal, 2)} mg each)", fontsize=TEXT_SIZE)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: format_words(Fraction(max(v, 0)).limit_denominator(), 1)))
    ax.tick_params(labelsize=LABEL_SIZE)
    top = max(float(claimed.high), float(np.max(doses(axis.high))))
    ax.set_ylim(0, top * 1.05)
    source = figure.text(MARGIN, MARGIN, _wrapped(lines.source, 80), fontsize=LABEL_SIZE - 2, color="#333333",
                         va="bottom", ha="left")  # fmt: skip
    handles, labels = ax.get_legend_handles_labels()
    source_top = source.get_window_extent(renderer).y1 / figure.bbox.height
    key = figure.legend(handles, labels, loc="lower left", ncols=1, fontsize=LABEL_SIZE - 1, frameon=False,
                        bbox_to_anchor=(MARGIN, source_top + 0.01), borderaxespad=0, handlelength=1.6,
                        labelspacing=0.3)  # fmt: skip
    key_top = key.get_window_extent(renderer).y1 / figure.bbox.height
    axis_words = (LABEL_SIZE + TEXT_SIZE) * 2.1 / 72 * figure.dpi / figure.bbox.height  # ticks and the x label
    bottom = key_top + axis_words + 0.01
    ax.set_position((PLOT_LEFT, bottom, PLOT_RIGHT - PLOT_LEFT, max(plot_top - bottom, 0.2)))
    _label_means(ax, renderer, axis, x_max, top)
    if needed is not None and needed[0] > x_max:
        ax.text(0.98, 0.5, _wrapped(f"the claim needs {span_text(axis.percent, needed)}, beyond this chart", 30),
                transform=ax.transAxes, ha="right", va="center", fontsize=LABEL_SIZE, color=NEEDED_COLOUR,
                bbox={"facecolor": "white", "edgecolor": NEEDED_COLOUR, "pad": 3})  # fmt: skip
    return figure


def _label_means(ax: Any, renderer: Any, axis: Any, x_max: float, top: float) -> None:
    """DEA's means labelled along the top (once the plot has its size), with room above the data for them."""
    rows = _place_means(ax, renderer, axis.marks, axis.percent, x_max)
    if rows:
        label_height = LABEL_SIZE * 1.45 / 72 * ax.figure.dpi / ax.get_window_extent(renderer).height
        ax.set_ylim(0, top * 1.05 / max(1 - rows * label_height - 0.03, 0.4))


def _below(figure: Any, text: Any, renderer: Any, gap: float) -> float:
    """The height (a fraction of the figure) just below ``text``, less ``gap``."""
    return float(text.get_window_extent(renderer).y0 / figure.bbox.height - gap)

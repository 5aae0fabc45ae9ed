"""A sensitivity chart for one claim: the doses its inputs make against the parameter nobody published.

With powder, the doses are drawn against the powder's purity; with pills alone, against the
fentanyl in each pill (mg); with pills given by weight, against the fentanyl share of their
weight. The claim's interval is a horizontal band, DEA's yearly means (from the bundled sets) are
marked, and the value the claim needs is highlighted. matplotlib is imported only here, inside the
functions (the ``chart`` extra); the figure is built without pyplot, so it never touches a
notebook's or a server's backend.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any, Unpack

from .assumptions import SetChoice, load_set, set_names
from .errors import InputError
from .overrides import OverrideArgs, Overrides

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure

    from .checker import CheckResult
    from .checker.context import ClaimContext, FigureInput

__all__ = ["CHART_FORMATS", "chart_bytes", "chart_format", "chart_svg", "save_chart", "sensitivity_chart"]

#: File formats a chart is written in.
CHART_FORMATS = ("png", "svg")

#: Pixels per inch of a PNG chart.
DPI = 120


def _require_matplotlib() -> None:
    import importlib.util

    if importlib.util.find_spec("matplotlib") is None:
        raise InputError(
            "drawing a chart needs matplotlib, which is not installed; install it with: pip install 'doseconv[chart]'"
        )


@dataclass(frozen=True)
class _Axis:
    """What the chart varies: its label, how to show a value, the DEA means to mark, and the doses line."""

    name: str  # in plain words
    label: str  # the x axis
    percent: bool
    marks: list[tuple[str, float]]  # (label, value)
    low: tuple[float, float]  # doses = a + b * x, the lower reading of the inputs
    mid: tuple[float, float]  # at the stated figures
    high: tuple[float, float]  # the upper reading
    x_max: float
    inputs_text: str


def _dea_means(parameter: str) -> list[tuple[str, float]]:
    """(year label, value) of every bundled DEA set publishing ``parameter``."""
    marks = []
    for name in set_names():
        if name == "pure":
            continue
        value = load_set(name).parameter(parameter).value
        if value is not None:
            marks.append((name.removeprefix("dea-").upper(), float(value)))
    return marks


def _axis(ctx: ClaimContext) -> _Axis:
    from .checker.arithmetic import pill_doses

    lethal = ctx.lethal
    pills, powder = ctx.pills, ctx.powder
    text = " and ".join(repr(f.text) for f in (pills, powder) if f is not None)
    if powder is not None:
        fixed = pill_doses(ctx)
        if fixed is None:
            raise InputError(f"set {ctx.chosen.name!r} gives no doses per pill for the pills; choose another set")
        mass = ctx.mass_mg(powder)
        central_mg = powder.amount.value * (mass.high / ctx.read(powder).high if mass.high else 0)
        central_fixed = (fixed.low + fixed.high) / 2
        return _Axis(
            "purity of the powder", "Fentanyl purity of the powder (%)", True, _dea_means("powder_purity"),
            (float(fixed.low), float(mass.low / lethal)), (float(central_fixed), float(central_mg / lethal)),
            (float(fixed.high), float(mass.high / lethal)), 1.0, text,
        )  # fmt: skip
    assert pills is not None
    if pills.kind == "mass":
        mass = ctx.mass_mg(pills)
        mid = mass.high * pills.amount.value / ctx.read(pills).high
        return _Axis(
            "fentanyl share of the pills' weight", "Fentanyl share of the pills' weight (%)", True, [],
            (0.0, float(mass.low / lethal)), (0.0, float(mid / lethal)), (0.0, float(mass.high / lethal)), 1.0, text,
        )  # fmt: skip
    count = ctx.read(pills)
    top = float(ctx.pill_mass) if ctx.pill_mass is not None else 10.0
    return _Axis(
        "fentanyl in each pill", "Fentanyl in each pill (mg)", False, _dea_means("pill_content"),
        (0.0, float(count.low / lethal)), (0.0, float(pills.amount.value / lethal)), (0.0, float(count.high / lethal)),
        top, text,
    )  # fmt: skip


def _needed(result: CheckResult) -> tuple[float, float] | None:
    """The value the claim needs, on the chart's axis (mg per pill for doses per pill)."""
    implied = result.implied
    if implied is None or implied.interval is None:
        return None
    scale = implied.lethal_dose_mg if implied.parameter == "doses_per_pill" else Fraction(1)
    low = float(implied.interval.low * scale)
    high = float("inf") if implied.unbounded else float(implied.interval.high * scale)
    return low, high


def _show(axis: _Axis, value: float) -> str:
    """A value on the axis as text, to three significant digits ("9.89%", "2.4 mg", "150,000%")."""
    shown = value * 100 if axis.percent else value
    text = f"{shown:,.0f}" if shown >= 1000 else f"{shown:.3g}"
    return f"{text}%" if axis.percent else f"{text} mg"


def sensitivity_chart(
    pills: FigureInput = None,
    powder: FigureInput = None,
    claim: FigureInput = None,
    *,
    assumptions: SetChoice = None,
    overrides: Overrides | None = None,
    pill_model: str | None = None,
    reading: str = "lenient",
    scale: str = "aggregate",
    **given: Unpack[OverrideArgs],
) -> Figure:
    """A matplotlib Figure of the doses a claim's inputs make against the value nobody published.

    Arguments are those of :func:`doseconv.check`. In a notebook the figure shows itself; save it
    with :func:`save_chart` or ``figure.savefig``.

    >>> figure = sensitivity_chart("nearly 44 million pills", "more than 6,500 pounds", "nearly 193 million doses")
    >>> figure.axes[0].get_xlabel()
    'Fentanyl purity of the powder (%)'
    """
    _require_matplotlib()
    from .checker import check
    from .checker.context import build_context

    options: dict[str, Any] = {
        "assumptions": assumptions, "overrides": Overrides.of(overrides, **given), "pill_model": pill_model,
        "reading": reading, "scale": scale,
    }  # fmt: skip
    ctx = build_context(pills, powder, claim, **options)
    if not ctx.has_inputs:
        raise InputError("a chart needs pills or powder to draw the doses they make")
    result = check(ctx.pills, ctx.powder, ctx.claim, **options)
    return _draw(ctx, result, _axis(ctx))


def _draw(ctx: ClaimContext, result: CheckResult, axis: _Axis) -> Figure:
    import numpy as np
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter

    from .reading.numbers import format_words

    needed = _needed(result)
    x_max = _x_max(axis, needed)
    xs = np.linspace(0, x_max, 200)
    figure = Figure(figsize=(8, 5.6), layout="constrained")
    ax = figure.add_subplot()
    lethal = format_words(ctx.lethal, 2)
    doses = lambda line: line[0] + line[1] * xs  # noqa: E731
    ax.fill_between(xs, doses(axis.low), doses(axis.high), color="#9ecae1", alpha=0.5, label="the inputs, as rounded")
    ax.plot(xs, doses(axis.mid), color="#08519c", label=f"doses from {axis.inputs_text}")
    claimed = result.claimed
    ax.axhspan(float(claimed.low), float(claimed.high), color="#fd8d3c", alpha=0.45,
               label=f"the claim: {ctx.claim.text!r}")  # fmt: skip
    ax.axhline(float(claimed.mid), color="#fd8d3c", linewidth=1.5)
    if needed is not None and needed[0] <= x_max:
        right = min(needed[1], x_max)
        ax.axvspan(needed[0], max(right, needed[0] + x_max / 300), color="#d62728", alpha=0.3,
                   label=f"{axis.name} the claim needs: {_needed_text(axis, needed)}")  # fmt: skip
    _mark_means(ax, axis, x_max)
    ax.set_xlim(0, x_max)
    ax.set_ylim(bottom=0)
    ax.set_xlabel(axis.label)
    if axis.percent:
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v * 100:g}"))
    ax.set_ylabel(f"Potentially lethal doses ({lethal} mg each)")
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: format_words(Fraction(max(v, 0)).limit_denominator(), 1)))
    title = f"Is {ctx.claim.text!r} right? Doses by {axis.name}"
    ax.set_title(title)
    figure.legend(loc="outside lower center", ncols=2, fontsize=8, frameon=False)
    if needed is not None and needed[0] > x_max:
        ax.text(0.99, 0.02, f"the claim needs {_needed_text(axis, needed)}, beyond this chart", transform=ax.transAxes,
                ha="right", fontsize=8, color="#d62728")  # fmt: skip
    return figure


def _x_max(axis: _Axis, needed: tuple[float, float] | None) -> float:
    """Enough of the axis to show DEA's means and the value the claim needs (when it is on the axis at all)."""
    candidates = [value for _, value in axis.marks]
    if needed is not None and needed[0] <= axis.x_max:
        candidates.append(needed[1] if needed[1] <= axis.x_max else needed[0])
    if not candidates:
        return axis.x_max
    return min(axis.x_max, max(1.3 * max(candidates), 0.05 if axis.percent else 1.0))


def _mark_means(ax: Any, axis: _Axis, x_max: float) -> None:
    """DEA's yearly means as dotted lines, labelled along the top, staggered where they crowd."""
    shown = sorted((value, label) for label, value in axis.marks if value <= x_max)
    for index, (value, label) in enumerate(shown):
        ax.axvline(value, color="#555555", linestyle=":", linewidth=1,
                   label="DEA's published yearly means" if index == 0 else None)  # fmt: skip
        ax.text(value, 0.99 - 0.16 * (index % 3), f"DEA {label}: {_show(axis, value)}", rotation=90, fontsize=7,
                ha="right", va="top", color="#333333", transform=ax.get_xaxis_transform())  # fmt: skip


def _needed_text(axis: _Axis, needed: tuple[float, float]) -> str:
    if needed[1] == float("inf"):
        return f"{_show(axis, needed[0])} or more"
    if _show(axis, needed[0]) == _show(axis, needed[1]):
        return _show(axis, needed[0])
    return f"{_show(axis, needed[0])} to {_show(axis, needed[1])}"


def chart_format(path: str | Path, chosen: str | None = None) -> str:
    """The format a chart is written in: ``chosen``, else the path's suffix (PNG for ``-``, standard output).

    >>> chart_format("claim.SVG"), chart_format("-"), chart_format("-", "svg")
    ('svg', 'png', 'svg')
    """
    kind = chosen or ("png" if str(path) == "-" else Path(path).suffix.lower().lstrip("."))
    if kind not in CHART_FORMATS:
        raise InputError(f"cannot write a chart as {kind or '(no suffix)'!r}; name a .png or .svg file")
    return kind


def chart_bytes(figure: Figure, kind: str = "png") -> bytes:
    """The chart as a PNG or SVG file's bytes."""
    buffer = io.BytesIO()
    with _text_as_text():
        figure.savefig(buffer, format=chart_format("-", kind), dpi=DPI)
    return buffer.getvalue()


def save_chart(figure: Figure, path: str | Path, output: str | None = None) -> None:
    """Write a chart to ``path`` as PNG or SVG (from the suffix, or ``output``), whole or not at all."""
    from .outputs import write_output

    write_output(path, chart_bytes(figure, chart_format(path, output)))


def chart_svg(figure: Figure) -> str:
    """The chart as an SVG document (text), to embed in a web page.

    >>> chart_svg(sensitivity_chart(None, "10 kg", "500,000 doses")).startswith("<?xml")
    True
    """
    buffer = io.StringIO()
    with _text_as_text():
        figure.savefig(buffer, format="svg")
    return buffer.getvalue()


def _text_as_text() -> Any:
    """SVG text kept as text (searchable, smaller, readable by screen readers), not drawn as paths."""
    import matplotlib

    return matplotlib.rc_context({"svg.fonttype": "none"})

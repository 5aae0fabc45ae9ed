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
from dataclasses import dataclass, replace
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any, Unpack

from .assumptions import SetChoice, load_set, set_names
from .chartdraw import Lines, span_text
from .errors import InputError
from .overrides import OverrideArgs, Overrides
from .verdictstyle import style

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
    # Set once the claim is checked: the value it needs, DEA's published range, the value the check used
    # (the set's or the caller's), all on this axis, and how much of the axis is drawn.
    needed: tuple[float, float] | None = None
    band: tuple[float, float] | None = None
    used: float | None = None
    used_label: str = ""
    x_max_shown: float = 1.0
    claim_text: str = ""


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


def _on_axis(implied: Any, low: Fraction, high: Fraction | None) -> tuple[float, float]:
    """Values of the implied parameter on the chart's axis (mg per pill for doses per pill)."""
    scale = implied.lethal_dose_mg if implied.parameter == "doses_per_pill" else Fraction(1)
    return float(low * scale), float("inf") if high is None else float(high * scale)


def _placed(ctx: ClaimContext, result: CheckResult, axis: _Axis) -> _Axis:
    """The axis with what the check found on it: the needed value, the published range, the value used."""
    implied = result.implied
    needed = band = None
    if implied is not None and implied.interval is not None:
        needed = _on_axis(implied, implied.interval.low, None if implied.unbounded else implied.interval.high)
    if implied is not None and implied.band is not None:
        band = _on_axis(implied, implied.band.low, implied.band.high)
    used, label = None, ""
    given = "given" if result.assumptions.overridden else "the set's"
    if ctx.powder is not None and ctx.purity is not None:
        used, label = float(ctx.purity), f"purity used ({given}): {span_text(True, (float(ctx.purity),) * 2)}"
    elif ctx.pills is not None and ctx.pills.kind != "mass" and ctx.per_pill is not None:
        mg = float(ctx.per_pill * ctx.lethal)
        used, label = mg, f"fentanyl per pill used ({result.pill_model}): {span_text(False, (mg, mg))}"
    placed = replace(axis, needed=needed, band=band, used=used, used_label=label, claim_text=repr(ctx.claim.text))
    return replace(placed, x_max_shown=_x_max(placed))


def _lines(ctx: ClaimContext, result: CheckResult) -> Lines:
    """The chart's words: the claim, the verdict, what the inputs give and the claim needs, the source."""
    from .reading.numbers import format_words

    chosen = result.assumptions
    if result.computed is not None:
        low, high = result.computed.low, result.computed.high
        amount = format_words(low, 2) if low == high else f"{format_words(low, 2)} to {format_words(high, 2)}"
        facts = [f"The inputs give: {amount} doses ({chosen.name})"]
    else:
        facts = [f"The inputs give: no total under {chosen.name} (a value it needs is not published)"]
    implied = result.implied
    if implied is not None:
        facts.append(f"The claim needs: {implied.describe()}")
        if implied.band is not None:
            facts.append(
                f"DEA's published range: {implied.show(implied.band.low)} to {implied.show(implied.band.high)}"
            )
    publishers = list(dict.fromkeys(s.publisher for s in chosen.sources))
    publishers.sort(key=lambda p: "Drug Enforcement Administration" not in p)  # DEA, the figures' origin, first
    more = f" and {len(publishers) - 1} more" if len(publishers) > 1 else ""
    source = (
        f"Source: {chosen.label}, from {publishers[0] if publishers else 'no publisher'}{more} "
        f"(every source: doseconv assumptions {chosen.name}). Checked with doseconv."
    )
    return Lines(f"Claim: \u201c{ctx.claim.text}\u201d", style(result.verdict).sentence, tuple(facts), source)


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
    from .chartdraw import draw

    return draw(ctx, result, _placed(ctx, result, _axis(ctx)), _lines(ctx, result))


def _x_max(axis: _Axis) -> float:
    """Enough of the axis to show DEA's means, the published range, the value used and the value the claim needs
    (when it is on the axis at all)."""
    candidates = [value for _, value in axis.marks]
    if axis.band is not None and axis.band[1] <= axis.x_max:
        candidates.append(axis.band[1])
    if axis.used is not None and axis.used <= axis.x_max:
        candidates.append(axis.used)
    if axis.needed is not None and axis.needed[0] <= axis.x_max:
        candidates.append(axis.needed[1] if axis.needed[1] <= axis.x_max else axis.needed[0])
    if not candidates:
        return axis.x_max
    return min(axis.x_max, max(1.3 * max(candidates), 0.05 if axis.percent else 1.0))


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

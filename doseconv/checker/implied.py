"""The implied value: the parameter a claim needs to be true, back-solved from its stated figures."""

from __future__ import annotations

from fractions import Fraction

from ..intervals import Interval
from .arithmetic import pill_doses, solve, tolerant_mass_mg
from .bands import band_for
from .context import ClaimContext
from .results import Implied

__all__ = ["implied_value"]


def implied_value(ctx: ClaimContext) -> Implied | None:
    """The powder purity (with powder), the pills' fentanyl share (pills by weight) or doses per pill it needs.

    None when nothing is stated or the set lacks a value the back-solve needs.
    """
    lethal = ctx.lethal
    if ctx.powder is not None:
        fixed = pill_doses(ctx)
        if fixed is None:
            return None
        interval, unbounded = solve(ctx.claimed, fixed, ctx.mass_mg(ctx.powder) / lethal)
        tolerant, _ = solve(ctx.claimed, fixed, tolerant_mass_mg(ctx, ctx.powder) / lethal)
        return Implied(
            "powder_purity", interval, unbounded, ctx.purity, band_for("powder_purity", ctx.chosen, ctx.scale),
            Fraction(1), lethal, tolerant.low if tolerant else None,
        )  # fmt: skip
    pills = ctx.pills
    if pills is None:
        return None
    nothing = Interval.point(0)
    if pills.kind == "mass":
        interval, unbounded = solve(ctx.claimed, nothing, ctx.mass_mg(pills) / lethal)
        tolerant, _ = solve(ctx.claimed, nothing, tolerant_mass_mg(ctx, pills) / lethal)
        low = tolerant.low if tolerant else None
        return Implied("pill_purity", interval, unbounded, None, None, Fraction(1), lethal, low)
    interval, unbounded = solve(ctx.claimed, nothing, ctx.read(pills))
    physical = ctx.pill_mass / lethal if ctx.pill_mass is not None else None
    # Compared with the lab's mean content, whatever the pill model: the physical question is
    # how much fentanyl a pill would have to hold.
    content = ctx.chosen.pill_content.value
    mean = content / lethal if content is not None else None
    band = band_for("doses_per_pill", ctx.chosen, ctx.scale)
    return Implied("doses_per_pill", interval, unbounded, mean, band, physical, lethal)

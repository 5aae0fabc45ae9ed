"""The second tier of the diagnosis: a way of counting that gives the claim once rounded or truncated to its step.

A writer who computed 10.66 million doses and wrote "10 million", or 3.27 billion and wrote "more than 3
billion", rounded or truncated the figure to the claim's own written step (the unit of its last
significant digit, here a million and a billion). Such a row does not reproduce the claim's interval, but
it reproduces the claim as written: the second tier. The step is the claim's own, or the precision its
inputs carry when that is coarser (a total made from "612 pounds" is known to three digits, so a claim of
138,512,004 doses agrees with the pure count, 138.8 million, to the digits the inputs give). The direction
follows the words: "nearly X" and "up to X" round up to X, "more than X" and "at least X" truncate down to
X, a bare or "about" figure may be rounded either way or truncated. No tolerance beyond the written steps.

A claim that states a floor ("enough to kill every American six times over") is reproduced at this tier by
a count of the mass as pure whose multiple of the population, truncated to the step of the multiple
written, is the claim's (6.7 times truncated to six): the ceiling the claim took.
"""

from __future__ import annotations

from fractions import Fraction
from math import ceil, floor

from ..intervals import Interval
from ..reading.stated import StatedFigure
from .arithmetic import Recipe, total
from .context import ClaimContext
from .population import population_claim_of

__all__ = ["FLOOR_NOTE", "INPUTS_NOTE", "ROUNDED_NOTE", "TRUNCATED_NOTE", "near_note", "step_of_claim"]

ROUNDED_NOTE = "rounded to the claim's step"
TRUNCATED_NOTE = "truncated to the claim's step"
INPUTS_NOTE = "agrees with the claim to the precision of the stated amounts"
FLOOR_NOTE = "reaches the floor the claim states, truncated to the step of its multiple"
_UP = frozenset({"nearly", "up_to", "less_than"})
_DOWN = frozenset({"more_than", "at_least"})
_EITHER = frozenset({"none", "about"})


def _digits(figure: StatedFigure) -> int:
    """How many significant digits a stated figure carries (its value over its step, as a count of digits)."""
    ratio = figure.amount.value / figure.step
    return max(1, len(str(floor(ratio)))) if ratio >= 1 else 1


def _power_below(value: Fraction) -> Fraction:
    """The largest power of ten at or below ``value`` (> 0)."""
    power = Fraction(10) ** (len(str(floor(value))) - 1) if value >= 1 else Fraction(1)
    while power > value:
        power /= 10
    while power * 10 <= value:
        power *= 10
    return power


def step_of_claim(ctx: ClaimContext, value: Fraction) -> Fraction:
    """The step a row's figure ``value`` is compared at: the claim's own written step, or the precision of the
    stated inputs (their fewest significant digits) at the figure's size, whichever is coarser."""
    step = ctx.claim.step
    inputs = [f for f in (ctx.pills, ctx.powder) if f is not None and f.qualifier != "exact"]  # exact: no rounding
    if inputs and value > 0:
        digits = min(_digits(f) for f in inputs)
        step = max(step, _power_below(value) / 10 ** (digits - 1))
    return step


def near_note(ctx: ClaimContext, value: Fraction | None, interval: Interval | None, *, pure: bool = False) -> str:
    """The note of a row of the second tier ("" when the row is not one): how its figure gives the claim.

    A floor is reached only by a row that counts the seized mass as pure (``pure``): the ceiling the claim took.
    """
    if value is None or interval is None or value <= 0:
        return ""
    claim = ctx.claim
    floor_claim = population_claim_of(ctx)
    if (
        floor_claim is not None and floor_claim.floor
    ):  # a floor: the pure count that reaches it, to the step of the multiple written
        if not pure or interval.high < ctx.claimed.low:
            return ""
        own = total(Recipe(ctx.per_pill, ctx.purity, ctx.lethal), ctx)
        if own is not None and own.high >= ctx.claimed.low:
            return ""  # the set's own figure reaches it
        multiple = floor_claim.multiple
        step = multiple.high - multiple.low or Fraction(1)
        stated = floor_claim.stated  # the phrase's own count of people, when it gives one
        people = stated.amount.value if stated is not None else Fraction(floor_claim.population.value)
        times = value / people  # "six times over" is 5.5 to 6.5: a step of one
        return FLOOR_NOTE if Fraction(floor(times / step)) * step == multiple.mid else ""
    if floor_claim is not None:
        return ""  # a count of people of a place ("750,000 Delawareans") is read as it is
    qualifier = claim.qualifier
    if claim.upper is not None or qualifier not in _UP | _DOWN | _EITHER:
        return ""
    step = step_of_claim(ctx, value)
    shown = claim.amount.value
    if step > claim.step:  # the claim too is read at the coarser step its inputs allow
        shown = Fraction(floor(shown / step)) * step if qualifier not in _UP else Fraction(ceil(shown / step)) * step
    down = Fraction(floor(value / step)) * step
    up = Fraction(ceil(value / step)) * step
    nearest = Fraction(floor(value / step + Fraction(1, 2))) * step
    rounded, truncated = (INPUTS_NOTE, INPUTS_NOTE) if step > claim.step else (ROUNDED_NOTE, TRUNCATED_NOTE)
    if qualifier in _DOWN:
        return truncated if down == shown and value >= claim.amount.value else ""
    if qualifier in _UP:
        return rounded if up == shown and value <= claim.amount.value else ""
    if nearest == shown:
        return rounded
    return truncated if down == shown else ""

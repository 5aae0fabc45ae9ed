"""Interval arithmetic of a recipe: the total doses a way of counting gives for a claim's stated figures.

Every stated figure is an interval (see :mod:`doseconv.reading.stated`); a :class:`Recipe` turns the
pills and powder into doses. :func:`solve` back-solves the parameter that makes a claim true.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction

from ..intervals import Interval
from ..reading.stated import StatedFigure
from ..registry import unit_factor
from .context import ClaimContext

__all__ = [
    "ROUNDED_FACTOR_REACH",
    "ROUNDED_POUND_MG",
    "Recipe",
    "central",
    "pill_doses",
    "pound_factors",
    "scaled_onto",
    "solve",
    "tolerant_mass_mg",
    "total",
]

#: Rounded pound factors reporters use (1 kg = 2.2 lb, 2.2046 lb), in mg per lb, beside the exact one.
ROUNDED_POUND_MG = {
    "1 kg = 2.2 lb": Fraction(10**6) / Fraction("2.2"),
    "1 kg = 2.2046 lb": Fraction(10**6) / Fraction("2.2046"),
}

#: How far (relative) a rounded pound factor can move a total: 1 kg = 2.2 lb is 0.21 % off; 1 % is ample.
ROUNDED_FACTOR_REACH = Fraction(1, 100)


@dataclass(frozen=True)
class Recipe:
    """How to make a total: doses per pill, powder purity, lethal dose, and whether pill weight is drug."""

    per_pill: Fraction | None
    purity: Fraction | None
    lethal: Fraction
    pill_weight_as_drug: bool = False
    include_powder: bool = True
    multiplier: Fraction = Fraction(1)


def tolerant_mass_mg(ctx: ClaimContext, figure: StatedFigure) -> Interval:
    """The mass interval widened to take in the rounded pound factors reporters use."""
    interval = ctx.mass_mg(figure)
    if figure.amount.unit == "pound":
        for factor in ROUNDED_POUND_MG.values():
            interval = interval.hull(ctx.mass_mg(figure, factor))
    return interval


def pound_factors(*figures: StatedFigure | None) -> tuple[tuple[str, Fraction | None], ...]:
    """The exact factor, plus the rounded ones when a figure is stated in pounds."""
    for f in figures:
        if f is not None and f.kind == "mass" and f.amount.unit == "pound":
            return _WITH_POUNDS
    return _EXACT_ONLY


_EXACT_ONLY: tuple[tuple[str, Fraction | None], ...] = (("", None),)
_WITH_POUNDS: tuple[tuple[str, Fraction | None], ...] = (("", None), *ROUNDED_POUND_MG.items())


def _pill_total(recipe: Recipe, ctx: ClaimContext, pills: StatedFigure, lb_mg: Fraction | None) -> Interval | None:
    if pills.kind == "mass":
        mass = ctx.mass_mg(pills, lb_mg if pills.amount.unit == "pound" else None)
        if recipe.pill_weight_as_drug:
            return mass / recipe.lethal
        if ctx.pill_mass is None or recipe.per_pill is None:
            return None
        return (mass / ctx.pill_mass) * recipe.per_pill
    count = ctx.read(pills)
    if recipe.pill_weight_as_drug:
        if ctx.pill_mass is None:
            return None
        return count * (ctx.pill_mass / recipe.lethal)  # type: ignore[arg-type]
    if recipe.per_pill is None:
        return None
    return count * recipe.per_pill  # type: ignore[arg-type]


def _powder_doses(
    ctx: ClaimContext, powder: StatedFigure, purity: Fraction, lethal: Fraction, lb_mg: Fraction | None
) -> Interval:
    """The powder's doses at ``purity`` and ``lethal`` (most ways of counting share them: made once a claim)."""

    def make() -> Interval:
        return ctx.mass_mg(powder, lb_mg if powder.amount.unit == "pound" else None) * (purity / lethal)

    return ctx.once("powder doses", (purity, lethal, lb_mg), make)


def total(recipe: Recipe, ctx: ClaimContext, lb_mg: Fraction | None = None) -> Interval | None:
    """The total doses a recipe gives for the stated figures, or None when it cannot be made."""
    result: Interval | None = None
    if ctx.pills is not None:
        result = _pill_total(recipe, ctx, ctx.pills, lb_mg)
        if result is None:
            return None
    if ctx.powder is not None and recipe.include_powder:
        if recipe.purity is None:
            return None
        powder = _powder_doses(ctx, ctx.powder, recipe.purity, recipe.lethal, lb_mg)
        result = powder if result is None else result + powder
    if result is None:
        return Interval.point(0)
    return result * recipe.multiplier


def _central_pills(recipe: Recipe, ctx: ClaimContext, pills: StatedFigure) -> Fraction | None:
    x = pills.amount.value
    if pills.kind == "mass":
        mg = x * unit_factor(pills.amount.unit, "milligram")
        if recipe.pill_weight_as_drug:
            return mg / recipe.lethal
        if ctx.pill_mass is None or recipe.per_pill is None:
            return None
        return mg / ctx.pill_mass * recipe.per_pill
    if recipe.pill_weight_as_drug:
        return None if ctx.pill_mass is None else x * ctx.pill_mass / recipe.lethal
    return None if recipe.per_pill is None else x * recipe.per_pill


def central(recipe: Recipe, ctx: ClaimContext) -> Fraction | None:
    """The recipe's figure at the stated central values."""
    result: Fraction | None = None
    if ctx.pills is not None:
        result = _central_pills(recipe, ctx, ctx.pills)
        if result is None:
            return None
    if ctx.powder is not None and recipe.include_powder:
        if recipe.purity is None:
            return None
        amount, purity, lethal = ctx.powder.amount, recipe.purity, recipe.lethal

        def make() -> Fraction:
            return amount.value * unit_factor(amount.unit, "milligram") * purity / lethal

        doses = ctx.once("powder central", (purity, lethal), make)
        result = doses if result is None else result + doses
    if result is None:
        return Fraction(0)
    multiplier = recipe.multiplier
    return result if multiplier.numerator == multiplier.denominator else result * multiplier


def pill_doses(ctx: ClaimContext) -> Interval | None:
    """The doses of the stated pills under the pill model (zero without pills; None when it cannot be made)."""
    pills = ctx.pills
    if pills is None:
        return Interval.point(0)
    if ctx.per_pill is None:
        return None
    if pills.kind == "mass":
        if ctx.pill_mass is None:
            return None
        return (ctx.mass_mg(pills) / ctx.pill_mass) * ctx.per_pill
    return ctx.read(pills) * ctx.per_pill


def scaled_onto(result: Interval, claimed: Interval) -> Callable[[Fraction], bool]:
    """Whether ``result`` times a multiplier m can meet the claim, its ends aside: claimed.low / result.high <= m
    <= claimed.high / result.low, tested as cross-multiplied whole numbers (an end of 0 needs no division).
    Only a multiplier that passes needs the exact test of the scaled interval against the claim.

    >>> reach = scaled_onto(Interval(Fraction(1), Fraction(2)), Interval(Fraction(10), Fraction(10)))
    >>> reach(Fraction(10)), reach(Fraction(5)), reach(Fraction(100))
    (True, True, False)
    """
    low, high = result.low, result.high
    # m * high >= claimed.low, and m * low <= claimed.high, as numerators and denominators
    floor = claimed.low.numerator * high.denominator, high.numerator * claimed.low.denominator
    ceiling = low.numerator * claimed.high.denominator, claimed.high.numerator * low.denominator

    def reaches(multiplier: Fraction) -> bool:
        p, q = multiplier.numerator, multiplier.denominator
        return floor[0] * q <= p * floor[1] and p * ceiling[0] <= ceiling[1] * q

    return reaches


def solve(claimed: Interval, fixed: Interval, per_unit: Interval) -> tuple[Interval | None, bool]:
    """Values p >= 0 with fixed + per_unit * p overlapping claimed (hull; open ends ignored), and whether unbounded.

    >>> solve(Interval(10, 20), Interval.point(0), Interval.point(2))
    (Interval(low=Fraction(5, 1), high=Fraction(10, 1), low_open=False, high_open=False), False)
    """
    top = claimed.high - fixed.low
    if top < 0:
        return None, False
    bottom = max(claimed.low - fixed.high, Fraction(0))
    if per_unit.high == 0:
        return (Interval.point(0), True) if claimed.low <= fixed.high else (None, False)
    low = bottom / per_unit.high
    if per_unit.low == 0:
        return Interval(low, low), True
    return Interval(low, top / per_unit.low), False

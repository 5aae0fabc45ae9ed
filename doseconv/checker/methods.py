"""The diagnosis: every row of the method table (:mod:`.rows`) that applies, tried on a claim, best first.

The diagnosis tries every row that applies to a claim's figures, and the combinations of rows that
reproduce it (:mod:`.combine`); a new way of making a total is one new row.
"""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction
from math import lcm

from ..intervals import Interval
from .arithmetic import ROUNDED_FACTOR_REACH, Recipe, central, pound_factors, scaled_onto, total
from .combine import combinations, with_dose
from .context import ClaimContext
from .near import near_note
from .results import Diagnosis, Implied
from .rows import METHOD_TABLE, SLIPS, Method, Slip

__all__ = ["METHODS", "METHOD_TABLE", "SLIPS", "Method", "diagnose", "diagnose_pure", "mark_ties"]

_UNPUBLISHED = "a value this method needs is not published in the set"
_ZERO = Fraction(0)


def _base(ctx: ClaimContext) -> Recipe:
    """The set's own recipe (the chosen pill model and purity)."""
    return Recipe(ctx.per_pill, ctx.purity, ctx.lethal)


#: Method name -> plain description; each is tried by the diagnosis.
METHODS: dict[str, str] = {method.name: method.description for method in METHOD_TABLE}


def _applies(method: Method, ctx: ClaimContext) -> bool:
    return not method.needs or getattr(ctx, method.needs) is not None


def diagnose(ctx: ClaimContext, implied: Implied | None) -> list[Diagnosis]:
    """Every method that applies, tried on the claim, and the combinations that reproduce it (see
    :mod:`.combine`); the best reproduction first (the fewest steps, then the nearest figure), then the
    nearest to the claim. A row that reproduces the claim as well as the best says so in its note."""
    if not ctx.has_inputs:
        return []  # nothing to make a total from
    own = total(_base(ctx), ctx)
    tried = []
    for method in METHOD_TABLE:
        if _applies(method, ctx):
            recipe = method.recipe(ctx)
            if not _own_again(method, recipe, ctx, own):
                tried.append(_try(method, ctx, implied, recipe))
    out = _distinct(ctx, tried, own)
    out += combinations(ctx, out, own)
    claimed = ctx.claimed
    mid = claimed.mid
    pure_near = any(d.reproduces and _plain_pure(d) for d in out)

    def order(d: Diagnosis) -> tuple[int, bool, bool, Fraction]:
        # as _rank, with the distance of a row that does not match left unscaled (every such row shares
        # the divisor, so the order and the ties are the same) and the claim's middle found once; a pure count
        # of the second tier ranks above a dose size or a slip that lands near the claim by chance
        if d.matches:
            return (2 if pure_near and _by_chance(d) else 0, *_rank(d, claimed, mid))
        if d.near:
            return (1 if _plain_pure(d) else 3, *_rank(replace(d, matches=True), claimed, mid))
        return (4, True, d.value is None, claimed.distance(d.value) if d.value is not None and claimed.high else _ZERO)

    return mark_ties(sorted(out, key=order), claimed)


def _by_chance(d: Diagnosis) -> bool:
    """Whether a row rests on a dose size or a slip of scale, which land near a claim by chance."""
    return any(row.dose_mg is not None or row.slips for row in d.rows)


def _plain_pure(d: Diagnosis) -> bool:
    """Whether a row counts the seized mass as pure with nothing else changed (the commonest published method)."""
    return d.counts_pure and not _by_chance(d)


#: The pill model -> the row that is the set's own way of counting pills.
_OWN_PILL_ROW = {"one-per-pill": "pills-one-each", "lab-share": "pills-lab-share", "mean-content": "pills-mean-content"}


def _distinct(ctx: ClaimContext, rows: list[Diagnosis], own: Interval | None) -> list[Diagnosis]:
    """The rows that are a way of counting of their own for these figures.

    A row that gives exactly the set's own total is no other explanation of the claim (a dose size
    when each pill counts as one dose and no powder is stated; the powder left out when there is
    none), so it is left out, unless it is the set's own way of counting or it flags a total
    pinned on the pills alone. ``own`` is the set's own total."""
    if own is None:
        return rows
    keep = _kept(ctx)
    return [
        d
        for d in rows
        if d.interval != own or d.method in keep or d.counts_pure or d.note.startswith("the total is pinned")
    ]


def _own_again(method: Method, recipe: Recipe, ctx: ClaimContext, own: Interval | None) -> bool:
    """Whether the method's row is sure to be one :func:`_distinct` leaves out (the set's own total again, and
    neither kept nor able to say the total is pinned on the pills), so that trying it would change nothing:
    a dose size when each pill counts as one dose and no powder is stated."""
    if own is None or method.counts_pure or method.slips or method.name in _kept(ctx):
        return False
    if not recipe.include_powder or recipe.pill_weight_as_drug or recipe.multiplier != 1:
        return False
    if ctx.pills is not None and recipe.per_pill != ctx.per_pill:
        return False
    return ctx.powder is None or (recipe.purity == ctx.purity and recipe.lethal == ctx.lethal)


def _kept(ctx: ClaimContext) -> set[str]:
    """The rows :func:`_distinct` keeps even when they give the set's own total: its own ways of counting."""
    return {"powder-set-purity", _OWN_PILL_ROW.get(ctx.model, "")}


def diagnose_pure(ctx: ClaimContext) -> list[Diagnosis]:
    """Only the rows the verdict needs: the methods that count seized mass as pure, with a dose size on top.

    The same rows, with the same results, as in :func:`diagnose` (which the result builds when read).
    """
    if not ctx.has_inputs:
        return []
    rows = [_try(m, ctx, None) for m in METHOD_TABLE if m.counts_pure and _applies(m, ctx)]
    return rows + [d for d in with_dose(ctx, rows, ceiling_only=True) if d.counts_pure]


def _rank(d: Diagnosis, claimed: Interval, mid: Fraction | None = None) -> tuple[bool, bool, Fraction]:
    """Matches first, the nearest figure first; each step of a combination weighs on its distance, so a
    combination outranks a single method only by coming clearly nearer, and never on a tie."""
    if not d.matches:
        return (True, d.value is None, _distance(d, claimed))
    steps = len(d.rows) - 1
    off = _off(d, claimed, mid)
    return (False, d.value is None, off * (1 + steps) + Fraction(steps, 1000) if steps else off)


def _off(d: Diagnosis, claimed: Interval, mid: Fraction | None = None) -> Fraction:
    """How far a matching method's own figure lies from the middle of the claim, relative to it."""
    mid = claimed.mid if mid is None else mid
    if d.value is None or mid == 0:
        return Fraction(0)
    return abs(d.value - mid) / mid


def mark_ties(ranked: list[Diagnosis], claimed: Interval) -> list[Diagnosis]:
    """Note on each matching row that reproduces the claim exactly as well as the best one."""
    if not ranked or not ranked[0].matches:
        return ranked
    best = ranked[0]
    out = [best]
    for d in ranked[1:]:
        if d.matches and _rank(d, claimed) == _rank(best, claimed):
            tie = f"reproduces the claim as well as {best.method}"
            d = replace(d, note=f"{d.note}; {tie}" if d.note else tie)
        out.append(d)
    return out


def _distance(d: Diagnosis, claimed: Interval) -> Fraction:
    if d.value is None or claimed.high == 0:
        return Fraction(0)
    return claimed.distance(d.value) / claimed.high


def _try(method: Method, ctx: ClaimContext, implied: Implied | None, recipe: Recipe | None = None) -> Diagnosis:
    made = method.recipe(ctx) if recipe is None else recipe
    if method.counts_pure:  # the verdict tries these first (diagnose_pure); the implied value plays no part
        return ctx.once("method", (method,), lambda: _tried(method, made, ctx, implied))
    return _tried(method, made, ctx, implied)


def _tried(method: Method, recipe: Recipe, ctx: ClaimContext, implied: Implied | None) -> Diagnosis:
    if method.slips:
        return _best_multiple(method, recipe, ctx)
    pills = ctx.pills
    if recipe.pill_weight_as_drug and pills is not None and pills.kind != "mass" and ctx.pill_mass is None:
        return Diagnosis((method,), None, False, "pills are counted, not weighed, and no pill weight is known")
    found = _match(recipe, ctx)
    if found is None:
        return Diagnosis((method,), None, False, _UNPUBLISHED)
    factor, value, interval = found
    matches = factor is not None
    # the second tier is for ways of counting, not for a dose size that lands near the claim by chance
    near = "" if matches or method.dose_mg is not None else near_note(ctx, value, interval, pure=method.counts_pure)
    note = f"with the rounded factor {factor}" if factor else ""
    # No powder is stated: the claim rests on the pills alone. It "matches" this pattern when
    # the pills cannot carry the total: it needs more per pill than the band allows.
    if not recipe.include_powder and ctx.powder is None and implied is not None and _needs_more_than_band(implied):
        matches = True
        note = (
            f"the total is pinned on the pills alone, which would need {implied.describe()}; "
            "a total of pills and powder attributed to the pills is the likely cause"
        )
    return Diagnosis((method,), value, matches, note, interval, method.counts_pure, near=near)


def _match(recipe: Recipe, ctx: ClaimContext) -> tuple[str | None, Fraction | None, Interval | None] | None:
    """(the pound factor that reproduces the claim: "" the exact one, None no factor; the central figure;
    the interval with the exact factor), or None when the recipe cannot be made from the set's values."""
    value = interval = None
    claimed = ctx.claimed
    factors = pound_factors(ctx.pills, ctx.powder)
    for name, lb_mg in factors:
        result = total(recipe, ctx, lb_mg)
        if result is None:
            return None
        if not name:
            interval, value = result, central(recipe, ctx)
        if result.overlaps(claimed):
            return name, value, interval
        if len(factors) == 1:
            break  # no rounded factor to try
        nearest = result.low if result.low > claimed.high else result.high
        if not name and claimed.high and claimed.distance(nearest) > claimed.high * ROUNDED_FACTOR_REACH:
            break  # too far off for a rounded pound factor (at most 0.21 % away) to close the gap
    return None, value, interval


def _needs_more_than_band(implied: Implied) -> bool:
    band = implied.band
    return (
        implied.parameter == "doses_per_pill"
        and implied.interval is not None
        and band is not None
        and implied.interval.low > band.reach[1]
    )


def _best_multiple(method: Method, base: Recipe, ctx: ClaimContext) -> Diagnosis:
    """The multiplier of the method that comes nearest the claim (a match first); the total is made once."""
    result = total(base, ctx)
    value = central(base, ctx)
    if result is None or value is None:
        return Diagnosis((method,), None, False, _UNPUBLISHED)
    claimed = ctx.claimed
    reaches = scaled_onto(result, claimed)
    # The figure and the claim's ends, times one common whole number, are whole numbers (a multiplier's
    # denominator included): the distances are of ints, exact and far cheaper than of Fractions.
    parts = (value, claimed.low, claimed.high)
    scale = lcm(*(x.denominator for x in parts)) * lcm(*(slip.multiplier.denominator for slip in method.slips))
    v, low, high = (x.numerator * (scale // x.denominator) for x in parts)
    best: tuple[bool, int, Slip] | None = None  # matches, the distance (scaled), the slip
    for slip in method.slips:
        multiplier = slip.multiplier
        p, q = multiplier.numerator, multiplier.denominator
        matches = reaches(multiplier) and (result * multiplier).overlaps(claimed)
        # the distance relative to the claim, as _distance has it (the same divisor for every multiplier)
        shown = v * p // q  # whole: q divides the scale's second factor
        off = (low - shown if shown < low else shown - high if shown > high else 0) if claimed.high else 0
        if best is None or (matches and not best[0]) or (matches == best[0] and off < best[1]):
            best = (matches, off, slip)
            if matches and not off:
                break  # nothing comes nearer than on the claim
    assert best is not None
    matches, _, slip = best
    note = f"the set's figure {slip.label}"
    return Diagnosis((method,), value * slip.multiplier, matches, note, result * slip.multiplier, slip=slip)

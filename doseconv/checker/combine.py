"""Claims made two ways at once: combinations generated from the rows of the method table.

The method table keeps one row per way of making a total; this module combines them:

- a dose size (``dose-3mg``, ``dose-2g``, ``dose-0.25mg``) with a method that counts the seized
  mass as pure (``powder-pure``, ``pill-weight-as-drug``); a dose size alone already uses the set's purity;
- a pill model (``pills-lab-share``, ``pills-mean-content``, ``pills-one-each``) with the powder left
  out (``pills-only``);
- a slip of scale (x10, x100, x1000 and the inverses) on top of any single way of counting (the
  ``scale-slip`` row itself slips the set's own figure).

A combination is a tuple of rows (its name, for the JSON and the claims files, is their names joined
with "+": ``powder-pure+dose-3mg``) and kept only when it reproduces the claim, so the diagnosis lists
what was tried alone and what reproduces it combined.
Slips are tested on a total already made, by the ratio the claim needs, so they cost no new total.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..intervals import Interval
from .arithmetic import Recipe, central, scaled_onto, total
from .context import ClaimContext
from .results import Diagnosis
from .rows import METHOD_TABLE, PILLS_ONLY, SLIPS, Method

__all__ = ["combinations", "with_dose"]

#: The rows that take another dose size.
_DOSE_ROWS = tuple(row for row in METHOD_TABLE if row.dose_mg is not None)
#: The rows that count pills by a pill model of their own, with the powder in.
_PILL_ROWS = tuple(row for row in METHOD_TABLE if row.pill_model and row.needs == "pills")
#: The row that slips the set's own figure.
_SLIP_ROW = next(row for row in METHOD_TABLE if row.slips)


def _slipped_on(row: Method) -> bool:
    """Whether a slip is tried on a row: not on the slip row itself, nor on dose sizes (a factor of their own:
    2 g for 2 mg is itself a slip of a thousand, and a slip on 0.25 mg would only approximate another method)."""
    return not row.slips and row.dose_mg is None


def combinations(
    ctx: ClaimContext,
    rows: Sequence[Diagnosis],
    own: Interval | None = None,
) -> list[Diagnosis]:
    """The combinations of the table's rows that reproduce the claim (see the module's description);
    ``own`` is the set's own total when the caller has it."""
    made = [*with_dose(ctx, rows), *_powder_left_out(ctx)]
    if own is None:
        own = total(Recipe(ctx.per_pill, ctx.purity, ctx.lethal), ctx)  # slipped already by the scale-slip row
    slippable = [d for d in rows if all(_slipped_on(row) for row in d.rows) and d.interval != own]
    return [*(d for d in made if d.matches), *_slipped(ctx, slippable)]


def _row(ctx: ClaimContext, rows: tuple[Method, ...], recipe: Recipe, counts_pure: bool) -> Diagnosis | None:
    """The combination's row when it reproduces the claim (combinations that do not are not listed); made
    once per claim (the verdict asks for the dose sizes on a pure count first)."""
    return ctx.once("combination", rows, lambda: _made_row(ctx, rows, recipe, counts_pure), by_value=True)


def _made_row(ctx: ClaimContext, rows: tuple[Method, ...], recipe: Recipe, counts_pure: bool) -> Diagnosis | None:
    result = total(recipe, ctx)
    if result is None or not result.overlaps(ctx.claimed):
        return None
    value = central(recipe, ctx)
    return None if value is None else Diagnosis(rows, value, True, "", result, counts_pure)


def with_dose(ctx: ClaimContext, rows: Sequence[Diagnosis], *, ceiling_only: bool = False) -> list[Diagnosis]:
    """A dose size on top of a method that counts the seized mass as pure (``ceiling_only``: only the dose
    sizes that keep it at or below the pure ceiling, which the verdict needs)."""
    out = []
    for base in (d for d in rows if d.counts_pure and d.value is not None and len(d.rows) == 1):
        recipe = base.rows[0].recipe(ctx)
        for dose in _DOSE_ROWS:
            mg = dose.dose_mg
            assert mg is not None
            if ceiling_only and mg < ctx.lethal:
                continue
            row = _row(ctx, (*base.rows, dose), replace(recipe, lethal=mg), mg >= ctx.lethal)
            if row is not None:
                out.append(row)
    return out


def _powder_left_out(ctx: ClaimContext) -> list[Diagnosis]:
    """A pill model other than the chosen one, with the stated powder left out."""
    if ctx.powder is None or ctx.pills is None or ctx.pills.kind != "pills":
        return []
    out = []
    for pills in _PILL_ROWS:
        recipe = pills.recipe(ctx)
        if recipe.per_pill is None or recipe.per_pill == ctx.per_pill:
            continue  # the chosen model: that is pills-only itself
        row = _row(ctx, (pills, PILLS_ONLY), replace(recipe, include_powder=False), False)
        if row is not None:
            out.append(row)
    return out


def _slipped(ctx: ClaimContext, rows: Sequence[Diagnosis]) -> list[Diagnosis]:
    """A slip of scale on top of each row that does not reproduce the claim by itself."""
    claimed = ctx.claimed
    out = []
    for row in rows:
        interval = row.interval
        if row.matches or interval is None or row.value is None or interval.low == 0:
            continue
        reaches = scaled_onto(interval, claimed)  # the multipliers worth the exact test
        for slip in SLIPS:
            multiplier = slip.multiplier
            if reaches(multiplier) and (scaled := interval * multiplier).overlaps(claimed):
                pure = row.counts_pure and multiplier <= 1
                note = f"the figure {slip.label}"
                value = row.value * multiplier
                out.append(Diagnosis((*row.rows, _SLIP_ROW), value, True, note, scaled, pure, slip))
    return out

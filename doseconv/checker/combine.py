"""Claims made two ways at once: combinations generated from the rows of the method table.

The method table keeps one row per way of making a total; this module combines them:

- a dose size (``dose-3mg``, ``dose-2g``, ``dose-0.25mg``) with a method that counts the seized
  mass as pure (``powder-pure``, ``pill-weight-as-drug``); a dose size alone already uses the set's purity;
- a pill model (``pills-lab-share``, ``pills-mean-content``, ``pills-one-each``) with the powder left
  out (``pills-only``);
- a slip of scale (x10, x100, x1000 and the inverses) on top of any single way of counting (the
  ``scale-slip`` row itself slips the set's own figure).

A combination is named by its rows joined with "+" (``powder-pure+dose-3mg``) and kept only when it
reproduces the claim, so the diagnosis lists what was tried alone and what reproduces it combined.
Slips are tested on a total already made, by the ratio the claim needs, so they cost no new total.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from fractions import Fraction
from typing import TYPE_CHECKING

from ..intervals import Interval
from .arithmetic import Recipe, central, scaled_onto, total
from .context import ClaimContext
from .results import Diagnosis

if TYPE_CHECKING:  # pragma: no cover
    from .methods import Method

__all__ = ["combinations", "with_dose"]

_DOSE_MG = {"dose-2g": Fraction(2000), "dose-3mg": Fraction(3), "dose-0.25mg": Fraction(1, 4)}
#: Rows no slip is tried on: the slip row itself, and dose sizes (a factor of their own: 2 g for 2 mg is
#: itself a slip of a thousand, and a slip on 0.25 mg would only approximate another method).
_NOT_SLIPPED = frozenset({"scale-slip", *_DOSE_MG})


def combinations(
    ctx: ClaimContext,
    rows: Sequence[Diagnosis],
    table: Sequence[Method],
    slips: Sequence[tuple[Fraction, str]],
    own: Interval | None = None,
) -> list[Diagnosis]:
    """The combinations of the table's rows that reproduce the claim (see the module's description);
    ``own`` is the set's own total when the caller has it."""
    by_name = {method.name: method for method in table}
    made = [*with_dose(ctx, rows, table), *_powder_left_out(ctx, rows, by_name)]
    if own is None:
        own = total(Recipe(ctx.per_pill, ctx.purity, ctx.lethal), ctx)  # slipped already by the scale-slip row
    slippable = [d for d in rows if d.method not in _NOT_SLIPPED and d.interval != own]
    return [*(d for d in made if d.matches), *_slipped(ctx, slippable, slips)]


def _row(ctx: ClaimContext, name: str, recipe: Recipe, counts_pure: bool) -> Diagnosis | None:
    """The combination's row when it reproduces the claim (combinations that do not are not listed); made
    once per claim (the verdict asks for the dose sizes on a pure count first)."""
    return ctx.once("combination", (name,), lambda: _made_row(ctx, name, recipe, counts_pure), by_value=True)


def _made_row(ctx: ClaimContext, name: str, recipe: Recipe, counts_pure: bool) -> Diagnosis | None:
    result = total(recipe, ctx)
    if result is None or not result.overlaps(ctx.claimed):
        return None
    value = central(recipe, ctx)
    return None if value is None else Diagnosis(name, value, True, "", result, counts_pure)


def with_dose(
    ctx: ClaimContext, rows: Sequence[Diagnosis], table: Sequence[Method], *, ceiling_only: bool = False
) -> list[Diagnosis]:
    """A dose size on top of a method that counts the seized mass as pure (``ceiling_only``: only the dose
    sizes that keep it at or below the pure ceiling, which the verdict needs)."""
    by_name = {method.name: method for method in table}
    out = []
    for base in (d for d in rows if d.counts_pure and d.value is not None):
        recipe = by_name[base.method].recipe(ctx)
        for dose, mg in _DOSE_MG.items():
            if ceiling_only and mg < ctx.lethal:
                continue
            row = _row(ctx, f"{base.method}+{dose}", replace(recipe, lethal=mg), mg >= ctx.lethal)
            if row is not None:
                out.append(row)
    return out


def _powder_left_out(ctx: ClaimContext, rows: Sequence[Diagnosis], by_name: dict[str, Method]) -> list[Diagnosis]:
    """A pill model other than the chosen one, with the stated powder left out."""
    if ctx.powder is None or ctx.pills is None or ctx.pills.kind != "pills":
        return []
    out = []
    for name in ("pills-one-each", "pills-lab-share", "pills-mean-content"):
        recipe = by_name[name].recipe(ctx)
        if recipe.per_pill is None or recipe.per_pill == ctx.per_pill:
            continue  # the chosen model: that is pills-only itself
        row = _row(ctx, f"{name}+pills-only", replace(recipe, include_powder=False), False)
        if row is not None:
            out.append(row)
    return out


def _slipped(ctx: ClaimContext, rows: Sequence[Diagnosis], slips: Sequence[tuple[Fraction, str]]) -> list[Diagnosis]:
    """A slip of scale on top of each row that does not reproduce the claim by itself."""
    claimed = ctx.claimed
    out = []
    for row in rows:
        interval = row.interval
        if row.matches or interval is None or row.value is None or interval.low == 0:
            continue
        reaches = scaled_onto(interval, claimed)  # the multipliers worth the exact test
        for multiplier, label in slips:
            if reaches(multiplier) and (scaled := interval * multiplier).overlaps(claimed):
                pure = row.counts_pure and multiplier <= 1
                note = f"the figure {label}"
                out.append(Diagnosis(f"{row.method}+scale-slip", row.value * multiplier, True, note, scaled, pure))
    return out

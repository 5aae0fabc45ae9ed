"""The diagnosis of every row in numpy: each way of making a total the checker tries, as a linear formula.

Every row of the checker's method table (:mod:`doseconv.checker.rows`) turns a claim's pills and
powder into doses by a recipe; under one assumption set a recipe is two constants, doses per pill
``a`` and doses per mg of powder ``b`` (a slip of scale multiplies both). So each way of counting the
checker tries for a table, the single rows and their combinations (:mod:`doseconv.checker.combine`),
is one :class:`Candidate`: two exact coefficients, the rows it is made of, and which of the checker's
rules it follows (rounded pound factors for single rows, a match required for combinations, the slip
row's choice of slip). They are listed in the order the checker lists them, so that the best match
(the first of the sorted diagnosis) is the first candidate of least rank, as there.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from fractions import Fraction

from ..checker.arithmetic import Recipe
from ..checker.combine import _DOSE_ROWS, _PILL_ROWS, _slipped_on
from ..checker.context import ClaimContext
from ..checker.methods import _kept
from ..checker.rows import METHOD_TABLE, PILLS_ONLY, SLIPS, Method, Slip

__all__ = ["Candidate", "candidates"]

#: How a candidate is made: a row of the table tried alone, the slip row, or a combination.
SINGLE, SLIP_ROW, DOSE, LEFT_OUT, SLIPPED = "single", "slip row", "dose", "left out", "slipped"


@dataclass(frozen=True)
class Candidate:
    """One way of making a total, as the checker tries it, under one assumption set.

    ``a`` (doses per pill) and ``b`` (doses per mg of powder) are exact, the slip's multiplier in them;
    None when the set lacks a value the recipe needs (the candidate cannot be made where that figure is
    stated). ``kind`` says which of the checker's rules it follows; ``base`` is the index of the single
    row a combination or slip is made on; ``kept`` that a single row is kept although it gives the set's
    own total (the set's own way of counting).
    """

    rows: tuple[Method, ...]
    kind: str
    a: Fraction | None
    b: Fraction | None
    counts_pure: bool
    needs: str = ""
    base: int = -1
    slip: Slip | None = None
    kept: bool = False
    pinned: bool = False  # the row that leaves the powder out: it matches when the pills cannot carry the total

    @property
    def name(self) -> str:
        return "+".join(row.name for row in self.rows)

    @property
    def steps(self) -> int:
        return len(self.rows) - 1


def coefficients(recipe: Recipe, ctx: ClaimContext) -> tuple[Fraction | None, Fraction | None]:
    """(doses per pill counted, doses per mg of powder) of a recipe, as the checker's totals make them."""
    if recipe.pill_weight_as_drug:
        a = None if ctx.pill_mass is None else ctx.pill_mass / recipe.lethal
    else:
        a = recipe.per_pill
    if not recipe.include_powder:
        b: Fraction | None = Fraction(0)
    else:
        b = None if recipe.purity is None else recipe.purity / recipe.lethal
    m = recipe.multiplier
    return (None if a is None else a * m), (None if b is None else b * m)


def candidates(ctx: ClaimContext) -> tuple[Candidate, ...]:
    """Every way of making a total the checker's diagnosis tries under ``ctx``'s set and options, in its order.

    ``ctx`` gives the set's values only (its figures are not read): whether a candidate applies to a row
    is decided per row, from which figures the row states.
    """
    kept = _kept(ctx)
    singles = []
    for method in METHOD_TABLE:
        recipe = method.recipe(ctx)
        a, b = coefficients(recipe, ctx)
        kind = SLIP_ROW if method.slips else SINGLE
        pinned = not recipe.include_powder
        singles.append(
            Candidate((method,), kind, a, b, method.counts_pure, method.needs, kept=method.name in kept, pinned=pinned)
        )
    out = list(singles)
    for index, single in enumerate(singles):  # a dose size on a method that counts the mass as pure
        if not single.counts_pure:
            continue
        base = single.rows[0].recipe(ctx)
        for dose in _DOSE_ROWS:
            mg = dose.dose_mg
            assert mg is not None
            a, b = coefficients(replace(base, lethal=mg), ctx)
            out.append(Candidate((*single.rows, dose), DOSE, a, b, mg >= ctx.lethal, single.needs, index))
    for pills in _PILL_ROWS:  # another pill model, the powder left out
        recipe = pills.recipe(ctx)
        if recipe.per_pill is None or recipe.per_pill == ctx.per_pill:
            continue
        a, b = coefficients(replace(recipe, include_powder=False), ctx)
        out.append(Candidate((pills, PILLS_ONLY), LEFT_OUT, a, b, False, "pills"))
    slip_row = next(row for row in METHOD_TABLE if row.slips)
    for index, single in enumerate(singles):  # a slip of scale on a row that does not reproduce the claim
        if single.kind != SINGLE or not all(_slipped_on(row) for row in single.rows):
            continue
        for slip in SLIPS:
            m = slip.multiplier
            a = None if single.a is None else single.a * m
            b = None if single.b is None else single.b * m
            pure = single.counts_pure and m <= 1
            out.append(Candidate((*single.rows, slip_row), SLIPPED, a, b, pure, single.needs, index, slip))
    return tuple(out)

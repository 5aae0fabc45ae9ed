"""The plain sentence of each row the vectorized check decided, made from its findings by the checker's own words.

The kernel (:mod:`.kernel`) gives each row its verdict and, for a flagged row, the candidate that best
reproduces the claim and the first that counts the mass as pure, with how each matched. A row's sentence
is then made as :func:`doseconv.check` makes it: the row's figures (read once per distinct cell), its
claim interval and implied value in exact arithmetic, the corrected figure under the set's central
values, and those two rows of the diagnosis, each made by the checker's own functions for this claim
alone, given to :func:`~doseconv.checker.correction.build_correction` and
:func:`~doseconv.checker.correction.plain_text`. The rest of the diagnosis, every other way of counting
tried and ranked, is what made a flagged row cost a millisecond; the kernel has already ranked them.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..checker.combine import _row as combination_row
from ..checker.combine import _slipped as slipped_rows
from ..checker.context import ClaimContext, claim_interval
from ..checker.correction import build_correction, central_value, plain_text
from ..checker.implied import implied_value
from ..checker.methods import _try as try_row
from ..checker.results import FLAGGED, Diagnosis, Implied
from .candidates import DOSE, SINGLE, SLIP_ROW, SLIPPED, Candidate

if TYPE_CHECKING:  # pragma: no cover
    from .columns import FigureColumn
    from .kernel import Decided

__all__ = ["Sentences", "diagnosis_row"]


class Sentences:
    """The plain sentence of rows decided by the kernel, under one set and its options (``template``)."""

    def __init__(self, template: ClaimContext, figures: dict[str, FigureColumn], decided: Decided) -> None:
        self.template = template
        self.figures = figures
        self.decided = decided
        self.methods = decided_methods(template)

    def context(self, row: int) -> ClaimContext:
        """The row's claim as the checker reads it (its figures, read once per distinct cell)."""
        t = self.template
        pills = self.figures["pills"].figure(row) if "pills" in self.figures else None
        powder = self.figures["powder"].figure(row) if "powder" in self.figures else None
        claim = self.figures["claim"].figure(row)
        assert claim is not None
        return ClaimContext(
            t.chosen, t.model, t.scale, t.reading, pills, powder, claim, claim_interval(claim, t.reading),
            t.pill_mass, t.per_pill,
        )  # fmt: skip

    def plain(self, row: int, verdict: str) -> str:
        """The plain sentence :func:`doseconv.check` gives for the row."""
        ctx = self.context(row)
        implied = implied_value(ctx)
        figure = central_value(ctx)
        made = self._rows(ctx, row, implied) if verdict in FLAGGED else []
        correction = build_correction(ctx, verdict, implied, made, figure) if verdict in FLAGGED else None
        return plain_text(ctx, verdict, implied, correction, made, figure)

    def _rows(self, ctx: ClaimContext, row: int, implied: Implied | None) -> list[Diagnosis]:
        """The best reproduction and the first that counts the mass as pure, as the diagnosis lists them."""
        out = []
        best, pure = int(self.decided.best[row]), int(self.decided.pure[row])
        for index in (best, pure) if pure != best else (best,):
            if index >= 0:
                out.append(diagnosis_row(ctx, self.methods[index], implied))
        return out


def diagnosis_row(ctx: ClaimContext, candidate: Candidate, implied: Implied | None) -> Diagnosis:
    """One candidate's row of the diagnosis, made by the checker's own functions for this claim alone."""
    method = candidate.rows[0]
    if candidate.kind in (SINGLE, SLIP_ROW):
        return try_row(method, ctx, implied)
    if candidate.kind == SLIPPED:
        base = try_row(method, ctx, implied)
        return next(d for d in slipped_rows(ctx, [base]) if d.slip == candidate.slip)
    if candidate.kind == DOSE:
        dose = candidate.rows[-1].dose_mg
        assert dose is not None
        recipe = replace(method.recipe(ctx), lethal=dose)
    else:  # LEFT_OUT: another pill model, the powder left out
        recipe = replace(method.recipe(ctx), include_powder=False)
    made = combination_row(ctx, candidate.rows, recipe, candidate.counts_pure)
    assert made is not None, candidate.name
    return made


def decided_methods(template: ClaimContext) -> tuple[Candidate, ...]:
    """The candidates of the template's set, in the kernel's order."""
    from .candidates import candidates

    return candidates(template)

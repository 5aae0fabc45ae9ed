"""Check a published dose total against its stated inputs: verdict, implied assumption, diagnosis.

A claim is "pills + powder = total doses", each figure stated with a qualifier and rounded.
:func:`check` turns every figure into an exact interval (see :mod:`doseconv.reading.stated`), computes
the total the inputs give under an assumption set, back-solves the parameter that would make the
claim true, and tries the known ways such totals are made (docs/methodology.md).

One module per concern: :mod:`.results` (result types and their JSON), :mod:`.bands` (scales and
bands), :mod:`.context` (one claim, read once), :mod:`.arithmetic` (interval arithmetic of a
recipe), :mod:`.implied` (the back-solved value), :mod:`.methods` (the table of methods and the
diagnosis), :mod:`.verdict` (the decision), :mod:`.explain` (the text), :mod:`.files` (claims files).
"""

from __future__ import annotations

import datetime as dt
from typing import Unpack

from ..assumptions import SetChoice
from ..overrides import OverrideArgs, Overrides
from ..population import PopulationClaim
from .arithmetic import Recipe, total
from .bands import SCALES, band_for
from .context import ClaimContext, FigureInput, build_context
from .correction import Correction, build_correction, central_value, missing_text, plain_text
from .explain import explain, notes_on
from .implied import implied_value
from .methods import METHOD_TABLE, METHODS, Method, diagnose, diagnose_pure
from .people import in_people_texts
from .population import PopulationFigure, floor_notes, floor_verdict, population_claim_of, read_claim
from .results import FLAGGED, VERDICTS, Band, CheckResult, Details, Diagnosis, Implied, Verdict
from .verdict import VERDICT_ORDER, decide

__all__ = [
    "FLAGGED",
    "METHODS",
    "METHOD_TABLE",
    "SCALES",
    "VERDICTS",
    "VERDICT_ORDER",
    "Band",
    "CheckResult",
    "ClaimContext",
    "Correction",
    "Diagnosis",
    "Implied",
    "Method",
    "PopulationFigure",
    "Verdict",
    "band_for",
    "check",
]


def check(
    pills: FigureInput = None,
    powder: FigureInput = None,
    claim: FigureInput | PopulationClaim = None,
    *,
    assumptions: SetChoice = None,
    overrides: Overrides | None = None,
    pill_model: str | None = None,
    reading: str = "lenient",
    scale: str = "aggregate",
    notes: tuple[str, ...] | list[str] = (),
    pills_unit: str | None = None,
    powder_unit: str | None = None,
    exact: bool = False,
    decimal_comma: bool = False,
    date: dt.date | str | None = None,
    year: int | None = None,
    story_date: dt.date | str | None = None,
    state: str | None = None,
    **given: Unpack[OverrideArgs],
) -> CheckResult:
    """Check a claimed total of doses against the stated pills and powder.

    Figures are text as published, plain numbers (read like the same figure written out; a bare
    count is pills, or doses for the claim; powder takes ``powder_unit``), amounts or parsed
    :class:`~doseconv.reading.stated.StatedFigure` values; ``exact=True`` reads them with no rounding
    (see :mod:`doseconv.reading.inputs`); ``decimal_comma=True`` reads text written European style ("1,5 kg",
    "6.500 lb"). The caller's own values come as one
    :class:`~doseconv.overrides.Overrides` and/or as keywords (``purity="10%"``, ``lethal_dose``,
    ``pill_share``, ``mg_per_pill``, ``pill_mass``).

    The claim may be a population phrase ("enough to kill every American five times over"), read once for
    the claim's date with ``state`` the state the story names (:mod:`.population`). ``date``, then
    ``year``, then ``story_date`` date the claim; unless ``assumptions`` is given, the set whose period
    covers that date is used (docs/population.md).

    >>> r = check("nearly 44 million pills", "more than 6,500 pounds", "nearly 193 million doses")
    >>> r.verdict, r.implied.describe()
    ('plausible', 'powder purity from 9.89% to 10.18%')
    >>> check("nearly 44 million pills", None, "almost 193 million doses").verdict
    'implausible'
    >>> check(pills=250_000, powder=12, powder_unit="kg", claim=5_700_000).verdict
    'implausible'
    """
    claim, assumptions, dated = read_claim(
        claim, assumptions=assumptions, date=date, year=year, story_date=story_date, state=state, reading=reading
    )
    ctx = build_context(
        pills, powder, claim, assumptions=assumptions, overrides=Overrides.of(overrides, **given),
        pill_model=pill_model, reading=reading, scale=scale, units=(pills_unit, powder_unit), exact=exact,
        decimal_comma=decimal_comma,
    )  # fmt: skip
    return judge(ctx, (*notes, *dated))


def judge(ctx: ClaimContext, notes: tuple[str, ...] = ()) -> CheckResult:
    """The result for a claim already read: total, implied value, verdict; the texts made when first read."""
    computed = total(Recipe(ctx.per_pill, ctx.purity, ctx.lethal), ctx) if ctx.has_inputs else None
    implied = implied_value(ctx)
    verdict, reason = decide(ctx, computed, implied, lambda: diagnose_pure(ctx))
    verdict, reason = floor_verdict(ctx, computed, verdict, reason)  # a population claim states a floor
    population = population_claim_of(ctx)

    def diagnosis() -> list[Diagnosis]:
        return diagnose(ctx, implied)

    def explanation(made: tuple[Diagnosis, ...]) -> str:
        return explain(ctx, verdict, reason, computed, implied, made)

    figure = central_value(ctx)  # the one corrected figure: every sentence, card and field uses it

    def corrected(made: tuple[Diagnosis, ...]) -> tuple[Correction | None, str]:
        correction = build_correction(ctx, verdict, implied, made, figure) if verdict in FLAGGED else None
        plain = plain_text(ctx, verdict, implied, correction, made, figure)
        if population is not None:  # said in people: "in theory about 1.2 times the U.S. population"
            correction, plain = in_people_texts(ctx, verdict, figure, correction, made, missing_text(ctx), implied)
        return correction, plain

    return CheckResult(
        verdict=verdict,
        claimed=ctx.claimed,
        computed=computed,
        implied=implied,
        assumptions=ctx.chosen,
        pill_model=ctx.model,
        reading=ctx.reading,
        scale=ctx.scale,
        inputs={"pills": ctx.pills, "powder": ctx.powder, "claim": ctx.claim},
        notes=(*notes, *floor_notes(ctx, computed), *notes_on(ctx)),
        population=population.population if population is not None else None,
        details=lambda: Details(diagnosis, explanation, corrected),
    )

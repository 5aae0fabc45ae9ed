"""Corrections and plain text: the figure under the set's central values, and sentences a reporter can paste.

Every flagged claim (``implausible``, ``upper-bound``, ``impossible``) carries a
:class:`Correction`; every verdict has a ``plain`` sentence. Plain text names no set, method,
reading or interval: it says what the seized drugs hold, at which published figure, and why the
claim differs. The amount is phrased by a ``say`` function (doses by default) so that a claim
made in people can be answered in people with the same builder.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from fractions import Fraction
from typing import Any

from ..assumptions import PARAMETERS, show_value
from ..reading.numbers import exact_text, format_grouped
from ..reading.stated import StatedFigure
from . import near
from .arithmetic import Recipe, central
from .context import ClaimContext
from .results import Diagnosis, Implied
from .rows import PILLS_ONLY
from .words import claimed_words, inputs_words, method_words, phrase, premise, source_plain

__all__ = ["AssumptionUsed", "Correction", "build_correction", "central_value", "missing_text", "plain_text"]


@dataclass(frozen=True)
class AssumptionUsed:
    """One central value a correction rests on, with where it was published."""

    name: str
    value: str
    source: str  # as a sentence names it; "" for a counting convention

    def to_dict(self) -> dict[str, str]:
        return {"name": self.name, "value": self.value, "source": self.source}


@dataclass(frozen=True)
class Correction:
    """The corrected figure of a flagged claim: exact, news-phrased, in a sentence, and what it rests on."""

    value: Fraction
    phrase: str
    plain: str
    assumptions: tuple[AssumptionUsed, ...]
    high: Fraction | None = None  # the top of the figure when the inputs state a range ("between 10 and 12 million")

    def to_dict(self) -> dict[str, Any]:
        out = {
            "value": exact_text(self.value),
            "phrase": self.phrase,
            "plain": self.plain,
            "assumptions": [a.to_dict() for a in self.assumptions],
        }
        if self.high is not None and self.high != self.value:
            out["high"] = exact_text(self.high)
        return out


def central_value(ctx: ClaimContext) -> Fraction | None:
    """The total under the set's central values and the stated figures (None when it cannot be made)."""
    if not ctx.has_inputs:
        return None
    return central(Recipe(ctx.per_pill, ctx.purity, ctx.lethal), ctx)


def assumptions_used(ctx: ClaimContext) -> tuple[AssumptionUsed, ...]:
    """The set's central values the corrected figure uses, each with its source."""
    chosen = ctx.chosen
    used = [AssumptionUsed("lethal dose", chosen.lethal_dose.show(), source_plain(chosen.lethal_dose))]
    if ctx.pills is not None:
        if ctx.model == "one-per-pill":
            used.append(AssumptionUsed("doses per pill", "1", ""))
        else:
            name = "pill_share" if ctx.model == "lab-share" else "pill_content"
            parameter = chosen.parameter(name)
            used.append(AssumptionUsed(PARAMETERS[name][1], parameter.show(), source_plain(parameter)))
    if ctx.pills is not None and ctx.pills.kind == "mass" and ctx.pill_mass is not None:
        used.append(AssumptionUsed("weight of one pill", show_value("mass", ctx.pill_mass), ""))
    if ctx.powder is not None:
        used.append(AssumptionUsed("powder purity", chosen.powder_purity.show(), source_plain(chosen.powder_purity)))
    return tuple(used)


def range_top(ctx: ClaimContext) -> Fraction | None:
    """The corrected figure at the top of a range the inputs state ("between 10 and 12 million pills"), else None.

    The figure itself (:func:`central_value`) is at the range's low end; a sentence says the range, not its end.
    """
    pills, powder = ctx.pills, ctx.powder
    if (pills is None or pills.upper is None) and (powder is None or powder.upper is None):
        return None

    def top(figure: StatedFigure | None) -> StatedFigure | None:
        return figure if figure is None or figure.upper is None else replace(figure, amount=figure.upper, upper=None)

    return central_value(replace(ctx, pills=top(pills), powder=top(powder), _once={}))


def figure_phrase(value: Fraction, ctx: ClaimContext) -> str:
    """The one corrected figure as a sentence gives it: "about 335,000", or the range the inputs state
    ("10 million to 12 million" for "between 10 and 12 million pills")."""
    high = range_top(ctx)
    if high is not None and high != value:
        return f"{phrase(value).removeprefix('about ')} to {phrase(high).removeprefix('about ')}"
    return phrase(value)


def doses_words(value: Fraction, ctx: ClaimContext) -> str:
    """The default ``say``: "about 335,000 lethal doses of 2 mg" (a range stated: "10 million to 12 million …")."""
    figure = figure_phrase(value, ctx)
    noun = "lethal dose" if figure == "1" else "lethal doses"
    return f"{figure} {noun} of {ctx.chosen.lethal_dose.show()}"


Say = Callable[[Fraction, ClaimContext], str]


def needs_words(implied: Implied) -> str:
    """What a claim would need, in words ("the powder to be 19.5% to 19.8% pure")."""
    return _needs(implied)


def _needs(implied: Implied) -> str:
    """What the claim would need, in words."""
    assert implied.interval is not None
    low, high = implied.interval.low, implied.interval.high
    if implied.parameter == "doses_per_pill":  # said in mg, the ends of the range the JSON gives
        mg = implied.lethal_dose_mg
        places = 1
        while places < 4 and format_grouped(low * mg, places) == format_grouped(high * mg, places) and low != high:
            places += 1
        if low == high or implied.unbounded:
            return f"{format_grouped(low * mg, places)} mg of fentanyl{' or more' if implied.unbounded else ''} in each pill"
        return f"{format_grouped(low * mg, places)} to {format_grouped(high * mg, places)} mg of fentanyl in each pill"
    places = 0 if low >= Fraction(1, 10) else 1 if low >= Fraction(1, 100) else 2  # two significant digits at least
    while places < 4 and implied.show(low, places) == implied.show(high, places) and low != high:
        places += 1
    span = implied.show(low, places)
    beyond = not implied.unbounded and low <= 1 < high  # the top of the range is more than pure: it cannot be
    if not implied.unbounded and low != high:
        span = f"{span} to {implied.show(Fraction(1) if beyond else high, places)}"
    aside = f" (the top of that range, {implied.show(high, places)}, is more than pure and cannot be)" if beyond else ""
    if implied.parameter == "pill_purity":
        return f"{span} of the pills' weight to be fentanyl{aside}"
    return f"the powder to be {span} pure" + (" or more" if implied.unbounded else "") + aside


def _cause(
    verdict: str,
    ctx: ClaimContext,
    number: str,
    implied: Implied | None,
    best: Diagnosis | None,
    diagnosis: Sequence[Diagnosis] = (),
) -> str:
    """Why the claim differs from the corrected figure, in one clause."""
    if verdict == "impossible":
        return f"{number} is more than the stated amount could hold even as pure fentanyl"
    if verdict == "upper-bound":
        pure = _pure_row(implied, diagnosis, best)
        weight = pure is not None and pure.rows[0].pill_weight_as_drug
        what = "the pills' whole weight to be fentanyl" if weight else "the powder to be pure fentanyl"
        extra = pure.words[1:] if pure else ()
        cause = f"{number} would need {what}" + "".join(f", {e}" for e in extra)
        if pure is not None and not pure.matches and pure.near and pure.value is not None:
            cause += f" (counted so, {'they' if weight else 'it'} would hold {_near_words(pure, number)})"
        return cause
    if best is not None:
        ways = method_words(best)
        if best.rows == (PILLS_ONLY,) and ctx.powder is None and implied is not None and implied.interval is not None:
            return (
                f"{number} would need {_needs(implied)}, which points to a total of pills and powder "
                "pinned on the pills alone"
            )
        factor = re.search(r"rounded factor (1 kg = [\d.]+ lb)", best.note)
        return f"{number} comes from {ways}" + (f", with {factor[1]}" if factor else "")
    if implied is not None and implied.interval is not None:
        far = implied.distance
        where = far.words if far is not None else "outside every yearly average DEA has published"
        return f"{number} would need {_needs(implied)}, {where}"
    if implied is not None and ctx.pills is not None and (alone := _pills_alone(ctx)):
        return alone
    return f"{number} does not follow from the stated amounts"


def _pure_row(implied: Implied | None, diagnosis: Sequence[Diagnosis], best: Diagnosis | None) -> Diagnosis | None:
    """The count of the mass as pure that an upper bound is said by: a plain one first; when the claim's own
    reading already works at 100 % (its pill model kept), none, rather than a dose size that lands near it by
    chance (pure powder counted at 2 g a dose is about the pills alone)."""
    pure = [d for d in diagnosis if d.reproduces and d.counts_pure]
    plain = next((d for d in pure if not any(r.dose_mg is not None or r.slips for r in d.rows)), None)
    if plain is not None:
        return plain
    needed = implied.interval if implied is not None else None
    if needed is not None and implied is not None and implied.parameter == "powder_purity" and Fraction(1) in needed:
        return None
    return pure[0] if pure else best


def _pills_alone(ctx: ClaimContext) -> str:
    """ "the pills alone hold 2.4 million lethal doses, counting each pill as one" (the powder aside), or ""."""
    pills = ctx.pills
    assert pills is not None
    value = central(Recipe(ctx.per_pill, ctx.purity, ctx.lethal, include_powder=False), ctx)
    if value is None:
        return ""
    model = {"one-per-pill": "counting each pill as one", "lab-share": "counting only the share DEA's lab found to "
             "hold a lethal dose", "mean-content": "counting them by their average fentanyl content"}[ctx.model]  # fmt: skip
    return f"the pills alone hold {phrase(value)} lethal doses, {model}, more than claimed for all the drugs together"


def _near_words(row: Diagnosis, number: str) -> str:
    """How a row of the second tier gives the claim: "about 10.7 million, which the claim truncates to 10 million"."""
    assert row.value is not None
    held = phrase(row.value)
    if row.near == near.TRUNCATED_NOTE:
        return f"{held}, which the claim truncates to {number}"
    if row.near == near.ROUNDED_NOTE:
        return f"{held}, which the claim rounds to {number}"
    if row.near == near.FLOOR_NOTE:
        return f"{held}, at least the floor the claim states"
    return f"{held}, the same figure to the precision of the stated amounts"


def build_correction(
    ctx: ClaimContext,
    verdict: str,
    implied: Implied | None,
    diagnosis: Sequence[Diagnosis],
    figure: Fraction | None,
    say: Say = doses_words,
) -> Correction | None:
    """The correction of a flagged claim, or None when the set's central values cannot make a figure.

    ``figure`` is the claim's one corrected figure (:func:`central_value`, made once per claim)."""
    value = figure
    if value is None:
        return None
    quoted, number = claimed_words(ctx.claim)
    inputs, verb = inputs_words(ctx)
    best = next((d for d in diagnosis if d.reproduces), None)
    sentence = f"{premise(ctx)}, {inputs} {verb} {say(value, ctx)}, not the {quoted} claimed; "
    sentence += _cause(verdict, ctx, number, implied, best, diagnosis) + "."
    return Correction(value, figure_phrase(value, ctx), sentence, assumptions_used(ctx), range_top(ctx))


def plain_text(
    ctx: ClaimContext,
    verdict: str,
    implied: Implied | None,
    correction: Correction | None,
    diagnosis: Sequence[Diagnosis] = (),
    figure: Fraction | None = None,
    say: Say = doses_words,
) -> str:
    """One or two sentences on the verdict, for every verdict (``figure``: the claim's one corrected figure)."""
    if correction is not None:
        text = correction.plain
    elif verdict in ("implausible", "upper-bound", "impossible"):
        quoted, number = claimed_words(ctx.claim)
        cause = _cause(verdict, ctx, number, implied, next((d for d in diagnosis if d.reproduces), None), diagnosis)
        lead = _LEADS[verdict]
        text = f"The {quoted} claimed {lead}: {cause}. A likely figure cannot be worked out: {_missing(ctx)}."
    elif not ctx.has_inputs:
        text = "The claim cannot be checked: no amount of pills or powder is stated to count the doses from."
    elif (value := figure) is None:
        if verdict == "plausible" and implied is not None and implied.interval is not None:
            quoted, _ = claimed_words(ctx.claim)
            text = (
                f"The {quoted} claimed would need {_needs(implied)}, within {band_words(implied)}; "
                f"{_missing(ctx, give=False)}, so no likely figure can be given."
            )
        else:
            text = "The claim cannot be checked: " + _missing(ctx) + "."
    else:
        quoted, _ = claimed_words(ctx.claim)
        inputs, verb = inputs_words(ctx)
        text = f"{premise(ctx)}, {inputs} {verb} {say(value, ctx)}"
        if verdict == "consistent":
            text += f", in line with the {quoted} claimed."
        else:
            needs = _needs(implied) if implied is not None and implied.interval is not None else "other figures"
            text += f"; the {quoted} claimed would need {needs}, within {band_words(implied)}."
    if ctx.rule_counts_pure:
        text += " Counting the seized drugs as pure fentanyl gives the most they could hold, not what they likely hold."
    return text


def band_words(implied: Implied | None) -> str:
    """The band a plausible claim's value lies in, in words: yearly averages, or a range of single samples."""
    band = implied.band if implied is not None else None
    if band is not None and band.kind == "range":
        return "the range of single samples DEA has published"
    return "the range of yearly averages DEA has published"


#: How the plain text of a flagged claim with no corrected figure begins, by verdict.
_LEADS = {
    "upper-bound": "is the most the stated amount could hold",
    "impossible": "cannot be",
    "implausible": "does not follow from the stated amounts",
}


def _figures_chosen(ctx: ClaimContext) -> str:
    """The figures the check used, as a sentence names them: "DEA's figures for 2021", "the figures chosen"."""
    chosen = ctx.chosen
    if not chosen.bundled or chosen.dates is None or chosen.overridden:
        return "the figures chosen"
    start, end = chosen.dates
    return f"DEA's figures for {start.year if start.year == end.year else chosen.period}"


def missing_text(ctx: ClaimContext) -> str:
    """What the set lacks for a likely figure, as a clause ("DEA's figures for 2021 include no average powder
    purity")."""
    return _missing(ctx, give=False)


def _missing(ctx: ClaimContext, *, give: bool = True) -> str:
    if ctx.pills is not None and ctx.pills.kind == "mass" and ctx.pill_mass is None:
        return "the pills are given by weight and no weight of one pill is known" + (
            "; give one to count them" if give else ""
        )
    if ctx.pills is not None and ctx.per_pill is None:
        needed = {"lab-share": "pill_share", "mean-content": "pill_content"}.get(ctx.model, "pill_share")
        return f"{_figures_chosen(ctx)} include no {PARAMETERS[needed][1]}, which counting these pills needs"
    return f"{_figures_chosen(ctx)} include no average powder purity" + ("; give one" if give else "")

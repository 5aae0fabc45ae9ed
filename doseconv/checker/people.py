"""A population claim's doses said in people: "in theory about 1.2 times the U.S. population, not five times".

The plain text of a population claim, and of its correction when it is flagged, says what the stated
inputs hold under the set's central values as a share or a multiple of the population the claim named,
then what the claim said and, for a flagged claim, why it is wrong. It names no set, method or interval.
"""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction
from typing import TYPE_CHECKING

from ..population import PopulationClaim
from ..reading.stated import describe
from .population import population_claim_of
from .words import method_words

if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Sequence

    from ..population import Population
    from .context import ClaimContext
    from .correction import Correction
    from .results import Diagnosis, Implied, Verdict

__all__ = ["in_people", "in_people_texts", "population_plain"]


def _population_name(population: Population) -> str:
    if population.kind == "nation":
        return "the U.S. population"
    if population.kind == "world":
        return "the world's population"
    return f"the population of {population.place}"


def in_people(doses: Fraction, population: Population) -> str:
    """A number of lethal doses said as a share or a multiple of a population, one dose per person.

    >>> from doseconv.population import resolve_place
    >>> in_people(Fraction(415_700_000), resolve_place("every American", year=2023))
    'about 1.2 times the U.S. population'
    >>> in_people(Fraction(250_000), resolve_place("Wyoming", year=2023))
    'about 43% of the population of Wyoming'
    >>> in_people(Fraction(1_100_000), resolve_place("Rhode Island", year=2023))
    'about the population of Rhode Island, one dose each'
    """
    ratio = doses / population.value
    if describe(ratio, "about", 2) in ("1", "about 1"):
        return f"{'about ' if ratio != 1 else ''}{_population_name(population)}, one dose each"
    if ratio < 1:
        return f"{describe(ratio * 100, 'about', 2)}% of {_population_name(population)}"
    return f"{describe(ratio, 'about', 2)} times {_population_name(population)}"


def _claimed_words(claim: PopulationClaim) -> str:
    """What the claim said, to close a correction: 'not five times', 'not all of it', 'not half of it'."""
    if not claim.floor and claim.stated is not None:  # a count of people: "750,000 Delawareans"
        return f"not the {claim.stated.text} claimed"
    if claim.multiple_text == "once":
        return "not all of it"
    words = claim.multiple_text
    if words.lower().endswith(" over"):
        words = words[: -len(" over")]
    if claim.multiple.high <= 1:
        return f"not {words.removesuffix(' of').strip()} of it"
    return f"not {words}"


def population_plain(ctx: ClaimContext, verdict: str, figure: Fraction | None, missing: str = "") -> str:
    """One or two sentences a reporter can paste: the inputs' doses in people, against what was claimed.

    ``figure`` is the claim's one corrected figure (the stated amounts under the set's central values), None
    when the set lacks a value it needs (``missing`` says which). '' for a claim of doses.
    """
    claim = population_claim_of(ctx)
    if claim is None:
        return ""
    if figure is None:
        more = " or more" if claim.floor else ""
        return (
            f"The claim needs {describe(claim.doses.low, 'about', 3)} lethal doses{more} "
            f"({claim.population.place}: {claim.population.citation()}); "
            f"{missing or 'a value the count needs is not published'}, so the stated amounts cannot be counted in "
            "doses here."
        )
    central = figure
    holds = "hold" if _plural(ctx) else "holds"
    people = in_people(central, claim.population)
    dose = ctx.chosen.lethal_dose.show()
    sentence = (
        f"{_inputs_text(ctx)} {holds} {describe(central, 'about', 3)} lethal doses of {dose} — in theory {people}"
    )
    if verdict == "consistent" and not claim.floor:
        said = claim.stated.text if claim.kind == "count" and claim.stated is not None else f"'{claim.text}'"
        return f"{sentence}, in line with the {said} claimed."
    if verdict == "consistent":
        return f"{sentence}, so the claim holds: '{claim.verb_text}' states a floor."
    return f"{sentence}, {_claimed_words(claim)}."


def in_people_texts(
    ctx: ClaimContext,
    verdict: Verdict,
    figure: Fraction | None,
    correction: Correction | None,
    diagnosis: Sequence[Diagnosis] = (),
    missing: str = "",
    implied: Implied | None = None,
) -> tuple[Correction | None, str]:
    """The correction and the plain text of a population claim, said in people, with why it is flagged.

    >>> from doseconv import check
    >>> print(check(None, "2 kilograms", "could kill the entire population of Orleans Parish twice over",
    ...             year=2022).plain)
    2 kilograms of powder at the 19.2% average purity for 2022 reported in DEA's 2024 National Drug Threat Assessment holds 192,000 lethal doses of 2 mg — in theory about 50% of the population of Orleans Parish, Louisiana, not twice; twice would need the powder to be pure fentanyl, the most it could hold, not what it likely holds.
    """
    sentence = population_plain(ctx, verdict, figure, missing)
    claim = population_claim_of(ctx)
    if claim is not None and figure is None and verdict == "upper-bound":
        pure = next((d for d in diagnosis if d.reproduces and d.counts_pure and d.value is not None), None)
        if pure is not None and pure.value is not None:  # no central value, but the ceiling the claim took
            people = in_people(pure.value, claim.population)
            sentence = (
                f"Counted as pure fentanyl, {_inputs_text(ctx, pure_count=True)} would hold "
                f"{describe(pure.value, 'about', 3)} lethal doses — in theory {people}"
                f"{_why(verdict, claim, diagnosis)} {missing[:1].upper()}{missing[1:]}, so a likely figure cannot "
                "be given."
            )
    elif claim is not None and figure is not None and verdict in ("impossible", "upper-bound", "implausible"):
        sentence = sentence.removesuffix(".") + _why(verdict, claim, diagnosis)
    elif claim is not None and figure is not None and verdict == "plausible" and implied is not None:
        from .correction import band_words, needs_words

        said = _claimed_words(claim).removeprefix("not ")
        that = "all of it" if claim.multiple_text == "once" else said
        if implied.interval is not None:
            sentence = (
                f"{sentence.removesuffix('.').rsplit(', not ', 1)[0]}; {that} would need "
                f"{needs_words(implied)}, within {band_words(implied)}."
            )
    if correction is not None:
        correction = replace(correction, plain=sentence)
    return correction, sentence


def _why(verdict: str, claim: PopulationClaim, diagnosis: Sequence[Diagnosis], implied: Implied | None = None) -> str:
    """Why a flagged population claim is wrong, as the end of its sentence."""
    said = _claimed_words(claim).removeprefix("not ")
    that = "that many" if claim.multiple_text == "once" or said.endswith(" of it") else said
    best = next((d for d in diagnosis if d.reproduces), None)
    if verdict == "impossible":
        return f"; {that} is more than the stated amount could hold even as pure fentanyl."
    if verdict == "upper-bound":
        what = (
            "the pills' whole weight to be fentanyl"
            if best and best.rows[0].pill_weight_as_drug
            else ("the powder to be pure fentanyl")
        )
        return f"; {that} would need {what}, the most it could hold, not what it likely holds."
    if best is not None and not best.rows[0].name.startswith("pills-"):  # a slip, not a way of counting pills
        return f"; {that} comes from {method_words(best)}."
    return "."


def _plural(ctx: ClaimContext) -> bool:
    pills, powder = ctx.pills, ctx.powder
    return (pills is not None and powder is not None) or (pills is not None and pills.amount.value != 1)


def _inputs_text(ctx: ClaimContext, *, pure_count: bool = False) -> str:
    """'Around 9,400 pounds of powder at the 19.5% average purity …', '250,000 pills (each pill …)'."""
    from ..assumptions import PILL_MODELS
    from .words import purity_words, with_unit

    chosen = ctx.chosen
    parts = []
    pills, powder = ctx.pills, ctx.powder
    if pills is not None:
        written = with_unit(pills)
        text = written if "pill" in written.lower() or pills.kind == "mass" else f"{written} pills"
        parts.append(f"{text} ({PILL_MODELS[ctx.model]})")
    if powder is not None:
        written = with_unit(powder)
        named = any(word in written.lower() for word in ("powder", "fentanyl"))
        text = written if named else f"{written} of powder"
        purity = chosen.powder_purity
        if purity.value == 1 and not pure_count:
            text += " counted as pure fentanyl"
        elif purity.value is not None and not pure_count:
            text += f" at {purity_words(chosen)}"
        parts.append(text)
    out = " and ".join(parts)
    return out[:1].upper() + out[1:]

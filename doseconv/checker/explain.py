"""The explanation a fact-checker can paste, and the notes on what a check could not use."""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from ..assumptions import PARAMETERS, PILL_MODELS
from ..intervals import Interval
from ..reading.numbers import format_grouped, format_words
from .context import ClaimContext
from .population import population_claim_of
from .results import Diagnosis, Implied, Verdict
from .rows import METHOD_TABLE
from .words import method_words

__all__ = ["describe_method", "explain", "notes_on"]


def _mass_text(mg: Fraction) -> str:
    """A mass in its largest unit, to three decimals below ten and to four significant digits above."""
    for unit, size in (("kg", 10**6), ("g", 1000), ("mg", 1)):
        if mg >= size or unit == "mg":
            value = mg / size
            places = 3 if value < 10 else 2 if value < 100 else 1 if value < 1000 else 0
            return f"{format_grouped(value, places)} {unit}"
    raise AssertionError  # pragma: no cover


def _count_text(value: Fraction) -> str:
    """A count of doses as the explanation gives it: millions to two decimals, hundreds and more whole."""
    return format_words(value, 2 if value >= 10**6 or value < 100 else 0)


def _floor_text(value: Fraction) -> str:
    """A floor as the explanation states it: in full, since a floor rounded up ("10 million" for 9,996,634) would
    claim more than it does."""
    return format_grouped(value, 1)


def _range_text(interval: Interval) -> str:
    low, high = interval.low, interval.high
    if low == high:
        return _count_text(low)
    if _count_text(low) != _count_text(high):
        return f"{_count_text(low)} to {_count_text(high)}"
    for places in range(3, 7):  # ends that round alike: enough digits to tell them apart
        if format_words(low, places) != format_words(high, places):
            return f"{format_words(low, places)} to {format_words(high, places)}"
    return f"{format_grouped(low, 1)} to {format_grouped(high, 1)}"


def _doses(value: Fraction, text: str) -> str:
    """ "1 dose is", "5 doses are": a count of doses with its noun and verb in agreement."""
    return f"{text} dose is" if value == 1 else f"{text} doses are"


def _setup(ctx: ClaimContext, floor: bool = False) -> str:
    chosen = ctx.chosen
    stated = " and ".join(f'"{f.text}"' for f in (ctx.pills, ctx.powder) if f is not None) or "no inputs"
    setup = [f"{chosen.lethal_dose.show()} per dose"]
    if ctx.pills is not None:
        setup.append(PILL_MODELS[ctx.model])
    if ctx.powder is not None:
        purity = chosen.powder_purity
        setup.append(f"powder at {purity.show()} purity" if purity.value is not None else "no powder purity published")
    claim = ctx.claim
    claimed = (
        f"at least {_floor_text(ctx.claimed.low)} doses, a floor" if floor else f"{_range_text(ctx.claimed)} doses"
    )
    return f"Claim {claim.text!r} ({claimed}) from {stated}, under {chosen.label} ({'; '.join(setup)})."


def _needs(ctx: ClaimContext, implied: Implied) -> str:
    sentence = f"The claim needs {implied.describe()}"
    if implied.parameter == "powder_purity" and ctx.pills is not None:
        sentence = f"With {PILL_MODELS[ctx.model]}, the claim needs {implied.describe()}"
    if implied.published is not None:
        mean = f"the set's mean: {implied.show(implied.published)}"
        sentence = f"{sentence[:-1]}; {mean})" if sentence.endswith("cannot be)") else f"{sentence} ({mean})"
    return sentence + "."


def explain(
    ctx: ClaimContext,
    verdict: Verdict,
    reason: str,
    computed: Interval | None,
    implied: Implied | None,
    diagnosis: Sequence[Diagnosis],
) -> str:
    """The explanation: what was claimed from what, what the inputs give, what it needs, the verdict, the methods."""
    dose = ctx.chosen.lethal_dose.show()
    floor = (claim := population_claim_of(ctx)) is not None and claim.floor
    claimed = ctx.claimed.low if floor else ctx.claim.amount.value  # a floor: its least, as the setup states it
    shown = _floor_text(claimed) if floor else format_words(claimed, 2)
    parts = [
        _setup(ctx, floor),
        f"{_doses(claimed, shown)} {_mass_text(claimed * ctx.lethal)} of pure fentanyl at {dose} per dose.",
    ]
    if computed is not None:
        parts.append(f"The inputs give {_range_text(computed)} doses.")
    if implied is not None and verdict != "consistent":
        parts.append(_needs(ctx, implied))
    parts.append(f"{verdict.capitalize()}: {reason}.")
    matching = [d for d in diagnosis if d.matches]
    if matching and verdict != "consistent":
        parts.append("Reproduced by " + "; by ".join(method_words(d) for d in matching[:3]) + ".")
        if len(matching) > 1 and "as well as" in matching[1].note:
            parts.append("The first two reproduce it equally well.")
    near = [d for d in diagnosis if d.near and not d.matches]
    if near and verdict != "consistent":
        parts.append(
            "Reproduced to the claim's step by " + "; by ".join(f"{method_words(d)} ({d.near})" for d in near[:3]) + "."
        )
    return " ".join(parts)


def describe_method(diagnosis: Diagnosis) -> str:
    """The description of a method, or of a combination ("powder-pure+dose-3mg") row by row."""
    slip = diagnosis.slip
    return ", with ".join(slip.plain if row.slips and slip else row.description for row in diagnosis.rows)


def notes_on(ctx: ClaimContext) -> list[str]:
    """Notes on the values the set does not publish and the check therefore could not use."""
    chosen = ctx.chosen
    out = []
    if ctx.pills is not None and ctx.per_pill is None:
        needed = {"lab-share": "pill_share", "mean-content": "pill_content"}[ctx.model]
        how = next(row.plain for row in METHOD_TABLE if row.pill_model == ctx.model and row.needs == "pills")
        out.append(f"set {chosen.name!r} publishes no {PARAMETERS[needed][1]}, which {how} needs")
    if ctx.powder is not None and ctx.purity is None:
        out.append(f"set {chosen.name!r} publishes no {PARAMETERS['powder_purity'][1]}; give a purity")
    if ctx.pills is not None and ctx.pills.kind == "mass" and ctx.pill_mass is None:
        out.append(
            "pills are given by weight and no set publishes a pill's gross weight; give a pill mass to count them"
        )
    return out

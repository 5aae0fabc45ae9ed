"""Population claims in the checker: "enough to kill every American five times over" checked like any dose claim.

A population phrase is read once (:func:`doseconv.population.parse_population_claim`) into a
:class:`PopulationFigure`: a stated dose figure whose interval is population × multiple, one lethal dose
per person. The checker computes, back-solves and diagnoses it as it does any claimed total. Two things
differ, both applied here, beside the checker's decision:

- "enough to kill" states a **floor** (:func:`floor_verdict`): the claim is wrong when the inputs give fewer
  doses than the low end of population × multiple, not when they give more. When the inputs give at least
  that, the verdict is ``consistent``; when they give twice the high end or more, a note says the claim
  understates by far.
- The result names the population used, with its source and year (``CheckResult.population``), and its
  plain text says the inputs' doses in people (:mod:`.people`).

The date of the claim is read by one rule (:func:`doseconv.population.resolve_when`): the date, then the
year, then the story's date, then the latest; unless a set is named, the assumption set is the one whose
period covers that date, so one claim never mixes years (:func:`read_claim`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from fractions import Fraction
from typing import TYPE_CHECKING, cast

from ..assumptions import DEFAULT_SET, SetChoice, load_set
from ..errors import DrugError, InputError
from ..intervals import Interval
from ..population import ClaimDate, PopulationClaim, parse_population_claim, resolve_when
from ..population.phrases import population_lead
from ..reading.drugs import read_drugs
from ..reading.inputs import FigureValue, parse_claim
from ..reading.numbers import exact_text
from ..reading.quantity import Amount
from ..reading.stated import READINGS, Reading, StatedFigure

if TYPE_CHECKING:  # pragma: no cover
    from ..population import Population
    from .context import ClaimContext
    from .results import CheckResult, Verdict

__all__ = [
    "UNDERSTATES_BY_FAR",
    "ClaimWhen",
    "PopulationFigure",
    "as_figure",
    "claim_when",
    "floor_notes",
    "floor_verdict",
    "population_claim_of",
    "read_claim",
    "story_day",
]

#: A floor claim "understates by far" when the inputs give at least this many times its high end.
UNDERSTATES_BY_FAR = 2

#: What a population claim looks like, for the error on a claim that is neither doses nor a population.
ACCEPTED_CLAIMS = (
    "write a total such as 'nearly 193 million doses' or a population such as "
    "'enough to kill every American five times over' or 'could kill the entire population of Wyoming'"
)


@dataclass(frozen=True)
class PopulationFigure(StatedFigure):
    """A population phrase as a claimed total: its interval is the population × the multiple, in doses."""

    claim: PopulationClaim | None = field(default=None, kw_only=True)

    @property
    def population(self) -> Population:
        assert self.claim is not None
        return self.claim.population

    def interval(self, reading: Reading = "lenient", *, role: str = "claim") -> Interval:
        """The doses the claim states (read with the reading it was parsed with)."""
        assert self.claim is not None
        return self.claim.doses

    def to_dict(self, role: str = "claim") -> dict[str, object]:
        assert self.claim is not None
        doses = self.claim.doses
        out: dict[str, object] = {
            "text": self.text,
            "qualifier": self.qualifier,
            "value": exact_text(self.amount.value),
            "step": exact_text(self.amount.step),
            "unit": self.amount.unit,
            "kind": self.kind,
            "low": doses.to_dict()["low"],
            "high": doses.to_dict()["high"],
            "population_claim": self.claim.to_dict(),
        }
        return out


def as_figure(claim: PopulationClaim) -> PopulationFigure:
    """The figure the checker takes for a population claim: population × multiple doses."""
    step = claim.stated.amount.step if claim.stated is not None else Fraction(claim.population.value)
    amount = Amount(claim.central, "lethal_dose", "doses", step, claim.text)
    return PopulationFigure(claim.text, claim.qualifier, "", amount, claim=claim)


def read_claim(
    claim: FigureValue | PopulationClaim,
    *,
    assumptions: SetChoice,
    date: dt.date | str | None,
    year: int | None,
    story_date: dt.date | str | None,
    state: str | None,
    reading: str,
) -> tuple[FigureValue, SetChoice, tuple[str, ...]]:
    """The claim read once, the assumption set for its date, and notes on the date and the population used.

    A text that is a population phrase becomes a :class:`PopulationFigure` (the place read for the year of
    the claim); any other text is left for the checker to read as a total of doses. With no date, year or
    story date every claim, of doses or of a population, takes the caller's set or else the default set
    (:func:`undated_note` says which and why), and a population claim the population of that set's year, so
    one claim never mixes years.
    """
    named = assumptions if isinstance(assumptions, str) or assumptions is None else "given"
    when = resolve_when(date=date, year=year, story_date=story_date, assumptions=named)
    chosen: SetChoice = assumptions if assumptions is not None else when.assumptions
    notes = _date_notes(when, assumptions is None)
    undated = assumptions is None and when.basis == "latest"
    if undated:  # one rule for every claim with no date: the default set, and the population of its year
        chosen, when = DEFAULT_SET, replace(when, year=_default_year())
    parsed: PopulationClaim | None = None
    if isinstance(claim, PopulationClaim):
        parsed = claim
    elif isinstance(claim, PopulationFigure):
        parsed = claim.claim
    elif isinstance(claim, str) and reading in READINGS:
        lead = population_lead(claim)
        if lead:  # "enough meth to kill every American" names another drug
            read_drugs(lead, figure=claim)
        parsed = parse_population_claim(claim, state=state, year=when.year, reading=cast(Reading, reading))
        if parsed is None and lead:
            try:
                parse_claim(claim)  # a claim in people ("enough to kill 1.5 million adults") reads as doses
            except DrugError:
                raise
            except InputError:
                raise InputError(f"cannot read the claim {claim!r}; {ACCEPTED_CLAIMS}") from None
    if undated:
        notes += (undated_note(population=parsed is not None),)
    if parsed is None:
        return cast(FigureValue, claim), chosen, notes
    notes += (f"population: {parsed.population.explain()}", *parsed.notes)
    return as_figure(parsed), chosen, notes


def _default_year() -> int:
    """The year the default set's figures describe (the population year of a claim with no date)."""
    dates = load_set(DEFAULT_SET).dates
    assert dates is not None
    return dates[0].year


#: Why the default set is the default, as every output that names it says.
DEFAULT_WHY = "the latest year with every DEA laboratory figure and its tested range published"


def undated_note(*, population: bool = False) -> str:
    """What a claim with no date is checked under, and why (one rule for every kind of claim)."""
    year = f", and the population of the same year, {_default_year()}" if population else ""
    return (
        f"no date given: the assumptions of {DEFAULT_SET}, the default ({DEFAULT_WHY}){year}; give the claim's date "
        "or year to use that year's"
    )


def _date_notes(when: ClaimDate, picked: bool) -> tuple[str, ...]:
    if when.basis == "latest":
        return ()
    basis = {"date": "the date given", "year": "the year given", "story": "the story's date"}[when.basis]
    out = []
    if picked and when.assumptions is not None:
        day = str(when.year) if when.basis == "year" or when.date is None else when.date.isoformat()
        out.append(f"claim dated {day} ({basis}); assumptions for that date: {when.assumptions}")
    if when.note and picked:
        out.append(when.note)
    return tuple(out)


def population_claim_of(ctx: ClaimContext) -> PopulationClaim | None:
    """The population phrase a claim was read from, or None for a claim of doses."""
    return ctx.claim.claim if isinstance(ctx.claim, PopulationFigure) else None


def floor_verdict(ctx: ClaimContext, computed: Interval | None, verdict: Verdict, reason: str) -> tuple[Verdict, str]:
    """The verdict of a population claim read as a floor (any other claim's verdict is returned as it is).

    The inputs giving at least the low end of population × multiple under the set's central values make
    the claim ``consistent``; giving fewer leaves the checker's verdict as it is (the back-solved value and
    the diagnosis are the same for a floor as for the stated interval when the inputs fall short).
    """
    claim = population_claim_of(ctx)
    if claim is None or not claim.floor or computed is None or verdict in ("consistent", "unverifiable"):
        return verdict, reason
    if computed.high >= claim.doses.low:
        return "consistent", f"'{claim.verb_text}' states a floor, and the inputs give at least that many doses"
    return verdict, reason


def floor_notes(ctx: ClaimContext, computed: Interval | None) -> tuple[str, ...]:
    """A note when a population claim understates by far (the inputs give twice its high end or more)."""
    claim = population_claim_of(ctx)
    if claim is None or not claim.floor or claim.at_least or computed is None:
        return ()
    if computed.low < UNDERSTATES_BY_FAR * claim.doses.high:
        return ()
    from .people import in_people

    return (f"the claim understates by far: the inputs give {in_people(computed.low, claim.population)} or more",)


@dataclass(frozen=True)
class ClaimWhen:
    """A claims-file claim's date, story date, state and expected place, and its population phrase read once."""

    date: dt.date | None = None
    year: int | None = None
    story_date: dt.date | None = None
    state: str | None = None
    place: str | None = None
    population: PopulationClaim | None = None

    def place_ok(self, result: CheckResult) -> bool:
        """Whether the place read is the one the file expects (True when it names none)."""
        return self.place is None or (result.population is not None and result.population.place == self.place)


def story_day(text: str) -> dt.date:
    """A source's date as a day: '2023-05-05'; '2023-05' is the first of the month; '2023' is July 1.

    >>> story_day("2023-05"), story_day("2023")
    (datetime.date(2023, 5, 1), datetime.date(2023, 7, 1))
    """
    parts = str(text).strip().split("-")
    try:
        if len(parts) == 1:
            return dt.date(int(parts[0]), 7, 1)
        if len(parts) == 2:
            return dt.date(int(parts[0]), int(parts[1]), 1)
        return dt.date.fromisoformat(str(text).strip())
    except ValueError:
        raise InputError(f"date {text!r} is not a date; write 2023-05-05, 2023-05 or 2023") from None


def claim_when(
    fields: dict[str, object],
    phrase: str | None,
    *,
    source_date: str,
    assumptions: object,
    reading: object,
) -> ClaimWhen:
    """Read a claim's ``year``, ``date``, ``state`` and ``place`` keys, and its population phrase if it has one.

    A population claim takes the source's date as the story's date; a dose claim is dated only by its own
    ``year`` or ``date``.
    """
    year, date, state, place = (fields.get(k) for k in ("year", "date", "state", "place"))
    if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
        raise InputError(f"year {year!r} is not a year; write a four-digit year such as year = 2023")
    for key, value in (("state", state), ("place", place)):
        if value is not None and not isinstance(value, str):
            raise InputError(f'{key} {value!r} is not text; write {key} = "West Virginia"')
    day = _day(date)
    state_text, place_text = cast("str | None", state), cast("str | None", place)
    if phrase is None:
        if state is not None or place is not None:
            raise InputError("state and place are for a claim whose total is a population figure")
        return ClaimWhen(day, year)
    story = story_day(source_date)
    named = assumptions if isinstance(assumptions, str) else None
    when = resolve_when(date=day, year=year, story_date=story, assumptions=named)
    how = cast(Reading, reading if reading in READINGS else "lenient")
    parsed = parse_population_claim(phrase, state=state_text, year=when.year, reading=how)
    if parsed is None:
        raise InputError(f"{phrase!r} is not a population phrase; {ACCEPTED_CLAIMS}")
    return ClaimWhen(day, year, story, state_text, place_text, parsed)


def _day(value: object) -> dt.date | None:
    """A claim's ``date`` key: a TOML date or a text '2022-12-20'."""
    if value is None or isinstance(value, dt.date):
        return value
    if isinstance(value, str) and len(value.split("-")) == 3:
        return story_day(value)
    raise InputError(f"date {value!r} is not a day; write date = 2022-12-20 (or give year = 2022)")

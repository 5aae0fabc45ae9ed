"""A population figure as used: the place, the year chosen by the year rule, the value and its source."""

from __future__ import annotations

from dataclasses import dataclass, replace
from fractions import Fraction

from .data import Row, Source, source_for

__all__ = ["COUNTS", "Population", "as_population", "describe_in_people", "figure", "total", "with_note"]

#: What each kind of figure counts, in words a reader can check a claim against.
COUNTS = {
    "nation": "residents of the 50 states and DC, citizens or not; Puerto Rico apart",
    "state": "residents of the state, citizens or not",
    "territory": "residents of Puerto Rico, citizens or not",
    "county": "residents of the county, citizens or not",
    "place": "residents within the place's legal boundaries, citizens or not",
    "country": "all residents, regardless of legal status or citizenship (World Bank midyear estimate)",
    "world": "every person alive at midyear (World Bank, from UN World Population Prospects)",
    "region": "the World Bank's aggregate: the midyear populations of the economies it puts in the group, summed",
    "sum": "each place's figure as cited, added exactly",
}
_REFERENCE = {"states.csv": "July 1", "counties.csv": "July 1", "places.csv": "July 1"}


@dataclass(frozen=True)
class Population:
    """The population of ``place`` used for a claim.

    ``year`` is the year whose figure is used; ``requested`` the year asked for (``None``: latest). ``note`` says
    when they differ, and always what the figure counts.
    """

    place: str
    kind: str
    year: int
    value: int
    source: Source
    note: str
    requested: int | None = None
    key: str = ""
    parts: tuple[Population, ...] = ()  # a sum of places: each place's own figure

    @property
    def counts(self) -> str:
        return COUNTS[self.kind]

    def citation(self) -> str:
        """'336,806,231 residents, U.S. Census Bureau estimate for July 1, 2023, vintage 2024'."""
        if self.parts:
            each = "; ".join(f"{part.place} {part.citation()}" for part in self.parts)
            return f"{self.value:,} people in all, the sum of: {each}"
        if self.kind in ("country", "world", "region"):
            return f"{self.value:,} people, World Bank estimate for {self.year} (SP.POP.TOTL)"
        publisher = self.source.publisher.split(",")[0]
        return f"{self.value:,} residents, {publisher} estimate for July 1, {self.year}, vintage {self.source.vintage}"

    def explain(self) -> str:
        """The citation, what it counts and, if the year differs from the one asked, why."""
        return f"{self.place}: {self.citation()} ({self.counts}){'; ' + self.note if self.note else ''}"

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {
            "place": self.place,
            "year": self.year,
            "value": self.value,
            "source": f"{self.source.publisher}, {self.source.table}, vintage {self.source.vintage}",
        }
        if self.parts:
            out["source"] = "; ".join(dict.fromkeys(str(part.to_dict()["source"]) for part in self.parts))
            out["parts"] = [part.to_dict() for part in self.parts]
        return out


def figure(row: Row, kind: str, place: str, year: int | None) -> Population:
    """The figure of ``row`` for ``year`` by the year rule: the year itself, else the nearest year in the data."""
    years = row.years
    if year is None:
        used, note = years[-1], ""
    elif year in years:
        used, note = year, ""
    else:
        used = min(years, key=lambda y: (abs(y - year), -y))
        span = f"{years[0]}" if len(years) == 1 else f"{years[0]}-{years[-1]}"
        note = f"no {year} figure for {place} (the data cover {span}); {used} used, the nearest year"
    return Population(place, kind, used, row.value(used), source_for(row.table, used), note, year, row.key)


def with_note(population: Population, note: str) -> Population:
    """``population`` with ``note`` added to its notes (how the place was chosen, say)."""
    if not note:
        return population
    return replace(population, note=f"{note}; {population.note}" if population.note else note)


def total(parts: tuple[Population, ...], place: str, note: str = "") -> Population:
    """The population of several places, each part's figure as cited, added exactly.

    The year is the latest of the parts' years (each part's own year is in its citation).
    """
    notes = [note, *(part.note for part in parts)]
    first = parts[0]
    return Population(
        place,
        "sum",
        max(part.year for part in parts),
        sum(part.value for part in parts),
        first.source,
        "; ".join(n for n in notes if n),
        first.requested,
        "+".join(part.key for part in parts),
        parts,
    )


def _everyone(population: Population) -> str:
    if population.kind == "nation":
        return "every American"
    if population.kind == "world":
        return "everyone on Earth"
    return f"everyone in {population.place}"


def as_population(doses: Fraction | int, population: Population) -> str:
    """A number of lethal doses said in people, one dose per person.

    >>> from doseconv.population import resolve_place
    >>> as_population(386_000_000, resolve_place("the United States", year=2023))
    'enough for every American (about 1.1 times the 336.8 million people)'
    >>> as_population(250_000, resolve_place("Wyoming", year=2023))
    'enough for about 43% of the 585,067 people of Wyoming'
    """
    from ..errors import InputError
    from ..reading.numbers import format_words
    from ..reading.stated import describe

    ratio = Fraction(doses) / population.value
    if ratio < 0:
        raise InputError(f"{doses} doses is negative; a number of doses is zero or more")
    people = format_words(population.value)
    if ratio == 0:
        return "enough for no one"
    if ratio < 1:
        of = {"nation": "the United States", "world": "the world"}.get(population.kind, population.place)
        return f"enough for {describe(ratio * 100, 'about', 2)}% of the {people} people of {of}"
    return f"enough for {_everyone(population)} ({describe(ratio, 'about', 2)} times the {people} people)"


def describe_in_people(
    doses: str | Fraction | int,
    place: str,
    *,
    date: str | None = None,
    year: int | None = None,
    state: str | None = None,
) -> tuple[str, str]:
    """A number of lethal doses in people of ``place`` for the claim's date, and the population used.

    >>> describe_in_people("386 million", "the United States", year=2023)[0]
    'enough for every American (about 1.1 times the 336.8 million people)'
    """
    from ..errors import InputError
    from ..reading.numbers import parse_number
    from .places import resolve_place
    from .years import resolve_when

    value = Fraction(parse_number(doses)) if isinstance(doses, str) else Fraction(doses)
    if value < 0:
        raise InputError(f"{doses} doses is negative; a number of doses is zero or more")
    when = resolve_when(date=date, year=year)
    population = resolve_place(place, state=state, year=when.year)
    return as_population(value, population), f"population: {population.explain()}"

"""Population phrases in news style read as dose claims: population × multiple, one lethal dose per person."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from doseconv.errors import PopulationError
from doseconv.intervals import Interval
from doseconv.population import parse_population_claim
from doseconv.population.data import states

US_2023 = 336806231
WV_2023 = 1770495


@pytest.mark.parametrize(
    ("text", "verb", "place", "qualifier", "multiple"),
    [
        ("enough to kill every American", "kill", "United States", "none", Interval.point(1)),
        ("enough fentanyl to kill every American five times over", "kill", "United States", "none",
         Interval(Fraction(9, 2), Fraction(11, 2), high_open=True)),
        ("enough to kill the U.S. population nearly twice over", "kill", "United States", "nearly",
         Interval(Fraction(1), Fraction(2), high_open=True)),
        ("enough to kill every person in West Virginia 32 times over", "kill", "West Virginia", "none",
         Interval(Fraction(63, 2), Fraction(65, 2), high_open=True)),
        ("enough to overdose the entire population of Orange County, California three times", "overdose",
         "Orange County, California", "none", Interval(Fraction(5, 2), Fraction(7, 2), high_open=True)),
        ("enough to kill half the population of Wicomico County", "kill", "Wicomico County, Maryland", "none",
         Interval(Fraction(9, 20), Fraction(11, 20), high_open=True)),
        ("enough to kill a third of the US population", "kill", "United States", "none",
         Interval(Fraction(3, 10), Fraction(11, 30), high_open=True)),
        ("enough to kill the entire world", "kill", "World", "none", Interval.point(1)),
        ("could kill the entire population of Wyoming", "kill", "Wyoming", "none", Interval.point(1)),
        ("fatal to everyone in Delaware", "fatal", "Delaware", "none", Interval.point(1)),
        ("lethal to every man, woman and child in Rhode Island 18 times over", "fatal", "Rhode Island", "none",
         Interval(Fraction(35, 2), Fraction(37, 2), high_open=True)),
        ("enough to kill more than five times the population of Texas", "kill", "Texas", "more_than",
         Interval(Fraction(5), Fraction(6), low_open=True)),
        ("could kill the population of Mexico more than twice", "kill", "Mexico", "more_than",
         Interval(Fraction(2), Fraction(3), low_open=True)),
        ("enough to kill nearly seven times over every person in Alaska", "kill", "Alaska", "nearly",
         Interval(Fraction(6), Fraction(7), high_open=True)),
        ("enough to kill nearly half of Alaska's population", "kill", "Alaska", "nearly",
         Interval(Fraction(2, 5), Fraction(1, 2), high_open=True)),
        ("enough to kill 10% of all Americans", "kill", "United States", "none",
         Interval(Fraction(19, 200), Fraction(21, 200), high_open=True)),
        ("enough to kill 15 percent of the population of Ohio", "kill", "Ohio", "none",
         Interval(Fraction(29, 200), Fraction(31, 200), high_open=True)),
        ("enough to kill everyone on Earth", "kill", "World", "none", Interval.point(1)),
        ("The seizure held enough to kill all Americans roughly twice.", "kill", "United States", "about",
         Interval(Fraction(1), Fraction(3))),
        ("enough to kill every resident of Los Angeles County twenty-five times", "kill",
         "Los Angeles County, California", "none", Interval(Fraction(49, 2), Fraction(51, 2), high_open=True)),
        ("\u201cenough to wipe out the city of Pewaukee\u201d", "kill", "Pewaukee city, Wisconsin", "none",
         Interval.point(1)),
        ("officials said it was enough to kill the state's entire population", "kill", "Maryland", "none",
         Interval.point(1)),
    ],
)  # fmt: skip
def test_population_phrases(text: str, verb: str, place: str, qualifier: str, multiple: Interval) -> None:
    claim = parse_population_claim(text, state="MD" if "state" in text else None, year=2023)
    assert claim is not None
    assert (claim.verb, claim.population.place, claim.qualifier, claim.multiple) == (verb, place, qualifier, multiple)
    assert claim.doses == multiple * claim.population.value
    assert claim.floor


@pytest.mark.parametrize(
    ("text", "place", "multiple"),
    [
        ("enough to kill everyone in the state of Ohio", "Ohio", "[1, 1]"),
        ("enough fentanyl to kill the entire population of New York City", "New York city, New York", "[1, 1]"),
        ("enough to kill every resident of Houston, Texas", "Houston city, Texas", "[1, 1]"),
        ("could kill the population of the United States more than once", "United States", "(1, 2]"),
        ("enough to kill every American ten times over", "United States", "[9.5, 10.5)"),
        ("enough to kill 10 times the population of Maryland", "Maryland", "[9.5, 10.5)"),
        ("enough to kill roughly a quarter of Arizona's population", "Arizona", "[0.2, 0.3]"),
        ("enough to potentially kill the entire population of Maine", "Maine", "[1, 1]"),
        ("enough lethal doses to kill every person in Montana", "Montana", "[1, 1]"),
        ("sufficient to kill every resident of Vermont", "Vermont", "[1, 1]"),
        ("potentially deadly to everyone in Idaho", "Idaho", "[1, 1]"),
        ("enough to kill off the population of Utah", "Utah", "[1, 1]"),
        ("enough to kill the whole of Nevada", "Nevada", "[1, 1]"),
        ("enough to kill the entire U.S. population", "United States", "[1, 1]"),
        ("enough to kill the entire Texas population", "Texas", "[1, 1]"),
        ("enough to kill the entire world population", "World", "[1, 1]"),
        ("enough to kill every person living in Iowa twice", "Iowa", "[1.5, 2.5)"),
        ("enough to kill over 3 times the population of Oregon", "Oregon", "(3, 4]"),
        ("the amount could kill every living person in Hawaii 4 times", "Hawaii", "[3.5, 4.5)"),
        ("enough to kill more than half of all Americans", "United States", "(0.5, 0.6]"),
        ("enough to kill the entire population of the state of Georgia", "Georgia", "[1, 1]"),
    ],
)
def test_more_news_variants(text: str, place: str, multiple: str) -> None:
    claim = parse_population_claim(text, year=2023)
    assert claim is not None and (claim.population.place, str(claim.multiple)) == (place, multiple)


def test_west_virginia_32_times_over_in_full() -> None:
    claim = parse_population_claim("enough to kill every person in West Virginia 32 times over", year=2023)
    assert claim is not None
    assert claim.population.value == WV_2023 and claim.population.year == 2023
    assert claim.doses == Interval(Fraction(WV_2023 * 63, 2), Fraction(WV_2023 * 65, 2), high_open=True)
    assert claim.note == (
        "'enough to kill' states a floor: the claim is wrong when the seizure holds fewer doses than 55770592.5, "
        "not when it holds more"
    )
    data = claim.to_dict()
    assert data["population"] == claim.population.to_dict()
    assert data["multiple"] == {"text": "32 times over", "qualifier": "none", **claim.multiple.to_dict()}


def test_strict_reading_narrows_the_multiple() -> None:
    claim = parse_population_claim("enough to kill the U.S. population nearly twice over", year=2023, reading="strict")
    assert claim is not None and claim.multiple == Interval(Fraction(3, 2), Fraction(2), high_open=True)


@pytest.mark.parametrize(
    "text",
    [
        "enough to kill 2 million people",
        "enough to kill more than 2 million people",
        "could kill millions of people",
        "enough to kill thousands",
        "the seizure weighed 20 pounds",
        "police said the pills were pressed in Mexico",
        "a single pill could kill people who use it",
        "enough to kill a horse",
        "the dealer threatened to kill the informant",
        "It was enough to kill.",
    ],
)
def test_counts_of_people_and_other_text_are_not_population_phrases(text: str) -> None:
    assert parse_population_claim(text) is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("enough to kill everyone in Orange County", "names 8 counties in several states, none 20 times"),
        ("enough to kill the entire population of Narnia", "unknown place 'the entire population of Narnia'"),
        ("enough to kill the entire state", "needs the state the story is about"),
    ],
)
def test_places_that_cannot_be_read_are_errors(text: str, message: str) -> None:
    with pytest.raises(PopulationError, match=message):
        parse_population_claim(text)


def test_the_year_rule_travels_with_the_claim() -> None:
    claim = parse_population_claim("enough to kill half the population of Wicomico County", year=2023)
    assert claim is not None and claim.population.year == 2020
    assert "2020 used, the nearest year" in claim.population.note


_STATES = [row.name for row in states() if row.key not in ("US", "PR")]


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=1, max_value=99), st.integers(min_value=1, max_value=99), st.sampled_from(_STATES))
def test_doses_of_n_times_over_are_monotone_in_n(n: int, m: int, state: str) -> None:
    low, high = sorted((n, m))
    a = parse_population_claim(f"enough to kill every person in {state} {low} times over", year=2022)
    b = parse_population_claim(f"enough to kill every person in {state} {high} times over", year=2022)
    assert a is not None and b is not None
    assert a.doses.low <= b.doses.low and a.doses.high <= b.doses.high
    assert (a.doses.low < b.doses.low) == (low < high)


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=1, max_value=60), st.sampled_from(_STATES), st.sampled_from(_STATES))
def test_doses_of_n_times_over_are_monotone_in_the_population(n: int, first: str, second: str) -> None:
    a = parse_population_claim(f"enough to kill the entire population of {first} {n} times over", year=2021)
    b = parse_population_claim(f"enough to kill the entire population of {second} {n} times over", year=2021)
    assert a is not None and b is not None
    if a.population.value <= b.population.value:
        assert a.doses.low <= b.doses.low and a.doses.high <= b.doses.high
    else:
        assert a.doses.low > b.doses.low and a.doses.high > b.doses.high

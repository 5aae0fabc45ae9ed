"""Population phrases as reporters write them: their verbs and leads, who they count, multiples with no number,
figures the phrase states itself, and demonyms. Every sentence here is our own."""

from __future__ import annotations

from fractions import Fraction

import pytest

from doseconv import check
from doseconv.errors import PopulationError
from doseconv.intervals import Interval
from doseconv.population import parse_population_claim
from doseconv.population.data import states

US_2022 = next(row for row in states() if row.key == "US").value(2022)


@pytest.mark.parametrize(
    ("text", "verb", "place"),
    [
        ("the haul was enough to wipe out every American", "kill", "United States"),
        ("agents seized enough pills to take out the entire city of Baltimore", "kill", "Baltimore city, Maryland"),
        ("enough powder to decimate the whole state of Nevada", "kill", "Nevada"),
        ("deputies said the load could have overdosed everybody within Travis County", "overdose",
         "Travis County, Texas"),
        ("enough to cause overdoses of everyone in Idaho four times over", "overdose", "Idaho"),
        ("enough of the powder through three busts to fatally poison the population of Oregon", "kill", "Oregon"),
        ("enough fentanyl was seized at the border this spring to kill every single American", "kill",
         "United States"),
        ("enough \u201cto kill every American\u201d", "kill", "United States"),
        ("Enough Fentanyl Seized To \u2018Kill Every Single American\u2019", "kill", "United States"),
        ("enough of the drug to theoretically kill half of Ohio's residents", "kill", "Ohio"),
        ("the pills had the potential to kill every person in Rhode Island", "kill", "Rhode Island"),
        ("the powder could potentially have killed everyone in Montana", "kill", "Montana"),
        ("enough to slay every resident of Vermont", "kill", "Vermont"),
        ("enough to kill every person residing in Maricopa County, Arizona", "kill", "Maricopa County, Arizona"),
        ("enough to kill everyone in the County of San Diego", "kill", "San Diego County, California"),
        ("enough to kill everyone living within the City of Boulder", "kill", "Boulder city, Colorado"),
        ("enough to kill all of Delaware", "kill", "Delaware"),
        ("enough to wipe out every Floridian", "kill", "Florida"),
        ("enough to kill all Texans", "kill", "Texas"),
    ],
)  # fmt: skip
def test_verbs_leads_and_wrappers(text: str, verb: str, place: str) -> None:
    claim = parse_population_claim(text, year=2020)
    assert claim is not None
    assert (claim.verb, claim.population.place) == (verb, place)


@pytest.mark.parametrize("words", ["several times over", "many times over", "multiple times"])
def test_a_multiple_with_no_number_is_a_floor_of_two(words: str) -> None:
    claim = parse_population_claim(f"enough to kill every American {words}", year=2022)
    assert claim is not None and claim.at_least and claim.floor
    assert claim.multiple == Interval.point(2) and claim.doses.low == 2 * US_2022
    assert claim.notes[0] == f"'{words}' gives no number: read as at least 2 times, a floor of two"
    assert claim.to_dict()["multiple"]["at_least"] is True  # type: ignore[index]


def test_a_floor_of_two_is_never_said_to_understate() -> None:
    result = check(None, "30,000 pounds", "enough to kill every American several times over", year=2022)
    assert result.verdict == "consistent"
    assert not any("understates by far" in note for note in result.notes)
    assert any("a floor of two" in note for note in result.notes)


@pytest.mark.parametrize(
    ("text", "people", "qualifier"),
    [
        ("could have killed all of the country\u2019s approximately 333 million residents", Fraction(333_000_000),
         "about"),
        ("more than enough to kill the US\u2019 331 million men, women and children", Fraction(331_000_000), "none"),
        ("enough to kill the city of Columbus, which has a population of roughly 800,000", Fraction(800_000),
         "about"),
        ("enough to kill Columbus (population 905,000)", Fraction(905_000), "none"),
    ],
)  # fmt: skip
def test_a_figure_the_phrase_states_is_used_and_said(text: str, people: Fraction, qualifier: str) -> None:
    claim = parse_population_claim(text, state="OH", year=2022)
    assert claim is not None and claim.stated is not None and claim.floor
    assert claim.stated.amount.value == people and claim.stated.qualifier == qualifier
    assert claim.doses == claim.stated.interval(role="claim")
    assert claim.notes[0].startswith(f"the phrase states its own figure for {claim.population.place}, ")
    assert "the published estimate is" in claim.notes[0]


@pytest.mark.parametrize(
    ("text", "place", "count"),
    [
        ("enough fentanyl to kill 750,000 Delawareans", "Delaware", 750_000),
        ("enough to kill 20 million Americans", "United States", 20_000_000),
        ("enough to kill nearly 2 million Texans", "Texas", 2_000_000),
        ("enough to kill 60,000 people in Wyoming", "Wyoming", 60_000),
        ("enough to kill 3 million Canadians", "Canada", 3_000_000),
    ],
)
def test_a_demonym_count_is_people_with_a_place(text: str, place: str, count: int) -> None:
    claim = parse_population_claim(text, year=2020)
    assert claim is not None and claim.kind == "count" and not claim.floor
    assert claim.population.place == place and claim.stated is not None
    assert claim.stated.amount.value == count
    assert f"counts people, not a whole population: {claim.stated.text} is " in claim.notes[0]


def test_a_count_is_checked_as_a_total_not_a_floor() -> None:
    result = check(None, "7.5 kilograms", "enough fentanyl to kill 750,000 Delawareans", year=2021)
    assert result.population is not None and result.population.place == "Delaware"
    assert result.claimed == Interval(Fraction(745_000), Fraction(755_000), high_open=True)
    assert "states a floor" not in result.explanation


def test_an_ambiguous_demonym_is_refused_with_both_places() -> None:
    with pytest.raises(PopulationError, match=r"may be residents of Washington State or of Washington, D\.C\."):
        parse_population_claim("enough to kill every Washingtonian", year=2022)


@pytest.mark.parametrize(
    "text",
    [
        "the dealer planned to take out a rival",
        "the crew could wipe out the evidence",
        "enough to kill 2 million people",
        "could kill Johnson",  # a town's name may be a person's: a bare name is read only as a state or larger
        "could have killed all of us",
    ],
)
def test_not_population_phrases(text: str) -> None:
    assert parse_population_claim(text) is None

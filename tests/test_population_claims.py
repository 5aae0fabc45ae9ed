"""Population claims checked like any dose claim: the library's check, its floor, its date rule and its words."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from doseconv import check
from doseconv.checker.people import in_people
from doseconv.checker.population import PopulationFigure
from doseconv.errors import InputError, PopulationError
from doseconv.population import parse_population_claim, resolve_place, resolve_when
from doseconv.population.data import states

US_2023 = 336806231
WY_2023 = 585067

# News copy and officials' statements, each with the place it names (year 2023; state "the state" = WV).
VARIANTS = [
    ("enough to kill every American five times over", "United States"),
    ("enough fentanyl to kill every American", "United States"),
    ("enough to kill all Americans twice", "United States"),
    ("enough to kill the U.S. population nearly twice over", "United States"),
    ("enough to kill every US citizen", "United States"),
    ("could kill every man, woman and child in America", "United States"),
    ("enough to wipe out the entire U.S. population", "United States"),
    ("enough lethal doses to kill every American more than twice", "United States"),
    ("enough to kill a third of the US population", "United States"),
    ("enough to kill 10 percent of the nation's population", "United States"),
    ("could kill the entire population of Wyoming", "Wyoming"),
    ("enough to kill every person in West Virginia 32 times over", "West Virginia"),
    ("enough to kill everyone in the state nearly three times over", "West Virginia"),
    ("enough to kill Alaska's entire population", "Alaska"),
    ("fatal to everyone in Delaware", "Delaware"),
    ("potentially lethal to every resident of Rhode Island 18 times over", "Rhode Island"),
    ("enough to kill everyone in Texas", "Texas"),
    ("enough to overdose the entire population of Orange County, California three times", "Orange County, California"),
    ("enough to kill half the population of Wicomico County", "Wicomico County, Maryland"),
    ("enough to kill every resident of Los Angeles County", "Los Angeles County, California"),
    ("could kill everyone in Cook County, Illinois", "Cook County, Illinois"),
    ("enough to kill the entire city of Houston, Texas", "Houston city, Texas"),
    ("enough to kill the population of Raleigh, N.C., twice over", "Raleigh city, North Carolina"),
    ("enough to kill the entire world", "World"),
    ("enough to kill everyone on Earth", "World"),
    ("capable of killing everyone on the planet", "World"),
    ("enough to kill the population of Mexico", "Mexico"),
]


@pytest.mark.parametrize(("phrase", "place"), VARIANTS)
def test_news_phrases_are_checked_against_the_place_they_name(phrase: str, place: str) -> None:
    result = check(None, "1,000 pounds of fentanyl powder", phrase, year=2023, state="WV")
    assert result.population is not None and result.population.place == place
    claim = result.inputs["claim"]
    assert isinstance(claim, PopulationFigure)
    assert result.claimed == claim.claim.multiple * result.population.value  # one lethal dose per person
    assert result.to_dict()["population"]["place"] == place


def test_the_correction_says_it_in_people() -> None:
    result = check(None, "around 9,400 pounds", "enough to kill every American five times over", year=2023)
    assert result.verdict == "implausible"
    assert result.plain == (
        "Around 9,400 pounds of powder at the 19.5% average purity for fiscal 2023 reported in DEA's Fentanyl Free America release of December 2025 holds about "
        "416 million lethal doses of 2 mg — in theory about 1.2 times the U.S. population, not five times."
    )


def test_the_output_names_the_population_used_and_what_it_counts() -> None:
    result = check(None, "around 9,400 pounds", "enough to kill every US citizen", year=2023)
    assert result.population is not None
    assert result.population.citation() == (
        "336,806,231 residents, U.S. Census Bureau estimate for July 1, 2023, vintage 2024"
    )
    population = result.to_dict()["population"]
    assert {k: population[k] for k in ("place", "year", "value")} == {
        "place": "United States",
        "year": 2023,
        "value": US_2023,
    }
    assert population["source"].startswith("U.S. Census Bureau")
    assert population["counts"] == "residents of the 50 states and DC, citizens or not; Puerto Rico apart"
    assert any(note.startswith("population: United States: 336,806,231 residents") for note in result.notes)


def test_a_dose_claim_has_no_population_key() -> None:
    assert "population" not in check("nearly 44 million pills", None, "nearly 193 million doses").to_dict()


class TestFloor:
    def test_more_than_enough_is_consistent(self) -> None:
        """A seizure of 38 million doses is "enough to kill every resident of Los Angeles County"."""
        result = check(None, None, "enough to kill every resident of Los Angeles County", assumptions="pure")
        assert result.verdict == "unverifiable"  # no inputs: nothing to compute
        result = check(None, "more than 400 pounds", "enough to kill every resident of Los Angeles County", year=2023)
        assert result.verdict == "consistent"
        assert "states a floor" in result.explanation
        assert result.plain.endswith("so the claim holds: 'enough to kill' states a floor.")

    def test_far_more_than_enough_says_the_claim_understates(self) -> None:
        result = check(None, "more than 27,000 pounds", "enough to kill the population of Mexico", year=2024)
        assert result.verdict == "consistent"
        assert "the claim understates by far: the inputs give about 5.3 times the population of Mexico or more" in (
            result.notes
        )

    def test_the_correction_is_said_in_people(self) -> None:
        result = check(None, "2 kilograms", "could kill the entire population of Orleans Parish twice over", year=2022)
        assert result.verdict == "upper-bound"
        assert result.correction.phrase == "192,000"
        assert result.correction.plain == result.plain
        assert result.plain.endswith(
            "in theory about 50% of the population of Orleans Parish, Louisiana, not twice; twice would need the "
            "powder to be pure fentanyl, the most it could hold, not what it likely holds."
        )
        assert result.to_dict()["correction"]["plain"] == result.plain

    def test_more_than_the_stated_amount_could_hold(self) -> None:
        result = check(None, "10,000 pounds", "enough to kill every American 10 times over", year=2022)
        assert result.verdict == "impossible"
        assert result.plain.endswith(
            "not 10 times; 10 times is more than the stated amount could hold even as pure fentanyl."
        )

    def test_fewer_than_the_floor_is_flagged(self) -> None:
        result = check("250,000 pills", None, "could kill the entire population of Wyoming", year=2023)
        assert result.verdict == "implausible"
        assert result.plain == (
            "250,000 pills (each pill counted as one dose) hold 250,000 lethal doses of 2 mg — in theory "
            "about 43% of the population of Wyoming, not all of it."
        )

    def test_a_claim_within_its_interval_is_consistent_as_before(self) -> None:
        result = check(
            "more than 50.6 million pills", "more than 10,000 pounds",
            "enough to kill the U.S. population nearly twice over", date="2022-12-20",
        )  # fmt: skip
        assert result.verdict == "consistent"
        assert result.population is not None and result.population.year == 2022


class TestDates:
    def test_the_date_picks_the_population_year_and_the_set(self) -> None:
        result = check(None, "9,400 pounds", "enough to kill every American", date="2022-12-20")
        assert (result.assumptions.name, result.population.year) == ("dea-2022", 2022)  # type: ignore[union-attr]
        result = check(None, "9,400 pounds", "enough to kill every American", year=2023)
        assert (result.assumptions.name, result.population.year) == ("dea-2023", 2023)  # type: ignore[union-attr]

    def test_the_date_comes_before_the_year_and_the_year_before_the_story(self) -> None:
        result = check(None, "9 pounds", "enough to kill every American", date="2024-11-15", year=2022)
        assert result.assumptions.name == "dea-fy2025"
        result = check(None, "9 pounds", "enough to kill every American", year=2022, story_date="2023-05-08")
        assert result.assumptions.name == "dea-2022"
        result = check(None, "9 pounds", "enough to kill every American", story_date="2023-05-08")
        assert result.assumptions.name == "dea-2023"

    def test_a_named_set_is_kept(self) -> None:
        result = check(None, "9 pounds", "enough to kill everyone in Texas", year=2023, assumptions="dea-2022")
        assert result.assumptions.name == "dea-2022"
        assert result.population is not None and result.population.year == 2023

    def test_a_dose_claim_with_a_year_uses_the_set_of_that_year(self) -> None:
        dated = check("nearly 44 million pills", "more than 6,500 pounds", "nearly 193 million doses", year=2023)
        assert dated.assumptions.name == "dea-2023"
        assert "claim dated 2023 (the year given); assumptions for that date: dea-2023" in dated.notes
        undated = check("nearly 44 million pills", "more than 6,500 pounds", "nearly 193 million doses")
        assert undated.assumptions.name == "dea-2022"  # the default, as before

    def test_a_year_outside_the_data_says_which_year_was_used(self) -> None:
        result = check(None, "9 pounds", "enough to kill half the population of Wicomico County", year=2023)
        assert result.population is not None and result.population.year == 2020
        assert "2020 used, the nearest year" in result.population.note

    @settings(max_examples=40)
    @given(st.dates(min_value=dt.date(2010, 1, 1), max_value=dt.date(2030, 12, 31)))
    def test_the_year_choice_is_deterministic(self, day: dt.date) -> None:
        """The same date always gives the same population year and set, and the year is the date's."""
        first, second = resolve_when(date=day), resolve_when(date=day.isoformat())
        assert first == second
        assert first.year == day.year and first.assumptions is not None
        claim = parse_population_claim("enough to kill every American", year=first.year)
        assert claim is not None and claim.population.year == min(max(day.year, 2010), 2024)


class TestErrors:
    @pytest.mark.parametrize(
        ("phrase", "message"),
        [
            ("enough to kill everyone in Narnia", "unknown place 'everyone in Narnia'; accepted: the United States"),
            (
                "enough to kill every resident of Orange County",
                "names 8 counties in several states, none 20 times the size of the next; give the state: Orange County",
            ),
            ("enough to kill a horse", "cannot read the claim 'enough to kill a horse'; write a total such as"),
            ("enough to kill everyone in the state", "needs the state the story is about; give the state"),
        ],
    )
    def test_one_line_saying_what_would_be_accepted(self, phrase: str, message: str) -> None:
        with pytest.raises(InputError) as raised:
            check(None, "9 pounds", phrase, year=2023)
        assert message in str(raised.value)
        assert "\n" not in str(raised.value)

    def test_never_a_silent_default_to_the_united_states(self) -> None:
        with pytest.raises(PopulationError):
            check(None, "9 pounds", "enough to kill everyone in Springfield", year=2023)

    def test_a_count_of_people_is_not_a_population(self) -> None:
        assert parse_population_claim("enough to kill 2 million people") is None


class TestInPeople:
    def test_shares_and_multiples(self) -> None:
        us = resolve_place("every American", year=2023)
        assert in_people(Fraction(415_717_412), us) == "about 1.2 times the U.S. population"
        assert in_people(Fraction(US_2023), us) == "the U.S. population, one dose each"
        assert in_people(Fraction(WY_2023, 2), resolve_place("Wyoming", year=2023)) == (
            "50% of the population of Wyoming"  # exactly half: no "about"
        )
        assert in_people(Fraction(8_150_000_000), resolve_place("the world", year=2024)) == (
            "about the world's population, one dose each"
        )


_STATE_NAMES = sorted(row.name for row in states() if row.key not in ("US", "PR"))


@settings(max_examples=40)
@given(st.integers(min_value=1, max_value=99), st.integers(min_value=1, max_value=99), st.sampled_from(_STATE_NAMES))
def test_times_over_is_monotone_in_the_multiple(n: int, m: int, state: str) -> None:
    """A larger "N times over" never states fewer doses: both ends of the interval rise with N."""
    low, high = sorted((n, m))
    a = parse_population_claim(f"enough to kill every person in {state} {low} times over", year=2023)
    b = parse_population_claim(f"enough to kill every person in {state} {high} times over", year=2023)
    assert a is not None and b is not None
    assert a.doses.low <= b.doses.low and a.doses.high <= b.doses.high


@settings(max_examples=40)
@given(st.integers(min_value=1, max_value=60), st.sampled_from(_STATE_NAMES), st.sampled_from(_STATE_NAMES))
def test_times_over_is_monotone_in_the_population(n: int, one: str, other: str) -> None:
    """For one multiple, a larger population states at least as many doses at both ends."""
    a = parse_population_claim(f"enough to kill every person in {one} {n} times over", year=2023)
    b = parse_population_claim(f"enough to kill every person in {other} {n} times over", year=2023)
    assert a is not None and b is not None
    if a.population.value <= b.population.value:
        assert a.doses.low <= b.doses.low and a.doses.high <= b.doses.high
    else:
        assert a.doses.low >= b.doses.low and a.doses.high >= b.doses.high


@settings(max_examples=25)
@given(st.integers(min_value=1, max_value=40))
def test_a_floor_met_stays_met_as_the_seizure_grows(pounds: int) -> None:
    """ "Enough to kill" is a floor: once consistent, more powder never flags it."""
    phrase = "enough to kill every resident of Wyoming"
    small = check(None, f"{pounds * 10} pounds", phrase, year=2023)
    large = check(None, f"{pounds * 100} pounds", phrase, year=2023)
    if small.verdict == "consistent":
        assert large.verdict == "consistent"


def test_a_population_claim_naming_another_drug_is_refused() -> None:
    from doseconv.errors import DrugError

    with pytest.raises(DrugError, match="names methamphetamine, not fentanyl"):
        check(None, "10 kg", "enough meth to kill every American", year=2023)


def test_a_claim_in_people_is_a_total_not_a_population() -> None:
    result = check(None, "10 kg", "enough to kill 1.5 million adults", year=2023)
    assert result.population is None and result.claimed.low == 1_450_000


def test_a_parsed_population_claim_is_taken_as_parsed() -> None:
    """The library takes the phrase read once (a PopulationClaim) as it takes the text."""
    parsed = parse_population_claim("enough to kill every American five times over", year=2023)
    assert parsed is not None
    from_text = check(None, "around 9,400 pounds", "enough to kill every American five times over", year=2023)
    from_claim = check(None, "around 9,400 pounds", parsed, year=2023)
    assert (from_claim.verdict, from_claim.claimed, from_claim.plain) == (
        from_text.verdict,
        from_text.claimed,
        from_text.plain,
    )


def test_a_population_claim_with_no_date_takes_the_set_of_the_population_year() -> None:
    """One rule for every claim with no date: the default set, and for a population the same year, said in a note;
    one claim never mixes years."""
    from doseconv import check

    result = check("250,000 pills", None, "enough to kill the entire population of Wyoming")
    doses = check("250,000 pills", None, "600,000 doses")
    assert result.population is not None and result.population.year == 2022
    assert result.assumptions.name == doses.assumptions.name == "dea-2022"
    assert result.notes[0] == (
        "no date given: the assumptions of dea-2022, the default (the latest year with every DEA laboratory figure "
        "and its tested range published), and the population of the same year, 2022; give the claim's date or year "
        "to use that year's"
    )
    assert doses.notes[0] == (
        "no date given: the assumptions of dea-2022, the default (the latest year with every DEA laboratory figure "
        "and its tested range published); give the claim's date or year to use that year's"
    )
    named = check("250,000 pills", None, "enough to kill the entire population of Wyoming", assumptions="dea-2022")
    assert named.assumptions.name == "dea-2022"

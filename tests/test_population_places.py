"""Places read from news text, each with the figure of the year asked for (or the nearest, said so)."""

from __future__ import annotations

import pytest

from doseconv.errors import DoseconvError, InputError, PopulationError
from doseconv.population import as_population, resolve_place, state_code


@pytest.mark.parametrize(
    "text",
    [
        "every American", "all Americans", "every US citizen", "every U.S. citizen", "the U.S. population",
        "the US population", "the country", "the nation", "the United States", "America", "the entire country",
        "America's population", "the entire population of the United States", "the whole country", "Americans",
        "the American people", "  Every American. ",
    ],
)  # fmt: skip
def test_the_united_states_in_many_forms(text: str) -> None:
    found = resolve_place(text, year=2023)
    assert (found.place, found.kind, found.year, found.value) == ("United States", "nation", 2023, 336806231)
    assert found.citation() == "336,806,231 residents, U.S. Census Bureau estimate for July 1, 2023, vintage 2024"
    assert found.counts == "residents of the 50 states and DC, citizens or not; Puerto Rico apart"
    assert found.to_dict() == {
        "place": "United States",
        "year": 2023,
        "value": 336806231,
        "source": "U.S. Census Bureau, Population Estimates Program, Annual Estimates of the Resident Population "
        "for the United States, Regions, States, District of Columbia, and Puerto Rico: April 1, 2020 to July 1, "
        "2024, vintage 2024",
    }


@pytest.mark.parametrize(
    ("text", "place", "value"),
    [
        ("every person in West Virginia", "West Virginia", 1770495),
        ("Alaska's entire population", "Alaska", 736510),
        ("the entire population of Wyoming", "Wyoming", 585067),
        ("every man, woman and child in Rhode Island", "Rhode Island", 1103429),
        ("everyone in Delaware", "Delaware", 1036423),
        ("every resident of Texas", "Texas", 30727890),
        ("the state of Ohio", "Ohio", 11824034),
        ("Washington state", "Washington", 7857320),
        ("Washington, D.C.", "District of Columbia", 687324),
        ("the District of Columbia", "District of Columbia", 687324),
        ("Puerto Rico", "Puerto Rico", 3203792),
        ("W.Va.", "West Virginia", 1770495),
        ("the people of Maine", "Maine", 1399646),
        ("Montana's population", "Montana", 1131302),
    ],
)
def test_states_dc_and_puerto_rico(text: str, place: str, value: int) -> None:
    found = resolve_place(text, year=2023)
    assert (found.place, found.year, found.value) == (place, 2023, value)
    assert found.source.vintage == "2024"


def test_puerto_rico_says_what_it_counts() -> None:
    assert resolve_place("Puerto Rico").counts == "residents of Puerto Rico, citizens or not"


def test_the_state_needs_the_story_state() -> None:
    assert resolve_place("the state", state="West Virginia", year=2023).value == 1770495
    assert resolve_place("the entire state", state="wv", year=2023).place == "West Virginia"
    with pytest.raises(PopulationError, match="needs the state the story is about"):
        resolve_place("the state")


@pytest.mark.parametrize(
    ("text", "state", "place", "value"),
    [
        ("Orange County, California", None, "Orange County, California", 3186261),
        ("Orange County, Calif.", None, "Orange County, California", 3186261),
        ("Orange County, CA", None, "Orange County, California", 3186261),
        ("Orange County in Florida", None, "Orange County, Florida", 1431720),
        ("Orange County", "FL", "Orange County, Florida", 1431720),
        ("Wicomico County", None, "Wicomico County, Maryland", 103563),
        ("the population of Wicomico County", None, "Wicomico County, Maryland", 103563),
        ("Los Angeles County", None, "Los Angeles County, California", 9996634),
        ("every resident of Los Angeles County", None, "Los Angeles County, California", 9996634),
        ("Saint Louis County, Missouri", None, "St. Louis County, Missouri", 1003376),
        ("Orleans Parish", None, "Orleans Parish, Louisiana", 383374),
        ("Doña Ana County", None, "Doña Ana County, New Mexico", 220069),
        ("Dona Ana County", None, "Doña Ana County, New Mexico", 220069),
    ],
)
def test_counties(text: str, state: str | None, place: str, value: int) -> None:
    found = resolve_place(text, state=state, year=2020)
    assert (found.place, found.kind, found.year, found.value, found.note) == (place, "county", 2020, value, "")


def test_a_county_year_other_than_2020_uses_2020_and_says_so() -> None:
    found = resolve_place("Wicomico County", year=2023)
    assert (found.year, found.requested) == (2020, 2023)
    assert (
        found.note == "no 2023 figure for Wicomico County, Maryland (the data cover 2020); 2020 used, the nearest year"
    )
    assert found.explain().endswith(found.note)


def test_a_county_name_in_several_states_lists_them() -> None:
    with pytest.raises(PopulationError) as caught:
        resolve_place("Orange County")
    assert str(caught.value) == (
        "'Orange County' names 8 counties in several states, none 20 times the size of the next; give the state: "
        "Orange County, California; Orange County, Florida; Orange County, New York; Orange County, North Carolina; "
        "Orange County, Texas; Orange County, Virginia; Orange County, Vermont; Orange County, Indiana"
    )
    with pytest.raises(PopulationError, match="no Orange County in Ohio; Orange County, California"):
        resolve_place("Orange County, Ohio")


@pytest.mark.parametrize(
    ("text", "state", "place", "value"),
    [
        ("the entire city of Houston", "TX", "Houston city, Texas", 2302878),
        ("Houston, Texas", None, "Houston city, Texas", 2302878),
        ("the population of Raleigh", "North Carolina", "Raleigh city, North Carolina", 476587),
        ("Raleigh, N.C.", None, "Raleigh city, North Carolina", 476587),
        ("the City of Pewaukee", None, "Pewaukee city, Wisconsin", 16169),
        ("the village of Pewaukee", None, "Pewaukee village, Wisconsin", 8184),
        ("Pewaukee village", "WI", "Pewaukee village, Wisconsin", 8184),
        ("New York City", None, "New York city, New York", 8335897),
        ("the residents of Springfield", "IL", "Springfield city, Illinois", 113273),
        ("Houston's entire population", "TX", "Houston city, Texas", 2302878),
    ],
)
def test_cities_towns_and_villages(text: str, state: str | None, place: str, value: int) -> None:
    found = resolve_place(text, state=state, year=2022)
    assert (found.place, found.kind, found.year, found.value) == (place, "place", 2022, value)
    assert found.citation() == f"{value:,} residents, U.S. Census Bureau estimate for July 1, 2022, vintage 2022"


def test_places_before_2020_come_from_vintage_2019() -> None:
    found = resolve_place("the City of Pewaukee", year=2015)
    assert (found.value, found.source.vintage) == (14092, "2019")
    later = resolve_place("Pewaukee city, Wisconsin", year=2024)
    assert (later.year, later.value) == (2022, 16169)
    assert "no 2024 figure for Pewaukee city, Wisconsin (the data cover 2010-2022); 2022 used" in later.note


def test_a_shared_place_name_is_refused_with_its_candidates() -> None:
    with pytest.raises(PopulationError) as caught:
        resolve_place("Pewaukee")
    assert (
        str(caught.value)
        == "'Pewaukee' names 2 places; say which: Pewaukee city, Wisconsin; Pewaukee village, Wisconsin"
    )
    with pytest.raises(
        PopulationError,
        match=r"names 16 places in several states, none 20 times the size of the "
        r"next; give the state: Springfield city, Missouri; .* and 8 more$",
    ):
        resolve_place("Springfield")
    with pytest.raises(PopulationError, match="no place 'Raleigh, Texas' in Texas"):
        resolve_place("Raleigh, Texas")


@pytest.mark.parametrize(
    "text",
    ["the entire world", "everyone on Earth", "the planet", "humanity", "the world's population", "all of humanity",
     "every person on the planet", "the whole world"],
)  # fmt: skip
def test_the_world(text: str) -> None:
    found = resolve_place(text, year=2023)
    assert (found.place, found.kind, found.value) == ("World", "world", 8064057930)
    assert found.citation() == "8,064,057,930 people, World Bank estimate for 2023 (SP.POP.TOTL)"


@pytest.mark.parametrize(
    ("text", "place", "value"),
    [
        ("the population of Mexico", "Mexico", 130861007),
        ("Canada", "Canada", 41288599),
        ("the entire population of Egypt", "Egypt, Arab Rep.", 116538258),
        ("the Bahamas", "Bahamas, The", 401283),
        ("South Korea", "Korea, Rep.", 51751065),
        ("the UK", "United Kingdom", 69226000),
    ],
)
def test_countries_by_name(text: str, place: str, value: int) -> None:
    found = resolve_place(text)
    assert (found.place, found.kind, found.year, found.value) == (place, "country", 2024, value)


def test_world_years_reach_back_to_1960() -> None:
    assert resolve_place("the world", year=1960).value == 3021512598
    assert resolve_place("the world", year=1950).note.startswith("no 1950 figure for World (the data cover 1960-2024)")


def test_latest_year_when_none_is_given() -> None:
    assert resolve_place("every American").year == 2024
    assert resolve_place("the City of Pewaukee").year == 2022
    assert resolve_place("Wicomico County").year == 2020


@pytest.mark.parametrize("text", ["Narnia", "Gotham City", "Atlantis County", "", "   "])
def test_unknown_places_are_one_line_input_errors(text: str) -> None:
    with pytest.raises(PopulationError) as caught:
        resolve_place(text)
    assert isinstance(caught.value, InputError) and isinstance(caught.value, DoseconvError)
    assert "\n" not in str(caught.value)
    assert "accepted: " in str(caught.value)


def test_state_codes() -> None:
    assert [state_code(t) for t in ("West Virginia", "wv", "W.Va.", "Calif.", None)] == ["WV", "WV", "WV", "CA", None]
    with pytest.raises(PopulationError, match="unknown state 'Ontario'"):
        state_code("Ontario")


@pytest.mark.parametrize(
    ("doses", "text", "year", "expected"),
    [
        (386_000_000, "every American", 2023, "enough for every American (about 1.1 times the 336.8 million people)"),
        (416_000_000, "the U.S. population", 2023, "enough for every American (about 1.2 times the 336.8 million people)"),
        (57_000_000, "West Virginia", 2023, "enough for everyone in West Virginia (about 32 times the 1.8 million people)"),
        (38_000_000, "Los Angeles County", 2020,
         "enough for everyone in Los Angeles County, California (about 3.8 times the 10 million people)"),
        (250_000, "Wyoming", 2023, "enough for about 43% of the 585,067 people of Wyoming"),
        (9_000_000_000, "the world", 2024, "enough for everyone on Earth (about 1.1 times the 8.1 billion people)"),
        (0, "the world", 2024, "enough for no one"),
        (80_000_000, "the world", 2024, "enough for about 0.98% of the 8.1 billion people of the world"),
        (3_000_000, "the country", 2024, "enough for about 0.88% of the 340.1 million people of the United States"),
    ],
)  # fmt: skip
def test_doses_said_in_people(doses: int, text: str, year: int, expected: str) -> None:
    assert as_population(doses, resolve_place(text, year=year)) == expected


def test_negative_doses_are_refused() -> None:
    with pytest.raises(InputError, match="negative"):
        as_population(-1, resolve_place("Ohio"))


def test_two_places_of_one_name_and_type_are_told_apart_by_fips_code() -> None:
    with pytest.raises(PopulationError) as caught:
        resolve_place("Reno, Texas")
    assert str(caught.value) == (
        "'Reno, Texas' names 2 places; say which: Reno city, Texas (FIPS 4861592); Reno city, Texas (FIPS 4861604)"
    )
    first = resolve_place("Reno city, Texas (FIPS 4861592)", year=2019)
    second = resolve_place("Reno city, Texas (FIPS 4861604)", year=2019)
    assert (first.value, second.value) == (3346, 3204)  # sub-est2019: PLACE 61592 and 61604
    with pytest.raises(PopulationError, match="no place has the FIPS code 4899999"):
        resolve_place("Reno city, Texas (FIPS 4899999)")

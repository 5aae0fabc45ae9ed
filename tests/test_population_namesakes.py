"""A place name several states share: the state written with it, the story's state, a state the story names,
a dominant namesake (at least 20 times the next, said in the output), or a refusal listing the candidates."""

from __future__ import annotations

import pytest

from doseconv.errors import PopulationError
from doseconv.population import resolve_place
from doseconv.population.localities import DOMINANT
from doseconv.population.story import StoryPlaces


@pytest.mark.parametrize(
    ("text", "place", "next_place"),
    [
        ("everyone in Phoenix", "Phoenix city, Arizona", "Phoenix city, Oregon"),
        ("the city of Denver", "Denver city, Colorado", "Denver city, Iowa"),
        ("every resident of King County", "King County, Washington", "King County, Texas"),
        ("the entire city of Houston", "Houston city, Texas", "Houston city, Mississippi"),
    ],
)
def test_a_dominant_namesake_is_read_and_said(text: str, place: str, next_place: str) -> None:
    population = resolve_place(text, year=2020)
    assert population.place == place
    assert (
        "the largest of" in population.note and f"at least {DOMINANT} times the next ({next_place}," in population.note
    )
    assert "name the state if another is meant" in population.note


@pytest.mark.parametrize(
    ("text", "first"),
    [("Portland", "Portland city, Oregon; Portland city, Maine;"), ("Columbus", "Columbus city, Ohio; Columbus city, Georgia;"),
     ("Orange County", "Orange County, California; Orange County, Florida;")],
)  # fmt: skip
def test_no_dominant_namesake_is_refused_largest_first(text: str, first: str) -> None:
    with pytest.raises(PopulationError) as caught:
        resolve_place(text, year=2022)
    message = str(caught.value)
    assert f"in several states, none {DOMINANT} times the size of the next; give the state: {first}" in message


def test_the_story_state_decides() -> None:
    assert resolve_place("Portland", state="Maine", year=2022).place == "Portland city, Maine"
    assert resolve_place("Phoenix", state="OR", year=2022).place == "Phoenix city, Oregon"  # never the dominant one
    story = StoryPlaces(None, ("NJ", "ME"))  # a story naming New Jersey and Maine; only Maine has a Portland
    population = resolve_place("the entire population of Portland", story=story, year=2022)
    assert population.place == "Portland city, Maine"
    assert "read as the one in Maine, a state the story names" in population.note
    with pytest.raises(PopulationError, match="give the state"):
        resolve_place("Portland", story=StoryPlaces(None, ("OR", "ME")), year=2022)  # two named states have one


def test_a_city_county_is_read_by_its_city_name() -> None:
    population = resolve_place("the entire population of Lexington", state="KY", year=2022)
    assert population.place == "Lexington-Fayette urban county, Kentucky"
    assert resolve_place("the city of Louisville", state="KY", year=2022).place.startswith("Louisville/Jefferson")


def test_the_written_state_beats_everything() -> None:
    assert resolve_place("Phoenix, Oregon", year=2022).place == "Phoenix city, Oregon"
    with pytest.raises(PopulationError, match="no place 'Phoenix, Vermont' in Vermont"):
        resolve_place("Phoenix, Vermont", year=2022)

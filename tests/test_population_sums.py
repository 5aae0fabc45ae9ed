"""Sums of places: every part read on its own, cited, and added exactly; a part inside another counted once."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from doseconv import check
from doseconv.errors import PopulationError
from doseconv.population import parse_population_claim, resolve_place
from doseconv.population.data import states


def _state(name: str, year: int) -> int:
    return next(row for row in states() if row.name == name).value(year)


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("enough to kill everyone in Kansas, Missouri and Oklahoma", ["Kansas", "Missouri", "Oklahoma"]),
        ("enough to kill everyone in Kansas, Missouri, and Oklahoma", ["Kansas", "Missouri", "Oklahoma"]),
        ("could wipe out both Dakotas", ["North Dakota", "South Dakota"]),
        ("enough to kill the Carolinas twice over", ["North Carolina", "South Carolina"]),
        ("enough to kill the entire populations of Idaho and Montana", ["Idaho", "Montana"]),
        ("enough to kill the people of Utah & Nevada combined", ["Utah", "Nevada"]),
        ("enough to kill everyone in Vermont as well as New Hampshire", ["Vermont", "New Hampshire"]),
    ],
)
def test_states_summed_exactly(text: str, parts: list[str]) -> None:
    claim = parse_population_claim(text, year=2023)
    assert claim is not None
    population = claim.population
    assert population.kind == "sum"
    assert [part.place for part in population.parts] == parts
    assert population.value == sum(_state(name, 2023) for name in parts)
    assert all(part.year == 2023 for part in population.parts)


def test_a_state_and_a_city_each_cited() -> None:
    population = resolve_place("Connecticut and New York City", year=2022)
    assert [p.place for p in population.parts] == ["Connecticut", "New York city, New York"]
    assert population.value == population.parts[0].value + population.parts[1].value
    cited = population.citation()
    assert cited.startswith(f"{population.value:,} people in all, the sum of: Connecticut ")
    assert "New York city, New York" in cited and "vintage 2022" in cited and "vintage 2024" in cited
    assert population.to_dict()["parts"] == [p.to_dict() for p in population.parts]


def test_a_possessive_after_the_sum_and_a_short_name() -> None:
    claim = parse_population_claim("enough doses to kill New Jersey and NYC's entire population", year=2018)
    assert claim is not None
    assert [p.place for p in claim.population.parts] == ["New Jersey", "New York city, New York"]


def test_countries_from_two_publishers() -> None:
    population = resolve_place("the United States and Canada", year=2023)
    us, canada = population.parts
    assert (us.kind, canada.kind) == ("nation", "country")
    assert us.source.publisher.startswith("U.S. Census Bureau") and canada.source.publisher.startswith("World Bank")
    assert population.value == us.value + canada.value
    claim = parse_population_claim("enough to kill every person in the US and Mexico combined", year=2024)
    assert claim is not None and [p.place for p in claim.population.parts] == ["United States", "Mexico"]


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        ("all of North America", "North America", "NAC"),
        ("everyone in the European Union", "European Union", "EUU"),
        ("the population of Sub-Saharan Africa", "Sub-Saharan Africa", "SSF"),
        ("every person in East Asia & Pacific", "East Asia & Pacific", "EAS"),
    ],
)
def test_world_bank_regions(text: str, name: str, code: str) -> None:
    population = resolve_place(text, year=2022)
    assert (population.place, population.kind, population.key) == (name, "region", code)
    assert population.citation().endswith("World Bank estimate for 2022 (SP.POP.TOTL)")
    assert "aggregate" in population.counts


def test_a_region_is_never_read_as_a_country() -> None:
    assert resolve_place("Canada", year=2022).kind == "country"
    assert resolve_place("High income", year=2022).kind == "region"


def test_a_part_inside_another_is_counted_once() -> None:
    population = resolve_place("New York and New York City", year=2022)
    assert population.place == "New York" and population.value == _state("New York", 2022)
    assert "New York city, New York is within New York: counted once" in population.note
    nation = resolve_place("the United States and Texas", year=2022)
    assert nation.place == "United States" and "Texas is within United States: counted once" in nation.note


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Raleigh, Texas", "no place 'Raleigh, Texas' in Texas"),  # one place or none, never Raleigh and Texas
        ("Kansas and Narnia", "unknown place 'Kansas and Narnia'"),
        ("66 of the 67 counties in Florida", "names part of a place or an area the data do not hold"),
        ("a large portion of Florida", "names part of a place or an area the data do not hold"),
        ("the Columbus metro area", "names part of a place or an area the data do not hold"),
    ],
)
def test_what_is_no_sum_is_refused(text: str, message: str) -> None:
    with pytest.raises(PopulationError, match=message):
        resolve_place(text, year=2022)


_NAMES = [row.name for row in states() if row.key not in ("US", "PR", "DC")]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(_NAMES), min_size=2, max_size=5, unique=True))
def test_any_list_of_states_is_their_exact_sum(names: list[str]) -> None:
    text = ", ".join(names[:-1]) + " and " + names[-1]
    population = resolve_place(f"everyone in {text}", year=2021)
    assert [p.place for p in population.parts] == names
    assert population.value == sum(_state(name, 2021) for name in names)


def test_check_of_a_sum_in_the_library_and_on_the_command_line() -> None:
    claim = "enough to kill everyone in Kansas, Missouri and Oklahoma"
    result = check(None, "60 pounds", claim, year=2023)
    total = sum(_state(n, 2023) for n in ("Kansas", "Missouri", "Oklahoma"))
    assert result.population is not None and result.population.value == total
    assert result.verdict == "upper-bound"  # counted as pure, 60 pounds hold about once the three states
    assert "in theory about 20% of the population of Kansas, Missouri and Oklahoma" in result.plain
    run = subprocess.run(
        [sys.executable, "-m", "doseconv", "check", "--powder", "60 pounds", "--claim", claim, "--year", "2023"],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 1
    assert f"population: Kansas, Missouri and Oklahoma: {total:,} people in all, the sum of: Kansas " in run.stdout
    run = subprocess.run(
        [sys.executable, "-m", "doseconv", "describe", "13000000", "--as-population", "--place",
         "Kansas, Missouri and Oklahoma", "--year", "2023"],
        capture_output=True,
        text=True,
    )  # fmt: skip
    assert run.returncode == 0
    assert (
        run.stdout.splitlines()[0] == "enough for about 98% of the 13.2 million people of Kansas, Missouri and Oklahoma"
    )

"""The claim date: --date, then --year, then the story's date, then the latest; the assumption set follows it."""

from __future__ import annotations

import datetime as dt
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from doseconv.assumptions import AssumptionSet, load_set, set_names
from doseconv.errors import AssumptionError, PopulationError
from doseconv.population import pick_assumption_set, resolve_when


def test_every_dated_set_has_a_period_and_pure_has_none() -> None:
    spans = {name: load_set(name).dates for name in set_names()}
    assert spans["pure"] is None
    assert spans["dea-2023"] == (dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    assert spans["dea-2019"] == (dt.date(2019, 1, 1), dt.date(2019, 3, 31))
    assert spans["dea-fy2025"] == (dt.date(2024, 10, 1), dt.date(2025, 9, 30))
    for name, span in spans.items():
        if name != "pure":
            assert span is not None and span[0] <= span[1]


def test_a_set_file_with_bad_dates_is_refused(tmp_path) -> None:
    source = tmp_path / "mine.toml"
    original = resources.files("doseconv").joinpath("data", "assumptions", "dea-2022.toml")
    source.write_text(original.read_text().replace("end = 2022-12-31", "end = 2021-12-31"))
    with pytest.raises(AssumptionError, match="start and end must both be dates"):
        load_set(str(source))
    source.write_text(original.read_text().replace("end = 2022-12-31", 'end = "2022"'))
    with pytest.raises(AssumptionError, match="start and end must both be dates"):
        load_set(str(source))
    source.write_text(original.read_text().replace("start = 2022-01-01\nend = 2022-12-31\n", ""))
    assert isinstance(load_set(str(source)), AssumptionSet) and load_set(str(source)).dates is None


@pytest.mark.parametrize(
    ("kwargs", "year", "basis", "assumptions", "note"),
    [
        ({"date": "2022-12-20"}, 2022, "date", "dea-2022", ""),
        ({"date": dt.date(2023, 3, 1), "year": 2019, "story_date": "2021-05-05"}, 2023, "date", "dea-2023", ""),
        ({"year": 2023, "story_date": "2021-05-05"}, 2023, "year", "dea-2023", ""),
        ({"story_date": "2021-05-05"}, 2021, "story", "dea-2021", ""),
        ({"date": "2024-11-15"}, 2024, "date", "dea-fy2025", ""),
        ({"date": "2025-03-01"}, 2025, "date", "dea-fy2025", ""),
        ({"year": 2020}, 2020, "year", "dea-2021",
         "no assumption set covers 2020-07-01; dea-2021 used, the nearest (starts 2021-01-01)"),
        ({"date": "2020-02-10"}, 2020, "date", "dea-2019",
         "no assumption set covers 2020-02-10; dea-2019 used, the nearest (ends 2019-03-31)"),
        ({"year": 2030}, 2030, "year", "dea-fy2025",
         "no assumption set covers 2030-07-01; dea-fy2025 used, the nearest (ends 2025-09-30)"),
        ({"year": 2012}, 2012, "year", "dea-2017",
         "no assumption set covers 2012-07-01; dea-2017 used, the nearest (starts 2017-01-01)"),
        ({"year": 2016, "assumptions": "pure"}, 2016, "year", "pure", ""),
        ({}, None, "latest", None, "no date given: the latest year in the data"),
    ],
)  # fmt: skip
def test_date_rule(kwargs: dict, year: int | None, basis: str, assumptions: str | None, note: str) -> None:
    when = resolve_when(**kwargs)
    assert (when.year, when.basis, when.assumptions, when.note) == (year, basis, assumptions, note)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"date": "20 December 2022"}, "date '20 December 2022' is not a date; write it as 2022-12-20"),
        ({"story_date": "yesterday"}, "story date 'yesterday' is not a date"),
        ({"year": 23}, "year 23 is not a year; write a four-digit year such as 2023"),
        ({"year": True}, "year True is not a year"),
    ],
)
def test_bad_dates_are_one_line_errors(kwargs: dict, message: str) -> None:
    with pytest.raises(PopulationError, match=message):
        resolve_when(**kwargs)


@settings(max_examples=60, deadline=None)
@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2040, 12, 31)))
def test_the_set_choice_is_deterministic_and_covers_when_it_can(day: dt.date) -> None:
    name, note = pick_assumption_set(day)
    assert (name, note) == pick_assumption_set(day)
    start, end = load_set(name).dates  # type: ignore[misc]
    covering = [n for n in set_names() if (d := load_set(n).dates) and d[0] <= day <= d[1]]
    if covering:
        assert name in covering and note == "" and start <= day <= end
    else:
        assert note.startswith(f"no assumption set covers {day.isoformat()}; {name} used, the nearest")
        gap = max((start - day).days, (day - end).days)
        for other in set_names():
            span = load_set(other).dates
            if span:
                assert gap <= max((span[0] - day).days, (day - span[1]).days)


@settings(max_examples=40, deadline=None)
@given(
    st.one_of(st.none(), st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2040, 12, 31))),
    st.one_of(st.none(), st.integers(min_value=2000, max_value=2040)),
    st.one_of(st.none(), st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2040, 12, 31))),
)
def test_the_year_choice_is_deterministic_and_follows_the_order(date, year, story) -> None:
    when = resolve_when(date=date, year=year, story_date=story)
    assert when == resolve_when(date=date, year=year, story_date=story)
    expected = date.year if date else year if year is not None else story.year if story else None
    assert when.year == expected

"""Counties and incorporated places by name, and the rule for a name several places share.

A name shared by places (or counties) of several states is resolved, in this order:

1. by the state written with it ("Portland, Maine");
2. by the story's state, else by the one state among the states the story names that has a place of that name;
3. by a dominant namesake: the largest place of the name, when it has at least :data:`DOMINANT` times the people
   of the next largest (Phoenix, Arizona, against Phoenix, Oregon); the output says so;
4. else it is refused, with the candidates listed.

A name shared within one state is resolved by its kind ("the City of Pewaukee", "Pewaukee village").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from ..errors import PopulationError
from . import data
from .names import norm, split_state, state_row
from .result import Population, figure, with_note
from .story import StoryPlaces

__all__ = ["ACCEPTED", "DOMINANT", "county", "place"]

#: A namesake is dominant when it has at least this many times the people of the next largest.
DOMINANT = 20
_KIND_WORDS = ("city", "town", "village", "borough", "township")
#: City-county governments whose Census name joins two names ("Lexington-Fayette"): the first is the city's.
_CONSOLIDATED = ("urban county", "unified government", "consolidated government", "metro government",
                 "metropolitan government")  # fmt: skip
_LIST = 8
_FIPS = re.compile(r"\s*\(?fips (\d{7})\)?$")
ACCEPTED = (
    "accepted: the United States, a state, 'X County, State', a city, town or village (with its state if the "
    "name is shared), a country, a World Bank region, the world, or several of these joined by 'and'"
)


def _label(row: data.Row) -> str:
    return f"{row.name}{' ' + row.type if row.type else ''}, {state_row(row.state).name}"


def _candidates(rows: Sequence[data.Row]) -> str:
    """Candidates named as the Census tables name them; two of one name also get their FIPS place code."""
    labels = [_label(row) for row in rows]
    names = [
        f"{label} (FIPS {row.key})" if labels.count(label) > 1 else label
        for label, row in zip(labels, rows, strict=True)
    ]
    more = f" and {len(names) - _LIST} more" if len(names) > _LIST else ""
    return "; ".join(names[:_LIST]) + more


def _size(row: data.Row, year: int | None) -> int:
    years = row.years
    if year in years:
        return row.value(year)  # type: ignore[arg-type]
    return row.value(min(years, key=lambda y: (abs(y - (year or years[-1])), -y)))


def _choose(
    rows: list[data.Row], original: str, given: str | None, story: StoryPlaces, year: int | None, what: str
) -> tuple[data.Row, str]:
    """One row of several of one name, by the rule of the module text, and the note saying how."""
    whats = {"county": "counties", "place": "places"}[what]
    if given is not None:
        rows = [row for row in rows if row.state == given]
    elif len(rows) > 1:
        if story.state and any(row.state == story.state for row in rows):
            rows = [row for row in rows if row.state == story.state]
        else:
            named = [row for row in rows if row.state in story.states]
            if named and len({row.state for row in named}) == 1:
                if len(named) == 1:
                    state = state_row(named[0].state).name
                    return named[0], f"{original!r} read as the one in {state}, a state the story names"
                rows = named
    if len(rows) == 1:
        return rows[0], ""
    if len({row.state for row in rows}) == 1:
        raise PopulationError(f"{original!r} names {len(rows)} {whats}; say which: {_candidates(rows)}")
    by_size = sorted(rows, key=lambda row: -_size(row, year))
    first, second = _size(by_size[0], year), _size(by_size[1], year)
    if first >= DOMINANT * second:
        return by_size[0], (
            f"{original!r} read as {_label(by_size[0])}, the largest of {len(rows)} {whats} of that name: "
            f"{first:,} people, at least {DOMINANT} times the next ({_label(by_size[1])}, {second:,}); "
            "the story names no state that has one; name the state if another is meant"
        )
    raise PopulationError(
        f"{original!r} names {len(rows)} {whats} in several states, none {DOMINANT} times the size of the next; "
        f"give the state: {_candidates(by_size)}"
    )


def county(name: str, original: str, given: str | None, story: StoryPlaces, year: int | None) -> Population:
    """A county by its name ("orange county"), in ``given`` (the state written with it) if given."""
    matches = [row for row in data.counties() if norm(row.name) == name]
    if not matches:
        raise PopulationError(
            f"unknown county {original!r}; accepted: a county of the 50 states or DC as in "
            "'Orange County, California' or 'Orleans Parish'"
        )
    if given is not None and not any(row.state == given for row in matches):
        raise PopulationError(f"no {matches[0].name} in {state_row(given).name}; {_candidates(matches)}")
    row, note = _choose(matches, original, given, story, year, "county")
    return with_note(figure(row, "county", f"{row.name}, {state_row(row.state).name}", year), note)


def place(text: str, original: str, given: str | None, story: StoryPlaces, year: int | None) -> Population:
    """A city, town or village by its name ("houston", "the city of pewaukee", "pewaukee village")."""
    fips = _FIPS.search(text)
    if fips is not None:  # "Reno city, Texas (FIPS 4861592)": as a candidate is listed
        rows = [row for row in data.places() if row.key == fips[1]]
        if not rows:
            raise PopulationError(f"no place has the FIPS code {fips[1]}; {ACCEPTED}")
        return figure(rows[0], "place", _label(rows[0]), year)
    kind = None
    match = re.fullmatch(rf"(?:the )?(?:({'|'.join(_KIND_WORDS)})|city and county) of (.+)", text)
    if match:
        kind, text = match[1] or "city", match[2]
        text, named_state = split_state(text)
        given = named_state or given
    else:
        match = re.fullmatch(rf"(.+) ({'|'.join(_KIND_WORDS)})", text)
        if match and _by_name(match[1]):
            text, kind = match[1], match[2]
    rows = _by_name(text)
    if kind:
        rows = [row for row in rows if _is_kind(row, kind)]
    if not rows:
        raise PopulationError(f"unknown place {original!r}; {ACCEPTED}")
    if given is not None and not any(row.state == given for row in rows):
        raise PopulationError(f"no place {original!r} in {state_row(given).name}; {_candidates(rows)}")
    row, note = _choose(rows, original, given, story, year, "place")
    return with_note(figure(row, "place", _label(row), year), note)


def _is_kind(row: data.Row, kind: str) -> bool:
    if kind == "city" and row.type in _CONSOLIDATED:
        return True
    return row.type == kind or (kind == "township" and "township" in row.type)


@cache
def _place_index() -> dict[str, tuple[data.Row, ...]]:
    index: dict[str, list[data.Row]] = {}
    for row in data.places():
        index.setdefault(norm(row.name), []).append(row)
        if row.type in _CONSOLIDATED:  # "Lexington" for Lexington-Fayette, "Louisville" for Louisville/Jefferson …
            head = re.split(r"[-/]", row.name, maxsplit=1)[0]
            if head != row.name:
                index.setdefault(norm(head), []).append(row)
    return {key: tuple(rows) for key, rows in index.items()}


def _by_name(name: str) -> list[data.Row]:
    return list(_place_index().get(name, ()))

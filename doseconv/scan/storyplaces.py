"""The places a story is about, read once: its dateline, the states, counties and towns it names, its agencies.

They give a population phrase its "the state", "the county" and "the city", and pick among places of one name in
several states (:class:`doseconv.population.StoryPlaces`). For a phrase at a position:

- the **state** is the one the caller gave, else the state named last before the phrase in its paragraph, else
  the dateline's, else the state the story names most (when one is named most);
- the **states** the story names, most named first, with the state of a county named that only one state has
  ("Sagadahoc County" is in Maine);
- the **county** is the county named last before the phrase (a sheriff's office names its county), else the
  dateline's, else the first named after it;
- the **city** is the town written with its state last before the phrase ("Columbus, Ohio"), else the dateline's,
  else a town whose police the story names ("police in Portland").

Counties and towns come from the scan's scope words (:mod:`.scopewords`); states and datelines are read here
from the state names of the population data.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from ..population import data
from ..population.names import norm, state_code, state_names, state_row
from ..population.story import StoryPlaces
from .scopewords import Mention
from .text import Document

__all__ = ["StoryPlaceReader"]

_DATELINE_CITY = r"(?P<town>[A-Z][A-Z.'’-]*(?:\s+[A-Z][A-Z.'’-]*){0,3})"
_TOWN_BEFORE = re.compile(r"(?:[A-Z][a-z.'’-]+[ -]){0,3}[A-Z][a-z.'’-]+,\s+\Z")


@cache
def _dateline() -> re.Pattern[str]:
    return re.compile(
        rf"(?m)^\s*{_DATELINE_CITY},\s+(?P<state>{state_names().pattern})\s*(?:\([^)\n]{{0,40}}\)\s*)?(?:--|[-–—])"
    )


@dataclass(frozen=True)
class _Named:
    position: int
    value: str  # a postal code for states, a place text ("Columbus, Ohio", "Butler County") for towns and counties


@dataclass
class StoryPlaceReader:
    """The story's places, found once; :meth:`at` gives them for a phrase at a position."""

    document: Document
    mentions: list[Mention]
    given_state: str | None = None
    _states: list[_Named] = field(default_factory=list)
    _towns: list[_Named] = field(default_factory=list)
    _counties: list[_Named] = field(default_factory=list)
    _police_towns: list[str] = field(default_factory=list)
    _dateline: tuple[str | None, str | None, str | None] = (None, None, None)
    _named: tuple[str, ...] = ()
    _counts: Counter[str] = field(default_factory=Counter)
    _positions: list[int] = field(default_factory=list)
    _dateline_span: tuple[int, int] = (0, 0)

    def __post_init__(self) -> None:
        text = self.document.text
        for match in state_names().finditer(text):
            code = state_code(match.group(0))
            assert code is not None
            self._states.append(_Named(match.start(), code))
            town = _TOWN_BEFORE.search(text, max(0, match.start() - 60), match.start())
            if town is not None:  # "Columbus, Ohio": a town written with its state
                name = town.group(0).rstrip(" ,")
                self._towns.append(_Named(town.start(), f"{name}, {state_row(code).name}"))
        self._dateline = self._read_dateline(text)
        for mention in self.mentions:
            if mention.field == "geo" and mention.value and mention.value.endswith(" County"):
                self._counties.append(_Named(mention.position, mention.value))
            elif mention.field == "geo" and mention.value and " " not in mention.value.strip():
                self._police_towns.append(mention.value)
        counts = Counter(named.value for named in self._states)
        unique = [state for state in map(_only_state, {c.value for c in self._counties}) if state]
        self._named = tuple(dict.fromkeys([*(code for code, _ in counts.most_common()), *sorted(unique)]))
        self._counts = counts
        self._positions = [named.position for named in self._states]

    def _read_dateline(self, text: str) -> tuple[str | None, str | None, str | None]:
        """The dateline's state, county and city ("POLK COUNTY, Fla —", "COLUMBUS, Ohio --")."""
        match = _dateline().search(text, 0, 3_000)
        if match is None:
            return None, None, None
        self._dateline_span = match.span()
        code = state_code(match["state"])
        assert code is not None
        town = " ".join(word.capitalize() for word in match["town"].split())
        state = state_row(code).name
        if town.endswith(" County"):
            return code, f"{town}, {state}", None
        return code, None, f"{town}, {state}"

    def at(self, position: int) -> StoryPlaces:
        """The story's places for a population phrase starting at ``position``."""
        state, said = self._state(position)
        basis = [("state", said)] if state else []
        county = _last_before(self._counties, position)
        if county is None and self._dateline[1]:
            county = self._dateline[1]
            basis.append(("county", "the story's dateline"))
        county = county or _first_after(self._counties, position)
        city = _last_before(self._towns, position)
        if city is None and self._dateline[2]:
            city = self._dateline[2]
            basis.append(("city", "the story's dateline"))
        if city is None and len(set(self._police_towns)) == 1:
            city = self._police_towns[0]
        basis += [(what, "named in the story") for what, value in (("county", county), ("city", city)) if value]
        return StoryPlaces(state, self._named, county, city, tuple(dict(reversed(basis)).items()))

    def _state(self, position: int) -> tuple[str | None, str]:
        """The story's state for a phrase at ``position``, and where it was read."""
        if self.given_state:
            return self.given_state, "given"
        before = self._state_before(position)
        if before:
            return before[0], "the story's dateline" if before[1] else "named before it in the story"
        if self._dateline[0]:
            return self._dateline[0], "the story's dateline"
        top = self._counts.most_common(2)
        if top and (len(top) == 1 or top[0][1] > top[1][1]):
            return top[0][0], "the state the story names most"
        return None, ""

    def _state_before(self, position: int) -> tuple[str, bool] | None:
        """The state named last before ``position`` in its paragraph, and whether it is the dateline's."""
        index = bisect_left(self._positions, position)
        if index == 0:
            return None
        named = self._states[index - 1]
        paragraph = self.document.sentence_paragraph[self.document.sentence_at(position)]
        start = self.document.paragraphs[paragraph][0] if self.document.paragraphs else 0
        if named.position < start:
            return None
        return named.value, self._dateline_span[0] <= named.position < self._dateline_span[1]


def _last_before(found: list[_Named], position: int) -> str | None:
    before = [named.value for named in found if named.position < position]
    return before[-1] if before else None


def _first_after(found: list[_Named], position: int) -> str | None:
    return next((named.value for named in found if named.position >= position), None)


def _only_state(county: str) -> str | None:
    """The state of a county name only one state has ("Sagadahoc County" -> 'ME'), else None."""
    states = {row.state for row in data.counties() if norm(row.name) == norm(county)}
    return states.pop() if len(states) == 1 else None

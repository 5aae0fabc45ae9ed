"""Reading a place from news text: the United States, a state, a county, a city, a country, a World Bank region,
the world, the story's own state, county or city, or a sum of these ("Kansas, Missouri and Oklahoma").

>>> resolve_place("every person in West Virginia", year=2023).value
1770495
>>> resolve_place("the City of Pewaukee", state="WI", year=2022).place
'Pewaukee city, Wisconsin'
>>> both = resolve_place("both Dakotas", year=2023)
>>> both.place, both.value == sum(part.value for part in both.parts)
('North Dakota and South Dakota', True)
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from itertools import pairwise

from ..errors import PopulationError
from . import data
from .localities import ACCEPTED, county, place
from .names import norm, split_state, state_code, state_index, state_row, strip, strips
from .result import Population, figure, total, with_note
from .story import StoryPlaces
from .words import alternation, words

__all__ = ["StoryPlaces", "resolve_place", "state_code"]

_COUNTY_WORDS = ("county", "parish", "borough", "census area", "municipality", "city and borough", "planning region")
_KIND_START = ("city ", "town ", "village ", "borough ", "township ", "the city", "the town", "the village")
_MAX_PARTS = 12


@cache
def _special_names() -> dict[str, frozenset[str]]:
    places = words().places
    return {key: frozenset(places[key]) for key in ("nation", "world", "story_state", "story_county", "story_city")}


@lru_cache(maxsize=2048)  # a story or a claims file names the same places again and again
def resolve_place(
    text: str, *, state: str | None = None, year: int | None = None, story: StoryPlaces | None = None
) -> Population:
    """The population of the place ``text`` names, for ``year`` (None: the latest in the data).

    ``state`` is the state the story names (a name or postal code); ``story`` the story's places as the scanner
    read them (its state, the states it names, its county and city). They read "the state", "the county" and
    "the city", and pick among places or counties of one name in several states. Unknown or ambiguous places
    raise :class:`~doseconv.errors.PopulationError` with what would be accepted.
    """
    story = story or StoryPlaces()
    code = state_code(state)
    if code is not None:
        story = StoryPlaces(code, story.states, story.county, story.city, (("state", "given"), *story.basis))
    raw = norm(text)
    if not raw:
        raise PopulationError(f"no place given; {ACCEPTED}")
    try:
        return _one(raw, text, story, year)
    except PopulationError as error:
        found = _sum(raw, story, year)
        if found is None:
            raise _vague(raw, text) or error from None
        return found


def _one(raw: str, original: str, story: StoryPlaces, year: int | None) -> Population:
    names = _special_names()
    stages = strips(raw, names["nation"] | names["world"])
    for candidate in stages:
        found = _special(candidate, story, year)
        if found is not None:
            return found
    return _named(stages[-1], original, story, year)


def _special(text: str, story: StoryPlaces, year: int | None) -> Population | None:
    names = _special_names()
    if text in names["nation"]:
        return figure(state_row("US"), "nation", "United States", year)
    if text in names["world"]:
        return figure(_row(data.world(), "WLD"), "world", "World", year)
    if text in names["story_state"]:
        if story.state is None:
            raise PopulationError(f"{text!r} needs the state the story is about; give the state")
        return with_note(_state(story.state, year), _from_story("state", story, state_row(story.state).name))
    for what, own in (("county", story.county), ("city", story.city)):
        if text in names[f"story_{what}"]:
            if own is None:
                raise PopulationError(f"{text!r} needs the {what} the story is about; name the {what}")
            return with_note(resolve_place(own, story=story, year=year), _from_story(what, story, own))
    group = words().places["groups"].get(text)
    if group is not None:
        parts = tuple(_state(code, year) for code in group)
        return total(parts, " and ".join(part.place for part in parts))
    return None


def _from_story(what: str, story: StoryPlaces, name: str) -> str:
    basis = story.said(what)
    return f"'the {what}' read as {name}" + (f" ({basis})" if basis else "")


def _state(code: str, year: int | None) -> Population:
    row = state_row(code)
    return figure(row, "territory" if code == "PR" else "state", row.name, year)


def _row(rows: tuple[data.Row, ...], code: str) -> data.Row:
    return next(row for row in rows if row.key == code)


@cache
def _country_index() -> dict[str, str]:
    index: dict[str, str] = {}
    short: dict[str, list[str]] = {}
    for row in data.world():
        if row.key in ("WLD", "USA"):
            continue
        index[norm(row.name)] = row.key
        if ", " in row.name:
            head, tail = row.name.split(", ", 1)
            if tail.casefold() == "the":
                index[norm(f"the {head}")] = row.key
            short.setdefault(norm(head), []).append(row.key)
    index.update({k: codes[0] for k, codes in short.items() if len(codes) == 1 and k not in index})
    index.update(words().places["countries"])
    return index


@cache
def _region_index() -> dict[str, str]:
    index = {}
    for row in data.regions():
        name = norm(row.name)
        index[name] = index[name.replace(" & ", " and ")] = index["the " + name] = row.key
    index.update(words().places["regions"])
    return index


@cache
def _demonym_pattern() -> re.Pattern[str]:
    names = alternation((*words().demonyms, *words().ambiguous_demonyms))
    return re.compile(rf"^(?:(?:every(?: single)?|all(?: of)?(?: the)?|the)\s+)?(?P<d>{names})$")


def _named(text: str, original: str, story: StoryPlaces, year: int | None) -> Population:
    index = state_index()
    code = index.get(text) or index.get(text + ".") if len(text) > 2 or text == "dc" else None
    if code is not None:
        return _state(code, year)
    if text in _country_index():
        row = _row(data.world(), _country_index()[text])
        return figure(row, "country", row.name, year)
    if text in _region_index():
        row = _row(data.regions(), _region_index()[text])
        return figure(row, "region", row.name, year)
    demonym = _demonym_pattern().match(text)
    if demonym is not None:
        return _by_demonym(demonym["d"], year)
    aliases = words().places["aliases"]
    if text in aliases:
        return resolve_place(aliases[text], story=story, year=year)
    head, given = split_state(text)
    head = strip(head)
    county_of = re.fullmatch(r"(?:the )?county of (.+)", head)
    if county_of is not None:  # "the County of San Diego"
        head = f"{county_of[1]} county"
    if any(head.endswith(" " + word) for word in _COUNTY_WORDS) and not head.startswith(_KIND_START):
        return county(head, original, given, story, year)
    return place(aliases.get(head, head), original, given, story, year)


def _by_demonym(word: str, year: int | None) -> Population:
    ambiguous = words().ambiguous_demonyms.get(word)
    if ambiguous is not None:
        raise PopulationError(f"{word!r} may be residents of {' or of '.join(ambiguous)}; name the place")
    code = words().demonyms[word]
    if code == "US":
        return figure(state_row("US"), "nation", "United States", year)
    if code.startswith("wb:"):
        row = _row(data.world(), code[3:])
        return figure(row, "country", row.name, year)
    return _state(code, year)


_SEPARATOR = re.compile(r"\s*(?:,\s*(?:and|&|plus|as well as)\s+|,\s*|\s+(?:and|&|plus|as well as)\s+)")


def _sum(text: str, story: StoryPlaces, year: int | None) -> Population | None:
    """Several places joined by 'and' or commas, each read on its own and added; None when it is not one."""
    together = alternation(words().people["together"])
    body = re.sub(rf"\s+(?:{together})$", "", strip(text))
    pieces = _pieces(body)
    if not 2 <= len(pieces) <= _MAX_PARTS:
        return None
    parts = _partition(body, pieces, story, year)
    if parts is None:
        return None
    kept, note = _without_overlaps(parts)
    if len(kept) == 1:
        return with_note(kept[0], note)
    names = [part.place for part in kept]
    return total(kept, ", ".join(names[:-1]) + " and " + names[-1], note)


def _pieces(text: str) -> list[tuple[int, int]]:
    """Spans of the words between separators."""
    spans, start = [], 0
    for match in _SEPARATOR.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [span for span in spans if span[0] < span[1]]


def _partition(
    text: str, pieces: list[tuple[int, int]], story: StoryPlaces, year: int | None
) -> tuple[Population, ...] | None:
    """The fewest places the pieces make, each a run of adjacent pieces read as one place ("Portland, Maine")."""
    count = len(pieces)
    best: list[tuple[Population, ...] | None] = [None] * (count + 1)
    best[0] = ()
    bound = _bound_to_next(text, pieces)
    index = state_index()
    for end in range(1, count + 1):
        if end < count and bound[end - 1]:
            continue  # "Reno, Texas" is one place or none, never Reno and Texas
        for start in range(end):
            before = best[start]
            if before is None or (best[end] is not None and len(before) + 1 >= len(best[end])):  # type: ignore[arg-type]
                continue
            words_ = text[pieces[start][0] : pieces[end - 1][1]]
            if end - start > 1 and text[slice(*pieces[start])] in index and not {words_, words_ + "."} & index.keys():
                continue  # "Kansas, Alabama and Alaska" lists states; it is not the town of Kansas, Alabama
            try:
                found = _one(words_, words_, story, year)
            except PopulationError:
                continue
            best[end] = (*before, found)
    return best[count]


def _bound_to_next(text: str, pieces: list[tuple[int, int]]) -> list[bool]:
    """For each piece, whether it is a place name bound to the state after its comma ("reno" in "reno, texas")."""
    index = state_index()
    out = []
    for (start, end), following in pairwise(pieces):
        comma = text[end : following[0]].lstrip().startswith(",")
        out.append(comma and text[following[0] : following[1]] in index and text[start:end] not in index)
    return out + [False]


def _within(inner: Population, outer: Population) -> bool:
    if inner.key == outer.key:
        return True
    if outer.kind == "nation":
        return inner.kind in ("state", "county", "place")
    if outer.kind == "state" and inner.kind in ("county", "place"):
        return inner.place.endswith(", " + outer.place)
    return False


def _without_overlaps(parts: tuple[Population, ...]) -> tuple[tuple[Population, ...], str]:
    """The parts with any part inside another left out (counted once), and a note naming them."""
    kept, notes = [], []
    for index, part in enumerate(parts):
        outer = next((o for i, o in enumerate(parts) if i != index and _within(part, o) and
                      not (o.key == part.key and i > index)), None)  # fmt: skip
        if outer is None:
            kept.append(part)
        else:
            notes.append(f"{part.place} is within {outer.place}: counted once")
    return tuple(kept), "; ".join(notes)


def _vague(raw: str, original: str) -> PopulationError | None:
    """An error for words that name part of a place or an area the data do not hold, else None."""
    vague = alternation(words().places["vague"])
    if re.search(rf"\b(?:{vague})\b", strip(raw)):
        return PopulationError(
            f"{original!r} names part of a place or an area the data do not hold (a metro area, some counties, a "
            f"portion), not a population that can be counted; {ACCEPTED}"
        )
    return None

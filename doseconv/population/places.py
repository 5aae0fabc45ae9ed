"""Reading a place from news text: the United States, a state, a county, a city, town or village, a country, the world.

>>> resolve_place("every person in West Virginia", year=2023).value
1770495
>>> resolve_place("the City of Pewaukee", state="WI", year=2022).place
'Pewaukee city, Wisconsin'
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from ..errors import PopulationError
from . import data
from .result import Population, figure

__all__ = ["resolve_place", "state_code"]

_NATION = {
    "america", "the us", "us", "the u.s.", "u.s.", "the usa", "usa", "the united states", "united states",
    "the united states of america", "the country", "the nation", "the whole country", "the entire country",
    "every american", "all americans", "americans", "every us citizen", "every u.s. citizen", "all us citizens",
    "all u.s. citizens", "every citizen", "the american people", "every us resident", "every u.s. resident",
    "the us population", "the u.s. population", "the american population", "the nation's population",
    "the country's population", "america's population", "every single american", "every living american",
}  # fmt: skip
_WORLD = {
    "the world", "the entire world", "the whole world", "everyone on earth", "everybody on earth",
    "everyone on the planet", "every person on earth", "every person on the planet", "the planet", "earth",
    "humanity", "all of humanity", "mankind", "humankind", "the world's population", "the global population",
    "the human race", "everyone in the world", "every person in the world", "the planet's population", "world",
    "the globe", "the earth", "global", "the world population", "world population", "everyone on the globe",
}  # fmt: skip
_AP_STATES = {
    "ala.": "AL", "ariz.": "AZ", "ark.": "AR", "calif.": "CA", "colo.": "CO", "conn.": "CT", "del.": "DE",
    "fla.": "FL", "ga.": "GA", "ill.": "IL", "ind.": "IN", "kan.": "KS", "ky.": "KY", "la.": "LA", "md.": "MD",
    "mass.": "MA", "mich.": "MI", "minn.": "MN", "miss.": "MS", "mo.": "MO", "mont.": "MT", "neb.": "NE",
    "nev.": "NV", "n.h.": "NH", "n.j.": "NJ", "n.m.": "NM", "n.y.": "NY", "n.c.": "NC", "n.d.": "ND",
    "okla.": "OK", "ore.": "OR", "pa.": "PA", "r.i.": "RI", "s.c.": "SC", "s.d.": "SD", "tenn.": "TN",
    "vt.": "VT", "va.": "VA", "wash.": "WA", "w.va.": "WV", "wis.": "WI", "wyo.": "WY", "d.c.": "DC",
    "washington, d.c.": "DC", "washington d.c.": "DC", "washington dc": "DC", "the district of columbia": "DC",
    "the district": "DC", "the nation's capital": "DC",
}  # fmt: skip
_COUNTRY_ALIASES = {
    "russia": "RUS", "south korea": "KOR", "north korea": "PRK", "the uk": "GBR", "uk": "GBR", "britain": "GBR",
    "great britain": "GBR", "the united kingdom": "GBR", "vietnam": "VNM", "turkey": "TUR", "laos": "LAO",
    "syria": "SYR", "the netherlands": "NLD", "holland": "NLD", "the philippines": "PHL", "czech republic": "CZE",
    "slovakia": "SVK", "kyrgyzstan": "KGZ", "the democratic republic of the congo": "COD", "drc": "COD",
    "hong kong": "HKG", "macau": "MAC", "macao": "MAC", "ivory coast": "CIV", "the gambia": "GMB",
    "the bahamas": "BHS", "micronesia": "FSM", "st. lucia": "LCA", "the uae": "ARE", "uae": "ARE",
}  # fmt: skip
# Wrappers around a place in news copy, longest first: "every man, woman and child in", "the population of" …
_BEFORE = sorted(
    [
        "every man, woman and child in", "every man, woman, and child in", "every man, woman and child living in",
        "the entire population of", "the whole population of", "the total population of", "the population of",
        "the combined population of", "the full population of", "the people of", "the residents of",
        "the citizens of", "the inhabitants of", "all the people in", "all the people of", "all the residents of",
        "all residents of", "all the people living in", "every single person in", "every single person living in",
        "every person in", "every person living in", "every resident of", "every resident in", "every citizen of",
        "everyone in", "everyone living in", "everybody in", "everybody living in", "every living person in",
        "every soul in", "all people in", "all of", "everyone who lives in", "every person who lives in",
        "residents of", "people in", "people of", "the entire", "the whole", "all of the", "the state of",
        "the commonwealth of", "the whole of", "the entirety of", "the entire state of", "the whole state of",
    ],
    key=len,
    reverse=True,
)  # fmt: skip
_AFTER = re.compile(
    r"(?:'s|’s|s'|s’)\s+(?:entire |whole |total |full |combined )?(?:population|residents|people|citizens|inhabitants)$"
)
_KIND_WORDS = ("city", "town", "village", "borough", "township")
_COUNTY_WORDS = ("county", "parish", "borough", "census area", "municipality", "city and borough", "planning region")
_LIST = 8
ACCEPTED = (
    "accepted: the United States, a state, 'X County, State', a city, town or village (with its state if the "
    "name is shared), a country, or the world"
)


_SPACES = re.compile(r"\s+")
_SAINT = re.compile(r"\bsaint\b|\bst\b(?!\.)")


def _norm(text: str) -> str:
    """Lower case, single spaces, no accents, "saint" and "st" as "st.", no outer punctuation."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.replace("’", "'"))
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = _SPACES.sub(" ", text.strip().strip('.,;:!?"“”').strip()).casefold()
    return _SAINT.sub("st.", text) if "st" in text or "saint" in text else text


@cache
def _state_index() -> dict[str, str]:
    index = {}
    for row in data.states():
        if row.key != "US":
            index[_norm(row.name)] = row.key
            index[row.key.casefold()] = row.key
    index.update({k: v for k, v in _AP_STATES.items()})
    index["washington state"] = "WA"
    index["the state of washington"] = "WA"
    return index


def state_code(text: str | None) -> str | None:
    """'West Virginia', 'W.Va.' or 'wv' -> 'WV'; None stays None; an unknown state is a PopulationError."""
    if text is None or not text.strip():
        return None
    code = _state_index().get(_norm(text)) or _state_index().get(_norm(text) + ".")
    if code is None:
        raise PopulationError(f"unknown state {text!r}; give a state name or postal code, such as 'Texas' or 'TX'")
    return code


def _state_row(code: str):
    return next(row for row in data.states() if row.key == code)


def _strip(text: str) -> str:
    """The place alone: without "every person in", "the population of", "'s entire population" …"""
    text = _AFTER.sub("", text)
    if text.endswith(" population") and text not in _NATION | _WORLD:  # "the entire Texas population"
        text = text[: -len(" population")]
    changed = True
    while changed:
        changed = False
        for before in _BEFORE:
            if text.startswith(before + " "):
                text, changed = text[len(before) + 1 :], True
                break
    return text


def _split_state(text: str) -> tuple[str, str | None]:
    """'orange county, california' -> ('orange county', 'CA'); 'orange county in calif.' too."""
    for sep in (", ", " in ", " "):
        head, _, tail = text.rpartition(sep)
        if head and tail:
            code = _state_index().get(tail) or _state_index().get(tail + ".")
            if code is None and sep == ", ":
                code = _state_index().get(text[len(head) + 2 :])
            if code is not None and (sep != " " or (tail in _state_index() and len(tail) > 3)):
                return head, code
    return text, None


@lru_cache(maxsize=1024)  # a story or a claims file names the same places again and again
def resolve_place(text: str, *, state: str | None = None, year: int | None = None) -> Population:
    """The population of the place ``text`` names, for ``year`` (None: the latest in the data).

    ``state`` is the state the story names (a name or postal code): it reads "the state" and picks among
    places or counties of one name in several states. Unknown or ambiguous places raise
    :class:`~doseconv.errors.PopulationError` with what would be accepted.
    """
    story_state = state_code(state)
    raw = _norm(text)
    if not raw:
        raise PopulationError(f"no place given; {ACCEPTED}")
    for candidate in dict.fromkeys((raw, _strip(raw))):
        found = _special(candidate, story_state, year)
        if found is not None:
            return found
    return _named(_strip(raw), text, story_state, year)


def _special(text: str, story_state: str | None, year: int | None) -> Population | None:
    if text in _NATION:
        return figure(_state_row("US"), "nation", "United States", year)
    if text in _WORLD:
        return figure(_world_row("WLD"), "world", "World", year)
    if text in ("the state", "this state", "our state", "the entire state", "the whole state", "the commonwealth"):
        if story_state is None:
            raise PopulationError(f"{text!r} needs the state the story is about; give the state")
        return _state(story_state, year)
    return None


def _state(code: str, year: int | None) -> Population:
    row = _state_row(code)
    return figure(row, "territory" if code == "PR" else "state", row.name, year)


def _world_row(code: str):
    return next(row for row in data.world() if row.key == code)


@cache
def _country_index() -> dict[str, str]:
    index: dict[str, str] = {}
    short: dict[str, list[str]] = {}
    for row in data.world():
        if row.key in ("WLD", "USA"):
            continue
        index[_norm(row.name)] = row.key
        if ", " in row.name:
            head, tail = row.name.split(", ", 1)
            if tail.casefold() == "the":
                index[_norm(f"the {head}")] = row.key
            short.setdefault(_norm(head), []).append(row.key)
    index.update({k: codes[0] for k, codes in short.items() if len(codes) == 1 and k not in index})
    index.update(_COUNTRY_ALIASES)
    return index


def _named(text: str, original: str, story_state: str | None, year: int | None) -> Population:
    code = _state_index().get(text) or _state_index().get(text + ".") if len(text) > 2 or text == "dc" else None
    if code is not None:
        return _state(code, year)
    if text in _country_index():
        row = _world_row(_country_index()[text])
        return figure(row, "country", row.name, year)
    head, given_state = _split_state(text)
    head = _strip(head)
    if any(head.endswith(" " + word) for word in _COUNTY_WORDS) and not head.startswith(_KIND_WORDS):
        return _county(head, original, given_state or story_state, given_state is not None, year)
    return _place(head, original, given_state, story_state, year)


def _county(name: str, original: str, state: str | None, explicit: bool, year: int | None) -> Population:
    matches = [row for row in data.counties() if _norm(row.name) == name]
    if not matches:
        raise PopulationError(
            f"unknown county {original!r}; accepted: a county of the 50 states or DC as in 'Orange County, California' or 'Orleans Parish'"
        )
    chosen = [row for row in matches if row.state == state] if state else matches
    if not chosen and explicit:
        raise PopulationError(f"no {matches[0].name} in {_state_row(state).name}; {_candidates(matches)}")  # type: ignore[arg-type]
    if len(chosen) != 1:
        chosen = chosen or matches
        if len(chosen) == 1:
            pass
        else:
            raise PopulationError(f"{original!r} names {len(chosen)} counties; give the state: {_candidates(chosen)}")
    row = chosen[0]
    population = figure(row, "county", f"{row.name}, {_state_row(row.state).name}", year)
    return population


def _label(row: data.Row) -> str:
    return f"{row.name}{' ' + row.type if row.type else ''}, {_state_row(row.state).name}"


def _candidates(rows) -> str:
    """Candidates named as the Census tables name them; two of one name also get their FIPS place code."""
    labels = [_label(row) for row in rows]
    names = [
        f"{label} (FIPS {row.key})" if labels.count(label) > 1 else label
        for label, row in zip(labels, rows, strict=True)
    ]
    more = f" and {len(names) - _LIST} more" if len(names) > _LIST else ""
    return "; ".join(names[:_LIST]) + more


_FIPS = re.compile(r"\s*\(?fips (\d{7})\)?$")


def _place(text: str, original: str, given_state: str | None, story_state: str | None, year: int | None):
    fips = _FIPS.search(text)
    if fips is not None:  # "Reno city, Texas (FIPS 4861592)": as a candidate is listed
        rows = [row for row in data.places() if row.key == fips[1]]
        if not rows:
            raise PopulationError(f"no place has the FIPS code {fips[1]}; {ACCEPTED}")
        return figure(rows[0], "place", _label(rows[0]), year)
    kind = None
    match = re.fullmatch(rf"(?:the )?({'|'.join(_KIND_WORDS)}) of (.+)", text)
    if match:
        kind, text = match[1], _strip(match[2])
        text, named_state = _split_state(text)
        given_state = named_state or given_state
    else:
        match = re.fullmatch(rf"(.+) ({'|'.join(_KIND_WORDS)})", text)
        if match and _by_name(match[1]):
            text, kind = match[1], match[2]
    rows = _by_name(text)
    if kind:
        rows = [row for row in rows if row.type == kind or (kind == "township" and "township" in row.type)]
    if not rows:
        raise PopulationError(f"unknown place {original!r}; {ACCEPTED}")
    state = given_state or story_state
    if state and any(row.state == state for row in rows):
        rows = [row for row in rows if row.state == state]
    elif given_state:
        raise PopulationError(f"no place {original!r} in {_state_row(given_state).name}; {_candidates(rows)}")
    if len(rows) > 1:
        if len({row.state for row in rows}) == 1:
            raise PopulationError(f"{original!r} names {len(rows)} places; say which: {_candidates(rows)}")
        raise PopulationError(f"{original!r} names {len(rows)} places; give the state: {_candidates(rows)}")
    return figure(rows[0], "place", _label(rows[0]), year)


@cache
def _place_index() -> dict[str, tuple[data.Row, ...]]:
    index: dict[str, list[data.Row]] = {}
    for row in data.places():
        index.setdefault(_norm(row.name), []).append(row)
    return {key: tuple(rows) for key, rows in index.items()}


def _by_name(name: str) -> list[data.Row]:
    return list(_place_index().get(name, ()))

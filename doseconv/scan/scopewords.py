"""Scope words of a story, found once over the whole text: places (nationwide, a state, a named
division or county, a CBP port), agencies (federal and local), operations and periods.

:mod:`.scope` decides from them which scope each figure takes.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise
from typing import NamedTuple

from ..reading.lexicon import lexicon
from ..reading.patterns import at_word_start, case_variants, first_letter_cases, trie_pattern

__all__ = ["STATEWIDE", "Mention", "agency_place", "find_mentions", "parent_agencies", "relative_years"]

#: The place of a "statewide" figure when the story names no state before it: a state's total is
#: never a county's, a city's or a division's, so it does not take their name.
STATEWIDE = "statewide"


@cache
def _states() -> str:
    """The state names of the Census table (``data/population/states.csv``), as scope words: "Washington" only as
    "Washington State" (alone it is more often the capital or a person)."""
    from ..population.data import states

    names = [row.name for row in states() if row.key not in ("US", "WA")]
    return "|".join(sorted([*names, "Washington State", "Washington state"], key=len, reverse=True))


def _month() -> str:
    """The month names and abbreviations of the lexicon ("Sept", "December"), capitalised, as one pattern."""
    return "(?:" + trie_pattern(sorted({w.capitalize() for w in lexicon().months})) + ")"


@cache
def _agencies() -> dict[str, str]:
    """Every name of a federal agency in ``data/lexicon.toml`` and the short name shown for it."""
    names: dict[str, list[str]] = lexicon().data["agencies"]["names"]  # type: ignore[assignment]
    return {name: short for short, spellings in names.items() for name in spellings}


@cache
def _agency_pattern() -> str:
    return "|".join(sorted((re.escape(k) for k in _agencies()), key=len, reverse=True))


@cache
def _lab_words() -> str:
    """An agency cited for what its laboratory found ("DEA lab testing") is not the agency whose figures these are."""
    return rf"(?:['’]s)?\s+(?i:(?:{trie_pattern(sorted(lexicon().words('agencies', 'lab')))})\b)"


def _speaking_verb() -> str:
    return trie_pattern(sorted(lexicon().words("scope", "speaks")), r"\s+")


def _relative() -> str:
    """The periods said relative to the story's date ("last year"), and "in the past two years"."""
    words = trie_pattern(sorted(lexicon().data["scope"]["relative"]), r"[\s-]+")  # type: ignore[arg-type]
    return rf"(?P<relative>(?i:\b(?:(?<!earlier )(?<!later )(?:{words})|(?:in|over) the (?:past|last) (?:\w+ )?(?:fiscal |calendar )?years?)\b))"


_NATIONAL_WORDS = (
    "nationwide",
    "nation-wide",
    "nationally",
    "countrywide",
    "country-wide",
    "agencywide",
    "agency-wide",
    "across",
    "throughout",
    "all",
    "the",
    "national",
)
_OTHER_WORDS = (
    "division",
    "division-wide",
    "divisionwide",
    "statewide",
    "state-wide",
    "regionally",
    "locally",
    "Operation",
    "so",
    "fiscal",
    "FY",
    "from",
    "between",
    "in",
    "during",
    "for",
    "since",
    "year",
    "last",
    "this",
    "over",
    "Northern",
    "Southern",
    "Eastern",
    "Western",
    "Middle",
    "Central",
    "District",
)


@cache
def _mention() -> re.Pattern[str]:
    """The scope words of a story, as one pattern compiled on first use (its words come from data)."""
    states, month = _states(), _month()
    date = rf"(?:{month}\.?\s+(?:\d{{1,2}},?\s+)?)?(?:19|20)\d\d"
    first_words = {w.split()[0] for w in (*_NATIONAL_WORDS, *_OTHER_WORDS, *states.split("|"), *_agencies())}
    return re.compile(
        # Every mention starts with one of a few words: a trie of them rejects other positions at once.
        rf"\b(?={trie_pattern(case_variants(first_words))}(?![A-Za-z]))(?:"
        r"(?P<national>(?i:\bnation-?wide\b|\bnationally\b|\bcountry-?wide\b|\bagency-?wide\b"
        r"|\b(?:across|throughout) (?:the (?:country|nation|United States|U\.S\.)|America)\b|\ball 50 states\b"
        rf"|\bthe agency\b(?!['’]s\s+\w+\s+said|\s+(?:{_speaking_verb()})\b))"
        r"|\b[Nn]ational\b(?!\s+[A-Z]))"
        r"|(?P<district>\b(?:(?:Northern|Southern|Eastern|Western|Middle|Central)\s+)?District of [A-Z]\w+(?:\s+[A-Z]\w+)?)"
        r"|(?P<statewide>\b[Ss]tate-?wide\b)"
        r"|(?P<unnamed>\b(?:the (?:field )?division|division|[Dd]ivision-?wide|[Rr]egionally|[Ll]ocally)\b)"
        rf"|(?P<state>\b(?:{states})\b(?P<city>\s+City\b)?)"
        rf"|(?P<agency>\b(?:{_agency_pattern()})\b(?!{_lab_words()}))"
        r"|(?P<operation>\bOperation\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})"
        rf"|(?P<fiscal>(?i:\b(?P<ytd>so far (?:in|this) )?(?:fiscal year|FY)\s?'?(?P<fy>(?:19|20)?\d\d)\b(?P<ytd2>\s(?:so far|to date))?))"
        rf"|(?P<span>\b(?:[Ff]rom|[Bb]etween)\s+(?P<d1>{date})\s+(?:to|through|thru|until|and|-|–)\s+(?P<d2>{date})\b)"
        rf"|(?P<year>\b(?:[Ii]n|[Dd]uring|[Ff]or|[Tt]hroughout|[Ss]ince)\s+(?:calendar year\s+)?(?P<y>(?:{month}\s+)?(?:19|20)\d\d)\b)"
        rf"|{_relative()})"
    )


# Named divisions and counties are found by their last word, then their name is read backwards.
_PLACE_WORD = re.compile(
    at_word_start(
        r"Field\s+(?:Division|Field Office)\b", r"Division\b", r"Field Office\b", r"County\b(?!\s+Sheriffs of America)"
    )
)
# A name's words: an abbreviation may end in a full stop ("St.", "U.S."), a longer word may not, so
# a name read backwards never runs into the sentence before ("on Thursday. Police said").
_NAME_BEFORE = re.compile(r"(?:(?:[A-Z][a-z]{0,3}\.|[A-Z]\.(?:[A-Z]\.)+|[A-Z][\w'’]*)\s+){1,3}\Z")
# Local agencies are scopes too: found by their last words, their name read backwards
# ("Harbor County Sheriff's Office", "Riverton Police Department", "Arizona State Patrol"); a
# sheriff's office or police department also names its place ("Riverton"), a CBP port is a place
# ("Nogales port of entry").
_LOCAL_AGENCY = re.compile(
    at_word_start(
        r"Sheriff['’]s\s+(?:Office|Department)", r"Police\s+(?:Department|Dept\.)", r"Police\b(?!\s+Department)",
        r"State\s+Patrol", r"Highway\s+Patrol", r"State\s+Police", r"Department\s+of\s+Public\s+Safety",
    )
)  # fmt: skip


# The words before a place that make it the people a population phrase counts ("the entire
# population of Wyoming", "everyone in Texas", "every resident of Ohio"), not a scope.
@cache
def _whose_people() -> re.Pattern[str]:
    words = trie_pattern(sorted({*lexicon().people, *lexicon().words("scope", "whose_people")}), r"\s+")
    return re.compile(rf"\b(?:{words})\s+(?:of|in)\s+(?:the\s+(?:state|city)\s+of\s+)?\Z", re.IGNORECASE)


# Local officers named by where they work, not by their agency's name ("sheriff's deputies in
# Riverton", "police in Dayton", "officers from Tacoma", "state troopers in Gallup"): the words as
# written are the agency, the town its place.
_OFFICERS_IN = re.compile(
    "(?P<who>"
    + at_word_start(
        *first_letter_cases(
            r"sheriff['’]s\s+deputies", "deputies", r"police(?:\s+officers)?", "officers", r"state\s+troopers",
            "troopers",
        )
    )
    + r")\s+(?:in|from|of)\s+(?P<town>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})"
)  # fmt: skip
_STATE_AGENCY = re.compile(r"\s+(?:State\s+Patrol|Highway\s+Patrol|State\s+Police|Department\s+of\s+Public\s+Safety)$")
_LOCAL_SUFFIX = re.compile(r"\s+(?:Sheriff['’]s\s+(?:Office|Department)|Police(?:\s+(?:Department|Dept\.))?)$")
_PORT = re.compile(at_word_start(r"port\s+of\s+entry\b", r"Port\s+of\s+Entry\b"))


@cache
def _leading_noise() -> re.Pattern[str]:
    return re.compile(rf"^(?:(?:The|A|U\.S\.|{_agency_pattern()})(?:['’]s)?\s+|\w+['’]s\s+)+")


class Mention(NamedTuple):
    position: int
    field: str
    value: str | None
    rank: int = 0  # geography only: 2 named or national, 1 unnamed division, 0 a state name
    #: A weak cue does not split a seizure from its total: a state named in passing, an agency or official
    #: named as the one who speaks ("CBP said", "according to the DEA", "who heads the DEA's Seattle Field
    #: Division"), a relative period ("last year"). Totals are built across weak differences, with a note.
    weak: bool = False


def find_mentions(text: str) -> list[Mention]:
    found: list[Mention] = []
    operations: list[Mention] = []
    for m in _mention().finditer(text):
        kind = m.lastgroup
        pos = m.start()
        if kind in ("state", "national") and _whose_people().search(text, max(0, pos - 40), pos):
            continue  # "the entire population of Wyoming" says whose people, not where the figure applies
        if m["national"] is not None:
            found.append(Mention(pos, "geo", None, 2))
        elif m["district"] is not None:
            found.append(Mention(pos, "geo", " ".join(m["district"].split()), 2))
        elif m["statewide"] is not None:
            found.append(Mention(pos, "geo", STATEWIDE, 1))
        elif m["unnamed"] is not None:
            found.append(Mention(pos, "geo", "", 1))
        elif m["state"] is not None:
            name = " ".join(m["state"].split())
            found.append(Mention(pos, "geo", name.replace(" state", "").replace(" State", ""), 0, True))
        elif m["agency"] is not None:
            found.append(Mention(pos, "agency", _agencies()[m["agency"]], 0, _speaks(text, pos, m.end())))
        elif m["operation"] is not None:
            mention = Mention(pos, "operation", " ".join(m["operation"].split()))
            operations.append(mention)
            found.append(mention)
        elif m["fiscal"] is not None:
            year = m["fy"] if len(m["fy"]) == 4 else "20" + m["fy"]
            to_date = ", to date" if (m["ytd"] or m["ytd2"]) else ""
            found.append(Mention(pos, "period", f"fiscal year {year}{to_date}"))
        elif m["span"] is not None:
            found.append(Mention(pos, "period", f"{' '.join(m['d1'].split())} – {' '.join(m['d2'].split())}"))
        elif m["year"] is not None:
            since = "since " if m["year"].lower().startswith("since") else ""
            found.append(Mention(pos, "period", since + " ".join(m["y"].split())))
        else:
            assert kind == "relative"
            found.append(Mention(pos, "period", " ".join(m["relative"].lower().split()), 0, True))
    for word in _PLACE_WORD.finditer(text):
        before = _NAME_BEFORE.search(text, max(0, word.start() - 60), word.start())
        if before is not None:
            full = _leading_noise().sub("", " ".join(text[before.start() : word.end()].split()))
            if full != word[0]:
                found.append(Mention(before.start(), "geo", full, 2, _speaks(text, before.start(), word.end())))
    found += _local_agencies(text)
    found.sort(key=lambda mention: mention.position)
    found = _joint(found)
    names = {o.value for o in operations if o.value}
    if len(names) > 1:
        # A headline in title case runs on ("Operation Last Mile Tracks Down"): use the shortest
        # name found elsewhere that it starts with.
        short = {n: _shortest_prefix(n, names) for n in names}
        found = [
            Mention(x.position, x.field, short[x.value], x.rank, x.weak) if x.field == "operation" and x.value else x
            for x in found
        ]
    return found


def agency_place(name: str) -> str | None:
    """The place a local agency covers: its state for a state police or patrol ("Arizona State Patrol": Arizona),
    its county or town for a sheriff's office or police department, else None."""
    if (state := _STATE_AGENCY.sub("", name)) != name and state in _states().split("|"):
        return state
    town = _LOCAL_SUFFIX.sub("", name)
    return town if town != name and town else None


def _local_agencies(text: str) -> list[Mention]:
    """Sheriff's offices, police departments, state patrols (agencies) and CBP ports of entry (places)."""
    found = []
    for word in _LOCAL_AGENCY.finditer(text):
        before = _NAME_BEFORE.search(text, max(0, word.start() - 60), word.start())
        if before is not None:
            name = re.sub(r"^(?:The|A)\s+", "", " ".join(text[before.start() : word.end()].split()))
            weak = _speaks(text, before.start(), word.end())
            found.append(Mention(before.start(), "agency", name, 0, weak))
            if (place := agency_place(name)) is not None:
                found.append(Mention(before.start(), "geo", place, 2, weak))
    named = {m.value for m in found if m.field == "geo"}  # the places of the agencies named by name
    for officers in _OFFICERS_IN.finditer(text):
        town = officers["town"]
        if town not in named:  # "deputies in Harbor County" are the Harbor County Sheriff's Office's
            found.append(Mention(officers.start(), "agency", f"{town} {' '.join(officers['who'].lower().split())}"))
        found.append(Mention(officers.start(), "geo", town, 2))
    for port in _PORT.finditer(text):
        before = _NAME_BEFORE.search(text, max(0, port.start() - 60), port.start())
        if before is not None:
            name = re.sub(r"^(?:The|A|At|CBP)\s+", "", " ".join(text[before.start() : port.end()].split()))
            found.append(Mention(before.start(), "geo", name, 2))
    return found


#: Agencies named within this many characters of each other are one joint list ("CBP and HSI").
JOINT_GAP = 30


def _joint(found: list[Mention]) -> list[Mention]:
    """Agencies named in one list ("DHS component agencies, CBP and HSI") are weak cues: the seizure is theirs together."""
    agencies = [i for i, m in enumerate(found) if m.field == "agency"]
    joint = {
        i
        for a, b in pairwise(agencies)
        if found[b].position - found[a].position <= JOINT_GAP and found[a].value != found[b].value
        for i in (a, b)
    }
    return [m._replace(weak=True) if i in joint else m for i, m in enumerate(found)]


@cache
def _speaker_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Words that make an agency or an official the one who speaks, not the one whose figure it is: after the name
    ("CBP said", "the DEA's administrator told"), before it ("according to", "who heads the")."""
    scope = lexicon().data["scope"]
    verbs = trie_pattern(sorted(scope["speaks"]), r"\s+")
    before = trie_pattern(sorted(scope["speaks_before"]), r"\s+")
    return (
        # "CBP said", not "the DEA said its seizures …" (who says "its" speaks of its own)
        re.compile(
            rf"(?:['’]s(?:\s+[\w.'’-]+){{0,3}})?,?\s+(?:{verbs})\b(?!\s+(?:that\s+)?(?:its|their|our)\b)", re.IGNORECASE
        ),
        re.compile(rf"\b(?:{before})\s+(?:the\s+|a\s+)?(?:[\w.'’-]+\s+){{0,2}}\Z", re.IGNORECASE),
    )


def _speaks(text: str, start: int, end: int) -> bool:
    """Whether the agency or place named at ``text[start:end]`` is named as who speaks (a weak scope cue)."""
    after, before = _speaker_patterns()
    return after.match(text, end) is not None or before.search(text, max(0, start - 40), start) is not None


@cache
def parent_agencies() -> dict[str, str]:
    """Agencies and the department they belong to (``data/lexicon.toml``): DHS's seizures include CBP's and HSI's."""
    return dict(lexicon().data["agencies"]["parents"])  # type: ignore[arg-type]


def relative_years() -> dict[str, int]:
    """The periods said relative to the story's date and their distance from its year ("last year": -1)."""
    return lexicon().data["scope"]["relative"]  # type: ignore[return-value]


def _shortest_prefix(name: str, names: set[str]) -> str:
    """The shortest of ``names`` that ``name`` starts with, word by word (``name`` itself at worst)."""
    words = name.split(" ")
    return next(p for p in (" ".join(words[:i]) for i in range(1, len(words) + 1)) if p in names)

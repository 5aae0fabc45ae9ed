"""Scope of a figure: which country, division or state, agency, operation and period it covers.

Scope words are found once over the whole text. A figure takes, field by field, the words of
its own sentence (the nearest before it, else the first after it), else those of its
paragraph (the nearest sentence before, else after), else the last value stated in an earlier
paragraph or heading. A named division beats an unnamed "the division", which beats bare
state names.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import NamedTuple

from .patterns import case_variants, trie_pattern
from .text import Document

__all__ = ["FIELDS", "STATEWIDE", "Scope", "ScopeResolver"]

#: The fields of a scope, in the order they are shown.
FIELDS = ("level", "place", "agency", "operation", "period")

#: The place of a "statewide" figure when the story names no state before it: a state's total is
#: never a county's, a city's or a division's, so it does not take their name.
STATEWIDE = "statewide"


@dataclass(frozen=True)
class Scope:
    """Where and when a figure applies; ``None`` fields are not stated anywhere before it.

    >>> a = Scope("national", None, "DEA", "Operation Last Mile", "May 1, 2022 – May 1, 2023")
    >>> a.describe()
    'national; DEA; Operation Last Mile; May 1, 2022 – May 1, 2023'
    >>> a.differences(Scope("regional", "St. Louis Division", "DEA"))
    ['level', 'place']
    >>> Scope().describe()
    'not stated'
    """

    level: str | None = None
    place: str | None = None
    agency: str | None = None
    operation: str | None = None
    period: str | None = None

    def __post_init__(self) -> None:
        if self.level not in (None, "national", "regional"):
            raise ValueError(f"scope level must be national or regional, not {self.level!r}")

    def differences(self, other: Scope) -> list[str]:
        """Fields stated for both scopes with different values (a national figure has no place)."""
        out = []
        for name in FIELDS:
            mine, theirs = getattr(self, name), getattr(other, name)
            if name == "place" and "level" in out:
                mine = mine if self.level == "regional" else "nationwide"
                theirs = theirs if other.level == "regional" else "nationwide"
            if mine is not None and theirs is not None and mine != theirs:
                out.append(name)
        return out

    def describe(self) -> str:
        """The stated fields joined by semicolons."""
        parts = []
        if self.level == "regional":
            parts.append(self.place or "regional")
        elif self.level == "national":
            parts.append("national")
        elif self.place:
            parts.append(self.place)
        parts += [v for v in (self.agency, self.operation, self.period) if v]
        return "; ".join(parts) or "not stated"

    def to_dict(self) -> dict[str, str | None]:
        return {name: getattr(self, name) for name in FIELDS}


_STATES = (
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|"
    "Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|"
    "Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|"
    "North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|"
    "Tennessee|Texas|Utah|Vermont|Virginia|Washington State|Washington state|West Virginia|Wisconsin|Wyoming|"
    "Puerto Rico|District of Columbia"
)
_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
_DATE = rf"(?:{_MONTH}\.?\s+(?:\d{{1,2}},?\s+)?)?(?:19|20)\d\d"
_AGENCIES = {
    "DEA": "DEA", "Drug Enforcement Administration": "DEA", "Drug Enforcement Agency": "DEA",
    "CBP": "CBP", "Customs and Border Protection": "CBP", "Border Patrol": "CBP",
    "DHS": "DHS", "Department of Homeland Security": "DHS", "Homeland Security Department": "DHS",
    "HSI": "HSI", "Homeland Security Investigations": "HSI",
    "FBI": "FBI", "Federal Bureau of Investigation": "FBI",
    "ATF": "ATF", "ICE": "ICE", "Immigration and Customs Enforcement": "ICE",
    "DOJ": "DOJ", "Department of Justice": "DOJ", "Justice Department": "DOJ",
    "USPIS": "USPIS", "Postal Inspection Service": "USPIS", "Coast Guard": "Coast Guard",
    "HIDTA": "HIDTA", "ONDCP": "ONDCP",
}  # fmt: skip
_AGENCY_PATTERN = "|".join(sorted((re.escape(k) for k in _AGENCIES), key=len, reverse=True))

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
_FIRST_WORDS = {w.split()[0] for w in (*_NATIONAL_WORDS, *_OTHER_WORDS, *_STATES.split("|"), *_AGENCIES)}

_MENTION = re.compile(
    # Every mention starts with one of a few words: a trie of them rejects other positions at once.
    rf"\b(?={trie_pattern(case_variants(_FIRST_WORDS))}(?![A-Za-z]))(?:"
    r"(?P<national>(?i:\bnation-?wide\b|\bnationally\b|\bcountry-?wide\b|\bagency-?wide\b"
    r"|\b(?:across|throughout) (?:the (?:country|nation|United States|U\.S\.)|America)\b|\ball 50 states\b"
    r"|\bthe agency\b)|\b[Nn]ational\b(?!\s+[A-Z]))"
    r"|(?P<district>\b(?:(?:Northern|Southern|Eastern|Western|Middle|Central)\s+)?District of [A-Z]\w+(?:\s+[A-Z]\w+)?)"
    r"|(?P<statewide>\b[Ss]tate-?wide\b)"
    r"|(?P<unnamed>\b(?:the (?:field )?division|division|[Dd]ivision-?wide|[Rr]egionally|[Ll]ocally)\b)"
    rf"|(?P<state>\b(?:{_STATES})\b(?P<city>\s+City\b)?)"
    rf"|(?P<agency>\b(?:{_AGENCY_PATTERN})\b)"
    r"|(?P<operation>\bOperation\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})"
    rf"|(?P<fiscal>(?i:\b(?P<ytd>so far (?:in|this) )?(?:fiscal year|FY)\s?'?(?P<fy>(?:19|20)?\d\d)\b(?P<ytd2>\s(?:so far|to date))?))"
    rf"|(?P<span>\b(?:[Ff]rom|[Bb]etween)\s+(?P<d1>{_DATE})\s+(?:to|through|thru|until|and|-|–)\s+(?P<d2>{_DATE})\b)"
    rf"|(?P<year>\b(?:[Ii]n|[Dd]uring|[Ff]or|[Tt]hroughout|[Ss]ince)\s+(?:calendar year\s+)?(?P<y>(?:{_MONTH}\s+)?(?:19|20)\d\d)\b)"
    r"|(?P<relative>(?i:\b(?:so far this year|year[- ]to[- ]date|last year|this year"
    r"|(?:in|over) the (?:past|last) (?:\w+ )?(?:fiscal |calendar )?years?)\b)))"
)
# Named divisions and counties are found by their last word, then their name is read backwards.
_PLACE_WORD = re.compile(r"\b(?:Field\s+)?(?:Division|Field Office)\b|\bCounty\b(?!\s+Sheriffs of America)")
_NAME_BEFORE = re.compile(r"(?:[A-Z][\w.'’]*\s+){1,3}\Z")
# Local agencies are scopes too: found by their last words, their name read backwards
# ("Harbor County Sheriff's Office", "Riverton Police Department", "Arizona State Patrol"); a
# sheriff's office or police department also names its place ("Riverton"), a CBP port is a place
# ("Nogales port of entry").
_LOCAL_AGENCY = re.compile(
    r"\b(?:Sheriff['’]s\s+(?:Office|Department)|Police\s+(?:Department|Dept\.)|Police\b(?!\s+Department)"
    r"|State\s+Patrol|Highway\s+Patrol|State\s+Police|Department\s+of\s+Public\s+Safety)"
)
# The words before a place that make it the people a population phrase counts ("the entire
# population of Wyoming", "everyone in Texas", "every resident of Ohio"), not a scope.
_WHOSE_PEOPLE = re.compile(
    r"\b(?:population|people|residents?|inhabitants|everyone|everybody|every (?:person|man, woman and child))"
    r"\s+(?:of|in)\s+(?:the\s+(?:state|city)\s+of\s+)?\Z"
)
_LOCAL_SUFFIX = re.compile(r"\s+(?:Sheriff['’]s\s+(?:Office|Department)|Police(?:\s+(?:Department|Dept\.))?)$")
_PORT = re.compile(r"\bport\s+of\s+entry\b|\bPort\s+of\s+Entry\b")
_LEADING_NOISE = re.compile(rf"^(?:(?:The|A|U\.S\.|{_AGENCY_PATTERN})(?:['’]s)?\s+|\w+['’]s\s+)+")


class _Mention(NamedTuple):
    position: int
    field: str
    value: str | None
    rank: int = 0  # geography only: 2 named or national, 1 unnamed division, 0 a state name


def _mentions(text: str) -> list[_Mention]:
    found: list[_Mention] = []
    operations: list[_Mention] = []
    for m in _MENTION.finditer(text):
        kind = m.lastgroup
        pos = m.start()
        if kind in ("state", "national") and _WHOSE_PEOPLE.search(text, max(0, pos - 40), pos):
            continue  # "the entire population of Wyoming" says whose people, not where the figure applies
        if m["national"] is not None:
            found.append(_Mention(pos, "geo", None, 2))
        elif m["district"] is not None:
            found.append(_Mention(pos, "geo", " ".join(m["district"].split()), 2))
        elif m["statewide"] is not None:
            found.append(_Mention(pos, "geo", STATEWIDE, 1))
        elif m["unnamed"] is not None:
            found.append(_Mention(pos, "geo", "", 1))
        elif m["state"] is not None:
            name = " ".join(m["state"].split())
            found.append(_Mention(pos, "geo", name.replace(" state", "").replace(" State", ""), 0))
        elif m["agency"] is not None:
            found.append(_Mention(pos, "agency", _AGENCIES[m["agency"]]))
        elif m["operation"] is not None:
            mention = _Mention(pos, "operation", " ".join(m["operation"].split()))
            operations.append(mention)
            found.append(mention)
        elif m["fiscal"] is not None:
            year = m["fy"] if len(m["fy"]) == 4 else "20" + m["fy"]
            to_date = ", to date" if (m["ytd"] or m["ytd2"]) else ""
            found.append(_Mention(pos, "period", f"fiscal year {year}{to_date}"))
        elif m["span"] is not None:
            found.append(_Mention(pos, "period", f"{' '.join(m['d1'].split())} – {' '.join(m['d2'].split())}"))
        elif m["year"] is not None:
            since = "since " if m["year"].lower().startswith("since") else ""
            found.append(_Mention(pos, "period", since + " ".join(m["y"].split())))
        else:
            assert kind == "relative"
            found.append(_Mention(pos, "period", " ".join(m["relative"].lower().split())))
    for word in _PLACE_WORD.finditer(text):
        before = _NAME_BEFORE.search(text, max(0, word.start() - 60), word.start())
        if before is not None:
            full = _LEADING_NOISE.sub("", " ".join(text[before.start() : word.end()].split()))
            if full != word[0]:
                found.append(_Mention(before.start(), "geo", full, 2))
    found += _local_agencies(text)
    found.sort(key=lambda mention: mention.position)
    names = {o.value for o in operations if o.value}
    if len(names) > 1:
        # A headline in title case runs on ("Operation Last Mile Tracks Down"): use the shortest
        # name found elsewhere that it starts with.
        short = {n: _shortest_prefix(n, names) for n in names}
        found = [
            _Mention(x.position, x.field, short[x.value], x.rank) if x.field == "operation" and x.value else x
            for x in found
        ]
    return found


def _local_agencies(text: str) -> list[_Mention]:
    """Sheriff's offices, police departments, state patrols (agencies) and CBP ports of entry (places)."""
    found = []
    for word in _LOCAL_AGENCY.finditer(text):
        before = _NAME_BEFORE.search(text, max(0, word.start() - 60), word.start())
        if before is not None:
            name = re.sub(r"^(?:The|A)\s+", "", " ".join(text[before.start() : word.end()].split()))
            found.append(_Mention(before.start(), "agency", name))
            town = _LOCAL_SUFFIX.sub("", name)
            if town != name and town:  # a sheriff's office or police department covers its county or town
                found.append(_Mention(before.start(), "geo", town, 2))
    for port in _PORT.finditer(text):
        before = _NAME_BEFORE.search(text, max(0, port.start() - 60), port.start())
        if before is not None:
            name = re.sub(r"^(?:The|A|At|CBP)\s+", "", " ".join(text[before.start() : port.end()].split()))
            found.append(_Mention(before.start(), "geo", name, 2))
    return found


def _shortest_prefix(name: str, names: set[str]) -> str:
    """The shortest of ``names`` that ``name`` starts with, word by word (``name`` itself at worst)."""
    words = name.split(" ")
    return next(p for p in (" ".join(words[:i]) for i in range(1, len(words) + 1)) if p in names)


class ScopeResolver:
    """Resolves the scope of any position of a document from its scope words and structure.

    >>> from .text import read_document
    >>> doc = read_document("The DEA St. Louis Division seized 100 pounds.\\n\\nNationwide, it seized 6,500 pounds.")
    >>> resolver = ScopeResolver(doc)
    >>> resolver.scope_at(doc.text.index("100")).describe()
    'St. Louis Division; DEA'
    >>> resolver.scope_at(doc.text.index("6,500")).describe()
    'national; DEA'
    """

    def __init__(self, document: Document) -> None:
        self.document = document
        starts = [s for s, _ in document.sentences]
        by_sentence: list[list[_Mention]] = [[] for _ in document.sentences]
        for mention in _mentions(document.text):
            index = bisect_right(starts, mention.position) - 1
            if index >= 0 and mention.position < document.sentences[index][1]:
                by_sentence[index].append(mention)
        self._by_sentence = [_SentenceMentions(m) for m in by_sentence]
        self._resolved: dict[tuple[int, int], Scope] = {}
        self._sentence_values = [self._own(m, None) for m in self._by_sentence]
        self._paragraph_sentences: dict[int, list[int]] = {}
        for index, paragraph in enumerate(document.sentence_paragraph):
            self._paragraph_sentences.setdefault(paragraph, []).append(index)
        self._carried = self._carry()
        self._before, self._after = self._neighbours()
        # The last place named before each sentence, for an unnamed "the division", and the last
        # state named, for "statewide" (never a county's or a division's name).
        self._last_place: list[str | None] = []
        self._last_state: list[str | None] = []
        place: str | None = None
        state: str | None = None
        for values, mentions in zip(self._sentence_values, self._by_sentence, strict=True):
            self._last_place.append(place)
            self._last_state.append(state)
            if values.get("place") != STATEWIDE:
                place = values.get("place") or place  # type: ignore[assignment]
            state = mentions.states.rsplit(", ", 1)[-1] if mentions.states else state

    def _own(self, mentions: _SentenceMentions, position: int | None) -> dict[str, object]:
        """Field values a sentence states itself; ``position`` picks the nearest mention, else the last."""
        out: dict[str, object] = {}
        if mentions.geo:
            # A state name counts only when nothing else in the sentence says where.
            chosen = mentions.geo.nearest(position)
            if chosen.rank == 2 and chosen.value is None:
                out["level"], out["place"] = "national", None
            elif chosen.value == STATEWIDE:
                out["level"], out["place"] = "regional", mentions.states or STATEWIDE
            elif chosen.value:
                out["level"], out["place"] = "regional", chosen.value
            else:
                out["level"] = "regional"
                if mentions.states:
                    out["place"] = mentions.states
            if chosen.rank == 0:
                out["place"] = mentions.states
        if mentions.agency:
            if position is None:
                out["agency"] = mentions.agencies
            else:
                out["agency"] = mentions.agency.nearest(position).value
        for name in ("operation", "period"):
            chosen_list = getattr(mentions, name)
            if chosen_list:
                out[name] = chosen_list.nearest(position).value
        return out

    def _carry(self) -> list[dict[str, object]]:
        """For each paragraph, the values in force when it starts (stated in earlier paragraphs)."""
        carried: list[dict[str, object]] = []
        state: dict[str, object] = {}
        for paragraph in range(len(self.document.paragraphs)):
            carried.append(dict(state))
            for sentence in self._paragraph_sentences.get(paragraph, []):
                state = _merge(state, self._sentence_values[sentence])
        return carried

    def scope_at(self, position: int) -> Scope:
        """The scope of a figure starting at ``position`` of the document's text."""
        doc = self.document
        if not doc.sentences:
            return Scope()
        sentence = doc.sentence_at(position)
        mentions = self._by_sentence[sentence]
        # Figures between the same two scope words of a sentence share one scope: resolve it once.
        key = (sentence, bisect_right(mentions.positions, position))
        if key not in self._resolved:
            self._resolved[key] = self._resolve(sentence, mentions, position)
        return self._resolved[key]

    def _resolve(self, sentence: int, mentions: _SentenceMentions, position: int) -> Scope:
        values = self._own(mentions, position)
        own_agency = "agency" in values
        for key, value in self._inherited(sentence).items():
            values.setdefault(key, value)
        if values.get("level") == "regional" and not values.get("place"):
            values["place"] = self._last_place[sentence]
        if values.get("place") == STATEWIDE:
            values["place"] = self._last_state[sentence] or STATEWIDE
        if values.get("level") == "national":
            values["place"] = None
        agency, place = values.get("agency"), values.get("place")
        if not own_agency and isinstance(agency, str) and (values.get("level") == "national" or place):
            town = _LOCAL_SUFFIX.sub("", agency)
            if town != agency and town != place:  # a town's police is not carried to another place
                del values["agency"]
        return Scope(**values)  # type: ignore[arg-type]

    def _neighbours(self) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
        """For each sentence, the values stated by the nearest sentences before and after it in its paragraph."""
        count = len(self._sentence_values)
        before: list[dict[str, object]] = [{}] * count
        after: list[dict[str, object]] = [{}] * count
        for sentences in self._paragraph_sentences.values():
            state: dict[str, object] = {}
            for index in sentences:
                before[index] = state
                if self._sentence_values[index]:
                    state = _merge(state, self._sentence_values[index])
            state = {}
            for index in reversed(sentences):
                after[index] = state
                if self._sentence_values[index]:
                    state = _merge(state, self._sentence_values[index])
        return before, after

    def _inherited(self, sentence: int) -> dict[str, object]:
        """Values a sentence takes from its paragraph (nearest sentence before, else after), then earlier text."""
        values = dict(self._before[sentence])
        for key, value in self._after[sentence].items():
            values.setdefault(key, value)
        for key, value in self._carried[self.document.sentence_paragraph[sentence]].items():
            values.setdefault(key, value)
        return values


class _Field:
    """The mentions of one field in one sentence, in text order, found by position in log time."""

    __slots__ = ("_mentions", "_positions")

    def __init__(self, mentions: list[_Mention]) -> None:
        self._mentions = mentions
        self._positions = [m.position for m in mentions]

    def __bool__(self) -> bool:
        return bool(self._mentions)

    def nearest(self, position: int | None) -> _Mention:
        """The last mention at or before ``position`` (else the first); the last of all for ``None``."""
        if position is None:
            return self._mentions[-1]
        index = bisect_right(self._positions, position) - 1
        return self._mentions[max(index, 0)]


class _SentenceMentions:
    """A sentence's scope mentions, sorted out by field once (each figure then looks up its own)."""

    def __init__(self, mentions: list[_Mention]) -> None:
        self.positions = [m.position for m in mentions]
        geo = [m for m in mentions if m.field == "geo"]
        best_rank = min(max((m.rank for m in geo), default=0), 1)
        self.geo = _Field([m for m in geo if m.rank >= best_rank])
        self.states = ", ".join(dict.fromkeys(m.value for m in geo if m.rank == 0 and m.value is not None))
        agencies = [m for m in mentions if m.field == "agency"]
        self.agency = _Field(agencies)
        self.agencies = ", ".join(dict.fromkeys(m.value for m in agencies if m.value is not None))
        self.operation = _Field([m for m in mentions if m.field == "operation"])
        self.period = _Field([m for m in mentions if m.field == "period"])


def _merge(state: dict[str, object], new: dict[str, object]) -> dict[str, object]:
    out = dict(state)
    out.update(new)
    if new.get("level") == "national":
        out["place"] = None
    elif new.get("level") == "regional" and "place" not in new:
        out["place"] = state.get("place") if state.get("level") == "regional" else None
    return out

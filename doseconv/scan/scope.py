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
from dataclasses import dataclass, field
from functools import cache

from ..reading.lexicon import lexicon
from ..reading.patterns import trie_pattern
from .scopewords import STATEWIDE, Mention, agency_place, find_mentions, parent_agencies, relative_years
from .text import Document

__all__ = ["FIELDS", "STATEWIDE", "Scope", "ScopeResolver", "subjects"]


# A sentence inside a paragraph that opens as an aside ("Separately, deputies seized …", "In another
# case, …") tells of another seizure: its scope holds for the rest of its paragraph, not for the
# paragraphs after it.
@cache
def _aside() -> re.Pattern[str]:
    """The words that open an aside, from ``data/lexicon.toml``."""
    lex = lexicon()
    openers = trie_pattern(sorted(lex.words("scope", "aside_openers")))
    kinds = trie_pattern(sorted(lex.words("scope", "aside_kinds")))
    events = trie_pattern(sorted(lex.words("scope", "aside_events")), r"\s+")
    return re.compile(rf"\s*(?:{openers}|In (?:a |an )?(?:{kinds}) (?:{events}))\b")


def subjects(document: Document) -> list[int]:
    """For each sentence, the seizure story it belongs to, as a number: a sentence opening with an aside
    ("Separately, …", "In another case, …") starts another; inside a paragraph that one lasts to the paragraph's
    end, while a paragraph that opens with an aside is the story's next subject. A total is built only from the
    figures of its own subject.

    >>> from .text import read_document
    >>> subjects(read_document("Agents seized 2 kilos. Separately, police seized 3 kilos.\\n\\nThe drug could kill 1 million."))
    [0, 1, 0]
    """
    out: list[int] = []
    current, resume, last = 0, None, 0
    for index, (start, _) in enumerate(document.sentences):
        paragraph = document.sentence_paragraph[index]
        opens = index == 0 or document.sentence_paragraph[index - 1] != paragraph
        if opens and resume is not None:  # the paragraph after an aside inside one goes back to the story
            current, resume = resume, None
        if _aside().match(document.text, start):
            last += 1
            if not opens and resume is None:
                resume = current
            current = last
        out.append(current)
    return out


#: The fields of a scope, in the order they are shown.
FIELDS = ("level", "place", "agency", "operation", "period")


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
    #: The fields the figure's own sentence states by a strong cue (``level`` and ``place`` go together): a
    #: named place, division, agency, operation or dated period, not a state named in passing, an agency that
    #: only speaks, a relative period or a value carried from another sentence.
    strong: frozenset[str] = field(default=frozenset(), compare=False, repr=False)

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

    def conflicts(self, other: Scope) -> list[str]:
        """The differences that split a total from a figure: fields both figures' own sentences state by strong
        cues, with different values (a national figure and a named region's, two named places or agencies, a fiscal
        and a calendar year, two years). An agency and the department it belongs to (CBP and DHS) do not conflict.

        >>> a = Scope("regional", "Alameda County", strong=frozenset({"level", "place"}))
        >>> a.conflicts(Scope("regional", "California")), a.conflicts(Scope("regional", "Ohio", strong=a.strong))
        ([], ['place'])
        >>> Scope(agency="CBP", strong=frozenset({"agency"})).conflicts(Scope(agency="DHS", strong=frozenset({"agency"})))
        []
        """
        out = []
        for name in self.differences(other):
            if name not in self.strong or name not in other.strong:
                continue
            if name == "agency" and _overlapping(self.agency, other.agency):
                continue
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


def _overlapping(a: str | None, b: str | None) -> bool:
    """Whether two agency values share an agency or one's department holds the other's ("CBP" and "DHS, CBP, HSI")."""
    first = {x for x in (a or "").split(", ") if x}
    second = {x for x in (b or "").split(", ") if x}
    parents = parent_agencies()
    widen = lambda names: names | {parents[n] for n in names if n in parents}  # noqa: E731
    if widen(first) & second or first & widen(second):
        return True
    # One agency named short and in full ("Delaware Police", "the Delaware State Police"; "Tulsa police", "the Tulsa
    # Police Department"): the words of one name are all in the other's.
    words = lambda name: set(name.lower().split())  # noqa: E731
    return any(words(x) <= words(y) or words(y) <= words(x) for x in first for y in second)


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

    def __init__(self, document: Document, year: int | None = None) -> None:
        self.document = document
        self.year = year  # the story's year, which dates "last year" and "this year"
        starts = [s for s, _ in document.sentences]
        by_sentence: list[list[Mention]] = [[] for _ in document.sentences]
        #: Every scope word of the story, in text order (read again by :mod:`.storyplaces` for the story's places).
        self.mentions = find_mentions(document.text)
        for mention in self.mentions:
            index = bisect_right(starts, mention.position) - 1
            if index >= 0 and mention.position < document.sentences[index][1]:
                by_sentence[index].append(mention)
        none = _SentenceMentions([])  # most sentences name no scope: they share one empty set of mentions
        self._by_sentence = [_SentenceMentions(m) if m else none for m in by_sentence]
        self._resolved: dict[tuple[int, int], Scope] = {}
        self._sentence_values = [self._own(m, None)[0] for m in self._by_sentence]
        self._paragraph_sentences: dict[int, list[int]] = {}
        for index, paragraph in enumerate(document.sentence_paragraph):
            self._paragraph_sentences.setdefault(paragraph, []).append(index)
        # An aside inside a paragraph (not its first sentence: a paragraph that opens with "Separately" is
        # the story's next subject).
        self._asides = {
            i
            for sentences in self._paragraph_sentences.values()
            for i in sentences[1:]
            if _aside().match(document.text, document.sentences[i][0])
        }
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

    def _own(self, mentions: _SentenceMentions, position: int | None) -> tuple[dict[str, object], frozenset[str]]:
        """Field values a sentence states itself, and those it states by strong cues; ``position`` picks the nearest
        mention, else the last."""
        out: dict[str, object] = {}
        strong: set[str] = set()
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
            if not chosen.weak:
                strong |= {"level", "place"}
        if mentions.agency:
            if position is None:
                out["agency"] = mentions.agencies
            else:
                chosen = mentions.agency.nearest(position)
                out["agency"] = chosen.value
                if not chosen.weak:
                    strong.add("agency")
        if mentions.operation:
            out["operation"] = mentions.operation.nearest(position).value
            strong.add("operation")
        if mentions.period:
            chosen = mentions.period.nearest(position)
            period = chosen.value
            relative = relative_years()
            if chosen.weak and self.year is not None and period in relative:  # "last year" in a story of 2023: 2022
                period = str(self.year + relative[period])
                strong.add("period")
            elif not chosen.weak:
                strong.add("period")
            out["period"] = period
        return out, frozenset(strong)

    def _carry(self) -> list[dict[str, object]]:
        """For each paragraph, the values in force when it starts (stated in earlier paragraphs, asides apart)."""
        carried: list[dict[str, object]] = []
        state: dict[str, object] = {}
        for paragraph in range(len(self.document.paragraphs)):
            carried.append(dict(state))
            for sentence in self._paragraph_sentences.get(paragraph, []):
                if sentence not in self._asides:
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
        values, strong = self._own(mentions, position)
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
            covers = agency_place(agency)
            if covers is not None and covers != place:  # a town's police is not carried to another place
                del values["agency"]
        return Scope(**values, strong=strong)  # type: ignore[arg-type]

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

    def __init__(self, mentions: list[Mention]) -> None:
        self._mentions = mentions
        self._positions = [m.position for m in mentions]

    def __bool__(self) -> bool:
        return bool(self._mentions)

    def nearest(self, position: int | None) -> Mention:
        """The last mention at or before ``position`` (else the first); the last of all for ``None``."""
        if position is None:
            return self._mentions[-1]
        index = bisect_right(self._positions, position) - 1
        return self._mentions[max(index, 0)]


class _SentenceMentions:
    """A sentence's scope mentions, sorted out by field once (each figure then looks up its own)."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.positions = [m.position for m in mentions]
        fields: dict[str, list[Mention]] = {"geo": [], "agency": [], "operation": [], "period": []}
        for mention in mentions:
            fields[mention.field].append(mention)
        geo, agencies = fields["geo"], fields["agency"]
        best_rank = min(max((m.rank for m in geo), default=0), 1)
        self.geo = _Field([m for m in geo if m.rank >= best_rank])
        self.states = ", ".join(dict.fromkeys(m.value for m in geo if m.rank == 0 and m.value is not None))
        self.agency = _Field(agencies)
        self.agencies = ", ".join(dict.fromkeys(m.value for m in agencies if m.value is not None))
        self.operation = _Field(fields["operation"])
        self.period = _Field(fields["period"])


def _merge(state: dict[str, object], new: dict[str, object]) -> dict[str, object]:
    out = dict(state)
    out.update(new)
    if new.get("level") == "national":
        out["place"] = None
    elif new.get("level") == "regional" and "place" not in new:
        out["place"] = state.get("place") if state.get("level") == "regional" else None
    return out

"""Reading population claims: "enough to kill every person in West Virginia 32 times over".

A population claim states a number of lethal doses as a population times a multiple, one lethal dose per
person. The qualifier ("nearly", "more than" …) applies to the multiple, read with the qualifier table
(``data/qualifiers.toml``). "Enough to kill" states a floor: the claim is wrong when the seizure holds fewer
doses than the low end, not when it holds more. A count of people with a place ("750,000 Delawareans") is a
claimed total, not a floor.

This is the one reader of population phrases: ``check``, claims files and ``scan`` (through
:func:`read_population_at`) all read them here. The words are data (:mod:`.words`); what follows the verb is
read by :mod:`.target`; the place by :mod:`.places`.

>>> claim = parse_population_claim("enough to kill every person in West Virginia 32 times over", year=2023)
>>> claim.population.value, str(claim.multiple)
(1770495, '[31.5, 32.5)')
>>> claim.doses.low
Fraction(111541185, 2)
>>> parse_population_claim("enough to kill 2 million people") is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from functools import cache, lru_cache

from ..errors import PopulationError
from ..intervals import Interval
from ..reading.numbers import exact_text
from ..reading.stated import Reading, StatedFigure
from .places import resolve_place
from .result import Population
from .story import StoryPlaces
from .target import FRACTION_STEP, Target, clean, per_person, read_target
from .words import alternation, words

__all__ = [
    "FRACTION_STEP",
    "MAX_CLAUSE",
    "PhraseRead",
    "PopulationClaim",
    "has_population_verb",
    "parse_population_claim",
    "population_lead",
    "read_population_at",
    "scan_leads",
]

#: The longest clause read after a verb, in characters.
MAX_CLAUSE = 160


@dataclass(frozen=True)
class PopulationClaim:
    """A population phrase read as a dose claim: ``doses`` = the people counted × ``multiple``."""

    text: str
    verb: str
    verb_text: str
    place_text: str
    population: Population
    multiple_text: str
    qualifier: str
    multiple: Interval
    reading: str
    kind: str = "whole"  # "whole", "share", "multiple" or "count"
    stated: StatedFigure | None = None  # a count ("750,000 Delawareans") or the phrase's own population figure
    at_least: bool = False  # a vague multiple ("several times over"), read as at least its floor
    lead: str = ""  # the words from the lead to the verb ("enough of the drug to wipe out")

    @property
    def people(self) -> Interval:
        """The people counted: the population's figure, or the figure the phrase states itself."""
        if self.stated is not None:
            return self.stated.interval(self.reading, role="claim")  # type: ignore[arg-type]
        return Interval.point(self.population.value)

    @property
    def doses(self) -> Interval:
        """Lethal doses the claim states: one per person, times the multiple."""
        return self.multiple * self.people

    @property
    def central(self) -> Fraction:
        """The claim's central value: the multiple's middle times the people's."""
        people = self.stated.amount.value if self.stated is not None else Fraction(self.population.value)
        multiple = self.multiple.low if self.multiple.low == self.multiple.high else self.multiple.mid
        return multiple * people

    @property
    def floor(self) -> bool:
        """True: the claim says the seizure holds at least this many doses ("enough to kill" a population).

        A count of people ("750,000 Delawareans") and a population with no verb ("…, or half of Ohio") are
        claimed totals instead.
        """
        return self.kind != "count" and self.verb != "equals"

    @property
    def note(self) -> str:
        if not self.floor and self.verb == "equals":
            return f"'{self.text}' says a number of doses as a population: a claimed total, not a floor"
        if not self.floor:
            return f"'{self.text}' counts people: a claimed total of {exact_text(self.central)} doses, one each"
        return (
            f"'{self.verb_text}' states a floor: the claim is wrong when the seizure holds fewer doses than "
            f"{exact_text(self.doses.low)}, not when it holds more"
        )

    @property
    def notes(self) -> tuple[str, ...]:
        """What a reader needs to know about how the phrase was read (besides the population's citation)."""
        out = []
        if self.at_least:
            out.append(
                f"'{self.multiple_text}' gives no number: read as at least {exact_text(self.multiple.low)} times, "
                "a floor of two"
            )
        if self.stated is not None and self.kind != "count":
            out.append(
                f"the phrase states its own figure for {self.population.place}, {self.stated.text!r}: the claim "
                f"is read with it; the published estimate is {self.population.citation()}"
            )
        elif self.stated is not None:
            from ..reading.stated import describe

            share = describe(self.stated.amount.value / self.population.value * 100, "about", 2)
            out.append(
                f"'{self.text}' counts people, not a whole population: {self.stated.text} is {share}% of "
                f"{self.population.place} ({self.population.citation()})"
            )
        return tuple(out)

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {
            "text": self.text,
            "verb": self.verb,
            "verb_text": self.verb_text,
            "population": self.population.to_dict(),
            "multiple": {"text": self.multiple_text, "qualifier": self.qualifier, **self.multiple.to_dict()},
            "doses": self.doses.to_dict(),
            "floor": self.floor,
        }
        if self.stated is not None:
            out["stated"] = {"text": self.stated.text, "kind": self.kind, **self.people.to_dict()}
        if self.at_least:
            out["multiple"]["at_least"] = True  # type: ignore[index]
        return out


@dataclass(frozen=True)
class PhraseRead:
    """A population phrase found at ``start``: its end, and the claim read or the reason it cannot be read."""

    start: int
    end: int
    claim: PopulationClaim | None
    reason: str | None = None
    names_a_place: bool = False  # the words name a place ("everyone in Springfield", "the whole state")


@cache
def _leads(scan: bool) -> re.Pattern[str]:
    """Where a phrase starts, to the end of its verb. ``scan``: only leads that say a quantity kills."""
    w = words()
    leads = w.leads
    verbs = alternation(w.verbs)
    adverb = rf"(?:(?:{alternation(leads['adverbs'])})\s+)?"
    quote = r"(?:[\"“”‘’'«»]\s*)?"
    enough = alternation(leads["enough"])
    gap = int(leads["enough_gap_words"])
    parts = [
        rf"(?:{enough})(?:\s+(?!(?:{enough})\b)[^\s;:]+){{0,{gap}}}?\s+{quote}to\s+{quote}{adverb}(?P<v1>{verbs})",
        rf"(?P<dose>{alternation(leads['enough_for'])})",
        rf"(?:{alternation(leads['modals'])})\s+{adverb}(?:have\s+)?{adverb}(?P<v2>{verbs})",
        rf"(?:{alternation(leads['potential'])})\s+{quote}{adverb}(?P<v3>{verbs})",
        rf"(?:{alternation(leads['capable'])})\s+(?P<v4>{verbs})",
        rf"(?:potentially\s+)?(?P<fatal>{alternation(leads['fatal'])})",
    ]
    parts.append(rf"(?P<per>{_per()})(?=every|each|all\b)")  # "nearly 1 1/2 doses for every American"
    # A population with no verb, said beside a figure: "…, or nearly half of Ohio", "That's a third of the US
    # population", "– roughly the population of Boulder".
    parts.append(rf"(?P<vb>{_CONNECTOR})(?={_verbless_start()})")
    if not scan:  # a claim given as such may start at its verb: "to kill every American", "kill everyone in Utah"
        parts += [rf"to\s+{quote}{adverb}(?P<v5>{verbs})", rf"(?P<v6>{verbs})"]
        parts.append(rf"(?P<bare>^\s*)(?={_verbless_start()})")  # "roughly a third of the US population"
    return re.compile(rf"(?:\b|(?<=\s)|^)(?:{'|'.join(parts)})(?:\b|(?<=\s))", re.IGNORECASE)


_CONNECTOR = (
    r",\s*or\s+|\bor\s+|\s[-–—]+\s*|\s\(\s*|\b(?:that|this|it)(?:['’]s|\s+is|\s+was)\s+(?:about\s+the\s+size\s+of\s+)?"
    r"|\b(?:equal|equivalent)\s+to\s+|\bthe\s+equivalent\s+of\s+|\bwhich\s+is\s+"
)


@cache
def _per() -> str:
    """'nearly 1 1/2 doses for ': a number of doses for each person, then the people (the multiple)."""
    from ..reading.stated import QUALIFIER_PHRASES

    q = alternation(QUALIFIER_PHRASES)
    number = r"\d+(?:\.\d+)?(?:\s+\d+/\d+)?|\d+/\d+|one and a half|one|two|three|four|five|six|seven|eight|nine|ten"
    return rf"(?:(?P<pq>{q})\s+)?(?P<pn>{number})\s+(?:(?:potentially\s+)?(?:lethal|deadly|fatal)\s+)?doses?\s+(?:for|per)\s+"


@cache
def _verbless_start() -> str:
    from ..reading.stated import QUALIFIER_PHRASES

    w = words()
    q = alternation((*QUALIFIER_PHRASES, *w.raw["qualifier_aliases"]))
    numbers = r"\d+(?:\.\d+)?|two|three|four|five|six|seven|eight|nine|ten|twice|thrice"
    return (
        rf"(?:(?:{q})\s+)?(?:(?:{alternation(w.fractions)})\s|\d+(?:\.\d+)?\s*(?:%|percent|per cent)"
        rf"|(?:{numbers})(?:\s+times)?\s+the\s+population\b|the\s+(?:entire\s+|whole\s+|total\s+)?population\b)"
    )


def scan_leads() -> re.Pattern[str]:
    """The pattern of every lead a story's population phrase starts with (for :mod:`doseconv.scan.population`)."""
    return _leads(True)


def _verbless(lead: re.Match[str]) -> bool:
    """Whether ``lead`` joins a population to its figure with no verb ("…, or half of Ohio")."""
    return lead["vb"] is not None or lead.groupdict().get("bare") is not None


def _meaning(lead: re.Match[str]) -> tuple[str, str]:
    if _verbless(lead) or lead["per"]:
        return "equals", ""
    if lead["dose"]:
        return "dose", " ".join(lead["dose"].lower().split())
    if lead["fatal"]:
        return "fatal", " ".join(lead["fatal"].lower().split())
    verb = next(lead[g] for g in ("v1", "v2", "v3", "v4", "v5", "v6") if lead.groupdict().get(g))
    return words().verbs[" ".join(verb.lower().split())], clean(lead.group(0)).lower()


def has_population_verb(text: str) -> bool:
    """Whether ``text`` holds a verb of a population phrase ("enough to kill", "could kill", "fatal to").

    >>> has_population_verb("could kill a horse"), has_population_verb("193 million doses")
    (True, False)
    """
    return _leads(False).search(text) is not None


def population_lead(text: str) -> str:
    """The words of ``text`` up to the end of its verb ("enough meth to kill"); '' when it has none.

    >>> population_lead("enough meth to kill every American twice over")
    'enough meth to kill'
    """
    match = _leads(False).search(text)
    return "" if match is None else text[: match.end()].rstrip()


_CUT = re.compile(r",|;|\s+(?:and|but|officials|police|authorities|according|said|says)\b|\s+[-–—]\s+|\s+\(")
_NAMES_A_PLACE = re.compile(r"\b[A-Z][a-z]")
_STORY_WORD = re.compile(r"\b(?:state|county|city|commonwealth|parish|town)\b", re.IGNORECASE)


def _clauses(text: str, start: int, end: int) -> list[int]:
    """Ends of the clauses to try after a verb at ``start``: the whole first, then each cut, last first."""
    limit = min(end, start + MAX_CLAUSE)
    stop = text[start:limit].rstrip().rstrip(".!?\"”'’")
    ends = [start + len(stop)]
    ends += sorted((start + len(stop[: m.start()].rstrip(" ,;")) for m in _CUT.finditer(stop)), reverse=True)
    return [e for e in dict.fromkeys(ends) if e > start]


def read_population_at(
    text: str,
    start: int,
    end: int,
    *,
    story: StoryPlaces | None = None,
    year: int | None = None,
    reading: Reading = "lenient",
    scan: bool = True,
) -> PhraseRead | None:
    """The population phrase whose lead starts at ``start`` (read up to ``end`` at most), or None.

    The whole clause is tried first, then shorter ones cut at a comma or "and" ("…, officials said"). A phrase
    whose place cannot be read comes back with the reason (from the longest clause), never as a claim.
    """
    lead = _leads(scan).match(text, start, end)
    if lead is None:
        return None
    if _verbless(lead):
        start = lead.end()  # a verbless phrase starts after the words that join it to its figure
    reason: tuple[int, str] | None = None
    for stop in _clauses(text, lead.end(), end):
        try:
            claim = _read(text[start:stop], text[lead.end() : stop], lead, story, year, reading)
        except PopulationError as error:  # the longest clause's reason, unless a shorter one names a place
            if reason is None or (reason[1].startswith("unknown place") and not str(error).startswith("unknown")):
                reason = (stop, str(error))
            continue
        if claim is not None:
            return PhraseRead(start, stop, claim)
    if reason is None or lead["vb"] is not None:  # a verbless phrase is one only when its place is read
        return None
    words_ = text[lead.end() : reason[0]]
    named = _NAMES_A_PLACE.search(words_) is not None or _STORY_WORD.search(words_) is not None
    return PhraseRead(start, reason[0], None, reason[1], named)


def _read(
    phrase: str, after: str, lead: re.Match[str], story: StoryPlaces | None, year: int | None, reading: Reading
) -> PopulationClaim | None:
    target = read_target(after, reading)
    if target is None or not target.place_text or _LOWER_US.search(target.place_text):
        return None  # a count of people with no place ("2 million people"), or "all of us", which is no place
    if lead["per"]:  # "nearly 1 1/2 doses for every American": the doses per person are the multiple
        if target.kind != "whole":
            return None
        target = per_person(target, lead["pq"], lead["pn"], reading)
    elif _verbless(lead) and not _how_much(target, after):
        return None  # "…, or the state": a verbless phrase says how much of a population
    if target.stated is not None or _population_words().search(target.place_text):
        population = resolve_place(target.place_text, story=story, year=year)
    else:  # a bare name ("enough to kill Kansas and Nebraska"): only a state, a country or larger, never a town
        try:
            population = resolve_place(target.place_text, story=story, year=year)
        except PopulationError:
            return None
        if not _broad(population):
            return None
    verb, verb_text = _meaning(lead)
    return _claim(" ".join(phrase.split()), verb, verb_text, target, population, reading, lead.group(0))


def _how_much(target: Target, after: str) -> bool:
    """Whether ``target`` says how much of a population: a share, a multiple, a figure or "the population"."""
    return target.kind in ("share", "multiple") or target.stated is not None or "population" in after.lower()


def _claim(
    text: str, verb: str, verb_text: str, target: Target, population: Population, reading: Reading, lead: str
) -> PopulationClaim:
    return PopulationClaim(
        text, verb, verb_text, target.place_text, population, target.multiple_text, target.qualifier,
        target.multiple, reading, target.kind, target.stated, target.at_least, " ".join(lead.split()),
    )  # fmt: skip


@cache
def _population_words() -> re.Pattern[str]:
    w = words()
    names = alternation((*w.places["nation"], *w.places["world"], *w.places["story_state"],
                         *w.places["story_county"], *w.places["story_city"], *w.places["groups"]))  # fmt: skip
    return re.compile(
        r"^(?:every|all\b|both\b|everyone|everybody|the (?:entire|whole|total|full|combined|populations?|people|residents"
        r"|citizens|inhabitants|city of|town of|village of|county of|state of|commonwealth of|district)\b"
        rf"|(?:{names})$|(?:{alternation((*w.demonyms, *w.ambiguous_demonyms))})$)"
        r"|\bpopulations?$|['’]s?\s+(?:entire |whole |total |full |combined )?(?:populations?|residents|people)\b",
        re.IGNORECASE,
    )


#: "us" in lower case is the pronoun ("deadly to all of us"), not the United States ("US", "U.S.").
_LOWER_US = re.compile(r"(?:^|\s)us$")
#: Kinds of place a bare name may be read as: a town's name may be a person's, a state's rarely is.
_BROAD = ("nation", "world", "state", "territory", "country", "region")


def _broad(population: Population) -> bool:
    return population.kind in _BROAD or any(part.kind in _BROAD for part in population.parts)


@lru_cache(maxsize=1024)  # the same phrase is read once per claim, and claims repeat (wire copy)
def parse_population_claim(
    text: str,
    *,
    state: str | None = None,
    year: int | None = None,
    reading: Reading = "lenient",
    story: StoryPlaces | None = None,
) -> PopulationClaim | None:
    """Read a population phrase; ``None`` when ``text`` is no population phrase (or counts people instead).

    ``state`` is the state the story names; ``story`` its places as a scanner read them; ``year`` the claim's
    year (None: the latest in the data). A place that cannot be found raises
    :class:`~doseconv.errors.PopulationError`.
    """
    if state is not None:
        from .names import state_code

        code = state_code(state)
        base = story or StoryPlaces()
        story = StoryPlaces(code, base.states, base.county, base.city, (("state", "given"), *base.basis))
    lead = _leads(False).search(text)
    if lead is None:
        return None
    found = read_population_at(text, lead.start(), len(text), story=story, year=year, reading=reading, scan=False)
    if found is None:
        return None
    if found.claim is None:
        raise PopulationError(found.reason or f"cannot read {text!r}")
    return found.claim

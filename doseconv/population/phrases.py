"""Reading population claims: "enough to kill every person in West Virginia 32 times over".

A population claim states a number of lethal doses as a population times a multiple, one lethal dose per
person. The qualifier ("nearly", "more than" …) applies to the multiple, read with the qualifier table
(``data/qualifiers.toml``). "Enough to kill" states a floor: the claim is wrong when the seizure holds fewer
doses than the low end, not when it holds more.

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
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache

from ..errors import InputError
from ..intervals import Interval
from ..reading.numbers import exact_text, parse_number, step_of
from ..reading.stated import QUALIFIER_PHRASES, Reading, qualifier_rules
from .places import resolve_place
from .result import Population

__all__ = ["FRACTION_STEP", "PopulationClaim", "has_population_verb", "parse_population_claim", "population_lead"]

#: A fraction in words ("half", "a third") is read as stated to a fifth of itself: "half" is 0.5 with step 0.1.
FRACTION_STEP = Fraction(1, 5)

_VERBS = [
    ("enough to kill", "kill"), ("enough to wipe out", "kill"), ("enough to poison", "kill"),
    ("enough to overdose", "overdose"), ("enough fentanyl to kill", "kill"), ("enough to fatally poison", "kill"),
    ("enough lethal doses to kill", "kill"), ("enough doses to kill", "kill"), ("enough for", "dose"),
    ("could kill", "kill"), ("can kill", "kill"), ("would kill", "kill"), ("could potentially kill", "kill"),
    ("potentially kill", "kill"), ("capable of killing", "kill"), ("to kill", "kill"), ("to overdose", "overdose"),
    ("could overdose", "overdose"), ("fatal to", "fatal"), ("lethal to", "fatal"), ("could wipe out", "kill"),
    ("potentially lethal to", "fatal"), ("potentially fatal to", "fatal"), ("kill", "kill"),
    ("deadly to", "fatal"), ("potentially deadly to", "fatal"), ("enough to kill off", "kill"),
]  # fmt: skip
# "enough fentanyl to wipe out", "enough doses to poison": what there is enough of may stand before every verb.
_VERBS += [
    (f"enough {what} to {verb}", meaning)
    for what in ("fentanyl", "lethal doses", "doses")
    for verb, meaning in (("kill", "kill"), ("wipe out", "kill"), ("poison", "kill"), ("overdose", "overdose"),
                          ("fatally poison", "kill"), ("kill off", "kill"))
    if (f"enough {what} to {verb}", meaning) not in _VERBS
]  # fmt: skip
_VERB = re.compile(
    r"\b(?P<verb>" + "|".join(re.escape(v) for v, _ in sorted(_VERBS, key=lambda v: -len(v[0]))) + r")\b\s+",
    re.IGNORECASE,
)
_Q = "|".join(re.escape(p) for p in QUALIFIER_PHRASES)
_WORD_MULTIPLES = {"once": 1, "twice": 2, "thrice": 3, "double": 2, "triple": 3}
_NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
    "eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a hundred|one hundred|hundred"
)
_MULTIPLE = rf"(?P<n>\d+(?:\.\d+)?|(?:{_NUMBER_WORDS})(?:[- ](?:{_NUMBER_WORDS}))?)\s+times|(?P<w>once|twice|thrice)"
_TAIL = re.compile(rf"\s+\b(?:(?P<q>{_Q})\s+)?(?:{_MULTIPLE})(?:\s+over)?$", re.IGNORECASE)
_HEAD = re.compile(rf"^\b(?:(?P<q>{_Q})\s+)?(?:{_MULTIPLE})(?:\s+over)?\s+(?=the |all |every )", re.IGNORECASE)
_FRACTIONS = {
    "half": Fraction(1, 2), "one half": Fraction(1, 2), "a third": Fraction(1, 3), "one third": Fraction(1, 3),
    "one-third": Fraction(1, 3), "two thirds": Fraction(2, 3), "two-thirds": Fraction(2, 3),
    "a quarter": Fraction(1, 4), "one quarter": Fraction(1, 4), "one-quarter": Fraction(1, 4),
    "three quarters": Fraction(3, 4), "three-quarters": Fraction(3, 4), "a fifth": Fraction(1, 5),
    "one-fifth": Fraction(1, 5), "one fifth": Fraction(1, 5), "a tenth": Fraction(1, 10),
}  # fmt: skip
_FRACTION = re.compile(
    rf"^(?:(?P<q>{_Q})\s+)?(?:(?P<f>{'|'.join(sorted(_FRACTIONS, key=len, reverse=True))})"
    r"|(?P<pct>\d+(?:\.\d+)?)\s*(?:%|percent|per cent))\s+(?:of\s+)?",
    re.IGNORECASE,
)
_PEOPLE_COUNT = re.compile(
    r"^(?:(?:" + _Q + r")\s+)?(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|a|an|hundreds|thousands|"
    r"millions|billions|dozens)\b(?!\s+(?:third|quarter|half|fifth|tenth)))",
    re.IGNORECASE,
)

# What a population looks like after the verb: "every …", "all …", "the entire …", "X's population" …
# Anything else ("could kill people who use it", "enough to kill a horse") is no population phrase.
_POPULATION = re.compile(
    r"^(?:every|all|everyone|everybody|america|americans|humanity|mankind|humankind|earth|"
    r"the (?:entire|whole|total|full|combined|population|people|residents|citizens|inhabitants|u\.?s\.?|usa|"
    r"united states|american|country|nation|state|commonwealth|world|planet|human race|city of|town of|"
    r"village of|district)\b)|\bpopulation$|['’]s? (?:entire |whole |total |full )?(?:population|residents|people)\b",
    re.IGNORECASE,
)

#: "us" in lower case is the pronoun ("deadly to all of us"), not the United States ("US", "U.S.").
_LOWER_US = re.compile(r"(?:^|\s)us$")


@dataclass(frozen=True)
class PopulationClaim:
    """A population phrase read as a dose claim: ``doses`` = population × ``multiple``."""

    text: str
    verb: str
    verb_text: str
    place_text: str
    population: Population
    multiple_text: str
    qualifier: str
    multiple: Interval
    reading: str

    @property
    def doses(self) -> Interval:
        """Lethal doses the claim states: one per person, times the multiple."""
        return self.multiple * self.population.value

    @property
    def floor(self) -> bool:
        """True: the claim says the seizure holds at least this many doses ("enough to kill")."""
        return True

    @property
    def note(self) -> str:
        return (
            f"'{self.verb_text}' states a floor: the claim is wrong when the seizure holds fewer doses than "
            f"{exact_text(self.doses.low)}, not when it holds more"
        )

    def to_dict(self) -> dict[str, object]:
        return {
            "text": self.text,
            "verb": self.verb,
            "verb_text": self.verb_text,
            "population": self.population.to_dict(),
            "multiple": {"text": self.multiple_text, "qualifier": self.qualifier, **self.multiple.to_dict()},
            "doses": self.doses.to_dict(),
            "floor": self.floor,
        }


def has_population_verb(text: str) -> bool:
    """Whether ``text`` holds a verb of a population phrase ("enough to kill", "could kill", "fatal to").

    >>> has_population_verb("could kill a horse"), has_population_verb("193 million doses")
    (True, False)
    """
    return _VERB.search(text) is not None


def population_lead(text: str) -> str:
    """The words of ``text`` up to the end of its verb ("enough meth to kill"); '' when it has none.

    >>> population_lead("enough meth to kill every American twice over")
    'enough meth to kill'
    """
    match = _VERB.search(text)
    return "" if match is None else text[: match.end()].rstrip()


def _count(text: str) -> tuple[Fraction, Fraction]:
    """The multiple and its step: 'five' -> (5, 1); '1.5' -> (3/2, 1/10)."""
    word = text.lower()
    if word in _WORD_MULTIPLES:
        return Fraction(_WORD_MULTIPLES[word]), Fraction(1)
    value = parse_number(word)
    step = Fraction(step_of(value)) if "." in word else Fraction(1)
    return Fraction(value), step


def _interval(qualifier_phrase: str | None, value: Fraction, step: Fraction, reading: Reading) -> tuple[str, Interval]:
    key = "none"
    if qualifier_phrase:
        key = next(k for k, rule in qualifier_rules().items() if qualifier_phrase.lower() in rule.phrases)
    return key, qualifier_rules()[key].interval(value, step, reading)


@lru_cache(maxsize=1024)  # the same phrase is read once per claim, and claims repeat (wire copy)
def parse_population_claim(
    text: str, *, state: str | None = None, year: int | None = None, reading: Reading = "lenient"
) -> PopulationClaim | None:
    """Read a population phrase; ``None`` when ``text`` is no population phrase (or counts people instead).

    ``state`` is the state the story names; ``year`` the claim's year (None: the latest in the data).
    A place that cannot be found raises :class:`~doseconv.errors.PopulationError`.
    """
    match = _VERB.search(text)
    if match is None:
        return None
    verb_text = match["verb"].lower()
    verb = dict(_VERBS)[verb_text]
    target = text[match.end() :].strip().rstrip(".,;:!?\"”'")
    if _PEOPLE_COUNT.match(target) and not _HEAD.match(target) and not _FRACTION.match(target):
        return None  # "enough to kill 2 million people": a claimed total, not a population
    multiple_text, qualifier, multiple = "once", "none", Interval.point(1)
    for pattern in (_TAIL, _HEAD):
        found = pattern.search(target)
        if found is None:
            continue
        count = found["n"] or found["w"]
        try:
            value, step = _count(count)
        except InputError:
            continue
        qualifier, multiple = _interval(found["q"], value, step, reading)
        multiple_text = found.group(0).strip()
        target = (target[: found.start()] + target[found.end() :]).strip()
        break
    else:
        fraction = _FRACTION.match(target)
        if fraction is not None:
            if fraction["f"]:
                value = _FRACTIONS[fraction["f"].lower()]
                step = value * FRACTION_STEP
            else:
                percent = Decimal(fraction["pct"])
                value, step = Fraction(percent) / 100, Fraction(step_of(percent)) / 100  # face value: '10' is ten
            qualifier, multiple = _interval(fraction["q"], value, step, reading)
            multiple_text = fraction.group(0).strip()
            target = target[fraction.end() :].strip()
    if not target or not _POPULATION.search(target) or _LOWER_US.search(target):
        return None  # no population named ("could kill anyone"), or "all of us", which is no place
    population = resolve_place(target, state=state, year=year)
    return PopulationClaim(text, verb, verb_text, target, population, multiple_text, qualifier, multiple, reading)

"""The story's own rules: the lethal dose, the share of pills holding one, a pill's weight, "each kilogram can kill".

A story often says how its total was made: "just 2 milligrams can be deadly", "3 milligrams is
considered lethal", "six out of ten pills contain a potentially lethal dose", "each pill weighs
about 100 milligrams", "each kilogram can kill 500,000 people". A claim is checked under the
rules its story states and under the assumption set's (DEA's) figures, both shown. A rule that
gives people per unit of mass ("each kilogram can kill 500,000 people") counts the seized mass as
pure fentanyl: it is itself the error, so it is shown but never used, and its "500,000 people"
is a rule, not a claim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

from ..errors import DoseconvError
from ..reading.numbers import split_number
from ..reading.quantity import mass_in_mg
from .patterns import case_variants, trie_pattern
from .text import Document

__all__ = ["Rule", "StoryRules", "find_rules"]

_SMALL: dict[str, int | Fraction] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "a": 1, "a single": 1, "just one": 1, "every": 1, "each": 1, "half a": Fraction(1, 2),
}  # fmt: skip
_SMALL_WORD = r"(?:one|two|three|four|five|six|seven|eight|nine|ten)"
_NUM = rf"(?:\d+(?:\.\d+)?|\.\d+|{_SMALL_WORD}|half\s+a)"
_DOSE_UNIT = r"(?:milligrams?|mg|micrograms?|mcg)"
_LINK = (
    r"(?:\s+(?:of|fentanyl|pure|the|drug|substance|powder|is|are|can|could|may|might|would|will|be|considered|"
    r"enough|to|as|a|potentially|alone|amount|and|that|which|of|about|roughly|just|only|already))*"
)
_LETHAL_AFTER = re.compile(
    rf"(?<![\w.])(?P<num>{_NUM})[\s-]*(?P<unit>{_DOSE_UNIT})\b{_LINK}\s+(?:deadly|lethal|fatal|kill)\b", re.IGNORECASE
)
_LETHAL_BEFORE = re.compile(
    rf"\b(?:lethal|deadly|fatal)\s+dose\s+(?:of\s+fentanyl\s+)?(?:is|of|was|as)\s+"
    rf"(?:just\s+|only\s+|about\s+|roughly\s+|as\s+little\s+as\s+)?(?P<num>{_NUM})[\s-]*(?P<unit>{_DOSE_UNIT})\b",
    re.IGNORECASE,
)
_PILL_WORDS = r"(?:[\w-]+\s+){0,3}?(?:pills?|tablets?)\b"
_SHARE_RATIO = re.compile(
    rf"\b(?P<n>\d+|{_SMALL_WORD})\s+(?:out\s+of|in)\s+(?P<d>\d+|{_SMALL_WORD})\s+(?:of\s+(?:the|these|those)\s+)?"
    rf"{_PILL_WORDS}[^.!?\n]{{0,60}}?\b(?:lethal|deadly|fatal)\b(?:\s+(?:dose|amount|quantity)s?\b)?",
    re.IGNORECASE,
)
_SHARE_PERCENT = re.compile(
    rf"\b(?P<pct>\d+(?:\.\d+)?|(?:ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]{_SMALL_WORD})?)"
    rf"\s*(?:%|percent\b|per\s+cent\b)\s+of\s+(?:the\s+|all\s+)?{_PILL_WORDS}"
    r"[^.!?\n]{0,60}?\b(?:lethal|deadly|fatal)\b(?:\s+(?:dose|amount|quantity)s?\b)?",
    re.IGNORECASE,
)
_PILL_MASS = re.compile(
    r"\b(?:pills?|tablets?)\s+(?:each\s+)?(?:weighs?|weighed|weighing)\s+(?:about\s+|roughly\s+|approximately\s+|"
    rf"around\s+|some\s+)?(?P<num>{_NUM})[\s-]*(?P<unit>milligrams?|mg|grams?|g)\b",
    re.IGNORECASE,
)
_PER_MASS = re.compile(
    r"\b(?P<one>each|every|one|a|1|a\s+single|just\s+one|half\s+a)\s+(?P<unit>kilograms?|kilos?|kg|pounds?|lbs?|"
    r"grams?|g)\s+(?:of\s+(?:the\s+drug|fentanyl|it)\s+)?(?:[\w'’]+\s+){0,5}?kill\s+(?:up\s+to\s+|as\s+many\s+as\s+|"
    r"about\s+|roughly\s+|an\s+estimated\s+|more\s+than\s+)?(?P<num>[\d,.]+(?:\s+(?:thousand|million))?|"
    r"half\s+a\s+million|a\s+million)\s+(?:people|persons|Americans|individuals)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Rule:
    """One rule the story states: what it sets (``lethal_dose``, ``pill_share``, ``pill_mass`` or ``per_mass``)."""

    name: str
    value: Fraction  # mg for masses, a share of one for pill_share, mg per person for per_mass
    text: str  # the words as written
    start: int  # offsets into the scanned text
    end: int

    def describe(self) -> str:
        """The rule in words, with what it sets ("3 milligrams is considered lethal: a lethal dose of 3 mg")."""
        if self.name == "lethal_dose":
            return f"{self.text!r}: a lethal dose of {_mg(self.value)} mg"
        if self.name == "pill_share":
            return f"{self.text!r}: {_percent(self.value)} of pills hold a lethal dose"
        if self.name == "pill_mass":
            return f"{self.text!r}: a pill weighs {_mg(self.value)} mg"
        return f"{self.text!r}: {_mg(self.value)} mg of seized mass a person, the mass counted as pure fentanyl"

    @property
    def override(self) -> str | None:
        """The value as the checker's override text ("3 mg", "60%"), or None for a rule never used."""
        if self.name in ("lethal_dose", "pill_mass"):
            return f"{_mg(self.value)} mg"
        if self.name == "pill_share":
            return f"{_percent(self.value)}"
        return None

    def to_dict(self) -> dict[str, object]:
        return {"rule": self.name, "text": self.text, "value": str(self.value), "describe": self.describe()}


def _mg(value: Fraction) -> str:
    return format(value.numerator / value.denominator, "g") if value.denominator != 1 else str(value.numerator)


def _percent(value: Fraction) -> str:
    return f"{_mg(value * 100)}%"


@dataclass(frozen=True)
class StoryRules:
    """The rules a story states (the first of each kind)."""

    rules: tuple[Rule, ...] = ()

    def get(self, name: str) -> Rule | None:
        return next((r for r in self.rules if r.name == name), None)

    @property
    def overrides(self) -> dict[str, str]:
        """The checker overrides the story's usable rules set (``lethal_dose``, ``pill_share``, ``pill_mass``)."""
        return {r.name: r.override for r in self.rules if r.override is not None}

    def covers(self, start: int, end: int) -> Rule | None:
        """The per-mass rule a span lies in ("500,000 people" in "each kilogram can kill 500,000 people")."""
        return next((r for r in self.rules if r.name == "per_mass" and r.start <= start and end <= r.end), None)


def _number(text: str) -> Fraction:
    key = " ".join(text.lower().split())
    if key in _SMALL:
        return Fraction(_SMALL[key])
    value, _ = split_number(text)
    return Fraction(value)


def _unit_mg(unit: str) -> Fraction:
    return mass_in_mg(f"1 {unit}")


def _rule(name: str, match: re.Match[str], value: Fraction) -> Rule:
    return Rule(name, value, " ".join(match[0].split()), match.start(), match.end())


# Every rule holds one of these words; the rule patterns run only in a window around each.
_TRIGGER = re.compile(trie_pattern(case_variants(["lethal", "deadly", "fatal", "kill", "weigh"])))
#: Characters before and after a trigger word searched for its rule.
_BEFORE, _AFTER = 160, 80


def _windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """The stretches of text around each trigger word, by kind: ``dose`` (lethal, deadly, fatal), ``kill``, ``weigh``."""
    out: dict[str, list[tuple[int, int]]] = {"dose": [], "kill": [], "weigh": []}
    for trigger in _TRIGGER.finditer(text):
        word = trigger[0].lower()
        kind = word if word in ("kill", "weigh") else "dose"
        out[kind].append((max(0, trigger.start() - _BEFORE), min(len(text), trigger.end() + _AFTER)))
    return out


def _first(pattern: re.Pattern[str], text: str, windows: list[tuple[int, int]]) -> re.Match[str] | None:
    """The first match of ``pattern`` in the windows, in text order."""
    return next((m for lo, hi in windows if (m := pattern.search(text, lo, hi))), None)


def _all(pattern: re.Pattern[str], text: str, windows: list[tuple[int, int]]) -> list[re.Match[str]]:
    """Every match of ``pattern`` in the windows, each once, in text order."""
    seen: dict[int, re.Match[str]] = {}
    for lo, hi in windows:
        for match in pattern.finditer(text, lo, hi):
            seen.setdefault(match.start(), match)
    return [seen[k] for k in sorted(seen)]


def find_rules(document: Document) -> StoryRules:
    """The rules a story states, read from its whole text.

    >>> from .text import read_document
    >>> rules = find_rules(read_document("Just 2 milligrams can be deadly. Six out of ten pills contain a lethal dose."))
    >>> [(r.name, r.value) for r in rules.rules], rules.overrides
    ([('lethal_dose', Fraction(2, 1)), ('pill_share', Fraction(3, 5))], {'lethal_dose': '2 mg', 'pill_share': '60%'})
    >>> [r.describe() for r in find_rules(read_document("Each kilogram can kill 500,000 people.")).rules]
    ["'Each kilogram can kill 500,000 people': 2 mg of seized mass a person, the mass counted as pure fentanyl"]
    """
    text = document.text
    found: list[Rule] = []
    windows = _windows(text)
    dose, kill, weigh = windows["dose"], windows["kill"], windows["weigh"]
    try:
        lethal = _first(_LETHAL_AFTER, text, sorted(dose + kill)) or _first(_LETHAL_BEFORE, text, dose)
        if lethal:
            value = _number(lethal["num"]) * _unit_mg(lethal["unit"])
            if value > 0:
                found.append(_rule("lethal_dose", lethal, value))
        ratio = _first(_SHARE_RATIO, text, dose)
        if ratio and _number(ratio["d"]) > 0 and _number(ratio["n"]) <= _number(ratio["d"]):
            found.append(_rule("pill_share", ratio, _number(ratio["n"]) / _number(ratio["d"])))
        else:
            percent = _first(_SHARE_PERCENT, text, dose)
            share = _number(percent["pct"]) / 100 if percent else Fraction(0)
            if percent and 0 < share <= 1:
                found.append(_rule("pill_share", percent, share))
        pill = _first(_PILL_MASS, text, weigh)
        if pill:
            found.append(_rule("pill_mass", pill, _number(pill["num"]) * _unit_mg(pill["unit"])))
        for per in _all(_PER_MASS, text, kill):
            people = _number(per["num"])
            if people > 0:
                mass = _number(per["one"]) * _unit_mg(per["unit"])
                found.append(_rule("per_mass", per, mass / people))
    except (DoseconvError, ValueError, ZeroDivisionError):  # a rule that cannot be read is no rule
        pass
    return StoryRules(tuple(found))

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
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction
from functools import cache

from ..errors import DoseconvError
from ..overrides import Overrides
from ..reading.lexicon import lexicon, unit_of, unit_spellings
from ..reading.numbers import SCALE_WORDS, exact_text, read_number
from ..reading.numwords import COUNT_WORDS
from ..reading.patterns import case_variants, trie_pattern
from ..reading.qualifiers import QUALIFIER_PHRASES
from ..reading.quantity import Amount
from ..registry import unit_factor
from .text import Document

__all__ = ["Rule", "StoryRules", "find_rules"]


def _alternatives(words: tuple[str, ...] | list[str]) -> str:
    return trie_pattern(sorted({w.lower() for w in words}), r"\s+")


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    """The rule patterns, built once from the lexicon: its rule words, units, pill and people nouns, numbers."""
    lex = lexicon()
    rules = lex.data["rules"]
    masses = unit_spellings()
    dose_unit = _alternatives([w for w, (u, _) in masses.items() if u in ("milligram", "microgram") and w.isalpha()])
    pill_unit = _alternatives([w for w, (u, _) in masses.items() if u in ("milligram", "gram") and w.isalpha()])
    per_unit = _alternatives([w for w, (u, _) in masses.items() if u in ("kilogram", "pound", "gram") and w.isalpha()])
    small = _alternatives(sorted(COUNT_WORDS - {"a", "an", "hundred", "dozen", *SCALE_WORDS}))
    number = rf"(?:\d+(?:\.\d+)?|\.\d+|{small}|half\s+a)"
    lethal = _alternatives(rules["lethal"])
    kill = _alternatives(lex.words("claims", "kill"))
    links = rf"(?:\s+(?:{_alternatives(rules['links'])}))*"
    holds = rf"(?:\s+(?:{_alternatives(rules['holds'])})\b)?"
    pills = rf"(?:[\w-]+\s+){{0,3}}?(?:{_alternatives(lex.words('pills', 'nouns'))})\b"
    qualifier = rf"(?:(?:{_alternatives(QUALIFIER_PHRASES)})\s+)?"
    people = "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in lex.people), key=len, reverse=True))
    return {
        "lethal_after": re.compile(
            rf"(?<![\w.])(?P<num>{number})[\s-]*(?P<unit>{dose_unit})\b{links}\s+(?:{lethal}|kill)\b", re.IGNORECASE
        ),
        "lethal_before": re.compile(
            rf"\b(?:{lethal})\s+dose\s+(?:of\s+fentanyl\s+)?(?:is|of|was|as)\s+(?:(?:{_alternatives(rules['links'])})\s+)?"
            rf"{qualifier}(?P<num>{number})[\s-]*(?P<unit>{dose_unit})\b",
            re.IGNORECASE,
        ),
        "share_ratio": re.compile(
            rf"\b(?P<n>\d+|{small})\s+(?:out\s+of|in)\s+(?P<d>\d+|{small})\s+(?:of\s+(?:the|these|those)\s+)?"
            rf"{pills}[^.!?\n]{{0,60}}?\b(?:{lethal})\b{holds}",
            re.IGNORECASE,
        ),
        "share_percent": re.compile(
            rf"\b(?P<pct>\d+(?:\.\d+)?|{small}(?:[\s-]{small})?)\s*(?:%|percent\b|per\s+cent\b)\s+of\s+"
            rf"(?:the\s+|all\s+)?{pills}[^.!?\n]{{0,60}}?\b(?:{lethal})\b{holds}",
            re.IGNORECASE,
        ),
        "pill_mass": re.compile(
            rf"\b(?:{_alternatives(lex.words('pills', 'nouns'))})\s+(?:each\s+)?(?:{_alternatives(rules['weigh'])})\s+"
            rf"{qualifier}(?P<num>{number})[\s-]*(?P<unit>{pill_unit})\b",
            re.IGNORECASE,
        ),
        "per_mass": re.compile(
            rf"\b(?P<one>{_alternatives(rules['per'])})\s+(?P<unit>{per_unit})\s+(?:of\s+(?:the\s+drug|fentanyl|it)\s+)?"
            rf"(?:[\w'’]+\s+){{0,5}}?(?:{kill})\s+{qualifier}(?P<num>[\d,.]+(?:\s+(?:thousand|million))?|half\s+a\s+million"
            rf"|a\s+million)\s+(?:{people})\b",
            re.IGNORECASE,
        ),
    }


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
    return exact_text(value)


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

    def exact(self, names: Iterable[str]) -> Overrides:
        """The rules ``names`` as the checker's exact values: one :class:`~doseconv.overrides.Overrides` built from
        the Fractions read (masses in mg, a share as a fraction of one), never from text or a float."""
        given: dict[str, Fraction | Amount] = {}
        for rule in self.rules:
            if rule.name in names and rule.override is not None and rule.name not in given:
                mass = rule.name in ("lethal_dose", "pill_mass")
                given[rule.name] = Amount(rule.value, "milligram", "mass", text=rule.override) if mass else rule.value
        return Overrides(**given)  # type: ignore[arg-type]

    def covers(self, start: int, end: int) -> Rule | None:
        """The per-mass rule a span lies in ("500,000 people" in "each kilogram can kill 500,000 people")."""
        return next((r for r in self.rules if r.name == "per_mass" and r.start <= start and end <= r.end), None)


def _number(text: str) -> Fraction:
    """A rule's number: "2", "half a", "one", "a single", "each" (one unit), "500,000", "half a million"."""
    key = " ".join(text.lower().split())
    if key == "half a":
        return Fraction(1, 2)
    if key in _ONE:
        return Fraction(1)
    return read_number(text).value


#: Words that count one unit of mass in a rule ("each kilogram", "a single pound").
_ONE = frozenset({"each", "every", "a single", "just one"})


def _unit_mg(unit: str) -> Fraction:
    found = unit_of(unit)
    assert found is not None, unit
    return unit_factor(found[0], "milligram")


def _rule(name: str, match: re.Match[str], value: Fraction) -> Rule:
    return Rule(name, value, " ".join(match[0].split()), match.start(), match.end())


# Every rule holds one of these words; the rule patterns run only in a window around each.
@cache
def _trigger() -> re.Pattern[str]:
    return re.compile(trie_pattern(case_variants(lexicon().words("rules", "triggers"))))


#: Characters before and after a trigger word searched for its rule.
_BEFORE, _AFTER = 160, 80


def _windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """The stretches of text around each trigger word, by kind: ``dose`` (lethal, deadly, fatal), ``kill``, ``weigh``."""
    out: dict[str, list[tuple[int, int]]] = {"dose": [], "kill": [], "weigh": []}
    for trigger in _trigger().finditer(text):
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
    patterns = _patterns()
    dose, kill, weigh = windows["dose"], windows["kill"], windows["weigh"]
    try:
        lethal = _first(patterns["lethal_after"], text, sorted(dose + kill)) or _first(
            patterns["lethal_before"], text, dose
        )
        if lethal:
            value = _number(lethal["num"]) * _unit_mg(lethal["unit"])
            if value > 0:
                found.append(_rule("lethal_dose", lethal, value))
        ratio = _first(patterns["share_ratio"], text, dose)
        if ratio and _number(ratio["d"]) > 0 and _number(ratio["n"]) <= _number(ratio["d"]):
            found.append(_rule("pill_share", ratio, _number(ratio["n"]) / _number(ratio["d"])))
        else:
            percent = _first(patterns["share_percent"], text, dose)
            share = _number(percent["pct"]) / 100 if percent else Fraction(0)
            if percent and 0 < share <= 1:
                found.append(_rule("pill_share", percent, share))
        pill = _first(patterns["pill_mass"], text, weigh)
        if pill:
            found.append(_rule("pill_mass", pill, _number(pill["num"]) * _unit_mg(pill["unit"])))
        for per in _all(patterns["per_mass"], text, kill):
            people = _number(per["num"])
            if people > 0:
                mass = _number(per["one"]) * _unit_mg(per["unit"])
                found.append(_rule("per_mass", per, mass / people))
    except (DoseconvError, ValueError, ZeroDivisionError):  # a rule that cannot be read is no rule
        pass
    return StoryRules(tuple(found))

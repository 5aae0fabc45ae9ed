"""What a population phrase says after its verb: who is counted, how many times, and any figure it states.

``read_target("nearly half of Alaska's population")`` gives the place words ("Alaska's population"), the share
(an exact interval from the qualifier table) and its words. The forms, in the order they are tried:

- a count of people with a place: "750,000 Delawareans", "2 million people in Texas" (``kind`` "count");
- a whole with a qualifier: "nearly every single person living in Connecticut" (the whole read as stated to a
  fifth of itself, like a fraction in words);
- a multiple before the place ("five times the population of Texas") or after it ("… 32 times over",
  "… many times over": a vague multiple is read as at least twice, and says so);
- a share: "half", "a third of", "10 percent of";
- a figure the phrase states for its place: "the country's approximately 333 million residents", "Columbus,
  that has a population of roughly 800,000" (``stated``: the claim uses it, and says so).

The place words left are read by :func:`.places.resolve_place`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from functools import cache

from ..errors import DoseconvError, InputError
from ..intervals import Interval
from ..reading.numbers import parse_number, step_of
from ..reading.stated import QUALIFIER_PHRASES, Reading, StatedFigure, parse_stated, qualifier_rules
from .words import alternation, words

__all__ = ["FRACTION_STEP", "Target", "clean", "per_person", "read_target"]

#: A fraction in words ("half", "every") is read as stated to a fifth of itself: "half" is 0.5 with step 0.1.
FRACTION_STEP = Fraction(1, 5)

_QUOTES = re.compile(r"[\"“”«»‘]|(?<![A-Za-z])['’]|['’](?![A-Za-z\s])")
_DIGIT = re.compile(r"\d")
_SCALE = re.compile(r"\b(?:hundred|thousand|million|billion)\b", re.IGNORECASE)
_EDGES = " \t\n.,;:!?\"“”‘’'«»()[]–—-"


_ONCE = Interval.point(1)


@dataclass(frozen=True)
class Target:
    """The words after a verb, read: the place words and how much of the population they claim."""

    place_text: str
    kind: str  # "whole", "share", "multiple" or "count"
    multiple_text: str = "once"
    qualifier: str = "none"
    multiple: Interval = _ONCE
    stated: StatedFigure | None = None  # the count or the population the phrase states itself
    at_least: bool = False  # a vague multiple ("several times over"): at least its low end
    demonym: str = ""  # the demonym the place was named by ("Delawareans")


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    w = words()
    q = alternation((*QUALIFIER_PHRASES, *w.raw["qualifier_aliases"]))
    numbers = (
        "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
        "seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a hundred|one hundred|"
        "hundred"
    )
    times = (
        rf"(?P<n>\d+(?:\.\d+)?|(?:{numbers})(?:[- ](?:{numbers}))?)\s+times"
        rf"|(?P<w>{alternation(w.word_multiples)})|(?P<vague>{alternation(w.vague_multiples)})\s+times"
    )
    nouns = alternation(w.people["nouns"])
    demonyms = alternation(w.demonyms)
    flags = re.IGNORECASE
    return {
        "tail": re.compile(rf"\s+\b(?:(?P<q>{q})\s+)?(?:{times})(?:\s+over)?$", flags),
        "head": re.compile(
            rf"^(?:(?P<q>{q})\s+)?(?:{times})(?:\s+over)?\s+(?:(?:as\s+many\s+as|the\s+size\s+of)\s+)?"
            r"(?=the |all |every|everyone|everybody)",
            flags,
        ),
        "fraction": re.compile(
            rf"^(?:(?P<q>{q})\s+)?(?:(?P<f>{alternation(w.fractions)})"
            r"|(?P<pct>\d+(?:\.\d+)?)\s*(?:%|percent|per cent))\s+(?:of\s+)?",
            flags,
        ),
        "whole": re.compile(
            rf"^(?P<q>{q})\s+(?=every|all\b|the entire|the whole|the population|everyone|everybody)", flags
        ),
        "count": re.compile(
            rf"^(?P<fig>(?:(?:{q})\s+)?(?:\d|(?:{numbers}|a|an|half a)\b)[^\s]*(?:\s+[\w.,-]+){{0,3}}?)\s+"
            rf"(?:(?P<dem>{demonyms})|(?:{nouns})\s+(?:(?:living|residing|who live)\s+)?(?:in|of|across|"
            r"throughout)\s+(?P<place>.+))$",
            flags,
        ),
        "people_count": re.compile(
            rf"^(?:(?:{q})\s+)?(?:\d|(?:{numbers}|a|an|hundreds|thousands|millions|billions|dozens|tens of)\b"
            r"(?!\s+(?:third|quarter|half|fifth|tenth|fourth)))",
            flags,
        ),
        "own": re.compile(
            rf"^(?P<place>.+?)(?:['’]s?\s+(?P<fig>.+?)\s+(?:{nouns})"
            r"|,?\s+(?:that|which|with|who)\s+(?:has|had|have|holds|held)?\s*a\s+population\s+of\s+(?P<fig2>.+?)"
            rf"(?:\s+(?:{nouns}))?"
            r"|,\s+(?:a\s+(?:city|town|village|state|county|nation|country|place)\s+of|home\s+to)\s+(?P<fig3>.+?)"
            rf"(?:\s+(?:{nouns}))?"
            r"|\s*\(\s*(?:population|pop\.?)\s*:?\s*(?P<fig4>[^)]+?)\s*\)?)$",
            flags,
        ),
    }


def _figure(text: str | None) -> StatedFigure | None:
    """A stated number of people ("approximately 333 million") as a figure, or None when it is no number."""
    if not text or not (_DIGIT.search(text) or _SCALE.search(text)):
        return None
    try:
        figure = parse_stated(f"{text} doses")
    except DoseconvError:
        return None
    return StatedFigure(text, figure.qualifier, figure.phrase, figure.amount, figure.upper)


def _qualified(phrase: str | None, value: Fraction, step: Fraction, reading: Reading) -> tuple[str, Interval]:
    key = "none"
    if phrase:
        lowered = " ".join(phrase.lower().split())
        lowered = words().raw["qualifier_aliases"].get(lowered, lowered)
        key = next(k for k, rule in qualifier_rules().items() if lowered in rule.phrases)
    return key, qualifier_rules()[key].interval(value, step, reading)


def _count(text: str) -> tuple[Fraction, Fraction]:
    """A multiple and its step: 'five' -> (5, 1); '1.5' -> (3/2, 1/10)."""
    word = " ".join(text.lower().split())
    multiples = words().word_multiples
    if word in multiples:
        return Fraction(multiples[word]), Fraction(1)
    value = parse_number(word)
    step = Fraction(step_of(value)) if "." in word else Fraction(1)
    return Fraction(value), step


def per_person(target: Target, qualifier: str | None, number: str, reading: Reading) -> Target:
    """``target`` (a whole population) counted ``number`` times: "nearly 1 1/2 doses for every American"."""
    value = Fraction(parse_number(number))
    step = Fraction(1) if value.denominator == 1 else Fraction(step_of(parse_number(number)))
    key, multiple = _qualified(qualifier, value, step, reading)
    words_ = f"{qualifier + ' ' if qualifier else ''}{number} doses each"
    return Target(target.place_text, "multiple", words_, key, multiple, target.stated, demonym=target.demonym)


def clean(text: str) -> str:
    """The words without quotation marks (apostrophes kept), single-spaced, without outer punctuation."""
    return " ".join(_QUOTES.sub(" ", text).split()).strip(_EDGES)


def read_target(text: str, reading: Reading = "lenient") -> Target | None:
    """Read the words after a verb; None when they count people without a place ("2 million people")."""
    p = _patterns()
    target = clean(text)
    count = p["count"].match(target)
    if count is not None:
        figure = _figure(count["fig"])
        if figure is not None:
            demonym = count["dem"] or ""
            place = demonym or count["place"]
            return Target(place, "count", stated=figure, demonym=demonym)
    if p["people_count"].match(target) and not p["head"].match(target) and not p["fraction"].match(target):
        return None  # "enough to kill 2 million people": a claimed total, not a population
    found = _multiple(target, reading)
    if found is not None:
        return found
    share = p["fraction"].match(target) or p["whole"].match(target)
    if share is not None:
        return _share(target, share, reading)
    return _own(target, Target(target, "whole"))


def _multiple(target: str, reading: Reading) -> Target | None:
    p = _patterns()
    for name in ("tail", "head"):
        found = p[name].search(target)
        if found is None:
            continue
        if found["vague"]:
            floor = Fraction(words().vague_floor)
            multiple, qualifier, at_least = Interval.point(floor), "at_least", True
        else:
            try:
                value, step = _count(found["n"] or found["w"])
            except InputError:
                continue
            (qualifier, multiple), at_least = _qualified(found["q"], value, step, reading), False
        rest = (target[: found.start()] + target[found.end() :]).strip()
        base = Target(rest, "multiple", found.group(0).strip(), qualifier, multiple, at_least=at_least)
        return _own(rest, base)
    return None


def _share(target: str, match: re.Match[str], reading: Reading) -> Target:
    groups = match.groupdict()
    if groups.get("f"):
        value = words().fractions[" ".join(groups["f"].lower().split())]
        step = value * FRACTION_STEP
    elif groups.get("pct"):
        percent = Decimal(groups["pct"])
        value, step = Fraction(percent) / 100, Fraction(step_of(percent)) / 100  # face value: '10' is ten
    else:  # "nearly every person": the whole, qualified
        value, step = Fraction(1), FRACTION_STEP
    qualifier, multiple = _qualified(groups.get("q"), value, step, reading)
    rest = target[match.end() :].strip()
    return _own(rest, Target(rest, "share", match.group(0).strip(), qualifier, multiple))


def _own(rest: str, base: Target) -> Target:
    """``base`` with the population figure the words state for their place, if they state one."""
    own = _patterns()["own"].match(rest)
    if own is None:
        return base
    figure = _figure(own["fig"] or own["fig2"] or own["fig3"] or own["fig4"])
    if figure is None:
        return base
    return Target(
        own["place"].strip(_EDGES), base.kind, base.multiple_text, base.qualifier, base.multiple, figure,
        base.at_least,
    )  # fmt: skip

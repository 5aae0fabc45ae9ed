"""Where a story's figures are: the one pattern that finds every number with its qualifier,
currency sign and range, the exact values it reads, and the numbers that are no figure (dates,
years, the second number of a ratio).

The number grammar is :data:`doseconv.reading.numbers.NUMBER_PATTERN`; :mod:`.classify` then reads
what each number counts.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from ..reading.numbers import NUMBER_PATTERN, SCALE_WORDS, split_number
from ..reading.stated import QUALIFIER_PHRASES
from .patterns import trie_pattern

__all__ = ["FIGURE", "RATIO_BEFORE", "has_digits_or_scale", "read_values", "skip_other"]


def _starting_words() -> list[str]:
    """Words a figure can start with: number words (read off NUMBER_PATTERN) and qualifiers' first words."""
    listed = re.search(r"\\b\(\?:([a-z|]+)\)\\b", NUMBER_PATTERN)
    number_words = listed[1].split("|") if listed else []
    return [*number_words, *(p.split()[0] for p in QUALIFIER_PHRASES), "between", "half"]


_QUALIFIERS = "|".join(re.escape(p) for p in QUALIFIER_PHRASES if p != "between")
# A figure starts with a digit, a currency sign, a point, or one of the starting words. If
# NUMBER_PATTERN ever lists its words differently, no filter is used (slower, same result). The
# figure pattern ignores case, so the words are in lower case only (case variants would only
# make the engine try more branches).
_STARTS = (
    rf"(?=[\d$€£.]|{trie_pattern(sorted({w.lower() for w in _starting_words()}))}(?![A-Za-z]))"
    if re.search(r"\\b\(\?:([a-z|]+)\)\\b", NUMBER_PATTERN)
    else ""
)
_SCALES = "|".join(SCALE_WORDS)
_SCALE_OR_DOZEN = re.compile(rf"\b(?:{_SCALES}|dozen)\b", re.IGNORECASE)
_NUMBER_START = rf"(?!an?\b(?![\s-]+(?:hundred|dozen|{_SCALES}|kilo\w*|pound|ounce|gram|ton\w*)\b))"
# A unit written against its number ("4,500kg", "12lbs") or joined by a hyphen ("1.5-kilogram").
_GLUED_UNIT = r"(?:kilograms?|kilos?|kgs?|grams?|g|milligrams?|mg|pounds?|lbs?|ounces?|oz|tons?|tonnes?)\b"
# A number in the scanner's grammar: the project's NUMBER_PATTERN, a whole number and a fraction
# in digits ("1 1/2", as "1½" is normalised), a fraction in words ("two-and-a-half", "half a million").
_WORD_PART = r"(?:[\s-]+and[\s-]+(?:a|one|two|three)[\s-]+(?:half|quarters?|thirds?)\b)"
_SCAN_NUMBER = (
    rf"(?:\d+\s\d/\d\b|half[\s-]+an?\b(?:[\s-]+(?:{'|'.join(SCALE_WORDS)})\b)?|(?:{NUMBER_PATTERN}){_WORD_PART}?)"
)
FIGURE = re.compile(
    r"(?<![\w.,:/$€£#@+-])" + _STARTS + rf"(?:(?P<between>between)\s+|(?P<qual>{_QUALIFIERS})\s+)?"
    r"(?P<cur>[$€£]\s?)?"
    rf"{_NUMBER_START}(?P<num>{_SCAN_NUMBER})"
    rf"(?:\s*(?P<sep>[-–—]|to\b|(?(between)and\b|(?!)))\s*(?:[$€£]\s?)?{_NUMBER_START}(?P<num2>{_SCAN_NUMBER}))?"
    r"(?P<pct>\s?(?:%|percent\b|per\s?cent\b))?"
    rf"(?!(?!-?{_GLUED_UNIT})(?:[\w@]|[-–]\w)|[.,]\d|:\d|/\d)",
    re.IGNORECASE,
)

# A date ("May 5", "5 May 2023") or a year is no figure.
_MONTH_AFTER = re.compile(r"\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\b")
_MONTH_BEFORE = re.compile(
    r"\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|"
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+(?:\d{1,2},\s+)?\Z"
)
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
# The second number of a ratio ("six out of ten pills", "one in 10 pills") counts nothing seized.
RATIO_BEFORE = re.compile(
    r"\b(?=[\defnost])(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:out\s+of|in)\s+\Z", re.IGNORECASE
)


@lru_cache(maxsize=4096)
def read_values(num: str, num2: str | None) -> tuple[Decimal, Decimal | None]:
    """The exact number (and a range's second one); the scale word of a range's second figure applies to the first.

    Decimals keep the precision each number was written to (see :func:`doseconv.reading.numbers.step_of`).
    A number written the same way again (lists, wire copy) is read once.
    """
    first, _ = split_number(num)
    if num2 is None:
        return first, None
    second, _ = split_number(num2)
    scale = re.search(rf"\b({_SCALES})\b", num2, re.IGNORECASE)
    if scale and not re.search(rf"\b({_SCALES})\b", num, re.IGNORECASE):
        first = first.scaleb(SCALE_WORDS[scale[1].lower()])
    return first, second


def has_digits_or_scale(num: str) -> bool:
    return any(c.isdigit() for c in num) or _SCALE_OR_DOZEN.search(num) is not None


def skip_other(text: str, match: re.Match[str], before: str) -> bool:
    """Dates, years and times are not figures."""
    num = match["num"]
    if _MONTH_BEFORE.search(before) or _MONTH_AFTER.match(text, match.end()):
        return True
    return match["num2"] is None and _YEAR.fullmatch(num) is not None

"""Where a story's figures are: the one pattern that finds where every number starts, with its qualifier,
currency sign and range, and the numbers that are no figure (dates, years, the second number of a ratio).

The number grammar is :data:`doseconv.reading.numbers.NUMBER_PATTERN`, the words those of
:mod:`doseconv.reading.lexicon`; :mod:`.classify` then reads what each number counts, with the figure reader.
"""

from __future__ import annotations

import re
from functools import cache

from ..reading.lexicon import lexicon, unit_spellings
from ..reading.numbers import NUMBER_PATTERN, SCALE_WORDS
from ..reading.numwords import COUNT_WORDS
from ..reading.patterns import trie_pattern
from ..reading.qualifiers import QUALIFIER_PHRASES

__all__ = ["FIGURE", "RATIO_BEFORE", "has_digits_or_scale", "skip_other"]


def _starting_words() -> list[str]:
    """Words a figure can start with: number words and qualifiers' first words."""
    return [*COUNT_WORDS, *(p.split()[0] for p in QUALIFIER_PHRASES), "between", "half"]


_QUALIFIERS = "|".join(re.escape(p) for p in QUALIFIER_PHRASES if p != "between")
# A figure starts with a digit, a currency sign, a point, or one of the starting words. The figure
# pattern ignores case, so the words are in lower case only (case variants would only make the engine
# try more branches).
_STARTS = rf"(?=[\d$€£.]|{trie_pattern(sorted({w.lower() for w in _starting_words()}))}(?![A-Za-z]))"
_SCALES = "|".join(SCALE_WORDS)
_SCALE_OR_DOZEN = re.compile(rf"\b(?:{_SCALES}|dozen)\b", re.IGNORECASE)
_MASS_WORDS = sorted(w for w, (_, kind) in unit_spellings().items() if kind == "mass" and w.isalpha() and len(w) > 2)
# "a" and "an" start a figure only before a number word or a unit ("a dozen", "a million", "a pound").
_NUMBER_START = rf"(?!an?\b(?![\s-]+(?:hundred|dozen|{_SCALES}|{trie_pattern(_MASS_WORDS)})\b))"
# A unit written against its number ("4,500kg", "12lbs") or joined by a hyphen ("1.5-kilogram"): the mass
# spellings of the unit registry's file.
_GLUED_UNIT = (
    r"(?:"
    + trie_pattern(sorted(w for w, (_, kind) in unit_spellings().items() if kind == "mass" and w.isalpha()))
    + r")\b"
)  # fmt: skip
# A number in the scanner's grammar: the project's NUMBER_PATTERN, a figure with a scale letter ("750K", "2.7M",
# "3.2m"), a whole number and a fraction in digits ("1 1/2", as "1½" is normalised, "5-3/4"), a fraction in
# words ("two-and-a-half", "half a million").
_WORD_PART = r"(?:[\s-]+and[\s-]+(?:(?:a|one|two|three)[\s-]+)?(?:half|quarters?|thirds?)\b)"
_SCAN_NUMBER = rf"(?:\d{{1,3}}(?:,\d{{3}})*(?:\.\d+)?(?:[kKmMB]|bn|mn)(?![A-Za-z])|\d+[\s-]\d{{1,2}}/\d{{1,2}}\b|half[\s-]+an?\b(?:[\s-]+(?:{'|'.join(SCALE_WORDS)})\b)?|(?:{NUMBER_PATTERN}){_WORD_PART}?)"
FIGURE = re.compile(
    r"(?<![\w.,:/$€£#@+-])" + _STARTS + rf"(?:(?P<between>between)\s+|(?P<qual>{_QUALIFIERS})\s+)?"
    r"(?P<cur>[$€£]\s?)?"
    rf"{_NUMBER_START}(?P<num>{_SCAN_NUMBER})"
    rf"(?:\s*(?P<sep>[-–—]|to\b|(?(between)and\b|(?!)))\s*(?:[$€£]\s?)?{_NUMBER_START}(?P<num2>{_SCAN_NUMBER}))?"
    r"(?P<pct>\s?(?:%|percent\b|per\s?cent\b))?"
    rf"(?!(?!-?{_GLUED_UNIT})(?:[\w@]|[-–]\w)|[.,]\d|:\d|/\d)",
    re.IGNORECASE,
)

_YEAR = re.compile(r"(?:1[89]|20)\d\d")


@cache
def _months() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A month after a number ("5 May 2023") and before it ("May 5", "Dec. 20, 2022"): a date, no figure."""
    months = trie_pattern(sorted(w.capitalize() for w in lexicon().months))
    return (
        re.compile(rf"\s+(?:{months})\.?\b"),
        re.compile(rf"\b(?:{months})\.?\s+(?:\d{{1,2}},\s+)?\Z"),
    )


# The second number of a ratio ("six out of ten pills", "one in 10 pills") counts nothing seized.
RATIO_BEFORE = re.compile(
    rf"\b(?:\d+|{trie_pattern(sorted(COUNT_WORDS - {'a', 'an'}))})\s+(?:out\s+of|in)\s+\Z", re.IGNORECASE
)


def has_digits_or_scale(num: str) -> bool:
    return any(c.isdigit() for c in num) or _SCALE_OR_DOZEN.search(num) is not None


def skip_other(text: str, match: re.Match[str], before: str) -> bool:
    """Dates, years and times are not figures."""
    num = match["num"]
    after, before_month = _months()
    if before_month.search(before) or after.match(text, match.end()):
        return True
    return match["num2"] is None and _YEAR.fullmatch(num) is not None

"""The quick way to read a figure in its plainest form ("1,234 fentanyl pills"): the same value, step and words
as :func:`doseconv.reading.numbers.read_number` gives, or None for :func:`~doseconv.reading.numbers.read_number` to read it."""

from __future__ import annotations

import re
from fractions import Fraction
from functools import lru_cache

from .numbers import MAX_WHOLE, MONEY, SCALE_AFTER, SUFFIXES
from .numwords import SCALE_WORDS

__all__ = ["read_plain"]

#: A figure in its plainest form: ASCII digits (grouped by commas in threes, or not) with optional decimals, one
#: space, and words of ASCII letters one space apart ("1,234 fentanyl pills", "2.5 million doses", "10 kg").
_PLAIN = re.compile(r"([0-9]{1,3}(?:,[0-9]{3}){1,6}|[0-9]{1,19})(?:\.([0-9]{1,19}))? ([A-Za-z]+(?: [A-Za-z]+)*)")
#: The scale words :data:`_TAIL` reads after a figure, with the factor of each (lower case).
_SCALE_FACTORS = {word: 12 if word == "dozen" else 10 ** SCALE_WORDS.get(word, SUFFIXES.get(word, 0))
                  for word in SCALE_AFTER.split("|")}  # fmt: skip


def read_plain(text: str) -> tuple[Fraction, Fraction, str] | None:
    """Value, step and words after the number of a figure in its plainest form, or None for any other text.

    A quick way to what :func:`read_number` gives for such text (the same value, step and rest):
    text with anything else (other characters, separators, number words, "and", money, a figure
    that could be European style, a figure out of range) is None, for :func:`read_number` to read.

    >>> read_plain("1,234 fentanyl pills"), read_plain("2.5 million doses")
    ((Fraction(1234, 1), Fraction(1, 1), 'fentanyl pills'), (Fraction(2500000, 1), Fraction(100000, 1), 'doses'))
    >>> read_plain("6 500 lb"), read_plain("10.000 pills"), read_plain("2 and a half kg")
    (None, None, None)
    """
    match = _PLAIN.fullmatch(text)
    if match is None:
        return None
    grouped, frac, words = match.groups()
    read = _plain_words(words) if len(words) <= _CACHED_WORDS else _plain_words.__wrapped__(words)
    if read is None:
        return None
    factor, rest = read
    if factor is None and frac is not None and len(frac) == 3 and len(grouped) <= 3 and grouped[0] != "0":
        return None  # "10.000": ten thousand to a European reader (refused for counts by parse_amount)
    whole = grouped.replace(",", "")
    if frac:  # as _decimal_value, in integers until the end
        numerator, step_numerator = int(whole + frac), 1
        denominator = 10 ** len(frac)  # of the value and of the step
    else:
        numerator, denominator = int(whole), 1
        step_numerator = 10 ** (len(whole) - len(whole.rstrip("0"))) if numerator else 1
    if factor is not None:
        numerator, step_numerator = numerator * factor, step_numerator * (1 if factor == 12 else factor)
    if numerator > MAX_WHOLE * denominator or (numerator and numerator * MAX_WHOLE < denominator):
        return None  # out of range: read_number says so
    if denominator == 1:  # a whole figure: Fractions of ints, with no common factor to take out
        return Fraction(numerator), Fraction(step_numerator), rest
    return Fraction(numerator, denominator), Fraction(step_numerator, denominator), rest


#: The words after a plain figure are cached up to this length.
_CACHED_WORDS = 200


@lru_cache(maxsize=1024)
def _plain_words(words: str) -> tuple[int | None, str] | None:
    """The scale factor the words after a plain figure start with (or None) and the words after it; None when
    the words are money or hold "and" (read by :func:`read_number`). Cached: the same few phrases come back."""
    if MONEY.search(words) or "and" in words.lower().split(" "):
        return None
    first, _, after = words.partition(" ")
    factor = _SCALE_FACTORS.get(first.lower())
    return factor, after if factor is not None else words

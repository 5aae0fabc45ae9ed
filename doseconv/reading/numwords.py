"""Numbers written in words: "twenty-five thousand", "a dozen", "half a kilo", "two and a half", "three quarters".

One small grammar, read left to right in linear time. Repeated or ill-formed number words
("dozen dozen", "one one one") are refused rather than added up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

from ..errors import InputError

__all__ = ["COUNT_WORDS", "NUMBER_WORDS", "SCALE_WORDS", "TENS_WORDS", "WordNumber", "read_part", "read_words"]

SCALE_WORDS = {"thousand": 3, "million": 6, "billion": 9, "trillion": 12}
_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
}  # fmt: skip
_TEENS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_PARTS = {"half": 2, "halves": 2, "quarter": 4, "quarters": 4, "third": 3, "thirds": 3}
_ARTICLES = {"a", "an"}

#: Words that are numbers by themselves; one of them right after a complete number is refused.
NUMBER_WORDS = frozenset([*_UNITS, *_TEENS, *_TENS, *SCALE_WORDS, "hundred", "dozen", *_PARTS])
#: The tens in words ("ten", "twenty"): a figure written so ends in a written zero.
TENS_WORDS = frozenset({"ten", *_TENS})
#: Words a whole number in words is made of ("a", "two", "twenty", "hundred", "dozen", "million"): the words a
#: figure in words can start with and go on with (fractions apart).
COUNT_WORDS = frozenset([*_UNITS, *_TEENS, *_TENS, *SCALE_WORDS, "hundred", "dozen", *_ARTICLES])
_VOCABULARY = NUMBER_WORDS | _ARTICLES | {"and", "of"}
_TOKEN = re.compile(r"[\s-]*([A-Za-z]+)")


@dataclass(frozen=True)
class WordNumber:
    """A number read from words: its exact value, the step it is stated to, where it ends."""

    value: Fraction
    step: Fraction
    end: int


class _Reader:
    """Reads number words from ``start``, taking each word only when the grammar asks for it (linear time)."""

    def __init__(self, text: str, start: int) -> None:
        self.source = text
        self.start = start
        self.words: list[str] = []
        self.ends: list[int] = []
        self.i = 0

    def peek(self, ahead: int = 0) -> str:
        index = self.i + ahead
        while len(self.words) <= index:
            position = self.ends[-1] if self.ends else self.start
            match = _TOKEN.match(self.source, position)
            if match is None or match[1].lower() not in _VOCABULARY:
                return ""
            self.words.append(match[1].lower())
            self.ends.append(match.end())
        return self.words[index]

    @property
    def text(self) -> str:
        shown = self.source[self.start : self.start + 80]
        return shown if self.start + 80 >= len(self.source) else shown + "…"

    def take(self, *choices: str) -> bool:
        if self.peek() in choices:
            self.i += 1
            return True
        return False

    def refuse(self) -> InputError:
        return InputError(
            f"cannot read the number {self.text.strip()!r}: repeated or ill-formed number words; "
            "write e.g. 'one hundred twenty-five thousand', 'two dozen' or 'two and a half'"
        )

    def below_thousand(self) -> int | None:
        """1 to 999 in words ("one hundred and twenty-five"), or None when no such number starts here."""
        start = self.i
        value = 0
        word = self.peek()
        if (word in _UNITS or word in _ARTICLES) and self.peek(1) == "hundred":
            value = 100 * _UNITS.get(word, 1)
            self.i += 2
            if self.peek() == "and" and (self.peek(1) in _UNITS or self.peek(1) in _TEENS or self.peek(1) in _TENS):
                self.i += 1
        word = self.peek()
        if word in _TEENS:
            value += _TEENS[word]
            self.i += 1
        elif word in _TENS:
            value += _TENS[word]
            self.i += 1
            if self.peek() in _UNITS and self.peek() != "zero":
                value += _UNITS[self.peek()]
                self.i += 1
        elif word in _UNITS and not (value and word == "zero"):
            value += _UNITS[word]
            self.i += 1
        return value if self.i > start else None

    def part(self) -> Fraction | None:
        """ "and a half", "and a quarter", "and three quarters" (or "and half") after a whole number."""
        if self.peek() != "and":
            return None
        count_word = self.peek(1)
        part = self.peek(2)
        if count_word in _ARTICLES | {"one"} and part in ("half", "quarter", "third"):
            self.i += 3
            return Fraction(1, _PARTS[part])
        if count_word in _UNITS and part in ("quarters", "thirds") and _UNITS[count_word] < _PARTS[part]:
            self.i += 3
            return Fraction(_UNITS[count_word], _PARTS[part])
        if count_word == "half":  # "seven-and-half kilograms", as news copy sometimes drops the article
            self.i += 2
            return Fraction(1, 2)
        return None

    def of_a(self) -> None:
        """ "of a" / "of an" / "a" after a fraction ("half a kilo", "three quarters of a pound")."""
        if self.peek() == "of" and self.peek(1) in _ARTICLES:
            self.i += 2
        elif self.peek() in _ARTICLES:
            self.i += 1

    def scale(self) -> int | None:
        word = self.peek()
        if word in SCALE_WORDS:
            self.i += 1
            return 10 ** SCALE_WORDS[word]
        if word == "dozen":
            self.i += 1
            return 12
        return None

    def fraction_first(self) -> Fraction | None:
        """ "half", "a quarter", "three quarters", "one third", then "of a" and an optional scale."""
        word, after = self.peek(), self.peek(1)
        if word == "half":
            self.i += 1
            share = Fraction(1, 2)
        elif word in _ARTICLES | {"one"} and after in ("half", "quarter", "third"):
            self.i += 2
            share = Fraction(1, _PARTS[after])
        elif word in _UNITS and after in ("quarters", "thirds") and 0 < _UNITS[word] < _PARTS[after]:
            self.i += 2
            share = Fraction(_UNITS[word], _PARTS[after])
        else:
            return None
        mark = self.i
        self.of_a()
        scale = self.scale()
        if scale is None:
            if self.i > mark and self.peek() in NUMBER_WORDS:
                raise self.refuse()
            return share
        return share * scale

    def whole(self) -> Fraction | None:
        """A whole number with scales in falling order, an optional part and an optional "dozen"."""
        if self.peek() in _ARTICLES and self.peek(1) in (*SCALE_WORDS, "dozen"):
            self.i += 1
            total = Fraction(self.scale() or 1)
            last = total
        else:
            group = self.below_thousand()
            if group is None:
                if self.peek() in _ARTICLES:
                    self.i += 1
                    return Fraction(1)
                return None
            total, last = Fraction(0), Fraction(10**15)
            while True:
                part = self.part()
                value = group + (part or 0)
                scale = self.scale()
                if scale is not None and (scale >= last or (scale == 12 and total)):
                    self.i -= 1  # "five thousand five thousand": left for the refusal below
                    scale = None
                if scale is None:
                    total += value
                    break
                total += value * scale
                last = Fraction(scale)
                if part is not None or scale == 12:
                    break
                if self.peek() == "and" and self.peek(1) in {*_UNITS, *_TEENS, *_TENS} - {"zero"}:
                    self.i += 1
                group = self.below_thousand()
                if group is None:
                    break
        part = self.part()
        return total + (part or 0)


def read_words(text: str, start: int = 0) -> WordNumber | None:
    """Read a number in words at ``start`` of ``text``; None when no number word starts there.

    >>> read_words("one hundred twenty-five thousand pills").value
    Fraction(125000, 1)
    >>> w = read_words("two-and-a-half pounds"); w.value, w.step
    (Fraction(5, 2), Fraction(1, 2))
    >>> read_words("half a kilo").value, read_words("a dozen pills").value, read_words("half a million").value
    (Fraction(1, 2), Fraction(12, 1), Fraction(500000, 1))
    >>> read_words("dozen dozen kg")
    Traceback (most recent call last):
    ...
    doseconv.errors.InputError: cannot read the number 'dozen dozen kg': repeated or ill-formed number words; write e.g. 'one hundred twenty-five thousand', 'two dozen' or 'two and a half'
    """
    reader = _Reader(text, start)
    first = reader.peek()
    if not first:
        return None
    value = reader.fraction_first()
    if value is None:
        value = reader.whole()
    if value is None:
        if first in NUMBER_WORDS:
            raise reader.refuse()
        return None
    if reader.peek() in NUMBER_WORDS:
        raise reader.refuse()
    return WordNumber(value, step_of_value(value), reader.ends[reader.i - 1])


def read_part(text: str, start: int = 0) -> WordNumber | None:
    """ "and a half", "and three quarters" after a figure in digits ("2 and a half kilos"), or None.

    >>> read_part(" and a half kilos").value
    Fraction(1, 2)
    """
    reader = _Reader(text, start)
    part = reader.part()
    if part is None:
        return None
    if reader.peek() in NUMBER_WORDS:
        raise reader.refuse()
    return WordNumber(part, Fraction(1, part.denominator), reader.ends[reader.i - 1])


def step_of_value(value: Fraction) -> Fraction:
    """The step of a number written in words: its trailing zeros, or the fraction it is written to.

    >>> step_of_value(Fraction(25000)), step_of_value(Fraction(12)), step_of_value(Fraction(5, 2))
    (Fraction(1000, 1), Fraction(1, 1), Fraction(1, 2))
    """
    if value.denominator != 1:
        return Fraction(1, value.denominator)
    number = value.numerator
    step = 1
    while number and number % (step * 10) == 0:
        step *= 10
    return Fraction(step)

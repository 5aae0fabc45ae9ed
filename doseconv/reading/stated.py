"""Stated figures as intervals: the qualifier table ("nearly", "more than", …) applied to a number's step.

The table lives in ``data/qualifiers.toml`` (documented in docs/methodology.md). A figure
"nearly 193 million doses" becomes the interval of true values the words allow, under a
lenient or a strict reading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

from ..errors import InputError
from ..intervals import Interval
from ..limits import check_value
from .numbers import NUMBER_PATTERN, SCALE_WORDS, exact_text, split_number, step_of
from .qualifiers import PHRASES as _PHRASES
from .qualifiers import QUALIFIER_PHRASES, READINGS, QualifierRule, Reading, qualifier_rules
from .quantity import Amount, parse_amount
from .textnorm import normalized_text

__all__ = [
    "QUALIFIER_PHRASES",
    "READINGS",
    "ROLES",
    "QualifierRule",
    "Role",
    "StatedFigure",
    "face_value_step",
    "parse_stated",
    "qualifier_rules",
]

#: What a figure is in a claim: a stated input (pills, powder) or the claimed total. A claimed
#: total is read to at least two significant digits (docs/methodology.md, "Face-value reading").
Role = Literal["input", "claim"]
ROLES = ("input", "claim")
#: Trailing zeros written out count as significant up to this many significant digits ("10" is ten).
WRITTEN_ZEROS_UP_TO = 2
#: A claimed total is read to at least this many significant digits ("a million" is 0.95 to 1.05 million).
CLAIM_DIGITS = 2
_LEADING_DIGITS = re.compile(r"\s*(\d[\d,]*)(\.\d*)?")
_LEADING_WORDS = re.compile(r"\s*([a-z]+(?:[\s-]+[a-z]+)*)", re.IGNORECASE)
_TENS_WORDS = frozenset(("ten", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"))
_SCALE_LIKE = frozenset(("hundred", *SCALE_WORDS))
_QUALIFIER_AT_START = re.compile(
    r"\s*(?P<q>" + "|".join(re.escape(p) for p in QUALIFIER_PHRASES) + r")(?=\s|$)", re.IGNORECASE
)
_RANGE = re.compile(
    rf"\s*(?P<between>between\s+)?(?P<x>{NUMBER_PATTERN})\s*(?:-|–|—|\bto\b|\band\b)\s*(?=\S)", re.IGNORECASE
)


def _may_be_range(body: str) -> bool:
    """Whether ``body`` holds what every match of _RANGE holds: a dash, or "to" or "and" in any case (the only
    characters that match t, o, a, n and d ignoring case are those letters in either case)."""
    if "-" in body or "–" in body or "—" in body:
        return True
    low = body.lower()
    return "to" in low or "and" in low


@dataclass(frozen=True)
class StatedFigure:
    """A figure as published: its qualifier, its central value (and range end), and its step.

    >>> f = parse_stated("nearly 193 million doses")
    >>> f.qualifier, f.amount.value, f.step
    ('nearly', Fraction(193000000, 1), Fraction(1000000, 1))
    >>> str(f.interval())
    '[192000000, 193000000)'
    >>> str(f.interval("strict"))
    '[192500000, 193000000)'
    """

    text: str
    qualifier: str
    phrase: str
    amount: Amount
    upper: Amount | None = None

    @property
    def kind(self) -> str:
        return self.amount.kind

    @property
    def step(self) -> Fraction:
        """The step of the figure read at face value as a stated input (see :meth:`step_for`)."""
        return face_value_step(self.amount, "input")

    def step_for(self, role: Role) -> Fraction:
        """The step the qualifier acts on: the unit of the last significant digit, read at face value.

        >>> parse_stated("10 kilos").step_for("input"), parse_stated("three million doses").step_for("claim")
        (Fraction(1, 1), Fraction(100000, 1))
        """
        return face_value_step(self.amount, role)

    @property
    def rule(self) -> QualifierRule:
        return qualifier_rules()[self.qualifier]

    def interval(self, reading: Reading = "lenient", *, role: Role = "input") -> Interval:
        """True values (in the figure's own unit) that the words allow, read as an input or as a claimed total.

        >>> str(parse_stated("10 kilos").interval())
        '[9.5, 10.5)'
        >>> str(parse_stated("over three million doses").interval(role="claim"))
        '(3000000, 3100000]'
        """
        cache = self.__dict__.get("_intervals")
        if cache is None:  # computed once per figure and reading: read at load, asked again by every check
            cache = {}
            object.__setattr__(self, "_intervals", cache)
        found = cache.get((reading, role))
        if found is None:
            found = cache[reading, role] = _figure_interval(self, reading, role)
        return found

    def to_dict(self, role: Role = "input") -> dict[str, object]:
        out: dict[str, object] = {
            "text": self.text,
            "qualifier": self.qualifier,
            "value": exact_text(self.amount.value),
            "unit": self.amount.unit,
            "kind": self.kind,
            "step": exact_text(self.step_for(role)),
        }
        if self.upper is not None:
            out["upper"] = exact_text(self.upper.value)
        return out


#: Qualifiers that put the value within a step below X ("nearly", "about").
_NEAR_X = frozenset({"nearly", "about"})


def _figure_interval(figure: StatedFigure, reading: Reading, role: Role) -> Interval:
    return Interval(*_bounds(figure, reading, role, _steps(figure, role)))


def _steps(figure: StatedFigure, role: Role) -> tuple[Fraction, Fraction | None]:
    """The step the qualifier acts on, and the step of a range's upper figure (None for one figure)."""
    if role not in ROLES:
        raise InputError(f"unknown role {role!r}; a figure is an input or a claim")
    amount = figure.amount
    step = face_value_step(amount, role)
    if figure.qualifier in _NEAR_X and not _less(step, amount.value):
        # "nearly 1 million pills" lies just under a million, not anywhere from 0: a word that puts the
        # value near X never reaches down to 0, so a one-digit 1 (or 1 and zeros) is read to two digits.
        step = _smaller(step, face_value_step(amount, "claim"))
    return step, None if figure.upper is None else face_value_step(figure.upper, role)


def _bounds(
    figure: StatedFigure, reading: Reading, role: Role, steps: tuple[Fraction, Fraction | None]
) -> tuple[Fraction, Fraction, bool, bool]:
    step, y_step = steps
    if figure.upper is None or y_step is None:
        return figure.rule.bounds(figure.amount.value, step, reading)
    return figure.rule.bounds(figure.amount.value, _smaller(step, y_step), reading, y=figure.upper.value, y_step=y_step)


def _less(a: Fraction, b: Fraction) -> bool:
    """``a < b``, compared as integers (quicker than Fraction's own comparison)."""
    return a.numerator * b.denominator < b.numerator * a.denominator  # type: ignore[no-any-return]


def _smaller(a: Fraction, b: Fraction) -> Fraction:
    """``min(a, b)``."""
    return b if _less(b, a) else a


def _written_zeros(text: str) -> int:
    """Trailing zeros written out in a figure's whole digits ("10", "6,500", "ten"), not brought by a scale word."""
    match = _LEADING_DIGITS.match(text)
    if match is not None:
        if match[2]:
            return 0  # digits after a point are all significant already
        digits = match[1].replace(",", "")
        return len(digits) - len(digits.rstrip("0"))
    match = _LEADING_WORDS.match(text)
    if match is None:
        return 0
    for word in re.split(r"[\s-]+", match[1].lower())[:4]:
        if word in _SCALE_LIKE:
            break
        if word in _TENS_WORDS:
            return 1  # "ten", "twenty": a written zero
    return 0


def face_value_step(amount: Amount, role: Role = "input") -> Fraction:
    """The step of a figure read at face value: the unit of its last significant digit.

    Written trailing zeros count as significant up to two significant digits; scale words add
    none; a claimed total is read to at least two significant digits.

    >>> [face_value_step(parse_stated(t).amount) for t in ("10 kilos", "6,500 lb", "5 kg", "3 million pills")]
    [Fraction(1, 1), Fraction(100, 1), Fraction(1, 1), Fraction(1000000, 1)]
    >>> [face_value_step(parse_stated(t).amount, "claim") for t in ("a million doses", "1,000,000 doses")]
    [Fraction(100000, 1), Fraction(100000, 1)]
    """
    coarse, value = amount.step, amount.value
    vn, vd, cn, cd = value.numerator, value.denominator, coarse.numerator, coarse.denominator
    if vn == 0 or cn == 0:
        return coarse
    quotient, remainder = divmod(vn * cd, vd * cn)  # value / coarse
    if remainder:
        return coarse  # not a whole number of steps: a step given by hand, kept as given
    digits = len(str(quotient))
    significant = max(digits, min(digits + _written_zeros(amount.text), WRITTEN_ZEROS_UP_TO))
    if role == "claim":
        significant = max(significant, CLAIM_DIGITS)
    return coarse if significant == digits else Fraction(cn, cd * 10 ** (significant - digits))


# --- Guard on the intervals figures are read as (kept apart from the qualifier rules above) -------------------


def _validated(figure: StatedFigure) -> StatedFigure:
    """The figure read from text, once both its readings are known to be intervals it can be checked with."""
    amount = figure.amount
    if figure.upper is None and amount.value.numerator > 0 and amount.step.numerator > 0 and figure.rule.never_empty:  # type: ignore[attr-defined]
        return figure  # X > 0 and a step > 0 (so every step read from it): no reading of this rule is empty
    steps = _steps(figure, "input")
    for reading in READINGS:
        low, high, low_open, high_open = _bounds(figure, reading, "input", steps)  # type: ignore[arg-type]
        order = low.numerator * high.denominator - high.numerator * low.denominator  # low - high, in integers
        if order > 0 or (order == 0 and (low_open or high_open)):  # the interval is made only to be refused
            _refuse_empty_or_unbounded(figure, figure.interval(reading))  # type: ignore[arg-type]
    return figure


def _refuse_empty_or_unbounded(figure: StatedFigure, interval: Interval) -> None:
    """Refuse a reading that allows no value ("less than 0 doses", "nearly 0 kg"). (A word that puts the
    value near X never reads down to 0: see :func:`_figure_interval`.)"""
    low, high = interval.low, interval.high
    if low > high or (low == high and (interval.low_open or interval.high_open)):
        raise InputError(
            f"{figure.text!r} allows no value at all (read as {interval}); a figure must leave some amount possible"
        )


def parse_stated(
    text: str,
    *,
    exact: bool = False,
    default_unit: str | None = None,
    decimal_comma: bool = False,
    other_drugs: bool = False,
) -> StatedFigure:
    """Read a published figure with its qualifier ("more than 6,500 pounds", "10-15 million pills").

    ``exact`` marks a figure known to be exact (its trailing zeros are not rounding);
    ``decimal_comma`` reads European style ("1,5 kg") on purpose;
    ``other_drugs`` reads a figure of another drug instead of refusing it (see :func:`parse_amount`).

    >>> parse_stated("more than 6,500 pounds").interval()
    Interval(low=Fraction(6500, 1), high=Fraction(6600, 1), low_open=True, high_open=False)
    >>> parse_stated("between 400,000 and 500,000 doses").interval("strict")
    Interval(low=Fraction(400000, 1), high=Fraction(500000, 1), low_open=False, high_open=False)
    >>> parse_stated("10-15 million pills").upper.value
    Fraction(15000000, 1)
    """
    body = normalized_text(text).strip()  # separators and invisible characters, as every reader
    phrase = ""
    match = _QUALIFIER_AT_START.match(body)
    qualifier = "none"
    if match is not None:
        phrase = match["q"].lower()
        qualifier = _PHRASES[phrase]
        body = body[match.end() :].strip()
    if exact and qualifier == "none":
        qualifier = "exact"
    range_match = _RANGE.match(body) if _may_be_range(body) else None
    if range_match is not None and _one_figure(
        body, default_unit, decimal_comma
    ):  # "2-1/2 pounds", "two-and-a-half pounds"
        range_match = None
    if range_match is not None and qualifier in ("none", "between", "exact", "about"):
        second_text = body[range_match.end() :]
        upper = parse_amount(
            second_text, default_unit=default_unit, exact=exact, decimal_comma=decimal_comma, other_drugs=other_drugs
        )
        lower_number, _ = split_number(range_match["x"], decimal_comma=decimal_comma)
        scale = _shared_scale(range_match["x"], second_text)
        if scale:
            lower_number = lower_number.scaleb(SCALE_WORDS[scale])
        step = min(Fraction(step_of(lower_number, exact=exact)), upper.step)  # "10-15 million": both to the million
        lower = Amount(Fraction(lower_number), upper.unit, upper.kind, step, body)
        if lower.value > upper.value:
            raise InputError(f"range {text!r} runs backwards; write the smaller figure first")
        return _validated(StatedFigure(text, "between", phrase or "between", lower, upper))
    if qualifier == "between":
        raise InputError(f"{text!r}: 'between' needs two figures, as in 'between 400,000 and 500,000 doses'")
    amount = parse_amount(
        body, default_unit=default_unit, exact=exact, decimal_comma=decimal_comma, other_drugs=other_drugs
    )
    return _validated(StatedFigure(text, qualifier, phrase, amount))


def _one_figure(body: str, default_unit: str | None, decimal_comma: bool) -> bool:
    """True when text that looks like a range reads as one figure with a hyphen or "and" inside it."""
    try:
        parse_amount(body, default_unit=default_unit, decimal_comma=decimal_comma)
    except InputError:
        return False
    return True


def _shared_scale(first: str, second: str) -> str | None:
    """In "10-15 million", the scale word of the second figure applies to the first."""
    if any(word in first.lower() for word in SCALE_WORDS):
        return None
    match = re.match(rf"\s*[\d.,]+\s*({'|'.join(SCALE_WORDS)})\b", second, re.IGNORECASE)
    return match[1].lower() if match else None


#: Styles of :func:`describe` and the qualifier each writes.
DESCRIBE_STYLES = {"nearly": "nearly", "more-than": "more than", "about": "about"}


def describe(value: Fraction | int | str, style: str = "nearly", digits: int = 3) -> str:
    """Phrase a number the way news copy does, keeping the phrase true.

    The figure is rounded to ``digits`` significant digits (two at least, since "20" reads as
    twenty, not as a figure rounded to the ten): up for "nearly", down for "more than", to the
    nearest for "about". A figure that is already round gets no qualifier.

    >>> describe(192638011)
    'nearly 193 million'
    >>> describe(192638011, "more-than"), describe(192638011, "about")
    ('more than 192 million', 'about 193 million')
    >>> describe(738500000), describe(738500000, digits=4)
    ('nearly 739 million', '738.5 million')
    >>> describe(6523, digits=2)
    'nearly 6,600'
    """
    from .numbers import parse_number, round_to
    from .numformat import format_words_exactly

    if style not in DESCRIBE_STYLES:
        raise InputError(f"unknown style {style!r}; choose one of: {', '.join(DESCRIBE_STYLES)}")
    if isinstance(digits, bool) or not isinstance(digits, int) or not 1 <= digits <= 15:
        raise InputError(f"digits must be a whole number from 1 to 15, not {digits!r}")
    if isinstance(value, str):
        number = Fraction(parse_number(value))
    else:
        check_value(value)
        number = Fraction(value)
        if number < 0:
            raise InputError(f"{value} is negative; figures must be zero or more")
    if number == 0:
        return "0"
    magnitude = len(str(int(number))) - 1 if number >= 1 else -_leading_zeros(number) - 1
    step = Fraction(10) ** max(magnitude - max(digits, CLAIM_DIGITS) + 1, -15)
    quotient = number / step
    floor = quotient.numerator // quotient.denominator
    if style == "nearly":
        n = floor if quotient == floor else floor + 1
    elif style == "more-than":
        n = floor
    else:
        n = int(round_to(quotient, 1))
    rounded = n * step
    decimals = 0
    while True:  # enough decimals to write the rounded figure exactly in words
        text, written = format_words_exactly(rounded, decimals)
        if Fraction(written) == rounded:
            break
        decimals += 1
    if rounded == number:
        return text
    return f"{DESCRIBE_STYLES[style]} {text}"


def _leading_zeros(number: Fraction) -> int:
    count = 0
    while number < Fraction(1, 10):
        number *= 10
        count += 1
    return count

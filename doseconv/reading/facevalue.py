"""A stated figure read at face value: the step of its last significant digit and the interval of true values its
qualifier allows, under the lenient and the strict reading (the table is ``data/qualifiers.toml``, applied by
:mod:`doseconv.reading.qualifiers`; docs/methodology.md, "Face-value reading").
"""

from __future__ import annotations

import re
from fractions import Fraction
from typing import TYPE_CHECKING, Literal

from ..errors import InputError
from ..intervals import Interval
from .numbers import SCALE_WORDS
from .numformat import CLAIM_DIGITS
from .numwords import TENS_WORDS
from .qualifiers import READINGS, Reading

if TYPE_CHECKING:  # pragma: no cover
    from .quantity import Amount
    from .stated import StatedFigure

__all__ = ["ROLES", "WRITTEN_ZEROS_UP_TO", "Role", "face_value_step", "figure_interval", "validated"]

#: What a figure is in a claim: a stated input (pills, powder) or the claimed total. A claimed
#: total is read to at least two significant digits (docs/methodology.md, "Face-value reading").
Role = Literal["input", "claim"]
ROLES = ("input", "claim")
#: Trailing zeros written out count as significant up to this many significant digits ("10" is ten).
WRITTEN_ZEROS_UP_TO = 2
_LEADING_DIGITS = re.compile(r"\s*(\d[\d,]*)(\.\d*)?")
_LEADING_WORDS = re.compile(r"\s*([a-z]+(?:[\s-]+[a-z]+)*)", re.IGNORECASE)

_SCALE_LIKE = frozenset(("hundred", *SCALE_WORDS))


#: Qualifiers that put the value within a step below X ("nearly", "about").
_NEAR_X = frozenset({"nearly", "about"})


def figure_interval(figure: StatedFigure, reading: Reading, role: Role) -> Interval:
    """The interval a figure's words allow, read as an input or a claim (see :meth:`StatedFigure.interval`)."""
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
        if word in TENS_WORDS:
            return 1  # "ten", "twenty": a written zero
    return 0


def face_value_step(amount: Amount, role: Role = "input") -> Fraction:
    """The step of a figure read at face value: the unit of its last significant digit.

    Written trailing zeros count as significant up to two significant digits; scale words add
    none; a claimed total is read to at least two significant digits.

    >>> from doseconv.reading.stated import parse_stated
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


def validated(figure: StatedFigure) -> StatedFigure:
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

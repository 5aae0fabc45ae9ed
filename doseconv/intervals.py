"""Exact intervals of non-negative rationals, with open or closed ends."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from .reading.numbers import exact_text

__all__ = ["Interval"]


@dataclass(frozen=True)
class Interval:
    """An interval ``[low, high]`` of exact rationals; either end may be open.

    Arithmetic is for non-negative intervals (counts, masses, shares), where the bounds of a
    sum or product are the sums or products of the bounds.

    >>> a = Interval(Fraction(1), Fraction(2))
    >>> a + a, a * 3
    (Interval(low=Fraction(2, 1), high=Fraction(4, 1), low_open=False, high_open=False), Interval(low=Fraction(3, 1), high=Fraction(6, 1), low_open=False, high_open=False))
    >>> str(Interval(Fraction(192000000), Fraction(193000000), high_open=True))
    '[192000000, 193000000)'
    """

    low: Fraction
    high: Fraction
    low_open: bool = False
    high_open: bool = False

    def __post_init__(self) -> None:
        if type(self.low) is not Fraction:
            object.__setattr__(self, "low", Fraction(self.low))
        if type(self.high) is not Fraction:
            object.__setattr__(self, "high", Fraction(self.high))
        if self.low > self.high:
            raise ValueError(f"empty interval: low {self.low} > high {self.high}")

    @classmethod
    def point(cls, value: Fraction | int) -> Interval:
        x = value if type(value) is Fraction else Fraction(value)
        return _made(x, x)

    @property
    def is_empty(self) -> bool:
        return self.low == self.high and (self.low_open or self.high_open)

    @property
    def mid(self) -> Fraction:
        return (self.low + self.high) / 2

    def __contains__(self, value: object) -> bool:
        if not isinstance(value, (Fraction, int, Decimal)):
            return False
        x = Fraction(value)
        above = x > self.low if self.low_open else x >= self.low
        below = x < self.high if self.high_open else x <= self.high
        return above and below

    def __add__(self, other: Interval | Fraction | int) -> Interval:
        o = _as_interval(other)
        return _made(self.low + o.low, self.high + o.high, self.low_open or o.low_open, self.high_open or o.high_open)

    __radd__ = __add__

    def __mul__(self, other: Interval | Fraction | int) -> Interval:
        if not isinstance(other, Interval):  # a non-negative scalar: scale both ends
            k = other if type(other) is Fraction else Fraction(other)
            if k.numerator < 0:
                raise ValueError("interval products are defined here for non-negative intervals only")
            if k.numerator == 0:
                return _made(_ZERO, _ZERO)
            if k.numerator == k.denominator:
                return self
            return _made(self.low * k, self.high * k, self.low_open, self.high_open)
        o = other
        if min(self.low, o.low) < 0:
            raise ValueError("interval products are defined here for non-negative intervals only")
        # An end of the product is reached when both factors reach theirs, or when one factor
        # reaches 0 (then every point of the other gives the same 0).
        low_reached = (
            (not self.low_open and not o.low_open)
            or (self.low == 0 and not self.low_open)
            or (o.low == 0 and not o.low_open)
        )
        high_reached = (not self.high_open and not o.high_open) or self.high == 0 or o.high == 0
        return _made(self.low * o.low, self.high * o.high, not low_reached, not high_reached)

    __rmul__ = __mul__

    def __truediv__(self, other: Interval | Fraction | int) -> Interval:
        """self / other for a positive divisor interval."""
        if not isinstance(other, Interval):
            k = other if type(other) is Fraction else Fraction(other)
            if k.numerator <= 0:
                raise ValueError("division by an interval that reaches zero")
            return _made(self.low / k, self.high / k, self.low_open, self.high_open)
        o = other
        if o.low <= 0:
            raise ValueError("division by an interval that reaches zero")
        low_reached = not self.low_open and (not o.high_open or self.low == 0)
        high_reached = not self.high_open and (not o.low_open or self.high == 0)
        return _made(self.low / o.high, self.high / o.low, not low_reached, not high_reached)

    def overlaps(self, other: Interval) -> bool:
        """True when some number lies in both intervals."""
        above = _order(self.high, other.low)  # self's high end against other's low end
        below = _order(other.high, self.low)
        if above < 0 or below < 0:
            return False
        if above == 0:
            return not (self.high_open or other.low_open)
        if below == 0:
            return not (other.high_open or self.low_open)
        return True

    def hull(self, other: Interval) -> Interval:
        """The smallest interval holding both."""
        low, low_open = min((self.low, self.low_open), (other.low, other.low_open))
        high, high_closed = max((self.high, not self.high_open), (other.high, not other.high_open))
        return _made(low, high, low_open, not high_closed)

    def intersect(self, other: Interval) -> Interval | None:
        if not self.overlaps(other):
            return None
        low, low_open = max((self.low, self.low_open), (other.low, other.low_open))
        high, high_closed = min((self.high, not self.high_open), (other.high, not other.high_open))
        return _made(low, high, low_open, not high_closed)

    def distance(self, value: Fraction) -> Fraction:
        """How far ``value`` lies outside the interval (0 inside or on an end)."""
        x = value if type(value) is Fraction else Fraction(value)
        if _order(x, self.low) < 0:
            return self.low - x
        if _order(x, self.high) > 0:
            return x - self.high
        return _ZERO

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"low": exact_text(self.low), "high": exact_text(self.high)}
        if self.low_open or self.high_open:
            out["low_open"], out["high_open"] = self.low_open, self.high_open
        return out

    def __str__(self) -> str:
        return (
            f"{'(' if self.low_open else '['}{exact_text(self.low)}, "
            f"{exact_text(self.high)}{')' if self.high_open else ']'}"
        )


_ZERO = Fraction(0)


def _order(a: Fraction, b: Fraction) -> int:
    """-1, 0 or 1 as a is less than, equal to or more than b: the Fractions compared as whole numbers,
    cross-multiplied (denominators are positive), without the generic comparison's checks."""
    left, right = a.numerator * b.denominator, b.numerator * a.denominator
    return (left > right) - (left < right)


def _made(low: Fraction, high: Fraction, low_open: bool = False, high_open: bool = False) -> Interval:
    """An interval from ends that are already Fractions with ``low <= high`` (the results of the
    arithmetic above), made without checking them again."""
    made = object.__new__(Interval)
    made.__dict__.update(low=low, high=high, low_open=low_open, high_open=high_open)
    return made


def _as_interval(value: Interval | Fraction | int) -> Interval:
    return value if isinstance(value, Interval) else Interval.point(value)

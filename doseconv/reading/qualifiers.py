"""The qualifier table: each rounding word ("nearly", "more than", …) and the interval it allows, lenient or strict.

The table lives in ``data/qualifiers.toml`` (documented in docs/methodology.md); :mod:`doseconv.reading.stated`
applies it to a stated figure and its step.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from importlib import resources
from typing import Literal

from ..errors import InputError
from ..intervals import Interval

__all__ = ["PHRASES", "QUALIFIER_PHRASES", "READINGS", "QualifierRule", "Reading", "qualifier_rules"]

Reading = Literal["lenient", "strict"]
READINGS = ("lenient", "strict")
_BOUND = re.compile(r"\s*([\[(])\s*([^,]+?)\s*,\s*([^,\])]+?)\s*([\])])\s*")
#: The terms a rule's bounds are written with, each as (base, sign of the step, parts of the step).
_TERMS = {
    "0": ("0", 0, 1), "X": ("X", 0, 1), "X-s": ("X", -1, 1), "X+s": ("X", 1, 1), "X-s/2": ("X", -1, 2),
    "X+s/2": ("X", 1, 2), "Y": ("Y", 0, 1), "Y+s": ("Y", 1, 1), "Y+s/2": ("Y", 1, 2),
}  # fmt: skip


@dataclass(frozen=True)
class QualifierRule:
    """One row of the qualifier table: its phrases and the two readings as interval templates."""

    key: str
    phrases: tuple[str, ...]
    lenient: str
    strict: str
    meaning: str

    def __post_init__(self) -> None:
        bounds = {}
        for reading, template in zip(READINGS, (self.lenient, self.strict), strict=True):
            match = _BOUND.fullmatch(template)
            if match is None or match[2] not in _TERMS or match[3] not in _TERMS:
                raise InputError(f"qualifier {self.key!r}: cannot read the rule {template!r}")
            bounds[reading] = (_TERMS[match[2]], _TERMS[match[3]], match[1] == "(", match[4] == ")")
        object.__setattr__(self, "_bounds", bounds)  # each template read once, not on every figure
        object.__setattr__(self, "never_empty", all(_never_empty(*bounds[r]) for r in READINGS))

    def interval(
        self,
        x: Fraction,
        step: Fraction,
        reading: Reading = "lenient",
        *,
        y: Fraction | None = None,
        y_step: Fraction | None = None,
    ) -> Interval:
        """The interval this rule allows for figure ``x`` (and ``y`` for ranges) stated to ``step``."""
        return Interval(*self.bounds(x, step, reading, y=y, y_step=y_step))

    def bounds(
        self,
        x: Fraction,
        step: Fraction,
        reading: Reading = "lenient",
        *,
        y: Fraction | None = None,
        y_step: Fraction | None = None,
    ) -> tuple[Fraction, Fraction, bool, bool]:
        """The ends of :meth:`interval` and whether each is open (low, high, low open, high open)."""
        if reading not in READINGS:
            raise InputError(f"unknown reading {reading!r}; choose lenient or strict")
        low_term, high_term, low_open, high_open = self._bounds[reading]  # type: ignore[attr-defined]
        y = x if y is None else y
        y_step = step if y_step is None else y_step
        low = _term(low_term, x, step, y, y_step)
        if (low.numerator < 0) if type(low) is Fraction else low < 0:
            low = Fraction(0)
        return low, _term(high_term, x, step, y, y_step), low_open, high_open


def _term(term: tuple[str, int, int], x: Fraction, step: Fraction, y: Fraction, y_step: Fraction) -> Fraction:
    """One bound of a rule: ``base + sign * s / halves``, with exact integer arithmetic on the parts."""
    base, sign, halves = term
    if base == "0":
        return Fraction(0)
    value, s = (x, step) if base == "X" else (y, y_step)
    if not sign:
        return value
    if not (isinstance(value, _RATIONAL) and isinstance(s, _RATIONAL)):
        return value + sign * s / halves  # type: ignore[no-any-return]
    vn, vd, sn, sd = value.numerator, value.denominator, s.numerator, s.denominator * halves
    if vd == 1 and sd == 1:
        return Fraction(vn + sign * sn)
    return Fraction(vn * sd + sign * sn * vd, vd * sd)


_RATIONAL = (Fraction, int)


def _never_empty(low: tuple[str, int, int], high: tuple[str, int, int], low_open: bool, high_open: bool) -> bool:
    """Whether bounds of these terms leave some value for every one figure X > 0 stated to a step s > 0.

    The low end is max(0, low term). With X > 0 and s > 0: a high end of X plus a non-negative part
    of s is above 0, and above a low end of X with a smaller part of s (or of 0); with the same part
    of s, the two ends meet, which leaves a value only when both are closed. Anything else is not
    known to be safe (and is computed figure by figure).
    """
    if high[0] != "X" or high[1] < 0 or low[0] not in ("0", "X"):
        return False
    if low[0] == "0":
        return True
    low_part, high_part = Fraction(low[1], low[2]), Fraction(high[1], high[2])
    return low_part < high_part or (low_part == high_part and not (low_open or high_open))


@lru_cache(maxsize=1)
def qualifier_rules() -> dict[str, QualifierRule]:
    """The qualifier table, keyed by rule name (``none``, ``nearly``, ``more_than`` …)."""
    data = tomllib.loads(resources.files("doseconv").joinpath("data", "qualifiers.toml").read_text("utf-8"))
    return {
        key: QualifierRule(key, tuple(row["phrases"]), row["lenient"], row["strict"], row["meaning"])
        for key, row in data.items()
    }


def _phrase_index() -> dict[str, str]:
    return {phrase: key for key, rule in qualifier_rules().items() for phrase in rule.phrases}


#: Each qualifier phrase (lower case) and the rule it names.
PHRASES = _phrase_index()
#: Every qualifier phrase, lower case, longest first (so "just under" wins over "under").
QUALIFIER_PHRASES: tuple[str, ...] = tuple(sorted(PHRASES, key=len, reverse=True))

"""Shares and purities as published ("10%", "0.1518", "6 in 10", "six out of ten"), read as exact fractions of one."""

from __future__ import annotations

import re
from fractions import Fraction

from ..errors import InputError
from ..limits import check_digits
from .numbers import NUMBER_PATTERN, parse_number, refuse_common
from .textnorm import normalize

__all__ = ["parse_share"]

# "6 in 10", "six out of ten", "two out of every five": a share as DEA's releases word it.
_RATIO = re.compile(
    rf"(?P<part>{NUMBER_PATTERN})\s+(?:in|out\s+of)(?:\s+every)?\s+(?P<whole>{NUMBER_PATTERN})", re.IGNORECASE
)


def parse_share(text: str, *, what: str = "purity") -> Fraction:
    """Read a share or purity ("10%", "0.1", "15.18 percent", "6 in 10", "six out of ten") as an exact fraction of one.

    >>> parse_share("10%")
    Fraction(1, 10)
    >>> parse_share("0.1518")
    Fraction(759, 5000)
    >>> parse_share("6 in 10"), parse_share("two out of five"), parse_share("seven out of every ten")
    (Fraction(3, 5), Fraction(2, 5), Fraction(7, 10))
    >>> parse_share("150%")
    Traceback (most recent call last):
    ...
    doseconv.errors.InputError: purity '150%' is above 100 %; give a value from 0% to 100% (or 0 to 1)
    """
    raw = normalize(text).text.strip()
    check_digits(raw)
    ratio = _RATIO.fullmatch(raw)
    if ratio is not None:
        part, whole = parse_number(ratio["part"]), parse_number(ratio["whole"])
        if whole == 0 or part > whole:
            raise InputError(f"{what} {text!r} is not a share; the first figure must be at most the second")
        return Fraction(part) / Fraction(whole)
    match = re.fullmatch(r"(?P<number>[0-9.,]+(?:[eE][+-]?\d+)?)\s*(?P<pct>%|percent|per cent)?", raw)
    if match is None:
        refuse_common(raw)
        raise InputError(f"cannot read {what} {text!r}; give a value such as 10%, 0.1 or '6 in 10'")
    try:
        value = parse_number(match["number"])
    except InputError:
        raise InputError(f"cannot read {what} {text!r}; give a value such as 10%, 0.1 or '6 in 10'") from None
    share = Fraction(value) / 100 if match["pct"] else Fraction(value)
    if share > 1:
        if match["pct"]:
            raise InputError(f"{what} {text!r} is above 100 %; give a value from 0% to 100% (or 0 to 1)")
        raise InputError(f"{what} {text!r} is above 1 and has no % sign; write {text}% or {value / 100}")
    return share

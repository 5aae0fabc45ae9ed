"""The one place that bounds numbers before doseconv converts them, and the exact Decimal context.

Python refuses to turn an int of more than 4,300 digits into text, and a figure such as
"1e<5000 digits>" would take an exponent of that size. Every reader and every formatter checks
its input here first, so such input is an :class:`~doseconv.errors.InputError` naming the limit.
"""

from __future__ import annotations

import re
from contextlib import AbstractContextManager
from decimal import Context, Decimal, DivisionByZero, Inexact, InvalidOperation, Overflow, localcontext
from fractions import Fraction

from .errors import InputError

__all__ = ["MAX_DIGITS", "MAX_EXPONENT", "check_digits", "check_exponent", "check_value", "exact_context"]

#: Digits a number may have (in its text, or in an int, numerator or denominator given to the library).
MAX_DIGITS = 4300
#: A figure's power of ten may lie from -18 to 18: no seizure is larger than 10^18 of anything.
MAX_EXPONENT = 18

_LONG_RUN = re.compile(rf"\d{{{MAX_DIGITS + 1}}}")
_BITS = 14285  # 2**14285 > 10**4300 > 2**14284: ints of more bits have more than 4,300 digits


def check_digits(text: str) -> None:
    """Refuse text holding a run of more than ``MAX_DIGITS`` digits (one linear scan).

    >>> check_digits("6500 lb")
    >>> check_digits("1" * 5000)
    Traceback (most recent call last):
    ...
    doseconv.errors.InputError: a number of more than 4,300 digits ('11111111'…); doseconv reads numbers of up to 4,300 digits
    """
    match = _LONG_RUN.search(text)
    if match is not None:
        raise InputError(
            f"a number of more than {MAX_DIGITS:,} digits ({text[match.start() : match.start() + 8]!r}…); "
            f"doseconv reads numbers of up to {MAX_DIGITS:,} digits"
        )


def check_exponent(digits: str, written: str) -> int:
    """The exponent written as ``digits`` ("+6", "-3"), refused beyond ``MAX_EXPONENT`` before any conversion."""
    sign = -1 if digits.startswith("-") else 1
    body = digits.lstrip("+-").lstrip("0") or "0"
    if len(body) > 2 or int(body) > MAX_EXPONENT:
        raise InputError(f"{_short(written)!r} is out of range; doseconv accepts figures up to 10^{MAX_EXPONENT}")
    return sign * int(body)


def _int_too_long(value: int) -> bool:
    bits = abs(value).bit_length()
    return bits > _BITS or (bits == _BITS and abs(value) >= 10**MAX_DIGITS)


def check_value(value: object, what: str = "number") -> None:
    """Refuse an int, Fraction or Decimal with more than ``MAX_DIGITS`` digits (or such an exponent).

    >>> check_value(10**4299)
    >>> check_value(10**4300)
    Traceback (most recent call last):
    ...
    doseconv.errors.InputError: number has more than 4,300 digits; doseconv reads numbers of up to 4,300 digits
    """
    kind = type(value)
    if kind is Fraction:  # the usual case, checked without a call per part
        if value.numerator.bit_length() < _BITS and value.denominator.bit_length() < _BITS:  # type: ignore[attr-defined]
            return
    elif kind is int and value.bit_length() < _BITS:  # type: ignore[attr-defined]
        return
    too_long = False
    if isinstance(value, bool):
        return
    if isinstance(value, int):
        too_long = _int_too_long(value)
    elif isinstance(value, Fraction):
        too_long = _int_too_long(value.numerator) or _int_too_long(value.denominator)
    elif isinstance(value, Decimal) and value.is_finite():
        parts = value.as_tuple()
        digits, exponent = len(parts.digits), parts.exponent
        assert isinstance(exponent, int)
        too_long = digits > MAX_DIGITS or abs(exponent) > MAX_DIGITS
    if too_long:
        raise InputError(
            f"{what} has more than {MAX_DIGITS:,} digits; doseconv reads numbers of up to {MAX_DIGITS:,} digits"
        )


def exact_context() -> AbstractContextManager[Context]:
    """A local Decimal context wide enough for any bounded figure, that raises rather than round.

    >>> with exact_context():
    ...     Decimal("1234567890123456789012345678901234567891") * 10
    Decimal('12345678901234567890123456789012345678910')
    """
    return localcontext(_EXACT)


#: The context of :func:`exact_context`, made once (``localcontext`` works on a copy of it).
_EXACT = Context(
    prec=3 * MAX_DIGITS,
    Emax=10 * MAX_DIGITS,
    Emin=-10 * MAX_DIGITS,
    traps=[InvalidOperation, DivisionByZero, Overflow, Inexact],
)


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "…"

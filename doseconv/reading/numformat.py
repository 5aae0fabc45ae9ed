"""Exact rounding and display of newsroom numbers: one rounding policy, grouped digits, words.

Every function checks its input against :mod:`doseconv.limits` first and does its Decimal work
in :func:`doseconv.limits.exact_context`, so a figure of any bounded size is rounded once and
exactly (never again by the default 28-digit context).
"""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any, Literal

from ..errors import InputError
from ..limits import check_digits, check_value, exact_context

__all__ = [
    "CLAIM_DIGITS",
    "DEFAULT_ROUNDING",
    "DESCRIBE_STYLES",
    "Rounding",
    "as_fraction",
    "decimal_or_fraction",
    "describe",
    "exact_fraction",
    "exact_text",
    "format_count",
    "format_grouped",
    "format_words",
    "format_words_exactly",
    "round_to",
    "to_decimal",
]

Rounding = Literal["half-up", "half-even"]

#: The rounding every displayed figure uses unless a caller asks for another.
DEFAULT_ROUNDING: Rounding = "half-up"

_MODES = {"half-up": ROUND_HALF_UP, "half-even": ROUND_HALF_EVEN}


def to_decimal(value: Decimal | Fraction | int | str) -> Decimal:
    """An exact Decimal for a value known to terminate (raises ValueError otherwise)."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        check_value(value)
        return Decimal(value)
    if isinstance(value, str):
        check_digits(value)
        return Decimal(value)
    fraction = Fraction(value)
    text = exact_text(fraction)
    if "/" in text:
        raise ValueError(f"{fraction} has no finite decimal expansion")
    return Decimal(text)


def as_fraction(value: Decimal | Fraction | int) -> Fraction:
    """An exact Fraction of a Decimal, Fraction or int."""
    return value if isinstance(value, Fraction) else Fraction(value)


def exact_text(value: Fraction | Decimal | int) -> str:
    """The exact value as text: a plain decimal when it terminates, else ``p/q``.

    >>> exact_text(Fraction(589670081, 200000))
    '2948.350405'
    >>> exact_text(Fraction(1, 3))
    '1/3'
    >>> exact_text(Decimal("1.93E+8"))
    '193000000'
    """
    check_value(value)
    if type(value) is int:
        return str(value)
    if isinstance(value, Decimal) and value.is_finite():
        return _decimal_text(value)
    numerator, denominator = _ratio(value)
    rest = denominator
    twos = fives = 0
    while rest % 2 == 0:
        rest //= 2
        twos += 1
    while rest % 5 == 0:
        rest //= 5
        fives += 1
    if rest != 1:
        return f"{numerator}/{denominator}"
    places = max(twos, fives)
    digits = str(abs(numerator) * (10**places // denominator)).rjust(places + 1, "0")
    sign = "-" if numerator < 0 else ""
    if places == 0:
        return sign + digits
    whole, frac = digits[:-places], digits[-places:].rstrip("0")
    return sign + whole + ("." + frac if frac else "")


def _decimal_text(value: Decimal) -> str:
    """A finite Decimal as plain digits, trailing zeros dropped, zero unsigned (as :func:`exact_text`)."""
    with exact_context():
        text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _ratio(value: Decimal | Fraction | int) -> tuple[int, int]:
    """(numerator, denominator) of an exact value, the denominator positive, without making a Fraction."""
    if type(value) is Fraction:
        return value.numerator, value.denominator
    if type(value) is int:
        return value, 1
    if isinstance(value, Decimal):
        return value.as_integer_ratio()
    fraction = Fraction(value)
    return fraction.numerator, fraction.denominator


def decimal_or_fraction(value: Fraction | Decimal | int) -> Decimal | Fraction:
    """A Decimal when the value terminates, else the Fraction itself."""
    text = exact_text(value)
    return as_fraction(value) if "/" in text else Decimal(text)


def round_to(
    value: Decimal | Fraction | int, step: Decimal | int | str = 1, mode: Rounding = DEFAULT_ROUNDING
) -> Decimal:
    """Round exactly to a multiple of ``step``; ties go up (away from zero) or to even.

    >>> round_to(Fraction(58967008100, 400), 1)
    Decimal('147417520')
    >>> round_to(Decimal("2.5"), 1), round_to(Decimal("2.5"), 1, "half-even")
    (Decimal('3'), Decimal('2'))
    >>> round_to(Decimal("192638011"), Decimal("1E+6"))
    Decimal('1.93E+8')
    """
    if mode not in _MODES:
        raise InputError(f"unknown rounding {mode!r}; choose half-up or half-even")
    check_value(value)
    step, step_numerator, step_denominator = _step(step)
    numerator, denominator = _ratio(value)
    whole = denominator * step_numerator  # value / step = numerator * step_denominator / whole
    floor, remainder = divmod(numerator * step_denominator, whole)
    twice = 2 * remainder
    if twice > whole:
        n = floor + 1
    elif twice < whole:
        n = floor
    elif mode == "half-even":
        n = floor + (floor % 2)
    else:  # half-up: ties away from zero
        n = floor + 1 if numerator >= 0 else floor
    result = _times(n, step)
    return result if result != 0 else Decimal(0)


#: Decimal steps already checked, by their text (so 0.010 and 0.01 stay apart): step, numerator, denominator.
_STEPS: dict[str, tuple[Decimal, int, int]] = {}


def _step(step: Decimal | int | str) -> tuple[Decimal, int, int]:
    """A rounding step as a Decimal and its exact ratio, checked (the Decimal steps in use are remembered)."""
    if not isinstance(step, Decimal):
        return _checked_step(step)
    key = str(step)
    found = _STEPS.get(key)
    if found is None:
        found = _checked_step(step)
        if len(_STEPS) < 256:
            _STEPS[key] = found
    return found


def _checked_step(step: Decimal | int | str) -> tuple[Decimal, int, int]:
    if not isinstance(step, Decimal):
        with exact_context():
            step = Decimal(step)
    check_value(step, "rounding step")
    if step <= 0:
        raise InputError(f"rounding step must be positive, not {step}")
    return (step, *step.as_integer_ratio())


def _times(n: int, step: Decimal) -> Decimal:
    """n x step, exactly: a step of one digit (1, 1E-2, 1E+6) only shifts n; others multiply in the exact context."""
    sign, digits, exponent = step.as_tuple()
    if digits == (1,) and not sign and isinstance(exponent, int):
        return Decimal(n).scaleb(exponent) if abs(n) < 10**25 else _exact_product(n, step)
    return _exact_product(n, step)


def _exact_product(n: int, step: Decimal) -> Decimal:
    with exact_context():
        return Decimal(n) * step


def format_grouped(value: Decimal | Fraction | int, places: int | None = None) -> str:
    """Digits grouped in threes; ``places`` rounds (half-up) to that many decimals first.

    >>> format_grouped(Decimal("2948.350405"))
    '2,948.350405'
    >>> format_grouped(Fraction(1474175202.5), 0)
    '1,474,175,203'
    >>> format_grouped(Decimal("1.93E+8"))
    '193,000,000'
    """
    if places is not None:
        value = round_to(value, Decimal(1).scaleb(-places))
    text = exact_text(value)
    if "/" in text:
        text = exact_text(round_to(value, Decimal("1E-6")))
    sign = "-" if text.startswith("-") else ""
    text = text.lstrip("-")
    whole, _, frac = text.partition(".")
    grouped = f"{int(whole):,}"
    return sign + grouped + ("." + frac if frac else "")


def format_words(value: Decimal | Fraction | int, decimals: int = 1, mode: Rounding = DEFAULT_ROUNDING) -> str:
    """Millions and billions in words, rounded to ``decimals`` places ("147.4 million").

    Below a million the figure is written in grouped digits. Trailing zeros are dropped.

    >>> format_words(Decimal("147417520.25"))
    '147.4 million'
    >>> format_words(Decimal("1474175202.5"), 2)
    '1.47 billion'
    >>> format_words(Decimal("999950000"))
    '1 billion'
    >>> format_words(Decimal("6500"))
    '6,500'
    """
    return format_words_exactly(value, decimals, mode)[0]


def format_words_exactly(
    value: Decimal | Fraction | int, decimals: int = 1, mode: Rounding = DEFAULT_ROUNDING
) -> tuple[str, Decimal]:
    """:func:`format_words`'s text and the exact value that text writes.

    >>> format_words_exactly(Decimal("147417520.25"))
    ('147.4 million', Decimal('1.474E+8'))
    """
    check_value(value)
    numerator, denominator = _ratio(value)
    index = None  # the largest word the figure reaches
    for i, (_, power) in enumerate(_WORDS):
        if numerator >= denominator * 10**power:
            index = i
    if index is None:
        rounded = round_to(value, Decimal(1).scaleb(-decimals), mode)
        if rounded < 1_000_000:
            return format_grouped(rounded), rounded
        index = 0  # 999,999.96 rounds up to a million
    while True:
        word, power = _WORDS[index]
        # rounded to ``decimals`` places of the word: the same n as rounding value / 10**power, so
        # ``written`` is the figure and ``scaled`` the number before the word
        written = round_to(value, Decimal(1).scaleb(power - decimals), mode)
        with exact_context():
            scaled = written.scaleb(-power)
        if scaled >= 1000 and index + 1 < len(_WORDS):
            index += 1  # 999.95 million is written "1 billion"
            continue
        return f"{_plain(scaled)} {word}", written


_WORDS = (("million", 6), ("billion", 9), ("trillion", 12))


def _plain(value: Decimal) -> str:
    text = exact_text(value)
    whole, _, frac = text.partition(".")
    return f"{int(whole):,}" + ("." + frac if frac else "")


def format_count(value: Decimal | Fraction | int, mode: Rounding = DEFAULT_ROUNDING) -> str:
    """Show a count of pills or doses: whole units, in words when that loses nothing.

    >>> format_count(Decimal("30800000"))
    '30.8 million'
    >>> format_count(Fraction(58967008100, 400))
    '147,417,520'
    >>> format_count(386)
    '386'
    """
    whole = round_to(value, 1, mode)
    if whole >= 1_000_000:
        for word, power in (("billion", 9), ("million", 6)):
            with exact_context():
                scaled = whole.scaleb(-power)
            if 1 <= scaled < 1000 and scaled == round_to(scaled, Decimal("0.001")):
                return f"{_plain(scaled)} {word}"
    return format_grouped(whole)


def exact_fraction(value: Any, what: str = "value") -> Fraction:
    """An exact Fraction of a scalar (int, Fraction, Decimal, float, numpy scalar), zero or more.

    Floats are read through their shortest repr, not their binary value.

    >>> exact_fraction(0.1)
    Fraction(1, 10)
    >>> exact_fraction(-2, "purity")
    Traceback (most recent call last):
    ...
    doseconv.errors.InputError: purity -2 is negative; figures must be zero or more
    """
    if isinstance(value, bool):
        raise InputError(f"{what} must be a number, not {value!r}")
    if isinstance(value, (int, Fraction)):
        result = Fraction(value)
    elif isinstance(value, Decimal):
        if not value.is_finite():
            raise InputError(f"{what} {value} is not a finite number")
        result = Fraction(value)
    elif isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise InputError(f"{what} {value} is not a finite number")
        result = Fraction(Decimal(repr(value)))
    elif hasattr(value, "item") and getattr(value, "ndim", 1) == 0:  # numpy scalar
        return exact_fraction(value.item(), what)
    else:
        raise InputError(f"{what} must be a number, a numpy array or a pandas Series, not {type(value).__name__}")
    check_value(result, what)
    if result < 0:
        raise InputError(f"{what} {value} is negative; figures must be zero or more")
    return result


#: A claimed total is read to at least this many significant digits ("a million" is 0.95 to 1.05 million).
CLAIM_DIGITS = 2
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
    from .numbers import parse_number

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

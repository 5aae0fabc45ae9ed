"""Read and write newsroom numbers exactly: "44 million", "6,500", "two", "10%"; one rounding policy.

Numbers are read into :class:`decimal.Decimal` from their text, never through float. The
precision of a stated figure (the step of its last stated digit) is kept: "193 million" is
stated to the million, "738.5 million" to the hundred thousand, "6,500" to the hundred.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any, Literal

from .errors import InputError

__all__ = [
    "DEFAULT_ROUNDING",
    "MAX_FIGURE",
    "Rounding",
    "as_fraction",
    "decimal_or_fraction",
    "exact_fraction",
    "exact_text",
    "format_count",
    "format_grouped",
    "format_words",
    "parse_number",
    "parse_share",
    "round_to",
    "split_number",
    "step_of",
    "to_decimal",
]

Rounding = Literal["half-up", "half-even"]

#: The rounding every displayed figure uses unless a caller asks for another.
DEFAULT_ROUNDING: Rounding = "half-up"

#: Figures above this are refused: no seizure is that large, and a float could not carry it.
MAX_FIGURE = Decimal(10) ** 18

_MODES = {"half-up": ROUND_HALF_UP, "half-even": ROUND_HALF_EVEN}

SCALE_WORDS = {"thousand": 3, "million": 6, "billion": 9, "trillion": 12}
_SMALL_WORDS = {
    "zero": 0, "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
}  # fmt: skip
_WORD_NUMBER = "|".join(sorted([*_SMALL_WORDS, "hundred", *SCALE_WORDS], key=len, reverse=True))

# Digits: grouped with commas in threes, or plain; an optional fraction; an optional exponent.
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+"
NUMBER_PATTERN = (
    rf"(?:(?:{_DIGITS})(?:[eE][+-]?\d+)?(?:\s*(?:{'|'.join(SCALE_WORDS)})\b)?"
    rf"|(?:\b(?:{_WORD_NUMBER})\b(?:[\s-]+(?:and[\s-]+)?(?:{_WORD_NUMBER})\b)*))"
)
_NUMBER_AT_START = re.compile(rf"\s*(?P<number>{NUMBER_PATTERN})", re.IGNORECASE)
_MONEY = re.compile(r"[$€£¥]|\b(?:usd|us\$|dollars?|euros?|pounds sterling)\b", re.IGNORECASE)
_NOT_FINITE = re.compile(r"^\s*[+-]?\s*(?:nan|inf|infinity)\b", re.IGNORECASE)


def _refuse_common(text: str) -> None:
    if _MONEY.search(text):
        raise InputError(f"{text!r} is money, not a quantity of drugs; give pills, a mass or doses")
    if _NOT_FINITE.match(text):
        raise InputError(f"{text!r} is not a finite number; write a figure such as 6500 or 44 million")
    if re.match(r"^\s*-\s*[\d.]", text):
        raise InputError(f"{text!r} is negative; seizure figures must be zero or more")


def _words_value(words: str) -> Decimal:
    total = 0
    current = 0
    for word in re.split(r"[\s-]+", words.lower()):
        if word == "and":
            continue
        if word in _SMALL_WORDS:
            if word in ("a", "an") and current:
                raise InputError(f"cannot read the number {words!r}")
            current += _SMALL_WORDS[word]
        elif word == "hundred":
            current = (current or 1) * 100
        else:
            total += (current or 1) * 10 ** SCALE_WORDS[word]
            current = 0
    return Decimal(total + current).normalize()


def _number_value(raw: str) -> Decimal:
    match = re.fullmatch(
        rf"(?P<digits>{_DIGITS})(?P<exp>[eE][+-]?\d+)?\s*(?P<scale>{'|'.join(SCALE_WORDS)})?",
        raw.strip(),
        re.IGNORECASE,
    )
    if match is None:
        return _words_value(raw)
    value = Decimal(match["digits"].replace(",", ""))
    if "." not in match["digits"] and value:
        # Trailing zeros of a whole number are read as rounding: keep them in the exponent,
        # so that "6,500" is Decimal('6.5E+3'), stated to the hundred.
        value = value.normalize()
    if match["exp"]:
        exponent = int(match["exp"][1:])
        if abs(exponent) > 18:
            raise InputError(f"{raw!r} is out of range; doseconv accepts figures up to 10^18")
        value = value.scaleb(exponent)
    if match["scale"]:
        value = value.scaleb(SCALE_WORDS[match["scale"].lower()])
    return value


def split_number(text: str) -> tuple[Decimal, str]:
    """Read the number at the start of ``text``; return it and the rest of the text.

    >>> split_number("44 million pills")
    (Decimal('4.4E+7'), 'pills')
    >>> split_number("ten pounds")
    (Decimal('1E+1'), 'pounds')
    >>> split_number("4,535.9237 kg")
    (Decimal('4535.9237'), 'kg')
    """
    _refuse_common(text)
    match = _NUMBER_AT_START.match(text)
    if match is None:
        raise InputError(f"no number at the start of {text!r}; write a figure such as '6500 lb' or '44 million pills'")
    value = _number_value(match["number"])
    if value > MAX_FIGURE:
        raise InputError(f"{match['number']!r} is out of range; doseconv accepts figures up to 10^18")
    return value, text[match.end() :].strip()


def parse_number(text: str) -> Decimal:
    """Read a whole newsroom number exactly.

    >>> parse_number("6,500")
    Decimal('6.5E+3')
    >>> parse_number("738.5 million")
    Decimal('7.385E+8')
    >>> parse_number("1.47 billion")
    Decimal('1.47E+9')
    >>> parse_number("twenty-five thousand")
    Decimal('2.5E+4')
    >>> parse_number("6,50")
    Traceback (most recent call last):
    ...
    doseconv.errors.InputError: cannot read '6,50' as a number; write e.g. 6500, 6,500, 1.3 million or two
    """
    if not text.strip():
        raise InputError("empty number; write e.g. 6500, 6,500, 1.3 million or two")
    value, rest = split_number(text)
    if rest:
        raise InputError(f"cannot read {text!r} as a number; write e.g. 6500, 6,500, 1.3 million or two")
    return value


def step_of(value: Decimal, *, exact: bool = False) -> Decimal:
    """The step of the last stated digit of a figure: its precision as printed.

    The step is read off the Decimal's exponent, which :func:`parse_number` sets from the
    text: trailing zeros of a whole number count as rounding ("6,500" is stated to the
    hundred), digits after a point are all stated ("1.30 million" is stated to the ten
    thousand). A figure known to be exact has a step of one unit of its last digit.

    >>> step_of(parse_number("193 million"))
    Decimal('1E+6')
    >>> step_of(parse_number("738.5 million"))
    Decimal('1E+5')
    >>> step_of(parse_number("6,500"))
    Decimal('1E+2')
    >>> step_of(parse_number("6,500"), exact=True)
    Decimal('1')
    >>> step_of(Decimal("4535.9237"))
    Decimal('0.0001')
    >>> step_of(parse_number("1.30 million"))
    Decimal('1E+4')
    >>> step_of(Decimal("0"))
    Decimal('1')
    """
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    if exact:
        return Decimal(1).scaleb(min(exponent, 0))
    return Decimal(1).scaleb(exponent)


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
    raw = text.strip()
    ratio = _RATIO.fullmatch(raw)
    if ratio is not None:
        part, whole = parse_number(ratio["part"]), parse_number(ratio["whole"])
        if whole == 0 or part > whole:
            raise InputError(f"{what} {text!r} is not a share; the first figure must be at most the second")
        return Fraction(part) / Fraction(whole)
    match = re.fullmatch(r"(?P<number>[0-9.,]+(?:[eE][+-]?\d+)?)\s*(?P<pct>%|percent|per cent)?", raw)
    if match is None:
        _refuse_common(raw)
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


def to_decimal(value: Decimal | Fraction | int | str) -> Decimal:
    """An exact Decimal for a value known to terminate (raises ValueError otherwise)."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, str):
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
    fraction = as_fraction(value)
    denominator = fraction.denominator
    twos = fives = 0
    while denominator % 2 == 0:
        denominator //= 2
        twos += 1
    while denominator % 5 == 0:
        denominator //= 5
        fives += 1
    if denominator != 1:
        return f"{fraction.numerator}/{fraction.denominator}"
    places = max(twos, fives)
    scaled = fraction * 10**places
    assert scaled.denominator == 1
    digits = str(abs(scaled.numerator)).rjust(places + 1, "0")
    sign = "-" if fraction < 0 else ""
    if places == 0:
        return sign + digits
    whole, frac = digits[:-places], digits[-places:].rstrip("0")
    return sign + whole + ("." + frac if frac else "")


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
    step = Decimal(step)
    if step <= 0:
        raise InputError(f"rounding step must be positive, not {step}")
    quotient = as_fraction(value) / as_fraction(step)
    floor = quotient.numerator // quotient.denominator
    remainder = quotient - floor
    if remainder > Fraction(1, 2):
        n = floor + 1
    elif remainder < Fraction(1, 2):
        n = floor
    elif mode == "half-even":
        n = floor + (floor % 2)
    else:  # half-up: ties away from zero
        n = floor + 1 if quotient >= 0 else floor
    result = Decimal(n) * step
    return result if result != 0 else Decimal(0)


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
    fraction = as_fraction(value)
    words = (("million", 6), ("billion", 9), ("trillion", 12))
    index = max((i for i, (_, power) in enumerate(words) if fraction >= 10**power), default=None)
    if index is None:
        rounded = round_to(fraction, Decimal(1).scaleb(-decimals), mode)
        if rounded < 1_000_000:
            return format_grouped(rounded)
        index = 0  # 999,999.96 rounds up to a million
    while True:
        word, power = words[index]
        scaled = round_to(fraction / 10**power, Decimal(1).scaleb(-decimals), mode)
        if scaled >= 1000 and index + 1 < len(words):
            index += 1  # 999.95 million is written "1 billion"
            continue
        return f"{_plain(scaled)} {word}"


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
    if result < 0:
        raise InputError(f"{what} {value} is negative; figures must be zero or more")
    return result

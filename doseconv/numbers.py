"""Read and write newsroom numbers exactly: "44 million", "6,500", "two", "10%"; one rounding policy.

Numbers are read into :class:`decimal.Decimal` from their text, never through float. The
precision of a stated figure (the step of its last stated digit) is kept: "193 million" is
stated to the million, "738.5 million" to the hundred thousand, "6,500" to the hundred.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Literal

from .errors import InputError
from .limits import MAX_EXPONENT, check_digits, check_exponent, check_value, exact_context
from .numwords import SCALE_WORDS, read_part, read_words
from .textnorm import normalize

__all__ = [
    "DEFAULT_ROUNDING",
    "MAX_FIGURE",
    "NumberReading",
    "Rounding",
    "as_fraction",
    "decimal_or_fraction",
    "exact_text",
    "format_count",
    "format_grouped",
    "format_words",
    "parse_number",
    "parse_share",
    "read_number",
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


_SUFFIXES = {"k": 3, "m": 6, "b": 9, "bn": 9, "mn": 6, "mil": 6, "mill": 6, "mln": 6, "bln": 9}
_SCALE_AFTER = "|".join([*SCALE_WORDS, "dozen", "mill", "mil", "mln", "mn", "bn", "bln"])
_TAIL = (
    r"(?:(?P<exp>[eE][+-]?\d+)|\^(?P<pow>[+-]?\d+)|\s*[x×]\s*10\^(?P<xpow>[+-]?\d+))?"
    r"(?:(?P<suffix>[kKmMB]|bn|mn|mil|mill|mln|bln)(?![A-Za-z])"
    rf"|\s*(?P<scale>{_SCALE_AFTER})\b)?"
)
_FIGURE_US = re.compile(
    r"(?P<num_only>\d+)/(?P<den_only>\d+)|(?P<whole>\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:(?:[ -]|\s+and\s+)?(?P<num>\d+)/(?P<den>\d+)|\.(?P<frac>\d+))?"
    r"|\.(?P<frac_only>\d+)",
)
_FIGURE_EU = re.compile(
    r"(?P<num_only>\d+)/(?P<den_only>\d+)|(?P<whole>\d{1,3}(?:\.\d{3})+(?!\d)|\d+)(?:(?:[ -]|\s+and\s+)?(?P<num>\d+)/(?P<den>\d+)|,(?P<frac>\d+))?"
    r"|,(?P<frac_only>\d+)",
)
_TAIL_RE = re.compile(_TAIL, re.IGNORECASE)
_HINT = "write e.g. 6500, 6,500, 1.3 million or two"


@dataclass(frozen=True)
class NumberReading:
    """A number read from the start of a text: exact value, the step it is stated to, the rest of the text.

    ``european`` marks a figure such as "10.000" that a European writer would mean as ten
    thousand (one to three digits, a point, exactly three digits, no scale word): a count
    written so is refused by :func:`doseconv.quantity.parse_amount`. ``end`` is where the
    number ends in the original text.
    """

    value: Fraction
    step: Fraction
    rest: str
    end: int
    european: bool = False
    written: str = ""


def _digits_value(match: re.Match[str], tail: re.Match[str], written: str) -> tuple[Fraction, Fraction]:
    """Exact value and step of a figure in digits (its scale and exponent applied)."""
    whole = (match["whole"] or "0").replace(",", "").replace(".", "")
    check_digits(whole + (match["frac"] or match["frac_only"] or ""))  # "1,000,000,…" has no long run
    if match["num"] or match["num_only"]:
        numerator, denominator = int(match["num"] or match["num_only"]), int(match["den"] or match["den_only"])
        if denominator == 0 or (match["num"] and numerator >= denominator):
            raise InputError(f"cannot read {written!r}: write a fraction as 1 1/2 or 3/4")
        value, step = int(whole) + Fraction(numerator, denominator), Fraction(1, denominator)
    else:
        frac = match["frac"] or match["frac_only"] or ""
        with exact_context():
            decimal = Decimal(f"{whole}.{frac}" if frac else whole)
            if not frac and decimal:
                decimal = decimal.normalize()
        exponent = decimal.as_tuple().exponent
        assert isinstance(exponent, int)
        value, step = Fraction(decimal), Fraction(10) ** exponent
    power = (tail["exp"] and tail["exp"][1:]) or tail["pow"] or tail["xpow"]
    if tail["pow"] and (whole != "10" or value != 10):
        raise InputError(f"cannot read {written!r}: only powers of ten are read (10^6); {_HINT}")
    if tail["pow"]:
        value, step = Fraction(1), Fraction(1)
    if power:
        shift = Fraction(10) ** check_exponent(power, written)
        value, step = value * shift, step * shift
    word = (tail["suffix"] or tail["scale"] or "").lower()
    if word:
        factor = 12 if word == "dozen" else 10 ** SCALE_WORDS.get(word, _SUFFIXES.get(word, 0))
        value, step = value * factor, step * (1 if word == "dozen" else factor)
    return value, step


def _comma_problem(text: str, end: int, written: str, decimal_comma: bool) -> None:
    """Refuse a figure followed by a separator that makes it another number in the other style.

    Called where the figure's own grouping ended: a comma after ungrouped digits ("1,5", "6,50",
    "1,5000") is a decimal comma; after grouped digits ("1,500,00") the grouping is wrong.
    """
    mark = "." if decimal_comma else ","
    following = re.compile(r"\d+").match(text, end + 1) if text.startswith(mark, end) else None
    if following is None:
        return
    shown = f"{written}{mark}{following[0]}"
    if decimal_comma:
        raise InputError(
            f"cannot read {shown!r} with decimal commas: a point separates thousands in groups of three there; "
            f"write {shown.replace('.', ',')} or read it without decimal commas"
        )
    if "," not in written:
        raise InputError(
            f"cannot read {shown!r} as a number: a comma before other than three digits is a decimal comma "
            f"(European style); write {shown.replace(',', '.')}, or ask for decimal commas to read it European style"
        )
    raise InputError(f"cannot read {shown!r} as a number: digits grouped wrongly; {_HINT}")


def read_number(text: str, *, decimal_comma: bool = False) -> NumberReading:
    """Read the number at the start of ``text`` exactly, in digits, words or both.

    The text is normalised first (see :mod:`doseconv.textnorm`). ``decimal_comma=True``
    reads European style on purpose: "1,5" is one and a half, "10.000" ten thousand.

    >>> r = read_number("1½ pounds"); r.value, r.step, r.rest
    (Fraction(3, 2), Fraction(1, 2), 'pounds')
    >>> read_number("5k pills").value, read_number("1.3M pills").value, read_number("2.5 mil").value
    (Fraction(5000, 1), Fraction(1300000, 1), Fraction(2500000, 1))
    >>> read_number("1,5 kg", decimal_comma=True).value
    Fraction(3, 2)
    >>> read_number("1,5 kg")
    Traceback (most recent call last):
    ...
    doseconv.errors.InputError: cannot read '1,5' as a number: a comma before other than three digits is a decimal comma (European style); write 1.5, or ask for decimal commas to read it European style
    """
    normal = normalize(text)
    if normal.ambiguous:
        raise InputError(normal.ambiguous[0].message)
    body = normal.text
    check_digits(body)
    _refuse_common(body)
    start = len(body) - len(body.lstrip())
    match = (_FIGURE_EU if decimal_comma else _FIGURE_US).match(body, start)
    european = False
    if match is not None:
        tail = _TAIL_RE.match(body, match.end())
        assert tail is not None
        end = tail.end()
        written = body[start:end]
        _comma_problem(body, match.end(), body[start : match.end()], decimal_comma)
        value, step = _digits_value(match, tail, written)
        european = (
            not decimal_comma
            and re.fullmatch(r"[1-9]\d{0,2}\.\d{3}", body[start : match.end()]) is not None
            and not tail.group()
        )
        part = read_part(body, end) if not tail.group() and value.denominator == 1 else None
        if part is not None:  # "2 and a half kilos"
            value, step, end = value + part.value, min(step, part.step), part.end
    else:
        words = read_words(body, start)
        if words is None:
            raise InputError(
                f"no number at the start of {text!r}; write a figure such as '6500 lb' or '44 million pills'"
            )
        value, step, end = words.value, words.step, words.end
        written = body[start:end]
    if value > MAX_FIGURE:
        raise InputError(f"{written!r} is out of range; doseconv accepts figures up to 10^18")
    if value and value < Fraction(1, 10**MAX_EXPONENT):
        raise InputError(f"{written!r} is out of range; doseconv accepts figures down to 10^-18")
    return NumberReading(value, step, body[end:].strip(), normal.original_span(start, end)[1], european, written)


def _as_decimal(value: Fraction, step: Fraction, written: str) -> Decimal:
    """The value as a Decimal whose exponent is the step (as :func:`step_of` reads it back)."""
    if step.numerator == 1 or step.denominator == 1:
        exponent = len(str(step.numerator)) - 1 if step.denominator == 1 else -(len(str(step.denominator)) - 1)
        if Fraction(10) ** exponent == step and (value / step).denominator == 1:
            with exact_context():
                return Decimal(int(value / step)).scaleb(exponent)
    text = exact_text(value)
    if "/" in text:
        raise InputError(f"{written!r} has no exact decimal form; read it with doseconv.numbers.read_number")
    return Decimal(text)


def split_number(text: str, *, decimal_comma: bool = False) -> tuple[Decimal, str]:
    """Read the number at the start of ``text``; return it and the rest of the text.

    >>> split_number("44 million pills")
    (Decimal('4.4E+7'), 'pills')
    >>> split_number("ten pounds")
    (Decimal('1E+1'), 'pounds')
    >>> split_number("4,535.9237 kg")
    (Decimal('4535.9237'), 'kg')
    """
    reading = read_number(text, decimal_comma=decimal_comma)
    return _as_decimal(reading.value, reading.step, reading.written), reading.rest


def parse_number(text: str, *, decimal_comma: bool = False) -> Decimal:
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
    doseconv.errors.InputError: cannot read '6,50' as a number: a comma before other than three digits is a decimal comma (European style); write 6.50, or ask for decimal commas to read it European style
    """
    if not text.strip():
        raise InputError(f"empty number; {_HINT}")
    value, rest = split_number(text, decimal_comma=decimal_comma)
    if rest:
        raise InputError(f"cannot read {text!r} as a number; {_HINT}")
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


def parse_share(text: str, *, what: str = "purity") -> Fraction:
    """Read a share or purity ("10%", "0.1", "15.18 percent") as an exact fraction of one.

    >>> parse_share("10%")
    Fraction(1, 10)
    >>> parse_share("0.1518")
    Fraction(759, 5000)
    >>> parse_share("150%")
    Traceback (most recent call last):
    ...
    doseconv.errors.InputError: purity '150%' is above 100 %; give a value from 0% to 100% (or 0 to 1)
    """
    raw = normalize(text).text.strip()
    check_digits(raw)
    match = re.fullmatch(r"(?P<number>[0-9.,]+(?:[eE][+-]?\d+)?)\s*(?P<pct>%|percent|per cent)?", raw)
    if match is None:
        _refuse_common(raw)
        raise InputError(f"cannot read {what} {text!r}; give a value such as 10% or 0.1")
    try:
        value = parse_number(match["number"])
    except InputError:
        raise InputError(f"cannot read {what} {text!r}; give a value such as 10% or 0.1") from None
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
    check_value(value)
    with exact_context():
        step = Decimal(step)
    check_value(step, "rounding step")
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
    with exact_context():
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
    check_value(value)
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
            with exact_context():
                scaled = whole.scaleb(-power)
            if 1 <= scaled < 1000 and scaled == round_to(scaled, Decimal("0.001")):
                return f"{_plain(scaled)} {word}"
    return format_grouped(whole)

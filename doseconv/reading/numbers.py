"""Read newsroom numbers exactly: "44 million", "6,500", "two", "1½", "5k", "10%".

Numbers are read exactly from their text (normalised first by :mod:`doseconv.reading.textnorm`,
bounded by :mod:`doseconv.limits`), never through float; words by :mod:`doseconv.reading.numwords`.
Rounding and display live in :mod:`doseconv.reading.numformat` and are re-exported here. The
precision of a stated figure (the step of its last stated digit) is kept: "193 million" is
stated to the million, "738.5 million" to the hundred thousand, "6,500" to the hundred.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from ..errors import InputError, Remedy
from ..limits import MAX_EXPONENT, check_digits, check_exponent, exact_context
from .numformat import (
    DEFAULT_ROUNDING,
    Rounding,
    as_fraction,
    decimal_or_fraction,
    exact_fraction,
    exact_text,
    format_count,
    format_grouped,
    format_words,
    round_to,
    to_decimal,
)
from .numwords import COUNT_WORDS, SCALE_WORDS, read_part, read_words
from .textnorm import Normalized, normalize

__all__ = [
    "DEFAULT_ROUNDING",
    "MAX_FIGURE",
    "NoNumberError",
    "NumberReading",
    "Rounding",
    "as_fraction",
    "decimal_or_fraction",
    "exact_fraction",
    "exact_text",
    "format_count",
    "format_grouped",
    "format_words",
    "parse_number",
    "prepare",
    "read_number",
    "read_number_at",
    "round_to",
    "split_number",
    "step_of",
    "to_decimal",
]

#: Figures above this are refused: no seizure is that large, and a float could not carry it.
MAX_FIGURE = Decimal(10) ** 18
MAX_WHOLE = 10**MAX_EXPONENT  # the same, as an int (MAX_EXPONENT is 18)


_WORD_NUMBER = "|".join(sorted(COUNT_WORDS, key=len, reverse=True))

# Digits: grouped with commas in threes, or plain; an optional fraction; an optional exponent.
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+"
NUMBER_PATTERN = (
    rf"(?:(?:{_DIGITS})(?:[eE][+-]?\d+)?(?:\s*(?:{'|'.join(SCALE_WORDS)})\b)?"
    rf"|(?:\b(?:{_WORD_NUMBER})\b(?:[\s-]+(?:and[\s-]+)?(?:{_WORD_NUMBER})\b)*))"
)
_NUMBER_AT_START = re.compile(rf"\s*(?P<number>{NUMBER_PATTERN})", re.IGNORECASE)
#: The words of money after a figure ("5 million dollars"); with a currency sign, a figure is money.
MONEY_WORDS = r"usd|us\$|dollars?|euros?|pounds sterling"
MONEY = re.compile(rf"[$€£¥]|\b(?:{MONEY_WORDS})\b", re.IGNORECASE)
_NOT_FINITE = re.compile(r"^\s*[+-]?\s*(?:nan|inf|infinity)\b", re.IGNORECASE)
_NEGATIVE = re.compile(r"^\s*-\s*[\d.]")
#: One to three digits, a point and three digits: ten thousand written European style ("10.000").
_EUROPEAN = re.compile(r"[1-9]\d{0,2}\.\d{3}")
#: "and" as the next word: where "2 and a half kilos" may go on (see :func:`doseconv.reading.numwords.read_part`).
_AND_NEXT = re.compile(r"[\s-]*(?i:and)(?![A-Za-z])")


def refuse_common(text: str) -> None:
    if MONEY.search(text):
        raise InputError(f"{text!r} is money, not a quantity of drugs; give pills, a mass or doses")
    if _NOT_FINITE.match(text):
        raise InputError(f"{text!r} is not a finite number; write a figure such as 6500 or 44 million")
    if _NEGATIVE.match(text):
        raise InputError(f"{text!r} is negative; seizure figures must be zero or more")


SUFFIXES = {"k": 3, "m": 6, "b": 9, "bn": 9, "mn": 6, "mil": 6, "mill": 6, "mln": 6, "bln": 9}
SCALE_AFTER = "|".join([*SCALE_WORDS, "dozen", "mill", "mil", "mln", "mn", "bn", "bln"])
_TAIL = (
    r"(?:(?P<exp>[eE][+-]?\d+)|\^(?P<pow>[+-]?\d+)|\s*[x×]\s*10\^(?P<xpow>[+-]?\d+))?"
    r"(?:(?P<suffix>[kKmMB]|bn|mn|mil|mill|mln|bln)(?![A-Za-z])"
    rf"|\s*(?P<scale>{SCALE_AFTER})\b)?"
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

#: The remedy of a figure written European style ("1,5 kg", "6.500 lb"): a reader asked to read decimal commas.
EUROPEAN = Remedy(
    "decimal_comma", ", or read it European style with {decimal_comma}", ", or ask for it to be read European style"
)


@dataclass(frozen=True)
class NumberReading:
    """A number read from the start of a text: exact value, the step it is stated to, the rest of the text.

    ``european`` marks a figure such as "10.000" that a European writer would mean as ten
    thousand (one to three digits, a point, exactly three digits, no scale word): a count
    written so is refused by :func:`doseconv.reading.quantity.parse_amount`. ``end`` is where the
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
        check_digits((match["num"] or match["num_only"]) + (match["den"] or match["den_only"]))
        numerator, denominator = int(match["num"] or match["num_only"]), int(match["den"] or match["den_only"])
        if denominator == 0 or (match["num"] and numerator >= denominator):
            raise InputError(f"cannot read {written!r}: write a fraction as 1 1/2 or 3/4")
        value, step = int(whole) + Fraction(numerator, denominator), Fraction(1, denominator)
    else:
        value, step = _decimal_value(whole, match["frac"] or match["frac_only"] or "")
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
        factor = 12 if word == "dozen" else 10 ** SCALE_WORDS.get(word, SUFFIXES.get(word, 0))
        value, step = value * factor, step * (1 if word == "dozen" else factor)
    return value, step


def _decimal_value(whole: str, frac: str) -> tuple[Fraction, Fraction]:
    """Exact value and step of plain digits ``whole`` (no separators) with decimals ``frac`` (possibly none)."""
    if frac:  # every digit after the point is stated: "1.30" is stated to the hundredth
        scale = 10 ** len(frac)
        return Fraction(int(whole + frac), scale), Fraction(1, scale)
    number = int(whole)  # trailing zeros of a whole number are rounding: "6,500" is stated to the hundred
    return Fraction(number), Fraction(10 ** (len(whole) - len(whole.rstrip("0"))) if number else 1)


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
            f"(European style); write {shown.replace(',', '.')}",
            remedy=EUROPEAN,
        )
    raise InputError(f"cannot read {shown!r} as a number: digits grouped wrongly; {_HINT}")


def prepare(text: str) -> tuple[Normalized, int]:
    """A whole figure's text made ready to read: normalised (:func:`~doseconv.reading.textnorm.normalize`), with
    the refusals every reader of a whole text makes (digits that could be one number or two, too many digits,
    money, a number that is not finite or is negative), and where its first character is."""
    normal = normalize(text)
    if normal.ambiguous:
        raise InputError(normal.ambiguous[0].message)
    body = normal.text
    check_digits(body)
    refuse_common(body)
    return normal, len(body) - len(body.lstrip())


def read_number(text: str, *, decimal_comma: bool = False) -> NumberReading:
    """Read the number at the start of ``text`` exactly, in digits, words or both.

    The text is normalised first (see :mod:`doseconv.reading.textnorm`). ``decimal_comma=True``
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
    doseconv.errors.InputError: cannot read '1,5' as a number: a comma before other than three digits is a decimal comma (European style); write 1.5, or ask for it to be read European style
    """
    normal, start = prepare(text)
    body = normal.text
    reading = _read_at(body, start, decimal_comma, text)
    end = reading.end
    return NumberReading(
        reading.value, reading.step, body[end:].strip(), normal.original_span(start, end)[1], reading.european,
        reading.written,
    )  # fmt: skip


class NoNumberError(InputError):
    """Text that does not start with a number at all (a reader expecting something else can say what it wants)."""


def read_number_at(text: str, start: int, *, decimal_comma: bool = False) -> NumberReading:
    """Read the number at offset ``start`` of text already normalised (:func:`doseconv.reading.textnorm.normalize`).

    For scanners: the text is neither normalised nor copied, so reading every figure of a long
    text costs time in proportion to the figures, not to the text. ``end`` is an offset of the
    normalised text and ``rest`` is left empty.

    >>> text = "seized 4,500kg and two-and-a-half pounds"
    >>> r = read_number_at(text, 7); r.value, text[r.end:]
    (Fraction(4500, 1), 'kg and two-and-a-half pounds')
    >>> read_number_at(text, 19).value
    Fraction(5, 2)
    """
    return _read_at(text, start, decimal_comma, text[start : start + 80])


def _read_at(body: str, start: int, decimal_comma: bool, shown: str) -> NumberReading:
    match = (_FIGURE_EU if decimal_comma else _FIGURE_US).match(body, start)
    european = False
    if match is not None:
        tail = _TAIL_RE.match(body, match.end())
        assert tail is not None
        end = tail.end()
        written = body[start:end]
        _comma_problem(body, match.end(), body[start : match.end()], decimal_comma)
        value, step = _digits_value(match, tail, written)
        european = not decimal_comma and _EUROPEAN.fullmatch(body, start, match.end()) is not None and not tail.group()
        part = None
        if not tail.group() and value.denominator == 1 and _AND_NEXT.match(body, end) is not None:
            part = read_part(body, end)
        if part is not None:  # "2 and a half kilos"
            value, step, end = value + part.value, min(step, part.step), part.end
    else:
        words = read_words(body, start)
        if words is None:
            raise NoNumberError(
                f"no number at the start of {shown!r}; write a figure such as '6500 lb' or '44 million pills'"
            )
        value, step, end = words.value, words.step, words.end
        written = body[start:end]
    numerator, denominator = value.numerator, value.denominator  # compared as integers: exact, and quick
    if numerator > MAX_WHOLE * denominator:
        raise InputError(f"{_short(written)!r} is out of range; doseconv accepts figures up to 10^18")
    if numerator and numerator * MAX_WHOLE < denominator:
        raise InputError(f"{_short(written)!r} is out of range; doseconv accepts figures down to 10^-18")
    return NumberReading(value, step, "", end, european, written)


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "…"


def _as_decimal(value: Fraction, step: Fraction, written: str) -> Decimal:
    """The value as a Decimal whose exponent is the step (as :func:`step_of` reads it back)."""
    if step.numerator == 1 or step.denominator == 1:
        exponent = len(str(step.numerator)) - 1 if step.denominator == 1 else -(len(str(step.denominator)) - 1)
        if Fraction(10) ** exponent == step and (value / step).denominator == 1:
            with exact_context():
                return Decimal(int(value / step)).scaleb(exponent)
    text = exact_text(value)
    if "/" in text:
        raise InputError(f"{written!r} has no exact decimal form; read it with doseconv.reading.numbers.read_number")
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
    doseconv.errors.InputError: cannot read '6,50' as a number: a comma before other than three digits is a decimal comma (European style); write 6.50, or ask for it to be read European style
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

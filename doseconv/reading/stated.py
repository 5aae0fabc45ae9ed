"""Stated figures as intervals: the qualifier table ("nearly", "more than", …) applied to a number's step.

The table lives in ``data/qualifiers.toml`` (documented in docs/methodology.md). A figure
"nearly 193 million doses" becomes the interval of true values the words allow, under a
lenient or a strict reading.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from fractions import Fraction
from typing import Literal

from ..errors import AmbiguousUnitError, DoseconvError, InputError, UnitError
from ..intervals import Interval
from ..limits import check_digits
from ..registry import KNOWN_UNITS_HINT
from .lexicon import unit_of
from .numbers import SCALE_WORDS, NumberReading, exact_text, read_number_at, refuse_common
from .numformat import CLAIM_DIGITS, DESCRIBE_STYLES, describe
from .qualifiers import PHRASES as _PHRASES
from .qualifiers import QUALIFIER_PHRASES, READINGS, QualifierRule, Reading, qualifier_rules
from .quantity import Amount, AmountReading, read_amount_at
from .textnorm import normalize

__all__ = [
    "CLAIM_DIGITS",
    "DESCRIBE_STYLES",
    "QUALIFIER_PHRASES",
    "READINGS",
    "ROLES",
    "QualifierRule",
    "Role",
    "StatedFigure",
    "StatedReading",
    "describe",
    "face_value_step",
    "parse_stated",
    "qualifier_rules",
    "read_stated_at",
    "shared_scale",
    "unit_alternative",
]

#: What a figure is in a claim: a stated input (pills, powder) or the claimed total. A claimed
#: total is read to at least two significant digits (docs/methodology.md, "Face-value reading").
Role = Literal["input", "claim"]
ROLES = ("input", "claim")
#: Trailing zeros written out count as significant up to this many significant digits ("10" is ten).
WRITTEN_ZEROS_UP_TO = 2
_LEADING_DIGITS = re.compile(r"\s*(\d[\d,]*)(\.\d*)?")
_LEADING_WORDS = re.compile(r"\s*([a-z]+(?:[\s-]+[a-z]+)*)", re.IGNORECASE)
_TENS_WORDS = frozenset(("ten", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"))
_SCALE_LIKE = frozenset(("hundred", *SCALE_WORDS))


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


#: Qualifiers a range may take: "10-15 million pills", "between 400,000 and 500,000", "about 20,000-30,000".
_RANGE_QUALIFIERS = frozenset({"none", "between", "exact", "about"})
_QUALIFIER_HERE = re.compile(
    r"(?P<q>" + "|".join(re.escape(p) for p in QUALIFIER_PHRASES) + r")(?:\s+|$)", re.IGNORECASE
)
_RANGE_SEP = re.compile(r"\s*(?:[-–—]|to(?![\w-]))\s*", re.IGNORECASE)
_AND_SEP = re.compile(r"\s*and(?![\w-])\s*", re.IGNORECASE)
_SCALE_WRITTEN = re.compile(rf"\b({'|'.join(SCALE_WORDS)})\b", re.IGNORECASE)


@dataclass(frozen=True)
class StatedReading:
    """A published figure read at a position of normalised text (:func:`read_stated_at`).

    ``figure`` is the figure as the checker takes it, None when its words are refused (``problem`` says why:
    another drug, an ambiguous "tons" or European figure, a range that runs backwards, an interval left
    empty); ``amount`` is the reading of its amount (of a range's upper figure), with its words and drug;
    ``phrase`` is the qualifier as written ("" for none), ``number_start`` where the number starts (after the
    qualifier), ``lower`` a range's lower value.
    """

    start: int
    end: int
    qualifier: str
    phrase: str
    number_start: int
    amount: AmountReading
    lower: Fraction | None
    figure: StatedFigure | None
    problem: DoseconvError | None


def read_stated_at(
    text: str,
    start: int,
    *,
    exact: bool = False,
    default_unit: str | None = None,
    decimal_comma: bool = False,
    other_drugs: bool = False,
    people: bool = False,
    ambiguous_tons: bool = False,
    shown: str | None = None,
) -> StatedReading:
    """The figure at offset ``start`` of normalised text: its qualifier, its number or range and its words, read
    in place (on top of :func:`~doseconv.reading.quantity.read_amount_at`), up to where its words end.

    A text with no number there raises :class:`~doseconv.errors.InputError`, one with no unit (and no
    ``default_unit``) :class:`~doseconv.errors.UnitError`: there is no figure. Words that make a figure the
    checker refuses are kept on the reading as its ``problem`` (another drug is none with ``other_drugs``).
    ``people`` reads a count of people as doses; ``ambiguous_tons`` reads a bare "tons" as short tons without
    refusing it (for a caller that flags it); ``shown`` is the figure's text (else its words as read).

    >>> text = "agents seized more than 6,500 pounds of fentanyl powder last year"
    >>> r = read_stated_at(text, 14); r.figure.qualifier, r.figure.amount.value, text[14 : r.end]
    ('more_than', Fraction(6500, 1), 'more than 6,500 pounds of fentanyl powder')
    >>> read_stated_at("between 10 million to 15 million lethal doses", 0).figure.interval().high
    Fraction(15500000, 1)
    """
    position, phrase, qualifier = start, "", "none"
    match = _QUALIFIER_HERE.match(text, start)
    if match is not None:
        phrase = " ".join(match["q"].lower().split())
        qualifier, position = _PHRASES[phrase], match.end()
    if exact and qualifier == "none":
        qualifier = "exact"
    options = {
        "default_unit": default_unit, "exact": exact, "decimal_comma": decimal_comma, "people": people, "shown": shown,
    }  # fmt: skip
    first = read_number_at(text, position, decimal_comma=decimal_comma)
    if qualifier in _RANGE_QUALIFIERS:
        sep = _RANGE_SEP.match(text, first.end) or (_AND_SEP.match(text, first.end) if qualifier == "between" else None)
        upper = _upper(text, sep.end(), options) if sep is not None else None
        if upper is not None:
            return _range(text, (start, position), phrase, first, upper, exact, (other_drugs, ambiguous_tons), shown)
    amount = read_amount_at(text, position, number=first, **options)  # type: ignore[arg-type]
    figure_text = shown if shown is not None else " ".join(text[start : amount.end].split())
    problem = _problem(amount, other_drugs, ambiguous_tons)
    if qualifier == "between":
        problem = InputError(f"{figure_text!r}: 'between' needs two figures, as in 'between 400,000 and 500,000 doses'")
    figure = None
    if problem is None:
        figure, problem = _checked(StatedFigure(figure_text, qualifier, phrase, amount.amount))
    return StatedReading(start, amount.end, qualifier, phrase, position, amount, None, figure, problem)


def _upper(text: str, position: int, options: Mapping[str, object]) -> AmountReading | None:
    """The upper figure of a range, or None when the words after the separator are no figure."""
    try:
        return read_amount_at(text, position, **{**options, "shown": None})  # type: ignore[arg-type]
    except DoseconvError:
        return None


def _range(
    text: str, starts: tuple[int, int], phrase: str, first: NumberReading, upper: AmountReading, exact: bool,
    allowed: tuple[bool, bool], shown: str | None,
) -> StatedReading:  # fmt: skip
    """ "10-15 million pills", "between 400,000 and 500,000 doses": the scale word of the second figure applies
    to the first; both are stated to the finer step."""
    start, first_start = starts
    factor = shared_scale(first, upper.number)
    value, step = first.value * factor, first.step * factor
    if exact:
        step = min(step, Fraction(1))
    high = upper.amount
    figure_text = shown if shown is not None else " ".join(text[start : upper.end].split())
    lower = Amount(value, high.unit, high.kind, min(step, high.step), " ".join(text[first_start : upper.end].split()))
    problem = _problem(upper, *allowed)
    figure = None
    if problem is None and lower.value > high.value:
        problem = InputError(f"range {figure_text!r} runs backwards; write the smaller figure first")
    if problem is None:
        stated = StatedFigure(figure_text, "between", phrase or "between", lower, high)
        figure, problem = _checked(stated)
    return StatedReading(start, upper.end, "between", phrase, first_start, upper, value, figure, problem)


def shared_scale(first: NumberReading, second: NumberReading) -> int:
    """The factor a range's first number takes from its second: "10-15 million" is 10 million to 15 million.

    >>> from doseconv.reading.numbers import read_number
    >>> shared_scale(read_number("10"), read_number("15 million")), shared_scale(read_number("5k"), read_number("10k"))
    (1000000, 1)
    """
    scale = _SCALE_WRITTEN.search(second.written)
    if scale is None or _SCALE_WRITTEN.search(first.written) is not None or _has_scale(first.written):
        return 1
    return 10 ** SCALE_WORDS[scale[1].lower()]


def _has_scale(written: str) -> bool:
    """Whether a number as written carries its own scale ("5k", "2.5M", "a million")."""
    return any(word in written.lower() for word in SCALE_WORDS) or written[-1:].isalpha()


def _problem(amount: AmountReading, other_drugs: bool, ambiguous_tons: bool) -> DoseconvError | None:
    """Why the figure is refused: its drug words (unless ``other_drugs``), a bare "tons" (unless ``ambiguous_tons``)
    or a European figure; None when nothing is."""
    if amount.refusal is not None and not other_drugs:
        return amount.refusal
    if amount.ambiguous is not None and not ambiguous_tons:
        return AmbiguousUnitError(amount.ambiguous)
    if amount.european is not None:
        return InputError(amount.european, parameter="decimal_comma")
    return None


def _checked(figure: StatedFigure) -> tuple[StatedFigure | None, DoseconvError | None]:
    try:
        return _validated(figure), None
    except DoseconvError as error:
        return None, error


def unit_alternative(stated: StatedFigure, unit_text: str, text: str) -> StatedFigure:
    """The same figure read in another unit of its kind: the number and qualifier kept, the unit swapped (an
    ambiguous "tons" read as metric tonnes beside its short-ton reading).

    >>> tonnes = unit_alternative(parse_stated("4.5 short tons"), "metric tons", "4.5 metric tons")
    >>> tonnes.text, tonnes.amount.unit, tonnes.interval() == parse_stated("4.5 metric tons").interval()
    ('4.5 metric tons', 'tonne', True)
    >>> unit_alternative(parse_stated("4.5 short tons"), "pills", "4.5 pills")
    Traceback (most recent call last):
    ...
    doseconv.errors.InputError: 'pills' is not a unit of mass
    """
    found = unit_of(unit_text)
    if found is None or found[1] != stated.kind:
        raise InputError(f"{unit_text!r} is not a unit of {stated.kind}")
    unit = found[0]
    upper = stated.upper
    return replace(
        stated,
        text=text,
        amount=replace(stated.amount, unit=unit),
        upper=replace(upper, unit=unit) if upper is not None else None,
    )


def parse_stated(
    text: str,
    *,
    exact: bool = False,
    default_unit: str | None = None,
    decimal_comma: bool = False,
    other_drugs: bool = False,
) -> StatedFigure:
    """Read a published figure with its qualifier ("more than 6,500 pounds", "10-15 million pills"): the figure
    :func:`read_stated_at` reads at its start, with nothing left over.

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
    normal = normalize(text)
    if normal.ambiguous:
        raise InputError(normal.ambiguous[0].message)
    body = normal.text.rstrip()
    check_digits(body)
    refuse_common(body)
    start = len(body) - len(body.lstrip())
    match = _QUALIFIER_HERE.match(body, start)
    if match is not None and not body[match.end() :].strip() and match["q"].lower() != "between":
        raise InputError(f"no number at the start of {body[match.end():]!r}; write a figure such as '6500 lb' or "
                         "'44 million pills'")  # fmt: skip
    reading = read_stated_at(
        body, start, exact=exact, default_unit=default_unit, decimal_comma=decimal_comma, other_drugs=other_drugs,
        shown=text,
    )  # fmt: skip
    if body[reading.end :].strip():
        number_end = reading.amount.number.end
        raise UnitError(f"unknown unit {body[number_end:].strip()!r} in {text!r}; {KNOWN_UNITS_HINT}")
    if reading.problem is not None:
        raise reading.problem
    assert reading.figure is not None
    return reading.figure

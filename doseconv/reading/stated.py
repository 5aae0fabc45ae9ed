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

from ..errors import AmbiguousUnitError, DoseconvError, InputError, UnitError
from ..intervals import Interval
from ..registry import KNOWN_UNITS_HINT
from .facevalue import ROLES, Role, face_value_step, figure_interval, validated
from .lexicon import unit_of
from .numbers import EUROPEAN, SCALE_WORDS, NumberReading, exact_text, prepare, read_number_at
from .numformat import CLAIM_DIGITS, DESCRIBE_STYLES, describe
from .qualifiers import PHRASES as _PHRASES
from .qualifiers import QUALIFIER_PHRASES, READINGS, QualifierRule, Reading, qualifier_rules
from .quantity import Amount, AmountReading, read_amount_at

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
            found = cache[reading, role] = figure_interval(self, reading, role)
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
        return InputError(amount.european, remedy=EUROPEAN)
    return None


def _checked(figure: StatedFigure) -> tuple[StatedFigure | None, DoseconvError | None]:
    try:
        return validated(figure), None
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
    normal, start = prepare(text)
    body = normal.text.rstrip()
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

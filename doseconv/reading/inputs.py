"""Figures as callers give them, read by role: text as published, plain numbers, amounts or parsed figures.

A claim's figures are pills, powder and the claimed total. Each may come as text ("nearly 44
million pills"), as a plain number (``250_000``, ``Decimal("12.5")``), as an
:class:`~doseconv.reading.quantity.Amount` or as a parsed :class:`~doseconv.reading.stated.StatedFigure`.

- A plain number reads like the same figure written out: ``250_000`` pills reads as "250,000
  pills", ``12.0`` kg as "12 kg", ``Decimal("12.0")`` as "12.0" (so a table row and a typed claim
  agree); with ``exact=True`` it is the exact value, with no rounding.
- A bare count is pills in the pills role and doses in the claim role; powder needs a unit.
- A claim in people or lives is a claim of doses, one dose per person ("4.7 million people",
  "enough to kill 1.5 million adults", "could have taken 500,000 lives", "lethal to 1.2 million").
  A population phrase ("enough to kill every American") is not a count; it is refused here.

>>> read_figure(250_000, "pills").interval() == read_figure("250,000 pills", "pills").interval()
True
>>> read_figure("enough to kill nearly 1.5 million adults", "claim").amount.kind
'doses'
"""

from __future__ import annotations

import math
import re
from dataclasses import replace
from decimal import Decimal
from fractions import Fraction
from functools import cache
from typing import Any, Literal

from ..errors import DoseconvError, InputError, UnitError
from ..limits import check_value
from ..registry import KNOWN_UNITS_HINT, resolve_unit
from .drugs import read_drugs
from .lexicon import claim_lead
from .numbers import MAX_FIGURE, exact_text, prepare
from .quantity import Amount, weighs_pills
from .stated import StatedFigure, parse_stated, read_stated_at

__all__ = [
    "FigureValue",
    "PlainNumber",
    "Role",
    "is_population_phrase",
    "parse_claim",
    "plain_number",
    "plain_text",
    "read_figure",
]

Role = Literal["pills", "powder", "claim"]
PlainNumber = int | float | Decimal | Fraction
#: A figure as a caller gives it.
FigureValue = str | PlainNumber | Amount | StatedFigure | None

_DEFAULT_UNITS: dict[str, str | None] = {"pills": "pills", "powder": None, "claim": "doses"}

#: A claim may end its sentence: "enough to kill 2 million people."
_END = re.compile(r"\s*[.!]?\s*\Z")


@cache
def _lead() -> re.Pattern[str]:
    """The words before a count of people that make it a claim ("enough to kill", "could have taken"), at the start."""
    return re.compile(r"\s*(?:(?:that|which)\s+)?(?:" + claim_lead() + r"|(?:potentially\s+)?(?:killing|kill)\s+)",
                      re.IGNORECASE)  # fmt: skip


def plain_text(value: Any, what: str) -> str:
    """A plain number written out as a person would write it, or a clear error for anything else.

    >>> plain_text(250_000, "pills"), plain_text(12.0, "powder"), plain_text(Decimal("12.0"), "powder")
    ('250,000', '12', '12.0')
    >>> plain_text(Fraction(5, 2), "powder"), plain_text(1.3e6, "pills")
    ('2.5', '1,300,000')
    >>> plain_text(True, "pills")
    Traceback (most recent call last):
    ...
    doseconv.errors.InputError: pills must be a number or a figure as text, not True
    """
    value = plain_number(value, what)
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        if value.is_integer():
            return f"{int(value):,}"
        value = Decimal(repr(value))
    if isinstance(value, Fraction):
        text = exact_text(value)
        if "/" in text:
            raise InputError(f"{what} {value} has no finite decimal form; give a decimal, or read it with exact=True")
        value = Decimal(text)
    return format(value, ",f")


def plain_number(value: Any, what: str) -> PlainNumber:
    """A plain number checked: finite, zero or more, at most 10^18; numpy scalars become Python numbers."""
    if hasattr(value, "item") and getattr(value, "ndim", None) == 0 and not isinstance(value, (str, bytes)):
        value = value.item()  # a numpy scalar, as a table cell gives it
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal, Fraction)):
        shown = repr(value)
        if len(shown) > 40 or "\n" in shown:
            shown = f"a value of type {type(value).__name__}"
        raise InputError(f"{what} must be a number or a figure as text, not {shown}")
    check_value(value, what)
    if (isinstance(value, float) and not math.isfinite(value)) or (
        isinstance(value, Decimal) and not value.is_finite()
    ):
        raise InputError(f"{what} {value} is not a finite number; give a figure such as 6500 or '44 million'")
    if value < 0:
        raise InputError(f"{what} {value} is negative; figures must be zero or more")
    if value > MAX_FIGURE:
        raise InputError(f"{what} is out of range; doseconv accepts figures up to 10^18")
    return value  # type: ignore[no-any-return]


def parse_claim(
    text: str, *, exact: bool = False, default_unit: str | None = "doses", decimal_comma: bool = False
) -> StatedFigure:
    """Read a claimed total, in doses or in people ("4.7 million people", "could have taken 500,000 lives").

    One dose per person; the figure is read like any claimed total, and keeps its words as written.

    >>> f = parse_claim("could have taken more than 500,000 lives")
    >>> f.qualifier, f.amount.value, f.kind, f.text
    ('more_than', Fraction(500000, 1), 'doses', 'could have taken more than 500,000 lives')
    >>> parse_claim("lethal to 1.2 million").amount.value
    Fraction(1200000, 1)
    >>> parse_claim("enough to kill every American")
    Traceback (most recent call last):
    ...
    doseconv.errors.InputError: 'enough to kill every American' is a population claim (doses stated as a population), not a number of doses: check it as the claim itself, read for the claim's year, or record it as a figure of kind 'population'
    """
    body = prepare(text)[0].text
    lead = _lead().match(body) if _MAY_LEAD.search(body) else None
    start = lead.end() if lead else len(body) - len(body.lstrip())
    if lead:  # "enough meth to kill …" names another drug
        read_drugs(lead.group(0), figure=text)
    try:
        reading = read_stated_at(
            body, start, exact=exact, default_unit=default_unit or ("doses" if lead else None),
            decimal_comma=decimal_comma, people=True, shown=text,
        )  # fmt: skip
        end = _END.match(body, reading.end)
        if end is None:
            raise UnitError(
                f"unknown unit {body[reading.amount.number.end :].strip()!r} in {text!r}; {KNOWN_UNITS_HINT}"
            )
        if reading.problem is not None:
            raise reading.problem
    except DoseconvError:
        if is_population_phrase(text):
            raise InputError(
                f"{text!r} is a population claim (doses stated as a population), not a number of doses: check it "
                "as the claim itself, read for the claim's year, or record it as a figure of kind 'population'"
            ) from None
        raise
    assert reading.figure is not None
    return reading.figure


#: Claims that start with a lead word hold one of these letters first: the lead pattern is tried only then.
_MAY_LEAD = re.compile(r"[A-Za-z]")


def _names_a_unit(text: str, decimal_comma: bool) -> bool:
    """Whether a figure's text names its unit itself ("26 kg"), not only takes the one given with it ("26")."""
    try:
        parse_stated(text, decimal_comma=decimal_comma)
    except UnitError as error:
        return "has no unit" not in str(error)
    except DoseconvError:
        return True
    return True


def is_population_phrase(text: str) -> bool:
    """Whether ``text`` is a population phrase ("enough to kill every American"), even one naming no known place."""
    from ..population import parse_population_claim

    try:
        return parse_population_claim(text) is not None
    except DoseconvError:  # a population phrase whose place cannot be found is still one
        return True


def read_figure(
    value: FigureValue, role: Role, *, unit: str | None = None, exact: bool = False, decimal_comma: bool = False
) -> StatedFigure | None:
    """One figure of a claim, read for its role (``pills``, ``powder`` or ``claim``); None when not given.

    ``unit`` is the unit of a plain number or of text without one (``"kg"`` for powder given as 12).

    >>> read_figure(12, "powder", unit="kg").amount
    Amount(value=Fraction(12, 1), unit='kilogram', kind='mass', step=Fraction(1, 1), text='12 kg')
    >>> read_figure("50.6 million", "pills").amount.kind
    'pills'
    >>> read_figure(Fraction(1, 3), "powder", unit="kg", exact=True).interval().low
    Fraction(1, 3)
    >>> read_figure(12, "powder")
    Traceback (most recent call last):
    ...
    doseconv.errors.UnitError: powder 12 has no unit; give a mass such as '12 kg' (or the unit separately)
    """
    if value is None or isinstance(value, StatedFigure):
        return value
    if isinstance(value, Amount):
        return StatedFigure(value.text or str(value), "exact" if exact else "none", "", value)
    default = unit or _DEFAULT_UNITS[role]
    if isinstance(value, str):
        if not value.strip():
            return None
        try:
            if role == "claim":
                return parse_claim(value, exact=exact, default_unit=default, decimal_comma=decimal_comma)
            figure = parse_stated(value, exact=exact, default_unit=default, decimal_comma=decimal_comma)
            if role == "powder" and figure.kind == "mass" and weighs_pills(value):
                raise InputError(
                    f"powder {value!r} is a weight of pills, not powder; give it as the pills (a pill's weight "
                    "counts them)"
                )
            if unit is not None and figure.kind == "mass" and not _names_a_unit(value, decimal_comma):
                figure = replace(figure, text=f"{value.strip()} {unit}")  # quoted with the unit it was read in
            return figure
        except UnitError as error:
            if role == "powder" and "has no unit" in str(error):
                raise UnitError(f"powder {value!r} has no unit; give a mass such as '12 kg' or '6,500 lb'") from None
            raise
    if exact:
        number = plain_number(value, role)
        exact_value = Fraction(Decimal(repr(number))) if isinstance(number, float) else Fraction(number)
        text = exact_text(exact_value)
    else:
        number = plain_number(value, role)
        if role == "pills" and isinstance(number, Decimal) and number == number.to_integral_value():
            number = int(number)  # a whole count of pills: Decimal("250000.000") is 250,000 pills
        text = plain_text(number, role)
    if default is None:
        raise UnitError(f"{role} {text} has no unit; give a mass such as '{text} kg' (or the unit separately)")
    if exact:
        name, kind = resolve_unit(default)
        written = f"{text} {default}"
        return StatedFigure(written, "exact", "", Amount(exact_value, name, kind, text=written))
    written = f"{text} {default}"
    try:
        return parse_stated(written, default_unit=default)
    except InputError as error:
        if not error.advises("decimal_comma"):
            raise
    # A number given as a number is no text written European style: Decimal("1.000") kg is one kilogram,
    # read as its digits say (the value, and the step of its last digit).
    decimal = Decimal(str(number)) if not isinstance(number, Decimal) else number
    name, kind = resolve_unit(default)
    step = Fraction(Decimal(1).scaleb(decimal.as_tuple().exponent))  # type: ignore[arg-type]
    return StatedFigure(written, "none", "", Amount(Fraction(decimal), name, kind, step, written))

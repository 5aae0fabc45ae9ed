"""Figures as the claim checker reads them, built once from what the scanner has already read.

The scanner reads each figure's number (to the precision it was written), qualifier and unit;
:func:`stated_figure` turns those parts into the :class:`~doseconv.reading.stated.StatedFigure` that the
checker takes, without reading any text again, and :func:`unit_alternative` gives the same
figure in another unit (an ambiguous "tons" read as metric tonnes).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from fractions import Fraction

from ..errors import InputError
from ..reading.numbers import step_of
from ..reading.quantity import Amount
from ..reading.stated import StatedFigure, qualifier_rules
from ..registry import resolve_unit

__all__ = ["Reading", "read_figure", "stated_figure", "unit_alternative"]


@dataclass(frozen=True)
class Reading:
    """A figure as the claim checker reads it: its words, the parsed figure or why there is none."""

    text: str | None = None
    stated: StatedFigure | None = None
    unreadable: str | None = None
    alternative: StatedFigure | None = None


#: The metric reading of an ambiguous "tons", checked beside the short-ton one.
_TONNE_WORDS = "metric tons"


def read_figure(
    phrase: str | None,
    number: str,
    numbers: tuple[Decimal, Decimal | None],
    second_text: str | None,
    unit_text: str,
    ambiguous: bool,
) -> Reading:
    """The checker's reading of a figure: "[qualifier] number unit", parsed from its parts.

    ``phrase`` is the qualifier as written (``None`` for none, "between" for a range that says
    so); ``number`` the number as written and ``numbers`` its exact value(s); ``ambiguous`` marks
    a "tons" checked as short tons, which also gets the metric-tonne reading.

    >>> from decimal import Decimal
    >>> r = read_figure("more than", "4.5", (Decimal("4.5"), None), None, "short tons", True)
    >>> r.text, r.stated.qualifier, r.alternative.text, r.unreadable
    ('more than 4.5 short tons', 'more_than', 'more than 4.5 metric tons', None)
    """
    text = " ".join(p for p in (phrase, number, unit_text) if p)
    try:
        stated = stated_figure(text, phrase, numbers, number, second_text, unit_text)
    except InputError as error:
        return Reading(text, None, str(error))
    alternative = None
    if ambiguous:
        alternative = unit_alternative(stated, _TONNE_WORDS, " ".join(p for p in (phrase, number, _TONNE_WORDS) if p))
    return Reading(text, stated, None, alternative)


def _qualifier_keys() -> dict[str, str]:
    return {phrase: key for key, rule in qualifier_rules().items() for phrase in rule.phrases}


_QUALIFIER_KEYS = _qualifier_keys()


def stated_figure(
    text: str,
    phrase: str | None,
    numbers: tuple[Decimal, Decimal | None],
    number: str,
    second_text: str | None,
    unit_text: str,
) -> StatedFigure:
    """The :class:`~doseconv.reading.stated.StatedFigure` of a figure from the parts already read, without parsing text again.

    ``numbers`` are the exact number (and a range's second number) as read, each to the precision
    it was written; the result is what :func:`doseconv.reading.stated.parse_stated` gives for ``text``.

    >>> from doseconv.reading.stated import parse_stated
    >>> figure = stated_figure("nearly 44 million pills", "nearly", (Decimal("4.4E+7"), None), "44 million", None, "pills")
    >>> figure == parse_stated("nearly 44 million pills")
    True
    >>> stated_figure("15-10 million pills", None, (Decimal("1.5E+7"), Decimal("1E+7")), "15-10 million", "10 million", "pills")
    Traceback (most recent call last):
    ...
    doseconv.errors.InputError: range '15-10 million pills' runs backwards; write the smaller figure first
    """
    first, second = numbers
    unit, kind = resolve_unit(unit_text)
    body = f"{number} {unit_text}"
    if second is None:
        key = _QUALIFIER_KEYS[phrase] if phrase else "none"
        if key == "between":
            raise InputError(f"{text!r}: 'between' needs two figures, as in 'between 400,000 and 500,000 doses'")
        return StatedFigure(
            text, key, phrase or "", Amount(Fraction(first), unit, kind, Fraction(step_of(first)), body)
        )
    upper = Amount(Fraction(second), unit, kind, Fraction(step_of(second)), f"{second_text} {unit_text}")
    lower = Amount(Fraction(first), unit, kind, min(Fraction(step_of(first)), upper.step), body)
    if lower.value > upper.value:
        raise InputError(f"range {text!r} runs backwards; write the smaller figure first")
    return StatedFigure(text, "between", "between", lower, upper)


def unit_alternative(stated: StatedFigure, unit_text: str, text: str) -> StatedFigure:
    """The same figure read in another unit of its kind: the number and qualifier kept, the unit swapped.

    >>> from doseconv.reading.stated import parse_stated
    >>> tonnes = unit_alternative(parse_stated("4.5 short tons"), "metric tons", "4.5 metric tons")
    >>> tonnes.text, tonnes.amount.unit, tonnes.interval() == parse_stated("4.5 metric tons").interval()
    ('4.5 metric tons', 'tonne', True)
    >>> unit_alternative(parse_stated("4.5 short tons"), "pills", "4.5 pills")
    Traceback (most recent call last):
    ...
    doseconv.errors.InputError: 'pills' is not a unit of mass
    """
    unit, kind = resolve_unit(unit_text)
    if kind != stated.kind:
        raise InputError(f"{unit_text!r} is not a unit of {stated.kind}")
    upper = stated.upper
    return replace(
        stated,
        text=text,
        amount=replace(stated.amount, unit=unit),
        upper=replace(upper, unit=unit) if upper is not None else None,
    )

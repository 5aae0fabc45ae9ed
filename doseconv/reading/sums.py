"""A sum of stated figures, when a story adds several seizures up ("the amount combined is enough to kill …").

Each part keeps its own words and its own interval; the sum's interval is the exact sum of the parts', in the
unit they share (else in grams), so "12,700 pounds" and "more than 4,700 pounds" allow from just over 17,350 to just under
17,550 pounds, and nothing is rounded on the way.

>>> from doseconv.reading.stated import parse_stated
>>> total = add_stated([parse_stated("12,700 pounds"), parse_stated("more than 4,700 pounds")])
>>> total.text, total.amount.value, total.amount.unit, str(total.interval())
('12,700 pounds + more than 4,700 pounds', Fraction(17400, 1), 'pound', '(17350, 17550)')
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from ..errors import InputError
from ..intervals import Interval
from ..registry import unit_factor
from .facevalue import Role
from .qualifiers import Reading
from .quantity import Amount
from .stated import StatedFigure

__all__ = ["StatedSum", "add_stated"]


@dataclass(frozen=True)
class StatedSum(StatedFigure):
    """Several stated figures of one kind added up: the amount is the sum of their values (its step the finest of
    theirs), the interval the sum of their intervals, ``parts`` the figures as read."""

    parts: tuple[StatedFigure, ...] = ()

    def interval(self, reading: Reading = "lenient", *, role: Role = "input") -> Interval:
        unit = self.amount.unit
        total: Interval | None = None
        for part in self.parts:
            piece = part.interval(reading, role=role) * unit_factor(part.amount.unit, unit)
            total = piece if total is None else total + piece
        assert total is not None  # a sum has two parts or more
        return total


def add_stated(parts: Sequence[StatedFigure]) -> StatedSum:
    """The sum of two or more stated figures of one kind (masses, or pills); refused for a range or mixed kinds."""
    if len(parts) < 2:
        raise InputError("a sum needs two figures or more")
    kinds = {p.kind for p in parts}
    if len(kinds) != 1 or any(p.upper is not None for p in parts):
        raise InputError("only figures of one kind, none of them a range, can be added: " + _joined(parts))
    units = {p.amount.unit for p in parts}
    unit = units.pop() if len(units) == 1 else "gram"
    value = sum((p.amount.value * unit_factor(p.amount.unit, unit) for p in parts), Fraction(0))
    step = min(p.amount.step * unit_factor(p.amount.unit, unit) for p in parts)
    text = _joined(parts)
    amount = Amount(value, unit, parts[0].kind, step, text)
    return StatedSum(text, "none", "", amount, None, tuple(parts))


def _joined(parts: Sequence[StatedFigure]) -> str:
    return " + ".join(p.text for p in parts)

"""How far the value a claim needs lies from the range DEA published, in numbers and in words.

A claim that needs 19.7 % purity and one that needs 61 % are both outside the yearly means (5.3 % to
19.5 %), but an editor writes them differently: "just above the highest yearly average DEA has
published, 19.5%" against "about three times the highest". :func:`distance` gives the side, the
edge, the ratio and whether the miss is narrow: the needed value and the edge are the same figure when
both are written to the two significant digits a claimed total is read to (19.7 % and 19.5 % are both
"20 %"). The verdict ladder does not change; the words and the summary's count of narrow misses do.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from math import floor, log10
from typing import TYPE_CHECKING, Any

from ..reading.numbers import exact_text, format_grouped, round_to

if TYPE_CHECKING:  # pragma: no cover
    from .results import Implied

__all__ = ["Distance", "distance"]

#: Newsroom precision: a claimed total is read to two significant digits (docs/methodology.md, section 5).
_DIGITS = 2
_TIMES = {2: "twice", 3: "three times", 4: "four times", 5: "five times", 6: "six times", 7: "seven times",
          8: "eight times", 9: "nine times", 10: "ten times"}  # fmt: skip
_PARTS = {2: "half", 3: "a third of", 4: "a quarter of", 5: "a fifth of", 6: "a sixth of", 7: "a seventh of",
          8: "an eighth of", 9: "a ninth of", 10: "a tenth of"}  # fmt: skip


def _two_digits(value: Fraction) -> Decimal:
    if value <= 0:
        return Decimal(0)
    step = Decimal(10) ** (floor(log10(value)) - (_DIGITS - 1))
    return round_to(value, step)


@dataclass(frozen=True)
class Distance:
    """Where the needed value lies against the band: ``side`` "above" or "below", the band's ``edge`` (as
    published), ``ratio`` (needed over edge above, edge over needed below: 1 or more) and ``narrow``."""

    side: str
    edge: Fraction
    ratio: Fraction
    narrow: bool
    words: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "side": self.side,
            "edge": exact_text(self.edge),
            "ratio": exact_text(self.ratio),
            "narrow": self.narrow,
            "display": self.words,
        }


def _edge_text(implied: Implied, edge: Fraction) -> str:
    if implied.parameter == "doses_per_pill":
        return f"{format_grouped(edge * implied.lethal_dose_mg, 2)} mg of fentanyl per pill"
    return implied.show(edge)


def _how_far(side: str, ratio: Fraction, narrow: bool) -> str:
    if narrow:
        return f"just {side}"
    if ratio < 2:
        return side
    whole = floor(ratio + Fraction(1, 2))
    if side == "above":
        return f"about {_TIMES[whole]}" if whole in _TIMES else f"about {whole:,} times"
    return f"about {_PARTS[whole]}" if whole in _PARTS else "less than a tenth of"


def distance(implied: Implied) -> Distance | None:
    """The distance of the needed value from the band, or None when it meets the band (or there is none)."""
    band, needed = implied.band, implied.interval
    if band is None or needed is None:
        return None
    low, high = band.reach
    if needed.low > high:
        side, edge, ratio, near = "above", band.high, needed.low / band.high, needed.low
    elif not implied.unbounded and needed.high < low and needed.high > 0:
        side, edge, ratio, near = "below", band.low, band.low / needed.high, needed.high
    else:
        return None
    narrow = _two_digits(near) == _two_digits(edge)
    which = "highest" if side == "above" else "lowest"
    if band.kind == "range":
        what = f"the {'top' if side == 'above' else 'bottom'} of the range of single samples DEA has published"
    else:
        what = f"the {which} yearly average DEA has published"
    words = f"{_how_far(side, ratio, narrow)} {what}, {_edge_text(implied, edge)}"
    return Distance(side, edge, ratio, narrow, words)

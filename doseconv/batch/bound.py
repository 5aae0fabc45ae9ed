"""The bound on float error that lets numpy decide a row: a comparison is trusted only when its sides differ by more.

Every quantity the vectorized check compares is non-negative and is made, from exact values, by a few
float operations, so its relative error is bounded (Higham, *Accuracy and Stability of Numerical
Algorithms*, 2nd ed., §3.1: k operations on non-negative terms give at most γ_k = k·u/(1 − k·u), u = 2^-53):

- each exact value (a cell's figure and the ends of its interval, a set's constant, a unit's factor) is
  rounded once to a float: u/2 each. A number cell's interval ends are its value minus or plus an offset
  the exact reader gives, and a row is decided only when the low end is above a quarter of the value
  (:mod:`.columns`), so the subtraction costs at most 9·u/2 of the end;
- every side of a comparison is written as a sum of non-negative products (never as a difference that
  could cancel): "the value needed lies below the band's top" is ``claim_low × lethal <= top × powder_high
  + pills_high × per_pill × lethal``, not ``(claim_low − pills_high × per_pill) × lethal / powder_high <= top``;
  a side is at most three terms of at most four factors, and a quotient (a claim's figure over its step) is
  one more operation;

so each side is within γ_12 < 1.4·10^-15 of its exact value, relative, and two sides whose floats differ
by more than ``EDGE`` × the larger (10^-13, seventy times that bound) compare in floats as they do
exactly. A row with any comparison closer than that is checked exactly (:mod:`.exact`), and the
benchmarks count those rows. Open and closed ends of intervals differ only where two sides are equal,
which is within the margin: such rows are always exact.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

__all__ = ["EDGE", "close", "greater", "near_whole"]

#: Relative difference below which two sides are too close to compare in floats.
EDGE = 1e-13


def close(lhs: np.ndarray, rhs: np.ndarray | float) -> np.ndarray:
    """Where two non-negative sides are within ``EDGE`` of each other (NaN sides are not close: never decided)."""
    import numpy as np

    with np.errstate(invalid="ignore"):
        return np.abs(lhs - rhs) <= EDGE * np.maximum(lhs, rhs)  # type: ignore[no-any-return]


def greater(
    lhs: np.ndarray, rhs: np.ndarray | float, unsure: np.ndarray, where: np.ndarray | bool = True
) -> np.ndarray:
    """``lhs > rhs`` (the same as ``lhs >= rhs`` outside the margin), marking in ``unsure`` the rows of ``where``
    whose sides are too close to say."""
    import numpy as np

    unsure |= close(lhs, rhs) & where
    with np.errstate(invalid="ignore"):
        return lhs > rhs  # type: ignore[no-any-return]


def near_whole(q: np.ndarray, half: bool = False) -> np.ndarray:
    """Where ``q`` (a quotient within the bound of its exact value) lies within the margin of a whole number (or,
    with ``half``, of a whole number and a half), so that its floor (or its rounding) cannot be trusted."""
    import numpy as np

    shifted = q + 0.5 if half else q
    with np.errstate(invalid="ignore"):
        return np.abs(shifted - np.round(shifted)) <= EDGE * np.maximum(np.abs(shifted), 1.0)  # type: ignore[no-any-return]

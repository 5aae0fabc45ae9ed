"""Where the first and the last stated digit of each number stand, for a whole array at once.

A number read at face value is read to its last stated digit: ``6500`` to the hundreds (written
zeros count up to two significant digits, as the reader has it), ``12.5`` to the tenths. The
reader's interval for a number depends only on these two positions (and the column's unit and
role), so a column is read through one representative number per pair (:mod:`.columns`).
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

__all__ = ["digit_positions"]

#: Decimals tried in whole-array passes; a value needing more is looked at on its own (its shortest repr).
_ARRAY_DECIMALS = 15


def digit_positions(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(position of the last stated digit, position of the leading digit) of each value (> 0) as written out.

    A position is a power of ten: 6500 -> (2, 3), 12.5 -> (-1, 1), 0.1 + 0.2 -> (-17, -1) (a float is
    written out as its shortest repr, as the reader writes it).

    >>> import numpy as np
    >>> [tuple(map(int, p)) for p in zip(*digit_positions(np.array([6500.0, 12.5, 0.1 + 0.2])))]
    [(2, 3), (-1, 1), (-17, -1)]
    """
    import numpy as np

    whole = x == np.floor(x)
    decimals = np.zeros(len(x), dtype=np.int64)
    rest = np.flatnonzero(~whole)  # the fewest decimals that give the value back, for values with any
    for d in range(1, _ARRAY_DECIMALS + 1):
        if not len(rest):
            break
        found = np.round(x[rest], d) == x[rest]
        decimals[rest[found]] = d
        rest = rest[~found]
    for i in rest.tolist():  # more decimals than a whole-array pass tries: read its repr
        decimals[i] = max(0, -Decimal(repr(float(x[i]))).normalize().as_tuple().exponent)  # type: ignore[operator]
    zeros = np.zeros(len(x), dtype=np.int64)
    rest = np.flatnonzero(whole)  # trailing zeros of whole values
    for k in range(1, 16):
        if not len(rest):
            break
        found = np.fmod(x[rest], 10.0**k) == 0
        zeros[rest[found]] = k
        rest = rest[found]
    last = np.where(whole, zeros, -decimals)
    lead = np.floor(np.log10(x)).astype(np.int64)
    lead = np.where(10.0**lead > x, lead - 1, lead)
    lead = np.where(10.0 ** (lead + 1) <= x, lead + 1, lead)
    return last, lead

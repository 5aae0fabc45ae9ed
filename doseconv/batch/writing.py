"""A checked table as it is written out: its numbers by one formatter, the cells a user gave as they were given.

The check's numbers are floats, within a few parts in 10^15 of the exact values; they are written to
twelve significant digits, in plain digits (``36050``, not ``36050.00000000001``; ``1500000000000000``,
not ``1.5e+15``). A user's own float column is written as the shortest text that reads back as the same
float, a whole number without ``.0`` (``26``, not ``26.0``). A cell some reader could not hand on
(:class:`~doseconv.batch.status.Unreadable`) is written as it was found.
"""

from __future__ import annotations

import math
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ..reading.numformat import exact_text
from .status import Unreadable

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["DIGITS", "number_text", "rounded", "written"]

#: Significant digits of the check's numbers as written (far more than a float's error can reach).
DIGITS = 12


def number_text(value: float, digits: int = DIGITS, grouped: bool = False) -> str:
    """One of the check's numbers as written: ``digits`` significant digits, plain digits, '' when there is none.

    >>> number_text(36050.00000000001), number_text(0.0058380566801619444), number_text(1.5e15)
    ('36050', '0.00583805668016', '1500000000000000')
    >>> number_text(float("nan")), number_text(float("inf")), number_text(1349000.0, 6, grouped=True)
    ('', 'inf', '1,349,000')
    """
    if value != value:
        return ""
    if math.isinf(value):
        return "inf" if value > 0 else "-inf"
    text = f"{value:.{digits}g}"
    if "e" in text:
        text = exact_text(Decimal(text))
    if grouped:
        whole, dot, fraction = text.partition(".")
        text = f"{int(whole):,}{dot}{fraction}"
    return text


def given_text(value: Any) -> Any:
    """A user's own cell as written: a float as its shortest text, a whole one with no '.0'; others as they are."""
    if isinstance(value, float):
        if value != value:
            return ""
        if value.is_integer() and abs(value) < 1e16:
            return str(int(value))
        return repr(value)
    if isinstance(value, Unreadable):
        return value.cell
    return value


def rounded(values: Any, digits: int = DIGITS) -> Any:
    """The check's numbers rounded to ``digits`` significant digits, still floats (for JSON, Excel, Parquet)."""
    import numpy as np

    return np.array([float(f"{v:.{digits}g}") for v in values.tolist()], dtype=float)


def written(frame: pd.DataFrame, computed: tuple[str, ...], *, as_text: bool, grouped: bool = False) -> pd.DataFrame:
    """``frame`` made ready to write: the ``computed`` columns by the one formatter (as text, or as rounded
    floats), the user's own columns as they were given."""
    import pandas as pd

    out = {}
    for name in frame.columns:
        column = frame[name]
        if name in computed and pd.api.types.is_float_dtype(column.dtype):
            digits = 6 if grouped else DIGITS
            values = column.to_numpy()
            if as_text:
                out[name] = pd.Series([number_text(v, digits, grouped) for v in values.tolist()], index=frame.index)
            else:
                out[name] = pd.Series(rounded(values, digits), index=frame.index)
        elif as_text and (pd.api.types.is_float_dtype(column.dtype) or column.dtype == object):
            out[name] = pd.Series([given_text(v) for v in column.tolist()], index=frame.index, dtype=object)
        elif column.dtype == object:
            out[name] = column.map(lambda v: v.cell if isinstance(v, Unreadable) else v)
        else:
            out[name] = column
    return pd.DataFrame(out, index=frame.index, columns=frame.columns)

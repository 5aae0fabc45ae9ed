"""The cells of one figure column, read one by one: numbers as numbers, text as text, empty cells, unreadable cells.

A column may hold anything a spreadsheet holds: numbers beside text (``120000`` in one row,
``nearly 44 million`` in the next), empty cells, ``n/a``, true/false values, dates. Each cell is
sorted into one kind here, so that one odd cell makes one row unreadable and never the column:

- ``NUMBER``: an int or float (numpy's too), read at face value like the same figure written out;
- ``PLAIN``: text that is a plain number (``6500``, ``12.50``, ``1,234``), read like any text, but
  quickly: its digits say where its first and last stated digits stand;
- ``TEXT``: any other text (``nearly 44 million``), and exact numbers (``Decimal``, ``Fraction``),
  read one distinct value at a time by the figure reader;
- ``MISSING``: an empty cell, ``NaN``, ``None`` or a word for "no value" (``data/empty_cells.toml``);
- ``BAD``: a cell that is no figure (true/false, a date, a negative number), with why.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from .status import Unreadable

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    import pandas as pd

__all__ = ["BAD", "MISSING", "NUMBER", "PLAIN", "TEXT", "Cells", "empty_words", "read_cells"]

NUMBER, PLAIN, TEXT, MISSING, BAD = range(5)

#: A plain number as text: digits, thousands grouped by commas or not, decimals after a point; no leading zeros.
_PLAIN = re.compile(r"(0|[1-9][0-9]*|[1-9][0-9]{0,2}(?:,[0-9]{3})+)(?:\.([0-9]+))?")
_NOT_FIGURES = "figures must be finite and zero or more"
#: Text a spreadsheet writes for a date or a time (2024-01-01, 2024-01-01T10:00, 1/31/2024, 10:30).
_DATE_TEXT = re.compile(r"\d{4}-\d{1,2}-\d{1,2}(?:[T ][\d:.]+Z?)?|\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}:\d{2}(?::\d{2})?")
_TRUE_FALSE = {"true": True, "false": False}


@cache
def empty_words() -> frozenset[str]:
    """The words a table writes for a cell with no value, lower case (``data/empty_cells.toml``)."""
    text = resources.files("doseconv").joinpath("data", "empty_cells.toml").read_text("utf-8")
    return frozenset(tomllib.loads(text)["words"])


@dataclass
class Cells:
    """The kind of every cell of a column, and what the fast paths need of the numbers.

    ``numbers`` holds the value of NUMBER and PLAIN cells (NaN elsewhere); ``last`` the power of ten of a
    PLAIN cell's last written digit (``6500`` -> 0 is not it: trailing zeros are counted, ``6500`` -> 2;
    ``12.50`` -> -2); ``given`` every cell as it was given; ``problems`` why each BAD cell is no figure.
    """

    kind: np.ndarray
    numbers: np.ndarray
    last: np.ndarray
    given: np.ndarray
    problems: dict[int, str]


def read_cells(series: pd.Series) -> Cells:
    """Sort every cell of ``series`` into its kind (see the module's description)."""
    import numpy as np
    from pandas.api import types

    dtype = series.dtype
    n = len(series)
    if types.is_bool_dtype(dtype):
        values = series.to_numpy(dtype=object)
        return _all_bad(values, lambda v: f"{_bool_word(v)} is a true/false value, not a figure")
    if types.is_datetime64_any_dtype(dtype) or types.is_timedelta64_dtype(dtype) or _is_period(dtype):
        values = series.to_numpy(dtype=object)
        return _all_bad(values, lambda v: f"{_short(v)} is a date or a time, not a figure")
    if types.is_complex_dtype(dtype):
        values = series.to_numpy(dtype=object)
        return _all_bad(values, lambda v: f"{_short(v)} is a complex number, not a figure")
    if types.is_numeric_dtype(dtype):
        numbers = np.array(series.to_numpy(dtype=float, na_value=np.nan))  # a copy: bad cells become NaN
        kind = np.where(np.isnan(numbers), MISSING, NUMBER).astype(np.int8)
        cells = Cells(kind, numbers, np.zeros(n, dtype=np.int64), series.to_numpy(), {})
        _refuse_bad_numbers(cells)
        return cells
    return _one_by_one(series.to_numpy(dtype=object))


def _is_period(dtype: Any) -> bool:
    import pandas as pd

    return isinstance(dtype, pd.PeriodDtype)


def _all_bad(values: np.ndarray, why: Any) -> Cells:
    """Every present cell BAD (a column of true/false values, dates or complex numbers), empty cells MISSING."""
    import numpy as np
    import pandas as pd

    n = len(values)
    kind = np.full(n, BAD, dtype=np.int8)
    problems = {}
    for i, v in enumerate(values):
        if v is None or v is pd.NaT or (not isinstance(v, str) and pd.isna(v)):
            kind[i] = MISSING
        else:
            problems[i] = why(v)
    return Cells(kind, np.full(n, np.nan), np.zeros(n, dtype=np.int64), values, problems)


def _refuse_bad_numbers(cells: Cells) -> None:
    import numpy as np

    numbers = cells.numbers
    bad = (cells.kind == NUMBER) & ~(np.isfinite(numbers) & (numbers >= 0))
    for i in np.flatnonzero(bad).tolist():
        cells.problems[i] = f"{_short(cells.given[i])} is not a figure; {_NOT_FIGURES}"
    cells.kind[bad] = BAD
    cells.numbers[bad] = np.nan


def _one_by_one(values: np.ndarray) -> Cells:
    """The cells of an object column (text, numbers, anything), each looked at once."""
    import numpy as np

    n = len(values)
    kind = np.full(n, TEXT, dtype=np.int8)
    numbers = np.full(n, np.nan)
    last = np.zeros(n, dtype=np.int64)
    problems: dict[int, str] = {}
    empty = empty_words()
    plain = _PLAIN.fullmatch
    for i, v in enumerate(values):
        t = type(v)
        if t is str:
            s = v.strip()
            if not s or s.lower() in empty:
                kind[i] = MISSING
            elif s.lower() in _TRUE_FALSE:  # a spreadsheet's TRUE written out as text
                kind[i], problems[i] = BAD, f"{_bool_word(_TRUE_FALSE[s.lower()])} is a true/false value, not a figure"
            elif _DATE_TEXT.fullmatch(s):
                kind[i], problems[i] = BAD, f"{_short(s)} is a date or a time, not a figure"
            elif (m := plain(s)) is not None:
                kind[i] = PLAIN
                whole, decimals = m[1].replace(",", ""), m[2]
                numbers[i] = float(f"{whole}.{decimals}" if decimals else whole)
                last[i] = -len(decimals) if decimals else len(whole) - len(whole.rstrip("0"))
        elif t is float or t is int:
            if v != v:  # NaN
                kind[i] = MISSING
            else:
                kind[i], numbers[i] = NUMBER, float(v)
        else:
            kind[i], why = _other(v)
            if why:
                problems[i] = why
            elif kind[i] == NUMBER:
                numbers[i] = float(v)
    cells = Cells(kind, numbers, last, values, problems)
    _refuse_bad_numbers(cells)
    return cells


def _other(v: Any) -> tuple[int, str]:
    """The kind of a cell that is neither text nor a Python int or float, and why it is BAD ('' when it is not)."""
    import numpy as np
    import pandas as pd

    if v is None or v is pd.NA or v is pd.NaT:
        return MISSING, ""
    if isinstance(v, (bool, np.bool_)):
        return BAD, f"{_bool_word(v)} is a true/false value, not a figure"
    if isinstance(v, Unreadable):
        return BAD, v.why
    if isinstance(v, (np.integer, np.floating)):
        return (MISSING, "") if v != v else (NUMBER, "")
    if isinstance(v, Decimal):
        return (MISSING, "") if v.is_nan() else (TEXT, "")
    if isinstance(v, (int, Fraction)):  # an int subclass, or an exact ratio: read exactly as given
        return TEXT, ""
    if isinstance(v, float):
        return (MISSING, "") if v != v else (NUMBER, "")
    if isinstance(v, (dt.date, dt.time, dt.timedelta, np.datetime64, np.timedelta64)):
        return BAD, f"{_short(v)} is a date or a time, not a figure"
    if isinstance(v, (complex, np.complexfloating)):
        return BAD, f"{_short(v)} is a complex number, not a figure"
    return BAD, f"a value of type {type(v).__name__} is not a figure"


def _bool_word(value: Any) -> str:
    return "TRUE" if bool(value) else "FALSE"


def _short(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 40 and "\n" not in text else f"a value of type {type(value).__name__}"

"""The assumption set of each row's date: a table of seizures from several years is checked row by row under the
figures of each row's year, as :func:`doseconv.check` is with ``date`` (the one date rule, :mod:`doseconv.population`).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from ..errors import DoseconvError, InputError
from ..population.years import resolve_when

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["sets_by_date"]


def sets_by_date(column: pd.Series, name: str) -> list[str | None]:
    """The set each row's date picks (None for a row with no date: the caller's default set).

    A cell is a date (a date, a timestamp, text such as "2023-06-14") or a year (2023, "2023"); anything else
    is refused, naming the column and the row.
    """
    found: dict[Any, str | None] = {}
    out: list[str | None] = []
    for row, cell in enumerate(column.tolist(), 1):
        key = cell if _hashable(cell) else str(cell)
        if key not in found:
            found[key] = _set_of(cell, name, row)
        out.append(found[key])
    return out


def _set_of(cell: Any, name: str, row: int) -> str | None:
    import pandas as pd

    if cell is None or (not isinstance(cell, str) and pd.isna(cell)):
        return None
    try:
        if isinstance(cell, dt.datetime):  # a pandas Timestamp too
            return resolve_when(date=cell.date()).assumptions
        if isinstance(cell, dt.date):
            return resolve_when(date=cell).assumptions
        text = str(cell).strip()
        if not text:
            return None
        if isinstance(cell, (int, float)) and not isinstance(cell, bool) and float(cell).is_integer():
            return resolve_when(year=int(cell)).assumptions
        if text.isdigit() and len(text) == 4:
            return resolve_when(year=int(text)).assumptions
        return resolve_when(date=text[:10] if len(text) > 10 and text[10] in "T " else text).assumptions
    except DoseconvError:
        raise InputError(
            f"column {name!r}, row {row}: {cell!r} is not a date; write it as 2023-06-14 or a year such as 2023"
        ) from None


def _hashable(value: Any) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True

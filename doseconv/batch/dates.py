"""The date of each row: a table of seizures from several years is checked row by row under the figures of each
row's year, as :func:`doseconv.check` is with ``date`` or ``year`` (the one date rule, :mod:`doseconv.population`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import DoseconvError
from ..population.years import resolve_when
from .status import Unreadable, unreadable

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["RowDates", "read_dates"]


@dataclass(frozen=True)
class RowDates:
    """Each row's date as :func:`doseconv.check` takes it (``{"date": ...}``, ``{"year": ...}`` or ``{}``), the set
    it picks (None: the caller's default), and the status of each row whose date cell is no date."""

    when: list[dict[str, Any]]
    sets: list[str | None]
    problems: dict[int, str]


def read_dates(column: pd.Series, name: str, year: int | None = None) -> RowDates:
    """Each row's date from a column of dates (a date, a timestamp, text such as "2023-06-14") or years (2023,
    "2023"); a row with no date takes ``year`` when given. A cell that is no date makes its row unreadable."""
    found: dict[Any, tuple[dict[str, Any], str | None, str]] = {}
    when, sets, problems = [], [], {}
    default = {"year": year} if year is not None else {}
    for row, cell in enumerate(column.tolist()):
        key = cell if _hashable(cell) else str(cell)
        if key not in found:
            found[key] = _date_of(cell, name, default)
        kwargs, chosen, problem = found[key]
        when.append(kwargs)
        sets.append(chosen)
        if problem:
            problems[row] = problem
    return RowDates(when, sets, problems)


def _date_of(cell: Any, name: str, default: dict[str, Any]) -> tuple[dict[str, Any], str | None, str]:
    kwargs = _kwargs(cell)
    if kwargs is None:
        shown = cell.why if isinstance(cell, Unreadable) else f"{cell!r} is not a date"
        return default, None, unreadable(name, f"{shown}; write it as 2023-06-14 or a year such as 2023")
    kwargs = kwargs or default
    try:
        return kwargs, resolve_when(**kwargs).assumptions if kwargs else None, ""
    except DoseconvError:
        return default, None, unreadable(name, f"{cell!r} is not a date; write it as 2023-06-14 or a year such as 2023")


def _kwargs(cell: Any) -> dict[str, Any] | None:
    """The date or year a cell gives ({} for an empty cell), or None for a cell that is no date."""
    import pandas as pd

    if cell is None or (not isinstance(cell, (str, Unreadable)) and pd.isna(cell)):
        return {}
    if isinstance(cell, dt.datetime):  # a pandas Timestamp too
        return {"date": cell.date()}
    if isinstance(cell, dt.date):
        return {"date": cell}
    if isinstance(cell, (bool, Unreadable)):
        return None
    if isinstance(cell, (int, float)):
        return {"year": int(cell)} if float(cell).is_integer() else None
    text = str(cell).strip()
    if not text:
        return {}
    if text.isdigit() and len(text) == 4:
        return {"year": int(text)}
    day = text[:10] if len(text) > 10 and text[10] in "T " else text
    try:
        return {"date": dt.date.fromisoformat(day)}
    except ValueError:
        return None


def _hashable(value: Any) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True

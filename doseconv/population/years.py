"""One rule for the date of a claim: the population year and, unless a set is named, the assumption set.

Order: ``date``, then ``year``, then the story's date, then the latest in the data. A year alone stands for
July 1 of that year (the reference day of Census estimates) when an assumption set is picked.

>>> when = resolve_when(date="2022-12-20")
>>> when.year, when.assumptions, when.basis
(2022, 'dea-2022', 'date')
>>> resolve_when(year=2020).note
'no assumption set covers 2020-07-01; dea-2021 used, the nearest (starts 2021-01-01)'
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from ..errors import PopulationError

__all__ = ["ClaimDate", "pick_assumption_set", "resolve_when"]


@dataclass(frozen=True)
class ClaimDate:
    """The date a claim is read at. ``year`` None: the latest year in the data for each place."""

    year: int | None
    date: dt.date | None
    basis: str  # "date", "year", "story" or "latest"
    assumptions: str | None  # the named set, the set picked for the date, or None (the caller's default)
    note: str = ""


def _as_date(value: dt.date | str, what: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise PopulationError(f"{what} {value!r} is not a date; write it as 2022-12-20") from None


def resolve_when(
    *,
    date: dt.date | str | None = None,
    year: int | None = None,
    story_date: dt.date | str | None = None,
    assumptions: str | None = None,
) -> ClaimDate:
    """The population year and assumption set for a claim (see the module text for the order)."""
    if year is not None and (isinstance(year, bool) or not isinstance(year, int) or not 1000 <= year <= 9999):
        raise PopulationError(f"year {year!r} is not a year; write a four-digit year such as 2023")
    if date is not None:
        day, basis = _as_date(date, "date"), "date"
    elif year is not None:
        day, basis = dt.date(year, 7, 1), "year"
    elif story_date is not None:
        day, basis = _as_date(story_date, "story date"), "story"
    else:
        return ClaimDate(None, None, "latest", assumptions, "no date given: the latest year in the data")
    if assumptions is not None:
        return ClaimDate(day.year, day, basis, assumptions)
    name, note = pick_assumption_set(day)
    return ClaimDate(day.year, day, basis, name, note)


@lru_cache(maxsize=256)
def pick_assumption_set(day: dt.date) -> tuple[str, str]:
    """The bundled set whose period covers ``day`` (the latest-starting if several), else the nearest, with a note."""
    from ..assumptions import load_set, set_names

    spans = [(name, dates) for name in set_names() if (dates := load_set(name).dates) is not None]
    covering = [(dates[0], name) for name, dates in spans if dates[0] <= day <= dates[1]]
    if covering:
        return max(covering)[1], ""

    def gap(item: tuple[str, tuple[dt.date, dt.date]]) -> tuple[int, str]:
        _, (start, end) = item
        return (max((start - day).days, (day - end).days), item[0])

    name, (start, end) = min(spans, key=gap)
    side = f"starts {start.isoformat()}" if start > day else f"ends {end.isoformat()}"
    return name, f"no assumption set covers {day.isoformat()}; {name} used, the nearest ({side})"

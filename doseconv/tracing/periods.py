"""The period a figure covers, as the scanner names it ("May 1, 2022 – May 1, 2023", "fiscal year 2024, to date",
"2023", "this year"), read as a span of days, so that two figures' periods can be said to overlap or not."""

from __future__ import annotations

import datetime as dt
import re

__all__ = ["Span", "overlap", "read_period"]

#: A span of days, both ends included.
Span = tuple[dt.date, dt.date]

_MONTHS = {
    m: i for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)
}
_DAY = re.compile(r"^(?P<month>[A-Za-z]+)\.?\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})$")
_MONTH_YEAR = re.compile(r"^(?P<month>[A-Za-z]+)\.?\s+(?P<year>\d{4})$")
_YEAR = re.compile(r"^(?P<year>(?:19|20)\d\d)$")
_FISCAL = re.compile(r"^fiscal year (?P<year>\d{4})")
_PAST = re.compile(r"^(?:in|over) the (?:past|last) (?:(?P<n>\w+) )?(?:fiscal |calendar )?years?$")
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def _month(name: str) -> int | None:
    return _MONTHS.get(name[:3].lower())


def _month_end(year: int, month: int) -> dt.date:
    return (dt.date(year + month // 12, month % 12 + 1, 1)) - dt.timedelta(days=1)


def _point(text: str) -> Span | None:
    """A date, a month or a year as the span it names."""
    text = text.strip()
    try:
        if m := _DAY.match(text):
            month = _month(m["month"])
            day = dt.date(int(m["year"]), month, int(m["day"])) if month else None
            return (day, day) if day else None
        if m := _MONTH_YEAR.match(text):
            month = _month(m["month"])
            return (dt.date(int(m["year"]), month, 1), _month_end(int(m["year"]), month)) if month else None
        if m := _YEAR.match(text):
            return dt.date(int(m["year"]), 1, 1), dt.date(int(m["year"]), 12, 31)
    except ValueError:
        return None
    return None


def read_period(text: str | None, story_date: dt.date | None = None) -> Span | None:
    """The days a period covers; None when it is not stated or cannot be read (then it overlaps any other).

    Periods relative to the story ("this year", "in the past two years") need the story's date.

    >>> read_period("May 1, 2022 – May 1, 2023")
    (datetime.date(2022, 5, 1), datetime.date(2023, 5, 1))
    >>> read_period("fiscal year 2024, to date")
    (datetime.date(2023, 10, 1), datetime.date(2024, 9, 30))
    >>> read_period("this year", dt.date(2023, 6, 1))
    (datetime.date(2023, 1, 1), datetime.date(2023, 6, 1))
    >>> read_period("this year") is None
    True
    """
    if not text:
        return None
    text = " ".join(text.split())
    if m := _FISCAL.match(text):
        year = int(m["year"])
        return dt.date(year - 1, 10, 1), dt.date(year, 9, 30)
    if " – " in text:
        first, _, last = text.partition(" – ")
        start, end = _point(first), _point(last)
        return (start[0], end[1]) if start and end and start[0] <= end[1] else None
    if text.startswith("since "):
        start = _point(text[6:])
        return (start[0], story_date or dt.date.max) if start else None
    return _point(text) or _relative(text.lower(), story_date)


def _relative(text: str, story_date: dt.date | None) -> Span | None:
    if story_date is None:
        return None
    year = story_date.year
    if text in ("this year", "so far this year", "year-to-date", "year to date"):
        return dt.date(year, 1, 1), story_date
    if text == "last year":
        return dt.date(year - 1, 1, 1), dt.date(year - 1, 12, 31)
    if m := _PAST.match(text):
        count = m["n"]
        years = 1 if count is None else int(count) if count.isdigit() else _NUMBERS.get(count, 0)
        if years:
            return story_date.replace(year=year - years, day=min(story_date.day, 28)), story_date
    return None


def overlap(one: Span | None, other: Span | None) -> bool:
    """Whether two periods share a day; a period unknown on either side overlaps.

    >>> overlap(read_period("2022"), read_period("fiscal year 2023"))
    True
    >>> overlap(read_period("2022"), read_period("2024"))
    False
    """
    if one is None or other is None:
        return True
    return one[0] <= other[1] and other[0] <= one[1]

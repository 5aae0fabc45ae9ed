"""The story's own date, read from its HTML metadata, its Markdown front matter or its dateline.

The date chooses the year's figures (the assumption set and population year, through
:func:`doseconv.population.resolve_when`, which the checker calls); a date given by the caller
(``--date``, ``--year``) comes first. Only the head of a story is read, so the time taken does not
grow with the story.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from ..reading.lexicon import lexicon, month_number
from ..reading.patterns import trie_pattern

__all__ = ["StoryDate", "find_story_date"]

#: How much of a story's beginning is searched for its date (HTML heads can be long).
HEAD = 20_000


def _month_words() -> str:
    """The month names and abbreviations of the lexicon, capitalised ("Jul", "Sept", "December")."""
    return trie_pattern(sorted({w.capitalize() for w in lexicon().months}))


_ISO = r"(?P<iso>(?:19|20)\d\d-\d\d-\d\d)"
_META_NAMES = r"(?:article:published_time|og:published_time|datePublished|date|pubdate|publish-date|dc\.date)"
_META = re.compile(
    rf"<meta\b[^>]*?(?:property|name|itemprop)\s*=\s*[\"']{_META_NAMES}[\"'][^>]*?content\s*=\s*[\"']{_ISO}"
    rf"|<meta\b[^>]*?content\s*=\s*[\"']{_ISO.replace('iso', 'iso2')}[^\"']*[\"'][^>]*?"
    rf"(?:property|name|itemprop)\s*=\s*[\"']{_META_NAMES}[\"']"
    rf"|<time\b[^>]*?datetime\s*=\s*[\"']{_ISO.replace('iso', 'iso3')}",
    re.IGNORECASE,
)
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(?P<body>(?:(?!---)[^\n]*\n){0,60}?)---[ \t]*(?:\r?\n|\Z)")
_FRONT_DATE = re.compile(rf"^date\s*:\s*[\"']?{_ISO}", re.MULTILINE | re.IGNORECASE)


@cache
def _datelines() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """A dateline ("WASHINGTON, Dec. 20, 2022 —", "Posted: May 5, 2023") and one in parentheses ("CHEYENNE,
    Wyo. (June 14, 2023) —"), built from the lexicon's month names on first use."""
    month = rf"(?P<month>{_month_words()})\.?\s+(?P<day>\d{{1,2}}),?\s+(?P<year>(?:19|20)\d\d)\b"
    dateline = re.compile(
        rf"(?:^|\n)[ \t]*(?:[A-Z][A-Z.'-]*(?:[ \t]+[A-Z][A-Z.'-]*)*(?:,[ \t]*[A-Z][A-Za-z.]*)?[ \t]*(?:\([^()\n]{{1,30}}\))?"
        rf"[ \t]*[,–—-]?[ \t]*{month}[ \t]*[–—-]"
        rf"|(?:release|published|posted|date)d?[ \t]*:?[ \t]+(?:on[ \t]+)?"
        rf"{month.replace('month', 'm2').replace('day', 'd2').replace('year', 'y2')})",
        re.IGNORECASE,
    )
    in_parentheses = re.compile(
        rf"(?:^|\n)[ \t]*[A-Z][A-Z.'-]*(?:[ \t]+[A-Z][A-Z.'-]*)*(?:,[ \t]*[A-Z][A-Za-z.]*)?[ \t]*"
        rf"\((?:[^()\n,]{{1,20}},[ \t]*)?{month}[ \t]*\)[ \t]*[,–—-]",
        re.IGNORECASE,
    )
    # A byline's date on a line of its own, day first: "31 Jul 2024, 18:32 PM EDT", "By Jane Roe | 5 March 2024".
    byline = re.compile(
        rf"(?:^|\n|\|)[ \t]*(?:(?:Published|Posted|Updated)[ \t]*:?[ \t]*)?(?P<day>\d{{1,2}})[ \t]+(?P<month>{_month_words()})"
        rf"\.?,?[ \t]+(?P<year>(?:19|20)\d\d)\b(?=[^\n]{{0,40}}(?:\n|\Z))",
        re.IGNORECASE,
    )
    return dateline, in_parentheses, byline


@dataclass(frozen=True)
class StoryDate:
    """A story's date and where it was found (``html metadata``, ``front matter``, ``dateline`` or ``byline``)."""

    date: dt.date
    found_in: str


def _day(year: str, month: str, day: str) -> dt.date | None:
    try:
        number = month_number(month)
        return dt.date(int(year), number, int(day)) if number is not None else None
    except ValueError:
        return None


def _iso(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def find_story_date(text: str) -> StoryDate | None:
    """The date a story gives itself, or None.

    >>> find_story_date('<meta property="article:published_time" content="2023-06-14T09:00:00Z"><p>…</p>')
    StoryDate(date=datetime.date(2023, 6, 14), found_in='html metadata')
    >>> find_story_date("---\\ntitle: Seizure\\ndate: 2021-03-02\\n---\\nPolice seized…").date
    datetime.date(2021, 3, 2)
    >>> find_story_date("WASHINGTON, Dec. 20, 2022 — The DEA seized…")
    StoryDate(date=datetime.date(2022, 12, 20), found_in='dateline')
    >>> find_story_date("CHEYENNE, Wyo. (June 14, 2023) — Deputies seized…").date
    datetime.date(2023, 6, 14)
    >>> find_story_date("By Maria Ortiz\\n\\n31 Jul 2024, 18:32 PM EDT\\n\\nThe department reported…")
    StoryDate(date=datetime.date(2024, 7, 31), found_in='byline')
    >>> find_story_date("Police seized 4 kilograms on May 1, 2022.") is None
    True
    """
    head = text[:HEAD]
    meta = _META.search(head)
    if meta:
        day = _iso(meta["iso"] or meta["iso2"] or meta["iso3"])
        if day:
            return StoryDate(day, "html metadata")
    front = _FRONT_MATTER.match(head)
    if front:
        found = _FRONT_DATE.search(front["body"])
        day = _iso(found["iso"]) if found else None
        if day:
            return StoryDate(day, "front matter")
    dateline, in_parentheses, byline = _datelines()
    line = dateline.search(head[:2_000])
    paren = in_parentheses.search(head[:2_000])
    day_first = byline.search(head[:2_000])
    if day_first and all(m is None or day_first.start() < m.start() for m in (line, paren)):
        day = _day(day_first["year"], day_first["month"], day_first["day"])
        if day:
            return StoryDate(day, "byline")
    if paren and (line is None or paren.start() < line.start()):
        day = _day(paren["year"], paren["month"], paren["day"])
        if day:
            return StoryDate(day, "dateline")
    if line:
        day = (
            _day(line["year"], line["month"], line["day"])
            if line["month"]
            else _day(line["y2"], line["m2"], line["d2"])
        )
        if day:
            return StoryDate(day, "dateline")
    return None

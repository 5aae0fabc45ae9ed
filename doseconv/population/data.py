"""The shipped population figures (``doseconv/data/population/``), read lazily with the csv module.

Each table maps a year to a whole number of people; which publisher, table and vintage gave the figure of a
year is in ``sources.toml`` (written with the tables by ``scripts/build_population.py``).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from typing import Any

__all__ = ["Row", "Source", "counties", "places", "regions", "source_for", "sources", "states", "world"]


@dataclass(frozen=True)
class Source:
    """Where one run of figures was published."""

    id: str
    publisher: str
    table: str
    file: str
    vintage: str
    url: str
    counts: str
    raw_sha256: str
    retrieved: str

    def to_dict(self) -> dict[str, str]:
        return {
            "publisher": self.publisher,
            "table": self.table,
            "file": self.file,
            "vintage": self.vintage,
            "url": self.url,
        }


@dataclass(frozen=True)
class Row:
    """One area of a shipped table: its identity and its figures by year (years without a figure are absent).

    The figures stay text until asked for: most rows of the places table are never read.
    """

    table: str
    key: str
    name: str
    state: str
    type: str
    cells: tuple[str, ...]
    first_year: int

    @cached_property
    def values(self) -> tuple[tuple[int, int], ...]:
        return tuple((self.first_year + i, int(cell)) for i, cell in enumerate(self.cells) if cell)

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(year for year, _ in self.values)

    def value(self, year: int) -> int:
        return dict(self.values)[year]


def _text(name: str) -> str:
    return resources.files("doseconv").joinpath("data", "population", name).read_text("utf-8")


def _read(name: str) -> tuple[int, int, list[list[str]]]:
    """The rows of a shipped table, the column of its first year, and that year."""
    header, *rows = csv.reader(_text(name).splitlines())
    column = next(i for i, head in enumerate(header) if head.isdigit())
    return column, int(header[column]), rows


@cache
def states() -> tuple[Row, ...]:
    """The nation (key ``US``), the 50 states, DC and Puerto Rico (keys are postal codes)."""
    column, first, rows = _read("states.csv")  # code, fips, name, years …
    return tuple(Row("states.csv", r[0], r[2], r[0], "", tuple(r[column:]), first) for r in rows)


@cache
def counties() -> tuple[Row, ...]:
    """Counties and county equivalents (keys are 5-digit FIPS codes)."""
    column, first, rows = _read("counties.csv")  # state, fips, name, 2020
    return tuple(Row("counties.csv", r[1], r[2], r[0], "", tuple(r[column:]), first) for r in rows)


@cache
def places() -> tuple[Row, ...]:
    """Incorporated places; ``type`` is city, town, village, borough … ('' where the table gives none)."""
    column, first, rows = _read("places.csv")  # state, name, type, fips, years …
    return tuple(
        Row("places.csv", r[3] or f"{r[0]}:{r[1]}:{r[2]}", r[1], r[0], r[2], tuple(r[column:]), first) for r in rows
    )


@cache
def world() -> tuple[Row, ...]:
    """World Bank countries and the world (key ``WLD``); keys are the World Bank's three-letter codes."""
    column, first, rows = _read("world.csv")  # code, name, years …
    return tuple(Row("world.csv", r[0], r[1], "", "", tuple(r[column:]), first) for r in rows)


@cache
def regions() -> tuple[Row, ...]:
    """The World Bank's regional, income and lending aggregates ("North America", "European Union")."""
    column, first, rows = _read("regions.csv")  # code, name, years …
    return tuple(Row("regions.csv", r[0], r[1], "", "", tuple(r[column:]), first) for r in rows)


@cache
def _sources_toml() -> dict[str, Any]:
    import tomllib

    return tomllib.loads(_text("sources.toml"))


@cache
def sources() -> dict[str, Source]:
    """Every source, by id."""
    return {entry["id"]: Source(**entry) for entry in _sources_toml()["sources"]}


def source_for(table: str, year: int) -> Source:
    """The source of the figure for ``year`` in shipped table ``table`` (such as ``states.csv``)."""
    for entry in _sources_toml()["figures"]:
        if entry["file"] == table and entry["first_year"] <= year <= entry["last_year"]:
            return sources()[entry["source"]]
    raise LookupError(f"no source for {table} in {year}")

"""The values of an assumption set: each parameter with its value, tested range and sources.

:class:`Source` is one citation, :class:`Parameter` one value (the lethal dose, a lab share, a
purity) with its sources; a value without a source cannot be built. Sets of them are
:mod:`doseconv.assumptions`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from .errors import AssumptionError
from .reading.numbers import exact_text

__all__ = ["PARAMETERS", "Parameter", "Source", "show_value"]

_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")

#: Parameter name -> (kind of value, what it is). Masses are held in milligrams, shares as fractions of one.
PARAMETERS: dict[str, tuple[str, str]] = {
    "lethal_dose": ("mass", "mass of fentanyl counted as one potentially lethal dose"),
    "pill_share": ("share", "share of fentanyl pills tested holding 2 mg or more"),
    "pill_content": ("mass", "mean fentanyl per pill"),
    "powder_purity": ("share", "mean purity of fentanyl powder"),
    "pill_mass": ("mass", "gross mass of one pill"),
}


@dataclass(frozen=True)
class Source:
    """Where a value was published. A source without publisher, title, date and URL cannot be made."""

    id: str
    publisher: str
    title: str
    date: str
    url: str
    short: str = ""  # how a sentence names it ("DEA's 2025 National Drug Threat Assessment"); optional

    def __post_init__(self) -> None:
        for name in ("id", "publisher", "title", "date", "url"):
            if not isinstance(getattr(self, name), str) or not getattr(self, name).strip():
                raise AssumptionError(f"source {self.id!r}: {name} is missing")
        if not _DATE.fullmatch(self.date):
            raise AssumptionError(f"source {self.id!r}: date {self.date!r} is not YYYY-MM-DD, YYYY-MM or YYYY")
        if not self.url.startswith(("https://", "http://")):
            raise AssumptionError(f"source {self.id!r}: url {self.url!r} is not an http(s) address")

    def cite(self) -> str:
        """One-line citation: publisher, "title", date, URL."""
        return f'{self.publisher}, "{self.title}", {self.date}, {self.url}'

    @property
    def plain(self) -> str:
        """The source as a sentence names it: its short title, else publisher and title."""
        return self.short or f'{self.publisher}, "{self.title}"'

    def to_dict(self) -> dict[str, str]:
        out = {"id": self.id, "publisher": self.publisher, "title": self.title, "date": self.date, "url": self.url}
        if self.short:
            out["short"] = self.short
        return out


@dataclass(frozen=True)
class Parameter:
    """One value of a set (exact; mg for masses, a fraction of one for shares), or the fact it is unpublished."""

    name: str
    value: Fraction | None
    low: Fraction | None = None
    high: Fraction | None = None
    sources: tuple[Source, ...] = ()
    note: str = ""
    origin: str = "published"  # "published", "unpublished" or "override"

    def __post_init__(self) -> None:
        if self.name not in PARAMETERS:
            raise AssumptionError(f"unknown parameter {self.name!r}; known: {', '.join(PARAMETERS)}")
        if self.origin == "unpublished":
            if self.value is not None or not self.note:
                raise AssumptionError(f"{self.name}: an unpublished value needs a note and no value")
            return
        if self.value is None:
            raise AssumptionError(f"{self.name}: value is missing")
        if self.origin == "published" and not self.sources:
            raise AssumptionError(f"{self.name}: a published value needs at least one source")
        low = self.value if self.low is None else self.low
        high = self.value if self.high is None else self.high
        if not low <= self.value <= high:
            raise AssumptionError(f"{self.name}: low <= value <= high does not hold")
        if self.kind == "share" and not 0 <= low <= high <= 1:
            raise AssumptionError(f"{self.name}: a share must lie between 0% and 100%")
        if self.name in ("lethal_dose", "pill_mass") and self.value <= 0:
            raise AssumptionError(f"{self.name}: must be more than zero")

    @property
    def kind(self) -> str:
        return PARAMETERS[self.name][0]

    @property
    def published(self) -> bool:
        return self.origin != "unpublished"

    @property
    def range(self) -> tuple[Fraction, Fraction] | None:
        """(low, high) when a range is published, else None."""
        if self.value is None or (self.low is None and self.high is None):
            return None
        return (self.value if self.low is None else self.low, self.value if self.high is None else self.high)

    def show(self, value: Fraction | None = None) -> str:
        """A value of this parameter as text: "2 mg", "19.2%"."""
        value = self.value if value is None else value
        if value is None:
            return "not published"
        return show_value(self.kind, value)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "origin": self.origin}
        if self.value is not None:
            unit = "mg" if self.kind == "mass" else "fraction"
            out.update(value=exact_text(self.value), unit=unit, display=self.show())
            if self.range:
                out.update(low=exact_text(self.range[0]), high=exact_text(self.range[1]))
        if self.note:
            out["note"] = self.note
        out["sources"] = [source.to_dict() for source in self.sources]
        return out


def show_value(kind: str, value: Fraction) -> str:
    """Text for a mass in mg or a share: ``show_value("share", Fraction(1, 10))`` is ``'10%'``."""
    from .reading.numbers import format_grouped

    if kind == "share":
        return f"{format_grouped(value * 100)}%"
    return f"{format_grouped(value)} mg"

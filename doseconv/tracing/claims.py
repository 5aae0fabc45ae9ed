"""A claim as restatement tracing reads it from a story record: its figure as stated (the interval of true values
its words allow), its inputs, its scope, its period as days, its verdict and the story's path and date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from fractions import Fraction
from functools import cached_property
from typing import Any

from .periods import Span, read_period

__all__ = ["Input", "TracedClaim", "claims_of"]

#: Mass units the scanner names -> kilograms, for inputs restated in another unit.
_KG = {
    "milligram": Fraction(1, 1_000_000),
    "gram": Fraction(1, 1000),
    "kilogram": Fraction(1),
    "pound": Fraction(45359237, 100_000_000),
    "ounce": Fraction(28349523125, 1_000_000_000_000),
    "short_ton": Fraction(90718474, 100_000),
    "tonne": Fraction(1000),
    "metric_ton": Fraction(1000),
}


def _fraction(text: Any) -> Fraction | None:
    """An exact value as the JSON writes it ("192500000", "147417520.25", "48/11"); whole numbers the quick way."""
    if text is None:
        return None
    text = str(text)
    if text.isdigit():
        return Fraction(int(text))
    try:
        return Fraction(text)
    except (ValueError, ZeroDivisionError):
        return None


@dataclass(frozen=True)
class Input:
    """A pill or powder figure a claim was built from: its words, qualifier as written and read, value and unit."""

    text: str
    written: str  # the qualifier as written: "nearly", "just under", "" for none
    qualifier: str  # its rule: "nearly", "more_than", "none"
    value: Fraction | None
    unit: str
    step: Fraction | None

    @cached_property
    def base(self) -> Fraction | None:
        """The value in pills, or in kilograms for a mass."""
        if self.value is None:
            return None
        return self.value * _KG[self.unit] if self.unit in _KG else self.value

    @cached_property
    def base_step(self) -> Fraction:
        """The step of its last significant digit, in the same unit as :attr:`base`."""
        return Fraction(0) if self.step is None else self.step * _KG.get(self.unit, 1)

    def same_amount(self, other: Input) -> bool:
        """Whether the two name the same amount, within the coarser one's step (units converted)."""
        if self.base is None or other.base is None or (self.unit in _KG) != (other.unit in _KG):
            return False
        if self.base == other.base:
            return True
        return abs(self.base - other.base) <= max(self.base_step, other.base_step)


@dataclass(frozen=True)
class TracedClaim:
    """One claim of one story, with what tracing compares."""

    path: str
    date: dt.date | None
    index: int
    text: str  # the dose figure as written
    written: str  # its qualifier as written
    qualifier: str  # its qualifier's rule
    number: str  # its number as written ("193 million")
    noun: str  # the words after the number ("deadly doses", "people")
    value: Fraction | None
    low: Fraction
    high: Fraction
    low_open: bool
    high_open: bool
    kind: str  # "doses", or "population" for a population phrase (a floor)
    scale: str
    pills: Input | None
    powder: Input | None
    scope: Mapping[str, str | None]
    scope_text: str
    period: Span | None
    verdict: str
    reproduced_by: tuple[str, ...]
    correction: str | None
    sentence: str

    def overlaps(self, other: TracedClaim, factor: Fraction = Fraction(1)) -> bool:
        """Whether the true values the two figures' words allow overlap (``other`` times ``factor``)."""
        if factor == 1 and (self.low, self.high, self.low_open, self.high_open) == (
            other.low,
            other.high,
            other.low_open,
            other.high_open,
        ):
            return True
        low, high = other.low * factor, other.high * factor
        below = self.high < low or (self.high == low and (self.high_open or other.low_open))
        above = high < self.low or (high == self.low and (other.high_open or self.low_open))
        return not (below or above)


def _input(stated: Mapping[str, Any] | None, figure: Mapping[str, Any] | None) -> Input | None:
    if stated is None:
        return None
    written = str((figure or {}).get("qualifier") or "")
    text = str((figure or {}).get("text") or stated.get("text") or "")
    value, step = _fraction(stated.get("value")), _fraction(stated.get("step"))
    return Input(text, written, str(stated.get("qualifier") or "none"), value, str(stated.get("unit") or ""), step)


def _noun(figure: Mapping[str, Any], text: str) -> str:
    number = str(figure.get("number") or "")
    if number and number in text:
        return text.split(number, 1)[1].strip()
    return text


def _claim(record: Mapping[str, Any], claim: Mapping[str, Any], date: dt.date | None) -> TracedClaim | None:
    figures = {f.get("index"): f for f in record.get("figures") or ()}
    check = claim.get("check") or {}
    claimed = check.get("claimed") or {}
    inputs = check.get("inputs") or {}
    doses = figures.get(claim.get("doses")) or {}
    low, high = _fraction(claimed.get("low")), _fraction(claimed.get("high"))
    if low is None or high is None:  # a figure the checker could not read: nothing to compare
        return None
    text = str(doses.get("text") or (claim.get("stated") or {}).get("claim") or "")
    scope = claim.get("scope") or {}
    correction = claim.get("correction") or {}
    stated_claim = inputs.get("claim") or {}
    return TracedClaim(
        path=str(record.get("path") or record.get("source")),
        date=date,
        index=int(claim.get("index") or 0),
        text=text,
        written=str(doses.get("qualifier") or ""),
        qualifier=str(stated_claim.get("qualifier") or "none"),
        number=str(doses.get("number") or ""),
        noun=_noun(doses, text),
        value=_fraction(stated_claim.get("value")),
        low=low,
        high=high,
        low_open=bool(claimed.get("low_open")),
        high_open=bool(claimed.get("high_open")),
        kind="population" if check.get("population") else "doses",
        scale=str(claim.get("scale") or ""),
        pills=_input(inputs.get("pills"), figures.get(claim.get("pills"))),
        powder=_input(inputs.get("powder"), figures.get(claim.get("powder"))),
        scope=scope,
        scope_text=str(claim.get("scope_text") or ""),
        period=read_period(scope.get("period"), date),
        verdict=str(claim.get("verdict")),
        reproduced_by=tuple(claim.get("reproduced_by") or ()),
        correction=correction.get("phrase"),
        sentence=str(claim.get("sentence") or ""),
    )


def _date(record: Mapping[str, Any]) -> dt.date | None:
    found = record.get("story_date") or {}
    try:
        return dt.date.fromisoformat(found["date"]) if found.get("date") else None
    except (TypeError, ValueError):
        return None


def claims_of(records: Iterable[Mapping[str, Any]]) -> Iterator[TracedClaim]:
    """The claims of every story record (error and summary records are passed over)."""
    for record in records:
        if record.get("record", "story") != "story" or "claims" not in record:
            continue
        date = _date(record)
        for claim in record["claims"]:
            traced = _claim(record, claim, date)
            if traced is not None:
                yield traced

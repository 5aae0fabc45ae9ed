"""Helpers shared by the checker tests: exact figures, figures built directly, the DEA yearly means."""

from __future__ import annotations

from fractions import Fraction

from doseconv.assumptions import load_set, set_names
from doseconv.reading.numbers import format_grouped
from doseconv.reading.quantity import Amount
from doseconv.reading.stated import StatedFigure, parse_stated, qualifier_rules

F = Fraction

#: Units whose size in mg is a power of ten: any mass converts into them as a terminating decimal.
METRIC_UNITS = ["mg", "g", "kg", "tonnes"]
#: How each unit is written in a figure ("5 tonnes" is misread as a range; see test_stated.py).
SPELLING = {"tonnes": "metric tonnes"}


def exact(text: str) -> StatedFigure:
    """A figure known to be exact: its interval is the single value stated."""
    return parse_stated(text, exact=True)


def figure(value: Fraction, unit: str, kind: str, step: Fraction, key: str) -> StatedFigure:
    """A stated figure built directly: value, unit, step and qualifier rule."""
    phrase = (qualifier_rules()[key].phrases or ("",))[0]
    return StatedFigure(f"{phrase} {value} {unit}", key, phrase, Amount(value, unit, kind, step))


def diagnosis(result) -> dict[str, object]:
    return {d.method: d for d in result.diagnosis}


def yearly_means(parameter: str) -> dict[str, Fraction]:
    """Each DEA set's published mean of ``parameter`` (the "pure" convention is not a measurement)."""
    means = {}
    for name in set_names():
        value = load_set(name).parameter(parameter).value
        if name != "pure" and value is not None:
            means[name] = value
    return means


def aggregate_basis(parameter: str, show) -> tuple[Fraction, Fraction, str]:
    """The aggregate band as specified: the lowest to the highest yearly mean DEA published."""
    means = yearly_means(parameter)
    low, high = min(means, key=means.__getitem__), max(means, key=means.__getitem__)
    basis = f"yearly means published by DEA, {show(means[low])} ({low}) to {show(means[high])} ({high})"
    return means[low], means[high], basis


def percent(value: Fraction) -> str:
    """A share as the checker shows a band's end: "9.2%"."""
    return f"{format_grouped(value * 100, 2)}%"

"""Figures with units, read exactly."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given

from doseconv.errors import AmbiguousUnitError, DoseconvError, InputError, UnitError
from doseconv.reading.numbers import format_grouped
from doseconv.reading.quantity import Amount, parse_amount, parse_mass

from .strategies import MASS_UNITS_MG, decimals, mass_units


@pytest.mark.parametrize(
    ("text", "value", "unit", "kind"),
    [
        ("6500 lb", Fraction(6500), "pound", "mass"),
        ("6,500 pounds of fentanyl powder", Fraction(6500), "pound", "mass"),
        ("two pounds", Fraction(2), "pound", "mass"),
        ("ten ounces", Fraction(10), "ounce", "mass"),
        ("4,535.9237 kg", Fraction("4535.9237"), "kilogram", "mass"),
        ("44 million pills", Fraction(44_000_000), "pill", "pills"),
        ("1.3 million fentanyl pills", Fraction(1_300_000), "pill", "pills"),
        ("738.5 million doses", Fraction(738_500_000), "lethal_dose", "doses"),
        ("1.47 billion potentially lethal doses", Fraction(1_470_000_000), "lethal_dose", "doses"),
        ("193 million deadly doses of fentanyl", Fraction(193_000_000), "lethal_dose", "doses"),
        ("3mg", Fraction(3), "milligram", "mass"),
        ("10 kilos of suspected fentanyl", Fraction(10), "kilogram", "mass"),
        ("5,000 fake M30s", Fraction(5000), "pill", "pills"),
    ],
)
def test_parse_amount(text: str, value: Fraction, unit: str, kind: str) -> None:
    amount = parse_amount(text)
    assert (amount.value, amount.unit, amount.kind) == (value, unit, kind)


@pytest.mark.parametrize(
    ("text", "error", "fragment"),
    [
        ("6500 tons", AmbiguousUnitError, "ambiguous"),
        ("6500", UnitError, "has no unit"),
        ("-5 kg", InputError, "negative"),
        ("nan kg", InputError, "not a finite number"),
        ("1e400 lb", InputError, "out of range"),
        ("$100 million", InputError, "money"),
        ("__import__('os').system('id')", InputError, "no number"),
        ("6500 furlongs", UnitError, "unknown unit"),
        ("", InputError, "no number"),
    ],
)
def test_parse_amount_refuses(text: str, error: type, fragment: str) -> None:
    with pytest.raises(error, match=fragment):
        parse_amount(text)


def test_other_drugs_are_read_only_when_asked() -> None:
    """A claims file keeps other drugs seized for context: read on purpose, refused otherwise."""
    assert parse_amount("200 pounds of methamphetamine", other_drugs=True).value == 200
    with pytest.raises(InputError, match="names methamphetamine, not fentanyl"):
        parse_amount("200 pounds of methamphetamine")


def test_errors_are_value_errors_too() -> None:
    with pytest.raises(ValueError):
        parse_amount("6500 tons")


def test_parse_mass_refuses_pills() -> None:
    with pytest.raises(UnitError, match="is not a mass"):
        parse_mass("10 pills")


def test_amount_refuses_negative_values() -> None:
    with pytest.raises(InputError, match="negative"):
        Amount(Fraction(-1), "gram", "mass")


def test_amount_to_keeps_the_step_in_the_new_unit() -> None:
    amount = parse_amount("6,500 lb").to("g")
    assert amount.step == 100 * Fraction("453.59237")


@given(decimals, mass_units, mass_units)
def test_mass_round_trip_is_exact(value, source: str, target: str) -> None:
    """Converting a mass to another unit and back gives exactly the value it started from."""
    amount = parse_amount(f"{format_grouped(value)} {source}")
    back = amount.to(target).to(source)
    assert back.value == amount.value
    assert amount.to(target).value == amount.value * MASS_UNITS_MG[source] / MASS_UNITS_MG[target]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [("1.5-kilogram brick", Fraction(3, 2), "kilogram"), ("2-pound bag of fentanyl powder", Fraction(2), "pound"),
     ("2 kilos bundle", Fraction(2), "kilogram"), ("12 kilogram packages of fentanyl", Fraction(12), "kilogram")],
)  # fmt: skip
def test_a_mass_named_with_its_package_is_the_mass(text: str, value: Fraction, unit: str) -> None:
    """Regression: "1.5-kilogram brick" was refused by check ("no number at the start of 'kilogram brick'")."""
    amount = parse_amount(text)
    assert (amount.value, amount.unit, amount.kind) == (value, unit, "mass")


@pytest.mark.parametrize("text", ["2 bricks", "3 bags of fentanyl", "a brick"])
def test_packages_counted_are_no_mass(text: str) -> None:
    with pytest.raises(DoseconvError):
        parse_amount(text)

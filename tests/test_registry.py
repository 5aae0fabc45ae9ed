"""The unit registry: exact magnitudes, kinds of their own, the ton refused."""

from __future__ import annotations

from fractions import Fraction

import pytest

from doseconv.errors import AmbiguousUnitError, UnitError
from doseconv.registry import get_registry, resolve_unit, unit_factor


@pytest.mark.parametrize(
    ("source", "target", "factor"),
    [
        ("pound", "gram", Fraction("453.59237")),
        ("ounce", "gram", Fraction("28.349523125")),
        ("short_ton", "kilogram", Fraction("907.18474")),
        ("tonne", "kilogram", Fraction(1000)),
        ("kilogram", "milligram", Fraction(10**6)),
        ("milligram", "pound", Fraction(100, 45359237)),
    ],
)
def test_factors_are_exact(source: str, target: str, factor: Fraction) -> None:
    assert unit_factor(source, target) == factor


def test_registry_is_built_from_the_projects_own_file() -> None:
    ureg = get_registry()
    assert "meter" not in ureg  # pint's default registry would define it
    assert ureg.Quantity(Fraction(1), "lb").to("kg").magnitude == Fraction(45359237, 100000000)


@pytest.mark.parametrize(
    ("text", "unit", "kind"),
    [("lb", "pound", "mass"), ("lbs", "pound", "mass"), ("pounds", "pound", "mass"), ("kilos", "kilogram", "mass"),
     ("kg", "kilogram", "mass"), ("grams", "gram", "mass"), ("ounces", "ounce", "mass"), ("oz", "ounce", "mass"),
     ("short tons", "short_ton", "mass"), ("metric tons", "tonne", "mass"), ("tonnes", "tonne", "mass"),
     ("pills", "pill", "pills"), ("tablets", "pill", "pills"), ("doses", "lethal_dose", "doses"),
     ("lethal doses", "lethal_dose", "doses"), ("Pounds", "pound", "mass")],
)  # fmt: skip
def test_resolve_unit(text: str, unit: str, kind: str) -> None:
    assert resolve_unit(text) == (unit, kind)


@pytest.mark.parametrize("text", ["ton", "tons", "Tons", "t"])
def test_bare_ton_is_refused_naming_both_readings(text: str) -> None:
    with pytest.raises(AmbiguousUnitError, match=r"short tons.*907\.18474 kg.*tonnes.*1,000 kg"):
        resolve_unit(text)


@pytest.mark.parametrize("text", ["furlong", "m", "__import__('os')", "lb*2", "", "kg/lb", "mmg"])
def test_unknown_units_are_refused(text: str) -> None:
    with pytest.raises(UnitError, match="unknown unit"):
        resolve_unit(text)


def test_a_pill_is_not_a_mass() -> None:
    ureg = get_registry()
    with pytest.raises(Exception, match="Cannot convert"):
        ureg.Quantity(Fraction(1), "pill").to("mg")
    with pytest.raises(Exception, match="Cannot convert"):
        ureg.Quantity(Fraction(1), "lethal_dose").to("mg")

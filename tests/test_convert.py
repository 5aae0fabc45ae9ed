"""Conversions: exact scalars, vectorized arrays and Series, the high-level convert()."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from doseconv import (
    MissingValueError,
    convert,
    convert_mass,
    doses_to_mass,
    pills_to_doses,
    powder_to_doses,
)
from doseconv.errors import InputError, UnitError, UnknownAssumptionSetError

from .strategies import MASS_UNITS_MG, counts, decimals, mass_units, shares

# The vectorized path multiplies float64 arrays by a float factor: one rounding of the factor and
# one of the product, so results are within 4 units in the last place of the exact value.
RTOL = 4 * 2.0**-52


def test_the_four_issue_examples() -> None:
    assert convert("6500 lb", "kg").display == "2,948.350405 kg"
    doses = convert("6500 lb", "doses", purity="10%")
    assert (doses.display, doses.value) == ("147,417,520 doses", Fraction("147417520.25"))
    mass = convert("193 million doses", "kg")
    assert (mass.display, mass.value) == ("386 kg", Fraction(386))
    pills = convert("44 million pills", "doses", pill_model="lab-share", assumptions="dea-2023")
    assert (pills.display, pills.value) == ("30.8 million doses", Fraction(30_800_000))


def test_pure_set_is_the_500000_per_kg_convention() -> None:
    assert powder_to_doses("1 kg", assumptions="pure") == 500_000


def test_default_set_purity_is_used_without_an_override() -> None:
    assert powder_to_doses("1 kg") == Fraction(1_000_000) * Fraction("0.192") / 2


def test_mean_content_model() -> None:
    assert pills_to_doses(1000, "mean-content", assumptions="dea-2022") == 1200
    assert pills_to_doses(1000, "mean-content", mg_per_pill="3 mg") == 1500


def test_lethal_dose_override() -> None:
    assert doses_to_mass(1, "mg", lethal_dose="3 mg") == 3
    assert powder_to_doses("1 kg", assumptions="pure", lethal_dose="0.25 mg") == 4_000_000


def test_a_set_without_the_value_says_so() -> None:
    with pytest.raises(
        MissingValueError, match=r"dea-2023.*mean fentanyl per pill.*or give one of your own$"
    ) as caught:
        pills_to_doses(10, "mean-content", assumptions="dea-2023")
    assert caught.value.parameter == caught.value.remedy.parameter == "mg_per_pill"
    assert "--" not in str(caught.value) and "mg_per_pill" not in str(
        caught.value
    )  # the library never names a command-line option


@pytest.mark.parametrize(
    ("call", "error", "fragment"),
    [
        (lambda: convert("10 lb", "pills"), UnitError, "cannot convert a mass to pills"),
        (lambda: convert("10 pills", "kg"), UnitError, "cannot convert pills to a mass"),
        (lambda: convert("10 lb", "doses", purity="150%"), InputError, "above 100 %"),
        (lambda: convert("10 lb", "doses", assumptions="dea-2099"), UnknownAssumptionSetError, "pure, dea-2017"),
        (lambda: convert("10 pills", "doses", pill_model="two-each"), InputError, "one-per-pill, lab-share"),
        (lambda: convert("10 lb", "furlongs"), UnitError, "unknown unit"),
        (lambda: powder_to_doses(5), UnitError, "give unit="),
        (lambda: powder_to_doses(-5, "kg"), InputError, "negative"),
        (lambda: powder_to_doses(float("nan"), "kg"), InputError, "not a finite number"),
        (lambda: powder_to_doses("5 pills"), UnitError, "must be mass"),
        (lambda: powder_to_doses(np.array([1.0, -2.0]), "kg"), InputError, "negative"),
        (lambda: powder_to_doses(np.array([1.0, np.inf]), "kg"), InputError, "infinite"),
    ],
)
def test_bad_input_is_refused(call, error: type, fragment: str) -> None:
    with pytest.raises(error, match=fragment):
        call()


def test_floats_are_read_through_their_repr() -> None:
    assert convert_mass(0.1, "kg", "g") == 100  # not 100.000000000000005551...


def test_decimal_input_stays_exact() -> None:
    assert convert_mass(Decimal("4535.9237"), "kg", "lb") == Fraction("4535.9237") * 1000 / Fraction("453.59237")


def test_numpy_array_goes_through_one_multiplication() -> None:
    masses = np.array([0.0, 1.0, 6500.0])
    out = powder_to_doses(masses, "lb", purity="10%")
    assert isinstance(out, np.ndarray) and out.dtype == np.float64
    np.testing.assert_allclose(out, [0.0, 22679.6185, 147417520.25], rtol=RTOL)


def test_series_keeps_index_and_name_and_input_is_not_modified() -> None:
    series = pd.Series([1.0, 2.5], index=["a", "b"], name="kg")
    before = series.copy()
    out = powder_to_doses(series, "kg", assumptions="pure")
    assert isinstance(out, pd.Series)
    assert list(out.index) == ["a", "b"] and out.name == "doses"  # named for what it holds now
    assert out.tolist() == [500000.0, 1250000.0]
    pd.testing.assert_series_equal(series, before)


def test_vector_pills_and_doses() -> None:
    np.testing.assert_allclose(
        pills_to_doses(np.array([44e6]), "lab-share", assumptions="dea-2023"), [30.8e6], rtol=RTOL
    )
    np.testing.assert_allclose(doses_to_mass(np.array([193e6]), "kg"), [386.0], rtol=RTOL)


def test_vector_path_creates_no_pint_objects(monkeypatch: pytest.MonkeyPatch) -> None:
    """Per-element pint quantities would be slow: the factor is computed once, then one multiply."""
    from doseconv import registry

    calls = []
    original = registry.get_registry

    def counting():
        calls.append(1)
        return original()

    registry.unit_factor.cache_clear()
    monkeypatch.setattr(registry, "get_registry", counting)
    powder_to_doses(np.arange(10_000, dtype=float), "kg", purity="10%")
    assert len(calls) <= 2  # one factor (kg -> mg); never per element


@given(st.lists(decimals.map(float), min_size=1, max_size=20), mass_units, shares)
def test_vector_path_agrees_with_exact_path(values, unit, share) -> None:
    """Each element of the vectorized result is within RTOL of the exact scalar result."""
    out = powder_to_doses(np.array(values), unit, purity=share)
    for got, value in zip(out, values, strict=True):
        exact = powder_to_doses(value, unit, purity=share)
        assert got == pytest.approx(float(exact), rel=RTOL, abs=1e-300)


@given(decimals, decimals, mass_units, shares)
def test_doses_are_monotone_in_mass(a, b, unit, share) -> None:
    """More powder never gives fewer doses."""
    low, high = sorted((a, b))
    assert powder_to_doses(low, unit, purity=share) <= powder_to_doses(high, unit, purity=share)


@given(decimals, mass_units, shares, shares)
def test_doses_are_monotone_in_purity(mass, unit, p, q) -> None:
    """Purer powder never gives fewer doses."""
    low, high = sorted((p, q))
    assert powder_to_doses(mass, unit, purity=low) <= powder_to_doses(mass, unit, purity=high)


@given(counts, counts, st.sampled_from(["one-per-pill", "lab-share", "mean-content"]))
def test_doses_are_monotone_in_pill_count(a, b, model) -> None:
    """More pills never give fewer doses, under every pill model."""
    low, high = sorted((a, b))
    assert pills_to_doses(low, model) <= pills_to_doses(high, model)


@given(decimals, mass_units, mass_units, shares)
def test_doses_do_not_depend_on_the_unit(value, source, target, share) -> None:
    """The same mass written in another unit gives exactly the same doses."""
    converted = Fraction(value) * MASS_UNITS_MG[source] / MASS_UNITS_MG[target]
    assert powder_to_doses(value, source, purity=share) == powder_to_doses(converted, target, purity=share)


@given(decimals)
def test_doses_to_mass_inverts_powder_at_full_purity(mg) -> None:
    """Pure powder to doses and back gives the mass it started from."""
    doses = powder_to_doses(mg, "mg", assumptions="pure")
    assert doses_to_mass(doses, "mg", assumptions="pure") == Fraction(mg)

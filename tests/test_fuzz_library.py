"""Fuzz: the library, given hostile text, numbers of every type and arrays of every dtype, raises only
:class:`doseconv.errors.DoseconvError` subclasses (each with a one-line message), never a bare exception."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import doseconv
from doseconv.errors import DoseconvError, InputError
from doseconv.overrides import Overrides
from doseconv.reading.stated import describe, parse_stated
from doseconv.scan import scan_text

from .fuzz_strategies import fuzz_settings, hostile_texts, numeric_arrays, stories

#: Python scalars of every kind a caller might pass: huge ints, odd floats and Decimals, booleans, complex, None.
scalars = st.one_of(
    st.integers(min_value=-(10**20), max_value=10**20),
    st.integers(min_value=0, max_value=10**5000 - 1),  # bounded by MAX_DIGITS
    st.floats(),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.fractions(max_denominator=10**6),
    st.booleans(),
    st.complex_numbers(),
    st.none(),
    st.just(10**5000),
    st.just(Fraction(1, 10**5000)),
    st.just(Decimal("1e999999")),
)


def only_doseconv_errors(call: Any, *args: Any, **kwargs: Any) -> Any:
    """Run ``call``: it returns, or raises a DoseconvError with a one-line message."""
    try:
        return call(*args, **kwargs)
    except DoseconvError as error:
        assert "\n" not in str(error), str(error)
        return error


@fuzz_settings(300)
@given(hostile_texts)
def test_figure_readers(text: str) -> None:
    """parse_number, parse_amount, parse_share, parse_stated and describe on hostile text."""
    for reader in (doseconv.parse_number, doseconv.parse_amount, doseconv.parse_share, parse_stated, describe):
        only_doseconv_errors(reader, text)


@fuzz_settings(200)
@given(hostile_texts, st.sampled_from([None, "kg", "doses", "lb", "pills", "mg"]))
def test_convert(text: str, target: str | None) -> None:
    only_doseconv_errors(doseconv.convert, text, target)


@fuzz_settings(150)
@given(st.one_of(st.none(), hostile_texts), st.one_of(st.none(), hostile_texts), hostile_texts)
def test_check(pills: str | None, powder: str | None, claim: str) -> None:
    result = only_doseconv_errors(doseconv.check, pills, powder, claim)
    if not isinstance(result, DoseconvError):
        result.to_dict()  # the JSON form of any result can be built


@fuzz_settings(200)
@given(
    st.sampled_from(["purity", "pill_share", "lethal_dose", "mg_per_pill", "pill_mass"]),
    st.one_of(hostile_texts, scalars),
)
def test_overrides(name: str, value: Any) -> None:
    only_doseconv_errors(Overrides, **{name: value})


@fuzz_settings(300)
@given(scalars, st.sampled_from(["convert_mass", "powder_to_doses", "pills_to_doses", "doses_to_mass"]))
def test_scalar_conversions(value: Any, name: str) -> None:
    """Every conversion function on every kind of Python scalar: an exact Fraction or a DoseconvError."""
    function = getattr(doseconv, name)
    args = {"convert_mass": (value, "kg", "g"), "powder_to_doses": (value, "kg"), "pills_to_doses": (value,),
            "doses_to_mass": (value, "kg")}[name]  # fmt: skip
    result = (
        only_doseconv_errors(function, *args, purity="10%")
        if name == "powder_to_doses"
        else (only_doseconv_errors(function, *args))
    )
    assert isinstance(result, (Fraction, DoseconvError))


@fuzz_settings(200)
@given(numeric_arrays())
def test_arrays_of_every_dtype(values: Any) -> None:
    """Real numeric dtypes with finite values of zero or more convert (one float multiplication), a missing value
    to a missing result; every other dtype, value or container is an InputError."""
    import warnings

    import numpy as np

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", doseconv.MissingValuesWarning)
        result = only_doseconv_errors(doseconv.convert_mass, values, "kg", "g")
    kind = getattr(getattr(values, "dtype", None), "kind", None)
    if isinstance(result, DoseconvError):
        assert isinstance(result, InputError)
        return
    assert kind in ("i", "u", "f") and type(values).__name__ != "DataFrame"
    expected = np.asarray(values, dtype=float) * 1000.0
    got = np.asarray(result, dtype=float)
    assert (np.isnan(got) == np.isnan(expected)).all()  # NaN in, NaN out
    assert np.isfinite(got[~np.isnan(got)]).all()
    assert np.allclose(got, expected, rtol=1e-15, atol=0, equal_nan=True)


@fuzz_settings(100)
@given(stories)
def test_scan_text(story: str) -> None:
    report = only_doseconv_errors(scan_text, story)
    if not isinstance(report, DoseconvError):
        assert all(claim.verdict for claim in report.claims)


@pytest.mark.parametrize(
    "value",
    [10**5000, -(10**5000), Fraction(10**5000, 3), Decimal("1e5000")],
    ids=["int", "negative int", "Fraction", "Decimal"],
)
def test_huge_numbers_are_refused_by_every_conversion(value: Any) -> None:
    """Ints, Fractions and Decimals beyond 4,300 digits are an InputError (they could not even be printed)."""
    for call in (
        lambda: doseconv.convert_mass(value, "kg", "g"),
        lambda: doseconv.pills_to_doses(value),
        lambda: doseconv.powder_to_doses(value, "kg", purity="10%"),
        lambda: doseconv.doses_to_mass(value),
    ):
        with pytest.raises(InputError):
            call()

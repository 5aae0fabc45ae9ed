"""The vectorized API takes real numbers only: every numpy and pandas dtype that is not an integer or a float is
refused with an InputError naming the dtype; results that would overflow are an error; a unit written in the text
must agree with the unit argument."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from doseconv import convert_mass, doses_to_mass, pills_to_doses, powder_to_doses
from doseconv.errors import InputError, UnitError
from doseconv.vectors import MissingValuesWarning

REFUSED = [
    (np.array(["2020-01-01"], dtype="datetime64[D]"), "datetime64[D]: dates are not quantities"),
    (pd.Series(pd.to_datetime(["2020-01-01"])), "]: dates are not quantities"),
    (np.array([1], dtype="timedelta64[s]"), "timedelta64[s]: time spans are not quantities"),
    (pd.Series(pd.to_timedelta([1], unit="D")), "]: time spans are not quantities"),
    (np.array([True, False]), "bool: true/false values are not quantities"),
    (pd.Series([True], dtype="boolean"), "boolean: true/false values are not quantities"),
    (np.array([1 + 2j]), "complex128: complex numbers are not quantities"),
    (np.array(["5 kg"]), "<U4: text is not a number"),
    (np.array([5, "x"], dtype=object), "object: objects (text or mixed values) are not numbers"),
    (np.bool_(True), "bool: true/false values are not quantities"),
    (np.datetime64("2020-01-01"), "datetime64[D]: dates are not quantities"),
    (np.complex128(1), "complex128: complex numbers are not quantities"),
]


@pytest.mark.parametrize(("value", "message"), REFUSED, ids=lambda v: str(getattr(v, "dtype", v)))
@pytest.mark.parametrize("function", [convert_mass, powder_to_doses])
def test_non_numeric_dtypes_are_refused_naming_the_dtype(function, value, message: str) -> None:
    with pytest.raises(InputError) as caught:
        function(value, "kg", purity="10%") if function is powder_to_doses else function(value, "kg", "g")
    assert message in str(caught.value) and "\n" not in str(caught.value)


def test_a_series_of_text_is_refused_not_a_bare_value_error() -> None:
    with pytest.raises(InputError, match=r"^pills has dtype (object|str): .*pandas\.to_numeric"):
        pills_to_doses(pd.Series(["5 pills", "six"]))


@pytest.mark.parametrize(
    "dtype", ["int8", "int64", "uint8", "uint64", "float16", "float32", "float64", "Int64", "UInt16", "Float64"]
)
def test_every_real_numeric_dtype_is_accepted(dtype: str) -> None:
    series = pd.Series([0, 1, 100], dtype=dtype, name="kg")
    out = convert_mass(series, "kg", "g")
    assert out.tolist() == [0.0, 1000.0, 100000.0] and out.name == "g"  # named for what it holds
    assert convert_mass(np.array([0, 1, 100], dtype=series.to_numpy().dtype), "kg", "g").tolist() == out.tolist()


def test_numpy_scalars_are_read_exactly_like_python_numbers() -> None:
    assert convert_mass(np.float64(0.1), "kg", "g") == 100
    assert convert_mass(np.int32(5), "kg", "g") == 5000
    assert pills_to_doses(np.uint64(10)) == 10


@pytest.mark.parametrize(
    "value",
    [pd.Series([1, None, 2], dtype="Int64"), pd.Series([1.0, np.nan, 2.0]), np.array([1.0, np.nan, 2.0])],
    ids=["Int64", "float64 Series", "array"],
)
def test_missing_values_give_missing_results_counted(value) -> None:
    """What goes wrong today: one missing value refused the whole Series. Now NaN in, NaN out, counted."""
    with pytest.warns(
        MissingValuesWarning, match=r"^powder: 1 of 3 values are missing \(NaN\); their results are NaN$"
    ) as caught:
        out = powder_to_doses(value, "kg", assumptions="pure")
    assert (caught[0].message.count, caught[0].message.size) == (1, 3)
    assert np.isnan(out[1]) and [out[0], out[2]] == [500_000.0, 1_000_000.0]


@pytest.mark.parametrize("value", [np.array([1.0, -2.0, np.nan]), pd.Series([np.inf, np.nan]), np.array([-0.5])])
def test_negative_and_infinite_values_are_refused_beside_missing_ones(value) -> None:
    with pytest.raises(
        InputError, match=r"^mass holds negative or infinite values; figures must be finite and zero or more$"
    ):
        convert_mass(value, "kg", "g")


def test_a_factor_of_zero_still_refuses_negative_values_and_keeps_missing_ones() -> None:
    with pytest.raises(InputError, match="negative or infinite"):
        powder_to_doses(np.array([-1.0]), "kg", purity="0%")
    with pytest.warns(MissingValuesWarning):
        out = powder_to_doses(np.array([1.0, np.nan]), "kg", purity="0%")
    assert out[0] == 0 and np.isnan(out[1])


def test_dataframes_and_index_objects() -> None:
    frame = pd.DataFrame({"mass": [1.0, 2.0], "where": ["a", "b"]})
    with pytest.raises(
        InputError,
        match=r"^mass: give one column of the DataFrame by name \(frame\[name\]; columns: 'mass', 'where'\)$",
    ):
        convert_mass(frame, "kg", "g")
    assert convert_mass(frame["mass"], "kg", "g").tolist() == [1000.0, 2000.0]
    index = pd.Index([1.0, 2.0], name="kg")
    out = convert_mass(index, "kg", "g")
    assert isinstance(out, pd.Index) and out.tolist() == [1000.0, 2000.0] and out.name == "g"
    with pytest.raises(InputError, match=r"dtype (object|str)"):
        convert_mass(pd.Index(["a"]), "kg", "g")


def test_results_that_overflow_are_an_error_not_inf() -> None:
    with pytest.raises(InputError, match="too large for floating point"):
        convert_mass(np.array([1e308]), "kg", "mg")
    with pytest.raises(InputError, match="too large for floating point"):
        doses_to_mass(pd.Series([1e307]), "mcg", lethal_dose="1e6 kg")
    assert convert_mass(np.array([1e300]), "kg", "g")[0] == pytest.approx(1e303, rel=1e-15)


@pytest.mark.parametrize(("value", "unit"), [("5 lb", "kg"), ("5 kg", "lb"), ("5 pounds", "g")])
def test_a_unit_in_the_text_must_agree_with_the_unit_argument(value: str, unit: str) -> None:
    with pytest.raises(UnitError, match=r"give the unit once, in the text or as unit="):
        convert_mass(value, unit, "g")
    with pytest.raises(UnitError, match=r"give the unit once"):
        powder_to_doses(value, unit, purity="10%")


def test_a_unit_given_twice_the_same_way_is_accepted() -> None:
    assert convert_mass("5 kg", "kg", "g") == convert_mass("5 kilograms", "kilogram", "g") == 5000
    assert convert_mass("5", "lb", "g") == convert_mass("5 lb", to_unit="g")

"""The vectorized path: numpy arrays, pandas Series and Index objects multiplied by one exact factor.

The factor is computed once, exactly (a Fraction); the array is multiplied by it once as float64
(relative error within a few units of 2**-53). Only real numeric dtypes are accepted (integers,
unsigned integers, floats, pandas nullable numerics). A missing value (NaN, ``pd.NA``) gives a
missing result: NaN in, NaN out, counted in one :class:`MissingValuesWarning`. A negative or infinite
value is refused, and a result too large for float64 is an error, never ``inf``. The result is named
for what it holds (a Series of doses is named ``doses``, of kilograms ``kg``). Scalars (numpy scalars
included) stay exact. numpy and pandas are imported only here, inside the functions that need them.

The checks cost no pass of their own: the product is made first, and its smallest and largest values
(two reductions, no temporary arrays) tell whether any value was missing, negative or infinite, since
a factor above zero keeps the sign and finiteness of every value it multiplies; only then is the array
looked at again, to say what was wrong.
"""

from __future__ import annotations

import math
import warnings
from fractions import Fraction
from typing import Any

from .errors import InputError
from .reading.numbers import exact_fraction

__all__ = ["MissingValuesWarning", "is_vector", "scale"]


class MissingValuesWarning(UserWarning):
    """Some values of an array or Series were missing (NaN or ``pd.NA``); their results are NaN.

    ``count`` is how many, ``size`` how many values there were in all.
    """

    def __init__(self, message: str, count: int, size: int) -> None:
        super().__init__(message)
        self.count = count
        self.size = size


def is_vector(value: Any) -> bool:
    return hasattr(value, "__array__") and getattr(value, "ndim", 0) >= 1


#: numpy dtype kinds that are quantities: signed and unsigned integers, floats (pandas nullable numerics included).
_NUMERIC_KINDS = {"i": "integer", "u": "unsigned integer", "f": "float"}
_REFUSED_KINDS = {
    "b": "true/false values are not quantities",
    "c": "complex numbers are not quantities (the imaginary part would be dropped)",
    "M": "dates are not quantities",
    "m": "time spans are not quantities",
    "O": "objects (text or mixed values) are not numbers; convert them first, e.g. with pandas.to_numeric",
    "U": "text is not a number; convert it first, e.g. with pandas.to_numeric",
    "S": "bytes are not numbers",
    "V": "raw records are not numbers",
}


def _check_dtype(value: Any, what: str) -> None:
    """Refuse an array, Series, Index or numpy scalar whose dtype is not a real number."""
    dtype = getattr(value, "dtype", None)
    kind = getattr(dtype, "kind", None)
    if kind not in _NUMERIC_KINDS:
        why = _REFUSED_KINDS.get(str(kind), "give integers or floats")
        raise InputError(f"{what} has dtype {dtype}: {why}; {what} takes integer or float values")


def _float_array(value: Any, what: str) -> Any:
    """``value`` as a float64 numpy array (a view when it is one already; missing values NaN), its dtype checked."""
    import numpy as np

    if type(value).__name__ == "DataFrame":
        columns = ", ".join(repr(c) for c in list(value.columns)[:5])
        raise InputError(f"{what}: give one column of the DataFrame by name (frame[name]; columns: {columns})")
    if getattr(value, "dtype", None) is None:
        value = np.asarray(value)
    _check_dtype(value, what)
    if hasattr(value, "to_numpy"):  # pandas: nullable values become NaN
        return value.to_numpy(dtype=float, na_value=np.nan)
    return np.asarray(value, dtype=float)


def scale(value: Any, factor: Fraction, what: str, name: str | None = None) -> Any:
    """value x factor: exact for scalars, one float multiplication for arrays, Series and Index objects.

    ``name`` names a Series or Index result for what it holds ("doses", "kg").
    """
    if type(value).__module__.split(".")[0] == "numpy" and getattr(value, "ndim", None) == 0:
        _check_dtype(value, what)  # a numpy scalar or 0-d array: read exactly, like a Python number
        value = value.item()
    if not is_vector(value) and type(value).__name__ != "DataFrame":
        return exact_fraction(value, what) * factor
    import numpy as np

    array = _float_array(value, what)
    try:
        multiplier = float(factor)
    except OverflowError:
        multiplier = math.inf
    with np.errstate(over="ignore", invalid="ignore"):
        result = np.multiply(array, multiplier)
    if result.size and not (0 < multiplier < math.inf and result.min() >= 0 and result.max() < math.inf):
        _explain(array, result, multiplier, what)  # NaN, a negative or infinite value, or an overflow
    return _wrapped(value, result, name)


def _explain(array: Any, result: Any, multiplier: float, what: str) -> None:
    """Refuse a negative or infinite value, or a result beyond float64; count the missing values (NaN out)."""
    import numpy as np

    missing = np.isnan(array)
    present = array[~missing] if missing.any() else array
    if present.size and (not np.isfinite(present).all() or (present < 0).any()):
        raise InputError(f"{what} holds negative or infinite values; figures must be finite and zero or more")
    if not np.isfinite(result[~missing]).all():
        raise InputError(
            f"{what}: a result is too large for floating point (beyond {np.finfo(float).max:.3g}); "
            "use the scalar functions, which are exact, for such figures"
        )
    count = int(missing.sum())
    if count:
        result[missing] = np.nan  # NaN in, NaN out (a factor of 0 or inf would give NaN or 0 otherwise)
        warnings.warn(
            MissingValuesWarning(
                f"{what}: {count:,} of {array.size:,} values are missing (NaN); their results are NaN",
                count,
                array.size,
            ),
            stacklevel=4,
        )


def _wrapped(value: Any, result: Any, name: str | None) -> Any:
    """The result in the kind of container it came in: a Series (same index) or an Index, named; else the array."""
    module = type(value).__module__
    if not module.startswith("pandas"):
        return result
    import pandas as pd

    if type(value).__name__ == "Series":
        return pd.Series(result, index=value.index, name=name if name is not None else value.name, copy=False)
    if hasattr(value, "names"):  # an Index
        return pd.Index(result, name=name if name is not None else value.name, copy=False)
    return result

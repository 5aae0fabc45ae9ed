"""The vectorized path: numpy arrays, pandas Series and Index objects multiplied by one exact factor.

The factor is computed once, exactly (a Fraction); the array is multiplied by it once as float64
(relative error within a few units of 2**-53). Only real numeric dtypes are accepted (integers,
unsigned integers, floats, pandas nullable numerics); a result too large for float64 is an error,
never ``inf``. Scalars (numpy scalars included) stay exact. numpy and pandas are imported only here,
inside the functions that need them.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from .errors import InputError
from .reading.numbers import exact_fraction

__all__ = ["is_vector", "scale"]


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


def _numeric_array(value: Any, what: str) -> Any:
    """A float64 numpy array of ``value`` (numpy array, pandas Series or Index, or other array-like), checked."""
    import numpy as np

    if type(value).__name__ == "DataFrame":
        columns = ", ".join(repr(c) for c in list(value.columns)[:5])
        raise InputError(f"{what}: give one column of the DataFrame by name (frame[name]; columns: {columns})")
    if getattr(value, "dtype", None) is None:
        value = np.asarray(value)
    _check_dtype(value, what)
    if hasattr(value, "to_numpy"):  # pandas: nullable values become NaN, refused below
        array = value.to_numpy(dtype=float, na_value=np.nan)
    else:
        array = np.asarray(value, dtype=float)
    if array.size and (not np.isfinite(array).all() or (array < 0).any()):
        raise InputError(
            f"{what} holds negative, missing, NaN or infinite values; figures must be finite and zero or more"
        )
    return array


def scale(value: Any, factor: Fraction, what: str) -> Any:
    """value x factor: exact for scalars, one float multiplication for arrays, Series and Index objects."""
    if type(value).__module__.split(".")[0] == "numpy" and getattr(value, "ndim", None) == 0:
        _check_dtype(value, what)  # a numpy scalar or 0-d array: read exactly, like a Python number
        value = value.item()
    if not is_vector(value) and type(value).__name__ != "DataFrame":
        return exact_fraction(value, what) * factor
    import numpy as np

    array = _numeric_array(value, what)
    try:
        multiplier = float(factor)
    except OverflowError:
        multiplier = float("inf")
    with np.errstate(over="ignore", invalid="ignore"):
        result = array * multiplier
    if not np.isfinite(result).all():
        raise InputError(
            f"{what}: a result is too large for floating point (beyond {np.finfo(float).max:.3g}); "
            "use the scalar functions, which are exact, for such figures"
        )
    module = type(value).__module__
    if module.startswith("pandas") and type(value).__name__ == "Series":
        return type(value)(result, index=value.index, name=value.name)
    if module.startswith("pandas") and hasattr(value, "names"):  # an Index
        import pandas as pd

        return pd.Index(result, name=value.name)
    return result

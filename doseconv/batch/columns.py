"""Table columns read as figures: per row a float interval for the vectorized pass, and the exact figure on demand.

Every cell is read by the reader :func:`doseconv.check` uses (:func:`doseconv.reading.inputs.read_figure`).
A text column ("nearly 44 million") is read once per distinct value. A numeric column is read at
face value, like the same figure written out: its interval comes from that reader applied to one
representative number per class of (leading digit position, last stated digit position), so the
vectorized pass follows whatever rule the reader applies. Rows the vectorized pass cannot place for
sure are marked unclear; the exact check decides them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from ..intervals import Interval
from ..reading.inputs import read_figure
from ..reading.stated import StatedFigure
from ..registry import resolve_unit, unit_factor

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    import pandas as pd

__all__ = ["FigureColumn", "read_column"]

#: Figure name -> (the kind it must be, its unit when a cell gives none).
ROLES = {"pills": ("pills", "pill"), "powder": ("mass", None), "claim": ("doses", "lethal_dose")}
#: Numeric cells outside this range (or with more than 15 decimals) go to the exact check.
_LOWEST, _HIGHEST, _MAX_DECIMALS = 1e-6, 1e15, 15
#: Significant digits a float gives back exactly through its decimal form (a number with more is not clear).
_MAX_DIGITS = 15


@dataclass
class FigureColumn:
    """One figure of every row: present or not, a float interval in a base unit, and how to get the exact figure.

    Base units: pills are counted, masses in mg, doses in doses. ``by_mass`` marks pills given as a mass,
    ``pound`` a mass stated in pounds; ``clear`` is False where the vectorized pass must not decide.
    """

    name: str
    column: str
    present: np.ndarray
    low: np.ndarray
    high: np.ndarray
    clear: np.ndarray
    by_mass: np.ndarray
    pound: np.ndarray
    _figures: list[StatedFigure | None] | None  # text columns: the distinct figures
    _codes: np.ndarray | None
    _values: np.ndarray | None  # numeric columns: the values as given
    _unit: str | None
    exact: bool = False

    def figure(self, row: int) -> StatedFigure | None:
        """The exact figure of one row (read now for a numeric column)."""
        if not self.present[row]:
            return None
        if self._figures is not None:
            assert self._codes is not None
            return self._figures[self._codes[row]]
        assert self._values is not None
        try:
            return read_figure(self._values[row], self.name, unit=self._unit, exact=self.exact)  # type: ignore[arg-type]
        except InputError as error:
            raise InputError(f"{_where(row, self.column)}: {error}", parameter=error.parameter) from None


def _where(row: int, column: str) -> str:
    return f"row {row + 1}, column {column!r}"


def _check_dtype(series: pd.Series, column: str) -> str:
    """'numeric' or 'text'; anything else is refused with the column named."""
    import pandas as pd
    from pandas.api import types

    dtype = series.dtype
    if types.is_bool_dtype(dtype):
        raise InputError(f"column {column!r} holds true/false values; give numbers or figures as text")
    if types.is_datetime64_any_dtype(dtype) or types.is_timedelta64_dtype(dtype) or isinstance(dtype, pd.PeriodDtype):
        raise InputError(f"column {column!r} holds dates or times; give numbers or figures as text")
    if types.is_complex_dtype(dtype):
        raise InputError(f"column {column!r} holds complex numbers; give real numbers or figures as text")
    if types.is_numeric_dtype(dtype):
        return "numeric"
    if types.is_string_dtype(dtype) or types.is_object_dtype(dtype) or isinstance(dtype, pd.CategoricalDtype):
        values = series.dropna()
        kinds = {type(v) for v in values.head(100_000) if not (isinstance(v, float) and v != v)}
        if kinds - {str}:
            names = ", ".join(sorted(k.__name__ for k in kinds))
            raise InputError(
                f"column {column!r} mixes kinds of value ({names}); give all numbers or all figures as text"
            )
        return "text"
    raise InputError(f"column {column!r} has type {dtype}; give numbers or figures as text")


#: A figure -> the interval the checker takes it for (a claimed total may be read differently from an input).
IntervalOf = Callable[[StatedFigure], Interval]


def read_column(
    series: pd.Series, name: str, column: str, unit: str | None, interval_of: IntervalOf, exact: bool = False
) -> FigureColumn:
    """Read one figure column (``name`` is pills, powder or claim) into a :class:`FigureColumn`."""
    if _check_dtype(series, column) == "numeric":
        return _numeric(series, name, column, unit, interval_of, exact)
    return _text(series, name, column, unit, interval_of, exact)


def _base_factor(figure_unit: str, kind: str) -> Fraction:
    return unit_factor(figure_unit, "milligram") if kind == "mass" else Fraction(1)


def _check_kind(figure: StatedFigure, name: str, row: int, column: str) -> None:
    kind = ROLES[name][0]
    allowed = ("pills", "mass") if name == "pills" else (kind,)
    if figure.kind not in allowed:
        wanted = {"pills": "a count of pills or a mass of pills", "powder": "a mass", "claim": "a number of doses"}
        raise InputError(f"{_where(row, column)}: {figure.text!r} must be {wanted[name]}")


def _text(
    series: pd.Series, name: str, column: str, unit: str | None, interval_of: IntervalOf, exact: bool
) -> FigureColumn:
    import numpy as np
    import pandas as pd

    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    size = len(uniques)
    figures: list[StatedFigure | None] = []
    low, high = np.zeros(size), np.zeros(size)
    present, clear, by_mass, pound = (np.zeros(size, dtype=bool) for _ in range(4))
    for index, text in enumerate(uniques):
        if not str(text).strip():
            figures.append(None)
            continue
        try:
            figure = read_figure(str(text), name, unit=unit, exact=exact)  # type: ignore[arg-type]
        except InputError as error:
            row = int(np.flatnonzero(codes == index)[0])
            raise InputError(f"{_where(row, column)}: {error}", parameter=error.parameter) from None
        assert figure is not None
        _check_kind(figure, name, int(np.flatnonzero(codes == index)[0]), column)
        interval = interval_of(figure)
        factor = _base_factor(figure.amount.unit, figure.kind)
        figures.append(figure)
        present[index] = True
        low[index], high[index] = float(interval.low * factor), float(interval.high * factor)
        by_mass[index] = name == "pills" and figure.kind == "mass"
        pound[index] = figure.amount.unit == "pound"
        clear[index] = interval.low > 0
    missing = codes < 0
    take = np.where(missing, 0, codes)

    def spread(values: np.ndarray, fill: Any) -> np.ndarray:
        if size == 0:
            return np.full(len(series), fill, dtype=values.dtype)
        return np.where(missing, fill, values[take])

    return FigureColumn(
        name, column, spread(present, False), spread(low, np.nan), spread(high, np.nan), spread(clear, True),
        spread(by_mass, False), spread(pound, False), figures, take, None, None, exact,
    )  # fmt: skip


def _numeric_unit(name: str, column: str, unit: str | None) -> tuple[str, str]:
    """(registry unit, kind) of a numeric column."""
    kind, default = ROLES[name]
    if unit is None:
        if default is None:
            raise InputError(f"column {column!r} holds plain numbers; give the unit of its masses (such as kg or lb)")
        unit = default
    found, found_kind = resolve_unit(unit)
    if name == "pills" and found_kind in ("pills", "mass"):
        return found, found_kind
    if found_kind != kind:
        raise InputError(f"unit {unit!r} for column {column!r} is {found_kind}, not {kind}")
    return found, found_kind


def _numeric(
    series: pd.Series, name: str, column: str, unit: str | None, interval_of: IntervalOf, exact: bool
) -> FigureColumn:
    import numpy as np

    unit_name, kind = _numeric_unit(name, column, unit)
    values = series.to_numpy(dtype=float, na_value=np.nan)
    present = ~np.isnan(values)
    bad = present & ~(np.isfinite(values) & (values >= 0))
    if bad.any():
        row = int(np.flatnonzero(bad)[0])
        raise InputError(
            f"{_where(row, column)}: {values[row]} is not a figure; figures must be finite and zero or more"
        )
    x = np.where(present, values, 1.0)
    usable = present & (x >= _LOWEST) & (x < _HIGHEST)
    last, lead = _digit_positions(np.where(usable, x, 1.0))
    usable &= (last <= lead) & (lead - last < _MAX_DIGITS)  # more digits than a float keeps: the exact check reads it
    low, high = np.full(len(x), np.nan), np.full(len(x), np.nan)
    factor = float(_base_factor(unit_name, kind))
    code = (lead[usable] + 64) * 128 + (last[usable] + 64)  # one small int per digit class
    seen = np.zeros(128 * 128, dtype=bool)
    seen[code] = True
    classes = np.flatnonzero(seen)
    lookup = np.zeros(128 * 128, dtype=np.intp)
    lookup[classes] = np.arange(len(classes))
    inverse = lookup[code]
    offsets = np.array(
        [_offsets((int(c) // 128 - 64, int(c) % 128 - 64), name, unit, interval_of, exact) for c in classes]
    )
    if len(classes):
        low[usable] = (x[usable] - offsets[inverse, 0]) * factor
        high[usable] = (x[usable] + offsets[inverse, 1]) * factor
    clear = ~present | (usable & (low > 0))
    by_mass = present & (name == "pills" and kind == "mass")
    pound = present & (unit_name == "pound")
    given = series.to_numpy()  # the values as given (ints stay ints), read one by one when a row is rechecked
    return FigureColumn(name, column, present, low, high, clear, by_mass, pound, None, None, given, unit, exact)


def _digit_positions(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(position of the last stated digit, position of the leading digit) of each value as written out.

    A position is a power of ten: 6500 -> (2, 3), 12.5 -> (-1, 1). A value needing more than 15
    decimals gets a last position above its leading one (so it is not clear).
    """
    import numpy as np

    whole = x == np.floor(x)
    decimals = np.zeros(len(x), dtype=int)
    rest = np.flatnonzero(~whole)  # the fewest decimals that give the value back, for values with any
    for d in range(1, _MAX_DECIMALS + 2):
        if not len(rest):
            break
        found = np.round(x[rest], d) == x[rest] if d <= _MAX_DECIMALS else np.ones(len(rest), dtype=bool)
        decimals[rest[found]] = d
        rest = rest[~found]
    zeros = np.zeros(len(x), dtype=int)
    rest = np.flatnonzero(whole)  # trailing zeros of whole values
    for k in range(1, 16):
        if not len(rest):
            break
        found = np.fmod(x[rest], 10.0**k) == 0
        zeros[rest[found]] = k
        rest = rest[found]
    last = np.where(whole, zeros, -decimals)
    lead = np.floor(np.log10(x)).astype(int)
    lead = np.where(10.0**lead > x, lead - 1, lead)
    lead = np.where(10.0 ** (lead + 1) <= x, lead + 1, lead)
    last = np.where(decimals > _MAX_DECIMALS, lead + 1, last)
    return last, lead


def _offsets(
    key: tuple[int, int], name: str, unit: str | None, interval_of: IntervalOf, exact: bool
) -> tuple[float, float]:
    """How far below and above its value a number of this digit class reaches, read as a cell of the column is."""
    lead, last = key
    value = Decimal(1).scaleb(lead) + (Decimal(1).scaleb(last) if last < lead else 0)
    figure = read_figure(float(value), name, unit=unit, exact=exact)  # type: ignore[arg-type]
    assert figure is not None
    interval = interval_of(figure)
    stated = figure.amount.value
    return float(stated - interval.low), float(interval.high - stated)

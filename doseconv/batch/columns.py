"""Table columns read as figures: per row a float interval for the vectorized pass, and the exact figure on demand.

Every cell is read by the reader :func:`doseconv.check` uses (:func:`doseconv.reading.inputs.read_figure`),
one cell at a time in kind (:mod:`.cells`): a column may mix numbers, text and empty cells. Text is
read once per distinct value. A number (or text that is a plain number) is read at face value, like
the same figure written out: its interval comes from that reader applied to one representative
number per class of (leading digit position, last stated digit position), so the vectorized pass
follows whatever rule the reader applies. A cell that is no figure gives its row a problem (the row's
status says why); rows the vectorized pass must not decide are marked unclear.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from ..errors import DoseconvError, InputError
from ..intervals import Interval
from ..reading.inputs import is_population_phrase, read_figure
from ..reading.stated import StatedFigure
from ..registry import resolve_unit, unit_factor
from .cells import NUMBER, PLAIN, TEXT, Cells, read_cells
from .digits import digit_positions

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    import pandas as pd

__all__ = ["FigureColumn", "absent", "read_column"]

#: Figure name -> (the kind it must be, its unit when a cell gives none).
ROLES = {"pills": ("pills", "pill"), "powder": ("mass", None), "claim": ("doses", "lethal_dose")}
#: Numbers read the quick way lie in this range (others are read one by one); below 2**53 every int is a float.
_LOWEST, _HIGHEST = 1e-6, 1e15
_WANTED = {"pills": "a count of pills or a mass of pills", "powder": "a mass", "claim": "a number of doses"}

#: A figure -> the interval the checker takes it for (a claimed total may be read differently from an input).
IntervalOf = Callable[[StatedFigure], Interval]


@dataclass
class FigureColumn:
    """One figure of every row: present or not, a float interval and central value in a base unit, and the
    exact figure on demand.

    Base units: pills are counted, masses in mg, doses in doses. ``by_mass`` marks pills given as a mass,
    ``pound`` a mass stated in pounds; ``clear`` is False where the vectorized pass must not decide;
    ``problems`` says why a row's cell is no figure; ``population`` marks a claim that is a population phrase.
    """

    name: str
    column: str
    present: np.ndarray
    low: np.ndarray
    high: np.ndarray
    value: np.ndarray
    clear: np.ndarray
    by_mass: np.ndarray
    pound: np.ndarray
    population: np.ndarray
    problems: dict[int, str] = field(default_factory=dict)
    given: np.ndarray | None = None  # the cells as given, read one by one when a row is checked exactly
    unit: str | None = None
    exact: bool = False
    plain: np.ndarray | None = None  # text cells that are plain numbers ("120000"), read as the number they write
    #: What the diagnosis's second tier reads of each figure (:mod:`doseconv.checker.near`): its significant digits,
    #: its step as a power of ten (NaN: not one), and how its qualifier lets it be rounded (:mod:`.diagnosis`).
    digits: Any = None
    step_exp: Any = None
    qualifier: Any = None
    _read: dict[Any, StatedFigure | None] = field(default_factory=dict, repr=False)

    def figure(self, row: int) -> StatedFigure | None:
        """The exact figure of one row (None for an empty cell; a population phrase is given as its text)."""
        if not self.present[row] or self.population[row]:
            return None
        return self.read(row)

    def read(self, row: int) -> StatedFigure | None:
        """The figure of one row's cell, read now (or found read already): its reading errors are raised."""
        assert self.given is not None
        cell = self.given[row]
        if self.plain is not None and self.plain[row]:  # "120000" is the number 120,000; "12.50" keeps its digits
            cell = Decimal(cell.strip().replace(",", ""))
        key = cell if isinstance(cell, str) else (type(cell), repr(cell))  # Decimal("7.0") is not Decimal("7")
        if key not in self._read:
            self._read[key] = _read(cell, self.name, self.unit, self.exact)
        return self._read[key]

    def text(self, row: int) -> str:
        """The cell of one row as text (a population phrase's own words)."""
        assert self.given is not None
        return str(self.given[row]).strip()


def absent(name: str, n: int) -> FigureColumn:
    """A figure not given in any row (a table with no powder column)."""
    import numpy as np

    none, nan = np.zeros(n, dtype=bool), np.full(n, np.nan)
    out = FigureColumn(name, "", none, nan, nan, nan, ~none, none, none, none)
    _tier_arrays(out, n)
    return out


def _tier_arrays(out: FigureColumn, n: int) -> None:
    import numpy as np

    from .diagnosis import NO_TIER

    out.digits = np.full(n, 10**6)
    out.step_exp = np.full(n, np.nan)
    out.qualifier = np.full(n, NO_TIER, dtype=np.int8)


def _read(cell: Any, name: str, unit: str | None, exact: bool) -> StatedFigure | None:
    if hasattr(cell, "item") and not isinstance(cell, (str, bytes)):
        cell = cell.item()  # a numpy scalar: as the Python number
    return read_figure(cell, name, unit=unit, exact=exact)  # type: ignore[arg-type]


def read_column(
    series: pd.Series, name: str, column: str, unit: str | None, interval_of: IntervalOf, exact: bool = False
) -> FigureColumn:
    """Read one figure column (``name`` is pills, powder or claim) into a :class:`FigureColumn`."""
    import numpy as np

    cells = read_cells(series)
    n = len(series)
    nan = np.full(n, np.nan)
    out = FigureColumn(
        name, column, np.zeros(n, dtype=bool), nan.copy(), nan.copy(), nan.copy(), np.ones(n, dtype=bool),
        np.zeros(n, dtype=bool), np.zeros(n, dtype=bool), np.zeros(n, dtype=bool), dict(cells.problems),
        cells.given, unit, exact, cells.kind == PLAIN,
    )  # fmt: skip
    _tier_arrays(out, n)
    quick = (cells.kind == NUMBER) | (cells.kind == PLAIN)
    general = cells.kind == TEXT
    if quick.any():
        unit_name = _numeric_unit(name, column, unit, only_numbers=not general.any())
        if unit_name is None:
            for row in np.flatnonzero(quick).tolist():
                out.problems[row] = f"{_shown(cells.given[row])} has no unit; write it in the cell or give the column's"
        else:
            general |= quick & ~_quick(out, cells, quick, unit_name, interval_of)
    if general.any():
        _general(out, cells, general, interval_of)
    if out.problems:
        rows = np.fromiter(out.problems, dtype=np.intp, count=len(out.problems))
        out.present[rows] = False
    return out


def _shown(cell: Any) -> str:
    return repr(cell.strip()) if isinstance(cell, str) else str(cell)


def _numeric_unit(name: str, column: str, unit: str | None, only_numbers: bool) -> str | None:
    """The registry unit of a column's plain numbers (None: no unit, so each such cell is unreadable).

    A column holding nothing but plain numbers and no unit for them is refused: no row could be read.
    """
    kind, default = ROLES[name]
    if unit is None:
        if default is not None:
            return resolve_unit(default)[0]
        if only_numbers:
            raise InputError(f"column {column!r} holds plain numbers; give the unit of its masses (such as kg or lb)")
        return None
    found, found_kind = resolve_unit(unit)
    if name == "pills" and found_kind in ("pills", "mass"):
        return found
    if found_kind != kind:
        raise InputError(f"unit {unit!r} for column {column!r} is {found_kind}, not {kind}")
    return found


def _quick(out: FigureColumn, cells: Cells, quick: np.ndarray, unit_name: str, interval_of: IntervalOf) -> np.ndarray:
    """Fill the rows of plain numbers whose digit class the quick way reads; the rows it read."""
    import numpy as np

    x = np.where(quick, cells.numbers, 1.0)
    usable = quick & (x >= _LOWEST) & (x < _HIGHEST)
    last, lead = digit_positions(np.where(usable, x, 1.0))
    plain = cells.kind == PLAIN
    last = np.where(plain, cells.last, last)  # text: the digits it writes, trailing zeros included
    usable &= last <= lead
    kind = resolve_unit(unit_name)[1]
    factor = float(unit_factor(unit_name, "milligram")) if kind == "mass" else 1.0
    code = (lead[usable] + 64) * 128 + (last[usable] + 64)  # one small int per digit class
    seen = np.zeros(128 * 128, dtype=bool)
    seen[code] = True
    classes = np.flatnonzero(seen)
    if len(classes):
        lookup = np.zeros(128 * 128, dtype=np.intp)
        lookup[classes] = np.arange(len(classes))
        offsets = np.array(
            [
                _offsets(int(c) // 128 - 64, int(c) % 128 - 64, out.name, out.unit, interval_of, out.exact)
                for c in classes
            ]
        )
        inverse = lookup[code]
        xs = x[usable]
        out.low[usable] = (xs - offsets[inverse, 0]) * factor
        out.high[usable] = (xs + offsets[inverse, 1]) * factor
        out.value[usable] = xs * factor
        out.step_exp[usable] = offsets[inverse, 2]
        out.digits[usable] = offsets[inverse, 3]
        out.qualifier[usable] = _tier_code(None)
        # the float pass decides only intervals well away from 0 (see docs/batch.md: the bound on float error)
        out.clear[usable] = (xs - offsets[inverse, 0]) > xs / 4
    out.present[usable] = True
    out.by_mass[usable] = out.name == "pills" and kind == "mass"
    out.pound[usable] = unit_name == "pound"
    return usable  # type: ignore[no-any-return]


def _offsets(lead: int, last: int, name: str, unit: str | None, interval_of: IntervalOf, exact: bool) -> list[float]:
    """How far below and above its value a number of this digit class reaches, read as a cell of the column is,
    and its step (a power of ten) and significant digits, which every number of the class shares."""
    value = (Decimal(1).scaleb(lead) + (Decimal(1).scaleb(last) if last < lead else 0)).normalize()
    figure = read_figure(value, name, unit=unit, exact=exact)  # type: ignore[arg-type]
    assert figure is not None
    interval = interval_of(figure)
    stated = figure.amount.value
    return [float(stated - interval.low), float(interval.high - stated), *_tier(figure)[:2]]


def _tier(figure: StatedFigure) -> tuple[float, int, int]:
    """(its step as a power of ten, NaN when it is not one; its significant digits; its qualifier's code)."""
    from ..checker.near import _digits

    step = figure.step
    power = math.nan
    n, d = step.numerator, step.denominator
    if d == 1 and str(n).rstrip("0") == "1":
        power = len(str(n)) - 1
    elif n == 1 and str(d).rstrip("0") == "1":
        power = -(len(str(d)) - 1)
    return power, _digits(figure), _tier_code(figure)


def _tier_code(figure: StatedFigure | None) -> int:
    """How a figure's qualifier lets a way of counting round to it (a number cell: either way)."""
    from ..checker.near import _DOWN, _EITHER, _UP
    from .diagnosis import DOWN, EITHER, NO_TIER, UP

    if figure is None:
        return EITHER
    if figure.upper is not None:
        return NO_TIER
    q = figure.qualifier
    return UP if q in _UP else DOWN if q in _DOWN else EITHER if q in _EITHER else NO_TIER


def _general(out: FigureColumn, cells: Cells, rows_of: np.ndarray, interval_of: IntervalOf) -> None:
    """Fill the rows read one distinct cell at a time (text, exact numbers, numbers the quick way leaves)."""
    import numpy as np
    import pandas as pd

    rows = np.flatnonzero(rows_of)
    keys = [c if isinstance(c, str) else (type(c), repr(c)) for c in cells.given[rows]]
    codes, uniques = pd.factorize(pd.Series(keys, dtype=object), use_na_sentinel=False)
    first = np.full(len(uniques), -1, dtype=np.intp)
    first[codes[::-1]] = rows[::-1]  # the first row of each distinct cell
    for index in range(len(uniques)):
        row = int(first[index])
        where = rows[codes == index]
        try:
            figure = out.read(row)
        except DoseconvError as error:
            if out.name == "claim" and isinstance(cells.given[row], str) and is_population_phrase(out.text(row)):
                out.present[where] = out.population[where] = True
                out.clear[where] = False
                continue
            # a cell's problem, without advice to give an option check_table does not have (decimal_comma)
            out.problems.update(dict.fromkeys(where.tolist(), error.message_for({})))
            continue
        if figure is None:
            continue
        if _wrong_kind(figure, out.name):
            out.problems.update(dict.fromkeys(where.tolist(), f"{figure.text!r} must be {_WANTED[out.name]}"))
            continue
        interval = interval_of(figure)
        factor = unit_factor(figure.amount.unit, "milligram") if figure.kind == "mass" else Fraction(1)
        out.present[where] = True
        out.low[where], out.high[where] = float(interval.low * factor), float(interval.high * factor)
        out.value[where] = float(figure.amount.value * factor)
        out.by_mass[where] = out.name == "pills" and figure.kind == "mass"
        out.pound[where] = figure.amount.unit == "pound"
        # an input that may be zero leaves the value needed unbounded: exact; a claim may reach down to 0 ("up to")
        out.clear[where] = interval.high > 0 if out.name == "claim" else interval.low > 0
        out.step_exp[where], out.digits[where], out.qualifier[where] = _tier(figure)


def _wrong_kind(figure: StatedFigure, name: str) -> bool:
    allowed = ("pills", "mass") if name == "pills" else (ROLES[name][0],)
    return figure.kind not in allowed

"""check_table: every row of a table checked like :func:`doseconv.check`, a vectorized pass with an exact recheck."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Unpack, cast

from ..assumptions import SetChoice
from ..errors import InputError
from ..overrides import OverrideArgs, Overrides
from ..reading.stated import READINGS, Reading

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from ..checker import CheckResult
    from .columns import FigureColumn, IntervalOf

__all__ = ["FLAGGED", "OUTPUT_COLUMNS", "check_table"]

#: The columns check_table adds, in order.
OUTPUT_COLUMNS = (
    "verdict", "computed_low", "computed_high", "implied_parameter", "implied_low", "implied_high", "diagnosis",
    "correction",
)  # fmt: skip
#: Verdicts that flag a claim (a diagnosis and a correction are given for these rows).
FLAGGED = frozenset({"implausible", "impossible", "upper-bound"})
#: Rows checked exactly between two calls of the progress callback.
PROGRESS_STEP = 100


def _frame(table: Any) -> pd.DataFrame:
    import pandas as pd

    if isinstance(table, pd.DataFrame):
        return table
    try:
        return pd.DataFrame(table)
    except (TypeError, ValueError) as error:
        raise InputError(f"cannot read the table: {error}") from None


def _column(frame: pd.DataFrame, name: str | None, role: str) -> str | None:
    if name is None:
        return None
    if name not in frame.columns:
        have = ", ".join(repr(str(c)) for c in frame.columns) or "none"
        raise InputError(f"no column {name!r} for the {role}; the table has: {have}")
    return name


def check_table(
    table: Any,
    pills: str | None = None,
    powder: str | None = None,
    claim: str | None = None,
    *,
    powder_unit: str | None = None,
    pills_unit: str | None = None,
    assumptions: SetChoice = None,
    overrides: Overrides | None = None,
    pill_model: str | None = None,
    reading: str = "lenient",
    scale: str = "aggregate",
    exact: bool = False,
    explain: bool = True,
    progress: Callable[[int], None] | None = None,
    date: str | None = None,
    **given: Unpack[OverrideArgs],
) -> pd.DataFrame:
    """Check every row of a table: a copy of it with the verdict and what the check found in new columns.

    ``pills``, ``powder`` and ``claim`` name columns. A column of text holds figures as published
    ("nearly 44 million"); a numeric column holds plain numbers read at face value (``powder_unit``
    gives their unit: "kg", "lb"), or exactly with ``exact=True``, as :func:`doseconv.check` reads
    them. Each row's verdict is the one :func:`doseconv.check` gives for the same cells;
    ``diagnosis`` (the best method that reproduces the claim) and ``correction`` are filled for
    flagged rows (``explain=False`` leaves them empty, for speed). ``progress`` is called with the
    number of rows done since its last call. ``date`` names a column of dates (or years): unless
    ``assumptions`` is given, each row is checked under the set of its date, as :func:`doseconv.check`
    is with ``date``, and a column ``assumptions`` says which (a row with no date: the default set).

    >>> import pandas as pd
    >>> rows = pd.DataFrame({"pills": [250_000, 1_000], "kg": [12, 0.5], "claimed": ["6.3 million", "49,000"]})
    >>> out = check_table(rows, pills="pills", powder="kg", powder_unit="kg", claim="claimed")
    >>> list(out["verdict"])
    ['upper-bound', 'consistent']
    >>> out["diagnosis"][0], out["implied_parameter"][0], f"{out['implied_low'][0]:.3f}"
    ('powder-pure', 'powder_purity', '0.959')
    """
    from .columns import read_column

    if reading not in READINGS:
        raise InputError(f"unknown reading {reading!r}; choose lenient or strict")
    frame = _frame(table)
    names = _columns_of(frame, pills, powder, claim)
    options = {
        "assumptions": assumptions, "overrides": Overrides.of(overrides, **given), "pill_model": pill_model,
        "reading": reading, "scale": scale,
    }  # fmt: skip
    units = {"pills": pills_unit, "powder": powder_unit, "claim": None}
    if date is not None:
        same = {**options, "powder_unit": powder_unit, "pills_unit": pills_unit, "exact": exact, "explain": explain}
        return _by_date(frame, names, date, progress, same)
    figures = {
        role: read_column(frame[col], role, str(col), units[role], _interval_of(role, options), exact)
        for role, col in names.items()
    }
    columns, needs_exact = _vectorized(figures, len(frame), options, explain)
    _recheck(figures, columns, needs_exact, options, explain, progress)
    return _with_columns(frame, columns)


def _by_date(
    frame: pd.DataFrame, names: dict[str, str], date: str, progress: Callable[[int], None] | None,
    options: dict[str, Any],
) -> pd.DataFrame:  # fmt: skip
    """The table checked part by part, each part the rows whose dates pick one set, put back in order."""
    import pandas as pd

    from .dates import sets_by_date

    if date not in frame.columns:
        raise InputError(f"no column {date!r} in the table (it has: {', '.join(repr(str(c)) for c in frame.columns)})")
    if "assumptions" in frame.columns:
        raise InputError("the table already has a column 'assumptions'; rename it before checking by date")
    assumptions = options.pop("assumptions")
    chosen = [assumptions] * len(frame) if assumptions is not None else sets_by_date(frame[date], date)
    parts = []
    for name in dict.fromkeys(chosen):  # each set once, in the order rows first use it
        rows = [i for i, c in enumerate(chosen) if c == name]
        part = check_table(
            frame.iloc[rows], names.get("pills"), names.get("powder"), names["claim"], assumptions=name,
            progress=progress, **options,
        )  # fmt: skip
        used = name if isinstance(name, str) else getattr(name, "name", None)
        parts.append(part.assign(assumptions=used or _default_set(), **{_ORDER: rows}))
    return pd.concat(parts).sort_values(_ORDER, kind="stable").drop(columns=_ORDER)


_ORDER = "__doseconv_row__"  # each row's place in the table, while the parts are put back together


def _default_set() -> str:
    from ..assumptions import DEFAULT_SET

    return DEFAULT_SET


def _with_columns(frame: pd.DataFrame, columns: dict[str, Any]) -> pd.DataFrame:
    """A copy of ``frame`` with the output columns after its own (the verdict a categorical of every verdict)."""
    import pandas as pd

    added = pd.DataFrame(
        {
            name: pd.Categorical(values, categories=_verdict_names()) if name == "verdict"
            else pd.Series(values, index=frame.index, dtype=object if values.dtype == object else float)
            for name, values in columns.items()
        },
        index=frame.index,
    )  # fmt: skip
    return pd.concat([frame, added], axis=1)


def _interval_of(role: str, options: dict[str, Any]) -> IntervalOf:
    """How the checker reads a figure of this role: a claim as its context does, an input under the reading."""
    from ..checker.context import build_context

    if role == "claim":
        return lambda figure: build_context(None, None, figure, **options).claimed
    reading = cast(Reading, options["reading"])
    return lambda figure: figure.interval(reading)


def _columns_of(frame: pd.DataFrame, pills: str | None, powder: str | None, claim: str | None) -> dict[str, str]:
    """Figure name -> column, each checked to be in the table; the output columns checked not to be."""
    names = {"pills": _column(frame, pills, "pills"), "powder": _column(frame, powder, "powder")}
    claim_name = _column(frame, claim, "claim")
    if claim_name is None:
        raise InputError("no claim column given; name the column of published totals (claim=...)")
    clash = [c for c in OUTPUT_COLUMNS if c in frame.columns]
    if clash:
        raise InputError(f"the table already has a column {clash[0]!r}; rename it before checking")
    return {**{role: col for role, col in names.items() if col is not None}, "claim": claim_name}


def _vectorized(
    figures: dict[str, FigureColumn], n: int, options: dict[str, Any], explain: bool
) -> tuple[dict[str, Any], Any]:
    """The float pass: every output column filled where it can decide, and the rows the exact check must do."""
    import numpy as np

    from ..checker.context import build_context
    from .twin import TWIN_VERDICTS, constants, decide_rows

    twin = constants(build_context(None, None, "1 dose", **options))
    rows = decide_rows(twin, figures.get("pills"), _absent_powder(figures, n), figures["claim"])
    verdicts = np.array((*TWIN_VERDICTS, ""), dtype=object)[rows.verdict]
    columns = {
        "verdict": verdicts, "computed_low": rows.computed_low, "computed_high": rows.computed_high,
        "implied_parameter": rows.parameter, "implied_low": rows.implied_low, "implied_high": rows.implied_high,
        "diagnosis": np.full(n, None, dtype=object), "correction": np.full(n, None, dtype=object),
    }  # fmt: skip
    needs_exact = rows.verdict < 0
    if explain or set(_verdict_names()) - set(TWIN_VERDICTS):  # a flag the twin cannot name: the exact check does
        needs_exact |= np.isin(verdicts, list(FLAGGED))
    return columns, needs_exact


def _recheck(
    figures: dict[str, FigureColumn], columns: dict[str, Any], needs_exact: Any, options: dict[str, Any],
    explain: bool, progress: Callable[[int], None] | None,
) -> None:  # fmt: skip
    """The exact check of every row the float pass left (or flagged), written into ``columns``."""
    import numpy as np

    exact_rows = np.flatnonzero(needs_exact).tolist()
    if progress is not None:
        progress(len(needs_exact) - len(exact_rows))
    scalar = _ScalarRows(figures, {}, options, explain)
    for done, row in enumerate(exact_rows, 1):
        scalar.fill(row, columns)
        if progress is not None and (done % PROGRESS_STEP == 0 or done == len(exact_rows)):
            progress(PROGRESS_STEP if done % PROGRESS_STEP == 0 else done % PROGRESS_STEP)


def _verdict_names() -> list[str]:
    from ..checker.results import VERDICTS

    return list(VERDICTS)


def _absent_powder(figures: dict[str, FigureColumn], n: int) -> FigureColumn:
    """The powder column, or one with no powder in any row."""
    import numpy as np

    from .columns import FigureColumn

    if "powder" in figures:
        return figures["powder"]
    none = np.zeros(n, dtype=bool)
    empty = np.full(n, np.nan)
    return FigureColumn("powder", "", none, empty, empty, ~none, none, none, [], np.zeros(n, dtype=int), None, None)


class _ScalarRows:
    """The exact check of single rows (undecided or flagged), each distinct row checked once."""

    def __init__(self, figures: dict[str, FigureColumn], cache: dict, options: dict[str, Any], explain: bool) -> None:
        self.figures = figures
        self.cache = cache
        self.options = options
        self.explain = explain

    def result(self, row: int) -> CheckResult:
        from ..checker import check

        key = tuple(self.figures[r].figure(row) if r in self.figures else None for r in ("pills", "powder", "claim"))
        found = self.cache.get(key)
        if found is None:
            found = self.cache[key] = check(*key, **self.options)
        return found

    def fill(self, at: int, columns: dict[str, Any]) -> None:
        """Write the exact check of row ``at`` into the output columns."""
        r = self.result(at)
        columns["verdict"][at] = r.verdict
        low, high = (float(r.computed.low), float(r.computed.high)) if r.computed else (float("nan"),) * 2
        columns["computed_low"][at], columns["computed_high"][at] = low, high
        implied = r.implied
        columns["implied_parameter"][at] = implied.parameter if implied else None
        if implied is not None and implied.interval is not None:
            columns["implied_low"][at] = float(implied.interval.low)
            columns["implied_high"][at] = float("inf") if implied.unbounded else float(implied.interval.high)
        else:
            columns["implied_low"][at] = columns["implied_high"][at] = float("nan")
        if r.verdict in FLAGGED and self.explain:
            columns["diagnosis"][at] = r.matching_methods[0] if r.matching_methods else None
            columns["correction"][at] = _correction_text(r)


def _correction_text(result: CheckResult) -> str:
    """The plain correction of a flagged result (its explanation where no correction is given)."""
    correction = getattr(result, "correction", None)
    plain = getattr(correction, "plain", None)
    return str(plain) if plain else result.explanation

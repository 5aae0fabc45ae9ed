"""check_table: every row of a table checked like :func:`doseconv.check`, a vectorized pass with an exact recheck."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Unpack, cast

from ..assumptions import SetChoice
from ..errors import InputError
from ..overrides import OverrideArgs, Overrides
from ..reading.stated import READINGS, Reading
from .status import CHECKED, NO_CLAIM, NO_INPUTS, unreadable

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    import pandas as pd

    from .columns import FigureColumn, IntervalOf
    from .dates import RowDates

__all__ = ["FLAGGED", "OUTPUT_COLUMNS", "TEXT_COLUMNS", "check_table"]

#: The columns check_table adds, in order (then the text columns asked for, then ``assumptions`` by date).
OUTPUT_COLUMNS = (
    "status", "verdict", "computed_doses_low", "computed_doses_high", "implied_parameter", "implied_low",
    "implied_high", "diagnosis", "corrected_doses",
)  # fmt: skip
#: Columns of text, made only when asked for: the plain sentence and the explanation of each checked row.
TEXT_COLUMNS = ("plain", "explanation")
#: Verdicts that flag a claim (a diagnosis and a corrected figure are given for these rows).
FLAGGED = frozenset({"implausible", "impossible", "upper-bound"})
#: Rows checked exactly between two calls of the progress callback.
PROGRESS_STEP = 100
_ROLES = ("pills", "powder", "claim")


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
    plain: bool = False,
    explanation: bool = False,
    progress: Callable[[int], None] | None = None,
    date: str | None = None,
    year: int | None = None,
    **given: Unpack[OverrideArgs],
) -> pd.DataFrame:
    """Check every row of a table: a copy of it with each row's status, verdict and findings in new columns.

    ``pills``, ``powder`` and ``claim`` name columns. A cell holds a figure as published ("nearly 44
    million") or a plain number read at face value (``powder_unit`` gives the unit of plain masses:
    "kg", "lb"), or exactly with ``exact=True``, as :func:`doseconv.check` reads them; a column may
    mix both. Each row's verdict is the one :func:`doseconv.check` gives for the same cells, and a row
    that cannot be checked says why in ``status`` (``no claim``, ``no inputs``, ``unreadable: …``) with
    its other columns empty. ``diagnosis`` (the best method that reproduces the claim) and
    ``corrected_doses`` are filled for flagged rows; ``plain=True`` adds each row's plain sentence and
    ``explanation=True`` its explanation. ``progress`` is called with the number of rows done since its
    last call. ``date`` names a column of dates (or years) and ``year`` gives one year: unless
    ``assumptions`` is given, each row is checked under the set of its date, as :func:`doseconv.check`
    is with ``date``, and a column ``assumptions`` says which; a population claim ("enough to kill every
    American") is read for the row's date or ``year``.

    >>> import pandas as pd
    >>> rows = pd.DataFrame({"pills": [250_000, 1_000], "kg": [12, 0.5], "claimed": ["6.3 million", "49,000"]})
    >>> out = check_table(rows, pills="pills", powder="kg", powder_unit="kg", claim="claimed")
    >>> list(out["status"]), list(out["verdict"])
    (['checked', 'checked'], ['upper-bound', 'consistent'])
    >>> out["diagnosis"][0], out["implied_parameter"][0], f"{out['implied_low'][0]:.3f}"
    ('powder-pure', 'powder_purity', '0.959')
    """
    if reading not in READINGS:
        raise InputError(f"unknown reading {reading!r}; choose lenient or strict")
    frame = _frame(table)
    names = _columns_of(frame, pills, powder, claim, date)
    options = {
        "assumptions": assumptions, "overrides": Overrides.of(overrides, **given), "pill_model": pill_model,
        "reading": reading, "scale": scale,
    }  # fmt: skip
    texts = tuple(name for name, wanted in zip(TEXT_COLUMNS, (plain, explanation), strict=True) if wanted)
    units = {"pills": pills_unit, "powder": powder_unit, "claim": None}
    dates = _dates(frame, date, year)
    n = len(frame)
    columns = _empty_columns(n, texts)
    problems = dict(dates.problems) if dates is not None else {}
    chosen: list[Any] = [assumptions] * n if dates is None or assumptions is not None else list(dates.sets)
    for name in dict.fromkeys(chosen):  # each set once, in the order rows first use it
        rows = [i for i, c in enumerate(chosen) if c == name]
        part = frame.iloc[rows] if len(rows) < n else frame
        when = [dates.when[i] for i in rows] if dates is not None else None
        found = _check_part(part, names, {**options, "assumptions": name}, units, exact, texts, progress, when)
        _scatter(columns, found, rows, n)
    _set_statuses(columns, problems)
    if date is not None or year is not None:
        columns["assumptions"] = _set_names(chosen)
    return _with_columns(frame, columns)


def _dates(frame: pd.DataFrame, date: str | None, year: int | None) -> RowDates | None:
    """Each row's date from the date column (or ``year`` for every row), or None when neither is given."""
    from .dates import RowDates, read_dates

    if date is not None:
        return read_dates(frame[date], date, year)
    if year is None:
        return None
    from ..population.years import resolve_when

    picked = resolve_when(year=year).assumptions
    return RowDates([{"year": year}] * len(frame), [picked] * len(frame), {})


def _check_part(
    frame: pd.DataFrame, names: dict[str, str], options: dict[str, Any], units: dict[str, str | None], exact: bool,
    texts: tuple[str, ...], progress: Callable[[int], None] | None, when: list[dict[str, Any]] | None,
) -> dict[str, Any]:  # fmt: skip
    """The output columns of rows that share one assumption set (the status of each, too)."""
    from .columns import read_column

    figures = {
        role: read_column(frame[col], role, str(col), units[role], _interval_of(role, options), exact)
        for role, col in names.items()
        if role in _ROLES
    }
    import numpy as np

    status = _statuses(figures, len(frame))
    columns, needs_exact, sentences = _vectorized(figures, len(frame), options, texts)
    checked = status == CHECKED
    quick = np.flatnonzero(checked & ~needs_exact)
    if progress is not None:
        progress(len(frame) - int((needs_exact & checked).sum()) - (len(quick) if "plain" in texts else 0))
    if "plain" in texts and "explanation" not in texts:
        _plain(columns, quick.tolist(), sentences, progress)
        if progress is not None:
            progress(len(quick) % PROGRESS_STEP)
    _recheck(figures, columns, needs_exact & checked, options, texts, progress, when)
    columns["status"] = status
    return columns


def _statuses(figures: dict[str, FigureColumn], n: int) -> np.ndarray:
    """Each row's status: the first unreadable cell (pills, powder, then claim), else no claim, no inputs or
    checked."""
    import numpy as np

    status = np.full(n, CHECKED, dtype=object)
    claim = figures["claim"]
    inputs = np.zeros(n, dtype=bool)
    for role in ("pills", "powder"):
        if role in figures:
            inputs |= figures[role].present
    status[~inputs] = NO_INPUTS
    status[~claim.present] = NO_CLAIM
    for role in ("claim", "powder", "pills"):  # the first column named wins
        if role in figures:
            column = figures[role]
            for row, why in column.problems.items():
                status[row] = unreadable(column.column, why)
    return status


def _set_statuses(columns: dict[str, Any], problems: dict[int, str]) -> None:
    """Add the problems found outside the figure columns (a date that is no date), and empty every result
    column of a row that was not checked."""
    import numpy as np

    status = columns["status"]
    for row, why in problems.items():
        if status[row] == CHECKED or not status[row].startswith("unreadable"):
            status[row] = why
    unchecked = status != CHECKED
    if not unchecked.any():
        return
    for name, values in columns.items():
        if name != "status":
            values[unchecked] = np.nan if values.dtype != object else None


def _set_names(chosen: list[Any]) -> np.ndarray:
    import numpy as np

    default = _default_set()
    names = [c if isinstance(c, str) else getattr(c, "name", None) or default for c in chosen]
    return np.array(names, dtype=object)


def _empty_columns(n: int, texts: tuple[str, ...]) -> dict[str, Any]:
    import numpy as np

    out: dict[str, Any] = {}
    for name in (*OUTPUT_COLUMNS, *texts):
        is_number = name.startswith(("computed", "implied_l", "implied_h", "corrected"))
        out[name] = np.full(n, np.nan) if is_number else np.full(n, None, dtype=object)
    return out


def _scatter(columns: dict[str, Any], found: dict[str, Any], rows: list[int], n: int) -> None:
    for name, values in found.items():
        if len(rows) == n:
            columns[name] = values
        else:
            columns[name][rows] = values


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


def _columns_of(
    frame: pd.DataFrame, pills: str | None, powder: str | None, claim: str | None, date: str | None
) -> dict[str, str]:
    """Figure name -> column, each checked to be in the table; the output columns checked not to be."""
    names = {"pills": _column(frame, pills, "pills"), "powder": _column(frame, powder, "powder")}
    claim_name = _column(frame, claim, "claim")
    if claim_name is None:
        raise InputError("no claim column given; name the column of published totals (claim=...)")
    if names["pills"] is None and names["powder"] is None:
        raise InputError(
            "no pills or powder column given; name the column of pills (pills=...) or of powder (powder=...)"
        )
    if date is not None and date not in frame.columns:
        raise InputError(f"no column {date!r} in the table (it has: {', '.join(repr(str(c)) for c in frame.columns)})")
    added = (*OUTPUT_COLUMNS, *TEXT_COLUMNS, "assumptions")
    clash = [c for c in added if c in frame.columns]
    if clash:
        raise InputError(f"the table already has a column {clash[0]!r}; rename it before checking")
    return {**{role: col for role, col in names.items() if col is not None}, "claim": claim_name}


def _vectorized(
    figures: dict[str, FigureColumn], n: int, options: dict[str, Any], texts: tuple[str, ...]
) -> tuple[dict[str, Any], Any, Any]:
    """The numpy check (:mod:`.kernel`): every output column filled where it decides, the rows the exact check
    must do, and what the plain sentences of the other rows are made from."""
    import numpy as np

    from ..checker.context import build_context
    from .columns import absent
    from .kernel import FLAGGED_CODES, VERDICTS, constants, decide_rows
    from .sentences import Sentences

    template = build_context(None, None, "1 dose", **options)
    twin = constants(template)
    powder = figures.get("powder") or absent("powder", n)
    decided = decide_rows(twin, figures.get("pills"), powder, figures["claim"])
    verdicts = np.array((*VERDICTS, None), dtype=object)[decided.verdict]
    flagged = np.isin(decided.verdict, FLAGGED_CODES)
    names = np.array([c.name for c in twin.methods.items] + [None], dtype=object)
    columns = _empty_columns(n, texts)
    columns.update(
        {
            "verdict": verdicts, "computed_doses_low": decided.computed_low,
            "computed_doses_high": decided.computed_high, "implied_parameter": decided.parameter,
            "implied_low": decided.implied_low, "implied_high": decided.implied_high,
            "diagnosis": np.where(flagged & (decided.best >= 0), names[decided.best], None),
            "corrected_doses": np.where(flagged, decided.corrected, np.nan),
        }
    )  # fmt: skip
    needs_exact = decided.verdict < 0
    if "explanation" in texts:
        needs_exact[:] = True
    return columns, needs_exact, Sentences(template, figures, decided)


def _plain(columns: dict[str, Any], rows: Any, sentences: Any, progress: Callable[[int], None] | None) -> None:
    """The plain sentence of each row the numpy check decided, made from its findings."""
    verdicts, plain = columns["verdict"], columns["plain"]
    for done, row in enumerate(rows, 1):
        plain[row] = sentences.plain(row, verdicts[row])
        if progress is not None and done % PROGRESS_STEP == 0:
            progress(PROGRESS_STEP)


def _recheck(
    figures: dict[str, FigureColumn], columns: dict[str, Any], needs_exact: Any, options: dict[str, Any],
    texts: tuple[str, ...], progress: Callable[[int], None] | None, when: list[dict[str, Any]] | None,
) -> None:  # fmt: skip
    """The exact check of every row the float pass left (or flagged), written into ``columns``."""
    import numpy as np

    from .exact import ExactRows

    exact_rows = np.flatnonzero(needs_exact).tolist()
    scalar = ExactRows(figures, options, when, texts)
    for done, row in enumerate(exact_rows, 1):
        scalar.fill(row, columns)
        if progress is not None and (done % PROGRESS_STEP == 0 or done == len(exact_rows)):
            progress(PROGRESS_STEP if done % PROGRESS_STEP == 0 else done % PROGRESS_STEP)


def _verdict_names() -> list[str]:
    from ..checker.results import VERDICTS

    return list(VERDICTS)

"""Table files: CSV, TSV, Excel (.xlsx) and Parquet read and written, and the figure columns found by their headers."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError, Remedy
from .caps import DEFAULT_CAPS, TableCaps

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "FORMATS",
    "NEEDS",
    "OUTPUT_FORMATS",
    "check_file",
    "format_of",
    "guess_columns",
    "read_table",
    "require",
]

#: File suffix -> format.
FORMATS = {".csv": "csv", ".tsv": "tsv", ".tab": "tsv", ".xlsx": "excel", ".parquet": "parquet", ".pq": "parquet"}
#: Formats a table can be written in; excel and parquet only to a file.
OUTPUT_FORMATS = ("csv", "tsv", "json", "markdown", "excel", "parquet")
#: Format -> (the module it needs, the extra that installs it).
NEEDS = {"excel": ("openpyxl", "excel"), "parquet": ("pyarrow", "parquet")}

#: Header words -> the figure they name; a mass unit in a header gives the column's unit.
_PILL_WORDS = {"pill", "pills", "tablet", "tablets", "m30", "m30s"}
_POWDER_WORDS = {"powder", "fentanyl", "mass", "weight"}
_CLAIM_WORDS = {"dose", "doses", "claim", "claimed", "deadly", "lethal"}
_UNIT_WORDS = {
    "lb": "lb", "lbs": "lb", "pound": "lb", "pounds": "lb", "kg": "kg", "kgs": "kg", "kilo": "kg", "kilos": "kg",
    "kilogram": "kg", "kilograms": "kg", "g": "g", "gram": "g", "grams": "g", "oz": "oz", "ounce": "oz",
    "ounces": "oz", "mg": "mg",
}  # fmt: skip


def require(module: str, extra: str, what: str) -> None:
    import importlib.util

    if importlib.util.find_spec(module) is None:
        raise InputError(
            f"{what} needs {module}, which is not installed; install it with: pip install 'doseconv[{extra}]'"
        )


def _require_pandas() -> None:
    require("pandas", "table", "checking a table")


def format_of(path: str | Path) -> str:
    """The format of a table file from its suffix."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise InputError(
            f"cannot read {path}: unknown file type {suffix or '(none)'!r}; give a .csv, .tsv, .xlsx or .parquet file"
        )
    return FORMATS[suffix]


def input_format(path: str | Path) -> str:
    """The format of a table file to read, from its suffix; refused when it is no regular file (a folder, a missing
    file) or of a type not read."""
    if not Path(path).is_file():
        target = Path(path)
        why = "no such file"
        if target.exists():
            why = f"it is {'a folder' if target.is_dir() else 'not a regular file'}; give a table file"
        raise InputError(f"cannot read {path}: {why}")
    return format_of(path)


def read_table(path: str | Path, caps: TableCaps = DEFAULT_CAPS) -> pd.DataFrame:
    """Read a CSV, TSV, Excel or Parquet file into a DataFrame (the first sheet of a workbook), within ``caps``.

    CSV and TSV cells are text as written; workbook and Parquet cells keep their types. A cell that cannot be
    handed on as it was found (a formula with no stored value, a cell of a line longer than the header) is an
    :class:`~doseconv.batch.status.Unreadable` (:mod:`.readers`). A file over a cap is refused before it is parsed.
    """
    from . import readers

    kind = input_format(path)
    _require_pandas()
    if kind in NEEDS:
        module, extra = NEEDS[kind]
        require(module, extra, f"reading {Path(path).suffix} files")
    if kind in ("csv", "tsv"):
        return readers.read_text_table(path, "," if kind == "csv" else "\t", caps)
    if kind == "excel":
        return readers.read_workbook(path, caps)
    return readers.read_parquet(path, caps)


def _words(header: object) -> set[str]:
    return set(re.split(r"[^a-z0-9]+", str(header).lower())) - {""}


def guess_columns(columns: list[Any], given: dict[str, str | None]) -> dict[str, tuple[str | None, str | None]]:
    """Figure name -> (column, unit from its header) for pills, powder and claim; ``given`` names win.

    >>> guess_columns(["date", "Pills seized", "Powder (lbs)", "Doses claimed"], {})
    {'pills': ('Pills seized', None), 'powder': ('Powder (lbs)', 'lb'), 'claim': ('Doses claimed', None)}
    """
    found: dict[str, list[tuple[str, str | None]]] = {"pills": [], "powder": [], "claim": []}
    for column in columns:
        words = _words(column)
        unit = next((_UNIT_WORDS[w] for w in words if w in _UNIT_WORDS), None)
        if words & _CLAIM_WORDS:
            found["claim"].append((str(column), None))
        elif words & _PILL_WORDS:
            found["pills"].append((str(column), unit))
        elif words & _POWDER_WORDS or unit is not None:
            found["powder"].append((str(column), unit))
    out: dict[str, tuple[str | None, str | None]] = {}
    for role, candidates in found.items():
        name = given.get(role)
        if name is not None:
            unit = next((u for c, u in candidates if c == name), None)
            if unit is None:
                words = _words(name)
                unit = next((_UNIT_WORDS[w] for w in words if w in _UNIT_WORDS), None)
            out[role] = (name, unit)
        elif len(candidates) > 1:
            names = " and ".join(repr(c) for c, _ in candidates[:2])
            raise InputError(
                f"columns {names} both look like the {role}",
                remedy=Remedy(role, f"; name one with {{{role}}}", "; name the one to use"),
            )
        else:
            out[role] = candidates[0] if candidates else (None, None)
    return out


def check_file(
    path: str | Path,
    *,
    pills: str | None = None,
    powder: str | None = None,
    claim: str | None = None,
    powder_unit: str | None = None,
    pills_unit: str | None = None,
    progress: Callable[[int], None] | None = None,
    on_size: Callable[[int], None] | None = None,
    caps: TableCaps = DEFAULT_CAPS,
    **options: Any,
) -> pd.DataFrame:
    """Read a table file, find its figure columns and check every row (see :func:`~doseconv.batch.check_table`).

    ``on_size`` is called with the number of rows once the file is read; ``caps`` bounds the file
    (:class:`~doseconv.batch.caps.TableCaps`). Errors name the file.
    """
    from .table import check_table

    frame = read_table(path, caps)
    try:
        columns = guess_columns(list(frame.columns), {"pills": pills, "powder": powder, "claim": claim})
        _refuse_without_figures(frame, columns)
        if on_size is not None:
            on_size(len(frame))
        return check_table(
            frame, columns["pills"][0], columns["powder"][0], columns["claim"][0],
            powder_unit=powder_unit or columns["powder"][1], pills_unit=pills_unit or columns["pills"][1],
            progress=progress, **options,
        )  # fmt: skip
    except InputError as error:
        raise InputError(f"{path}: {error.reason}", parameter=error.parameter, remedy=error.remedy) from None


def _refuse_without_figures(frame: pd.DataFrame, columns: dict[str, tuple[str | None, str | None]]) -> None:
    """Refuse a table in which no claim column, or neither a pills nor a powder column, is found: the headers
    seen and the ones accepted are named."""
    have = ", ".join(repr(str(c)) for c in frame.columns) or "none"
    if columns["claim"][0] is None:
        raise InputError(
            f"no column of claimed doses found (the table has: {have}); a header with {_accepted(_CLAIM_WORDS)} is one",
            remedy=Remedy("claim", ", or name it with {claim}", ", or name the column"),
        )
    if columns["pills"][0] is None and columns["powder"][0] is None:
        raise InputError(
            f"no column of pills or powder found (the table has: {have}); a header with {_accepted(_PILL_WORDS)} "
            f"is pills, one with {_accepted(_POWDER_WORDS)} or a mass unit (lb, kg, g) is powder",
            remedy=Remedy("pills", ", or name them with {pills} and {powder}", ", or name the columns"),
        )


def _accepted(words: set[str]) -> str:
    listed = sorted(words)
    return ", ".join(listed[:-1]) + " or " + listed[-1]

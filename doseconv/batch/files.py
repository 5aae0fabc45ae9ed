"""Table files: CSV, TSV, Excel (.xlsx) and Parquet read and written, and the figure columns found by their headers."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from ..outputs import refuse_inputs, write_output

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "FORMATS",
    "OUTPUT_FORMATS",
    "check_file",
    "check_output",
    "format_of",
    "guess_columns",
    "read_table",
    "table_text",
    "write_table",
]

#: File suffix -> format.
FORMATS = {".csv": "csv", ".tsv": "tsv", ".tab": "tsv", ".xlsx": "excel", ".parquet": "parquet", ".pq": "parquet"}
#: Formats a table can be written in; excel and parquet only to a file.
OUTPUT_FORMATS = ("csv", "tsv", "json", "markdown", "excel", "parquet")
#: Format -> (the module it needs, the extra that installs it).
_NEEDS = {"excel": ("openpyxl", "excel"), "parquet": ("pyarrow", "parquet")}

#: Header words -> the figure they name; a mass unit in a header gives the column's unit.
_PILL_WORDS = {"pill", "pills", "tablet", "tablets", "m30", "m30s"}
_POWDER_WORDS = {"powder", "fentanyl", "mass", "weight"}
_CLAIM_WORDS = {"dose", "doses", "claim", "claimed", "deadly", "lethal"}
_UNIT_WORDS = {
    "lb": "lb", "lbs": "lb", "pound": "lb", "pounds": "lb", "kg": "kg", "kgs": "kg", "kilo": "kg", "kilos": "kg",
    "kilogram": "kg", "kilograms": "kg", "g": "g", "gram": "g", "grams": "g", "oz": "oz", "ounce": "oz",
    "ounces": "oz", "mg": "mg",
}  # fmt: skip


def _require(module: str, extra: str, what: str) -> None:
    import importlib.util

    if importlib.util.find_spec(module) is None:
        raise InputError(
            f"{what} needs {module}, which is not installed; install it with: pip install 'doseconv[{extra}]'"
        )


def _require_pandas() -> None:
    _require("pandas", "table", "checking a table")


def format_of(path: str | Path) -> str:
    """The format of a table file from its suffix."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise InputError(
            f"cannot read {path}: unknown file type {suffix or '(none)'!r}; give a .csv, .tsv, .xlsx or .parquet file"
        )
    return FORMATS[suffix]


def read_table(path: str | Path) -> pd.DataFrame:
    """Read a CSV, TSV, Excel or Parquet file into a DataFrame (the first sheet of a workbook)."""
    kind = format_of(path)
    if not Path(path).is_file():
        target = Path(path)
        why = "no such file"
        if target.exists():
            why = f"it is {'a folder' if target.is_dir() else 'not a regular file'}; give a table file"
        raise InputError(f"cannot read {path}: {why}")
    _require_pandas()
    if kind in _NEEDS:
        module, extra = _NEEDS[kind]
        _require(module, extra, f"reading {Path(path).suffix} files")
    import pandas as pd

    try:
        if kind == "csv":
            return pd.read_csv(path, skipinitialspace=True)
        if kind == "tsv":
            return pd.read_csv(path, sep="\t")
        if kind == "excel":
            return pd.read_excel(path)
        return pd.read_parquet(path)
    except (ValueError, OSError, UnicodeDecodeError, pd.errors.ParserError) as error:
        first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise InputError(f"cannot read {path}: {first}") from None


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
            raise InputError(f"columns {names} both look like the {role}; name one with --{role}")
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
    **options: Any,
) -> pd.DataFrame:
    """Read a table file, find its figure columns and check every row (see :func:`~doseconv.batch.check_table`).

    ``on_size`` is called with the number of rows once the file is read. Errors name the file.
    """
    from .table import check_table

    frame = read_table(path)
    try:
        columns = guess_columns(list(frame.columns), {"pills": pills, "powder": powder, "claim": claim})
        if columns["claim"][0] is None:
            have = ", ".join(repr(str(c)) for c in frame.columns) or "none"
            raise InputError(f"no column of claimed doses found (the table has: {have}); name it with --claim")
        if on_size is not None:
            on_size(len(frame))
        return check_table(
            frame, columns["pills"][0], columns["powder"][0], columns["claim"][0],
            powder_unit=powder_unit or columns["powder"][1], pills_unit=pills_unit or columns["pills"][1],
            progress=progress, **options,
        )  # fmt: skip
    except InputError as error:
        raise InputError(f"{path}: {error}", parameter=error.parameter) from None


def table_text(frame: pd.DataFrame, output: str) -> str:
    """The checked table as text: csv, tsv, json (one object per row) or markdown."""
    if output == "csv":
        return str(frame.to_csv(index=False))
    if output == "tsv":
        return str(frame.to_csv(index=False, sep="\t"))
    if output == "json":
        return str(frame.to_json(orient="records", indent=2, force_ascii=False)) + "\n"
    if output == "markdown":
        return _markdown(frame)
    raise InputError(f"write {output} output to a file with -o, or choose --format csv, tsv, json or markdown")


def _cell(value: object) -> str:
    import pandas as pd

    if value is None or (not isinstance(value, str) and pd.isna(value)):  # type: ignore[call-overload]
        return ""
    if isinstance(value, float):
        return f"{value:,.0f}" if abs(value) >= 1000 else f"{value:.6g}"
    return str(value).replace("|", "\\|").replace("\n", " ")


def _markdown(frame: pd.DataFrame) -> str:
    lines = ["| " + " | ".join(_cell(c) for c in frame.columns) + " |", "|" + "---|" * len(frame.columns)]
    lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in frame.itertuples(index=False)]
    return "\n".join(lines) + "\n"


def check_output(path: str | Path, output: str, inputs: Iterable[str | Path] = ()) -> None:
    """An error when a table in ``output`` format cannot be written to ``path``: it is one of ``inputs``, a folder,
    a workbook with other sheets or formulas, or the format needs a library that is not installed.

    :func:`write_table` checks this too; call it first to refuse before a long check.
    """
    refuse_inputs(path, inputs)
    if output in _NEEDS:
        module, extra = _NEEDS[output]
        _require(module, extra, f"writing {output} files")
    if output == "excel":
        from .workbook import refuse_workbook

        refuse_workbook(path)


def write_table(
    frame: pd.DataFrame, path: str | Path, output: str | None = None, *, inputs: Iterable[str | Path] = ()
) -> None:
    """Write the checked table to ``path`` in ``output`` (default: the format of the path's suffix).

    The file is written whole or not at all (:mod:`doseconv.outputs`); ``inputs`` are the files the table was
    read from, which it is never written over. A workbook with sheets or formulas of its own is not replaced.
    """
    kind = output or format_of(path)
    check_output(path, kind, inputs)
    if kind == "excel":
        write_output(path, lambda stream: frame.to_excel(stream, index=False, engine="openpyxl"), inputs=inputs)
    elif kind == "parquet":
        write_output(path, lambda stream: frame.to_parquet(stream, index=False), inputs=inputs)
    else:
        write_output(path, table_text(frame, kind), inputs=inputs)

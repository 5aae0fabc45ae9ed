"""A checked table written out: CSV, TSV, JSON, Markdown, Excel or Parquet, whole or not at all, and never as formulas.

A table read from an untrusted source can hold text such as ``=HYPERLINK(...)`` that a spreadsheet would run when
the output is opened. Following OWASP's guidance on CSV injection, a text cell (or header) that starts with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return (or their full-width forms, or any of them after spaces) is
written to CSV and TSV with a ``'`` before it, which spreadsheets show as text; in a workbook every text cell is
stored as text, never as a formula. Numbers are written as numbers. JSON and Parquet keep every value as it is.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from ..errors import InputError, Remedy
from ..outputs import refuse_inputs, write_output

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["FORMULA_STARTS", "check_output", "escape_formula", "table_text", "write_table"]

#: The first characters that make a spreadsheet read a cell as a formula (OWASP), with their full-width forms.
FORMULA_STARTS = frozenset("=+-@\t\r\uff1d\uff0b\uff0d\uff20")
#: Spaces a spreadsheet may skip before the first character.
_LEADING = " \u00a0\u3000"


def escape_formula(text: str) -> str:
    """``text`` as a spreadsheet must show it: with a ``'`` before it when it would start a formula.

    >>> escape_formula("=1+1"), escape_formula("-5"), escape_formula(" @SUM(A1)"), escape_formula("nearly 44 million")
    ("'=1+1", "'-5", "' @SUM(A1)", 'nearly 44 million')
    """
    first = text.lstrip(_LEADING)[:1]
    return "'" + text if first and first in FORMULA_STARTS else text


def _escaped(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells and headers are escaped for a spreadsheet (numbers untouched)."""
    out = frame.copy(deep=False)
    out.columns = [escape_formula(c) if isinstance(c, str) else c for c in frame.columns]
    for index in range(len(frame.columns)):
        values = frame.iloc[:, index]
        if values.dtype == object or str(values.dtype) in ("string", "str"):
            out.isetitem(index, values.map(lambda v: escape_formula(v) if isinstance(v, str) else v))
    return out


def _computed(frame: pd.DataFrame) -> tuple[str, ...]:
    """The columns check_table added that hold its numbers (written by the one formatter, :mod:`.writing`)."""
    from .table import OUTPUT_COLUMNS

    return tuple(c for c in OUTPUT_COLUMNS if c in frame.columns)


def table_text(frame: pd.DataFrame, output: str) -> str:
    """The checked table as text: csv, tsv (formula-like cells escaped), json (one object per row) or markdown;
    the check's numbers written by the one formatter, the user's cells as given (:mod:`.writing`)."""
    from .writing import written

    if output == "json":
        frame = written(frame, _computed(frame), as_text=False)
    elif output in ("csv", "tsv", "markdown"):
        frame = written(frame, _computed(frame), as_text=True, grouped=output == "markdown")
    if output == "csv":
        return str(_escaped(frame).to_csv(index=False))
    if output == "tsv":
        return str(_escaped(frame).to_csv(index=False, sep="\t"))
    if output == "json":
        return str(frame.to_json(orient="records", indent=2, force_ascii=False)) + "\n"
    if output == "markdown":
        return _markdown(frame)
    raise InputError(
        f"{output} output is a file, not text",
        remedy=Remedy(
            "output_file",
            "; write it to a file with {output_file}, or choose {format} csv, tsv, json or markdown",
            "; write it to a file, or choose csv, tsv, json or markdown",
        ),
    )


def _cell(value: object) -> str:
    import pandas as pd

    from ..markdown import text as markdown_text

    if value is None or (not isinstance(value, str) and pd.isna(value)):  # type: ignore[call-overload]
        return ""
    if isinstance(value, float):
        return f"{value:,.0f}" if abs(value) >= 1000 else f"{value:.6g}"
    return markdown_text(str(value)).replace("|", "\\|")


def _markdown(frame: pd.DataFrame) -> str:
    lines = ["| " + " | ".join(_cell(c) for c in frame.columns) + " |", "|" + "---|" * len(frame.columns)]
    lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in frame.itertuples(index=False)]
    return "\n".join(lines) + "\n"


def check_output(path: str | Path, output: str, inputs: Iterable[str | Path] = ()) -> None:
    """An error when a table in ``output`` format cannot be written to ``path``: it is one of ``inputs``, a folder,
    a workbook with other sheets or formulas, or the format needs a library that is not installed.

    :func:`write_table` checks this too; call it first to refuse before a long check.
    """
    from .files import NEEDS, require

    refuse_inputs(path, inputs)
    if output in NEEDS:
        module, extra = NEEDS[output]
        require(module, extra, f"writing {output} files")
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
    from .files import NEEDS, format_of
    from .writing import written

    kind = output or format_of(path)
    check_output(path, kind, inputs)
    if kind in NEEDS:
        frame = written(frame, _computed(frame), as_text=False)
    if kind == "excel":
        write_output(path, lambda stream: _write_workbook(frame, stream), inputs=inputs)
    elif kind == "parquet":
        write_output(path, lambda stream: frame.to_parquet(stream, index=False), inputs=inputs)
    else:
        write_output(path, table_text(frame, kind), inputs=inputs)


def _write_workbook(frame: pd.DataFrame, stream: IO[bytes]) -> None:
    """One sheet, the header then the rows; text always stored as text (openpyxl would make ``=…`` a formula)."""
    import openpyxl
    from openpyxl.cell import WriteOnlyCell

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Sheet1")
    headers = [str(c) for c in frame.columns]

    def cell(value: Any, row: int, column: int) -> Any:
        where = f"row {row}, column {headers[column]!r}" if row else f"the header of column {column + 1}"
        value = _excel_value(value, where)
        if isinstance(value, str) and value[:1] == "=":
            text = WriteOnlyCell(sheet, value=value)
            text.data_type = "s"
            return text
        return value

    try:
        sheet.append([cell(h, 0, i) for i, h in enumerate(headers)])
        for number, row in enumerate(frame.itertuples(index=False, name=None), start=1):
            sheet.append([cell(v, number, i) for i, v in enumerate(row)])
    except BaseException:
        with contextlib.suppress(Exception):
            sheet.close()  # its writer is finished now, not when it is collected after the file is gone
        raise
    book.save(stream)


def _excel_value(value: Any, where: str) -> Any:
    """A cell value openpyxl writes as it is: numbers, text, booleans, naive dates; None for a missing value."""
    import datetime
    import numbers

    import numpy as np
    import pandas as pd
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if value is None or (not isinstance(value, str | bytes) and pd.api.types.is_scalar(value) and pd.isna(value)):
        return None
    if isinstance(value, bool | np.bool_):
        value = bool(value)
    elif isinstance(value, str):
        pass
    elif isinstance(value, numbers.Integral):
        value = int(value)
    elif isinstance(value, numbers.Real):
        value = float(value)
    elif isinstance(value, datetime.datetime | datetime.date) and getattr(value, "tzinfo", None) is None:
        value = value.to_pydatetime() if isinstance(value, pd.Timestamp) else value
    else:
        value = str(value)
    if isinstance(value, str):
        bad = ILLEGAL_CHARACTERS_RE.search(value)
        if bad is not None:
            raise InputError(
                f"cannot write {where} to a workbook: it holds the control character U+{ord(bad.group()):04X}, "
                "which a workbook cannot hold; write CSV or Parquet instead"
            )
        if len(value) > 32_767:
            raise InputError(
                f"cannot write {where} to a workbook: it holds {len(value):,} characters, more than a cell holds "
                "(32,767); write CSV or Parquet instead"
            )
    return value

"""Table files read cell by cell within the caps (:mod:`.caps`): CSV and TSV as text, workbooks and Parquet as typed.

No cell is misread silently. A CSV line with more cells than the header (often a figure with an unquoted comma,
``44,000``) has every cell :class:`~.status.Unreadable`, its last one holding the rest of the line, so nothing is
dropped or shifted; a formula with no stored value is Unreadable with its formula; a true/false cell stays a
``bool``, which the figure reader refuses. Each such cell makes its row's status, never a number.
"""

from __future__ import annotations

import codecs
import csv
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from .caps import TableCaps
from .status import Unreadable

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["read_parquet", "read_text_table", "read_workbook"]


def _headers(cells: Iterable[Any]) -> list[str]:
    """Header names as pandas makes them: an empty one ``Unnamed: N``, a repeated one ``name.1``."""
    names: list[str] = []
    seen: dict[str, int] = {}
    for index, cell in enumerate(cells):
        name = "" if cell is None else str(cell)
        if not name.strip():
            name = f"Unnamed: {index}"
        if name in seen:
            seen[name] += 1
            name = f"{name}.{seen[name]}"
        seen.setdefault(name, 0)
        names.append(name)
    return names


def _frame(path: object, header: list[str], rows: list[list[Any]]) -> pd.DataFrame:
    import pandas as pd

    columns = {name: [row[i] for row in rows] for i, name in enumerate(header)}
    return pd.DataFrame(columns, columns=header) if rows else pd.DataFrame({name: [] for name in header}, dtype=object)


def _check_size(path: str | Path, caps: TableCaps) -> None:
    size = os.stat(path).st_size
    if size > caps.bytes:
        raise caps.too_large(path, f"is {size:,} bytes", f"{caps.bytes:,} bytes of data")


def read_text_table(path: str | Path, separator: str, caps: TableCaps) -> pd.DataFrame:
    """A CSV or TSV file (UTF-8, with or without a byte-order mark), every cell as the text written in it."""
    _check_size(path, caps)
    with open(path, encoding="utf-8-sig", newline="") as text:
        records = csv.reader(text, delimiter=separator, skipinitialspace=separator == ",", strict=False)
        try:
            header, rows = _records(path, records, separator, caps)
        except UnicodeDecodeError:
            line, byte = _first_bad_byte(path)
            raise InputError(
                f"cannot read {path}: line {line} is not UTF-8 (byte 0x{byte:02x}); save the file as UTF-8"
            ) from None
        except csv.Error as error:
            raise InputError(f"cannot read {path}: line {records.line_num}: {error}") from None
    return _frame(path, header, rows)


def _first_bad_byte(path: str | Path) -> tuple[int, int]:
    """The line of the first byte that is not UTF-8, and the byte (the text reader decodes ahead of the lines)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    line = 1
    with open(path, "rb") as stream:
        while chunk := stream.read(1 << 20):
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as error:
                return line + error.object.count(b"\n", 0, error.start), error.object[error.start]
            line += chunk.count(b"\n")
    return line, 0


def _records(
    path: str | Path, records: Iterator[list[str]], separator: str, caps: TableCaps
) -> tuple[list[str], list[list[Any]]]:
    first = next(records, None)
    if first is None:
        raise InputError(f"cannot read {path}: it is empty; a table starts with a row of headers")
    _check_cells(path, first, 0, caps, None)
    header = _headers(first)
    width = len(header)
    caps.check_shape(path, 0, width)
    rows: list[list[Any]] = []
    line = getattr(records, "line_num", 0)
    for number, record in enumerate(records, start=1):
        if number > caps.rows:
            caps.check_shape(path, number, width)
        _check_cells(path, record, number, caps, header)
        if len(record) > width:
            rows.append(_ragged(record, width, separator, getattr(records, "line_num", line + number)))
        elif len(record) < width:
            rows.append(record + [""] * (width - len(record)))
        else:
            rows.append(record)
    return header, rows


def _check_cells(path: object, record: list[str], row: int, caps: TableCaps, header: list[str] | None) -> None:
    if len(record) > caps.columns:
        raise caps.too_large(path, f"has {len(record):,} cells in row {row}", f"{caps.columns:,} columns")
    for index, cell in enumerate(record):
        if len(cell) > caps.cell:
            where = f"row {row}, column {header[index]!r}" if header and index < len(header) else f"row {row}"
            caps.check_cell(path, where if row else f"the header of column {index + 1}", len(cell))


def _ragged(record: list[str], width: int, separator: str, line: int) -> list[Any]:
    """A line with more cells than the header: every cell unreadable, the last holding the rest of the line."""
    why = (
        f"line {line} has {len(record)} cells but the header has {width}; a figure with an unquoted "
        f'{"comma" if separator == "," else "tab"} (44,000)? quote it ("44,000")'
    )
    kept = [Unreadable(why, cell) for cell in record[: width - 1]]
    return [*kept, Unreadable(why, separator.join(record[width - 1 :]))]


def read_workbook(path: str | Path, caps: TableCaps) -> pd.DataFrame:
    """The first sheet of an .xlsx workbook, checked first (:func:`.workbook.check_workbook`); cells as typed."""
    from .workbook import check_workbook

    parts = check_workbook(path, caps)
    try:
        header, rows = _sheet_rows(path, caps, data_only=True)
        if parts.formulas:
            _mark_uncached(path, caps, rows)
    except InputError:
        raise
    except Exception as error:  # openpyxl raises what its parsers raise (KeyError, ParseError, TypeError …)
        text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise InputError(
            f"cannot read {path}: not a workbook a spreadsheet saved ({text}); give an .xlsx file saved by Excel"
        ) from None
    return _frame(path, header, rows)


def _sheet_rows(path: str | Path, caps: TableCaps, data_only: bool) -> tuple[list[str], list[list[Any]]]:
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True, data_only=data_only)
    try:
        if not book.worksheets:
            raise InputError(f"cannot read {path}: the workbook has no sheet")
        sheet = book.worksheets[0]
        sheet.reset_dimensions()  # the declared size is not trusted: rows are as long as their cells
        values = sheet.iter_rows(values_only=True)
        first = next(values, None)
        header = _headers(first or ())
        caps.check_shape(path, 0, len(header))
        rows: list[list[Any]] = []
        for number, row in enumerate(values, start=1):
            if number > caps.rows or len(row) > caps.columns:
                caps.check_shape(path, number, len(row))
            for index, cell in enumerate(row):
                if isinstance(cell, str) and len(cell) > caps.cell:
                    caps.check_cell(path, f"row {number}, column {index + 1}", len(cell))
            rows.append(list(row[: len(header)]) + [None] * (len(header) - len(row)))
        while rows and all(cell is None for cell in rows[-1]):
            rows.pop()  # formatted but empty rows at the end
        return header, rows
    finally:
        book.close()


def _mark_uncached(path: str | Path, caps: TableCaps, rows: list[list[Any]]) -> None:
    """Cells holding a formula whose value the file does not store (saved by a program that computes none)."""
    _, formulas = _sheet_rows(path, caps, data_only=False)
    for row, cells in zip(rows, formulas, strict=False):
        for index, (value, formula) in enumerate(zip(row, cells, strict=False)):
            if value is None and isinstance(formula, str) and formula.startswith("="):
                row[index] = Unreadable(
                    f"a formula with no stored value ({formula}); open the file in a spreadsheet and save it", formula
                )


def read_parquet(path: str | Path, caps: TableCaps) -> pd.DataFrame:
    """A Parquet file, refused by its metadata before it is read when it is over the caps."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    try:
        source = pq.ParquetFile(path)
        meta = source.metadata
        caps.check_shape(path, meta.num_rows, meta.num_columns)
        unpacked = sum(meta.row_group(i).total_byte_size for i in range(meta.num_row_groups))
        if unpacked > caps.bytes:
            raise caps.too_large(path, f"unpacks to {unpacked:,} bytes", f"{caps.bytes:,} bytes of data")
        table = source.read()
        for name, column in zip(table.column_names, table.columns, strict=True):
            if pa.types.is_string(column.type) or pa.types.is_large_string(column.type):
                longest = pc.max(pc.utf8_length(column)).as_py() or 0
                caps.check_cell(path, f"column {name!r}", longest)
        return table.to_pandas()
    except InputError:
        raise
    except (pa.ArrowException, ValueError, OSError, TypeError, NotImplementedError, KeyError) as error:
        text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise InputError(f"cannot read {path}: not a Parquet file pyarrow can read ({text})") from None

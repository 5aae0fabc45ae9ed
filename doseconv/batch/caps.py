"""The caps on a table file, checked before and while it is read, so that no file can take unbounded memory or time.

The defaults are Excel's own limits (1,048,576 rows, 16,384 columns, 32,767 characters in a cell), so every table
Excel can hold is read, and 512 MB of data (a workbook's unpacked XML, a CSV's or Parquet file's bytes).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import InputError

__all__ = ["DEFAULT_CAPS", "TableCaps"]


@dataclass(frozen=True)
class TableCaps:
    """Most rows, columns, characters in one cell, and bytes of data (unpacked) a table file may hold."""

    rows: int = 1_048_576
    columns: int = 16_384
    cell: int = 32_767
    bytes: int = 512_000_000

    def too_large(self, path: object, what: str, most: str) -> InputError:
        """The error for a file over one of the caps: ``what`` it has, and the ``most`` a table may have."""
        return InputError(f"cannot read {path}: it {what}; a table may have at most {most}")

    def check_shape(self, path: object, rows: int, columns: int) -> None:
        """An error when ``rows`` data rows or ``columns`` columns are over the caps."""
        if rows > self.rows:
            raise self.too_large(path, f"has more than {self.rows:,} rows", f"{self.rows:,} rows (Excel's own limit)")
        if columns > self.columns:
            raise self.too_large(path, f"has {columns:,} columns", f"{self.columns:,} columns (Excel's own limit)")

    def check_cell(self, path: object, where: str, length: int) -> None:
        """An error when a cell of ``length`` characters at ``where`` ("row 2, column 'pills'") is over the cap."""
        if length > self.cell:
            raise self.too_large(
                path, f"has {length:,} characters in {where}", f"{self.cell:,} in a cell (Excel's own limit)"
            )


DEFAULT_CAPS = TableCaps()

"""Batch checks: every row of a table checked like :func:`doseconv.check`, vectorized with an exact recheck.

:mod:`.columns` reads figure columns (text parsed once per distinct value, numbers at face
value), :mod:`.twin` is the vectorized twin of the verdict, :mod:`.table` puts them together in
:func:`check_table`, :mod:`.files` reads table files (CSV, TSV, Excel, Parquet) within the caps of
:mod:`.caps` (a workbook checked first by :mod:`.workbook`), and :mod:`.output` writes them, never as formulas.
"""

from __future__ import annotations

from .table import FLAGGED, OUTPUT_COLUMNS, check_table

__all__ = ["FLAGGED", "OUTPUT_COLUMNS", "check_table"]

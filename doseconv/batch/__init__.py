"""Batch checks: every row of a table checked like :func:`doseconv.check`, vectorized with an exact recheck.

:mod:`.cells` sorts each cell of a column into its kind, :mod:`.columns` reads figure columns (text
parsed once per distinct value, numbers at face value), :mod:`.kernel` decides every row in numpy
(verdict, implied value, diagnosis, correction; :mod:`.candidates`, :mod:`.diagnosis`, :mod:`.bound`),
:mod:`.sentences` makes a decided row's plain sentence, :mod:`.exact` checks single rows exactly, :mod:`.table` puts them together in
:func:`check_table`, :mod:`.status` gives each row its status, :mod:`.files` reads table files (CSV,
TSV, Excel, Parquet) within the caps of :mod:`.caps` (a workbook checked first by :mod:`.workbook`),
and :mod:`.output` writes them, their numbers by one formatter (:mod:`.writing`), never as formulas.
"""

from __future__ import annotations

from .status import CHECKED, NO_CLAIM, NO_INPUTS, STATUSES, UNREADABLE, Unreadable, status_counts
from .table import FLAGGED, OUTPUT_COLUMNS, TEXT_COLUMNS, check_table

__all__ = [
    "CHECKED",
    "FLAGGED",
    "NO_CLAIM",
    "NO_INPUTS",
    "OUTPUT_COLUMNS",
    "STATUSES",
    "TEXT_COLUMNS",
    "UNREADABLE",
    "Unreadable",
    "check_table",
    "status_counts",
]

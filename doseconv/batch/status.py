"""Row statuses: a row of a table is checked, or says in one phrase why it could not be.

Every row of a checked table has a ``status``. A row that cannot be checked is still one row of
the output, with its status and its result columns empty; a table is never refused for one row.

- ``checked``: the row was checked; its verdict and findings are in the other columns.
- ``no claim``: the claim cell is empty (``""``, ``NaN``, ``None``, ``n/a``, ``-``).
- ``no inputs``: a claim, but neither pills nor powder.
- ``unreadable: <why>``: a cell cannot be read as a figure; ``<why>`` names its column and what is wrong
  (``unreadable: column 'kg': TRUE is a true/false value, not a figure``).

A reader of table files that finds a cell it cannot hand on (a formula with no stored value, a cell
of a line with more cells than the header) puts an :class:`Unreadable` in its place: the row's status
then says why, and writers put back the cell as it was found (:mod:`.writing`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

__all__ = [
    "CHECKED",
    "NO_CLAIM",
    "NO_INPUTS",
    "STATUSES",
    "UNREADABLE",
    "Unreadable",
    "status_counts",
    "summary_line",
    "summary_of",
    "unreadable",
]

CHECKED = "checked"
NO_CLAIM = "no claim"
NO_INPUTS = "no inputs"
UNREADABLE = "unreadable"
#: Every status, in the order a summary lists them (an unreadable row's status adds ": <why>").
STATUSES = (CHECKED, NO_CLAIM, NO_INPUTS, UNREADABLE)


@dataclass(frozen=True)
class Unreadable:
    """A cell that cannot be read as a figure, put in its place by whoever read the table.

    ``why`` says what is wrong, in a few words ("a formula with no stored value"); ``cell`` is the
    cell as it was found (its formula's text, the raw value), written back unchanged in the output.
    """

    why: str
    cell: Any = None

    def __str__(self) -> str:
        return "" if self.cell is None else str(self.cell)


def unreadable(column: str, why: str) -> str:
    """The status of a row whose cell in ``column`` cannot be read.

    >>> unreadable("kg", "TRUE is a true/false value, not a figure")
    "unreadable: column 'kg': TRUE is a true/false value, not a figure"
    """
    return f"{UNREADABLE}: column {column!r}: {why}"


def _kind(status: str) -> str:
    return UNREADABLE if status.startswith(UNREADABLE) else status


def status_counts(statuses: Iterable[str]) -> dict[str, int]:
    """How many rows have each status (every unreadable row counted together), in the order of :data:`STATUSES`.

    >>> status_counts(["checked", "no claim", "checked", "unreadable: column 'kg': lots"])
    {'checked': 2, 'no claim': 1, 'unreadable': 1}
    """
    counts = Counter(_kind(s) for s in statuses)
    return {s: counts[s] for s in STATUSES if counts[s]}


def summary_line(statuses: Iterable[str], verdicts: Iterable[Any]) -> str:
    """The one-line summary of a checked table: rows, the verdicts of checked rows, and every other status.

    >>> summary_line(["checked", "checked", "no claim"], ["consistent", "implausible", None])
    '3 rows: 2 checked (1 consistent, 1 implausible), 1 no claim'
    """
    pairs = Counter((_kind(s), str(v) if s == CHECKED else "") for s, v in zip(statuses, verdicts, strict=True))
    return summary_of(pairs)


def summary_of(pairs: Mapping[tuple[str, str], int]) -> str:
    """The summary line from counts of (status, verdict) pairs, as :func:`summary_line` writes it (the verdict
    is ``""`` for rows not checked); for tables counted in parts (a Dask dataset).

    >>> summary_of({("checked", "consistent"): 2, ("no inputs", ""): 1})
    '3 rows: 2 checked (2 consistent), 1 no inputs'
    """
    statuses: Counter[str] = Counter()
    verdicts: Counter[str] = Counter()
    for (status, verdict), n in pairs.items():
        statuses[_kind(status)] += n
        if _kind(status) == CHECKED:
            verdicts[verdict] += n
    parts = []
    for status in STATUSES:
        if not statuses[status]:
            continue
        part = f"{statuses[status]:,} {status}"
        if status == CHECKED:
            part += " (" + ", ".join(f"{verdicts[v]:,} {v}" for v in sorted(verdicts) if verdicts[v]) + ")"
        parts.append(part)
    rows = sum(statuses.values())
    return f"{rows:,} {'row' if rows == 1 else 'rows'}: " + (", ".join(parts) or "none")

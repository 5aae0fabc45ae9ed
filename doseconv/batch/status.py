"""Row statuses: a cell a table file's reader could not hand on as it was found.

A reader of table files that finds a cell it cannot hand on (a formula with no stored value, a cell
of a line with more cells than the header) puts an :class:`Unreadable` in its place: the row's status
then says why, and writers put back the cell as it was found.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["Unreadable"]


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

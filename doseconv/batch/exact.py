"""The exact check of single rows: the rows the vectorized pass leaves, checked by :func:`doseconv.check` itself.

Each distinct row (its three figures, and its date for a population claim) is checked once, and its
findings are written into the output columns as the vectorized pass writes them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from ..reading.stated import StatedFigure

if TYPE_CHECKING:  # pragma: no cover
    from ..checker import CheckResult
    from .columns import FigureColumn

__all__ = ["ExactRows"]


class ExactRows:
    """The exact check of single rows, each distinct row checked once.

    ``when`` gives each row's date as :func:`doseconv.check` takes it (``{"year": 2023}``), read only for a
    claim that is a population phrase (whose population the date picks); ``texts`` the text columns wanted.
    """

    def __init__(
        self, figures: dict[str, FigureColumn], options: dict[str, Any], when: list[dict[str, Any]] | None,
        texts: tuple[str, ...],
    ) -> None:  # fmt: skip
        self.figures = figures
        self.options = options
        self.when = when
        self.texts = texts
        self.cache: dict[tuple[object, ...], CheckResult] = {}

    def result(self, row: int) -> CheckResult:
        from ..checker import check

        claim = self.figures["claim"]
        inputs = tuple(self.figures[r].figure(row) if r in self.figures else None for r in ("pills", "powder"))
        dated: dict[str, Any] = {}
        said: StatedFigure | str | None
        if claim.population[row]:
            said = claim.text(row)
            dated = self.when[row] if self.when is not None else {}
        else:
            said = claim.figure(row)
        key = (*inputs, said, *sorted(dated.items()))
        found = self.cache.get(key)
        if found is None:
            found = self.cache[key] = cast(Any, check)(*inputs, said, **self.options, **dated)
        return found

    def fill(self, at: int, columns: dict[str, Any]) -> None:
        """Write the exact check of row ``at`` into the output columns."""
        from .table import FLAGGED

        r = self.result(at)
        columns["verdict"][at] = r.verdict
        low, high = (float(r.computed.low), float(r.computed.high)) if r.computed else (float("nan"),) * 2
        columns["computed_doses_low"][at], columns["computed_doses_high"][at] = low, high
        implied = r.implied
        columns["implied_parameter"][at] = implied.parameter if implied else None
        if implied is not None and implied.interval is not None:
            columns["implied_low"][at] = float(implied.interval.low)
            columns["implied_high"][at] = float("inf") if implied.unbounded else float(implied.interval.high)
        else:
            columns["implied_low"][at] = columns["implied_high"][at] = float("nan")
        if r.verdict in FLAGGED:
            columns["diagnosis"][at] = r.matching_methods[0] if r.matching_methods else None
            correction = r.correction
            columns["corrected_doses"][at] = float(correction.value) if correction is not None else float("nan")
        if "plain" in self.texts:
            columns["plain"][at] = r.plain
        if "explanation" in self.texts:
            columns["explanation"][at] = r.explanation

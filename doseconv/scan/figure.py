"""A figure found in a story: what it counts, where it stands, its exact value and how the checker reads it."""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from ..reading.numbers import exact_text
from ..reading.stated import StatedFigure
from .scope import Scope

__all__ = ["KINDS", "Figure"]

#: What a figure counts. Only ``pills`` (of fentanyl or of no named drug) and ``fentanyl-mass``
#: feed a dose claim; ``doses`` are the claims.
KINDS = (
    "pills", "fentanyl-mass", "other-drug-mass", "doses", "money", "firearms", "arrests",
    "investigations", "percent", "other",
)  # fmt: skip


@dataclass(frozen=True)
class Figure:
    """One figure found in a text.

    ``start``/``end`` are offsets into the original input; ``scan_start``/``scan_end`` into
    the scanned (markup-stripped) text. ``number_text`` is the number as written ("44 million",
    "10-15 million"); ``value`` is its exact value (``None`` for a range, which has ``low`` and
    ``high``), each a Fraction as in :class:`doseconv.reading.quantity.Amount`.

    Pills, masses and doses are also read as the claim checker reads them: ``stated_text`` is
    the figure in the checker's words ("just under 44 million pills") and ``stated`` the parsed
    :class:`~doseconv.reading.stated.StatedFigure`, built once here from the number, qualifier and unit
    already read. A figure whose words the checker cannot accept (a range that runs backwards)
    has ``stated`` ``None`` and the reason in ``unreadable``. ``alternative`` is the other
    reading of an ambiguous unit ("tons" read as metric tonnes instead of short tons).
    """

    index: int
    kind: str
    text: str
    start: int
    end: int
    scan_start: int
    scan_end: int
    number_text: str
    value: Fraction | None
    low: Fraction | None
    high: Fraction | None
    unit: str | None
    qualifier: str | None = None
    drug: str | None = None
    sentence: str = ""
    sentence_index: int = 0
    paragraph_index: int = 0
    scope: Scope = field(default_factory=Scope)
    stated_text: str | None = None
    stated: StatedFigure | None = None
    unreadable: str | None = None
    alternative: StatedFigure | None = None
    ambiguous: bool = False
    notes: tuple[str, ...] = ()
    excluded: str | None = None

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown figure kind {self.kind!r}")
        if self.start > self.end or self.scan_start > self.scan_end:
            raise ValueError("a figure's end comes before its start")
        if self.stated is not None and self.stated.text != self.stated_text:
            raise ValueError("a figure's parsed reading must be of its stated text")

    @property
    def counts_toward_doses(self) -> bool:
        """Whether the figure can be an input of a dose claim (fentanyl pills or powder)."""
        if self.excluded is not None:
            return False
        if self.kind == "pills":
            return self.drug in (None, "fentanyl")
        return self.kind == "fentanyl-mass"

    def to_dict(self) -> dict[str, object]:
        return {
            "index": self.index,
            "kind": self.kind,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "scan_start": self.scan_start,
            "scan_end": self.scan_end,
            "qualifier": self.qualifier,
            "number": self.number_text,
            "value": _exact(self.value),
            "low": _exact(self.low),
            "high": _exact(self.high),
            "unit": self.unit,
            "drug": self.drug,
            "stated": self.stated_text,
            "ambiguous": self.ambiguous,
            "scope": self.scope.to_dict(),
            "scope_text": self.scope.describe(),
            "sentence": self.sentence,
            "notes": list(self.notes),
            "excluded": self.excluded,
        }


def _exact(value: Fraction | None) -> str | None:
    return None if value is None else exact_text(value)

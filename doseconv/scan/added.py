"""A total the story builds by adding up the seizures it told of ("In fiscal 2023 agents seized 12,700 pounds …; so
far this year, 4,700 pounds. The amount combined is enough to kill …").

Words before the total in its sentence say so (``inputs.combined`` of ``data/lexicon.toml``: "combined",
"together", "in all"). Its inputs are then every fentanyl pill and powder figure of its paragraph that stands before
those words and after the paragraph's previous total, of the total's own seizure story; two or more of one kind are
added exactly (:func:`doseconv.reading.sums.add_stated`). Figures the story adds are its inputs even when their
periods differ: the story itself puts them together, and the note says which figures it added.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from ..errors import DoseconvError
from ..reading.lexicon import lexicon
from ..reading.patterns import trie_pattern
from ..reading.sums import add_stated
from .figure import Figure
from .text import Document

__all__ = ["MOST_ADDED", "WORDS_BEFORE", "Added", "added_inputs"]

#: One kind's figures the story adds, or the one figure of that kind; and the sum made of them.
Added = tuple[Figure | None, Figure | None, tuple[Figure, ...], str]


@cache
def _combined() -> re.Pattern[str]:
    words = trie_pattern(sorted(lexicon().words("inputs", "combined")), r"[\s-]+")
    return re.compile(rf"\b(?:{words})\b", re.IGNORECASE)


#: How far before a total its words of adding are looked for, and how many figures before them may be added: a
#: sentence is not searched again from its start for each total, so scanning stays linear.
WORDS_BEFORE = 200
MOST_ADDED = 16


def added_inputs(document: Document, doses: Figure, before: list[Figure], subject: list[int]) -> Added | None:
    """The pills and powder of a total the story adds up (each a sum of two or more figures, or one), the figures
    added and the note saying so; None when the total is no such sum. ``before`` holds the figures of the total's
    paragraph that stand before it, in text order."""
    start = max(document.sentences[doses.sentence_index][0], doses.scan_start - WORDS_BEFORE)
    said = max(_combined().finditer(document.text, start, doses.scan_start), key=lambda m: m.start(), default=None)
    if said is None:
        return None
    story = subject[doses.sentence_index] if subject else 0
    parts: dict[str, list[Figure]] = {"pills": [], "fentanyl-mass": []}
    for figure in reversed(before[-4 * MOST_ADDED :]):
        if figure.scan_start >= said.start():
            continue
        if figure.kind == "doses":
            break  # an earlier total in the paragraph took the figures before it
        if figure.counts_toward_doses and (not subject or subject[figure.sentence_index] == story):
            parts[figure.kind].insert(0, figure)
    if all(len(found) < 2 for found in parts.values()) or any(len(found) > MOST_ADDED for found in parts.values()):
        return None
    pills, powder = (_sum_of(parts[kind]) for kind in ("pills", "fentanyl-mass"))
    added = tuple(f for kind in ("pills", "fentanyl-mass") if len(parts[kind]) > 1 for f in parts[kind])
    if (pills is None and parts["pills"]) or (powder is None and parts["fentanyl-mass"]):
        return None  # a figure the reader could not read: the sum is not made
    scopes = {f.scope.describe() for f in added}
    listed = [f.text + (f" ({f.scope.describe()})" if len(scopes) > 1 else "") for f in added]
    note = f"the story adds up {len(added)} figures ({said[0]!r}): {', '.join(listed[:-1])} and {listed[-1]}"
    return pills, powder, added, note


def _sum_of(figures: list[Figure]) -> Figure | None:
    """One figure, or the sum of several as one figure spanning them (its parts stay in the report's figures)."""
    if not figures:
        return None
    if len(figures) == 1:
        return figures[0]
    if any(f.stated is None for f in figures):
        return None
    try:
        total = add_stated([f.stated for f in figures if f.stated is not None])
    except DoseconvError:
        return None
    first, last = figures[0], figures[-1]
    units = {f.unit for f in figures}
    return replace(
        last, text=total.text, stated_text=total.text, stated=total, number_text=total.text, value=total.amount.value,
        low=None, high=None, unit=units.pop() if len(units) == 1 else "grams", start=first.start,
        scan_start=first.scan_start, qualifier=None, alternative=None, notes=(),
    )  # fmt: skip

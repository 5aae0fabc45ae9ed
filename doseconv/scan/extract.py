"""Find the figures of a story: pills, drug masses, dose claims, and the counts beside them.

One precompiled pattern finds every number with its qualifier, currency sign and range
(:mod:`.numbermatch`); short anchored patterns then read the words after it (and, for "enough
to kill", "arrested", a few words before it) to decide what it counts (:mod:`.classify`, with
masses and their units in :mod:`.masses` and the words naming drugs and pills in
:mod:`.counted`). Only pills and fentanyl masses ever enter dose arithmetic. This module puts
each number found together into a :class:`Figure`, with its sentence, scope and reading.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache, partial

from ..errors import InputError
from .classify import classify
from .counted import SentenceDrugs, infer_drug
from .figure import KINDS, Figure
from .masses import mass_kind
from .numbermatch import FIGURE, RATIO_BEFORE, has_digits_or_scale, read_values, skip_other
from .reading import Reading, read_figure
from .scope import ScopeResolver
from .text import Document

__all__ = ["KINDS", "Figure", "extract_figures"]  # KINDS and Figure live in .figure


def extract_figures(document: Document, resolver: ScopeResolver | None = None) -> list[Figure]:
    """Every figure of a document, in text order, with its kind, values, sentence and scope.

    >>> from .text import read_document
    >>> figures = extract_figures(read_document("Agents seized nearly 44 million fentanyl pills and 405 firearms."))
    >>> [(f.kind, f.qualifier, f.value, f.unit, f.text) for f in figures]
    [('pills', 'nearly', Fraction(44000000, 1), 'pills', 'nearly 44 million fentanyl pills'), ('firearms', None, Fraction(405, 1), 'firearms', '405 firearms')]
    >>> figures[0].stated_text, (figures[0].start, figures[0].end)
    ('nearly 44 million pills', (14, 46))
    >>> figures[0].stated.interval()
    Interval(low=Fraction(43000000, 1), high=Fraction(44000000, 1), low_open=False, high_open=True)
    """
    text = document.text
    resolver = resolver or ScopeResolver(document)
    figures: list[Figure] = []
    sentences: dict[int, str] = {}
    sentence_drugs = SentenceDrugs(document)
    ambiguous_starts = [a.start for a in document.ambiguous]
    for match in FIGURE.finditer(text):
        start = match.start()
        before = text[max(0, start - 60) : start]
        num, num2 = match["num"], match["num2"]
        word_only = not has_digits_or_scale(num)
        found = classify(text, match, before, word_only)
        if found is None or (found.kind == "other" and skip_other(text, match, before)) or RATIO_BEFORE.search(before):
            continue
        try:
            numbers = read_values(num, num2)
        except (InputError, ValueError):  # a number past the bounds of exact reading is no figure
            continue
        if found.part is not None and num2 is None:
            numbers = (numbers[0] + Decimal(found.part.numerator) / found.part.denominator, None)
        sentence = document.sentence_at(start)
        if found.kind == "pills":
            infer_drug(found, sentence_drugs(sentence))
        elif found.is_mass:
            mass_kind(found, sentence_drugs(sentence), partial(sentence_drugs.paragraph, sentence))
        qualifier = (match["between"] or match["qual"] or "").lower() or None
        if sentence not in sentences:
            sentences[sentence] = _clip(document.sentence_text(sentence)) if document.sentences else ""
        figure = _figure(document, resolver, len(figures) + 1, match, found, numbers, qualifier, sentence,
                         sentences[sentence])  # fmt: skip
        figures.append(_refuse_ambiguous(figure, document, ambiguous_starts))
    return figures


def _refuse_ambiguous(figure: Figure, document: Document, starts: list[int]) -> Figure:
    """A figure touching digits that could be one number or two is not read: it says so instead of guessing."""
    if not starts:
        return figure
    index = bisect_right(starts, figure.scan_end - 1) - 1
    if index < 0 or document.ambiguous[index].end <= figure.scan_start:
        return figure
    message = document.ambiguous[index].message
    return replace(
        figure, stated=None, unreadable=message, excluded=message, notes=(*figure.notes, f"not read: {message}")
    )


def _figure(document, resolver, index, match, found, numbers, qualifier, sentence, sentence_text) -> Figure:
    start, end = match.start(), found.end
    first, second = numbers
    original_start, original_end = document.original_span(start, end)
    number = " ".join(match["num"].split()) if found.part is None else format(first, "f")
    second_text = " ".join(match["num2"].split()) if match["num2"] else None
    if second_text is not None:
        number = f"{number} {match['sep']} {second_text}"
        if match["sep"] in "-–—":
            number = number.replace(f" {match['sep']} ", "-")
    reading = Reading()
    if found.stated_unit and found.kind in ("pills", "fentanyl-mass", "other-drug-mass", "doses"):
        phrase = _stated_qualifier(qualifier, match)
        reading = _reading(phrase, number, (first, second), second_text, found.stated_unit, found.ambiguous)
    return Figure(
        index=index,
        kind=found.kind,
        text=" ".join(document.text[start:end].split()),
        start=original_start,
        end=original_end,
        scan_start=start,
        scan_end=end,
        number_text=number,
        value=Fraction(first) if second is None else None,
        low=Fraction(first) if second is not None else None,
        high=Fraction(second) if second is not None else None,
        unit=found.unit,
        qualifier=qualifier,
        drug=found.drug,
        sentence=sentence_text,
        sentence_index=sentence,
        paragraph_index=document.sentence_paragraph[sentence] if document.sentences else 0,
        scope=resolver.scope_at(start),
        stated_text=reading.text,
        stated=reading.stated,
        unreadable=reading.unreadable,
        alternative=reading.alternative,
        ambiguous=found.ambiguous,
        notes=tuple(found.notes),
        excluded=found.excluded,
    )


#: The longest sentence a figure carries (longer ones, not prose, are cut with an ellipsis).
SENTENCE_SHOWN = 600


def _clip(sentence: str) -> str:
    return sentence if len(sentence) <= SENTENCE_SHOWN else sentence[: SENTENCE_SHOWN - 1] + "…"


#: A figure written the same way again is read for the checker once (a Reading is frozen).
_reading = lru_cache(maxsize=4096)(read_figure)


def _stated_qualifier(qualifier: str | None, match: re.Match[str]) -> str | None:
    if match["num2"] is not None:
        return "between" if match["between"] else None
    return qualifier

"""Find the figures of a story: pills, drug masses, dose claims, and the counts beside them.

One precompiled pattern finds where every number starts, with its qualifier, currency sign and range
(:mod:`.numbermatch`); :mod:`.classify` then reads what it counts, the pills, masses and doses with the
one figure reader (:func:`doseconv.reading.stated.read_stated_at`, the same that reads a figure given to
``check``), and the drug a mass with none takes from its sentence (:mod:`.masses`, :mod:`.counted`). Only
pills and fentanyl masses ever enter dose arithmetic. This module puts each number found together into a
:class:`Figure`, with its sentence, scope and reading.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from fractions import Fraction
from functools import partial

from ..errors import InputError
from ..reading.numbers import read_number_at
from ..reading.stated import StatedFigure, StatedReading, shared_scale, unit_alternative
from .classify import classify
from .counted import Found, SentenceDrugs, infer_drug
from .figure import KINDS, Figure
from .masses import mass_kind
from .notseized import conversion_of, not_seized
from .numbermatch import FIGURE, RATIO_BEFORE, has_digits_or_scale, skip_other
from .scope import ScopeResolver
from .text import Document

__all__ = ["KINDS", "Figure", "extract_figures"]  # KINDS and Figure live in .figure

#: Kinds whose figures the checker reads.
_READ_KINDS = frozenset({"pills", "fentanyl-mass", "other-drug-mass", "doses"})


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
    masses: dict[tuple[Fraction, str], Figure] = {}  # the last mass of each value and unit, with its drug
    for match in FIGURE.finditer(text):
        start = match.start()
        before = text[max(0, start - 60) : start]
        num = match["num"]
        word_only = not has_digits_or_scale(num)
        found = classify(text, match, before, word_only)
        if found is None or (found.kind == "other" and skip_other(text, match, before)) or RATIO_BEFORE.search(before):
            continue
        if found.reading is None and _too_large(match):  # a number past the bounds of exact reading is no figure
            continue
        sentence = document.sentence_at(start)
        if found.kind == "pills":
            infer_drug(found, sentence_drugs(sentence))
        elif found.is_mass:
            mass_kind(
                found, sentence_drugs(sentence), partial(sentence_drugs.paragraph, sentence), sentence_drugs.story
            )
            _restated_mass(found, masses)
        not_seized(
            found,
            text[max(document.sentences[sentence][0] if document.sentences else 0, start - 60) : start],
            text[found.end : found.end + 60],
        )
        qualifier = (match["between"] or match["qual"] or "").lower() or None
        if sentence not in sentences:
            sentences[sentence] = _clip(document.sentence_text(sentence)) if document.sentences else ""
        figure = _figure(document, resolver, len(figures) + 1, match, found, qualifier, sentence, sentences[sentence])
        figures.append(_converted(_refuse_ambiguous(figure, document, ambiguous_starts), figures))
        if figure.kind in ("fentanyl-mass", "other-drug-mass") and figure.stated is not None:
            masses[(figure.stated.amount.value, figure.stated.amount.unit)] = figure
    return figures


def _restated_mass(found: Found, masses: dict[tuple[Fraction, str], Figure]) -> None:
    """A mass naming no drug that repeats an earlier mass of the story ("The 44 pounds seized last year was enough
    to …" after "seized 44 pounds of the synthetic opioid") is that mass again, and names its drug."""
    if found.drug is not None or found.reading is None:
        return
    amount = found.reading.amount.amount
    same = masses.get((amount.value, amount.unit))
    if same is None:
        return
    found.kind, found.drug = same.kind, same.drug
    found.notes = [n for n in found.notes if n != "no drug named; not counted"]
    found.notes.append(f"the mass {same.text!r} told before it, said again: {same.drug}")


def _converted(figure: Figure, earlier: list[Figure]) -> Figure:
    """A mass that converts an earlier one into another unit is that mass again, never a second input."""
    if figure.excluded is not None:
        return figure
    converts = conversion_of(figure, earlier)
    if converts is None:
        return figure
    reason = f"the mass of {converts.text!r} in other units, not another seizure"
    return replace(figure, excluded=reason, notes=(*figure.notes, reason))


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


def _too_large(match: re.Match[str]) -> bool:
    """Whether the number, or either end of a range, is past the bounds of exact reading."""
    try:
        read_number_at(match.string, match.start("num"))
        if match["num2"] is not None:
            read_number_at(match.string, match.start("num2"))
    except (InputError, ValueError):
        return True
    return False


def _plain_values(text: str, match: re.Match[str]) -> tuple[Fraction | None, Fraction | None, Fraction | None]:
    """The exact value of a figure the checker does not read (firearms, money): its number, or a range's ends."""
    first = read_number_at(text, match.start("num"))
    if match["num2"] is None:
        return first.value, None, None
    second = read_number_at(text, match.start("num2"))
    return None, first.value * shared_scale(first, second), second.value


def _figure(document, resolver, index, match, found: Found, qualifier, sentence, sentence_text) -> Figure:
    start, end = match.start(), found.end
    original_start, original_end = document.original_span(start, end)
    reading = found.reading
    if reading is not None:
        number, (value, low, high) = _number_text(document.text, reading), _values(reading)
    else:
        number = " ".join(match["num"].split())
        value, low, high = _plain_values(document.text, match)
        if match["num2"] is not None:
            number = f"{number} {match['sep']} {' '.join(match['num2'].split())}"
    stated = alternative = unreadable = None
    excluded = found.excluded
    notes = list(found.notes)
    if reading is not None:
        qualifier = reading.phrase or None
    if reading is not None and found.kind in _READ_KINDS:
        if reading.figure is not None:
            stated = _as_checked(reading.figure, qualifier, number, found)
            if found.ambiguous:
                alternative = unit_alternative(stated, "metric tons", _stated_text(qualifier, number, "metric tons"))
        else:
            unreadable = reading.problem.message_for({}) if reading.problem is not None else ""
            if reading.problem is not None and reading.problem.advises(
                "decimal_comma"
            ):  # "6.500 lb": refused, never an input
                excluded = unreadable
                notes.append(f"not read: {unreadable}")
    return Figure(
        index=index,
        kind=found.kind,
        text=" ".join(document.text[start:end].split()),
        start=original_start,
        end=original_end,
        scan_start=start,
        scan_end=end,
        number_text=number,
        value=value,
        low=low,
        high=high,
        unit=found.unit,
        qualifier=qualifier,
        drug=found.drug,
        sentence=sentence_text,
        sentence_index=sentence,
        paragraph_index=document.sentence_paragraph[sentence] if document.sentences else 0,
        scope=resolver.scope_at(start),
        stated_text=stated.text if stated is not None else _unread_text(found, qualifier, number),
        stated=stated,
        unreadable=unreadable,
        alternative=alternative,
        ambiguous=found.ambiguous,
        notes=tuple(notes),
        excluded=excluded,
    )


def _number_text(text: str, reading: StatedReading) -> str:
    """The number (or range) as written: "44 million", "10-15 million", "400,000 to 500,000"."""
    number = " ".join(text[reading.number_start : reading.amount.number.end].split())
    if reading.lower is not None:
        number = re.sub(r"\s*[-–—]\s*", "-", number, count=1)
    return number


def _values(reading: StatedReading) -> tuple[Fraction | None, Fraction | None, Fraction | None]:
    """The figure's exact value, or the low and high of a range."""
    figure = reading.figure
    if figure is None:
        return (reading.amount.amount.value, None, None) if reading.lower is None else (None, reading.lower,
                                                                                     reading.amount.amount.value)  # fmt: skip
    if figure.upper is None:
        return figure.amount.value, None, None
    return None, figure.amount.value, figure.upper.value


def _unit_words(found: Found) -> str:
    """The unit as the checker's words give it: the unit written for a mass ("short tons" for a bare "tons"),
    "pills" or "doses" for a count."""
    if found.ambiguous:
        return "short tons"
    reading = found.reading
    assert reading is not None
    words = reading.amount.words
    if reading.amount.amount.kind == "mass":
        noun = " ".join(words.noun.split())
        return f"{noun} and a {'half' if words.part == Fraction(1, 2) else 'quarter'}" if words.part else noun
    return reading.amount.amount.kind


def _stated_text(qualifier: str | None, number: str, unit: str) -> str:
    return " ".join(p for p in (qualifier, number, unit) if p)


def _unread_text(found: Found, qualifier: str | None, number: str) -> str | None:
    if found.reading is None or found.kind not in _READ_KINDS:
        return None
    return _stated_text(qualifier, number, _unit_words(found))


def _as_checked(figure: StatedFigure, qualifier: str | None, number: str, found: Found) -> StatedFigure:
    """The reader's figure, named in the checker's words ("nearly 44 million pills", "2 short tons")."""
    return replace(figure, text=_stated_text(qualifier, number, _unit_words(found)))


#: The longest sentence a figure carries (longer ones, not prose, are cut with an ellipsis).
SENTENCE_SHOWN = 600


def _clip(sentence: str) -> str:
    return sentence if len(sentence) <= SENTENCE_SHOWN else sentence[: SENTENCE_SHOWN - 1] + "…"

"""Population phrases in a story ("could kill the entire population of Wyoming"), found as dose figures.

Each verb a population phrase starts with ("enough to kill", "could kill", "fatal to" …) is found once in
the text; the words from it to the end of its sentence are read by
:func:`doseconv.population.parse_population_claim`, trying the whole clause first and then shorter
ones cut at a comma ("…, officials said"). A phrase read becomes a ``doses`` figure whose parsed reading
is a :class:`~doseconv.checker.population.PopulationFigure`, so the claim builder gives it the pills and
powder near it as it does any dose figure. A phrase naming an unknown or ambiguous place is kept as a
figure the checker cannot read, with the reason (the claim is then unverifiable, never checked against
a population the story did not name). The work is linear in the text: one pass for the verbs, and a
bounded clause after each.

>>> from doseconv.scan.text import read_document
>>> doc = read_document("The 250,000 pills seized could kill the entire population of Wyoming, police said.")
>>> [(f.kind, f.text, f.stated.population.place) for f in find_population_figures(doc, year=2023)]
[('doses', 'could kill the entire population of Wyoming', 'Wyoming')]
"""

from __future__ import annotations

import re
from dataclasses import replace
from fractions import Fraction
from typing import Any

from ..errors import DoseconvError
from ..population.phrases import has_population_verb, parse_population_claim
from .figure import Figure
from .scope import ScopeResolver
from .text import Document

__all__ = ["MAX_CLAUSE", "find_population_figures", "with_population_figures"]

#: The longest clause read after a verb, in characters.
MAX_CLAUSE = 160

# Every phrase starts with one of the letters in the lookahead: other positions are rejected at once.
_VERB = re.compile(
    r"\b(?=[cdeflpw])(?:enough(?: fentanyl| lethal doses| doses)? to (?:kill|wipe out|poison|overdose|fatally poison)"
    r"|(?:could|can|would)(?: potentially)? (?:kill|wipe out|overdose)|capable of killing"
    r"|(?:potentially )?(?:fatal|lethal|deadly) to)\b",
    re.IGNORECASE,
)
_NAMES_A_PLACE = re.compile(r"\b[A-Z][a-z]")
_CUT = re.compile(r",|;|\s+(?:and|but|officials|police|authorities|according)\b|\s+[-–—]\s+")


def _clauses(text: str, start: int, end: int) -> list[int]:
    """Ends of the clauses to try after a verb at ``start``: the sentence end first, then each cut, last first."""
    limit = min(end, start + MAX_CLAUSE)
    stop = text[start:limit].rstrip().rstrip(".!?\"”'")
    ends = [start + len(stop)]
    ends += sorted((start + len(stop[: m.start()].rstrip(" ,;")) for m in _CUT.finditer(stop)), reverse=True)
    return list(dict.fromkeys(ends))


def find_population_figures(
    document: Document,
    resolver: ScopeResolver | None = None,
    *,
    year: int | None = None,
    state: str | None = None,
    first_index: int = 1,
) -> list[Figure]:
    """The population phrases of ``document`` as ``doses`` figures, read for ``year`` (None: the latest)."""
    text = document.text
    resolver = resolver or ScopeResolver(document)
    figures: list[Figure] = []
    for match in _VERB.finditer(text):
        start = match.start()
        sentence = document.sentence_at(start)
        _, sentence_end = document.sentences[sentence] if document.sentences else (0, len(text))
        if not has_population_verb(text[start:sentence_end]):
            continue
        found = _read(text, start, sentence_end, year, state)
        if found is None:
            continue
        end, claim, reason = found
        figures.append(_figure(document, resolver, first_index + len(figures), start, end, sentence, claim, reason))
    return figures


def with_population_figures(
    document: Document, resolver: ScopeResolver, figures: list[Figure], options: dict[str, Any]
) -> list[Figure]:
    """``figures`` with the population phrases of ``document`` added, in text order and numbered again.

    The phrases are read for the year of the claim by :func:`doseconv.population.resolve_when`
    (``date``, then ``year``, then ``story_date`` of ``options``) and the ``state`` the story names.
    """
    from ..population import resolve_when

    when = resolve_when(date=options.get("date"), year=options.get("year"), story_date=options.get("story_date"))
    found = find_population_figures(document, resolver, year=when.year, state=options.get("state"))
    if not found:
        return figures
    merged = sorted([*figures, *found], key=lambda f: (f.scan_start, f.scan_end))
    return [replace(f, index=i) for i, f in enumerate(merged, 1)]


def _read(text: str, start: int, end: int, year: int | None, state: str | None):
    """The end of the phrase and its reading (or the reason it cannot be read), or None for no population."""
    from ..checker.population import as_figure

    reason = None
    for stop in _clauses(text, start, end):
        phrase = " ".join(text[start:stop].split())
        try:
            claim = parse_population_claim(phrase, state=state, year=year)
        except DoseconvError as error:
            if _NAMES_A_PLACE.search(text, start + 1, stop):  # "everyone in Springfield", not "everyone who uses it"
                reason = reason or (stop, str(error))
            continue
        if claim is not None:
            return stop, as_figure(claim), None
    if reason is not None:
        return reason[0], None, reason[1]
    return None


def _figure(document, resolver, index, start, end, sentence, stated, reason) -> Figure:
    text = " ".join(document.text[start:end].split())
    original_start, original_end = document.original_span(start, end)
    value = stated.amount.value if stated is not None else None
    return Figure(
        index=index,
        kind="doses",
        text=text,
        start=original_start,
        end=original_end,
        scan_start=start,
        scan_end=end,
        number_text=text,
        value=Fraction(value) if value is not None else None,
        low=None,
        high=None,
        unit="doses",
        sentence=document.sentence_text(sentence) if document.sentences else "",
        sentence_index=sentence,
        paragraph_index=document.sentence_paragraph[sentence] if document.sentences else 0,
        scope=resolver.scope_at(start),
        stated_text=stated.text if stated is not None else text,
        stated=stated,
        unreadable=reason,
        notes=("a population phrase, read as one lethal dose per person",),
    )

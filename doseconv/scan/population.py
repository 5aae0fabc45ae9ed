"""Population phrases in a story ("could kill the entire population of Wyoming"), found as dose figures.

Every lead a population phrase starts with ("enough … to kill", "could have overdosed", "fatal to", a share
said beside a figure: "…, or half of Ohio") is found in one pass over the text, with the population reader's own
pattern (:func:`doseconv.population.phrases.scan_leads`); the words from it to the end of its sentence are read
by :func:`doseconv.population.phrases.read_population_at`, the reader ``check`` uses, with the story's places
(:mod:`.storyplaces`) for "the state", "the city" and names several states share. A phrase read becomes a
``doses`` figure whose parsed reading is a :class:`~doseconv.checker.population.PopulationFigure`, so the claim
builder gives it the pills and powder near it as it does any dose figure; a count it holds ("750,000
Delawareans") is not a second figure. A phrase naming an unknown or ambiguous place, or another drug, is kept as
a figure the checker cannot read, with the reason (the claim is then unverifiable, never checked against a
population the story did not name). The work is linear in the text: one pass for the leads, and a bounded
clause after each.

>>> from doseconv.scan.text import read_document
>>> doc = read_document("The 250,000 pills seized could kill the entire population of Wyoming, police said.")
>>> [(f.kind, f.text, f.stated.population.place) for f in find_population_figures(doc, year=2023)]
[('doses', 'could kill the entire population of Wyoming', 'Wyoming')]
"""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction
from typing import Any

from ..errors import DrugError
from ..population.names import state_code
from ..population.phrases import MAX_CLAUSE, PhraseRead, read_population_at, scan_leads
from ..reading.drugs import read_drugs
from .figure import Figure
from .scope import ScopeResolver
from .storyplaces import StoryPlaceReader
from .text import Document

__all__ = ["MAX_CLAUSE", "find_population_figures", "with_population_figures"]


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
    places = StoryPlaceReader(document, resolver.mentions, state_code(state))
    figures: list[Figure] = []
    for match in scan_leads().finditer(text):
        start = match.start()
        if figures and start < figures[-1].scan_end:
            continue  # inside the phrase just read ("enough … to kill" holds another lead)
        sentence = document.sentence_at(start)
        _, sentence_end = document.sentences[sentence] if document.sentences else (0, len(text))
        found = read_population_at(text, start, sentence_end, story=places.at(start), year=year)
        if found is None or (found.claim is None and not found.names_a_place):
            continue  # "everyone who uses it": no place named, so no population phrase
        found = _other_drug(found)
        figures.append(_figure(document, resolver, first_index + len(figures), found, sentence))
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
    read = [(f.scan_start, f.scan_end) for f in found if f.stated is not None]
    # A count the phrase holds ("750,000 Delawareans") is the phrase's, not a second claim.
    kept = [f for f in figures if f.kind != "doses" or not any(a <= f.scan_start and f.scan_end <= b for a, b in read)]
    merged = sorted([*kept, *found], key=lambda f: (f.scan_start, f.scan_end))
    return [replace(f, index=i) for i, f in enumerate(merged, 1)]


def _other_drug(found: PhraseRead) -> PhraseRead:
    """``found``, or the reason it is no fentanyl claim when its lead names another drug ("enough meth to kill")."""
    if found.claim is None:
        return found
    try:
        read_drugs(found.claim.lead, figure=found.claim.text)
    except DrugError as error:
        return replace(found, claim=None, reason=str(error))
    return found


def _figure(document: Document, resolver: ScopeResolver, index: int, found: PhraseRead, sentence: int) -> Figure:
    from ..checker.population import as_figure

    start, end, reason = found.start, found.end, found.reason
    stated = as_figure(found.claim) if found.claim is not None else None
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

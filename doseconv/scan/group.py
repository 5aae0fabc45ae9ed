"""Build claims: each dose figure with the fentanyl pills and powder it was computed from.

A dose figure takes its inputs from the nearest place that has any, in this order:

1. its own sentence ("44 million pills and 6,500 pounds of powder, equaling 193 million
   doses"); a sentence that pins the doses on the pills alone gets the pills alone;
2. its paragraph, among figures of the same scope;
3. nearby sentences (up to :data:`WINDOW_BEFORE` before and :data:`WINDOW_AFTER` after) of
   the same scope;
4. nearby sentences of another scope, with a note naming the difference.

One figure of each kind (pills, powder) is taken: the nearest, preferring one before the
dose figure. Figures of other drugs, money, arrests and the like are never inputs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .figure import Figure
from .text import Document

__all__ = ["WINDOW_AFTER", "WINDOW_BEFORE", "ClaimDraft", "build_claims", "choose_scale"]

#: How many sentences before and after a dose figure are searched for its inputs.
WINDOW_BEFORE = 6
WINDOW_AFTER = 3

_PILL_WORD = re.compile(r"\b(?:pills?|tablets?)\b", re.IGNORECASE)
_POWDER_WORD = re.compile(r"\bpowder(?:ed)?\b", re.IGNORECASE)
_ONE_SEIZURE = re.compile(
    r"\b(?:traffic stop|search warrant|single seizure|one seizure|a (?:single )?(?:bust|raid|search)"
    r"|(?:police|officers|troopers|deputies|detectives) (?:seized|found|recovered|discovered|confiscated)"
    r"|arrested with|(?:was|were) (?:found|caught) with"
    r"|(?:in|inside|from) (?:a|an|the|his|her|their) (?:vehicle|car|truck|van|tractor-trailer|home|house|residence"
    r"|apartment|suitcase|backpack|bag|parcel|package|shipment|storage unit))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ClaimDraft:
    """A dose figure with the inputs found for it, before checking.

    ``basis`` says where the inputs came from: ``sentence``, ``paragraph``, ``nearby``,
    ``nearby, other scope`` or ``none``.
    """

    doses: Figure
    pills: Figure | None
    powder: Figure | None
    basis: str
    scale: str
    notes: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.doses.kind != "doses":
            raise ValueError("a claim is built on a dose figure")
        for name, kinds in (("pills", ("pills",)), ("powder", ("fentanyl-mass",))):
            figure = getattr(self, name)
            if figure is not None and (figure.kind not in kinds or not figure.counts_toward_doses):
                raise ValueError(f"{name} input must be a fentanyl {kinds[0]} figure, not {figure.kind}")


def _wanted(document: Document, doses: Figure, sentence_figures: list[Figure]) -> tuple[bool, bool]:
    """Which inputs the claim's sentence speaks of, outside the figures themselves."""
    start, end = document.sentences[doses.sentence_index]
    spans = sorted((f.scan_start, f.scan_end) for f in sentence_figures)
    words = []
    position = start
    for span_start, span_end in spans:
        words.append(document.text[position:span_start])
        position = max(position, span_end)
    words.append(document.text[position:end])
    rest = " ".join(words)
    pills, powder = _PILL_WORD.search(rest) is not None, _POWDER_WORD.search(rest) is not None
    if pills != powder:
        return pills, powder
    return True, True


def _nearest(candidates: list[Figure], doses: Figure) -> Figure | None:
    if not candidates:
        return None

    def distance(f: Figure) -> tuple[int, int, int]:
        after = f.scan_start > doses.scan_start
        return (abs(f.sentence_index - doses.sentence_index), int(after), abs(f.scan_start - doses.scan_start))

    return min(candidates, key=distance)


def _pick(candidates: list[Figure], doses: Figure, want: tuple[bool, bool]) -> tuple[Figure | None, Figure | None]:
    pills = _nearest([f for f in candidates if f.kind == "pills"], doses) if want[0] else None
    powder = _nearest([f for f in candidates if f.kind == "fentanyl-mass"], doses) if want[1] else None
    return pills, powder


def _scope_note(doses: Figure, inputs: list[Figure]) -> str | None:
    parts = []
    for figure in inputs:
        fields = doses.scope.differences(figure.scope)
        if fields:
            what = "pills" if figure.kind == "pills" else "powder"
            parts.append(f"{what} ({figure.text}) is {figure.scope.describe()}")
    if not parts:
        return None
    return f"different scopes: the doses ({doses.text}) are {doses.scope.describe()}; " + "; ".join(parts)


def choose_scale(document: Document, doses: Figure, _seen: dict[int, bool] | None = None) -> str:
    """``seizure`` when the claim's paragraph tells of one seizure, else ``aggregate``.

    One seizure is told by words such as "traffic stop", "search warrant", "in a vehicle" or
    "police seized"; a claim whose scope is national, an operation or a period is always an
    aggregate, and so is a claim with no such words (the checker's wider seizure band is
    kept for stories that say they are about one seizure).

    >>> from .text import read_document
    >>> from .extract import extract_figures
    >>> doc = read_document("Troopers found 2 kilos of fentanyl in a car, enough to kill 1 million people.")
    >>> choose_scale(doc, extract_figures(doc)[1])
    'seizure'
    """
    scope = doses.scope
    if scope.level == "national" or scope.operation or scope.period:
        return "aggregate"
    seen = {} if _seen is None else _seen  # a paragraph is searched once however many claims it holds
    if doses.paragraph_index not in seen:
        start, end = document.paragraphs[doses.paragraph_index]
        seen[doses.paragraph_index] = _ONE_SEIZURE.search(document.text, start, end) is not None
    return "seizure" if seen[doses.paragraph_index] else "aggregate"


def build_claims(document: Document, figures: list[Figure]) -> list[ClaimDraft]:
    """One claim per dose figure, with its inputs, where they came from and any scope note.

    >>> from .text import read_document
    >>> from .extract import extract_figures
    >>> doc = read_document("Agents seized 1.3 million pills. Nationwide, 44 million pills and 6,500 pounds of "
    ...                     "fentanyl powder equal 193 million doses.")
    >>> [(c.doses.text, c.pills.text, c.powder.text, c.basis) for c in build_claims(doc, extract_figures(doc))]
    [('193 million doses', '44 million pills', '6,500 pounds of fentanyl powder', 'sentence')]
    """
    by_sentence: dict[int, list[Figure]] = {}
    for figure in figures:
        by_sentence.setdefault(figure.sentence_index, []).append(figure)
    claims = []
    one_seizure: dict[int, bool] = {}
    for doses in (f for f in figures if f.kind == "doses"):
        here = doses.sentence_index
        want = _wanted(document, doses, by_sentence[here])
        same_sentence = [f for f in by_sentence[here] if f.counts_toward_doses]
        nearby = [
            f for index in range(here - WINDOW_BEFORE, here + WINDOW_AFTER + 1)
            for f in by_sentence.get(index, ()) if f.counts_toward_doses
        ]  # fmt: skip
        same_scope = [f for f in nearby if not doses.scope.differences(f.scope)]
        tiers = (
            ("sentence", same_sentence),
            ("paragraph", [f for f in same_scope if f.paragraph_index == doses.paragraph_index]),
            ("nearby", same_scope),
            ("nearby, other scope", nearby),
        )
        pills = powder = None
        basis = "none"
        for name, candidates in tiers:
            if name == "sentence" and candidates:
                compatible = [f for f in candidates if not doses.scope.differences(f.scope)]
                candidates = compatible or candidates
            pills, powder = _pick(candidates, doses, want)
            if pills or powder:
                basis = name
                break
        notes = []
        note = _scope_note(doses, [f for f in (pills, powder) if f is not None])
        if note:
            notes.append(note)
        if basis == "none":
            notes.append("no fentanyl pills or powder found near this dose figure")
        for chosen in (pills, powder):
            if chosen is not None and chosen.ambiguous:
                notes.extend(n for n in chosen.notes if "ambiguous" in n)
        claims.append(ClaimDraft(doses, pills, powder, basis, choose_scale(document, doses, one_seizure), tuple(notes)))
    return claims

"""Build claims: each dose figure with the fentanyl pills and powder it was computed from.

A dose figure takes its inputs from the nearest place that has any, in this order:

1. its own sentence ("44 million pills and 6,500 pounds of powder, equaling 193 million
   doses"); a sentence that pins the doses on the pills alone gets the pills alone;
2. its paragraph, among figures of the same scope;
3. nearby sentences (up to :data:`WINDOW_BEFORE` before and :data:`WINDOW_AFTER` after) of
   the same scope.

One figure of each kind (pills, powder) is taken: the nearest, preferring one before the
dose figure. Figures of other drugs, money, arrests and the like are never inputs.

A total with no input of its own scope has none: a national total is not built from one
division's figures, nor a division's from the national ones, nor a fiscal year's from a
calendar year's. The nearest pills and powder of another scope in the same window are kept
apart (:class:`OtherScope`), for the what-if the scanner shows beside the verdict.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from itertools import islice

from ..reading.lexicon import lexicon
from ..reading.patterns import trie_pattern
from .added import added_inputs
from .figure import Figure
from .notseized import left_out
from .scope import subjects
from .text import Document

__all__ = ["LOOK_AROUND", "WINDOW_AFTER", "WINDOW_BEFORE", "ClaimDraft", "OtherScope", "build_claims", "choose_scale"]

#: How many sentences before and after a dose figure are searched for its inputs.
WINDOW_BEFORE = 6
WINDOW_AFTER = 6

_PILL_WORD = re.compile(r"\b(?:pills?|tablets?)\b", re.IGNORECASE)
_POWDER_WORD = re.compile(r"\bpowder(?:ed)?\b", re.IGNORECASE)


@cache
def _one_seizure() -> re.Pattern[str]:
    """Words that tell of one seizure, from ``data/lexicon.toml``."""
    lex = lexicon()

    def words(name: str) -> str:
        return trie_pattern(sorted(lex.words("scope", name)), r"\s+")

    return re.compile(
        rf"\b(?:{words('one_seizure')}|(?:{words('seizers')}) (?:{words('seizing')})"
        rf"|(?:in|inside|from) (?:a|an|the|his|her|their) (?:{words('places_searched')}))\b",
        re.IGNORECASE,
    )


def _check_inputs(pills: Figure | None, powder: Figure | None) -> None:
    for name, figure, kind in (("pills", pills, "pills"), ("powder", powder, "fentanyl-mass")):
        if figure is not None and (figure.kind != kind or not figure.counts_toward_doses):
            raise ValueError(f"{name} input must be a fentanyl {kind} figure, not {figure.kind}")


@dataclass(frozen=True)
class OtherScope:
    """The nearest pills and powder of another scope than a dose figure's: never its inputs, only a what-if."""

    pills: Figure | None
    powder: Figure | None

    def __post_init__(self) -> None:
        if self.pills is None and self.powder is None:
            raise ValueError("a figure of another scope is needed")
        _check_inputs(self.pills, self.powder)

    @property
    def figures(self) -> tuple[Figure, ...]:
        return tuple(f for f in (self.pills, self.powder) if f is not None)


@dataclass(frozen=True)
class ClaimDraft:
    """A dose figure with the inputs found for it, before checking.

    ``basis`` says where the inputs came from: ``sentence``, ``paragraph``, ``nearby``, ``added``
    (the sum of figures the story adds up, listed in ``added``) or ``none``. With no input of its own scope, ``other_scope`` holds the nearest pills and
    powder of another scope, if any: they are not inputs (see :meth:`what_if`).
    """

    doses: Figure
    pills: Figure | None
    powder: Figure | None
    basis: str
    scale: str
    notes: tuple[str, ...] = ()
    other_scope: OtherScope | None = None
    #: The figures the story adds up into the pills or powder (basis ``added``), in text order.
    added: tuple[Figure, ...] = ()

    def __post_init__(self) -> None:
        if self.doses.kind != "doses":
            raise ValueError("a claim is built on a dose figure")
        _check_inputs(self.pills, self.powder)
        if self.other_scope is not None and (self.pills is not None or self.powder is not None):
            raise ValueError("a claim with inputs of its own scope has no figures of another scope")

    def what_if(self) -> ClaimDraft | None:
        """The claim as if built on the figures of another scope (with a note naming the difference), or None.

        >>> from .text import read_document
        >>> from .extract import extract_figures
        >>> doc = read_document("Nationwide, agents seized 6,500 pounds of fentanyl.\\n\\n"
        ...                     "The Omaha Division's seizures equal 2 million doses.")
        >>> (draft,) = build_claims(doc, extract_figures(doc))
        >>> draft.basis, draft.powder, draft.what_if().powder.text
        ('none', None, '6,500 pounds of fentanyl')
        >>> draft.what_if().notes
        ('different scopes: the doses (2 million doses) are Omaha Division; powder (6,500 pounds of fentanyl) is national',)
        """
        other = self.other_scope
        if other is None:
            return None
        note = _scope_note(self.doses, list(other.figures))
        notes = (note,) if note else ()
        return ClaimDraft(self.doses, other.pills, other.powder, "other scope", self.scale, notes)


#: How many figures on each side of a dose figure, in one sentence, are looked at for an input.
#: A sentence listing more than this many figures between a dose figure and its inputs is not
#: prose; the bound keeps grouping linear in the number of figures.
LOOK_AROUND = 64


def _wanted(document: Document, sentence: int, sentence_figures: list[Figure]) -> tuple[bool, bool]:
    """Which inputs a sentence speaks of, outside the figures themselves."""
    start, end = document.sentences[sentence]
    spans = sorted((f.scan_start, f.scan_end) for f in sentence_figures)
    words = []
    position = start
    for span_start, span_end in spans:
        words.append(document.text[position:span_start])
        position = max(position, span_end)
    words.append(document.text[position:end])
    rest = " ".join(words)
    pills_out, powder_out = left_out(rest)  # "leaving the pills aside, the powder equals …"
    if pills_out or powder_out:
        return not pills_out, not powder_out
    pills, powder = _PILL_WORD.search(rest) is not None, _POWDER_WORD.search(rest) is not None
    if pills != powder:
        return pills, powder
    return True, True


class _Inputs:
    """The figures that can be inputs of a dose claim, per sentence and kind, in text order.

    Built once; a dose figure then looks outward from its own place (the nearest figure before
    it first, then after it; then the sentences before and after, nearest first), so a
    sentence's figures are never all compared with each of its dose figures.
    """

    def __init__(self, figures: list[Figure]) -> None:
        self._lists: dict[tuple[int, str], list[Figure]] = {}
        self._starts: dict[tuple[int, str], list[int]] = {}
        for figure in figures:
            if figure.counts_toward_doses:
                for kind in (figure.kind, "any"):
                    self._lists.setdefault((figure.sentence_index, kind), []).append(figure)
                    self._starts.setdefault((figure.sentence_index, kind), []).append(figure.scan_start)

    def nearest(self, doses: Figure, kind: str, accept: Callable[[Figure], bool], window: bool) -> Figure | None:
        """The nearest ``kind`` figure that ``accept`` takes.

        Nearest means: in the dose figure's sentence (the closest before it, else the closest
        after it), then one sentence before, two before, and so on, and only then the sentences after it.

        Only the dose figure's sentence when ``window`` is false, else also up to
        :data:`WINDOW_BEFORE` sentences before and :data:`WINDOW_AFTER` after.
        """
        here = doses.sentence_index
        figures = self._lists.get((here, kind), [])
        split = bisect_right(self._starts.get((here, kind), []), doses.scan_start)
        found = _first(figures, range(split - 1, max(split - 1 - LOOK_AROUND, -1), -1), accept)
        found = found or _first(figures, range(split, min(split + LOOK_AROUND, len(figures))), accept)
        if found is not None or not window:
            return found
        for distance in range(1, WINDOW_BEFORE + 1):  # a total reports what was told before it, nearest first
            before = self._lists.get((here - distance, kind), [])
            found = _first(before, range(len(before) - 1, max(len(before) - 1 - LOOK_AROUND, -1), -1), accept)
            if found is not None:
                return found
        for distance in range(1, WINDOW_AFTER + 1):  # else a total in a headline or lede, its inputs below it
            after = self._lists.get((here + distance, kind), [])
            found = _first(after, range(min(LOOK_AROUND, len(after))), accept)
            if found is not None:
                return found
        return None


def _first(figures: list[Figure], order: range, accept: Callable[[Figure], bool]) -> Figure | None:
    return next((figures[i] for i in order if accept(figures[i])), None)


def _scope_note(doses: Figure, inputs: list[Figure]) -> str | None:
    """What differs between a total's scope and its inputs' (or the figures of a what-if): a conflict, or weak cues."""
    parts, fields = [], []
    for figure in inputs:
        differ = doses.scope.differences(figure.scope)
        if differ:
            what = "pills" if figure.kind == "pills" else "powder"
            parts.append(f"{what} ({figure.text}) is {figure.scope.describe()}")
            fields += [f for f in differ if f not in fields and not (f == "level" and "place" in differ)]
    if not parts:
        return None
    if not any(doses.scope.conflicts(f.scope) for f in inputs):
        return (
            f"the scopes differ only by weak cues (the {' and '.join(fields)}: named in passing, by who speaks, or in "
            f"another sentence), which do not split a seizure from its total: the doses ({doses.text}) are "
            f"{doses.scope.describe()}; " + "; ".join(parts)
        )
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
        seen[doses.paragraph_index] = _one_seizure().search(document.text, start, end) is not None
    return "seizure" if seen[doses.paragraph_index] else "aggregate"


def build_claims(document: Document, figures: list[Figure], limit: int | None = None) -> list[ClaimDraft]:
    """One claim per dose figure (the first ``limit`` of them), with its inputs, where they came from and any scope note.

    >>> from .text import read_document
    >>> from .extract import extract_figures
    >>> doc = read_document("Agents seized 1.3 million pills. Nationwide, 44 million pills and 6,500 pounds of "
    ...                     "fentanyl powder equal 193 million doses.")
    >>> [(c.doses.text, c.pills.text, c.powder.text, c.basis) for c in build_claims(doc, extract_figures(doc))]
    [('193 million doses', '44 million pills', '6,500 pounds of fentanyl powder', 'sentence')]
    """
    by_sentence: dict[int, list[Figure]] = {}
    by_paragraph: dict[int, list[Figure]] = {}
    for figure in figures:
        by_sentence.setdefault(figure.sentence_index, []).append(figure)
        by_paragraph.setdefault(figure.paragraph_index, []).append(figure)
    paragraph_starts = {p: [f.scan_start for f in found] for p, found in by_paragraph.items()}
    inputs = _Inputs(figures)
    subject = subjects(document)
    lede = _lede(document)
    wanted: dict[int, tuple[bool, bool]] = {}
    refused: dict[int, str | None] = {}
    claims = []
    one_seizure: dict[int, bool] = {}
    for doses in islice((f for f in figures if f.kind == "doses"), limit):
        here = doses.sentence_index
        if here not in wanted:
            wanted[here] = _wanted(document, here, by_sentence[here])
            refused[here] = _refused(by_sentence[here])
        if doses.excluded is not None:  # an illustration ("a sugar packet could hold 500 doses"): no inputs
            claims.append(ClaimDraft(doses, None, None, "none", "seizure", (doses.excluded,)))
            continue
        paragraph = by_paragraph[doses.paragraph_index]
        before = paragraph[: bisect_right(paragraph_starts[doses.paragraph_index], doses.scan_start) - 1]
        summed = added_inputs(document, doses, before, subject)
        if summed is not None:  # "the amount combined is enough to kill …": the figures the story adds up
            pills, powder, added, said = summed
            scale = choose_scale(document, doses, one_seizure)
            claims.append(ClaimDraft(doses, pills, powder, "added", scale, (said,), added=added))
            continue
        scale = choose_scale(document, doses, one_seizure)
        pills, powder, basis, other = _inputs_of(doses, inputs, wanted[here], subject, scale == "seizure", lede)
        notes = []
        note = _scope_note(doses, [f for f in (pills, powder) if f is not None])
        if note:
            notes.append(note)
        if basis == "none" and other is None:
            notes.append("no fentanyl pills or powder found near this dose figure")
        if refused[here] is not None and (pills is None or powder is None):
            notes.append(f"a figure of its sentence was not read ({refused[here]})")
        for chosen in (pills, powder):
            if chosen is not None and chosen.ambiguous:
                notes.extend(n for n in chosen.notes if "ambiguous" in n)
        claims.append(ClaimDraft(doses, pills, powder, basis, scale, tuple(notes), other))
    return claims


def _lede(document: Document) -> int:
    """The last paragraph of the headline and lede: lines before the first paragraph that ends as a sentence ends
    are headlines, and that paragraph is the lede."""
    for index, (start, end) in enumerate(document.paragraphs[:8]):
        if document.text[start:end].rstrip().endswith((".", "!", "?", '"', "”", "’", "'")):
            return index
    return 0


def _refused(sentence_figures: list[Figure]) -> str | None:
    """Why the first pill or powder figure of a sentence was refused unread ("could be one number or two"), if one was."""
    for figure in sentence_figures:
        if figure.kind in ("pills", "fentanyl-mass") and figure.unreadable is not None and figure.excluded is not None:
            return f"{figure.text}: {figure.unreadable}"
    return None


def _inputs_of(
    doses: Figure,
    inputs: _Inputs,
    want: tuple[bool, bool],
    subject: list[int],
    one_seizure: bool = False,
    lede: int = 0,
) -> tuple[Figure | None, Figure | None, str, OtherScope | None]:
    """The pills and powder of a dose figure and the tier they came from (see the module's description).

    With none of its own scope: the nearest of another scope, apart, for a what-if. The total of one seizure takes
    no figure from a later paragraph (what a story tells after it is another seizure) unless it stands in the
    headline or the lede.
    """

    def same_scope(f: Figure) -> bool:
        return not doses.scope.differences(f.scope)

    story = subject[doses.sentence_index] if subject else 0
    in_lede = doses.paragraph_index <= lede

    def compatible(f: Figure) -> bool:
        if one_seizure and not in_lede and f.paragraph_index > doses.paragraph_index:
            return False
        return (not subject or subject[f.sentence_index] == story) and not doses.scope.conflicts(f.scope)

    def same_paragraph(f: Figure) -> bool:
        return f.paragraph_index == doses.paragraph_index and compatible(f)

    def anything(f: Figure) -> bool:
        return True

    # In its own sentence, figures of the same scope are preferred, then any that do not conflict, then any.
    if inputs.nearest(doses, "any", same_scope, False) is not None:
        sentence_accept = same_scope
    elif inputs.nearest(doses, "any", compatible, False) is not None:
        sentence_accept = compatible
    else:
        sentence_accept = anything
    tiers = (
        ("sentence", sentence_accept, False),
        ("paragraph", same_paragraph, True),
        ("nearby", compatible, True),
    )
    found: dict[str, Figure | None] = {"pills": None, "fentanyl-mass": None}
    basis = "none"
    for name, accept, window in tiers:
        for kind, wanted in (("pills", want[0]), ("fentanyl-mass", want[1])):
            if wanted and found[kind] is None:
                found[kind] = inputs.nearest(doses, kind, accept, window)
                if found[kind] is not None:
                    basis = basis if basis != "none" else name
        if basis == "sentence" or all(found[k] is not None or not w for k, w in zip(found, want, strict=True)):
            break
    if basis != "none":
        return found["pills"], found["fentanyl-mass"], basis, None
    pills = inputs.nearest(doses, "pills", anything, True) if want[0] else None
    powder = inputs.nearest(doses, "fentanyl-mass", anything, True) if want[1] else None
    return None, None, "none", OtherScope(pills, powder) if pills or powder else None

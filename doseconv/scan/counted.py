"""What a figure counts: the record of it (:class:`Found`) and the drugs a sentence or paragraph names.

Only pills and fentanyl masses ever enter dose arithmetic; counterfeit pills are fentanyl pills, and
pills or a mass with no drug beside them take the sentence's only drug. The drug words are those of
``data/drugs.toml`` (:func:`doseconv.reading.drugs.vocabulary`), the same the figure reader reads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from ..reading.drugs import vocabulary
from ..reading.stated import StatedReading
from .text import Document

__all__ = ["Found", "SentenceDrugs", "drug_names_in", "infer_drug"]

#: The groups of drug words that name a drug in a sentence: fentanyl, its analogues and other drugs. Markers
#: ("fake", "pressed") name none, and the medicines counterfeit pills imitate are named only beside a pill.
_NAMING = frozenset({"fentanyl", "analogue", "other"})
#: "the drugs", "narcotics": drugs of every kind, which name no one drug a sentence is about.
_MIXED = "drugs of several kinds"


@dataclass
class Found:
    """What a number counts, read from its words: its kind, where its words end, what it counts as written."""

    kind: str
    end: int
    unit: str | None
    drug: str | None = None
    notes: list[str] = field(default_factory=list)
    ambiguous: bool = False
    is_mass: bool = False
    excluded: str | None = None
    powder: bool = False  # a mass "of powder" that names no drug
    reference: str | None = None  # a mass named by reference ("of the drug")
    reading: StatedReading | None = None
    unreadable: str | None = None


@cache
def _names() -> dict[str, str]:
    """Each drug word that names a drug, and the drug's name ("meth" -> methamphetamine, "fentanyl" -> fentanyl)."""
    out: dict[str, str] = {}
    for word, drugs in vocabulary().words.items():
        for drug in drugs:
            if drug.group in _NAMING and drug.name != _MIXED:
                out.setdefault(word, drug.name)
    return out


def drug_names_in(text: str, start: int = 0, end: int | None = None) -> frozenset[str]:
    """The drugs ``text[start:end]`` names (fentanyl, another drug, an analogue)."""
    names = _names()
    found = vocabulary().pattern.finditer(text, start, len(text) if end is None else end)
    return frozenset(n for n in (names.get(" ".join(re.split(r"[\s\-‐]+", m[0].lower()))) for m in found) if n)


class SentenceDrugs:
    """The drugs each sentence names, read once per sentence (not once per figure in it)."""

    def __init__(self, document: Document) -> None:
        self._document = document
        self._drugs: dict[int, frozenset[str]] = {}
        self._paragraphs: list[frozenset[str]] = []
        self._story: frozenset[str] | None = None

    def __call__(self, sentence: int) -> frozenset[str]:
        if sentence not in self._drugs:
            start, end = self._document.sentences[sentence]
            self._drugs[sentence] = drug_names_in(self._document.text, start, end)
        return self._drugs[sentence]

    def story(self) -> frozenset[str]:
        """The drugs the whole story names, read once."""
        if self._story is None:
            self._story = drug_names_in(self._document.text)
        return self._story

    def paragraph(self, sentence: int) -> tuple[frozenset[str], str]:
        """The drugs named in the paragraph of ``sentence`` and ``"paragraph"``; when it names none, those
        named in the story before it and ``"story before it"``. Each paragraph is read once."""
        index = self._document.sentence_paragraph[sentence]
        while len(self._paragraphs) <= index:  # paragraphs are read in order, once, however many figures ask
            start, end = self._document.paragraphs[len(self._paragraphs)]
            self._paragraphs.append(drug_names_in(self._document.text, start, end))
        if self._paragraphs[index]:
            return self._paragraphs[index], "paragraph"
        return frozenset().union(*self._paragraphs[:index]), "story before it"


def infer_drug(found: Found, drugs: frozenset[str], where: str = "sentence") -> None:
    """Pills or a mass with no drug beside them take the sentence's only drug (``drugs``), if it names one."""
    if found.drug is not None:
        return
    if len(drugs) == 1:
        (found.drug,) = drugs
        found.notes.append(f"drug not named beside the figure; the only drug in the {where}")

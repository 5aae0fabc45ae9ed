"""What a figure counts: the record of it (:class:`Found`) and the words that name drugs and pills.

Only pills and fentanyl masses ever enter dose arithmetic; counterfeit pills are fentanyl pills,
and pills or a mass with no drug beside them take the sentence's only drug.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from fractions import Fraction

from ..errors import DoseconvError
from .text import Document

__all__ = [
    "DRUG_WORDS", "GAP", "GAP_WORD", "PILL_NOUN", "Found", "SentenceDrugs",
    "counterfeit", "drug_in", "drug_name", "infer_drug",
]  # fmt: skip

# Words that may stand between a number and what it counts ("193 million potentially fatal
# fentanyl doses"); function words end the gap.
GAP_WORD = (
    r"(?!(?:and|or|but|the|a|an|of|in|into|to|from|with|that|which|for|were|was|is|are|be|been|by|at|on|"
    r"as|per|each|worth|valued|seized|including|plus|than|while|after|before|during)\b)[A-Za-z][\w'’-]*"
)
# A comma may stand between describing words before a counterfeit pill ("fentanyl-laced, fake pills").
GAP = rf"(?:(?:,(?=\s+(?:fake|counterfeit|illicit|pressed|imitation)\b))?\s+{GAP_WORD})"
DRUG_WORDS = (
    r"fentanyl|carfentanil|methamphetamine|crystal\s+meth|meth|cocaine|crack|heroin|marijuana|cannabis|"
    r"xylazine|MDMA|ecstasy|oxycodone|opioids?|powder"
)
_DRUG_NAMES = {
    "fentanyl": "fentanyl", "carfentanil": "carfentanil", "methamphetamine": "methamphetamine",
    "meth": "methamphetamine", "crystal meth": "methamphetamine", "cocaine": "cocaine", "crack": "cocaine",
    "heroin": "heroin", "marijuana": "marijuana", "cannabis": "marijuana", "xylazine": "xylazine",
    "mdma": "MDMA", "ecstasy": "MDMA", "oxycodone": "oxycodone", "opioid": "opioids", "opioids": "opioids",
}  # fmt: skip
PILL_NOUN = r"(?:(?:M-?30s|blues|Percocets?)(?:\s+(?:pills|tablets))?|pills?|tablets?|capsules?)\b(?!\s+(?:press|presses|machines?|molds?|dies)\b)"
_ANY_DRUG = re.compile(rf"\b(?:{DRUG_WORDS})\b", re.IGNORECASE)


@dataclass
class Found:
    kind: str
    end: int
    unit: str | None
    drug: str | None = None
    notes: list[str] = field(default_factory=list)
    stated_unit: str | None = None
    ambiguous: bool = False
    is_mass: bool = False
    excluded: str | None = None
    part: Fraction | None = None  # "a pound and a half": the fraction after the unit
    powder: bool = False  # a mass "of powder" that names no drug


def drug_name(word: str) -> str | None:
    return _DRUG_NAMES.get(" ".join(word.lower().split()))


class SentenceDrugs:
    """The drugs each sentence names, read once per sentence (not once per figure in it)."""

    def __init__(self, document: Document) -> None:
        self._document = document
        self._drugs: dict[int, frozenset[str]] = {}
        self._paragraphs: list[frozenset[str]] = []

    def __call__(self, sentence: int) -> frozenset[str]:
        if sentence not in self._drugs:
            start, end = self._document.sentences[sentence]
            found = (drug_name(m[0]) for m in _ANY_DRUG.finditer(self._document.text, start, end))
            self._drugs[sentence] = frozenset(n for n in found if n)
        return self._drugs[sentence]

    def paragraph(self, sentence: int) -> tuple[frozenset[str], str]:
        """The drugs named in the paragraph of ``sentence`` and ``"paragraph"``; when it names none, those
        named in the story before it and ``"story before it"``. Each paragraph is read once."""
        index = self._document.sentence_paragraph[sentence]
        while len(self._paragraphs) <= index:  # paragraphs are read in order, once, however many figures ask
            start, end = self._document.paragraphs[len(self._paragraphs)]
            found = (drug_name(m[0]) for m in _ANY_DRUG.finditer(self._document.text, start, end))
            self._paragraphs.append(frozenset(n for n in found if n))
        if self._paragraphs[index]:
            return self._paragraphs[index], "paragraph"
        return frozenset().union(*self._paragraphs[:index]), "story before it"


def counterfeit(words: str) -> bool:
    """Whether the words before a pill noun say the pills are counterfeit or a street name for fentanyl pills."""
    from ..reading.drugs import read_drugs

    try:
        return read_drugs(words).pills
    except DoseconvError:
        return False


def drug_in(words: str) -> str | None:
    names = [n for n in (drug_name(m[0]) for m in _ANY_DRUG.finditer(words)) if n]
    if "fentanyl" in names:
        return "fentanyl"
    return names[0] if names else None


def infer_drug(found: Found, drugs: frozenset[str], where: str = "sentence") -> None:
    """Pills or a mass with no drug beside them take the sentence's only drug (``drugs``), if it names one."""
    if found.drug is not None:
        return
    if len(drugs) == 1:
        (found.drug,) = drugs
        found.notes.append(f"drug not named beside the figure; the only drug in the {where}")

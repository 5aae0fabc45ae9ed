"""Masses in a story, once the figure reader has read them: the drug beside them or before them, the masses
that count nothing seized (milligrams, a conversion in parentheses), and the drug a mass with none takes."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from ..reading.drugs import vocabulary
from ..reading.lexicon import lexicon
from ..reading.patterns import trie_pattern
from ..reading.qualifiers import QUALIFIER_PHRASES
from ..reading.stated import StatedReading
from .counted import Found, drug_names_in, infer_drug

__all__ = ["mass_found", "mass_kind"]

_MG_UNITS = {"milligram", "microgram"}


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    """The words before a mass that say what it is, from the lexicon and the qualifier table."""
    lex = lexicon()
    qualifiers = trie_pattern(sorted(p.lower() for p in QUALIFIER_PHRASES if p), r"\s+")
    lethal = trie_pattern(sorted(lex.words("rules", "lethal")))
    weighing = trie_pattern(sorted(lex.words("inputs", "weighing")), r"\s+")
    return {
        # "(about 2.3 kilograms)": the figure before it in other units
        "in_parentheses": re.compile(rf"\(\s*(?:(?:{qualifiers})\s+)?[\d.,]+\s*\Z", re.IGNORECASE),
        # "one dose can be as small as 2 grams", "a lethal dose of 3 milligrams": the size of one dose, never a seizure
        "dose_size": re.compile(
            rf"\b(?:a|one|each|single|the)\s+(?:(?:potentially\s+)?(?:{lethal})\s+)?dose\b[^.!?\d]{{0,30}}\Z",
            re.IGNORECASE,
        ),
        # a drug named just before a mass: "fentanyl weighing 5 kilograms", "meth totaling 2 pounds"
        "drug_before": re.compile(
            rf"(?:{vocabulary().pattern.pattern})(?:\s+powder)?\s+(?:{weighing})\s*\Z", re.IGNORECASE
        ),
    }


def mass_found(text: str, start: int, reading: StatedReading, before: str) -> Found:
    """A mass the reader read at ``start``: its drug (named after it, else just before it), whether it counts."""
    amount = reading.amount
    words = amount.words
    found = Found("other", reading.end, " ".join(words.noun.split()), is_mass=True, reading=reading)
    found.reference, found.powder = words.reference, words.powder
    if words.ambiguous:
        found.ambiguous = True
        found.notes.append(f"{amount.ambiguous}; checked as short tons")
    if amount.amount.unit in _MG_UNITS:
        found.excluded = "a mass in milligrams is the size of a dose or a pill's content, not a seizure"
    elif _patterns()["dose_size"].search(before):
        found.excluded = "the size of one dose, not a seizure"
    number_end = amount.number.end
    if _patterns()["in_parentheses"].search(text, max(0, number_end - 40), number_end):
        found.excluded = "in parentheses: the figure before it in other units"
    found.drug = amount.drug
    if found.drug is None and not words.drugs and words.reference is None:
        earlier = _patterns()["drug_before"].search(before)
        if earlier is not None:
            names = drug_names_in(earlier[0])
            found.drug = next(iter(names)) if len(names) == 1 else None
    return found


def mass_kind(
    found: Found,
    drugs: frozenset[str],
    paragraph_drugs: Callable[[], tuple[frozenset[str], str]],
    story_drugs: Callable[[], frozenset[str]],
) -> None:
    """The drug and kind of a mass: the drug beside it, else its sentence's only drug; a mass whose sentence names no
    drug takes its paragraph's only drug ("fentanyl powder … 13,000 pounds of powder"), or, when its paragraph names
    none, the only drug named before it in the story. A mass that still names none, or names the seizure by
    reference ("64 pounds of the drug", "the haul"), is fentanyl in a story about fentanyl when neither its sentence
    nor its paragraph names another drug."""
    if found.kind == "pills":
        return
    infer_drug(found, drugs)
    paragraph: frozenset[str] = frozenset()
    if found.drug is None and not drugs:
        paragraph, where = paragraph_drugs()
        infer_drug(found, paragraph, where)
    if found.drug is None and "fentanyl" in story_drugs() and not (drugs | paragraph) - {"fentanyl"}:
        found.drug = "fentanyl"
        said = f"named by reference ({found.reference!r})" if found.reference else "no drug named beside it"
        found.notes.append(f"{said}: a mass in a story about fentanyl is fentanyl")
    if found.drug is None:
        found.notes.append("no drug named; not counted")
    elif found.drug == "fentanyl":
        found.kind = "fentanyl-mass"
    else:
        found.kind = "other-drug-mass"

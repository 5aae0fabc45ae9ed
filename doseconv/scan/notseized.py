"""Figures that are no seizure, though they read as one: pills the powder could make ("could have been pressed into
20 million pills", "the equivalent of 5 million pills"), a figure the story leaves out of its total ("not counting
the 300 pills"), and a mass that only converts the one before it ("92.5 pounds. That's 42,000 grams"). They are
kept as figures, with the reason, and never become the inputs of a total. The words are those of
``data/lexicon.toml`` (``[inputs]``)."""

from __future__ import annotations

import re
from functools import cache

from ..reading.lexicon import lexicon
from ..reading.patterns import trie_pattern
from ..registry import unit_factor
from .counted import Found
from .figure import Figure

__all__ = ["conversion_of", "left_out", "not_seized"]

#: How close a mass must be to an earlier one, in the same sentence or the one before, to be its conversion.
CONVERSION_TOLERANCE = 0.05


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    words = lexicon().data["inputs"]

    space = r"\s+"

    def before(name: str) -> re.Pattern[str]:
        alternatives = trie_pattern(sorted(words[name]), space)
        return re.compile(rf"\b(?:{alternatives})\s+(?:(?:the|about|some|an?)\s+)?\Z", re.IGNORECASE)

    return {
        "made": before("made_into"),
        "left_out": before("left_out"),
        "compared": before("compared"),
        "general": re.compile(rf"\s+(?:{trie_pattern(sorted(words['general']), space)})\b", re.IGNORECASE),
        "per_person": re.compile(
            rf"\s+(?:{trie_pattern(sorted(words['per_person']), space)})\s+(?:person|capita|American|resident|\w+an)\b",
            re.IGNORECASE,
        ),
    }


@cache
def _illustration() -> re.Pattern[str]:
    """ "A sugar packet of the drug could contain 500 lethal doses": what one small quantity could hold."""
    lex = lexicon()
    modals = trie_pattern(sorted({*lex.words("claims", "after_modal"), "will"}))
    verbs = trie_pattern(sorted(lex.words("inputs", "small_quantity_verbs")))
    return re.compile(
        rf"\b(?:a|an|one|each|every|single)\s+(?:[\w-]+\s+){{1,6}}?(?:{modals})\s+(?:{verbs})\s+\Z", re.IGNORECASE
    )


#: How a single unit of mass is written in a general statement: "one kilogram", "a pound", "1 gram".
_ONE_UNIT = frozenset({"one", "a", "an", "1", "a single", "each", "every"})


def not_seized(found: Found, before: str, after: str) -> None:
    """Mark pills the powder could make, a figure the story leaves out of its total or compares its own with, the
    unit of mass a general statement speaks of ("one kilogram of fentanyl can kill 500,000 people"), and doses
    counted per person ("1½ doses for every American", a multiple of a population, not a total)."""
    patterns = _patterns()
    inputs = ("pills", "fentanyl-mass")
    reading = found.reading
    if found.kind == "pills" and patterns["made"].search(before):
        found.excluded = "pills the powder could make, not pills seized"
    elif found.kind in inputs and patterns["left_out"].search(before):
        found.excluded = "a figure the story leaves out of its total"
    elif found.kind in inputs and patterns["compared"].search(before):
        found.excluded = "a figure the story compares its own with, not an input"
    elif (
        found.kind == "fentanyl-mass"
        and reading is not None
        and reading.amount.number.written.lower() in _ONE_UNIT
        and patterns["general"].match(after)
    ):
        found.excluded = "one unit of mass a general statement speaks of, not a seizure"
    elif found.kind == "doses" and patterns["per_person"].match(after):
        found.kind, found.drug = "other", None
        found.notes.append("doses for each person: a multiple of a population, not a total")
        return
    elif found.kind == "doses" and _illustration().search(before):
        # A claim all the same, of what an unweighed quantity holds: no seizure's figures are its inputs.
        found.excluded = "what one small quantity could hold, an illustration: no mass of it is stated"
    if found.excluded is not None:
        found.notes.append(found.excluded)


@cache
def _aside() -> re.Pattern[str]:
    words = lexicon().data["inputs"]
    space = r"\s+"
    aside, without = trie_pattern(sorted(words["aside"])), trie_pattern(sorted(words["without"]), space)
    what = r"(?:the\s+|its\s+|any\s+)?(?:(?P<pills{n}>pills?|tablets?)|(?P<powder{n}>powder))\b"
    return re.compile(
        rf"\b(?:(?:{aside})\s+{what.format(n=1)}\s+aside|(?:{aside})\s+aside\s+{what.format(n=2)}"
        rf"|(?:{without})\s+{what.format(n=3)})",
        re.IGNORECASE,
    )


def left_out(words: str) -> tuple[bool, bool]:
    """Whether a sentence leaves the pills or the powder out of its total ("leaving the pills aside", "excluding
    the powder"): (pills left out, powder left out)."""
    pills = powder = False
    for match in _aside().finditer(words):
        pills = pills or any(match[f"pills{n}"] for n in (1, 2, 3))
        powder = powder or any(match[f"powder{n}"] for n in (1, 2, 3))
    return pills, powder


def conversion_of(figure: Figure, earlier: list[Figure]) -> Figure | None:
    """The mass of an earlier figure (its sentence or the one before, its paragraph) that ``figure`` converts into
    another unit ("92.5 pounds … 42,000 grams", "5 kilograms, or about 11 pounds"), or None."""
    if figure.stated is None or figure.stated.kind != "mass" or figure.stated.upper is not None:
        return None
    mine = figure.stated.amount
    for other in reversed(earlier):
        if other.paragraph_index != figure.paragraph_index or other.sentence_index < figure.sentence_index - 1:
            break
        if other.stated is None or other.stated.kind != "mass" or other.stated.amount.unit == mine.unit:
            continue
        theirs = other.stated.amount.value * unit_factor(other.stated.amount.unit, mine.unit)
        if theirs and abs(mine.value - theirs) <= CONVERSION_TOLERANCE * theirs:
            return other
    return None

"""Masses in a story: the unit after a number ("6,500 pounds", "4,500kg"), its drug and whether it counts."""

from __future__ import annotations

import re
from collections.abc import Callable
from fractions import Fraction

from ..errors import AmbiguousUnitError, UnitError
from ..registry import resolve_unit
from .counted import DRUG_WORDS, GAP, PILL_NOUN, Found, counterfeit, drug_in, drug_name, infer_drug

__all__ = ["MASS_TAIL", "mass_kind", "read_mass"]

_MASS_UNIT = (
    r"(?:kilograms?|kilos?|kgs?|grams?|g|milligrams?|mg|micrograms?|mcg|pounds?|lbs?|ounces?|oz"
    r"|(?:metric|short|long|US|U\.S\.)\s+tons?|metric\s+tonnes?|tonnes?|tons?)"
)
# A mass unit after a number, with "and a half" after it ("a pound and a half").
MASS_TAIL = re.compile(
    rf"[\s-]*(?P<unit>{_MASS_UNIT})\b\.?(?P<part>[\s-]+and[\s-]+(?:a|one)[\s-]+(?:half|quarter)\b)?", re.IGNORECASE
)
# A container between a mass and its drug: "a 1.5-kilogram brick of fentanyl".
_CONTAINER = r"(?:\s+(?:bricks?|blocks?|packages?|bags?|bundles?|loads?|shipments?|parcels?)\s+of)?"
_AFTER_MASS_PILLS = re.compile(
    rf"(?:\s*\([^()\n]{{1,40}}\))?\)?(?:\s+of)?(?P<gap>{GAP}{{0,3}}?)\s+(?P<noun>{PILL_NOUN})", re.IGNORECASE
)
_AFTER_MASS_DRUG = re.compile(
    rf"(?:\s*\([^()\n]{{1,40}}\))?\)?{_CONTAINER}(?:\s+of)?(?:{GAP}{{0,3}}?)\s+(?P<drug>{DRUG_WORDS})\b(?![-‐]laced)",
    re.IGNORECASE,
)
_DRUG_BEFORE = re.compile(
    rf"\b(?P<drug>{DRUG_WORDS})(?:\s+powder)?\s+(?:weighing|totaling|totalling|amounting\s+to|of)\s*\Z",
    re.IGNORECASE,
)
_IN_PARENTHESES = re.compile(r"\(\s*(?:about|approximately|roughly|some|nearly|more than|over)?\s*[\d.,]+\s*\Z", re.I)
_OF_FENTANYL = re.compile(r"\s+of\s+fentanyl\b", re.IGNORECASE)
_POWDER = re.compile(r"\s+(?:powder|base)\b", re.IGNORECASE)
_MG_UNITS = {"milligram", "microgram"}


def read_mass(text: str, mass: re.Match[str], before: str) -> Found:
    unit_text = mass["unit"]
    found = Found("other", mass.end(), " ".join(unit_text.split()), is_mass=True)
    if mass["part"]:
        found.part = Fraction(1, 2) if mass["part"].lower().endswith("half") else Fraction(1, 4)
    try:
        unit, _ = resolve_unit(unit_text)
        found.stated_unit = found.unit
    except AmbiguousUnitError as error:
        unit = "short_ton"
        found.ambiguous = True
        found.stated_unit = "short tons"
        found.notes.append(f"{error}; checked as short tons")
    except UnitError:
        unit = ""
    if unit in _MG_UNITS:
        found.excluded = "a mass in milligrams is the size of a dose or a pill's content, not a seizure"
    if mass.start() > 0 and _IN_PARENTHESES.search(text, max(0, mass.start() - 40), mass.start()):
        found.excluded = "in parentheses: the figure before it in other units"
    pills = _AFTER_MASS_PILLS.match(text, mass.end())
    if pills:
        found.kind, found.end = "pills", pills.end()
        found.drug = drug_in(pills["gap"])
        if found.drug != "fentanyl" and counterfeit(pills["gap"] + " " + pills["noun"]):
            found.drug = "fentanyl"
            found.notes.append("counterfeit pills are fentanyl pills")
        found.notes.append("pills given by weight")
        return found
    drug_match = _AFTER_MASS_DRUG.match(text, mass.end())
    word = drug_match["drug"] if drug_match else None
    if drug_match:
        found.end = drug_match.end()
        if drug_match["drug"].lower() == "powder":
            found.end = _powder_end(text, found.end)
            found.powder = True
        else:
            powder = _POWDER.match(text, found.end)
            found.end = powder.end() if powder else found.end
    else:
        earlier = _DRUG_BEFORE.search(before)
        word = earlier["drug"] if earlier else None
    found.drug = drug_name(word) if word else None
    if found.excluded and found.excluded.startswith("in parentheses"):
        found.end = mass.end()
    return found


def _powder_end(text: str, end: int) -> int:
    extra = _OF_FENTANYL.match(text, end)
    return extra.end() if extra else end


def mass_kind(found: Found, drugs: frozenset[str], paragraph_drugs: Callable[[], tuple[frozenset[str], str]]) -> None:
    """The drug and kind of a mass: the drug beside it, else its sentence's only drug; a mass "of powder"
    whose sentence names no drug takes its paragraph's only drug ("fentanyl powder … 13,000 pounds of powder"),
    or, when its paragraph names none, the only drug named before it in the story."""
    if found.kind == "pills":
        return
    infer_drug(found, drugs)
    if found.drug is None and found.powder and not drugs:
        infer_drug(found, *paragraph_drugs())
    if found.drug is None:
        found.notes.append("no drug named; not counted")
    elif found.drug == "fentanyl":
        found.kind = "fentanyl-mass"
    else:
        found.kind = "other-drug-mass"

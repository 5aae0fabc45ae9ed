"""What a number counts, read from the words after it (and, for "enough to kill", "arrested",
a few words before it): pills, doses, masses (:mod:`.masses`), money, percentages, firearms,
arrests, investigations, or another noun.
"""

from __future__ import annotations

import re

from .counted import GAP, GAP_WORD, PILL_NOUN, Found, counterfeit, drug_in
from .masses import MASS_TAIL, read_mass

__all__ = ["classify"]

_OF_THE = r"(?:\s+of\s+(?:the|these|those))?"
# What a number counts, read from the noun after it (a few describing words may stand between).
_COUNTED_TAIL = re.compile(
    rf"{_OF_THE}(?P<gap>{GAP}{{0,4}}?)\s+(?:"
    rf"(?P<pills>{PILL_NOUN})"
    r"|(?P<doses>doses?)\b(?!\s+of\s+(?:naloxone|narcan|vaccines?)\b)"
    r"|(?P<firearms>firearms?|guns?|weapons?|rifles?|handguns?|pistols?|shotguns?)\b"
    r"|(?P<arrests>arrests?)\b"
    r"|(?P<investigations>investigations?|cases?|probes?)\b)",
    re.IGNORECASE,
)
# The patterns of words before a number are searched in the 60 characters before each number; the
# lookahead of their first letters rejects the other positions at once.
_KILL_BEFORE = re.compile(
    r"\b(?=[acepsw])(?:enough|potential|capable|could|can|would|able|sufficient)\b[^.!?\n]{0,40}?\bkill(?:ed|ing)?\s+\Z",
    re.IGNORECASE,
)
# "lethal to 1.2 million (people)", "deadly for 2 million Americans"
_LETHAL_TO_BEFORE = re.compile(r"\b(?:lethal|fatal|deadly)\s+(?:enough\s+)?(?:to|for)\s+\Z", re.IGNORECASE)
# "could have taken 500,000 lives", "enough to claim 2 million lives"
_LIVES_BEFORE = re.compile(
    r"\b(?=[cempw])(?:could|would|might|may|can|enough\s+to|potential\s+to|capable\s+of)\s+(?:have\s+)?"
    r"(?:taken|take|taking|claim|claimed|claiming|end|ended|ending|cost|costing)\s+"
    r"(?:(?:up\s+to|as\s+many\s+as|about|roughly|an\s+estimated|more\s+than|nearly|over)\s+)?\Z",
    re.IGNORECASE,
)
_LIVES_TAIL = re.compile(r"\s+(?:American\s+)?lives\b", re.IGNORECASE)
_PEOPLE_TAIL = re.compile(
    rf"(?P<gap>{GAP}{{0,2}}?)\s+(?P<noun>people|persons|Americans|individuals|adults|residents|users)\b",
    re.IGNORECASE,
)
_ARREST_BEFORE = re.compile(r"\b(?:arrested|arrest\s+of|apprehended|detained)\s+\Z", re.IGNORECASE)
_ARRESTED_AFTER = re.compile(
    r"\s+(?P<noun>people|persons|suspects|individuals|subjects|defendants|men|women|members)"
    r"(?:\s+(?:were|have\s+been|had\s+been|was|got)\s+(?P<verb>arrested|apprehended|detained))?\b",
    re.IGNORECASE,
)
_MONEY_TAIL = re.compile(r"\s*(?P<noun>dollars|USD|US\s+dollars)\b", re.IGNORECASE)
_NOUN_TAIL = re.compile(rf"(?P<noun>\s+(?=[a-z]){GAP_WORD}{GAP}?)")
_TIME_AFTER = re.compile(r"\s*(?:a\.?m\.?|p\.?m\.?)\b", re.IGNORECASE)


def classify(text: str, match: re.Match[str], before: str, word_only: bool) -> Found | None:
    """Decide what the number at ``match`` counts from the words after (and just before) it."""
    end = match.end()
    if match["pct"]:
        return Found("percent", end, "percent")
    if match["cur"]:
        return Found("money", end, match["cur"].strip())
    money = _MONEY_TAIL.match(text, end)
    if money:
        return Found("money", money.end(), money["noun"])
    mass = MASS_TAIL.match(text, end)
    if mass and not _TIME_AFTER.match(text, end):
        return read_mass(text, mass, before)
    counted = _COUNTED_TAIL.match(text, end)
    if counted:
        kind = counted.lastgroup
        assert kind is not None
        drug = drug_in(counted["gap"])
        if kind == "doses":
            if counted["doses"].lower() == "dose":  # "one dose can be as small as 2 milligrams": a dose's size
                return Found("other", counted.end(), "dose", None, ["one dose, the size of a dose, not a total"])
            if drug not in (None, "fentanyl"):
                return Found("other", counted.end(), f"doses of {drug}", drug)
            return Found("doses", counted.end(), "doses", "fentanyl", stated_unit="doses")
        if kind == "pills":
            return _pills(counted.end(), counted["gap"] + " " + counted["pills"], drug)
        return Found(kind, counted.end(), counted[kind].lower())
    if _KILL_BEFORE.search(before) or _LETHAL_TO_BEFORE.search(before):
        people = _PEOPLE_TAIL.match(text, end)
        if people:
            return Found("doses", people.end(), people["noun"].lower(), "fentanyl",
                          ["people who could be killed, read as doses"], stated_unit="doses")  # fmt: skip
        if _LETHAL_TO_BEFORE.search(before) and not word_only:  # "lethal to 1.2 million"
            return Found("doses", end, "people", "fentanyl", ["people it could kill, read as doses"],
                          stated_unit="doses")  # fmt: skip
    if _LIVES_BEFORE.search(before):
        lives = _LIVES_TAIL.match(text, end)
        if lives:
            return Found("doses", lives.end(), "lives", "fentanyl", ["lives that could be taken, read as doses"],
                          stated_unit="doses")  # fmt: skip
    arrested = _ARRESTED_AFTER.match(text, end)
    if arrested and (arrested["verb"] or _ARREST_BEFORE.search(before)):
        return Found("arrests", arrested.end(), arrested["noun"].lower())
    if word_only:
        return None
    noun = _NOUN_TAIL.match(text, end)
    if noun is None:
        return None
    return Found("other", noun.end(), " ".join(noun["noun"].split()))


def _pills(end: int, words: str, drug: str | None) -> Found:
    """Pills; counterfeit pills ("counterfeit oxycodone pills", "fake M30s", "blues") are fentanyl pills."""
    if drug != "fentanyl" and counterfeit(words):
        note = "counterfeit pills are fentanyl pills" + (f" (sold as {drug})" if drug else "")
        return Found("pills", end, "pills", "fentanyl", [note], stated_unit="pills")
    return Found("pills", end, "pills", drug, stated_unit="pills")

"""What a number counts. Pills, masses and doses are read by the one figure reader
(:func:`doseconv.reading.stated.read_stated_at`), the same that reads a figure given to ``check``; the words
before the number say whether a count of people is a claim ("enough to kill 2 million victims"). Money,
percentages, firearms, arrests, investigations and other nouns are told apart here; they never enter dose
arithmetic. Every word comes from :mod:`doseconv.reading.lexicon`.
"""

from __future__ import annotations

import re
from functools import cache

from ..errors import DoseconvError
from ..reading.lexicon import claim_after, claim_lead, lexicon
from ..reading.numbers import MONEY_WORDS
from ..reading.patterns import trie_pattern
from ..reading.stated import StatedReading, read_stated_at
from .counted import Found
from .masses import mass_found

__all__ = ["classify"]

_MONEY_TAIL = re.compile(rf"\s*(?P<noun>{MONEY_WORDS}|US\s+dollars)\b", re.IGNORECASE)
_TIME_AFTER = re.compile(r"\s*(?:a\.?m\.?|p\.?m\.?)(?!\w)", re.IGNORECASE)


def _words(*names: str) -> str:
    return trie_pattern(sorted({w.lower() for n in names for w in lexicon().words(*n.split("."))}), r"\s+")


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    """The patterns of words before and after a number, built from the lexicon once."""
    lead = claim_lead()
    saved = {w.split()[-1] for w in lexicon().words("claims", "after_saved")}  # "were saved": "saved"
    return {
        # A claim whose verb follows its count has one of these words after it (the full pattern runs only then).
        "may_follow": re.compile(
            rf"\b(?:{trie_pattern(sorted({*lexicon().words('claims', 'after_modal'), *saved}))})\b", re.IGNORECASE
        ),
        # The words before a number are searched in the 60 characters before it.
        "claim": re.compile(lead + r"\Z", re.IGNORECASE),
        "lethal_for": re.compile(r"(?:" + _words("claims.lethal_for") + r")\s+\Z", re.IGNORECASE),
        "counted": re.compile(
            r"(?:\s+of\s+(?:the|these|those))?(?:\s+(?!(?:"
            + _words("counted.not_nouns")
            + r")\b)[A-Za-z][\w'’-]*){0,2}?\s+(?:"
            rf"(?P<firearms>{_words('counted.firearms')})|(?P<arrests>{_words('counted.arrests')})"
            rf"|(?P<investigations>{_words('counted.investigations')}))(?!\w)",
            re.IGNORECASE,
        ),
        "arrest_before": re.compile(r"\b(?:" + _words("counted.arrest_verbs") + r"|arrest\s+of)\s+\Z", re.IGNORECASE),
        "arrested_after": re.compile(
            rf"\s+(?P<noun>{_words('counted.arrested')})(?:\s+(?:were|have\s+been|had\s+been|was|got)\s+"
            rf"(?P<verb>{_words('counted.arrest_verbs')}))?\b",
            re.IGNORECASE,
        ),
        "noun": re.compile(
            rf"\s+(?P<noun>(?!(?:{_words('counted.not_nouns')})\b)[a-z][\w'’-]*"
            rf"(?:\s+(?!(?:{_words('counted.not_nouns')})\b)[A-Za-z][\w'’-]*)?)"
        ),
    }


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
    patterns = _patterns()
    claim = patterns["claim"].search(before) is not None or _restated(text, match.start())
    lethal_for = claim and patterns["lethal_for"].search(before) is not None
    # "lethal to 1.2 million", "could kill upwards of 9 million.": after the words of a claim, a count with no noun
    # counts people
    bare = claim and not word_only and (lethal_for or patterns["noun"].match(text, end) is None)
    reading = _read(text, match.start(), claim, bare)
    if (
        not claim
        and (reading is None or reading.amount.amount.kind != "doses")
        and patterns["may_follow"].search(text, end, end + 80)
    ):
        after = _read(text, match.start(), True, False)  # "nearly 4,250,000 people could overdose"
        if after is not None and after.amount.words.people and claim_after().match(text, after.end):
            reading, claim = after, True
    if reading is not None and not _TIME_AFTER.match(text, reading.amount.number.end):
        return _from_reading(text, match.start(), reading, before, claim)
    counted = patterns["counted"].match(text, end)
    if counted:
        kind = counted.lastgroup
        assert kind is not None
        return Found(kind, counted.end(), counted[kind].lower())
    arrested = patterns["arrested_after"].match(text, end)
    if arrested and (arrested["verb"] or patterns["arrest_before"].search(before)):
        return Found("arrests", arrested.end(), arrested["noun"].lower())
    if word_only:
        return None
    noun = patterns["noun"].match(text, end)
    if noun is None:
        return None
    return Found("other", noun.end(), noun["noun"])


#: "enough to kill half the population of Florida — or more than 11 million people": the claim said again as a count.
_OR_BEFORE = re.compile(r"(?:,|\s[—–-]|[—–])\s*or\s+\Z")


def _restated(text: str, start: int) -> bool:
    """Whether a count restates the claim just before it in its sentence ("…, or more than 11 million people")."""
    window = text[max(0, start - 160) : start]
    if _OR_BEFORE.search(window) is None:
        return False
    sentence = re.split(r"[.!?]\s", window)[-1]
    return re.search(claim_lead(), sentence, re.IGNORECASE) is not None


def _read(text: str, start: int, people: bool, default_doses: bool) -> StatedReading | None:
    """The figure the reader reads at ``start``, or None when it reads no pills, mass or doses there."""
    try:
        return read_stated_at(
            text, start, people=people, default_unit="doses" if default_doses else None, other_drugs=True,
            ambiguous_tons=True,
        )  # fmt: skip
    except DoseconvError:
        return None


def _from_reading(text: str, start: int, reading: StatedReading, before: str, claim: bool) -> Found:
    amount = reading.amount
    words = amount.words
    kind = amount.amount.kind
    noun = " ".join(words.noun.split()).lower()
    if kind == "mass" and not (words.by_weight or amount.pills):
        return mass_found(text, start, reading, before)
    found = Found(kind, reading.end, noun or kind, amount.drug, reading=reading)
    if kind == "mass":  # "66 pounds of fentanyl pills": pills given by weight
        found.kind = "pills"
        found.unit = noun
        _counterfeit(found, amount)
        found.notes.append("pills given by weight")
        return found
    if kind == "pills":
        _counterfeit(found, amount)
        found.unit = "pills"
        return found
    if not words.unit and not words.people:  # "lethal to 1.2 million": people it could kill
        found.unit = "people"
        found.notes.append("people it could kill, read as doses")
    elif words.people:
        found.notes.append(
            "lives that could be taken, read as doses"
            if noun == "lives"
            else "people who could be killed, read as doses"
        )
    elif noun in ("dose", "dosage") and amount.amount.value <= 1:  # "one dose can be as small as 2 milligrams"
        return Found("other", reading.end, noun, None, ["one dose, the size of a dose, not a total"])
    if found.drug not in (None, "fentanyl"):
        return Found("other", reading.end, f"doses of {found.drug}", found.drug)
    found.drug = "fentanyl"
    return found


def _counterfeit(found: Found, amount: object) -> None:
    """Counterfeit pills ("counterfeit oxycodone pills", "fake M30s", "blues") are fentanyl pills, said in a note."""
    from ..reading.quantity import AmountReading

    assert isinstance(amount, AmountReading)
    groups = {d.group for _, d in amount.words.drugs}
    if amount.refusal is not None or not groups & {"marker", "street", "imitated"} or "fentanyl" in groups:
        return
    imitated = next((d.name for _, d in amount.words.drugs if d.group == "imitated"), None)
    found.drug = "fentanyl"
    found.notes.append("counterfeit pills are fentanyl pills" + (f" (sold as {imitated})" if imitated else ""))

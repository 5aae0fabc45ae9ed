"""Find the figures of a story: pills, drug masses, dose claims, and the counts beside them.

One precompiled pattern finds every number with its qualifier, currency sign and range
(the number grammar is :data:`doseconv.numbers.NUMBER_PATTERN`); short anchored patterns then
read the words after it (and, for "enough to kill", "arrested", a few words before it) to
decide what it counts. Only pills and fentanyl masses ever enter dose arithmetic.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache

from ..errors import AmbiguousUnitError, InputError, UnitError
from ..numbers import NUMBER_PATTERN, SCALE_WORDS, split_number
from ..registry import resolve_unit
from ..stated import QUALIFIER_PHRASES
from .figure import KINDS, Figure
from .patterns import case_variants, trie_pattern
from .reading import Reading, read_figure
from .scope import ScopeResolver
from .text import Document

__all__ = ["KINDS", "Figure", "extract_figures"]  # KINDS and Figure live in .figure


def _starting_words() -> list[str]:
    """Words a figure can start with: number words (read off NUMBER_PATTERN) and qualifiers' first words."""
    listed = re.search(r"\\b\(\?:([a-z|]+)\)\\b", NUMBER_PATTERN)
    number_words = listed[1].split("|") if listed else []
    return [*number_words, *(p.split()[0] for p in QUALIFIER_PHRASES), "between"]


_QUALIFIERS = "|".join(re.escape(p) for p in QUALIFIER_PHRASES if p != "between")
# A figure starts with a digit, a currency sign, a point, or one of the starting words. If
# NUMBER_PATTERN ever lists its words differently, no filter is used (slower, same result).
_STARTS = (
    rf"(?=[\d$€£.]|{trie_pattern(case_variants(_starting_words()))}(?![A-Za-z]))"
    if re.search(r"\\b\(\?:([a-z|]+)\)\\b", NUMBER_PATTERN)
    else ""
)
_SCALES = "|".join(SCALE_WORDS)
_NUMBER_START = rf"(?!an?\b(?![\s-]+(?:hundred|dozen|{_SCALES}|kilo\w*|pound|ounce|gram|ton\w*)\b))"
_FIGURE = re.compile(
    r"(?<![\w.,:/$€£#@+-])" + _STARTS + rf"(?:(?P<between>between)\s+|(?P<qual>{_QUALIFIERS})\s+)?"
    r"(?P<cur>[$€£]\s?)?"
    rf"{_NUMBER_START}(?P<num>{NUMBER_PATTERN})"
    rf"(?:\s*(?P<sep>[-–—]|to\b|(?(between)and\b|(?!)))\s*(?:[$€£]\s?)?{_NUMBER_START}(?P<num2>{NUMBER_PATTERN}))?"
    r"(?P<pct>\s?(?:%|percent\b|per\s?cent\b))?"
    r"(?![\w@]|[-–]\w|[.,]\d|:\d|/\d)",
    re.IGNORECASE,
)

# Words that may stand between a number and what it counts ("193 million potentially fatal
# fentanyl doses"); function words end the gap.
_GAP_WORD = (
    r"(?!(?:and|or|but|the|a|an|of|in|into|to|from|with|that|which|for|were|was|is|are|be|been|by|at|on|"
    r"as|per|each|worth|valued|seized|including|plus|than|while|after|before|during)\b)[A-Za-z][\w'’-]*"
)
_GAP = rf"(?:\s+{_GAP_WORD})"
_OF_THE = r"(?:\s+of\s+(?:the|these|those))?"
_MASS_UNIT = (
    r"(?:kilograms?|kilos?|kgs?|grams?|g|milligrams?|mg|micrograms?|mcg|pounds?|lbs?|ounces?|oz"
    r"|(?:metric|short|long|US|U\.S\.)\s+tons?|metric\s+tonnes?|tonnes?|tons?)"
)
_DRUG_WORDS = (
    r"fentanyl|carfentanil|methamphetamine|crystal\s+meth|meth|cocaine|crack|heroin|marijuana|cannabis|"
    r"xylazine|MDMA|ecstasy|oxycodone|opioids?|powder"
)
_DRUG_NAMES = {
    "fentanyl": "fentanyl", "carfentanil": "carfentanil", "methamphetamine": "methamphetamine",
    "meth": "methamphetamine", "crystal meth": "methamphetamine", "cocaine": "cocaine", "crack": "cocaine",
    "heroin": "heroin", "marijuana": "marijuana", "cannabis": "marijuana", "xylazine": "xylazine",
    "mdma": "MDMA", "ecstasy": "MDMA", "oxycodone": "oxycodone", "opioid": "opioids", "opioids": "opioids",
}  # fmt: skip
_PILL_NOUN = r"(?:pills?|tablets?|capsules?)\b(?!\s+(?:press|presses|machines?|molds?|dies)\b)"

_MASS_TAIL = re.compile(rf"\s*(?P<unit>{_MASS_UNIT})\b\.?", re.IGNORECASE)
_AFTER_MASS_PILLS = re.compile(
    rf"(?:\s*\([^()\n]{{1,40}}\))?\)?(?:\s+of)?(?P<gap>{_GAP}{{0,3}}?)\s+(?P<noun>{_PILL_NOUN})", re.IGNORECASE
)
_AFTER_MASS_DRUG = re.compile(
    rf"(?:\s*\([^()\n]{{1,40}}\))?\)?(?:\s+of)?(?:{_GAP}{{0,3}}?)\s+(?P<drug>{_DRUG_WORDS})\b(?![-‐]laced)",
    re.IGNORECASE,
)
_DRUG_BEFORE = re.compile(
    rf"\b(?P<drug>{_DRUG_WORDS})(?:\s+powder)?\s+(?:weighing|totaling|totalling|amounting\s+to|of)\s*\Z",
    re.IGNORECASE,
)
_ANY_DRUG = re.compile(rf"\b(?:{_DRUG_WORDS})\b", re.IGNORECASE)
# What a number counts, read from the noun after it (a few describing words may stand between).
_COUNTED_TAIL = re.compile(
    rf"{_OF_THE}(?P<gap>{_GAP}{{0,4}}?)\s+(?:"
    rf"(?P<pills>{_PILL_NOUN})"
    r"|(?P<doses>doses?)\b(?!\s+of\s+(?:naloxone|narcan|vaccines?)\b)"
    r"|(?P<firearms>firearms?|guns?|weapons?|rifles?|handguns?|pistols?|shotguns?)\b"
    r"|(?P<arrests>arrests?)\b"
    r"|(?P<investigations>investigations?|cases?|probes?)\b)",
    re.IGNORECASE,
)
_KILL_BEFORE = re.compile(
    r"\b(?:enough|potential|capable|could|can|would|able|sufficient)\b[^.!?\n]{0,40}?\bkill(?:ing)?\s+\Z",
    re.IGNORECASE,
)
_PEOPLE_TAIL = re.compile(
    rf"(?P<gap>{_GAP}{{0,2}}?)\s+(?P<noun>people|persons|Americans|individuals|adults|residents|users)\b",
    re.IGNORECASE,
)
_ARREST_BEFORE = re.compile(r"\b(?:arrested|arrest\s+of|apprehended|detained)\s+\Z", re.IGNORECASE)
_ARRESTED_AFTER = re.compile(
    r"\s+(?P<noun>people|persons|suspects|individuals|subjects|defendants|men|women|members)"
    r"(?:\s+(?:were|have\s+been|had\s+been|was|got)\s+(?P<verb>arrested|apprehended|detained))?\b",
    re.IGNORECASE,
)
_MONEY_TAIL = re.compile(r"\s*(?P<noun>dollars|USD|US\s+dollars)\b", re.IGNORECASE)
_NOUN_TAIL = re.compile(rf"(?P<noun>\s+(?=[a-z]){_GAP_WORD}{_GAP}?)")
_MONTH_AFTER = re.compile(r"\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\b")
_MONTH_BEFORE = re.compile(
    r"\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|"
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+(?:\d{1,2},\s+)?\Z"
)
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_TIME_AFTER = re.compile(r"\s*(?:a\.?m\.?|p\.?m\.?)\b", re.IGNORECASE)
_IN_PARENTHESES = re.compile(r"\(\s*(?:about|approximately|roughly|some|nearly|more than|over)?\s*[\d.,]+\s*\Z", re.I)
_OF_FENTANYL = re.compile(r"\s+of\s+fentanyl\b", re.IGNORECASE)
_POWDER = re.compile(r"\s+(?:powder|base)\b", re.IGNORECASE)
_MG_UNITS = {"milligram", "microgram"}


@lru_cache(maxsize=4096)
def _values(num: str, num2: str | None) -> tuple[Decimal, Decimal | None]:
    """The exact number (and a range's second one); the scale word of a range's second figure applies to the first.

    Decimals keep the precision each number was written to (see :func:`doseconv.numbers.step_of`).
    A number written the same way again (lists, wire copy) is read once.
    """
    first, _ = split_number(num)
    if num2 is None:
        return first, None
    second, _ = split_number(num2)
    scale = re.search(rf"\b({_SCALES})\b", num2, re.IGNORECASE)
    if scale and not re.search(rf"\b({_SCALES})\b", num, re.IGNORECASE):
        first = first.scaleb(SCALE_WORDS[scale[1].lower()])
    return first, second


def _has_digits_or_scale(num: str) -> bool:
    return any(c.isdigit() for c in num) or re.search(rf"\b(?:{_SCALES}|dozen)\b", num, re.IGNORECASE) is not None


def _drug_name(word: str) -> str | None:
    return _DRUG_NAMES.get(" ".join(word.lower().split()))


class _SentenceDrugs:
    """The drugs each sentence names, read once per sentence (not once per figure in it)."""

    def __init__(self, document: Document) -> None:
        self._document = document
        self._drugs: dict[int, frozenset[str]] = {}

    def __call__(self, sentence: int) -> frozenset[str]:
        if sentence not in self._drugs:
            start, end = self._document.sentences[sentence]
            found = (_drug_name(m[0]) for m in _ANY_DRUG.finditer(self._document.text, start, end))
            self._drugs[sentence] = frozenset(n for n in found if n)
        return self._drugs[sentence]


@dataclass
class _Found:
    kind: str
    end: int
    unit: str | None
    drug: str | None = None
    notes: list[str] = field(default_factory=list)
    stated_unit: str | None = None
    ambiguous: bool = False
    is_mass: bool = False
    excluded: str | None = None


def _classify(text: str, match: re.Match[str], before: str, word_only: bool) -> _Found | None:
    """Decide what the number at ``match`` counts from the words after (and just before) it."""
    end = match.end()
    if match["pct"]:
        return _Found("percent", end, "percent")
    if match["cur"]:
        return _Found("money", end, match["cur"].strip())
    money = _MONEY_TAIL.match(text, end)
    if money:
        return _Found("money", money.end(), money["noun"])
    mass = _MASS_TAIL.match(text, end)
    if mass and not _TIME_AFTER.match(text, end):
        return _mass(text, mass, before)
    counted = _COUNTED_TAIL.match(text, end)
    if counted:
        kind = counted.lastgroup
        assert kind is not None
        drug = _drug_in(counted["gap"])
        if kind == "doses":
            if drug not in (None, "fentanyl"):
                return _Found("other", counted.end(), f"doses of {drug}", drug)
            return _Found("doses", counted.end(), "doses", "fentanyl", stated_unit="doses")
        if kind == "pills":
            return _Found("pills", counted.end(), "pills", drug, stated_unit="pills")
        return _Found(kind, counted.end(), counted[kind].lower())
    if _KILL_BEFORE.search(before):
        people = _PEOPLE_TAIL.match(text, end)
        if people:
            return _Found("doses", people.end(), people["noun"].lower(), "fentanyl",
                          ["people who could be killed, read as doses"], stated_unit="doses")  # fmt: skip
    arrested = _ARRESTED_AFTER.match(text, end)
    if arrested and (arrested["verb"] or _ARREST_BEFORE.search(before)):
        return _Found("arrests", arrested.end(), arrested["noun"].lower())
    if word_only:
        return None
    noun = _NOUN_TAIL.match(text, end)
    if noun is None:
        return None
    return _Found("other", noun.end(), " ".join(noun["noun"].split()))


def _drug_in(words: str) -> str | None:
    names = [n for n in (_drug_name(m[0]) for m in _ANY_DRUG.finditer(words)) if n]
    if "fentanyl" in names:
        return "fentanyl"
    return names[0] if names else None


def _mass(text: str, mass: re.Match[str], before: str) -> _Found:
    unit_text = mass["unit"]
    found = _Found("other", mass.end(), " ".join(unit_text.split()), is_mass=True)
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
        found.drug = _drug_in(pills["gap"])
        found.notes.append("pills given by weight")
        return found
    drug_match = _AFTER_MASS_DRUG.match(text, mass.end())
    word = drug_match["drug"] if drug_match else None
    if drug_match:
        found.end = drug_match.end()
        if drug_match["drug"].lower() == "powder":
            found.end = _powder_end(text, found.end)
        else:
            powder = _POWDER.match(text, found.end)
            found.end = powder.end() if powder else found.end
    else:
        earlier = _DRUG_BEFORE.search(before)
        word = earlier["drug"] if earlier else None
    found.drug = _drug_name(word) if word else None
    if found.excluded and found.excluded.startswith("in parentheses"):
        found.end = mass.end()
    return found


def _powder_end(text: str, end: int) -> int:
    extra = _OF_FENTANYL.match(text, end)
    return extra.end() if extra else end


def _infer_drug(found: _Found, drugs: frozenset[str]) -> None:
    """Pills or a mass with no drug beside them take the sentence's only drug (``drugs``), if it names one."""
    if found.drug is not None:
        return
    if len(drugs) == 1:
        (found.drug,) = drugs
        found.notes.append("drug not named beside the figure; the only drug in the sentence")


def _mass_kind(found: _Found, drugs: frozenset[str]) -> None:
    if found.kind == "pills":
        return
    _infer_drug(found, drugs)
    if found.drug is None:
        found.notes.append("no drug named; not counted")
    elif found.drug == "fentanyl":
        found.kind = "fentanyl-mass"
    else:
        found.kind = "other-drug-mass"


def _skip_other(text: str, match: re.Match[str], before: str) -> bool:
    """Dates, years and times are not figures."""
    num = match["num"]
    if _MONTH_BEFORE.search(before) or _MONTH_AFTER.match(text, match.end()):
        return True
    return match["num2"] is None and _YEAR.fullmatch(num) is not None


def extract_figures(document: Document, resolver: ScopeResolver | None = None) -> list[Figure]:
    """Every figure of a document, in text order, with its kind, values, sentence and scope.

    >>> from .text import read_document
    >>> figures = extract_figures(read_document("Agents seized nearly 44 million fentanyl pills and 405 firearms."))
    >>> [(f.kind, f.qualifier, f.value, f.unit, f.text) for f in figures]
    [('pills', 'nearly', Fraction(44000000, 1), 'pills', 'nearly 44 million fentanyl pills'), ('firearms', None, Fraction(405, 1), 'firearms', '405 firearms')]
    >>> figures[0].stated_text, (figures[0].start, figures[0].end)
    ('nearly 44 million pills', (14, 46))
    >>> figures[0].stated.interval()
    Interval(low=Fraction(43000000, 1), high=Fraction(44000000, 1), low_open=False, high_open=True)
    """
    text = document.text
    resolver = resolver or ScopeResolver(document)
    figures: list[Figure] = []
    sentences: dict[int, str] = {}
    sentence_drugs = _SentenceDrugs(document)
    ambiguous_starts = [a.start for a in document.ambiguous]
    for match in _FIGURE.finditer(text):
        start = match.start()
        before = text[max(0, start - 60) : start]
        num, num2 = match["num"], match["num2"]
        word_only = not _has_digits_or_scale(num)
        found = _classify(text, match, before, word_only)
        if found is None or (found.kind == "other" and _skip_other(text, match, before)):
            continue
        try:
            numbers = _values(num, num2)
        except (InputError, ValueError):  # a number past the bounds of exact reading is no figure
            continue
        sentence = document.sentence_at(start)
        if found.kind == "pills":
            _infer_drug(found, sentence_drugs(sentence))
        elif found.is_mass:
            _mass_kind(found, sentence_drugs(sentence))
        qualifier = (match["between"] or match["qual"] or "").lower() or None
        if sentence not in sentences:
            sentences[sentence] = _clip(document.sentence_text(sentence)) if document.sentences else ""
        figure = _figure(document, resolver, len(figures) + 1, match, found, numbers, qualifier, sentence,
                         sentences[sentence])  # fmt: skip
        figures.append(_refuse_ambiguous(figure, document, ambiguous_starts))
    return figures


def _refuse_ambiguous(figure: Figure, document: Document, starts: list[int]) -> Figure:
    """A figure touching digits that could be one number or two is not read: it says so instead of guessing."""
    if not starts:
        return figure
    index = bisect_right(starts, figure.scan_end - 1) - 1
    if index < 0 or document.ambiguous[index].end <= figure.scan_start:
        return figure
    message = document.ambiguous[index].message
    return replace(
        figure, stated=None, unreadable=message, excluded=message, notes=(*figure.notes, f"not read: {message}")
    )


def _figure(document, resolver, index, match, found, numbers, qualifier, sentence, sentence_text) -> Figure:
    start, end = match.start(), found.end
    first, second = numbers
    original_start, original_end = document.original_span(start, end)
    number = " ".join(match["num"].split())
    second_text = " ".join(match["num2"].split()) if match["num2"] else None
    if second_text is not None:
        number = f"{number} {match['sep']} {second_text}"
        if match["sep"] in "-–—":
            number = number.replace(f" {match['sep']} ", "-")
    reading = Reading()
    if found.stated_unit and found.kind in ("pills", "fentanyl-mass", "other-drug-mass", "doses"):
        phrase = _stated_qualifier(qualifier, match)
        reading = _reading(phrase, number, (first, second), second_text, found.stated_unit, found.ambiguous)
    return Figure(
        index=index,
        kind=found.kind,
        text=" ".join(document.text[start:end].split()),
        start=original_start,
        end=original_end,
        scan_start=start,
        scan_end=end,
        number_text=number,
        value=Fraction(first) if second is None else None,
        low=Fraction(first) if second is not None else None,
        high=Fraction(second) if second is not None else None,
        unit=found.unit,
        qualifier=qualifier,
        drug=found.drug,
        sentence=sentence_text,
        sentence_index=sentence,
        paragraph_index=document.sentence_paragraph[sentence] if document.sentences else 0,
        scope=resolver.scope_at(start),
        stated_text=reading.text,
        stated=reading.stated,
        unreadable=reading.unreadable,
        alternative=reading.alternative,
        ambiguous=found.ambiguous,
        notes=tuple(found.notes),
        excluded=found.excluded,
    )


#: The longest sentence a figure carries (longer ones, not prose, are cut with an ellipsis).
SENTENCE_SHOWN = 600


def _clip(sentence: str) -> str:
    return sentence if len(sentence) <= SENTENCE_SHOWN else sentence[: SENTENCE_SHOWN - 1] + "…"


#: A figure written the same way again is read for the checker once (a Reading is frozen).
_reading = lru_cache(maxsize=4096)(read_figure)


def _stated_qualifier(qualifier: str | None, match: re.Match[str]) -> str | None:
    if match["num2"] is not None:
        return "between" if match["between"] else None
    return qualifier

"""The words after a figure's number: the unit or noun they name, the drug words among them, and where they end.

One small grammar, read at a position of normalised text (:func:`read_words_at`), with every word from
:mod:`doseconv.reading.lexicon` and :mod:`doseconv.reading.drugs`:

- a unit or noun right after the number, glued, hyphened, spaced or on the next line ("4,500kg",
  "1.5-kilogram", "6 pounds", "44 million pills", "8 million dosage units"; after a verb of killing, people:
  "2 million victims");
- or describing and drug words first, then the noun ("193 million potentially fatal fentanyl doses",
  "5,000 fake M30s", "300 fentanyl-laced Percocet", "2 million of those pills");
- after a mass unit: "and a half", a conversion in parentheses, a package ("brick of"), then "of" and the
  drug ("of suspected fentanyl powder"), pills weighed ("of fentanyl pills") or a reference to the seizure
  ("of the drug");
- after a count: "of" and its drug ("doses of fentanyl").

The reading stops where the grammar does: what follows is no part of the figure. A one-letter unit ("g",
"t") is read only in lower case, so "5G" is no mass.

>>> w = read_words_at("6,500 pounds of fentanyl powder seized", 5); (w.unit, w.kind, w.noun, w.end)
('pound', 'mass', 'pounds', 31)
>>> w = read_words_at("2 million victims, police said", 9, people=True); (w.kind, w.people, w.noun)
('doses', True, 'victims')
>>> read_words_at("64 pounds of the drug", 2).reference
'the drug'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from fractions import Fraction
from functools import cache

from .drugs import Drug, vocabulary
from .lexicon import AMBIGUOUS_TONS, lexicon, unit_spellings
from .patterns import PART_GAP, phrase_key, trie_pattern

__all__ = ["FigureWords", "read_words_at"]

#: The most describing words read between a number and its noun, or after "of".
MAX_DESCRIBING = 6


@dataclass(frozen=True)
class FigureWords:
    """What the words after a figure's number say.

    ``unit`` and ``kind`` are the registry's unit name and kind (None when the words name no unit);
    ``noun`` is the unit or noun as written; ``end`` is where the figure's words end (the number's end when
    they name nothing). ``drugs`` are the drug words read (as written, with what each names);
    ``by_weight`` marks pills given by their weight, ``reference`` a mass named by reference ("of the
    drug"), ``powder`` a mass "of powder" naming no drug, ``people`` a count of people read as doses,
    ``ambiguous`` a bare "tons" (read as short tons), ``part`` the "and a half" after a unit.
    """

    end: int
    unit: str | None = None
    kind: str | None = None
    noun: str = ""
    part: Fraction | None = None
    drugs: tuple[tuple[str, Drug], ...] = ()
    by_weight: bool = False
    reference: str | None = None
    powder: bool = False
    people: bool = False
    ambiguous: bool = False
    packaged: bool = False
    pills_named: bool = False  # the noun is a drug word that names pills by itself ("M30s", "Percocet")


_GLUE = re.compile(r"-|[ \t]*(?:\r?\n)?[ \t]*")
#: Space between the words of a figure: a line break only inside a sentence that goes on in lower case (hard-wrapped
#: text), never into a line that starts anew ("… 100 pounds of fentanyl powder" above a line "Fentanyl …").
_SPACE = re.compile(r"[ \t]*\r?\n[ \t]*(?=[a-z])|[ \t]+")
_COMMA = re.compile(r",\s+")
#: A figure's words in quotation marks: '6 million "deadly doses"', "6 million “lethal doses”".
_OPEN_QUOTE = re.compile(r"[ \t]+([\"“‘])(?=\w)")
_CLOSE_QUOTE = {'"': '"', "“": "”", "‘": "’"}
_PART = re.compile(r"[\s-]+and[\s-]+(?:a|an|one)[\s-]+(half|quarter)(?![\w-])", re.IGNORECASE)
_PAREN = re.compile(r"\s*\([^()\n]{1,40}\)")
_OF = re.compile(r"\.?\s+of(?=\s)", re.IGNORECASE)
_OF_THOSE = re.compile(r"\s+of\s+(?:the|these|those)(?=\s)", re.IGNORECASE)
_POWDER_AFTER = re.compile(r"\s+(?:powder|base)(?![\w-])", re.IGNORECASE)


def _anchored(words: list[str] | tuple[str, ...] | frozenset[str]) -> re.Pattern[str]:
    keys = sorted({phrase_key(w) for w in words})
    return re.compile(r"(?:" + trie_pattern(keys, PART_GAP) + r")(?![\w\-‐])", re.IGNORECASE)


@cache
def _nouns(people: bool) -> re.Pattern[str]:
    """Units and dose and pill nouns (and people nouns when ``people``), matched right after a number."""
    words = [*unit_spellings(), *lexicon().nouns]
    if people:
        words += lexicon().people
    keys = sorted({phrase_key(w) for w in words})
    return re.compile(r"(?:" + trie_pattern(keys, PART_GAP) + r")(?!\w)", re.IGNORECASE)


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    lex = lexicon()
    return {
        "describing": _anchored(lex.words("describing", "words")),
        "container": re.compile(
            r"(?:\s+|-)(?P<word>" + trie_pattern(sorted(lex.words("describing", "containers"))) + r")(?!\w)"
            r"(?:\s+of(?=\s))?",
            re.IGNORECASE,
        ),
        "reference": re.compile(
            _anchored(lex.words("references", "words")).pattern
            + r"|(?:the|this|that)[\s-]+(?:(?:"
            + trie_pattern(sorted(lex.words("references", "adjectives")))
            + r")[\s-]+){0,3}"
            + _anchored(lex.words("references", "nouns")).pattern,
            re.IGNORECASE,
        ),
        "pill": _anchored(lex.words("pills", "nouns")),
        "misspelt": _anchored(lex.words("doses", "misspelt")),
        "not_pills": re.compile(r"[\s-]+" + _anchored(lex.words("pills", "not_before")).pattern, re.IGNORECASE),
        "not_doses": re.compile(
            r"\s+of\s+" + _anchored(lex.words("counted", "not_fentanyl_doses")).pattern, re.IGNORECASE
        ),
    }


def _drug_at(text: str, position: int) -> re.Match[str] | None:
    return vocabulary().pattern.match(text, position)


def _unit(text: str, position: int, people: bool) -> re.Match[str] | None:
    match = _nouns(people).match(text, position)
    if match is not None and len(match[0]) == 1 and match[0].isupper():
        return None  # "5G", "T": a one-letter unit only in lower case
    return match


def _describing(text: str, position: int, glued: bool = False) -> tuple[list[tuple[str, Drug]], int, str, int]:
    """Describing and drug words from ``position`` on: the drug words read, where the words end, the last word
    read ("" when none) and where the last drug word ends (0 when none). ``glued``: the first word starts at
    ``position`` (after an opening quotation mark), with no space before it."""
    found: list[tuple[str, Drug]] = []
    patterns = _patterns()
    vocab = vocabulary()
    end, last, drug_end = position, "", 0
    for _ in range(MAX_DESCRIBING):
        comma = None if glued else _COMMA.match(text, end)
        space = comma or _SPACE.match(text, end)
        if space is None and not glued:
            break
        at = end if glued or space is None else space.end()
        glued = False
        drug = _drug_at(text, at)
        if drug is not None:
            drugs = vocab.lookup(drug[0])
            if comma is not None and not any(d.group == "marker" for d in drugs):
                break  # a comma goes on only before a word saying the pills are counterfeit
            found += [(drug[0], d) for d in drugs]
            end, last, drug_end = drug.end(), drug[0], drug.end()
            continue
        word = patterns["describing"].match(text, at) if comma is None else None
        if word is None:
            break
        end, last = word.end(), word[0]
    return found, end, last, drug_end


def read_words_at(text: str, position: int, *, people: bool = False) -> FigureWords:
    """The words of a figure from ``position`` (just after its number) on; see the module's description.

    ``people`` reads a count of people ("2 million Americans") as doses, for a claim after a verb of killing.
    """
    quote = _OPEN_QUOTE.match(text, position)
    if quote is not None:
        words = _unquoted(text, quote.end(), people, quoted=True)
        if words.end > quote.end():
            close = _CLOSE_QUOTE[quote[1]]
            return _with(words, end=words.end + 1) if text.startswith(close, words.end) else words
        return FigureWords(position)
    return _unquoted(text, position, people)


def _unquoted(text: str, position: int, people: bool, quoted: bool = False) -> FigureWords:
    start = _GLUE.match(text, position)
    assert start is not None
    noun = _unit(text, start.end(), people)
    if noun is not None:
        return _after_noun(text, position, noun, [], people)
    of_those = None if quoted else _OF_THOSE.match(text, position)
    found, end, last, _ = _describing(text, of_those.end() if of_those else position, glued=quoted)
    if end == position:
        return FigureWords(position)
    space = _SPACE.match(text, end)
    noun = _unit(text, space.end(), people) if space is not None else None
    if noun is not None:
        return _after_noun(text, position, noun, found, people)
    misspelt = _patterns()["misspelt"].match(text, space.end()) if space is not None else None
    if misspelt is not None and phrase_key(last) in lexicon().words("doses", "misspelt_after"):  # "lethal does"
        return _count_tail(
            text, misspelt.end(), FigureWords(misspelt.end(), "lethal_dose", "doses", misspelt[0]), found
        )
    if found and phrase_key(last) == phrase_key(found[-1][0]) and found[-1][1].group in ("street", "imitated"):
        return FigureWords(end, "pill", "pills", last, drugs=tuple(found), pills_named=True)
    return FigureWords(position)


def _after_noun(
    text: str, position: int, noun: re.Match[str], found: list[tuple[str, Drug]], people: bool
) -> FigureWords:
    key = phrase_key(noun[0])
    spelled = unit_spellings().get(key) or lexicon().nouns.get(key)
    if spelled is None:  # a people noun
        return _count_tail(
            text, noun.end(), FigureWords(noun.end(), "lethal_dose", "doses", noun[0], people=True), found
        )
    unit, kind = spelled
    patterns = _patterns()
    if kind == "pills" and patterns["not_pills"].match(text, noun.end()):
        return FigureWords(position)  # "2,200 pill presses" count machines
    if kind == "doses" and patterns["not_doses"].match(text, noun.end()):
        return FigureWords(position)  # "doses of naloxone"
    words = FigureWords(noun.end(), unit, kind, noun[0], ambiguous=key in AMBIGUOUS_TONS)
    if kind != "mass":
        return _count_tail(text, noun.end(), words, found)
    return _mass_tail(text, words, found)


def _count_tail(text: str, end: int, words: FigureWords, found: list[tuple[str, Drug]]) -> FigureWords:
    """ "doses of fentanyl": a count's drug after it."""
    of = _OF.match(text, end)
    if of is not None:
        more, _, _, drug_end = _describing(text, of.end())
        if drug_end:
            return _with(words, end=drug_end, drugs=(*found, *more))
    return _with(words, drugs=tuple(found))


def _mass_tail(text: str, words: FigureWords, found: list[tuple[str, Drug]]) -> FigureWords:
    """After a mass unit: "and a half", a conversion in parentheses, a package, "of" and what the mass is."""
    end = words.end
    part = _PART.match(text, end)
    if part is not None:
        words = _with(words, end=part.end(), part=Fraction(1, 2 if part[1].lower() == "half" else 4))
        end = part.end()
    container = _patterns()["container"]
    paren = _PAREN.match(text, end)
    for at in ([paren.end()] if paren is not None else []) + [end]:
        package = container.match(text, at)
        tail = _what_mass(text, package.end() if package is not None else at)
        if tail is not None:
            stop, more, reference, by_weight, powder = tail
            return _with(
                words, end=stop, drugs=(*found, *more), reference=reference, by_weight=by_weight, powder=powder,
                packaged=package is not None,
            )  # fmt: skip
        if package is not None and at == end:  # "2 kilos bundle", "a 1.5-kilogram brick": the package's weight
            return _with(words, end=package.end("word"), drugs=tuple(found), packaged=True)
    return _with(words, end=end, drugs=tuple(found))


def _what_mass(text: str, at: int) -> tuple[int, list[tuple[str, Drug]], str | None, bool, bool] | None:
    """What a mass is, read after its unit: (end, drug words, reference, pills by weight, "of powder"), or None."""
    patterns = _patterns()
    of = _OF.match(text, at)
    after_of = of.end() if of is not None else at
    if of is not None:
        space = _SPACE.match(text, after_of)
        reference = patterns["reference"].match(text, space.end()) if space is not None else None
        if reference is not None:
            named, _, _, drug_end = _describing(text, reference.end())
            if drug_end:  # "of the deadly opioid fentanyl": the class word in apposition, the drug named after it
                powder = _POWDER_AFTER.match(text, drug_end)
                return (powder.end() if powder else drug_end), named, None, False, False
            return reference.end(), [], " ".join(reference[0].lower().split()), False, False
    found, end, last, drug_end = _describing(text, after_of)
    space = _SPACE.match(text, end)
    pill = patterns["pill"].match(text, space.end()) if space is not None and (found or of) else None
    if pill is not None and not patterns["not_pills"].match(text, pill.end()):
        return pill.end(), found, None, True, False
    if drug_end:
        powder = _POWDER_AFTER.match(text, drug_end)
        pills = any(d.group in ("street", "imitated") for _, d in found)
        return (powder.end() if powder else drug_end), found, None, pills, False
    if end > after_of and phrase_key(last) in ("powder", "powdered"):
        return end, found, None, False, True
    return None


def _with(words: FigureWords, **changes: object) -> FigureWords:
    return replace(words, **changes)  # type: ignore[arg-type]

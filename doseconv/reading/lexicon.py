"""Every word set the figure readers use, defined once and loaded from data, with its patterns compiled once.

The words live with their data: number words in :mod:`doseconv.reading.numwords` (the grammar), rounding
words in ``data/qualifiers.toml``, unit spellings in ``data/units.txt`` (the registry's own file, read here
without building the registry), drug words in ``data/drugs.toml`` and the rest in ``data/lexicon.toml``:
dose, pill and people nouns, describing words, containers, references to a seizure, the verbs of a claim
and month names. `check`, `scan`, tables and the web page all read figures through
:mod:`doseconv.reading.reader`, which reads these sets, so a word added to the data is learnt by all of them.

Each set is loaded on first use: reading "6500 lb" needs only the unit spellings (no TOML is parsed), a
figure with more words loads ``lexicon.toml`` and, when a drug may be named, the drug words.

>>> unit_of("Lbs"), unit_of("gm"), unit_of("dosage units")
(('pound', 'mass'), ('gram', 'mass'), ('lethal_dose', 'doses'))
>>> lexicon().is_people("Delawareans"), lexicon().is_people("pills")
(True, False)
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from .patterns import PART_GAP, phrase_key, words_pattern

__all__ = [
    "AMBIGUOUS_TONS",
    "Lexicon",
    "claim_after",
    "claim_lead",
    "lexicon",
    "month_number",
    "pattern",
    "unit_of",
    "unit_spellings",
]

#: Spellings of "ton" that say neither short nor metric (the registry refuses them, docs/units.md).
AMBIGUOUS_TONS = frozenset({"ton", "tons", "t"})
_KIND_OF_BASE = {"[mass]": "mass", "[pill]": "pills", "[lethal_dose]": "doses"}
_NAME = re.compile(r"[A-Za-z_]+")


@cache
def _units_file() -> dict[str, tuple[str, str]]:
    """Unit name and kind of every spelling ``data/units.txt`` defines (names, symbols, aliases and plurals)."""
    text = resources.files("doseconv").joinpath("data", "units.txt").read_text("utf-8")
    kinds: dict[str, str] = {}
    out: dict[str, tuple[str, str]] = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if "=" not in line:
            continue
        name, value, *others = (field.strip() for field in line.split("="))
        base = _KIND_OF_BASE.get(value)
        kind = base or next((kinds[w] for w in _NAME.findall(value) if w in kinds), None)
        if kind is None:  # pragma: no cover - every definition is of a known dimension
            raise ValueError(f"units.txt: cannot tell the kind of {name!r}")
        kinds[name] = kind
        for spelling in (name, *others):
            key = phrase_key(spelling.replace("_", " "))
            out.setdefault(key, (name, kind))
            if len(key) > 1 and not key.endswith("s"):  # plurals, as the registry reads them ("kilos", "gms")
                out.setdefault(key + "s", (name, kind))
    return out


@cache
def unit_spellings() -> dict[str, tuple[str, str]]:
    """Every unit spelling the readers know (lower case, parts joined by one space) and its unit name and kind.

    From ``data/units.txt`` and the registry's phrases ("metric tons", "kilos"); the ambiguous "ton" spellings
    map to the short ton, for a reader that flags them (:data:`AMBIGUOUS_TONS`).
    """
    from ..registry import PHRASES

    out = dict(_units_file())
    for phrase, name in PHRASES.items():
        kind = next(k for n, k in out.values() if n == name)
        out.setdefault(phrase_key(phrase), (name, kind))
        if " " in phrase and not phrase.endswith("s"):
            out.setdefault(phrase_key(phrase) + "s", (name, kind))
    for word in AMBIGUOUS_TONS:
        out[word] = ("short_ton", "mass")
    out["u.s. ton"] = out["u.s. tons"] = out["us ton"]
    return out


def unit_of(words: str) -> tuple[str, str] | None:
    """The unit name and kind ``words`` spell (a unit or a dose or pill noun), or None.

    Dose and pill nouns that are not units of the registry ("dosages", "dosage units", "capsules") come
    from ``data/lexicon.toml``, read only for words that are no unit spelling.
    """
    key = phrase_key(words)
    found = unit_spellings().get(key)
    if found is not None:
        return found
    return lexicon().nouns.get(key)


def month_number(word: str) -> int | None:
    """The month a name or abbreviation names ("Sept." is 9), or None.

    >>> month_number("Sept."), month_number("jul"), month_number("Mayor")
    (9, 7, None)
    """
    return lexicon().months.get(word.rstrip(".").lower())


@dataclass(frozen=True)
class Lexicon:
    """The word sets of ``data/lexicon.toml``, each a tuple of words as written there."""

    data: dict[str, dict[str, list[str]]]
    #: Dose and pill nouns that are no spelling of the registry, with the unit and kind they count.
    nouns: dict[str, tuple[str, str]]
    people: frozenset[str]
    months: dict[str, int]

    def words(self, section: str, name: str) -> tuple[str, ...]:
        """One list of the data: ``words("claims", "kill")``."""
        return tuple(self.data[section][name])

    def is_people(self, word: str) -> bool:
        """Whether ``word`` names people a claim could count ("people", "victims", "Texans")."""
        return phrase_key(word) in self.people


@cache
def lexicon() -> Lexicon:
    """The word sets of ``data/lexicon.toml``, loaded once."""
    data = tomllib.loads(resources.files("doseconv").joinpath("data", "lexicon.toml").read_text("utf-8"))
    del data["schema"]
    units = unit_spellings()
    nouns: dict[str, tuple[str, str]] = {}
    for section, unit in (("doses", ("lethal_dose", "doses")), ("pills", ("pill", "pills"))):
        for word in data[section]["nouns"]:
            if phrase_key(word) not in units:
                nouns[phrase_key(word)] = unit
    people = {phrase_key(w) for w in data["people"]["nouns"]}
    people |= {phrase_key(w) + "s" for w in data["people"]["demonyms"]}
    months = {}
    for number, name in enumerate(data["months"]["names"], 1):
        months[name.lower()] = number
    for short in data["months"]["short"]:
        months[short.lower()] = next(n for full, n in months.items() if full.startswith(short.lower()[:3]))
    return Lexicon(data, nouns, frozenset(people), months)


@cache
def claim_lead() -> str:
    r"""The words before a count that make it a claim of doses, as a pattern body (the caller anchors it).

    A lead word then, within 40 characters of its sentence, a verb of killing or saving ("enough fentanyl to kill", "could have
    taken", "had the potential to kill", "could potentially save"); a verb of saving alone ("saved"); or words
    of whom a drug is lethal to ("lethal to", "a fatal dose for"). Then a stressing word, a group, a measure and
    a possessive may stand before the count ("a staggering", "a town of", "a jaw-dropping amount of", "all of
    the country's"). A verb of killing alone ("fentanyl killed 70,000
    Americans") tells of deaths, not of doses, and is no lead.

    >>> lead = re.compile(claim_lead() + r"\Z", re.IGNORECASE)
    >>> [bool(lead.search(t)) for t in ("had the potential to kill a staggering ", "saved ", "killed ")]
    [True, True, False]
    """
    lex = lexicon()

    def alternatives(*names: str) -> str:
        words = [w for name in names for w in lex.words(*name.split("."))]
        return "|".join(
            PART_GAP.join(re.escape(part) for part in phrase_key(w).split(" ")) for w in sorted(words, key=len)[::-1]
        )

    verbs = alternatives("claims.kill", "claims.lives", "claims.save")
    leads = alternatives("claims.leads")
    fillers = alternatives("describing.intensifiers", "claims.groups")
    measures = alternatives("claims.measures")
    return (
        rf"\b(?:(?:{leads})\b[^.!?\n]{{0,40}}?\b(?:{verbs})|(?:{alternatives('claims.save')})|(?:(?:potentially|possibly)\s+)?(?:{alternatives('claims.lethal_for')}))"
        rf"\s+(?:(?:{fillers})\s+)?(?:an?\s+(?:[\w'’-]+\s+)?(?:{measures})\s+)?(?:[A-Za-z]+['’]s\s+)?"
    )


@cache
def claim_after() -> re.Pattern[str]:
    """The words after a count of people that make it a claim ("could overdose", "that we say have been saved"),
    matched right after the count's words."""
    lex = lexicon()

    def alternatives(name: str) -> str:
        words = sorted(lex.words("claims", name), key=len, reverse=True)
        return "|".join(PART_GAP.join(re.escape(part) for part in phrase_key(w).split(" ")) for w in words)

    return re.compile(
        rf"\s+(?:(?:that|who|which)\s+)?(?:[\w'’]+\s+){{0,3}}?(?:(?:{alternatives('after_modal')})\s+"
        rf"(?:potentially\s+|possibly\s+|all\s+)?(?:{alternatives('after_dying')})|(?:{alternatives('after_saved')}))\b",
        re.IGNORECASE,
    )


@cache
def pattern(*sets: str) -> re.Pattern[str]:
    """A compiled pattern matching any word of the named sets, whole and in any case; compiled once.

    A set is ``"section.name"`` of ``data/lexicon.toml`` (``"claims.kill"``), ``"people"`` (the people nouns
    and the demonyms' plurals), ``"units"`` (every unit spelling and dose or pill noun) or ``"months"``.

    >>> [m[0] for m in pattern("claims.kill").finditer("could wipe out or kill")]
    ['wipe out', 'kill']
    """
    words: list[str] = []
    for name in sets:
        if name == "people":
            words += sorted(lexicon().people)
        elif name == "units":
            words += [*unit_spellings(), *lexicon().nouns]
        elif name == "months":
            words += list(lexicon().months)
        else:
            section, _, key = name.partition(".")
            words += lexicon().words(section, key)
    return re.compile(words_pattern(words), re.IGNORECASE)

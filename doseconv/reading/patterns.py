"""Regex helpers shared by the readers of text: word lists as tries, case variants, word starts."""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = [
    "PART_GAP",
    "at_word_start",
    "case_variants",
    "first_letter_cases",
    "phrase_key",
    "trie_pattern",
    "words_pattern",
]

#: What may stand between the parts of a word written with several ("dosage units", "fentanyl-laced").
PART_GAP = r"[\s\-‐]+"
_PARTS = re.compile(PART_GAP)


def trie_pattern(words: Iterable[str], space: str | None = None) -> str:
    """A pattern matching exactly ``words``, branching on one letter at a time.

    Python's regex engine tries the branches of an alternation one by one; a trie lets a
    position that starts no word fail after one comparison.

    >>> pattern = re.compile(trie_pattern(["a", "about", "an", "two"]) + "$")
    >>> [bool(pattern.match(w)) for w in ("a", "about", "an", "two", "ab", "t", "")]
    [True, True, True, True, False, False, False]

    ``space``, when given, is the pattern a space inside a word stands for (:data:`PART_GAP` for words
    whose parts may be joined by a space or a hyphen).
    """
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        branches = [
            (space if space is not None and char == " " else re.escape(char)) + build(child)
            for char, child in sorted(node.items())
            if char
        ]
        if not branches:
            return ""
        body = "(?:" + "|".join(branches) + ")"
        return body + "?" if "" in node else body

    return build(tree)


def case_variants(words: Iterable[str]) -> list[str]:
    """Each word in lower case, capitalized, upper case and as given (a case-sensitive trie is ~4x faster).

    >>> case_variants(["fiscal", "FY"])
    ['FISCAL', 'FY', 'Fiscal', 'Fy', 'fiscal', 'fy']
    """
    out: set[str] = set()
    for word in words:
        out |= {word, word.lower(), word[:1].upper() + word[1:].lower(), word.upper()}
    return sorted(out)


def first_letter_cases(*alternatives: str) -> list[str]:
    """Each alternative with its first letter in upper and in lower case, for :func:`at_word_start` (whose
    alternatives start with a letter written as itself; the rest may be any pattern).

    >>> first_letter_cases("police", "state troopers")
    ['Police', 'police', 'State troopers', 'state troopers']
    """
    return [a[0].upper() + a[1:] if upper else a[0].lower() + a[1:] for a in alternatives for upper in (True, False)]


def at_word_start(*alternatives: str) -> str:
    r"""Alternatives that each start a word, written so the regex engine skips ahead to their first letters.

    ``at_word_start("Police", r"State\s+Patrol")`` matches what ``\b(?:Police|State\s+Patrol)``
    does, and is much faster to search a long text with: a pattern starting with ``\b`` is tried
    at every position, one whose alternatives each start with a letter only where one of those
    letters is (a lookbehind after the letter then checks that a word starts there). Each
    alternative must start with a letter written as itself.

    >>> pattern = re.compile(at_word_start("Police", r"State\s+Patrol"))
    >>> [m[0] for m in pattern.finditer("Police, xPolice, State  Patrol, Interstate Patrol")]
    ['Police', 'State  Patrol']
    """
    if not all(a[:1].isalpha() for a in alternatives):
        raise ValueError("each alternative must start with a letter")
    return "|".join(rf"{a[0]}(?<!\w{a[0]}){a[1:]}" for a in alternatives)


def phrase_key(word: str) -> str:
    """A word as a word list keys it: lower case, its parts joined by one space.

    >>> phrase_key("Dosage-Units"), phrase_key("  men,  women and children ")
    ('dosage units', 'men, women and children')
    """
    return " ".join(_PARTS.split(word.strip().lower()))


def words_pattern(words: Iterable[str]) -> str:
    r"""A pattern matching any of ``words`` whole (case is the caller's flag), parts joined by a space or a hyphen.

    >>> pattern = re.compile(words_pattern(["dosage units", "doses"]), re.IGNORECASE)
    >>> [m[0] for m in pattern.finditer("8 million dosage-units, 2 DOSES, dosesx")]
    ['dosage-units', 'DOSES']
    """
    keys = sorted({phrase_key(w) for w in words if w.strip()})
    return r"(?<![\w\-‐])(?:" + trie_pattern(keys, PART_GAP) + r")(?![\w\-‐])"

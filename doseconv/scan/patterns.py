"""Regex helpers shared by the scanners."""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["case_variants", "trie_pattern"]


def trie_pattern(words: Iterable[str]) -> str:
    """A pattern matching exactly ``words``, branching on one letter at a time.

    Python's regex engine tries the branches of an alternation one by one; a trie lets a
    position that starts no word fail after one comparison.

    >>> pattern = re.compile(trie_pattern(["a", "about", "an", "two"]) + "$")
    >>> [bool(pattern.match(w)) for w in ("a", "about", "an", "two", "ab", "t", "")]
    [True, True, True, True, False, False, False]
    """
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
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

"""Pattern helpers of the scanner (doseconv.reading.patterns)."""

from __future__ import annotations

import re

from doseconv.reading.patterns import case_variants, trie_pattern


def test_trie_pattern_matches_exactly_its_words() -> None:
    words = ["a", "about", "an", "approx.", "two", "twenty"]
    pattern = re.compile(trie_pattern(words) + r"\Z")
    for word in words:
        assert pattern.match(word)
    for other in ["ab", "abou", "approx", "tw", "twentyone", ""]:
        assert not pattern.match(other)
    assert case_variants(["Nationwide"]) == ["NATIONWIDE", "Nationwide", "nationwide"]

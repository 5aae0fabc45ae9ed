"""The words of population phrases (``data/population-phrases.toml``), loaded once and compiled into patterns.

Everything a population phrase may say in words lives in that file: the verbs ("wipe out", "cause overdoses
of"), the leads ("could have", "had the potential to"), who is counted ("every person residing in"), multiples
and shares, the names of the nation and the world, AP state abbreviations, country and region names, and
demonyms ("Delawareans"). The grammar that joins them is in :mod:`.phrases`; patterns are built here, once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["Words", "alternation", "words"]


def alternation(phrases: object) -> str:
    """A regex alternation of ``phrases``, longest first, spaces matching any run of spaces."""
    items = sorted({str(p) for p in phrases}, key=lambda p: (-len(p), p))  # type: ignore[attr-defined]
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in items)


@dataclass(frozen=True)
class Words:
    """The word lists of ``data/population-phrases.toml``, as read (see the file for what each one is)."""

    raw: dict[str, Any]

    @property
    def verbs(self) -> dict[str, str]:
        """Each verb form with its meaning: 'wiped out' -> 'kill'."""
        return {form: meaning for meaning, forms in self.raw["verbs"].items() for form in forms}

    @property
    def leads(self) -> dict[str, Any]:
        return self.raw["leads"]  # type: ignore[no-any-return]

    @property
    def people(self) -> dict[str, Any]:
        return self.raw["people"]  # type: ignore[no-any-return]

    @property
    def places(self) -> dict[str, Any]:
        return self.raw["places"]  # type: ignore[no-any-return]

    @property
    def word_multiples(self) -> dict[str, int]:
        return dict(self.raw["multiples"]["words"])

    @property
    def vague_multiples(self) -> tuple[str, ...]:
        return tuple(self.raw["multiples"]["vague"])

    @property
    def vague_floor(self) -> int:
        return int(self.raw["multiples"]["vague_floor"])

    @property
    def fractions(self) -> dict[str, Fraction]:
        return {text: Fraction(n, d) for text, (n, d) in self.raw["fractions"].items()}

    @property
    def demonyms(self) -> dict[str, str]:
        """Each demonym, singular and plural, with its place: 'delawareans' -> 'DE', 'canadians' -> 'wb:CAN'."""
        out: dict[str, str] = {}
        for word, place in self.raw["demonyms"].items():
            out[word] = place
            out[word + "s"] = place
        return out

    @property
    def ambiguous_demonyms(self) -> dict[str, tuple[str, ...]]:
        out: dict[str, tuple[str, ...]] = {}
        for word, places in self.raw["demonyms_ambiguous"].items():
            out[word] = out[word + "s"] = tuple(places)
        return out


@cache
def words() -> Words:
    """The word lists, read once."""
    import tomllib

    text = resources.files("doseconv").joinpath("data", "population-phrases.toml").read_text("utf-8")
    return Words(tomllib.loads(text))

"""Helpers and named strategies shared by the scanner's tests (tests/test_scan_*.py)."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import strategies as st

from doseconv.reading.numbers import exact_text
from doseconv.scan import build_claims, extract_figures, read_document

#: Sentences with no number, no drug and no scope word: filler a story can carry anywhere.
FILLER = st.sampled_from([
    "The announcement came on a rainy morning.",
    "Officials thanked their partners for the work.",
    "Reporters asked several questions after the briefing.",
    "Community groups welcomed the news.",
    "The press conference lasted an hour.",
])  # fmt: skip

#: Whole counts as newsrooms print them, grouped in threes.
COUNTS = st.integers(min_value=1, max_value=10**12)

#: Inline HTML tags that must vanish without joining or splitting words.
INLINE_TAGS = st.sampled_from(["b", "i", "em", "strong", "span", "a"])

#: Word soup from the scanner's own vocabulary, markup and awkward numbers, or any text at all.
NEWSY_TEXT = st.lists(
    st.sampled_from(
        [
            "nearly",
            "more than",
            "between",
            "and",
            "to",
            "-",
            "44",
            "6,500",
            "million",
            "two",
            "a",
            "pills",
            "pounds",
            "of",
            "fentanyl",
            "powder",
            "doses",
            "enough to kill",
            "people",
            "tons",
            "kilos",
            "$",
            "%",
            "(",
            ")",
            ".",
            "\n\n",
            "Nationwide",
            "the division",
            "DEA",
            "Operation Last Mile",
            "fiscal year 2024",
            "0",
            "1e5",
            "999999999999999999999",
            "twenty-five",
            "<p>",
            "</p>",
            "**",
            "&amp;",
            "mg",
            "lbs.",
        ]
    ),
    max_size=40,
).map(" ".join) | st.text(max_size=200)


def figures_of(text: str, **kwargs):
    return extract_figures(read_document(text, **kwargs))


def exact(value: Fraction | None) -> str | None:
    """A figure's exact value as the JSON output writes it."""
    return None if value is None else exact_text(value)


def summary(text: str) -> list[tuple]:
    """(kind, qualifier, value or (low, high), unit, drug, text) of each figure of ``text``.

    Values are written exactly as the JSON output writes them ("44000000", "2948.350405").
    """
    out = []
    for f in figures_of(text):
        value = exact(f.value) if f.value is not None else (exact(f.low), exact(f.high))
        out.append((f.kind, f.qualifier, value, f.unit, f.drug, f.text))
    return out


def claims_of(text: str):
    doc = read_document(text)
    return build_claims(doc, extract_figures(doc))


def inputs(claim) -> tuple:
    return (claim.pills.text if claim.pills else None, claim.powder.text if claim.powder else None, claim.basis)

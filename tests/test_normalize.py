"""Text normalisation: invisible characters, separators, fractions and superscripts, with offsets into the original."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from doseconv.errors import DoseconvError
from doseconv.reading.numbers import parse_number, read_number
from doseconv.reading.quantity import parse_amount
from doseconv.reading.textnorm import INVISIBLE, normalize

from .strategies import (
    VULGAR_FRACTIONS,
    grouped_counts,
    hostile_figures,
    messy_texts,
    thousands_separators,
    vulgar_fractions,
)


@pytest.mark.parametrize(
    ("text", "normal"),
    [
        ("6 500 pounds", "6500 pounds"),
        ("6\u00a0500", "6500"),
        ("6\u202f500", "6500"),
        ("6\u2009500", "6500"),
        ("6\u2007500", "6500"),
        ("6'500", "6500"),
        ("1 000 000.5", "1000000.5"),
        ("193\u200b million", "193 million"),
        ("1\u00ad93", "193"),
        ("\ufeff44\u2060 million", "44 million"),
        ("1½ lb", "1 1/2 lb"),
        ("½ kg", "1/2 kg"),
        ("½1", "1/2 1"),
        ("½123", "1/2 123"),
        ("1 1/2 lb", "1 1/2 lb"),
        ("3\u20444", "3/4"),
        ("10⁶", "10^6"),
        ("10⁻³ g", "10^-3 g"),
        ("pills¹", "pills¹"),
        ("In 2019 500 pounds", "In 2019 500 pounds"),
        ("Jan. 5 2023", "Jan. 5 2023"),
        ("5\u2002kg", "5 kg"),
    ],
)
def test_normalize(text: str, normal: str) -> None:
    assert normalize(text).text == normal


def test_nfkc_is_not_used() -> None:
    """Regression guard: a blanket NFKC turns "1½" into "11⁄2" and "10⁶" into "106"."""
    assert parse_number("1½") == Decimal("1.5")
    assert parse_number("10⁶") == 10**6


@pytest.mark.parametrize(("text", "span"), [("6\u00a050 lb", (0, 4)), ("1 500 20", (0, 8)), ("1,500 000", (2, 9))])
def test_ambiguous_separators_are_reported_not_guessed(text: str, span: tuple[int, int]) -> None:
    (ambiguity,) = normalize(text).ambiguous
    assert (ambiguity.start, ambiguity.end) == span


def test_offsets_point_into_the_original() -> None:
    original = "seized 6\u202f500 pounds and 1\u00ad93\u200b million doses"
    normal = normalize(original)
    start = normal.text.index("193")
    a, b = normal.original_span(start, start + len("193 million"))
    assert original[a:b] == "1\u00ad93\u200b million"
    a, b = normal.original_span(7, 11)
    assert original[a:b] == "6\u202f500"


def test_read_number_ends_in_the_original_text() -> None:
    original = "6\u202f500\u200b pounds"
    assert original[: read_number(original).end] == "6\u202f500"


@settings(deadline=None)  # timing varies on a loaded machine; the examples are small
@given(grouped_counts, thousands_separators)
def test_any_accepted_separator_reads_as_a_comma(count: int, separator: str) -> None:
    """A figure written with any accepted thousands separator reads the same as with commas (value and step)."""
    with_commas = f"{count:,}"
    written = with_commas.replace(",", separator)
    assert parse_number(written).as_tuple() == parse_number(with_commas).as_tuple()


@settings(deadline=None)  # timing varies on a loaded machine; the examples are small
@given(grouped_counts, vulgar_fractions)
def test_vulgar_fractions_read_as_written_out(count: int, fraction: str) -> None:
    """ "W½" reads as "W 1/2": the whole part plus the fraction's exact value."""
    assert read_number(f"{count}{fraction} lb").value == count + VULGAR_FRACTIONS[fraction]


@settings(deadline=None)  # timing varies on a loaded machine; the examples are small
@given(messy_texts)
def test_normalisation_is_idempotent(text: str) -> None:
    """Normalising normalised text changes nothing, and finds the same ambiguities."""
    once = normalize(text)
    twice = normalize(once.text)
    assert twice.text == once.text
    assert [(a.start, a.end) for a in twice.ambiguous] == [(a.start, a.end) for a in once.ambiguous]


@settings(deadline=None)  # timing varies on a loaded machine; the examples are small
@given(messy_texts)
def test_offsets_map_back_to_the_original_characters(text: str) -> None:
    """Each normalised character comes from an original character at or after the previous one's; characters
    kept as they were map to themselves; every visible original character is accounted for."""
    normal = normalize(text)
    assert len(normal.offsets) == len(normal.text) + 1
    assert normal.offsets[-1] == len(text)
    assert list(normal.offsets) == sorted(normal.offsets)
    for index, char in enumerate(normal.text):
        source = text[normal.offsets[index]]
        assert source == char or not source.isascii() or (source == " " and char == " ")
    used = set(normal.offsets[:-1])
    for index, char in enumerate(text):
        if index not in used:
            assert char in INVISIBLE or char.isspace() or char in "'\u2019"


@settings(deadline=None)  # timing varies on a loaded machine; the examples are small
@given(st.one_of(messy_texts, hostile_figures), st.booleans())
def test_readers_raise_only_doseconv_errors(text: str, decimal_comma: bool) -> None:
    """On any text, the number and amount readers either read it or raise a DoseconvError with a one-line message."""
    for reader in (read_number, parse_number, parse_amount):
        try:
            reader(text, decimal_comma=decimal_comma)
        except DoseconvError as error:
            assert "\n" not in str(error)


def test_a_superscript_after_a_decimal_separator_is_not_a_digit() -> None:
    """Regression (found by the property above): "1.⁶" with decimal commas tripped an internal assertion."""
    reading = read_number("½1.⁶\u2009b/\u200b", decimal_comma=True)
    assert (reading.value, reading.rest) == (Fraction(1, 2), "1.⁶ b/")

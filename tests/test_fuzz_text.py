"""Fuzz: every invisible character (Unicode's format characters, category Cf, and the variation selectors) inside
every form of figure reads as the figure without it, in the library, the checker and the scanner.

The characters are taken from the running Python's ``unicodedata``, not from doseconv's own table, so this holds
the class whatever list the code keeps.
"""

from __future__ import annotations

import functools
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

import doseconv
from doseconv.reading.stated import parse_stated
from doseconv.reading.textnorm import INVISIBLE
from doseconv.scan import scan_text

from . import fuzz_strategies
from .fuzz_strategies import fuzz_settings

#: One figure of every form a reader takes: grouped, spaced, decimal, scaled, worded, qualified, ranged, fractions,
#: powers of ten, a share.
FIGURE_FORMS = (
    "7800 pounds", "7,800 pounds", "7 800 pounds", "6.5 kg", "44 million pills", "nearly 193 million doses",
    "more than 6,500 pounds", "10-15 million pills", "1½ kg", "2 1/2 pounds", "10⁶ doses", "1.2e6 doses",
    "two and a half million pills", "a dozen kilos", "between 5 and 10 kg", "1,234,567 doses",
)  # fmt: skip


@functools.cache
def invisible_class() -> tuple[str, ...]:
    """Every format character (Cf) of this Python's Unicode, the variation selectors and the grapheme joiner."""
    selectors = [*range(0xFE00, 0xFE10), *range(0xE0100, 0xE01F0), *range(0x180B, 0x180E), 0x180F, 0x034F]
    found = {chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) == "Cf"}
    return tuple(sorted(found | {chr(c) for c in selectors}))


def reading(text: str) -> tuple[object, ...]:
    figure = parse_stated(text)
    upper = figure.upper.value if figure.upper is not None else None
    return figure.qualifier, figure.amount.value, figure.amount.unit, upper, figure.step


def test_the_table_is_the_class_of_this_python() -> None:
    """doseconv's table holds every character of the class; anything more is unassigned in this Python."""
    ours = set(INVISIBLE)
    assert set(invisible_class()) <= ours
    assert all(unicodedata.category(c) == "Cn" for c in ours - set(invisible_class()))


def test_every_invisible_character_inside_every_figure() -> None:
    """The whole class: each character inside each form reads as the clean form (at a place that moves from one
    character to the next; at every place with --fuzz-long)."""
    for form in FIGURE_FORMS:
        clean = reading(form)
        for index, char in enumerate(invisible_class()):
            places = range(1, len(form)) if fuzz_strategies.LONG else (1 + index % (len(form) - 1),)
            for place in places:
                text = form[:place] + char + form[place:]
                assert reading(text) == clean, (form, place, f"U+{ord(char):04X}")


@fuzz_settings(200)
@given(
    st.sampled_from(FIGURE_FORMS),
    st.lists(st.tuples(st.integers(min_value=0), st.sampled_from(invisible_class())), min_size=1, max_size=6),
)
def test_several_invisible_characters_anywhere_in_a_figure(form: str, inserts: list[tuple[int, str]]) -> None:
    text = form
    for place, char in inserts:
        place %= len(text) + 1
        text = text[:place] + char + text[place:]
    assert reading(text) == reading(form)


def test_a_sound_claim_with_a_left_to_right_mark_is_not_flagged() -> None:
    """The issue's case: "7\u200e800 pounds" was read as 800 lb and a sound claim was flagged."""
    clean = doseconv.check(powder="7,800 pounds", claim="177 million doses", purity="10%")
    marked = doseconv.check(powder="7\u200e800 pounds", claim="177 million doses", purity="10%")
    assert marked.verdict == clean.verdict and marked.computed == clean.computed


@fuzz_settings(100)
@given(st.sampled_from(FIGURE_FORMS[:8]), st.integers(min_value=1), st.sampled_from(invisible_class()))
def test_the_scanner_reads_the_figure_through_the_character(form: str, place: int, char: str) -> None:
    place = 1 + place % (len(form) - 1)
    story = "Agents seized " + form[:place] + char + form[place:] + " of fentanyl."
    clean = scan_text("Agents seized " + form + " of fentanyl.")
    marked = scan_text(story)
    assert [f.value for f in marked.figures] == [f.value for f in clean.figures]
    start = len("Agents seized ")
    assert marked.figures[0].start == start and marked.figures[0].end == clean.figures[0].end + 1

"""Text copied from web pages: separators, invisible characters and odd spaces read as the figure they write.

Scan normalises its text first (doseconv.reading.textnorm); offsets still point into the original input.
"""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from doseconv.reading.textnorm import INVISIBLE, SEPARATORS, normalize
from doseconv.scan import scan_text
from doseconv.scan.text import read_document

STORY = "Agents seized {n} pounds of fentanyl, equal to 1{z}93 million potentially fatal doses."


def _figures(text: str, format: str = "auto") -> list[tuple[str, Fraction | None, str | None]]:
    return [(f.kind, f.value, f.excluded) for f in scan_text(text, format=format, run_checks=False).figures]


@pytest.mark.parametrize(
    "separator",
    [" ", "\u00a0", "\u202f", "\u2009", "\u2007", "'", "\u2019"],
    ids=["space", "no-break space", "narrow no-break space", "thin space", "figure space", "apostrophe", "quote"],
)
def test_a_space_like_thousands_separator_reads_as_a_comma_does(separator: str) -> None:
    """ "6 500 pounds" was read as 500 pounds, and the claim called impossible."""
    spaced = scan_text(STORY.format(n=f"6{separator}500", z=""))
    commas = scan_text(STORY.format(n="6,500", z=""))
    assert [(f.kind, f.value) for f in spaced.figures] == [(f.kind, f.value) for f in commas.figures]
    assert [c.verdict for c in spaced.claims] == [c.verdict for c in commas.claims]
    powder = spaced.figures[0]
    assert (powder.value, powder.start, powder.end) == (6500, 14, 38)


def test_a_no_break_space_entity_in_html_is_a_thousands_separator() -> None:
    assert _figures("<p>Agents seized 6&nbsp;500 pounds of fentanyl.</p>", "html") == [
        ("fentanyl-mass", Fraction(6500), None)
    ]


@pytest.mark.parametrize("invisible", ["\u200b", "\u00ad", "\u2060", "\ufeff", "\u200c", "\u200d"])
def test_an_invisible_character_inside_a_figure_drops_no_digit(invisible: str) -> None:
    """A zero-width space in "193 million" or a soft hyphen in "1\u00ad93" dropped digits."""
    report = scan_text(STORY.format(n="6,500", z=invisible), run_checks=False)
    doses = report.figures[1]
    assert (doses.kind, doses.value) == ("doses", 193_000_000)
    assert (doses.start, doses.end) == (49, 85)  # the invisible character is inside the span, counted
    report = scan_text("equal to 193\u200b million doses", run_checks=False)
    assert report.figures[0].value == 193_000_000


@pytest.mark.parametrize(
    "text", ["6\u00a050 pounds of fentanyl", "6'50 pounds of fentanyl", "1 500 20 pounds of fentanyl"]
)
def test_digits_that_could_be_one_number_or_two_are_refused_with_the_reason(text: str) -> None:
    report = scan_text(f"Agents seized {text}, equal to 1 million doses.")
    (refused,) = [f for f in report.figures if f.kind == "fentanyl-mass"]
    assert refused.excluded is not None and "could be one number or two" in refused.excluded
    assert not refused.counts_toward_doses and refused.stated is None
    assert any("not read:" in note for note in refused.notes)
    (claim,) = report.claims
    assert claim.draft.powder is None  # never guessed as 50 pounds
    assert any(
        n.startswith("a figure of its sentence was not read (") and "one number or two" in n for n in claim.notes
    )


def test_a_refused_dose_figure_makes_its_claim_unverifiable() -> None:
    (claim,) = scan_text("Agents seized 2 kilograms of fentanyl, equal to 1\u00a000 doses.").claims
    assert claim.verdict == "unverifiable" and "could be one number or two" in claim.explanation


def test_text_with_nothing_to_normalise_keeps_no_second_offset_map() -> None:
    doc = read_document("Agents seized 6,500 pounds.")
    assert doc.normalized is None and doc.ambiguous == ()


# --- offsets into the original text -------------------------------------------------------

_ODD = sorted(INVISIBLE | {"\u00a0", "\u202f", "\u2009", "\u3000"})
_BASE = (
    "The division seized 44 million fentanyl pills and 6,500 pounds of fentanyl powder, "
    "equaling 193 million potentially fatal doses. Officers made 120 arrests."
)


@settings(max_examples=60, deadline=None)
@given(
    inserts=st.lists(
        st.tuples(st.integers(min_value=0, max_value=len(_BASE)), st.sampled_from(_ODD)), min_size=0, max_size=8
    ),
    markup=st.sampled_from(["plain", "html", "markdown"]),
)
def test_offsets_point_into_the_original_text_of_normalised_input(inserts, markup) -> None:
    """Every figure's offsets cover, in the original text, what normalises to the figure's own text."""
    text = _BASE
    for position, char in sorted(inserts, reverse=True):
        text = text[:position] + char + text[position:]
    original = {"plain": text, "html": f"<p>{text}</p>", "markdown": f"**News** {text}"}[markup]
    report = scan_text(original, format=markup, run_checks=False)
    for figure in report.figures:
        span = original[figure.start : figure.end]
        if markup == "html":
            span = span.replace("<p>", "").replace("</p>", "")
        assert " ".join(normalize(span).text.split()) == figure.text
        assert figure.start <= figure.end <= len(original)


@settings(max_examples=60, deadline=None)
@given(
    value=st.integers(min_value=1000, max_value=999_999_999),
    separator=st.sampled_from(sorted(SEPARATORS)),
)
def test_any_accepted_separator_reads_as_commas(value: int, separator: str) -> None:
    written = f"{value:,}".replace(",", separator)
    assert _figures(f"Agents seized {written} pills.") == [("pills", Fraction(value), None)]

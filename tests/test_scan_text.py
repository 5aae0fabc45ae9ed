"""Reading a story (doseconv.scan.text): plain text, Markdown and HTML, sentences, paragraphs and offsets."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from doseconv.errors import InputError
from doseconv.scan import extract_figures, read_document
from doseconv.scan.text import detect_format, strip_html, strip_markdown

from .scanning import COUNTS, INLINE_TAGS, exact, figures_of


def test_sentences_do_not_break_at_abbreviations_or_initials() -> None:
    doc = read_document(
        "The U.S. Drug Enforcement Administration seized 5 kilos. Michael A. Davis spoke in St. Louis, Mo. on Monday. "
        "Then it ended."
    )
    assert [doc.sentence_text(i) for i in range(len(doc.sentences))] == [
        "The U.S. Drug Enforcement Administration seized 5 kilos.",
        "Michael A. Davis spoke in St. Louis, Mo. on Monday.",
        "Then it ended.",
    ]


def test_paragraphs_split_at_blank_lines_long_lines_and_bullets() -> None:
    doc = read_document("Headline here\nFentanyl\n\nFirst paragraph.\n  • Bullet one.\n  • Bullet two.\n")
    assert [doc.text[s:e] for s, e in doc.paragraphs] == [
        "Headline here", "Fentanyl", "First paragraph.", "• Bullet one.", "• Bullet two.",
    ]  # fmt: skip


def test_hard_wrapped_paragraphs_stay_whole() -> None:
    text = (
        "Agents in the division seized more than 6,500 pounds of fentanyl powder\n"
        "and nearly 44 million pills over the course of the whole operation, the\n"
        "agency said on Friday in a statement released to reporters in the city.\n"
    )
    doc = read_document(text)
    assert len(doc.paragraphs) == 1 and len(doc.sentences) == 1


def test_html_is_stripped_and_offsets_point_into_the_original() -> None:
    html = (
        "<html><head><title>Seizures</title><script>var x = '9 pounds of fentanyl';</script></head>"
        "<body><p>Agents seized <b>nearly 44&nbsp;million</b> fentanyl pills &amp; more.</p>"
        "<p>Second <i>paragraph</i>.</p></body></html>"
    )
    doc = read_document(html, "story.html")
    assert doc.format == "html"
    assert [doc.text[s:e] for s, e in doc.paragraphs] == [
        "Seizures", "Agents seized nearly 44 million fentanyl pills & more.", "Second paragraph.",
    ]  # fmt: skip
    (figure,) = extract_figures(doc)
    assert (figure.kind, figure.text, exact(figure.value)) == ("pills", "nearly 44 million fentanyl pills", "44000000")
    assert html[figure.start : figure.end] == "nearly 44&nbsp;million</b> fentanyl pills"


def test_markdown_markup_is_stripped_with_offsets() -> None:
    markdown = "# Results\n\nThe seizure of **more than 6,500 pounds** of fentanyl and more than \\$100 million.\n"
    doc = read_document(markdown, "story.md")
    assert doc.format == "markdown"
    assert doc.sentence_text(1) == "The seizure of more than 6,500 pounds of fentanyl and more than $100 million."
    powder, money = extract_figures(doc)
    assert markdown[powder.start : powder.end] == "more than 6,500 pounds** of fentanyl"
    assert (money.kind, money.text, markdown[money.start : money.end]) == (
        "money", "more than $100 million", "more than \\$100 million",
    )  # fmt: skip


def test_strip_helpers_keep_text_and_drop_markup() -> None:
    assert strip_html("a<br>b<!-- 5 pounds -->c&#39;s")[0] == "a\nbc's"
    assert strip_markdown("[text](http://x.test/1) ~~old~~ `code` _it_")[0] == "text old code it"


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("<p>x</p>", None, "html"),
        ("<!DOCTYPE html><html>", None, "html"),
        ("**bold** text", None, "markdown"),
        ("- item\n- item", None, "markdown"),
        ("Plain prose, 6,500 pounds.", None, "plain"),
        ("Plain prose.", "a.htm", "html"),
        ("<p>x</p>", "a.md", "markdown"),
        ("<p>" + "<b>5</b> kilos &amp; " * 2000, None, "html"),  # regression: only opening tags near the start
    ],
)  # fmt: skip
def test_detect_format(text, name, expected) -> None:
    assert detect_format(text, name) == expected


def test_unknown_input_format_is_refused() -> None:
    with pytest.raises(InputError, match="unknown input format 'pdf'"):
        read_document("x", format="pdf")


@given(tags=st.lists(INLINE_TAGS, min_size=3, max_size=3), count=COUNTS)
@settings(max_examples=40, deadline=None)
def test_inline_html_tags_change_neither_values_nor_what_offsets_cover(tags, count) -> None:
    """Wrapping words in inline tags keeps the figure; its offsets cover the tagged original span."""
    first, second, third = tags
    html = (
        f"<p>Agents seized <{first}>more than</{first}> <{second}>{count:,}</{second}> "
        f"<{third}>pounds</{third}> of fentanyl.</p>"
    )
    (figure,) = figures_of(html, format="html")
    assert (figure.qualifier, exact(figure.value), figure.text) == (
        "more than",
        str(count),
        f"more than {count:,} pounds of fentanyl",
    )
    covered = re.sub(r"<[^>]+>", "", html[figure.start : figure.end])
    assert covered == figure.text

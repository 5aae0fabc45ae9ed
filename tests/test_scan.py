"""doseconv scan on short snippets: reading, figures, scopes, claims, reports and the command line.

The seed stories are tested in test_scan_seeds.py (skipped when ../shared/seeds is absent).
"""

from __future__ import annotations

import io
import json
import re
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from doseconv.errors import InputError
from doseconv.scan import build_claims, extract_figures, read_document, scan_paths, scan_text
from doseconv.scan.patterns import case_variants, trie_pattern
from doseconv.scan.scope import Scope
from doseconv.scan.text import detect_format, strip_html, strip_markdown
from doseconv.stated import QUALIFIER_PHRASES

from .cli import run

# --- named strategies (local to the scanner's tests) -----------------------------------------

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


def summary(text: str) -> list[tuple]:
    """(kind, qualifier, value or (low, high), unit, drug, text) of each figure of ``text``."""
    out = []
    for f in figures_of(text):
        value = f.value if f.value is not None else (f.low, f.high)
        out.append((f.kind, f.qualifier, value, f.unit, f.drug, f.text))
    return out


# --- reading ---------------------------------------------------------------------------------


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
    assert (figure.kind, figure.text, figure.value) == ("pills", "nearly 44 million fentanyl pills", "44000000")
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


# --- figures: point 1 of the issue ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They seized nearly 44 million fentanyl pills.",
         [("pills", "nearly", "44000000", "pills", "fentanyl", "nearly 44 million fentanyl pills")]),
        ("A total of 1.3 million fentanyl pills were seized.",
         [("pills", None, "1300000", "pills", "fentanyl", "1.3 million fentanyl pills")]),
        ("Agents seized 66 pounds of counterfeit pills.",
         [("pills", None, "66", "pounds", None, "66 pounds of counterfeit pills")]),
        ("It held 2 million fentanyl-laced pills and 30 M30 tablets.",
         [("pills", None, "2000000", "pills", "fentanyl", "2 million fentanyl-laced pills"),
          ("pills", None, "30", "pills", "fentanyl", "30 M30 tablets")]),
    ],
)  # fmt: skip
def test_pill_counts_and_pills_by_weight(text, expected) -> None:
    assert summary(text) == expected


def test_masses_carry_their_drug_and_only_fentanyl_counts() -> None:
    figures = figures_of(
        "Police seized 100 pounds of fentanyl powder, 200 pounds of methamphetamine, "
        "3 kilos of cocaine and 12 ounces of heroin."
    )
    assert [(f.kind, f.drug, f.value, f.unit, f.counts_toward_doses) for f in figures] == [
        ("fentanyl-mass", "fentanyl", "100", "pounds", True),
        ("other-drug-mass", "methamphetamine", "200", "pounds", False),
        ("other-drug-mass", "cocaine", "3", "kilos", False),
        ("other-drug-mass", "heroin", "12", "ounces", False),
    ]


def test_a_mass_with_no_drug_takes_the_sentences_only_drug_or_none() -> None:
    (inferred,) = figures_of("The fentanyl seized weighed 27,000 pounds.")
    assert (inferred.kind, inferred.drug) == ("fentanyl-mass", "fentanyl")
    assert inferred.notes == ("drug not named beside the figure; the only drug in the sentence",)
    (unknown,) = figures_of("The shipment weighed 500 pounds.")
    assert (unknown.kind, unknown.drug, unknown.counts_toward_doses) == ("other", None, False)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("equaling 193 million potentially fatal fentanyl doses",
         [("doses", None, "193000000", "doses", "fentanyl", "193 million potentially fatal fentanyl doses")]),
        ("amounts to 738.5 million doses",
         [("doses", None, "738500000", "doses", "fentanyl", "738.5 million doses")]),
        ("enough to kill 5 million people",
         [("doses", None, "5000000", "people", "fentanyl", "5 million people")]),
        ("could kill more than 2,000 Americans",
         [("doses", "more than", "2000", "americans", "fentanyl", "more than 2,000 Americans")]),
        ("gave out 10,000 doses of naloxone", [("other", None, "10000", "doses", None, "10,000 doses")]),
    ],
)  # fmt: skip
def test_dose_claims(text, expected) -> None:
    assert summary(text) == expected


def test_people_are_doses_only_after_a_killing_verb() -> None:
    assert [f.kind for f in figures_of("The DEA arrested 3,337 people.")] == ["arrests"]
    assert [f.kind for f in figures_of("The event drew 5,000 people.")] == ["other"]


@pytest.mark.parametrize("phrase", [p for p in QUALIFIER_PHRASES if p != "between"])
def test_every_qualifier_phrase_is_kept(phrase) -> None:
    (figure,) = figures_of(f"Agents seized {phrase} 6,500 pounds of fentanyl.")
    assert (figure.qualifier, figure.value, figure.stated) == (phrase, "6500", f"{phrase} 6,500 pounds")


def test_qualifiers_are_read_case_insensitively() -> None:
    (figure,) = figures_of("More than 27,000 pounds of illicit fentanyl were seized.")
    assert (figure.qualifier, figure.text) == ("more than", "More than 27,000 pounds of illicit fentanyl")


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("two pounds of fentanyl", "2", "pounds"),
        ("ten ounces of fentanyl", "10", "ounces"),
        ("Twenty-five pounds of fentanyl", "25", "pounds"),
        ("a kilo of fentanyl", "1", "kilo"),
        ("one kilogram of fentanyl", "1", "kilogram"),
        ("a million fentanyl pills", "1000000", "pills"),
    ],
)
def test_number_words(text, value, unit) -> None:
    (figure,) = figures_of(text)
    assert (figure.value, figure.unit) == (value, unit)


def test_bare_number_words_are_not_figures() -> None:
    assert figures_of("One of the two cartels ran a year-long operation with three partners.") == []


@pytest.mark.parametrize(
    ("text", "low", "high", "stated"),
    [
        ("10-15 million pills", "10000000", "15000000", "10-15 million pills"),
        ("10–15 million pills", "10000000", "15000000", "10-15 million pills"),
        ("400,000 to 500,000 doses", "400000", "500000", "400,000 to 500,000 doses"),
        ("between 400,000 and 500,000 doses", "400000", "500000", "between 400,000 and 500,000 doses"),
        ("1.2 million to 1.5 million pills", "1200000", "1500000", "1.2 million to 1.5 million pills"),
    ],
)
def test_ranges(text, low, high, stated) -> None:
    (figure,) = figures_of(text)
    assert (figure.value, figure.low, figure.high, figure.stated) == (None, low, high, stated)


def test_and_makes_a_range_only_after_between() -> None:
    assert [f.text for f in figures_of("They seized 400 firearms and 500 pills.")] == ["400 firearms", "500 pills"]


@pytest.mark.parametrize(
    ("text", "unit", "stated"),
    [
        ("12 kilos of fentanyl", "kilos", "12 kilos"),
        ("300 grams of fentanyl", "grams", "300 grams"),
        ("10 ounces of fentanyl", "ounces", "10 ounces"),
        ("5 lbs of fentanyl", "lbs", "5 lbs"),
        ("5 lbs. of fentanyl", "lbs", "5 lbs"),
        ("4 kg of fentanyl", "kg", "4 kg"),
        ("2 tonnes of fentanyl", "tonnes", "2 tonnes"),
        ("2 metric tons of fentanyl", "metric tons", "2 metric tons"),
    ],
)
def test_mass_units(text, unit, stated) -> None:
    (figure,) = figures_of(text)
    assert (figure.kind, figure.unit, figure.stated, figure.ambiguous) == ("fentanyl-mass", unit, stated, False)


def test_tons_are_flagged_as_ambiguous_not_refused() -> None:
    (figure,) = figures_of("Agents seized 4.5 tons of fentanyl.")
    assert (figure.kind, figure.unit, figure.ambiguous, figure.stated) == (
        "fentanyl-mass",
        "tons",
        True,
        "4.5 short tons",
    )
    assert figure.notes[0].startswith('"tons" is ambiguous')


@pytest.mark.parametrize(
    ("text", "kind", "value", "unit"),
    [
        ("over $100 million in assets", "money", "100000000", "$"),
        ("nearly $500,000", "money", "500000", "$"),
        ("5 million dollars", "money", "5000000", "dollars"),
        ("8,497 firearms", "firearms", "8497", "firearms"),
        ("60 guns", "firearms", "60", "guns"),
        ("3,337 arrests", "arrests", "3337", "arrests"),
        ("the arrest of 3,337 people", "arrests", "3337", "people"),
        ("arrested more than 3,600 subjects", "arrests", "3600", "subjects"),
        ("1,000 people were arrested", "arrests", "1000", "people"),
        ("1,436 investigations", "investigations", "1436", "investigations"),
        ("over 1,100 of the national investigations", "investigations", "1100", "investigations"),
        ("more than 1,100 cases", "investigations", "1100", "cases"),
        ("increased 55 percent", "percent", "55", "percent"),
        ("rose 25%", "percent", "25", "percent"),
        ("2,200 pill presses", "other", "2200", "pill presses"),
        ("about 4 million low-value shipments", "other", "4000000", "low-value shipments"),
    ],
)  # fmt: skip
def test_other_figures_are_recognised(text, kind, value, unit) -> None:
    (figure,) = figures_of(text)
    assert (figure.kind, figure.value, figure.unit, figure.counts_toward_doses) == (kind, value, unit, False)


@pytest.mark.parametrize(
    "text",
    [
        "Posted at 8:35 AM, May 08, 2023 and last updated 2023-05-08 09:35:09-04",
        "It ran from May 1, 2022 to May 1, 2023.",
        "Call 816-474-TIPS (8477) or visit P3Tips.com.",
        "It began in 2015 and ended on 31 Jul 2024.",
        "The Covid-19 rules and the 24-hour line.",
    ],
)
def test_dates_years_times_and_phone_numbers_are_not_figures(text) -> None:
    assert figures_of(text) == []


def test_a_dose_size_and_a_conversion_in_parentheses_are_never_inputs() -> None:
    size, seized, converted = figures_of(
        "Just 2 mg of fentanyl can kill. Officers seized 1.5 kilograms (3.3 pounds) of fentanyl."
    )
    assert (size.kind, size.counts_toward_doses) == ("fentanyl-mass", False)
    assert size.excluded == "a mass in milligrams is the size of a dose or a pill's content, not a seizure"
    assert (seized.text, seized.counts_toward_doses) == ("1.5 kilograms (3.3 pounds) of fentanyl", True)
    assert (converted.text, converted.counts_toward_doses) == ("3.3 pounds", False)
    assert converted.excluded == "in parentheses: the figure before it in other units"


def test_offsets_of_plain_text_are_exact() -> None:
    text = "Nationwide, agents seized just under 44 million fentanyl pills and 6,500 pounds of fentanyl powder."
    for figure in figures_of(text):
        assert text[figure.start : figure.end] == figure.text
        assert (figure.scan_start, figure.scan_end) == (figure.start, figure.end)
    assert [(f.start, f.end) for f in figures_of(text)] == [(26, 62), (67, 98)]


# --- scope -----------------------------------------------------------------------------------


def test_scope_follows_sentence_then_paragraph_then_earlier_text() -> None:
    text = (
        "DEA Actions in 2024\n\n"
        "The DEA St. Louis Division seized 100 pounds of fentanyl. It also took 1.3 million pills.\n\n"
        "Nationwide, Operation Last Mile seized 6,500 pounds of fentanyl from May 1, 2022 to May 1, 2023. "
        "Agents also seized 44 million pills.\n\n"
        "In Missouri, agents took 405 firearms."
    )
    scopes = {f.text: f.scope for f in figures_of(text)}
    assert scopes["100 pounds of fentanyl"] == Scope("regional", "St. Louis Division", "DEA", None, "2024")
    assert scopes["1.3 million pills"] == Scope("regional", "St. Louis Division", "DEA", None, "2024")
    national = Scope("national", None, "DEA", "Operation Last Mile", "May 1, 2022 – May 1, 2023")
    assert scopes["6,500 pounds of fentanyl"] == national
    assert scopes["44 million pills"] == national
    assert scopes["405 firearms"] == Scope(
        "regional", "Missouri", "DEA", "Operation Last Mile", "May 1, 2022 – May 1, 2023"
    )


def test_the_division_takes_its_name_from_earlier_in_the_paragraph() -> None:
    text = "DEA Omaha Division agents worked for a year. A total of 87 arrests were made by the division."
    (figure,) = figures_of(text)
    assert (figure.scope.level, figure.scope.place) == ("regional", "Omaha Division")


def test_a_figure_takes_the_nearest_scope_word_before_it() -> None:
    text = "The division seized 1.3 million pills, while nationwide agents seized 44 million pills."
    division, national = figures_of(text)
    assert (division.scope.level, national.scope.level) == ("regional", "national")


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("CBP's total so far in fiscal year 2024 amounts to 738.5 million doses.", "fiscal year 2024, to date"),
        ("In FY2023 agents seized 5 kilos of fentanyl.", "fiscal year 2023"),
        ("Between 2018 and 2022 meth seizures rose 55 percent.", "2018 – 2022"),
        ("During 2024 agents seized 5 kilos of fentanyl.", "2024"),
        ("Year-to-date, agents seized 5 kilos of fentanyl.", "year-to-date"),
    ],
)
def test_periods(text, period) -> None:
    assert figures_of(text)[-1].scope.period == period


def test_a_title_case_operation_name_is_shortened_to_the_name_used_in_the_body() -> None:
    text = "Operation Last Mile Tracks Down Cartels\n\nOperation Last Mile seized 44 million pills."
    (figure,) = figures_of(text)
    assert figure.scope.operation == "Operation Last Mile"


def test_proper_nouns_with_national_are_not_scope_words() -> None:
    (figure,) = figures_of("The National Sheriffs' Association counted 12 arrests.")
    assert figure.scope.level is None


# --- claims ----------------------------------------------------------------------------------


def claims_of(text: str):
    doc = read_document(text)
    return build_claims(doc, extract_figures(doc))


def inputs(claim) -> tuple:
    return (claim.pills.text if claim.pills else None, claim.powder.text if claim.powder else None, claim.basis)


def test_a_claim_takes_the_inputs_of_its_own_sentence() -> None:
    (claim,) = claims_of(
        "The division seized 1.3 million pills and 100 pounds of fentanyl powder. Nationwide, agents seized "
        "just under 44 million fentanyl pills and 6,500 pounds of fentanyl powder, equaling 193 million doses."
    )
    assert inputs(claim) == ("just under 44 million fentanyl pills", "6,500 pounds of fentanyl powder", "sentence")
    assert claim.notes == () and claim.scale == "aggregate"


def test_doses_pinned_on_the_pills_alone_get_the_pills_alone() -> None:
    (claim,) = claims_of(
        "Agents seized 6,500 pounds of fentanyl powder. They also seized nearly 44 million fentanyl pills, "
        "equating to almost 193 million deadly doses."
    )
    assert inputs(claim) == ("nearly 44 million fentanyl pills", None, "sentence")


def test_a_claim_sentence_naming_one_input_takes_only_that_one() -> None:
    (claim,) = claims_of(
        "Agents seized 44 million pills and 6,500 pounds of fentanyl powder. The powder alone equals 150 million doses."
    )
    assert inputs(claim) == (None, "6,500 pounds of fentanyl powder", "paragraph")


def test_a_claim_takes_same_scope_inputs_from_its_paragraph() -> None:
    (claim,) = claims_of(
        "Nationally, agents seized nearly 44 million fentanyl pills and more than 6,500 pounds of fentanyl powder. "
        "The fentanyl powder and pill seizures equate to nearly 193 million deadly doses across the United States."
    )
    assert inputs(claim) == (
        "nearly 44 million fentanyl pills",
        "more than 6,500 pounds of fentanyl powder",
        "paragraph",
    )


def test_other_drugs_money_and_counts_never_enter_a_claim() -> None:
    (claim,) = claims_of(
        "Agents seized 91,000 pounds of methamphetamine, 8,497 firearms and $100 million, equal to 5 million doses."
    )
    assert inputs(claim) == (None, None, "none")
    assert claim.notes == ("no fentanyl pills or powder found near this dose figure",)


def test_inputs_of_another_scope_are_used_with_a_note() -> None:
    (claim,) = claims_of(
        "DHS Actions in 2024\n\n"
        "• More than 27,000 pounds of fentanyl were seized. These seizures were conducted by CBP and HSI.\n\n"
        "• CBP's total so far in fiscal year 2024 amounts to 738.5 million doses."
    )
    assert inputs(claim) == (None, "More than 27,000 pounds of fentanyl", "nearby, other scope")
    assert claim.notes == (
        "different scopes: the doses (738.5 million doses) are CBP; fiscal year 2024, to date; "
        "powder (More than 27,000 pounds of fentanyl) is CBP, HSI; 2024",
    )


def test_nearby_same_scope_inputs_beat_nearer_inputs_of_another_scope() -> None:
    (claim,) = claims_of(
        "Nationwide, agents seized 44 million pills.\n\n"
        "The Omaha Division seized 2 million pills.\n\n"
        "Nationwide, that equals 100 million doses."
    )
    assert inputs(claim) == ("44 million pills", None, "nearby")


@pytest.mark.parametrize(
    ("text", "scale"),
    [
        ("Troopers found 2 kilos of fentanyl in a car, enough to kill 1 million people.", "seizure"),
        ("Police seized 5 kilograms of fentanyl, enough to kill 2.5 million people.", "seizure"),
        ("Nationwide, 5 kilograms of fentanyl were seized, enough to kill 2.5 million people.", "aggregate"),
        ("In 2023, 5 kilograms of fentanyl were seized, enough to kill 2.5 million people.", "aggregate"),
    ],
)
def test_scale_of_a_claim(text, scale) -> None:
    (claim,) = claims_of(text)
    assert claim.scale == scale


def test_a_long_paragraph_is_searched_for_seizure_words_once(monkeypatch) -> None:
    """Regression: the scale of each claim searched its whole paragraph again (quadratic on one long paragraph)."""
    import doseconv.scan.group as group

    calls = []
    pattern = group._ONE_SEIZURE

    class Counting:
        def search(self, *args):
            calls.append(args[1:])
            return pattern.search(*args)

    monkeypatch.setattr(group, "_ONE_SEIZURE", Counting())
    claims = claims_of(" ".join(["Agents seized 5 kilos of fentanyl, enough to kill 2.5 million people."] * 50))
    assert len(claims) == 50 and len(calls) == 1


# --- checking --------------------------------------------------------------------------------


def test_claims_are_checked_with_the_claim_checker() -> None:
    report = scan_text(
        "Nationwide, agents seized nearly 44 million fentanyl pills and more than 6,500 pounds of fentanyl "
        "powder, equal to nearly 193 million deadly doses.\n\n"
        "A separate story: 44 million pills, equating to almost 193 million deadly doses."
    )
    assert [(c.verdict, c.flagged) for c in report.claims] == [("plausible", False), ("implausible", True)]
    assert report.claims[0].result.implied.parameter == "powder_purity"
    assert report.claims[1].reproduced_by == ["pills-only"]
    assert report.flagged


def test_a_claim_on_tons_is_checked_both_ways() -> None:
    (claim,) = scan_text("Agents seized 2 tons of fentanyl, equal to 500 million doses.").claims
    assert claim.draft.powder.stated == "2 short tons"
    assert claim.notes[0].startswith('"tons" is ambiguous')
    assert claim.notes[1] == "read as metric tonnes instead, the verdict is implausible"


def test_a_claim_with_no_inputs_is_unverifiable_not_an_error() -> None:
    (claim,) = scan_text("Officials said nearly 2 billion lethal doses were removed.").claims
    assert (claim.verdict, claim.flagged) == ("unverifiable", False)


def test_check_false_builds_claims_without_checking() -> None:
    (claim,) = scan_text("44 million pills, equating to 193 million doses.", check=False).claims
    assert (claim.verdict, claim.result, claim.explanation) == ("unverifiable", None, "not checked")


def test_report_to_dict_is_json_ready() -> None:
    report = scan_text("Agents seized 1.3 million fentanyl pills, equal to 1.3 million doses.")
    data = json.loads(json.dumps(report.to_dict()))
    assert data["summary"] == {
        "figures": 2,
        "dose_figures": 1,
        "claims": 1,
        "verdicts": {"consistent": 1},
        "flagged": 0,
    }
    figure = data["figures"][0]
    assert {k: figure[k] for k in ("index", "kind", "text", "start", "end", "value", "unit", "drug", "stated")} == {
        "index": 1, "kind": "pills", "text": "1.3 million fentanyl pills", "start": 14, "end": 40,
        "value": "1300000", "unit": "pills", "drug": "fentanyl", "stated": "1.3 million pills",
    }  # fmt: skip
    assert data["claims"][0]["check"]["verdict"] == "consistent"


# --- the command line --------------------------------------------------------------------------


@pytest.fixture
def story(tmp_path):
    def write(text: str, name: str = "story.txt") -> str:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return str(path)

    return write


def test_cli_no_dose_figures_says_so_and_exits_0(capsys, story) -> None:
    path = story("The police made 12 arrests and seized 3 guns.")
    result = run(capsys, "scan", path)
    assert result.code == 0 and result.err == ""
    assert result.out.splitlines()[:2] == [
        f"== {path} (plain): 2 figures, 0 claims",
        f"No dose figures found in {path}.",
    ]


def test_cli_story_with_no_figures_at_all(capsys, story) -> None:
    path = story("Nothing to count here.")
    assert run(capsys, "scan", path).out == f"No dose figures found in {path}.\n"


def test_cli_flagged_claim_exits_1_and_prints_the_claim(capsys, story) -> None:
    path = story("Nearly 44 million fentanyl pills, equating to almost 193 million deadly doses.")
    result = run(capsys, "scan", path)
    assert result.code == 1
    lines = result.out.splitlines()
    assert lines[0] == f"== {path} (plain): 2 figures, 1 claim: 1 implausible"
    assert lines[3] == "  1. almost 193 million deadly doses  [46-77]  IMPLAUSIBLE"
    assert lines[4] == "     pills:  Nearly 44 million fentanyl pills  (#1, not stated)"
    assert "     diagnosis: reproduced by pills-only" in lines


def test_cli_json(capsys, story) -> None:
    path = story("Nationwide, 44 million pills and 6,500 pounds of fentanyl powder equal 193 million doses.")
    result = run(capsys, "scan", path, "--format", "json")
    assert result.code == 0
    data = json.loads(result.out)
    assert [f["kind"] for f in data["files"][0]["figures"]] == ["pills", "fentanyl-mass", "doses"]
    assert data["summary"] == {"files": 1, "figures": 3, "claims": 1, "verdicts": {"plausible": 1}, "flagged": 0}
    assert data["files"][0]["claims"][0]["check"]["implied"]["parameter"] == "powder_purity"


def test_cli_markdown(capsys, story) -> None:
    path = story("Nationwide, 44 million pills and 6,500 pounds of fentanyl powder equal 193 million doses.")
    out = run(capsys, "scan", path, "--format", "markdown").out
    assert out.startswith(f"## {path}\n\nplain text, 89 characters: 3 figures, 1 claim: 1 plausible.\n")
    assert "| # | offsets | kind | figure | value | unit | drug | scope | sentence |" in out
    assert "| 1 | 44 million pills (#1)" not in out and "| 1 | 193 million doses (#3) | 44 million pills (#1) |" in out


def test_cli_folder_gives_one_markdown_report(capsys, tmp_path) -> None:
    (tmp_path / "a.txt").write_text("Agents made 12 arrests.", encoding="utf-8")
    (tmp_path / "b.md").write_text("**44 million pills**, equating to 193 million doses.", encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    result = run(capsys, "scan", str(tmp_path))
    assert result.code == 1
    assert result.out.startswith("# Dose figures found\n\n2 stories, 3 figures, 1 claims: 1 implausible.\n")
    assert result.out.count("\n## ") == 2
    assert f"No dose figures found in {tmp_path / 'a.txt'}." in result.out


def test_cli_reads_standard_input(capsys, monkeypatch) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"Agents seized 5 kilos of fentanyl.")))
    result = run(capsys, "scan", "-")
    assert (result.code, result.out.splitlines()[1]) == (0, "No dose figures found in <stdin>.")


@pytest.mark.parametrize(
    ("setup", "args", "message"),
    [
        (lambda p: None, ["missing.txt"], "Error: cannot read {p}/missing.txt: no such file"),
        (lambda p: (p / "bad.txt").write_bytes(b"caf\xe9"), ["bad.txt"],
         "Error: {p}/bad.txt is not UTF-8 text (bad byte at offset 3); convert it to UTF-8"),
        (lambda p: (p / "empty").mkdir(), ["empty"],
         "Error: no text files (.txt, .text, .md, .markdown, .html, .htm) in the folder {p}/empty"),
        (lambda p: (p / "a.txt").write_text("x"), ["a.txt", "--format", "csv"],
         "Error: unknown format 'csv'; choose text, markdown, json"),
        (lambda p: (p / "a.txt").write_text("x"), ["a.txt", "--input-format", "pdf"],
         "Error: unknown input format 'pdf'; choose auto, plain, markdown, html"),
    ],
)  # fmt: skip
def test_cli_bad_input_is_one_line_and_exit_2(capsys, tmp_path, setup, args, message) -> None:
    setup(tmp_path)
    paths = [str(tmp_path / a) if not a.startswith("-") and i == 0 else a for i, a in enumerate(args)]
    result = run(capsys, "scan", *paths)
    assert (result.code, result.out) == (2, "")
    assert result.err == message.format(p=tmp_path) + "\n"


def test_scan_paths_reads_every_file_before_checking(tmp_path) -> None:
    (tmp_path / "a.txt").write_text("44 million pills, equal to 44 million doses.", encoding="utf-8")
    with pytest.raises(InputError, match="no such file"):
        scan_paths([tmp_path / "a.txt", tmp_path / "b.txt"])


def test_the_library_does_not_import_typer() -> None:
    import subprocess
    import sys

    code = "import sys, doseconv.scan; doseconv.scan.scan_text('5 doses'); print('typer' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


# --- properties ------------------------------------------------------------------------------


def test_trie_pattern_matches_exactly_its_words() -> None:
    words = ["a", "about", "an", "approx.", "two", "twenty"]
    pattern = re.compile(trie_pattern(words) + r"\Z")
    for word in words:
        assert pattern.match(word)
    for other in ["ab", "abou", "approx", "tw", "twentyone", ""]:
        assert not pattern.match(other)
    assert case_variants(["Nationwide"]) == ["NATIONWIDE", "Nationwide", "nationwide"]


@given(count=COUNTS, before=st.lists(FILLER, max_size=3), after=st.lists(FILLER, max_size=3))
@settings(max_examples=60, deadline=None)
def test_a_count_is_found_exactly_wherever_it_stands(count, before, after) -> None:
    """Any grouped count of pills is read exactly, and its offsets slice the input back to its text."""
    prefix = " ".join(before) + (" " if before else "")
    text = f"{prefix}Agents seized {count:,} fentanyl pills. {' '.join(after)}"
    (figure,) = figures_of(text)
    assert (figure.kind, figure.value) == ("pills", str(count))
    assert text[figure.start : figure.end] == f"{count:,} fentanyl pills"


@given(filler=st.lists(FILLER, min_size=1, max_size=4))
@settings(max_examples=40, deadline=None)
def test_unrelated_sentences_do_not_change_figures_or_claims(filler) -> None:
    """Adding numberless sentences before a story shifts every offset by their length and changes nothing else."""
    story_text = "Nationwide, agents seized nearly 44 million fentanyl pills, equal to almost 193 million doses."
    prefix = " ".join(filler) + " "
    plain = figures_of(story_text)
    shifted = figures_of(prefix + story_text)
    assert [(f.kind, f.value, f.text, f.start + len(prefix)) for f in plain] == [
        (f.kind, f.value, f.text, f.start) for f in shifted
    ]
    assert [inputs(c) for c in claims_of(story_text)] == [inputs(c) for c in claims_of(prefix + story_text)]


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
    assert (figure.qualifier, figure.value, figure.text) == (
        "more than",
        str(count),
        f"more than {count:,} pounds of fentanyl",
    )
    covered = re.sub(r"<[^>]+>", "", html[figure.start : figure.end])
    assert covered == figure.text


@given(text=NEWSY_TEXT)
@settings(max_examples=150, deadline=None)
def test_any_text_is_scanned_and_reported_without_error(text) -> None:
    """Whatever the text, scanning returns a report whose offsets lie inside the input, in every format."""
    from doseconv.scan import ScanSet
    from doseconv.scan.report import OUTPUT_FORMATS, render

    report = scan_text(text)
    assert all(0 <= f.start <= f.end <= len(text) for f in report.figures)
    for output in OUTPUT_FORMATS:
        assert render(ScanSet((report,)), output)


@given(value=st.integers(min_value=1, max_value=999), scale=st.sampled_from(["thousand", "million", "billion"]))
@settings(max_examples=40, deadline=None)
def test_scale_words_multiply_exactly(value, scale) -> None:
    """'N million doses' is N x 10^6 exactly, and a range shares its scale word."""
    power = {"thousand": 3, "million": 6, "billion": 9}[scale]
    (single,) = figures_of(f"That equals {value} {scale} doses.")
    assert Fraction(single.value) == value * 10**power
    (ranged,) = figures_of(f"That equals {value}-{value + 1} {scale} doses.")
    assert (Fraction(ranged.low), Fraction(ranged.high)) == (value * 10**power, (value + 1) * 10**power)

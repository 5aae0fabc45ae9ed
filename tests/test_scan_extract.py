"""Finding figures (doseconv.scan.extract, .figure, .reading): kinds, qualifiers, values, units, ranges, the parsed figure."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from doseconv.reading.stated import QUALIFIER_PHRASES, parse_stated

from .scanning import COUNTS, FILLER, exact, figures_of, summary


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They seized nearly 44 million fentanyl pills.",
         [("pills", "nearly", "44000000", "pills", "fentanyl", "nearly 44 million fentanyl pills")]),
        ("A total of 1.3 million fentanyl pills were seized.",
         [("pills", None, "1300000", "pills", "fentanyl", "1.3 million fentanyl pills")]),
        ("Agents seized 66 pounds of counterfeit pills.",
         [("pills", None, "66", "pounds", "fentanyl", "66 pounds of counterfeit pills")]),
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
    assert [(f.kind, f.drug, exact(f.value), f.unit, f.counts_toward_doses) for f in figures] == [
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
    assert (figure.qualifier, exact(figure.value), figure.stated_text) == (phrase, "6500", f"{phrase} 6,500 pounds")


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
    assert (exact(figure.value), figure.unit) == (value, unit)


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
    assert (exact(figure.value), exact(figure.low), exact(figure.high), figure.stated_text) == (None, low, high, stated)


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
    assert (figure.kind, figure.unit, figure.stated_text, figure.ambiguous) == ("fentanyl-mass", unit, stated, False)


def test_tons_are_flagged_as_ambiguous_not_refused() -> None:
    (figure,) = figures_of("Agents seized 4.5 tons of fentanyl.")
    assert (figure.kind, figure.unit, figure.ambiguous, figure.stated_text) == (
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
    assert (figure.kind, exact(figure.value), figure.unit, figure.counts_toward_doses) == (kind, value, unit, False)


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


@given(count=COUNTS, before=st.lists(FILLER, max_size=3), after=st.lists(FILLER, max_size=3))
@settings(max_examples=60, deadline=None)
def test_a_count_is_found_exactly_wherever_it_stands(count, before, after) -> None:
    """Any grouped count of pills is read exactly, and its offsets slice the input back to its text."""
    prefix = " ".join(before) + (" " if before else "")
    text = f"{prefix}Agents seized {count:,} fentanyl pills. {' '.join(after)}"
    (figure,) = figures_of(text)
    assert (figure.kind, exact(figure.value)) == ("pills", str(count))
    assert text[figure.start : figure.end] == f"{count:,} fentanyl pills"


@given(value=st.integers(min_value=1, max_value=999), scale=st.sampled_from(["thousand", "million", "billion"]))
@settings(max_examples=40, deadline=None)
def test_scale_words_multiply_exactly(value, scale) -> None:
    """'N million doses' is N x 10^6 exactly, and a range shares its scale word."""
    power = {"thousand": 3, "million": 6, "billion": 9}[scale]
    (single,) = figures_of(f"That equals {value} {scale} doses.")
    assert Fraction(single.value) == value * 10**power
    (ranged,) = figures_of(f"That equals {value}-{value + 1} {scale} doses.")
    assert (Fraction(ranged.low), Fraction(ranged.high)) == (value * 10**power, (value + 1) * 10**power)


# --- the parsed figure: read once, handed to the checker -------------------------------------


def test_exact_values_are_fractions() -> None:
    figure, ranged = figures_of("Agents seized 4,535.9237 kg of fentanyl and 10-15 million pills.")
    assert (figure.value, figure.low, figure.high) == (Fraction("4535.9237"), None, None)
    assert (ranged.value, ranged.low, ranged.high) == (None, Fraction(10_000_000), Fraction(15_000_000))
    assert all(isinstance(v, Fraction) for v in (figure.value, ranged.low, ranged.high))
    assert (figure.number_text, ranged.number_text) == ("4,535.9237", "10-15 million")


@pytest.mark.parametrize(
    "text",
    [
        *(f"Agents seized {phrase} 6,500 pounds of fentanyl." for phrase in QUALIFIER_PHRASES if phrase != "between"),
        "That equals 10-15 million pills.",
        "That equals 10–15 million pills.",
        "That equals 400,000 to 500,000 doses.",
        "That equals between 400,000 and 500,000 doses.",
        "That equals 1.2 million to 1.5 million pills.",
        "Agents seized 4.5 tons of fentanyl.",
        "Agents seized 10-15 tons of fentanyl.",
        "Agents seized 66 pounds of counterfeit pills.",
        "Agents seized 1.30 million pills and 1.5 kilograms (3.3 pounds) of fentanyl.",
        "Agents seized a kilo of fentanyl and two pounds of fentanyl.",
        "Just 2 mg of fentanyl can kill; 1e5 pills; 0.5 kg of fentanyl; .5 kg of fentanyl.",
        "Agents seized 91,000 pounds of methamphetamine, enough to kill 5 million people.",
    ],
)
def test_the_parsed_figure_is_what_the_checker_would_read_from_its_words(text) -> None:
    """Each figure's StatedFigure, built from the number, qualifier and unit already read, equals parse_stated of its
    stated words in everything the checker uses (qualifier, value, step, unit, range end)."""
    figures = [f for f in figures_of(text) if f.stated_text is not None]
    assert figures
    for figure in figures:
        parsed = parse_stated(figure.stated_text)
        assert figure.stated is not None and figure.unreadable is None
        assert (figure.stated.text, figure.stated.qualifier, figure.stated.phrase) == (
            parsed.text, parsed.qualifier, parsed.phrase,
        )  # fmt: skip
        for mine, theirs in ((figure.stated.amount, parsed.amount), (figure.stated.upper, parsed.upper)):
            if theirs is None:
                assert mine is None
            else:
                assert (mine.value, mine.step, mine.unit, mine.kind) == (
                    theirs.value,
                    theirs.step,
                    theirs.unit,
                    theirs.kind,
                )
        assert figure.stated.interval() == parsed.interval()
        assert figure.stated.interval("strict") == parsed.interval("strict")


@given(count=COUNTS, phrase=st.sampled_from([p for p in QUALIFIER_PHRASES if p != "between"]))
@settings(max_examples=60, deadline=None)
def test_the_parsed_figure_carries_the_value_and_the_qualifier_read(count, phrase) -> None:
    """Whatever the count and qualifier, the parsed figure holds the exact count read and the qualifier's rule."""
    (figure,) = figures_of(f"Agents seized {phrase} {count:,} fentanyl pills.")
    assert figure.stated.amount.value == figure.value == count
    assert (figure.stated.amount.kind, figure.stated.rule.key) == ("pills", figure.stated.qualifier)
    assert figure.stated.qualifier == parse_stated(figure.stated_text).qualifier


def test_the_tonne_alternative_is_the_same_figure_in_tonnes() -> None:
    (figure,) = figures_of("Agents seized nearly 4.5 tons of fentanyl.")
    assert (figure.stated_text, figure.stated.amount.unit) == ("nearly 4.5 short tons", "short_ton")
    alternative = figure.alternative
    assert (alternative.text, alternative.amount.unit, alternative.qualifier) == (
        "nearly 4.5 metric tons",
        "tonne",
        "nearly",
    )
    assert (alternative.amount.value, alternative.step) == (figure.stated.amount.value, figure.stated.step)
    (ranged,) = figures_of("Agents seized 10-15 tons of fentanyl.")
    assert (ranged.alternative.amount.unit, ranged.alternative.upper.unit) == ("tonne", "tonne")
    (plain,) = figures_of("Agents seized 4.5 metric tons of fentanyl.")
    assert plain.alternative is None


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Agents seized 15-10 million pills.",
         "range '15-10 million pills' runs backwards; write the smaller figure first"),
        ("Police seized between 5 kilos of fentanyl.",
         "'between 5 kilos of fentanyl': 'between' needs two figures, as in 'between 400,000 and 500,000 doses'"),
    ],
)  # fmt: skip
def test_a_figure_the_checker_cannot_read_keeps_its_words_and_the_reason(text, reason) -> None:
    (figure,) = figures_of(text)
    assert (figure.stated, figure.unreadable) == (None, reason)
    assert figure.to_dict()["stated"] == figure.stated_text


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        # Regression: the checker re-read "two hundred and fifty" as a range from 200 to 50.
        ("Officers seized two hundred and fifty pills.", 250, 250),
        # Regression: the checker did not carry "million" back to the first number of "5 to ten million".
        ("Officers seized 5 to ten million pills.", 5_000_000, 10_000_000),
        # Regression: the checker re-read "Twenty-five" as a range from 20 to 5 and refused it.
        ("Twenty-five pounds of fentanyl were seized.", 25, 25),
    ],
)
def test_the_checker_reads_the_figure_the_report_shows(text, low, high) -> None:
    (figure,) = figures_of(text)
    shown = (figure.value, figure.value) if figure.value is not None else (figure.low, figure.high)
    assert shown == (low, high)
    stated = figure.stated
    assert (stated.amount.value, (stated.upper or stated.amount).value) == (low, high)


@pytest.mark.parametrize(
    ("text", "kind", "value", "unit", "drug"),
    [
        ("Deputies found 4,500kg of fentanyl powder.", "fentanyl-mass", Fraction(4500), "kg", "fentanyl"),
        ("Troopers seized 12lbs of fentanyl.", "fentanyl-mass", Fraction(12), "lbs", "fentanyl"),
        ("Police seized a 1.5-kilogram brick of fentanyl.", "fentanyl-mass", Fraction(3, 2), "kilogram", "fentanyl"),
        ("Agents seized two-and-a-half pounds of fentanyl.", "fentanyl-mass", Fraction(5, 2), "pounds", "fentanyl"),
        ("Police seized a pound and a half of fentanyl.", "fentanyl-mass", Fraction(3, 2), "pound", "fentanyl"),
        ("Officers seized 1½ pounds of fentanyl.", "fentanyl-mass", Fraction(3, 2), "pounds", "fentanyl"),
        ("Police seized half a kilo of fentanyl.", "fentanyl-mass", Fraction(1, 2), "kilo", "fentanyl"),
        ("Deputies seized 6\npounds of fentanyl.", "fentanyl-mass", Fraction(6), "pounds", "fentanyl"),
        ("Agents seized 100,000 counterfeit oxycodone pills.", "pills", Fraction(100000), "pills", "fentanyl"),
        ("Investigators seized 250,000 fake M30s.", "pills", Fraction(250000), "pills", "fentanyl"),
        ("The task force seized 30,000 fentanyl-laced Percocet.", "pills", Fraction(30000), "pills", "fentanyl"),
        ("Police seized 66 pounds of counterfeit Percocet pills.", "pills", Fraction(66), "pounds", "fentanyl"),
        ("Police seized 2,000 oxycodone pills from a pharmacy.", "pills", Fraction(2000), "pills", "oxycodone"),
    ],
)
def test_units_fractions_and_counterfeit_pills_are_read(text, kind, value, unit, drug) -> None:
    (figure,) = figures_of(text)
    assert (figure.kind, figure.value, figure.unit, figure.drug) == (kind, value, unit, drug)


@pytest.mark.parametrize(
    ("text", "doses"),
    [
        ("Agents seized 1 kilogram of fentanyl, which could have taken 500,000 lives.", "500,000 lives"),
        ("Troopers seized 3 pounds of fentanyl, enough to claim more than 680,000 lives.", "more than 680,000 lives"),
        ("The 2 kilograms of fentanyl were lethal to 1 million, police said.", "1 million"),
        ("It could have killed 680,000 people, the department said.", "680,000 people"),
    ],
)
def test_claims_in_lives_and_people_are_dose_figures(text, doses) -> None:
    assert [f.text for f in figures_of(text) if f.kind == "doses"] == [doses]


def test_the_second_number_of_a_ratio_counts_nothing_seized() -> None:
    assert figures_of("Six out of ten pills contain a lethal dose; one in 10 pills is fake.") == []

"""The story model, class by class, in sentences written for these tests: what a mass is when the story names it by
reference, claims as reporters write them, what is no input, and totals the story adds up.

Each test is one class; the sentences are examples of it, and each asserts the figure read, the inputs a total takes
and its verdict.
"""

from __future__ import annotations

import pytest

from doseconv import check
from doseconv.reading.inputs import parse_claim
from doseconv.reading.stated import parse_stated
from doseconv.reading.sums import add_stated
from doseconv.scan import scan_text


def _only(text: str):
    (claim,) = scan_text(text).claims
    return claim


def _inputs(claim) -> tuple[str | None, str | None]:
    draft = claim.draft
    return (draft.pills.text if draft.pills else None, draft.powder.text if draft.powder else None)


# --- a mass named by reference, or with a class word in apposition -------------------------------------------


@pytest.mark.parametrize(
    ("text", "powder"),
    [
        ("Fentanyl busts rose in Ohio. Troopers seized 9 pounds of the highly potent synthetic opioid, enough to "
         "kill 2 million people.", "9 pounds of the highly potent synthetic opioid"),
        ("A fentanyl ring was broken up. The 11 pounds of the poison found in a garage could kill 2.5 million people.",
         "11 pounds of the poison"),
        ("Agents seized 5 kilograms of the deadly opioid fentanyl, enough to kill 2.5 million people.",
         "5 kilograms of the deadly opioid fentanyl"),
    ],
)  # fmt: skip
def test_a_mass_named_by_reference_in_a_story_of_fentanyl_is_fentanyl(text: str, powder: str) -> None:
    claim = _only(text)
    assert _inputs(claim) == (None, powder)
    assert claim.draft.powder.drug == "fentanyl"
    assert claim.verdict == "upper-bound"


def test_another_drug_named_after_a_class_word_is_still_that_drug() -> None:
    claim = _only("Fentanyl is a worry here. Agents seized 5 kilograms of the synthetic opioid carfentanil, enough to "
                  "kill 2.5 million people.")  # fmt: skip
    mass = scan_text("Agents seized 5 kilograms of the synthetic opioid carfentanil.").figures[0]
    assert (mass.kind, mass.drug) == ("other-drug-mass", "carfentanil")
    assert _inputs(claim) == (None, None) and claim.verdict == "unverifiable"


@pytest.mark.parametrize("words", ["bootleg oxycodone", "phony Percocet pills", "bogus oxycodone pills"])
def test_counterfeit_medicine_by_weight_is_fentanyl_pills_by_weight(words: str) -> None:
    (pills, _) = scan_text(f"Agents seized 44 pounds of {words}, enough to kill 1 million people.").figures
    assert (pills.kind, pills.drug) == ("pills", "fentanyl")
    assert "pills given by weight" in pills.notes


# --- claims as they are written ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "claimed"),
    [
        ("Agents seized 40 pounds of fentanyl that could kill upwards of 9 million.", "upwards of 9 million"),
        ("Agents seized 40 pounds of fentanyl. It could kill 9 million, officials said.", "9 million"),
        ("Agents seized 40 pounds of fentanyl, enough to kill 9 million in Ohio.", "9 million"),
    ],
)
def test_a_bare_count_after_a_verb_of_killing_is_a_claim_of_people(text: str, claimed: str) -> None:
    claim = _only(text)
    assert claim.draft.doses.text == claimed
    assert "people it could kill, read as doses" in claim.draft.doses.notes
    assert claim.draft.doses.stated.interval() == parse_claim(f"could kill {claimed}").interval()


def test_a_count_after_a_verb_of_killing_with_another_noun_is_no_claim() -> None:
    assert scan_text("Agents seized 40 pounds of fentanyl, enough to kill 10,000 horses.").claims == ()


def test_a_headline_total_with_a_bare_count_takes_its_inputs_from_the_story_below() -> None:
    claim = _only("Seizure could kill 10 million\n\nAgents seized 44 pounds of fentanyl on Tuesday.")
    assert (claim.draft.doses.text, _inputs(claim), claim.draft.basis) == (
        "10 million",
        (None, "44 pounds of fentanyl"),
        "nearby",
    )


@pytest.mark.parametrize("quoted", ['6 million "deadly doses"', "6 million “deadly doses”", "6 million “lethal doses”"])
def test_dose_nouns_in_quotation_marks_are_read(quoted: str) -> None:
    claim = _only(f"Agents seized 20 pounds of fentanyl, or {quoted} of the drug.")
    assert claim.draft.doses.text == quoted
    assert parse_stated(quoted).amount.value == 6_000_000
    assert claim.verdict == check(powder="20 pounds", claim="6 million doses").verdict == "impossible"


# --- what is not an input ---------------------------------------------------------------------------------------


def test_what_a_small_quantity_could_hold_is_a_claim_with_no_inputs() -> None:
    claim = _only(
        "Deputies seized 44 pounds of fentanyl last year. A teaspoon of the drug could hold 500 lethal doses."
    )
    assert (claim.draft.doses.text, _inputs(claim), claim.verdict) == ("500 lethal doses", (None, None), "unverifiable")
    assert "an illustration: no mass of it is stated" in " ".join(claim.notes)


def test_a_total_of_one_seizure_takes_no_figure_from_a_later_paragraph() -> None:
    text = (
        "Police in Tulsa gave the results of an investigation on Monday.\n\n"
        "Detectives seized 4 kilograms of fentanyl from a storage unit. That is enough to kill 2 million people.\n\n"
        "Officers also seized 20,000 fentanyl pills during traffic stops in March."
    )
    claim = _only(text)
    assert (_inputs(claim), claim.draft.scale) == ((None, "4 kilograms of fentanyl"), "seizure")


def test_an_aggregate_total_takes_an_input_told_one_paragraph_later() -> None:
    text = (
        "In 2023 the division seized 3 million fentanyl pills. Its seizures add up to 20 million deadly doses.\n\n"
        "The division has also seized 1,000 pounds of fentanyl powder in 2023."
    )
    claim = _only(text)
    assert _inputs(claim) == ("3 million fentanyl pills", "1,000 pounds of fentanyl powder")


# --- totals the story adds up -----------------------------------------------------------------------------------


def test_a_total_the_story_adds_up_is_checked_against_the_sum() -> None:
    text = (
        "In fiscal year 2023 sector agents seized a record 1,270 pounds of fentanyl. So far in fiscal year 2024 they "
        "have seized more than 470 pounds of fentanyl. The amount combined is enough to kill more than 390 million "
        "people.\n\nAhead of the holiday, more than 1.1 million fentanyl pills were seized at the port."
    )
    claim = _only(text)
    draft = claim.draft
    assert (draft.basis, draft.pills) == ("added", None)
    assert [f.text for f in draft.added] == ["1,270 pounds of fentanyl", "more than 470 pounds of fentanyl"]
    summed = add_stated([parse_stated("1,270 pounds"), parse_stated("more than 470 pounds")])
    assert draft.powder.stated.interval() == summed.interval()
    assert claim.verdict == check(powder=summed, claim="more than 390 million doses", scale=draft.scale).verdict
    assert claim.verdict == "upper-bound"
    note = next(n for n in claim.notes if n.startswith("the story adds up"))
    assert "fiscal year 2023" in note and "fiscal year 2024" in note
    assert claim.to_dict()["added"] == [f.index for f in draft.added]


@pytest.mark.parametrize("words", ["Together, the two seizures", "In all, the seizures", "Taken together, they"])
def test_each_way_of_adding_up_sums_the_figures_before_it(words: str) -> None:
    text = f"Agents seized 10 kilograms of fentanyl in March and 5 kilograms in April. {words} could kill 7.5 million."
    claim = _only(text)
    assert (
        claim.draft.powder.stated.interval()
        == add_stated([parse_stated("10 kilograms"), parse_stated("5 kilograms")]).interval()
    )
    assert claim.verdict == "upper-bound"


def test_a_total_with_one_figure_before_its_words_of_adding_is_read_as_usual() -> None:
    claim = _only("Agents working together seized 10 kilograms of fentanyl, enough to kill 5 million people.")
    assert (claim.draft.basis, _inputs(claim)) == ("sentence", (None, "10 kilograms of fentanyl"))


# --- one seizure said twice -------------------------------------------------------------------------------------


def test_a_mass_said_again_without_its_drug_is_the_mass_told_before() -> None:
    text = (
        "Fentanyl seizures rose in the county.\n\nDeputies seized 30 pounds of the synthetic opioid last year.\n\nThey "
        "also seized 90 pounds of heroin.\n\n"
        "The 30 pounds seized last year could kill 6 million people, the sheriff said."
    )
    claim = _only(text)
    assert (claim.draft.powder.text, claim.draft.powder.kind, claim.draft.basis) == (
        "30 pounds",
        "fentanyl-mass",
        "sentence",
    )
    assert (
        "the mass '30 pounds of the synthetic opioid' told before it, said again: fentanyl" in claim.draft.powder.notes
    )


def test_a_mass_of_another_value_is_not_taken_for_one_told_before() -> None:
    figures = scan_text(
        "Deputies seized 30 pounds of fentanyl and 90 pounds of heroin.\n\nThe 45 pounds were weighed."
    ).figures
    assert figures[-1].kind == "other"


@pytest.mark.parametrize(
    ("headline", "agency"),
    [
        ("Ohio State Police seize enough fentanyl to kill 2 million", "Ohio State Police"),
        ("Tulsa Police seize enough fentanyl to kill 2 million", "Tulsa Police Department"),
    ],
)
def test_an_agency_named_short_in_a_headline_and_in_full_below_is_one_agency(headline: str, agency: str) -> None:
    claim = _only(f"{headline}\n\nOfficers of the {agency} seized 4 kilograms of fentanyl, officials said on Monday.")
    assert _inputs(claim) == (None, "4 kilograms of fentanyl")


def test_a_state_police_covers_its_state() -> None:
    (mass,) = scan_text("The Ohio State Police seized 4 kilograms of fentanyl.").figures
    assert (mass.scope.place, mass.scope.agency) == ("Ohio", "Ohio State Police")

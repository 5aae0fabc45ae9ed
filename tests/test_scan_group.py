"""Building claims (doseconv.scan.group): each dose figure with the pills and powder it was made from."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from .scanning import FILLER, claims_of, exact, figures_of, inputs


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


@given(filler=st.lists(FILLER, min_size=1, max_size=4))
@settings(max_examples=40, deadline=None)
def test_unrelated_sentences_do_not_change_figures_or_claims(filler) -> None:
    """Adding numberless sentences before a story shifts every offset by their length and changes nothing else."""
    story_text = "Nationwide, agents seized nearly 44 million fentanyl pills, equal to almost 193 million doses."
    prefix = " ".join(filler) + " "
    plain = figures_of(story_text)
    shifted = figures_of(prefix + story_text)
    assert [(f.kind, exact(f.value), f.text, f.start + len(prefix)) for f in plain] == [
        (f.kind, exact(f.value), f.text, f.start) for f in shifted
    ]
    assert [inputs(c) for c in claims_of(story_text)] == [inputs(c) for c in claims_of(prefix + story_text)]

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


def test_a_total_with_no_input_of_its_own_scope_has_none_and_keeps_the_nearest_of_another_apart() -> None:
    """A fiscal year to date and a calendar year, each stated in its figure's own sentence, are two scopes."""
    (claim,) = claims_of(
        "CBP seized 21,000 pounds of fentanyl in 2024.\n\n"
        "So far in fiscal year 2024, CBP's seizures equal 500 million doses."
    )
    assert inputs(claim) == (None, None, "none")
    assert claim.notes == ()  # the scanner adds the sentence, with the what-if verdict
    assert claim.other_scope is not None
    assert [f.text for f in claim.other_scope.figures] == ["21,000 pounds of fentanyl"]
    what_if = claim.what_if()
    assert inputs(what_if) == (None, "21,000 pounds of fentanyl", "other scope")
    assert what_if.notes == (
        "different scopes: the doses (500 million doses) are CBP; fiscal year 2024, to date; "
        "powder (21,000 pounds of fentanyl) is CBP; 2024",
    )
    assert what_if.other_scope is None and what_if.what_if() is None


def test_weak_scope_cues_do_not_split_a_seizure_from_its_total() -> None:
    """Regression: the CBP fiscal-year total was left unverifiable beside the pounds DHS's components (CBP among them)
    seized in 2024: overlapping agencies and a period from the list's heading are weak cues, said in a note."""
    (claim,) = claims_of(
        "DHS Actions in 2024\n\n"
        "• More than 27,000 pounds of fentanyl were seized. These seizures were conducted by CBP and HSI.\n\n"
        "• CBP's total so far in fiscal year 2024 amounts to 738.5 million doses."
    )
    assert inputs(claim) == (None, "More than 27,000 pounds of fentanyl", "nearby")
    assert claim.other_scope is None
    assert claim.notes == (
        "the scopes differ only by weak cues (the agency and period: named in passing, by who speaks, or in another "
        "sentence), which do not split a seizure from its total: the doses (738.5 million doses) are CBP; fiscal "
        "year 2024, to date; powder (More than 27,000 pounds of fentanyl) is CBP, HSI; 2024",
    )


@pytest.mark.parametrize(
    ("text", "source"),
    [
        pytest.param("Texas agents seized 4 kilograms of fentanyl. Harbor County deputies said the drug could kill "
                     "2 million people.", "4 kilograms of fentanyl", id="a state named in passing"),
        pytest.param("Agents seized 4 kilograms of fentanyl, the DEA said. Harbor County deputies said the drug "
                     "could kill 2 million people.", "4 kilograms of fentanyl", id="an agency that only speaks"),
        pytest.param("Agents seized 4 kilograms of fentanyl last year. In 2023 the drug was enough to kill 2 million "
                     "people.", "4 kilograms of fentanyl", id="a relative period with no story date"),
    ],
)  # fmt: skip
def test_each_weak_cue_keeps_a_seizure_with_its_total(text: str, source: str) -> None:
    (claim,) = claims_of(text)
    assert inputs(claim)[1] == source


def test_a_total_with_no_figure_at_all_near_it_has_no_other_scope() -> None:
    (claim,) = claims_of("Nationwide, the seizures equal 5 million doses.")
    assert (inputs(claim), claim.other_scope) == ((None, None, "none"), None)
    assert claim.notes == ("no fentanyl pills or powder found near this dose figure",)


@pytest.mark.parametrize(
    ("text", "nearest"),
    [
        pytest.param(
            "Nationwide, the DEA seized 6,500 pounds of fentanyl powder in 2022.\n\n"
            "The DEA Phoenix Division said its share was enough for 2 million potentially deadly doses.",
            "6,500 pounds of fentanyl powder",
            id="a division's total is not built from the national figures",
        ),
        pytest.param(
            "The DEA Phoenix Division seized 300 pounds of fentanyl powder in 2022.\n\n"
            "Nationwide, the agency's seizures that year equal 379 million potentially deadly doses.",
            "300 pounds of fentanyl powder",
            id="a national total is not built from one division's figures",
        ),
        pytest.param(
            "HSI agents seized 27,000 pounds of fentanyl in 2024.\n\n"
            "CBP said its own seizures in 2024 equal 738.5 million doses.",
            "27,000 pounds of fentanyl",
            id="an agency's total is not built from another agency's figures",
        ),
        pytest.param(
            "CBP seized 21,000 pounds of fentanyl in 2024.\n\nSo far in fiscal year 2024, CBP's seizures equal "
            "500 million doses.",
            "21,000 pounds of fentanyl",
            id="a fiscal year to date is not a calendar year",
        ),
        pytest.param(
            "The Harbor County Sheriff's Office seized 4 kilograms of fentanyl on Tuesday.\n\n"
            "Statewide, enough fentanyl was seized in 2023 to kill 10 million people.",
            "4 kilograms of fentanyl",
            id="a state's total is not built from a county's seizure",
        ),
        pytest.param(
            "The Riverton Police Department seized 2 kilos of fentanyl on Friday.\n\n"
            "Statewide, troopers have seized enough fentanyl this year for 12 million lethal doses.",
            "2 kilos of fentanyl",
            id="a state's total is not built from a town police seizure",
        ),
        pytest.param(
            "Operation Blue Lotus seized 4,700 pounds of fentanyl.\n\n"
            "Operation Last Mile took enough fentanyl off the street for 193 million deadly doses.",
            "4,700 pounds of fentanyl",
            id="one operation's total is not built from another's figures",
        ),
    ],
)
def test_scopes_that_are_part_of_one_another_are_different_scopes(text, nearest) -> None:
    (claim,) = claims_of(text)
    assert inputs(claim) == (None, None, "none")
    assert [f.text for f in claim.other_scope.figures] == [nearest]
    assert claim.doses.scope.differences(claim.other_scope.figures[0].scope)


def test_a_figure_in_the_claims_own_sentence_is_its_input_whatever_its_scope() -> None:
    """The same-sentence rule stays: the story itself pins the doses on that figure."""
    (claim,) = claims_of(
        "Nationwide, agents seized 6,500 pounds of fentanyl powder.\n\n"
        "The Omaha Division seized 100 pounds of fentanyl powder, which nationwide officials said equals "
        "3 million doses."
    )
    assert inputs(claim) == (None, "100 pounds of fentanyl powder", "sentence")
    assert claim.other_scope is None


def test_a_same_scope_figure_beyond_the_paragraph_beats_a_nearer_one_of_another_scope() -> None:
    (claim,) = claims_of(
        "The DEA Omaha Division seized 100 pounds of fentanyl powder in 2022.\n\n"
        "Nationwide, the DEA seized 6,500 pounds of fentanyl powder in 2022.\n\n"
        "The DEA Omaha Division said its seizures that year equal 3 million doses."
    )
    assert inputs(claim) == (None, "100 pounds of fentanyl powder", "nearby")
    assert claim.other_scope is None


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
    pattern = group._one_seizure()

    class Counting:
        def search(self, *args):
            calls.append(args[1:])
            return pattern.search(*args)

    monkeypatch.setattr(group, "_one_seizure", lambda: Counting())
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

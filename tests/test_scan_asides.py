"""An aside inside a paragraph ("Separately, deputies seized …") tells of another seizure: its scope
holds for the rest of its paragraph, not for the paragraphs after it."""

from __future__ import annotations

import pytest

from doseconv.scan import scan_text


@pytest.mark.parametrize("aside", ["Separately", "In a separate case", "In another case", "Elsewhere"])
def test_an_aside_does_not_set_the_scope_of_the_next_paragraph(aside: str) -> None:
    text = (
        "Officers with the Omaha Police Department seized 1,000 fentanyl pills on Friday. "
        f"{aside}, Douglas County deputies seized 3 kilograms of fentanyl powder.\n\n"
        "The pills alone represent 1,000 potentially lethal doses, police said."
    )
    (claim,) = scan_text(text, "t").claims
    assert claim.draft.doses.scope.place == "Omaha"
    assert claim.draft.pills is not None and claim.draft.pills.text == "1,000 fentanyl pills"
    assert claim.verdict == "consistent"


def test_an_aside_still_sets_the_scope_of_the_rest_of_its_paragraph() -> None:
    text = (
        "Officers with the Omaha Police Department seized 1,000 fentanyl pills on Friday. "
        "Separately, Douglas County deputies seized 3 kilograms of fentanyl powder. "
        "That seizure could kill 1.5 million people."
    )
    (claim,) = scan_text(text, "t").claims
    assert claim.draft.doses.scope.place == "Douglas County"
    assert claim.draft.powder is not None and claim.draft.powder.text == "3 kilograms of fentanyl powder"


def test_a_paragraph_that_opens_with_separately_is_the_next_subject() -> None:
    text = (
        "The DEA seized 4 kilos of fentanyl in March.\n\n"
        "Separately, the Riverton Police Department seized 2 kilos of fentanyl.\n\n"
        "The drug is enough to kill 1 million people, the chief said."
    )
    (claim,) = scan_text(text, "t").claims
    assert claim.draft.powder is not None and claim.draft.powder.text == "2 kilos of fentanyl"

"""A mass "of powder" whose sentence names no drug takes the only drug its paragraph names."""

from __future__ import annotations

import pytest

from doseconv.scan import scan_text

from .scanning import figures_of


@pytest.mark.parametrize("powder", ["13,000 pounds of powder", "13,000 lbs of powder", "5,900 kilograms of powder"])
def test_powder_takes_the_only_drug_of_its_paragraph(powder: str) -> None:
    text = (
        "The DEA seized 1.4 million fentanyl pills and 1,500 pounds of fentanyl powder in New England. "
        f"Nationally, the DEA seized 79 million pills and {powder} in 2023, which equals 381 million deadly doses."
    )
    (claim,) = scan_text(text, "t").claims
    assert claim.draft.powder is not None and claim.draft.powder.text == powder
    assert claim.draft.powder.kind == "fentanyl-mass"
    assert "the only drug in the paragraph" in " ".join(claim.draft.powder.notes)
    assert claim.verdict == "plausible"  # not "the total pinned on the pills alone"


def test_powder_in_a_paragraph_of_two_drugs_names_none() -> None:
    text = "Agents seized 5 pounds of fentanyl and 40 pounds of methamphetamine. They also found 10 kilos of powder."
    scopes = {f.text: f.kind for f in figures_of(text)}
    assert scopes["10 kilos of powder"] == "other"


def test_the_drug_of_its_own_paragraph_comes_before_the_story_s() -> None:
    text = "Agents seized 5 pounds of fentanyl.\n\nIn a meth case they found 10 kilos of powder."
    assert {f.text: f.kind for f in figures_of(text)}["10 kilos of powder"] == "other-drug-mass"


def test_powder_in_a_paragraph_naming_no_drug_takes_the_only_drug_named_before() -> None:
    text = (
        "The DEA's Houston Division seized 2.1 million fentanyl pills and 700 kilograms of fentanyl powder.\n\n"
        "Across the country, the agency seized 60 million pills and 8,000 pounds of powder, equal to more than "
        "380 million deadly doses."
    )
    (claim,) = scan_text(text, "t").claims
    assert claim.draft.powder is not None and claim.draft.powder.text == "8,000 pounds of powder"
    assert "the only drug in the story before it" in " ".join(claim.draft.powder.notes)
    assert claim.verdict == "plausible"


def test_powder_after_two_drugs_named_before_names_none() -> None:
    text = "Agents seized 5 pounds of fentanyl and 40 pounds of meth.\n\nThey also found 10 kilos of powder."
    assert {f.text: f.kind for f in figures_of(text)}["10 kilos of powder"] == "other"

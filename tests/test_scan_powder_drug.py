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


def test_powder_does_not_take_a_drug_from_another_paragraph() -> None:
    text = "Agents seized 5 pounds of fentanyl.\n\nIn another case they found 10 kilos of powder."
    scopes = {f.text: f.kind for f in figures_of(text)}
    assert scopes["10 kilos of powder"] == "other"

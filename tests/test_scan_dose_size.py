"""A dose in the singular ("one dose can be as small as 2 milligrams") is a dose's size, not a total,
and "enough fentanyl to wipe out …" is a population phrase like "enough to wipe out …"."""

from __future__ import annotations

import pytest

from doseconv.scan import scan_text


@pytest.mark.parametrize(
    "rule",
    ["one dose can be as small as 2 milligrams", "a single dose is about 2 milligrams",
     "just 1 dose can kill", "one deadly dose is smaller than a pencil tip"],
)  # fmt: skip
def test_a_dose_in_the_singular_is_no_claim(rule: str) -> None:
    text = f"Deputies seized 10,000 fentanyl pills, the sheriff said. Experts say {rule}."
    report = scan_text(text, "t")
    assert not report.claims
    assert not [f for f in report.figures if f.kind == "doses"]


@pytest.mark.parametrize("what", ["fentanyl", "doses", "lethal doses"])
@pytest.mark.parametrize("verb", ["wipe out", "poison", "kill off"])
def test_enough_of_something_before_every_population_verb(what: str, verb: str) -> None:
    text = f"Troopers seized 60 pounds of fentanyl in Wyoming, enough {what} to {verb} every resident of Wyoming."
    (claim,) = scan_text(text, "t").claims
    assert claim.draft.doses.text == f"enough {what} to {verb} every resident of Wyoming"
    assert claim.verdict == "consistent"  # a floor: 60 lb at any yearly mean purity holds millions of doses

"""A date that places one event ("earlier this year") is no period of a total."""

from __future__ import annotations

import pytest

from doseconv.scan import scan_text


@pytest.mark.parametrize("when", ["Earlier this year", "Later this year", "earlier this year"])
def test_an_event_earlier_this_year_does_not_set_the_period_of_the_total_after_it(when: str) -> None:
    text = (
        "State and local officers seized 900 pounds of fentanyl across Georgia in 2023, the attorney general said. "
        f"{when.capitalize() if when[0].isupper() else 'In a raid ' + when}, the Cobb County Sheriff's Office "
        "seized 3 kilograms of fentanyl. The statewide total is enough to kill 204 million people."
    )
    (claim,) = scan_text(text, "t").claims
    assert claim.draft.powder is not None and claim.draft.powder.text == "900 pounds of fentanyl"
    assert claim.draft.doses.scope.period == "2023"
    assert claim.verdict == "upper-bound"  # 900 lb as pure fentanyl is 204.1 million doses


def test_this_year_alone_is_still_a_period() -> None:
    text = "This year the Cobb County Sheriff's Office seized 3 kilograms of fentanyl."
    (figure,) = [f for f in scan_text(text, "t", run_checks=False).figures if f.kind == "fentanyl-mass"]
    assert figure.scope.period == "this year"

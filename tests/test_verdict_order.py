"""The verdict order when a set lacks a value, and one rule for undated claims.

A value the set does not publish decides only a verdict that needs it: what the tool can tell without it
(a negative purity, more than every yearly mean, a count of the mass as pure) is said under every set.
"""

from __future__ import annotations

import pytest

from doseconv import check
from doseconv.scan import scan_text

DATED = "2021-08-01"


def _scanned(text: str) -> tuple[str, str]:
    (claim,) = scan_text(text, date=DATED).claims
    assert claim.result is not None
    return claim.result.verdict, claim.result.plain


@pytest.mark.parametrize(
    ("text", "verdict", "plain"),
    [
        (
            "The border task force seized 2,000 pounds of fentanyl powder in 2021, which officials said was enough "
            "to kill 270 million people.",
            "implausible",
            "The 270 million claimed does not follow from the stated amounts: 270 million would need the powder to "
            "be 57% to 62% pure, outside every yearly average DEA has published. A likely figure cannot be worked "
            "out: DEA's figures for 2021 include no average powder purity; give one.",
        ),
        (
            "Agents seized 2.4 million counterfeit pills and 300 pounds of fentanyl powder in 2021, enough to kill "
            "more than 1 million people.",
            "implausible",
            "The more than 1 million claimed does not follow from the stated amounts: the pills alone hold 2.4 "
            "million lethal doses, counting each pill as one, more than claimed for all the drugs together. A likely "
            "figure cannot be worked out: DEA's figures for 2021 include no average powder purity; give one.",
        ),
        (  # a sentence of our own: a purity within the yearly means, and no central value to compare
            "Investigators seized 500 pounds of fentanyl powder in 2021, enough for 15 million lethal doses.",
            "plausible",
            "The 15 million claimed would need the powder to be 13% to 14% pure, within the range of yearly "
            "averages DEA has published; DEA's figures for 2021 include no average powder purity, so no likely "
            "figure can be given.",
        ),
    ],
)
def test_a_value_the_set_does_not_publish_decides_nothing_it_plays_no_part_in(text, verdict, plain) -> None:
    assert _scanned(text) == (verdict, plain)


@pytest.mark.parametrize("chosen", ["dea-2017", "dea-2021"])
def test_every_verdict_needing_no_central_value_is_given_under_a_set_without_purity(chosen) -> None:
    """Under a set with no powder purity, the verdict is the one any set with a purity gives, unless that set's
    own figure is what decides (consistent against plausible)."""
    for powder, claim in [("1 kg", "100,000 doses"), ("1 kg", "20,000 doses"), ("1 kg", "2 million doses"),
                          ("10 kilograms", "5 million doses"), ("500 pounds", "150 million doses")]:  # fmt: skip
        without = check(None, powder, claim, assumptions=chosen)
        ways = {check(None, powder, claim, assumptions=s).verdict for s in ("dea-2022", "dea-2019", "dea-2024")}
        assert without.verdict != "unverifiable"
        if without.verdict == "plausible":
            assert ways <= {"plausible", "consistent"}
            assert "publishes no central value" in without.explanation
        else:
            assert ways == {without.verdict}, (powder, claim)


def test_unverifiable_is_kept_where_the_needed_value_cannot_be_computed() -> None:
    result = check("250,000 pills", "12 kg", "5 million doses", assumptions="dea-2023", pill_model="mean-content")
    assert result.verdict == "unverifiable"
    assert result.plain == (
        "The claim cannot be checked: DEA's figures for 2023 include no mean fentanyl per pill, which counting these "
        "pills needs."
    )


def test_one_rule_for_every_claim_with_no_date() -> None:
    """A dose claim and a population claim with no date take the same set, and the output says which and why."""
    doses = check(None, "9,800 pounds", "1.5 billion doses")
    people = check(None, "9,800 pounds", "enough to kill every American six times over")
    assert doses.assumptions.name == people.assumptions.name == "dea-2022"
    assert people.population is not None and people.population.year == 2022
    for result in (doses, people):
        assert result.notes[0].startswith("no date given: the assumptions of dea-2022, the default (")
        assert result.to_dict()["notes"][0] == result.notes[0]
    dated = check(None, "9,800 pounds", "1.5 billion doses", year=2024)
    assert dated.assumptions.name == "dea-2024" and not any(n.startswith("no date given") for n in dated.notes)

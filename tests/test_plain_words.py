"""Honest words: the plain text keeps every figure's unit and range, says a floor, an impossible purity, the size of
a slip and a single seizure's band as they are, and agrees in number ("1 pill holds 1 lethal dose")."""

from __future__ import annotations

from fractions import Fraction

import pandas as pd
import pytest

import doseconv
from doseconv import check

PURITY_2024 = "At the 19.2% average purity for 2022 reported in DEA's 2024 National Drug Threat Assessment"


def test_a_table_cell_without_its_unit_is_said_with_the_columns_unit() -> None:
    """A powder cell "26" in a column of pounds read "26 of seized fentanyl powder": the unit was dropped."""
    table = pd.DataFrame({"pills": ["250,000"], "powder_lbs": ["26"], "claimed": ["6 million"]})
    checked = doseconv.check_table(
        table, pills="pills", powder="powder_lbs", powder_unit="lb", claim="claimed", plain=True
    )
    assert checked["verdict"][0] == "upper-bound"
    assert checked["plain"][0] == (
        f"Counting each pill as one lethal dose and {PURITY_2024[0].lower()}{PURITY_2024[1:]}, 250,000 fentanyl pills "
        "and 26 lb of seized fentanyl powder hold about 1.38 million lethal doses of 2 mg, not the 6 million "
        "claimed; 6 million would need the powder to be pure fentanyl."
    )


@pytest.mark.parametrize(
    ("powder", "unit", "said"),
    [("about 1", "lb", "about 1 lb of"), ("12", "kg", "12 kg of"), ("1 1/2 pounds", "kg", "1 1/2 pounds of")],
)
def test_every_mass_is_said_with_a_unit(powder: str, unit: str, said: str) -> None:
    from doseconv.reading.inputs import read_figure

    figure = read_figure(powder, "powder", unit=unit)
    result = check(None, figure, "5 million doses")
    assert f", {said} seized fentanyl powder holds " in result.plain


def test_a_range_of_inputs_is_kept_as_a_range_in_every_field() -> None:
    result = check("between 10 and 12 million pills", None, "5 million doses")
    assert result.verdict == "implausible"
    assert result.plain == (
        "Counting each pill as one lethal dose, between 10 and 12 million fentanyl pills hold 10 million to 12 "
        "million lethal doses of 2 mg, not the 5 million claimed; 5 million would need 0.8 to 1.1 mg of fentanyl in "
        "each pill, below the lowest yearly average DEA has published, 1.3 mg of fentanyl per pill."
    )
    out = result.to_dict()["correction"]
    assert (out["phrase"], out["value"], out["high"]) == ("10 million to 12 million", "10000000", "12000000")


def test_a_claimed_range_is_quoted_by_its_numbers() -> None:
    result = check(None, "10 kg", "between 4 and 5 million doses")
    assert "not the 4 to 5 million claimed; a figure in that range would need" in result.plain


def test_a_floor_is_said_as_a_floor_throughout_its_explanation() -> None:
    """ "at least 1,515,628,039.5 doses, a floor" was followed by the multiple's range; now by the floor itself."""
    result = check(
        None, "9,800 pounds", "enough to kill every American six times over", assumptions="dea-2021", year=2021
    )
    assert result.verdict == "upper-bound"
    assert result.plain == (
        "Counted as pure fentanyl, 9,800 pounds of powder would hold about 2.22 billion lethal doses — in theory "
        "about 6.7 times the U.S. population; six times would need the powder to be pure fentanyl, the most it could "
        "hold, not what it likely holds. DEA's figures for 2021 include no average powder purity, so a likely figure "
        "cannot be given."
    )
    assert result.explanation.startswith(
        "Claim 'enough to kill every American six times over' (at least 1,826,548,680 doses, a floor) from \"9,800 "
        'pounds", under dea-2021 (2 mg per dose; no powder purity published). 1,826,548,680 doses are 3,653 kg of '
        "pure fentanyl at 2 mg per dose."
    )


@pytest.mark.parametrize(
    ("powder", "claim", "display"),
    [
        ("2 kg", "1 million doses", "powder purity from 76% to 140% (above 100% it cannot be)"),
        ("1 pound", "1 million doses", "powder purity from 279.25% to 925.94% (more than 100%: it cannot be)"),
        ("12 kg", "500,000 doses", "powder purity from 7.92% to 8.78%"),
    ],
)
def test_a_purity_over_100_percent_is_said_to_be_impossible(powder: str, claim: str, display: str) -> None:
    result = check(None, powder, claim, assumptions="dea-2024")
    assert result.to_dict()["implied"]["display"] == display
    assert f"The claim needs {display.removesuffix(')')}" in result.explanation


def test_a_purity_range_running_past_100_percent_stops_at_100_in_the_plain_text() -> None:
    from doseconv.checker.correction import needs_words
    from doseconv.checker.results import Implied
    from doseconv.intervals import Interval

    implied = Implied("powder_purity", Interval(Fraction(84, 100), Fraction(122, 100)))
    assert needs_words(implied) == (
        "the powder to be 84% to 100% pure (the top of that range, 122%, is more than pure and cannot be)"
    )


@pytest.mark.parametrize(
    ("claim", "slip"),
    [
        ("96,000 doses", "a slip of ten (a misplaced digit)"),
        ("9,600 doses", "a slip of a hundred (two digits misplaced)"),
    ],
)
def test_a_slip_is_said_at_its_own_size(claim: str, slip: str) -> None:
    result = check(None, "10 kg", claim)
    assert result.verdict == "implausible"
    assert result.plain == (
        f"{PURITY_2024}, 10 kg of seized fentanyl powder holds 960,000 lethal doses of 2 mg, not the "
        f"{claim.split()[0]} claimed; {claim.split()[0]} comes from {slip}."
    )


def test_a_single_seizure_is_held_to_the_range_of_single_samples_in_words() -> None:
    inside = check(None, "12 kg", "500,000 doses", scale="seizure")
    assert inside.verdict == "plausible"
    assert inside.plain.endswith(
        "the 500,000 claimed would need the powder to be 7.9% to 8.8% pure, within the range of single samples DEA "
        "has published."
    )
    outside = check(None, "exactly 12 kg", "5.6 million doses", scale="seizure")
    assert outside.verdict == "implausible"
    assert outside.plain.endswith(
        "5.6 million would need the powder to be 93% to 94% pure, above the top of the range of single samples DEA "
        "has published, 81.5%."
    )
    assert "yearly" not in inside.plain + outside.plain


def test_one_pill_holds_one_lethal_dose() -> None:
    result = check("1 pill", None, "1 dose")
    assert (
        result.plain
        == "Counting each pill as one lethal dose, 1 pill holds 1 lethal dose of 2 mg, in line with the 1 claimed."
    )
    assert "1 dose is 2 mg of pure fentanyl" in result.explanation
    flagged = check("1 pill", None, "5 doses")
    assert flagged.plain.startswith("Counting each pill as one lethal dose, 1 pill holds 1 lethal dose of 2 mg, not ")


def test_the_explanation_names_ways_of_counting_in_words_never_by_code() -> None:
    from doseconv.checker.rows import METHOD_TABLE

    for args in [
        ("nearly 44 million fentanyl pills", None, "almost 193 million deadly doses"),
        (None, "2 kilograms", "1 million doses"),
        (None, "exactly 6,500 pounds", "1,477,272,727 doses"),
        (None, "47 pounds", "10 million doses"),
    ]:
        explanation = check(*args, assumptions="dea-2024").explanation
        assert "Reproduced" in explanation
        for row in METHOD_TABLE:
            assert row.name not in explanation, (row.name, explanation)

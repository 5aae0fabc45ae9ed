"""The verdict order when a set lacks a value, and one rule for undated claims.

A value the set does not publish decides only a verdict that needs it: what the tool can tell without it
(a negative purity, more than every yearly mean, a count of the mass as pure) is said under every set.
"""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from doseconv import check
from doseconv.scan import scan_text
from doseconv.scan.reportparts import summary_line

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
            "be 57% to 62% pure, about three times the highest yearly average DEA has published, 19.5%. A likely "
            "figure cannot be worked out: DEA's figures for 2021 include no average powder purity; give one.",
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


def _story(text: str, date: str) -> tuple[str, str, list[str]]:
    (claim,) = scan_text(text, date=date).claims
    assert claim.result is not None
    return claim.result.verdict, claim.result.plain, claim.result.matching_methods[:1]


@pytest.mark.parametrize(
    ("text", "date", "plain"),
    [
        (
            "Deputies found 47 pounds of fentanyl in the car, enough to kill 10 million people.",
            "2024-05-01",
            "At the 11.36% average purity for 2024 reported in DEA's 2025 National Drug Threat Assessment, 47 pounds of seized "
            "fentanyl powder holds about 1.21 million lethal doses of 2 mg, not the 10 million claimed; 10 million "
            "would need the powder to be pure fentanyl (counted so, it would hold about 10.7 million, which the claim "
            "truncates to 10 million).",
        ),
        (
            "Troopers seized 57 pounds of fentanyl during the stop, enough to kill 12 million people.",
            "2019-02-01",
            "At the 9.7% average purity reported in DEA's Fentanyl Signature Profiling Program report of October "
            "2019, 57 pounds of seized fentanyl powder holds about 1.25 million lethal doses of 2 mg, not the 12 "
            "million claimed; 12 million would need the powder to be pure fentanyl (counted so, it would hold about "
            "12.9 million, which the claim truncates to 12 million).",
        ),
        (
            "Officers seized 14,400 pounds of fentanyl in fiscal year 2023, more than 3 billion lethal doses.",
            "2023-11-01",
            "At the 19.5% average purity for fiscal 2023 reported in DEA's Fentanyl Free America release of December 2025, 14,400 "
            "pounds of seized fentanyl powder holds about 637 million lethal doses of 2 mg, not the more than 3 "
            "billion claimed; 3 billion would need the powder to be pure fentanyl.",
        ),
        (
            "Police seized 6.5 kilograms of fentanyl, or about 3 million lethal doses.",
            "2022-06-01",
            "At the 19.2% average purity for 2022 reported in DEA's 2024 National Drug Threat Assessment, 6.5 kilograms of "
            "seized fentanyl powder holds 624,000 lethal doses of 2 mg, not the 3 million claimed; 3 million would "
            "need the powder to be pure fentanyl (counted so, it would hold 3.25 million, which the claim rounds to "
            "3 million).",
        ),
        (
            "Agents seized 612 pounds of fentanyl, or 138,512,004 lethal doses.",
            "2021-08-01",
            "The 138,512,004 claimed is the most the stated amount could hold: 138,512,004 would need the powder to "
            "be pure fentanyl (counted so, it would hold about 139 million, the same figure to the precision of the "
            "stated amounts). A likely figure cannot be worked out: DEA's figures for 2021 include no average powder "
            "purity; give one.",
        ),
        (  # a sentence of our own: "nearly 5 million" read at its own step takes in 4.5 million
            "The task force seized 9 kilograms of fentanyl, nearly 5 million lethal doses.",
            "2022-06-01",
            "At the 19.2% average purity for 2022 reported in DEA's 2024 National Drug Threat Assessment, 9 kilograms of "
            "seized fentanyl powder holds 864,000 lethal doses of 2 mg, not the nearly 5 million claimed; 5 million "
            "would need the powder to be pure fentanyl.",
        ),
        (  # and a bare figure rounded from the pure count
            "The task force seized 10.4 kilograms of fentanyl, or 5 million lethal doses.",
            "2022-06-01",
            "At the 19.2% average purity for 2022 reported in DEA's 2024 National Drug Threat Assessment, 10.4 kilograms of "
            "seized fentanyl powder holds about 998,000 lethal doses of 2 mg, not the 5 million claimed; 5 million "
            "would need the powder to be pure fentanyl (counted so, it would hold 5.2 million, which the claim rounds "
            "to 5 million).",
        ),
    ],
)
def test_a_pure_count_rounded_or_truncated_to_the_claims_step_is_an_upper_bound(text, date, plain) -> None:
    assert _story(text, date) == ("upper-bound", plain, ["powder-pure"])


def test_a_claim_is_read_at_its_own_step_when_one_side_bounds_it() -> None:
    result = check(None, "14,400 pounds", "more than 3 billion lethal doses", assumptions="dea-2023")
    assert str(result.claimed) == "(3000000000, 4000000000]"
    assert str(check(None, "1 kg", "3 billion doses").claimed) == "[2950000000, 3050000000)"  # bare: two digits


def test_the_pure_count_ranks_above_a_dose_size_landing_near_by_chance() -> None:
    result = check(None, "47 pounds", "10 million doses", assumptions="dea-2024", scale="seizure")
    first, second = result.diagnosis[:2]
    assert (first.method, first.matches, first.near) == ("powder-pure", False, "truncated to the claim's step")
    assert (second.method, second.matches) == ("dose-0.25mg", True)
    assert result.to_dict()["diagnosis"][0]["near"] == "truncated to the claim's step"


def test_a_figure_outside_the_claims_step_is_not_near() -> None:
    """270 million from 2,000 pounds needs 57 % to 62 %: no row gives it to its step, so it is implausible."""
    result = check(None, "2,000 pounds", "270 million doses", assumptions="dea-2022")
    assert result.verdict == "implausible"
    assert not any(d.near for d in result.diagnosis)


@settings(max_examples=60, deadline=None)
@given(kilos=st.integers(min_value=2, max_value=5000), words=st.sampled_from(["", "more than "]))
def test_a_pure_count_truncated_to_its_leading_digits_is_always_an_upper_bound(kilos: int, words: str) -> None:
    """Whatever the mass, a claim that writes the pure count truncated to one or two digits is an upper bound."""
    pure = Fraction(kilos * 10**6, 2)
    power = 10 ** (len(str(int(pure))) - 2)
    shown = int(pure) // power * power
    if words and shown == pure:
        return  # "more than" the exact figure itself is not a truncation
    result = check(None, f"exactly {kilos:,} kg", f"{words}{shown:,} doses", assumptions="dea-2022")
    assert result.verdict == "upper-bound", (kilos, shown, result.verdict)
    assert result.diagnosis[0].method == "powder-pure"


STORY_77 = (
    "Federal agents seized 77 million fentanyl pills and 12,000 pounds of fentanyl powder last year, enough for 1.5 "
    "billion lethal doses. That is enough to kill every American five times over, officials said."
)


def test_one_claim_one_corrected_figure_in_every_sentence_and_field() -> None:
    """The dose claim and the population claim of one story, made of the same inputs, give one corrected figure,
    and each claim's plain text, correction and JSON carry that same figure."""
    claims = scan_text(STORY_77).claims
    assert len(claims) == 2
    phrases = set()
    for claim in claims:
        result = claim.result
        assert result is not None and result.correction is not None
        out = result.to_dict()
        assert out["correction"]["phrase"] == result.correction.phrase == "about 600 million"
        assert "about 600 million lethal doses" in result.plain and result.correction.plain == result.plain
        phrases.add(result.correction.phrase)
    assert phrases == {"about 600 million"}


@pytest.mark.parametrize(
    "claim", ["enough to kill every American", "enough to kill every American twice over", "300 million doses"]
)
def test_the_check_report_prints_the_one_figure_in_plain_and_correct(claim: str) -> None:
    result = check("77 million pills", "12,000 pounds", claim, year=2021, purity="5%")
    if result.correction is None:
        return
    assert result.correction.phrase in result.plain


@pytest.mark.parametrize(
    ("powder", "claim", "verdict", "words"),
    [
        ("exactly 10 kg", "985,000 doses", "implausible",
         "985,000 would need the powder to be 19.69% to 19.71% pure, just above the highest yearly average DEA has "
         "published, 19.5%."),
        ("2,000 pounds", "270 million doses", "implausible",
         "270 million would need the powder to be 57% to 62% pure, about three times the highest yearly average DEA "
         "has published, 19.5%."),
        ("exactly 10 kg", "977,000 doses", "plausible",  # 19.54 %: 19.5 % as published reaches 19.55 %
         "the 977,000 claimed would need the powder to be 19.5% to 19.6% pure, within the range of yearly averages "
         "DEA has published."),
        ("exactly 100 kg", "1.2 million doses", "implausible",
         "1.2 million would need the powder to be 2.3% to 2.5% pure, about half the lowest yearly average DEA has "
         "published, 5.3%."),
    ],
)  # fmt: skip
def test_the_distance_to_the_range_is_said_in_numbers_and_words(powder, claim, verdict, words) -> None:
    result = check(None, powder, claim)
    assert result.verdict == verdict
    assert result.plain.endswith(words)
    distance = result.to_dict()["implied"]["distance"]
    if verdict == "plausible":
        assert distance is None
    else:
        assert distance["display"] in result.plain
        assert distance["narrow"] is (words.split(", ")[1].startswith("just"))


def test_the_edge_of_the_band_reads_at_the_precision_dea_published() -> None:
    """98 % of the U.S. population is no cliff: 19.5 % as published reaches 19.55 %, so "every American" needing
    19.5 % to 19.8 % is plausible, and twice that is implausible by how far it lies, said in words."""
    once = check(None, "7,500 pounds", "enough to kill every American", year=2022)
    assert once.verdict == "plausible"
    assert once.plain.endswith(
        "in theory about 98% of the U.S. population; all of it would need the powder to be 19.5% to 19.8% pure, "
        "within the range of yearly averages DEA has published."
    )
    twice = check(None, "7,500 pounds", "enough to kill every American twice over", year=2022)
    assert twice.verdict == "implausible" and twice.to_dict()["implied"]["distance"]["display"] == (
        "above the highest yearly average DEA has published, 19.5%"
    )
    band = once.to_dict()["implied"]["band"]
    assert (band["high"], band["reach_high"]) == ("0.195", "0.1955")


def test_the_summary_counts_narrow_misses_apart() -> None:
    report = scan_text(
        "In fiscal year 2023, DEA agents nationwide seized exactly 10 kilograms of fentanyl powder, or 985,000 lethal "
        "doses.\n\nIn fiscal year 2023, CBP officers nationwide seized exactly 100 kilograms of fentanyl powder, or 40 "
        "million lethal doses.\n",
        date="2023-11-01",
    )
    summary = report.to_dict()["summary"]
    assert summary["verdicts"].get("implausible") == 2
    assert summary["narrow_misses"] == 1
    assert summary_line(report) == "4 figures, 2 claims: 2 implausible (1 by a narrow miss)"

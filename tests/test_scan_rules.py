"""The story's own rules and date, read from short paragraphs."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest

from doseconv.scan import scan_text
from doseconv.scan.dates import find_story_date
from doseconv.scan.rules import find_rules
from doseconv.scan.text import read_document


@pytest.mark.parametrize(
    ("text", "name", "value"),
    [
        ("Just 2 milligrams can be deadly.", "lethal_dose", Fraction(2)),
        ("Three milligrams is considered lethal, the DA said.", "lethal_dose", Fraction(3)),
        ("As little as 0.25 mg of fentanyl could be fatal.", "lethal_dose", Fraction(1, 4)),
        ("A lethal dose of fentanyl is just 2 mg.", "lethal_dose", Fraction(2)),
        ("Six out of ten pills contain a potentially lethal dose.", "pill_share", Fraction(3, 5)),
        ("Seven in 10 fake pills now hold a deadly dose.", "pill_share", Fraction(7, 10)),
        ("Forty-two percent of the pills tested held a lethal dose.", "pill_share", Fraction(42, 100)),
        ("Each pill weighs about 100 milligrams.", "pill_mass", Fraction(100)),
        ("Each kilogram can kill 500,000 people.", "per_mass", Fraction(2)),
        ("One pound of fentanyl has the potential to kill 226,796 people.", "per_mass", Fraction(45359237, 22679600)),
    ],
)
def test_a_rule_is_read_with_its_value(text: str, name: str, value: Fraction) -> None:
    (rule,) = find_rules(read_document(text)).rules
    assert (rule.name, rule.value) == (name, value)


@pytest.mark.parametrize(
    "text",
    [
        "Police seized 2 milligrams of residue.",  # a mass in milligrams that is no rule
        "Six out of ten officers were at the scene.",
        "The pills were found in 10 bags.",
        "Each kilogram was wrapped in tape.",
    ],
)
def test_sentences_that_state_no_rule(text: str) -> None:
    assert find_rules(read_document(text)).rules == ()


def test_the_story_rule_leads_and_the_set_verdict_is_kept() -> None:
    text = "Six out of ten pills contain a lethal dose. Agents seized 100,000 fentanyl pills, or 60,000 deadly doses."
    (claim,) = scan_text(text).claims
    # 1.13 to 1.27 mg a pill: DEA's lowest yearly mean, 1.3 mg, as published reaches down to 1.25 mg
    assert (claim.verdict, claim.dea_verdict) == ("consistent", "plausible")
    assert claim.to_dict()["rules"][0]["rule"] == "pill_share"
    assert "checked under the story's rules (pill share 60%, pill model lab-share): consistent" in claim.notes[-1]


def test_a_per_kilogram_rule_is_no_claim_and_is_not_used() -> None:
    text = "Each kilogram can kill 500,000 people. Police seized 3 kilograms of fentanyl, enough to kill 1.5 million people."
    report = scan_text(text)
    assert [f.kind for f in report.figures] == ["other", "fentanyl-mass", "doses"]
    assert report.figures[0].excluded == "the story's rule 'Each kilogram can kill 500,000 people', not a claim"
    (claim,) = report.claims
    assert (claim.verdict, claim.dea_verdict) == ("upper-bound", None)
    assert "counts the seized mass as pure fentanyl; not used" in claim.notes[-1]


def test_the_caller_s_own_value_beats_the_story_s_rule() -> None:
    text = "Six out of ten pills contain a lethal dose. Agents seized 100,000 fentanyl pills, or 60,000 deadly doses."
    (claim,) = scan_text(text, pill_share="10%").claims
    assert claim.dea_verdict is None  # the story's share is not used: the caller gave one


@pytest.mark.parametrize(
    ("text", "date", "where"),
    [
        ('<head><meta name="date" content="2023-06-14"></head><p>x</p>', dt.date(2023, 6, 14), "html metadata"),
        ('<meta content="2021-02-03" property="article:published_time">', dt.date(2021, 2, 3), "html metadata"),
        ('<p><time datetime="2024-01-31T10:00">Jan 31</time></p>', dt.date(2024, 1, 31), "html metadata"),
        ("---\ntitle: A seizure\ndate: 2022-12-20\n---\nText.", dt.date(2022, 12, 20), "front matter"),
        ("PHOENIX, Sept. 5, 2023 — Agents seized…", dt.date(2023, 9, 5), "dateline"),
        ("PORT ELLIS (Wire), March 3, 2024 - Deputies…", dt.date(2024, 3, 3), "dateline"),
        ("FOR IMMEDIATE RELEASE\nReleased: May 5, 2023\nThe DEA…", dt.date(2023, 5, 5), "dateline"),
    ],
)
def test_the_story_s_date(text: str, date: dt.date, where: str) -> None:
    found = find_story_date(text)
    assert found is not None and (found.date, found.found_in) == (date, where)


@pytest.mark.parametrize("text", ["Police seized 4 kilograms on May 1, 2022.", "PHOENIX, Feb. 30, 2023 — x", ""])
def test_no_story_date(text: str) -> None:
    assert find_story_date(text) is None


def test_the_story_s_date_chooses_the_year_s_figures_and_date_overrides_it() -> None:
    text = "WASHINGTON, Jan. 31, 2024 — Agents seized 100,000 fentanyl pills, or 70,000 potentially lethal doses."
    report = scan_text(text)
    assert report.to_dict()["story_date"] == {"date": "2024-01-31", "found_in": "dateline"}
    assert "under dea-2024" in report.claims[0].explanation
    given = scan_text(text, date="2022-12-20")
    assert "under dea-2022" in given.claims[0].explanation and given.story_date is None  # the date given wins
    assert "under dea-2021" in scan_text(text, assumptions="dea-2021").claims[0].explanation


def test_a_dateline_with_the_date_in_parentheses_chooses_the_year() -> None:
    """Local copy writes "CHEYENNE, Wyo. (June 14, 2023) —": that date picks the year's figures."""
    from doseconv.scan.dates import find_story_date

    found = find_story_date("CHEYENNE, Wyo. (June 14, 2023) — Deputies seized 250,000 counterfeit pills.")
    assert found is not None and (found.date.isoformat(), found.found_in) == ("2023-06-14", "dateline")
    found = find_story_date("HOUSTON (KHOU, March 3, 2024) - Officers seized 4 kilograms of fentanyl.")
    assert found is not None and found.date.isoformat() == "2024-03-03"


def test_a_traffic_stop_said_to_kill_all_of_wyoming_is_flagged_with_the_story_year() -> None:
    """One seizure of pills: the doses per pill it needs are an average over 250,000 tablets, held to the yearly means."""
    from doseconv.scan import scan_text

    story = (
        "CHEYENNE, Wyo. (June 14, 2023) — Deputies with the Laramie County Sheriff's Office seized 250,000 "
        "counterfeit oxycodone pills during a traffic stop on Interstate 80. The sheriff said the pills could kill "
        "the entire population of Wyoming."
    )
    (claim,) = scan_text(story).claims
    assert claim.verdict == "implausible" and claim.flagged
    assert claim.result is not None and claim.result.assumptions.name == "dea-2023"
    assert claim.result.population is not None and claim.result.population.year == 2023
    assert claim.result.plain.endswith("in theory about 43% of the population of Wyoming, not all of it.")


def test_the_storys_pill_weight_counts_pills_given_by_weight_even_when_the_verdict_is_the_same() -> None:
    """Regression: with the verdict the same under the set's figures (upper-bound), the set's check led and said
    no pill weight was known, though the story gave one; the story's rule leads and gives the corrected figure."""
    from doseconv.scan import scan_text

    story = (
        "Illinois State Police seized 66 pounds of fentanyl pills during a traffic stop, enough to kill 15 million "
        "people, a spokesperson said. Each pill weighs about 100 milligrams, the agency said."
    )
    (claim,) = scan_text(story).claims
    assert (claim.verdict, claim.dea_verdict) == ("upper-bound", "upper-bound")
    assert claim.result is not None and claim.result.correction is not None
    assert claim.result.correction.phrase == "about 299,000"  # 66 lb / 100 mg a pill, one dose each
    assert "no weight of one pill is known" not in claim.result.plain

"""Words that say who said or measured something, not whose figures they are: "the agency said",
"DEA lab testing", and a name read backwards that must stop at the sentence before."""

from __future__ import annotations

import pytest

from doseconv.scan import scan_text

from .scanning import figures_of


@pytest.mark.parametrize("said", ["the agency said Monday", "the agency announced", "the agency's spokesman said"])
def test_the_agency_said_is_attribution_not_a_national_scope(said: str) -> None:
    text = (
        f"Montana Highway Patrol troopers seized 40 pounds of fentanyl in 2024, {said}, "
        "enough to kill the population of Montana 8 times over."
    )
    (claim,) = scan_text(text, "t").claims
    assert claim.draft.doses.scope.level != "national"
    assert claim.draft.powder is not None and claim.draft.powder.text == "40 pounds of fentanyl"
    assert claim.verdict == "upper-bound"  # 40 lb as pure is 9.07 million doses; 8 Montanas are about 9.0 million


def test_the_agency_alone_still_names_the_whole_agency() -> None:
    scopes = {f.text: f.scope for f in figures_of("Last year the agency seized 6,500 pounds of fentanyl.")}
    assert scopes["6,500 pounds of fentanyl"].level == "national"


@pytest.mark.parametrize(
    "source",
    ["under DEA lab estimates", "based on DEA laboratory testing", "according to DEA testing",
     "citing the DEA's lab figures", "by Drug Enforcement Administration estimates", "using DEA's finding"],
)  # fmt: skip
def test_an_agency_cited_for_its_lab_is_no_scope_of_the_claim(source: str) -> None:
    text = (
        "Arkansas State Police troopers found 4,000 fentanyl pills during a traffic stop on Interstate 30.\n\n"
        f"The pills equal 2,800 potentially lethal doses, {source}."
    )
    (claim,) = scan_text(text, "t").claims
    assert claim.draft.doses.scope.agency == "Arkansas State Police"
    assert claim.draft.pills is not None and claim.draft.pills.text == "4,000 fentanyl pills"
    assert claim.verdict == "plausible"


def test_an_agency_named_as_the_seizer_is_still_a_scope() -> None:
    scopes = {f.text: f.scope for f in figures_of("DEA agents seized 4,000 fentanyl pills in Tulsa.")}
    assert scopes["4,000 fentanyl pills"].agency == "DEA"


@pytest.mark.parametrize("day", ["Thursday", "Main Street", "afternoon"])
def test_a_local_agency_name_stops_at_the_sentence_before(day: str) -> None:
    text = f"Officers seized 14 grams of fentanyl on {day}. Police said it was enough to kill 7,000 people."
    agencies = {f.scope.agency for f in figures_of(text)}
    assert not any(a and "." in a for a in agencies), agencies
    places = {f.scope.place for f in figures_of(text)}
    assert not any(p and "." in p for p in places), places


def test_abbreviations_still_make_a_local_agency_name() -> None:
    scopes = {f.text: f.scope for f in figures_of("The St. Louis Police Department seized 3 kilos of fentanyl.")}
    assert scopes["3 kilos of fentanyl"].agency == "St. Louis Police Department"

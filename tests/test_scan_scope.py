"""Scopes of figures (doseconv.scan.scope): place, agency, operation and period."""

from __future__ import annotations

import pytest

from doseconv.scan import scan_text
from doseconv.scan.scope import Scope

from .scanning import figures_of


def test_scope_follows_sentence_then_paragraph_then_earlier_text() -> None:
    text = (
        "DEA Actions in 2024\n\n"
        "The DEA St. Louis Division seized 100 pounds of fentanyl. It also took 1.3 million pills.\n\n"
        "Nationwide, Operation Last Mile seized 6,500 pounds of fentanyl from May 1, 2022 to May 1, 2023. "
        "Agents also seized 44 million pills.\n\n"
        "In Missouri, agents took 405 firearms."
    )
    scopes = {f.text: f.scope for f in figures_of(text)}
    assert scopes["100 pounds of fentanyl"] == Scope("regional", "St. Louis Division", "DEA", None, "2024")
    assert scopes["1.3 million pills"] == Scope("regional", "St. Louis Division", "DEA", None, "2024")
    national = Scope("national", None, "DEA", "Operation Last Mile", "May 1, 2022 – May 1, 2023")
    assert scopes["6,500 pounds of fentanyl"] == national
    assert scopes["44 million pills"] == national
    assert scopes["405 firearms"] == Scope(
        "regional", "Missouri", "DEA", "Operation Last Mile", "May 1, 2022 – May 1, 2023"
    )


def test_the_division_takes_its_name_from_earlier_in_the_paragraph() -> None:
    text = "DEA Omaha Division agents worked for a year. A total of 87 arrests were made by the division."
    (figure,) = figures_of(text)
    assert (figure.scope.level, figure.scope.place) == ("regional", "Omaha Division")


def test_a_figure_takes_the_nearest_scope_word_before_it() -> None:
    text = "The division seized 1.3 million pills, while nationwide agents seized 44 million pills."
    division, national = figures_of(text)
    assert (division.scope.level, national.scope.level) == ("regional", "national")


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("CBP's total so far in fiscal year 2024 amounts to 738.5 million doses.", "fiscal year 2024, to date"),
        ("In FY2023 agents seized 5 kilos of fentanyl.", "fiscal year 2023"),
        ("Between 2018 and 2022 meth seizures rose 55 percent.", "2018 – 2022"),
        ("During 2024 agents seized 5 kilos of fentanyl.", "2024"),
        ("Year-to-date, agents seized 5 kilos of fentanyl.", "year-to-date"),
    ],
)
def test_periods(text, period) -> None:
    assert figures_of(text)[-1].scope.period == period


def test_a_title_case_operation_name_is_shortened_to_the_name_used_in_the_body() -> None:
    text = "Operation Last Mile Tracks Down Cartels\n\nOperation Last Mile seized 44 million pills."
    (figure,) = figures_of(text)
    assert figure.scope.operation == "Operation Last Mile"


def test_proper_nouns_with_national_are_not_scope_words() -> None:
    (figure,) = figures_of("The National Sheriffs' Association counted 12 arrests.")
    assert figure.scope.level is None


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        (
            "The Harbor County Sheriff's Office seized 2 pounds of fentanyl.",
            "Harbor County; Harbor County Sheriff's Office",
        ),
        ("The Riverton Police Department seized 50,000 fentanyl pills.", "Riverton; Riverton Police Department"),
        ("The Arizona State Patrol seized 5 kilograms of fentanyl.", "Arizona; Arizona State Patrol"),
        (
            "Troopers with the Texas Department of Public Safety seized 3 kilos of fentanyl.",
            "Texas; Texas Department of Public Safety",
        ),
        ("CBP officers at the Nogales port of entry seized 40 pounds of fentanyl.", "Nogales port of entry; CBP"),
    ],
)
def test_local_agencies_and_ports_are_scopes(text: str, scope: str) -> None:
    (figure,) = scan_text(text).figures
    assert figure.scope.describe() == scope


def test_a_local_agency_replaces_the_agency_of_an_earlier_paragraph() -> None:
    text = (
        "The DEA seized 4 kilos of fentanyl in March.\n\n"
        "Separately, the Riverton Police Department seized 2 kilos of fentanyl.\n\n"
        "The drug is enough to kill 1 million people, the chief said."
    )
    (claim,) = scan_text(text).claims
    assert claim.draft.powder.text == "2 kilos of fentanyl"
    assert claim.draft.doses.scope.agency == "Riverton Police Department" and claim.notes == ()


@pytest.mark.parametrize(
    ("text", "place", "differs"),
    [
        ("The Harbor County Sheriff's Office seized 4 kilos.\n\nStatewide, agents seized 300 pounds.", "statewide",
         ["place"]),
        ("In Arizona, deputies seized 4 kilos.\n\nStatewide, agents seized 300 pounds.", "Arizona", []),
        ("The Maricopa County Sheriff's Office in Arizona seized 4 kilos. Statewide, agents seized 300 pounds.",
         "Arizona", ["place"]),
        ("The Omaha Division seized 4 kilos. Agents seized 300 pounds state-wide.", "statewide", ["place"]),
    ],
)  # fmt: skip
def test_statewide_is_the_state_never_a_county_or_division_named_before(text: str, place: str, differs) -> None:
    """Regression: "Statewide" at the start of a sentence was no scope word, and "statewide" took a county's name."""
    first, second = figures_of(text)
    assert (second.scope.level, second.scope.place) == ("regional", place)
    assert first.scope.differences(second.scope) == differs


def test_a_town_police_department_is_not_carried_to_another_place() -> None:
    first, second = figures_of(
        "The Riverton Police Department seized 2 kilos of fentanyl.\n\nStatewide, troopers seized 300 pounds this year."
    )
    assert first.scope == Scope("regional", "Riverton", "Riverton Police Department")
    assert second.scope == Scope("regional", "statewide", None, None, "this year")


def test_a_sheriffs_office_stays_the_agency_of_its_county() -> None:
    first, second = figures_of(
        "The Harbor County Sheriff's Office seized 2 kilos of fentanyl.\n\nDeputies in Harbor County found 3 kilos more."
    )
    assert first.scope == second.scope == Scope("regional", "Harbor County", "Harbor County Sheriff's Office")


def test_the_place_of_a_population_phrase_is_whose_population_not_the_claims_scope() -> None:
    """Regression: "the entire population of Wyoming" made the claim Wyoming's, apart from the county's seizure."""
    report = scan_text(
        "Deputies with the Laramie County Sheriff's Office seized 250,000 counterfeit oxycodone pills. "
        "The sheriff said the pills could kill the entire population of Wyoming."
    )
    pills, doses = report.figures
    assert doses.scope == pills.scope == Scope("regional", "Laramie County", "Laramie County Sheriff's Office")
    (claim,) = report.claims
    assert claim.draft.pills is pills


@pytest.mark.parametrize(
    ("sentence", "agency", "place"),
    [("Sheriff's deputies in Riverton seized 4 kilograms of fentanyl.", "Riverton sheriff's deputies", "Riverton"),
     ("Police in Dayton seized 1,200 fentanyl pills.", "Dayton police", "Dayton"),
     ("Officers from Tacoma seized 3 kilos of fentanyl.", "Tacoma officers", "Tacoma"),
     ("State troopers in Gallup found 2 pounds of fentanyl.", "Gallup state troopers", "Gallup")],
)  # fmt: skip
def test_officers_named_by_where_they_work_are_a_local_scope(sentence: str, agency: str, place: str) -> None:
    """Regression: "sheriff's deputies in Riverton" took the DEA division of the paragraph before as its scope."""
    (figure,) = figures_of(f"The DEA Omaha Division seized 100 pounds of fentanyl.\n\n{sentence}")[1:]
    assert (figure.scope.agency, figure.scope.place) == (agency, place)

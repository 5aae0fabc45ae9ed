"""Population phrases in stories: "the state", "the county" and "the city" read as the story's own places (its
dateline, the states, counties and towns it names, its agencies), names several states share read by the states
the story names, and population phrases with no verb beside a figure. Every story here is our own."""

from __future__ import annotations

import pytest

from doseconv.population.story import StoryPlaces
from doseconv.scan import scan_text
from doseconv.scan.scope import ScopeResolver
from doseconv.scan.storyplaces import StoryPlaceReader
from doseconv.scan.text import read_document


def _claims(text: str, **options: object) -> list[tuple[str, str | None, str]]:
    report = scan_text(text, year=2022, **options)
    out = []
    for claim in report.claims:
        population = claim.result.population if claim.result is not None else None
        out.append((claim.draft.doses.stated_text, population.place if population else None, claim.verdict))
    return out


def _places(text: str, phrase: str, state: str | None = None) -> StoryPlaces:
    document = read_document(text)
    reader = StoryPlaceReader(document, ScopeResolver(document).mentions, state)
    return reader.at(document.text.index(phrase))


def test_the_state_from_the_dateline() -> None:
    text = "SPRINGFIELD, Ill. -- Troopers seized 40 pounds of fentanyl, enough to kill half the state's population."
    assert _claims(text)[0][1] == "Illinois"
    places = _places(text, "enough")
    assert (places.state, places.city, places.said("state")) == ("IL", "Springfield, Illinois", "the story's dateline")


def test_the_state_named_before_the_phrase_in_its_paragraph() -> None:
    text = (
        "Agents in Nevada seized 30 pounds of fentanyl on Monday, enough to kill the entire population of the "
        "state, the agency said.\n\nA smaller seizure in Arizona followed."
    )
    claim = _claims(text)[0]
    assert claim[1] == "Nevada"
    assert _places(text, "enough").said("state") == "named before it in the story"


def test_the_state_the_story_names_most() -> None:
    text = (
        "Officials called it enough to kill everyone in the state.\n\nThe 60 pounds of fentanyl were found in "
        "a truck stopped in Iowa. Iowa troopers said the driver came from Iowa City."
    )
    assert _claims(text)[0][1] == "Iowa"
    assert _places(text, "enough").said("state") == "the state the story names most"


def test_the_given_state_wins_and_no_state_is_refused() -> None:
    text = "The 50 pounds of fentanyl were enough to kill everyone in the state, officials said."
    assert _claims(text, state="Utah")[0][1] == "Utah"
    report = scan_text(text, year=2022)
    assert report.claims[0].verdict == "unverifiable"
    assert any("needs the state the story is about" in note for note in report.claims[0].notes)


def test_the_city_and_the_county() -> None:
    city = "Police in Boise, Idaho, seized 3 kilograms of fentanyl, which they said could kill the entire city."
    assert _claims(city)[0][1] == "Boise City city, Idaho"  # the Census name of Boise
    county = (
        "The Pima County Sheriff's Office seized 20 pounds of fentanyl in Arizona, enough to kill everyone in the "
        "county three times over."
    )
    assert _claims(county)[0][1] == "Pima County, Arizona"


def test_a_shared_name_read_by_a_county_only_one_state_has() -> None:
    text = (
        "Aroostook County deputies seized 137 grams of fentanyl in a traffic stop, an amount police said was "
        "enough to kill the entire population of Portland."
    )
    place = _claims(text)[0][1]
    assert place == "Portland city, Maine"
    assert _places(text, "enough").states == ("ME",)


@pytest.mark.parametrize(
    ("text", "place", "verdict"),
    [
        ("Agents seized 10 kilograms of fentanyl, enough to kill 5 million people, or nearly half of Ohio.", "Ohio",
         "checked"),
        ("The 570 grams of fentanyl could kill 190,000 people \u2013 roughly half the population of Lake County, "
         "Ohio.", "Lake County, Ohio", "checked"),
        ("Deputies seized 4 kilograms of fentanyl. That's twice the population of Nebraska.", "Nebraska",
         "impossible"),
        ("Agents seized 2,000 pounds of fentanyl last year, nearly 1 1/2 doses for every American.",
         "United States", "impossible"),
    ],
)  # fmt: skip
def test_a_population_with_no_verb_beside_a_figure(text: str, place: str, verdict: str) -> None:
    found = [c for c in _claims(text) if c[1] is not None]
    assert found and found[0][1] == place
    assert found[0][2] != "unverifiable"  # checked with the seizure's mass, as a claimed total
    if verdict == "impossible":  # more doses than the mass holds even pure: no assumption changes that
        assert found[0][2] == "impossible"


def test_no_verbless_phrase_without_a_share_or_a_population() -> None:
    text = "Agents seized 10 kilograms of fentanyl, or about 22 pounds, in Ohio."
    assert all(place is None for _, place, _ in _claims(text))


def test_a_count_the_phrase_holds_is_one_claim() -> None:
    text = "Police seized 7.5 kilograms of fentanyl, enough to kill 750,000 Delawareans, the lieutenant said."
    claims = _claims(text)
    assert len(claims) == 1 and claims[0][1] == "Delaware"


def test_a_lead_naming_another_drug_is_no_fentanyl_claim() -> None:
    text = "Agents seized 300 pounds of meth, enough meth to kill everyone in Kansas, officials said."
    report = scan_text(text, year=2022)
    assert all(c.verdict == "unverifiable" for c in report.claims)

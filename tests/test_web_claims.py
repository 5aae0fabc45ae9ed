"""The page's cards and Check form for verdicts, corrections, population claims and the chart."""

from __future__ import annotations

import json
import re
import warnings
from html import unescape

import pytest

pytest.importorskip("starlette", reason='the web extra is not installed: pip install "doseconv[web]"')
pytest.importorskip("httpx", reason="Starlette's test client needs httpx")

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from doseconv.errors import InputError
from doseconv.web import create_app, service
from doseconv.web.svg import clean

from .cli import run
from .web_clients import LOCAL, SAME_ORIGIN

POWDER = "Agents seized over 13 pounds of fentanyl powder, over three million doses."
WYOMING = "The 250,000 pills seized could kill the entire population of Wyoming."
STORY = f"{POWDER}\n\n{WYOMING}"


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app(max_body=20_000), base_url=LOCAL, headers=SAME_ORIGIN)


def _cards(page: str) -> list[str]:
    return re.findall(r'<article class="card.*?</article>', page, re.S)


def _row(card: str, name: str) -> str:
    found = re.search(rf"<dt>{name}</dt><dd>(.*?)</dd>", card)
    assert found, name
    return unescape(found.group(1))


def test_story_cards_show_verdict_correction_sentence_rules_population_and_diagnosis(client) -> None:
    page = client.post("/", data={"text": STORY, "date": "2023-05-01"}).text
    scan = client.post("/api/scan", json={"text": STORY, "date": "2023-05-01"}).json()["files"][0]
    powder, wyoming = (c["check"] for c in scan["claims"])
    assert (powder["verdict"], wyoming["verdict"]) == ("upper-bound", "implausible")
    assert "<strong>2 of 2 claims flagged.</strong> 1 upper bound, 1 implausible." in page  # upper-bound is flagged
    first, second = _cards(page)
    assert "Upper bound: the most the stated mass could hold, not what it likely holds." in first
    assert powder["correction"]["phrase"] == "about 575,000"  # dea-2023: 19.5% purity
    assert _row(first, "Corrected figure").startswith("about 575,000 doses, at lethal dose 2 mg")
    for card, check in ((first, powder), (second, wyoming)):
        plain = re.search(r'<p class="plain" id="(claim-\d+)-text">(.*?)</p>', card)
        assert plain and unescape(plain.group(2)) == check["plain"]
        assert f'data-copy="{plain.group(1)}-text"' in card  # the copy button copies the sentence
    assert _row(first, "Rules used").startswith("dea-2023 (figures for 2023")
    assert _row(second, "Population") == "Wyoming: 585,067 in 2023"
    assert _row(second, "Population source") == (
        "585,067 residents, U.S. Census Bureau estimate for July 1, 2023, vintage 2024 "
        "(residents of the state, citizens or not)"
    )
    assert _row(second, "Diagnosis").startswith(
        "Counting the pills alone and leaving the powder out: the total is pinned on the pills alone"
    )
    assert "<summary>Every method tried (diagnosis)</summary>" in second
    assert "Population" not in first


CHECKS = [
    {"claim": "could kill the entire population of Wyoming", "pills": "250,000 pills", "date": "2023-05-01"},
    {"claim": "enough to kill every American five times over", "powder": "around 9,400 pounds", "year": "2023"},
    {"claim": "enough to kill everyone in the state", "pills": "1.2 million pills", "state": "WV", "year": "2021"},
    {"claim": "over three million doses", "powder": "over 13 pounds", "date": "2024-03-01"},
]


@pytest.mark.parametrize("fields", CHECKS)
def test_api_check_with_dates_and_populations_returns_the_cli_json(client, capsys, fields) -> None:
    args = [arg for k, v in fields.items() for arg in ("--" + k.replace("_", "-"), v)]
    result = run(capsys, "check", *args, "--json")
    assert result.code in (0, 1), result.err
    response = client.post("/api/check", json=fields)
    assert response.status_code == 200
    assert response.json() == json.loads(result.out)


def test_api_year_may_be_a_number_and_a_bad_year_is_a_400(client) -> None:
    fields = dict(CHECKS[1])
    as_text = client.post("/api/check", json=fields).json()
    assert client.post("/api/check", json={**fields, "year": 2023}).json() == as_text
    assert as_text["population"]["year"] == 2023
    bad = client.post("/api/check", json={**fields, "year": "twenty"})
    assert bad.status_code == 400
    assert bad.json() == {"error": "year 'twenty' is not a year; write it as four digits, such as 2023"}
    assert client.post("/api/check", json={**fields, "date": "2023-13-01"}).status_code == 400


def test_identical_checks_are_answered_from_the_cache() -> None:
    fields = {"claim": "nearly 193 million doses", "pills": "nearly 44 million pills", "year": ""}
    first = service.check_json(fields)
    hits = service._cached_check_json.cache_info().hits
    assert service.check_json({**fields, "year": None, "state": "  "}) is first  # blank counts as not given
    assert service._cached_check_json.cache_info().hits == hits + 1


def test_check_form_takes_a_population_claim_with_year_and_state(client) -> None:
    page = client.get("/check", params=CHECKS[2]).text
    for name in ("date", "year", "state"):
        assert f'<label for="{name}">' in page
    card = _cards(page)[0]
    assert _row(card, "Population").startswith("West Virginia: ")
    assert 'id="chart-note">No chart for a population claim' in page


def test_check_form_draws_the_chart_inline_as_clean_svg(client) -> None:
    pytest.importorskip("matplotlib")
    page = client.get("/check", params=CHECKS[3]).text
    chart = page.split('<figure class="chart" id="chart">')[1].split("</figure>")[0]
    assert chart.startswith('<svg xmlns="http://www.w3.org/2000/svg"')
    assert "aria-label=\"Sensitivity chart of the claim 'over three million doses'\"" in chart
    assert "over three million doses" in chart  # the claim's words, as escaped text
    for banned in ("<script", "<metadata", "<style", "<!DOCTYPE", "<?xml", "foreignObject"):
        assert banned not in chart


def test_missing_matplotlib_is_a_note_not_a_failure(client, monkeypatch) -> None:
    import doseconv.chart

    def missing() -> None:
        raise InputError("drawing a chart needs matplotlib, which is not installed")

    monkeypatch.setattr(doseconv.chart, "_require_matplotlib", missing)
    service._cached_chart.cache_clear()
    response = client.get("/check", params={"claim": "5 million doses", "powder": "10 kilos", "scale": "seizure"})
    service._cached_chart.cache_clear()
    assert response.status_code == 200
    assert '<p class="note" id="chart-note">No chart: drawing a chart needs matplotlib' in response.text
    assert 'data-verdict="' in response.text  # the result is still shown


@pytest.mark.parametrize(
    ("svg", "kept", "dropped"),
    [
        ('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><g/></svg>', "<g />", "onload"),
        ('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "<svg", "alert"),
        (
            '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><p>x</p></foreignObject></svg>',
            "<svg",
            "foreignObject",
        ),
        (
            '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
            '<use xlink:href="javascript:alert(1)"/><use xlink:href="#p1"/></svg>',
            'xlink:href="#p1"',
            "javascript",
        ),
        ('<svg xmlns="http://www.w3.org/2000/svg"><g style="fill:url(https://x.test/a)"/></svg>', "<g />", "x.test"),
        ('<svg xmlns="http://www.w3.org/2000/svg"><text>&lt;img onerror=x&gt;</text></svg>', "&lt;img", "<img"),
        ('<svg xmlns="http://www.w3.org/2000/svg"><!-- <script>x</script> --><g/></svg>', "<g />", "script"),
    ],
)
def test_the_svg_sanitiser_keeps_drawing_and_drops_everything_active(svg, kept, dropped) -> None:
    out = clean(svg, "chart")
    assert kept in out
    assert dropped not in out


def test_the_svg_sanitiser_refuses_what_is_not_svg() -> None:
    with pytest.raises(InputError, match="not an SVG drawing"):
        clean("<html><body/></html>", "chart")


def test_sources_page_lists_every_population_source_with_its_link(client) -> None:
    page = client.get("/sources").text
    tables = service.population_sources()
    assert tables
    for table in tables:
        row = page.split(f'<tr id="source-{table["id"]}">')[1].split("</tr>")[0]
        assert f'<a href="{table["url"]}" rel="noreferrer">' in row
        assert unescape(row).count(table["table"]) == 1


def test_api_scan_with_year_and_state_returns_the_cli_json(client, capsys, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    story = "Police seized 1.2 million pills, enough to kill everyone in the state."
    (tmp_path / "story.txt").write_text(story, encoding="utf-8")
    result = run(capsys, "scan", "story.txt", "--format", "json", "--year", "2021", "--state", "WV")
    assert result.code in (0, 1), result.err
    fields = {"text": story, "source": "story.txt", "year": "2021", "state": "WV"}
    response = client.post("/api/scan", json=fields).json()
    assert response == json.loads(result.out)
    assert response["files"][0]["claims"][0]["check"]["population"]["place"] == "West Virginia"

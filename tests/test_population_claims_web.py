"""The web page's story date dates a story's claims, population phrases included."""

from __future__ import annotations

import warnings

import pytest

pytest.importorskip("starlette", reason='the web extra is not installed: pip install "doseconv[web]"')
pytest.importorskip("httpx", reason="Starlette's test client needs httpx")

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from doseconv.web import create_app

from .web_clients import LOCAL, SAME_ORIGIN

STORY = "The 250,000 pills seized could kill the entire population of Wyoming."


def test_the_story_date_picks_the_population_year_and_the_set() -> None:
    client = TestClient(create_app(max_body=20_000), base_url=LOCAL, headers=SAME_ORIGIN)
    dated = client.post("/api/scan", json={"text": STORY, "date": "2022-12-20"}).json()
    check = dated["files"][0]["claims"][0]["check"]
    assert (check["population"]["year"], check["assumptions"]["name"]) == (2022, "dea-2022")
    latest = client.post("/api/scan", json={"text": STORY}).json()
    assert latest["files"][0]["claims"][0]["check"]["population"]["year"] == 2024

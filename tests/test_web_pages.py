"""The HTML pages: forms, results, uploads, downloads and error pages, without a browser."""

from __future__ import annotations

import json
import re
import warnings

import pytest

pytest.importorskip("starlette", reason='the web extra is not installed: pip install "doseconv[web]"')
pytest.importorskip("httpx", reason="Starlette's test client needs httpx")

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from doseconv.web import create_app

from .cli import run
from .web_clients import LOCAL, SAME_ORIGIN

STORY = (
    "Nationwide, nearly 44 million fentanyl pills and more than 6,500 pounds of fentanyl powder equal nearly "
    "193 million deadly doses.\n\nIn a separate case, police seized nearly 44 million fentanyl pills, equating "
    "to almost 193 million deadly doses."
)


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app(), base_url=LOCAL, headers=SAME_ORIGIN)


def _marks(page: str) -> list[tuple[str, str]]:
    return re.findall(
        r'<mark class="claim v-[a-z-]+" data-verdict="([a-z-]+)"[^>]*><a href="#claim-\d+">([^<]+)<', page
    )


def test_every_page_answers_with_labelled_controls(client) -> None:
    for path in ("/", "/check", "/convert", "/sources"):
        response = client.get(path)
        assert response.status_code == 200, path
        page = response.text
        ids = re.findall(r'<(?:input|select|textarea)[^>]* id="([^"]+)"', page)
        labels = set(re.findall(r'<label for="([^"]+)"', page))
        assert set(ids) <= labels, path
        assert "http://" not in page.split("<main>")[0] and "<link" not in page  # nothing fetched from elsewhere
        assert 'name="viewport"' in page


def test_story_is_highlighted_by_verdict_with_a_card_per_claim(client) -> None:
    page = client.post("/", data={"text": STORY}).text
    assert _marks(page) == [
        ("plausible", "nearly 193 million deadly doses"),
        ("implausible", "almost 193 million deadly doses"),
    ]
    assert "<strong>1 of 2 claims flagged.</strong> 1 implausible, 1 plausible." in page
    assert page.count('<article class="card') == 2
    assert "Implausible: the total needs values outside the range DEA has published." in page
    assert (
        "<dt>Diagnosis</dt><dd>Counting the pills alone and leaving the powder out: the total is pinned on the pills"
        in page
    )  # the method in words, not its code (pills-only)
    methods = page.split('<details class="diagnosis">')[1].split("</details>")[0]
    assert "pills-only" not in methods and "Counting each pill as one lethal dose" in methods
    assert "<dt>The claim needs</dt><dd>powder purity from 9.89% to 10.18%</dd>" in page


def test_uploaded_html_file_is_read_without_its_markup(client) -> None:
    story = (
        "<p>Officers seized <b>nearly 44 million fentanyl pills</b>, equating to almost 193 million deadly doses.</p>"
    )
    files = {"file": ("release.html", story.encode("utf-8"), "text/html")}
    page = client.post("/", data={"text": ""}, files=files).text
    scan = client.post("/api/scan", json={"text": story, "source": "release.html"}).json()["files"][0]
    assert scan["format"] == "html"
    assert _marks(page) == [(scan["claims"][0]["verdict"], "almost 193 million deadly doses")]
    shown = page.split('<div class="story" id="story">')[1].split("</div>")[0]
    assert "&lt;b&gt;" not in shown and shown.startswith("Officers seized")  # shown as read, markup stripped


def test_upload_of_another_kind_of_file_is_refused(client) -> None:
    files = {"file": ("photo.png", b"\x89PNG", "image/png")}
    response = client.post("/", data={"text": ""}, files=files)
    assert response.status_code == 400
    assert "&#x27;photo.png&#x27; is not a text file; upload a .txt, .md or .html file" in response.text


def test_upload_not_in_utf8_is_refused(client) -> None:
    files = {"file": ("story.txt", "caf\xe9 44 million pills".encode("latin-1"), "text/plain")}
    response = client.post("/", data={"text": ""}, files=files)
    assert response.status_code == 400
    assert "story.txt is not UTF-8 text (bad byte at offset 3); save it as UTF-8" in response.text


def test_empty_story_is_an_error_on_the_page(client) -> None:
    response = client.post("/", data={"text": " "})
    assert response.status_code == 400
    assert 'role="alert"' in response.text and "no story given" in response.text


def test_date_is_checked(client) -> None:
    response = client.post("/", data={"text": STORY, "date": "14/06/2023"})
    assert response.status_code == 400
    assert "date &#x27;14/06/2023&#x27; is not a date; write it as YYYY-MM-DD" in response.text
    assert client.post("/", data={"text": STORY, "date": "2023-06-14"}).status_code == 200


@pytest.mark.parametrize(("output", "fmt"), [("markdown", "markdown"), ("json", "json")])
def test_downloads_are_the_cli_reports(client, capsys, tmp_path, monkeypatch, output, fmt) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    cli = run(capsys, "scan", "story.txt", "--format", fmt)
    response = client.post("/report", data={"text": STORY, "source": "story.txt", "output": output})
    assert response.status_code == 200
    suffix = {"markdown": "md", "json": "json"}[output]
    assert response.headers["content-disposition"] == f'attachment; filename="story-doses.{suffix}"'
    if fmt == "json":
        assert json.loads(response.text) == json.loads(cli.out)
    else:
        assert response.text == cli.out


def test_html_download_is_one_self_contained_page(client) -> None:
    response = client.post("/report", data={"text": STORY, "output": "html"})
    assert response.status_code == 200
    assert response.headers["content-disposition"] == 'attachment; filename="story-doses.html"'
    page = response.text
    assert page.startswith("<!doctype html>") and "<nav" not in page
    assert _marks(page) == [
        ("plausible", "nearly 193 million deadly doses"),
        ("implausible", "almost 193 million deadly doses"),
    ]
    assert not re.search(r'(src|href)="https?://(?!www\.dea\.gov|[^"]*\.(com|gov|org))', page)


def test_unknown_report_format_is_refused(client) -> None:
    response = client.post("/report", data={"text": STORY, "output": "pdf"})
    assert response.status_code == 400
    assert "unknown report format &#x27;pdf&#x27;; choose docx, markdown, html, json" in response.text


def test_check_form_shows_the_result_card(client) -> None:
    params = {
        "claim": "nearly 193 million doses",
        "pills": "nearly 44 million pills",
        "powder": "more than 6,500 pounds",
    }
    page = client.get("/check", params=params).text
    assert 'data-verdict="plausible"' in page
    assert "<dt>Claim allows</dt><dd>192 million to 193 million doses</dd>" in page
    assert 'value="nearly 44 million pills"' in page  # the form keeps what was typed


def test_check_form_lists_each_set_shortly_with_the_detail_in_help_text(client) -> None:
    page = client.get("/check").text
    assert '<option value="dea-2023">dea-2023: DEA laboratory figures, 2023</option>' in page
    assert '<option value="pure">pure: Seized mass counted as pure fentanyl</option>' in page
    options = re.findall(r"<option [^>]*>([^<]*)</option>", page)
    assert max(len(o) for o in options) <= 44  # was about 200 characters
    assert '<select id="assumptions" name="assumptions" aria-describedby="assumptions-help">' in page
    assert 'Every value with its source: <a href="/sources">Sources</a>.' in page


def test_check_form_refuses_a_path_for_rules(client) -> None:
    response = client.get("/check", params={"claim": "1 million doses", "assumptions": "/etc/passwd"})
    assert response.status_code == 400
    assert "unknown assumption set &#x27;/etc/passwd&#x27;" in response.text


def test_convert_shows_the_set_figure_and_the_pure_ceiling(client) -> None:
    page = client.get("/convert", params={"quantity": "6500 lb", "target": "doses"}).text
    values = re.findall(r'data-value="([^"]+)">([^<]+)<', page)
    assert values == [("283041638.88", "283,041,639 doses"), ("1474175202.5", "1,474,175,203 doses")]
    assert "Counted as pure fentanyl (the most the mass could hold)" in page


def test_sources_list_every_set_with_links(client) -> None:
    from doseconv.assumptions import set_names

    page = client.get("/sources").text
    for name in set_names():
        assert f'id="set-{name}"' in page
    assert '<a href="https://www.dea.gov/' in page


def test_sources_list_the_population_tables(client) -> None:
    pytest.importorskip("doseconv.population.data")
    from doseconv.population.data import sources

    page = client.get("/sources").text
    assert 'id="population"' in page
    for source in sources().values():
        assert f'<a href="{source.url}" rel="noreferrer">' in page


def test_unknown_page_is_a_404_page(client) -> None:
    response = client.get("/nothing")
    assert response.status_code == 404
    assert "<h1>Not found</h1>" in response.text


def test_pages_carry_a_strict_content_security_policy(client) -> None:
    policy = client.get("/").headers["content-security-policy"]
    assert "default-src 'none'" in policy and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]


def _spool_size_name() -> str:
    from starlette.formparsers import MultiPartParser

    return "spool_max_size" if hasattr(MultiPartParser, "spool_max_size") else "max_file_size"


def test_the_body_cap_is_below_the_size_at_which_uploads_are_spooled_to_disk() -> None:
    from starlette.formparsers import MultiPartParser

    from doseconv.web.limits import DEFAULT_MAX_BODY

    assert getattr(MultiPartParser, _spool_size_name()) > DEFAULT_MAX_BODY


def test_an_upload_up_to_the_cap_never_touches_the_disk(monkeypatch) -> None:
    """With the spool size just above a small cap, an upload filling the cap stays in memory."""
    import tempfile

    from starlette.formparsers import MultiPartParser

    def rollover(self):
        raise AssertionError("an upload was written to a temporary file")

    monkeypatch.setattr(tempfile.SpooledTemporaryFile, "rollover", rollover)
    monkeypatch.setattr(MultiPartParser, _spool_size_name(), 20_000)
    small = TestClient(create_app(max_body=19_000), base_url=LOCAL, headers=SAME_ORIGIN)
    story = "Nearly 44 million fentanyl pills, equating to almost 193 million deadly doses.\n\n"
    story += "The council met. " * ((18_500 - len(story)) // 17)
    files = {"file": ("long.txt", story.encode("utf-8"), "text/plain")}
    response = small.post("/", data={"text": ""}, files=files)
    assert response.status_code == 200
    assert 'data-verdict="implausible"' in response.text
    too_big = {"file": ("long.txt", (story * 2).encode("utf-8"), "text/plain")}
    assert small.post("/", data={"text": ""}, files=too_big).status_code == 413


def _form_fields(page: str) -> dict[str, str]:
    """Every field a browser would send for the page's first GET form, as the page fills it."""
    fields = dict.fromkeys(re.findall(r'<(?:input|select)[^>]* name="([^"]+)"', page), "")
    for name, value in re.findall(r'<input type="text" id="[^"]+" name="([^"]+)" value="([^"]*)"', page):
        fields[name] = value
    return fields


@pytest.mark.parametrize(
    ("path", "typed", "expect"),
    [
        ("/convert", {"quantity": "6500 lb", "target": "doses"}, 'data-value="283041638.88"'),
        ("/convert", {"quantity": "44 million pills", "target": "doses", "assumptions": "dea-2023",
                      "pill_model": "lab-share"}, 'data-value="30800000"'),
        ("/check", {"claim": "nearly 193 million doses", "powder": "more than 6,500 pounds",
                    "pills": "nearly 44 million pills"}, 'data-verdict="plausible"'),
        ("/check", {"claim": "nearly 193 million doses", "pills": "nearly 44 million pills", "reading": "strict",
                    "scale": "seizure", "pill_model": "mean-content"}, 'id="result"'),
    ],
)  # fmt: skip
def test_forms_sent_whole_with_empty_fields_work(client, path, typed, expect) -> None:
    """A browser sends every field, the untouched ones empty: empty means not given."""
    fields = {**_form_fields(client.get(path).text), **typed}
    assert set(fields) >= {"assumptions", "pill_model"}
    response = client.get(path, params=fields)
    assert response.status_code == 200, re.findall(r'role="alert">(.*?)</div>', response.text)
    assert expect in response.text

"""The page explains itself: each verdict's colour and meaning beside it, the explainer served by the page (safely),
short menus, an uploaded HTML file shown as its story, HEAD /, and the downloads a newsroom uses (Word among them).

In process, through Starlette's test client; the same pages in a real browser are in test_web_layout.py.
"""

from __future__ import annotations

import io
import re

import pytest
from starlette.testclient import TestClient

from doseconv.verdictstyle import style, styles
from doseconv.web import create_app, explainer

from .web_clients import LOCAL, SAME_ORIGIN

STORY = (
    "WASHINGTON (June 14, 2023) — Nationwide, investigators seized nearly 44 million fentanyl pills and more than "
    "6,500 pounds of fentanyl powder, which equals nearly 193 million deadly doses.\n\n"
    "In Denver, agents seized over 13 pounds of fentanyl powder, over three million doses."
)
RELEASE = (
    "<!doctype html>\n<html>\n  <head>\n    <title>Record fentanyl seizures in 2023</title>\n  </head>\n  <body>\n"
    "    <div>\n      <div>\n        <p>In Denver, agents seized over 13 pounds of fentanyl powder, over three "
    "million doses.</p>\n      </div>\n\n\n      <div>\n\n        <p>The case continues.</p>\n      </div>\n"
    "    </div>\n  </body>\n</html>\n"
)


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app(), base_url=LOCAL, headers=SAME_ORIGIN)


def test_head_of_the_story_page_answers(client) -> None:
    response = client.head("/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert response.content == b""


def test_each_card_says_what_its_verdict_means_and_links_to_the_explainer(client) -> None:
    page = client.post("/", data={"text": STORY}).text
    for verdict in ("plausible", "upper-bound"):
        line = f'<p class="verdict">{style(verdict).sentence} <a class="explain" href="/verdicts#{verdict}">'
        assert line in page.replace("&#x27;", "'")
    legend = page.split('<ul class="legend"')[1].split("</ul>")[0]
    assert re.findall(r'<li data-verdict="([a-z-]+)">', legend) == [s.verdict for s in styles()]
    assert (
        '<a href="/verdicts#impossible">Impossible</a></strong>: more doses than the stated mass could hold.' in legend
    )


def test_the_colour_of_a_verdict_is_one_in_page_report_and_chart(client) -> None:
    """The page's CSS, the HTML report's and the chart's verdict box all take the colours of data/verdicts.toml."""
    page = client.get("/").text
    report = client.post("/report", data={"text": STORY, "output": "html"}).text
    for found in styles():
        rule = f".v-{found.verdict}{{background:{found.fill}}}.edge.v-{found.verdict}{{border-color:{found.edge}}}"
        assert rule in page and rule in report
    assert "What the verdicts mean" in report


def test_the_explainer_is_served_rendered_and_inert(client, monkeypatch) -> None:
    hostile = (
        "# What the verdicts mean\n\n## Plausible\n\nA **plausible** total. <script>alert(1)</script>\n\n"
        "## `upper-bound`\n\nSee [the method](methodology.md), [DEA](https://www.dea.gov/) and "
        "[x](javascript:alert(2)). ![chart](img/chart.png)\n\n<img src=x onerror=alert(3)>\n"
    )
    monkeypatch.setattr(explainer, "explainer_text", lambda: hostile)
    explainer._render.cache_clear()
    page = client.get("/verdicts").text
    body = page.split('<div class="explainer">')[1]
    assert '<h2 id="plausible">Plausible</h2>' in body
    assert '<h2 id="upper-bound"><code>upper-bound</code></h2>' in body
    assert "<strong>plausible</strong>" in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body and "<script>alert" not in body
    assert "&lt;img src=x onerror=alert(3)&gt;" in body and "<img" not in body
    assert '<a href="https://www.dea.gov/">DEA</a>' in body
    assert "the method" in body and 'href="methodology.md"' not in body  # a docs file is not on the page
    assert 'href="javascript' not in body
    assert "Content-Security-Policy" in client.get("/verdicts").headers


def test_without_the_explainer_the_page_gives_the_one_line_meanings(client, monkeypatch) -> None:
    monkeypatch.setattr(explainer, "explainer_text", lambda: None)
    page = client.get("/verdicts").text
    assert "does not come with this copy of doseconv" in page
    assert style("implausible").meaning in page


def test_an_uploaded_html_file_shows_its_title_as_a_title_and_no_blank_gaps(client) -> None:
    files = {"file": ("release.html", RELEASE.encode("utf-8"), "text/html")}
    page = client.post("/", data={"text": ""}, files=files).text
    assert '<p class="story-title" id="story-title">Record fentanyl seizures in 2023</p>' in page
    shown = page.split('<div class="story" id="story">')[1].split("</div>")[0]
    assert shown.startswith("In Denver, agents seized")  # the title is not the story's first words
    assert "\n\n\n" not in shown and "\n " not in shown
    assert shown.endswith("doses<sup>1 upper bound</sup></a></mark>.\n\nThe case continues.")


def test_a_word_file_uploaded_is_named_as_one(client) -> None:
    files = {"file": ("story.docx", b"PK\x03\x04\x14\x00" + b"\x00" * 40, "application/octet-stream")}
    page = client.post("/", data={"text": ""}, files=files).text
    assert (
        "story.docx is a Word file (.docx), not text; save it as plain text (.txt) or a web page (.html) first" in page
    )


def test_the_word_download_holds_verdicts_sentences_and_sources(client) -> None:
    import docx

    response = client.post("/report", data={"text": STORY, "source": "release.html", "output": "docx"})
    assert response.status_code == 200
    assert response.headers["content-type"] == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    assert response.headers["content-disposition"] == 'attachment; filename="release-doses.docx"'
    document = docx.Document(io.BytesIO(response.content))
    text = [p.text for p in document.paragraphs]
    assert "Claim 2: over three million doses" in text
    assert style("upper-bound").sentence in text
    assert any(t.startswith("Paste-ready: ") and "three million would need the powder to be pure" in t for t in text)
    assert "Corrected figure: about 575,000 doses" in text
    assert "How it was probably made: Counting the powder as pure fentanyl" in text
    sources = text[text.index("Sources of the figures used") + 1 :]
    assert any("U.S. Drug Enforcement Administration" in t for t in sources)
    shading = document.paragraphs[text.index(style("upper-bound").sentence)]._p.xpath(".//w:shd/@w:fill")
    assert shading == [style("upper-bound").fill.lstrip("#")]


def test_the_markdown_download_is_headed_by_the_title_or_file_name(client) -> None:
    pasted = client.post("/report", data={"text": STORY, "output": "markdown"}).text
    assert pasted.startswith("## Pasted story\n")
    assert "## <text>" not in pasted
    titled = client.post("/report", data={"text": RELEASE, "source": "release.html", "output": "markdown"}).text
    assert titled.startswith("## Record fentanyl seizures in 2023 (release.html)\n")


def test_the_menus_explain_themselves(client) -> None:
    page = client.get("/").text
    assert 'aria-describedby="reading-help"' in page and 'id="reading-help"' in page
    assert "Lenient grants a figure all the rounding its words allow" in page


def test_the_shipped_explainer_is_docs_verdicts_md_and_has_every_verdict(client) -> None:
    """docs/verdicts.md is the file the package ships; the page serves it with a heading for every verdict, which
    the legend's links reach, and each verdict's section gives a worked example and its paste-ready sentence."""
    from importlib import resources
    from pathlib import Path

    shipped = resources.files("doseconv").joinpath("data", "verdicts.md").read_text(encoding="utf-8")
    docs = Path(__file__).resolve().parents[1] / "docs" / "verdicts.md"
    assert docs.read_text(encoding="utf-8") == shipped
    explainer._render.cache_clear()
    page = client.get("/verdicts").text
    for found in styles():
        assert f'href="/verdicts#{found.verdict}"' in page
        assert f'<h2 id="{found.verdict}">' in page, found.verdict
        section = shipped.split(f"## {found.label}")[1].split("\n## ")[0]
        assert "**What it does not claim:**" in section and "```console\n$ doseconv check" in section
        assert "\nplain:    " in section

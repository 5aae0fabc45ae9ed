"""`scan --format html`: one self-contained page, checked in a real headless browser."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from doseconv.scan import scan_paths
from doseconv.scan.report import render

from . import browser
from .cli import run

ROOT = Path(__file__).resolve().parents[1]
PARAGRAPH = (
    "WASHINGTON, Jan. 31, 2024 — Six out of ten pills contain a potentially lethal dose, the DEA says. "
    "Agents seized 100,000 counterfeit oxycodone pills, or 60,000 deadly doses.\n\n"
    "Separately, police seized 2 kilograms of fentanyl from a vehicle, enough to kill 1 million people."
)


def _stories(tmp_path: Path) -> Path:
    folder = tmp_path / "stories"
    folder.mkdir()
    shutil.copy(ROOT / "tests" / "data" / "harbor-county-story.txt", folder / "harbor-county.txt")
    (folder / "wire.txt").write_text(PARAGRAPH, encoding="utf-8")
    return folder


def test_the_page_is_self_contained_and_marks_each_claim(tmp_path) -> None:
    scans = scan_paths([str(_stories(tmp_path))])
    page = render(scans, "html")
    assert page.startswith("<!doctype html>") and '<meta name="viewport"' in page
    assert not re.search(r"<script|<link|@import|url\(|https?://", page)  # nothing is fetched
    verdicts = re.findall(r'<mark class="claim v-([a-z-]+)" data-verdict="[a-z-]+" id="(s\d-c\d)"', page)
    expected = [(c.verdict, f"s{i}-c{c.index}") for i, r in enumerate(scans.reports, 1) for c in r.claims]
    assert verdicts == expected and len(expected) == 6
    assert page.count('class="fix edge v-') == 6
    assert "&lt;" not in PARAGRAPH and "<b>" not in page.split("</style>")[1].split("<table")[0]


def test_the_cli_writes_html_and_exits_with_the_verdict_code(capsys, tmp_path) -> None:
    result = run(capsys, "scan", str(_stories(tmp_path)), "--format", "html")
    assert result.code == 1 and result.out.startswith("<!doctype html>")


def test_the_page_in_a_real_browser(chromium, tmp_path, monkeypatch) -> None:
    from selenium.webdriver.common.by import By

    _stories(tmp_path)
    monkeypatch.chdir(tmp_path)  # the stories are named as given: stories/harbor-county.txt
    path = tmp_path / "report.html"
    path.write_text(render(scan_paths(["stories"]), "html"), encoding="utf-8")
    chromium.set_window_size(1200, 1500)
    try:
        chromium.get(path.as_uri())
        assert chromium.find_element(By.TAG_NAME, "h1").text == "Dose claims checked"
        rows = chromium.find_elements(By.CSS_SELECTOR, "table.summary tr")
        assert [r.find_elements(By.TAG_NAME, "td")[2].text for r in rows[1:]] == ["3", "1"]
        marks = chromium.find_elements(By.CSS_SELECTOR, "mark.claim")
        assert len(marks) == 6
        wire = [m for m in marks if m.get_attribute("id").startswith("s2-")]
        assert [m.get_attribute("data-verdict") for m in wire] == ["consistent", "upper-bound"]
        assert [m.text for m in wire] == ["60,000 deadly doses1", "1 million people2"]
        colour = wire[1].value_of_css_property("background-color")
        assert colour == "rgba(234, 220, 251, 1)"  # upper-bound: its colour on the page and the chart too
        fix = chromium.find_element(By.ID, "s2-c2-fix")
        section = chromium.find_element(By.ID, "s1")  # a story's notes stay inside its section
        last = chromium.find_element(By.ID, "s1-c4-fix")
        assert last.location["y"] + last.size["height"] <= section.location["y"] + section.size["height"]
        assert fix.text.startswith("UPPER-BOUND corrected: about 114,000. At the 11.36% average purity")  # 2024
        assert fix.location["x"] > wire[1].location["x"]  # beside the text on a wide screen
        browser.screenshot(chromium, "scan-report")
        chromium.set_window_size(390, 844)
        assert chromium.execute_script("return document.documentElement.scrollWidth") <= 390  # a phone
    finally:
        chromium.set_window_size(1000, 1400)

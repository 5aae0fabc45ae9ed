"""The page's layout and its explanations in a real headless chromium: no sideways scrolling on a desktop window
or a 390-pixel phone, the legend's colours the marks' colours, and a card's link to the explainer.

Skipped with the reason when chromium, chromedriver or selenium is missing (see tests/browser.py).
"""

from __future__ import annotations

import pytest

from . import browser

pytest.importorskip("selenium", reason='browser test skipped: selenium is not installed (pip install -e ".[test]")')

from selenium.webdriver.common.by import By

from .test_web_browser import STORY, _paste

#: The window sizes the Sources page was seen scrolling sideways in: a laptop window, and a phone.
WINDOWS = ((1185, 900), (390, 844))


def _scroll_width(driver) -> tuple[int, int]:
    return driver.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")


@pytest.mark.parametrize(("width", "height"), WINDOWS)
def test_sources_page_does_not_scroll_sideways(chromium, web_url, width: int, height: int) -> None:
    chromium.set_window_size(width, height)
    try:
        chromium.get(web_url + "/sources")
        browser.wait_for(chromium, "#population")
        page, window = _scroll_width(chromium)
        assert page <= window, f"the page is {page} px wide in a {window} px window"
        if width == 390:
            browser.screenshot(chromium, "web-sources-phone")
    finally:
        chromium.set_window_size(1000, 1400)


@pytest.mark.parametrize(("width", "height"), WINDOWS)
def test_explainer_page_does_not_scroll_sideways(chromium, web_url, width: int, height: int) -> None:
    chromium.set_window_size(width, height)
    try:
        chromium.get(web_url + "/verdicts")
        browser.wait_for(chromium, "ul.legend")
        page, window = _scroll_width(chromium)
        assert page <= window
    finally:
        chromium.set_window_size(1000, 1400)


def test_the_legend_shows_each_verdict_in_the_colour_of_its_marks(chromium, web_url) -> None:
    chromium.get(web_url + "/")
    _paste(chromium, STORY, "2023-06-14")
    legend = {
        item.get_attribute("data-verdict"): item.find_element(By.CSS_SELECTOR, ".swatch").value_of_css_property(
            "background-color"
        )
        for item in chromium.find_elements(By.CSS_SELECTOR, "ul.legend li")
    }
    assert list(legend) == ["impossible", "upper-bound", "implausible", "plausible", "consistent", "unverifiable"]
    for mark in chromium.find_elements(By.CSS_SELECTOR, "#story mark.claim"):
        assert mark.value_of_css_property("background-color") == legend[mark.get_attribute("data-verdict")]
    text = chromium.find_element(By.CSS_SELECTOR, "ul.legend").text
    assert "Upper bound: the most the stated mass could hold, not what it likely holds." in text


def test_a_card_links_to_its_verdict_in_the_explainer(chromium, web_url) -> None:
    chromium.get(web_url + "/")
    _paste(chromium, STORY, "2023-06-14")
    link = chromium.find_element(By.CSS_SELECTOR, "#claim-2 a.explain")
    assert link.text == "What this verdict means"
    browser.click_and_wait(chromium, link)
    assert chromium.current_url == web_url + "/verdicts#implausible"
    assert chromium.title.endswith("· doseconv")
    assert chromium.find_elements(By.CSS_SELECTOR, "ul.legend li[data-verdict=implausible]")


def test_the_check_page_on_a_phone_shows_the_chart_whole(chromium, web_url) -> None:
    import importlib.util

    if importlib.util.find_spec("matplotlib") is None:
        pytest.skip("matplotlib is not installed: the page shows no chart")
    chromium.set_window_size(390, 844)
    try:
        chromium.get(
            web_url + "/check?claim=almost+193+million+doses&pills=nearly+44+million+pills&assumptions=dea-2022"
        )
        chart = browser.wait_for(chromium, "#chart svg")
        page, window = _scroll_width(chromium)
        assert page <= window
        assert chart.size["width"] <= 390
        assert "Implausible: the total needs values outside the" in chart.text
        chromium.execute_script("document.getElementById('chart').scrollIntoView()")
        browser.screenshot(chromium, "web-chart-phone")
    finally:
        chromium.set_window_size(1000, 1400)

"""The web page in a real headless chromium: a story pasted and checked, the Check form, hostile text inert.

Skipped with the reason when chromium, chromedriver or selenium is missing (see tests/browser.py).
Screenshots are saved under docs/img/ for the README and docs/web.md.
"""

from __future__ import annotations

import importlib.util

import pytest

from . import browser

pytest.importorskip("selenium", reason='browser test skipped: selenium is not installed (pip install -e ".[test]")')

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

STORY = (
    "WASHINGTON (June 14, 2023) — Nationwide, investigators seized nearly 44 million fentanyl pills and more than "
    "6,500 pounds of fentanyl powder, which equals nearly 193 million deadly doses.\n\n"
    "A television station reported the haul the same day: nearly 44 million fentanyl pills, equating to almost "
    "193 million deadly doses.\n\n"
    "In Denver, agents seized over 13 pounds of fentanyl powder, over three million doses.\n\n"
    "The 250,000 pills seized could kill the entire population of Wyoming."
)

HOSTILE = (
    "Police seized 10 kilograms of fentanyl powder <script>document.title='pwned'; window.pwned = 1;</script>, "
    "enough for 5 million deadly doses. <img src=x onerror=\"window.pwnedImage = 1; document.title='pwned'\">"
)


def _paste(driver, text: str, date: str = "") -> None:
    """Put ``text`` in the story box (as a paste would), and ``date`` in the date field, and submit the form."""
    box = browser.wait_for(driver, "#text")
    driver.execute_script("arguments[0].value = arguments[1];", box, text)
    driver.execute_script("arguments[0].value = arguments[1];", driver.find_element(By.ID, "date"), date)
    browser.click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form[action='/'] button[type=submit]"))


def _claims(driver) -> list[tuple[str, str]]:
    marks = driver.find_elements(By.CSS_SELECTOR, "#story mark.claim")
    return [(m.get_attribute("data-verdict"), m.find_element(By.TAG_NAME, "a").text) for m in marks]


def test_story_is_checked_and_highlighted(chromium, web_url) -> None:
    chromium.get(web_url + "/")
    assert chromium.title == "Story · doseconv"
    _paste(chromium, STORY, "2023-06-14")
    assert chromium.title == "Story checked · doseconv"
    assert _claims(chromium) == [
        ("plausible", "nearly 193 million deadly doses1 plausible"),
        ("implausible", "almost 193 million deadly doses2 implausible"),
        ("upper-bound", "over three million doses3 upper bound"),
        ("implausible", "could kill the entire population of Wyoming4 implausible"),
    ]
    summary = browser.wait_for(chromium, "#summary").text
    assert summary == "3 of 4 claims flagged. 1 upper bound, 2 implausible, 1 plausible."
    card = chromium.find_element(By.ID, "claim-2")
    assert card.get_attribute("data-verdict") == "implausible"
    assert "Implausible: the total needs values outside the range DEA has published." in card.text
    assert (
        "Diagnosis\nCounting the pills alone and leaving the powder out: the total is pinned on the pills alone"
        in card.text
    )
    assert "Rules used\ndea-2023 (figures for 2023" in card.text  # the story's date picks the set
    powder = chromium.find_element(By.ID, "claim-3")
    assert "Upper bound: the most the stated mass could hold, not what it likely holds." in powder.text
    assert "Corrected figure\nabout 575,000 doses, at lethal dose 2 mg" in powder.text
    assert (
        "three million would need the powder to be pure fentanyl" in powder.find_element(By.CSS_SELECTOR, ".plain").text
    )
    wyoming = chromium.find_element(By.ID, "claim-4")
    assert "Population\nWyoming: 585,067 in 2023" in wyoming.text
    assert "U.S. Census Bureau estimate for July 1, 2023, vintage 2024" in wyoming.text
    # the highlighted figure has a verdict colour, and the copy button was shown by the page's script
    colour = chromium.find_element(By.CSS_SELECTOR, "#story mark.v-implausible").value_of_css_property(
        "background-color"
    )
    assert colour == "rgba(255, 227, 179, 1)"
    assert card.find_element(By.CSS_SELECTOR, "button.copy").is_displayed()
    chromium.set_window_size(1000, 2600)  # the summary, the story and the first cards
    try:
        browser.screenshot(chromium, "web-story")
    finally:
        chromium.set_window_size(1000, 1400)


def test_copy_button_copies_the_plain_sentence(chromium, web_url) -> None:
    chromium.get(web_url + "/")
    _paste(chromium, STORY)
    chromium.execute_script(
        "window.copied = null; navigator.clipboard.writeText = function(t){window.copied = t; return Promise.resolve()}"
    )
    button = chromium.find_element(By.CSS_SELECTOR, "#claim-4 button.copy")
    button.click()
    WebDriverWait(chromium, browser.PATIENCE).until(lambda d: d.execute_script("return window.copied") is not None)
    shown = chromium.find_element(By.ID, "claim-4-text").text
    assert chromium.execute_script("return window.copied") == shown
    assert shown.startswith("250,000 pills (each pill counted as one dose) hold 250,000 lethal doses of 2 mg")
    WebDriverWait(chromium, browser.PATIENCE).until(lambda d: button.text == "Copied")


def test_story_page_on_a_phone(chromium, web_url) -> None:
    chromium.set_window_size(390, 844)
    try:
        chromium.get(web_url + "/")
        _paste(chromium, STORY)
        width = chromium.execute_script("return document.documentElement.scrollWidth")
        assert width <= 390  # no sideways scrolling
        browser.screenshot(chromium, "web-story-phone")
    finally:
        chromium.set_window_size(1000, 1400)


def test_check_form_by_keyboard(chromium, web_url) -> None:
    chromium.get(web_url + "/check")
    browser.wait_for(chromium, "#claim")
    chromium.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    assert chromium.switch_to.active_element.text == "Skip to the page"
    Select(chromium.find_element(By.ID, "assumptions")).select_by_value("dea-2022")
    chromium.find_element(By.ID, "claim").send_keys("nearly 193 million doses")
    chromium.switch_to.active_element.send_keys(Keys.TAB, "nearly 44 million pills", Keys.TAB, "more than 6,500 pounds")
    assert chromium.switch_to.active_element.get_attribute("id") == "powder"
    browser.click_and_wait(chromium, chromium.switch_to.active_element, keys=Keys.ENTER)
    result = browser.wait_for(chromium, "#result")
    assert result.get_attribute("data-verdict") == "plausible"
    assert "The claim needs\npowder purity from 9.89% to 10.18%" in result.text
    assert (
        Select(chromium.find_element(By.ID, "assumptions")).first_selected_option.get_attribute("value") == "dea-2022"
    )
    if importlib.util.find_spec("matplotlib") is not None:
        chart = browser.wait_for(chromium, "#chart svg")
        assert chart.get_attribute("aria-label") == "Sensitivity chart of the claim 'nearly 193 million doses'"
        assert chart.size["width"] > 300
        assert "Fentanyl purity of the powder (%)" in chart.text
    chromium.execute_script("document.getElementById('result').scrollIntoView()")
    browser.screenshot(chromium, "web-check")


def test_check_form_with_a_population_claim_and_a_year(chromium, web_url) -> None:
    chromium.get(web_url + "/check")
    browser.wait_for(chromium, "#claim").send_keys("enough to kill every American five times over")
    chromium.find_element(By.ID, "powder").send_keys("around 9,400 pounds")
    chromium.find_element(By.ID, "year").send_keys("2023")
    browser.click_and_wait(chromium, chromium.find_element(By.CSS_SELECTOR, "form[action='/check'] button"))
    result = browser.wait_for(chromium, "#result")
    assert "Population\nUnited States: 336,806,231 in 2023" in result.text
    assert browser.wait_for(chromium, "#chart-note").text.startswith("No chart for a population claim")


def test_story_with_script_tags_runs_nothing(chromium, web_url) -> None:
    chromium.get(web_url + "/")
    _paste(chromium, HOSTILE)
    assert chromium.title == "Story checked · doseconv"
    assert chromium.execute_script("return [window.pwned, window.pwnedImage]") == [None, None]
    story = chromium.find_element(By.ID, "story").text
    assert "<script>document.title='pwned'; window.pwned = 1;</script>" in story
    assert '<img src=x onerror="window.pwnedImage = 1;' in story
    assert chromium.find_elements(By.CSS_SELECTOR, "#story script, #story img") == []


def test_story_page_works_without_javascript(web_url) -> None:
    reason = browser.missing()
    if reason is not None:
        pytest.skip(f"browser test skipped: {reason}")
    with browser.chromium(javascript=False) as driver:
        driver.get(web_url + "/")
        _paste_without_script(driver, STORY)
        assert [v for v, _ in _claims(driver)] == ["plausible", "implausible", "upper-bound", "implausible"]
        assert not driver.find_element(By.CSS_SELECTOR, "button.copy").is_displayed()  # needs the script


def _paste_without_script(driver, text: str) -> None:
    box = driver.find_element(By.ID, "text")
    box.send_keys(text)
    browser.click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form[action='/'] button[type=submit]"))


def test_convert_form_shows_both_figures(chromium, web_url) -> None:
    chromium.get(web_url + "/convert")
    chromium.find_element(By.ID, "quantity").send_keys("6500 lb")
    Select(chromium.find_element(By.ID, "target")).select_by_value("doses")
    browser.click_and_wait(
        chromium, chromium.find_element(By.CSS_SELECTOR, "form[action='/convert'] button[type=submit]")
    )
    shown = [e.text for e in chromium.find_elements(By.CSS_SELECTOR, "[data-kind=conversion] .verdict")]
    assert shown == ["283,041,639 doses", "1,474,175,203 doses"]  # at the set's purity, and counted as pure

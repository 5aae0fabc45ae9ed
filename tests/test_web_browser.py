"""The web page in a real headless chromium: a story pasted and checked, the Check form, hostile text inert.

Skipped with the reason when chromium, chromedriver or selenium is missing (see tests/browser.py).
Screenshots are saved under docs/img/ for the README and docs/web.md.
"""

from __future__ import annotations

import pytest

from . import browser

pytest.importorskip("selenium", reason='browser test skipped: selenium is not installed (pip install -e ".[test]")')

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

STORY = (
    "WASHINGTON (June 14, 2023) — Nationwide, investigators seized nearly 44 million fentanyl pills and more than "
    "6,500 pounds of fentanyl powder, which equals nearly 193 million deadly doses.\n\n"
    "A television station reported the haul the same day: nearly 44 million fentanyl pills, equating to almost "
    "193 million deadly doses."
)

HOSTILE = (
    "Police seized 10 kilograms of fentanyl powder <script>document.title='pwned'; window.pwned = 1;</script>, "
    "enough for 5 million deadly doses. <img src=x onerror=\"window.pwnedImage = 1; document.title='pwned'\">"
)


def _paste(driver, text: str) -> None:
    """Put ``text`` in the story box (as a paste would) and submit the form."""
    box = driver.find_element(By.ID, "text")
    driver.execute_script("arguments[0].value = arguments[1];", box, text)
    browser.click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form[action='/'] button[type=submit]"))


def _claims(driver) -> list[tuple[str, str]]:
    marks = driver.find_elements(By.CSS_SELECTOR, "#story mark.claim")
    return [(m.get_attribute("data-verdict"), m.find_element(By.TAG_NAME, "a").text) for m in marks]


def test_story_is_checked_and_highlighted(chromium, web_url) -> None:
    chromium.get(web_url + "/")
    assert chromium.title == "Story · doseconv"
    _paste(chromium, STORY)
    assert chromium.title == "Story checked · doseconv"
    assert _claims(chromium) == [
        ("plausible", "nearly 193 million deadly doses1 plausible"),
        ("implausible", "almost 193 million deadly doses2 implausible"),
    ]
    summary = chromium.find_element(By.ID, "summary").text
    assert summary == "1 of 2 claims flagged. 1 implausible, 1 plausible."
    card = chromium.find_element(By.ID, "claim-2")
    assert card.get_attribute("data-verdict") == "implausible"
    assert "Implausible: the total needs values outside the range DEA has published." in card.text
    assert "Reproduced by\npills-only" in card.text
    # the highlighted figure has a verdict colour, and the copy button was shown by the page's script
    colour = chromium.find_element(By.CSS_SELECTOR, "#story mark.v-implausible").value_of_css_property(
        "background-color"
    )
    assert colour == "rgba(255, 227, 179, 1)"
    assert card.find_element(By.CSS_SELECTOR, "button.copy").is_displayed()
    chromium.set_window_size(1000, 1400)
    browser.screenshot(chromium, "web-story")


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
    chromium.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    assert chromium.switch_to.active_element.text == "Skip to the page"
    Select(chromium.find_element(By.ID, "assumptions")).select_by_value("dea-2022")
    chromium.find_element(By.ID, "claim").send_keys("nearly 193 million doses")
    chromium.switch_to.active_element.send_keys(Keys.TAB, "nearly 44 million pills", Keys.TAB, "more than 6,500 pounds")
    assert chromium.switch_to.active_element.get_attribute("id") == "powder"
    browser.click_and_wait(chromium, chromium.switch_to.active_element, keys=Keys.ENTER)
    result = chromium.find_element(By.ID, "result")
    assert result.get_attribute("data-verdict") == "plausible"
    assert "The claim needs\npowder purity from 9.89% to 10.18%" in result.text
    assert (
        Select(chromium.find_element(By.ID, "assumptions")).first_selected_option.get_attribute("value") == "dea-2022"
    )
    browser.screenshot(chromium, "web-check")


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
        assert [v for v, _ in _claims(driver)] == ["plausible", "implausible"]
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
    assert shown == ["283,041,639 doses", "1,474,175,203 doses"]

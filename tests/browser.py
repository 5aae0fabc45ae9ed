"""A real browser for tests: Debian's chromium driven by selenium through /usr/bin/chromedriver.

Nothing is downloaded: selenium is pointed at the installed driver, and chromium is started
with networking features off and a fresh profile. :func:`serve_app` runs an ASGI app with
uvicorn in a thread on a free loopback port. The fixtures in ``conftest.py`` wrap both, so any
test (the web pages, a scan HTML report) can open a page and read the rendered DOM.
"""

from __future__ import annotations

import contextlib
import shutil
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

CHROMEDRIVER = Path("/usr/bin/chromedriver")
CHROMIUM_CANDIDATES = (Path("/usr/bin/chromium"), Path("/usr/bin/chromium-browser"))
IMAGES = Path(__file__).resolve().parents[1] / "docs" / "img"

#: Seconds to wait for a page, an element or the server: generous, so a loaded machine slows the tests, never fails them.
PATIENCE = 60

#: Flags for a headless chromium that reaches nothing but the pages the test opens.
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
)


def chromium_binary() -> Path | None:
    return next((p for p in CHROMIUM_CANDIDATES if p.exists()), None)


def missing() -> str | None:
    """Why no browser test can run here, or None when it can."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return 'selenium is not installed (pip install -e ".[test]")'
    if chromium_binary() is None:
        return "chromium is not installed (as root: apt-get install -y chromium chromium-driver)"
    if not CHROMEDRIVER.exists():
        return f"{CHROMEDRIVER} is missing (as root: apt-get install -y chromium-driver)"
    return None


@contextlib.contextmanager
def chromium(width: int = 1000, height: int = 1400, *, javascript: bool = True) -> Iterator[Any]:
    """A headless chromium with a fresh profile, closed and removed afterwards."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="doseconv-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(chromium_binary())
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.add_argument(f"--window-size={width},{height}")
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    try:
        driver.set_page_load_timeout(PATIENCE * 4)
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def serve_app(app: Any) -> Iterator[str]:
    """Run ``app`` with uvicorn in a thread on a free loopback port; yield its base URL."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", access_log=False))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + PATIENCE
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def screenshot(driver: Any, name: str) -> Path:
    """Save the browser's view as docs/img/NAME.png (used in the docs) and return the path."""
    IMAGES.mkdir(parents=True, exist_ok=True)
    path = IMAGES / f"{name}.png"
    driver.save_screenshot(str(path))
    return path


def wait_for(driver: Any, css: str, timeout: float = PATIENCE) -> Any:
    """The first element matching ``css``, waited for (the page may still be arriving on a busy machine)."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, css)))


def _gone(element: Any) -> bool:
    """Whether ``element`` has left the document (the next page replaced it).

    chromedriver reports a node of a page being replaced either as stale or, now and then, with
    "Node with given id does not belong to the document"; both mean the page has moved on.
    """
    from selenium.common.exceptions import StaleElementReferenceException, WebDriverException

    try:
        element.is_enabled()
    except StaleElementReferenceException:
        return True
    except WebDriverException as error:
        if "does not belong to the document" in str(error):
            return True
        raise
    return False


def click_and_wait(driver: Any, element: Any, timeout: float = PATIENCE, *, keys: str | None = None) -> None:
    """Click ``element`` (a submit button or link), or type ``keys`` into it, and wait for the next page."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    old = driver.find_element(By.TAG_NAME, "html")
    if keys is None:
        element.click()
    else:
        element.send_keys(keys)
    WebDriverWait(driver, timeout).until(lambda _: _gone(old))
    WebDriverWait(driver, timeout).until(lambda d: d.execute_script("return document.readyState") == "complete")

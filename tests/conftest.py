"""Shared fixtures: a real browser (see tests/browser.py) and the web app served on loopback."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from . import browser as _browser


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """A headless chromium (selenium WebDriver); the test is skipped with the reason when none is installed."""
    reason = _browser.missing()
    if reason is not None:
        pytest.skip(f"browser test skipped: {reason}")
    with _browser.chromium() as driver:
        yield driver


@pytest.fixture(scope="session")
def web_url() -> Iterator[str]:
    """The base URL of the doseconv web app, served by uvicorn on a free loopback port."""
    pytest.importorskip("uvicorn", reason='the web extra is not installed: pip install "doseconv[web]"')
    from doseconv.web import create_app

    with _browser.serve_app(create_app()) as url:
        yield url

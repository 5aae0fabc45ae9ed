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


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--fuzz-long",
        action="store_true",
        default=False,
        help="Run the fuzz suite (tests/test_fuzz_*.py) with twenty times as many examples per property.",
    )


def pytest_configure(config: pytest.Config) -> None:
    from . import fuzz_strategies

    fuzz_strategies.LONG = bool(config.getoption("--fuzz-long"))

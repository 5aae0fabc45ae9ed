"""What the web tests' clients send to look like the page's own browser: a loopback host and the same origin."""

from __future__ import annotations

import warnings
from typing import Any

import pytest

#: The base URL of an in-process test client: a name the server answers to.
LOCAL = "http://127.0.0.1"
#: The Origin header a browser sends with a form or a fetch from the server's own page.
SAME_ORIGIN = {"Origin": LOCAL}


def page_client() -> Any:
    """An in-process client of the page's app, as its own browser; the test is skipped without the web extra."""
    pytest.importorskip("starlette", reason='the web extra is not installed: pip install "doseconv[web]"')
    pytest.importorskip("httpx", reason="Starlette's test client needs httpx")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient
    from doseconv.web import create_app

    return TestClient(create_app(), base_url=LOCAL, headers=SAME_ORIGIN)

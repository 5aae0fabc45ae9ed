"""What the web tests' clients send to look like the page's own browser: a loopback host and the same origin."""

from __future__ import annotations

#: The base URL of an in-process test client: a name the server answers to.
LOCAL = "http://127.0.0.1"
#: The Origin header a browser sends with a form or a fetch from the server's own page.
SAME_ORIGIN = {"Origin": LOCAL}

"""What a request must be before the pages or the API see it: for this server, from its own pages, of the right type.

Any page the reporter opens in a browser can send requests to 127.0.0.1, so the server answers only what its own
pages (or a script on this machine) would send:

- **Host.** Only the names it serves: ``localhost``, ``127.0.0.1``, ``[::1]`` and the ``--host`` given (a page
  that rebinds its own name to 127.0.0.1 sends its own name, and is refused: DNS rebinding).
- **Same origin for what is posted.** A POST whose ``Origin`` is another site's (or ``null``) is refused; a form
  posted with no ``Origin`` at all must carry the server's form token (:mod:`.tokens`), as the pages' forms do.
- **JSON on the API.** A POST to ``/api/`` must say ``Content-Type: application/json``: a browser cannot send that
  to another site without asking first (a CORS preflight, which the server never grants).
- ``HEAD`` is answered as ``GET`` without the body; a client that goes away mid-request ends it quietly.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from typing import Any
from urllib.parse import urlsplit

from starlette.datastructures import Headers
from starlette.requests import ClientDisconnect

__all__ = ["LOOPBACK_NAMES", "Guard", "allowed_hosts", "host_name"]

#: The names a server on this machine answers to, whatever address it listens on.
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
#: Methods that change nothing.
_SAFE = frozenset({"GET", "HEAD", "OPTIONS"})
#: Scope key set when a posted form must carry the form token (no Origin header came with it).
TOKEN_REQUIRED = "doseconv.token_required"

Scope = dict[str, Any]
Refusal = Callable[[Scope, str, int], Any]


def host_name(value: str) -> str | None:
    """The host of a Host header or an address, lower case, without its port or brackets (None when malformed).

    >>> host_name("LOCALHOST:8000"), host_name("[::1]:8000"), host_name("::1"), host_name("evil.example")
    ('localhost', '::1', '::1', 'evil.example')
    >>> host_name("[::1"), host_name("a b"), host_name("")
    (None, None, None)
    """
    text = value.strip().lower()
    if not text or any(c.isspace() or c in "/\\@?#" for c in text):
        return None
    if text.startswith("["):
        end = text.find("]")
        if end < 0 or (text[end + 1 :] and not _is_port(text[end + 1 :])):
            return None
        return text[1:end] or None
    if text.count(":") > 1:
        return text  # a bare IPv6 address (as --host gives it)
    name, _, port = text.partition(":")
    if port and not port.isdigit():
        return None
    return name.rstrip(".") or None


def _is_port(text: str) -> bool:
    return text.startswith(":") and text[1:].isascii() and text[1:].isdigit()


def allowed_hosts(host: str | None = None, extra: Iterable[str] = ()) -> frozenset[str]:
    """The loopback names, the address listened on (``--host``) and any ``extra`` names, as :func:`host_name` gives."""
    names = set(LOOPBACK_NAMES)
    for value in (host, *extra):
        if value:
            name = host_name(value)
            if name is not None and name not in ("0.0.0.0", "::"):
                names.add(name)
    return frozenset(names)


def _same_origin(origin: str, scheme: str, host: str) -> bool:
    """Whether an Origin header names this server: the same scheme, host and port as the request."""
    try:
        parts = urlsplit(origin.strip().lower())
        port = parts.port
    except ValueError:
        return False
    if not parts.scheme or parts.hostname is None or parts.path or parts.query:
        return False
    default = 443 if scheme == "https" else 80
    target = urlsplit(f"{scheme}://{host.strip().lower()}")
    try:
        target_port = target.port
    except ValueError:
        return False
    return (parts.scheme, parts.hostname, port or default) == (scheme, target.hostname, target_port or default)


def _media_type(headers: Headers) -> str:
    return headers.get("content-type", "").split(";", 1)[0].strip().lower()


class Guard:
    """ASGI middleware that refuses, before the application runs, what the module's description says.

    ``refuse(scope, message, status)`` builds the refusal (JSON for the API, a page otherwise).
    """

    def __init__(self, app: Any, hosts: frozenset[str], refuse: Refusal) -> None:
        self.app = app
        self.hosts = hosts
        self.refuse = refuse

    def _problem(self, scope: Scope, headers: Headers) -> tuple[str, int] | None:
        host = headers.get("host", "")
        name = host_name(host)
        if name is None or name not in self.hosts:
            served = ", ".join(sorted(f"[{h}]" if ":" in h else h for h in self.hosts))
            return f"this server answers only for {served}; open it by one of those names", 400
        if scope["method"] in _SAFE:
            return None
        origin = headers.get("origin")
        api = str(scope.get("path", "")).startswith("/api/")
        null = origin is not None and origin.strip().lower() == "null"  # a sandboxed frame, or no-referrer
        if origin is not None and (api or not null) and not _same_origin(origin, scope.get("scheme", "http"), host):
            return "a request from another site is refused; use this server's own pages", 403
        if origin is None or null:
            scope[TOKEN_REQUIRED] = True
        if api and scope["method"] == "POST" and _media_type(headers) != "application/json":
            return 'send the request body as JSON with the header "Content-Type: application/json"', 415
        return None

    async def __call__(self, scope: Scope, receive: Callable[[], Awaitable[Any]], send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        problem = self._problem(scope, Headers(scope=scope))
        if problem is not None:
            await self.refuse(scope, *problem)(scope, receive, send)
            return
        if scope["method"] == "HEAD":  # answered as GET; the server sends no body for HEAD
            scope = {**scope, "method": "GET"}
        try:
            await self.app(scope, receive, send)
        except ClientDisconnect:
            return  # the client went away before sending its whole request: nobody to answer

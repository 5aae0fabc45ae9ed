"""A cap on request bodies (and query strings), counted as the bytes arrive (a Content-Length header is not trusted alone)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

__all__ = ["DEFAULT_MAX_BODY", "BodyLimit", "BodyTooLarge"]

#: The largest request body accepted, in bytes: about 1 MB, room for a long story. It stays below the
#: size at which Starlette would spool an upload to a temporary file, so no upload touches the disk.
DEFAULT_MAX_BODY = 1_000_000

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


class BodyTooLarge(Exception):
    """Raised inside a request when its body passes the cap."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"the request is larger than {limit:,} bytes; send a shorter text (at most {limit:,} bytes)")
        self.limit = limit


class BodyLimit:
    """ASGI middleware: refuse a body over ``limit`` bytes with 413, by its header or as it streams in.

    ``too_large(scope, message)`` builds the 413 response (JSON for the API, a page otherwise).
    """

    def __init__(self, app: Any, limit: int, too_large: Callable[[Scope, str], Any]) -> None:
        self.app = app
        self.limit = limit
        self.too_large = too_large

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        message = BodyTooLarge(self.limit)
        if len(scope.get("query_string", b"")) > self.limit:  # a GET form's fields are capped alike
            await self.too_large(scope, str(message))(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = 0
                if declared > self.limit:
                    await self.too_large(scope, str(message))(scope, receive, send)
                    return
        received = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal received
            event = await receive()
            if event["type"] == "http.request":
                received += len(event.get("body", b""))
                if received > self.limit:
                    raise message
            return event

        async def tracking_send(event: Message) -> None:
            nonlocal started
            if event["type"] == "http.response.start":
                started = True
            await send(event)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except BodyTooLarge:
            if started:  # pragma: no cover - handlers read the whole body before they answer
                raise
            await self.too_large(scope, str(message))(scope, receive, send)

"""uvicorn's HTTP protocol with the time limits it lacks, so that slow or idle connections cannot hold the server.

uvicorn closes a keep-alive connection left idle after a response, but waits forever for a new connection's first
request and for a request that trickles in a byte at a time (slowloris). Here a request's head (line and headers)
must arrive within :data:`HEAD_SECONDS` of the connection or of its first byte, and its body within
:data:`BODY_SECONDS` of its head; past either, the connection is closed.
"""

from __future__ import annotations

from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

__all__ = ["BODY_SECONDS", "HEAD_SECONDS", "IDLE_SECONDS", "TimedHttpToolsProtocol"]

#: Seconds a request's line and headers may take to arrive (from the connection, or the request's first byte).
HEAD_SECONDS = 10.0
#: Seconds a request's body may take after its headers (1 MB at 100 KB/s).
BODY_SECONDS = 10.0
#: Seconds a connection may stay idle between requests (uvicorn's keep-alive timeout).
IDLE_SECONDS = 5


class TimedHttpToolsProtocol(HttpToolsProtocol):
    """:class:`HttpToolsProtocol` with a deadline on reading each request (see the module's description)."""

    _deadline: Any = None

    def _arm(self, seconds: float) -> None:
        self._disarm()
        self._deadline = self.loop.call_later(seconds, self._too_slow)

    def _disarm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _too_slow(self) -> None:
        self._deadline = None
        if not self.transport.is_closing():
            self.transport.close()

    def connection_made(self, transport: Any) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm(HEAD_SECONDS)

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._arm(HEAD_SECONDS)

    def on_headers_complete(self) -> None:
        self._arm(BODY_SECONDS)
        super().on_headers_complete()

    def on_message_complete(self) -> None:
        self._disarm()
        super().on_message_complete()

"""The web application: pages and JSON API over the library, behind the guard (hosts, origin, content type) and
the cap on request bodies, with every refusal a 4xx answer (JSON on the API, a page elsewhere)."""

from __future__ import annotations

import contextlib
import os
from collections.abc import AsyncIterator, Iterable, MutableMapping
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from . import api, pages, work
from .guard import Guard, allowed_hosts
from .limits import DEFAULT_MAX_BODY, BodyLimit, BodyTooLarge

__all__ = ["HOSTS_ENVIRONMENT", "create_app"]

#: The names the server answers to besides the loopback ones, comma-separated (set by ``doseconv serve`` for the
#: processes it starts).
HOSTS_ENVIRONMENT = "DOSECONV_HOSTS"


def _is_api(scope: MutableMapping[str, Any]) -> bool:
    return str(scope.get("path", "")).startswith("/api/")


def _refusal(
    scope: MutableMapping[str, Any], message: str, status: int, headers: dict[str, str] | None = None
) -> Response:
    if _is_api(scope):
        response = api.error_response(message, status)
    else:
        title = {413: "Too large", 503: "Took too long"}.get(status, "Refused")
        response = pages.html(title, f"<h1>{title}</h1>{pages.error_html(message)}", status=status)
    response.headers.update(headers or {})
    return response


def _too_large(scope: MutableMapping[str, Any], message: str) -> Response:
    return api.error_response(message, 413) if _is_api(scope) else pages.too_large_page(message)


async def _on_too_large(request: Request, exc: Exception) -> Response:
    return _too_large(request.scope, str(exc))


async def _on_too_long(request: Request, exc: Exception) -> Response:
    return _refusal(request.scope, str(exc), 503)


async def _on_http_error(request: Request, exc: Exception) -> Response:
    if not isinstance(exc, HTTPException):  # pragma: no cover - registered for HTTPException only
        raise exc
    headers = dict(exc.headers or {})
    if "Allow" in headers:  # Starlette lists a route's methods in any order
        headers["Allow"] = ", ".join(sorted(m.strip() for m in headers["Allow"].split(",")))
    if _is_api(request.scope):
        message = {404: "no such API endpoint; see /api/openapi.json", 405: "method not allowed"}.get(
            exc.status_code, str(exc.detail)
        )
        if exc.status_code == 405 and "Allow" in headers:
            message += f"; this endpoint takes {headers['Allow']}"
        response = api.error_response(message, exc.status_code)
        response.headers.update(headers)
        return response
    if exc.status_code == 404:
        return pages.not_found_page()
    body = f"<h1>{exc.status_code}</h1>" + (pages.error_html(str(exc.detail)) if exc.status_code == 403 else "")
    return pages.html("Error", body, status=exc.status_code, headers=headers)


@contextlib.asynccontextmanager
async def _lifespan(app: Starlette) -> AsyncIterator[None]:
    yield
    work.stop_workers()


def create_app(max_body: int = DEFAULT_MAX_BODY, hosts: Iterable[str] | None = None) -> Any:
    """The ASGI application: Story (/), Check, Convert, Sources, and the API under /api/.

    ``hosts`` are the names it answers to besides localhost, 127.0.0.1 and [::1] (the address ``doseconv serve``
    listens on; by default those in the environment variable ``DOSECONV_HOSTS``).
    """
    if hosts is None:
        hosts = [h for h in os.environ.get(HOSTS_ENVIRONMENT, "").split(",") if h.strip()]
    app = Starlette(
        routes=[*pages.routes, *api.routes],
        exception_handlers={
            BodyTooLarge: _on_too_large,
            HTTPException: _on_http_error,
            work.TookTooLong: _on_too_long,
        },
        lifespan=_lifespan,
    )
    app.state.max_body = max_body
    return Guard(BodyLimit(app, max_body, _too_large), allowed_hosts(None, hosts), _refusal)

"""The web application: pages and JSON API over the library, with a cap on request bodies."""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from . import api, pages
from .limits import DEFAULT_MAX_BODY, BodyLimit, BodyTooLarge

__all__ = ["create_app"]


def _is_api(scope: MutableMapping[str, Any]) -> bool:
    return str(scope.get("path", "")).startswith("/api/")


def _too_large(scope: MutableMapping[str, Any], message: str) -> Response:
    return api.error_response(message, 413) if _is_api(scope) else pages.too_large_page(message)


async def _on_too_large(request: Request, exc: Exception) -> Response:
    return _too_large(request.scope, str(exc))


async def _on_http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    if _is_api(request.scope):
        message = {404: "no such API endpoint; see /api/openapi.json", 405: "method not allowed"}.get(
            exc.status_code, str(exc.detail)
        )
        return api.error_response(message, exc.status_code)
    if exc.status_code == 404:
        return pages.not_found_page()
    return pages.html("Error", f"<h1>{exc.status_code}</h1>", status=exc.status_code)


def create_app(max_body: int = DEFAULT_MAX_BODY) -> Any:
    """The ASGI application: Story (/), Check, Convert, Sources, and the API under /api/."""
    app = Starlette(
        routes=[*pages.routes, *api.routes],
        exception_handlers={BodyTooLarge: _on_too_large, HTTPException: _on_http_error},
    )
    app.state.max_body = max_body
    return BodyLimit(app, max_body, _too_large)

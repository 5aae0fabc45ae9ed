"""The JSON API: ``/api/check``, ``/api/scan``, ``/api/convert``, ``/api/describe``, ``/api/assumptions``.

Each answer is the JSON the command line prints for the same inputs (docs/json.md, docs/scan.md);
errors are ``{"error": message}`` with a 4xx status.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from ..errors import DoseconvError
from . import service, work
from .openapi import INTEGERS, NUMBERS, SPEC

__all__ = ["ApiError", "json_response", "routes"]


class ApiError(Exception):
    """A request the API refuses: a message and a 4xx status."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


def json_response(data: Any, status: int = 200) -> Response:
    """JSON in UTF-8: the same objects the CLI prints, written compactly (indenting would cost more than the check)."""
    body = json.dumps(data, ensure_ascii=False)
    return Response(body, status_code=status, media_type="application/json")


def error_response(message: str, status: int) -> Response:
    return json_response({"error": message}, status)


async def _fields(request: Request, allowed: tuple[str, ...]) -> dict[str, Any]:
    """The request's fields: a JSON object in the body (POST) or the query string (GET); unknown names refused."""
    if request.method == "GET":
        data: Any = dict(request.query_params)
    else:
        data = _json_body(await request.body())
    if not isinstance(data, dict):
        raise ApiError("the body must be a JSON object of named fields")
    unknown = sorted(set(data) - set(allowed))
    if unknown:
        raise ApiError(f"unknown field {unknown[0]!r}; known fields: {', '.join(allowed)}")
    for name, value in data.items():
        if isinstance(value, str) and not _encodable(value):
            raise ApiError(f"field {name!r} holds an unpaired surrogate (such as \\ud800); send valid Unicode text")
        if value is None or isinstance(value, str):
            continue
        if name not in NUMBERS or isinstance(value, bool) or not isinstance(value, (int, Decimal)):
            raise ApiError(f"field {name!r} must be a string (or null), not {type(value).__name__}")
        data[name] = _number(name, value)
    return data


def _json_body(body: bytes) -> Any:
    """The request body read as JSON (decimals exactly): an ApiError (400) for anything that is not, never a 500."""
    if not body.strip():
        return {}
    try:
        return json.loads(body.decode("utf-8"), parse_float=Decimal)
    except RecursionError:
        raise ApiError("the JSON is nested too deep; send a flat object of named fields") from None
    except (UnicodeDecodeError, ValueError) as error:  # JSONDecodeError, and integers past 4,300 digits
        first = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise ApiError(f'the body is not JSON ({first}); send a JSON object such as {{"claim": "..."}}') from None


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _number(name: str, value: int | Decimal) -> int | str:
    """A JSON number as the CLI would read it: whole numbers of ``digits`` and ``year`` as they are, any other
    number as the same number written out (0.1 is read as "0.1", exactly, never through a float)."""
    if isinstance(value, int):
        return value if name in INTEGERS else str(value)
    if not value.is_finite() or not -18 <= value.adjusted() <= 18:
        raise ApiError(f"field {name!r}: {value} is out of range; doseconv accepts figures from 10^-18 to 10^18")
    if name in INTEGERS:
        raise ApiError(f"field {name!r} must be a whole number, not {value}")
    return format(value, "f")


def _endpoint(allowed: tuple[str, ...], run, *, text: bool = False, worker: str | None = None):
    """A handler: the request's fields to ``run`` (in a thread), or to the service function ``worker`` (in a worker
    process); the answer is an object, or JSON text already written."""

    async def handler(request: Request) -> Response:
        try:
            fields = await _fields(request, allowed)
            answer = await (work.in_worker(worker, fields) if worker else work.in_thread(run, fields))
            if text:
                return Response(answer, media_type="application/json")
            return json_response(answer)
        except ApiError as error:
            return error_response(str(error), error.status)
        except DoseconvError as error:  # advice to give a value names the request's field for it
            return error_response(error.message_for({name: repr(name) for name in allowed}), 400)

    return handler


async def assumptions(request: Request) -> Response:
    name = request.path_params.get("name")
    try:
        if name is None:
            return json_response(service.assumption_sets())
        return json_response(service.load(name).to_dict())
    except DoseconvError as error:
        return error_response(str(error), 404)


async def openapi(request: Request) -> Response:
    return json_response(SPEC)


routes = [
    Route("/api/check", _endpoint(service.CHECK_OPTIONS, service.check_json, text=True), methods=["GET", "POST"]),
    Route("/api/convert", _endpoint(service.CONVERT_OPTIONS, service.convert), methods=["GET", "POST"]),
    Route("/api/describe", _endpoint(service.DESCRIBE_OPTIONS, service.describe), methods=["GET", "POST"]),
    Route("/api/scan", _endpoint(service.SCAN_OPTIONS, None, text=True, worker="scan_json"), methods=["POST"]),
    Route("/api/assumptions", assumptions, methods=["GET"]),
    Route("/api/assumptions/{name}", assumptions, methods=["GET"]),
    Route("/api/openapi.json", openapi, methods=["GET"]),
]

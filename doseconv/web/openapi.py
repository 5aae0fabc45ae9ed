"""The OpenAPI description of the JSON API, served at ``/api/openapi.json``.

Response bodies are described by reference to the documented CLI contracts (docs/json.md,
docs/scan.md): the API returns exactly that JSON.
"""

from __future__ import annotations

from typing import Any

from .. import __version__

__all__ = ["SPEC"]


#: Fields that may also be sent as a JSON whole number.
INTEGERS = ("digits", "year")
#: Fields that may also be sent as a JSON number, read as the same number written as text (as the CLI reads it).
NUMBERS = (*INTEGERS, "number", "pills", "claim", "purity", "pill_share")


def _strings(names: dict[str, str], required: tuple[str, ...] = ()) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            name: {
                "type": ["string", "integer" if name in INTEGERS else "number", "null"]
                if name in NUMBERS
                else ["string", "null"],
                "description": text,
            }
            for name, text in names.items()
        },
    }
    if required:
        schema["required"] = list(required)
    return schema


_CHECK = _strings(
    {
        "claim": 'the published total with its qualifier: "nearly 193 million doses", in people ("enough to kill '
        '4.7 million people") or a population ("enough to kill every American five times over")',
        "pills": 'pills as published: "nearly 44 million pills", or a mass of pills',
        "powder": 'powder as published: "more than 6,500 pounds"',
        "assumptions": "a bundled assumption set name (GET /api/assumptions); default dea-2022",
        "pill_model": "one-per-pill (default), lab-share or mean-content",
        "reading": "lenient (default) or strict",
        "scale": "aggregate (default) or seizure",
        "purity": "powder purity overriding the set: 10% or 0.1",
        "lethal_dose": "mass of one dose overriding the set: 3mg",
        "pill_share": "share of pills holding 2 mg or more: 50%",
        "mg_per_pill": "mean fentanyl per pill: 2.4mg",
        "pill_mass": "gross mass of one pill: 100mg",
        "date": "the claim's date, YYYY-MM-DD: picks the population year and, unless assumptions names a set, the set",
        "year": "the claim's year, four digits (a string or a number), used when no date is given",
        "state": 'the state the story is about, for "everyone in the state": "West Virginia" or WV',
    },
    ("claim",),
)
_CONVERT = _strings(
    {
        "quantity": 'a figure with its unit: "6500 lb", "44 million pills", "193 million doses"',
        "target": "a mass unit (kg, lb, g, mg, oz, short tons, tonnes) or doses",
        "purity": "powder purity overriding the set",
        "pill_model": "one-per-pill (default), lab-share or mean-content",
        "assumptions": "a bundled assumption set name",
        "lethal_dose": "mass of one dose overriding the set",
        "pill_share": "share of pills holding 2 mg or more",
        "mg_per_pill": "mean fentanyl per pill",
    },
    ("quantity",),
)
_SCAN = _strings(
    {
        "text": "the story: plain text, Markdown or HTML",
        "source": 'a name for the story in the report (default "<text>"); a name ending .html or .md sets the format',
        "format": "auto (default), plain, markdown or html",
        "assumptions": "a bundled assumption set name",
        "pill_model": "one-per-pill (default), lab-share or mean-content",
        "reading": "lenient (default) or strict",
        "date": "the story's date, YYYY-MM-DD: dates its claims (population year and, unless assumptions is given, set)",
        "year": "the year of the story's claims, four digits, used when no date is given",
        "state": 'the state the story is about, for "everyone in the state": "West Virginia" or WV',
    },
    ("text",),
)
_DESCRIBE = _strings(
    {
        "number": "a figure to phrase: 192638011 or 192.6 million",
        "style": "nearly (default), more-than or about",
        "digits": "significant digits to keep, 1 to 15 (default 3); a number or a string",
    },
    ("number",),
)

_ERROR = {
    "description": "bad input: the message names what was wrong and what would be accepted",
    "content": {
        "application/json": {
            "schema": {"type": "object", "properties": {"error": {"type": "string"}}, "required": ["error"]}
        }
    },
}
_TOO_LARGE = {**_ERROR, "description": "the request body is larger than the server accepts (about 1 MB)"}


def _operation(summary: str, schema: dict[str, Any], contract: str, *, get: bool = True) -> dict[str, Any]:
    ok = {"description": f"the JSON the command line prints: {contract}", "content": {"application/json": {}}}
    post: dict[str, Any] = {
        "summary": summary,
        "requestBody": {"required": True, "content": {"application/json": {"schema": schema}}},
        "responses": {"200": ok, "400": _ERROR, "413": _TOO_LARGE},
    }
    out: dict[str, Any] = {"post": post}
    if get:
        parameters = [
            {"name": name, "in": "query", "required": name in schema.get("required", []), "schema": {"type": "string"}}
            for name in schema["properties"]
        ]
        out["get"] = {"summary": summary, "parameters": parameters, "responses": {"200": ok, "400": _ERROR}}
    return out


SPEC: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {
        "title": "doseconv",
        "version": __version__,
        "description": "Check drug-seizure dose figures. Every answer is the JSON the doseconv command line prints "
        'for the same inputs; exact numbers are strings. Errors are {"error": message} with a 4xx status.',
    },
    "paths": {
        "/api/check": _operation("Check a published dose total", _CHECK, "doseconv check --json (docs/json.md)"),
        "/api/convert": _operation(
            "Convert a mass, pills or doses", _CONVERT, "doseconv convert --json (docs/json.md)"
        ),
        "/api/describe": _operation(
            "Phrase a figure as news copy does", _DESCRIBE, "doseconv describe, its line as `text`"
        ),
        "/api/scan": _operation(
            "Find and check the dose figures in a story", _SCAN, "doseconv scan --format json (docs/scan.md)", get=False
        ),
        "/api/assumptions": {
            "get": {
                "summary": "Every bundled assumption set with its values and citations",
                "responses": {
                    "200": {"description": "doseconv assumptions --json", "content": {"application/json": {}}}
                },
            }
        },
        "/api/assumptions/{name}": {
            "get": {
                "summary": "One bundled assumption set",
                "parameters": [{"name": "name", "in": "path", "required": True, "schema": {"type": "string"}}],
                "responses": {
                    "200": {"description": "doseconv assumptions NAME --json", "content": {"application/json": {}}},
                    "404": _ERROR,
                },
            }
        },
    },
}

"""The JSON API: the same JSON as the command line, errors as {"error": ...} with 4xx, bodies capped."""

from __future__ import annotations

import json
import warnings

import pytest

pytest.importorskip("starlette", reason='the web extra is not installed: pip install "doseconv[web]"')
pytest.importorskip("httpx", reason="Starlette's test client needs httpx")

with warnings.catch_warnings():  # Starlette 1.x asks for httpx2; httpx works the same here
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from doseconv.web import create_app

from .cli import run
from .web_clients import LOCAL, SAME_ORIGIN

STORY = (
    "Nationwide, nearly 44 million fentanyl pills and more than 6,500 pounds of fentanyl powder equal nearly "
    "193 million deadly doses.\n\nIn a separate case, police seized nearly 44 million fentanyl pills, equating "
    "to almost 193 million deadly doses."
)


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app(max_body=20_000), base_url=LOCAL, headers=SAME_ORIGIN)


def _cli_json(capsys, *args: str) -> dict:
    result = run(capsys, *args)
    assert result.code in (0, 1), result.err
    return json.loads(result.out)


CHECKS = [
    {"claim": "nearly 193 million doses", "pills": "nearly 44 million pills", "powder": "more than 6,500 pounds"},
    {"claim": "almost 193 million deadly doses", "pills": "nearly 44 million fentanyl pills"},
    {"claim": "5 million doses", "powder": "10 kilos", "assumptions": "pure", "reading": "strict", "scale": "seizure"},
    {"claim": "2 million doses", "pills": "3 million pills", "pill_model": "lab-share", "assumptions": "dea-2023"},
    {"claim": "1 million doses", "powder": "10 kg", "purity": "10%", "lethal_dose": "3mg"},
]


def _options(fields: dict[str, str]) -> list[str]:
    return [arg for k, v in fields.items() for arg in ("--" + k.replace("_", "-"), v)]


@pytest.mark.parametrize("fields", CHECKS)
def test_check_returns_the_cli_json(client, capsys, fields) -> None:
    response = client.post("/api/check", json=fields)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.json() == _cli_json(capsys, "check", *_options(fields), "--json")


def test_check_by_query_string_gives_the_same_json(client) -> None:
    fields = CHECKS[0]
    assert client.get("/api/check", params=fields).json() == client.post("/api/check", json=fields).json()


@pytest.mark.parametrize(
    "fields",
    [
        {"quantity": "6500 lb", "target": "kg"},
        {"quantity": "6500 lb", "target": "doses", "purity": "10%"},
        {"quantity": "44 million pills", "target": "doses", "pill_model": "lab-share", "assumptions": "dea-2023"},
        {"quantity": "1 kg", "target": "doses", "assumptions": "pure", "lethal_dose": "3mg"},
        {"quantity": "193 million doses", "target": "kg"},
    ],
)
def test_convert_returns_the_cli_json(client, capsys, fields) -> None:
    fields = dict(fields)
    args = [fields.pop("quantity"), fields.pop("target")]
    expected = _cli_json(capsys, "convert", *args, *_options(fields), "--json")
    response = client.post("/api/convert", json={"quantity": args[0], "target": args[1], **fields})
    assert response.status_code == 200
    assert response.json() == expected


def test_scan_returns_the_cli_json(client, capsys, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    expected = _cli_json(capsys, "scan", "story.txt", "--format", "json")
    response = client.post("/api/scan", json={"text": STORY, "source": "story.txt"})
    assert response.status_code == 200
    assert response.json() == expected
    verdicts = [c["verdict"] for c in response.json()["files"][0]["claims"]]
    assert verdicts == ["plausible", "implausible"]


def test_scan_of_html_with_options_returns_the_cli_json(client, capsys, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    story = "<p>Agents seized <b>12 kilograms</b> of fentanyl powder, enough for 6 million lethal doses.</p>"
    (tmp_path / "release.html").write_text(story, encoding="utf-8")
    options = ["--assumptions", "pure", "--reading", "strict"]
    expected = _cli_json(capsys, "scan", "release.html", "--format", "json", *options)
    fields = {"text": story, "source": "release.html", "assumptions": "pure", "reading": "strict"}
    assert client.post("/api/scan", json=fields).json() == expected


def test_describe_gives_the_cli_line(client, capsys) -> None:
    expected = run(capsys, "describe", "192638011", "--style", "more-than", "--digits", "2").out.strip()
    response = client.get("/api/describe", params={"number": "192638011", "style": "more-than", "digits": "2"})
    assert response.json() == {"number": "192638011", "style": "more-than", "digits": 2, "text": expected}
    assert expected == "more than 190 million"


def test_assumptions_return_the_cli_json(client, capsys) -> None:
    assert client.get("/api/assumptions").json() == _cli_json(capsys, "assumptions", "--json")
    assert client.get("/api/assumptions/dea-2023").json() == _cli_json(capsys, "assumptions", "dea-2023", "--json")


@pytest.mark.parametrize(
    ("path", "body", "status", "message"),
    [
        ("/api/check", {"pills": "44 million pills"}, 400, "no claim given"),
        ("/api/check", {"claim": "193 million tons"}, 400, "ambiguous"),
        ("/api/check", {"claim": "1 million doses", "powder": "1 kg", "assumptions": "../../etc/passwd"}, 400,
         "unknown assumption set '../../etc/passwd'; choose one of: pure, dea-2017"),
        ("/api/check", {"claim": "1 million doses", "assumptions": "tests/data/set.toml"}, 400, "unknown assumption set"),
        ("/api/check", {"claim": "1 million doses", "colour": "red"}, 400, "unknown field 'colour'; known fields: pills"),
        ("/api/check", {"claim": True}, 400, "field 'claim' must be a string (or null), not bool"),
        ("/api/check", {"claim": "5 doses", "powder": 1000}, 400, "field 'powder' must be a string (or null), not int"),
        ("/api/describe", {"number": "5", "digits": 2.5}, 400, "field 'digits' must be a whole number, not 2.5"),
        ("/api/check", ["claim"], 400, "the body must be a JSON object"),
        ("/api/convert", {"quantity": "6500 tons", "target": "kg"}, 400, '"tons" is ambiguous'),
        ("/api/convert", {}, 400, "no quantity given"),
        ("/api/scan", {"text": "  "}, 400, "no story given"),
        ("/api/scan", {"text": "6 million doses", "date": "June 2023"}, 400, "date 'June 2023' is not a date"),
        ("/api/describe", {"number": "12", "digits": "many"}, 400, "digits 'many' is not a whole number"),
    ],
)  # fmt: skip
def test_bad_input_is_a_json_error_with_4xx(client, path, body, status, message) -> None:
    response = client.post(path, json=body)
    assert response.status_code == status
    assert set(response.json()) == {"error"}
    assert message in response.json()["error"]


def test_malformed_json_is_a_400(client) -> None:
    response = client.post("/api/check", content=b"{claim:", headers={"content-type": "application/json"})
    assert response.status_code == 400
    assert response.json()["error"].startswith("the body is not JSON")


def test_unknown_set_by_name_is_a_404(client) -> None:
    response = client.get("/api/assumptions/dea-2099")
    assert response.status_code == 404
    assert response.json()["error"].startswith("unknown assumption set 'dea-2099'")


def test_unknown_endpoint_and_method_are_json_errors(client) -> None:
    assert client.get("/api/nothing").status_code == 404
    assert client.get("/api/nothing").json() == {"error": "no such API endpoint; see /api/openapi.json"}
    assert client.get("/api/scan").status_code == 405
    assert client.get("/api/scan").json() == {"error": "method not allowed; this endpoint takes POST"}
    assert client.get("/api/scan").headers["allow"] == "POST"


def test_oversize_body_by_header_is_a_413(client) -> None:
    response = client.post("/api/scan", json={"text": "6 million doses. " * 2000})
    assert response.status_code == 413
    assert response.json() == {
        "error": "the request is larger than 20,000 bytes; send a shorter text (at most 20,000 bytes)"
    }


def test_oversize_body_without_length_is_counted_as_it_streams(client) -> None:
    """A chunked body has no Content-Length: the cap is applied to the bytes received."""

    def chunks():
        yield b'{"text": "'
        for _ in range(50):
            yield b"x" * 1000
        yield b'"}'

    response = client.post("/api/scan", content=chunks(), headers={"content-type": "application/json"})
    assert "content-length" not in {k.lower() for k in response.request.headers}
    assert response.status_code == 413
    assert "larger than 20,000 bytes" in response.json()["error"]


def test_a_false_small_content_length_does_not_get_past_the_cap() -> None:
    """An ASGI request that claims a small length and sends more is still stopped at the cap."""
    import asyncio

    app = create_app(max_body=1000)
    sent: list[dict] = []
    bodies = [b'{"text": "' + b"y" * 600, b"y" * 600 + b'"}']

    async def receive():
        body = bodies.pop(0) if bodies else b""
        return {"type": "http.request", "body": body, "more_body": bool(bodies)}

    async def send(message):
        sent.append(message)

    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST", "scheme": "http",
        "path": "/api/scan", "raw_path": b"/api/scan", "query_string": b"", "root_path": "",
        "headers": [(b"host", b"127.0.0.1"), (b"content-type", b"application/json"), (b"content-length", b"10")],
        "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 80),
    }  # fmt: skip
    asyncio.run(app(scope, receive, send))
    assert sent[0]["status"] == 413


def test_oversize_story_form_gets_a_413_page(client) -> None:
    response = client.post("/", data={"text": "x" * 30_000})
    assert response.status_code == 413
    assert response.headers["content-type"].startswith("text/html")
    assert "<h1>Too large</h1>" in response.text
    assert "larger than 20,000 bytes" in response.text


HOSTILE = (
    "Police seized 10 kilograms of fentanyl <script>window.pwned = 1</script> and "
    '<img src=x onerror="document.title=\'pwned\'"> "enough for 5 million deadly doses".'
)


def test_hostile_text_comes_back_as_data_in_json(client) -> None:
    response = client.post("/api/scan", json={"text": HOSTILE, "format": "plain"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    data = response.json()["files"][0]
    assert "<script>window.pwned = 1</script>" in data["figures"][0]["sentence"]


@pytest.mark.parametrize("fmt", ["plain", "html", "markdown"])
def test_hostile_story_is_escaped_in_the_page(client, fmt) -> None:
    response = client.post("/", data={"text": HOSTILE, "format": fmt})
    assert response.status_code == 200
    page = response.text
    assert "<script>window.pwned" not in page
    assert "<img src=x" not in page
    assert "onerror=" not in page.replace("onerror=&quot;", "")  # only the escaped form appears
    assert page.count("<script>") == 1  # the page's own copy-button script
    assert "script-src 'sha256-" in response.headers["content-security-policy"]


def test_hostile_values_in_the_check_form_are_escaped(client) -> None:
    response = client.get("/check", params={"claim": '"><script>alert(1)</script>', "pills": "<b>1</b>"})
    assert response.status_code == 400
    assert "<script>alert(1)" not in response.text
    assert "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in response.text


def test_openapi_describes_every_endpoint(client) -> None:
    spec = client.get("/api/openapi.json").json()
    assert spec["openapi"].startswith("3.")
    assert set(spec["paths"]) == {
        "/api/check", "/api/convert", "/api/describe", "/api/scan", "/api/assumptions", "/api/assumptions/{name}",
    }  # fmt: skip
    assert spec["paths"]["/api/check"]["post"]["requestBody"]["content"]["application/json"]["schema"]["required"] == [
        "claim"
    ]
    from doseconv.web import service

    for path, fields in (("/api/check", service.CHECK_OPTIONS), ("/api/scan", service.SCAN_OPTIONS)):
        schema = spec["paths"][path]["post"]["requestBody"]["content"]["application/json"]["schema"]
        assert set(schema["properties"]) == set(fields)  # every field the endpoint takes, date, year and state included
    year = spec["paths"]["/api/check"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert year["properties"]["year"]["type"] == ["string", "integer", "null"]


def test_oversize_query_string_is_a_413(client) -> None:
    response = client.get("/api/check", params={"claim": "1 million doses " * 2000})
    assert response.status_code == 413
    page = client.get("/check", params={"claim": "1 million doses " * 2000})
    assert page.status_code == 413 and "<h1>Too large</h1>" in page.text


def test_empty_fields_count_as_not_given(client) -> None:
    fields = {"claim": "nearly 193 million doses", "pills": "nearly 44 million pills"}
    empty = dict.fromkeys(("powder", "assumptions", "pill_model", "reading", "scale", "purity", "lethal_dose"), "")
    assert client.post("/api/check", json={**fields, **empty}).json() == client.post("/api/check", json=fields).json()
    converted = client.post("/api/convert", json={"quantity": "6500 lb", "target": "doses", "purity": ""})
    assert converted.json()["value"] == "283041638.88"
    assert client.get("/api/describe", params={"number": "192638011", "digits": ""}).json()["text"] == (
        "nearly 193 million"
    )


OTHER_SCOPE_STORY = (
    "Nationwide, DEA agents seized 2,000 pounds of fentanyl powder in 2023.\n\n"
    "In a separate operation, the Omaha Division said its seizures this spring were enough to kill "
    "4 million people."
)


def test_story_card_of_a_total_with_no_input_of_its_own_scope_says_so(client) -> None:
    """The card leads with the story report's sentence (why it cannot be checked, and the what-if), not the
    checker's bare "no pills or powder are stated", which the story contradicts."""
    scan = client.post("/api/scan", json={"text": OTHER_SCOPE_STORY}).json()["files"][0]["claims"][0]
    assert scan["verdict"] == "unverifiable" and scan["nearest_other_scope"] is not None
    page = client.post("/", data={"text": OTHER_SCOPE_STORY}).text
    card = page[page.index('id="claim-1"') :]
    lead = card[card.index('class="plain"') : card.index("</p>", card.index('class="plain"'))]
    assert "cannot be checked from it" in lead and "a what-if, not the verdict" in lead


def test_plain_numbers_are_read_as_the_command_line_reads_them(client) -> None:
    """A JSON number where the CLI takes a plain number: read as the same number written out, never as a float."""
    as_text = client.post("/api/check", json={"pills": "44000000", "powder": "6500 lb", "claim": "193000000",
                                               "purity": "0.1"}).json()  # fmt: skip
    as_numbers = client.post("/api/check", json={"pills": 44000000, "powder": "6500 lb", "claim": 193000000,
                                                  "purity": 0.1}).json()  # fmt: skip
    assert as_numbers == as_text and as_text["verdict"] == "consistent"  # 10% exactly, as "0.1" reads
    assert client.post("/api/describe", json={"number": 192638011}).json()["text"] == "nearly 193 million"
    response = client.post("/api/check", content=b'{"claim": 1e999}', headers={"content-type": "application/json"})
    assert (response.status_code, response.json()) == (
        400, {"error": "field 'claim': 1E+999 is out of range; doseconv accepts figures from 10^-18 to 10^18"}
    )  # fmt: skip

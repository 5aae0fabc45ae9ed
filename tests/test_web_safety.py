"""The local server against the pages any site can make a browser send it: only its own hosts, only its own
origin posts, JSON only on the API, every refusal a 4xx answer, work off the event loop within a time limit, and
no connection held by a slow or idle client."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import warnings
from pathlib import Path

import pytest

pytest.importorskip("starlette")
with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    from starlette.testclient import TestClient

from doseconv.web import create_app, work
from doseconv.web.tokens import form_token

from .cli import run
from .web_clients import LOCAL, SAME_ORIGIN

CLAIM = {"claim": "nearly 193 million doses", "pills": "nearly 44 million pills"}
STORY = "Agents seized 5,000 pills, enough for 5,000 deadly doses."


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app(max_body=200_000), base_url=LOCAL)


def _host(client: TestClient, host: str, path: str = "/") -> int:
    return client.get(path, headers={"Host": host}).status_code


# Hosts ---------------------------------------------------------------------------------------------------------------


def test_only_the_loopback_names_are_served(client) -> None:
    for host in ("localhost", "127.0.0.1", "[::1]", "localhost:8000", "[::1]:8000", "LOCALHOST", "localhost."):
        assert _host(client, host) == 200, host
    for host in ("evil.example", "evil.example:8000", "127.0.0.1.evil.example", "[::1", "", "a b", "localhost:x"):
        assert _host(client, host) == 400, host


def test_a_rebound_name_is_refused_with_a_json_error_on_the_api(client) -> None:
    response = client.post("/api/check", json=CLAIM, headers={"Host": "evil.example:8000"})
    assert response.status_code == 400
    assert response.json() == {
        "error": "this server answers only for 127.0.0.1, [::1], localhost; open it by one of those names"
    }
    page = client.get("/", headers={"Host": "evil.example"})
    assert page.status_code == 400 and "this server answers only for" in page.text


def test_the_host_given_is_served_too() -> None:
    named = TestClient(create_app(hosts=["newsroom.lan", "10.0.0.5"]), base_url=LOCAL)
    assert _host(named, "newsroom.lan:8000") == 200 and _host(named, "10.0.0.5") == 200
    assert _host(named, "evil.example") == 400


# Origins and content types -----------------------------------------------------------------------------------------


def test_a_cross_site_form_post_is_refused(client) -> None:
    for path in ("/", "/report"):
        response = client.post(path, data={"text": STORY}, headers={"Origin": "http://evil.example"})
        assert response.status_code == 403, path
        assert "a request from another site is refused" in response.text


def test_a_form_without_origin_needs_the_token(client) -> None:
    assert client.post("/", data={"text": STORY}).status_code == 403
    assert client.post("/", data={"text": STORY, "token": "guess"}).status_code == 403
    assert client.post("/", data={"text": STORY, "token": form_token()}).status_code == 200
    assert client.post("/", data={"text": STORY}, headers={"Origin": "null"}).status_code == 403
    same = client.post("/", data={"text": STORY}, headers=SAME_ORIGIN)
    assert same.status_code == 200 and "Story checked" in same.text


def test_the_pages_forms_carry_the_token(client) -> None:
    page = client.post("/", data={"text": STORY}, headers=SAME_ORIGIN).text
    assert page.count(f'name="token" value="{form_token()}"') == 2  # the story form and the downloads form


def test_the_api_takes_json_only(client) -> None:
    response = client.post("/api/scan", content=json.dumps({"text": STORY}), headers={"Content-Type": "text/plain"})
    assert response.status_code == 415
    assert response.json() == {
        "error": 'send the request body as JSON with the header "Content-Type: application/json"'
    }
    assert client.post("/api/check", data={"claim": "5 doses"}).status_code == 415  # a form
    ok = client.post(
        "/api/check", content=json.dumps(CLAIM), headers={"Content-Type": "application/json; charset=utf-8"}
    )
    assert ok.status_code == 200


def test_the_api_refuses_another_sites_origin(client) -> None:
    for origin in ("http://evil.example", "null", "http://127.0.0.1:9"):
        response = client.post("/api/check", json=CLAIM, headers={"Origin": origin})
        assert response.status_code == 403, origin
    assert client.post("/api/check", json=CLAIM, headers=SAME_ORIGIN).status_code == 200
    assert client.post("/api/check", json=CLAIM).status_code == 200  # a script on this machine sends no Origin


# Errors are 4xx JSON -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('{"claim": "5 doses", "year": "²⁰²³"}', "year '²⁰²³' is not a year; write it as four digits, such as 2023"),
        ("[" * 50_000 + "]" * 50_000, "the JSON is nested too deep; send a flat object of named fields"),
        ('{"claim": "5 doses", "year": ' + "9" * 5000 + "}", None),
        ('{"claim": "5 doses", "digits": ' + "9" * 4400 + "}", None),
        (
            '{"claim": "\\ud800 doses"}',
            "field 'claim' holds an unpaired surrogate (such as \\ud800); send valid Unicode text",
        ),
        ('{"claim": 1e999}', None),
        ('{"claim": NaN}', None),
        ("\xff", None),
        ('"just a string"', "the body must be a JSON object of named fields"),
    ],
)
def test_bad_bodies_are_4xx_json(client, body: str, message: str | None) -> None:
    response = client.post(
        "/api/check", content=body.encode("utf-8", "surrogatepass"), headers={"Content-Type": "application/json"}
    )
    assert 400 <= response.status_code < 500, response.text
    error = response.json()["error"]
    assert "\n" not in error
    if message is not None:
        assert error == message


def test_head_answers_like_get_without_a_body(client) -> None:
    for path in ("/", "/check", "/sources", "/api/assumptions"):
        response = client.head(path)
        assert response.status_code == 200, path
        assert response.content == b""


def test_a_method_not_allowed_says_which_are(client) -> None:
    response = client.delete("/api/check")
    assert response.status_code == 405 and response.headers["allow"] == "GET, HEAD, POST"
    assert response.json() == {"error": "method not allowed; this endpoint takes GET, HEAD, POST"}
    page = client.put("/report")
    assert page.status_code == 405 and page.headers["allow"] == "POST"


# The command line's caps and the time limit ------------------------------------------------------------------------


def test_the_api_lists_at_most_the_command_lines_figures(client) -> None:
    text = "12 pills, " * 5_000
    data = client.post("/api/scan", json={"text": text}).json()
    summary = data["files"][0]["summary"]
    assert len(data["files"][0]["figures"]) == 500 and summary["figures_not_listed"] == 4_500


def test_a_request_past_the_time_limit_is_a_503_and_the_next_one_is_answered(client, monkeypatch) -> None:
    monkeypatch.setattr(work, "REQUEST_SECONDS", 0.001)
    response = client.post("/api/scan", json={"text": "12 pills, " * 2_000})
    assert response.status_code == 503
    assert response.json()["error"].startswith("checking the story took longer than the limit of 0.001 seconds")
    monkeypatch.undo()
    assert client.post("/api/scan", json={"text": STORY}).status_code == 200


# A real server -------------------------------------------------------------------------------------------------------


def _serve(*args: str) -> tuple[subprocess.Popen[str], str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "doseconv", "serve", "--port", "0", *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert process.stdout is not None
    line = process.stdout.readline()
    assert line.startswith("doseconv is serving http://127.0.0.1:"), line
    return process, line.split()[3]


def _stop(process: subprocess.Popen[str]) -> str:
    process.terminate()
    process.wait(timeout=30)
    assert process.stderr is not None
    return process.stderr.read()


def _post(url: str, fields: dict[str, str], timeout: float = 60) -> dict:
    request = urllib.request.Request(url, json.dumps(fields).encode(), {"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.loads(response.read())


def test_slow_and_idle_connections_are_closed_and_disconnects_print_nothing() -> None:
    process, url = _serve()
    port = int(url.rsplit(":", 1)[1].rstrip("/"))
    try:
        idle = socket.create_connection(("127.0.0.1", port))
        slow = socket.create_connection(("127.0.0.1", port))
        slow.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        for body in (b'{"claim": "5', b'--x\r\nContent-Disposition: form-data; name="text"\r\n\r\n5 pi'):
            gone = socket.create_connection(("127.0.0.1", port))
            kind = b"application/json" if body.startswith(b"{") else b"multipart/form-data; boundary=x"
            path = b"/api/check" if body.startswith(b"{") else b"/"
            gone.sendall(b"POST " + path + b" HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: " + url.rstrip("/").encode()
                         + b"\r\nContent-Type: " + kind + b"\r\nContent-Length: 1000\r\n\r\n" + body)  # fmt: skip
            time.sleep(0.3)
            gone.close()
        started = time.monotonic()
        cut = None
        idle.settimeout(60)
        while time.monotonic() - started < 60:  # the slow client keeps sending a header a second
            try:
                slow.sendall(b"X-Slow: 1\r\n")
            except OSError:
                cut = time.monotonic() - started
                break
            time.sleep(1)
        assert cut is not None and cut < 30
        assert idle.recv(10) == b""  # closed by the server, never answered
        assert _post(url + "api/check", CLAIM)["verdict"] == "implausible"
    finally:
        err = _stop(process)
    assert "Traceback" not in err and "Exception" not in err, err


def test_a_check_is_answered_while_a_long_scan_runs() -> None:
    process, url = _serve()
    try:
        _post(url + "api/check", CLAIM)
        done: list[str] = []
        story = {"text": "DEA seized nearly 44 million fentanyl pills and more than 6,500 pounds of powder. " * 2_500}
        scan = threading.Thread(target=lambda: (_post(url + "api/scan", story), done.append("scan")))
        scan.start()
        time.sleep(0.5)
        for _ in range(5):
            _post(url + "api/check", CLAIM)
            done.append("check")
        scan.join(120)
        assert done[:5] == ["check"] * 5 and done[-1] == "scan"
    finally:
        _stop(process)


def test_a_port_in_use_is_one_error_line_and_exit_2(capsys) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = run(capsys, "serve", "--port", str(port))
    assert result.code == 2 and result.out == ""
    assert result.err == f"Error: cannot listen on 127.0.0.1 port {port}: Address already in use\n"


def test_the_page_posts_its_forms_in_a_real_browser(chromium, web_url) -> None:
    """Chromium sends the page's own Origin (the pages' referrer policy keeps it), so the Story form works."""
    from selenium.webdriver.common.by import By

    chromium.get(web_url + "/")
    chromium.find_element(By.ID, "text").send_keys(STORY)
    chromium.find_element(By.CSS_SELECTOR, "form[action='/'] button[type='submit']").click()
    assert chromium.find_element(By.TAG_NAME, "h1").text == "Story checked"


def test_the_shipped_docs_name_the_rules(tmp_path: Path) -> None:
    web = (Path(__file__).resolve().parents[1] / "docs" / "web.md").read_text(encoding="utf-8")
    for words in ("Content-Type: application/json", "localhost, 127.0.0.1, [::1]", "form token", "503"):
        assert words in web, words

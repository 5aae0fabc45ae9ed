"""``doseconv serve``: loopback by default, the address printed, a warning elsewhere, a clear error without the extra."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from .cli import run


def test_missing_extra_is_one_line_and_exit_2(capsys, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "uvicorn", None)  # `import uvicorn` now raises ImportError
    result = run(capsys, "serve")
    assert result.code == 2
    assert result.out == ""
    assert result.err == 'Error: doseconv serve needs the web extra (uvicorn is missing): pip install "doseconv[web]"\n'


def test_port_out_of_range_is_refused(capsys) -> None:
    pytest.importorskip("uvicorn")
    result = run(capsys, "serve", "--port", "70000")
    assert (result.code, result.err) == (2, "Error: port 70000 is out of range; give 0 to 65535\n")


def test_another_host_is_warned_about(capsys, monkeypatch) -> None:
    uvicorn = pytest.importorskip("uvicorn")
    hosts = []

    async def no_serve(self, sockets=None):  # record the address instead of serving on it
        hosts.append(sockets[0].getsockname()[0])
        sockets[0].close()
        self.started = True

    monkeypatch.setattr(uvicorn.Server, "serve", no_serve)
    result = run(capsys, "serve", "--host", "0.0.0.0", "--port", "0")
    assert result.code == 0
    assert hosts == ["0.0.0.0"]
    assert result.err.startswith(
        "Warning: listening on 0.0.0.0: anyone who can reach this address can use the page; it has no login. "
        f"It answers to: {socket.gethostname()}"
    )


def _ready_after() -> float:
    """Seconds from starting ``doseconv serve --port 0`` to its first page served."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "doseconv", "serve", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert line.startswith("doseconv is serving http://127.0.0.1:"), line
        url = line.split()[3]
        with urllib.request.urlopen(url, timeout=10) as response:
            assert response.status == 200
            assert b"<h1>Check a story</h1>" in response.read()
        return time.perf_counter() - started
    finally:
        process.terminate()
        process.wait(timeout=10)
        assert process.stderr is not None and process.stderr.read() == ""


def test_serve_is_ready_within_two_seconds_on_loopback() -> None:
    """A real process: the printed address answers within 2 s of the start (best of two starts).

    On a machine busy with other work, where even ``doseconv --version`` is slow, the server
    must add under a second to that.
    """
    pytest.importorskip("uvicorn")
    best = min(_ready_after(), _ready_after())
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "doseconv", "--version"], capture_output=True, check=True)
    baseline = time.perf_counter() - started
    assert best < 2.0 or best - baseline < 1.0, f"ready after {best:.2f} s (doseconv --version: {baseline:.2f} s)"


def test_workers_out_of_range_are_refused(capsys) -> None:
    pytest.importorskip("uvicorn")
    result = run(capsys, "serve", "--workers", "0")
    assert (result.code, result.err) == (
        2,
        "Error: --workers 0 is out of range; give 1 to 16 (one per core is plenty)\n",
    )


def test_two_workers_answer_on_the_printed_address() -> None:
    """``--workers 2``: two processes share one socket; both answer, and Ctrl+C (SIGINT) stops them all."""
    pytest.importorskip("uvicorn")
    import json
    import signal

    process = subprocess.Popen(
        [sys.executable, "-m", "doseconv", "serve", "--port", "0", "--workers", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert line.startswith("doseconv is serving http://127.0.0.1:") and "with 2 processes" in line, line
        body = json.dumps({"claim": "nearly 193 million doses", "pills": "nearly 44 million pills"}).encode()
        for _ in range(4):
            request = urllib.request.Request(
                line.split()[3] + "api/check", body, headers={"Content-Type": "application/json"}
            )
            with urllib.request.urlopen(request, timeout=60) as response:
                assert json.loads(response.read())["verdict"] == "implausible"
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=30)

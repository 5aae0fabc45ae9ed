#!/usr/bin/env python3
"""A bounded burst of concurrent requests to ``doseconv serve`` on loopback: throughput, p50, p99, errors.

Starts ``python -m doseconv serve --port 0`` (127.0.0.1 only) in its own process, waits for it,
sends REQUESTS requests with CONCURRENCY in flight over keep-alive connections from this process,
then stops the server. Two bursts, measured apart:

  check   POST /api/check, each request a different claim (no two alike, so no cache helps)
  repeat  POST /api/check, 2,000 requests cycling over 50 claims (the same claim asked again: the cache answers)
  scan    POST /api/scan, a short story (about 600 characters, 2 dose claims), each with its own figures

Every request is bounded (a timeout of 30 s) and the burst stops by itself. Target: no request
fails; on the check burst, p99 latency under 100 ms on a 2-core machine. Needs the web extra. Run it in the project's environment:

    python benchmarks/web_load.py [REQUESTS] [CONCURRENCY] [SCAN_REQUESTS] [WORKERS]

WORKERS (default 1) is ``doseconv serve --workers``.
"""

from __future__ import annotations

import asyncio
import os
import platform
import signal
import statistics
import subprocess
import sys
import time
import urllib.request
from datetime import date

STORY = (
    "Nationwide, investigators seized nearly {pills} million fentanyl pills and more than {pounds:,} pounds of "
    "fentanyl powder, which equals nearly {doses} million deadly doses, the agency said on Tuesday.\n\n"
    "A television station reported the haul the same day: nearly {pills} million fentanyl pills, equating to "
    "almost {doses} million deadly doses. Officers also made 3,337 arrests and seized 8,497 firearms."
)


def check_body(i: int) -> dict[str, str]:
    pills = 10 + i % 40
    pounds = 1_000 + 7 * i
    return {
        "pills": f"nearly {pills} million pills",
        "powder": f"more than {pounds:,} pounds",
        "claim": f"nearly {pills + pounds // 40} million doses",
    }


def scan_body(i: int) -> dict[str, str]:
    pills = 10 + i % 40
    pounds = 1_000 + 7 * i
    return {"text": STORY.format(pills=pills, pounds=pounds, doses=pills + pounds // 40)}


def repeat_body(i: int) -> dict[str, str]:
    return check_body(100_000 + i % 50)


def start_server(workers: int) -> tuple[subprocess.Popen[str], str, float]:
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "doseconv", "serve", "--host", "127.0.0.1", "--port", "0", "--workers", str(workers)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    if not line.startswith("doseconv is serving http://127.0.0.1:"):
        process.kill()
        raise SystemExit(f"the server did not start: {line!r}")
    url = line.split()[3].rstrip("/")
    with urllib.request.urlopen(url + "/", timeout=60) as response:
        response.read()
    return process, url, time.perf_counter() - started


async def _request(reader, writer, host: str, path: str, body: bytes) -> tuple[int, bytes]:
    """One HTTP/1.1 request on a kept-alive connection; the status and the body."""
    head = (
        f"POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
    )
    writer.write(head.encode("ascii") + body)
    await writer.drain()
    status_line = await reader.readline()
    length = 0
    while True:
        header = await reader.readline()
        if header in (b"\r\n", b""):
            break
        name, _, value = header.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    payload = await reader.readexactly(length)
    return int(status_line.split()[1]), payload


async def burst(url: str, path: str, make, count: int, concurrency: int) -> dict[str, float]:
    """COUNT requests, CONCURRENCY at a time, each connection kept alive (a lean client: it must not
    take the CPU the server needs on a 2-core machine)."""
    import json

    host = url.split("//")[1]
    address, port = host.rsplit(":", 1)
    latencies: list[float] = []
    errors = 0
    queue = iter(range(count))

    async def worker() -> None:
        nonlocal errors
        reader, writer = await asyncio.open_connection(address, int(port))
        try:
            for i in queue:
                body = json.dumps(make(i)).encode("utf-8")
                began = time.perf_counter()
                try:
                    status, payload = await asyncio.wait_for(_request(reader, writer, host, path, body), 30)
                    ok = status == 200 and b'"verdict"' in payload
                except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError):
                    ok = False
                    writer.close()
                    reader, writer = await asyncio.open_connection(address, int(port))
                latencies.append(time.perf_counter() - began)
                errors += not ok
        finally:
            writer.close()

    reader, writer = await asyncio.open_connection(address, int(port))  # warm-up
    await _request(reader, writer, host, path, json.dumps(make(count + 1)).encode("utf-8"))
    writer.close()
    began = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    elapsed = time.perf_counter() - began
    latencies.sort()
    return {
        "requests": count,
        "seconds": elapsed,
        "throughput": count / elapsed,
        "p50": statistics.median(latencies) * 1000,
        "p99": latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000,
        "max": latencies[-1] * 1000,
        "errors": errors,
    }


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time of a process and its children, the server's workers (Linux /proc), 0 elsewhere."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        with open(f"/proc/{pid}/task/{pid}/children") as children:
            kids = [int(k) for k in children.read().split()]
    except OSError:
        return 0.0
    own = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return own + sum(cpu_seconds(kid) for kid in kids)


def line(name: str, r: dict[str, float]) -> str:
    return (
        f"  {name:<6} {int(r['requests']):>5} requests in {r['seconds']:.2f} s: {r['throughput']:,.0f} req/s, "
        f"p50 {r['p50']:.1f} ms, p99 {r['p99']:.1f} ms, max {r['max']:.1f} ms, errors {int(r['errors'])}; "
        f"server CPU {r['server_cpu']:.1f} ms a request"
    )


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    concurrency = int(sys.argv[2]) if len(sys.argv) > 2 else 32
    scans = int(sys.argv[3]) if len(sys.argv) > 3 else 500
    workers = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    load = os.getloadavg()[0]
    process, url, ready = start_server(workers)
    results = {}
    try:
        for name, path, make, n in (
            ("check", "/api/check", check_body, count),
            ("repeat", "/api/check", repeat_body, count),
            ("scan", "/api/scan", scan_body, scans),
        ):
            cpu = cpu_seconds(process.pid)
            results[name] = asyncio.run(burst(url, path, make, n, concurrency))
            results[name]["server_cpu"] = (cpu_seconds(process.pid) - cpu) / n * 1000
    finally:
        process.send_signal(signal.SIGINT)  # as Ctrl+C: the workers stop with the supervisor
        process.wait(timeout=30)
    print(
        f"web load, {date.today()}, {platform.machine()}, {len(os.sched_getaffinity(0))} cores, "
        f"Python {platform.python_version()}; {concurrency} requests in flight, client in its own process, "
        f"server --workers {workers}"
    )
    print(f"  server ready (start to first page): {ready:.2f} s; load average before the bursts: {load:.2f}, "
          f"after: {os.getloadavg()[0]:.2f}")  # fmt: skip
    check, scan = results["check"], results["scan"]
    for name, result in results.items():
        print(line(name, result))
    target = check["p99"] < 100 and check["errors"] == 0 and scan["errors"] == 0
    print(f"  target: no errors, check p99 under 100 ms: {'met' if target else 'NOT met'}")
    return 0 if target else 1


if __name__ == "__main__":
    raise SystemExit(main())

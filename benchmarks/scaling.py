#!/usr/bin/env python3
"""Time scan, the number reader and verify on the worst inputs at 10 KB, 100 KB and 1 MB; print growth per 10x.

A growth factor near 10 per 10x means linear time, near 100 quadratic. Patterns:

- scan (in this process, after a warm-up, checked as ``doseconv scan`` checks, with its default
  limits): figure-dense sentences with no full stop, unclosed HTML and Markdown markup, figures
  written with no-break spaces and invisible characters, and a realistic story for comparison;
- the number reader (``parse_amount``): a long run of digits, of spaced digits, of number words;
- verify (``doseconv verify`` as a new process, so its time includes start-up, printed first):
  a claims file of many claims.

Each time is the best of ROUNDS runs (default 1 at 1 MB, 3 below). Run it in the project's
environment:  python benchmarks/scaling.py [ROUNDS]
"""

from __future__ import annotations

import contextlib
import itertools
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from doseconv.errors import DoseconvError
from doseconv.reading.quantity import parse_amount
from doseconv.scan import scan_text

SIZES = (10_000, 100_000, 1_000_000)
VERIFY_TIMEOUT = 120

STORY = (
    "The DEA St. Louis Division seized 1.3 million fentanyl pills and 100 pounds of fentanyl powder "
    "during the operation, along with 200 pounds of methamphetamine, 405 firearms and nearly $500,000.\n\n"
    "Nationwide, the seizure of just under 44 million fentanyl pills and 6,500 pounds of fentanyl "
    "powder equaled 193 million potentially fatal fentanyl doses, according to the DEA.\n\n"
)

#: name -> (unit repeated to the size, input format)
SCAN_PATTERNS = {
    "pills, no full stop": ("5 pills, ", "plain"),
    "pills and doses, no stop": ("5 pills, 5 doses, ", "plain"),
    "scope words and figures": ("in 2020 5 pills, in Ohio 5 doses, ", "plain"),
    "no-break thousands": ("6\u00a0500 pounds of fentanyl, 19\u200b3 million doses. ", "plain"),
    "unclosed '<a '": ("<a ", "html"),
    "unclosed '<!'": ("<!", "html"),
    "unclosed '<?'": ("<?", "html"),
    "unclosed '[x](y'": ("[x](y", "markdown"),
    "realistic story": (STORY, "plain"),
}

#: name -> (unit repeated to the size, text after it)
NUMBER_PATTERNS = {
    "digits": ("1", " kg"),
    "spaced digits": ("1 ", "kg"),
    "number words": ("one ", "kg"),
}


def _best(work: Callable[[], object], rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        with contextlib.suppress(DoseconvError):
            work()
        best = min(best, time.perf_counter() - start)
    return best


def _row(name: str, times: list[float | None]) -> str:
    cells = " ".join(f"{t:9.3f}s" if t is not None else f"{'>' + str(VERIFY_TIMEOUT):>9}s" for t in times)
    growth = [
        f"{later / max(earlier, 1e-9):5.1f}" if earlier is not None and later is not None else "    -"
        for earlier, later in itertools.pairwise(times)
    ]
    return f"  {name:28} {cells}   {' '.join(growth)}"


def _claims_file(size: int) -> str:
    head = (
        'schema = 1\n\n[source]\npublisher = "Benchmark"\ntitle = "Many claims"\ndate = "2023-05-08"\n\n'
        '[[figures]]\nid = "pills"\ntext = "just under 44 million fentanyl pills"\nkind = "pills"\n\n'
        '[[figures]]\nid = "powder"\ntext = "6,500 pounds of fentanyl powder"\nkind = "fentanyl-powder"\n\n'
        '[[figures]]\nid = "doses"\ntext = "193 million potentially fatal fentanyl doses"\nkind = "doses"\n\n'
    )
    claim = '[[claims]]\nid = "c{0}"\ntotal = "doses"\npills = "pills"\npowder = "powder"\nexpect = "plausible"\n\n'
    parts = [head]
    n = 0
    total = len(head)
    while total < size:
        parts.append(claim.format(n))
        total += len(parts[-1])
        n += 1
    return "".join(parts)


def _verify_time(path: Path) -> float | None:
    start = time.perf_counter()
    try:
        subprocess.run(
            [sys.executable, "-m", "doseconv", "verify", str(path)],
            capture_output=True,
            timeout=VERIFY_TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return None
    return time.perf_counter() - start


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    print(
        f"doseconv scaling, {date.today()}, {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}; best of {rounds} (1 at 1 MB)"
    )
    print(f"  {'pattern':28} {'10 KB':>10} {'100 KB':>10} {'1 MB':>10}   growth per 10x")
    scan_text(STORY)  # warm-up: registry, assumption set, checker
    print("scan (checked, default limits)")
    for name, (unit, form) in SCAN_PATTERNS.items():
        texts = [unit * (size // len(unit)) for size in SIZES]
        times: list[float | None] = [
            _best(lambda t=text, f=form: scan_text(t, format=f), rounds if len(text) < 500_000 else 1) for text in texts
        ]
        print(_row(name, times))
    print("number reader (parse_amount)")
    for name, (unit, tail) in NUMBER_PATTERNS.items():
        texts = [unit * (size // len(unit)) + tail for size in SIZES]
        times = [_best(lambda t=text: parse_amount(t), rounds) for text in texts]
        print(_row(name, times))
    print("verify (new process each, start-up included)")
    with tempfile.TemporaryDirectory() as folder:
        tiny = Path(folder, "tiny.toml")
        tiny.write_text(_claims_file(0), encoding="utf-8")
        startup = _verify_time(tiny)
        print(f"  start-up and one empty file: {startup:.3f}s" if startup is not None else "  start-up: timed out")
        times = []
        for size in SIZES:
            path = Path(folder, f"claims-{size}.toml")
            path.write_text(_claims_file(size), encoding="utf-8")
            times.append(_verify_time(path))
        print(_row("claims file of many claims", times))


if __name__ == "__main__":
    main()

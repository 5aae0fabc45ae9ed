#!/usr/bin/env python3
"""Time the number reader on the worst inputs at 10 KB, 100 KB and 1 MB; print the growth per 10x.

Each pattern is repeated to the size and given to ``parse_amount`` (which normalises the text,
bounds it and reads it); the best of ROUNDS runs is kept. A growth factor near 10 per 10x means
linear time, near 100 quadratic. Most patterns end in a refusal (the bound or an ill-formed
number), which is the point: a refusal must be as quick as a reading.

Run it in the environment the project is installed in:  python benchmarks/numbers_scaling.py [ROUNDS]
"""

from __future__ import annotations

import contextlib
import itertools
import platform
import sys
import time
from datetime import date

from doseconv.errors import DoseconvError
from doseconv.reading.quantity import parse_amount

SIZES = (10_000, 100_000, 1_000_000)

#: name -> (unit repeated to the size, text after it)
PATTERNS = {
    "digits": ("1", " kg"),
    "comma groups": ("000,", "000 kg"),
    "spaced digits": ("1 ", "kg"),
    "no-break groups": ("1\u00a0", "kg"),
    "number words": ("one ", "kg"),
    "tens words": ("twenty ", "kg"),
    "invisible characters": ("\u200b", "5 kg"),
    "spaces before 'and a half'": (" ", "and a half"),
    "long unit": ("kg", ""),
}


def _text(unit: str, tail: str, size: int) -> str:
    body = unit * (size // len(unit))
    if unit in (" ", "kg"):
        return "5 kg" + body + tail if unit == " " else "5 " + body
    if unit == "000,":
        return "1," + body + tail
    return body + tail


def _time(text: str, rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        with contextlib.suppress(DoseconvError):
            parse_amount(text)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    print(f"doseconv number reader scaling, {date.today()}, Python {platform.python_version()}, best of {rounds}")
    print(f"{'pattern':28} {'10 KB':>10} {'100 KB':>10} {'1 MB':>10}   growth per 10x")
    for name, (unit, tail) in PATTERNS.items():
        times = [_time(_text(unit, tail, size), rounds) for size in SIZES]
        growth = [later / max(earlier, 1e-9) for earlier, later in itertools.pairwise(times)]
        cells = " ".join(f"{t * 1000:8.2f}ms" for t in times)
        print(f"{name:28} {cells}   {' '.join(f'{g:5.1f}' for g in growth)}")


if __name__ == "__main__":
    main()

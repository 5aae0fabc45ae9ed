#!/usr/bin/env python3
"""Time of a warm scalar ``doseconv.check`` (a library call after the first), in microseconds.

Claims of each kind (pills and powder, powder counted as pure, pills alone, a slip of scale) are
checked with their figures varied on every call (the last digit moves), so no cache of parsed
figures or of results helps. Four measures, each the median and the best of ROUNDS timings of
all the claims, in wall-clock time and in this process's CPU time (the machines these run on are
shared and noisy; CPU time is the steadier of the two when other work competes for the cores):

  text           check() on figures given as text (parsing included): verdict, figures, implied value
  parsed         check() on figures already parsed (StatedFigure values)
  text + detail  check() and then its full diagnosis, correction and plain text (to_dict())
  parsed+detail  the same on parsed figures

Target: under 1 ms for a warm check, aiming at 200 us. Run it in the project's environment:
    python benchmarks/check_speed.py [ROUNDS]
"""

from __future__ import annotations

import platform
import statistics
import sys
import time
from datetime import date

from doseconv import check
from doseconv.reading.stated import parse_stated

#: (pills, powder, claim, assumption set) templates; {n} varies the last digit on every call.
CLAIMS = [
    ("nearly 4{n} million pills", "more than 6,5{n}0 pounds", "nearly 19{n} million doses", "dea-2022"),
    (None, "over 1{n} pounds", "over three million doses", "dea-2024"),
    ("nearly 4{n} million pills", None, "almost 19{n} million doses", "dea-2022"),
    (None, "2{n} kilograms", "9{n}0 million doses", "dea-2022"),
    ("2{n}0,000 pills", "1{n} kilograms", "2.{n} million doses", "dea-2023"),
]
VARIANTS = 10


def _figures(parsed: bool) -> list[tuple[object, object, object, str]]:
    out = []
    for n in range(VARIANTS):
        for pills, powder, claim, name in CLAIMS:
            texts = [t.format(n=n) if t else None for t in (pills, powder, claim)]
            figures = [parse_stated(t) if (t and parsed) else t for t in texts]
            out.append((*figures, name))
    return out


def _time(parsed: bool, detail: bool) -> tuple[float, float]:
    """Microseconds per check (wall clock, and CPU time of this process), over every claim and variant once."""
    calls = _figures(parsed)
    start, cpu = time.perf_counter(), time.process_time()
    for pills, powder, claim, name in calls:
        result = check(pills, powder, claim, assumptions=name)  # type: ignore[arg-type]
        if detail:
            result.to_dict()
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    return wall / len(calls) * 1e6, cpu / len(calls) * 1e6


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    for parsed in (False, True):
        _time(parsed, True)  # warm-up: data files, caches of the sets and bands
    print(f"doseconv check speed, {date.today()}, Python {platform.python_version()}, {platform.machine()}")
    print(f"{len(CLAIMS) * VARIANTS} distinct claims per timing, {rounds} timings each; microseconds per check")
    for label, parsed, detail in (
        ("text", False, False),
        ("parsed", True, False),
        ("text + detail", False, True),
        ("parsed + detail", True, True),
    ):
        times = [_time(parsed, detail) for _ in range(rounds)]
        wall, cpu = [t[0] for t in times], [t[1] for t in times]
        print(
            f"  {label:<16} median {statistics.median(wall):7.0f}   best {min(wall):7.0f}"
            f"   CPU median {statistics.median(cpu):7.0f}   best {min(cpu):7.0f}"
        )


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Throughput of ``doseconv scan`` after start-up, in MB of text per second, from one run.

The corpus is the seed stories (../shared/seeds beside the repo) or, when they are absent, a
sample story written for this script, copied until it holds at least SIZE MB. Each copy gets
its own figures (every "N million" / "N pounds" shifted), so no two dose claims are alike and
the checker's cache never helps. The same is measured on figure-dense text: short paragraphs
written by this script in which every sentence holds a seizure and its claim, each with figures
of its own (pills, powder in several units, doses, people). Four measures of each, each the
median of three timings after a warm-up scan (the machines these run on are shared and noisy):

  text only    read, find figures and scopes, build claims (no checking): scan_text(run_checks=False)
  per story    every story scanned and checked on its own, as a folder scan does
  one text     the whole corpus as one text, checked (every claim: no claim limit)
  growth       one text, checked, at SIZE against SIZE/10: near 10 is linear, near 100 quadratic

Targets: at least 1 MB/s after start-up, and at most 12x the time per 10x the input. Run it in
the project's environment:
    python benchmarks/scan_throughput.py [SIZE_MB]
"""

from __future__ import annotations

import os
import platform
import re
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"

SAMPLE = """DEA division releases results of year-long operation

The DEA St. Louis Division seized 1.3 million fentanyl pills and 100 pounds of fentanyl powder
during the operation, along with 200 pounds of methamphetamine, 405 firearms and nearly $500,000.

Nationwide, Operation Last Mile led to 1,436 investigations, 3,337 arrests and the seizure of just
under 44 million fentanyl pills and 6,500 pounds of fentanyl powder, equaling 193 million
potentially fatal fentanyl doses, according to the DEA. The national operation also seized
91,000 pounds of methamphetamine, 8,497 firearms and over $100 million in assets.

"We will keep working with our partners," the special agent in charge said on Monday.
"""

_SHIFTABLE = re.compile(r"\b(\d{1,3})(?= million\b| pounds\b)")


def _stories() -> tuple[list[str], str]:
    if SEEDS.is_dir():
        paths = sorted(SEEDS.glob("*.txt"))
        if paths:
            return [p.read_text(encoding="utf-8") for p in paths], f"the {len(paths)} seed stories in {SEEDS}"
    return [SAMPLE], "the sample story in this script (seeds not found)"


_DENSE = (
    "Troopers seized {a:,} fentanyl pills and {b} pounds of fentanyl powder on Interstate {c}, enough to kill "
    "{d:,} people, police said. Agents found {e} kilograms of fentanyl, or about {f} million potentially lethal "
    "doses, and {g:,} counterfeit pills in a second car. The {h} grams of fentanyl in the trunk could kill "
    "{i:,} people, the sheriff said on Monday."
)


def _dense(count: int) -> list[str]:
    """Figure-dense paragraphs, every figure of its own value."""
    return [
        _DENSE.format(
            a=1000 + n,
            b=2 + n % 97,
            c=10 + n % 89,
            d=500_000 + n,
            e=3 + n % 83,
            f=1 + n % 79,
            g=2000 + n,
            h=100 + n,
            i=50_000 + n,
        )
        for n in range(count)
    ]


def _corpus(size_mb: float, dense: bool = False) -> tuple[list[str], str]:
    if dense:
        one = len(_DENSE.encode("utf-8"))
        stories = _dense(int(size_mb * 1_000_000 / one) + 1)
        return stories, "figure-dense paragraphs written by this script (9 figures each)"
    stories, origin = _stories()
    out: list[str] = []
    total = 0
    copy = 0
    while total < size_mb * 1_000_000:
        for story in stories:
            shifted = _SHIFTABLE.sub(lambda m, copy=copy: str(int(m[1]) + copy % 500), story) if copy else story
            out.append(shifted)
            total += len(shifted.encode("utf-8"))
        copy += 1
    return out, origin


def _import_seconds() -> float:
    code = "import time; t = time.perf_counter(); import doseconv.scan; print(time.perf_counter() - t)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(result.stdout)


def _measure(size_mb: float, dense: bool) -> None:
    from doseconv.scan import scan_text
    from doseconv.scan.scanner import _cached_check

    stories, origin = _corpus(size_mb, dense)
    whole = "\n\n".join(stories)
    tenth = "\n\n".join(_corpus(size_mb / 10, dense)[0])
    megabytes = len(whole.encode("utf-8")) / 1_000_000
    scan_text(stories[0])  # warm-up: builds the unit registry, loads the assumption sets

    def timed(run):
        times, result = [], None
        for _ in range(3):
            _cached_check.cache_clear()
            start = time.perf_counter()
            result = run()
            times.append(time.perf_counter() - start)
        return statistics.median(times), result

    text_only, drafts = timed(lambda: scan_text(whole, run_checks=False, max_claims=10**9))
    per_story, reports = timed(lambda: [scan_text(story, f"story {i}") for i, story in enumerate(stories)])
    claims = sum(len(r.claims) for r in reports)
    one_text, one = timed(lambda: scan_text(whole, max_claims=10**9))
    small, _ = timed(lambda: scan_text(tenth, max_claims=10**9))
    print(
        f"  corpus: {megabytes:.2f} MB from {origin}; {len(stories)} stories, "
        f"{len(drafts.figures)} figures, {len(drafts.claims)} claims"
    )
    print(f"    text only (no checking):     {megabytes / text_only:6.2f} MB/s  ({text_only:.2f} s)")
    print(f"    per story, checked:          {megabytes / per_story:6.2f} MB/s  ({per_story:.2f} s, {claims} claims)")
    print(
        f"    one text, checked:           {megabytes / one_text:6.2f} MB/s  ({one_text:.2f} s, {len(one.claims)} claims)"
    )
    print(f"    growth, one text checked, {len(tenth) / 1e6:.2f} MB to {megabytes:.2f} MB: {one_text / small:.1f}x")
    checking = max(one_text - text_only, 0.0)
    if one.claims:
        print(
            f"    checking alone: {checking / len(one.claims) * 1000:.1f} ms per claim "
            f"({checking / one_text:.0%} of the checked time)"
        )


def main() -> None:
    size_mb = float(sys.argv[1]) if len(sys.argv) > 1 else 2.0
    print(
        f"scan throughput, median of 3 timings in one run, {date.today()}, {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, load average {os.getloadavg()[0]:.1f}"
    )
    print(f"  import doseconv.scan (start-up, new process): {_import_seconds() * 1000:.0f} ms")
    print("  prose:")
    _measure(size_mb, dense=False)
    print("  figure-dense:")
    _measure(size_mb, dense=True)
    print("  targets: at least 1 MB/s after start-up; at most 12x the time per 10x the input")


if __name__ == "__main__":
    main()

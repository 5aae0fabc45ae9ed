#!/usr/bin/env python3
"""An archive of generated stories scanned and traced, from one run: what docs/performance.md records.

The script writes folders of stories of 2 to 5 KB (its own, generated: datelines, a division's or an agency's
totals of pills and powder, the same figure restated by other outlets in other words, on the pills alone or
called national, population phrases, claims in people, local seizures, other figures and plain sentences), every
figure drawn afresh, so that no two folders share a story and no cache flatters a figure. Then, each as a new
``doseconv`` process, as a user would run it:

  jobs 1 / jobs 2   ``scan FOLDER -o out.jsonl --jobs N`` on two folders of STORIES stories: wall time, stories/s,
                    the speed-up from the second core (goal: at least 1.8, and 300 stories/s with two)
  memory            the peak resident memory of the largest process, for 1,000 stories and for STORIES, with one
                    job (goal: the same within 20 %, under 200 MB)
  dask              ``--engine dask`` (a local cluster of two workers started by the command) against
                    ``--jobs 2`` on the same folder, as a ratio of wall times
  trace             ``doseconv.trace`` on the records of the STORIES-story JSONL, read from the file first (goal:
                    under 5 s), and on its first quarter and half, to show it is linear in the number of claims

Run it in the project's environment (the dask measure needs the dask extra):
    python benchmarks/archive.py [STORIES]
"""

from __future__ import annotations

import importlib.util
import json
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

DOSECONV = str(Path(sys.executable).with_name("doseconv"))
CITIES = ["DENVER", "OMAHA", "BOSTON", "PHOENIX", "ATLANTA", "SEATTLE", "HOUSTON", "CHICAGO", "MIAMI", "DETROIT"]
DIVISIONS = ["Rocky Mountain", "Omaha", "New England", "Phoenix", "Atlanta", "Seattle", "Houston", "Chicago"]
MONTHS = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
STATES = ["Ohio", "Wyoming", "Nebraska", "Vermont", "Utah", "Iowa"]
FILLER = [
    "The investigation began after a tip from a parcel carrier, officials said.",
    "Prosecutors said the case would go before a grand jury next month.",
    "The agency did not say how many of those arrested remained in custody.",
    "Community groups held a vigil on Saturday for people lost to overdoses.",
    "Officials urged parents to talk with their children about counterfeit pills.",
    "The department said 28 members of the task force worked on the case.",
    "A spokesperson declined to comment on an ongoing investigation.",
    "Treatment programs in the county have waiting lists of several weeks.",
]


def _story(rng: random.Random, number: int, seed: int) -> str:
    """One story of 2 to 5 KB; every fifth story starts a figure the next four restate or stand beside."""
    family, variant = divmod(number, 5)
    frng = random.Random(f"{seed}-{family}")  # the family's figures, shared by its stories, new in every folder
    division = DIVISIONS[family % len(DIVISIONS)]
    pills = 100_000 + family * 3_517 + frng.randrange(1_000) * 1_000
    pounds = 50 + family % 900 + frng.randrange(50)
    doses = round((pills + pounds * 453.59237 * 0.15 / 0.002) / 100_000) * 100_000
    year = 2019 + family % 6
    day = f"{MONTHS[number % 12]} {1 + number % 27}, {year + 1}"
    city = CITIES[number % len(CITIES)]
    head = f"{city}, {day} — "
    total = f"{doses / 1e6:.1f} million".replace(".0 million", " million")
    if variant == 0:
        body = (
            f"The DEA {division} Division seized nearly {pills:,} fentanyl pills and more than {pounds:,} pounds of "
            f"fentanyl powder in {year}, equal to nearly {total} deadly doses."
        )
    elif variant == 1:
        body = (
            f"The DEA {division} Division seized almost {pills:,} fentanyl pills and over {pounds:,} pounds of "
            f"fentanyl powder in {year}, or almost {total} potentially lethal doses, the agency said."
        )
    elif variant == 2:
        body = f"The DEA {division} Division seized nearly {pills:,} fentanyl pills in {year}, equating to {total} deadly doses."
    elif variant == 3:
        body = (
            f"Nationwide, the DEA seized {pills:,} fentanyl pills and {pounds:,} pounds of fentanyl powder in {year}, "
            f"about {total} deadly doses."
        )
    else:
        kilos = 2 + rng.randrange(400)
        people = f"{kilos * rng.choice([100_000, 250_000, 500_000]):,}"
        body = (
            f"The {city.title()} Police Department seized {kilos} kilograms of fentanyl on Tuesday, enough to kill "
            f"{people} people. Deputies also found {rng.randrange(2, 90)} firearms and ${rng.randrange(10, 900)},000."
        )
    parts = [head + body]
    if rng.random() < 0.3:
        parts.append(
            f"Officials said the drugs were enough to kill everyone in {rng.choice(STATES)} "
            f"{rng.choice(['twice', 'three times', 'five times'])} over."
        )
    if rng.random() < 0.5:
        parts.append(
            f"Agents also made {rng.randrange(10, 3000):,} arrests and seized {rng.randrange(5, 900):,} pounds of "
            f"methamphetamine during the operation."
        )
    size = rng.randrange(2_000, 5_000)
    text = "\n\n".join(parts)
    while len(text.encode("utf-8")) < size:
        text += "\n\n" + " ".join(rng.sample(FILLER, 4))
    return text + "\n"


def _folder(root: Path, name: str, stories: int, seed: int) -> Path:
    rng = random.Random(seed)
    folder = root / name
    folder.mkdir()
    for number in range(stories):
        (folder / f"{number:06d}.txt").write_text(_story(rng, number, seed), encoding="utf-8")
    return folder


def _run(args: list[str]) -> tuple[float, int]:
    """Wall seconds and the peak resident memory (MB) of the largest process of one command (workers included)."""
    code = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter(); subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=False)\n"
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True).stdout
    seconds, kilobytes = out.split()
    return float(seconds), int(kilobytes) // 1024


def _trace_seconds(jsonl: Path) -> list[tuple[int, float]]:
    from doseconv import trace
    from doseconv.archive import read_records

    records = list(read_records(jsonl))
    out = []
    for share in (4, 2, 1):
        part = records[: len(records) // share]
        claims = sum(len(r["claims"]) for r in part if r.get("record") == "story")
        start = time.perf_counter()
        trace(part)
        out.append((claims, time.perf_counter() - start))
    return out


def main() -> None:
    stories = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    root = Path(tempfile.mkdtemp(prefix="doseconv-archive-"))
    try:
        one, two, small = (
            _folder(root, n, s, seed) for n, s, seed in (("one", stories, 1), ("two", stories, 2), ("small", 1000, 3))
        )
        size = sum(p.stat().st_size for p in one.iterdir()) / len(list(one.iterdir()))
        t1, m1 = _run([DOSECONV, "scan", str(one), "-o", str(root / "one.jsonl"), "--jobs", "1", "--exit-zero"])
        t2, m2 = _run([DOSECONV, "scan", str(two), "-o", str(root / "two.jsonl"), "--jobs", "2", "--exit-zero"])
        _ts, msmall = _run(
            [DOSECONV, "scan", str(small), "-o", str(root / "small.jsonl"), "--jobs", "1", "--exit-zero"]
        )
        dask = None
        if importlib.util.find_spec("distributed") is not None:
            dask, _md = _run(
                [DOSECONV, "scan", str(two), "-o", str(root / "dask.jsonl"), "--engine", "dask", "--exit-zero"]
            )
        summary = json.loads((root / "one.jsonl").read_text().splitlines()[-1])
        traced = _trace_seconds(root / "one.jsonl")
        start = time.perf_counter()
        subprocess.run([DOSECONV, "trace", str(root / "one.jsonl")], stdout=subprocess.DEVNULL, check=True)
        cli_trace = time.perf_counter() - start
    finally:
        shutil.rmtree(root, ignore_errors=True)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(
        f"archive scan, one run, {date.today()}, {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, load average {load} (at the end)"
    )
    print(
        f"  {stories:,} generated stories per folder, {size / 1000:.1f} KB on average; {summary['claims']:,} claims, "
        f"{summary['flagged']:,} flagged ({', '.join(f'{n} {v}' for v, n in summary['verdicts'].items())})"
    )
    print(f"  --jobs 1: {t1:7.1f} s  {stories / t1:6.0f} stories/s  peak {m1} MB")
    print(f"  --jobs 2: {t2:7.1f} s  {stories / t2:6.0f} stories/s  peak {m2} MB (largest process)")
    print(f"  speed-up from the second core: {t1 / t2:.2f}x  (goal >= 1.8x, >= 300 stories/s with two)")
    print(f"  peak memory, --jobs 1: 1,000 stories {msmall} MB, {stories:,} stories {m1} MB: ratio {m1 / msmall:.2f}")
    print("    (goal: the same within 20 %, under 200 MB per process)")
    if dask is not None:
        print(f"  --engine dask (local cluster, 2 workers): {dask:.1f} s = {dask / t2:.2f}x the time of --jobs 2")
    for claims, seconds in traced:
        print(f"  trace of {claims:,} claims: {seconds:.2f} s ({seconds / claims * 1e6:.0f} µs per claim)")
    print(
        f"  doseconv trace on the {stories:,}-story JSONL (new process, reading included): {cli_trace:.2f} s (goal < 5 s)"
    )


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Time ``doseconv verify`` of a claims file of N distinct claims: parse, load, check and the command itself.

The script writes a claims file of N claims (default 10,000) to a temporary folder: most claims
have a pill count and a dose total ("1,234 fentanyl pills", "nearly 1,234 doses", the count
moving with the claim), some have powder in pounds or kilograms, a few are population claims
("enough to kill every American"), and some figures name one of a few scopes. Every figure's
text is different, so no cache of parsed text helps. Then, in one run, it prints:

  tomllib   the TOML parser alone on the file's text (the floor of any loading)
  load      ``load_claims_file`` (TOML, validation, every figure read, line numbers)
  check     every claim checked and read as ``doseconv verify`` reads it for its text output
  verify    ``python -m doseconv verify FILE`` as a new process (start-up included)

and their ratios. The machine these run on is shared and noisy, so the ratios are the steadier
figures (and CPU time, this process's or the command's, steadier than wall-clock time when other
work competes for the cores): load/tomllib says what loading adds to parsing. Each of ROUNDS
measures runs in a new process (so no figure read in one round is cached for the next); the best
and the median are printed. Run it in the project's environment:
    python benchmarks/verify_speed.py [N] [ROUNDS]
"""

from __future__ import annotations

import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

QUALIFIERS = ("", "more than ", "about ", "nearly ")
SCOPES = {
    "east": ("DEA East Division (invented)", "the eastern states"),
    "west": ("DEA West Division (invented)", "the western states"),
    "national": ("DEA (invented)", "nationwide"),
}


def claims_file(n: int, first: int = 1) -> str:
    """A claims file of ``n`` distinct claims (about 200 bytes a claim), two figures a claim, counted from ``first``."""
    parts = [
        "# Written by benchmarks/verify_speed.py: invented figures.\nschema = 1\n\n[source]\n"
        'publisher = "doseconv benchmark"\ntitle = "Many claims"\ndate = "2023-05-08"\n\n'
    ]
    for name, (agency, area) in SCOPES.items():
        parts.append(f'[scopes.{name}]\nagency = "{agency}"\narea = "{area}"\n\n')
    scopes = list(SCOPES)
    for i in range(first, first + n):
        q1, q2 = QUALIFIERS[i % 4], QUALIFIERS[(i // 4) % 4]
        scope = f'scope = "{scopes[i % 3]}"\n' if i % 5 == 0 else ""
        if i % 1000 == 0:  # a population claim on a powder seizure
            inp = (f"{i // 100:,} pounds of fentanyl powder", "fentanyl-powder", "powder")
            total = ("enough to kill every American", "population")
        elif i % 10 == 7:  # powder in pounds
            inp = (f"{q1}{i:,} pounds of fentanyl powder", "fentanyl-powder", "powder")
            total = (f"{q2}{i * 226:,} million doses", "doses")
        elif i % 10 == 8:  # powder in kilograms
            inp = (f"{q1}{i:,} kg of fentanyl", "fentanyl-powder", "powder")
            total = (f"{q2}{i // 2:,} million potentially lethal doses", "doses")
        else:
            inp = (f"{q1}{i:,} fentanyl pills", "pills", "pills")
            total = (f"{q2}{i:,} doses", "doses")
        parts.append(f'[[figures]]\nid = "in{i}"\ntext = "{inp[0]}"\nkind = "{inp[1]}"\n{scope}\n')
        parts.append(f'[[figures]]\nid = "t{i}"\ntext = "{total[0]}"\nkind = "{total[1]}"\n{scope}\n')
        parts.append(f'[[claims]]\nid = "c{i}"\ntotal = "t{i}"\n{inp[2]} = "in{i}"\n\n')
    return "".join(parts)


def _measure(path: Path) -> dict[str, list[float]]:
    """In this (new) process: tomllib, load and check times of ``path``, after a warm-up on a small file."""
    import tomllib

    from doseconv.checker.files import load_claims_file
    from doseconv.checker.verify import Verification, check_record

    def check_all(file: object) -> int:
        flagged = 0
        for claim in file.claims:  # type: ignore[attr-defined]
            v = Verification(file, claim, check_record(file, claim))  # type: ignore[arg-type]
            r = v.result  # what the text output of verify reads
            flagged += not v.ok
            _ = (r.verdict, r.implied.describe() if r.implied else "", r.matching_methods, r.notes)
            if r.correction is not None:
                _ = (r.correction.phrase, r.plain)
        return flagged

    warm = path.with_name("warm-up.toml")
    warm.write_text(claims_file(20, first=10**6), encoding="utf-8")  # figures unlike those of the file timed
    check_all(load_claims_file(warm))
    text = path.read_text(encoding="utf-8")
    times: dict[str, list[float]] = {}

    def timed(key: str, call: Callable[[], object]) -> object:
        start, cpu = time.perf_counter(), time.process_time()
        out = call()
        times[key] = [time.perf_counter() - start, time.process_time() - cpu]
        return out

    timed("tomllib", lambda: tomllib.loads(text))
    file = timed("load", lambda: load_claims_file(path))
    timed("check", lambda: check_all(file))
    return times


def _verify(path: Path) -> list[float]:
    """Wall-clock and CPU time of ``doseconv verify`` as a new process."""
    start, cpu = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run([sys.executable, "-m", "doseconv", "verify", str(path)], capture_output=True, check=False)
    took, after = time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise SystemExit(f"verify exited {done.returncode}: {done.stderr.decode()[-400:]}")
    return [took, after.ru_utime + after.ru_stime - cpu.ru_utime - cpu.ru_stime]


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--measure":
        print(json.dumps(_measure(Path(sys.argv[2]))))
        return
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "claims.toml"
        path.write_text(claims_file(n), encoding="utf-8")
        size = path.stat().st_size
        runs: dict[str, list[list[float]]] = {"tomllib": [], "load": [], "check": [], "verify": []}
        for _ in range(rounds):
            child = [sys.executable, __file__, "--measure", str(path)]
            times = json.loads(subprocess.run(child, capture_output=True, check=True, text=True).stdout)
            for key, value in times.items():
                runs[key].append(value)
            runs["verify"].append(_verify(path))
    load = os.getloadavg()[0]
    print(
        f"doseconv verify speed, {date.today()}, {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}; load average {load:.1f}"
    )
    print(
        f"  claims file: {n:,} claims, {2 * n:,} figures, {size / 1e6:.2f} MB; {rounds} rounds, each in a new process"
    )
    print(f"  {'':27} {'wall best':>10} {'median':>8}   {'CPU best':>9} {'median':>8}")
    for key, label in (
        ("tomllib", "tomllib parse"),
        ("load", "load_claims_file"),
        ("check", "check every claim"),
        ("verify", "verify (CLI, new process)"),
    ):
        wall, cpu = [t[0] for t in runs[key]], [t[1] for t in runs[key]]
        print(
            f"  {label:27} {min(wall):9.3f}s {statistics.median(wall):7.3f}s   "
            f"{min(cpu):8.3f}s {statistics.median(cpu):7.3f}s"
        )
    for column, name in ((0, "wall"), (1, "CPU")):
        best = {key: min(t[column] for t in values) for key, values in runs.items()}
        print(
            f"  ratios ({name}, best): load/tomllib {best['load'] / best['tomllib']:.2f}, "
            f"check/load {best['check'] / best['load']:.2f}, "
            f"verify/(load+check) {best['verify'] / (best['load'] + best['check']):.2f}"
        )


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Start-up of ``doseconv convert "6500 lb" kg`` against ``import pint`` and ``pint-convert``.

Each command is run cold (a new process) ROUNDS times, interleaved so that machine noise
falls on all three alike; the script prints each median and the two ratios from this one run.
Targets: doseconv <= 1.2 x import pint, and <= 0.6 x pint-convert.

Run it in the environment the project is installed in:  python benchmarks/startup.py [ROUNDS]
"""

from __future__ import annotations

import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from datetime import date


def _command(name: str) -> list[str]:
    path = shutil.which(name) or os.path.join(os.path.dirname(sys.executable), name)
    if not os.path.exists(path):
        sys.exit(f"error: {name} is not installed in this environment")
    return [path]


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 21
    commands = {
        "python -c 'import pint'": [sys.executable, "-c", "import pint"],
        "pint-convert '6500 lb' kg": [*_command("pint-convert"), "6500 lb", "kg"],
        "doseconv convert '6500 lb' kg": [*_command("doseconv"), "convert", "6500 lb", "kg"],
    }
    # Byte-compile doseconv as an installed wheel is (pip compiles at install; an editable install under
    # PYTHONDONTWRITEBYTECODE=1 would otherwise recompile every module on every run).
    import compileall

    import doseconv

    compileall.compile_dir(os.path.dirname(doseconv.__file__), quiet=1)
    for argv in commands.values():  # warm the file cache and check each command works
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(rounds):
        for name, argv in commands.items():
            start = time.perf_counter()
            subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
            times[name].append(time.perf_counter() - start)
    medians = {name: statistics.median(values) for name, values in times.items()}
    print(
        f"start-up, median of {rounds} cold runs each, {date.today()}, {platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}"
    )
    for name, value in medians.items():
        print(f"  {name:<32} {value * 1000:7.1f} ms")
    ours = medians["doseconv convert '6500 lb' kg"]
    vs_import = ours / medians["python -c 'import pint'"]
    vs_convert = ours / medians["pint-convert '6500 lb' kg"]
    print(f"  doseconv / import pint    = {vs_import:.2f}  (target <= 1.2)")
    print(f"  doseconv / pint-convert   = {vs_convert:.2f}  (target <= 0.6)")


if __name__ == "__main__":
    main()

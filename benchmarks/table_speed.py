"""check_table against a loop of the exact check: rows per second on numeric columns.

Builds a table of seizures with numeric columns (pills, powder in kg, a claimed total made by
the set's own recipe and rounded to three significant digits, as a newsroom would), times
check_table on all of it and the scalar check on a sample of rows, and prints the absolute
rates and their ratio. A share of the claims is made wrong (a thousandfold slip or the powder
counted as pure): those rows are flagged and get their diagnosis and correction from the exact
check, so their cost is printed apart.

Usage: python benchmarks/table_speed.py [ROWS] [FLAGGED_SHARE]
"""

from __future__ import annotations

import os
import platform
import sys
import time
from datetime import date


def table(rows: int, flagged: float, seed: int = 7):
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(seed)
    pills = rng.integers(1_000, 5_000_000, rows)
    kg = np.round(rng.uniform(0.5, 500.0, rows), 1)
    purity = rng.choice([0.192, 0.10, 0.15], rows)  # the set's 19.2 % (consistent), or within DEA's yearly means
    doses = pills * 1.0 + kg * 1e6 * purity / 2  # dea-2022: each pill one dose
    wrong = rng.random(rows) < flagged
    doses = np.where(wrong, pills + kg * 500_000, doses)  # the powder counted as pure
    claimed = np.array([float(f"{d:.3g}") for d in doses])
    return pd.DataFrame({"pills": pills, "kg": kg, "claimed": claimed})


def main() -> None:
    from doseconv import check
    from doseconv.batch import check_table

    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    flagged_share = float(sys.argv[2]) if len(sys.argv) > 2 else 0.0
    frame = table(rows, flagged_share)
    options = {"pills": "pills", "powder": "kg", "powder_unit": "kg", "claim": "claimed", "assumptions": "dea-2022"}
    check_table(frame.head(1000), **options)  # warm-up: imports, set files
    start = time.perf_counter()
    out = check_table(frame, **options)
    table_seconds = time.perf_counter() - start
    start = time.perf_counter()
    check_table(frame, explain=False, **options)
    verdict_seconds = time.perf_counter() - start

    sample = frame.sample(300, random_state=1)
    start = time.perf_counter()
    for p, kg, claimed in sample.itertuples(index=False):
        check(int(p), float(kg), float(claimed), powder_unit="kg", assumptions="dea-2022")
    scalar_rate = len(sample) / (time.perf_counter() - start)

    table_rate = rows / table_seconds
    flagged = int(out["verdict"].isin(["implausible", "impossible", "upper-bound"]).sum())
    print(f"check_table vs the scalar loop, {date.today()}, {platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}")  # fmt: skip
    print(f"  rows: {rows:,} numeric (pills, kg, claimed); flagged: {flagged:,} ({flagged / rows:.1%})")
    counts = out["verdict"].value_counts()
    print(f"  verdict counts: {counts[counts > 0].to_dict()}")
    print(f"  scalar loop (check per row):      {scalar_rate:>12,.0f} rows/s")
    print(f"  check_table:                      {table_rate:>12,.0f} rows/s  ({table_seconds:.2f} s)")
    print(f"  check_table, explain=False:       {rows / verdict_seconds:>12,.0f} rows/s  ({verdict_seconds:.2f} s)")
    if flagged:
        each = (table_seconds - verdict_seconds) / flagged * 1000
        print(f"  each flagged row's diagnosis and correction (exact check): about {each:.1f} ms")
    print(f"  ratio check_table / scalar loop:  {table_rate / scalar_rate:>12,.0f}")
    print("  target: at least 100,000 rows/s on numeric columns")


if __name__ == "__main__":
    main()

"""check_table's rows per second on a data desk's table, most of whose rows a check flags.

Each timing checks a table drawn fresh (its own seed, so no row and no cache carries over from
another timing) and counts the rows sent to the exact check. Cases, every one timed on 200,000 rows:

- **random**: 200,000 distinct random rows, pills 0 to 5 million, powder 0 to 20,000 lb (one
  decimal), claims in whole millions (1 to 1,000 million): most rows are flagged, as in a real
  desk's table. Timed with the default columns (verdict, computed total, implied value, diagnosis,
  corrected figure) and with the plain sentence too (``plain=True``).
- **tiled**: 200 distinct random rows of the same kind repeated to 200,000 (the case a cache helps).
- **clean** (the earlier case, kept beside the others): pills and powder in kg with claims built by
  the set's own recipe and rounded to three digits, 10 % made wrong; the numpy check decides
  nearly every row, so it flatters.

Each figure is the median of three timings in one run, with the scalar check on a sample of the
random rows for comparison. Targets: at least 100,000 rows/s with the default columns and at
least 10,000 rows/s with the plain sentence, on the random rows.

Usage: python benchmarks/table_speed.py [ROWS]
"""

from __future__ import annotations

import os
import platform
import statistics
import sys
import time
from datetime import UTC, datetime

OPTIONS = {"pills": "pills", "powder": "lb", "powder_unit": "lb", "claim": "claimed", "assumptions": "dea-2022"}
FLAGGED = ("implausible", "impossible", "upper-bound")


def random_rows(rows: int, seed: int):
    """``rows`` distinct random rows: pills 0-5 million, powder 0-20,000 lb to a tenth, claims in whole millions."""
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(seed)
    frames, have = [], 0
    while have < rows:
        n = rows - have
        frame = pd.DataFrame(
            {
                "pills": rng.integers(0, 5_000_001, n),
                "lb": np.round(rng.uniform(0.0, 20_000.0, n), 1),
                "claimed": rng.integers(1, 1_001, n) * 1_000_000,
            }
        )
        frames.append(frame)
        whole = pd.concat(frames, ignore_index=True).drop_duplicates(ignore_index=True)
        frames, have = [whole], len(whole)
    return frames[0].head(rows)


def tiled_rows(rows: int, seed: int):
    """200 distinct random rows repeated to ``rows``."""
    import pandas as pd

    base = random_rows(200, seed)
    return pd.concat([base] * (rows // 200 + 1), ignore_index=True).head(rows)


def clean_rows(rows: int, seed: int):
    """The earlier case: claims built by the set's own recipe (kg), rounded to three digits, 10 % made wrong."""
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(seed)
    pills = rng.integers(1_000, 5_000_000, rows)
    kg = np.round(rng.uniform(0.5, 500.0, rows), 1)
    purity = rng.choice([0.192, 0.10, 0.15], rows)
    doses = pills * 1.0 + kg * 1e6 * purity / 2
    doses = np.where(rng.random(rows) < 0.1, pills + kg * 500_000, doses)  # the powder counted as pure
    claimed = np.array([float(f"{d:.3g}") for d in doses])
    return pd.DataFrame({"pills": pills, "lb": kg, "claimed": claimed})  # the column in kg (see its case)


class Counter:
    """Counts the rows the exact check is asked for (each distinct row is checked once)."""

    def __init__(self) -> None:
        from doseconv.batch import exact

        self.rows = 0
        real = exact.ExactRows.fill

        def fill(this, row, columns):  # type: ignore[no-untyped-def]
            self.rows += 1
            return real(this, row, columns)

        exact.ExactRows.fill = fill  # type: ignore[method-assign]


def timed(make, rows: int, counter: Counter, seeds: range, **extra):  # type: ignore[no-untyped-def]
    """Median seconds of check_table over fresh tables, the rows sent exact (median) and the last output."""
    from doseconv.batch import check_table

    seconds, exact, out = [], [], None
    for seed in seeds:
        frame = make(rows, seed)
        counter.rows = 0
        start = time.perf_counter()
        out = check_table(frame, **{**OPTIONS, **extra})
        seconds.append(time.perf_counter() - start)
        exact.append(counter.rows)
    return statistics.median(seconds), int(statistics.median(exact)), out


def main() -> None:
    from doseconv import check
    from doseconv.batch import check_table

    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    check_table(random_rows(2000, 0), **OPTIONS, plain=True)  # warm-up: imports, set files
    counter = Counter()
    load = os.getloadavg()
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    print(f"check_table speed, {now}, {platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}; load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}")  # fmt: skip
    print(f"  {rows:,} rows per timing, each table drawn fresh; median of 3 timings")
    cases = [
        ("random, default columns", random_rows, {}, range(1, 4)),
        ("random, with plain sentence", random_rows, {"plain": True}, range(11, 14)),
        ("tiled 200 rows, default", tiled_rows, {}, range(21, 24)),
        ("tiled 200 rows, plain", tiled_rows, {"plain": True}, range(31, 34)),
        ("clean (recipe-built), default", clean_rows, {"powder_unit": "kg"}, range(41, 44)),
    ]
    rates = {}
    for label, make, extra, seeds in cases:
        seconds, exact, out = timed(make, rows, counter, seeds, **extra)
        rates[label] = rows / seconds
        flagged = int(out["verdict"].isin(FLAGGED).sum())
        print(f"  {label:32} {rows / seconds:>10,.0f} rows/s  ({seconds:6.2f} s)  flagged {flagged / rows:5.1%}  "
              f"sent exact {exact:,} ({exact / rows:.3%})")  # fmt: skip
        if label == "random, default columns":
            counts = out["verdict"].value_counts()
            print(f"    verdicts: {counts[counts > 0].to_dict()}")

    sample = random_rows(300, 99)
    start = time.perf_counter()
    for p, lb, claimed in sample.itertuples(index=False):
        check(int(p), float(lb), int(claimed), powder_unit="lb", assumptions="dea-2022").to_dict()
    scalar = len(sample) / (time.perf_counter() - start)
    print(f"  {'scalar check + to_dict(), 300 rows':32} {scalar:>10,.0f} rows/s")
    print(f"  ratio random default / scalar loop: {rates['random, default columns'] / scalar:,.0f}")
    print("  targets: random default >= 100,000 rows/s; random with plain sentence >= 10,000 rows/s")


if __name__ == "__main__":
    main()

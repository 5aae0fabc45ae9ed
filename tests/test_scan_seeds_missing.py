"""Without the seed folder, tests/test_scan_seeds.py skips each of its tests with the reason (it never passes silently)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path


def test_without_the_seed_folder_each_seed_test_is_skipped_with_the_reason(tmp_path) -> None:
    """Run this file from a checkout with no shared/seeds beside it: every test skips, saying why; none errors."""
    here = Path(__file__).resolve().parent
    tests = tmp_path / "repo" / "tests"
    tests.mkdir(parents=True)
    for name in ("__init__.py", "cli.py", "scanning.py", "test_scan_seeds.py"):
        shutil.copy(here / name, tests / name)
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", str(tests / "test_scan_seeds.py")],
        cwd=tmp_path / "repo", capture_output=True, text=True, check=False,
    )  # fmt: skip
    missing = f"seed stories not found at {tmp_path / 'shared' / 'seeds'}"
    assert result.returncode == 0, result.stdout + result.stderr
    counts = re.search(r"(\d+) skipped in", result.stdout)
    assert counts is not None and int(counts[1]) == 20, result.stdout
    assert "passed" not in result.stdout and "error" not in result.stdout
    skipped = re.findall(r"^SKIPPED \[(\d+)\] \S*test_scan_seeds\.py:\d+: (.*)$", result.stdout, re.M)
    assert sum(int(n) for n, _ in skipped) == 20 and len(skipped) > 1  # reported test by test
    assert {reason for _, reason in skipped} == {f"{missing} (a shared/seeds folder beside the repo)"}

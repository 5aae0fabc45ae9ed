"""What `pip install .` ships: every subpackage and every data file (CI also installs the built wheel)."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "doseconv"


def _config() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]


def test_every_subpackage_is_found_by_the_package_discovery() -> None:
    """Each folder of doseconv/ with an __init__.py is a package the build includes."""
    from setuptools import find_packages

    include = _config()["packages"]["find"]["include"]
    found = set(find_packages(where=str(ROOT), include=include))
    on_disk = {
        ".".join(p.parent.relative_to(ROOT).parts) for p in PACKAGE.rglob("__init__.py") if "__pycache__" not in p.parts
    }
    assert on_disk <= found
    assert {"doseconv", "doseconv.cli", "doseconv.scan", "doseconv.checker", "doseconv.population"} <= found


def test_every_data_file_matches_a_package_data_pattern() -> None:
    """A data file no pattern names would be missing from the wheel."""
    patterns = _config()["package-data"]["doseconv"]
    data_files = [
        p.relative_to(PACKAGE).as_posix()
        for p in PACKAGE.rglob("*")
        if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts
    ]
    assert "data/units.txt" in data_files
    shipped = {p.relative_to(PACKAGE).as_posix() for pattern in patterns for p in PACKAGE.glob(pattern)}
    missing = [f for f in data_files if f not in shipped]
    assert missing == []


def test_ci_installs_the_wheel_outside_the_checkout_and_runs_it() -> None:
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert "pip wheel" in ci and "doseconv verify seeds/" in ci and 'cd "$outside"' in ci

"""Shipped population files: pinned, cited, compact, and rebuilt byte for byte from the raw published files."""

from __future__ import annotations

import csv
import hashlib
import importlib.util
import shutil
import tomllib
from importlib import resources
from pathlib import Path

import pytest

from doseconv.population import data

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT.parent / "shared" / "data" / "population"

# The shipped figures change only by rerunning scripts/build_population.py on new raw files; then update these.
PINNED_SHA256 = {
    "counties.csv": "15fe04dcd81979c4b5043a2c7a370c942b6f66dad6065e0fa7f203e253dfcbf5",
    "regions.csv": "d237ca1b344a8903dae873495b62e82b135738eb12db5be9f6d6f0ce16faa587",
    "places.csv": "e0388a954693422d1bbe736b15e57015f69ac1a820af0b7dfcf3b074272e601f",
    "sources.toml": "27b8b686c465b5e199241291f5fc3ca87957dc71d06c7848450457a3f29384c7",
    "states.csv": "f1aca1736e86084b9d6c1a41724caf388e4ed2f18175f6b5c39883c2227f1043",
    "world.csv": "b81c4765b5a5f04c5fd46289039dafc2aa7f9221d6dfc18371f67c90161831c4",
}


def _shipped(name: str) -> bytes:
    return resources.files("doseconv").joinpath("data", "population", name).read_bytes()


def _shipped_names() -> set[str]:
    folder = resources.files("doseconv").joinpath("data", "population")
    return {entry.name for entry in folder.iterdir() if entry.name.endswith((".csv", ".toml"))}


@pytest.mark.parametrize("name", sorted(PINNED_SHA256))
def test_shipped_population_files_are_pinned(name: str) -> None:
    assert hashlib.sha256(_shipped(name)).hexdigest() == PINNED_SHA256[name]


def test_every_shipped_file_is_pinned_and_the_whole_is_compact() -> None:
    assert _shipped_names() == set(PINNED_SHA256)
    assert sum(len(_shipped(name)) for name in PINNED_SHA256) < 2_000_000


def test_every_figure_has_exactly_one_source() -> None:
    sources = tomllib.loads(_shipped("sources.toml").decode())
    ids = {entry["id"] for entry in sources["sources"]}
    for entry in sources["sources"]:
        assert entry["publisher"] and entry["table"] and entry["vintage"] and entry["url"].startswith("https://")
        assert len(entry["raw_sha256"]) == 64 and entry["retrieved"]
    for name in ("states.csv", "counties.csv", "places.csv", "world.csv", "regions.csv"):
        header = next(csv.reader(_shipped(name).decode().splitlines()))
        for year in (int(column) for column in header if column.isdigit()):
            covering = [
                f for f in sources["figures"] if f["file"] == name and f["first_year"] <= year <= f["last_year"]
            ]
            assert len(covering) == 1 and covering[0]["source"] in ids, (name, year)


def test_tables_hold_what_the_raw_files_describe() -> None:
    assert len(data.states()) == 53  # the nation, 50 states, DC, Puerto Rico
    assert len(data.counties()) == 3144
    assert len(data.places()) == 19537
    assert {row.key for row in data.world()} >= {"WLD", "MEX", "USA", "CAN"}
    assert "HIC" not in {row.key for row in data.world()}  # income groups are not countries
    us = next(row for row in data.states() if row.key == "US")
    assert us.years == tuple(range(2010, 2025)) and us.value(2023) == 336806231 and us.value(2019) == 328239523


def test_pewaukee_city_and_village_keep_their_own_histories() -> None:
    rows = {row.type: row for row in data.places() if row.name == "Pewaukee"}
    assert set(rows) == {"city", "village"}
    assert rows["city"].key == "5562240" and rows["city"].value(2019) == 14631 and rows["city"].value(2022) == 16169
    assert rows["village"].key == "5562250" and rows["village"].value(2019) == 8113
    assert rows["village"].value(2022) == 8184


def _build_module():
    spec = importlib.util.spec_from_file_location("build_population", ROOT / "scripts" / "build_population.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


needs_raw = pytest.mark.skipif(not RAW.is_dir(), reason="raw population files (../shared/data/population) absent")


@needs_raw
def test_build_reproduces_the_shipped_files(tmp_path: Path) -> None:
    pytest.importorskip("openpyxl")
    sizes = _build_module().build(RAW, tmp_path)
    assert set(sizes) == set(PINNED_SHA256)
    for name in PINNED_SHA256:
        assert (tmp_path / name).read_bytes() == _shipped(name), name


@needs_raw
def test_build_refuses_a_raw_file_that_differs(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    target = raw / "nst-est2019-alldata.csv"
    target.chmod(0o644)
    target.write_bytes(target.read_bytes().replace(b"1852994", b"1852995"))
    with pytest.raises(SystemExit, match=r"nst-est2019-alldata\.csv has sha256 .* refusing to build"):
        _build_module().build(raw, tmp_path / "out")
    assert not (tmp_path / "out").exists()

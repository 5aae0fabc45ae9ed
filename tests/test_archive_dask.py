"""The archive scan on Dask: scan_bag and `scan --engine dask --scheduler ADDRESS` on a LocalCluster of two worker
processes give the records of the local run, story for story (skipped without the dask extra)."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from doseconv.archive import read_records, scan_archive, scan_bag

from .archive_stories import TRACE_STORIES, write_archive
from .cli import run

distributed = pytest.importorskip("distributed", reason="the dask extra is not installed: pip install 'doseconv[dask]'")


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    """The address of a local Dask cluster of two worker processes."""
    with (
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as local,
        distributed.Client(local),
    ):
        yield local.scheduler_address


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    return write_archive(tmp_path / "stories", TRACE_STORIES)


def local_run(archive: Path) -> dict[str, dict]:
    out = io.StringIO()
    scan_archive([archive], stream=out, jobs=1)
    return {r["path"]: r for r in map(json.loads, out.getvalue().splitlines()) if r["record"] != "summary"}


def test_scan_bag_on_two_workers_gives_the_local_records_story_for_story(cluster: str, archive: Path) -> None:
    (archive / "broken.txt").write_bytes(b"\xff")
    with distributed.Client(cluster) as client:
        records = scan_bag([archive], partition_size=3).compute()
        workers = len(client.scheduler_info()["workers"])
    assert workers == 2
    assert {r["path"]: r for r in records} == local_run(archive)
    assert len(records) == len(TRACE_STORIES) + 1


def test_cli_engine_dask_writes_the_same_file_and_resumes(capsys, cluster: str, archive: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    result = run(capsys, "scan", str(archive), "-o", str(target), "--engine", "dask", "--scheduler", cluster)
    assert result.code == 1
    records = list(read_records(target))
    assert {r["path"]: r for r in records[:-1]} == local_run(archive)
    assert records[-1]["stories"] == len(TRACE_STORIES) and records[-1]["resumed"] == 0
    again = run(capsys, "scan", str(archive), "-o", str(target), "--engine", "dask", "--scheduler", cluster, "--resume")
    assert again.code == 1 and list(read_records(target))[-1]["resumed"] == len(TRACE_STORIES)


def test_cli_unreachable_scheduler_is_one_line(capsys, archive: Path) -> None:
    result = run(
        capsys, "scan", str(archive), "--format", "jsonl", "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9"
    )
    assert result.code == 2 and result.out == ""
    assert result.err.startswith("Error: cannot reach the Dask scheduler at tcp://127.0.0.1:9: ")
    assert len(result.err.splitlines()) == 1


def parquet_parts(folder: Path) -> Path:
    import pandas as pd

    folder.mkdir()
    for part in range(3):
        rows = {
            "pills": [250_000 * (part + 1), 1_000, 5],
            "powder_kg": [12, 0.5, None],
            "claimed": ["6.3 million", "49,000", None if part == 0 else "n/a"],
        }
        pd.DataFrame(rows).to_parquet(folder / f"part{part}.parquet")
    return folder


def test_table_engine_dask_checks_each_partition_as_check_table_does(capsys, cluster, tmp_path) -> None:
    import pandas as pd

    from doseconv import check_table
    from doseconv.batch.status import summary_line

    data = parquet_parts(tmp_path / "data")
    out = tmp_path / "checked"
    result = run(capsys, "table", str(data / "*.parquet"), "--engine", "dask", "--scheduler", cluster, "-o", str(out))
    summary = "9 rows: 6 checked (3 consistent, 1 implausible, 2 upper-bound), 3 no claim"
    assert (result.code, result.err) == (1, summary + "\n")
    written = pd.read_parquet(out).sort_values(["pills", "powder_kg"]).reset_index(drop=True)
    whole = pd.concat([pd.read_parquet(p) for p in sorted(data.glob("*.parquet"))], ignore_index=True)
    expected = check_table(whole, "pills", "powder_kg", "claimed", powder_unit="kg", plain=True)
    assert summary_line(expected["status"], expected["verdict"]) == summary
    expected = expected.sort_values(["pills", "powder_kg"]).reset_index(drop=True)
    assert list(written.columns) == list(expected.columns)
    assert list(written["verdict"].astype(str)) == list(expected["verdict"].astype(str))
    assert list(written["status"]) == list(expected["status"])
    for column in ("diagnosis", "plain", "corrected_doses"):
        assert list(written[column].astype(object).fillna("")) == list(expected[column].astype(object).fillna(""))
    assert not any(p.name.endswith(".part") for p in tmp_path.iterdir())


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--engine", "dask"], "Error: --engine dask writes a Parquet dataset: name its folder with -o"),
        (["--engine", "spark", "-o", "x"], "Error: unknown engine 'spark'; choose local or dask"),
    ],
)
def test_table_engine_options_refused_in_one_line(capsys, tmp_path, args, message) -> None:
    data = parquet_parts(tmp_path / "data")
    result = run(capsys, "table", str(data / "*.parquet"), *args)
    assert (result.code, result.err) == (2, message + "\n")


def test_table_engine_dask_names_a_pattern_matching_nothing(capsys, tmp_path) -> None:
    pattern = str(tmp_path / "none" / "*.parquet")
    result = run(capsys, "table", pattern, "--engine", "dask", "-o", str(tmp_path / "out"))
    assert (result.code, result.err) == (
        2,
        f"Error: cannot read {pattern}: no such file, folder or files matching it\n",
    )

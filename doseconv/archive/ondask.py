"""An archive scanned on Dask: the stories as a ``dask.bag`` of records, and a run on a cluster whose lines are
written as each partition is done. Dask is the ``dask`` extra; this is the only module of the archive that
imports it, and only when it is used.

The records are those of a local run (:func:`~.stories.scan_story`), story for story: each worker runs the same
function on the same path, so the paths must be readable by the workers (a shared folder, or fsspec URLs such as
``s3://bucket/stories/a.txt``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from ..errors import InputError
from .stories import Done, StoryOptions, scan_story, scan_story_line

__all__ = ["dask_lines", "require_dask", "scan_bag"]

#: How long to wait for a scheduler named by its address.
CONNECT_TIMEOUT = "10s"


def require_dask(what: str = "the dask engine") -> None:
    """An :class:`~doseconv.errors.InputError` naming the extra to install when Dask is missing."""
    import importlib.util

    for module in ("dask", "distributed"):
        if importlib.util.find_spec(module) is None:
            raise InputError(
                f"{what} needs {module}, which is not installed; install it with: pip install 'doseconv[dask]'",
                parameter="engine",
            )


def _partition_size(stories: int) -> int:
    """Stories per partition: small enough that lines stream out as the run goes, large enough to be cheap."""
    return max(1, min(32, stories // 16))


def _names(paths: Iterable[str | Path]) -> list[str]:
    from ..scan.sources import expand_paths

    listed = [str(p) for p in paths]
    local = [p for p in listed if "://" not in p]
    names = expand_paths(local)[0] if local else []
    return names + [p for p in listed if "://" in p]


def _kept(record: Any) -> bool:
    return record is not None


def scan_bag(
    paths: Iterable[str | Path],
    options: StoryOptions | None = None,
    *,
    skip: Mapping[str, str] | None = None,
    partition_size: int | None = None,
) -> Any:
    """The stories of ``paths`` (files, folders, fsspec URLs) as a ``dask.bag`` of records: the same dicts as the
    JSON lines of a local run, one per story (an error record for a story that cannot be read). ``skip`` maps
    paths to the hash of stories already scanned, which are left out.

    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("Police seized 5,000 fentanyl pills, or 5,000 deadly doses.")
    >>> [r["claims"][0]["verdict"] for r in scan_bag([folder]).compute(scheduler="sync")]
    ['consistent']
    """
    require_dask("scan_bag")
    import dask.bag as db

    names = _names(paths)
    bag = db.from_sequence(names, partition_size=partition_size or _partition_size(len(names)))
    return bag.map(scan_story, options or StoryOptions(), skip).filter(_kept)


def _line_bag(names: Sequence[str], options: StoryOptions, skip: Mapping[str, str]) -> Any:
    import dask.bag as db

    bag = db.from_sequence(list(names), partition_size=_partition_size(len(names)))
    return bag.map(scan_story_line, options, skip)


def dask_lines(
    names: Sequence[str], options: StoryOptions, *, scheduler: str | None = None, skip: Mapping[str, str] | None = None
) -> Iterator[Done]:
    """Each story scanned on Dask into its JSON line, partition by partition as each is done.

    ``scheduler`` is the address of a running cluster (``tcp://host:8786``); without one, a local cluster of one
    worker process per core is started for the run and closed after it.
    """
    require_dask()
    from distributed import Client, LocalCluster, as_completed

    from .local import default_jobs

    try:
        if scheduler is None:
            cluster = LocalCluster(n_workers=default_jobs(), threads_per_worker=1, dashboard_address=None)
            client = Client(cluster)
        else:
            cluster = None
            client = Client(scheduler, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as error:
        raise InputError(f"cannot reach the Dask scheduler at {scheduler}: {error}", parameter="scheduler") from None
    try:
        partitions = _line_bag(names, options, skip or {}).to_delayed()
        futures = client.compute(partitions)
        for future in as_completed(futures):
            yield from future.result()
            future.release()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

"""A Parquet dataset too large for memory checked on Dask: ``check_table`` on each partition
(``map_partitions``), written as a Parquet dataset. Dask is the ``dask`` extra, imported only here."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from ..errors import InputError, Remedy
from .files import guess_columns

__all__ = ["check_dataset"]


def _require() -> None:
    import importlib.util

    for module, extra in (("dask", "dask"), ("distributed", "dask"), ("pyarrow", "parquet")):
        if importlib.util.find_spec(module) is None:
            raise InputError(
                f"checking a Parquet dataset on Dask needs {module}, which is not installed; install it with: "
                f"pip install 'doseconv[{extra}]'",
                parameter="engine",
            )


def _check_partition(frame: Any, columns: dict[str, Any], options: dict[str, Any]) -> Any:
    from .table import check_table

    return check_table(frame, **columns, **options)


def check_dataset(
    source: str,
    output: str | Path,
    *,
    scheduler: str | None = None,
    pills: str | None = None,
    powder: str | None = None,
    claim: str | None = None,
    powder_unit: str | None = None,
    pills_unit: str | None = None,
    **options: Any,
) -> dict[tuple[str, str], int]:
    """Check every row of the Parquet files ``source`` names (a file, a folder or a pattern: ``data/*.parquet``),
    partition by partition, and write the checked rows to the Parquet dataset (a folder) ``output``; the number of
    rows per (status, verdict) pair, the verdict ``""`` for rows not checked
    (:func:`~doseconv.batch.status.summary_of` makes the summary line).

    Columns are found as :func:`~doseconv.batch.files.check_file` finds them; ``options`` go to
    :func:`~doseconv.batch.check_table`. ``scheduler`` is a Dask cluster's address; without one, the partitions
    are checked in local processes. ``output`` appears only when complete (written beside it, then renamed).
    """
    _require()
    import glob

    import dask
    import dask.dataframe as dd

    if "://" not in source and not glob.glob(source):
        raise InputError(f"cannot read {source}: no such file, folder or files matching it")
    try:
        frame = dd.read_parquet(source)
    except (OSError, ValueError, IndexError) as error:
        raise InputError(f"cannot read {source}: {str(error).splitlines()[0] if str(error) else error}") from None
    found = guess_columns(list(frame.columns), {"pills": pills, "powder": powder, "claim": claim})
    if found["claim"][0] is None:
        have = ", ".join(repr(str(c)) for c in frame.columns) or "none"
        raise InputError(
            f"no column of claimed doses found (the table has: {have})",
            remedy=Remedy("claim", "; name it with {claim}", "; name the column"),
        )
    columns = {"pills": found["pills"][0], "powder": found["powder"][0], "claim": found["claim"][0]}
    checks = {"powder_unit": powder_unit or found["powder"][1], "pills_unit": pills_unit or found["pills"][1]}
    checks.update(options)
    meta = _check_partition(frame.partitions[0].head(2), columns, checks).iloc[:0]
    checked = frame.map_partitions(_check_partition, columns, checks, meta=meta)
    target = Path(output)
    if target.exists() and not target.is_dir():
        raise InputError(f"cannot write {output}: it is a file; a Parquet dataset is a folder, name a new one")
    if not target.parent.is_dir():
        raise InputError(f"cannot write {output}: no folder {target.parent}; make it first")
    partial = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part"))
    try:
        write = checked.to_parquet(str(partial), write_index=False, compute=False, schema=_schema(meta))
        counts = checked.map_partitions(_tally, meta=("rows", "int64"))
        if scheduler is not None:
            from distributed import Client

            with Client(scheduler, timeout="10s"):
                _, verdicts = dask.compute(write, counts)
        else:
            _, verdicts = dask.compute(write, counts, scheduler="processes")
        _replace(partial, target)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    tally: dict[tuple[str, str], int] = {}
    for key, n in verdicts.items():
        status, verdict = key.split("\t")
        tally[(status, verdict)] = tally.get((status, verdict), 0) + int(n)
    return tally


def _tally(frame: Any) -> Any:
    """A partition's rows counted by status (unreadable ones together) and, for checked rows, verdict."""
    import pandas as pd

    from .status import CHECKED, UNREADABLE

    status = frame["status"].astype(str)
    kind = status.where(~status.str.startswith(UNREADABLE), UNREADABLE)
    verdict = frame["verdict"].astype(object).where(kind == CHECKED, "").fillna("").astype(str)
    keys = kind + "\t" + verdict
    return pd.Series(keys.value_counts(sort=False).to_dict(), dtype="int64", name="rows")


def _schema(meta: Any) -> Any:
    """The Arrow schema of the checked rows: text columns as strings (empty cells as nulls), the rest by dtype."""
    import pandas as pd
    import pyarrow as pa

    fields = []
    for name, dtype in meta.dtypes.items():
        if isinstance(dtype, pd.CategoricalDtype):  # the verdict
            kind = pa.dictionary(pa.int32(), pa.string())
        elif pd.api.types.is_object_dtype(dtype) or pd.api.types.is_string_dtype(dtype):
            kind = pa.string()
        else:
            kind = pa.from_numpy_dtype(dtype)
        fields.append(pa.field(str(name), kind))
    return pa.schema(fields)


def _replace(partial: Path, target: Path) -> None:
    """``partial`` renamed ``target``; an older dataset there is removed only once the new one has its name."""
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}.old-{os.getpid()}")
        os.replace(target, old)
    os.replace(partial, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)

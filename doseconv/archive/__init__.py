"""A newsroom's archive scanned: every story one JSON record as soon as it is done, in worker processes or on a
Dask cluster, resumable, in constant memory (docs/archive.md).

>>> import io, json, pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_text("Police seized 5,000 fentanyl pills, or 5,000 deadly doses.")
>>> _ = (folder / "b.txt").write_text("Deputies seized 2 pounds of fentanyl, enough to kill 450 million people.")
>>> out = io.StringIO()
>>> scan_archive([folder], stream=out, jobs=1).exit_code
1
>>> [(r["record"], r.get("path", "").rsplit("/", 1)[-1]) for r in map(json.loads, out.getvalue().splitlines())]
[('story', 'a.txt'), ('story', 'b.txt'), ('summary', '')]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..scan.report import FILE_FORMATS
from .local import default_jobs
from .output import partial_path, read_records
from .records import Tally, content_hash, error_record, story_record
from .run import ENGINES, Progress, scan_archive
from .stories import StoryOptions, scan_story

#: The formats of a scan's output: those of the report, and JSON lines (one record per story).
SCAN_FORMATS = (*FILE_FORMATS, "jsonl")

__all__ = [
    "ENGINES",
    "SCAN_FORMATS",
    "Progress",
    "StoryOptions",
    "Tally",
    "content_hash",
    "default_jobs",
    "error_record",
    "partial_path",
    "read_records",
    "scan_archive",
    "scan_bag",
    "scan_story",
    "story_record",
]

if TYPE_CHECKING:  # pragma: no cover
    from .ondask import scan_bag


def __getattr__(name: str) -> Any:
    """``scan_bag`` loads Dask only when it is first used (Dask is the ``dask`` extra)."""
    if name == "scan_bag":
        from .ondask import scan_bag

        return scan_bag
    raise AttributeError(f"module 'doseconv.archive' has no attribute {name!r}")

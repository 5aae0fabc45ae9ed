"""One story of an archive scanned into its record: read, hashed, scanned, and any failure made an error record.

These functions run in worker processes (``--jobs``) and on Dask workers, so they take and return plain,
picklable values, and never raise for a story: a story that cannot be read or scanned is an error record.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from ..errors import DoseconvError
from ..scan.reportparts import MAX_FIGURES
from ..scan.scanner import MAX_CLAIMS, scan_text
from ..scan.sources import MAX_BYTES, decode_story, read_bytes
from .records import content_hash, error_record, story_record

__all__ = ["Done", "StoryOptions", "as_done", "scan_story", "scan_story_line"]


@dataclass(frozen=True)
class StoryOptions:
    """How each story is scanned: its input format, the limits, the checker's options (``assumptions``,
    ``pill_model``, ``reading``, ``date``, ``year``, ``state``) and a front end's names for the parameters
    that error messages name (``{"max_bytes": "--max-bytes"}``)."""

    format: str = "auto"
    max_bytes: int = MAX_BYTES
    max_claims: int = MAX_CLAIMS
    max_figures: int = MAX_FIGURES
    checks: Mapping[str, Any] = field(default_factory=dict)
    names: Mapping[str, str] = field(default_factory=dict)


class Done(NamedTuple):
    """A story scanned in a worker: its JSON line (None when skipped) and the few fields the run counts."""

    line: str | None
    brief: dict[str, Any]


def scan_story(
    path: str, options: StoryOptions | None = None, skip: Mapping[str, str] | None = None
) -> dict[str, Any] | None:
    """The record of one story (:mod:`.records`), or None when ``skip`` maps its path to its current hash.

    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("Police seized 5,000 fentanyl pills, or 5,000 deadly doses.")
    >>> record = scan_story(str(folder / "a.txt"))
    >>> record["record"], record["summary"]["claims"], record["claims"][0]["verdict"]
    ('story', 1, 'consistent')
    >>> scan_story(str(folder / "b.txt"))["error"].endswith("b.txt: no such file")
    True
    """
    options = options or StoryOptions()
    sha256 = None
    try:
        data = read_bytes(path, max_bytes=options.max_bytes)
        sha256 = content_hash(data)
        if skip is not None and skip.get(path) == sha256:
            return None
        text = decode_story(data, path)
        report = scan_text(text, path, format=options.format, max_claims=options.max_claims, **options.checks)
        return story_record(report, path, sha256, options.max_figures)
    except DoseconvError as error:
        return error_record(path, sha256, error.message_for(options.names))
    except Exception as error:  # a bug met on one story: that story is an error record, the run goes on
        return error_record(path, sha256, f"internal error ({type(error).__name__}: {error})")


def scan_story_line(path: str, options: StoryOptions, skip: Mapping[str, str] | None = None) -> Done:
    """:func:`scan_story` as one JSON line, made in the worker so that the process writing the lines only writes."""
    record = scan_story(path, options, skip)
    if record is None:
        return Done(None, {"record": "skipped", "path": path})
    return as_done(record)


def as_done(record: dict[str, Any]) -> Done:
    """A record as its JSON line (compact, UTF-8) and the fields a run counts."""
    brief: dict[str, Any] = {k: record[k] for k in ("record", "path", "sha256") if k in record}
    if "summary" in record:
        brief["summary"] = {k: record["summary"][k] for k in ("claims", "flagged", "figures", "verdicts")}
    return Done(json.dumps(record, ensure_ascii=False, separators=(",", ":")), brief)

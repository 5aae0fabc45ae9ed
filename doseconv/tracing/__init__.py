"""Restatement tracing: which stories restate one published figure, and what each changed on the way.

Claims are read from story records (the JSON lines of ``doseconv scan --format jsonl``, or a folder scanned
first), grouped by the figure they restate (:mod:`.grouping`) and compared with its earliest statement
(:mod:`.changes`). ``doseconv.trace(records)`` is :func:`trace`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .changes import ASPECTS, Change
from .claims import TracedClaim, claims_of
from .grouping import LINKS, Group, group_claims
from .result import FigureTrace, Restatement, Trace

__all__ = [
    "ASPECTS",
    "LINKS",
    "Change",
    "FigureTrace",
    "Group",
    "Restatement",
    "Trace",
    "TracedClaim",
    "trace",
    "trace_paths",
]

if TYPE_CHECKING:  # pragma: no cover
    from ..archive import StoryOptions

#: Files read as the JSON lines of an archive scan; anything else is a story or a folder of stories, scanned first.
JSONL_SUFFIXES = (".jsonl", ".ndjson")


def trace(records: Iterable[Mapping[str, Any]]) -> Trace:
    """The figures restated in more than one of the stories of ``records`` (story records: the JSON lines of an
    archive scan), each with its earliest statement and what every later one changed.

    Figures are listed with the most restated first, then by the date of their earliest statement.
    """
    stories: set[str] = set()
    claims: list[TracedClaim] = []
    for claim in claims_of(records):
        stories.add(claim.path)
        claims.append(claim)
    groups = group_claims(claims)
    restated = [g for g in groups if len(g.claims) > 1]
    restated.sort(key=lambda g: (-len(g.claims), g.earliest.date is None, g.earliest.date or 0, g.earliest.path))
    figures = tuple(FigureTrace.of(n, g) for n, g in enumerate(restated, 1))
    return Trace(figures, len(claims), len(stories), len(groups) - len(restated))


def trace_paths(paths: Iterable[str | Path], *, jobs: int | None = None, options: StoryOptions | None = None) -> Trace:
    """:func:`trace` of the records in JSON-lines files (``.jsonl``, ``.ndjson``: the output of an archive scan)
    and of the stories in folders and files, scanned first (in ``jobs`` worker processes, under ``options``)."""
    return trace(_records(list(paths), jobs, options))


def _records(paths: list[str | Path], jobs: int | None, options: StoryOptions | None) -> Iterator[dict[str, Any]]:
    import json

    from ..archive import StoryOptions, default_jobs, read_records
    from ..archive.local import scan_lines
    from ..errors import InputError
    from ..scan.sources import expand_paths

    stories = []
    for path in paths:
        if str(path).lower().endswith(JSONL_SUFFIXES):
            if not Path(path).is_file():
                raise InputError(f"cannot read {path}: no such file")
            yield from read_records(path)
        else:
            stories.append(path)
    if stories:
        names, _folder = expand_paths(stories)
        for done in scan_lines(names, options or StoryOptions(), jobs=jobs or default_jobs()):
            if done.line is not None:
                yield json.loads(done.line)

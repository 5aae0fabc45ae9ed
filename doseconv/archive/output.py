"""Where the JSON lines of an archive scan go: a stream, or a file written so that a crash never leaves one that
looks whole, and so that a run can be resumed.

A file ``out.jsonl`` is written as ``out.jsonl.partial`` beside it, one line at a time, each flushed as soon as its
story is done; the summary line closes it and only then is it renamed ``out.jsonl``. Whatever stops the run, the
partial file holds whole lines only (but, after a hard kill, perhaps for the last), each a valid record, and
``out.jsonl`` is still the file of an earlier run, or absent. A resumed run keeps the story records of both files
(the newer when a story is in both), drops error records (those stories are tried again) and summary lines, and
skips every story whose path and content hash it kept.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from ..errors import InputError
from .records import Tally

__all__ = ["JsonLines", "partial_path", "read_records"]


def partial_path(path: str | Path) -> Path:
    """The file a run writes before it is complete: ``out.jsonl.partial`` for ``out.jsonl``."""
    target = Path(path)
    return target.with_name(target.name + ".partial")


def read_records(path: str | Path) -> Iterator[dict[str, Any]]:
    """The records of a JSON-lines file, in order; a line that is not a whole JSON object (the last line of a run
    stopped mid-write) is left out."""
    with open(path, encoding="utf-8") as file:
        for line in file:
            if not line.endswith("\n"):
                return  # cut short: never trusted
            try:
                record = json.loads(line)
            except ValueError:
                continue
            if isinstance(record, dict):
                yield record


def _story_lines(path: Path) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
    """(path, sha256, line, record) for each story record of a file."""
    with open(path, encoding="utf-8") as file:
        for line in file:
            if not line.endswith("\n"):
                return
            try:
                record = json.loads(line)
            except ValueError:
                continue
            if isinstance(record, dict) and record.get("record") == "story" and isinstance(record.get("path"), str):
                yield record["path"], str(record.get("sha256")), line, record


class JsonLines:
    """The JSON lines of a run, written to ``path`` (with a partial file, see above) or to ``stream``.

    With ``resume``, :attr:`done` maps the path of each story kept from the earlier run to its hash, and
    :attr:`kept` counts those records (for the summary); the kept lines are already written.
    """

    def __init__(self, path: str | Path | None = None, stream: IO[str] | None = None, *, resume: bool = False):
        if path is None and resume:
            raise InputError("resuming needs the output file of the earlier run", parameter="resume")
        self.path = Path(path) if path is not None else None
        self.done: dict[str, str] = {}
        self.kept = Tally()
        self._kept: dict[str, dict[str, Any]] = {}  # path -> the counts of its kept record
        self._replaced: set[str] = set()
        self._kept_lines = 0
        if self.path is None:
            self.file: IO[str] = stream if stream is not None else _stdout()
            return
        if self.path.is_dir():
            raise InputError(f"cannot write {self.path}: it is a folder; name a file")
        if not self.path.parent.is_dir():
            raise InputError(f"cannot write {self.path}: no folder {self.path.parent}; make it first")
        partial = partial_path(self.path)
        sources = [p for p in (self.path, partial) if resume and p.is_file()]
        fresh = partial.with_name(partial.name + ".new")
        self.file = open(fresh, "w", encoding="utf-8")  # noqa: SIM115 - open for the whole run, closed by close()
        if sources:
            self._keep(sources)
            self.file.flush()
        os.replace(fresh, partial)

    def _keep(self, sources: list[Path]) -> None:
        """Copy the story records of the earlier run's files, the newer file's record winning for a path."""
        winner: dict[str, tuple[int, str]] = {}
        for rank, source in enumerate(sources):
            for number, (path, sha256, _line, _record) in enumerate(_story_lines(source)):
                winner[path] = (rank * 2**40 + number, sha256)
        keep = {position for position, _sha in winner.values()}
        for rank, source in enumerate(sources):
            for number, (_path, _sha, line, record) in enumerate(_story_lines(source)):
                if rank * 2**40 + number in keep:
                    self.file.write(line)
                    self._kept_lines += 1
                    self.kept.add(record)
                    self._kept[record["path"]] = {"record": "story", "summary": record.get("summary") or {}}
        self.done = {path: sha256 for path, (_position, sha256) in winner.items()}

    def write(self, line: str) -> None:
        """One record's line, flushed at once: what is written stays written."""
        self.file.write(line + "\n")
        self.file.flush()

    def replace(self, path: str) -> dict[str, Any] | None:
        """The counts of the kept record of ``path``, when a new record of it (its story changed) replaces it.

        Until the run is complete the partial file holds both, the new one later (as a resumed run reads it);
        the complete file holds only the new one.
        """
        brief = self._kept.pop(path, None)
        if brief is not None:
            self._replaced.add(path)
        return brief

    def finish(self, summary: dict[str, Any]) -> None:
        """The summary line; a file is then complete and takes its name."""
        self.write(json.dumps(summary, ensure_ascii=False, separators=(",", ":")))
        if self.path is None:
            return
        os.fsync(self.file.fileno())
        self.file.close()
        partial = partial_path(self.path)
        if self._replaced:
            partial = self._without_replaced(partial)
        os.replace(partial, self.path)

    def _without_replaced(self, partial: Path) -> Path:
        """The partial file less the kept records that newer ones replaced (they are among its first lines)."""
        clean = partial.with_name(partial.name + ".new")
        with open(partial, encoding="utf-8") as source, open(clean, "w", encoding="utf-8") as target:
            for number, line in enumerate(source):
                if number < self._kept_lines and json.loads(line).get("path") in self._replaced:
                    continue
                target.write(line)
            target.flush()
            os.fsync(target.fileno())
        return clean

    def close(self) -> None:
        """Stop writing (after an interruption the partial file stays, for a resumed run)."""
        if self.path is not None and not self.file.closed:
            self.file.close()


def _stdout() -> IO[str]:
    import sys

    return sys.stdout

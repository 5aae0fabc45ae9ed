"""An archive scan from start to end: the stories listed, scanned (here or on Dask), written as JSON lines."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, Protocol

from ..errors import InputError
from ..scan.sources import expand_paths
from .local import default_jobs, scan_lines
from .output import JsonLines, partial_path
from .records import Tally
from .stories import Done, StoryOptions

__all__ = ["ENGINES", "Progress", "scan_archive"]

#: Where stories are scanned: this machine (worker processes) or a Dask cluster.
ENGINES = ("local", "dask")


class Progress(Protocol):
    """What a run reports as it goes (a progress bar): the stories to scan, then after each story the count so far."""

    def start(self, total: int) -> None: ...

    def update(self, done: int, tally: Tally) -> None: ...

    def stop(self) -> None: ...


def scan_archive(
    paths: Iterable[str | Path],
    *,
    options: StoryOptions | None = None,
    output: str | Path | None = None,
    stream: IO[str] | None = None,
    resume: bool = False,
    jobs: int | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    progress: Progress | None = None,
) -> Tally:
    """Scan every story of ``paths`` (files and folders) into JSON lines, one record per story as it is done, and a
    summary line; return the summary's counts (its ``exit_code`` is the run's).

    The lines go to ``output`` (written as described in :mod:`.output`) or to ``stream`` (standard output by
    default). ``jobs`` worker processes scan the stories (default: one per core); ``engine="dask"`` scans them
    on the Dask cluster at ``scheduler`` instead (:mod:`.ondask`). With ``resume``, the stories already in
    ``output`` with the same content hash are not scanned again.
    """
    options = options or StoryOptions()
    if engine not in ENGINES:
        raise InputError(f"unknown engine {engine!r}; choose local or dask", parameter="engine")
    if jobs is not None and jobs < 1:
        raise InputError(f"the number of jobs must be a whole number of at least 1, not {jobs}", parameter="jobs")
    if scheduler is not None and engine != "dask":
        raise InputError("a scheduler address is used only by the dask engine", parameter="scheduler")
    names, _folder = expand_paths(paths)
    if output is not None:
        _refuse_inputs(output, names)
    out = JsonLines(output, stream, resume=resume)
    tally = out.kept
    tally.resumed = tally.stories
    if progress is not None:
        progress.start(len(names))
    try:
        for seen, done in enumerate(_done(names, options, jobs, engine, scheduler, out.done), 1):
            if done.line is not None:
                replaced = out.replace(done.brief["path"])
                if replaced is not None:  # the story changed since the earlier run
                    tally.add(replaced, -1)
                    tally.resumed -= 1
                out.write(done.line)
                tally.add(done.brief)
            if progress is not None:
                progress.update(seen, tally)
        out.finish(tally.to_dict())
    finally:
        out.close()
        if progress is not None:
            progress.stop()
    return tally


def _done(
    names: Sequence[str],
    options: StoryOptions,
    jobs: int | None,
    engine: str,
    scheduler: str | None,
    skip: Mapping[str, str],
) -> Iterator[Done]:
    if engine == "dask":
        from .ondask import dask_lines

        return dask_lines(names, options, scheduler=scheduler, skip=skip)
    if "-" in names:  # standard input is read by this process
        jobs = 1
    return scan_lines(names, options, jobs=jobs or default_jobs(), skip=skip)


def _refuse_inputs(output: str | Path, names: Sequence[str]) -> None:
    """An output that is one of the stories (or its partial file is) is refused before anything is read."""
    from ..outputs import refuse_inputs

    files = [name for name in names if name != "-" and "://" not in name]
    refuse_inputs(output, files)
    refuse_inputs(partial_path(output), files)

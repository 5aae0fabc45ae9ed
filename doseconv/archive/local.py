"""Stories scanned on this machine: in this process (one job) or in worker processes (``jobs``), results as each is done.

Each worker takes a few stories at a time (a chunk); at most a few chunks per worker are in flight, so memory
does not grow with the folder. A story that kills its worker (out of memory, a crash in a library) breaks the
pool: the stories that were in flight are then tried again one at a time, and the one that kills a worker on its
own becomes an error record; the run goes on.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from .records import error_record
from .stories import Done, StoryOptions, as_done, scan_story_line

__all__ = ["default_jobs", "scan_lines"]

#: Chunks in flight per worker.
IN_FLIGHT = 3

_options = StoryOptions()
_skip: Mapping[str, str] = {}


def default_jobs() -> int:
    """The number of cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # pragma: no cover - macOS and Windows
        return os.cpu_count() or 1


def _start_worker(options: StoryOptions, skip: Mapping[str, str]) -> None:
    global _options, _skip
    _options, _skip = options, skip


def _run_chunk(paths: list[str]) -> list[Done]:
    return [scan_story_line(path, _options, _skip) for path in paths]


def _chunk_size(stories: int, jobs: int) -> int:
    """Stories per task: enough to make the cost of a task small, few enough to keep every worker busy."""
    return max(1, min(16, stories // (jobs * 8)))


def _died(path: str) -> Done:
    message = "the process scanning it stopped abruptly (out of memory, or killed); the story was not scanned"
    return as_done(error_record(path, None, message))


def scan_lines(
    paths: Sequence[str], options: StoryOptions, *, jobs: int = 1, skip: Mapping[str, str] | None = None
) -> Iterator[Done]:
    """Each story of ``paths`` scanned into a JSON line (:func:`~.stories.scan_story_line`), as it is done.

    With ``jobs`` above 1, stories are scanned in that many worker processes and come back in the order they
    finish; with one job, in the order given. ``skip`` maps paths to the hash of a story already scanned.
    """
    skip = skip or {}
    jobs = max(1, min(jobs, len(paths)))
    if jobs == 1:
        for path in paths:
            yield scan_story_line(path, options, skip)
        return
    yield from _in_pool(paths, options, jobs, skip)


def _pool(jobs: int, options: StoryOptions, skip: Mapping[str, str]) -> Any:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("spawn")  # no locks or threads of this process copied into workers
    return ProcessPoolExecutor(jobs, mp_context=context, initializer=_start_worker, initargs=(options, skip))


def _in_pool(paths: Sequence[str], options: StoryOptions, jobs: int, skip: Mapping[str, str]) -> Iterator[Done]:
    from concurrent.futures import FIRST_COMPLETED, wait
    from concurrent.futures.process import BrokenProcessPool

    size = _chunk_size(len(paths), jobs)
    todo = deque(list(paths[i : i + size]) for i in range(0, len(paths), size))
    suspects: deque[list[str]] = deque()  # stories in flight when a worker died, tried again one at a time
    pool = _pool(jobs, options, skip)
    running: dict[Any, list[str]] = {}
    try:
        while todo or suspects or running:
            if suspects and not running:
                chunk = suspects.popleft()
                running[pool.submit(_run_chunk, chunk)] = chunk
                alone = True
            else:
                alone = False
                while todo and not suspects and len(running) < jobs * IN_FLIGHT:
                    chunk = todo.popleft()
                    running[pool.submit(_run_chunk, chunk)] = chunk
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            broken = False
            for future in finished:
                chunk = running.pop(future)
                try:
                    yield from future.result()
                except BrokenProcessPool:
                    broken = True
                    if alone:
                        yield _died(chunk[0])
                    else:
                        suspects.extend([path] for path in chunk)
            if broken:
                suspects.extend([path] for chunk in running.values() for path in chunk)
                running.clear()
                pool.shutdown(wait=False, cancel_futures=True)
                pool = _pool(jobs, options, skip)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)

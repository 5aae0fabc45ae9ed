"""The library's work, done off the event loop and within a time limit, so that one request never stalls the others.

Checks, conversions and the Check page run in threads (:func:`in_thread`): short, and bounded by the caps on
what a request may hold. Scanning a story (the Story page, its report downloads, ``/api/scan``) can take
seconds, so it runs in a worker process (:func:`in_worker`): the server's own process stays free to answer, and a
scan past the time limit is stopped by ending its process, which is replaced. A request past the limit is answered
503 with a message (:class:`TookTooLong`).
"""

from __future__ import annotations

import atexit
import contextlib
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

__all__ = ["REQUEST_SECONDS", "SCAN_WORKERS", "TookTooLong", "in_thread", "in_worker", "stop_workers", "threaded"]

#: The most time one request may take, in seconds, waiting included.
REQUEST_SECONDS = 20.0
#: Worker processes for scans in each server process (one per core of a small machine).
SCAN_WORKERS = 2
#: The service functions a worker process may run (by name).
WORKER_FUNCTIONS = ("scan_story", "report_download", "scan_json")

T = TypeVar("T")


class TookTooLong(Exception):
    """A request that could not be done within the time limit (or waited too long for a free worker)."""

    def __init__(self, seconds: float, what: str) -> None:
        super().__init__(
            f"{what} took longer than the limit of {seconds:g} seconds and was stopped; "
            "send a shorter text, or use the command line (doseconv scan) for long stories"
        )


class WorkerError(Exception):
    """What a worker process raised that was not a DoseconvError (a bug), with its type and message."""


async def in_thread(function: Callable[..., T], *args: Any, seconds: float | None = None) -> T:
    """``function(*args)`` in a worker thread; :class:`TookTooLong` when it is not done within ``seconds``.

    A thread cannot be stopped: past the limit the answer is given up (the work is bounded by the caps on a
    request, so it ends soon after).
    """
    import anyio

    seconds = REQUEST_SECONDS if seconds is None else seconds
    try:
        with anyio.fail_after(seconds):
            return await anyio.to_thread.run_sync(lambda: function(*args), abandon_on_cancel=True)
    except TimeoutError:
        raise TookTooLong(seconds, "the check") from None


def threaded(endpoint: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """A plain (blocking) page handler run by :func:`in_thread`, within the time limit."""

    async def handler(request: Any) -> Any:
        return await in_thread(endpoint, request)

    handler.__name__ = handler.__qualname__ = getattr(endpoint, "__name__", "handler")
    handler.__doc__ = endpoint.__doc__
    return handler


async def in_worker(name: str, *args: Any, seconds: float | None = None) -> Any:
    """``service.<name>(*args)`` in a worker process; stopped (the process ended) past ``seconds``.

    A :class:`~doseconv.errors.DoseconvError` in the worker is raised here as an ``InputError`` with its message.
    """
    import anyio

    if name not in WORKER_FUNCTIONS:
        raise ValueError(f"no worker function {name!r}")
    seconds = REQUEST_SECONDS if seconds is None else seconds
    deadline = time.monotonic() + seconds
    limit = seconds
    return await anyio.to_thread.run_sync(lambda: _pool().call(name, args, deadline, limit), abandon_on_cancel=True)


class _Worker:
    """One worker process and the pipe to it."""

    def __init__(self, context: Any) -> None:
        self.connection, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child,), daemon=True, name="doseconv-scan")
        self.process.start()
        child.close()

    def stop(self) -> None:
        with contextlib.suppress(Exception):
            self.process.kill()
            self.process.join(5)
        with contextlib.suppress(Exception):
            self.connection.close()


class _Pool:
    """Up to ``size`` worker processes, started when first needed; a request takes an idle one or waits for one."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.idle: list[_Worker] = []
        self.busy = 0
        self.ready = threading.Condition()
        self.context: Any = None

    def _take(self, deadline: float, seconds: float) -> _Worker:
        with self.ready:
            while not self.idle and self.busy >= self.size:
                left = deadline - time.monotonic()
                if left <= 0 or not self.ready.wait(left):
                    raise TookTooLong(seconds, "waiting for the stories before it")
            self.busy += 1
            if self.idle:
                return self.idle.pop()
        try:
            return _Worker(self._context())
        except BaseException:
            self._give_back(None)
            raise

    def _context(self) -> Any:
        if self.context is None:
            import multiprocessing

            # Workers are forked from a clean server process that has loaded the scanner once (not from this one,
            # which runs threads and an event loop).
            self.context = multiprocessing.get_context("forkserver")
            self.context.set_forkserver_preload(["doseconv.web.service", "doseconv.scan"])
        return self.context

    def _give_back(self, worker: _Worker | None) -> None:
        with self.ready:
            self.busy -= 1
            if worker is not None:
                self.idle.append(worker)
            self.ready.notify()

    def call(self, name: str, args: tuple[Any, ...], deadline: float, seconds: float) -> Any:
        worker = self._take(deadline, seconds)
        kept: _Worker | None = None
        try:
            worker.connection.send((name, args))
            if not worker.connection.poll(max(deadline - time.monotonic(), 0)):
                raise TookTooLong(seconds, "checking the story")
            status, payload = worker.connection.recv()
            kept = worker
        except (EOFError, OSError):
            raise WorkerError("the worker process checking the story stopped") from None
        finally:
            if kept is None:
                worker.stop()
            self._give_back(kept)
        if status == "ok":
            return payload
        if status == "input":
            from ..errors import InputError

            raise InputError(payload)
        raise WorkerError(payload)

    def stop(self) -> None:
        with self.ready:
            workers, self.idle = self.idle, []
        for worker in workers:
            worker.stop()


_POOL: _Pool | None = None
_POOL_LOCK = threading.Lock()


def _pool() -> _Pool:
    global _POOL
    with _POOL_LOCK:
        if _POOL is None:
            _POOL = _Pool(SCAN_WORKERS)
            atexit.register(_POOL.stop)
        return _POOL


def stop_workers() -> None:
    """End the idle worker processes (the server's shutdown; they are started again when needed)."""
    if _POOL is not None:
        _POOL.stop()


def _serve(connection: Any) -> None:
    """A worker process: run each service function asked for, send back its result or its error, until EOF."""
    import signal

    from ..errors import DoseconvError
    from . import service

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C stops the server, which ends its workers
    while True:
        try:
            name, args = connection.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            return
        try:
            answer: tuple[str, Any] = ("ok", getattr(service, name)(*args))
        except DoseconvError as error:
            answer = ("input", error.message_for({}))  # no advice to give an option the page lacks
        except Exception as error:  # a bug: reported by the server, never a dead worker
            answer = ("bug", f"{type(error).__name__}: {error}")
        try:
            connection.send(answer)
        except (OSError, ValueError):
            return
        except Exception as error:  # an answer that cannot be sent (pickled)
            connection.send(("bug", f"{type(error).__name__}: {error}"))

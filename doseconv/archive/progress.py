"""A progress bar for an archive scan (rich, on standard error): stories done, claims found and flagged, time left."""

from __future__ import annotations

from typing import Any

from .records import Tally

__all__ = ["ArchiveBar"]


class ArchiveBar:
    """The bar a front end shows on a terminal; rich is imported only when it starts, and without rich none is shown."""

    def __init__(self) -> None:
        self.progress: Any = None
        self.task: Any = None

    def start(self, total: int) -> None:
        import importlib.util

        if importlib.util.find_spec("rich") is None:
            return
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.progress = Progress(
            TextColumn("stories"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn(
                "{task.fields[claims]:,} claims, {task.fields[flagged]:,} flagged, {task.fields[errors]} errors"
            ),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self.progress.start()
        self.task = self.progress.add_task("scan", total=total, claims=0, flagged=0, errors=0)

    def update(self, done: int, tally: Tally) -> None:
        if self.progress is not None:
            self.progress.update(
                self.task, completed=done, claims=tally.claims, flagged=tally.flagged, errors=tally.errors
            )

    def stop(self) -> None:
        if self.progress is not None:
            self.progress.stop()
            self.progress = None

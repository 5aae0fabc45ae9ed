"""``doseconv trace``: which stories restate one published figure, and what each changed on the way."""

from __future__ import annotations

from typing import Optional

import typer

from .app import command
from .options import format_option, output_option
from .output import emit


@command("trace")
def trace_command(
    paths: list[str] = typer.Argument(
        ...,
        help="JSON lines of an archive scan (.jsonl), or folders and files of stories (scanned first).",
        metavar="PATH",
    ),
    output_format: str = format_option(
        "doseconv.tracing.render:TRACE_FORMATS", "text (default), markdown, json, csv or html.", default="text"
    ),
    output: Optional[str] = output_option("the trace"),
    jobs: Optional[int] = typer.Option(
        None, "--jobs", "-j", help="Stories scanned in this many worker processes (default: one per core).", metavar="N"
    ),
) -> None:
    """Group the claims of different stories that restate one figure, earliest first, and say what each later
    one changed: the wording, the figure, the inputs, the scope, the verdict.

    \b
    Examples:
      doseconv trace archive.jsonl
      doseconv trace stories/ --format markdown
      doseconv trace archive.jsonl --format csv -o restatements.csv
      doseconv trace archive.jsonl --format html -o trace.html
    """
    from ..errors import InputError
    from ..tracing import trace_paths
    from ..tracing.render import TRACE_FORMATS, render_trace

    if output_format not in TRACE_FORMATS:
        raise InputError(f"unknown format {output_format!r}; choose {', '.join(TRACE_FORMATS)}")
    if jobs is not None and jobs < 1:
        raise InputError(f"the number of jobs must be a whole number of at least 1, not {jobs}")
    text = render_trace(trace_paths(paths, jobs=jobs), output_format)
    emit(text.rstrip("\n"), output, inputs=paths)

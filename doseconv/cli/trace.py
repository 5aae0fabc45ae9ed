"""``doseconv trace``: which stories restate one published figure, and what each changed on the way."""

from __future__ import annotations

from typing import Optional

import typer

from .app import app


@app.command("trace")
def trace_command(
    paths: list[str] = typer.Argument(
        ..., help="JSON lines of an archive scan (.jsonl), or folders and files of stories (scanned first)."
    ),
    output: str = typer.Option("text", "--format", help="text (default), markdown, json, csv or html."),
    output_file: Optional[str] = typer.Option(None, "-o", "--output", help="Write to this file."),
    jobs: Optional[int] = typer.Option(
        None, "--jobs", "-j", help="Stories scanned in this many worker processes (default: one per core)."
    ),
) -> None:
    """Group the claims of different stories that restate one figure, earliest first, and say what each later
    one changed: the wording, the figure, the inputs, the scope, the verdict.

    \\b
    Examples:
      doseconv trace archive.jsonl
      doseconv trace stories/ --format markdown
      doseconv trace archive.jsonl --format csv -o restatements.csv
      doseconv trace archive.jsonl --format html -o trace.html
    """
    from ..errors import InputError
    from ..tracing import trace_paths
    from ..tracing.render import TRACE_FORMATS, render_trace

    if output not in TRACE_FORMATS:
        raise InputError(f"unknown format {output!r}; choose {', '.join(TRACE_FORMATS)}")
    if jobs is not None and jobs < 1:
        raise InputError(f"the number of jobs must be a whole number of at least 1, not {jobs}")
    text = render_trace(trace_paths(paths, jobs=jobs), output)
    if output_file is None:
        typer.echo(text)
        return
    from pathlib import Path

    Path(output_file).write_text(text + ("" if text.endswith("\\n") else "\\n"), encoding="utf-8")

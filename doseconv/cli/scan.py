"""``doseconv scan``: every "deadly doses" figure in a story, checked."""

from __future__ import annotations

from typing import Optional

import typer

from .app import EXIT_MISMATCH, app
from .options import assumptions_option, pill_model_option, reading_option


@app.command("scan")
def scan_command(
    paths: list[str] = typer.Argument(
        ..., help="Stories: text, Markdown or HTML files, folders of them, or - for standard input."
    ),
    output: Optional[str] = typer.Option(
        None, "--format", help="text (default), markdown (the default for a folder) or json."
    ),
    input_format: str = typer.Option(
        "auto", "--input-format", help="auto (default; from the name and content), plain, markdown or html."
    ),
    assumptions: Optional[str] = assumptions_option(),
    pill_model: Optional[str] = pill_model_option(),
    reading: str = reading_option(),
    exit_zero: bool = typer.Option(
        False, "--exit-zero", help="Exit 0 even when a claim is flagged (for reports); bad input still exits 2."
    ),
) -> None:
    """Find the dose figures in stories, build claims from them and check each claim.

    Exit code 0 when no claim is flagged, 1 when one is (0 with --exit-zero), 2 on bad input.

    \b
    Examples:
      doseconv scan story.txt
      doseconv scan release.html --format json
      doseconv scan stories/ > report.md
      cat draft.md | doseconv scan -
    """
    from ..errors import InputError
    from ..scan.report import OUTPUT_FORMATS, render
    from ..scan.sources import scan_paths

    if output is not None and output not in OUTPUT_FORMATS:
        raise InputError(f"unknown format {output!r}; choose {', '.join(OUTPUT_FORMATS)}")
    scans = scan_paths(paths, format=input_format, assumptions=assumptions, pill_model=pill_model, reading=reading)
    typer.echo(render(scans, output or ("markdown" if scans.folder else "text")))
    if scans.exit_code and not exit_zero:
        raise typer.Exit(EXIT_MISMATCH)

"""``doseconv scan``: every "deadly doses" figure in a story, checked."""

from __future__ import annotations

from typing import Optional

import typer

from .app import EXIT_MISMATCH, app
from .options import (
    FLAGS,
    assumptions_option,
    date_option,
    pill_model_option,
    reading_option,
    state_option,
    year_option,
)

#: The scan limits (library parameter -> option), named by the notes and errors they cause.
LIMIT_FLAGS = {"max_bytes": "--max-bytes", "max_claims": "--max-claims", "max_figures": "--max-figures"}


@app.command("scan")
def scan_command(
    paths: list[str] = typer.Argument(
        ..., help="Stories: text, Markdown or HTML files, folders of them, or - for standard input."
    ),
    output: Optional[str] = typer.Option(
        None,
        "--format",
        help="text (default), markdown (the default for a folder), json or html (one self-contained page).",
    ),
    input_format: str = typer.Option(
        "auto", "--input-format", help="auto (default; from the name and content), plain, markdown or html."
    ),
    assumptions: Optional[str] = assumptions_option(),
    pill_model: Optional[str] = pill_model_option(),
    reading: str = reading_option(),
    date: Optional[str] = date_option(),
    year: Optional[int] = year_option(),
    state: Optional[str] = state_option(),
    max_claims: int = typer.Option(200, "--max-claims", help="Check at most this many claims in one story."),
    max_figures: int = typer.Option(500, "--max-figures", help="List at most this many figures of one story."),
    max_bytes: int = typer.Option(5_000_000, "--max-bytes", help="Refuse a story larger than this many bytes."),
    exit_zero: bool = typer.Option(
        False, "--exit-zero", help="Exit 0 even when a claim is flagged (for reports); bad input still exits 2."
    ),
) -> None:
    """Find the dose figures in stories, build claims from them and check each claim.

    Exit code 0 when no claim is flagged, 1 when one is (0 with --exit-zero), 2 on bad input. A
    report says when a limit (--max-claims, --max-figures) left claims unchecked or figures unlisted.

    \b
    Examples:
      doseconv scan story.txt
      doseconv scan release.html --format json
      doseconv scan stories/ > report.md
      cat draft.md | doseconv scan -
      doseconv scan story.txt --date 2022-12-20
      doseconv scan stories/ --format html > report.html
    """
    from ..errors import DoseconvError, InputError
    from ..scan.report import OUTPUT_FORMATS, render
    from ..scan.sources import scan_paths

    if output is not None and output not in OUTPUT_FORMATS:
        raise InputError(f"unknown format {output!r}; choose {', '.join(OUTPUT_FORMATS)}")
    names = {**FLAGS, **LIMIT_FLAGS}
    try:
        scans = scan_paths(
            paths, format=input_format, max_bytes=max_bytes, max_claims=max_claims,
            assumptions=assumptions, pill_model=pill_model, reading=reading, date=date, year=year, state=state,
        )  # fmt: skip
        report = render(scans, output or ("markdown" if scans.folder else "text"), max_figures=max_figures, names=names)
    except DoseconvError as error:
        if error.parameter not in LIMIT_FLAGS:
            raise
        raise InputError(error.message_for(names)) from None
    typer.echo(report)
    if scans.exit_code and not exit_zero:
        raise typer.Exit(EXIT_MISMATCH)

"""``doseconv scan``: every "deadly doses" figure in a story, checked."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Optional

import typer

from .app import EXIT_MISMATCH, command
from .options import (
    LIMIT_FLAGS,
    assumptions_option,
    date_option,
    format_option,
    output_option,
    pill_model_option,
    quiet_option,
    reading_option,
    state_option,
    year_option,
)
from .output import count, emit

#: The options of an archive scan (JSON lines), by library parameter.
ARCHIVE_FLAGS = {"jobs": "--jobs", "resume": "--resume", "engine": "--engine", "scheduler": "--scheduler"}
#: Output file suffix -> the format written when --format is not given.
SUFFIX_FORMATS = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".md": "markdown",
    ".html": "html",
    ".docx": "docx",
}


@command("scan")
def scan_command(
    paths: Optional[list[str]] = typer.Argument(
        None,
        help="Stories: text, Markdown or HTML files, folders of them, or - for standard input "
        "(read when it is piped and no path is given).",
        metavar="PATH",
    ),
    output_format: Optional[str] = format_option(
        "doseconv.archive:SCAN_FORMATS",
        "text (default), markdown (the default for a folder), json, jsonl (one line per story, as each is done), "
        "html (one self-contained page) or docx (a Word document, with -o).",
    ),
    output: Optional[str] = output_option("the report (.jsonl: line by line, see --resume)"),
    jobs: Optional[int] = typer.Option(
        None, "--jobs", "-j", help="jsonl: scan in this many worker processes (default: one per core).", metavar="N"
    ),
    resume: bool = typer.Option(
        False, "--resume", help="jsonl with -o: skip the stories already in the file (same path and content)."
    ),
    engine: str = typer.Option(
        "local", "--engine", help="jsonl: local (default) or dask (a Dask cluster).", metavar="ENGINE"
    ),
    scheduler: Optional[str] = typer.Option(
        None, "--scheduler", help="With --engine dask: the scheduler's address (tcp://host:8786).", metavar="ADDRESS"
    ),
    quiet: bool = quiet_option("No summary line on standard error when the report goes to a file."),
    input_format: str = typer.Option(
        "auto",
        "--input-format",
        help="auto (default; from the name and content), plain, markdown or html.",
        metavar="FORMAT",
    ),
    assumptions: Optional[str] = assumptions_option(),
    pill_model: Optional[str] = pill_model_option(),
    reading: str = reading_option(),
    date: Optional[str] = date_option(),
    year: Optional[int] = year_option(),
    state: Optional[str] = state_option(),
    max_claims: int = typer.Option(
        200, "--max-claims", help="Check at most this many claims in one story.", metavar="N"
    ),
    max_figures: int = typer.Option(
        500, "--max-figures", help="List at most this many figures of one story.", metavar="N"
    ),
    max_bytes: int = typer.Option(
        5_000_000, "--max-bytes", help="Refuse a story larger than this many bytes.", metavar="BYTES"
    ),
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
      doseconv scan release.html --format json -o release.json
      doseconv scan stories/ -o report.md
      cat draft.md | doseconv scan
      doseconv scan story.txt --date 2022-12-20
      doseconv scan stories/ --format html -o report.html
      doseconv scan archive/ -o archive.jsonl --resume
    """
    from ..archive import SCAN_FORMATS
    from ..errors import InputError
    from ..scan.report import render_file
    from ..scan.sources import scan_paths

    if output_format is None and output not in (None, "-"):
        output_format = SUFFIX_FORMATS.get(Path(str(output)).suffix.lower())
    if output_format is not None and output_format not in SCAN_FORMATS:
        raise InputError(f"unknown format {output_format!r}; choose {', '.join(SCAN_FORMATS)}")
    if output_format == "docx" and output is None and sys.stdout.isatty():
        raise InputError("a Word report is a file, not text for the terminal; name it with -o report.docx")
    names = {**LIMIT_FLAGS, **ARCHIVE_FLAGS}  # scan has no override options: an error names none
    archive = {"jobs": jobs, "resume": resume, "engine": engine != "local", "scheduler": scheduler}
    if output_format != "jsonl" and any(archive.values()):
        given = next(ARCHIVE_FLAGS[k] for k, v in archive.items() if v)
        raise InputError(f"{given} applies to --format jsonl (one line per story); add --format jsonl")
    if output_format == "jsonl":
        checks = {"assumptions": assumptions, "pill_model": pill_model, "reading": reading, "date": date, "year": year}
        story = {"format": input_format, "max_bytes": max_bytes, "max_claims": max_claims, "max_figures": max_figures}
        story["checks"], story["names"] = {**checks, "state": state}, names
        target = None if output == "-" else output
        run = {"resume": resume, "jobs": jobs, "engine": engine, "scheduler": scheduler}
        code = _archive(_stories(paths), story, target, quiet, **run)
        if code == 2 or (code and not exit_zero):
            raise typer.Exit(code)
        return
    scans = scan_paths(
        _stories(paths), format=input_format, max_bytes=max_bytes, max_claims=max_claims,
        assumptions=assumptions, pill_model=pill_model, reading=reading, date=date, year=year, state=state,
    )  # fmt: skip
    chosen = output_format or ("markdown" if scans.folder else "text")
    report = render_file(scans, chosen, max_figures=max_figures, names=LIMIT_FLAGS)
    emit(report, output, inputs=[p for p in paths or () if p != "-"])
    if output not in (None, "-") and not quiet:
        summary = scans.to_dict()["summary"]
        typer.echo(
            f"wrote {output}: {count(summary['files'], 'story', 'stories')}, {count(summary['claims'], 'claim')}, "
            f"{summary['flagged']:,} flagged",
            err=True,
        )
    if scans.exit_code and not exit_zero:
        raise typer.Exit(EXIT_MISMATCH)


def _archive(paths: list[str], story: dict[str, Any], output: str | None, quiet: bool, **run: Any) -> int:
    """Scan into JSON lines (``doseconv.archive.scan_archive``), with a progress bar on a terminal; the exit code."""
    from ..archive import StoryOptions, scan_archive
    from ..archive.progress import ArchiveBar

    bar = ArchiveBar() if sys.stderr.isatty() else None
    tally = scan_archive(paths, options=StoryOptions(**story), output=output, progress=bar, **run)
    if output is not None and not quiet:
        kept = f", {tally.resumed:,} kept from the earlier run" if tally.resumed else ""
        typer.echo(
            f"wrote {output}: {count(tally.stories, 'story', 'stories')}, {tally.errors:,} not scanned (error records), "
            f"{count(tally.claims, 'claim')}, {tally.flagged:,} flagged{kept}",
            err=True,
        )
    return tally.exit_code


def _stories(paths: Optional[list[str]]) -> list[str]:
    """The paths given; standard input when none is given and it is piped (not a terminal)."""
    if paths:
        return paths
    from ..errors import InputError

    if sys.stdin is None or sys.stdin.isatty():
        raise InputError("no story given; name a file or folder (doseconv scan story.txt) or pipe the text in")
    return ["-"]

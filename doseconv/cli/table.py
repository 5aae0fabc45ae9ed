"""``doseconv table``: check every row of a CSV, TSV, Excel or Parquet file."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any, Optional

import typer

from .app import EXIT_MISMATCH, command
from .options import (
    assumptions_option,
    format_option,
    output_option,
    override_options,
    pill_model_option,
    quiet_option,
    reading_option,
    scale_option,
)

if TYPE_CHECKING:  # pragma: no cover
    from ..overrides import Overrides

#: Files with at least this many rows get a progress bar (on a terminal, without --quiet).
PROGRESS_ROWS = 10_000


class _Bar:
    """A rich progress bar on stderr, started once the row count is known (rich is imported only here)."""

    def __init__(self, show: bool) -> None:
        self.show = show
        self.progress: Any = None
        self.task: Any = None

    def size(self, rows: int) -> None:
        import importlib.util

        if not self.show or rows < PROGRESS_ROWS or importlib.util.find_spec("rich") is None:
            return  # no bar without rich (it comes with the table extra)
        from rich.console import Console
        from rich.progress import Progress

        self.progress = Progress(console=Console(stderr=True), transient=True)
        self.progress.start()
        self.task = self.progress.add_task("checking rows", total=rows)

    def advance(self, rows: int) -> None:
        if self.progress is not None:
            self.progress.advance(self.task, rows)

    def stop(self) -> None:
        if self.progress is not None:
            self.progress.stop()


@command("table")
@override_options()
def table_command(
    path: str = typer.Argument(..., help="A .csv, .tsv, .xlsx or .parquet file, one claim per row."),
    pills: Optional[str] = typer.Option(
        None, "--pills", help="Column of pills (guessed from headers: pills, tablets)."
    ),
    powder: Optional[str] = typer.Option(None, "--powder", help="Column of powder masses (guessed: powder, lbs, kg)."),
    claim: Optional[str] = typer.Option(None, "--claim", help="Column of claimed doses (guessed: doses, claimed)."),
    powder_unit: Optional[str] = typer.Option(
        None, "--powder-unit", help="Unit of plain numbers in the powder column: kg, lb, g (guessed from its header)."
    ),
    pills_unit: Optional[str] = typer.Option(
        None, "--pills-unit", help="Unit of plain numbers in the pills column when pills are weighed: kg, lb."
    ),
    date: Optional[str] = typer.Option(
        None, "--date", help="Column of dates (or years): each row checked under the assumption set of its date."
    ),
    assumptions: Optional[str] = assumptions_option(),
    pill_model: Optional[str] = pill_model_option(),
    reading: str = reading_option(),
    scale: str = scale_option("aggregate (default) or seizure (each row one seizure)."),
    output_format: Optional[str] = format_option(
        "doseconv.batch.files:OUTPUT_FORMATS",
        "csv, tsv, json or markdown (default: the input's format; CSV for Excel and Parquet).",
    ),
    output: Optional[str] = output_option("the checked table (any input format)"),
    quiet: bool = quiet_option("No progress bar and no summary line."),
    year: Optional[int] = typer.Option(
        None,
        "--year",
        help="The year of every row without a date: its assumption set, and the population of a population claim.",
    ),
    engine: str = typer.Option(
        "local",
        "--engine",
        help="local (default) or dask: Parquet files ('data/*.parquet') checked partition by partition, written "
        "with -o as a Parquet dataset (a folder).",
        metavar="ENGINE",
    ),
    scheduler: Optional[str] = typer.Option(
        None, "--scheduler", help="With --engine dask: the scheduler's address.", metavar="ADDRESS"
    ),
    plain: bool = typer.Option(
        True, "--plain/--no-plain", help="A column with each row's plain sentence (on by default; off is faster)."
    ),
    no_explain: bool = typer.Option(False, "--no-explain", hidden=True, help="The same as --no-plain."),
    explanation: bool = typer.Option(False, "--explanation", help="A column with each row's full explanation."),
    overrides: Overrides = None,  # type: ignore[assignment]  # made by override_options from the five options
) -> int:
    """Check every row of a table; exit 1 when a row is flagged, 2 on bad input.

    \b
    Examples:
      doseconv table seizures.csv
      doseconv table seizures.xlsx --powder "Fentanyl (kg)" --format markdown
      doseconv table seizures.parquet -o checked.parquet
      doseconv table seizures.csv --date "Date seized"
      doseconv table 'data/*.parquet' --engine dask -o checked/
    """
    from ..batch.output import check_output
    from ..errors import InputError

    if engine not in ("local", "dask"):
        raise InputError(f"unknown engine {engine!r}; choose local or dask")
    if scheduler is not None and engine != "dask":
        raise InputError("a scheduler address is used only by the dask engine")
    if engine == "dask":
        columns = {"pills": pills, "powder": powder, "claim": claim, "powder_unit": powder_unit}
        checks: dict[str, Any] = {"assumptions": assumptions, "overrides": overrides, "pill_model": pill_model}
        checks.update(pills_unit=pills_unit, reading=reading, scale=scale, date=date, year=year)
        checks.update(plain=plain and not no_explain, explanation=explanation)
        return _on_dask(path, output, scheduler, quiet, **columns, **checks)
    written = _written_format(path, output, output_format)
    if output is not None:
        check_output(output, written, [path])  # before the check: a long run is not made only to be refused
    checked = _check(
        path, quiet, pills=pills, powder=powder, claim=claim, powder_unit=powder_unit, pills_unit=pills_unit,
        assumptions=assumptions, overrides=overrides, pill_model=pill_model, reading=reading, scale=scale,
        plain=plain and not no_explain, explanation=explanation, date=date, year=year,
    )  # fmt: skip
    return _write(checked, path, output, written, quiet)


def _on_dask(path: str, output: str | None, scheduler: str | None, quiet: bool, **options: Any) -> int:
    """A Parquet dataset checked on Dask (``doseconv.batch.dataset.check_dataset``); the exit code."""
    from ..batch import FLAGGED
    from ..batch.dataset import check_dataset
    from ..batch.status import summary_of
    from ..errors import InputError

    if output is None:
        raise InputError("--engine dask writes a Parquet dataset: name its folder with -o")
    counts = check_dataset(path, output, scheduler=scheduler, **options)
    if not quiet:
        typer.echo(summary_of(counts), err=True)
    return EXIT_MISMATCH if any(verdict in FLAGGED for _, verdict in counts) else 0


def _written_format(path: str, output: str | None, output_format: str | None) -> str:
    """The format written: the one asked for, else the output's or the input's (CSV for Excel and Parquet on screen)."""
    from ..batch.files import OUTPUT_FORMATS, format_of, input_format
    from ..errors import InputError

    if output_format is not None and output_format not in OUTPUT_FORMATS:
        raise InputError(f"unknown format {output_format!r}; choose csv, tsv, json or markdown")
    read = input_format(path)  # a folder or a missing file is refused before any output is thought of
    written = output_format or (format_of(output) if output else read)
    if output is None and written in ("excel", "parquet"):
        written = "csv"
    return written


def _check(path: str, quiet: bool, **options: Any) -> Any:
    """The checked table (``check_file`` with ``options``), with a progress bar on a terminal."""
    from ..batch.files import check_file

    bar = _Bar(not quiet and sys.stderr.isatty())
    try:
        return check_file(path, progress=bar.advance, on_size=bar.size, **options)
    finally:
        bar.stop()


def _write(checked: Any, path: str, output: str | None, written: str, quiet: bool) -> int:
    """Print or write the checked table, then the summary line; the exit code (1 when a row is flagged)."""
    from ..batch import FLAGGED
    from ..batch.output import table_text, write_table
    from ..batch.status import summary_line

    if output is None:
        typer.echo(table_text(checked, written), nl=False)
    else:
        write_table(checked, output, written, inputs=[path])
    if not quiet:
        typer.echo(summary_line(checked["status"], checked["verdict"]), err=True)
    return EXIT_MISMATCH if checked["verdict"].isin(list(FLAGGED)).any() else 0

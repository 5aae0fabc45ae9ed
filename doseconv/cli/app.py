"""The typer ``app`` every command registers on, its exit codes and the one-line error helper."""

from __future__ import annotations

from typing import Optional

import typer

from .. import __version__

__all__ = ["EXIT_INTERNAL", "EXIT_MISMATCH", "EXIT_OK", "EXIT_USAGE", "app", "fail"]

EXIT_OK = 0
EXIT_MISMATCH = 1  # check/scan: a claim is flagged; verify: a claim did not come out as expected
EXIT_USAGE = 2  # bad input: a figure, an option, a file
EXIT_INTERNAL = 70  # a bug in doseconv (EX_SOFTWARE)

app = typer.Typer(
    name="doseconv",
    help=(
        "Convert drug-seizure figures into potentially lethal doses exactly, and check published totals.\n\n"
        'Example: doseconv convert "6500 lb" doses --purity 10%'
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"doseconv {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Optional[bool] = typer.Option(
        None, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """Convert drug-seizure figures into potentially lethal doses, and check published totals."""


def fail(message: str, code: int = EXIT_USAGE) -> typer.Exit:
    """Print one error line on stderr and return the Exit to raise."""
    typer.echo(f"Error: {message}", err=True)
    return typer.Exit(code)

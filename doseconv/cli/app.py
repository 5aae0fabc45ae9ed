"""The typer ``app`` every command registers on, its exit codes, the command conventions and the error helper.

Every command is registered with :func:`command`, so each follows the same conventions: usage lines name
arguments in capitals (``QUANTITY [TARGET]``, not typer's ``{quantity}``) and every option's value has a
metavar saying what it takes (``--claim FIGURE``, not ``<str>``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Optional

import typer
from typer.core import TyperArgument, TyperCommand

from .. import __version__

__all__ = ["EXIT_INTERNAL", "EXIT_MISMATCH", "EXIT_OK", "EXIT_USAGE", "Command", "app", "command", "fail"]

EXIT_OK = 0
EXIT_MISMATCH = 1  # check/scan: a claim is flagged; verify: a claim did not come out as expected
EXIT_USAGE = 2  # bad input: a figure, an option, a file
EXIT_INTERNAL = 70  # a bug in doseconv (EX_SOFTWARE)

app = typer.Typer(
    name="doseconv",
    help=(
        "Convert drug-seizure figures into potentially lethal doses exactly, and check published totals.\n\n"
        'Example: doseconv convert "6500 lb" doses --purity 10%\n\n'
        "Shell completion: doseconv --install-completion (bash, zsh, fish or PowerShell)."
    ),
    invoke_without_command=True,
    add_completion=True,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Command(TyperCommand):
    """A command whose usage line and option metavars follow the usual conventions (git, ripgrep)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for param in self.params:
            if param.metavar is None and not isinstance(param, TyperArgument) and not getattr(param, "is_flag", False):
                param.metavar = (param.name or "value").upper()

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if not isinstance(param, TyperArgument):
                continue
            name = param.metavar or (param.name or "").upper()
            name += "..." if param.nargs != 1 else ""
            pieces.append(name if param.required else f"[{name}]")
        return pieces


def command(name: str | None = None, **kwargs: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register a command on :data:`app` as a :class:`Command` (``@app.command`` with the conventions)."""
    return app.command(name, cls=Command, **kwargs)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"doseconv {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    ctx: typer.Context,
    version: Optional[bool] = typer.Option(
        None, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """Convert drug-seizure figures into potentially lethal doses, and check published totals."""
    if ctx.invoked_subcommand is None:  # `doseconv` alone: the help, as git and sqlite-utils print it
        typer.echo(ctx.get_help())
        raise typer.Exit(0)


def fail(message: str, code: int = EXIT_USAGE) -> typer.Exit:
    """Print one error line on stderr and return the Exit to raise."""
    typer.echo(f"Error: {message}", err=True)
    return typer.Exit(code)

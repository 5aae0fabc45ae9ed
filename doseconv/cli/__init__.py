"""The ``doseconv`` command line: a thin shell over the library.

Each command parses its arguments, calls one library function and prints. Errors the library
raises on purpose (:class:`doseconv.errors.DoseconvError`) and usage errors become one line on
stderr and exit code 2; no traceback reaches the user.
"""

from __future__ import annotations

import os
import sys

import typer

from ..errors import DoseconvError, InputError

# Each command module registers its commands on ``app`` when imported, in the order --help lists them.
from . import convert  # noqa: F401

# isort: split
from . import chart, check, scan, serve, table  # noqa: F401
from .app import EXIT_INTERNAL, EXIT_MISMATCH, EXIT_OK, EXIT_USAGE, app
from .options import FLAGS

__all__ = ["EXIT_INTERNAL", "EXIT_MISMATCH", "EXIT_OK", "EXIT_USAGE", "app", "main"]


def _import_pint_without_numpy() -> None:
    """Import pint before numpy is loaded, telling it numpy is absent.

    pint imports numpy when it is installed (about 60 ms of every start). The command line
    never gives pint an array (the vectorized path multiplies arrays by a factor pint computed
    on plain numbers), so it loads pint without numpy support. Library users are not affected:
    this runs only in the ``doseconv`` process. See docs/performance.md.
    """
    if "pint" in sys.modules or "numpy" in sys.modules:
        return
    sys.modules["numpy"] = None  # type: ignore[assignment]  # `import numpy` now raises ImportError
    try:
        import pint  # noqa: F401
    finally:
        del sys.modules["numpy"]


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return (and, as a script, exit with) the exit code."""
    from typer.main import get_command

    _import_pint_without_numpy()

    command = get_command(app)
    args = sys.argv[1:] if argv is None else argv
    negative = next((a for a in args if len(a) > 1 and a[0] == "-" and (a[1].isdigit() or a[1] == ".")), None)
    try:
        if negative is not None:  # click would read "-5 kg" as an unknown option "-5"
            raise InputError(f"{negative!r} is negative; seizure figures must be zero or more")
        result = command.main(args, prog_name="doseconv", standalone_mode=False)
        code = result if isinstance(result, int) else EXIT_OK
    except DoseconvError as error:  # the library names parameters; the command line names its options
        typer.echo(f"Error: {error.message_for(FLAGS)}", err=True)
        code = EXIT_USAGE
    except (KeyboardInterrupt, BrokenPipeError):
        code = 130 if sys.exc_info()[0] is KeyboardInterrupt else EXIT_OK
    except Exception as error:  # a click usage error, or a bug
        if hasattr(error, "format_message") and hasattr(error, "exit_code"):
            hint = ""
            ctx = getattr(error, "ctx", None)
            if ctx is not None:
                hint = f" (see '{ctx.command_path} --help')"
            typer.echo(f"Error: {error.format_message()}{hint}", err=True)
            code = error.exit_code if error.exit_code else EXIT_USAGE
        elif type(error).__name__ == "Abort":
            code = 1
        else:
            if os.environ.get("DOSECONV_DEBUG"):
                raise
            typer.echo(
                f"Error: internal error ({type(error).__name__}: {error}); set DOSECONV_DEBUG=1 for a traceback",
                err=True,
            )
            code = EXIT_INTERNAL
    if argv is None:
        sys.exit(code)
    return code

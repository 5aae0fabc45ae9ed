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
from . import chart, check, scan, serve, table, trace  # noqa: F401
from .app import EXIT_INTERNAL, EXIT_MISMATCH, EXIT_OK, EXIT_USAGE, app
from .options import OPTION_NAMES

__all__ = ["EXIT_INTERNAL", "EXIT_MISMATCH", "EXIT_OK", "EXIT_USAGE", "app", "main"]


def _option_names(group, args: list[str]) -> dict[str, str]:
    """The options (by library parameter) of the command ``args`` run: an error names only options it has."""
    name = next((a for a in args if not a.startswith("-")), None)
    command = getattr(group, "commands", {}).get(name) if name else None
    if command is None:
        return OPTION_NAMES
    flags = {flag for param in command.params for flag in getattr(param, "opts", ())}
    return {parameter: flag for parameter, flag in OPTION_NAMES.items() if flag in flags}


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


def _internal_error(error: BaseException) -> int:
    """A bug: one line on stderr (and the traceback when DOSECONV_DEBUG is set); always :data:`EXIT_INTERNAL`.

    The debug setting changes what is printed, never the exit code: a crash must not look like exit 1 (a claim
    that did not come out as expected) nor like exit 2 (bad input).
    """
    if os.environ.get("DOSECONV_DEBUG"):
        import traceback

        traceback.print_exception(error, file=sys.stderr)
    message = " ".join(str(error).split())
    if len(message) > 200:
        message = message[:197] + "..."
    typer.echo(
        f"Error: internal error ({type(error).__name__}: {message}); set DOSECONV_DEBUG=1 for a traceback",
        err=True,
    )
    return EXIT_INTERNAL


def _short_lived_process() -> None:
    """A command is one short process that makes many small objects with no cycles worth collecting as it goes
    (a claims file of 10,000 claims, a folder of stories): the cyclic collector runs a hundred times less often,
    and never over what start-up loaded. Memory is still freed as each object is dropped."""
    import gc

    gc.freeze()
    gc.set_threshold(70_000, 10, 10)


class _Terminated(BaseException):
    """SIGTERM, raised where the command is, so that a file being written is removed and the target kept."""


def _stop_on_sigterm() -> None:
    """A ``kill`` ends the command as Ctrl+C does (files half-written removed), with exit code 143."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return

    def stop(signum: int, frame: object) -> None:
        raise _Terminated

    signal.signal(signal.SIGTERM, stop)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return (and, as a script, exit with) the exit code."""
    from typer.main import get_command

    _import_pint_without_numpy()

    command = get_command(app)
    args = sys.argv[1:] if argv is None else argv
    if argv is None:
        _short_lived_process()
        _stop_on_sigterm()
    negative = next((a for a in args if len(a) > 1 and a[0] == "-" and (a[1].isdigit() or a[1] == ".")), None)
    try:
        if negative is not None:  # click would read "-5 kg" as an unknown option "-5"
            raise InputError(f"{negative!r} is negative; seizure figures must be zero or more")
        result = command.main(args, prog_name="doseconv", standalone_mode=False)
        code = result if isinstance(result, int) else EXIT_OK
    except DoseconvError as error:  # the library names parameters; the command line names its options
        typer.echo(f"Error: {error.message_for(_option_names(command, args))}", err=True)
        code = EXIT_USAGE
    except (KeyboardInterrupt, BrokenPipeError):
        code = 130 if sys.exc_info()[0] is KeyboardInterrupt else EXIT_OK
    except _Terminated:
        code = 143  # 128 + SIGTERM, as a shell reports a command it killed
    except OSError as error:  # a path the system refuses (too long, unreadable): the input, not a bug
        name = error.filename if isinstance(error.filename, str) else ""
        name = name if len(name) <= 60 else name[:57] + "..."
        typer.echo(f"Error: cannot use {name!r}: {error.strerror or error}" if name else f"Error: {error}", err=True)
        code = EXIT_USAGE
    except Exception as error:  # a click usage error, or a bug
        if hasattr(error, "format_message") and hasattr(error, "exit_code"):
            hint = ""
            ctx = getattr(error, "ctx", None)
            if ctx is not None:
                hint = f" (see '{ctx.command_path} --help')"
            typer.echo(f"Error: {error.format_message()}{hint}", err=True)
            code = EXIT_USAGE  # click gives some of its errors code 1, which here means a claim not as expected
        elif type(error).__name__ == "Abort":
            code = 130  # click's Abort comes from an interrupted prompt
        else:
            code = _internal_error(error)
    if argv is None:
        sys.exit(code)
    return code

"""Where a command's output goes: standard output, or the file ``-o/--output`` names (``-`` is standard output).

A file is written whole or not at all: the output goes to a temporary file beside it, renamed over the
target once complete, so an interrupted run never leaves a file that looks finished, nor destroys the old one.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import typer

__all__ = ["count", "emit"]


def count(n: int, singular: str, plural: str | None = None) -> str:
    """``n`` with the noun in its number: "1 row", "2 rows", "1 dose", "1,000 doses".

    >>> count(1, "row"), count(2, "claim"), count(1_000, "story", "stories")
    ('1 row', '2 claims', '1,000 stories')
    """
    return f"{n:,} {singular if n == 1 else plural or singular + 's'}"


def emit(data: str | bytes, output: str | None) -> None:
    """Print ``data`` (text gets a final newline), or write it to ``output``; ``-`` is standard output."""
    if output is None or output == "-":
        if isinstance(data, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        else:
            typer.echo(data)
        return
    payload = data if isinstance(data, bytes) else (data + "\n").encode("utf-8")
    write_atomic(Path(output), payload)


def write_atomic(target: Path, payload: bytes) -> None:
    """Write ``payload`` to a temporary file beside ``target``, then rename it over ``target``."""
    from ..errors import InputError

    folder = target.parent
    if target.is_dir():
        raise InputError(f"cannot write {target}: it is a folder; name a file to write")
    if not folder.is_dir():
        raise InputError(f"cannot write {target}: there is no folder {folder}; create it or name another file")
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(payload)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise

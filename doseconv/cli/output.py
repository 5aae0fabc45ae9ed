"""Where a command's output goes: standard output, or the file ``-o/--output`` names (``-`` is standard output),
written whole or not at all by :func:`doseconv.outputs.write_output`; and counts said in their number."""

from __future__ import annotations

import sys
from collections.abc import Iterable

import typer

__all__ = ["count", "emit"]


def count(n: int, singular: str, plural: str | None = None) -> str:
    """``n`` with the noun in its number: "1 row", "2 rows", "1 dose", "1,000 doses".

    >>> count(1, "row"), count(2, "claim"), count(1_000, "story", "stories")
    ('1 row', '2 claims', '1,000 stories')
    """
    return f"{n:,} {singular if n == 1 else plural or singular + 's'}"


def emit(data: str | bytes, output: str | None, inputs: Iterable[str] = ()) -> None:
    """Print ``data`` (text gets a final newline), or write it to ``output`` whole (:mod:`doseconv.outputs`);
    ``-`` is standard output. ``inputs``: the files the output was made from, never written over."""
    if output is None or output == "-":
        if isinstance(data, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        else:
            typer.echo(data)
        return
    from ..outputs import write_output

    write_output(output, data if isinstance(data, bytes) else data + "\n", inputs=inputs)

"""Inputs of a scan: files, folders of stories and standard input, read as UTF-8."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any, BinaryIO

from ..errors import InputError
from .scanner import ScanSet, scan_text

__all__ = ["TEXT_SUFFIXES", "expand_paths", "read_source", "scan_paths"]

#: Files a folder scan picks up.
TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm")


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(f"{name} is not UTF-8 text (bad byte at offset {error.start}); convert it to UTF-8") from None


def read_source(path: str | Path, stdin: BinaryIO | None = None) -> str:
    """The text of a file, or of standard input for ``-``; a leading byte-order mark is dropped.

    >>> import io
    >>> read_source("-", io.BytesIO("\\ufeff6,500 pounds".encode("utf-8")))
    '6,500 pounds'
    """
    if str(path) == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        return _decode(stream.read(), "standard input")
    target = Path(path)
    try:
        data = target.read_bytes()
    except FileNotFoundError:
        raise InputError(f"cannot read {path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path} is a folder; scan it as a folder of stories") from None
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror or error}") from None
    return _decode(data, str(path))


def expand_paths(paths: Iterable[str | Path]) -> tuple[list[str], bool]:
    """The files to scan, in order, and whether any argument was a folder.

    A folder stands for the text files in it and below it (:data:`TEXT_SUFFIXES`), sorted.

    >>> expand_paths(["-", "story.txt"])
    (['-', 'story.txt'], False)
    >>> expand_paths([])
    Traceback (most recent call last):
    ...
    doseconv.errors.InputError: no input given; name a file, a folder or - for standard input
    """
    out: list[str] = []
    folder = False
    for path in paths:
        target = Path(path)
        if str(path) != "-" and target.is_dir():
            folder = True
            found = sorted(
                p for p in target.rglob("*")
                if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES and not p.name.startswith(".")
            )  # fmt: skip
            if not found:
                raise InputError(f"no text files ({', '.join(TEXT_SUFFIXES)}) in the folder {path}")
            out.extend(str(p) for p in found)
        else:
            out.append(str(path))
    if not out:
        raise InputError("no input given; name a file, a folder or - for standard input")
    return out, folder


def scan_paths(
    paths: Iterable[str | Path], *, format: str = "auto", stdin: BinaryIO | None = None, **options: Any
) -> ScanSet:
    """Scan files, folders of stories (``-`` is standard input); every file is read before any is checked."""
    names, folder = expand_paths(paths)
    texts = [(name, read_source(name, stdin)) for name in names]
    reports = tuple(
        scan_text(text, "<stdin>" if name == "-" else name, format=format, **options) for name, text in texts
    )
    return ScanSet(reports, folder)

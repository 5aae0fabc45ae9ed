"""Inputs of a scan: files, folders of stories and standard input, read as UTF-8."""

from __future__ import annotations

import stat
import sys
from collections.abc import Iterable
from pathlib import Path, PurePath
from typing import Any, BinaryIO

from ..errors import InputError, Remedy
from .scanner import ScanSet, scan_text

__all__ = [
    "MAX_BYTES",
    "TEXT_SUFFIXES",
    "InputTooLargeError",
    "decode_story",
    "expand_paths",
    "read_bytes",
    "read_source",
    "scan_paths",
]

#: Files a folder scan picks up.
TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm")

#: The largest story read by default, in bytes (about 5 MB: five seconds of scanning); ``max_bytes`` lifts it.
MAX_BYTES = 5_000_000


class InputTooLargeError(InputError):
    """A story longer than the byte limit; the message names the limit, and the remedy is the limit raised.

    >>> error = InputTooLargeError("big.txt", 5_000_000)
    >>> str(error)
    'big.txt is larger than the limit of 5,000,000 bytes for one story; the limit can be raised'
    >>> error.message_for({"max_bytes": "--max-bytes"})
    'big.txt is larger than the limit of 5,000,000 bytes for one story; raise it with --max-bytes'
    """

    def __init__(self, name: str, limit: int) -> None:
        self.name, self.limit = name, limit
        super().__init__(
            f"{name} is larger than the limit of {limit:,} bytes for one story",
            remedy=Remedy("max_bytes", "; raise it with {max_bytes}", "; the limit can be raised"),
        )


#: Files that are no text, known by their first bytes: what they are, by the name's suffix where the bytes are shared.
_BINARY_KINDS: tuple[tuple[bytes, dict[str, str]], ...] = (
    (b"PK\x03\x04", {".docx": "a Word file (.docx)", ".odt": "an OpenDocument text file (.odt)",
                      ".xlsx": "an Excel workbook (.xlsx)", ".pptx": "a PowerPoint file (.pptx)", "": "a zip archive"}),
    (b"\xd0\xcf\x11\xe0", {".doc": "a Word file (.doc)", ".xls": "an Excel workbook (.xls)", "": "an Office file"}),
    (b"%PDF-", {"": "a PDF"}),
)  # fmt: skip


def binary_kind(data: bytes, name: str) -> str | None:
    """What a file that is no text is ("a Word file (.docx)"), from its first bytes; None for anything else.

    >>> binary_kind(b"PK\x03\x04...", "story.DOCX"), binary_kind(b"%PDF-1.7", "x.txt"), binary_kind(b"6,500 lb", "a")
    ('a Word file (.docx)', 'a PDF', None)
    """
    suffix = PurePath(name).suffix.lower()
    for magic, kinds in _BINARY_KINDS:
        if data.startswith(magic):
            return kinds.get(suffix, kinds[""])
    return None


def _decode(data: bytes, name: str) -> str:
    kind = binary_kind(data, name)
    if kind is not None:
        raise InputError(
            f"{name} is {kind}, not text; save it as plain text (.txt) or a web page (.html), or pipe its text in"
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(f"{name} is not UTF-8 text (bad byte at offset {error.start}); convert it to UTF-8") from None


def read_bytes(path: str | Path, stdin: BinaryIO | None = None, *, max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of a file, or of standard input for ``-``, as :func:`read_source` reads them (not decoded).

    A name with a scheme (``s3://bucket/story.txt``, ``file:///srv/story.txt``) is opened with fsspec,
    when it is installed (it comes with the ``dask`` extra).
    """
    if max_bytes < 1:
        raise InputError(f"the byte limit must be a whole number of at least 1, not {max_bytes}", parameter="max_bytes")
    if str(path) == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = stream.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise InputTooLargeError("standard input", max_bytes)
        return data
    if "://" in str(path):
        return _read_url(str(path), max_bytes)
    target = Path(path)
    try:
        mode = target.stat().st_mode
        if stat.S_ISDIR(mode):
            raise InputError(f"{path} is a folder; scan it as a folder of stories")
        if not stat.S_ISREG(mode):
            raise InputError(
                f"{path} is not a regular file (a device, FIFO or socket); scan a file, a folder or - for standard input"
            )
        with target.open("rb") as file:
            data = file.read(max_bytes + 1)
    except FileNotFoundError:
        raise InputError(f"cannot read {path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path} is a folder; scan it as a folder of stories") from None
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror or error}") from None
    if len(data) > max_bytes:
        raise InputTooLargeError(str(path), max_bytes)
    return data


def _read_url(url: str, max_bytes: int) -> bytes:
    """A story named by a URL, read with fsspec (``s3://``, ``gs://``, ``file://``, ``https://`` …)."""
    try:
        import fsspec
    except ImportError:
        raise InputError(
            f"cannot read {url}: reading URLs needs fsspec; install it with: pip install 'doseconv[dask]'"
        ) from None
    try:
        with fsspec.open(url, "rb") as file:
            data = file.read(max_bytes + 1)
    except FileNotFoundError:
        raise InputError(f"cannot read {url}: no such file") from None
    except (OSError, ValueError) as error:
        raise InputError(f"cannot read {url}: {error}") from None
    if len(data) > max_bytes:
        raise InputTooLargeError(url, max_bytes)
    return bytes(data)


def decode_story(data: bytes, name: str) -> str:
    """A story's bytes as text: UTF-8, a leading byte-order mark dropped; other bytes are refused with their offset."""
    return _decode(data, name)


def read_source(path: str | Path, stdin: BinaryIO | None = None, *, max_bytes: int = MAX_BYTES) -> str:
    """The text of a file, or of standard input for ``-``; a leading byte-order mark is dropped.

    Only regular files are read: a FIFO, device or socket is refused (reading one could wait
    forever), and so is a story of more than ``max_bytes`` bytes.

    >>> import io
    >>> read_source("-", io.BytesIO("\\ufeff6,500 pounds".encode("utf-8")))
    '6,500 pounds'
    >>> read_source("/dev/null")
    Traceback (most recent call last):
    ...
    doseconv.errors.InputError: /dev/null is not a regular file (a device, FIFO or socket); scan a file, a folder or - for standard input
    """
    name = "standard input" if str(path) == "-" else str(path)
    return _decode(read_bytes(path, stdin, max_bytes=max_bytes), name)


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
    paths: Iterable[str | Path],
    *,
    format: str = "auto",
    stdin: BinaryIO | None = None,
    max_bytes: int = MAX_BYTES,
    **options: Any,
) -> ScanSet:
    """Scan files, folders of stories (``-`` is standard input); every file is read before any is checked.

    ``max_bytes`` bounds each story (:data:`MAX_BYTES` by default); ``options`` go to
    :func:`~doseconv.scan.scan_text`.
    """
    names, folder = expand_paths(paths)
    texts = [(name, read_source(name, stdin, max_bytes=max_bytes)) for name in names]
    reports = tuple(
        scan_text(text, "<stdin>" if name == "-" else name, format=format, **options) for name, text in texts
    )
    return ScanSet(reports, folder)

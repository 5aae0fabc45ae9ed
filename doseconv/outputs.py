"""Every file doseconv writes (``-o``) is written here: whole or not at all, never over one of its inputs.

The new content goes to a temporary file beside the target, is flushed to the disk, and only then renamed over
the target in one step (``os.replace``), so whatever stops the writing (an error, a full disk, Ctrl+C, a
``SIGTERM``) leaves the target as it was: the old file, or none. A target that is one of the command's inputs
(by any path, links followed) is refused before anything is read or written.

>>> import pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> write_output(folder / "out.txt", "12 pills\\n")
>>> (folder / "out.txt").read_text()
'12 pills\\n'
>>> write_output(folder / "out.txt", "13 pills\\n", inputs=[folder / "out.txt"])
Traceback (most recent call last):
...
doseconv.errors.OutputError: cannot write ...out.txt: it is also an input, and writing it would destroy what was read; name another file
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO

from .errors import OutputError

__all__ = ["atomic_file", "refuse_inputs", "write_output"]

PathLike = str | os.PathLike[str]


def _shown(path: PathLike) -> str:
    """The path as a message shows it: one line, whatever characters it holds."""
    text = os.fspath(path)
    return text if text.isprintable() else repr(text)


def _same(one: Path, other: Path) -> bool:
    try:
        return os.path.samefile(one, other)
    except (OSError, ValueError):
        return False


def refuse_inputs(path: PathLike, inputs: Iterable[PathLike]) -> None:
    """An :class:`~doseconv.errors.OutputError` when ``path`` is one of ``inputs`` (the same file, by any name).

    Call it before the work starts, so that a long run is not made only to be refused at the end.
    """
    target = Path(path)
    if target.is_dir():
        raise OutputError(f"cannot write {_shown(path)}: it is a folder; name a file")
    for given in inputs:
        if _same(target, Path(given)) or os.path.realpath(target) == os.path.realpath(given):
            raise OutputError(
                f"cannot write {_shown(path)}: it is also an input, and writing it would destroy what was read; "
                "name another file"
            )


def _mode_for(target: Path) -> int:
    """The permission bits the new file gets: the old file's, else what the umask allows a new file."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        mask = os.umask(0o022)
        os.umask(mask)
        return 0o666 & ~mask


def _in_place(target: Path) -> bool:
    """A target that cannot be replaced by a rename and holds no file to lose: a device or a pipe (``/dev/stdout``)."""
    try:
        mode = target.stat().st_mode
    except OSError:
        return False
    return stat.S_ISCHR(mode) or stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode)


def _failed(path: PathLike, error: OSError) -> OutputError:
    reason = error.strerror or str(error) or type(error).__name__
    return OutputError(f"cannot write {_shown(path)}: {reason}; the file was not changed")


@contextlib.contextmanager
def atomic_file(path: PathLike, *, inputs: Iterable[PathLike] = ()) -> Iterator[IO[bytes]]:
    """A binary file to write into; it becomes ``path`` only when the ``with`` block ends without an error.

    A link is followed: the file it points to is replaced and the link kept. On any error (an
    :class:`~doseconv.errors.OutputError` for the system's: a missing folder, no permission, a full disk) or
    interruption, the temporary file is removed and ``path`` is left untouched.
    """
    refuse_inputs(path, inputs)
    target = Path(os.path.realpath(path))
    if _in_place(target):
        try:
            with open(target, "wb") as stream:
                yield stream
        except OSError as error:
            raise _failed(path, error) from None
        return
    if not target.parent.is_dir():
        raise OutputError(f"cannot write {_shown(path)}: no folder {_shown(target.parent)}; make it first")
    mode = _mode_for(target)
    try:
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    except OSError as error:
        raise _failed(path, error) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except OSError as error:
        _remove(temporary)
        raise _failed(path, error) from None
    except BaseException:
        _remove(temporary)
        raise


def _remove(temporary: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(temporary)


def write_output(
    path: PathLike,
    content: str | bytes | Callable[[IO[bytes]], object],
    *,
    inputs: Iterable[PathLike] = (),
    encoding: str = "utf-8",
) -> None:
    """Write ``content`` (text, bytes, or a function writing into a binary file) to ``path`` atomically.

    ``inputs`` are the files the content was made from; writing over one of them is refused.
    """
    with atomic_file(path, inputs=inputs) as stream:
        if isinstance(content, str):
            stream.write(content.encode(encoding))
        elif isinstance(content, bytes):
            stream.write(content)
        else:
            content(stream)

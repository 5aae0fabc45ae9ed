"""A claims file's text: how it is read (regular files, UTF-8 with or without a byte-order mark), where its
entries and keys are (one pass over the lines, so an error can name its line), and the type of each key.

Used by :mod:`doseconv.checker.files`; the rules are documented in docs/claims-files.md ("Rules").
"""

from __future__ import annotations

import re
import stat
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ClaimsFileError

__all__ = ["MAX_FILE_BYTES", "FileText", "check_type", "file_kind", "read_claims_text"]

#: A claims file larger than this is refused before it is parsed (the seeds are a few kilobytes).
MAX_FILE_BYTES = 20_000_000

_HEADER = re.compile(r"^\s*\[\[\s*([A-Za-z0-9_-]+)\s*\]\]")
_TABLE = re.compile(r"^\s*\[")
_KEY = re.compile(r"""^\s*(?:"([^"]*)"|'([^']*)'|([A-Za-z0-9_-]+))\s*=""")


def file_kind(path: Path) -> str | None:
    """None for a regular file or folder; otherwise what the path is ("a FIFO", "a device", "missing")."""
    try:
        mode = path.stat().st_mode
    except (OSError, ValueError):
        return "missing"
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


@dataclass(frozen=True)
class FileText:
    """A claims file's path and text, indexed once: where every ``[[table]]`` entry is and on which line.

    Lines are counted as :meth:`str.splitlines` counts them. The line of an entry's ``id`` is found
    in the entry's own text when asked for (each claim asks once); the lines of other keys and of
    top-level keys, which only errors name, from one pass over every line, made on the first such
    question.
    """

    path: Path
    text: str
    #: The text with each line ended by one "\n" whatever ended it, so that lines are counted by "\n".
    lines: str
    #: table name -> one [header line, offset of the header, offset where the entry ends] in ``lines`` per entry.
    entries: dict[str, list[list[int]]]

    @classmethod
    def index(cls, path: Path, text: str) -> FileText:
        lines = text.replace("\r\n", "\n") if "\r" in text else text
        if _OTHER_BREAKS.search(lines) is not None:
            lines = "\n".join(text.splitlines())
        entries: dict[str, list[list[int]]] = {}
        number, last = 1, 0
        entry: list[int] | None = None  # the entry being read: [header line, start, end]
        for match in _OPENS.finditer(lines):
            start = match.start()
            number += lines.count("\n", last, start)
            last = start
            if entry is not None:  # an entry ends where the next entry or table opens
                entry[2] = start
                entry = None
            if match[1] is not None:
                entry = [number, start, len(lines)]
                entries.setdefault(match[1], []).append(entry)
        return cls(path, text, lines, entries)

    def line_of_entry(self, table: str, index: int, key: str | None = None) -> int:
        """The line of entry ``index`` of ``[[table]]`` (its id line), or of ``key`` inside it; 0 when unknown."""
        found = self.entries.get(table, [])
        if index >= len(found):
            return 0
        number, start, end = found[index]
        if key and key != "id":
            return self._keys_by_line()[1][table][index].get(key, number)
        match = _ID.search(self.lines, start, end)
        return number if match is None else number + self.lines.count("\n", start, match.start())

    def line_of_key(self, key: str) -> int:
        """The first line that sets ``key`` outside ``[[tables]]`` (or opens ``[key]``); 0 when unknown."""
        return self._keys_by_line()[0].get(key, 0)

    def _keys_by_line(self) -> tuple[dict[str, int], dict[str, list[dict[str, int]]]]:
        """Every key's first line: outside ``[[tables]]`` (and ``[table]`` names), and per entry; made once."""
        found = self.__dict__.get("_keys")
        if found is None:
            found = _keys_by_line(self.lines)
            object.__setattr__(self, "_keys", found)
        return found  # type: ignore[no-any-return]

    def fail(self, message: str, key: str | None = None, *, at: tuple[str, int, str | None] | None = None) -> Exception:
        """The error naming this file and the line of ``at`` (an entry and key) or of the top-level ``key``."""
        line = self.line_of_entry(*at) if at else self.line_of_key(key) if key else 0
        return ClaimsFileError(f"{self.path}:{line or 1}: {message}")


#: A line that opens an entry (``[[name]]``, group 1) or a table (any other line starting with "[").
_OPENS = re.compile(r"^[^\S\n]*\[(?:\[[^\S\n]*([A-Za-z0-9_-]+)[^\S\n]*\]\])?", re.MULTILINE)
#: A line that sets ``id``.
_ID = re.compile(r"""^[^\S\n]*(?:"id"|'id'|id)[^\S\n]*=""", re.MULTILINE)
#: Characters other than "\n" (and "\r\n") that end a line for :meth:`str.splitlines`.
_OTHER_BREAKS = re.compile("[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


def _keys_by_line(lines: str) -> tuple[dict[str, int], dict[str, list[dict[str, int]]]]:
    """Top-level keys and ``[table]`` names -> first line; table -> per entry, key -> first line."""
    entries: dict[str, list[dict[str, int]]] = {}
    keys: dict[str, int] = {}
    current: dict[str, int] | None = None
    for number, line in enumerate(lines.split("\n"), 1):
        header = _HEADER.match(line)
        if header is not None:
            current = {}
            entries.setdefault(header[1], []).append(current)
            continue
        if _TABLE.match(line):
            current = None
            name = line.strip().strip("[]").strip()
            keys.setdefault(name.split(".")[0], number)
            continue
        key = _KEY.match(line)
        if key is not None:
            name = next(group for group in key.groups() if group is not None)
            (keys if current is None else current).setdefault(name, number)
    return keys, entries


def read_claims_text(path: Path) -> tuple[FileText, dict[str, Any]]:
    """Read and parse a claims file: a regular file of UTF-8 TOML (a leading byte-order mark is allowed)."""
    kind = file_kind(path)
    if kind == "missing":
        raise ClaimsFileError(f"{path}: no such file or folder")
    if kind is not None or path.is_dir():
        raise ClaimsFileError(f"{path}: {kind or 'a folder'}, not a claims file; give a regular file (*.toml)")
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ClaimsFileError(
                f"{path}: {size:,} bytes; a claims file may hold up to {MAX_FILE_BYTES:,} bytes (split it)"
            )
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise ClaimsFileError(f"{path}: cannot read ({error.__class__.__name__}: {error})") from None
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        match = re.search(r"line (\d+)", str(error))
        line = match[1] if match else str(max(len(text.splitlines()), 1))  # "at end of document"
        raise ClaimsFileError(f"{path}:{line}: not valid TOML ({error})") from None
    except RecursionError:
        raise ClaimsFileError(f"{path}:1: not valid TOML (arrays or tables nested too deep)") from None
    return FileText.index(path, text), raw


_TYPE_NAMES = {str: "a string", bool: "true or false", int: "a whole number", float: "a number", list: "an array",
               dict: "a table"}  # fmt: skip


def _toml_type(value: Any) -> str:
    """How TOML calls the type of ``value`` (for error messages)."""
    names = ((bool, "a boolean"), (str, "a string"), (int, "an integer"), (float, "a float"), (list, "an array"),
             (dict, "a table"))  # fmt: skip
    return next((name for kind, name in names if isinstance(value, kind)), "a date or time")


def check_type(value: Any, expected: tuple[type, ...], what: str) -> str | None:
    """None when ``value`` is of one of the ``expected`` types (a bool is never a number), else the error text."""
    if isinstance(value, bool) and bool not in expected:
        ok = False
    else:
        ok = isinstance(value, expected)
    if ok:
        return None
    wanted = " or ".join(_TYPE_NAMES.get(kind, kind.__name__) for kind in expected)
    return f"{what} must be {wanted}, not {_toml_type(value)} ({_short(value)})"


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "…"

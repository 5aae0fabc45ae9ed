"""Excel workbooks (.xlsx) checked before anything parses them: a zip that unpacks within the caps, XML with no
DTD, no text run longer than a cell can be; and an existing workbook's sheets and formulas, so that none is lost.

An .xlsx file is a zip archive of XML parts. A small file can unpack to gigabytes (a "decompression bomb"), and
XML can declare entities that expand without end; openpyxl would meet both only while parsing. Here every part is
unpacked once as a stream, counting its bytes, before openpyxl opens the file.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError, OutputError
from .caps import DEFAULT_CAPS, TableCaps

__all__ = ["WorkbookParts", "check_workbook", "refuse_workbook"]

#: Parts read as XML (every other part is only counted).
_XML_SUFFIXES = (".xml", ".rels", ".vml")
#: Most parts an archive may list.
_MAX_PARTS = 10_000
#: The longest one character can be written in XML: a character reference such as ``&#1114111;``.
_LONGEST_CHARACTER = 10
_CHUNK = 1 << 20
_DTD = (b"<!DOCTYPE", b"<!ENTITY")
_SHEET = re.compile(r"xl/worksheets/[^/]+\.xml")
_SHEET_NAME = re.compile(rb"<(?:\w+:)?sheet\b[^>]*?\bname=\"([^\"]*)\"")
_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")


@dataclass(frozen=True)
class WorkbookParts:
    """What the check found: the sheets' names in order, and whether any worksheet holds a formula."""

    sheets: tuple[str, ...]
    formulas: bool


def _bad(path: object, why: str) -> InputError:
    return InputError(f"cannot read {path}: {why}; give an .xlsx workbook saved by Excel or another spreadsheet")


def check_workbook(path: str | Path, caps: TableCaps = DEFAULT_CAPS) -> WorkbookParts:
    """Unpack every part of a workbook as a stream and refuse it (an :class:`InputError`) when it is not safe to parse.

    Refused: a file that is not a zip archive or is damaged, parts that unpack to more than ``caps.bytes`` in all,
    a compression other than Excel's (deflate), XML that is not UTF-8 or declares a DTD, and a run of text longer
    than any cell ``caps.cell`` characters long could be.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            return _check_archive(path, archive, caps)
    except InputError:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError) as error:
        raise _bad(path, f"it is not a whole .xlsx file ({_first_line(error)})") from None


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def _check_archive(path: object, archive: zipfile.ZipFile, caps: TableCaps) -> WorkbookParts:
    parts = archive.infolist()
    if len(parts) > _MAX_PARTS:
        raise _bad(path, f"its archive lists {len(parts):,} parts")
    total = sum(part.file_size for part in parts)
    if total > caps.bytes:
        raise caps.too_large(path, f"unpacks to {total:,} bytes", f"{caps.bytes:,} bytes of data")
    names = {part.filename for part in parts}
    if "xl/workbook.xml" not in names:
        raise _bad(path, "it holds no workbook (no xl/workbook.xml)")
    sheets: tuple[str, ...] = ()
    formulas = False
    for part in parts:
        if part.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise _bad(path, f"its part {part.filename!r} uses a compression Excel does not write")
        if not part.filename.lower().endswith(_XML_SUFFIXES):
            continue
        found = _scan_part(path, archive, part, caps, keep=part.filename == "xl/workbook.xml")
        if part.filename == "xl/workbook.xml":
            sheets = tuple(m.decode("utf-8", "replace") for m in _SHEET_NAME.findall(found))
        elif _SHEET.fullmatch(part.filename) and found:
            formulas = True
    return WorkbookParts(sheets, formulas)


def _scan_part(path: object, archive: zipfile.ZipFile, part: zipfile.ZipInfo, caps: TableCaps, keep: bool) -> bytes:
    """Stream one XML part: refuse a DTD, another encoding, or a run longer than a cell; what the caller needs back.

    With ``keep`` the part's text is returned (the workbook part, small); otherwise b"f" when it holds a formula.
    """
    longest = caps.cell * _LONGEST_CHARACTER + _LONGEST_CHARACTER
    run = 0  # bytes since the last "<"
    tail = b""
    kept: list[bytes] = []
    formula = False
    with archive.open(part) as stream:
        first = True
        while chunk := stream.read(_CHUNK):
            if first and (chunk[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in chunk[:4]):
                raise _bad(path, f"its part {part.filename!r} is not UTF-8 XML")
            first = False
            window = tail + chunk
            if any(marker in window for marker in _DTD):
                raise _bad(path, f"its part {part.filename!r} declares a DTD, which no spreadsheet writes")
            formula = formula or _FORMULA.search(window) is not None
            run = _longest_run(chunk, run, longest, path, part.filename)
            tail = chunk[-16:]
            if keep:
                kept.append(chunk)
    if keep:
        return b"".join(kept)
    return b"f" if formula else b""


def _longest_run(chunk: bytes, run: int, longest: int, path: object, name: str) -> int:
    """The run of bytes without "<" at the end of ``chunk``; an error when any run reaches ``longest`` bytes.

    A run that long can only be one cell's text (or one attribute) longer than a cell may be. Runs inside the
    chunk are found by looking for "<" in every stretch of ``longest`` bytes, which finds any run of twice that.
    """
    first = chunk.find(b"<")
    if first < 0:
        run += len(chunk)
    else:
        run += first
    if run >= longest:
        raise _bad(path, f"its part {name!r} holds a text longer than a cell may be ({longest:,} bytes)")
    if first < 0:
        return run
    last = chunk.rfind(b"<")
    for start in range(first, last, longest):
        if chunk.find(b"<", start + 1, start + 1 + longest) < 0:
            raise _bad(path, f"its part {name!r} holds a text longer than a cell may be ({longest:,} bytes)")
    return len(chunk) - last - 1


def refuse_workbook(path: str | Path) -> None:
    """An :class:`OutputError` when ``path`` is a workbook writing a table over would lose: other sheets or formulas.

    A missing or empty file, or a workbook of one sheet without formulas, may be replaced.
    """
    target = Path(path)
    try:
        if not target.is_file() or target.stat().st_size == 0:
            return
    except OSError:
        return
    try:
        parts = check_workbook(target)
    except InputError:
        raise OutputError(
            f"cannot write {path}: it exists and is not a workbook doseconv can read; name a new file"
        ) from None
    if len(parts.sheets) > 1:
        shown = ", ".join(repr(s) for s in parts.sheets[:3]) + (", …" if len(parts.sheets) > 3 else "")
        raise OutputError(
            f"cannot write {path}: it is a workbook of {len(parts.sheets)} sheets ({shown}) that writing the table "
            "would drop; name a new file"
        )
    if parts.formulas:
        raise OutputError(
            f"cannot write {path}: it is a workbook with formulas that writing the table would drop; name a new file"
        )

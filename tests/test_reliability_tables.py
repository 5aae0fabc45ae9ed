"""Table files from untrusted sources: no formula reaches a spreadsheet, no file takes unbounded memory, no cell is
misread silently, and every bad file is one line and exit 2."""

from __future__ import annotations

import json
import tracemalloc
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from doseconv.batch.caps import TableCaps
from doseconv.batch.files import read_table
from doseconv.batch.output import escape_formula, table_text
from doseconv.batch.status import Unreadable
from doseconv.batch.workbook import check_workbook
from doseconv.errors import InputError

from .cli import run

WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)


def _one_line_exit_2(result) -> None:
    assert result.code == 2, result.err
    assert result.out == "" and result.err.startswith("Error: ") and result.err.count("\n") == 1, result.err
    assert "Traceback" not in result.err


# Formula injection -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r", "＝", " ="])
def test_every_formula_start_is_escaped(start: str) -> None:
    assert escape_formula(start + "1+1") == "'" + start + "1+1"


def test_a_formula_cell_is_written_to_csv_as_text(capsys, tmp_path: Path) -> None:
    source = tmp_path / "f.csv"
    source.write_text('note,pills,claimed\n=1+1,1000,1000\n"@SUM(A1:A9)",1000,1000\n', encoding="utf-8")
    result = run(capsys, "table", str(source), "-q")
    lines = result.out.splitlines()
    assert lines[1].startswith("'=1+1,1000,1000,checked,consistent,")
    assert lines[2].startswith("'@SUM(A1:A9),1000,1000,checked,consistent,")


def test_a_formula_header_is_escaped_too() -> None:
    frame = pd.DataFrame({'=HYPERLINK("http://x")': ["-cmd|' /C calc'!A0"], "n": [-5]})
    assert table_text(frame, "csv") == '"\'=HYPERLINK(""http://x"")",n\n\'-cmd|\' /C calc\'!A0,-5\n'
    assert table_text(frame, "tsv").splitlines()[1] == "'-cmd|' /C calc'!A0\t-5"  # a number stays a number


def test_a_formula_cell_is_written_to_a_workbook_as_text(capsys, tmp_path: Path) -> None:
    source = tmp_path / "f.csv"
    source.write_text("note,pills,claimed\n=1+1,1000,1000\n", encoding="utf-8")
    target = tmp_path / "o.xlsx"
    assert run(capsys, "table", str(source), "-o", str(target), "-q").code == 0
    cells = next(openpyxl.load_workbook(target).active.iter_rows(min_row=2, max_row=2))
    assert (cells[0].value, cells[0].data_type) == ("=1+1", "s")
    assert "<f>" not in zipfile.ZipFile(target).read("xl/worksheets/sheet1.xml").decode()


def test_json_and_parquet_keep_the_text_as_it_is(capsys, tmp_path: Path) -> None:
    source = tmp_path / "f.csv"
    source.write_text("note,pills,claimed\n=1+1,1000,1000\n", encoding="utf-8")
    result = run(capsys, "table", str(source), "--format", "json", "-q")
    assert json.loads(result.out)[0]["note"] == "=1+1"
    target = tmp_path / "o.parquet"
    assert run(capsys, "table", str(source), "-o", str(target), "-q").code == 0
    assert pd.read_parquet(target)["note"].tolist() == ["=1+1"]


def test_a_control_character_cannot_go_into_a_workbook(capsys, tmp_path: Path) -> None:
    source = tmp_path / "f.csv"
    source.write_text("note,pills,claimed\nbell\x07,1000,1000\n", encoding="utf-8")
    result = run(capsys, "table", str(source), "-o", str(tmp_path / "o.xlsx"), "-q")
    _one_line_exit_2(result)
    assert result.err == (
        "Error: cannot write row 1, column 'note' to a workbook: it holds the control character U+0007, which a "
        "workbook cannot hold; write CSV or Parquet instead\n"
    )
    assert not (tmp_path / "o.xlsx").exists()


def test_markdown_output_copies_no_raw_html_or_link(capsys, tmp_path: Path) -> None:
    source = tmp_path / "f.csv"
    source.write_text('note,pills,claimed\n"<script>x</script> [a](javascript:alert(1))",1000,1000\n')
    out = run(capsys, "table", str(source), "--format", "markdown", "-q").out
    assert "&lt;script&gt;x&lt;/script&gt; \\[a\\](javascript:alert(1))" in out and "<script>" not in out


# Bombs and caps ---------------------------------------------------------------------------------------------------


def _xlsx(path: Path, sheet: bytes | None = None, strings: list[bytes] | None = None, dtd: bool = False) -> Path:
    """A workbook saved by openpyxl with its sheet's rows (``sheet``) and shared strings replaced."""
    plain = path.with_name("plain-" + path.name)
    openpyxl.Workbook().save(plain)
    doctype = b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>' if dtd else b""
    body = sheet or b'<row r="1"><c r="A1" t="s"><v>0</v></c></row>'
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for part in source.infolist():
            if part.filename == "xl/worksheets/sheet1.xml":
                data = (b'<?xml version="1.0"?>' + doctype + b'<worksheet xmlns="http://schemas.openxmlformats.org/'
                        b'spreadsheetml/2006/main"><sheetData>' + body + b"</sheetData></worksheet>")  # fmt: skip
                archive.writestr(part.filename, data)
            else:
                archive.writestr(part, source.read(part))
        with archive.open("xl/sharedStrings.xml", "w") as stream:
            stream.write(b"<sst>")
            for text in strings or [b"pills"]:
                stream.write(b"<si><t>" + text + b"</t></si>")
            stream.write(b"</sst>")
    return path


def _huge_string_workbook(path: Path, megabytes: int) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/worksheets/sheet1.xml", '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v>'
                         "</c></row></sheetData></worksheet>")  # fmt: skip
        with archive.open("xl/sharedStrings.xml", "w") as stream:
            stream.write(b"<sst><si><t>")
            block = b"a" * (1 << 20)
            for _ in range(megabytes):
                stream.write(block)
            stream.write(b"</t></si></sst>")
    return path


def test_a_workbook_with_a_300_mb_string_is_refused_without_unpacking_it(capsys, tmp_path: Path) -> None:
    path = _huge_string_workbook(tmp_path / "bomb.xlsx", 300)
    assert path.stat().st_size < 1_000_000
    tracemalloc.start()
    try:
        result = run(capsys, "table", str(path))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    _one_line_exit_2(result)
    assert result.err == (
        f"Error: cannot read {path}: its part 'xl/sharedStrings.xml' holds a text longer than a cell may be "
        "(327,680 bytes); give an .xlsx workbook saved by Excel or another spreadsheet\n"
    )
    assert peak < 30_000_000  # a few chunks of the stream, never the string


def test_the_unpacked_size_cap_is_read_from_the_archive(tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "big.xlsx", strings=[b"x" * 1000] * 3000)
    with pytest.raises(InputError) as caught:
        check_workbook(path, TableCaps(bytes=1_000_000))
    assert str(caught.value).startswith(f"cannot read {path}: it unpacks to 3,0")
    assert str(caught.value).endswith("bytes; a table may have at most 1,000,000 bytes of data")
    assert check_workbook(path).sheets == ("Sheet",)


def test_a_workbook_declaring_a_dtd_is_refused(capsys, tmp_path: Path) -> None:
    result = run(capsys, "table", str(_xlsx(tmp_path / "dtd.xlsx", dtd=True)))
    _one_line_exit_2(result)
    assert "its part 'xl/worksheets/sheet1.xml' declares a DTD, which no spreadsheet writes" in result.err


@pytest.mark.parametrize(
    "content",
    [b"PK\003\004x", b"", b"PK\005\006" + b"\0" * 18, b"not a zip at all", b"PK\003\004" + b"\xff" * 200],
)
def test_a_damaged_workbook_is_one_line(capsys, tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "r.xlsx"
    path.write_bytes(content)
    _one_line_exit_2(run(capsys, "table", str(path)))


def test_a_workbook_missing_its_sheet_is_one_line(capsys, tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/workbook.xml", WORKBOOK)
    _one_line_exit_2(run(capsys, "table", str(path)))


@pytest.mark.parametrize("suffix", [".csv", ".tsv", ".xlsx", ".parquet"])
def test_rows_columns_and_cells_are_capped_in_every_format(tmp_path: Path, suffix: str) -> None:
    frame = pd.DataFrame({"pills": ["1000"] * 5, "doses": ["x" * 50] * 5})
    path = tmp_path / f"t{suffix}"
    if suffix == ".xlsx":
        frame.to_excel(path, index=False)
    elif suffix == ".parquet":
        frame.to_parquet(path)
    else:
        frame.to_csv(path, index=False, sep="," if suffix == ".csv" else "\t")
    assert len(read_table(path)) == 5
    with pytest.raises(InputError, match="it has more than 4 rows; a table may have at most 4 rows"):
        read_table(path, TableCaps(rows=4))
    with pytest.raises(InputError, match="a table may have at most 1 columns"):
        read_table(path, TableCaps(columns=1))
    with pytest.raises(InputError, match=r"has 50 characters in .*; a table may have at most 49 in a cell"):
        read_table(path, TableCaps(cell=49))


def test_a_csv_cell_past_the_field_limit_is_one_line(capsys, tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("pills,doses\n1," + "9" * 200_000 + "\n")
    result = run(capsys, "table", str(path))
    _one_line_exit_2(result)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "it is empty; a table starts with a row of headers"),
        (b"pills,doses\n\xff\xfe,1\n", "line 2 is not UTF-8 (byte 0xff); save the file as UTF-8"),
    ],
)
def test_bad_csv_bytes_are_one_line(capsys, tmp_path: Path, content: bytes, message: str | None) -> None:
    path = tmp_path / "t.csv"
    path.write_bytes(content)
    result = run(capsys, "table", str(path))
    _one_line_exit_2(result)
    if message is not None:
        assert result.err == f"Error: cannot read {path}: {message}\n"


def test_a_damaged_parquet_file_is_one_line(capsys, tmp_path: Path) -> None:
    path = tmp_path / "t.parquet"
    path.write_bytes(b"PAR1" + b"\0" * 50 + b"PAR1")
    _one_line_exit_2(run(capsys, "table", str(path)))


# Cells never misread ----------------------------------------------------------------------------------------------


def test_a_line_longer_than_the_header_is_unreadable_and_keeps_its_cells(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("note,pills,doses\na,44,000,1000\nb,5,5\n")
    frame = read_table(path)
    cells = frame.iloc[0].tolist()
    assert all(isinstance(c, Unreadable) for c in cells)
    assert [c.cell for c in cells] == ["a", "44", "000,1000"]
    assert cells[0].why == (
        'line 2 has 4 cells but the header has 3; a figure with an unquoted comma (44,000)? quote it ("44,000")'
    )
    assert frame.iloc[1].tolist() == ["b", "5", "5"]


def _statuses(capsys, path: Path) -> list[str]:
    """The status of each row of ``doseconv table PATH``, which checks every row it can (exit 0 here)."""
    result = run(capsys, "table", str(path), "--format", "json", "-q")
    assert result.code == 0, result.err
    return [row["status"] for row in json.loads(result.out)]


def test_a_ragged_first_row_shifts_nothing(capsys, tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("pills,doses\n44,000,1000\n1000,1000\n")
    assert _statuses(capsys, path) == [
        "unreadable: column 'pills': line 2 has 3 cells but the header has 2; a figure with an unquoted comma "
        '(44,000)? quote it ("44,000")',
        "checked",
    ]


def test_a_quote_left_open_makes_its_row_unreadable(capsys, tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_bytes(b'pills,doses\n1000,1000\n"1,2\n')
    assert _statuses(capsys, path)[0] == "checked"
    assert _statuses(capsys, path)[1].startswith("unreadable: column 'pills': ")


def _book(path: Path, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def test_true_in_a_pills_column_is_never_one_pill(capsys, tmp_path: Path) -> None:
    path = _book(tmp_path / "t.xlsx", [["pills", "doses"], [1000, 1000], [True, 1000]])
    frame = read_table(path)
    assert frame["pills"].tolist() == [1000, True] and frame["pills"].map(type).tolist() == [int, bool]
    assert _statuses(capsys, path) == [
        "checked",
        "unreadable: column 'pills': TRUE is a true/false value, not a figure",
    ]


def test_a_formula_with_no_stored_value_is_unreadable_not_empty(capsys, tmp_path: Path) -> None:
    path = _book(tmp_path / "t.xlsx", [["pills", "doses"], [1000, 1000], [1000, "=A3*1"]])  # openpyxl stores none
    cell = read_table(path)["doses"][1]
    assert isinstance(cell, Unreadable) and cell.cell == "=A3*1"
    assert _statuses(capsys, path) == [
        "checked",
        "unreadable: column 'doses': a formula with no stored value (=A3*1); open the file in a spreadsheet and save it",
    ]


def test_a_formula_with_its_stored_value_is_read_as_that_value(tmp_path: Path) -> None:
    sheet = b'<row r="1"><c r="A1" t="inlineStr"><is><t>pills</t></is></c></row><row r="2"><c r="A2"><f>1+1</f><v>2</v></c></row>'
    path = _xlsx(tmp_path / "t.xlsx", sheet=sheet)
    assert read_table(path)["pills"].tolist() == [2]


def test_declared_dimensions_are_not_trusted(tmp_path: Path) -> None:
    sheet = b'<row r="1"><c r="A1" t="inlineStr"><is><t>pills</t></is></c></row><row r="2"><c r="A2"><v>5</v></c></row>'
    path = _xlsx(tmp_path / "t.xlsx", sheet=sheet.replace(b"<row", b'<dimension ref="A1:XFD1048576"/><row', 1))
    frame = read_table(path)
    assert frame.shape == (1, 1)

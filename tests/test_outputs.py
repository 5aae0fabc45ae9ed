"""Every ``-o``: written whole or not at all, never over an input, never dropping a workbook's other sheets."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import openpyxl
import pytest

from doseconv.errors import DoseconvError, OutputError
from doseconv.outputs import atomic_file, refuse_inputs, write_output

from .cli import run

CSV = "pills,doses claimed\n1000,1000\n2000,2000\n"


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


def test_a_file_is_written_and_no_temporary_file_is_left(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    write_output(target, "new\n")
    assert target.read_text() == "new\n"
    write_output(target, b"newer\n")
    assert target.read_bytes() == b"newer\n"
    assert _leftovers(tmp_path) == []


def test_a_new_file_gets_the_umask_mode_and_a_replaced_file_keeps_its_mode(tmp_path: Path) -> None:
    mask = os.umask(0o027)
    try:
        write_output(tmp_path / "new.txt", "x")
    finally:
        os.umask(mask)
    assert (tmp_path / "new.txt").stat().st_mode & 0o777 == 0o640
    kept = tmp_path / "kept.txt"
    kept.write_text("old")
    kept.chmod(0o604)
    write_output(kept, "new")
    assert kept.stat().st_mode & 0o777 == 0o604


@pytest.mark.parametrize("failure", [ValueError("half way"), KeyboardInterrupt(), OSError(errno.ENOSPC, "full")])
def test_an_interrupted_write_leaves_the_old_file(tmp_path: Path, failure: BaseException) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old\n")

    def half(stream) -> None:
        stream.write(b"new, half")
        raise failure

    with pytest.raises(type(failure) if not isinstance(failure, OSError) else OutputError):
        write_output(target, half)
    assert target.read_text() == "old\n"
    assert _leftovers(tmp_path) == []


def test_a_full_disk_is_one_line_naming_the_file_and_saying_it_was_not_changed(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old\n")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OutputError) as caught:
        write_output(target, "new\n")
    assert str(caught.value) == f"cannot write {target}: No space left on device; the file was not changed"
    assert isinstance(caught.value, OSError) and isinstance(caught.value, DoseconvError)
    assert target.read_text() == "old\n" and _leftovers(tmp_path) == []


def test_an_output_that_is_an_input_is_refused_by_any_name(tmp_path: Path, monkeypatch) -> None:
    source = tmp_path / "v.csv"
    source.write_text(CSV)
    (tmp_path / "link.csv").symlink_to(source)
    os.link(source, tmp_path / "hard.csv")
    monkeypatch.chdir(tmp_path)
    for name in ("v.csv", str(source), "./v.csv", "link.csv", "hard.csv", "../" + tmp_path.name + "/v.csv"):
        with pytest.raises(OutputError, match="it is also an input, and writing it would destroy what was read"):
            refuse_inputs(name, [source])
    refuse_inputs("other.csv", [source])


def test_a_link_is_followed_and_kept(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_text("old")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    write_output(link, "new")
    assert link.is_symlink() and real.read_text() == "new"


def test_a_device_or_pipe_is_written_in_place(tmp_path: Path) -> None:
    write_output("/dev/null", "anything")  # not replaced by a regular file
    assert Path("/dev/null").is_char_device()
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = subprocess.Popen(
        [sys.executable, "-c", f"print(open({str(fifo)!r}).read(), end='')"], stdout=subprocess.PIPE
    )
    write_output(fifo, "through the pipe")
    assert reader.communicate(timeout=10)[0] == b"through the pipe"


def test_a_missing_folder_or_a_folder_as_target_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(OutputError) as caught:
        write_output(tmp_path / "no" / "out.csv", "x")
    assert str(caught.value) == f"cannot write {tmp_path}/no/out.csv: no folder {tmp_path}/no; make it first"
    with pytest.raises(OutputError, match="it is a folder; name a file"):
        write_output(tmp_path, "x")


def test_a_newline_in_the_target_name_stays_on_one_line(tmp_path: Path) -> None:
    with pytest.raises(OutputError) as caught:
        write_output(tmp_path / "no\nfolder" / "out.csv", "x")
    assert "\n" not in str(caught.value)


def test_the_stream_is_only_renamed_when_the_block_ends(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    with atomic_file(target) as stream:
        stream.write(b'{"a": 1}\n')
        assert not target.exists() and len(_leftovers(tmp_path)) == 1
    assert target.read_bytes() == b'{"a": 1}\n'


def test_table_output_equal_to_its_input_is_refused_before_reading(capsys, tmp_path: Path) -> None:
    source = tmp_path / "v.csv"
    source.write_text(CSV)
    result = run(capsys, "table", str(source), "-o", str(source))
    assert result.code == 2 and result.out == ""
    assert result.err == (
        f"Error: cannot write {source}: it is also an input, and writing it would destroy what was read; "
        "name another file\n"
    )
    assert source.read_text() == CSV


def _workbook(path: Path, sheets: tuple[str, ...], formula: bool = False) -> None:
    book = openpyxl.Workbook()
    book.active.title = sheets[0]
    book.active.append(["pills", "doses"])
    book.active.append([1000, "=A2*1" if formula else 1000])
    for name in sheets[1:]:
        book.create_sheet(name).append(["notes kept here"])
    book.save(path)


def test_a_workbook_with_other_sheets_or_formulas_is_not_replaced(capsys, tmp_path: Path) -> None:
    source = tmp_path / "v.csv"
    source.write_text(CSV)
    target = tmp_path / "desk.xlsx"
    _workbook(target, ("Seizures", "Notes", "Totals"))
    before = target.read_bytes()
    result = run(capsys, "table", str(source), "-o", str(target), "-q")
    assert result.code == 2
    assert result.err == (
        f"Error: cannot write {target}: it is a workbook of 3 sheets ('Seizures', 'Notes', 'Totals') that writing "
        "the table would drop; name a new file\n"
    )
    _workbook(target, ("Seizures",), formula=True)
    before = target.read_bytes()
    result = run(capsys, "table", str(source), "-o", str(target), "-q")
    assert result.code == 2 and "it is a workbook with formulas that writing the table would drop" in result.err
    assert target.read_bytes() == before


def test_a_workbook_of_one_plain_sheet_is_replaced(capsys, tmp_path: Path) -> None:
    source = tmp_path / "v.csv"
    source.write_text(CSV)
    target = tmp_path / "checked.xlsx"
    assert run(capsys, "table", str(source), "-o", str(target), "-q").code == 0
    assert run(capsys, "table", str(source), "-o", str(target), "-q").code == 0  # its own output, written again
    rows = list(openpyxl.load_workbook(target).active.values)
    assert rows[0][:4] == ("pills", "doses claimed", "status", "verdict") and len(rows) == 3


def test_a_chart_is_written_whole(tmp_path: Path, monkeypatch) -> None:
    pytest.importorskip("matplotlib")
    from doseconv.chart import save_chart, sensitivity_chart

    target = tmp_path / "claim.svg"
    target.write_text("old")
    figure = sensitivity_chart(None, "10 kg", "500,000 doses")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OutputError):
        save_chart(figure, target)
    assert target.read_text() == "old" and _leftovers(tmp_path) == []
    monkeypatch.undo()
    save_chart(figure, target)
    assert target.read_text().startswith("<?xml")


def _big_table(path: Path, rows: int) -> None:
    path.write_text("pills,doses claimed\n" + "".join(f"{i},{i}\n" for i in range(1, rows + 1)))


def test_sigterm_during_table_output_keeps_the_target_whole(tmp_path: Path) -> None:
    source = tmp_path / "big.csv"
    _big_table(source, 20_000)
    target = tmp_path / "out.csv"
    target.write_text("old\n")
    doseconv = Path(sys.executable).with_name("doseconv")
    process = subprocess.Popen([str(doseconv), "table", str(source), "-o", str(target), "-q"], stderr=subprocess.PIPE)
    time.sleep(1.0)
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=60)
    text = target.read_text()
    assert text == "old\n" or text.count("\n") == 20_001
    assert b"Traceback" not in err
    assert process.returncode in (0, 143, -signal.SIGTERM)  # -15: stopped before the command started
    assert _leftovers(tmp_path) == []

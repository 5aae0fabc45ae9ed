"""Claims files and the files ``verify`` reads: every key type-checked, errors naming file and line, linear
time in the number of claims, regular files only, set files only inside the claims file's folder."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest

from doseconv.checker.files import load_claims_file
from doseconv.checker.verify import verify_paths
from doseconv.errors import ClaimsFileError, OutsideSetError

from .cli import run

SETS = Path(__file__).resolve().parents[1] / "doseconv" / "data" / "assumptions"

# The claim starts at line 19; its keys follow.
BASE = """\
schema = 1

[source]
publisher = "Test publisher"
title = "Operation test"
date = "2024"

[[figures]]
id = "pills"
text = "nearly 44 million pills"
kind = "pills"

[[figures]]
id = "doses"
text = "nearly 193 million doses"
kind = "doses"

[[claims]]
id = "c1"
total = "doses"
pills = "pills"
expect = "implausible"
"""


def write(folder: Path, text: str, name: str = "claims.toml") -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def refused(path: Path, pattern: str) -> None:
    with pytest.raises(ClaimsFileError) as caught:
        load_claims_file(path)
    message = str(caught.value)
    assert re.fullmatch(re.escape(f"{path}:") + pattern, message), message
    assert "\n" not in message


@pytest.mark.parametrize(
    ("old", "new", "pattern"),
    [
        ("schema = 1", "schema = true", r"1: schema must be a whole number, not a boolean \(True\)"),
        ("schema = 1", "schema = 1.0", r"1: schema must be a whole number, not a float \(1\.0\)"),
        ('kind = "pills"', 'kind = "pills"\nexact = "yes"', r"12: figure 'pills': exact must be true or false, .*"),
        ('kind = "pills"', "kind = 5", r"11: figure 'pills': kind must be a string, not an integer \(5\)"),
        ('kind = "pills"', 'kind = "pills"\nnote = 1979-05-27', r"12: figure 'pills': note must be a string, not a date.*"),
        ('date = "2024"', "date = 2024-01-01", r"6: \[source\] date must be a string, not a date or time .*"),
        ("[source]", 'scopes = 5\n\n[source]', r"3: scopes must be a table, not an integer \(5\)"),
        ("[source]", 'scopes = {national = 5}\n\n[source]', r"3: scope 'national' must be a table, .*"),
        ('expect = "implausible"', 'expect = "implausible"\nexpect_methods = "pills-only"',
         r"23: claim 'c1': expect_methods must be an array, not a string \('pills-only'\)"),
        ('expect = "implausible"', 'expect = "implausible"\nexpect_methods = [["pills-only"]]',
         r"23: claim 'c1': each of expect_methods must be a string, not an array \(\['pills-only'\]\)"),
        ('expect = "implausible"', "expect = true", r"22: claim 'c1': expect must be a string, not a boolean \(True\)"),
        ('pills = "pills"', "pills = 44", r"21: claim 'c1': pills must be a string, not an integer \(44\)"),
        ('id = "c1"', "id = 1", r"19: claim id must be a string, not an integer \(1\)"),
        ('expect = "implausible"', 'expect = "implausible"\npurity = true', r"23: claim 'c1': purity must be .*"),
        ('expect = "implausible"', 'expect = "implausible"\nlethal_dose = 2', r"23: claim 'c1': lethal_dose must be a string.*"),
        ('expect = "implausible"', 'expect = "implausible"\nassumptions = ["pure"]', r"23: claim 'c1': assumptions .*"),
    ],
)  # fmt: skip
def test_every_key_is_type_checked_and_named_with_its_line(tmp_path: Path, old: str, new: str, pattern: str) -> None:
    """A value of the wrong TOML type is refused (never coerced: true is not 1, "yes" is not true)."""
    assert BASE.count(old) == 1
    refused(write(tmp_path, BASE.replace(old, new, 1)), pattern)


@pytest.mark.parametrize(
    ("text", "pattern"),
    [
        ('[claims]\nid = "c1"\ntotal = "doses"\n', r"8: \[\[claims\]\] must be an array, not a table .*write each entry as \[\[claims\]\]\)"),
        ('figures = "x"\n', r"2: \[\[figures\]\] must be an array, not a string .*"),
        ("claims = [1, 2]\n", r"2: each entry of claims must be a table \(\[\[claims\]\]\), not 1"),
        ("figures = [[1]]\n", r"2: each entry of figures must be a table \(\[\[figures\]\]\), not \[1\]"),
    ],
)  # fmt: skip
def test_tables_and_arrays_of_the_wrong_shape_are_refused(tmp_path: Path, text: str, pattern: str) -> None:
    head = BASE.split("[[figures]]")[0]
    if text.startswith("["):
        refused(write(tmp_path, head + text), pattern)
    else:  # a top-level key, before [source]
        refused(write(tmp_path, head.replace("schema = 1\n", "schema = 1\n" + text, 1)), pattern)


def test_nesting_thousands_deep_is_a_toml_error_not_a_crash(tmp_path: Path) -> None:
    deep = write(tmp_path, "schema = 1\nx = " + "[" * 5000 + "]" * 5000 + "\n")
    refused(deep, r"1: not valid TOML \(arrays or tables nested too deep\)")
    inline = write(tmp_path, "schema = 1\nx = " + "{a = " * 3000 + "1" + "}" * 3000 + "\n", "inline.toml")
    refused(inline, r"1: not valid TOML \(arrays or tables nested too deep\)")


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + BASE.encode("utf-8"))
    (result,) = verify_paths([str(path)])
    assert result.ok and result.result.verdict == "implausible" and result.claim.line == 19


def test_ten_thousand_claims_load_in_linear_time_with_their_lines(tmp_path: Path) -> None:
    """Line numbers come from one pass over the file: 10,000 claims load in well under the old quadratic minutes."""
    claims = "".join(f'\n[[claims]]\nid = "c{i}"\ntotal = "doses"\npills = "pills"\n' for i in range(2, 10_002))
    path = write(tmp_path, BASE + claims + "\n[[claims]]\nid = 'last'\ntotal = 'doses'\npills = 'dose'\n")
    started = time.perf_counter()
    with pytest.raises(ClaimsFileError) as caught:
        load_claims_file(path)
    assert time.perf_counter() - started < 10  # quadratic line search took about 150 s here
    last = 23 + 5 * 10_000 + 4
    assert str(caught.value) == f"{path}:{last}: claim 'last': pills 'dose' is not a figure id in this file"
    good = load_claims_file(write(tmp_path, BASE + claims, "good.toml"))
    assert len(good.claims) == 10_001 and good.claims[-1].line == 23 + 5 * 9_999 + 2


def test_verify_refuses_fifos_and_devices(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A FIFO with no writer would block forever: it is refused without being opened."""
    fifo = tmp_path / "claims.toml"
    os.mkfifo(fifo)
    done = run(capsys, "verify", str(fifo))
    assert (done.code, done.out) == (2, "")
    assert (
        done.err
        == f"Error: {fifo}: a FIFO (named pipe), not a claims file or folder; give a regular file or a folder\n"
    )
    device = run(capsys, "verify", "/dev/null")
    assert device.code == 2 and device.err == (
        "Error: /dev/null: a device, not a claims file or folder; give a regular file or a folder\n"
    )
    write(tmp_path, BASE, "real.toml")
    (only,) = verify_paths([str(tmp_path)])  # a folder's FIFO is passed over, its files read
    assert Path(only.file.path).name == "real.toml"
    with pytest.raises(ClaimsFileError, match="a FIFO"):
        load_claims_file(fifo)


def with_set(value: str) -> str:
    return BASE.replace('expect = "implausible"', f'expect = "implausible"\nassumptions = "{value}"')


def test_set_files_are_read_only_inside_the_claims_files_folder(tmp_path: Path) -> None:
    folder = tmp_path / "desk"
    write(folder, (SETS / "dea-2023.toml").read_text("utf-8"), "sets/local.toml")
    (inside,) = verify_paths([str(write(folder, with_set("sets/local.toml")))])
    assert inside.result.assumptions.name == "dea-2023" and inside.result.assumptions.path == str(
        (folder / "sets" / "local.toml").resolve()
    )
    write(tmp_path, (SETS / "dea-2023.toml").read_text("utf-8"), "outside.toml")
    for value in ("/etc/passwd", "../outside.toml", "../../../../../../etc/passwd", str(tmp_path / "outside.toml")):
        path = write(folder, with_set(value), "bad.toml")
        with pytest.raises(OutsideSetError) as caught:
            load_claims_file(path)
        assert str(caught.value) == (
            f"{path}:23: claim 'c1': assumptions {value!r} is outside the claims file's folder "
            f"{folder.resolve()}; name a bundled set or put the set file in that folder, or allow sets outside it"
        )
    (folder / "link.toml").symlink_to(tmp_path / "outside.toml")  # a link inside that points outside
    with pytest.raises(OutsideSetError):
        load_claims_file(write(folder, with_set("link.toml"), "linked.toml"))
    (allowed,) = verify_paths([str(write(folder, with_set("../outside.toml"), "ok.toml"))], allow_outside_sets=True)
    assert allowed.result.assumptions.name == "dea-2023"


def test_outside_sets_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, with_set("/etc/passwd"))
    done = run(capsys, "verify", str(path))
    assert (done.code, done.out) == (2, "")
    assert done.err.endswith("or put the set file in that folder, or give --allow-outside-sets\n")
    allowed = run(capsys, "verify", str(path), "--allow-outside-sets")
    assert allowed.code == 2 and "/etc/passwd: not valid TOML" in allowed.err  # read, then refused as a set
    missing = run(capsys, "verify", str(write(tmp_path, with_set("nope.toml"), "missing.toml")))
    assert missing.code == 2 and missing.err.startswith(
        f"Error: {tmp_path / 'missing.toml'}:23: claim 'c1': unknown assumption set 'nope.toml' (no such file); "
    )


def test_a_set_read_from_a_file_is_labelled_by_path_and_hash(tmp_path: Path, capsys, monkeypatch) -> None:
    """A local file named like a bundled set is never shown under the bundled set's name alone."""
    import hashlib

    data = (SETS / "dea-2022.toml").read_text("utf-8").replace('title = "', 'title = "Local copy of ', 1)
    local = write(tmp_path, data, "dea-2022.toml")
    digest = hashlib.sha256(local.read_bytes()).hexdigest()[:12]
    monkeypatch.chdir(tmp_path)
    args = ["check", "--pills", "nearly 44 million pills", "--claim", "nearly 193 million doses"]
    done = run(capsys, *args, "--assumptions", "dea-2022.toml")
    assert f"(dea-2022 from dea-2022.toml (sha256 {digest}), one-per-pill)" in done.out.splitlines()[2]
    assert f"under dea-2022 from dea-2022.toml (sha256 {digest}) (" in done.out and "under dea-2022 (" not in done.out
    bundled = run(capsys, *args, "--assumptions", "dea-2022")
    assert bundled.out.splitlines()[2].endswith("(dea-2022, one-per-pill)")
    write(tmp_path, with_set("dea-2022.toml"))
    checked = run(capsys, "verify", "claims.toml")
    assert f"     set: dea-2022 from {local.resolve()} (sha256 {digest})" in checked.out.splitlines()


def test_a_set_file_is_read_once_per_claims_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Many claims naming one set file read it once, when the claims file is loaded, and are checked with it."""
    import doseconv.checker.files as files

    write(tmp_path, (SETS / "dea-2023.toml").read_text("utf-8"), "local.toml")
    more = "".join(
        f'\n[[claims]]\nid = "c{i}"\ntotal = "doses"\npills = "pills"\nassumptions = "local.toml"\n' for i in (2, 3)
    )
    path = write(tmp_path, with_set("local.toml") + more)
    reads: list[str] = []
    real = files.load_set
    monkeypatch.setattr(files, "load_set", lambda name: reads.append(name) or real(name))
    results = verify_paths([str(path)])
    assert reads == [str((tmp_path / "local.toml").resolve())]
    assert [v.result.assumptions.name for v in results] == ["dea-2023"] * 3
    broken = write(tmp_path, "schema = 2\n", "broken.toml")
    with pytest.raises(
        ClaimsFileError, match=rf"^{re.escape(str(path))}:23: claim 'c1': {re.escape(str(broken.resolve()))}: "
    ):
        load_claims_file(write(tmp_path, with_set("broken.toml")))

"""Hostile and unlucky input to the scanner: linear time, bounded output, files it must refuse, no internal errors.

Each timing test runs an input that took tens of seconds or more before the scanner became
linear (a quadratic path at these sizes), under a bound a linear scan meets many times over
even on a loaded machine.
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from doseconv.errors import DoseconvError, InputError
from doseconv.scan import ScanSet, read_source, scan_paths, scan_text
from doseconv.scan.report import MAX_FIGURES, render
from doseconv.scan.scanner import MAX_CLAIMS
from doseconv.scan.sources import MAX_BYTES, InputTooLargeError
from doseconv.scan.text import read_document

from .cli import run


def _seconds(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


# --- quadratic paths, now linear ----------------------------------------------------------


@pytest.mark.parametrize(
    "unit",
    [
        "5 pills, ",  # the drug words of the sentence were read again for every figure
        "5 doses, 5 pills, ",  # every dose figure compared itself with every figure of its sentence
        "in 2020 5 pills, in Ohio 5 doses, ",  # every figure weighed every scope word of its sentence
    ],
)
def test_figure_dense_sentence_without_full_stop_scans_in_linear_time(unit: str) -> None:
    text = unit * (30_000 // len(unit))  # 30 KB: about 25 s when quadratic, under a second when linear
    seconds = _seconds(lambda: scan_text(text, run_checks=False, max_claims=10**6))
    assert seconds < 8


@pytest.mark.parametrize(
    ("text", "format"),
    [
        ("<a " * 140_000, "html"),  # an unclosed tag scanned to the end of the input, once per tag
        ("<!" * 200_000, "html"),
        ("<?" * 200_000, "html"),
        ("<script" * 60_000, "html"),
        ("[x](y" * 40_000, "markdown"),  # an unclosed link destination, likewise
        ("[" * 200_000, "markdown"),
        ("](" * 100_000, "markdown"),
        ("x" + " " * 200_000 + "x", "markdown"),  # a run of spaces tried as a closing heading mark
        ("." * 200_000, "plain"),  # a run of full stops tried as a sentence end from each stop
    ],
    ids=["<a", "<!", "<?", "<script", "[x](y", "[", "](", "spaces", "stops"],
)
def test_unclosed_markup_strips_in_linear_time(text: str, format: str) -> None:
    assert _seconds(lambda: read_document(text, "story", format)) < 5


def test_markup_that_closes_is_still_stripped() -> None:
    doc = read_document('<p title="a>b">6,500 <a href="x">pounds</a><!-- c --></p><?php x ?>', format="html")
    assert doc.text == "\n\n6,500 pounds\n\n"
    md = read_document("Seized [6,500 pounds](https://x.test/a_b) in *2023*", format="markdown")
    assert md.text == "Seized 6,500 pounds in 2023"


def test_scope_of_many_operations_is_linear() -> None:
    text = "".join(f"Operation Alpha{i} Bravo seized 5 pills. " for i in range(4000))  # about 16 s when quadratic
    assert _seconds(lambda: scan_text(text, run_checks=False)) < 8


# --- inputs in a nearby sentence are still found the documented way -----------------------


def test_grouping_prefers_the_nearest_input_before_the_dose_figure() -> None:
    (claim,) = scan_text("Agents seized 3 pills and 4 pills, equal to 4 doses, then 5 pills.", run_checks=False).claims
    assert claim.draft.pills is not None and claim.draft.pills.text == "4 pills"


# --- bounded output -----------------------------------------------------------------------


def test_claims_past_the_limit_are_counted_not_checked() -> None:
    report = scan_text("5 pills, equal to 5 doses. " * 30, max_claims=10)
    assert (len(report.claims), report.claims_not_checked) == (10, 20)
    text = render(ScanSet((report,)), "text", names={"max_claims": "--max-claims"})
    assert (
        "20 dose figures not checked: at most 10 claims are checked in one story (raise the limit with --max-claims)."
        in text
    )
    assert report.to_dict()["summary"]["claims_not_checked"] == 20


def test_figures_past_the_limit_are_counted_not_listed() -> None:
    report = scan_text("5 pills, " * 50, run_checks=False)
    for output in ("text", "markdown"):
        out = render(ScanSet((report,)), output, max_figures=7)
        assert "43 more figures not listed: at most 7 figures are listed for one story" in out
        rows = re.findall(r"^(?:\s+\d+\s+\d+-\d+|\| \d+ \| \d+–\d+) ", out, re.MULTILINE)
        assert len(rows) == 7
    data = json.loads(render(ScanSet((report,)), "json", max_figures=7))
    file = data["files"][0]
    assert (len(file["figures"]), file["summary"]["figures"], file["summary"]["figures_not_listed"]) == (7, 50, 43)
    assert data["summary"]["figures"] == 50


def test_json_of_figure_dense_text_is_bounded(capsys, tmp_path) -> None:
    path = tmp_path / "dense.txt"
    path.write_text("5 pills, 5 doses, " * 2_000, encoding="utf-8")  # 36 KB, 4,000 figures, no full stop
    result = run(capsys, "scan", str(path), "--format", "json")
    assert result.code in (0, 1) and result.err == ""
    data = json.loads(result.out)
    assert len(data["files"][0]["figures"]) == MAX_FIGURES
    assert data["files"][0]["summary"]["claims_not_checked"] == 2_000 - MAX_CLAIMS
    assert len(result.out) < 3_000_000  # was about 85 times the input: a sentence copied into every figure
    assert max(len(f["sentence"]) for f in data["files"][0]["figures"]) <= 600


def test_limits_on_the_command_line_are_the_library_defaults(capsys) -> None:
    result = run(capsys, "scan", "--help")
    assert all(str(n) in result.out for n in (MAX_CLAIMS, MAX_FIGURES, MAX_BYTES))


def test_limits_below_their_minimum_are_refused(capsys, tmp_path) -> None:
    path = tmp_path / "s.txt"
    path.write_text("5 pills", encoding="utf-8")
    for option, value in (("--max-claims", "-1"), ("--max-figures", "-1"), ("--max-bytes", "0")):
        result = run(capsys, "scan", str(path), option, value)
        assert result.code == 2 and result.err.startswith("Error: ") and len(result.err.splitlines()) == 1


# --- input size -----------------------------------------------------------------------------


def test_a_story_over_the_byte_limit_is_refused_naming_the_limit_and_option(capsys, tmp_path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("x" * 101, encoding="utf-8")
    result = run(capsys, "scan", str(path), "--max-bytes", "100")
    assert result.code == 2
    assert result.err == (
        f"Error: {path} is larger than the limit of 100 bytes for one story; raise it with --max-bytes\n"
    )
    assert run(capsys, "scan", str(path), "--max-bytes", "101").code == 0


def test_standard_input_over_the_byte_limit_is_refused() -> None:
    with pytest.raises(InputTooLargeError, match="standard input is larger than the limit of 5 bytes"):
        read_source("-", io.BytesIO(b"123456"), max_bytes=5)
    assert read_source("-", io.BytesIO(b"12345"), max_bytes=5) == "12345"


# --- files that are not files ---------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_scan_refuses_a_fifo_with_no_writer_instead_of_hanging(tmp_path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    result = subprocess.run(
        [sys.executable, "-m", "doseconv", "scan", str(fifo)], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 2
    assert result.stderr == (
        f"Error: {fifo} is not a regular file (a device, FIFO or socket); scan a file, a folder or - for standard input\n"
    )


def test_scan_refuses_a_device(capsys) -> None:
    result = run(capsys, "scan", "/dev/zero")  # reading it would never end
    assert result.code == 2 and "/dev/zero is not a regular file" in result.err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_folder_scan_skips_a_fifo(tmp_path) -> None:
    (tmp_path / "a.txt").write_text("5 pills", encoding="utf-8")
    os.mkfifo(tmp_path / "b.txt")
    assert [r.source for r in scan_paths([tmp_path]).reports] == [str(tmp_path / "a.txt")]


# --- numbers past exact reading ---------------------------------------------------------------


@pytest.mark.parametrize(
    "figure",
    ["1e" + "9" * 5000, "1." + "5" * 5000, "1" * 5000, "1e5000", "0." + "0" * 5000 + "1"],
    ids=["5000-digit exponent", "5000-digit fraction", "5000 digits", "1e5000", "tiny"],
)
def test_a_huge_number_in_a_story_is_no_internal_error(capsys, tmp_path, figure: str) -> None:
    path = tmp_path / "story.txt"
    path.write_text(f"Agents seized {figure} kg of fentanyl, enough to kill 5 million people.", encoding="utf-8")
    for output in ("text", "json", "markdown"):
        result = run(capsys, "scan", str(path), "--format", output)
        assert result.code in (0, 1, 2), result.err
        assert "internal error" not in result.err and "Traceback" not in result.err


def test_library_refuses_bad_limits() -> None:
    with pytest.raises(InputError):
        scan_text("5 pills", max_claims=-1)
    with pytest.raises(InputError):
        read_source("-", io.BytesIO(b""), max_bytes=0)


# --- hostile text: no input makes the scanner fail other than with a one-line error ----------

_PIECES = [
    "5", "6", "500", "1e9999", "0.", ",", ".", " ", "\u00a0", "\u202f", "\u200b", "\u00ad", "'", "\n", "\n\n",
    "½", "⁶", "-", "–", "million", "dozen", "one", "nearly", "more than", "between", "and", "to", "pills", "doses",
    "kg", "pounds", "tons", "of fentanyl", "fentanyl", "enough to kill", "people", "$", "%", "in 2023", "Nationwide",
    "DEA", "Operation Last Mile", "<a ", "<p>", "</p>", "<!", "<?", "&nbsp;", "&#x20;", "[x](", ")", "**", "#", "*",
]  # fmt: skip


@settings(max_examples=80, deadline=None)
@given(
    pieces=st.lists(st.sampled_from(_PIECES), max_size=60),
    noise=st.text(max_size=20),
    form=st.sampled_from(["plain", "html", "markdown"]),
)
def test_hostile_text_scans_and_renders_or_fails_with_a_one_line_error(pieces, noise, form) -> None:
    text = "".join(pieces) + noise
    try:
        report = scan_text(text, format=form)
    except DoseconvError as error:
        assert "\n" not in str(error)
        return
    scans = ScanSet((report,))
    for output in ("text", "markdown"):
        assert isinstance(render(scans, output), str)
    data = json.loads(render(scans, "json"))
    assert data["summary"]["figures"] == len(report.figures)
    for figure in report.figures:
        assert 0 <= figure.start <= figure.end <= len(text)

"""doseconv.archive and `scan --format jsonl`: one record per story as it is done, -o written whole or kept as a
partial file, worker processes, per-story error records, resume."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from doseconv.archive import StoryOptions, Tally, content_hash, partial_path, read_records, scan_archive
from doseconv.scan import scan_paths
from doseconv.scan.report import render_json

from .archive_stories import STORIES, write_archive
from .cli import run


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    return write_archive(tmp_path / "stories")


def lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


def by_path(records: list[dict]) -> dict[str, dict]:
    return {r["path"]: r for r in records if r["record"] != "summary"}


def test_each_story_is_its_json_entry_with_path_and_hash_then_a_summary(archive: Path) -> None:
    out = io.StringIO()
    tally = scan_archive([archive], stream=out, jobs=1)
    records = lines(out.getvalue())
    entries = json.loads(render_json(scan_paths([archive])))["files"]
    assert [r["record"] for r in records] == ["story"] * 4 + ["summary"]
    for record, entry in zip(records, entries, strict=False):
        story = Path(record["path"])
        assert record["sha256"] == content_hash(story.read_bytes())
        assert {k: v for k, v in record.items() if k not in ("record", "path", "sha256")} == entry
    assert records[-1] == {
        "record": "summary",
        "stories": 4,
        "errors": 0,
        "figures": 10,
        "claims": 4,
        "flagged": 1,
        "verdicts": {"consistent": 1, "implausible": 1, "plausible": 2},
        "resumed": 0,
    }
    assert tally.exit_code == 1


def test_two_worker_processes_give_the_records_of_one_story_for_story(archive: Path) -> None:
    one, two = io.StringIO(), io.StringIO()
    scan_archive([archive], stream=one, jobs=1)
    scan_archive([archive], stream=two, jobs=2)
    assert by_path(lines(two.getvalue())) == by_path(lines(one.getvalue()))
    assert lines(two.getvalue())[-1] == lines(one.getvalue())[-1]


def test_a_story_that_cannot_be_read_is_one_error_record_and_the_run_goes_on(archive: Path) -> None:
    (archive / "broken.txt").write_bytes(b"12 pills \xff\n")
    missing = str(archive / "gone.txt")
    out = io.StringIO()
    tally = scan_archive([archive, missing], stream=out, jobs=2)
    records = by_path(lines(out.getvalue()))
    assert records[str(archive / "broken.txt")] == {
        "record": "error",
        "path": str(archive / "broken.txt"),
        "sha256": content_hash(b"12 pills \xff\n"),
        "error": f"{archive / 'broken.txt'} is not UTF-8 text (bad byte at offset 9); convert it to UTF-8",
    }
    assert records[missing]["error"] == f"cannot read {missing}: no such file"
    assert records[missing]["sha256"] is None
    assert (tally.stories, tally.errors, tally.exit_code) == (4, 2, 2)


def test_a_story_past_the_byte_limit_names_the_option_of_the_front_end(archive: Path) -> None:
    out = io.StringIO()
    options = StoryOptions(max_bytes=100, names={"max_bytes": "--max-bytes"})
    scan_archive([archive / "2024-03-01-release.txt"], stream=out, options=options)
    assert lines(out.getvalue())[0]["error"].endswith("raise it with --max-bytes")


def test_output_file_appears_only_when_complete(archive: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("the earlier run\n")
    seen: list[str] = []

    class Watch:
        def start(self, total: int) -> None:
            seen.append(f"start {total}")

        def update(self, done: int, tally: Tally) -> None:
            seen.append(target.read_text())  # the target is untouched while the run goes on
            assert partial_path(target).read_text().count("\n") == done

        def stop(self) -> None:
            seen.append("stop")

    scan_archive([archive], output=target, jobs=1, progress=Watch())
    assert seen == ["start 4", *["the earlier run\n"] * 4, "stop"]
    assert not partial_path(target).exists()
    assert [r["record"] for r in read_records(target)] == ["story"] * 4 + ["summary"]


class Stop(Exception):
    pass


def interrupted(archive: Path, target: Path, after: int, **run) -> None:
    """A run stopped after ``after`` stories (as Ctrl+C or a crash would stop it)."""

    class Crash:
        def start(self, total: int) -> None:
            pass

        def update(self, done: int, tally: Tally) -> None:
            if done == after:
                raise Stop

        def stop(self) -> None:
            pass

    with pytest.raises(Stop):
        scan_archive([archive], output=target, jobs=1, progress=Crash(), **run)


def test_a_crash_leaves_the_lines_written_valid_and_the_target_as_it_was(archive: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    interrupted(archive, target, after=2)
    assert not target.exists()
    kept = list(read_records(partial_path(target)))
    assert [r["record"] for r in kept] == ["story", "story"]


def test_resume_finishes_an_interrupted_run_and_scans_only_the_rest(archive: Path, tmp_path: Path) -> None:
    whole = io.StringIO()
    scan_archive([archive], stream=whole, jobs=1)
    target = tmp_path / "out.jsonl"
    interrupted(archive, target, after=3)
    with partial_path(target).open("a") as file:
        file.write('{"record":"story","path":"cut short')  # a line cut by a hard kill is dropped
    tally = scan_archive([archive], output=target, jobs=2, resume=True)
    records = list(read_records(target))
    assert by_path(records) == by_path(lines(whole.getvalue()))
    assert records[-1] == {**lines(whole.getvalue())[-1], "resumed": 3}
    assert tally.resumed == 3 and not partial_path(target).exists()


def test_resume_scans_again_a_changed_story_and_a_story_that_failed(archive: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    (archive / "broken.txt").write_bytes(b"\xff")
    scan_archive([archive], output=target, jobs=1)
    (archive / "broken.txt").write_text("Police seized 40 fentanyl pills, or 40 deadly doses.")
    changed = archive / "2024-05-02-local.txt"
    changed.write_text(STORIES["2024-05-02-local.txt"].replace("3,000 potentially", "30,000 potentially"))
    tally = scan_archive([archive], output=target, jobs=1, resume=True)
    records = by_path(list(read_records(target)))
    assert records[str(archive / "broken.txt")]["record"] == "story"
    assert records[str(changed)]["sha256"] == content_hash(changed.read_bytes())
    assert records[str(changed)]["claims"][0]["verdict"] == "implausible"
    assert len(list(read_records(target))) == 6  # five stories and the summary: the old record was replaced
    assert (tally.resumed, tally.stories, tally.errors) == (3, 5, 0)


def test_resume_needs_an_output_file(archive: Path) -> None:
    with pytest.raises(ValueError, match="resuming needs the output file"):
        scan_archive([archive], resume=True)


# the command line


def test_cli_jsonl_to_standard_output_exits_as_scan_does(capsys, archive: Path) -> None:
    result = run(capsys, "scan", str(archive), "--format", "jsonl", "--jobs", "2")
    assert result.code == 1 and result.err == ""
    assert [r["record"] for r in lines(result.out)] == ["story"] * 4 + ["summary"]
    assert run(capsys, "scan", str(archive), "--format", "jsonl", "--exit-zero").code == 0


def test_cli_an_error_record_exits_2_even_with_exit_zero(capsys, archive: Path) -> None:
    (archive / "broken.txt").write_bytes(b"\xff")
    result = run(capsys, "scan", str(archive), "--format", "jsonl", "--exit-zero", "-j", "1")
    assert result.code == 2
    assert lines(result.out)[-1]["errors"] == 1


def test_cli_output_suffix_picks_jsonl_and_resume_skips_done_stories(capsys, archive: Path, tmp_path: Path) -> None:
    target = tmp_path / "archive.jsonl"
    assert run(capsys, "scan", str(archive), "-o", str(target), "--exit-zero").code == 0
    first = target.read_text()
    result = run(capsys, "scan", str(archive), "-o", str(target), "--resume", "--exit-zero")
    assert (result.code, result.out) == (0, "")
    assert result.err == (
        f"wrote {target}: 4 stories, 0 not scanned (error records), 4 claims, 1 flagged, 4 kept from the earlier run\n"
    )
    again = lines(target.read_text())
    assert again[:-1] == lines(first)[:-1] and again[-1]["resumed"] == 4


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--jobs", "2"], "Error: --jobs applies to --format jsonl (one line per story); add --format jsonl"),
        (["--resume"], "Error: --resume applies to --format jsonl (one line per story); add --format jsonl"),
        (["--format", "jsonl", "--resume"], "Error: resuming needs the output file of the earlier run"),
        (["--format", "jsonl", "--jobs", "0"], "Error: the number of jobs must be a whole number of at least 1, not 0"),
        (["--format", "jsonl", "--engine", "spark"], "Error: unknown engine 'spark'; choose local or dask"),
        (
            ["--format", "jsonl", "--scheduler", "tcp://x:8786"],
            "Error: a scheduler address is used only by the dask engine",
        ),
        (["--format", "yaml"], "Error: unknown format 'yaml'; choose text, markdown, json, html, docx, jsonl"),
    ],
)
def test_cli_archive_options_refused_in_one_line(capsys, archive: Path, args, message) -> None:
    result = run(capsys, "scan", str(archive), *args)
    assert (result.code, result.out, result.err) == (2, "", message + "\n")


def test_cli_output_may_not_be_a_story_being_scanned(capsys, archive: Path) -> None:
    story = archive / "2024-05-02-local.txt"
    before = story.read_text()
    result = run(capsys, "scan", str(archive), "--format", "jsonl", "-o", str(story))
    assert result.code == 2 and "it is also an input, and writing it would destroy what was read" in result.err
    assert story.read_text() == before


def test_progress_bar_counts_stories_claims_and_flagged(archive: Path) -> None:
    pytest.importorskip("rich")
    from doseconv.archive.progress import ArchiveBar

    bar = ArchiveBar()
    updates: list[tuple[int, int, int]] = []

    class Spy(ArchiveBar):
        def update(self, done: int, tally: Tally) -> None:
            super().update(done, tally)
            task = self.progress.tasks[0]
            updates.append((int(task.completed), task.fields["claims"], task.fields["flagged"]))

    scan_archive([archive], stream=io.StringIO(), jobs=1, progress=Spy())
    assert updates[-1] == (4, 4, 1) and bar.progress is None


def test_cli_output_file_of_a_report_in_another_format(capsys, archive: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    result = run(capsys, "scan", str(archive), "-o", str(target))
    shown = run(capsys, "scan", str(archive))
    assert (result.code, result.out) == (1, "") and target.read_text() == shown.out
    story = archive / "2024-05-02-local.txt"
    before = story.read_text()
    refused = run(capsys, "scan", str(story), "--format", "markdown", "-o", str(story))
    assert refused.code == 2 and "it is also an input" in refused.err and story.read_text() == before

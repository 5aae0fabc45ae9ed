"""Restatement tracing (doseconv.trace, `doseconv trace`): claims of different stories grouped by the figure they
restate, earliest first, and what each later one changed."""

from __future__ import annotations

import csv
import io
import json
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import doseconv
from doseconv.archive import read_records, scan_archive
from doseconv.tracing import trace
from doseconv.tracing.render import CSV_COLUMNS, render_trace
from doseconv.verdictstyle import style

from . import browser
from .archive_stories import TRACE_STORIES, write_archive
from .cli import run

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


@pytest.fixture(scope="module")
def records(tmp_path_factory: pytest.TempPathFactory) -> list[dict]:
    folder = write_archive(tmp_path_factory.mktemp("trace") / "stories", TRACE_STORIES)
    out = io.StringIO()
    scan_archive([folder], stream=out, jobs=1)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def name(path: str) -> str:
    return Path(path).name


def figures(result) -> list[list[str]]:
    return [[name(c.path) for c in f.claims] for f in result.figures]


def changes_of(result, story: str) -> list[tuple[str, str]]:
    for figure in result.figures:
        for r in figure.restatements:
            if name(r.claim.path) == story:
                return [(c.aspect, c.text) for c in r.changes]
    raise AssertionError(f"{story} restates no figure")


def test_groups_are_the_restated_figures_earliest_first_and_lookalikes_stay_apart(records) -> None:
    result = doseconv.trace(records)
    assert figures(result) == [
        ["2024-03-01-release.txt", "2024-03-04-wire.txt", "2024-03-09-pills-only.txt", "2024-04-02-slip.txt"],
        ["2024-01-10-division.txt", "2024-02-01-national.txt"],
        ["2024-01-15-first-count.txt", "2024-03-20-revised.txt"],
    ]
    # another division's equal figure, and CBP's fiscal 2023 and 2024 figures, are no restatements
    assert (result.stories, result.claims, result.stated_once) == (12, 12, 4)


def test_a_division_total_restated_as_national_is_named(records) -> None:
    assert changes_of(trace(records), "2024-02-01-national.txt") == [
        ("scope", "a regional figure called national: Rocky Mountain Division → national")
    ]


def test_a_total_revised_on_the_same_inputs(records) -> None:
    result = trace(records)
    assert changes_of(result, "2024-03-20-revised.txt") == [
        ("figure", "revised on the same inputs: 1.2 million → 900,000, -25%")
    ]
    assert [r.link for r in result.figures[2].restatements] == ["same inputs"]


def test_a_restatement_on_the_pills_alone_names_the_dropped_powder_and_the_verdict(records) -> None:
    assert changes_of(trace(records), "2024-03-09-pills-only.txt") == [
        (
            "inputs",
            "powder dropped (more than 1,500 pounds of fentanyl powder): the total is pinned on the pills alone",
        ),
        ("figure", "qualifier dropped: 'nearly 80 million deadly doses' → '80 million deadly doses'"),
        ("scope", "period not stated (was January 1, 2023 – December 31, 2023)"),
        ("verdict", "plausible → implausible (reproduced by pills-only; corrected figure 12 million)"),
    ]


def test_wording_a_slip_of_scale_and_a_converted_input(records) -> None:
    result = trace(records)
    assert changes_of(result, "2024-03-04-wire.txt") == [
        ("scope", "period not stated (was January 1, 2023 – December 31, 2023)"),
        ("wording", "'nearly' → 'almost'"),
        ("wording", "pills: 'nearly' → 'almost'"),
        ("wording", "powder: 'more than' → 'over'"),
    ]
    slip = changes_of(result, "2024-04-02-slip.txt")
    assert slip[:2] == [
        (
            "inputs",
            "powder converted: 'more than 1,500 pounds of fentanyl powder' → "
            "'more than 680 kilograms of fentanyl powder' (the same amount)",
        ),
        (
            "figure",
            "scaled × 1,000: 'nearly 80 million deadly doses' → 'nearly 80 billion deadly doses' "
            "(a slip of million, billion or thousand)",
        ),
    ]
    assert slip[-1][0] == "verdict" and slip[-1][1].startswith("plausible → impossible")


@settings(max_examples=25, deadline=None)
@given(st.randoms(use_true_random=False))
def test_the_groups_do_not_depend_on_the_order_of_the_records(records, shuffle: random.Random) -> None:
    mixed = list(records)
    shuffle.shuffle(mixed)
    assert trace(mixed).to_dict() == trace(records).to_dict()


def test_an_undated_story_comes_after_the_dated_ones_and_the_page_says_so(records) -> None:
    undated = [dict(r, story_date=None) if name(r.get("path", "")) == "2024-03-01-release.txt" else r for r in records]
    result = trace(undated)
    assert [name(c.path) for c in result.figures[0].claims][-1] == "2024-03-01-release.txt"
    text = render_trace(result, "text")
    assert "1 undated, listed after the dated ones" in text


def test_error_and_summary_records_and_unreadable_claims_are_passed_over(records) -> None:
    extra = [{"record": "error", "path": "x.txt", "sha256": None, "error": "cannot read x.txt"}, {"record": "summary"}]
    assert trace([*records, *extra]).to_dict() == trace(records).to_dict()


# outputs


def test_text_lists_what_changed_first_then_the_timeline(records) -> None:
    lines = render_trace(trace(records), "text").splitlines()
    assert lines[0] == "3 figures restated across 8 claims (12 stories and 12 claims read; 4 figures stated once)"
    start = lines.index("Figure 2: about 3 million deadly doses — Rocky Mountain Division; DEA; 2023")
    block = lines[start : start + 8]
    assert block[2:] == [
        "  What changed against the earliest:",
        f"    {records[0]['path'].rsplit('/', 1)[0]}/2024-02-01-national.txt (2024-02-01):",
        "      scope: a regional figure called national: Rocky Mountain Division → national",
        "  Timeline:",
        f"    2024-01-10  {records[0]['path'].rsplit('/', 1)[0]}/2024-01-10-division.txt  about 3 million deadly doses  "
        "implausible  (earliest)",
        f"    2024-02-01  {records[0]['path'].rsplit('/', 1)[0]}/2024-02-01-national.txt  about 3 million deadly doses  "
        "implausible  (scope)",
    ]


def test_markdown_has_a_section_per_figure_changes_before_the_timeline(records) -> None:
    page = render_trace(trace(records), "markdown")
    assert page.count("\n## Figure ") == 3
    first = page.split("\n## Figure 1")[1].split("\n## Figure 2")[0]
    assert first.index("### What changed against the earliest") < first.index("### Timeline")
    assert "| 2024-03-09 |" in first and "- **inputs**: powder dropped" in first


def test_csv_has_one_row_per_restatement(records) -> None:
    rows = list(csv.DictReader(io.StringIO(render_trace(trace(records), "csv"))))
    assert len(rows) == 5 and list(rows[0]) == list(CSV_COLUMNS)
    national = next(r for r in rows if r["path"].endswith("national.txt"))
    assert national["changed"] == "scope" and national["earliest_date"] == "2024-01-10"
    assert national["scope_change"] == "a regional figure called national: Rocky Mountain Division → national"


def test_csv_cells_that_look_like_formulas_are_written_as_text(records) -> None:
    hostile = [dict(r, path="=HYPERLINK(1)" + r["path"]) if r.get("record") == "story" else r for r in records]
    rows = list(csv.reader(io.StringIO(render_trace(trace(hostile), "csv"))))[1:]
    assert all(row[1].startswith("'=") and row[5].startswith("'=") for row in rows)


def test_json_summary_and_figures(records) -> None:
    data = json.loads(render_trace(trace(records), "json"))
    assert data["summary"] == {
        "stories": 12,
        "claims": 12,
        "figures_restated": 3,
        "restatements": 5,
        "figures_stated_once": 4,
    }
    assert [len(f["restatements"]) for f in data["figures"]] == [3, 1, 1]
    assert data["figures"][1]["restatements"][0]["changes"] == [
        {"aspect": "scope", "text": "a regional figure called national: Rocky Mountain Division → national"}
    ]


def test_the_html_page_in_a_real_browser(chromium, tmp_path, monkeypatch) -> None:
    from selenium.webdriver.common.by import By

    write_archive(tmp_path / "stories", TRACE_STORIES)
    monkeypatch.chdir(tmp_path)  # stories named as given: stories/2024-03-01-release.txt
    out = io.StringIO()
    scan_archive(["stories"], stream=out, jobs=1)
    named = [json.loads(line) for line in out.getvalue().splitlines()]
    page = tmp_path / "trace.html"
    page.write_text(render_trace(trace(named), "html"), encoding="utf-8")
    chromium.get(page.as_uri())
    assert chromium.find_element(By.TAG_NAME, "h1").text == "Restated figures"
    sections = chromium.find_elements(By.CSS_SELECTOR, "section.figure")
    assert len(sections) == 3
    items = sections[0].find_elements(By.CSS_SELECTOR, "ol.timeline > li")
    assert [i.find_element(By.CLASS_NAME, "when").text for i in items] == [
        "2024-03-01",
        "2024-03-04",
        "2024-03-09",
        "2024-04-02",
    ]
    verdict = items[2].find_element(By.CLASS_NAME, "verdict")
    fill = style("implausible").fill.lstrip("#")
    assert verdict.text == "Implausible"  # the label and colour every page gives it
    assert verdict.value_of_css_property("background-color") == "rgba({}, {}, {}, 1)".format(
        *(int(fill[i : i + 2], 16) for i in (0, 2, 4))
    )
    assert items[2].find_elements(By.CSS_SELECTOR, "ul.changes li")[0].text.startswith("INPUTS powder dropped")
    browser.screenshot(chromium, "trace-page")
    hostile = [dict(r, path="<script>alert(1)</script>" + r["path"]) if "path" in r else r for r in named]
    page.write_text(render_trace(trace(hostile), "html"), encoding="utf-8")
    chromium.get(page.as_uri())
    shown = chromium.find_element(By.CSS_SELECTOR, "ol.timeline > li .path").text
    assert shown == "<script>alert(1)</script>stories/2024-03-01-release.txt"  # shown as text, never run


# the command line


def test_cli_trace_of_a_jsonl_file_and_of_a_folder_agree(capsys, tmp_path) -> None:
    folder = write_archive(tmp_path / "stories", TRACE_STORIES)
    jsonl = tmp_path / "archive.jsonl"
    assert run(capsys, "scan", str(folder), "-o", str(jsonl), "--exit-zero").code == 0
    from_file = run(capsys, "trace", str(jsonl), "--format", "json")
    from_folder = run(capsys, "trace", str(folder), "--format", "json", "--jobs", "1")
    assert from_file.code == 0 and json.loads(from_file.out) == json.loads(from_folder.out)
    assert list(read_records(jsonl))[-1]["record"] == "summary"


def test_cli_trace_writes_a_file(capsys, records, tmp_path) -> None:
    jsonl = tmp_path / "a.jsonl"
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in records))
    result = run(capsys, "trace", str(jsonl), "--format", "csv", "-o", str(tmp_path / "r.csv"))
    assert (result.code, result.out) == (0, "")
    assert (tmp_path / "r.csv").read_text().count("\n") == 6


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "pdf"], "Error: unknown format 'pdf'; choose text, markdown, json, csv, html"),
        (["--jobs", "0"], "Error: the number of jobs must be a whole number of at least 1, not 0"),
    ],
)
def test_cli_trace_bad_options(capsys, tmp_path, args, message) -> None:
    result = run(capsys, "trace", str(tmp_path), *args)
    assert (result.code, result.err) == (2, message + "\n")


def test_cli_trace_of_a_missing_jsonl_file(capsys, tmp_path) -> None:
    missing = tmp_path / "none.jsonl"
    assert run(capsys, "trace", str(missing)).err == f"Error: cannot read {missing}: no such file\n"


# the seed stories (skipped without ../shared/seeds)


def test_the_seeds_folder_is_one_figure_of_four_with_the_pills_only_story_named(capsys) -> None:
    if not SEEDS.is_dir():
        pytest.skip(f"seed stories not found at {SEEDS} (a shared/seeds folder beside the repo)")
    result = doseconv.tracing.trace_paths([SEEDS], jobs=1)
    assert [sorted(name(c.path)[:3] for c in f.claims) for f in result.figures] == [["000", "001", "002", "003"]]
    assert result.stated_once == 1  # seed 004's CBP figure
    pills_only = changes_of(result, next(name(str(p)) for p in SEEDS.glob("002_*.txt")))
    assert ("inputs", "powder dropped (6,500 pounds of fentanyl powder): the total is pinned on the pills alone") in (
        pills_only
    )
    assert ("verdict", "plausible → implausible (reproduced by pills-only; corrected figure 44 million)") in pills_only

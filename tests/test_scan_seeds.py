"""doseconv scan on the five seed stories in ../shared/seeds (a ``shared/`` folder beside the repo).

Each test that needs the seeds is skipped on its own, with the reason shown, when the folder is
absent; the story written for the tests (test_scan_story.py) always runs.
"""

from __future__ import annotations

import re
import shlex
from fractions import Fraction
from pathlib import Path

import pytest

from doseconv.scan import ScanReport, scan_paths, scan_text

from .cli import run
from .scanning import exact

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
MISSING = f"seed stories not found at {SEEDS} (a shared/seeds folder beside the repo)"


@pytest.fixture(autouse=True)
def seeds() -> Path:
    """The seed folder; each test that needs it is skipped, with the reason, when it is absent."""
    if not SEEDS.is_dir():
        pytest.skip(MISSING)
    return SEEDS


def seed(prefix: str) -> Path:
    (path,) = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    return path


def scanned(prefix: str) -> ScanReport:
    path = seed(prefix)
    return scan_text(path.read_text(encoding="utf-8"), str(path))


def by_text(report: ScanReport) -> dict[str, list]:
    out: dict[str, list] = {}
    for figure in report.figures:
        out.setdefault(figure.text, []).append(figure)
    return out


def implied_range(claim) -> tuple[Fraction, Fraction]:
    interval = claim.result.implied.interval
    return interval.low, interval.high


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_offsets_slice_every_figure_back_out_of_the_story(prefix) -> None:
    report = scanned(prefix)
    original = seed(prefix).read_text(encoding="utf-8")
    for figure in report.figures:
        covered = " ".join(original[figure.start : figure.end].split())
        assert covered.replace("*", "").replace("\\$", "$") == figure.text


def test_000_national_total_checked_division_figures_reported_meth_not_counted() -> None:
    report = scanned("000")
    figures = by_text(report)
    (pills,) = figures["just under 44 million fentanyl pills"]
    (powder,) = figures["6,500 pounds of fentanyl powder"]
    (doses,) = figures["193 million potentially fatal fentanyl doses"]
    assert (pills.kind, pills.qualifier, exact(pills.value), pills.scope.level) == (
        "pills",
        "just under",
        "44000000",
        "national",
    )
    assert (powder.kind, exact(powder.value), powder.unit, powder.scope.level) == (
        "fentanyl-mass",
        "6500",
        "pounds",
        "national",
    )
    assert (doses.kind, exact(doses.value), doses.scope.operation) == ("doses", "193000000", "Operation Last Mile")

    (claim,) = report.claims
    assert (claim.draft.pills, claim.draft.powder, claim.draft.doses) == (pills, powder, doses)
    assert (claim.draft.basis, claim.draft.scale, claim.verdict) == ("sentence", "aggregate", "plausible")
    low, high = implied_range(claim)
    assert claim.result.implied.parameter == "powder_purity"
    assert Fraction("0.098") < low < Fraction("0.10") < high < Fraction("0.104")

    # St. Louis Division: 1.3 million pills and 100 lb found (headline and body), no claim of their own.
    division_pills = figures["1.3 million fentanyl pills"]
    division_powder = figures["100 pounds of fentanyl powder"]
    assert [f.scope.level for f in division_pills + division_powder] == ["regional"] * 4
    assert division_pills[1].scope.place == division_powder[1].scope.place == "St. Louis Division"
    assert all(f.counts_toward_doses for f in division_pills + division_powder)
    used = {claim.draft.pills.index, claim.draft.powder.index}
    assert not used & {f.index for f in division_pills + division_powder}

    meth = figures["200 pounds of methamphetamine"] + figures["91,000 pounds of methamphetamine"]
    assert [(f.kind, f.drug, f.counts_toward_doses) for f in meth] == [
        ("other-drug-mass", "methamphetamine", False)
    ] * 2
    assert [f.scope.level for f in meth] == ["regional", "national"]

    kinds = {f.text: f.kind for f in report.figures}
    assert {kinds["1,436 investigations"], kinds["3,337 arrests"], kinds["8,497 firearms"], kinds["over $100 million"]} == {
        "investigations", "arrests", "firearms", "money",
    }  # fmt: skip


@pytest.mark.parametrize("prefix", ["001", "003"])
def test_001_and_003_nearly_44_million_and_more_than_6500_pounds_give_nearly_193_million(prefix) -> None:
    report = scanned(prefix)
    (claim,) = report.claims
    draft = claim.draft
    assert (draft.pills.stated_text, draft.powder.stated_text, draft.doses.stated_text) == (
        "nearly 44 million pills", "more than 6,500 pounds", "nearly 193 million doses",
    )  # fmt: skip
    assert (draft.basis, draft.scale, draft.notes, claim.verdict) == ("paragraph", "aggregate", (), "plausible")
    assert draft.doses.scope.level == draft.pills.scope.level == draft.powder.scope.level == "national"
    low, high = implied_range(claim)
    assert Fraction("0.098") < low < Fraction("0.10") < high < Fraction("0.103")
    meth = [f for f in report.figures if f.drug == "methamphetamine"]
    assert [(f.text, f.counts_toward_doses) for f in meth] == [("more than 91,000 pounds of methamphetamine", False)]


def test_001_division_counts_are_scoped_to_the_omaha_division() -> None:
    report = scanned("001")
    division = [f for f in report.figures if f.scope.place == "Omaha Division"]
    assert [(f.kind, exact(f.value)) for f in division] == [
        ("investigations", "26"), ("percent", "55"), ("arrests", "87"), ("firearms", "60"),
    ]  # fmt: skip


def test_002_the_total_pinned_on_the_pills_alone_is_flagged() -> None:
    report = scanned("002")
    (claim,) = report.claims
    assert (claim.draft.pills.stated_text, claim.draft.powder, claim.draft.doses.stated_text) == (
        "nearly 44 million pills", None, "almost 193 million doses",
    )  # fmt: skip
    assert (claim.verdict, claim.flagged, claim.reproduced_by) == ("implausible", True, ["pills-only"])
    assert claim.result.implied.parameter == "doses_per_pill"
    low, high = implied_range(claim)
    assert Fraction(4) < low < high < Fraction(5)  # about 4.4 doses, 8.8 mg, per pill


def test_004_cbp_doses_are_built_from_the_dhs_pounds_with_a_note_of_the_weak_scope_cues() -> None:
    """The 738.5 million doses are CBP's, fiscal year 2024 to date; the 27,000 lb were seized by DHS's components,
    CBP among them, in 2024 (the period from the list's heading). Overlapping agencies and a period carried from a
    heading are weak cues: they do not split a seizure from its total, so the total is built on the pounds and is
    plausible at about 12 % purity, as the seed's claims file pairs them, with a note saying which cues differ. The
    story's date comes from its byline ("31 Jul 2024, 18:32 PM EDT"), so the 2024 set is used.
    """
    report = scanned("004")
    assert report.story_date is not None and (report.story_date.date.isoformat(), report.story_date.found_in) == (
        "2024-07-31", "byline",
    )  # fmt: skip
    figures = by_text(report)
    (doses,) = figures["738.5 million doses"]
    (powder,) = figures["More than 27,000 pounds of illicit fentanyl"]
    assert (exact(doses.value), doses.scope.agency, doses.scope.period) == (
        "738500000",
        "CBP",
        "fiscal year 2024, to date",
    )
    assert (exact(powder.value), powder.qualifier, powder.scope.agency, powder.scope.period) == (
        "27000", "more than", "DHS, CBP, HSI", "2024",
    )  # fmt: skip
    (claim,) = report.claims
    assert (claim.draft.powder, claim.draft.pills, claim.draft.basis) == (powder, None, "nearby")
    assert (claim.verdict, claim.flagged, claim.result.assumptions.name) == ("plausible", False, "dea-2024")
    low, high = implied_range(claim)
    assert Fraction("0.115") < low < Fraction("0.12") < high < Fraction("0.122")  # about 12 %
    assert claim.notes[0] == (
        "the scopes differ only by weak cues (the agency and period: named in passing, by who speaks, or in another "
        "sentence), which do not split a seizure from its total: the doses (738.5 million doses) are CBP; fiscal "
        "year 2024, to date; powder (More than 27,000 pounds of illicit fentanyl) is DHS, CBP, HSI; 2024"
    )
    assert [f.kind for f in report.figures if f.text.startswith(("more than 3,600", "More than 2,200"))] == [
        "arrests",
        "other",
    ]


def test_scan_verdicts_agree_with_the_seed_claims_files() -> None:
    """verify pairs figures as its claims file says; scan pairs them as a reader of the story would, and gets the
    same verdicts (004's CBP doses built on the DHS pounds, across weak scope cues) with the same implied purity."""
    from doseconv.checker.verify import verify_paths

    files = {Path(v.file.path).name[:3]: v.result for v in verify_paths([str(Path(__file__).parents[1] / "seeds")])}
    scans = {prefix: scanned(prefix).claims[0] for prefix in ("000", "001", "002", "003", "004")}
    assert {p: c.verdict for p, c in scans.items()} == {p: files[p].verdict for p in scans}
    assert scans["004"].implied == files["004"].implied.describe() == "powder purity from 11.63% to 12.06%"


@pytest.mark.parametrize(("prefix", "code"), [("000", 0), ("001", 0), ("002", 1), ("003", 0), ("004", 0)])
def test_cli_exit_codes_on_the_seeds(capsys, prefix, code) -> None:
    assert run(capsys, "scan", str(seed(prefix))).code == code


def test_the_seed_folder_gives_one_markdown_report(capsys) -> None:
    result = run(capsys, "scan", str(SEEDS))
    assert result.code == 1
    assert result.out.startswith("# Dose figures found\n\n5 stories, ")
    assert "5 claims: 1 implausible, 4 plausible." in result.out.splitlines()[2]
    assert result.out.count("\n## ") == 5


def test_scan_paths_on_the_folder_matches_single_scans() -> None:
    scans = scan_paths([SEEDS])
    assert scans.folder and len(scans.reports) == 5
    assert [c.verdict for r in scans.reports for c in r.claims] == [
        "plausible", "plausible", "implausible", "plausible", "plausible",
    ]  # fmt: skip


def test_the_seed_example_in_docs_scan_md_is_what_scan_prints(capsys, monkeypatch) -> None:
    """docs/scan.md shows the output for seed 002; the checker's explanation is shortened there with '…'."""
    root = Path(__file__).resolve().parents[1]
    block = re.search(
        r"```text\n(\$ doseconv scan \.\./shared/seeds/.*?)```", (root / "docs" / "scan.md").read_text(), re.S
    )
    assert block is not None
    command, *expected = block[1].rstrip("\n").split("\n")
    monkeypatch.chdir(root)
    result = run(capsys, *shlex.split(command[2:])[1:])
    shown = result.out.rstrip("\n").split("\n")
    assert len(shown) == len(expected)
    for got, want in zip(shown, expected, strict=True):
        if want.endswith("…") and want.lstrip().startswith("why:"):
            assert got.startswith(want[:-1])
        else:
            assert got == want

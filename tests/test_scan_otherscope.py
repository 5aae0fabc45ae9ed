"""A total with no input of its own scope (doseconv.scan.otherscope): unverifiable, with a what-if on another scope.

The verdict never comes from a figure of another scope; the nearest one is named, and the total
built on it is checked by the same checker and shown as a what-if in the plain sentence, the
notes, the reports and JSON (``nearest_other_scope``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from doseconv import check
from doseconv.scan import ScanSet, scan_text
from doseconv.scan.report import render

from .cli import run

#: A division's total after a national paragraph: built on the national pounds, it would be flagged.
DIVISION = (
    "WASHINGTON (AP) — Nationwide, the DEA seized 13,000 pounds of fentanyl powder in fiscal year 2023.\n\n"
    "The DEA Phoenix Division said its seizures this year alone represent 2 million potentially deadly doses."
)
PLAIN = (
    "The story gives no fentanyl pills or powder of this claim's own scope (Phoenix Division; DEA; this year), so "
    'the claim "2 million potentially deadly doses" cannot be checked from it. The nearest figure, 13,000 pounds of '
    "fentanyl powder, is of another scope (national; DEA; fiscal year 2023): the place and period differ. Were the "
    "total built on that figure, it would be judged implausible (powder purity from 0.06% to 0.07%); a what-if, "
    "not the verdict."
)


def test_the_claim_is_unverifiable_and_not_flagged_though_its_what_if_would_be() -> None:
    (claim,) = scan_text(DIVISION).claims
    assert (claim.verdict, claim.flagged) == ("unverifiable", False)
    assert claim.result is not None and claim.result.verdict == "unverifiable"
    assert claim.plain == PLAIN and claim.notes == (PLAIN,)
    assert claim.other_scope is not None
    assert (claim.other_scope.verdict, claim.other_scope.flagged) == ("implausible", True)


def test_the_what_if_is_the_checkers_own_verdict_on_the_other_scopes_figure() -> None:
    (claim,) = scan_text(DIVISION).claims
    what_if = claim.other_scope
    powder = claim.draft.other_scope.powder
    direct = check(None, powder.stated_text, claim.draft.doses.stated_text, scale=claim.draft.scale)
    assert (what_if.verdict, what_if.implied) == (direct.verdict, direct.implied.describe())
    assert what_if.draft.basis == "other scope" and what_if.draft.powder is powder
    # the different-scopes note goes to the checker with the figures (then the checker's note on the undated claim)
    assert what_if.result.notes[: len(what_if.notes)] == what_if.notes


def test_a_claim_with_no_own_scope_input_costs_one_what_if_check_and_no_more(monkeypatch) -> None:
    import doseconv.scan.scanner as scanner

    calls = []
    checker = scanner._checker()

    def counting():
        def call(*args, **kwargs):
            calls.append(args)
            return checker(*args, **kwargs)

        return call

    monkeypatch.setattr(scanner, "_checker", counting)
    scanner._cached_check.cache_clear()
    scan_text(DIVISION)
    assert [(p, q is not None) for p, q, _ in calls] == [(None, True), (None, False)]  # the what-if, then the claim
    calls.clear()
    scanner._cached_check.cache_clear()
    scan_text("Nationwide, agents seized 6,500 pounds of fentanyl powder, equal to 193 million doses.")
    assert len(calls) == 1  # a claim with an input of its own scope: one check, no what-if
    scanner._cached_check.cache_clear()


def test_two_figures_of_another_scope_are_both_named_and_the_what_if_uses_both() -> None:
    text = (
        "Nationwide, the DEA seized nearly 44 million fentanyl pills and more than 6,500 pounds of fentanyl powder "
        "in 2022.\n\nIn the St. Louis Division, the fentanyl taken off the streets this year is enough to kill "
        "2 million people, the special agent in charge said."
    )
    (claim,) = scan_text(text).claims
    assert claim.verdict == "unverifiable"
    assert [f.text for f in claim.draft.other_scope.figures] == [
        "nearly 44 million fentanyl pills",
        "more than 6,500 pounds of fentanyl powder",
    ]
    assert (
        "The nearest figures, nearly 44 million fentanyl pills and more than 6,500 pounds of fentanyl powder, are of "
        "another scope (national; DEA; 2022): the place and period differ. Were the total built on those figures, it "
        "would be judged implausible" in claim.plain
    )
    assert claim.other_scope.draft.pills is not None and claim.other_scope.draft.powder is not None


def test_json_gives_nearest_other_scope_and_keeps_the_claims_fields() -> None:
    report = scan_text(DIVISION, "division.txt")
    (claim,) = json.loads(render(ScanSet((report,)), "json"))["files"][0]["claims"]
    assert (claim["verdict"], claim["flagged"], claim["basis"], claim["pills"], claim["powder"]) == (
        "unverifiable", False, "none", None, None,
    )  # fmt: skip
    assert claim["plain"] == PLAIN and claim["notes"] == [PLAIN]
    other = claim["nearest_other_scope"]
    assert set(other) == {"pills", "powder", "figures", "what_if"}
    (figure,) = other["figures"]
    assert (other["pills"], other["powder"]) == (None, figure["index"])
    assert figure == {
        "index": figure["index"],
        "kind": "fentanyl-mass",
        "text": "13,000 pounds of fentanyl powder",
        "stated": "13,000 pounds",
        "scope": {"level": "national", "place": None, "agency": "DEA", "operation": None, "period": "fiscal year 2023"},
        "scope_text": "national; DEA; fiscal year 2023",
        "differs": ["level", "place", "period"],
    }
    what_if = other["what_if"]
    assert (what_if["verdict"], what_if["flagged"], what_if["implied"], what_if["dea_verdict"]) == (
        "implausible", True, "powder purity from 0.06% to 0.07%", None,
    )  # fmt: skip
    assert what_if["notes"][0].startswith("different scopes: the doses (2 million potentially deadly doses) are ")
    assert what_if["explanation"].startswith("Claim '2 million doses'")
    sound = scan_text("Nationwide, agents seized 6,500 pounds of fentanyl powder, equal to 193 million doses.")
    assert json.loads(render(ScanSet((sound,)), "json"))["files"][0]["claims"][0]["nearest_other_scope"] is None


def test_unchecked_claims_name_the_other_scope_with_no_what_if() -> None:
    report = scan_text(DIVISION, run_checks=False)
    (claim,) = report.claims
    assert claim.other_scope is None
    assert claim.notes == (PLAIN[: PLAIN.index(" Were the total")],)
    assert claim.to_dict()["nearest_other_scope"]["what_if"] is None


def test_the_text_report_shows_the_sentence_the_figure_and_the_what_if(capsys, tmp_path: Path) -> None:
    story = tmp_path / "division.txt"
    story.write_text(DIVISION, encoding="utf-8")
    result = run(capsys, "scan", str(story))
    assert result.code == 0  # unverifiable is not flagged, whatever the what-if says
    claim = result.out.split("\n\nFigures that made the claims")[0].split("Claims\n")[1].split("\n")
    assert claim[0] == "  1. 2 million potentially deadly doses  [169-203]  UNVERIFIABLE"
    assert claim[2:8] == [
        f"     in words: {PLAIN}",
        "     rules: dea-2022 (DEA laboratory figures, 2022); no date found, so the default (the latest year with every DEA laboratory figure and its tested range published)",
        "     scope: Phoenix Division; DEA; this year; scale aggregate; no inputs of its own scope",
        "     nearest of another scope: 13,000 pounds of fentanyl powder  (#1, national; DEA; fiscal year 2023)",
        "     what-if (not the verdict): implausible (powder purity from 0.06% to 0.07%)",
        "     diagnosis: none (no inputs of its own scope)",
    ]
    assert not any(line.startswith("     note:") for line in claim)  # the sentence is shown once
    assert "    #1  fentanyl-mass  13,000 pounds of fentanyl powder  [45-77]" in result.out  # made no claim


def test_another_flagged_claim_still_exits_1(capsys, tmp_path: Path) -> None:
    story = tmp_path / "two.txt"
    story.write_text(
        DIVISION + "\n\nSeparately, the Riverton Police Department seized 2 kilograms of fentanyl from a car, "
        "enough to kill 1 million people."
    )
    result = run(capsys, "scan", str(story), "--format", "json")
    verdicts = [c["verdict"] for c in json.loads(result.out)["files"][0]["claims"]]
    assert (result.code, verdicts) == (1, ["unverifiable", "upper-bound"])


def test_markdown_and_html_show_the_sentence() -> None:
    scans = ScanSet((scan_text(DIVISION, "division.txt"),))
    markdown = render(scans, "markdown")
    assert "| Phoenix Division; DEA; this year | aggregate | — | — | none of its own scope |" in markdown
    assert f"   - in words: {PLAIN}\n" in markdown
    assert "   - what-if (not the verdict): implausible (powder purity from 0.06% to 0.07%)\n" in markdown
    assert "   - note:" not in markdown
    page = render(scans, "html")
    assert "a what-if, not the verdict." in page and 'data-verdict="unverifiable"' in page


@pytest.mark.parametrize(
    "rules",
    ["Just 2 milligrams of fentanyl can be deadly, officials said. "],
)
def test_the_what_if_uses_the_storys_rules_as_the_claim_would(rules) -> None:
    (claim,) = scan_text(rules + DIVISION).claims
    assert claim.verdict == "unverifiable"
    assert [r.name for r in claim.other_scope.rules.rules] == ["lethal_dose"]

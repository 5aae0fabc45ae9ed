"""The paragraph corpus (tests/stories/paragraphs.toml): every paragraph's claims, inputs and verdicts.

Each paragraph is a short text in a published style with the claims a fact-checker would find in
it. The corpus run prints the flag recall (claims that should be flagged and are) and the
false-flag rate (claims that must not be flagged and are). A claim with no input of its own scope
has no ``input``: it names the nearest figure of another scope (``other_scope``) and the verdict
a total built on it would get (``what_if``), which must never become its verdict.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from doseconv.scan import scan_text
from doseconv.scan.scanner import FLAGGED

CORPUS = Path(__file__).parent / "stories" / "paragraphs.toml"
PARAGRAPHS = tomllib.loads(CORPUS.read_text(encoding="utf-8"))["paragraph"]
CASES = ("reference", "units", "pills", "rules", "lives", "scope", "seizure", "sound")


def _found(paragraph: dict) -> list[dict]:
    report = scan_text(paragraph["text"], paragraph["id"])
    out = []
    for claim in report.claims:
        inputs = [f.text for f in (claim.draft.pills, claim.draft.powder) if f is not None]
        other = claim.draft.other_scope
        out.append(
            {
                "doses": claim.draft.doses.text,
                "inputs": inputs,
                "verdict": claim.verdict,
                "rules": sorted(r.name for r in claim.rules.rules),
                "other_scope": [f.text for f in other.figures] if other is not None else [],
                "what_if": claim.other_scope.verdict if claim.other_scope is not None else None,
            }
        )
    return out


def test_the_corpus_is_large_and_covers_every_case() -> None:
    assert len(PARAGRAPHS) >= 40
    assert len({p["id"] for p in PARAGRAPHS}) == len(PARAGRAPHS)
    assert {p["case"] for p in PARAGRAPHS} == set(CASES)
    claims = [c for p in PARAGRAPHS for c in p["claims"]]
    assert sum(c["flag"] for c in claims) >= 15 and sum(not c["flag"] for c in claims) >= 10
    for claim in claims:  # an expected verdict agrees with its flag; a claim has its input or another scope's
        assert (claim["verdict"] in FLAGGED) == claim["flag"], claim
        assert ("input" in claim) != ("other_scope" in claim), claim
        assert "other_scope" not in claim or claim["verdict"] == "unverifiable", claim
    assert sum("other_scope" in c for c in claims) >= 6  # every kind of scope move


@pytest.mark.parametrize("paragraph", PARAGRAPHS, ids=[p["id"] for p in PARAGRAPHS])
def test_each_paragraph_gives_its_claims_inputs_and_verdicts(paragraph: dict) -> None:
    found = _found(paragraph)
    expected = paragraph["claims"]
    assert [c["doses"] for c in found] == [c["doses"] for c in expected]
    for got, want in zip(found, expected, strict=True):
        if "input" in want:
            assert " ".join(want["input"].split()) in got["inputs"], (got, want)
            assert (got["other_scope"], got["what_if"]) == ([], None), (got, want)
        else:  # no input of its own scope: the nearest of another scope is only a what-if
            assert got["inputs"] == [] and want["other_scope"] in got["other_scope"], (got, want)
            assert got["what_if"] == want["what_if"], (got, want)
        assert got["verdict"] == want["verdict"], (got, want)
        assert got["rules"] == sorted(want.get("rules", [])), (got, want)


def test_flag_recall_and_false_flag_rate(capsys: pytest.CaptureFixture[str]) -> None:
    should, flagged_right, sound, flagged_wrong = 0, 0, 0, 0
    for paragraph in PARAGRAPHS:
        found = {c["doses"]: c for c in _found(paragraph)}
        for want in paragraph["claims"]:
            got = found.get(want["doses"])
            is_flagged = got is not None and got["verdict"] in FLAGGED
            if want["flag"]:
                should += 1
                flagged_right += is_flagged
            else:
                sound += 1
                flagged_wrong += is_flagged
    recall, false_rate = flagged_right / should, flagged_wrong / sound
    line = (
        f"paragraph corpus: {len(PARAGRAPHS)} paragraphs; flag recall {flagged_right}/{should} = {recall:.0%}; "
        f"false flags {flagged_wrong}/{sound} = {false_rate:.0%}"
    )
    with capsys.disabled():
        print("\n" + line)
    assert recall == 1 and false_rate == 0
    assert line in (Path(__file__).parents[1] / "docs" / "scan.md").read_text(encoding="utf-8")  # the docs say so

"""The claims corpus (tests/claims/): claims in the style of published ones, each with the verdict
and diagnosis a careful fact-checker would give. `doseconv verify tests/claims/` must find every
claim as expected. The corpus is described in tests/claims/README.md."""

from __future__ import annotations

import json
import tomllib
from collections import Counter
from pathlib import Path

import pytest

from .cli import run

ROOT = Path(__file__).resolve().parent.parent
CORPUS = "tests/claims"
VERDICTS = ("consistent", "plausible", "implausible", "upper-bound", "impossible", "unverifiable")


def _files() -> list[Path]:
    return sorted((ROOT / CORPUS).rglob("*.toml"))


def _matches(row: dict[str, object]) -> list[str]:
    diagnosis = row.get("diagnosis") or []
    assert isinstance(diagnosis, list)
    return [str(d["method"]) for d in diagnosis if d.get("matches")]


def _summary(rows: list[dict[str, object]]) -> str:
    """One line per expected verdict: how many claims expect it, how many came out so."""
    expected = Counter(str(r["expect"]) for r in rows)
    matched = Counter(str(r["expect"]) for r in rows if r["ok"])
    lines = [f"{v:<13} {matched[v]:>3} of {expected[v]:>3} as expected" for v in VERDICTS if expected[v]]
    lines += [
        f"FAIL {r['file']} [{r['claim']}]: {r['verdict']} (expected {r['expect']}); "
        f"methods {', '.join(map(str, r['expect_methods'])) or '-'} expected, "
        f"matched {', '.join(_matches(r)) or '-'}"
        for r in rows
        if not r["ok"]
    ]
    return "\n".join(lines)


def test_every_corpus_claim_comes_out_as_expected(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    result = run(capsys, "verify", CORPUS, "--format", "json")
    assert result.err == "", result.err
    rows = json.loads(result.out)["results"]
    summary = _summary(rows)
    print(summary)
    assert all(r["ok"] for r in rows), summary
    assert result.code == 0
    assert len(rows) == sum(len(tomllib.loads(p.read_text("utf-8")).get("claims", [])) for p in _files())


def test_corpus_text_output_counts_every_claim(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    result = run(capsys, "verify", CORPUS)
    assert (result.code, result.err) == (0, ""), result.err or result.out
    total = sum(len(tomllib.loads(p.read_text("utf-8")).get("claims", [])) for p in _files())
    assert result.out.splitlines()[-1] == f"{total} of {total} claims as expected."
    assert "FAIL " not in result.out


def test_every_corpus_claim_states_its_verdict_and_sentence() -> None:
    """No claim passes by saying nothing: each names the verdict it expects and the sentence it checks."""
    for path in _files():
        for claim in tomllib.loads(path.read_text("utf-8")).get("claims", []):
            assert claim.get("expect") in VERDICTS, f"{path.name} [{claim['id']}]: expect {claim.get('expect')!r}"
            assert claim.get("note"), f"{path.name} [{claim['id']}]: no note with the sentence checked"


def test_corpus_covers_every_verdict_and_enough_claims() -> None:
    expected = Counter(
        claim["expect"] for path in _files() for claim in tomllib.loads(path.read_text("utf-8")).get("claims", [])
    )
    assert sum(expected.values()) >= 40
    assert set(expected) == set(VERDICTS), expected

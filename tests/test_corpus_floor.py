"""The scan's score on the real published passages of ../shared/corpus never falls below what it has reached.

The passages and their scorer (``score.py``) are read where they stand beside the project, never copied into it;
the test is skipped when they are not there. Each passage is scanned in this process as ``doseconv scan - --format
json [--date D]`` would scan it, and the scorer's own pairing of expected claims with the scan's claims is used, so
the counts are the ones ``python3 ../shared/corpus/score.py .venv/bin/doseconv`` prints, with population claims
found counted beside them."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from doseconv.scan import scan_text
from doseconv.scan.report import story_entry

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"

#: The score reached (2026-12-07): found, verdicts right, broken claims flagged, population claims found (of 129
#: claims, 53 broken, 25 sound, 47 population claims); sound claims flagged is a ceiling.
FLOOR = {"found": 129, "right": 126, "broken flagged": 51, "population found": 47}
CEILING = {"sound flagged": 0}

pytestmark = pytest.mark.skipif(
    not (CORPUS / "score.py").is_file() or not (CORPUS / "passages.jsonl").is_file(),
    reason="../shared/corpus is not beside the project",
)


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("corpus_score", CORPUS / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _claims(passage: dict[str, Any]) -> list[dict[str, Any]]:
    date = passage["date"] if re.fullmatch(r"\d{4}-\d{2}-\d{2}", passage["date"]) else None
    entry = story_entry(scan_text(passage["text"], "-", date=date))
    return json.loads(json.dumps(entry))["claims"] or []  # as the JSON report writes it


@pytest.fixture(scope="module")
def score() -> dict[str, int]:
    scorer = _scorer()
    lines = (CORPUS / "passages.jsonl").read_text("utf-8").splitlines()
    counts = dict.fromkeys(["found", "right", "broken flagged", "sound flagged", "population found"], 0)
    for passage in (json.loads(line) for line in lines if line.strip()):
        scans = _claims(passage)
        pairing = scorer.assign(passage["claims"], passage["text"], scans)
        for index, expected in enumerate(passage["claims"]):
            if index not in pairing:
                continue
            found = scans[pairing[index][0]]
            wanted = set(expected["expect"])
            counts["found"] += 1
            counts["right"] += found.get("verdict") in wanted
            counts["population found"] += expected["kind"] == "population"
            flagged = bool(found.get("flagged"))
            counts["broken flagged"] += flagged and wanted <= scorer.BROKEN
            counts["sound flagged"] += flagged and wanted <= scorer.SOUND
    return counts


@pytest.mark.parametrize("count", sorted(FLOOR))
def test_the_corpus_score_does_not_fall_below_its_floor(score: dict[str, int], count: str) -> None:
    assert score[count] >= FLOOR[count], f"{count}: {score[count]}, below the floor {FLOOR[count]} ({score})"


def test_no_more_sound_claims_are_flagged_than_before(score: dict[str, int]) -> None:
    assert score["sound flagged"] <= CEILING["sound flagged"], score

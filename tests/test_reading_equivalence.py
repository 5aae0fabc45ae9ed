"""``scan`` and ``check`` read every figure alike: for each figure ``scan`` finds in the test stories, the claims
files and the real passages of ../shared/corpus (when it is there), the reading ``scan`` hands the checker equals
what ``parse_stated`` (or ``parse_claim``, for a claim) gives for the same words. Both are one reader
(:func:`doseconv.reading.stated.read_stated_at`); this keeps it so."""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from doseconv.errors import AmbiguousUnitError, DoseconvError
from doseconv.reading.inputs import parse_claim
from doseconv.reading.stated import READINGS, ROLES, StatedFigure, parse_stated
from doseconv.scan import Figure, scan_text

TESTS = Path(__file__).parent
CORPUS = TESTS.parents[1] / "shared" / "corpus" / "passages.jsonl"
_READ = ("pills", "fentanyl-mass", "other-drug-mass", "doses")


def _project_texts() -> Iterator[str]:
    for paragraph in tomllib.loads((TESTS / "stories" / "paragraphs.toml").read_text("utf-8"))["paragraph"]:
        yield paragraph["text"]
    for path in [*(TESTS / "stories").glob("*.txt"), *(TESTS / "data").glob("*.txt")]:
        yield path.read_text("utf-8")
    for path in sorted((TESTS / "claims").glob("*.toml")):
        data = tomllib.loads(path.read_text("utf-8"))
        yield from (figure["text"] for figure in data.get("figures", []))
        yield from (claim["note"] for claim in data.get("claims", []) if "note" in claim)


def _corpus_texts() -> Iterator[str]:
    for line in CORPUS.read_text("utf-8").splitlines():
        if line.strip():
            yield json.loads(line)["text"]


def _figures(texts: Iterator[str]) -> list[Figure]:
    found = []
    for text in texts:
        for figure in scan_text(text, run_checks=False).figures:
            if figure.kind in _READ and "a population phrase" not in " ".join(figure.notes):
                found.append(figure)
    return found


def _as_check_reads(figure: Figure) -> StatedFigure:
    """The figure's words as ``check`` reads them."""
    if figure.kind == "doses":
        return parse_claim(figure.text)
    return parse_stated(
        figure.text, other_drugs=figure.kind == "other-drug-mass" or figure.drug not in (None, "fentanyl")
    )


def _key(figure: StatedFigure) -> tuple[object, ...]:
    upper = figure.upper
    intervals = tuple(figure.interval(r, role=o) for r in READINGS for o in ROLES)  # type: ignore[arg-type]
    return (figure.qualifier, figure.amount.value, figure.amount.unit, figure.amount.kind, figure.amount.step,
            None if upper is None else (upper.value, upper.step), intervals)  # fmt: skip


def _disagreements(figures: list[Figure]) -> list[str]:
    out = []
    for figure in figures:
        if figure.ambiguous:  # a bare "tons": scan checks it as short tons, check asks which tons
            with pytest.raises(AmbiguousUnitError):
                _as_check_reads(figure)
            continue
        try:
            checked = _as_check_reads(figure)
        except DoseconvError as error:
            if figure.stated is not None:
                out.append(f"{figure.text!r}: scan read {figure.stated_text!r}, check refused it: {error}")
            continue
        if figure.stated is None:
            out.append(f"{figure.text!r}: check read it, scan did not: {figure.unreadable}")
        elif _key(checked) != _key(figure.stated):
            out.append(f"{figure.text!r}: scan read {_key(figure.stated)}, check {_key(checked)}")
    return out


def test_scan_reads_each_figure_of_the_project_texts_as_check_does() -> None:
    figures = _figures(_project_texts())
    assert len(figures) >= 200  # the stories, claims files and their notes hold about 240
    assert _disagreements(figures) == []


@pytest.mark.skipif(not CORPUS.is_file(), reason="../shared/corpus is not beside the project")
def test_scan_reads_each_figure_of_the_real_passages_as_check_does() -> None:
    figures = _figures(_corpus_texts())
    assert len(figures) >= 200  # 71 passages, about 240 figures
    assert _disagreements(figures) == []

"""docs/population.md: every pycon example runs and prints what the page shows."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

DOC = Path(__file__).resolve().parents[1] / "docs" / "population.md"


def _blocks() -> list[str]:
    return re.findall(r"```pycon\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)


def test_the_page_has_examples() -> None:
    assert len(_blocks()) >= 4


@pytest.mark.parametrize("index", range(len(_blocks())))
def test_population_doc_examples_run(index: int) -> None:
    globs: dict[str, object] = {}
    for number, block in enumerate(_blocks()[: index + 1]):  # later blocks use names imported by earlier ones
        test = doctest.DocTestParser().get_doctest(block, globs, f"population.md[{number}]", str(DOC), 0)
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
        runner.run(test, clear_globs=False)
        assert runner.summarize(verbose=False).failed == 0, f"block {number}"
        globs = test.globs

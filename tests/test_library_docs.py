"""docs/library.md (and every page's pycon examples): each example runs and prints what the page shows."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parents[1] / "docs"
#: population.md has its own test (tests/test_population_docs.py).
PAGES = sorted(p for p in DOCS.glob("*.md") if p.name != "population.md" and "```pycon" in p.read_text("utf-8"))


def _blocks(page: Path) -> list[str]:
    return re.findall(r"```pycon\n(.*?)```", page.read_text(encoding="utf-8"), re.S)


def test_the_library_page_has_examples() -> None:
    assert DOCS / "library.md" in PAGES
    assert len(_blocks(DOCS / "library.md")) >= 8


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_pycon_examples_run(page: Path) -> None:
    """The blocks of a page run in order in one namespace (later blocks use names imported by earlier ones)."""
    globs: dict[str, object] = {}
    for number, block in enumerate(_blocks(page)):
        test = doctest.DocTestParser().get_doctest(block, globs, f"{page.name}[{number}]", str(page), 0)
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
        runner.run(test, clear_globs=False)
        assert runner.summarize(verbose=False).failed == 0, f"{page.name}: block {number} (see the output above)"
        globs = test.globs


def test_every_public_name_is_documented_in_the_library_page() -> None:
    import doseconv

    text = (DOCS / "library.md").read_text("utf-8")
    missing = [name for name in doseconv.__all__ if name != "__version__" and f"`{name}`" not in text]
    assert missing == []

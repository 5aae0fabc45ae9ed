"""The documentation tells the truth: console examples run as shown; CI runs what the README says.

A documented file that is missing (a page, a file an example names, a link's target) fails a test;
nothing here is skipped because a file has moved.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from .cli import run

ROOT = Path(__file__).resolve().parents[1]
#: Pages the project documents itself in; each must exist (docs/*.md beyond these are checked too).
PAGES = [
    "README.md",
    "CHANGELOG.md",
    "docs/architecture.md",
    "docs/assumptions.md",
    "docs/claims-files.md",
    "docs/cli.md",
    "docs/json.md",
    "docs/library.md",
    "docs/methodology.md",
    "docs/performance.md",
    "docs/population.md",
    "docs/reliability.md",
    "docs/scan.md",
    "docs/units.md",
]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
# An argument of a console example that names a file or folder of the repository.
_PATH_ARGUMENT = re.compile(r"^[\w./-]+(?:/|\.(?:txt|md|html|toml|csv))$")
_LINK = re.compile(r"\]\((?!https?:|mailto:|#)([^)#\s]+)(?:#[^)\s]*)?\)")


def _console_examples():
    for path in DOCS:
        for block in re.findall(r"```console\n(.*?)```", path.read_text(), re.S):
            command, output = None, []
            for line in block.splitlines():
                if line.startswith("$ "):
                    if command is not None:
                        yield pytest.param(command, "\n".join(output), id=f"{path.name}: {command[:60]}")
                    command, output = line[2:], []
                else:
                    output.append(line)
            if command is not None:
                yield pytest.param(command, "\n".join(output), id=f"{path.name}: {command[:60]}")


@pytest.mark.parametrize("page", PAGES)
def test_every_documented_page_exists(page: str) -> None:
    assert (ROOT / page).is_file(), f"{page} is documented but missing"


@pytest.mark.parametrize(("command", "expected"), list(_console_examples()))
def test_files_named_by_console_examples_exist(command: str, expected: str) -> None:
    """An example that names a file only runs as shown if the file is there (unless it shows that it is not)."""
    for argument in shlex.split(command)[1:]:
        if _PATH_ARGUMENT.match(argument) and f"cannot read {argument}: no such file" not in expected:
            assert (ROOT / argument).exists(), f"`{command}` names {argument}, which is missing"


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_links_between_documents_point_at_files_that_exist(doc: Path) -> None:
    missing = [t for t in _LINK.findall(doc.read_text()) if not (doc.parent / t).exists()]
    assert missing == [], f"{doc.relative_to(ROOT)} links to missing files: {missing}"


def _python_examples():
    for path in DOCS[1:]:  # README.md's examples run as doctests
        for index, block in enumerate(re.findall(r"^```python\n(.*?)^```", path.read_text(), re.S | re.M), 1):
            yield pytest.param(block, id=f"{path.name}: example {index}")


@pytest.mark.parametrize("code", list(_python_examples()))
def test_python_examples_run(capsys, monkeypatch, code: str) -> None:
    monkeypatch.chdir(ROOT)
    exec(compile(code, "<docs example>", "exec"), {})


@pytest.mark.parametrize(("command", "expected"), list(_console_examples()))
def test_console_examples_print_what_the_docs_show(capsys, monkeypatch, command: str, expected: str) -> None:
    monkeypatch.chdir(ROOT)
    args = shlex.split(command)
    assert args[0] == "doseconv"
    result = run(capsys, *args[1:])
    shown = (result.out + result.err).rstrip("\n")
    assert shown == expected.rstrip("\n")


def test_ci_runs_the_readme_commands() -> None:
    readme = (ROOT / "README.md").read_text()
    setup = re.search(r"## Set up.*?```sh\n(.*?)```", readme, re.S)
    assert setup is not None
    commands = [line for line in setup.group(1).splitlines() if line.strip()]
    assert len(commands) == 2
    ci = (ROOT / ".ci" / "run").read_text().splitlines()
    for command in commands:
        assert command in ci

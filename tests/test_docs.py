"""The documentation tells the truth: console examples run as shown; CI runs what the README says."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from .cli import run

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def _console_examples():
    for path in DOCS:
        if not path.exists():
            continue
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

"""Run the command line in-process and capture what it prints."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from doseconv.cli import main


@dataclass
class Run:
    code: int
    out: str
    err: str


def run(capsys: pytest.CaptureFixture[str], *args: str) -> Run:
    code = main(list(args))
    captured = capsys.readouterr()
    return Run(code, captured.out, captured.err)

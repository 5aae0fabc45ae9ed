#!/usr/bin/env python3
"""Re-run every `$ doseconv ...` line in the ```console blocks of README.md and docs/*.md and
write what it prints under it. Review the diff: prose around an example may need changing too.
tests/test_docs.py fails whenever a block and the program disagree."""

from __future__ import annotations

import contextlib
import io
import re
import shlex
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from doseconv.cli import main  # noqa: E402


def run(command: str) -> str:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        main(shlex.split(command)[1:])
    return (out.getvalue() + err.getvalue()).rstrip("\n")


def update_block(block: str) -> str:
    lines, result = block.splitlines(), []
    for line in lines:
        if line.startswith("$ "):
            result.append(line)
            result.extend(run(line[2:]).splitlines())
    return "\n".join(result) + "\n"


def main_() -> None:
    import os

    os.chdir(ROOT)
    for path in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        text = path.read_text()
        new = re.sub(r"(```console\n)(.*?)(```)", lambda m: m[1] + update_block(m[2]) + m[3], text, flags=re.S)
        if new != text:
            path.write_text(new)
            print(f"updated {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main_()

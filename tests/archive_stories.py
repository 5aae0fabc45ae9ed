"""Small archives of stories written for the tests and the docs' worked example (docs/examples/archive/, never
copied from a real story), each with its dateline."""

from __future__ import annotations

from pathlib import Path

#: The worked example of docs/archive.md: a release and its restatements, a division's total called national, a
#: total revised on the same inputs, a slip of scale, and figures that look alike but must stay apart (another
#: division, another fiscal year).
EXAMPLES = Path(__file__).resolve().parents[1] / "docs" / "examples" / "archive"
TRACE_STORIES = {path.name: path.read_text(encoding="utf-8") for path in sorted(EXAMPLES.glob("*.txt"))}

#: A release, two restatements of it and a local story.
STORIES = {
    name: TRACE_STORIES[name]
    for name in ("2024-03-01-release.txt", "2024-03-04-wire.txt", "2024-03-09-pills-only.txt", "2024-05-02-local.txt")
}


def write_archive(folder: Path, stories: dict[str, str] | None = None) -> Path:
    """The stories written into ``folder`` (made if needed); the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in (stories or STORIES).items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder

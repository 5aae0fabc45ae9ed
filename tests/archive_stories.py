"""Small archives of stories written for the tests (never copied from a real story), each with its dateline."""

from __future__ import annotations

from pathlib import Path

#: name -> text: a release, its restatements and stories of other figures.
STORIES = {
    "2024-03-01-release.txt": (
        "WASHINGTON, March 1, 2024 — Operation Cold Harbor, run by the DEA nationwide from January 1, 2023 through "
        "December 31, 2023, seized nearly 12 million fentanyl pills and more than 1,500 pounds of fentanyl powder, "
        "equal to nearly 80 million deadly doses, the agency said.\n"
    ),
    "2024-03-04-wire.txt": (
        "WASHINGTON, March 4, 2024 — Nationwide, Operation Cold Harbor seized almost 12 million fentanyl pills and "
        "over 1,500 pounds of fentanyl powder, almost 80 million deadly doses, the DEA said.\n"
    ),
    "2024-03-09-pills-only.txt": (
        "RIVERTON, March 9, 2024 — The DEA's Operation Cold Harbor seized nearly 12 million fentanyl pills "
        "nationwide, equating to 80 million deadly doses.\n"
    ),
    "2024-05-02-local.txt": (
        "RIVERTON, May 2, 2024 — The Harbor County Sheriff's Office seized 3,000 fentanyl pills on Tuesday, or "
        "3,000 potentially lethal doses.\n"
    ),
}


def write_archive(folder: Path, stories: dict[str, str] | None = None) -> Path:
    """The stories written into ``folder`` (made if needed); the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in (stories or STORIES).items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder

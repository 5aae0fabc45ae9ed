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


#: Stories for restatement tracing: a division's total called national, a total revised on the same inputs, a
#: slip of scale, and figures that look alike but must stay apart (another division, another fiscal year).
TRACE_STORIES = {
    **STORIES,
    "2024-04-02-slip.txt": (
        "DENVER, April 2, 2024 — The DEA's Operation Cold Harbor seized nearly 12 million fentanyl pills and more "
        "than 680 kilograms of fentanyl powder nationwide, nearly 80 billion deadly doses.\n"
    ),
    "2024-01-10-division.txt": (
        "DENVER, Jan. 10, 2024 — The DEA Rocky Mountain Division seized 1.1 million fentanyl pills and 200 pounds "
        "of fentanyl powder in 2023, equal to about 3 million deadly doses.\n"
    ),
    "2024-02-01-national.txt": (
        "NEW YORK, Feb. 1, 2024 — Nationwide, the DEA seized 1.1 million fentanyl pills and 200 pounds of fentanyl "
        "powder in 2023, about 3 million deadly doses.\n"
    ),
    "2024-01-12-omaha.txt": (
        "OMAHA, Jan. 12, 2024 — The DEA Omaha Division seized 1.1 million fentanyl pills and 200 pounds of "
        "fentanyl powder in 2023, equal to about 3 million deadly doses.\n"
    ),
    "2024-01-15-first-count.txt": (
        "BOSTON, Jan. 15, 2024 — The DEA New England Division said the 400,000 fentanyl pills and 90 pounds of "
        "fentanyl powder it seized in 2023 equal 1.2 million deadly doses.\n"
    ),
    "2024-03-20-revised.txt": (
        "BOSTON, March 20, 2024 — The DEA New England Division revised its count: the 400,000 fentanyl pills and "
        "90 pounds of fentanyl powder seized in 2023 equal 900,000 deadly doses.\n"
    ),
    "2023-11-02-cbp-2023.txt": (
        "SAN DIEGO, Nov. 2, 2023 — CBP seized 2,000 pounds of fentanyl powder in fiscal year 2023, about 90 "
        "million deadly doses.\n"
    ),
    "2024-11-05-cbp-2024.txt": (
        "SAN DIEGO, Nov. 5, 2024 — CBP seized 2,000 pounds of fentanyl powder in fiscal year 2024, about 90 "
        "million deadly doses.\n"
    ),
}

"""Write scan results: the entry point for every format, and the JSON report.

The text report is in :mod:`.reporttext`, Markdown in :mod:`.reportmd`, the pieces they share in
:mod:`.reportparts` and the HTML page in :mod:`.html`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from ..errors import InputError
from .reportmd import render_markdown
from .reportparts import MAX_FIGURES, Limits
from .reporttext import render_text
from .scanner import ScanReport, ScanSet

__all__ = [
    "FILE_FORMATS",
    "MAX_FIGURES",
    "OUTPUT_FORMATS",
    "render",
    "render_file",
    "render_json",
    "render_markdown",
    "render_text",
    "story_entry",
]

#: Output formats of :func:`render` (text).
OUTPUT_FORMATS = ("text", "markdown", "json", "html")
#: Every format a report is written in: the text ones, and Word (.docx), written as bytes.
FILE_FORMATS = (*OUTPUT_FORMATS, "docx")


def render_file(
    scans: ScanSet, output: str = "text", *, max_figures: int = MAX_FIGURES, names: Mapping[str, str] | None = None
) -> str | bytes:
    """The report in any of :data:`FILE_FORMATS`: text as :func:`render` gives it, a Word document as bytes."""
    if output == "docx":
        from .reportdocx import render_docx

        return render_docx(scans)
    return render(scans, output, max_figures=max_figures, names=names)


def render(
    scans: ScanSet, output: str = "text", *, max_figures: int = MAX_FIGURES, names: Mapping[str, str] | None = None
) -> str:
    """The whole output for ``scans`` in ``output`` format (see :data:`OUTPUT_FORMATS`).

    At most ``max_figures`` figures of each story are listed, with a note saying how many more
    there are; ``names`` gives a front end's names for the limits (``max_figures``,
    ``max_claims``) in those notes.
    """
    if max_figures < 0:
        raise InputError(
            f"the figure limit must be a whole number of at least 0, not {max_figures}", parameter="max_figures"
        )
    limited = Limits(max_figures, names or {})
    if output == "json":
        return render_json(scans, max_figures)
    if output == "html":
        from .html import render_html

        return render_html(scans)
    if output == "markdown":
        return render_markdown(scans, limited)
    return render_text(scans, limited)


def render_json(scans: ScanSet, max_figures: int = MAX_FIGURES) -> str:
    """One JSON object: ``files`` (figures and claims of each, :func:`story_entry`) and a ``summary``.

    >>> from .scanner import scan_text
    >>> import json
    >>> json.loads(render_json(ScanSet((scan_text("No figures.", "a.txt"),))))["summary"]
    {'files': 1, 'figures': 0, 'claims': 0, 'verdicts': {}, 'flagged': 0, 'narrow_misses': 0}
    """
    listed = ScanSet(tuple(replace(r, figures=r.figures[:max_figures]) for r in scans.reports), scans.folder)
    out = listed.to_dict()
    out["files"] = [story_entry(report, max_figures) for report in scans.reports]
    out["summary"]["figures"] = sum(len(r.figures) for r in scans.reports)
    return json.dumps(out, indent=2, ensure_ascii=False)


def story_entry(report: ScanReport, max_figures: int = MAX_FIGURES) -> dict[str, Any]:
    """One story's entry in the JSON report: its figures (at most ``max_figures`` listed) and claims.

    Its summary counts every figure and says how many were not listed (``figures_not_listed``).
    The JSON lines of an archive scan (:mod:`doseconv.archive`) are this entry with the story's path and hash.

    >>> from .scanner import scan_text
    >>> story_entry(scan_text("5 pills, 6 pills, 7 pills", "a.txt"), max_figures=1)["summary"]["figures_not_listed"]
    2
    """
    entry = replace(report, figures=report.figures[:max_figures]).to_dict()
    entry["summary"]["figures"] = len(report.figures)
    entry["summary"]["dose_figures"] = len(report.dose_figures)
    entry["summary"]["figures_not_listed"] = max(len(report.figures) - max_figures, 0)
    return entry

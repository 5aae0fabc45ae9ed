"""A trace written out: text and Markdown (a timeline per figure, what changed first), CSV (one row per
restatement) and JSON; the HTML page is in :mod:`.html`."""

from __future__ import annotations

import csv
import io
import json

from .changes import ASPECTS
from .claims import TracedClaim
from .result import FigureTrace, Restatement, Trace

__all__ = ["CSV_COLUMNS", "TRACE_FORMATS", "render_trace"]

#: Output formats of :func:`render_trace`.
TRACE_FORMATS = ("text", "markdown", "json", "csv", "html")

#: The columns of the CSV, one row per restatement.
CSV_COLUMNS = (
    "figure",
    "earliest_path",
    "earliest_date",
    "earliest_text",
    "earliest_verdict",
    "path",
    "date",
    "text",
    "verdict",
    "link",
    "changed",
    *(f"{aspect}_change" for aspect in ASPECTS),
)


def render_trace(result: Trace, output: str = "text") -> str:
    """The trace in ``output`` format (:data:`TRACE_FORMATS`)."""
    if output == "json":
        return json.dumps(result.to_dict(), indent=2, ensure_ascii=False)
    if output == "csv":
        return _csv(result)
    if output == "html":
        from .html import render_html

        return render_html(result)
    if output == "markdown":
        return _markdown(result)
    return _text(result)


def _date(claim: TracedClaim) -> str:
    return claim.date.isoformat() if claim.date else "undated"


def _headline(result: Trace) -> str:
    figures = len(result.figures)
    restated = sum(len(f.claims) for f in result.figures)
    head = (
        f"{figures} figure{'s' if figures != 1 else ''} restated across {restated} claims "
        f"({result.stories} stories and {result.claims} claims read; {result.stated_once} "
        f"figure{'s' if result.stated_once != 1 else ''} stated once)"
    )
    return head if figures else f"No figure is restated in more than one story ({result.claims} claims read)."


def _order_note(figure: FigureTrace) -> str:
    if figure.undated == len(figure.claims):
        return "no story of this figure gives its date: ordered by path, so the first is not known to be the earliest"
    if figure.undated:
        return f"{figure.undated} undated, listed after the dated ones"
    return "ordered by story date"


def _summary(restatement: Restatement) -> str:
    return ", ".join(restatement.aspects()) or "no change"


def _text(result: Trace) -> str:
    lines = [_headline(result)]
    for figure in result.figures:
        first = figure.earliest
        lines += ["", f"Figure {figure.number}: {figure.title()}"]
        lines.append(f"  {len(figure.claims)} stories; earliest: {first.path} ({_date(first)}); {_order_note(figure)}")
        changed = figure.changed
        if changed:
            lines.append("  What changed against the earliest:")
        for restatement in changed:
            lines.append(f"    {restatement.claim.path} ({_date(restatement.claim)}):")
            lines += [f"      {c.aspect}: {c.text}" for c in restatement.changes]
        lines.append("  Timeline:")
        lines.append(f"    {_date(first):<10}  {first.path}  {first.text}  {first.verdict}  (earliest)")
        for r in figure.restatements:
            c = r.claim
            lines.append(f"    {_date(c):<10}  {c.path}  {c.text}  {c.verdict}  ({_summary(r)})")
    return "\n".join(lines)


def _md(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("*", "\\*").replace("_", "\\_").replace("\n", " ")


def _markdown(result: Trace) -> str:
    lines = ["# Restated figures", "", _headline(result)]
    for figure in result.figures:
        first = figure.earliest
        lines += ["", f"## Figure {figure.number}: {_md(figure.title())}", ""]
        lines.append(f"{len(figure.claims)} stories; earliest: `{first.path}` ({_date(first)}); {_order_note(figure)}.")
        if figure.changed:
            lines += ["", "### What changed against the earliest", ""]
        for restatement in figure.changed:
            lines.append(f"- `{restatement.claim.path}` ({_date(restatement.claim)}):")
            lines += [f"  - **{c.aspect}**: {_md(c.text)}" for c in restatement.changes]
        lines += ["", "### Timeline", "", "| date | story | figure | verdict | changed |", "|---|---|---|---|---|"]
        lines.append(f"| {_date(first)} | `{first.path}` | {_md(first.text)} | {first.verdict} | (earliest) |")
        for r in figure.restatements:
            c = r.claim
            lines.append(f"| {_date(c)} | `{c.path}` | {_md(c.text)} | {c.verdict} | {_summary(r)} |")
    return "\n".join(lines) + "\n"


def _cell(text: object) -> str:
    """A CSV cell that a spreadsheet shows as text: one starting like a formula gets a leading apostrophe."""
    value = "" if text is None else str(text)
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def _csv(result: Trace) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for figure in result.figures:
        first = figure.earliest
        for r in figure.restatements:
            c = r.claim
            by_aspect = {a: "; ".join(ch.text for ch in r.changes if ch.aspect == a) for a in ASPECTS}
            row = [
                figure.number,
                first.path,
                first.date or "",
                first.text,
                first.verdict,
                c.path,
                c.date or "",
                c.text,
                c.verdict,
                r.link,
                _summary(r),
                *(by_aspect[a] for a in ASPECTS),
            ]
            writer.writerow([_cell(v) for v in row])
    return out.getvalue()

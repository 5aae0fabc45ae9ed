"""The Markdown report of a scan: a summary table for a folder, then per story its claims and figures."""

from __future__ import annotations

import re

from ..markdown import text as markdown_text
from .reportparts import (
    Limits,
    basis_text,
    claim_notes,
    diagnosis_text,
    figure_value,
    figures_in_claims,
    none_found,
    other_scope_lines,
    plain_line,
    rules_text,
    summary_line,
)
from .scanner import Claim, ScanReport, ScanSet

__all__ = ["render_markdown"]


def _cell(text: object) -> str:
    """Story text as one Markdown cell or line: no raw HTML, no link of its own (doseconv.markdown)."""
    return markdown_text(str(text if text is not None else "")).replace("|", "\\|")


def _heading(report: ScanReport) -> str:
    """A story's heading: its title with Markdown's marks escaped (a title never turns into markup), then its
    file's name as before; a story without a title by its file's name alone."""
    if not report.title or not report.heading.startswith(report.title):
        return _cell(report.heading)
    title = markdown_text(re.sub(r"([\\`*_#|])", r"\\\1", " ".join(report.title.split())))
    return title + _cell(report.heading[len(report.title) :])


def _markdown_report(report: ScanReport, level: int, limits: Limits) -> list[str]:
    """One story: its summary line, its claims, then the figures that made them and the others."""
    h = "#" * level
    lines = [
        f"{h} {_heading(report)}",
        "",
        f"{report.format} text, {report.characters:,} characters: {summary_line(report)}.",
        "",
    ]
    if not report.dose_figures:
        lines += [_cell(none_found(report)), ""]
    if report.claims:
        lines += _claims(report, h)
    lines += _figures(report, h, limits)
    notes = limits.notes(report)
    if notes:
        lines += [*notes, ""]
    return lines


def _claims(report: ScanReport, h: str) -> list[str]:
    """The claims table, then each claim's sentence with its plain text, implied value, notes and why."""
    lines = [
        f"{h}# Claims", "",
        "| # | claim | verdict | corrected | rules | scope | scale | pills | powder | inputs from |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]  # fmt: skip
    for c in report.claims:
        d = c.draft
        correction = c.result.correction if c.result is not None else None
        lines.append(
            "| " + " | ".join(_cell(x) for x in (
                c.index, f"{d.doses.text} (#{d.doses.index})",
                f"**{c.verdict}**" if c.flagged else c.verdict, correction.phrase if correction else "—",
                rules_text(c, report), d.doses.scope.describe(), d.scale,
                f"{d.pills.text} (#{d.pills.index})" if d.pills else "—",
                f"{d.powder.text} (#{d.powder.index})" if d.powder else "—", basis_text(c),
            )) + " |"
        )  # fmt: skip
    lines.append("")
    for c in report.claims:
        lines += _claim_items(c)
    lines.append("")
    return lines


def _claim_items(c: Claim) -> list[str]:
    lines = [f"{c.index}. > {_cell(c.draft.doses.sentence)}"]
    plain = plain_line(c)
    if plain:
        lines.append(f"   - {_cell(plain)}")
    if c.implied:
        lines.append(f"   - implied: {_cell(c.implied)}; diagnosis: {_cell(diagnosis_text(c))}")
    lines += [f"   - {_cell(line)}" for line in other_scope_lines(c, "")]
    if c.result is not None and c.result.population is not None and c.draft.other_scope is None:
        lines.append(f"   - population: {_cell(c.result.population.explain())}")  # said in people
        lines.append(f"   - in people: {_cell(c.result.plain)}")
    for note in claim_notes(c):
        lines.append(f"   - note: {_cell(note)}")
    lines.append(f"   - why: {_cell(c.explanation)}")
    return lines


def _figures(report: ScanReport, h: str, limits: Limits) -> list[str]:
    """The listed figures: a table of those that made the claims, a list of the others."""
    lines: list[str] = []
    listed = limits.figures(report)
    used = figures_in_claims(report)
    in_claims = [f for f in listed if f.index in used]
    others = [f for f in listed if f.index not in used]
    if in_claims:
        lines += [
            f"{h}# Figures that made the claims", "",
            "| # | offsets | kind | figure | value | unit | drug | scope | sentence |",
            "|---|---|---|---|---|---|---|---|---|",
        ]  # fmt: skip
        for f in in_claims:
            lines.append(
                "| " + " | ".join(_cell(x) for x in (
                    f.index, f"{f.start}–{f.end}", f.kind, f.text, figure_value(f), f.unit, f.drug or "",
                    f.scope.describe(), f.sentence,
                )) + " |"
            )  # fmt: skip
        lines.append("")
    if others:
        lines += [f"{h}# Figures that made no claim", ""]
        for f in others:
            note = f" ({_cell(f.excluded)})" if f.excluded else ""
            lines.append(f"- #{f.index} {f.kind}: {_cell(f.text)} [{f.start}–{f.end}]{note}")
        lines.append("")
    return lines


def render_markdown(scans: ScanSet, limits: Limits | None = None) -> str:
    """One Markdown report; several files (a folder of stories) get a summary table first."""
    limits = limits or Limits()
    if len(scans.reports) == 1 and not scans.folder:
        return "\n".join(_markdown_report(scans.reports[0], 2, limits)).rstrip() + "\n"
    total = scans.to_dict()["summary"]
    verdicts = ", ".join(f"{n} {v}" for v, n in sorted(total["verdicts"].items())) or "no claims"
    lines = [
        "# Dose figures found", "",
        f"{total['files']} stories, {total['figures']} figures, {total['claims']} claims: {verdicts}.", "",
        "| story | figures | dose figures | claims | verdicts |", "|---|---|---|---|---|",
    ]  # fmt: skip
    for r in scans.reports:
        verdict_text = ", ".join(f"{n} {v}" for v, n in sorted(r.verdicts().items())) or "—"
        lines.append(
            f"| {_cell(r.source)} | {len(r.figures)} | {len(r.dose_figures)} | {len(r.claims)} | {verdict_text} |"
        )
    lines.append("")
    for r in scans.reports:
        lines += _markdown_report(r, 2, limits)
    return "\n".join(lines).rstrip() + "\n"

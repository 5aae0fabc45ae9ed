"""The text report of a scan: claims first, then the figures that made them, then the others."""

from __future__ import annotations

from .figure import Figure
from .reportparts import (
    Limits,
    claim_notes,
    clip,
    diagnosis_text,
    figure_amount,
    figures_in_claims,
    inputs_from,
    none_found,
    other_scope_lines,
    plain_line,
    rules_text,
    summary_line,
)
from .scanner import Claim, ScanReport, ScanSet

__all__ = ["render_text"]


def _correction_lines(claim: Claim, indent: str) -> list[str]:
    """The corrected figure and the plain-text correction (or, for a sound claim, the plain verdict)."""
    if claim.result is None:
        return []
    correction = claim.result.correction
    lines = []
    if correction is not None:
        lines.append(f"{indent}corrected: {correction.phrase}")
    plain = plain_line(claim)
    if plain:
        lines.append(indent + plain)
    return lines


def _claim_lines(claim: Claim, report: ScanReport) -> list[str]:
    draft = claim.draft
    doses = draft.doses
    lines = [
        f"  {claim.index}. {doses.text}  [{doses.start}-{doses.end}]  {claim.verdict.upper()}",
        f"     sentence: {clip(doses.sentence, 200)}",
        *_correction_lines(claim, "     "),
        f"     rules: {rules_text(claim, report)}",
        f"     scope: {doses.scope.describe()}; scale {draft.scale}; {inputs_from(claim)}",
    ]
    for name, figure in (("pills", draft.pills), ("powder", draft.powder)):
        if figure is not None:
            lines.append(f"     {name + ':':<8}{figure.text}  (#{figure.index}, {figure.scope.describe()})")
    lines += other_scope_lines(claim, "     ")
    if claim.implied:
        lines.append(f"     implied: {claim.implied}")
    lines.append(f"     diagnosis: {diagnosis_text(claim)}")
    if claim.result is not None and claim.result.population is not None and draft.other_scope is None:
        lines.append(f"     population: {claim.result.population.explain()}")
        lines.append(f"     in people: {claim.result.plain}")
    for note in claim_notes(claim):
        lines.append(f"     note: {note}")
    lines.append(f"     why: {claim.explanation}")
    return lines


def _brief(figure: Figure) -> str:
    note = f"  ({figure.excluded})" if figure.excluded else ""
    return f"    #{figure.index}  {figure.kind}  {clip(figure.text, 60)}  [{figure.start}-{figure.end}]{note}"


def _figure_table(figures: tuple[Figure, ...]) -> list[str]:
    rows = [
        (str(f.index), f"{f.start}-{f.end}", f.kind, clip(f.text, 48), clip(figure_amount(f), 32), f.scope.describe())
        for f in figures
    ]
    header = ("#", "offsets", "kind", "figure", "value", "scope")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header) - 1)]
    lines = []
    sentence = None
    for figure, row in zip(figures, rows, strict=True):
        if figure.sentence_index != sentence:
            sentence = figure.sentence_index
            lines.append(f"  sentence {sentence + 1}: {clip(figure.sentence, 150)}")
        cells = [
            cell.ljust(width) if i != 0 else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(row, widths, strict=False))
        ]
        lines.append("    " + "  ".join(cells + [row[-1]]))
        for note in figure.notes:
            lines.append(f"    {'':>{widths[0]}}  note: {note}")
    head = [
        f"    {'  '.join(h.rjust(w) if i == 0 else h.ljust(w) for i, (h, w) in enumerate(zip(header, widths, strict=False)))}  {header[-1]}"
    ]
    return head + lines


def _text_report(report: ScanReport, limits: Limits) -> list[str]:
    lines = [f"== {report.source} ({report.format}): {summary_line(report)}"]
    if not report.dose_figures:
        lines.append(none_found(report))
    if report.claims:
        lines += ["", "Claims"]
        for claim in report.claims:
            lines += _claim_lines(claim, report)
    listed = limits.figures(report)
    used = figures_in_claims(report)
    in_claims = tuple(f for f in listed if f.index in used)
    others = [f for f in listed if f.index not in used]
    if in_claims:
        lines += ["", "Figures that made the claims (offsets into the input)"]
        lines += _figure_table(in_claims)
    if others:
        lines += ["", "Figures that made no claim"]
        lines += [_brief(f) for f in others]
    notes = limits.notes(report)
    if notes:
        lines += ["", *notes]
    return lines


def render_text(scans: ScanSet, limits: Limits | None = None) -> str:
    """A text report per file, claims first: each claim's sentence, verdict, corrected figure and
    plain-text correction, rules and year, scope; then the figures that made them, grouped by
    sentence; then, briefly, the figures that made no claim.

    >>> from .scanner import scan_text
    >>> print(render_text(ScanSet((scan_text("Police made 12 arrests.", "a.txt"),))))
    == a.txt (plain): 1 figure, 0 claims
    No dose figures found in a.txt.
    <BLANKLINE>
    Figures that made no claim
        #1  arrests  12 arrests  [12-22]
    """
    if len(scans.reports) == 1 and not scans.reports[0].figures:
        return none_found(scans.reports[0])
    blocks = ["\n".join(_text_report(r, limits or Limits())) for r in scans.reports]
    if len(scans.reports) > 1:
        total = scans.to_dict()["summary"]
        narrow = total["narrow_misses"]
        verdicts = (
            ", ".join(
                f"{n} {v}" + (f" ({narrow} by a narrow miss)" if v == "implausible" and narrow else "")
                for v, n in sorted(total["verdicts"].items())
            )
            or "no claims"
        )
        stories = [
            f"  {r.source}: {len(r.claims)} claim{'s' if len(r.claims) != 1 else ''}, "
            f"{sum(c.flagged for c in r.claims)} flagged" + (f" ({_verdict_list(r)})" if r.claims else "")
            for r in scans.reports
        ]
        summary = f"{total['files']} files, {total['figures']} figures, {total['claims']} claims: {verdicts}"
        blocks.insert(0, "\n".join([summary, *stories]))
        blocks.append(summary)
    return "\n\n".join(blocks)


def _verdict_list(report: ScanReport) -> str:
    return ", ".join(f"{n} {v}" for v, n in sorted(report.verdicts().items()))

"""Write scan results as a text table, Markdown or JSON."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import replace

from ..errors import InputError
from ..numbers import format_grouped, format_words
from .figure import Figure
from .scanner import Claim, ScanReport, ScanSet

__all__ = ["MAX_FIGURES", "OUTPUT_FORMATS", "render", "render_json", "render_markdown", "render_text"]

#: Output formats of :func:`render`.
OUTPUT_FORMATS = ("text", "markdown", "json", "html")

#: The most figures listed for one story by default (``max_figures``); the rest are counted, not listed.
MAX_FIGURES = 500

_BASIS = {
    "sentence": "the same sentence",
    "paragraph": "the same paragraph, same scope",
    "nearby": "nearby sentences, same scope",
    "none": "no inputs found",
}


def _basis(claim: Claim) -> str:
    """Where a claim's inputs came from, in words."""
    if claim.draft.other_scope is not None:
        return "none of its own scope"
    return _BASIS[claim.draft.basis]


def _inputs_from(claim: Claim) -> str:
    if claim.draft.basis == "none":
        return "no inputs of its own scope" if claim.draft.other_scope is not None else "no inputs found"
    return f"inputs from {_BASIS[claim.draft.basis]}"


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
    limited = _Limits(max_figures, names or {})
    if output == "json":
        return render_json(scans, max_figures)
    if output == "html":
        from .html import render_html

        return render_html(scans)
    if output == "markdown":
        return render_markdown(scans, limited)
    return render_text(scans, limited)


class _Limits:
    """The figure limit of a rendering and the notes that say what a limit left out."""

    def __init__(self, max_figures: int = MAX_FIGURES, names: Mapping[str, str] | None = None) -> None:
        self.max_figures = max_figures
        self.names = names or {}

    def figures(self, report: ScanReport) -> tuple[Figure, ...]:
        return report.figures[: self.max_figures]

    def notes(self, report: ScanReport) -> list[str]:
        """One line per limit that left something out of ``report``.

        >>> from .scanner import scan_text
        >>> _Limits(1).notes(scan_text("5 pills, 6 pills, 7 doses", max_claims=0))
        ['1 dose figure not checked: at most 0 claims are checked in one story (raise the limit with max_claims).', '2 more figures not listed: at most 1 figures are listed for one story (raise the limit with max_figures).']
        """
        out = []
        if report.claims_not_checked:
            n = report.claims_not_checked
            out.append(
                f"{n:,} dose figure{'s' if n != 1 else ''} not checked: at most {len(report.claims):,} claims are "
                f"checked in one story (raise the limit with {self.names.get('max_claims', 'max_claims')})."
            )
        hidden = len(report.figures) - self.max_figures
        if hidden > 0:
            out.append(
                f"{hidden:,} more figure{'s' if hidden != 1 else ''} not listed: at most {self.max_figures:,} figures "
                f"are listed for one story (raise the limit with {self.names.get('max_figures', 'max_figures')})."
            )
        return out


def render_json(scans: ScanSet, max_figures: int = MAX_FIGURES) -> str:
    """One JSON object: ``files`` (figures and claims of each) and a ``summary``.

    Each file lists at most ``max_figures`` figures; its summary counts them all and says how
    many were not listed (``figures_not_listed``).

    >>> from .scanner import scan_text
    >>> import json
    >>> json.loads(render_json(ScanSet((scan_text("No figures.", "a.txt"),))))["summary"]
    {'files': 1, 'figures': 0, 'claims': 0, 'verdicts': {}, 'flagged': 0}
    """
    listed = ScanSet(tuple(replace(r, figures=r.figures[:max_figures]) for r in scans.reports), scans.folder)
    out = listed.to_dict()
    for report, file in zip(scans.reports, out["files"], strict=True):
        file["summary"]["figures"] = len(report.figures)
        file["summary"]["dose_figures"] = len(report.dose_figures)
        file["summary"]["figures_not_listed"] = max(len(report.figures) - max_figures, 0)
    out["summary"]["figures"] = sum(len(r.figures) for r in scans.reports)
    return json.dumps(out, indent=2, ensure_ascii=False)


def _value(figure: Figure) -> str:
    """The exact value grouped in threes; a range as low–high.

    >>> from .extract import extract_figures
    >>> from .text import read_document
    >>> [_value(f) for f in extract_figures(read_document("10-15 million pills and 6,500 pounds of fentanyl"))]
    ['10,000,000–15,000,000', '6,500']
    """
    if figure.value is not None:
        return format_grouped(figure.value)
    return f"{format_grouped(figure.low or 0)}–{format_grouped(figure.high or 0)}"


def _amount(figure: Figure) -> str:
    """The value with its unit: "44,000,000 pills", "$100,000,000", "55 percent"."""
    if figure.unit in ("$", "€", "£"):
        return figure.unit + _value(figure)
    return f"{_value(figure)} {figure.unit}" if figure.unit else _value(figure)


def _summary(report: ScanReport) -> str:
    verdicts = ", ".join(f"{n} {v}" for v, n in sorted(report.verdicts().items()))
    claims = f"{len(report.claims)} claim{'s' if len(report.claims) != 1 else ''}"
    figures = f"{len(report.figures)} figure{'s' if len(report.figures) != 1 else ''}"
    return f"{figures}, {claims}" + (f": {verdicts}" if verdicts else "")


def _none_found(report: ScanReport) -> str:
    return f"No dose figures found in {report.source}."


def _diagnosis(claim: Claim) -> str:
    if claim.result is None:
        return "not checked"
    if claim.draft.other_scope is not None:
        return "none (no inputs of its own scope)"
    matching = claim.reproduced_by
    if matching:
        return "reproduced by " + ", ".join(matching)
    best = next((d for d in claim.result.diagnosis if d.value is not None), None)
    if best is None or best.value is None or not claim.flagged:
        return "no known method reproduces it at the set's values"
    return f"no known method reproduces it; closest {best.method} ({format_words(best.value, 1)})"


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _rules_text(claim: Claim, report: ScanReport) -> str:
    """The rules and year a claim was checked under: the set, the story's date, the story's own rules."""
    parts = []
    if claim.result is not None:
        chosen = claim.result.assumptions
        parts.append(f"{chosen.name} ({chosen.title})")
    if report.story_date is not None:
        parts.append(f"story dated {report.story_date.date.isoformat()} ({report.story_date.found_in})")
    for rule in claim.rules.rules:
        parts.append(f"the story's rule {rule.describe()}")
    if claim.dea_verdict is not None:
        parts.append(f"under the set's figures alone: {claim.dea_verdict}")
    return "; ".join(parts) or "not checked"


def _correction_lines(claim: Claim, indent: str) -> list[str]:
    """The corrected figure and the plain-text correction (or, for a sound claim, the plain verdict)."""
    if claim.result is None:
        return []
    correction = claim.result.correction
    lines = []
    if correction is not None:
        lines.append(f"{indent}corrected: {correction.phrase}")
    plain = _plain_line(claim)
    if plain:
        lines.append(indent + plain)
    return lines


def _plain_line(claim: Claim) -> str | None:
    """ "correction: …" or "in words: …"; None when there is none or a population claim says it "in people"."""
    if claim.result is None or not claim.plain:
        return None
    if claim.result.population is not None and claim.draft.other_scope is None:
        return None
    return f"{'correction' if claim.result.correction is not None else 'in words'}: {claim.plain}"


def _other_scope_lines(claim: Claim, indent: str) -> list[str]:
    """For a total with no input of its own scope: the nearest figures of another scope and the what-if verdict."""
    other = claim.draft.other_scope
    if other is None:
        return []
    lines = [f"{indent}nearest of another scope: {f.text}  (#{f.index}, {f.scope.describe()})" for f in other.figures]
    what_if = claim.other_scope
    if what_if is not None:
        implied = f" ({what_if.implied})" if what_if.implied else ""
        lines.append(f"{indent}what-if (not the verdict): {what_if.verdict}{implied}")
    return lines


def _notes(claim: Claim) -> list[str]:
    """The claim's notes, less the plain sentence already shown."""
    return [n for n in claim.notes if n != claim.plain]


def _claim_lines(claim: Claim, report: ScanReport) -> list[str]:
    draft = claim.draft
    doses = draft.doses
    lines = [
        f"  {claim.index}. {doses.text}  [{doses.start}-{doses.end}]  {claim.verdict.upper()}",
        f"     sentence: {_clip(doses.sentence, 200)}",
        *_correction_lines(claim, "     "),
        f"     rules: {_rules_text(claim, report)}",
        f"     scope: {doses.scope.describe()}; scale {draft.scale}; {_inputs_from(claim)}",
    ]
    for name, figure in (("pills", draft.pills), ("powder", draft.powder)):
        if figure is not None:
            lines.append(f"     {name + ':':<8}{figure.text}  (#{figure.index}, {figure.scope.describe()})")
    lines += _other_scope_lines(claim, "     ")
    if claim.implied:
        lines.append(f"     implied: {claim.implied}")
    lines.append(f"     diagnosis: {_diagnosis(claim)}")
    if claim.result is not None and claim.result.population is not None and draft.other_scope is None:
        lines.append(f"     population: {claim.result.population.explain()}")
        lines.append(f"     in people: {claim.result.plain}")
    for note in _notes(claim):
        lines.append(f"     note: {note}")
    lines.append(f"     why: {claim.explanation}")
    return lines


def _in_claims(report: ScanReport) -> set[int]:
    """The indexes of the figures that made a claim (its dose figure and its inputs)."""
    used = set()
    for claim in report.claims:
        for figure in (claim.draft.doses, claim.draft.pills, claim.draft.powder):
            if figure is not None:
                used.add(figure.index)
    return used


def _brief(figure: Figure) -> str:
    note = f"  ({figure.excluded})" if figure.excluded else ""
    return f"    #{figure.index}  {figure.kind}  {_clip(figure.text, 60)}  [{figure.start}-{figure.end}]{note}"


def _figure_table(figures: tuple[Figure, ...]) -> list[str]:
    rows = [
        (str(f.index), f"{f.start}-{f.end}", f.kind, _clip(f.text, 48), _clip(_amount(f), 32), f.scope.describe())
        for f in figures
    ]
    header = ("#", "offsets", "kind", "figure", "value", "scope")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header) - 1)]
    lines = []
    sentence = None
    for figure, row in zip(figures, rows, strict=True):
        if figure.sentence_index != sentence:
            sentence = figure.sentence_index
            lines.append(f"  sentence {sentence + 1}: {_clip(figure.sentence, 150)}")
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


def _text_report(report: ScanReport, limits: _Limits) -> list[str]:
    lines = [f"== {report.source} ({report.format}): {_summary(report)}"]
    if not report.dose_figures:
        lines.append(_none_found(report))
    if report.claims:
        lines += ["", "Claims"]
        for claim in report.claims:
            lines += _claim_lines(claim, report)
    listed = limits.figures(report)
    used = _in_claims(report)
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


def render_text(scans: ScanSet, limits: _Limits | None = None) -> str:
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
        return _none_found(scans.reports[0])
    blocks = ["\n".join(_text_report(r, limits or _Limits())) for r in scans.reports]
    if len(scans.reports) > 1:
        total = scans.to_dict()["summary"]
        verdicts = ", ".join(f"{n} {v}" for v, n in sorted(total["verdicts"].items())) or "no claims"
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


def _cell(text: object) -> str:
    return str(text if text is not None else "").replace("|", "\\|").replace("\n", " ")


def _markdown_report(report: ScanReport, level: int, limits: _Limits) -> list[str]:
    h = "#" * level
    lines = [
        f"{h} {report.source}",
        "",
        f"{report.format} text, {report.characters:,} characters: {_summary(report)}.",
        "",
    ]
    if not report.dose_figures:
        lines += [_none_found(report), ""]
    if report.claims:
        lines += [
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
                    _rules_text(c, report), d.doses.scope.describe(), d.scale,
                    f"{d.pills.text} (#{d.pills.index})" if d.pills else "—",
                    f"{d.powder.text} (#{d.powder.index})" if d.powder else "—", _basis(c),
                )) + " |"
            )  # fmt: skip
        lines.append("")
        for c in report.claims:
            lines.append(f"{c.index}. > {_cell(c.draft.doses.sentence)}")
            plain = _plain_line(c)
            if plain:
                lines.append(f"   - {_cell(plain)}")
            if c.implied:
                lines.append(f"   - implied: {_cell(c.implied)}; diagnosis: {_cell(_diagnosis(c))}")
            lines += [f"   - {_cell(line)}" for line in _other_scope_lines(c, "")]
            if c.result is not None and c.result.population is not None and c.draft.other_scope is None:
                lines.append(f"   - population: {_cell(c.result.population.explain())}")  # said in people
                lines.append(f"   - in people: {_cell(c.result.plain)}")
            for note in _notes(c):
                lines.append(f"   - note: {_cell(note)}")
            lines.append(f"   - why: {_cell(c.explanation)}")
        lines.append("")
    listed = limits.figures(report)
    used = _in_claims(report)
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
                    f.index, f"{f.start}–{f.end}", f.kind, f.text, _value(f), f.unit, f.drug or "",
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
    notes = limits.notes(report)
    if notes:
        lines += [*notes, ""]
    return lines


def render_markdown(scans: ScanSet, limits: _Limits | None = None) -> str:
    """One Markdown report; several files (a folder of stories) get a summary table first."""
    limits = limits or _Limits()
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

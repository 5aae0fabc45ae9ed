"""A scan report as one self-contained HTML page: the story with each claim highlighted in place.

The page has no network dependency (inline CSS, no fonts, no scripts): a summary table at the
top, then each story's text as the scanner read it, each claim marked in its verdict's colour
with its correction beside it (in the margin on a wide screen, below the line on a phone), and
the figures that made each claim underlined.
"""

from __future__ import annotations

from html import escape

from ..verdictstyle import LEGEND_CSS, legend_html, verdict_css
from .figure import Figure
from .scanner import Claim, ScanReport, ScanSet

__all__ = ["render_html"]

_CSS = """
*{box-sizing:border-box}
body{font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;padding:1rem;color:#1b1b1b;
background:#fff;max-width:72rem}
h1{font-size:1.4rem;margin:.2rem 0 .8rem}h2{font-size:1.15rem;margin:2rem 0 .5rem;overflow-wrap:anywhere}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.92rem}
th,td{border:1px solid #ccc;padding:.3rem .45rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
th{background:#f3f3f3}
.summary-wrap{overflow-x:auto}
.story-text{white-space:pre-wrap;overflow-wrap:anywhere}
mark.claim{padding:0 .15em;border-radius:3px;color:inherit;font-weight:600}
mark.claim a{color:inherit;text-decoration:none}
mark.claim sup{font-weight:700;margin-left:.15em}
.input{text-decoration:underline dotted 2px;text-underline-offset:3px}
.fix.edge{background:#fafafa}
.fix{display:block;white-space:normal;margin:.35rem 0 .8rem;padding:.4rem .6rem;border:0 solid #999;border-left-width:5px;
background:#fafafa;font-size:.9rem;line-height:1.4}
.fix b{text-transform:uppercase;letter-spacing:.02em}
.verdict{display:inline-block;padding:0 .4em;border-radius:3px;font-weight:700;white-space:nowrap}
section.story{display:flow-root}
.meta{color:#555;font-size:.9rem}
@media (min-width:60rem){
 .story-text{margin-right:22rem;position:relative}
 .fix{float:right;clear:right;width:20rem;margin:0 -22rem .6rem 0}
}
"""


def _fix(claim: Claim, anchor: str) -> str:
    """The box beside a claim: its verdict, corrected figure and plain-text correction."""
    result = claim.result
    parts = [f'<b class="verdict v-{escape(claim.verdict)}">{escape(claim.verdict)}</b>']
    if result is not None and result.correction is not None:
        parts.append(f" corrected: <strong>{escape(result.correction.phrase)}</strong>.")
    if claim.plain:
        parts.append(f" {escape(claim.plain)}")
    elif claim.notes:
        parts.append(f" {escape(claim.notes[-1])}")
    if claim.dea_verdict is not None:
        parts.append(f" <i>Under the set's figures alone: {escape(claim.dea_verdict)}.</i>")
    return f'<span class="fix edge v-{escape(claim.verdict)}" role="note" id="{anchor}-fix">{"".join(parts)}</span>'


def _spans(report: ScanReport) -> list[tuple[int, int, str, Claim | None]]:
    """The marked stretches of the story text: claims and their inputs, in order, none overlapping."""
    wanted: list[tuple[int, int, str, Claim | None]] = []
    inputs: set[int] = set()
    for claim in report.claims:
        doses = claim.draft.doses
        wanted.append((doses.scan_start, doses.scan_end, "claim", claim))
        for figure in (claim.draft.pills, claim.draft.powder):
            if figure is not None and figure.index not in inputs:
                inputs.add(figure.index)
                wanted.append((figure.scan_start, figure.scan_end, "input", None))
    wanted.sort(key=lambda span: (span[0], span[2] != "claim"))
    kept: list[tuple[int, int, str, Claim | None]] = []
    for span in wanted:
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


def _story_text(report: ScanReport, prefix: str, first: int) -> str:
    text = report.text
    out = []
    position = 0
    for start, end, _kind, claim in _spans(report):
        out.append(escape(text[position:start]))
        words = escape(text[start:end])
        if claim is None:
            out.append(f'<span class="input">{words}</span>')
        else:
            anchor = f"{prefix}-c{claim.index}"
            row = f"claim-{first + claim.index - 1}"  # its row in the story's table
            out.append(
                f'<mark class="claim v-{escape(claim.verdict)}" data-verdict="{escape(claim.verdict)}" id="{anchor}" '
                f'title="{escape(claim.verdict)}"><a href="#{row}">{words}</a><sup>{claim.index}</sup></mark>'
                f"{_fix(claim, anchor)}"
            )
        position = end
    out.append(escape(text[position:]))
    return f'<div class="story-text">{"".join(out)}</div>'


def _figure_text(figure: Figure | None) -> str:
    return escape(figure.text) if figure is not None else "—"


def _claims_table(report: ScanReport, prefix: str, first: int) -> str:
    rows = []
    for claim in report.claims:
        result = claim.result
        corrected = escape(result.correction.phrase) if result is not None and result.correction else "—"
        rows.append(
            f'<tr id="claim-{first + claim.index - 1}"><td><a href="#{prefix}-c{claim.index}">{claim.index}</a></td>'
            f"<td>{escape(claim.draft.doses.text)}</td>"
            f'<td><span class="verdict v-{escape(claim.verdict)}">{escape(claim.verdict)}</span></td>'
            f"<td>{corrected}</td><td>{_figure_text(claim.draft.pills)}</td><td>{_figure_text(claim.draft.powder)}</td>"
            f"<td>{escape(result.assumptions.name if result is not None else '—')}</td>"
            f"<td>{escape(claim.draft.doses.scope.describe())}</td></tr>"
        )
    head = "<tr><th>#</th><th>claim</th><th>verdict</th><th>corrected</th><th>pills</th><th>powder</th>"
    head += "<th>rules</th><th>scope</th></tr>"
    return f'<div class="summary-wrap"><table class="claims">{head}{"".join(rows)}</table></div>'


def _verdict_counts(report: ScanReport) -> str:
    return ", ".join(f"{n} {v}" for v, n in sorted(report.verdicts().items())) or "no claims"


def _story(report: ScanReport, number: int, first: int) -> str:
    """One story's section; its claims' table rows are numbered from ``first`` across the page."""
    prefix = f"s{number}"
    meta = [f"{report.format} text, {report.characters:,} characters; {_verdict_counts(report)}"]
    if report.story_date is not None:
        meta.append(f"dated {report.story_date.date.isoformat()} ({report.story_date.found_in})")
    for rule in report.rules.rules:
        meta.append(f"the story's rule {rule.describe()}")
    parts = [
        f'<section class="story" id="{prefix}"><h2>{escape(report.source)}</h2>',
        f'<p class="meta">{escape("; ".join(meta))}.</p>',
    ]
    if report.claims:
        parts.append(_claims_table(report, prefix, first))
    else:
        parts.append(f"<p>No dose figures found in {escape(report.source)}.</p>")
    parts.append(_story_text(report, prefix, first))
    parts.append("</section>")
    return "".join(parts)


def _summary(scans: ScanSet) -> str:
    rows = []
    for number, report in enumerate(scans.reports, 1):
        flagged = sum(c.flagged for c in report.claims)
        rows.append(
            f'<tr><td><a href="#s{number}">{escape(report.source)}</a></td><td>{len(report.claims)}</td>'
            f"<td>{flagged}</td><td>{escape(_verdict_counts(report))}</td></tr>"
        )
    head = "<tr><th>story</th><th>claims</th><th>flagged</th><th>verdicts</th></tr>"
    return f'<div class="summary-wrap"><table class="summary">{head}{"".join(rows)}</table></div>'


def render_html(scans: ScanSet) -> str:
    """One self-contained HTML page for ``scans``: a summary table, then each story with its claims marked.

    >>> from .scanner import scan_text
    >>> page = render_html(ScanSet((scan_text("Police seized 2 kilos of fentanyl, enough to kill 1 million people.", "a"),)))
    >>> page.count('<mark class="claim v-upper-bound"'), "<script" in page, "http" in page
    (1, False, False)
    """
    total = scans.to_dict()["summary"]
    verdicts = ", ".join(f"{n} {v}" for v, n in sorted(total["verdicts"].items())) or "no claims"
    firsts = [1]
    for report in scans.reports:
        firsts.append(firsts[-1] + len(report.claims))
    stories = "".join(_story(r, i, firsts[i - 1]) for i, r in enumerate(scans.reports, 1))
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>doseconv scan: {total['claims']} claims</title><style>{_CSS}{verdict_css()}{LEGEND_CSS}</style></head>"
        f'<body><h1>Dose claims checked</h1><p class="meta">{total["files"]} '
        f"stor{'y' if total['files'] == 1 else 'ies'}, {total['claims']} claims: {escape(verdicts)}; "
        f"{total['flagged']} flagged.</p>{_summary(scans)}<h2>What the verdicts mean</h2>{legend_html()}"
        f"{stories}</body></html>\n"
    )

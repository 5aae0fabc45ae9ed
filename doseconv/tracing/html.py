"""A trace as one self-contained HTML page: for each restated figure, what changed first, then a timeline of its
statements, story by story (inline CSS, no scripts, no network)."""

from __future__ import annotations

from html import escape

from ..verdictstyle import LEGEND_CSS, legend_html, style, verdict_css
from .claims import TracedClaim
from .result import FigureTrace, Restatement, Trace

__all__ = ["render_html"]

_CSS = """
*{box-sizing:border-box}
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;padding:1rem;color:#1b1b1b;
background:#fff;max-width:62rem}
h1{font-size:1.4rem;margin:.2rem 0 .6rem}h2{font-size:1.15rem;margin:2rem 0 .4rem;overflow-wrap:anywhere}
h3{font-size:1rem;margin:1rem 0 .3rem}
.meta{color:#555;font-size:.9rem}
ul.changes{margin:.2rem 0 .6rem 1.2rem;padding:0}
.aspect{font-weight:700;text-transform:uppercase;font-size:.8rem;letter-spacing:.03em}
ol.timeline{list-style:none;margin:.4rem 0 0 .6rem;padding:0 0 0 1.2rem;border-left:3px solid #bbb}
ol.timeline>li{position:relative;margin:0 0 1rem}
ol.timeline>li::before{content:"";position:absolute;left:-1.75rem;top:.35rem;width:.8rem;height:.8rem;
border-radius:50%;background:#777;border:2px solid #fff}
ol.timeline>li.earliest::before{background:#1b1b1b}
.when{font-weight:700;font-variant-numeric:tabular-nums}
.path{font-family:ui-monospace,monospace;font-size:.85rem;overflow-wrap:anywhere}
.verdict{display:inline-block;padding:0 .4em;border-radius:3px;font-weight:700;white-space:nowrap}
.sentence{color:#333;font-size:.92rem;margin:.2rem 0}
"""


def _verdict(verdict: str) -> str:
    shown = style(verdict)
    return f'<span class="verdict v-{escape(verdict)}" title="{escape(shown.meaning)}">{escape(shown.label)}</span>'


def _date(claim: TracedClaim) -> str:
    return claim.date.isoformat() if claim.date else "undated"


def _changes(restatement: Restatement) -> str:
    items = "".join(
        f'<li><span class="aspect">{escape(c.aspect)}</span> {escape(c.text)}</li>' for c in restatement.changes
    )
    return f'<ul class="changes">{items}</ul>' if items else '<p class="meta">no change</p>'


def _entry(claim: TracedClaim, body: str, earliest: bool = False) -> str:
    inputs = " and ".join(escape(i.text) for i in (claim.pills, claim.powder) if i is not None) or "no inputs"
    return (
        f'<li class="{"earliest" if earliest else "later"}"><span class="when">{_date(claim)}</span> '
        f'<span class="path">{escape(claim.path)}</span><br><b>{escape(claim.text)}</b> {_verdict(claim.verdict)}'
        f'<div class="meta">from {inputs}; {escape(claim.scope_text or "no scope stated")}</div>'
        f'<p class="sentence">{escape(claim.sentence)}</p>{body}</li>'
    )


def _figure(figure: FigureTrace) -> str:
    first = figure.earliest
    parts = [f'<section class="figure" id="figure-{figure.number}">']
    parts.append(f"<h2>Figure {figure.number}: {escape(figure.title())}</h2>")
    parts.append(f'<p class="meta">{len(figure.claims)} stories; earliest {escape(first.path)} ({_date(first)})</p>')
    if figure.changed:
        parts.append("<h3>What changed against the earliest</h3>")
        for r in figure.changed:
            parts.append(f'<p><span class="path">{escape(r.claim.path)}</span> ({_date(r.claim)})</p>{_changes(r)}')
    parts.append('<h3>Timeline</h3><ol class="timeline">')
    parts.append(_entry(first, '<p class="meta">the earliest statement</p>', earliest=True))
    parts += [_entry(r.claim, _changes(r)) for r in figure.restatements]
    parts.append("</ol></section>")
    return "".join(parts)


def render_html(result: Trace) -> str:
    """The whole page."""
    summary = result.to_dict()["summary"]
    head = (
        f"{summary['figures_restated']} figures restated in {summary['restatements']} later statements; "
        f"{summary['stories']} stories and {summary['claims']} claims read"
    )
    body = "".join(_figure(f) for f in result.figures) or "<p>No figure is restated in more than one story.</p>"
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Restated figures</title><style>{_CSS}{verdict_css()}{LEGEND_CSS}</style></head>"
        f'<body><h1>Restated figures</h1><p class="meta">{escape(head)}</p>{legend_html()}{body}</body></html>\n'
    )

"""HTML for results: a card per checked claim, the story with its claims highlighted, a summary.

Cards are built from the JSON the library gives (``CheckResult.to_dict()`` and the scan's claim
objects), so a field the library adds (a correction, a paste-ready sentence, a population) shows
up here by name. Every piece of text passes through :func:`escape` on its way into the page.
"""

from __future__ import annotations

import re
from collections import Counter
from html import escape
from typing import Any

from ..verdictstyle import legend_html, style, styles

__all__ = ["EXPLAINER", "check_card", "legend", "story_html", "summary_html", "verdict_label", "verdict_line"]

#: Where the page serves the editors' explainer of the verdicts (docs/verdicts.md).
EXPLAINER = "/verdicts"


def verdict_label(verdict: str) -> str:
    return verdict.replace("-", " ").capitalize()


def verdict_line(verdict: str) -> str:
    """The verdict in words with its one-line meaning, and a link to its part of the explainer."""
    shown = style(verdict)
    return (
        f'<p class="verdict">{escape(shown.sentence)} '
        f'<a class="explain" href="{EXPLAINER}#{escape(verdict)}">What this verdict means</a></p>'
    )


def legend() -> str:
    """Every verdict's colour and meaning, linked to the explainer."""
    return f'<details class="key" open><summary>Verdict colours</summary>{legend_html(EXPLAINER)}</details>'


def _css_verdict(verdict: str) -> str:
    return "v-" + "".join(c if c.isalnum() or c == "-" else "-" for c in verdict)


def _interval(data: dict[str, Any] | None) -> str:
    if not data:
        return ""
    from fractions import Fraction

    from ..reading.numbers import format_words

    low, high = Fraction(data["low"]), Fraction(data["high"])
    if low == high:
        return format_words(low, 2)
    return f"{format_words(low, 2)} to {format_words(high, 2)}"


def _row(name: str, value: str | None) -> str:
    return f"<dt>{escape(name)}</dt><dd>{escape(value)}</dd>" if value else ""


def _citations(check: dict[str, Any]) -> str:
    items = []
    for c in check.get("assumptions", {}).get("citations", []):
        url = c.get("url", "")
        link = f' <a href="{escape(url)}" rel="noreferrer">{escape(url)}</a>' if url.startswith("https://") else ""
        items.append(
            f"<li>{escape(c.get('publisher', ''))}, “{escape(c.get('title', ''))}”, {escape(c.get('date', ''))}{link}</li>"
        )
    if not items:
        return ""
    return f"<details><summary>Sources of the figures used</summary><ul>{''.join(items)}</ul></details>"


def _correction(check: dict[str, Any]) -> str:
    correction = check.get("correction")
    if not isinstance(correction, dict):
        return ""
    figure = correction.get("phrase") or correction.get("value")
    rests = "; ".join(
        f"{a.get('name', '')} {a.get('value', '')}" + (f" ({a['source']})" if a.get("source") else "")
        for a in correction.get("assumptions", [])
    )
    return _row("Corrected figure", f"{figure} doses" + (f", at {rests}" if rests else ""))


def _rules(check: dict[str, Any]) -> str:
    """The rules used: the set, its period, the reading and scale; the claim's date when one dated it."""
    name = check.get("assumptions", {}).get("name")
    if not name:
        return ""
    from .service import set_period

    period = set_period(name)
    text = f"{name}" + (f" (figures for {period})" if period else "")
    text += f"; {check.get('reading', '')} reading, {check.get('scale', '')} scale"
    dated = next((n for n in check.get("notes", []) if n.startswith("claim dated ")), None)
    return _row("Rules used", text) + _row("Date", dated.removeprefix("claim dated ") if dated else None)


def _population(check: dict[str, Any]) -> str:
    population = check.get("population")
    if not isinstance(population, dict):
        return ""
    value = population.get("value")
    people = f"{value:,}" if isinstance(value, int) else str(value)
    return (
        _row("Population", f"{population.get('place', '')}: {people} in {population.get('year', '')}")
        + _row("Population source", f"{population.get('citation', '')} ({population.get('counts', '')})")
        + _row("Population note", population.get("note"))
    )


def _diagnosis(check: dict[str, Any]) -> str:
    """The methods that reproduce the claim (a row of the card's list)."""
    diagnosis = check.get("diagnosis") or []
    if not diagnosis:
        return _row("Diagnosis", "none (no inputs to make a total from)")
    from .service import method_words

    said = [method_words(d["method"], d.get("note") or "") for d in diagnosis if d.get("matches")]
    shown = "; ".join(words + (f": {note}" if note else "") for words, note in said)
    return _row("Diagnosis", shown or "no method reproduces the claim")


def _methods(check: dict[str, Any]) -> str:
    """Every method tried, in a closed section."""
    diagnosis = check.get("diagnosis") or []
    if not diagnosis:
        return ""
    from .service import method_words

    said = [(d, *method_words(d.get("method", ""), d.get("note") or "")) for d in diagnosis]
    rows = "".join(
        f"<tr><td>{escape(words)}</td><td>{escape(d.get('display') or 'n/a')}</td>"
        f"<td>{'match' if d.get('matches') else ''}</td><td>{escape(note)}</td></tr>"
        for d, words, note in said
    )
    table = (
        '<details class="diagnosis"><summary>Every method tried (diagnosis)</summary><table><thead><tr>'
        "<th scope=col>Method</th><th scope=col>Doses</th><th scope=col>Match</th><th scope=col>Note</th>"
        f"</tr></thead><tbody>{rows}</tbody></table></details>"
    )
    return table


def check_card(
    check: dict[str, Any],
    *,
    title: str,
    anchor: str,
    figures: dict[str, str | None] | None = None,
    plain: str | None = None,
) -> str:
    """One claim's card from its check JSON; ``figures`` names the story's own words (claim, pills, powder);
    ``plain`` is the story report's own sentence for the claim when it has one (a total with no input of its
    own scope is told as such, with its what-if), else the check's."""
    verdict = str(check.get("verdict", "unverifiable"))
    inputs = check.get("inputs") or {}
    figures = figures or {k: (inputs.get(k) or {}).get("text") for k in ("claim", "pills", "powder")}
    implied = check.get("implied") or {}
    plain = plain or check.get("plain") or (check.get("correction") or {}).get("plain") or check.get("explanation", "")
    body = [
        f'<article class="card edge {_css_verdict(verdict)}" id="{escape(anchor)}" data-verdict="{escape(verdict)}">',
        f"<h3>{escape(title)}</h3>",
        verdict_line(verdict),
    ]
    if plain:
        body.append(
            f'<p class="plain" id="{escape(anchor)}-text">{escape(plain)}</p>'
            f'<button type="button" class="copy secondary" data-copy="{escape(anchor)}-text" hidden>Copy text</button>'
        )
    body += [
        "<dl>",
        _row("Claim", figures.get("claim")),
        _row("Pills", figures.get("pills")),
        _row("Powder", figures.get("powder")),
        _correction(check),
        _row("Claim allows", _interval(check.get("claimed")) + " doses" if check.get("claimed") else None),
        _row("Inputs give", _interval(check.get("computed")) + " doses" if check.get("computed") else None),
        _row("The claim needs", implied.get("display")),
        _population(check),
        _rules(check),
        _diagnosis(check),
        "</dl>",
        _methods(check),
        f'<details class="why"><summary>Why (the full explanation)</summary><p>{escape(check.get("explanation", ""))}'
        "</p></details>",
    ]
    for note in check.get("notes", []):
        if note.startswith(("population: ", "claim dated ")):
            continue  # shown in the rows above
        body.append(f'<p class="note">Note: {escape(note)}</p>')
    body.append(_citations(check))
    body.append("</article>")
    return "".join(body)


def unchecked_card(claim: dict[str, Any], anchor: str) -> str:
    """A claim the checker could not read: its words and why."""
    notes = "".join(f'<p class="note">{escape(n)}</p>' for n in claim.get("notes", []))
    return (
        f'<article class="card edge v-unverifiable" id="{escape(anchor)}" data-verdict="unverifiable">'
        f"<h3>Claim {claim['index']}</h3>{verdict_line('unverifiable')}"
        f"<dl>{_row('Claim', claim['stated'].get('claim'))}</dl>{notes}</article>"
    )


def summary_html(report: dict[str, Any]) -> str:
    """A line counting claims by verdict, worst first."""
    claims = report.get("claims", [])
    if not claims:
        return '<p class="summary">No dose claims found in this story.</p>'
    counts = Counter(c["verdict"] for c in claims)
    order = [found.verdict for found in styles()]
    parts = [f"{counts[v]} {verdict_label(v).lower()}" for v in order if counts.get(v)]
    parts += [f"{n} {escape(v)}" for v, n in counts.items() if v not in order]
    flagged = sum(1 for c in claims if c.get("flagged"))
    lead = f"{flagged} of {len(claims)} claims flagged" if flagged else f"No claim flagged of {len(claims)}"
    return f'<p class="summary" id="summary"><strong>{lead}.</strong> {escape(", ".join(parts))}.</p>'


def _tidy(text: str) -> str:
    """Text between marks as a reader expects it: the blank lines and indents left where markup was stripped
    become one paragraph break, spaces at line ends go (offsets are kept: only what is shown changes).

    >>> _tidy("Seized\\n\\n   \\n\\n\\n    6,500 pounds  \\n  of it")
    'Seized\\n\\n6,500 pounds\\nof it'
    """
    text = re.sub(r"[ \t]*\n\s*\n\s*", "\n\n", text)
    return re.sub(r"[ \t]*\n[ \t]*", "\n", text)


def story_html(text: str, report: dict[str, Any]) -> str:
    """The story with each claim's dose figure marked by verdict and its inputs marked as inputs."""
    figures = {f["index"]: f for f in report.get("figures", [])}
    marks: list[tuple[int, int, str, str]] = []  # start, end, class, label/anchor
    for claim in report.get("claims", []):
        doses = figures.get(claim["doses"])
        if doses is not None:
            marks.append((doses["scan_start"], doses["scan_end"], claim["verdict"], f"claim-{claim['index']}"))
        for key in ("pills", "powder"):
            figure = figures.get(claim.get(key)) if claim.get(key) is not None else None
            if figure is not None:
                marks.append((figure["scan_start"], figure["scan_end"], "", f"claim-{claim['index']}"))
    marks.sort()
    position = len(text) - len(text.lstrip())  # blank lines left where markup was stripped are not shown
    title = report.get("title")
    if title and text.startswith(title, position) and all(start >= position + len(title) for start, *_ in marks):
        position += len(title)  # the title is shown above the story, not as its first words
    out: list[str] = []
    seen: set[tuple[int, int]] = set()
    for start, end, verdict, anchor in marks:
        if start < position or (start, end) in seen or end > len(text):
            continue  # overlapping or repeated marks: the first wins
        seen.add((start, end))
        out.append(escape(_tidy(text[position:start])))
        inner = escape(text[start:end])
        if verdict:
            number = anchor.split("-")[1]
            out.append(
                f'<mark class="claim {_css_verdict(verdict)}" data-verdict="{escape(verdict)}" '
                f'title="{escape(verdict_label(verdict))}"><a href="#{anchor}">{inner}'
                f"<sup>{number} {escape(verdict_label(verdict).lower())}</sup></a></mark>"
            )
        else:
            out.append(f'<mark class="input" title="input of {escape(anchor)}">{inner}</mark>')
        position = end
    out.append(escape(_tidy(text[position:]).rstrip()))
    return f'<div class="story" id="story">{"".join(out).lstrip()}</div>'

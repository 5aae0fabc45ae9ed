"""How each verdict is shown: its label, its one-line meaning and its colour, one for every place that shows it.

The web page, the HTML report of ``scan`` and the chart take them from here, so a verdict has the same colour and
the same words everywhere; the values are data (``data/verdicts.toml``). The editors' explainer, with examples,
is docs/verdicts.md.

>>> style("upper-bound").label, style("upper-bound").fill
('Upper bound', '#eadcfb')
>>> style("plausible").sentence
'Plausible: the total needs values within the range DEA has published.'
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

__all__ = ["LEGEND_CSS", "VerdictStyle", "legend_html", "style", "styles", "verdict_css"]


@dataclass(frozen=True)
class VerdictStyle:
    """One verdict as shown: ``fill`` the light background, ``edge`` the strong colour of borders and lines."""

    verdict: str
    label: str
    meaning: str
    fill: str
    edge: str

    @property
    def sentence(self) -> str:
        """The label and the meaning as one line: "Plausible: the total needs …"."""
        return f"{self.label}: {self.meaning}"


@cache
def styles() -> tuple[VerdictStyle, ...]:
    """Every verdict's style, worst first (the order of summaries and legends)."""
    data = tomllib.loads(resources.files("doseconv").joinpath("data", "verdicts.toml").read_text(encoding="utf-8"))
    return tuple(VerdictStyle(verdict, **fields) for verdict, fields in data.items())


def style(verdict: str) -> VerdictStyle:
    """The style of ``verdict``; a verdict with none (never given by the checker) is shown grey, by its name."""
    for found in styles():
        if found.verdict == verdict:
            return found
    return VerdictStyle(verdict, verdict.replace("-", " ").capitalize(), "", "#e6e6e6", "#6b6b6b")


def verdict_css() -> str:
    """CSS giving each verdict its colour: ``.v-NAME`` its fill, ``.edge.v-NAME`` and a legend swatch its edge."""
    rules = []
    for found in styles():
        name = found.verdict
        rules.append(f".v-{name}{{background:{found.fill}}}.edge.v-{name}{{border-color:{found.edge}}}")
    return "".join(rules)


def legend_html(link: str | None = None) -> str:
    """A legend of every verdict, worst first: its colour, its label and its one-line meaning, as HTML.

    ``link`` is the address of the explainer (the web page's own copy of docs/verdicts.md); each label then
    links to its verdict there.

    >>> legend_html().count("<li"), 'href' in legend_html(), 'href="/verdicts#plausible"' in legend_html("/verdicts")
    (6, False, True)
    """
    from html import escape

    items = []
    for found in styles():
        label = escape(found.label)
        if link is not None:
            label = f'<a href="{escape(link)}#{escape(found.verdict)}">{label}</a>'
        items.append(
            f'<li data-verdict="{escape(found.verdict)}"><span class="swatch edge v-{escape(found.verdict)}" '
            f'aria-hidden="true"></span><strong>{label}</strong>: {escape(found.meaning)}</li>'
        )
    return f'<ul class="legend" aria-label="What each verdict means">{"".join(items)}</ul>'


#: CSS for :func:`legend_html`.
LEGEND_CSS = (
    ".legend{list-style:none;padding:0;margin:.5rem 0 1rem;font-size:.92rem}"
    ".legend li{margin:.2rem 0;padding-left:1.6rem;text-indent:-1.6rem}"
    ".legend .swatch{display:inline-block;width:1.1rem;height:1.1rem;margin-right:.5rem;vertical-align:-.2rem;"
    "border:2px solid;border-radius:3px;text-indent:0}"
)

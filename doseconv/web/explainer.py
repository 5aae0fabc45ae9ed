"""The editors' explainer of the verdicts (docs/verdicts.md), served by the page itself at ``/verdicts``.

The Markdown is the file as it ships with doseconv (package data; in a checkout, docs/verdicts.md), rendered
with markdown-it-py with raw HTML off: any markup in the text is shown as text, and only links to web
addresses or to a part of the page stay links (a link to another docs file, or an image, keeps its words).
Each heading gets an id; a heading that starts with a verdict's name or label gets that verdict's id, so the
cards and the legend link straight to it.
"""

from __future__ import annotations

import functools
import re
from importlib import resources
from pathlib import Path
from typing import Any

__all__ = ["explainer_html", "explainer_text"]

#: The explainer in a checkout, when the installed package does not carry it.
_CHECKOUT_COPY = Path(__file__).resolve().parents[2] / "docs" / "verdicts.md"


def explainer_text() -> str | None:
    """The explainer's Markdown, or None when this copy of doseconv has none."""
    shipped = resources.files("doseconv").joinpath("data", "verdicts.md")
    for source in (shipped, _CHECKOUT_COPY):
        try:
            return source.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
    return None


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "part"


def _verdict_id(text: str) -> str | None:
    """The verdict a heading is about ("Plausible: …", "`upper-bound`", "Cannot be checked"), by name or label."""
    from ..verdictstyle import styles

    words = text.strip(" `*_").lower()
    for found in styles():
        for name in (found.verdict, found.verdict.replace("-", " "), found.label.lower()):
            if words == name or re.match(rf"{re.escape(name)}\b", words):
                return found.verdict
    return None


def _keep_links(children: list[Any]) -> list[Any]:
    """The inline tokens with links other than web addresses and anchors (and images) reduced to their words."""
    kept: list[Any] = []
    dropped: list[bool] = []
    for token in children:
        if token.type == "link_open":
            href = str(token.attrGet("href") or "")
            drop = not (href.startswith(("https://", "http://", "#")))
            dropped.append(drop)
            if drop:
                continue
        elif token.type == "link_close":
            if dropped and dropped.pop():
                continue
        elif token.type == "image":
            token.type, token.tag, token.content = "text", "", token.content or ""
            token.children = None
        kept.append(token)
    return kept


@functools.lru_cache(maxsize=4)
def _render(text: str) -> str:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False}).enable("table")
    tokens = md.parse(text)
    seen: set[str] = set()
    for index, token in enumerate(tokens):
        if token.type == "inline" and token.children is not None:
            token.children = _keep_links(token.children)
        if token.type == "heading_open":
            words = tokens[index + 1].content
            ident = _verdict_id(words) or _slug(words)
            if ident in seen:
                ident = f"{ident}-{index}"
            seen.add(ident)
            token.attrSet("id", ident)
    return str(md.renderer.render(tokens, md.options, {}))


def explainer_html() -> str | None:
    """The explainer as HTML for the page's body; None when there is none to show."""
    text = explainer_text()
    return None if text is None else _render(text)


def missing_html() -> str:
    return (
        "<h1>What the verdicts mean</h1><p>The editors' explainer (docs/verdicts.md) does not come with this copy "
        "of doseconv. Each verdict's one-line meaning:</p>"
    )

"""A story's own title: its HTML ``<title>`` (or first ``<h1>``), its Markdown front matter's ``title`` (or first
heading), or the first line of plain text when it stands alone as a headline. Reports are headed by it.

>>> story_title("<html><head><title>DEA: 13 pounds seized &amp; more</title></head><body><p>x</p></body></html>", "html")
'DEA: 13 pounds seized & more'
>>> story_title("---\\ntitle: 'Fentanyl seizure'\\ndate: 2021-03-02\\n---\\nPolice seized…", "markdown")
'Fentanyl seizure'
>>> story_title("# Record haul in Denver\\n\\nAgents seized…", "markdown")
'Record haul in Denver'
>>> story_title("Record haul in Denver\\n\\nAgents seized 13 pounds.", "plain")
'Record haul in Denver'
>>> story_title("Agents seized 13 pounds. Police said so.", "plain") is None
True
"""

from __future__ import annotations

import html
import re

__all__ = ["MAX_TITLE", "story_title"]

#: A title longer than this (in characters) is cut at a word, with an ellipsis.
MAX_TITLE = 120

_HTML_TITLE = re.compile(r"<title\b[^<>]*+>(?P<title>[^<]{1,2000})</title\s*>", re.IGNORECASE)
_HTML_H1 = re.compile(r"<h1\b[^<>]*+>(?P<title>.{1,2000}?)</h1\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^<>]*+>")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?P<body>.{0,5000}?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_FRONT_TITLE = re.compile(r"^title:[ \t]*(?P<title>.+?)[ \t]*$", re.MULTILINE)
_MARKDOWN_HEADING = re.compile(r"^[ \t]{0,3}#[ \t]+(?P<title>.+?)[ \t#]*$", re.MULTILINE)
_FIRST_LINE = re.compile(r"\A[ \t]*(?P<title>[^\n]{1,200}?)[ \t]*\r?\n[ \t]*\r?\n")


def _clean(text: str) -> str | None:
    words = " ".join(html.unescape(_TAG.sub(" ", text)).split()).strip("'\"")
    if not words:
        return None
    if len(words) > MAX_TITLE:
        words = words[: words.rfind(" ", 0, MAX_TITLE - 1)] + "…"
    return words


def story_title(text: str, format: str) -> str | None:
    """The title the story gives itself, or None (plain text whose first line is a sentence has none)."""
    head = text[:20000]
    if format == "html":
        found = _HTML_TITLE.search(head) or _HTML_H1.search(head)
        return _clean(found["title"]) if found else None
    if format == "markdown":
        front = _FRONT_MATTER.match(head)
        named = _FRONT_TITLE.search(front["body"]) if front else None
        found = named or _MARKDOWN_HEADING.search(head[front.end() if front else 0 :])
        return _clean(found["title"]) if found else None
    first = _FIRST_LINE.match(head)
    if first is None or first["title"].rstrip().endswith((".", ",", ";", ":")):
        return None  # the story starts with a sentence, not a headline
    return _clean(first["title"])

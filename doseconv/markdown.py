"""Text from a story or a table put into Markdown so that it shows as the text it is, and can do nothing else.

A Markdown renderer passes raw HTML through and makes links of ``[words](url)`` and ``<url>``, so a story or a
cell holding ``<script>`` or ``[click](javascript:…)`` would run or link in a rendered report. Here ``&``, ``<``
and ``>`` become character references and ``[`` and ``]`` are escaped: no tag, no link, no image, no entity trick
(``&#106;avascript:``) survives, and the rendered text reads exactly as written.
"""

from __future__ import annotations

__all__ = ["text"]

_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "[": "\\[", "]": "\\]", "\n": " ", "\r": " "})


def text(value: str) -> str:
    """``value`` as one line of Markdown text that renders as itself.

    >>> text('<img src=x onerror=alert(1)> [call us](javascript:alert(1)) & more')
    '&lt;img src=x onerror=alert(1)&gt; \\\\[call us\\\\](javascript:alert(1)) &amp; more'
    """
    return value.translate(_ESCAPES)

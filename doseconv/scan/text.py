"""Read plain text, Markdown or HTML into scannable text, with paragraphs and sentences (:mod:`.sentences`).

HTML tags and Markdown markup are stripped, then the text is normalised
(:func:`doseconv.reading.textnorm.normalize`: invisible characters removed, space-like thousands
separators joined, other odd spaces made plain). An :class:`OffsetMap` and the normalisation's
own offsets keep every character of the scanned text tied to its place in the original input,
so figures report offsets into what the user gave. Offsets count Unicode code points of the
decoded input (Python string indices), not bytes.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import PurePath

from ..errors import InputError
from ..reading.textnorm import Ambiguity, Normalized, normalize_if_needed
from .sentences import paragraph_spans, sentence_spans

__all__ = ["FORMATS", "Document", "OffsetMap", "detect_format", "read_document", "strip_html", "strip_markdown"]

#: Input formats :func:`read_document` understands; ``auto`` guesses from the name and the text.
FORMATS = ("auto", "plain", "markdown", "html")

_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd"}
_LOOKS_HTML = re.compile(
    r"<!doctype html|</?(?:html|head|body|title|p|div|span|b|i|em|strong|a|br|hr|h[1-6]|ul|ol|li|table|tr|td"
    r"|article|section|header|footer|main|blockquote)(?:\s[^<>]*)?/?>",
    re.IGNORECASE,
)
_LOOKS_MARKDOWN = re.compile(r"^#{1,6}[ \t]+\S|\*\*\S|\]\([^()\[\]\s]*+\)|^[ \t]*[*+-][ \t]+\S|\\[$*_#]", re.MULTILINE)


class OffsetMap:
    """Maps positions in a stripped text back to the original input.

    The stripped text is a run of segments: spans copied verbatim from the original, and
    replacements (an entity turned into its character, a block tag into a line break).

    >>> text, offsets = strip_html("<p>44 <b>million</b> pills</p>")
    >>> text.strip(), offsets.original_span(text.index("44"), text.index("pills") + 5)
    ('44 million pills', (3, 26))
    """

    __slots__ = ("_orig_ends", "_orig_starts", "_starts", "_verbatim")

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._orig_starts: list[int] = []
        self._orig_ends: list[int] = []
        self._verbatim: list[bool] = []

    def add(self, start: int, length: int, orig_start: int, orig_end: int, verbatim: bool) -> None:
        """Record a segment of ``length`` characters at ``start`` in the stripped text."""
        if length:
            self._starts.append(start)
            self._orig_starts.append(orig_start)
            self._orig_ends.append(orig_end)
            self._verbatim.append(verbatim)

    def original_start(self, position: int) -> int:
        """The original offset of the character at ``position`` of the stripped text."""
        i = bisect_right(self._starts, position) - 1
        if i < 0:
            return 0
        if self._verbatim[i]:
            return self._orig_starts[i] + position - self._starts[i]
        return self._orig_starts[i]

    def original_end(self, position: int) -> int:
        """The original offset just after the character before ``position`` (an exclusive end)."""
        if position <= 0:
            return 0
        i = bisect_right(self._starts, position - 1) - 1
        if self._verbatim[i]:
            return self._orig_starts[i] + position - self._starts[i]
        return self._orig_ends[i]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The original ``[start, end)`` of the stripped text's ``[start, end)``."""
        return self.original_start(start), max(self.original_end(end), self.original_start(start))


def _rewrite(text: str, pattern: re.Pattern[str], replace) -> tuple[str, OffsetMap]:
    """Replace every match of ``pattern`` by ``replace(match)``, keeping an offset map."""
    pieces: list[str] = []
    offsets = OffsetMap()
    out = 0
    last = 0
    for match in pattern.finditer(text):
        if match.start() > last:
            offsets.add(out, match.start() - last, last, match.start(), True)
            pieces.append(text[last : match.start()])
            out += match.start() - last
        new = replace(match)
        offsets.add(out, len(new), match.start(), match.end(), False)
        pieces.append(new)
        out += len(new)
        last = match.end()
    if last < len(text):
        offsets.add(out, len(text) - last, last, len(text), True)
        pieces.append(text[last:])
    return "".join(pieces), offsets


_BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "table",
        "tr",
        "thead",
        "tbody",
        "tfoot",
        "caption",
        "section",
        "article",
        "header",
        "footer",
        "aside",
        "nav",
        "main",
        "blockquote",
        "pre",
        "figure",
        "figcaption",
        "title",
        "address",
        "hr",
        "form",
        "fieldset",
        "details",
        "summary",
    ]
)
_HTML_TOKEN = re.compile(
    r"(?=[<&])(?:<!--.*?(?:-->|\Z)"
    r"|<(?P<raw>script|style|template|noscript)\b[^<>]*+>.*?(?:</(?P=raw)\s*>|\Z)"
    r"|<!\[CDATA\[.*?(?:\]\]>|\Z)"
    r"|<[!?][^<>]*+>"
    r"|</?(?P<tag>[a-zA-Z][\w:-]*+)(?:\s(?:[^<>\"']|\"[^<\"]*+\"|'[^<']*+')*+)?/?>"
    r"|&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});)",
    re.DOTALL | re.IGNORECASE,
)


def _html_replacement(match: re.Match[str]) -> str:
    token = match[0]
    if token.startswith("&"):
        char = html.unescape(token)
        return " " if char == "\xa0" else char
    tag = (match["tag"] or "").lower()
    if tag == "br":
        return "\n"
    if tag in _BLOCK_TAGS:
        return "\n\n"
    if tag in ("td", "th"):
        return " "
    return ""


def strip_html(text: str) -> tuple[str, OffsetMap]:
    """Strip tags, comments and scripts; decode entities; block tags become blank lines.

    >>> strip_html("<h1>Seized</h1><p>6,500&nbsp;pounds of <i>fentanyl</i></p>")[0]
    '\\n\\nSeized\\n\\n\\n\\n6,500 pounds of fentanyl\\n\\n'
    """
    return _rewrite(text, _HTML_TOKEN, _html_replacement)


_MARKDOWN_TOKEN = re.compile(
    r"(?=[\\!\[\]#>*+\-_~`<& \t]|^)"  # every token starts with one of these: reject other positions at once
    r"(?:\\(?P<escaped>[\\`*_{}\[\]()#+\-.!$<>~|])"
    r"|!?\[(?=[^\[\]\n]*+\]\()|\]\([^()\[\]\n]*+\)"
    r"|^[ \t]{0,3}#{1,6}[ \t]+|(?<![ \t])[ \t]++#++[ \t]*+$"
    r"|^[ \t]{0,3}>[ \t]?"
    r"|^(?P<indent>[ \t]*)[*+-](?P<gap>[ \t]+)(?=\S)"
    r"|\*{1,3}|(?<![\w])_{1,3}|_{1,3}(?![\w])|~~|`+"
    r"|<(?P<tag>[a-zA-Z][\w:-]*+|/[a-zA-Z][\w:-]*+)(?:\s[^<>\n]*+)?/?>"
    r"|&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});)",
    re.MULTILINE,
)


def _markdown_replacement(match: re.Match[str]) -> str:
    if match["escaped"] is not None:
        return match["escaped"]
    token = match[0]
    if match["gap"] is not None:
        return match["indent"] + "•" + match["gap"]
    if token.startswith("&"):
        char = html.unescape(token)
        return " " if char == "\xa0" else char
    if match["tag"] is not None:
        return "\n" if match["tag"].lower() in ("br", "br/") else ""
    return ""


def strip_markdown(text: str) -> tuple[str, OffsetMap]:
    """Strip Markdown markup (emphasis, links, heading marks, escapes); list items keep a bullet.

    >>> strip_markdown("**Seized** more than \\\\$100 million, [see](https://x.test) *here*")[0]
    'Seized more than $100 million, see here'
    """
    return _rewrite(text, _MARKDOWN_TOKEN, _markdown_replacement)


def detect_format(text: str, name: str | None = None) -> str:
    """Guess the format of an input: ``html``, ``markdown`` or ``plain``.

    >>> detect_format("<p>Hello</p>"), detect_format("# Title\\n\\nText"), detect_format("Just text.")
    ('html', 'markdown', 'plain')
    >>> detect_format("Just text.", "story.md")
    'markdown'
    """
    if name:
        suffix = PurePath(name).suffix.lower()
        if suffix in _HTML_SUFFIXES:
            return "html"
        if suffix in _MARKDOWN_SUFFIXES:
            return "markdown"
    head = text[:20000]
    if _LOOKS_HTML.search(head):
        return "html"
    if _LOOKS_MARKDOWN.search(head):
        return "markdown"
    return "plain"


@dataclass(frozen=True)
class Document:
    """A text ready to scan: its stripped text, paragraphs and sentences, and the offset map.

    ``paragraphs`` and ``sentences`` are ``(start, end)`` spans of ``text``;
    ``sentence_paragraph[i]`` is the paragraph of sentence ``i``.

    >>> doc = read_document("Nationwide, 44 million pills. The division seized 1.3 million.\\n\\nNew para.")
    >>> [doc.text[s:e] for s, e in doc.sentences]
    ['Nationwide, 44 million pills.', 'The division seized 1.3 million.', 'New para.']
    >>> doc.sentence_paragraph
    (0, 0, 1)
    """

    source: str
    format: str
    original: str
    text: str
    paragraphs: tuple[tuple[int, int], ...]
    sentences: tuple[tuple[int, int], ...]
    sentence_paragraph: tuple[int, ...]
    offsets: OffsetMap | None = field(default=None, repr=False, compare=False)
    normalized: Normalized | None = field(default=None, repr=False, compare=False)
    #: Digits of ``text`` that cannot be told apart as one number or two ("6\u00a050"), with why.
    ambiguous: tuple[Ambiguity, ...] = ()
    _sentence_starts: tuple[int, ...] = field(default=(), repr=False, compare=False)

    def sentence_at(self, position: int) -> int:
        """Index of the sentence holding ``position`` (the nearest one before it, between sentences)."""
        return max(bisect_right(self._sentence_starts, position) - 1, 0)

    def sentence_text(self, index: int) -> str:
        """Sentence ``index`` with its whitespace collapsed."""
        start, end = self.sentences[index]
        return " ".join(self.text[start:end].split())

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Offsets of ``text[start:end]`` in the original input (through normalisation, then markup)."""
        if self.normalized is not None:
            start, end = self.normalized.original_span(start, end)
        if self.offsets is None:
            return start, end
        return self.offsets.original_span(start, end)


def _normalized(text: str) -> Normalized | None:
    """The normalised text, or ``None`` when normalising changes nothing (no second offset map to keep)."""
    return normalize_if_needed(text)


def read_document(text: str, source: str = "<text>", format: str = "auto") -> Document:
    """Strip markup as the format requires and split the text into paragraphs and sentences.

    >>> doc = read_document("<p>Over <b>$100 million</b> seized.</p><p>Second.</p>", "x.html")
    >>> start = doc.text.index("$100")
    >>> doc.format, doc.sentence_text(0), doc.original_span(start, start + 12)
    ('html', 'Over $100 million seized.', (11, 23))

    Offsets still point into the input when normalisation joined or dropped characters:

    >>> doc = read_document("<p>6\u202f500 pounds, 19\u200b3 million doses</p>")
    >>> six, one = doc.text.index("6500"), doc.text.index("193")
    >>> doc.sentence_text(0), doc.original_span(six, six + 4), doc.original_span(one, one + 3)
    ('6500 pounds, 193 million doses', (3, 8), (17, 21))
    """
    if format not in FORMATS:
        raise InputError(f"unknown input format {format!r}; choose {', '.join(FORMATS)}")
    if format == "auto":
        format = detect_format(text, source)
    offsets: OffsetMap | None = None
    scanned = text
    if format == "html":
        scanned, offsets = strip_html(text)
    elif format == "markdown":
        scanned, offsets = strip_markdown(text)
    normalized: Normalized | None = _normalized(scanned)
    if normalized is not None:
        scanned = normalized.text
    paragraphs = paragraph_spans(scanned, split_lines=format != "html")
    sentences: list[tuple[int, int]] = []
    owners: list[int] = []
    for index, (start, end) in enumerate(paragraphs):
        for span in sentence_spans(scanned, start, end):
            sentences.append(span)
            owners.append(index)
    return Document(
        source=source,
        format=format,
        original=text,
        text=scanned,
        paragraphs=tuple(paragraphs),
        sentences=tuple(sentences),
        sentence_paragraph=tuple(owners),
        offsets=offsets,
        normalized=normalized,
        ambiguous=normalized.ambiguous if normalized is not None else (),
        _sentence_starts=tuple(s for s, _ in sentences),
    )

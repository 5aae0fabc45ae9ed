"""Paragraphs and sentences of scannable text: where each begins and ends (offsets into the text).

Paragraphs end at blank lines; with ``split_lines`` a block is also split at its line breaks
(in hard-wrapped text only where a bullet starts a line). Sentences end at a full stop, question
or exclamation mark before a capital or digit, except after common abbreviations ("U.S.",
"Mo.") and single letters.
"""

from __future__ import annotations

import re

__all__ = ["paragraph_spans", "sentence_spans"]

_BLANK_LINES = re.compile(r"\n(?:[ \t\r\f\v\xa0]*\n)+")
_LINE_BREAK = re.compile(r"\r?\n")
_BULLET_START = re.compile(r"[ \t\xa0]*(?:[•·▪◦‣*+-]|\d{1,3}[.)])[ \t\xa0]")
# A run of stops (the lookbehind after its first one checks that no stop comes before it; starting
# with a stop lets the regex engine skip ahead to one), closing quotes or brackets, then a new sentence.
_SENTENCE_END = re.compile(r"[.!?](?<![.!?][.!?])[.!?]*+[\"”’')\]]*+(?=\s+[\"“‘'(\[•]?[A-Z0-9$])")
_TOKEN_BEFORE = re.compile(r"(\S+)\Z")
_ABBREVIATIONS = frozenset(
    [
        "u.s",
        "u.s.a",
        "u.k",
        "d.c",
        "n.y",
        "l.a",
        "mo",
        "st",
        "mt",
        "ft",
        "mr",
        "mrs",
        "ms",
        "dr",
        "jr",
        "sr",
        "inc",
        "co",
        "corp",
        "ltd",
        "no",
        "nos",
        "vs",
        "gov",
        "sen",
        "rep",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "cmdr",
        "dept",
        "det",
        "ofc",
        "insp",
        "supt",
        "atty",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "a.m",
        "p.m",
        "e.g",
        "i.e",
        "approx",
        "est",
        "ave",
        "blvd",
        "rd",
        "calif",
        "ariz",
        "fla",
        "tex",
        "ill",
        "mich",
        "minn",
        "neb",
        "wis",
        "ore",
        "wash",
        "penn",
        "pa",
        "conn",
        "mass",
        "ky",
        "tenn",
        "ala",
        "ga",
        "la",
        "va",
        "md",
        "okla",
        "colo",
        "nev",
        "n.m",
        "n.j",
        "n.c",
        "s.c",
        "n.d",
        "s.d",
        "w.va",
        "del",
        "kan",
        "ark",
        "miss",
        "ind",
    ]
)


def paragraph_spans(text: str, split_lines: bool) -> list[tuple[int, int]]:
    """The (start, end) of each paragraph of ``text``, blank edges trimmed."""
    spans: list[tuple[int, int]] = []
    start = 0
    blocks = [(m.start(), m.end()) for m in _BLANK_LINES.finditer(text)] + [(len(text), len(text))]
    for block_end, next_start in blocks:
        if split_lines and "\n" in text[start:block_end]:
            spans.extend(_split_block(text, start, block_end))
        else:
            spans.append((start, block_end))
        start = next_start
    return [(s, e) for s, e in (_trim(text, s, e) for s, e in spans) if e > s]


def _split_block(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a block into paragraphs at line breaks.

    In hard-wrapped text (most lines near the longest, none very long) only a bullet starts a
    new paragraph; otherwise every line is one, unless it ends with a comma or a Markdown hard
    break (two spaces).
    """
    lines = [(m.start(), m.end()) for m in _LINE_BREAK.finditer(text, start, end)]
    lengths = []
    line_start = start
    for line_end, following in [*lines, (end, end)]:
        lengths.append(len(text[line_start:line_end].rstrip()))
        line_start = following
    longest = max(lengths)
    wrapped = len(lengths) >= 3 and longest <= 100 and sum(n >= 0.7 * longest for n in lengths) >= 0.6 * len(lengths)
    spans = []
    line_start = para_start = start
    for line_end, following in lines:
        line = text[line_start:line_end]
        bullet = _BULLET_START.match(text, following) is not None
        joined = wrapped or line.endswith("  ") or line.rstrip().endswith(",")
        if bullet or not joined:
            spans.append((para_start, line_end))
            para_start = following
        line_start = following
    spans.append((para_start, end))
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The (start, end) of each sentence of ``text[start:end]``, blank edges trimmed."""
    spans = []
    sentence_start = start
    for match in _SENTENCE_END.finditer(text, start, end):
        if text[match.start()] == ".":
            token = _TOKEN_BEFORE.search(text, max(start, match.start() - 12), match.start())
            word = token[1].lower().lstrip("(\"“'") if token else ""
            if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                continue
        spans.append((sentence_start, match.end()))
        sentence_start = match.end()
    spans.append((sentence_start, end))
    return [(s, e) for s, e in (_trim(text, s, e) for s, e in spans) if e > s]

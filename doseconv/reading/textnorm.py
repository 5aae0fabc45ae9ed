"""Text normalisation before any reading: spaces, separators and invisible characters only.

Text copied from web pages and word processors carries characters that look like nothing or
like a space: a zero-width space inside "193 million", a soft hyphen in "1\u00ad93", a
no-break or narrow no-break space as the thousands separator of "6\u202f500". Every parser
of doseconv starts with :func:`normalize`, which

- removes invisible characters: the whole Unicode class of format characters (category Cf: zero-width
  space, joiners, word joiner, soft hyphen, byte-order mark, the bidirectional marks, embeddings and
  isolates, the invisible operators U+2061–2064, tag characters …), the variation selectors (VS1–VS256,
  the Mongolian free variation selectors) and the combining grapheme joiner, so that "7\u200e800" is 7800;
- writes vulgar fractions and superscript digits out explicitly ("1½" → "1 1/2",
  "10⁶" → "10^6"), where a blanket NFKC would turn them into "11⁄2" and "106";
- removes a space-like thousands separator (space, no-break space, narrow no-break space,
  thin space, figure space, apostrophe) where the grouping is valid ("6 500" → "6500") and
  records as ambiguous a separator that cannot be told from a gap between two numbers
  ("6\u00a050", "1 500 20");
- turns every other space-like character into a plain space.

The result keeps, for each character of the normalised text, the offset of the original
character it came from, so a reader can point into the text it was given. It works in one
pass (linear time) and is idempotent.

>>> n = normalize("6\u202f500 pounds")
>>> n.text, n.original_span(0, 4)
('6500 pounds', (0, 5))
>>> normalize("1½ lb").text
'1 1/2 lb'
>>> normalize("6\u00a050 lb").ambiguous[0].original
'6\xa050'
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = [
    "FORMAT_RANGES",
    "INVISIBLE",
    "SELECTOR_RANGES",
    "SEPARATORS",
    "Ambiguity",
    "Normalized",
    "normalize",
    "normalize_if_needed",
    "normalized_text",
]

#: Unicode's format characters (general category Cf), as ranges of code points: every one up to Unicode 15.1
#: (Python 3.11's unicodedata has 14.0; U+13439–1343F came in 15.0). tests/test_normalize.py checks that this is
#: the class, character for character, of the unicodedata of the Python running the tests.
FORMAT_RANGES = (
    (0x00AD, 0x00AD), (0x0600, 0x0605), (0x061C, 0x061C), (0x06DD, 0x06DD), (0x070F, 0x070F), (0x0890, 0x0891),
    (0x08E2, 0x08E2), (0x180E, 0x180E), (0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x2064), (0x2066, 0x206F),
    (0xFEFF, 0xFEFF), (0xFFF9, 0xFFFB), (0x110BD, 0x110BD), (0x110CD, 0x110CD), (0x13430, 0x1343F),
    (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A), (0xE0001, 0xE0001), (0xE0020, 0xE007F),
)  # fmt: skip
#: The variation selectors (VS1–VS16, VS17–VS256), the Mongolian free variation selectors and the combining
#: grapheme joiner: invisible marks that change how the character before them is drawn, never what it is.
SELECTOR_RANGES = ((0xFE00, 0xFE0F), (0xE0100, 0xE01EF), (0x180B, 0x180D), (0x180F, 0x180F), (0x034F, 0x034F))

#: Characters removed wherever they appear: they are invisible and never part of a figure.
INVISIBLE = frozenset(chr(c) for low, high in (*FORMAT_RANGES, *SELECTOR_RANGES) for c in range(low, high + 1))

#: Characters that separate groups of three digits in some house or national style.
SEPARATORS = frozenset(" \u00a0\u202f\u2009\u2007'\u2019")
_SPACE_LIKE = frozenset("\u00a0\u202f\u2009\u2007\u2002\u2003\u2004\u2005\u2006\u2008\u200a\u205f\u3000")

_VULGAR = {
    "½": "1/2", "⅓": "1/3", "⅔": "2/3", "¼": "1/4", "¾": "3/4", "⅕": "1/5", "⅖": "2/5", "⅗": "3/5",
    "⅘": "4/5", "⅙": "1/6", "⅚": "5/6", "⅛": "1/8", "⅜": "3/8", "⅝": "5/8", "⅞": "7/8", "⅐": "1/7",
    "⅑": "1/9", "⅒": "1/10",
}  # fmt: skip
_SUPERSCRIPT = {"⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9"}
_SUPERSCRIPT_SIGN = {"⁻": "-", "⁺": "+"}
_ASCII_DIGITS = frozenset("0123456789")
_FRACTION_SLASH = "\u2044"


def _char_class(chars: Iterable[str]) -> re.Pattern[str]:
    """One character class of ``chars``, written as runs of consecutive code points: a class of hundreds of single
    characters makes the regex engine test each one at every position; a few ranges it tests at once."""
    runs: list[list[int]] = []
    for point in sorted(map(ord, chars)):
        if runs and runs[-1][1] == point - 1:
            runs[-1][1] = point
        else:
            runs.append([point, point])
    parts = (re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in runs)
    return re.compile(f"[{''.join(parts)}]")


_SPECIAL = _char_class({*INVISIBLE, *_VULGAR, *_SUPERSCRIPT, *_SUPERSCRIPT_SIGN, *_SPACE_LIKE, _FRACTION_SLASH})

# A run of digit groups joined by single separator characters (after the other rewrites).
# Starts only where a run of digits starts, and never backtracks into a run: linear time. It starts
# with a digit (the lookbehind after it checks that no digit comes before), so the regex engine
# skips ahead to digits instead of trying every position.
_DIGIT_RUN = re.compile(r"\d(?<!\d\d)\d*+(?:[ \u00a0\u202f\u2009\u2007'\u2019]\d++)+")


@dataclass(frozen=True)
class Ambiguity:
    """A span of the normalised text whose digits cannot be read as one number or as two."""

    start: int
    end: int
    original: str
    message: str


@dataclass(frozen=True)
class Normalized:
    """Normalised text, where each of its characters came from, and the ambiguous spans."""

    text: str
    #: ``offsets[i]`` is the offset in the original text of normalised character ``i``;
    #: ``offsets[len(text)]`` is the length of the original text.
    offsets: tuple[int, ...]
    ambiguous: tuple[Ambiguity, ...] = ()

    def original_offset(self, index: int) -> int:
        """The offset in the original text of normalised offset ``index`` (0 to ``len(text)``)."""
        return self.offsets[index]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text that normalised ``text[start:end]`` came from."""
        if end <= start:
            return self.offsets[start], self.offsets[start]
        return self.offsets[start], self.offsets[end - 1] + 1


def normalize(text: str) -> Normalized:
    """Normalise ``text`` (see the module's description); linear in its length.

    >>> normalize("193\u200b million").text
    '193 million'
    >>> normalize("10⁶ doses").text
    '10^6 doses'
    >>> normalize("6'500 lb").text
    '6500 lb'
    """
    return normalize_if_needed(text) or Normalized(text, tuple(range(len(text) + 1)))


def normalize_if_needed(text: str) -> Normalized | None:
    """:func:`normalize` of ``text``, or ``None`` when it changes nothing (the same text, no ambiguous digits).

    Text that needs nothing (the common case) is only searched, never copied.

    >>> normalize_if_needed("6,500 pounds") is None, normalize_if_needed("6 500 pounds").text
    (True, '6500 pounds')
    """
    if _SPECIAL.search(text) is None:
        removals, found = _separators(text)
        if not removals:
            return Normalized(text, tuple(range(len(text) + 1)), tuple(found)) if found else None
    chars, offsets = _rewrite(text)
    ambiguous = _join_groups(chars, offsets)
    offsets.append(len(text))
    normalized = Normalized("".join(chars), tuple(offsets), tuple(ambiguous))
    return None if normalized.text == text and not normalized.ambiguous else normalized


def normalized_text(text: str) -> str:
    """``normalize(text).text``: the normalised text alone, quicker when there is nothing to change.

    >>> normalized_text("6\u202f500 pounds"), normalized_text("6,500 pounds")
    ('6500 pounds', '6,500 pounds')
    """
    if (text.isascii() or _SPECIAL.search(text) is None) and _DIGIT_RUN.search(text) is None:
        return text  # nothing to rewrite (every character _SPECIAL finds is outside ASCII) and no separators
    normalized = normalize_if_needed(text)
    return text if normalized is None else normalized.text


def _rewrite(text: str) -> tuple[list[str], list[int]]:
    """Drop invisible characters; write fractions, superscripts and odd spaces out; one pass."""
    if _SPECIAL.search(text) is None:  # the common case: nothing to rewrite
        return list(text), list(range(len(text)))
    chars: list[str] = []
    offsets: list[int] = []
    previous_super = False
    for index, char in enumerate(text):
        if char in INVISIBLE:
            continue
        if char in _VULGAR:
            written = _VULGAR[char]
            if chars and chars[-1] in _ASCII_DIGITS:
                written = " " + written
            if index + 1 < len(text) and text[index + 1] in _ASCII_DIGITS:
                written += " "  # "½1" is not "1/21"
            chars.extend(written)
            offsets.extend([index] * len(written))
            previous_super = False
            continue
        if char in _SUPERSCRIPT or char in _SUPERSCRIPT_SIGN:
            after_number = chars and (chars[-1] in _ASCII_DIGITS or previous_super)
            if after_number:
                written = (_SUPERSCRIPT.get(char) or _SUPERSCRIPT_SIGN[char]) if previous_super else "^"
                if not previous_super:
                    written += _SUPERSCRIPT.get(char) or _SUPERSCRIPT_SIGN[char]
                chars.extend(written)
                offsets.extend([index] * len(written))
                previous_super = True
                continue
        previous_super = False
        if char == _FRACTION_SLASH:
            char = "/"
        elif char in _SPACE_LIKE and not (char in SEPARATORS and _between_digits(text, index)):
            char = " "
        chars.append(char)
        offsets.append(index)
    return chars, offsets


def _between_digits(text: str, index: int) -> bool:
    return 0 < index < len(text) - 1 and text[index - 1] in _ASCII_DIGITS and text[index + 1] in _ASCII_DIGITS


def _join_groups(chars: list[str], offsets: list[int]) -> list[Ambiguity]:
    """Remove valid thousands separators in place; return the runs that cannot be told apart."""
    removals, ambiguous = _separators("".join(chars))
    if not removals:
        return ambiguous
    removed = set(removals)
    kept = [i for i in range(len(chars)) if i not in removed]
    chars[:] = [chars[i] for i in kept]
    offsets[:] = [offsets[i] for i in kept]
    return [
        Ambiguity(a.start - bisect_left(removals, a.start), a.end - bisect_left(removals, a.end), a.original, a.message)
        for a in ambiguous
    ]


def _separators(text: str) -> tuple[list[int], list[Ambiguity]]:
    """The offsets of ``text``'s valid thousands separators (in order), and the runs that cannot be told apart."""
    removals: list[int] = []
    ambiguous: list[Ambiguity] = []
    for match in _DIGIT_RUN.finditer(text):
        start, end = match.span()
        gaps = [i for i in range(start, end) if not text[i].isdigit()]
        if text.startswith("/", end) and end + 1 < len(text) and text[end + 1].isdigit():
            # "1 1/2": the last gap is the one of a mixed number, not a thousands separator.
            end = gaps.pop()
            if not gaps:
                continue
        bounds = [start, *gaps, end]
        groups = [text[a + (a != start) : b] for a, b in itertools.pairwise(bounds)]
        kinds = {text[i] for i in gaps}
        joined_left = (start >= 2 and text[start - 1] in ",." and text[start - 2].isdigit()) or (
            start >= 1 and text[start - 1] in "/^"
        )
        if 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:]) and len(kinds) == 1 and not joined_left:
            removals.extend(gaps)
        elif kinds - {" "} or (1 <= len(groups[0]) <= 3 and len(groups[1]) == 3):
            run = text[start:end]
            ambiguous.append(
                Ambiguity(
                    start,
                    end,
                    run,
                    f"{run!r} could be one number or two: a space or apostrophe between digits is a thousands "
                    "separator only before groups of three; write the figure with commas (6,500) or separate "
                    "the numbers",
                )
            )
    return removals, ambiguous

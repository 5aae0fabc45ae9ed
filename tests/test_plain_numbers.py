"""Honest words: every number in a plain sentence and its correction comes from the result's JSON.

Each number the plain text or the correction says is either part of a figure as the user gave it (quoted from
the inputs) or a number of the JSON (the corrected figure, a set's value, the value the claim needs, the edge of
DEA's range, a row's figure) rendered by the one formatter (:mod:`doseconv.reading.numformat`), and it is
followed by its unit.
"""

from __future__ import annotations

import re
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from doseconv import check
from doseconv.checker.results import percent_text
from doseconv.checker.words import phrase
from doseconv.reading.numbers import format_grouped, format_words

_NUMBER = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?%?(?:\s(?:thousand|million|billion))?")
_UNITS = (
    "%",
    "lethal doses",
    "doses",
    "mg",
    "million",
    "billion",
    "thousand",
    "kg",
    "kilograms?",
    "pounds?",
    "lb",
    "pills",
    "fentanyl",
    "of",
    "pure",
    "times",
    "claimed",
    "comes",
    "would",
    "is",
    r"\(",
    r"\)",
    ",",
    ";",
    r"\.",
    "to",
)  # what may follow a number: its unit, or the words and marks of a range or a list
_UNIT = re.compile(r"\s*(?:" + "|".join(_UNITS) + ")")


def _numbers(value: object) -> list[Fraction]:
    out: list[Fraction] = []
    if isinstance(value, dict):
        for v in value.values():
            out += _numbers(v)
    elif isinstance(value, list):
        for v in value:
            out += _numbers(v)
    elif isinstance(value, str) and re.fullmatch(r"-?\d+(?:\.\d+)?(?:/\d+)?", value):
        out.append(Fraction(value))
    return out


def _renderings(numbers: list[Fraction]) -> set[str]:
    shown: set[str] = set()
    for x in numbers:
        for mg in (Fraction(1), Fraction(2)):
            y = x * mg
            shown |= {phrase(y).removeprefix("about "), format_grouped(y, 0)}
            shown |= {format_words(y, d) for d in (1, 2, 3)}
            shown |= {percent_text(y, p) for p in range(5)}
            shown |= {format_grouped(y, p) for p in range(1, 5)}
    return shown


figures = st.tuples(
    st.sampled_from([None, "250,000 pills", "nearly 44 million pills", "1.3 million fentanyl pills"]),
    st.sampled_from([None, "12 kg", "more than 6,500 pounds", "47 pounds", "2,000 pounds", "exactly 10 kg"]),
    st.sampled_from(
        [
            "5 million doses",
            "nearly 193 million doses",
            "more than 3 billion doses",
            "96,000 doses",
            "270 million doses",
            "about 3 million doses",
            "985,000 doses",
        ]
    ),
    st.sampled_from(["dea-2022", "dea-2021", "dea-2024", "dea-2019", "pure"]),
    st.sampled_from(["aggregate", "seizure"]),
)


@settings(max_examples=120, deadline=None)
@given(figures)
def test_every_number_in_the_plain_text_is_a_number_of_the_json_with_its_unit(case) -> None:
    pills, powder, claim, chosen, scale = case
    if pills is None and powder is None:
        return
    result = check(pills, powder, claim, assumptions=chosen, scale=scale)
    out = result.to_dict()
    quoted = " ".join(t for t in (pills, powder, claim) if t)
    shown = _renderings(_numbers(out))
    texts = [result.plain] + ([result.correction.plain] if result.correction is not None else [])
    for text in texts:
        for match in _NUMBER.finditer(text):
            token = match.group(0).rstrip(",")
            end = match.start() + len(token)
            if re.fullmatch(r"(?:19|20)\d\d", token):
                continue  # a year: part of a source's name ("DEA's 2025 National Drug Threat Assessment")
            bare = token.removesuffix("%")
            assert token in quoted or token in shown or bare in shown or token.split()[0] in quoted, (token, text)
            assert token.endswith("%") or _UNIT.match(text, end), (token, text)

"""Strategies for the fuzz suite (tests/test_fuzz_*.py): hostile text, claims files of the wrong shape, arrays of
every dtype; and the settings every fuzz property runs with.

The default profile runs a few hundred examples per property with a fixed seed (``derandomize``), so CI
is fast and a failure reproduces; ``pytest --fuzz-long`` (see conftest.py) runs twenty times as many.
"""

from __future__ import annotations

import copy
import datetime
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

#: Set by ``--fuzz-long`` (tests/conftest.py) before the fuzz modules are collected.
LONG = False
#: How many more examples the long profile runs.
LONG_FACTOR = 20


def fuzz_settings(examples: int) -> settings:
    """Settings of one fuzz property: ``examples`` by default (times LONG_FACTOR with --fuzz-long), fixed seed."""
    return settings(
        max_examples=examples * LONG_FACTOR if LONG else examples,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    )


# ---------------------------------------------------------------------------------------------
# Hostile text

#: Space-like characters: thousands separators of many locales and the wide spaces of typesetting.
SPACES = [" ", "\u00a0", "\u202f", "\u2009", "\u2007", "\u2002", "\u2003", "\u3000", "\t", "\n", "\r", "\x0b", "\x0c",
          "\u2028", "\u2029", "\u0085", "\u1680"]  # fmt: skip
#: Characters a reader does not see, common in text copied from web pages.
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\u00ad", "\ufeff", "\u200e", "\u200f", "\u202a", "\u202e",
             "\u2066", "\u034f", "\u180e"]  # fmt: skip
#: Pieces of figures: digits, marks, words and units in the forms news copy and hostile users write.
FIGURE_PIECES = ["0", "1", "5", "6", "9", "10", "44", "193", "6,500", "6.5", "000", ",", ".", "'", "\u2019", "-", "–",
                 "/", "½", "⅓", "¹", "⁶", "⁻", "×", "^", "e", "E", "e18", "e-5", "e+999", "%", "$", "k", "M", "bn",
                 "one", "a", "dozen", "half", "hundred", "thousand", "million", "billion", "and", "of", "to",
                 "between", "nearly", "almost", "more than", "over", "up to", "less than", "about", "exactly",
                 "kg", "kilos", "lb", "pounds", "g", "mg", "mcg", "oz", "ton", "tons", "tonnes", "pills", "tablets",
                 "doses", "deadly doses", "fentanyl", "powder", "people", "Americans"]  # fmt: skip
#: Markup left over from HTML and Markdown, including unclosed tags and links.
MARKUP = ["<a ", "<a href='x'>", "</a>", "<!", "<!--", "-->", "<?", "<br>", "<p>", "</p>", "<script>", "&nbsp;",
          "&amp;", "&#8201;", "&#x202f;", "[x](y", "[x](y)", "**", "_", "`", "# ", "> ", "|", "\\", "]]>"]  # fmt: skip


def _long_digit_run(n: int) -> str:
    return "1" * n


#: A run of digits from short to beyond the 4,300-digit limit, alone or as an exponent or a fraction.
long_numbers = st.one_of(
    st.integers(min_value=1, max_value=6000).map(_long_digit_run),
    st.integers(min_value=1, max_value=6000).map(lambda n: "1e" + "9" * n),
    st.integers(min_value=1, max_value=6000).map(lambda n: "0." + "0" * n + "1"),
    st.integers(min_value=1, max_value=6000).map(lambda n: "1/" + "7" * n),
    st.integers(min_value=0, max_value=10**6).map(lambda n: f"1e{n}"),
    st.integers(min_value=0, max_value=10**6).map(lambda n: f"1e-{n}"),
)

_piece = st.one_of(
    st.sampled_from(FIGURE_PIECES),
    st.sampled_from(SPACES),
    st.sampled_from(INVISIBLE),
    st.sampled_from(MARKUP),
    st.text(max_size=3),
)

#: A short figure as a person (or an attacker) might type it: pieces in any order, with every kind of space.
hostile_figures = st.lists(_piece, max_size=10).map("".join)

#: A figure with its qualifier and unit repeated: "nearly nearly 5 5 kg kg", "dozen dozen one one kg".
repeated_words = st.tuples(
    st.sampled_from(["nearly", "more than", "about", "up to", "one", "dozen", "million", "half", "a"]),
    st.integers(min_value=2, max_value=40),
    st.sampled_from(["5 kg", "kg", "pills", "doses", "million doses", "1e18 pills"]),
).map(lambda t: " ".join([t[0]] * t[1]) + " " + t[2])

#: A figure-dense sentence with no full stop: "5 pills, 5 pills, …" and its kin.
dense_sentences = st.tuples(
    st.sampled_from(
        [
            "5 pills, ",
            "6 500 pounds and ",
            "nearly 193 million doses, ",
            "1 kg = 500,000 doses; ",
            "2 mg ",
            "44\u00a0million pills, ",
        ]
    ),
    st.integers(min_value=1, max_value=60),
).map(lambda t: t[0] * t[1])

#: Any hostile text: Unicode of every category, figures, long numbers, repetitions, markup debris.
hostile_texts = st.one_of(
    st.text(max_size=60),
    hostile_figures,
    long_numbers,
    repeated_words,
    dense_sentences,
    st.lists(st.one_of(_piece, long_numbers.map(lambda s: s[:50])), max_size=25).map("".join),
)

#: Text that can be a command-line argument: no NUL (a shell cannot pass one), not starting with "-".
arguments = hostile_texts.map(lambda s: s.replace("\x00", "")).filter(lambda s: not s.startswith("-"))

#: A story to scan: hostile text and a few sentences of real-looking copy around it.
stories = st.lists(
    st.one_of(
        hostile_texts,
        st.just(
            "DEA seized nearly 44 million fentanyl pills and more than 6,500 pounds of fentanyl powder, "
            "equating to nearly 193 million deadly doses. "
        ),
    ),
    max_size=4,
).map("".join)


# ---------------------------------------------------------------------------------------------
# Claims files: valid TOML of the wrong shape

_VALID_CLAIMS: dict[str, Any] = {
    "schema": 1,
    "source": {"publisher": "P", "title": "T", "date": "2024"},
    "scopes": {"national": {"agency": "DEA"}},
    "figures": [
        {"id": "pills", "text": "nearly 44 million pills", "kind": "pills", "scope": "national"},
        {"id": "powder", "text": "more than 6,500 pounds", "kind": "fentanyl-powder"},
        {"id": "doses", "text": "nearly 193 million doses", "kind": "doses"},
    ],
    "claims": [
        {
            "id": "c",
            "total": "doses",
            "pills": "pills",
            "powder": "powder",
            "expect": "plausible",
            "expect_methods": ["pills-only"],
            "purity": "10%",
            "reading": "strict",
        },
    ],
}

_scalars = st.one_of(
    st.text(max_size=12),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(),
    st.datetimes(),
    st.times(),
    st.sampled_from(["1", "pills", "doses", "dea-2022", "pure", "/etc/passwd", "../x.toml", "nearly 0 doses",
                     "less than 0 doses", "nearly 1e18 pills", "lab-share", "pills-only", "consistent"]),
)  # fmt: skip
#: Any TOML value: scalars, arrays and tables nested a few levels.
toml_values = st.recursive(
    _scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(st.sampled_from(["id", "text", "kind", "x", "a b"]), inner, max_size=3),
    ),
    max_leaves=8,
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a nested structure, as a path of keys and indexes."""
    out = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            out += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            out += _paths(item, (*prefix, index))
    return out


def _mutated(document: dict[str, Any], path: tuple[Any, ...], action: str, value: Any) -> dict[str, Any]:
    document = copy.deepcopy(document)
    if not path:
        return document
    *parents, last = path
    holder: Any = document
    for key in parents:
        holder = holder[key]
    if action == "delete":
        del holder[last]
    elif action == "wrap":
        holder[last] = [holder[last]]
    elif action == "add" and isinstance(holder[last], dict):
        holder[last]["extra key"] = value
    else:
        holder[last] = value
    return document


@st.composite
def claims_documents(draw: st.DrawFn) -> dict[str, Any]:
    """A valid claims file with one to three of its values replaced, deleted, wrapped in an array or added to."""
    document: dict[str, Any] = _VALID_CLAIMS
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        path = draw(st.sampled_from(_paths(document)))
        action = draw(st.sampled_from(["replace", "replace", "delete", "wrap", "add"]))
        document = _mutated(document, path, action, draw(toml_values))
    return document


def _toml_string(text: str) -> str:
    """A TOML basic string: quotes, backslashes and control characters escaped, everything else as it is."""
    escaped = (f"\\u{ord(c):04x}" if ord(c) < 0x20 or ord(c) == 0x7F else "\\" + c if c in '"\\' else c for c in text)
    return '"' + "".join(escaped) + '"'


def _toml_key(key: str) -> str:
    return key if key.replace("_", "").replace("-", "").isalnum() and key.isascii() else _toml_string(key)


def toml_value(value: Any) -> str:
    """``value`` written as an inline TOML value."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value:
            return "nan"
        if value in (float("inf"), float("-inf")):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        return _toml_string(value)
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    return "{" + ", ".join(f"{_toml_key(k)} = {toml_value(v)}" for k, v in value.items()) + "}"


def toml_document(document: dict[str, Any]) -> str:
    """A whole document: one ``key = value`` line per top-level key."""
    return "".join(f"{_toml_key(key)} = {toml_value(value)}\n" for key, value in document.items())


#: Claims files as text: wrong shapes, and now and then a byte-order mark or deep nesting.
claims_texts = st.one_of(
    claims_documents().map(toml_document),
    claims_documents().map(lambda d: "\ufeff" + toml_document(d)),
    st.integers(min_value=1, max_value=3000).map(lambda n: "schema = 1\nx = " + "[" * n + "]" * n + "\n"),
    hostile_texts,
)


# ---------------------------------------------------------------------------------------------
# Arrays of every dtype


@st.composite
def numeric_arrays(draw: st.DrawFn) -> Any:
    """A numpy array of any dtype numpy has (numbers, booleans, dates, time spans, complex, text, bytes, objects),
    now and then wrapped as a pandas Series, Index or DataFrame."""
    import numpy as np
    import pandas as pd
    from hypothesis.extra import numpy as hnp

    dtype = draw(
        st.one_of(
            hnp.integer_dtypes(),
            hnp.unsigned_integer_dtypes(),
            hnp.floating_dtypes(),
            hnp.boolean_dtypes(),
            hnp.complex_number_dtypes(),
            hnp.datetime64_dtypes(),
            hnp.timedelta64_dtypes(),
            hnp.unicode_string_dtypes(max_len=4),
            hnp.byte_string_dtypes(max_len=4),
            st.just(np.dtype(object)),
        )
    )
    if dtype == np.dtype(object):
        array = np.array(draw(st.lists(st.one_of(st.integers(0, 10), st.text(max_size=3)), max_size=4)), dtype=object)
    else:
        array = draw(hnp.arrays(dtype, hnp.array_shapes(min_dims=1, max_dims=2, max_side=4)))
    wrap = draw(st.sampled_from(["array", "array", "series", "index", "frame"]))
    if array.ndim != 1 or wrap == "array":
        return array
    try:
        if wrap == "series":
            return pd.Series(array)
        if wrap == "index":
            return pd.Index(array)
        return pd.DataFrame({"a": array})
    except (TypeError, ValueError, NotImplementedError):  # a dtype pandas does not hold
        return array

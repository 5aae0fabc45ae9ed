"""The quick paths that make a claims file of 10,000 claims load in under a second give exactly what the general
ones give: a plain figure read without the general number reader, a figure's intervals computed once and kept,
the bounds of a qualifier rule in integers, a rule known never to leave an empty reading, and the lines of a
claims file's entries found from one pattern (benchmarks/verify_speed.py times them)."""

from __future__ import annotations

import re
from dataclasses import replace
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import doseconv.reading.quantity
from doseconv.checker.filetext import FileText
from doseconv.errors import DoseconvError
from doseconv.intervals import Interval
from doseconv.reading.numbers import read_number
from doseconv.reading.numplain import read_plain
from doseconv.reading.quantity import parse_amount
from doseconv.reading.stated import READINGS, ROLES, parse_stated, qualifier_rules
from doseconv.reading.textnorm import normalize, normalized_text

from .fuzz_strategies import fuzz_settings

WORDS = ["pills", "fentanyl", "doses", "kg", "pounds", "of", "powder", "million", "Million", "thousand", "dozen",
         "mil", "bn", "and", "a", "half", "dollars", "meth", "lethal", "potentially", "tons", "lb", "x", "e", "to",
         "M", "fake", "blues", "grams", "people", "k", "carfentanil"]  # fmt: skip
digits = st.one_of(
    st.integers(min_value=0, max_value=10**21).map(str),
    st.integers(min_value=0, max_value=10**21).map(lambda n: f"{n:,}"),
    st.from_regex(r"0[0-9]{0,4}", fullmatch=True),
    st.integers(min_value=0, max_value=10**20).map(lambda n: f"{n:,}".replace(",", ".")),
)
decimals = st.one_of(st.just(""), st.from_regex(r"\.[0-9]{1,4}", fullmatch=True))
words = st.lists(st.sampled_from(WORDS), min_size=0, max_size=4).map(" ".join)
separators = st.sampled_from([" ", " ", " ", "", "  ", "-", "\u00a0", ","])
plain_like = st.one_of(
    st.builds(lambda d, f, w: f"{d}{f} {w}", digits, decimals, words.filter(bool)),  # the plainest form, mostly
    st.builds(lambda d, f, s, w: f"{d}{f}{s}{w}", digits, decimals, separators, words),  # and near it
)


def outcome(call: Any, *args: Any, **kwargs: Any) -> Any:
    """What a call gives: its result, or the type and message of the error it raises."""
    try:
        return call(*args, **kwargs)
    except DoseconvError as error:
        return type(error), str(error)


@fuzz_settings(400)
@given(plain_like)
def test_a_plain_figure_reads_as_the_general_reader_reads_it(text: str) -> None:
    quick = read_plain(text)
    if quick is not None:
        reading = read_number(text)
        assert quick == (reading.value, reading.step, reading.rest)
        assert (type(quick[0]), type(quick[1])) == (Fraction, Fraction)


def test_the_quick_reader_takes_the_plain_figures_of_claims_files() -> None:
    """It must be taken, or it would speed nothing: the figures of benchmarks/verify_speed.py are all plain."""
    for text in ("1,234 fentanyl pills", "12 doses", "2.5 million doses", "6,500 pounds of fentanyl powder", "3 kg"):
        assert read_plain(text) is not None, text
    for text in ("6 500 lb", "10.000 pills", "2 and a half kg", "5 dollars", " 5 kg", "5kg", "1,5 kg", "five kg"):
        assert read_plain(text) is None, text


@fuzz_settings(300)
@given(plain_like, st.sampled_from([None, "pills", "doses"]), st.booleans(), st.booleans())
def test_amounts_read_the_quick_way_equal_the_general_way(
    text: str, default_unit: str | None, exact: bool, other_drugs: bool
) -> None:
    quick = outcome(parse_amount, text, default_unit=default_unit, exact=exact, other_drugs=other_drugs)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(doseconv.reading.quantity, "read_plain", lambda text: None)
        general = outcome(parse_amount, text, default_unit=default_unit, exact=exact, other_drugs=other_drugs)
    assert quick == general


@fuzz_settings(300)
@given(st.sampled_from(["", "nearly ", "more than ", "about ", "up to ", "less than ", "exactly ", "between "]),
       plain_like, st.booleans())  # fmt: skip
def test_stated_figures_read_the_quick_way_equal_the_general_way(qualifier: str, text: str, exact: bool) -> None:
    quick = outcome(parse_stated, qualifier + text, default_unit="doses", exact=exact)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(doseconv.reading.quantity, "read_plain", lambda text: None)
        general = outcome(parse_stated, qualifier + text, default_unit="doses", exact=exact)
    assert quick == general
    if not isinstance(quick, tuple):  # the intervals too (not compared by ==, which compares fields)
        for reading in READINGS:
            for role in ROLES:
                assert quick.interval(reading, role=role) == general.interval(reading, role=role)


# --- Qualifier rules: bounds in integers, and rules that never leave an empty reading --------------------------


def naive_interval(template: str, x: Fraction, s: Fraction, y: Fraction, t: Fraction) -> Interval:
    """A rule's template read with Fraction arithmetic, term by term: the definition the rules follow."""
    match = re.fullmatch(r"\s*([\[(])\s*([^,]+?)\s*,\s*([^,\])]+?)\s*([\])])\s*", template)
    assert match is not None
    values = {"0": Fraction(0), "X": x, "X-s": x - s, "X+s": x + s, "X-s/2": x - s / 2, "X+s/2": x + s / 2,
              "Y": y, "Y+s": y + t, "Y+s/2": y + t / 2}  # fmt: skip
    return Interval(max(values[match[2]], Fraction(0)), values[match[3]], match[1] == "(", match[4] == ")")


positive = st.fractions(min_value=Fraction(1, 10**6), max_value=10**12, max_denominator=10**6)
non_negative = st.one_of(st.just(Fraction(0)), positive)


@fuzz_settings(300)
@given(non_negative, positive, st.data())
def test_rule_bounds_in_integers_equal_fraction_arithmetic(x: Fraction, s: Fraction, data: st.DataObject) -> None:
    y = x + data.draw(non_negative)
    t = data.draw(positive)
    for rule in qualifier_rules().values():
        for reading, template in zip(READINGS, (rule.lenient, rule.strict), strict=True):
            assert rule.interval(x, s, reading) == naive_interval(template, x, s, x, s)  # type: ignore[arg-type]
            ranged = rule.interval(x, s, reading, y=y, y_step=t)  # type: ignore[arg-type]
            assert ranged == naive_interval(template, x, s, y, t)
    assert qualifier_rules()["none"].interval(2, 1) == Interval(Fraction(3, 2), Fraction(5, 2), False, True)


@fuzz_settings(300)
@given(positive, positive)
def test_a_rule_said_never_empty_leaves_a_value_for_every_positive_figure(x: Fraction, s: Fraction) -> None:
    for rule in qualifier_rules().values():
        if rule.never_empty:  # type: ignore[attr-defined]
            for reading in READINGS:
                assert not rule.interval(x, s, reading).is_empty  # type: ignore[arg-type]
    known = {key for key, rule in qualifier_rules().items() if rule.never_empty}  # type: ignore[attr-defined]
    assert known == {"none", "nearly", "more_than", "at_least", "about", "up_to", "less_than", "exact"}


def test_figures_that_allow_no_value_are_still_refused() -> None:
    for text in ("less than 0 doses", "nearly 0 kg", "almost 0 doses"):
        with pytest.raises(DoseconvError, match="allows no value at all"):
            parse_stated(text)


def test_a_figure_keeps_its_intervals_and_a_changed_copy_gets_its_own() -> None:
    figure = parse_stated("nearly 100 kg")
    assert figure.interval() is figure.interval()  # computed once, kept
    other = replace(figure, amount=parse_amount("200 kg"))
    assert other.interval() == parse_stated("nearly 200 kg").interval() != figure.interval()
    assert figure == parse_stated("nearly 100 kg") and repr(figure) == repr(parse_stated("nearly 100 kg"))


@fuzz_settings(200)
@given(st.text(alphabet="0123456789 ,.'\u00a0\u202f\u200bab½⁶-", max_size=30))
def test_normalized_text_is_the_text_of_normalize(text: str) -> None:
    assert normalized_text(text) == normalize(text).text


# --- Claims-file lines ---------------------------------------------------------------------------------------

_HEADER = re.compile(r"^\s*\[\[\s*([A-Za-z0-9_-]+)\s*\]\]")
_TABLE = re.compile(r"^\s*\[")
_KEY = re.compile(r"""^\s*(?:"([^"]*)"|'([^']*)'|([A-Za-z0-9_-]+))\s*=""")


class LineByLine:
    """The lines of entries and keys read line by line (lines as str.splitlines counts them): the definition."""

    def __init__(self, text: str) -> None:
        self.entries: dict[str, list[tuple[int, dict[str, int]]]] = {}
        self.keys: dict[str, int] = {}
        current: dict[str, int] | None = None
        for number, line in enumerate(text.splitlines(), 1):
            if header := _HEADER.match(line):
                current = {}
                self.entries.setdefault(header[1], []).append((number, current))
            elif _TABLE.match(line):
                current = None
                self.keys.setdefault(line.strip().strip("[]").strip().split(".")[0], number)
            elif key := _KEY.match(line):
                name = next(group for group in key.groups() if group is not None)
                (self.keys if current is None else current).setdefault(name, number)

    def line_of_entry(self, table: str, index: int, key: str | None = None) -> int:
        found = self.entries.get(table, [])
        return 0 if index >= len(found) else found[index][1].get(key or "id", found[index][0])


PIECES = ["[[figures]]", "[[claims]]", "[[ claims ]]", "[[ a b ]]", "[scopes.x]", "[source]", "[[x]", 'id = "a"',
          '"id" = 1', "'id'=2", "id.x = 1", "identity = 3", "'q k' = 2", '"" = 3', "text='x'", "  id\t= 4", "schema = 1",
          "\n", "\n", "\n", "\n", "\r\n", "\r", "\x0b", "\x0c", "\x1c", "\x85", "\u2028", "\x1f", " ", "\t", "\xa0",
          "[", "]", "=", '"', "'"]  # fmt: skip
KEYS = [None, "", "id", "text", "q k", "x", "source", "scopes", "schema", "identity"]


@fuzz_settings(300)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_lines_of_entries_and_keys_are_those_counted_line_by_line(text: str) -> None:
    index, reference = FileText.index(Path("claims.toml"), text), LineByLine(text)
    for table in ("figures", "claims", "x"):
        for number in range(4):
            for key in KEYS:
                assert index.line_of_entry(table, number, key) == reference.line_of_entry(table, number, key)
    for key in KEYS[1:]:
        assert index.line_of_key(key) == reference.keys.get(key, 0)  # type: ignore[arg-type]


def test_lines_of_the_test_claims_files_are_those_counted_line_by_line() -> None:
    files = sorted(Path(__file__).parent.glob("**/*.toml"))
    assert len(files) > 5
    for path in files:
        text = path.read_text(encoding="utf-8-sig")
        index, reference = FileText.index(path, text), LineByLine(text)
        for table, entries in reference.entries.items():
            for number, (_, keys) in enumerate(entries):
                for key in [None, *keys]:
                    assert index.line_of_entry(table, number, key) == reference.line_of_entry(table, number, key)

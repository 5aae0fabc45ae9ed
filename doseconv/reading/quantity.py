"""Figures as written ("6500 lb", "44 million pills", "193 million doses") read into exact amounts."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from fractions import Fraction
from functools import lru_cache

from ..errors import DoseconvError, InputError, UnitError
from ..limits import check_value
from ..registry import KNOWN_UNITS_HINT, resolve_unit, unit_factor
from .drugs import read_drugs
from .numbers import NoNumberError, exact_text, read_number
from .numplain import read_plain

__all__ = [
    "Amount",
    "mass_in_mg",
    "parse_amount",
    "parse_mass",
    "weighs_pills",
]

# Words news copy puts between a number and its unit or after it; they do not change the unit.
# Drug words are read first, by :mod:`doseconv.reading.drugs` (another drug is refused there).
_DESCRIPTORS = re.compile(
    r"\b(?:of|powder|powdered|potentially|possibly|deadly|lethal|fatal|pure|illicit|suspected|seized|the|drug|drugs|"
    r"blue|rainbow|(?:multi-?)?colou?red|brightly|white|pink|green|yellow)\b",
    re.IGNORECASE,
)
_UNIT_SYNONYMS = {"lethal doses": "doses", "lethal dose": "dose"}
#: A mass unit followed by pills or tablets, once drug words and "of" are gone: pills given by weight.
_PILLS_AFTER_MASS = re.compile(r"(?P<unit>.+?)\s+(?:pills?|tablets?)", re.IGNORECASE)
#: A mass unit followed by the package it weighs ("kilogram brick", "pound bag"): the mass of what is in it.
_PACKAGE_AFTER_MASS = re.compile(
    r"(?P<unit>.+?)\s+(?:bricks?|bags?|packages?|bundles?|blocks?|packets?|parcels?)", re.IGNORECASE
)
_NAMES_PILLS = re.compile(r"\b(?:pills?|tablets?)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Amount:
    """An exact amount of one kind: ``mass``, ``pills`` or ``doses``.

    ``value`` is exact (a Fraction); ``unit`` is the registry's unit name; ``step`` is the
    precision the figure was stated to (see :func:`doseconv.reading.numbers.step_of`).

    >>> Amount(Fraction(6500), "pound", "mass")
    Amount(value=Fraction(6500, 1), unit='pound', kind='mass', step=Fraction(1, 1), text='')
    """

    value: Fraction
    unit: str
    kind: str
    step: Fraction = field(default=Fraction(1))
    text: str = ""

    def __post_init__(self) -> None:
        value = self.value
        check_value(value, "value")
        if not isinstance(value, Fraction):
            object.__setattr__(self, "value", Fraction(value))
        step = self.step
        check_value(step, "step")
        if not isinstance(step, Fraction):
            object.__setattr__(self, "step", Fraction(step))
        if self.value.numerator < 0:
            raise InputError(f"amount {exact_text(self.value)} {self.unit} is negative")
        if self.kind not in ("mass", "pills", "doses"):
            raise InputError(f"unknown kind {self.kind!r}; expected mass, pills or doses")

    def to(self, unit: str) -> Amount:
        """The same amount in another unit of its kind (exact).

        >>> parse_amount("6500 lb").to("kg").value
        Fraction(589670081, 200000)
        """
        target, kind = resolve_unit(unit)
        if kind != self.kind:
            raise UnitError(f"cannot convert {self.kind} to {unit!r} ({kind}) without a model")
        factor = unit_factor(self.unit, target)
        return Amount(self.value * factor, target, kind, self.step * factor, self.text)

    def __str__(self) -> str:
        return f"{exact_text(self.value)} {self.unit}"


_PART_AFTER_UNIT = re.compile(r"\s+and\s+(?:a|an|one)\s+(half|quarter)$", re.IGNORECASE)


_LONGEST_UNIT = 60  # no unit name is longer; longer text is refused before the registry sees it
_CACHED_UNIT_TEXT = 200  # the words after a number are cached up to this length (longer ones are read each time)


def parse_amount(
    text: str,
    *,
    default_unit: str | None = None,
    exact: bool = False,
    decimal_comma: bool = False,
    other_drugs: bool = False,
) -> Amount:
    """Read a figure with its unit.

    Descriptive words ("of fentanyl powder", "potentially lethal") are skipped; the unit
    must be one of the registry's. ``default_unit`` is used when the text has no unit.
    ``decimal_comma=True`` reads European style ("1,5 kg", "10.000 pills") on purpose.
    A figure naming another drug or a fentanyl analogue is refused (:mod:`doseconv.reading.drugs`)
    unless ``other_drugs`` is true; counterfeit pills made of fentanyl ("fake M30s") are pills.

    >>> parse_amount("44 million fentanyl pills")
    Amount(value=Fraction(44000000, 1), unit='pill', kind='pills', step=Fraction(1000000, 1), text='44 million fentanyl pills')
    >>> parse_amount("two pounds").value
    Fraction(2, 1)
    >>> parse_amount("a pound and a half").value, parse_amount("three-quarters of a kilogram").value
    (Fraction(3, 2), Fraction(3, 4))
    >>> parse_amount("6500")
    Traceback (most recent call last):
    ...
    doseconv.errors.UnitError: '6500' has no unit; write e.g. '6500 lb', '44 million pills' or '193 million doses'
    >>> parse_amount("10.000 pills")
    Traceback (most recent call last):
    ...
    doseconv.errors.InputError: '10.000 pills' is ambiguous: ten thousand written European style, or 10 with decimals; write 10,000 or 10, or read it European style with decimal_comma
    """
    quick = None if decimal_comma else read_plain(text)  # "1,234 fentanyl pills": the quick way, same result
    if quick is not None and len(quick[2]) <= _CACHED_UNIT_TEXT:
        found = _unit_of(quick[2], default_unit, other_drugs)
        if found is not None:
            value, step = quick[0], quick[1]
            return Amount(value, *found, min(step, Fraction(1)) if exact else step, text)
    reading = read_number(text, decimal_comma=decimal_comma)
    value, step = reading.value, reading.step
    rest = reading.rest
    if rest.startswith("-"):  # "1.5-kilogram bag"
        rest = rest[1:]
    part = _PART_AFTER_UNIT.search(rest[-40:])  # the end only: linear however long the text
    if part is not None:  # "a pound and a half"
        rest = rest[: len(rest) - len(part.group())]
        share = Fraction(1, 2 if part[1].lower() == "half" else 4)
        value, step = value + share, min(step, share)
    found = _unit_of(rest, default_unit, other_drugs) if len(rest) <= _CACHED_UNIT_TEXT else None
    unit, kind = found if found is not None else _read_unit(rest, text, default_unit, other_drugs)
    if kind == "pills" and reading.european:
        european = int(reading.written.replace(".", ""))
        plain = exact_text(value)
        raise InputError(
            f"{text.strip()!r} is ambiguous: {_words_for(european)} written European style, or {plain} with "
            f"decimals; write {european:,} or {plain}, or read it European style with decimal_comma",
            parameter="decimal_comma",
        )
    if exact:
        step = min(step, Fraction(1))
    return Amount(value, unit, kind, step, text)


@lru_cache(maxsize=1024)
def _unit_of(rest: str, default_unit: str | None, other_drugs: bool) -> tuple[str, str] | None:
    """The unit and kind the words after a figure's number name, or None when they name none (then
    :func:`_read_unit` says why, naming the figure). Cached: the same few phrases come back in every file."""
    try:
        return _read_unit(rest, rest, default_unit, other_drugs)
    except DoseconvError:
        return None


def _read_unit(rest: str, text: str, default_unit: str | None, other_drugs: bool) -> tuple[str, str]:
    """The unit and kind named by ``rest``, the words after the number of figure ``text``."""
    drugs = read_drugs(rest, figure=text, other_drugs=other_drugs)
    unit_text = " ".join(_DESCRIPTORS.sub(" ", drugs.rest).split())
    unit_text = _UNIT_SYNONYMS.get(unit_text.lower(), unit_text)
    by_weight = _PILLS_AFTER_MASS.fullmatch(unit_text)  # "pounds of fentanyl pills": a weight of pills
    packed = _PACKAGE_AFTER_MASS.fullmatch(unit_text)  # "a 1.5-kilogram brick": the package's weight
    named = by_weight or packed
    if named is not None:
        unit_text = named["unit"]
    if not unit_text and drugs.pills:
        unit_text = "pills"
    if not unit_text:
        if default_unit is None:
            raise UnitError(f"{text!r} has no unit; write e.g. '6500 lb', '44 million pills' or '193 million doses'")
        unit_text = default_unit
    try:
        if len(unit_text) > _LONGEST_UNIT:
            raise UnitError(unit_text)
        unit, kind = resolve_unit(unit_text)
        if named is not None and kind != "mass":
            raise UnitError(unit_text)
    except UnitError as error:
        if "ambiguous" in str(error):
            raise
        raise UnitError(f"unknown unit {rest!r} in {text!r}; {KNOWN_UNITS_HINT}") from None
    return unit, kind


def weighs_pills(text: str) -> bool:
    """Whether a mass's words say it weighs pills ("66 pounds of fentanyl pills", "2 kilos of blues"): pills
    given by weight, which are counted with a pill's weight, never converted as powder.

    >>> weighs_pills("66 pounds of fentanyl pills"), weighs_pills("2 kilos of blues"), weighs_pills("6,500 lb")
    (True, True, False)
    """
    if _NAMES_PILLS.search(text):
        return True
    try:
        return read_drugs(text).pills
    except DoseconvError:  # another drug: refused where the figure is read
        return False


def _words_for(number: int) -> str:
    """ "ten thousand" for 10,000: how the European reading of a figure would be said."""
    if number % 1000 == 0 and number // 1000 in _SMALL_NAMES:
        return f"{_SMALL_NAMES[number // 1000]} thousand"
    return f"{number:,}"


_SMALL_NAMES = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine",
                10: "ten", 20: "twenty", 50: "fifty", 100: "a hundred"}  # fmt: skip


def parse_mass(text: str, *, what: str = "mass", example: str = "2 mg") -> Amount:
    """Read a mass ("3 mg", "2.4mg"); anything else is refused, the error saying what is expected.

    >>> parse_mass("3mg").to("mg").value
    Fraction(3, 1)
    >>> parse_mass("10 pills")
    Traceback (most recent call last):
    ...
    doseconv.errors.UnitError: '10 pills' is not a mass; give the mass with a unit, such as 2 mg
    >>> parse_mass("2", what="lethal dose")
    Traceback (most recent call last):
    ...
    doseconv.errors.UnitError: lethal dose '2' has no unit; give the mass with one, such as '2 mg'
    >>> parse_mass("nearly 193 million doses", what="lethal dose")
    Traceback (most recent call last):
    ...
    doseconv.errors.UnitError: lethal dose 'nearly 193 million doses' is not a mass; give the mass of one dose with a unit, such as 2 mg
    """
    named = "" if what == "mass" else f"{what} "
    needed = f"give the mass of one dose with a unit, such as {example}" if what == "lethal dose" else (
        f"give the mass with a unit, such as {example}"
    )  # fmt: skip
    try:
        amount = parse_amount(text)
    except NoNumberError:
        raise UnitError(f"{named}{text!r} is not a mass; {needed}") from None
    except UnitError:
        try:
            bare = parse_amount(text, default_unit="mg")
        except DoseconvError:
            raise  # the unit's own error: unknown or ambiguous
        raise UnitError(
            f"{named}{text!r} has no unit; give the mass with one, such as '{exact_text(bare.value)} mg'"
        ) from None
    if amount.kind != "mass":
        raise UnitError(f"{named}{text!r} is not a mass; {needed}")
    return amount


def mass_in_mg(value: str | Amount, *, what: str = "mass", example: str = "2 mg") -> Fraction:
    """A mass given as text ("2.4 mg") or as an :class:`Amount`, in milligrams.

    >>> mass_in_mg("0.1 g", what="pill mass")
    Fraction(100, 1)
    >>> mass_in_mg(12, what="pill mass")
    Traceback (most recent call last):
    ...
    doseconv.errors.InputError: pill mass must be a mass with a unit, such as '2 mg'
    """
    if isinstance(value, str):
        amount = parse_mass(value, what=what, example=example)
    elif isinstance(value, Amount):
        amount = value
        if amount.kind != "mass":
            raise UnitError(f"{what} must be a mass, not {amount.kind}")
    else:
        raise InputError(f"{what} must be a mass with a unit, such as '2 mg'")
    return amount.to("mg").value

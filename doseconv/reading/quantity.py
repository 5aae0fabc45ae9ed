"""Figures as written ("6500 lb", "44 million pills", "193 million doses") read into exact amounts.

:func:`read_amount_at` reads an amount in place, at a position of normalised text (a number and the words
after it); :func:`parse_amount` is that reader over a whole text, with nothing left over.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from fractions import Fraction
from functools import lru_cache

from ..errors import AmbiguousUnitError, DoseconvError, DrugError, InputError, UnitError
from ..limits import check_value
from ..registry import KNOWN_UNITS_HINT, TON_MESSAGE, resolve_unit, unit_factor
from .drugs import named as drug_words_named
from .lexicon import AMBIGUOUS_TONS, unit_of, unit_spellings
from .numbers import EUROPEAN, NoNumberError, NumberReading, exact_text, prepare, read_number_at
from .numplain import read_plain
from .textnorm import normalized_text
from .words import FigureWords, read_words_at

__all__ = [
    "Amount",
    "AmountReading",
    "mass_in_mg",
    "parse_amount",
    "parse_mass",
    "read_amount_at",
    "weighs_pills",
]


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


_CACHED_UNIT_TEXT = 200  # the words after a plain number are cached up to this length (longer ones are read each time)
_HINT = "write e.g. '6500 lb', '44 million pills' or '193 million doses'"


@dataclass(frozen=True)
class AmountReading:
    """An amount read at a position of normalised text (:func:`read_amount_at`): the amount, the number and
    words it was read from, and what the words' drug words name.

    ``refusal`` is the error a reader of fentanyl figures raises for the drug words (another drug, an analogue);
    ``ambiguous`` the message of a bare "tons", read as short tons; ``european`` the message of a figure that is
    another number European style ("6.500 lb", "10.000 pills"), refused unless read with decimal commas.
    """

    amount: Amount
    number: NumberReading
    words: FigureWords
    drug: str | None
    pills: bool
    refusal: DrugError | None = None
    ambiguous: str | None = None
    european: str | None = None

    @property
    def end(self) -> int:
        return max(self.words.end, self.number.end)

    @property
    def problem(self) -> DoseconvError | None:
        """Why a reader of fentanyl figures refuses this amount, or None."""
        if self.refusal is not None:
            return self.refusal
        if self.ambiguous is not None:
            return AmbiguousUnitError(self.ambiguous)
        if self.european is not None:
            return InputError(self.european, remedy=EUROPEAN)
        return None


def read_amount_at(
    text: str,
    start: int,
    *,
    default_unit: str | None = None,
    exact: bool = False,
    decimal_comma: bool = False,
    people: bool = False,
    shown: str | None = None,
    number: NumberReading | None = None,
) -> AmountReading:
    """The amount at offset ``start`` of normalised text: a number (:func:`~doseconv.reading.numbers.read_number_at`)
    and the words after it (:func:`~doseconv.reading.words.read_words_at`), read in place.

    ``default_unit`` is the unit of a number with no unit; ``people`` reads a count of people as doses (a claim
    after a verb of killing); ``shown`` is the whole text of the figure, for messages (the amount keeps the
    words read); ``number`` the
    number at ``start`` when the caller has read it already. A number with
    no unit and no default raises :class:`~doseconv.errors.UnitError`; the drug words, a bare "tons" and a
    figure written European style are reported on the reading (``problem``), for the caller to refuse or keep
    (an ``exact`` figure is the caller's own, its digits taken as written).

    >>> text = "seized 6,500 pounds of fentanyl powder on Monday"
    >>> r = read_amount_at(text, 7); r.amount.value, r.amount.unit, r.drug, text[7 : r.end]
    (Fraction(6500, 1), 'pound', 'fentanyl', '6,500 pounds of fentanyl powder')
    """
    if number is None:
        number = read_number_at(text, start, decimal_comma=decimal_comma)
    words = read_words_at(text, number.end, people=people)
    written = " ".join(text[start : max(words.end, number.end)].split())
    if words.people:  # "1.5 million adults" counts doses, and its amount says so: "1.5 million doses"
        noun = " ".join(words.noun.split())
        written = written[: len(written) - len(noun)] + "doses" if written.endswith(noun) else written
    figure = shown if shown is not None else written
    value, step = number.value, number.step
    if words.part is not None:  # "a pound and a half"
        value, step = value + words.part, min(step, words.part)
    unit, kind = words.unit, words.kind
    if unit is None or kind is None:
        if default_unit is None:
            if shown is not None and text[number.end :].strip():  # a whole text: its words are no unit
                raise UnitError(f"unknown unit {text[number.end :].strip()!r} in {shown!r}; {KNOWN_UNITS_HINT}")
            raise UnitError(f"{figure!r} has no unit; {_HINT}")
        unit, kind = _default(default_unit, figure)
    named = drug_words_named(words.drugs, figure)
    ambiguous = TON_MESSAGE.format(word=words.noun) if words.ambiguous else None
    european = _european(number, kind, figure) if number.european and not (decimal_comma or exact) else None
    if exact:
        step = min(step, Fraction(1))
    amount = Amount(value, unit, kind, step, written)
    return AmountReading(amount, number, words, named.drug, named.pills or words.by_weight, named.refusal, ambiguous,
                         european)  # fmt: skip


@lru_cache(maxsize=64)
def _default(default_unit: str, figure: str) -> tuple[str, str]:
    found = unit_of(default_unit)
    if found is not None:
        return found
    try:
        return resolve_unit(default_unit)
    except UnitError:
        raise UnitError(f"unknown unit {default_unit!r} in {figure!r}; {KNOWN_UNITS_HINT}") from None


def _european(number: NumberReading, kind: str, figure: str) -> str | None:
    """The message for a figure that reads as another number European style ("10.000 pills", "6.500 lb").

    Pills with three decimals are always refused (no one counts pills to the thousandth); a mass or a count of
    doses only when its last decimal is a zero ("6.500 lb", "750.000 doses"): nobody writes a zero there for a
    figure meant with decimals, while converted masses are often given to the gram ("2.268 kg").
    """
    if kind != "pills" and not number.written.endswith("0"):
        return None
    european = int(number.written.replace(".", ""))
    plain = exact_text(number.value)
    return (
        f"{figure.strip()!r} is ambiguous: {_words_for(european)} written European style, or {plain} with "
        f"decimals; write {european:,} or {plain}"
    )


def parse_amount(
    text: str,
    *,
    default_unit: str | None = None,
    exact: bool = False,
    decimal_comma: bool = False,
    other_drugs: bool = False,
) -> Amount:
    """Read a figure with its unit: :func:`read_amount_at` at its start, with nothing left over.

    Describing and drug words ("of fentanyl powder", "potentially lethal") are read and kept out of the
    unit; the unit must be one of the registry's (or a dose or pill noun of the lexicon). ``default_unit``
    is used when the text has no unit. ``decimal_comma=True`` reads European style ("1,5 kg", "10.000 pills")
    on purpose. A figure naming another drug or a fentanyl analogue is refused (:mod:`doseconv.reading.drugs`)
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
    doseconv.errors.InputError: '10.000 pills' is ambiguous: ten thousand written European style, or 10 with decimals; write 10,000 or 10, or ask for it to be read European style
    """
    quick = None if decimal_comma else read_plain(text)  # "1,234 fentanyl pills": the quick way, same result
    if quick is not None and len(quick[2]) <= _CACHED_UNIT_TEXT:
        found = _unit_of(quick[2], default_unit, other_drugs)
        if found is not None:
            value, step = quick[0], quick[1]
            return Amount(value, *found, min(step, Fraction(1)) if exact else step, text)
    normal, start = prepare(text)
    body = normal.text
    try:
        reading = read_amount_at(
            body, start, default_unit=default_unit, exact=exact, decimal_comma=decimal_comma, shown=text
        )
    except NoNumberError as error:
        raise _qualified(text, default_unit, decimal_comma) or error from None
    if body[reading.end :].strip():
        rest = body[reading.number.end :].strip()
        raise UnitError(f"unknown unit {rest!r} in {text!r}; {KNOWN_UNITS_HINT}")
    problem = reading.problem
    if problem is not None and not (other_drugs and problem is reading.refusal):
        raise problem
    return replace(reading.amount, text=text)


def _qualified(text: str, default_unit: str | None, decimal_comma: bool) -> NoNumberError | None:
    """The error for a figure given with a rounding word where a bare amount is taken ("nearly 193 million doses"):
    it says to give the figure alone (a :class:`NoNumberError`, so a reader expecting something else still says
    what it wants); None when the text is no such figure.

    >>> parse_amount("nearly 193 million doses")
    Traceback (most recent call last):
    ...
    doseconv.reading.numbers.NoNumberError: 'nearly 193 million doses' has a rounding word ('nearly'), and an amount is taken as it is; give the figure alone, such as '193 million doses'
    """
    from .stated import parse_stated  # the reader of published figures, built on this one

    try:
        figure = parse_stated(text, default_unit=default_unit, decimal_comma=decimal_comma)
    except DoseconvError:
        return None
    if not figure.phrase or figure.upper is not None:
        return None
    return NoNumberError(
        f"{text!r} has a rounding word ({figure.phrase!r}), and an amount is taken as it is; give the figure alone, "
        f"such as {figure.amount.text!r}"
    )


@lru_cache(maxsize=1024)
def _unit_of(rest: str, default_unit: str | None, other_drugs: bool) -> tuple[str, str] | None:
    """The unit and kind the words after a plain figure's number name, when they name one and nothing else
    is wrong, else None (the general reader then says why). Cached: the same few phrases come back in every file."""
    key = " ".join(rest.lower().split())
    if key in AMBIGUOUS_TONS:
        return None
    spelled = unit_spellings().get(key)
    if spelled is not None:
        return spelled  # a unit alone ("lb", "pills"): no drug words to read
    words = " " + rest
    try:
        read = read_words_at(words, 0)
    except DoseconvError:  # pragma: no cover - the words reader raises for nothing it reads
        return None
    if read.unit is None or read.kind is None or read.end != len(words) or read.ambiguous:
        return None
    named = drug_words_named(read.drugs, rest)
    if named.refusal is not None and not other_drugs:
        return None
    return read.unit, read.kind


def weighs_pills(text: str) -> bool:
    """Whether a mass's words say it weighs pills ("66 pounds of fentanyl pills", "2 kilos of blues"): pills
    given by weight, which are counted with a pill's weight, never converted as powder.

    >>> weighs_pills("66 pounds of fentanyl pills"), weighs_pills("2 kilos of blues"), weighs_pills("6,500 lb")
    (True, True, False)
    """
    body = normalized_text(text)
    start = len(body) - len(body.lstrip())
    try:
        reading = read_amount_at(body, start)
    except DoseconvError:
        return False
    return reading.amount.kind == "mass" and reading.pills


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

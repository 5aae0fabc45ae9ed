"""Which drug a figure names: fentanyl is read, other drugs and fentanyl analogues are refused.

doseconv counts potentially lethal doses of fentanyl. The words for fentanyl, for counterfeit
pills made of it ("fake M30s", "fentanyl-laced Percocet", "blues"), for its analogues and for
other drugs are data (``data/drugs.toml``, with its sources); this module loads them once and
reads the words of a figure. Any reader of text can use :func:`vocabulary` for the same words.

>>> read_drugs("kilos of suspected fentanyl powder").rest
'kilos of powder'
>>> read_drugs("fake M30s").pills
True
>>> read_drugs("kilos of meth", figure="10 kilos of meth")
Traceback (most recent call last):
...
doseconv.errors.DrugError: '10 kilos of meth' names methamphetamine, not fentanyl; doseconv counts fentanyl doses only
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Literal

from ..errors import DoseconvError, DrugError
from ..registry import resolve_unit

__all__ = ["Drug", "DrugReading", "Named", "Vocabulary", "named", "read_drugs", "vocabulary"]

Group = Literal["fentanyl", "marker", "street", "imitated", "analogue", "other"]


@dataclass(frozen=True)
class Drug:
    """What one word names: its group, the drug's name, and for analogues a potency remark with its source."""

    name: str
    group: Group
    potency: str = ""
    source: str = ""
    what: str = ""  # for analogues: what it is, in words ("a fentanyl analogue")


@dataclass(frozen=True)
class Vocabulary:
    """Every drug word (lower case, parts joined by one space) and what it names."""

    words: dict[str, tuple[Drug, ...]]
    sources: dict[str, dict[str, Any]]
    pattern: re.Pattern[str]

    def lookup(self, word: str) -> tuple[Drug, ...]:
        """What ``word`` (as written in a text) names."""
        return self.words.get(_key(word), ())

    def names(self, group: Group) -> tuple[str, ...]:
        """The drug names of one group, in the data's order, each once."""
        return tuple(dict.fromkeys(d.name for ds in self.words.values() for d in ds if d.group == group))


@dataclass(frozen=True)
class DrugReading:
    """The words of a figure read for drugs: what is left once they are removed, and whether they name pills."""

    rest: str
    pills: bool  # a street name or a counterfeit medicine: the figure counts fentanyl pills


def _key(word: str) -> str:
    return " ".join(re.split(r"[\s\-‐]+", word.strip().lower()))


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The drug words of ``data/drugs.toml``, loaded once."""
    data = tomllib.loads(resources.files("doseconv").joinpath("data", "drugs.toml").read_text("utf-8"))
    entries: list[tuple[str, Drug]] = [(w, Drug("fentanyl", "fentanyl")) for w in data["fentanyl"]["words"]]
    counterfeit = data["counterfeit"]
    entries += [(w, Drug("fentanyl", "marker")) for w in counterfeit["markers"]]
    entries += [(w, Drug("fentanyl", "street")) for w in counterfeit["street"]]
    entries += [(w, Drug(name, "imitated")) for name, words in counterfeit["imitated"].items() for w in words]
    for section, group in (("analogues", "analogue"), ("others", "other")):
        for name, row in data[section].items():
            what = row.get("what", "a fentanyl analogue" if group == "analogue" else "")
            drug = Drug(name, group, row.get("potency", ""), row.get("source", ""), what)  # type: ignore[arg-type]
            entries += [(w, drug) for w in row["words"]]
    words: dict[str, tuple[Drug, ...]] = {}
    for word, drug in entries:
        words[_key(word)] = (*words.get(_key(word), ()), drug)
    alternatives = [r"[\s\-‐]+".join(re.escape(part) for part in w.split(" ")) for w in sorted(words, key=len)[::-1]]
    pattern = re.compile(r"(?<![\w\-])(?:" + "|".join(alternatives) + r")(?![\w\-])", re.IGNORECASE)
    sources = {row["id"]: row for row in data.get("sources", [])}
    return Vocabulary(words, sources, pattern)


def read_drugs(words: str, *, figure: str | None = None, other_drugs: bool = False) -> DrugReading:
    """Read the drug words among ``words`` (the text of a figure after its number).

    A figure that names another drug or a fentanyl analogue raises :class:`~doseconv.errors.DrugError`
    naming the drug (``figure`` is the whole figure, for the message); ``other_drugs=True`` reads such
    words as plain descriptions instead (a record of other drugs seized, kept for context).

    >>> read_drugs("counterfeit oxycodone pills")
    DrugReading(rest='pills', pills=True)
    >>> read_drugs("grams of carfentanil", figure="2 grams of carfentanil")
    Traceback (most recent call last):
    ...
    doseconv.errors.DrugError: '2 grams of carfentanil' names carfentanil, a fentanyl analogue (about 100 times as potent as fentanyl); doseconv counts fentanyl doses only, and an analogue's lethal dose differs from fentanyl's
    """
    found, rest = _scan(words)
    if not other_drugs:
        _refuse(found, figure if figure is not None else words)
    return DrugReading(rest, any(d.group in ("street", "imitated") for _, d in found))


def _is_unit(words: str) -> bool:
    """Whether ``words`` are a unit alone, as the registry reads units (no unit is a drug word)."""
    try:
        resolve_unit(words)
    except DoseconvError:
        return False
    return True


@lru_cache(maxsize=4096)
def _scan(words: str) -> tuple[tuple[tuple[str, Drug], ...], str]:
    """The drug words found (as written, with what each names) and the text without them; cached, as
    the same few unit phrases come back again and again."""
    if _is_unit(words):  # "lb", "kilograms", "pills": no drug words (and no need to load them)
        return (), " ".join(words.split())
    vocab = vocabulary()
    found = tuple((m.group(0), d) for m in vocab.pattern.finditer(words) for d in vocab.lookup(m.group(0)))
    return found, " ".join(vocab.pattern.sub(" ", words).split())


@dataclass(frozen=True)
class Named:
    """What the drug words of one figure name, taken together.

    ``drug`` is the drug the figure counts: ``"fentanyl"`` (fentanyl, or counterfeit pills made of it), the
    name of another drug or an analogue, or None when no drug is named. ``pills`` says the words name
    fentanyl pills by themselves ("fake M30s", "counterfeit oxycodone"). ``refusal`` is the error a reader of
    fentanyl figures raises for them (another drug, an analogue, a medicine not said to be counterfeit).
    """

    drug: str | None
    pills: bool
    refusal: DrugError | None


def named(found: tuple[tuple[str, Drug], ...], figure: str) -> Named:
    """What the drug words ``found`` in a figure (``figure``, for messages) name together.

    >>> v = vocabulary()
    >>> named(tuple((w, d) for w in ("fentanyl-laced", "percocet") for d in v.lookup(w)), "300 fentanyl-laced Percocet")
    Named(drug='fentanyl', pills=True, refusal=None)
    >>> named(tuple((w, d) for w in ("meth",) for d in v.lookup(w)), "10 kilos of meth").drug
    'methamphetamine'
    """
    pills = any(d.group in ("street", "imitated") for _, d in found)
    refusal = _refusal(found, figure)
    if refusal is not None:
        return Named(refusal.drug, pills, refusal)
    if any(d.group in ("fentanyl", "marker", "street", "imitated") for _, d in found):
        return Named("fentanyl", pills, None)
    return Named(None, pills, None)


def _refuse(found: tuple[tuple[str, Drug], ...], figure: str) -> None:
    refusal = _refusal(found, figure)
    if refusal is not None:
        raise refusal


def _refusal(found: tuple[tuple[str, Drug], ...], figure: str) -> DrugError | None:
    """The error for a figure naming another drug, an analogue or a medicine not said to be counterfeit, or None."""
    for _, drug in found:
        if drug.group == "analogue":
            what = f", {drug.what}" if drug.what else ""
            remark = f" ({drug.potency})" if drug.potency else ""
            return DrugError(
                f"{figure!r} names {drug.name}{what}{remark}; doseconv counts fentanyl doses only, "
                "and an analogue's lethal dose differs from fentanyl's",
                drug=drug.name,
            )
    fentanyl = any(d.group in ("fentanyl", "marker", "street") for _, d in found)
    for _, drug in found:
        if drug.group == "other":
            also = " as well as fentanyl" if fentanyl else ", not fentanyl"
            tail = " and cannot tell how much of a mixture is fentanyl" if fentanyl else ""
            return DrugError(
                f"{figure!r} names {drug.name}{also}; doseconv counts fentanyl doses only{tail}", drug=drug.name
            )
    markers = any(d.group in ("marker", "street") for _, d in found)
    for word, drug in found:
        if drug.group == "imitated" and not markers:
            return DrugError(
                f"{figure!r} names {drug.name}, not fentanyl; doseconv counts fentanyl doses only "
                f"(for counterfeit pills made of fentanyl, write 'counterfeit {word} pills' or 'fentanyl pills')",
                drug=drug.name,
            )
    return None

"""Assumption sets: the lethal dose, DEA lab shares, pill contents and purities, each with its citation.

Every set is a TOML file in ``doseconv/data/assumptions/`` (see docs/assumptions.md). A
published set is never edited; new data is a new set. :data:`DEFAULT_SET` names the set used
when none is chosen.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from fractions import Fraction
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from .errors import AssumptionError, DoseconvError, InputError, MissingValueError, UnknownAssumptionSetError
from .overrides import OVERRIDE_PARAMETERS, Overrides
from .parameters import PARAMETERS, Parameter, Source, show_value
from .reading.quantity import parse_mass
from .reading.shares import parse_share

__all__ = [
    "DEFAULT_PILL_MODEL",
    "DEFAULT_SET",
    "PARAMETERS",
    "PILL_MODELS",
    "AssumptionSet",
    "Parameter",
    "PillModel",
    "SetChoice",
    "Source",
    "load_set",
    "pill_factor",
    "resolve_assumptions",
    "set_names",
    "show_value",
]

#: The set used when none is named: the most recent year with every DEA lab figure published.
DEFAULT_SET = "dea-2022"

PillModel = Literal["one-per-pill", "lab-share", "mean-content"]

#: Pill models: how a count of pills becomes a count of doses.
PILL_MODELS: dict[str, str] = {
    "one-per-pill": "each pill counted as one dose",
    "lab-share": "pills x the DEA lab's share of pills holding 2 mg or more",
    "mean-content": "pills x mean fentanyl per pill / lethal dose",
}
DEFAULT_PILL_MODEL: PillModel = "one-per-pill"

#: Set parameter -> the override that supplies it.
_OVERRIDE_OF = {parameter: name for name, (parameter, _) in OVERRIDE_PARAMETERS.items() if parameter}

_SET_KEYS = {"schema", "name", "title", "period", "start", "end", "description", "sources", *PARAMETERS}
_PUBLISHED_KEYS = {"value", "low", "high", "sources", "note"}


@dataclass(frozen=True)
class AssumptionSet:
    """A named, cited set of values. Use :func:`load_set` to get one; :meth:`override` to change a value."""

    name: str
    title: str
    period: str
    description: str
    lethal_dose: Parameter
    pill_share: Parameter
    pill_content: Parameter
    powder_purity: Parameter
    pill_mass: Parameter
    sources: tuple[Source, ...] = ()
    sha256: str = ""
    #: First and last day the set's figures describe (``start``/``end`` in the file); None for ``pure``.
    dates: tuple[date, date] | None = None
    path: str = field(default="", compare=False)
    #: True for a set shipped with doseconv (loaded by name); a set read from a file is labelled by its path.
    bundled: bool = field(default=False, compare=False)

    def __post_init__(self) -> None:
        if not self.lethal_dose.published:
            raise AssumptionError(f"set {self.name!r}: the lethal dose must be given")

    @property
    def label(self) -> str:
        """The set's name for a bundled set; for a set read from a file, its name, path and hash (never just a name
        that a bundled set may also carry).

        >>> load_set("dea-2022").label
        'dea-2022'
        """
        if self.bundled or not self.path:
            return self.name
        return f"{self.name} from {self.path} (sha256 {self.sha256[:12]})"

    def parameter(self, name: str) -> Parameter:
        if name not in PARAMETERS:
            raise AssumptionError(f"unknown parameter {name!r}; known: {', '.join(PARAMETERS)}")
        return getattr(self, name)

    def require(self, name: str) -> Fraction:
        """The value of ``name``, or a MissingValueError naming the override and the sets that publish it."""
        parameter = self.parameter(name)
        if parameter.value is None:
            others = [n for n in set_names() if load_set(n).parameter(name).published and n != "pure"]
            raise MissingValueError(self.name, PARAMETERS[name][1], _OVERRIDE_OF.get(name), others)
        return parameter.value

    def override(self, **values: Fraction | None) -> AssumptionSet:
        """A copy with some values replaced by the caller's own (marked as overrides)."""
        changes: dict[str, Any] = {}
        for name, value in values.items():
            if value is None:
                continue
            changes[name] = Parameter(name, Fraction(value), origin="override", note="given by the user")
        if not changes:
            return self
        return replace(self, **changes)

    def with_overrides(self, overrides: Overrides) -> AssumptionSet:
        """A copy with the caller's :class:`Overrides` applied (a pill mass is not a value of the set).

        >>> load_set("dea-2022").with_overrides(Overrides(purity="15%")).overridden
        ['powder_purity']
        """
        return self.override(**overrides.set_values())

    @property
    def overridden(self) -> list[str]:
        return [name for name in PARAMETERS if self.parameter(name).origin == "override"]

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "title": self.title,
            "period": self.period,
            "sha256": self.sha256,
            "overrides": self.overridden,
            "parameters": {name: self.parameter(name).to_dict() for name in PARAMETERS},
        }


#: What a library function takes as its assumption set: a bundled set's name, a path to a set file, or a set.
SetChoice = str | Path | AssumptionSet | None


def resolve_assumptions(assumptions: SetChoice = None, overrides: Overrides | None = None) -> AssumptionSet:
    """The set to use: a name, a path or a set, with the caller's overrides applied.

    >>> resolve_assumptions("dea-2023", Overrides(lethal_dose="3 mg")).lethal_dose.value
    Fraction(3, 1)
    """
    base = assumptions if isinstance(assumptions, AssumptionSet) else load_set(assumptions)
    return base if overrides is None else base.with_overrides(overrides)


def pill_factor(chosen: AssumptionSet, model: str) -> Fraction:
    """Doses per pill under the pill ``model`` (see :data:`PILL_MODELS`) and the set ``chosen``.

    >>> pill_factor(load_set("dea-2023"), "lab-share")
    Fraction(7, 10)
    """
    if model == "one-per-pill":
        return Fraction(1)
    if model == "lab-share":
        return chosen.require("pill_share")
    if model == "mean-content":
        return chosen.require("pill_content") / chosen.require("lethal_dose")
    raise InputError(f"unknown pill model {model!r}; choose one of: {', '.join(PILL_MODELS)}")


def _data_dir():
    return resources.files("doseconv").joinpath("data", "assumptions")


@lru_cache(maxsize=1)
def set_names() -> tuple[str, ...]:
    """Names of the bundled sets: ``pure`` first, then by period."""
    names = sorted(p.name[:-5] for p in _data_dir().iterdir() if p.name.endswith(".toml"))
    return tuple(sorted(names, key=lambda n: (n != "pure", n.replace("fy", ""))))


def load_set(name_or_path: str | Path | None = None) -> AssumptionSet:
    """Load a bundled set by name (``None`` gives :data:`DEFAULT_SET`) or a set file by path.

    >>> load_set("dea-2022").lethal_dose.value
    Fraction(2, 1)
    >>> load_set("DEA-2022").name  # a bundled name in any case
    'dea-2022'
    >>> load_set("dea-2099")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    doseconv.errors.UnknownAssumptionSetError: unknown assumption set 'dea-2099'; known sets: pure, dea-2017, ...
    """
    if name_or_path is None:
        name_or_path = DEFAULT_SET
    text = str(name_or_path)
    if text in set_names():
        return _load_bundled(text)
    path = Path(text)
    try:
        exists, regular = path.exists(), path.is_file()  # a FIFO or device is not a set file (and never opened)
    except (OSError, ValueError):  # a name the system cannot look up (too long, a NUL byte)
        exists = regular = False
    if text.endswith(".toml") or exists:
        if not regular:
            raise UnknownAssumptionSetError(f"assumption set file {text!r} does not exist")
        return _load_file(path.read_bytes(), str(path), expected_name=None)
    if text.casefold() in set_names():  # "DEA-2023": a bundled name in another case, when no file is so named
        return _load_bundled(text.casefold())
    raise UnknownAssumptionSetError(
        f"unknown assumption set {text!r}; known sets: {', '.join(set_names())} (or a path to a .toml file)"
    )


@cache
def _load_bundled(name: str) -> AssumptionSet:
    resource = _data_dir().joinpath(f"{name}.toml")
    return replace(_load_file(resource.read_bytes(), f"{name}.toml", expected_name=name), bundled=True)


def _load_file(data: bytes, where: str, expected_name: str | None) -> AssumptionSet:
    import hashlib
    import tomllib  # only when a set is read: a mass-to-mass conversion never needs it

    try:
        raw = tomllib.loads(data.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise AssumptionError(f"{where}: not valid TOML ({error})") from None
    try:
        return _build(raw, expected_name, hashlib.sha256(data).hexdigest(), where)
    except DoseconvError as error:
        raise AssumptionError(f"{where}: {error}") from None


def _build(raw: dict[str, Any], expected_name: str | None, digest: str, where: str) -> AssumptionSet:
    unknown = set(raw) - _SET_KEYS
    if unknown:
        raise AssumptionError(f"unknown keys {sorted(unknown)}; expected {sorted(_SET_KEYS)}")
    if raw.get("schema") != 1:
        raise AssumptionError("schema = 1 is required")
    for key in ("name", "title", "period"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise AssumptionError(f"{key} is missing")
    if expected_name is not None and raw["name"] != expected_name:
        raise AssumptionError(f"name {raw['name']!r} does not match the file name {expected_name!r}")
    sources: dict[str, Source] = {}
    for entry in raw.get("sources", []):
        if not isinstance(entry, dict) or not (
            {"id", "publisher", "title", "date", "url"}
            <= set(entry)
            <= {"id", "publisher", "title", "date", "url", "short"}
        ):
            raise AssumptionError(
                "each [[sources]] needs exactly id, publisher, title, date and url (and may have short)"
            )
        source = Source(**entry)
        if source.id in sources:
            raise AssumptionError(f"source id {source.id!r} is used twice")
        sources[source.id] = source
    parameters: dict[str, Any] = {name: _parameter(name, raw.get(name), sources) for name in PARAMETERS}
    dates = _dates(raw.get("start"), raw.get("end"))
    return AssumptionSet(
        name=raw["name"],
        title=raw["title"],
        period=raw["period"],
        description=raw.get("description", ""),
        sources=tuple(sources.values()),
        sha256=digest,
        path=where,
        dates=dates,
        **parameters,
    )


def _dates(start: Any, end: Any) -> tuple[date, date] | None:
    if start is None and end is None:
        return None
    if not isinstance(start, date) or not isinstance(end, date) or start > end:
        raise AssumptionError("start and end must both be dates (start = 2023-01-01), start first")
    return (start, end)


def _parameter(name: str, table: Any, sources: dict[str, Source]) -> Parameter:
    if not isinstance(table, dict):
        raise AssumptionError(f"[{name}] is missing")
    if table.get("published", True) is False:
        if set(table) - {"published", "note"}:
            raise AssumptionError(f"[{name}] is unpublished, so it takes only published = false and a note")
        return Parameter(name, None, note=str(table.get("note", "")), origin="unpublished")
    unknown = set(table) - _PUBLISHED_KEYS
    if unknown:
        raise AssumptionError(f"[{name}] has unknown keys {sorted(unknown)}")
    read = _read_mass if PARAMETERS[name][0] == "mass" else _read_share
    ids = table.get("sources", [])
    if not isinstance(ids, list) or not ids:
        raise AssumptionError(f"[{name}] needs sources = [...] naming at least one [[sources]] id")
    missing = [i for i in ids if i not in sources]
    if missing:
        raise AssumptionError(f"[{name}] cites unknown source ids {missing}")
    return Parameter(
        name,
        read(name, table.get("value")),
        low=read(name, table["low"]) if "low" in table else None,
        high=read(name, table["high"]) if "high" in table else None,
        sources=tuple(sources[i] for i in ids),
        note=str(table.get("note", "")),
    )


def _read_mass(name: str, text: Any) -> Fraction:
    if not isinstance(text, str):
        raise AssumptionError(f'[{name}] values are strings with a unit, such as "2 mg"')
    return parse_mass(text).to("mg").value


def _read_share(name: str, text: Any) -> Fraction:
    if not isinstance(text, str):
        raise AssumptionError(f'[{name}] values are strings such as "19.2%"')
    return parse_share(text, what=name)

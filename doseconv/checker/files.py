"""Claims files: published figures and dose claims recorded as TOML, loaded and validated.

Checking the claims of a file is :mod:`.verify`.

The format is documented in docs/claims-files.md. A file records its source, the scopes its
figures belong to, every figure as published (qualifier, number, unit, attribution) and the
claims built from them with the verdict each is expected to get.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..assumptions import AssumptionSet, load_set, set_names
from ..errors import DoseconvError, OutsideSetError
from ..overrides import OVERRIDE_PARAMETERS, Overrides
from ..reading.inputs import parse_claim
from ..reading.stated import StatedFigure, parse_stated
from .filetext import FileText, check_type, file_kind, read_claims_text
from .methods import METHODS
from .population import ClaimWhen, claim_when
from .results import VERDICTS
from .rows import rows_named

__all__ = ["FIGURE_KINDS", "ClaimRecord", "ClaimsFile", "FigureRecord", "load_claims_file"]

#: Kinds of figure a claims file (and a scan) records. Only pills, fentanyl powder and doses enter dose arithmetic.
FIGURE_KINDS = (
    "pills", "fentanyl-powder", "other-drug", "doses", "money", "firearms", "arrests",
    "investigations", "percent", "count", "population",
)  # fmt: skip
_DOSE_KINDS = {"pills": ("pills", "mass"), "fentanyl-powder": ("mass",), "other-drug": ("mass",), "doses": ("doses",)}
_TOP_KEYS = {"schema", "source", "scopes", "figures", "claims"}
_SOURCE_KEYS = {"publisher", "title", "date", "url", "seed", "note"}
_FIGURE_KEYS = {"id", "text", "kind", "scope", "attribution", "drug", "exact", "note"}
#: Keys of a claim whose total is a population phrase (docs/claims-files.md, "Population claims").
_POPULATION_KEYS = {"year", "date", "state", "place"}
_CLAIM_KEYS = {
    "id", "pills", "powder", "total", "scale", "assumptions", "pill_model", "reading", "expect",
    "expect_methods", "note", *OVERRIDE_PARAMETERS, *_POPULATION_KEYS,
}  # fmt: skip


@dataclass(frozen=True)
class FigureRecord:
    """One figure as published; ``stated`` is its parsed reading when it enters dose arithmetic."""

    id: str
    text: str
    kind: str
    scope: str = ""
    attribution: str = ""
    drug: str = ""
    exact: bool = False
    note: str = ""
    stated: StatedFigure | None = field(default=None, compare=False)


@dataclass(frozen=True)
class ClaimRecord:
    """One claim: figure ids for its total, pills and powder, how to check it and what to expect."""

    id: str
    total: str
    pills: str | None = None
    powder: str | None = None
    scale: str = "aggregate"
    assumptions: str | None = None
    pill_model: str | None = None
    reading: str = "lenient"
    expect: str | None = None
    expect_methods: tuple[str, ...] = ()
    note: str = ""
    overrides: Overrides = field(default_factory=Overrides)
    line: int = 0
    #: The set file named by ``assumptions``, read once when the file is loaded (None for a bundled set).
    assumption_set: AssumptionSet | None = field(default=None, compare=False)
    when: ClaimWhen = field(default_factory=lambda: ClaimWhen())


@dataclass(frozen=True)
class ClaimsFile:
    """A claims file, read and validated."""

    path: str
    source: dict[str, str]
    scopes: dict[str, dict[str, str]]
    figures: dict[str, FigureRecord]
    claims: tuple[ClaimRecord, ...]


_TOP_TYPES: dict[str, tuple[type, ...]] = {"schema": (int,), "source": (dict,), "scopes": (dict,), "figures": (list,),
                                            "claims": (list,)}  # fmt: skip
_FIGURE_TYPES: dict[str, tuple[type, ...]] = {key: (str,) for key in _FIGURE_KEYS} | {"exact": (bool,)}
_CLAIM_TYPES: dict[str, tuple[type, ...]] = {key: (str,) for key in _CLAIM_KEYS} | {
    "year": (int,),  # population claims and dated claims (docs/claims-files.md)
    "date": (str, dt.date),
    "expect_methods": (list,),
    "purity": (str, int, float),
    "pill_share": (str, int, float),
}
_ARRAYS = {"figures": "[[figures]]", "claims": "[[claims]]"}
_OPTIONAL_KEYS = frozenset(OVERRIDE_PARAMETERS) | _POPULATION_KEYS
#: The overrides of a claim that gives none (one value for every such claim: Overrides are immutable).
_NO_OVERRIDES = Overrides()


def load_claims_file(path: str | Path, *, allow_outside_sets: bool = False) -> ClaimsFile:
    """Read and validate a claims file; errors name the file and the line.

    An assumption set is named by a bundled set's name or by a path relative to the claims file,
    inside the claims file's folder (or below it); ``allow_outside_sets`` lifts that rule.
    """
    source, raw = read_claims_text(Path(path))
    fail = source.fail
    unknown = set(raw) - _TOP_KEYS
    if unknown:
        key = sorted(unknown)[0]
        raise fail(f"unknown key {key!r}; a claims file has {', '.join(sorted(_TOP_KEYS))}", key)
    for key, types in _TOP_TYPES.items():
        if key in raw and (error := check_type(raw[key], types, _ARRAYS.get(key, key))):
            raise fail(error + (" (write each entry as [[" + key + "]])" if key in _ARRAYS else ""), key)
    if raw.get("schema") != 1:
        raise fail("schema = 1 is required on the first lines", "schema")
    info = raw.get("source", {})
    if set(info) - _SOURCE_KEYS:
        key = sorted(set(info) - _SOURCE_KEYS)[0]
        raise fail(f"[source] has unknown key {key!r}", key)
    for key, value in info.items():
        if error := check_type(value, (str,), f"[source] {key}"):
            raise fail(error, key)
    if not all(info.get(k) for k in ("publisher", "title", "date")):
        raise fail("[source] needs publisher, title and date", "source")
    scopes = raw.get("scopes", {})
    for name, scope in scopes.items():
        if error := check_type(scope, (dict,), f"scope {name!r}"):
            raise fail(error + f" (write it as [scopes.{name}])", "scopes")
        for key, value in scope.items():
            if error := check_type(value, (str,), f"scope {name!r}: {key}"):
                raise fail(error, "scopes")
    figures = _figures(source, raw.get("figures", []), scopes)
    claims = _claims(source, raw.get("claims", []), figures, allow_outside_sets, info["date"])
    return ClaimsFile(str(source.path), info, scopes, figures, claims)


def _entry_types(
    source: FileText, entry: Any, here: tuple[str, int], keys: set[str], types: dict[str, tuple[type, ...]]
) -> str:
    """Check one ``[[figures]]`` or ``[[claims]]`` entry's shape, keys and types; return its id."""
    table = here[0]
    if not isinstance(entry, dict):
        raise source.fail(f"each entry of {table} must be a table ([[{table}]]), not {entry!r:.40}", table)
    name = table[:-1]  # figure, claim
    eid = entry.get("id", "")
    if error := check_type(eid, (str,), f"{name} id"):
        raise source.fail(error, at=(*here, "id"))
    if not keys.issuperset(entry):
        key = sorted(set(entry) - keys)[0]
        extra = f"; {table} take {', '.join(sorted(keys))}" if table == "figures" else ""
        raise source.fail(f"{name} {eid!r} has unknown key {key!r}{extra}", at=(*here, key))
    for key, value in entry.items():
        allowed = types[key]
        if type(value) in allowed:  # the common case, decided without check_type (a bool is never a number here)
            continue
        if error := check_type(value, allowed, f"{name} {eid!r}: {key}"):
            raise source.fail(error, at=(*here, key))
    return eid


def _figures(source: FileText, entries: list[Any], scopes: dict[str, Any]) -> dict[str, FigureRecord]:
    fail = source.fail
    figures: dict[str, FigureRecord] = {}
    for index, entry in enumerate(entries):
        here = ("figures", index)
        fid = _entry_types(source, entry, here, _FIGURE_KEYS, _FIGURE_TYPES)
        if not fid or "text" not in entry:
            raise fail("each [[figures]] needs an id and a text", at=(*here, None))
        if fid in figures:
            raise fail(f"figure id {fid!r} is used twice", at=(*here, "id"))
        kind = entry.get("kind")
        if kind not in FIGURE_KINDS:
            raise fail(f"figure {fid!r}: kind {kind!r} is not one of {', '.join(FIGURE_KINDS)}", at=(*here, "kind"))
        scope = entry.get("scope", "")
        if scope and scope not in scopes:
            raise fail(f"figure {fid!r}: scope {scope!r} is not defined under [scopes]", at=(*here, "scope"))
        exact = entry.get("exact", False)
        stated = None
        if kind in _DOSE_KINDS:
            try:
                if kind == "doses":  # a total in doses or in people ("enough to kill 1.5 million adults")
                    stated = parse_claim(entry["text"], exact=exact)
                else:
                    default_unit = "pills" if kind == "pills" else None  # a bare count of pills is pills
                    stated = parse_stated(
                        entry["text"], exact=exact, other_drugs=kind == "other-drug", default_unit=default_unit
                    )
            except DoseconvError as error:
                raise fail(f"figure {fid!r}: {error}", at=(*here, "text")) from None
            if stated.kind not in _DOSE_KINDS[kind]:
                raise fail(f"figure {fid!r}: {entry['text']!r} is {stated.kind}, not {kind}", at=(*here, "text"))
        figures[fid] = FigureRecord(fid, entry["text"], kind, scope, entry.get("attribution", ""),
                                    entry.get("drug", ""), exact, entry.get("note", ""), stated)  # fmt: skip
    return figures


def _check_refs(
    source: FileText, entry: dict[str, Any], here: tuple[str, int], cid: str, figures: dict[str, FigureRecord]
) -> None:
    """Each figure a claim names exists and is of the kind its role takes."""
    for role, kinds in (("total", ("doses", "population")), ("pills", ("pills",)), ("powder", ("fentanyl-powder",))):
        ref = entry.get(role)
        if ref is None:
            continue
        if ref not in figures:
            raise source.fail(f"claim {cid!r}: {role} {ref!r} is not a figure id in this file", at=(*here, role))
        if figures[ref].kind not in kinds:
            raise source.fail(
                f"claim {cid!r}: {role} {ref!r} is a {figures[ref].kind} figure, not {kinds[0]}", at=(*here, role)
            )


def _expectations(
    source: FileText, entry: dict[str, Any], here: tuple[str, int], cid: str
) -> tuple[str | None, list[str]]:
    """The verdict and the methods a claim is expected to get, each one known."""
    expect = entry.get("expect")
    if expect is not None and expect not in VERDICTS:
        raise source.fail(f"claim {cid!r}: expect {expect!r} is not one of {', '.join(VERDICTS)}", at=(*here, "expect"))
    methods = entry.get("expect_methods", [])
    for method in methods:
        if error := check_type(method, (str,), f"claim {cid!r}: each of expect_methods"):
            raise source.fail(error, at=(*here, "expect_methods"))
        if rows_named(method) is None:  # a combination: 'a+b'
            raise source.fail(
                f"claim {cid!r}: unknown method {method!r}; known: {', '.join(METHODS)}", at=(*here, "expect_methods")
            )
    return expect, methods


def _claims(
    source: FileText, entries: list[Any], figures: dict[str, FigureRecord], allow_outside_sets: bool, story_date: str
) -> tuple[ClaimRecord, ...]:
    fail = source.fail
    claims: list[ClaimRecord] = []
    seen: set[str] = set()
    sets: dict[str, AssumptionSet] = {}
    for index, entry in enumerate(entries):
        here = ("claims", index)
        cid = _entry_types(source, entry, here, _CLAIM_KEYS, _CLAIM_TYPES)
        if not cid or "total" not in entry:
            raise fail("each [[claims]] needs an id and a total (a figure id)", at=(*here, None))
        _check_refs(source, entry, here, cid, figures)
        if cid in seen:
            raise fail(f"claim id {cid!r} is used twice", at=(*here, "id"))
        seen.add(cid)
        expect, methods = _expectations(source, entry, here, cid)
        assumptions = entry.get("assumptions")
        if assumptions is not None:
            assumptions = _set_choice(source, assumptions, allow_outside_sets, f"claim {cid!r}", (*here, "assumptions"))
            if assumptions not in set_names() and assumptions not in sets:  # a set file: read once per file
                try:
                    sets[assumptions] = load_set(assumptions)
                except DoseconvError as error:
                    raise fail(f"claim {cid!r}: {error}", at=(*here, "assumptions")) from None
        try:
            plain = _OPTIONAL_KEYS.isdisjoint(entry)  # no overrides and no date or place: the usual claim
            given = {} if plain else {k: entry[k] for k in OVERRIDE_PARAMETERS if k in entry}
            overrides = Overrides(**given) if given else _NO_OVERRIDES
            total = figures[entry["total"]]
            when = claim_when(
                {} if plain else {k: entry[k] for k in _POPULATION_KEYS if k in entry},
                total.text if total.kind == "population" else None,
                source_date=story_date,
                assumptions=entry.get("assumptions"),
                reading=entry.get("reading", "lenient"),
            )
        except DoseconvError as error:  # named as a check of the claim would name it
            raise fail(f"claim {cid!r}: {error}", at=(*here, None)) from None
        claims.append(
            ClaimRecord(
                cid, entry["total"], entry.get("pills"), entry.get("powder"), entry.get("scale", "aggregate"),
                assumptions, entry.get("pill_model"), entry.get("reading", "lenient"), expect, tuple(methods),
                entry.get("note", ""), overrides, source.line_of_entry(*here), sets.get(assumptions or ""), when,
            )
        )  # fmt: skip
    return tuple(claims)


def _set_choice(source: FileText, value: str, allow_outside: bool, who: str, at: tuple[str, int, str]) -> str:
    """A bundled set's name as given, or the set file's absolute path (relative to the claims file, inside its folder)."""
    if value in set_names():
        return value
    folder = source.path.resolve().parent
    try:
        target = (folder / value).resolve()
    except (OSError, ValueError, RuntimeError):  # a name the system cannot look up, or a loop of links
        raise source.fail(f"{who}: assumptions {value!r} is not a path that can be used", at=at) from None
    if not allow_outside and not target.is_relative_to(folder):
        raise OutsideSetError(f"{source.path}:{source.line_of_entry(*at) or 1}: {who}", value, str(folder))
    kind = file_kind(target)
    if kind is not None or target.is_dir():
        what = "no such file" if kind == "missing" else f"{kind or 'a folder'}, not a set file"
        raise source.fail(
            f"{who}: unknown assumption set {value!r} ({what}); known sets: {', '.join(set_names())}, "
            "or a set file's path relative to the claims file",
            at=at,
        )
    return str(target)

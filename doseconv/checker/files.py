"""Claims files: published figures and dose claims recorded as TOML, and their verification.

The format is documented in docs/claims-files.md. A file records its source, the scopes its
figures belong to, every figure as published (qualifier, number, unit, attribution) and the
claims built from them with the verdict each is expected to get.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ClaimsFileError, DoseconvError
from ..inputs import parse_claim
from ..overrides import OVERRIDE_PARAMETERS, Overrides
from ..stated import StatedFigure, parse_stated
from .methods import METHODS
from .results import VERDICTS, CheckResult

__all__ = [
    "FIGURE_KINDS",
    "ClaimRecord",
    "ClaimsFile",
    "FigureRecord",
    "Verification",
    "check_record",
    "collect_files",
    "load_claims_file",
    "verify_paths",
]

#: Kinds of figure a claims file (and a scan) records. Only pills, fentanyl powder and doses enter dose arithmetic.
FIGURE_KINDS = (
    "pills", "fentanyl-powder", "other-drug", "doses", "money", "firearms", "arrests",
    "investigations", "percent", "count",
)  # fmt: skip
_DOSE_KINDS = {"pills": ("pills", "mass"), "fentanyl-powder": ("mass",), "other-drug": ("mass",), "doses": ("doses",)}
_TOP_KEYS = {"schema", "source", "scopes", "figures", "claims"}
_SOURCE_KEYS = {"publisher", "title", "date", "url", "seed", "note"}
_FIGURE_KEYS = {"id", "text", "kind", "scope", "attribution", "drug", "exact", "note"}
_CLAIM_KEYS = {
    "id", "pills", "powder", "total", "scale", "assumptions", "pill_model", "reading", "expect",
    "expect_methods", "note", *OVERRIDE_PARAMETERS,
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


@dataclass(frozen=True)
class ClaimsFile:
    """A claims file, read and validated."""

    path: str
    source: dict[str, str]
    scopes: dict[str, dict[str, str]]
    figures: dict[str, FigureRecord]
    claims: tuple[ClaimRecord, ...]


def _line_of(text: str, *needles: str) -> int:
    """The first line (1-based) holding all the needles, or 0."""
    for number, line in enumerate(text.splitlines(), 1):
        if all(n in line for n in needles):
            return number
    return 0


def _entry_line(text: str, table: str, index: int, key: str | None = None) -> int:
    """The line of entry ``index`` of the array of tables ``[[table]]``, or of ``key`` inside it."""
    lines = text.splitlines()
    header = re.compile(rf"^\s*\[\[\s*{re.escape(table)}\s*\]\]")
    starts = [n for n, line in enumerate(lines) if header.match(line)]
    if index >= len(starts):
        return 0
    start = starts[index]
    if key is None:
        return _entry_line(text, table, index, "id")  # an entry is named by its id line
    assignment = re.compile(rf"^\s*{re.escape(key)}\s*=")
    for n in range(start + 1, len(lines)):
        if lines[n].lstrip().startswith("["):
            break
        if assignment.match(lines[n]):
            return n + 1
    return start + 1


@dataclass(frozen=True)
class _Text:
    """A claims file's path and text, to name the line of an error."""

    path: Path
    text: str

    def fail(self, message: str, *needles: str, at: tuple[str, int, str | None] | None = None) -> ClaimsFileError:
        line = _entry_line(self.text, *at) if at else _line_of(self.text, *needles)
        return ClaimsFileError(f"{self.path}:{line or 1}: {message}")


def _read(path: Path) -> tuple[_Text, dict[str, Any]]:
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ClaimsFileError(f"{path}: cannot read ({error.__class__.__name__}: {error})") from None
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        match = re.search(r"line (\d+)", str(error))
        line = match[1] if match else str(max(len(text.splitlines()), 1))  # "at end of document"
        raise ClaimsFileError(f"{path}:{line}: not valid TOML ({error})") from None
    return _Text(path, text), raw


def load_claims_file(path: str | Path) -> ClaimsFile:
    """Read and validate a claims file; errors name the file and the line."""
    source, raw = _read(Path(path))
    fail = source.fail
    unknown = set(raw) - _TOP_KEYS
    if unknown:
        key = sorted(unknown)[0]
        raise fail(f"unknown key {key!r}; a claims file has {', '.join(sorted(_TOP_KEYS))}", key)
    if raw.get("schema") != 1:
        raise fail("schema = 1 is required on the first lines", "schema")
    info = raw.get("source")
    if not isinstance(info, dict) or not all(
        isinstance(info.get(k), str) and info[k] for k in ("publisher", "title", "date")
    ):
        raise fail("[source] needs publisher, title and date", "[source]")
    if set(info) - _SOURCE_KEYS:
        key = sorted(set(info) - _SOURCE_KEYS)[0]
        raise fail(f"[source] has unknown key {key!r}", key)
    scopes = raw.get("scopes", {})
    figures = _figures(source, raw, scopes)
    claims = _claims(source, raw, figures)
    return ClaimsFile(str(source.path), info, scopes, figures, claims)


def _figures(source: _Text, raw: dict[str, Any], scopes: dict[str, Any]) -> dict[str, FigureRecord]:
    fail = source.fail
    figures: dict[str, FigureRecord] = {}
    for index, entry in enumerate(raw.get("figures", [])):
        fid = entry.get("id", "")
        here = ("figures", index)
        if set(entry) - _FIGURE_KEYS:
            key = sorted(set(entry) - _FIGURE_KEYS)[0]
            raise fail(
                f"figure {fid!r} has unknown key {key!r}; figures take {', '.join(sorted(_FIGURE_KEYS))}",
                at=(*here, key),
            )
        if not fid or not isinstance(entry.get("text"), str):
            raise fail("each [[figures]] needs an id and a text", at=(*here, None))
        if fid in figures:
            raise fail(f"figure id {fid!r} is used twice", at=(*here, "id"))
        kind = entry.get("kind")
        if kind not in FIGURE_KINDS:
            raise fail(f"figure {fid!r}: kind {kind!r} is not one of {', '.join(FIGURE_KINDS)}", at=(*here, "kind"))
        scope = entry.get("scope", "")
        if scope and scope not in scopes:
            raise fail(f"figure {fid!r}: scope {scope!r} is not defined under [scopes]", at=(*here, "scope"))
        exact = bool(entry.get("exact", False))
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


def _claims(source: _Text, raw: dict[str, Any], figures: dict[str, FigureRecord]) -> tuple[ClaimRecord, ...]:
    fail, path, text = source.fail, source.path, source.text
    claims: list[ClaimRecord] = []
    for index, entry in enumerate(raw.get("claims", [])):
        cid = entry.get("id", "")
        here = ("claims", index)
        if set(entry) - _CLAIM_KEYS:
            key = sorted(set(entry) - _CLAIM_KEYS)[0]
            raise fail(f"claim {cid!r} has unknown key {key!r}", at=(*here, key))
        if not cid or "total" not in entry:
            raise fail("each [[claims]] needs an id and a total (a figure id)", at=(*here, None))
        for role, kinds in (("total", ("doses",)), ("pills", ("pills",)), ("powder", ("fentanyl-powder",))):
            ref = entry.get(role)
            if ref is None:
                continue
            if ref not in figures:
                raise fail(f"claim {cid!r}: {role} {ref!r} is not a figure id in this file", at=(*here, role))
            if figures[ref].kind not in kinds:
                raise fail(
                    f"claim {cid!r}: {role} {ref!r} is a {figures[ref].kind} figure, not {kinds[0]}", at=(*here, role)
                )
        if any(c.id == cid for c in claims):
            raise fail(f"claim id {cid!r} is used twice", at=(*here, "id"))
        expect = entry.get("expect")
        if expect is not None and expect not in VERDICTS:
            raise fail(f"claim {cid!r}: expect {expect!r} is not one of {', '.join(VERDICTS)}", at=(*here, "expect"))
        unknown_methods = [
            m for m in entry.get("expect_methods", ()) if not all(part in METHODS for part in str(m).split("+"))
        ]
        if unknown_methods:
            raise fail(
                f"claim {cid!r}: unknown method {unknown_methods[0]!r}; known: {', '.join(METHODS)}",
                at=(*here, "expect_methods"),
            )
        if isinstance(entry.get("assumptions"), str) and entry["assumptions"].endswith(".toml"):
            entry = {
                **entry,
                "assumptions": str((path.parent / entry["assumptions"]).resolve()),
            }  # relative to the file
        try:
            overrides = Overrides(**{k: entry[k] for k in OVERRIDE_PARAMETERS if k in entry})
        except DoseconvError as error:  # named as a check of the claim would name it
            raise ClaimsFileError(f"{path}:{_entry_line(text, *here) or 1}: claim {cid!r}: {error}") from None
        claims.append(
            ClaimRecord(
                cid,
                entry["total"],
                entry.get("pills"),
                entry.get("powder"),
                entry.get("scale", "aggregate"),
                entry.get("assumptions"),
                entry.get("pill_model"),
                entry.get("reading", "lenient"),
                entry.get("expect"),
                tuple(entry.get("expect_methods", ())),
                entry.get("note", ""),
                overrides,
                _entry_line(text, *here),
            )
        )
    return tuple(claims)


def _scope_text(scopes: dict[str, dict[str, str]], key: str) -> str:
    scope = scopes.get(key, {})
    return ", ".join(str(v) for v in scope.values()) or key


@dataclass(frozen=True)
class Verification:
    """One claim of one file, checked."""

    file: ClaimsFile
    claim: ClaimRecord
    result: CheckResult

    @property
    def ok(self) -> bool:
        verdict_ok = self.claim.expect is None or self.result.verdict == self.claim.expect
        methods_ok = all(m in self.result.matching_methods for m in self.claim.expect_methods)
        return verdict_ok and methods_ok

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file.path,
            "claim": self.claim.id,
            "expect": self.claim.expect,
            "expect_methods": list(self.claim.expect_methods),
            "ok": self.ok,
            **self.result.to_dict(),
        }


def check_record(file: ClaimsFile, claim: ClaimRecord) -> CheckResult:
    """Run the checker on one claim of a file (figures as parsed at load), with notes when scopes differ."""
    from . import check

    def figure(ref: str | None) -> StatedFigure | None:
        return None if ref is None else file.figures[ref].stated

    roles = {
        role: file.figures[ref]
        for role, ref in (("total", claim.total), ("pills", claim.pills), ("powder", claim.powder))
        if ref
    }
    notes = []
    scopes = {role: rec.scope for role, rec in roles.items() if rec.scope}
    if len(set(scopes.values())) > 1:
        parts = "; ".join(f"{role}: {_scope_text(file.scopes, key)}" for role, key in scopes.items())
        notes.append(f"the figures have different scopes ({parts}), so the total need not follow from the inputs")
    if claim.note:
        notes.append(claim.note)
    try:
        return check(
            figure(claim.pills), figure(claim.powder), figure(claim.total),
            assumptions=claim.assumptions, pill_model=claim.pill_model, reading=claim.reading, scale=claim.scale,
            overrides=claim.overrides, notes=notes,
        )  # fmt: skip
    except DoseconvError as error:
        raise ClaimsFileError(f"{file.path}:{claim.line or 1}: claim {claim.id!r}: {error}") from None


def collect_files(paths: list[str]) -> list[Path]:
    """Claims files named, or found (*.toml) in the folders named, in a stable order."""
    found: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*.toml") if p.is_file())
            if not files:
                raise ClaimsFileError(f"{name}: no claims files (*.toml) in this folder")
            found.extend(files)
        elif path.is_file():
            found.append(path)
        else:
            raise ClaimsFileError(f"{name}: no such file or folder")
    return found


def verify_paths(paths: list[str]) -> list[Verification]:
    """Check every claim in the files and folders given."""
    out: list[Verification] = []
    for path in collect_files(paths):
        file = load_claims_file(path)
        for claim in file.claims:
            out.append(Verification(file, claim, check_record(file, claim)))
    return out

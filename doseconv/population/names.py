"""Place names as news copy writes them: normalised, unwrapped ("every person residing in …"), and states by name.

The words come from ``data/population-phrases.toml`` (:mod:`.words`) and the state names from ``states.csv``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from ..errors import PopulationError
from . import data
from .words import alternation, words

__all__ = ["norm", "split_state", "state_code", "state_index", "state_names", "state_row", "strip", "strips"]

_SPACES = re.compile(r"\s+")
_SAINT = re.compile(r"\bsaint\b|\bst\b(?!\.)")


def norm(text: str) -> str:
    """Lower case, single spaces, no accents, "saint" and "st" as "st.", no outer punctuation."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.replace("’", "'").replace("‘", "'"))
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = _SPACES.sub(" ", text.strip().strip('.,;:!?"“”()').strip()).casefold()
    return _SAINT.sub("st.", text) if "st" in text or "saint" in text else text


@cache
def state_index() -> dict[str, str]:
    """State names, postal codes and AP abbreviations (lower case) -> postal code."""
    index = {}
    for row in data.states():
        if row.key != "US":
            index[norm(row.name)] = row.key
            index[row.key.casefold()] = row.key
    index.update(words().places["ap_states"])
    return index


@cache
def state_names() -> re.Pattern[str]:
    """State names as a story writes them, capitalised ("West Virginia", "Fla.", "N.J."), as one pattern.

    A bare "Washington" is left out (it is more often the capital or the government than the state); "Washington
    State" and the AP "Wash." are in. ``state_code`` reads what it matches.
    """
    names = [row.name for row in data.states() if row.key not in ("US", "WA")]
    names += ["Washington State", "Washington state", "Wash."]
    names += [name[0].lower() + name[1:] for name in names if " " in name]  # "new Jersey", as typed
    names += [abbreviation.title() for abbreviation in words().places["ap_states"] if abbreviation.endswith(".")]
    names += [a.upper() for a in words().places["ap_states"] if re.fullmatch(r"(?:[a-z]\.){2,}", a)]
    body = alternation(names)
    return re.compile(rf"(?<![\w.])(?:{body})(?![\w])")


def state_code(text: str | None) -> str | None:
    """'West Virginia', 'W.Va.' or 'wv' -> 'WV'; None stays None; an unknown state is a PopulationError."""
    if text is None or not text.strip():
        return None
    code = state_index().get(norm(text)) or state_index().get(norm(text) + ".")
    if code is None:
        raise PopulationError(f"unknown state {text!r}; give a state name or postal code, such as 'Texas' or 'TX'")
    return code


def state_row(code: str) -> data.Row:
    return next(row for row in data.states() if row.key == code)


@cache
def _wrappers() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Words before a place ("every person residing in", "the entire populations of") and after it."""
    people = words().people
    whole, participles, prepositions = (alternation(people[k]) for k in ("whole", "participles", "prepositions"))
    adjectives = alternation(people["adjectives"])
    before = re.compile(
        rf"^(?:(?:{whole})(?:\s+(?:{participles}))?\s+(?:{prepositions})"
        rf"|(?:the\s+)?(?:(?:{adjectives})\s+)?populations?\s+(?:of|in)"
        rf"|{alternation(people['before'])})\s+"
    )
    after = re.compile(
        r"(?:'s|s'|')\s+(?:(?:" + adjectives + r")\s+)?(?:populations?|residents|people|citizens|inhabitants)$"
    )
    return before, after


def strips(text: str, keep: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """``text``, then each shorter form as the words around the place are taken off, the place alone last.

    ``keep``: texts that are names in their own right ("the us population"), left as they are.
    """
    before, after = _wrappers()
    stages = [text]
    text = after.sub("", text)
    if text.endswith(" population") and text not in keep:  # "the entire Texas population"
        text = text[: -len(" population")]
    stages.append(text)
    while (match := before.match(text)) is not None and match.end() < len(text):
        text = text[match.end() :]
        stages.append(text)
    return tuple(dict.fromkeys(stages))


def strip(text: str, keep: frozenset[str] = frozenset()) -> str:
    """The place alone: without "every person in", "the population of", "'s entire population" …"""
    return strips(text, keep)[-1]


def split_state(text: str) -> tuple[str, str | None]:
    """'orange county, california' -> ('orange county', 'CA'); 'orange county in calif.' too."""
    index = state_index()
    for sep in (", ", " in ", " "):
        head, _, tail = text.rpartition(sep)
        if head and tail:
            code = index.get(tail) or index.get(tail + ".")
            if code is not None and (sep != " " or (tail in index and len(tail) > 3)):
                return head, code
    return text, None

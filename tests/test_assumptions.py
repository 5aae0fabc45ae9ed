"""Loading assumption sets: names, user files, validation, overrides."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from doseconv.assumptions import load_set, resolve_assumptions
from doseconv.errors import AssumptionError, UnknownAssumptionSetError
from doseconv.overrides import Overrides

GOOD = """\
schema = 1
name = "newsroom-2026"
title = "Our own figures"
period = "2026"

[[sources]]
id = "lab"
publisher = "A lab"
title = "A report"
date = "2026-01-02"
url = "https://example.org/report"

[lethal_dose]
value = "2 mg"
sources = ["lab"]

[pill_share]
value = "40%"
sources = ["lab"]

[pill_content]
published = false
note = "not measured"

[powder_purity]
value = "12%"
low = "1%"
high = "60%"
sources = ["lab"]

[pill_mass]
value = "100 mg"
sources = ["lab"]
"""


def test_unknown_name_lists_the_known_sets() -> None:
    with pytest.raises(UnknownAssumptionSetError) as error:
        load_set("dea-2030")
    message = str(error.value)
    for name in ("pure", "dea-2017", "dea-2022", "dea-fy2025"):
        assert name in message


def test_user_set_file_loads(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(GOOD)
    chosen = load_set(str(path))
    assert chosen.name == "newsroom-2026"
    assert chosen.powder_purity.value == Fraction(12, 100)
    assert chosen.powder_purity.range == (Fraction(1, 100), Fraction(60, 100))
    assert chosen.pill_mass.value == 100
    assert not chosen.pill_content.published


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        (lambda t: t.replace('url = "https://example.org/report"', 'url = ""'), "url"),
        (
            lambda t: t.replace('sources = ["lab"]\n\n[pill_share]', 'sources = ["nope"]\n\n[pill_share]'),
            "unknown source ids",
        ),
        (lambda t: t.replace('value = "12%"', 'value = "70%"'), "low <= value <= high"),
        (lambda t: t.replace('value = "40%"', 'value = "140%"'), "above 100 %"),
        (lambda t: t.replace("schema = 1\n", ""), "schema = 1"),
        (
            lambda t: t.replace('[pill_content]\npublished = false\nnote = "not measured"\n', ""),
            "[pill_content] is missing",
        ),
        (lambda t: t + "\nsurprise = 1\n", "unknown keys"),
        (lambda t: t.replace('value = "2 mg"', 'value = "2 pills"'), "not a mass"),
        (lambda t: t.replace('date = "2026-01-02"', 'date = "January 2026"'), "date"),
        (lambda t: t.replace("[[sources]]", "[[sources", 1), "not valid TOML"),
    ],
)
def test_malformed_set_files_are_refused(tmp_path: Path, change, fragment: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(change(GOOD))
    with pytest.raises(AssumptionError, match=fragment.replace("[", r"\[").replace("]", r"\]")) as error:
        load_set(str(path))
    assert str(error.value).startswith(str(path))


def test_missing_set_file() -> None:
    with pytest.raises(UnknownAssumptionSetError, match="does not exist"):
        load_set("/nonexistent/set.toml")


def test_overrides_are_marked_and_leave_the_set_alone() -> None:
    base = load_set("dea-2022")
    changed = resolve_assumptions("dea-2022", Overrides(lethal_dose="3mg", purity="15%"))
    assert changed.lethal_dose.value == 3 and changed.powder_purity.value == Fraction(15, 100)
    assert changed.overridden == ["lethal_dose", "powder_purity"]
    assert base.lethal_dose.value == 2 and base.overridden == []
    assert load_set("dea-2022").lethal_dose.value == 2

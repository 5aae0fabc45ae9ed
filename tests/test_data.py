"""Bundled data: assumption sets are pinned, cited and valid; the qualifier table loads."""

from __future__ import annotations

import hashlib
from importlib import resources

import pytest

from doseconv.assumptions import DEFAULT_SET, PARAMETERS, load_set, set_names

# A published set never changes: new data means a new set under a new name. If a test here
# fails because a file changed, restore the file and publish the change as a new set.
PINNED_SHA256 = {
    "pure": "f84224a2651aed048e834b4629a449bf8bd40f853191441087f215253f499874",
    "dea-2017": "964c7ee3e1373f14ae57de4eb7db40841e94a29a1cee014f65820daabe9aba45",
    "dea-2018": "71a2211d07dc545f88706a8b6d3c68cbf1a10144052737c2eaa594536f401177",
    "dea-2019": "4aa4a809292f1407db5684ba0cbf9efb75a57651019048b8fdf59a1edbf2cb7e",
    "dea-2021": "60724e6c1cfecb7d2cb4c75cb4abd4eacd4ff1900c3627797dc938828e038441",
    "dea-2022": "a75d34005e09e304cb6ec339a778e6ea5c0bfc4af18489c4b0c572658d749fd9",
    "dea-2023": "61b425a70c642cc485ba51477ccddd02ef7c68556f6b8ccbafc203c9e4a3cb8c",
    "dea-2024": "0e07ae7f06212c962a6ea8a670c0c99f26d44f46c53c7474e6ae15e1ba6ef1a4",
    "dea-fy2025": "90f0a60c8bf3a2a2cca47962544d70d53a1d59ff8459f2212ea31cbdcf6c9bfe",
}


@pytest.mark.parametrize("name", sorted(PINNED_SHA256))
def test_published_sets_never_change(name: str) -> None:
    data = resources.files("doseconv").joinpath("data", "assumptions", f"{name}.toml").read_bytes()
    assert hashlib.sha256(data).hexdigest() == PINNED_SHA256[name]


def test_every_bundled_set_is_pinned() -> None:
    assert set(set_names()) == set(PINNED_SHA256)


def test_default_set_is_bundled_and_complete() -> None:
    default = load_set(None)
    assert default.name == DEFAULT_SET == "dea-2022"
    for name in ("lethal_dose", "pill_share", "pill_content", "powder_purity"):
        assert default.parameter(name).published


@pytest.mark.parametrize("name", sorted(PINNED_SHA256))
def test_every_published_value_is_cited(name: str) -> None:
    chosen = load_set(name)
    assert chosen.lethal_dose.value == 2
    for parameter in PARAMETERS:
        value = chosen.parameter(parameter)
        if value.published:
            assert value.sources, parameter
            for source in value.sources:
                assert source.publisher and source.title and source.url.startswith("http") and source.date
        else:
            assert value.value is None and value.note


def test_pure_set_counts_everything_as_fentanyl() -> None:
    pure = load_set("pure")
    assert pure.powder_purity.value == 1
    assert not pure.pill_share.published


def test_qualifier_table_loads() -> None:
    from doseconv.stated import QUALIFIER_PHRASES, qualifier_rules

    rules = qualifier_rules()
    assert {"none", "nearly", "more_than", "at_least", "about", "up_to", "less_than", "between", "exact"} <= set(rules)
    for phrase in (
        "nearly",
        "almost",
        "just under",
        "close to",
        "more than",
        "over",
        "at least",
        "approximately",
        "about",
        "around",
        "roughly",
        "some",
        "an estimated",
        "up to",
        "less than",
        "under",
        "between",
    ):
        assert phrase in QUALIFIER_PHRASES, phrase
    assert QUALIFIER_PHRASES.index("just under") < QUALIFIER_PHRASES.index("under")  # longest first

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
    "dea-2017": "648b7507d13e7a7a70fa1d756aa76b26ad90a0dd39b2edfebfd6e02a847c5bf9",
    "dea-2018": "ace2009ce6a590584130fd27470045e5e97a726de0939fcf7d3dad82b927acb6",
    "dea-2019": "9af77ea7d29699eef1909af2e695a1a1c4c916ba6b96ee6ac787b47419e92ca5",
    "dea-2021": "890a1f2926437c7a67c99f79dfa4ad5038957e45870ff5784eb1d8d163f50479",
    "dea-2022": "174dcbf2dd67a7c1c8b8bc624f4bd8c264353158876d9d75009cf5fd3561e206",
    "dea-2023": "bfd826b2791eba83f09e255b56fc2694a2774cee66cec5a5f3c33decebb5ca49",
    "dea-2024": "87ee7369dd9d12383183be078e65effa2d8e80186ed580a91779fdfd15e06ee8",
    "dea-fy2025": "1389cf3f321b2a4134bebecae6402b60964c30c7e2ffc252bde97d36098f6e0c",
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

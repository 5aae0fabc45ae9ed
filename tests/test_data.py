"""Bundled data: assumption sets are pinned, cited and valid; the qualifier table loads."""

from __future__ import annotations

import hashlib
from importlib import resources

import pytest

from doseconv.assumptions import DEFAULT_SET, PARAMETERS, load_set, set_names

# A published set never changes: new data means a new set under a new name. If a test here
# fails because a file changed, restore the file and publish the change as a new set.
PINNED_SHA256 = {
    "pure": "cfe026c335b1b5cc1f30479054b807e81cdd9e1e983f6d5771334e830c088d61",
    "dea-2017": "33eff6dd8b3d017ade401439b954f1d097b84ea35539c87921a5029baa6e2f28",
    "dea-2018": "1949a58eb654511ac4c6fd18115e6aa2c357a32576732ade0d93a4da70cdfeb9",
    "dea-2019": "9f4878c4d097d97c3f086cbbef78cab3524e34f905f632c9200ca06734f49b62",
    "dea-2021": "8ef16813b2f31b312baf7b88a78e06670ddbca787cf84125b77639175d3b15c6",
    "dea-2022": "fa3efd2228b558be7fb71eaef9b931222b27442b229235d8d4c6aeb338f51176",
    "dea-2023": "e944556138f4cf3fb9213b76c5bc1e206a984008ade3e6279954944242c89ff5",
    "dea-2024": "b1e8cbb9600a222b1bf738d9ea6cfbe4a062a2a634d17c08e52a65d75951e0f3",
    "dea-fy2025": "382028062df233c2197446b7078bb12b0bd0582b8dfbff47a3b08b2f430f1351",
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
    from doseconv.reading.stated import QUALIFIER_PHRASES, qualifier_rules

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

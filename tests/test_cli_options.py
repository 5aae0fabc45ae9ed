"""The command line alone names its options: library parameter names become flags in error lines."""

from __future__ import annotations

import pytest

from doseconv.cli.options import FLAGS
from doseconv.overrides import OVERRIDE_PARAMETERS

from .cli import run


def test_every_override_has_a_flag() -> None:
    assert set(FLAGS) == set(OVERRIDE_PARAMETERS)
    assert all(flag == "--" + name.replace("_", "-") for name, flag in FLAGS.items())


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["convert", "6500 lb", "doses", "--assumptions", "dea-2017"], "set 'dea-2017' publishes no mean purity of fentanyl powder; choose a set that does (dea-2018, dea-2019, dea-2022, dea-2023, dea-2024, dea-fy2025), or give --purity"),
        (["convert", "44 million pills", "doses", "--pill-model", "mean-content", "--assumptions", "dea-2023"], "set 'dea-2023' publishes no mean fentanyl per pill; choose a set that does (dea-2017, dea-2019, dea-2021, dea-2022, dea-2024), or give --mg-per-pill"),
        (["check", "--powder", "2 kg", "--claim", "700 doses", "--pill-mass", "0mg"], "pill mass must be more than zero"),
    ],
)  # fmt: skip
def test_a_missing_value_names_the_option_that_gives_it(capsys, args, message) -> None:
    result = run(capsys, *args)
    assert (result.code, result.out, result.err) == (2, "", f"Error: {message}\n")


def test_the_library_message_names_the_parameter_not_the_flag() -> None:
    from doseconv import MissingValueError, powder_to_doses

    with pytest.raises(MissingValueError) as caught:
        powder_to_doses("6500 lb", assumptions="dea-2017")
    assert caught.value.parameter == "purity"
    assert str(caught.value).endswith(", or give one of your own") and "purity" not in str(caught.value).split(";")[1]
    assert caught.value.message_for(FLAGS).endswith(", or give --purity")

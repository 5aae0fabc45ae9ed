"""doseconv.check end to end: the worked examples and what it refuses."""

from __future__ import annotations

import pytest

from doseconv.checker import check
from doseconv.errors import DoseconvError, InputError, UnknownAssumptionSetError

from .checking import F

# --- the worked examples -------------------------------------------------------------------


def test_operation_last_mile_total_with_pills_and_powder_is_plausible() -> None:
    result = check("nearly 44 million pills", "more than 6,500 pounds", "nearly 193 million doses")
    assert result.verdict == "plausible"
    assert result.implied is not None and result.implied.parameter == "powder_purity"
    assert result.implied.interval is not None
    assert result.implied.interval.low == F(148000000, 1496854821)
    assert result.implied.interval.high == F(60000000, 589670081)
    assert result.implied.describe() == "powder purity from 9.89% to 10.18%"
    assert str(result.claimed) == "[192000000, 193000000)"
    assert str(result.computed) == "(326041638.88, 331396125.632)"
    assert result.matching_methods == []


def test_operation_last_mile_seed_000_wording_is_plausible() -> None:
    result = check("just under 44 million fentanyl pills", "6,500 pounds of fentanyl powder", "193 million doses")
    assert result.verdict == "plausible"
    assert result.implied is not None
    assert result.implied.describe() == "powder purity from 10% to 10.29%"


def test_total_pinned_on_the_pills_alone_is_implausible() -> None:
    result = check("nearly 44 million fentanyl pills", None, "almost 193 million deadly doses")
    assert result.verdict == "implausible"
    assert result.implied is not None and result.implied.parameter == "doses_per_pill"
    assert result.implied.interval is not None
    assert (result.implied.interval.low, result.implied.interval.high) == (F(48, 11), F(193, 43))
    assert result.implied.describe() == "doses per pill from 4.36 (8.73 mg per pill) to 4.49 (8.98 mg per pill)"
    assert result.matching_methods == ["pills-only"]
    assert "Reproduced by counting the pills alone and leaving the powder out." in result.explanation
    assert "pills-only" not in result.explanation  # the explanation speaks in words, not method codes


def test_cbp_doses_against_dhs_pounds_need_twelve_percent() -> None:
    result = check(None, "More than 27,000 pounds of illicit fentanyl", "738.5 million doses")
    assert result.verdict == "plausible"
    assert result.implied is not None and result.implied.interval is not None
    assert (result.implied.interval.low, result.implied.interval.high) == (
        F(36922500, 317514659),
        F(147710000, 1224699399),
    )
    assert result.implied.describe() == "powder purity from 11.63% to 12.06%"
    assert "738.5 million doses are 1,477 kg of pure fentanyl at 2 mg per dose." in result.explanation
    assert str(result.claimed) == "[738450000, 738550000)"


# --- refusals ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "options", "error", "fragment"),
    [
        (("1 million pills", None, "1 million doses"), {"reading": "loose"}, InputError, "unknown reading 'loose'"),
        (("1 million pills", None, "1 million doses"), {"scale": "country"}, InputError, "unknown scale 'country'"),
        (
            ("1 million pills", None, "1 million doses"),
            {"pill_model": "two-per-pill"},
            InputError,
            "unknown pill model",
        ),
        (
            ("1 million pills", None, "1 million doses"),
            {"assumptions": "dea-1999"},
            UnknownAssumptionSetError,
            "dea-1999",
        ),
        (("1 million pills", None, "1 million pills"), {}, InputError, "must be a number of doses"),
        (("1 million pills", None, None), {}, InputError, "no claim given"),
        (("1 million pills", None, "   "), {}, InputError, "no claim given"),
        (("1 million doses", None, "1 million doses"), {}, InputError, "must be a count of pills or a mass of pills"),
        ((None, "1 million pills", "1 million doses"), {}, InputError, "must be a mass"),
        (("10 kg", None, "1 million doses"), {"pill_mass": "0 mg"}, InputError, "pill mass must be more than zero"),
    ],
)
def test_check_refuses(args, options, error, fragment: str) -> None:
    with pytest.raises(error, match=fragment):
        check(*args, **options)
    assert issubclass(error, DoseconvError)

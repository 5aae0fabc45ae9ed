"""check_table: the same verdict as the exact check for every row, read as the table states it."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from doseconv import DoseconvError, InputError, check
from doseconv.batch import OUTPUT_COLUMNS, Unreadable, check_table

from .table_rows import edge_rows, rows

OPTIONS = [
    {"assumptions": "dea-2022"},
    {"assumptions": "pure"},
    {"assumptions": "dea-2023", "pill_model": "lab-share"},
    {"assumptions": "dea-2022", "scale": "seizure", "reading": "strict"},
]


def _value(value):
    """A cell as a caller would give it to check: None for an empty cell, else the value itself."""
    return None if value is None or (not isinstance(value, str) and pd.isna(value)) else value


def _scalar(row: dict, unit: str, options: dict):
    """The exact check of one row's cells, given to doseconv.check as they are (plain numbers or text)."""
    return check(_value(row["pills"]), _value(row["powder"]), _value(row["claim"]), powder_unit=unit, **options)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(rows(), min_size=1, max_size=12),
    st.sampled_from(OPTIONS),
    st.sampled_from(["kg", "lb"]),
    st.sampled_from(["", "nearly ", "more than ", "about "]),
)
def test_every_verdict_equals_the_exact_check(table_rows: list[dict], options: dict, unit: str, words: str) -> None:
    """For random rows (numbers and text, near and far from the edges) each row's verdict is the scalar check's."""
    frame = pd.DataFrame(table_rows)
    frame["pills"] = frame["pills"].astype("Int64")
    frame["powder"] = frame["powder"].astype(float)
    if words:  # the powder as published text, with its unit: "nearly 12.5 lb" ("nearly 0 kg" allows nothing: left out)
        frame["powder"] = [None if pd.isna(v) or v == 0 else f"{words}{v:,} {unit}" for v in frame["powder"]]
    claims = frame["claim"]
    if not all(isinstance(c, str) for c in claims):  # a mixed column is refused; write the numbers out
        frame["claim"] = [c if isinstance(c, str) else f"{c:,}" for c in claims]
    _assert_equal_to_the_exact_check(frame, unit, options)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data(), st.sampled_from(OPTIONS), st.sampled_from(["kg", "lb"]))
def test_rows_near_every_edge_equal_the_exact_check(data, options: dict, unit: str) -> None:
    """Claims drawn on and a hair from every edge (each way of counting the diagnosis tries, the bands' ends, the
    highest yearly mean, the mass all pure), written to 3 to 25 digits: verdict, diagnosis and correction are the
    scalar check's, whether the numpy check decides the row or sends it to the exact check."""
    table_rows = data.draw(st.lists(edge_rows(options, unit), min_size=1, max_size=8))
    frame = pd.DataFrame(
        {
            "pills": pd.Series([r["pills"] for r in table_rows], dtype="Int64"),
            "powder": [r["powder"] for r in table_rows],
            "claim": [r["qualifier"] + r["claim"] for r in table_rows],
        }
    )
    _assert_equal_to_the_exact_check(frame, unit, options)


def _assert_equal_to_the_exact_check(frame: pd.DataFrame, unit: str, options: dict) -> None:
    """Every row's verdict, findings, diagnosis and corrected figure as the scalar check gives them."""
    out = check_table(frame, pills="pills", powder="powder", claim="claim", powder_unit=unit, **options)
    for index, row in frame.iterrows():
        expected = _scalar(row.to_dict(), unit, options)
        if not expected.inputs["pills"] and not expected.inputs["powder"]:
            assert (out.at[index, "status"], expected.verdict) == ("no inputs", "unverifiable")
            assert pd.isna(out.at[index, "verdict"])
            continue
        assert out.at[index, "status"] == "checked"
        assert out.at[index, "verdict"] == expected.verdict, dict(row)
        if expected.computed is not None:
            assert out.at[index, "computed_doses_low"] == pytest.approx(float(expected.computed.low), rel=1e-9)
            assert out.at[index, "computed_doses_high"] == pytest.approx(float(expected.computed.high), rel=1e-9)
        implied = expected.implied
        parameter = out.at[index, "implied_parameter"]
        assert (None if pd.isna(parameter) else parameter) == (implied.parameter if implied else None)
        if implied is not None and implied.interval is not None:
            assert out.at[index, "implied_low"] == pytest.approx(float(implied.interval.low), rel=1e-9)
            if not implied.unbounded:
                assert out.at[index, "implied_high"] == pytest.approx(float(implied.interval.high), rel=1e-9)
        flagged = expected.verdict in ("implausible", "impossible", "upper-bound")
        correction = expected.correction
        if flagged and correction is not None:
            assert out.at[index, "corrected_doses"] == pytest.approx(float(correction.value), rel=1e-9)
        else:
            assert pd.isna(out.at[index, "corrected_doses"])
        best = expected.matching_methods[0] if flagged and expected.matching_methods else None
        assert (None if pd.isna(out.at[index, "diagnosis"]) else out.at[index, "diagnosis"]) == best, dict(row)


@settings(max_examples=15, deadline=None)
@given(st.lists(rows(), min_size=1, max_size=20))
def test_numeric_columns_verdicts_equal_the_exact_check(table_rows: list[dict]) -> None:
    """Numeric claims (float dtype) read at face value give the scalar check's verdict on the written-out figure."""
    frame = pd.DataFrame(table_rows)
    frame["claim"] = [float(c.split()[-1].replace(",", "")) if isinstance(c, str) else c for c in frame["claim"]]
    frame["pills"] = frame["pills"].astype(float)
    out = check_table(frame, pills="pills", powder="powder", claim="claim", powder_unit="kg")
    for index, row in frame.iterrows():
        expected = _scalar(row.to_dict(), "kg", {})
        if out.at[index, "status"] == "no inputs":
            assert expected.verdict == "unverifiable" and pd.isna(row["pills"]) and pd.isna(row["powder"])
        else:
            assert out.at[index, "verdict"] == expected.verdict, dict(row)


def test_the_users_frame_is_left_as_it_was() -> None:
    frame = pd.DataFrame({"pills": [44_000_000], "lb": [6500.0], "doses": ["nearly 193 million"]})
    before = frame.copy()
    out = check_table(frame, pills="pills", powder="lb", powder_unit="lb", claim="doses")
    pd.testing.assert_frame_equal(frame, before)
    assert list(out.columns) == ["pills", "lb", "doses", *OUTPUT_COLUMNS]
    assert out.at[0, "verdict"] == "plausible"
    assert out.at[0, "implied_parameter"] == "powder_purity"
    exact = check("44000000 pills", "6500 lb", "nearly 193 million doses").implied
    assert out.at[0, "implied_low"] == pytest.approx(float(exact.interval.low), rel=1e-12)
    assert out.at[0, "implied_high"] == pytest.approx(float(exact.interval.high), rel=1e-12)


def test_text_columns_are_parsed_once_per_distinct_value(monkeypatch) -> None:
    from doseconv.batch import columns

    calls: list[str] = []
    real = columns.read_figure
    monkeypatch.setattr(columns, "read_figure", lambda text, *a, **k: calls.append(text) or real(text, *a, **k))
    frame = pd.DataFrame({"pills": ["nearly 44 million"] * 500, "doses": ["nearly 193 million", "44 million"] * 250})
    out = check_table(frame, pills="pills", claim="doses")
    assert sorted(calls) == ["44 million", "nearly 193 million", "nearly 44 million"]
    assert set(out["verdict"]) == {"implausible", "consistent"}


def test_flagged_rows_get_a_diagnosis_and_corrected_figure_and_the_others_none() -> None:
    frame = pd.DataFrame(
        {"pills": ["nearly 44 million", "nearly 44 million"], "doses": ["nearly 193 million", "44 million"]}
    )
    out = check_table(frame, pills="pills", claim="doses", plain=True, explanation=True)
    assert list(out["verdict"]) == ["implausible", "consistent"]
    assert out.at[0, "diagnosis"] == "pills-only"
    exact = check("nearly 44 million", None, "nearly 193 million")
    assert out.at[0, "corrected_doses"] == float(exact.correction.value) == 44_000_000
    assert (out.at[0, "plain"], out.at[0, "explanation"]) == (exact.plain, exact.explanation)
    assert pd.isna(out.at[1, "diagnosis"]) and pd.isna(out.at[1, "corrected_doses"])
    assert out.at[1, "plain"] == check("nearly 44 million", None, "44 million").plain


def test_text_columns_only_when_asked_for() -> None:
    frame = pd.DataFrame({"pills": ["nearly 44 million"], "doses": ["nearly 193 million"]})
    assert list(check_table(frame, pills="pills", claim="doses").columns) == ["pills", "doses", *OUTPUT_COLUMNS]
    out = check_table(frame, pills="pills", claim="doses", explanation=True)
    assert list(out.columns) == ["pills", "doses", *OUTPUT_COLUMNS, "explanation"]


def test_a_row_that_cannot_be_checked_is_one_row_with_its_status() -> None:
    """What goes wrong today: one empty or 'n/a' claim refused the whole table. Each row now says what it is."""
    frame = pd.DataFrame(
        {
            "pills": [250_000, 1_000, 5_000, None, "lots", 44_000_000],
            "lb": [26.0, None, None, None, 2.0, 6500.0],
            "claimed": ["6 million", "", "n/a", "5 million", "5 million", "nearly 193 million"],
        }
    )
    out = check_table(frame, pills="pills", powder="lb", powder_unit="lb", claim="claimed")
    assert list(out["status"]) == [
        "checked",
        "no claim",
        "no claim",
        "no inputs",
        "unreadable: column 'pills': no number at the start of 'lots'; write a figure such as '6500 lb' or "
        "'44 million pills'",
        "checked",
    ]
    assert list(out["verdict"].astype(object).where(out["verdict"].notna(), None)) == [
        "upper-bound",
        None,
        None,
        None,
        None,
        "plausible",
    ]
    for name in OUTPUT_COLUMNS[1:]:  # every finding of an unchecked row is empty
        assert out[name][1:5].isna().all(), name


def test_a_column_mixing_numbers_and_text_is_read_cell_by_cell() -> None:
    """What goes wrong today: 120000 in one row and 'nearly 44 million' in the next was refused as mixed kinds."""
    frame = pd.DataFrame({"pills": [120_000, "nearly 44 million"], "doses": ["120,000", 44_000_000]}, dtype=object)
    out = check_table(frame, pills="pills", claim="doses")
    assert list(out["status"]) == ["checked", "checked"]
    assert (
        list(out["verdict"])
        == [check(120_000, None, "120,000").verdict, check("nearly 44 million", None, 44_000_000).verdict]
        == ["consistent", "consistent"]
    )


@pytest.mark.parametrize(
    ("cell", "why"),
    [
        (pd.Timestamp("2024-01-01"), "2024-01-01 00:00:00 is a date or a time, not a figure"),
        (True, "TRUE is a true/false value, not a figure"),
        (1 + 2j, "(1+2j) is a complex number, not a figure"),
        (-5.0, "-5.0 is not a figure; figures must be finite and zero or more"),
        (float("inf"), "inf is not a figure; figures must be finite and zero or more"),
        ("lots", "no number at the start of 'lots'; write a figure such as '6500 lb' or '44 million pills'"),
        ("12 pills", "'12 pills' must be a mass"),
        (Unreadable("a formula with no stored value", "=A1*2"), "a formula with no stored value"),
    ],
)
def test_a_cell_that_is_no_figure_makes_its_row_unreadable(cell, why: str) -> None:
    frame = pd.DataFrame({"x": pd.Series([cell, 12.0], dtype=object), "doses": ["1 million", "1 million"]})
    out = check_table(frame, powder="x", powder_unit="kg", claim="doses")
    assert list(out["status"]) == [f"unreadable: column 'x': {why}", "checked"]
    assert out.at[1, "verdict"] == check(None, 12.0, "1 million", powder_unit="kg").verdict


@pytest.mark.parametrize(
    "column",
    [pd.Series(pd.to_datetime(["2024-01-01"])), pd.Series([True]), pd.Series([1 + 2j]), pd.Series([-5.0])],
)
def test_a_typed_column_that_is_no_figure_makes_each_row_unreadable(column) -> None:
    frame = pd.DataFrame({"x": column, "doses": ["1 million"]})
    out = check_table(frame, powder="x", powder_unit="kg", claim="doses")
    assert out.at[0, "status"].startswith("unreadable: column 'x': ")


def test_a_plain_number_without_a_unit_in_a_mixed_mass_column_is_unreadable() -> None:
    frame = pd.DataFrame({"x": ["12 kg", "26"], "doses": ["1 million", "1 million"]})
    out = check_table(frame, powder="x", claim="doses")
    assert list(out["status"]) == [
        "checked",
        "unreadable: column 'x': '26' has no unit; write it in the cell or give the column's",
    ]


def test_population_claims_are_checked_like_any_other() -> None:
    """What goes wrong today: 'could kill the entire population of Wyoming' was refused in a table."""
    frame = pd.DataFrame(
        {
            "lb": [200.0, 1.0],
            "claimed": ["enough to kill every American", "could kill the entire population of Wyoming"],
        }
    )
    out = check_table(frame, powder="lb", powder_unit="lb", claim="claimed", year=2023, plain=True)
    for index, (lb, claimed) in frame.iterrows():
        expected = check(None, lb, claimed, powder_unit="lb", year=2023)
        assert (out.at[index, "status"], out.at[index, "verdict"]) == ("checked", expected.verdict)
        assert out.at[index, "plain"] == expected.plain
        assert out.at[index, "assumptions"] == expected.assumptions.name == "dea-2023"
    assert "population of Wyoming" in out.at[1, "plain"]


def test_a_population_claim_is_read_for_its_rows_date() -> None:
    frame = pd.DataFrame({"seized": ["2019-05-01", "2023-05-01"], "lb": [200.0, 200.0],
                          "claimed": ["enough to kill every American"] * 2})  # fmt: skip
    out = check_table(frame, powder="lb", powder_unit="lb", claim="claimed", date="seized", plain=True)
    for index, row in frame.iterrows():
        expected = check(None, 200.0, row["claimed"], powder_unit="lb", date=row["seized"])
        assert (out.at[index, "verdict"], out.at[index, "plain"]) == (expected.verdict, expected.plain)
        assert out.at[index, "assumptions"] == expected.assumptions.name


def test_a_numeric_mass_column_needs_its_unit() -> None:
    frame = pd.DataFrame({"x": [5.0], "doses": ["1 million"]})
    with pytest.raises(DoseconvError) as error:
        check_table(frame, powder="x", claim="doses")
    assert str(error.value) == "column 'x' holds plain numbers; give the unit of its masses (such as kg or lb)"


def test_missing_and_clashing_columns_are_named() -> None:
    frame = pd.DataFrame({"pills": [5], "verdict": ["?"]})
    with pytest.raises(InputError) as missing:
        check_table(frame, pills="pills", claim="doses")
    assert str(missing.value) == "no column 'doses' for the claim; the table has: 'pills', 'verdict'"
    with pytest.raises(InputError) as clash:
        check_table(frame, pills="pills", claim="pills")
    assert str(clash.value) == "the table already has a column 'verdict'; rename it before checking"
    with pytest.raises(InputError) as no_inputs:
        check_table(frame, claim="pills")
    assert str(no_inputs.value) == (
        "no pills or powder column given; name the column of pills (pills=...) or of powder (powder=...)"
    )


def test_progress_is_reported_by_rows_done() -> None:
    done: list[int] = []
    frame = pd.DataFrame({"pills": [1000] * 3, "doses": [1000] * 3})
    check_table(frame, pills="pills", claim="doses", progress=done.append)
    assert done == [3]


def test_a_list_of_records_is_a_table() -> None:
    out = check_table([{"pills": 1000, "doses": "1,000"}], pills="pills", claim="doses")
    assert list(out["verdict"]) == ["consistent"]


def test_clear_cut_rows_never_reach_the_exact_check(monkeypatch) -> None:
    """The vectorized pass decides rows far from every edge itself (this is what makes it fast)."""
    import doseconv.checker

    calls: list[object] = []
    real = doseconv.checker.check
    monkeypatch.setattr(doseconv.checker, "check", lambda *a, **k: calls.append(a) or real(*a, **k))
    pills = np.arange(1_000, 2_000) * 1000
    frame = pd.DataFrame({"pills": pills, "kg": 10.0, "doses": pills + 960_000.0})  # dea-2022: 19.2 %
    out = check_table(frame, pills="pills", powder="kg", powder_unit="kg", claim="doses")
    assert set(out["verdict"]) == {"consistent"}
    assert calls == []


def test_a_table_with_a_repeated_index_keeps_its_rows_in_place() -> None:
    frame = pd.DataFrame({"pills": [1000, 2000], "doses": [1000, 5_000_000]}, index=[3, 3])
    out = check_table(frame, pills="pills", claim="doses")
    assert list(out.index) == [3, 3]
    assert list(out["verdict"]) == ["consistent", "implausible"]


def test_exact_readings_equal_the_exact_check() -> None:
    frame = pd.DataFrame({"pills": [250_000, 1_000], "kg": [12.0, 0.5], "doses": [6_250_000, 49_000]})
    out = check_table(frame, pills="pills", powder="kg", powder_unit="kg", claim="doses", exact=True)
    expected = [
        check(int(p), float(w), int(d), powder_unit="kg", exact=True).verdict
        for p, w, d in frame.itertuples(index=False)
    ]
    assert list(out["verdict"]) == expected == ["upper-bound", "consistent"]


def test_pills_given_by_weight_are_checked_exactly() -> None:
    frame = pd.DataFrame({"pills_kg": [10.0, 10.0], "doses": ["5 million", "100,000"]})
    options = {"pills_unit": "kg", "pill_mass": "100 mg"}
    out = check_table(frame, pills="pills_kg", claim="doses", **options)
    expected = [check(10.0, None, d, **options).verdict for d in frame["doses"]]
    assert list(out["verdict"]) == expected
    assert out.at[0, "implied_parameter"] == "pill_purity"


def test_a_seizure_claim_needing_more_than_every_yearly_mean_gets_the_exact_verdict() -> None:
    """Found by the property: at the seizure scale a purity within the tested range but above every yearly mean
    can be an upper bound (the powder counted as pure), which only the exact check names."""
    frame = pd.DataFrame({"pills": [30], "kg": [0.0001], "doses": ["50.0"]})
    options = {"scale": "seizure", "reading": "strict"}
    out = check_table(frame, pills="pills", powder="kg", powder_unit="kg", claim="doses", **options)
    assert list(out["verdict"]) == [check(30, 0.0001, "50.0", powder_unit="kg", **options).verdict]


DATED = pd.DataFrame(
    {
        "seized": ["2019-03-01", 2023, None, "2023-06-14T10:00:00Z", pd.Timestamp("2019-11-30"), "2024"],
        "pills": ["250,000", "nearly 44 million", "1,000", None, "12,000", "1.2 million"],
        "powder": ["12 kg", "more than 6,500 lb", None, "4 kilograms", None, "250 pounds"],
        "claimed": ["6.3 million", "nearly 193 million doses", "1,000 doses", "2 million", "25,000", "113 million"],
    }
)


def _scalar_date(cell: object) -> dict:
    if cell is None or (not isinstance(cell, str) and pd.isna(cell)):
        return {}
    if isinstance(cell, int) or (isinstance(cell, str) and cell.isdigit()):
        return {"year": int(cell)}
    if isinstance(cell, pd.Timestamp):
        return {"date": cell.date()}
    return {"date": str(cell)[:10]}


def test_a_date_column_checks_each_row_under_the_set_of_its_date() -> None:
    """Each row's verdict and set are those doseconv.check gives with the row's date; rows stay in their order."""
    out = check_table(DATED, "pills", "powder", "claimed", date="seized")
    assert list(out.index) == list(DATED.index) and list(out["seized"]) == list(DATED["seized"])
    assert set(out["status"]) == {"checked"}
    for (_, row), (verdict, chosen) in zip(
        DATED.iterrows(), zip(out["verdict"], out["assumptions"], strict=True), strict=True
    ):
        pills, powder = (None if pd.isna(row[c]) else row[c] for c in ("pills", "powder"))
        expected = check(pills, powder, row["claimed"], **_scalar_date(row["seized"]))
        assert (verdict, chosen) == (expected.verdict, expected.assumptions.name)
    assert list(out["assumptions"]) == ["dea-2019", "dea-2023", "dea-2022", "dea-2023", "dea-2019", "dea-2024"]


def test_a_date_column_gives_way_to_a_set_given() -> None:
    out = check_table(DATED, "pills", "powder", "claimed", date="seized", assumptions="dea-2021")
    assert set(out["assumptions"]) == {"dea-2021"}
    assert list(out["verdict"]) == list(
        check_table(DATED, "pills", "powder", "claimed", assumptions="dea-2021")["verdict"]
    )


@pytest.mark.parametrize("cell", ["yesterday", "2023-02-30", True, 12.5])
def test_a_cell_that_is_no_date_makes_its_row_unreadable(cell) -> None:
    table = pd.DataFrame({"seized": [cell, "2023-01-01"], "pills": ["5", "5"], "claimed": ["5 doses", "5 doses"]})
    out = check_table(table, "pills", None, "claimed", date="seized")
    assert list(out["status"]) == [
        f"unreadable: column 'seized': {cell!r} is not a date; write it as 2023-06-14 or a year such as 2023",
        "checked",
    ]
    assert pd.isna(out.at[0, "verdict"]) and out.at[1, "verdict"] == "consistent"


def test_a_missing_date_column_is_named() -> None:
    with pytest.raises(InputError, match="no column 'when' in the table"):
        check_table(DATED, "pills", "powder", "claimed", date="when")


def test_plain_numbers_written_with_other_digits_are_other_figures() -> None:
    """Found by the property: "700,000,000.0" states a digit more than "700,000,000"; equal numbers, other figures."""
    frame = pd.DataFrame({"kg": [1301.0, 1390.0], "claim": ["700,000,000.0", "700,000,000"]})
    out = check_table(frame, powder="kg", powder_unit="kg", claim="claim", assumptions="dea-2022")
    expected = [check(None, kg, c, powder_unit="kg", assumptions="dea-2022").verdict for kg, c in frame.values]
    assert list(out["verdict"]) == expected == ["impossible", "upper-bound"]

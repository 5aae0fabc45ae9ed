"""The table of diagnosis methods: one row per method, each tried when its figure is stated."""

from __future__ import annotations

from doseconv.checker import METHOD_TABLE, METHODS, check
from doseconv.checker.methods import Method


def test_the_table_is_the_one_list_of_methods() -> None:
    assert list(METHODS) == [m.name for m in METHOD_TABLE]
    assert len(set(METHODS)) == len(METHOD_TABLE)
    assert all(isinstance(m, Method) and m.description for m in METHOD_TABLE)
    assert {m.needs for m in METHOD_TABLE} == {"", "pills", "powder"}


def test_each_method_is_tried_when_its_figure_is_stated() -> None:
    both = check("nearly 44 million pills", "more than 6,500 pounds", "nearly 193 million doses")
    assert sorted(d.method for d in both.diagnosis) == sorted(METHODS)
    pills_only = check("nearly 44 million pills", None, "almost 193 million doses")
    assert sorted(d.method for d in pills_only.diagnosis) == sorted(m.name for m in METHOD_TABLE if m.needs != "powder")
    powder_only = check(None, "21,889 pounds", "738.5 million doses")
    assert sorted(d.method for d in powder_only.diagnosis) == sorted(m.name for m in METHOD_TABLE if m.needs != "pills")

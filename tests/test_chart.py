"""`doseconv chart` and doseconv.chart: a valid PNG and SVG, labelled in plain words; matplotlib only when drawing."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from doseconv.chart import chart_svg, save_chart, sensitivity_chart
from doseconv.errors import InputError

from .cli import run

NATIONAL = ("nearly 44 million pills", "more than 6,500 pounds", "nearly 193 million doses")
SVG = "{http://www.w3.org/2000/svg}"


def _texts(svg: str) -> list[str]:
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    return ["".join(t.itertext()).strip() for t in root.iter(f"{SVG}text")]


def test_the_library_returns_a_figure_labelled_in_plain_words() -> None:
    figure = sensitivity_chart(*NATIONAL)
    ax = figure.axes[0]
    assert ax.get_title() == "Is 'nearly 193 million doses' right? Doses by purity of the powder"
    assert ax.get_xlabel() == "Fentanyl purity of the powder (%)"
    assert ax.get_ylabel() == "Potentially lethal doses (2 mg each)"
    labels = [t.get_text() for t in figure.legends[0].get_texts()]
    assert labels == [
        "the inputs, as rounded",
        "doses from 'nearly 44 million pills' and 'more than 6,500 pounds'",
        "the claim: 'nearly 193 million doses'",
        "purity of the powder the claim needs: 9.89% to 10.2%",
        "DEA's published yearly means",
    ]
    marks = sorted(t.get_text() for t in ax.texts)
    assert "DEA 2022: 19.2%" in marks and "DEA 2018: 5.3%" in marks and "DEA FY2025: 10.3%" in marks


def test_pills_alone_are_drawn_against_fentanyl_per_pill() -> None:
    figure = sensitivity_chart("nearly 44 million pills", None, "nearly 193 million doses")
    ax = figure.axes[0]
    assert ax.get_xlabel() == "Fentanyl in each pill (mg)"
    assert "fentanyl in each pill the claim needs: 8.73 mg to 8.98 mg" in [
        t.get_text() for t in figure.legends[0].get_texts()
    ]
    assert "DEA 2022: 2.4 mg" in [t.get_text() for t in ax.texts]


def test_chart_writes_a_valid_png(capsys, tmp_path: Path) -> None:
    from PIL import Image

    target = tmp_path / "claim.png"
    pills, powder, claim = NATIONAL
    result = run(capsys, "chart", "--pills", pills, "--powder", powder, "--claim", claim, "-o", str(target))
    assert result.code == 0
    assert result.err == f"wrote {target}: doses against powder purity, with the claim 'nearly 193 million doses'\n"
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    with Image.open(target) as image:
        assert image.format == "PNG" and image.size == (960, 672)


def test_chart_writes_a_valid_svg_with_its_words_as_text(capsys, tmp_path: Path) -> None:
    target = tmp_path / "claim.svg"
    result = run(capsys, "chart", "--powder", "13 pounds", "--claim", "over three million doses", "-o", str(target))
    assert result.code == 0
    texts = _texts(target.read_text("utf-8"))
    assert "Is 'over three million doses' right? Doses by purity of the powder" in texts
    assert "purity of the powder the claim needs: 98% to 109%" in texts


def test_the_svg_string_helper_is_an_svg_document() -> None:
    svg = chart_svg(sensitivity_chart(None, "10 kg", "500,000 doses"))
    assert svg.startswith("<?xml")
    assert "Fentanyl purity of the powder (%)" in _texts(svg)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--claim", "3 million doses", "-o", "x.png"],
            "Error: a chart needs pills or powder to draw the doses they make",
        ),
        (
            ["--powder", "1 kg", "--claim", "3 million doses", "-o", "x.gif"],
            "Error: cannot write a chart as 'gif'; name a .png or .svg file",
        ),
        (["--powder", "lots", "--claim", "3 million doses", "-o", "x.png"], "Error: no number at the start of 'lots'"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(capsys, tmp_path: Path, monkeypatch, args: list[str], message: str) -> None:
    monkeypatch.chdir(tmp_path)
    result = run(capsys, "chart", *args)
    assert result.code == 2 and result.err.startswith(message) and len(result.err.splitlines()) == 1
    assert list(tmp_path.iterdir()) == []


def test_a_missing_matplotlib_names_the_extra(monkeypatch) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "matplotlib" else real(name, *a))
    with pytest.raises(InputError) as error:
        sensitivity_chart(*NATIONAL)
    assert str(error.value) == (
        "drawing a chart needs matplotlib, which is not installed; install it with: pip install 'doseconv[chart]'"
    )


def test_matplotlib_is_imported_only_when_a_chart_is_drawn() -> None:
    code = "import sys, doseconv.chart, doseconv.cli; print('matplotlib' in sys.modules, 'pandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out == "False False\n"


def test_save_chart_writes_svg_by_suffix(tmp_path: Path) -> None:
    target = tmp_path / "c.svg"
    save_chart(sensitivity_chart(*NATIONAL), target)
    assert _texts(target.read_text("utf-8"))

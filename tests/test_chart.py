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


def _words(figure) -> list[str]:
    """Every visible text of a chart, the legend's included."""
    return [t.get_text() for t in figure.findobj(lambda a: hasattr(a, "get_text") and a.get_visible()) if t.get_text()]


def test_the_library_returns_a_figure_labelled_in_plain_words() -> None:
    figure = sensitivity_chart(*NATIONAL)
    ax = figure.axes[0]
    assert ax.get_xlabel() == "Fentanyl purity of the powder (%)"
    assert ax.get_ylabel() == "Lethal doses (2 mg each)"
    labels = [t.get_text() for t in figure.legends[0].get_texts()]
    assert labels == [
        "the inputs, as rounded",
        "doses from 'nearly 44 million pills' and 'more than 6,500 pounds'",
        "the claim: 'nearly 193 million doses'",
        "DEA's published range",
        "purity of the powder the claim needs: 9.89% to 10.2%",
        "purity used (the set's): 19.2%",
        "DEA's published yearly means",
    ]
    marks = sorted(t.get_text().strip() for t in ax.texts)
    assert "DEA 2022: 19.2%" in marks and "DEA 2018: 5.3%" in marks and "DEA FY2025: 10.3%" in marks


def test_the_image_alone_says_the_claim_inputs_need_range_verdict_and_source() -> None:
    words = "\n".join(_words(sensitivity_chart(*NATIONAL)))
    for part in (
        "Claim: \u201cnearly 193 million doses\u201d",
        "Plausible: the total needs values within the range\nDEA has published.",
        "The inputs give: 326.04 million to 331.4 million doses\n(dea-2022)",
        "The claim needs: powder purity from 9.89% to 10.18%",
        "DEA's published range: 5.3% to 19.5%",
        "Source: dea-2022, from U.S. Drug Enforcement Administration",
    ):
        assert part in words


def test_the_verdict_has_its_colour_from_the_one_table() -> None:
    from matplotlib.colors import to_hex

    from doseconv.verdictstyle import style

    figure = sensitivity_chart("nearly 44 million pills", None, "almost 193 million doses")
    box = next(t for t in figure.texts if t.get_text().startswith("Implausible"))
    patch = box.get_bbox_patch()
    assert (to_hex(patch.get_facecolor()), to_hex(patch.get_edgecolor())) == (
        style("implausible").fill, style("implausible").edge
    )  # fmt: skip


@pytest.mark.parametrize(
    "claim",
    [
        ("nearly 44 million pills", None, "almost 193 million doses"),  # DEA's means per pill: 1.94, 2.2, 2.4 mg
        NATIONAL,  # purities 9.7 %, 10.3 %, 11.4 %, 19.2 %, 19.5 %
        (None, "13 pounds", "over three million doses"),
        ("66 pounds", None, "193 million doses"),
    ],
)
def test_no_two_texts_overlap(claim) -> None:
    """Every text of the image (the means' labels, the words, the legend, the ticks) in its own box."""
    figure = sensitivity_chart(*claim)
    renderer = figure.canvas.get_renderer()
    figure.draw(renderer)
    ax = figure.axes[0]
    hidden = {id(t) for t in ax.get_xticklabels() if not ax.get_xlim()[0] <= t.get_position()[0] <= ax.get_xlim()[1]}
    hidden |= {id(t) for t in ax.get_yticklabels() if not ax.get_ylim()[0] <= t.get_position()[1] <= ax.get_ylim()[1]}
    from matplotlib.text import Text

    found = figure.findobj(Text)
    texts = list({id(t): t for t in found if t.get_visible() and t.get_text().strip() and id(t) not in hidden}.values())
    boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in texts]
    figure_box = figure.bbox
    for text, box in boxes:
        assert box.x0 >= figure_box.x0 - 1 and box.x1 <= figure_box.x1 + 1, f"{text!r} leaves the image"
    for i, (one, a) in enumerate(boxes):
        for other, b in boxes[i + 1 :]:
            overlap = min(a.x1, b.x1) - max(a.x0, b.x0) > 1 and min(a.y1, b.y1) - max(a.y0, b.y0) > 1
            assert not overlap, f"{one!r} overlaps {other!r}"


def test_text_is_readable_at_phone_width() -> None:
    """Shown 390 pixels wide, the smallest text is still about 8 pixels high (it was 4 before)."""
    figure = sensitivity_chart(*NATIONAL)
    width = figure.get_figwidth() * figure.dpi
    sizes = [t.get_fontsize() for t in figure.findobj(lambda a: hasattr(a, "get_fontsize") and hasattr(a, "get_text"))
             if t.get_text().strip()]  # fmt: skip
    assert min(sizes) / 72 * figure.dpi * 390 / width >= 7.5


def test_an_override_is_drawn_and_named(capsys, tmp_path: Path) -> None:
    figure = sensitivity_chart(None, "6,500 pounds", "147 million doses", purity="10%")
    assert "purity used (given): 10%" in _words(figure)
    target = tmp_path / "c.png"
    result = run(capsys, "chart", "--powder", "6,500 pounds", "--claim", "147 million doses", "--purity", "10%",
                 "-o", str(target))  # fmt: skip
    assert result.code == 0 and target.read_bytes()[:4] == b"\x89PNG"


def test_output_dash_writes_the_image_to_standard_output(capfdbinary, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    from doseconv.cli import main

    assert main(["chart", *("--powder", "13 pounds", "--claim", "over three million doses"), "-o", "-"]) == 0
    out = capfdbinary.readouterr().out
    assert out[:8] == b"\x89PNG\r\n\x1a\n"
    assert list(tmp_path.iterdir()) == []  # no file named "-"
    assert (
        main(["chart", "--powder", "13 pounds", "--claim", "3 million doses", "-o", "-", "--format", "svg", "-q"]) == 0
    )
    assert capfdbinary.readouterr().out.startswith(b"<?xml")


def test_chart_writes_a_valid_png(capsys, tmp_path: Path) -> None:
    from PIL import Image

    target = tmp_path / "claim.png"
    pills, powder, claim = NATIONAL
    result = run(capsys, "chart", "--pills", pills, "--powder", powder, "--claim", claim, "-o", str(target))
    assert result.code == 0
    assert result.err == f"wrote {target}: doses against powder purity, with the claim 'nearly 193 million doses'\n"
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    with Image.open(target) as image:
        assert image.format == "PNG" and image.size == (768, 1056)


def test_chart_writes_a_valid_svg_with_its_words_as_text(capsys, tmp_path: Path) -> None:
    target = tmp_path / "claim.svg"
    result = run(capsys, "chart", "--powder", "13 pounds", "--claim", "over three million doses", "-o", str(target))
    assert result.code == 0
    texts = _texts(target.read_text("utf-8"))
    assert "Claim: \u201cover three million doses\u201d" in texts
    assert any(t.startswith("Upper bound: the most the stated mass could hold") for t in texts)  # as text
    assert "purity of the powder the claim needs: 98% to 141%" in texts


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

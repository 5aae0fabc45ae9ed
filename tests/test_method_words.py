"""Words, not codes: no method's code name ("powder-pure", "pills-only+scale-slip") reaches a reader of a report
(text, Markdown, HTML, Word) or of the page; the JSON keeps the codes, for scripts and claims files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from doseconv.checker.rows import METHOD_TABLE, SLIPS
from doseconv.scan import scan_text
from doseconv.scan.report import render, render_file
from doseconv.scan.scanner import ScanSet

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parents[1] / "shared" / "seeds"
#: Every code name of a method or a slip, as it would stand in a sentence.
CODES = re.compile(
    r"(?<![\w-])("
    + "|".join(re.escape(name) for name in sorted([m.name for m in METHOD_TABLE] + [s.label for s in SLIPS], key=len))
    + r")(?![\w-])"
)
STORIES = {
    "pure": "Police seized 10 kg of fentanyl, enough for 5 million lethal doses.",
    "pills": "Agents seized nearly 44 million fentanyl pills, equating to almost 193 million deadly doses.",
    "closest": "Police seized 2 kg of fentanyl powder, enough to kill 37 million people.",
    "slip": "Police seized 2 kg of fentanyl, enough for 10 million lethal doses.",
    "wire": (HERE / "stories" / "wire-rules.txt").read_text("utf-8"),
}


def _stories() -> dict[str, str]:
    found = dict(STORIES)
    if SEEDS.is_dir():  # the seed stories too, when the shared folder is beside the repo
        found.update({path.name: path.read_text("utf-8") for path in sorted(SEEDS.glob("*.txt"))})
    return found


def _docx_text(data: bytes, tmp_path: Path) -> str:
    docx = pytest.importorskip("docx")
    path = tmp_path / "report.docx"
    path.write_bytes(data)
    document = docx.Document(str(path))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_the_diagnosis_is_said_in_words() -> None:
    texts = {name: render(ScanSet((scan_text(text),)), "text") for name, text in STORIES.items()}
    assert "diagnosis: reproduced by counting the powder as pure fentanyl\n" in texts["pure"]
    assert "diagnosis: reproduced by counting the pills alone and leaving the powder out\n" in texts["pills"]
    assert "; or by a slip of ten (a misplaced digit)" in texts["wire"]
    assert all("diagnosis: " in text for text in texts.values())


@pytest.mark.parametrize("name", sorted(_stories()))
def test_no_code_name_reaches_a_report(name: str, tmp_path: Path) -> None:
    scans = ScanSet((scan_text(_stories()[name]),))
    for output in ("text", "markdown", "html"):
        shown = render(scans, output)
        assert CODES.findall(re.sub(r"<[^>]+>", " ", shown)) == [], output
    word = render_file(scans, "docx")
    assert isinstance(word, bytes) and CODES.findall(_docx_text(word, tmp_path)) == []
    assert any(CODES.search(str(c.result.to_dict())) for c in scans.reports[0].claims if c.result)  # JSON keeps them


def test_no_code_name_reaches_the_page() -> None:
    from .web_clients import page_client

    client = page_client()
    for text in STORIES.values():
        for answer in (client.post("/", data={"text": text}), client.post("/report", data={"text": text})):
            assert answer.status_code == 200
            assert CODES.findall(re.sub(r"<[^>]+>", " ", answer.text)) == []
    shown = client.get("/check", params={"claim": "5 million doses", "powder": "10 kg"})
    assert shown.status_code == 200 and "counting the powder as pure fentanyl" in shown.text.lower()
    assert CODES.findall(re.sub(r"<[^>]+>", " ", shown.text)) == []

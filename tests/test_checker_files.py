"""Claims files: loading, validation errors that name the file and line, and verification."""

from __future__ import annotations

import re
from fractions import Fraction
from pathlib import Path

import pytest

from doseconv.checker.files import load_claims_file
from doseconv.checker.population import undated_note
from doseconv.checker.verify import check_record, collect_files, verify_paths
from doseconv.errors import ClaimsFileError

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

# Line numbers matter below: the figure "pills" starts at line 16, "powder" at 22, "doses" at 28,
# the claim at 34.
BASE = """\
schema = 1

[source]
publisher = "Test publisher"
title = "Operation test"
date = "2024"

[scopes.national]
agency = "DEA"
area = "nationwide"

[scopes.division]
agency = "DEA Test Division"

[[figures]]
id = "pills"
text = "nearly 44 million pills"
kind = "pills"
scope = "national"

[[figures]]
id = "powder"
text = "more than 6,500 pounds"
kind = "fentanyl-powder"
scope = "national"

[[figures]]
id = "doses"
text = "nearly 193 million doses"
kind = "doses"
scope = "national"

[[claims]]
id = "total"
total = "doses"
pills = "pills"
powder = "powder"
expect = "plausible"
"""


def write(tmp_path: Path, text: str, name: str = "claims.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def edited(old: str, new: str, text: str = BASE) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def test_a_valid_file_loads_with_its_figures_and_claims(tmp_path: Path) -> None:
    path = write(tmp_path, BASE)
    loaded = load_claims_file(path)
    assert loaded.path == str(path)
    assert loaded.source == {"publisher": "Test publisher", "title": "Operation test", "date": "2024"}
    assert list(loaded.figures) == ["pills", "powder", "doses"]
    assert loaded.figures["powder"].kind == "fentanyl-powder" and loaded.figures["powder"].scope == "national"
    (claim,) = loaded.claims
    assert (claim.id, claim.total, claim.pills, claim.powder, claim.expect) == (
        "total",
        "doses",
        "pills",
        "powder",
        "plausible",
    )
    assert (claim.scale, claim.reading, claim.line) == ("aggregate", "lenient", 34)


@pytest.mark.parametrize(
    ("old", "new", "line", "message"),
    [
        ('title = "Operation test"', 'title = "Operation test', 5, "not valid TOML"),
        (
            "schema = 1\n",
            "schema = 1\nextra = 2\n",
            2,
            "unknown key 'extra'; a claims file has claims, figures, schema, scopes, source",
        ),
        ("schema = 1\n", "schema = 2\n", 1, "schema = 1 is required on the first lines"),
        ('date = "2024"\n', 'date = "2024"\nauthor = "me"\n', 7, "[source] has unknown key 'author'"),
        ('date = "2024"\n', "", 3, "[source] needs publisher, title and date"),
        (
            'kind = "pills"\n',
            'kind = "pills"\nunit = "pill"\n',
            19,
            "figure 'pills' has unknown key 'unit'; figures take attribution, drug, exact, id, kind, note, scope, text",
        ),
        ('text = "nearly 44 million pills"\n', "", 16, "each [[figures]] needs an id and a text"),
        (
            'kind = "doses"',
            'kind = "dose"',
            30,
            "figure 'doses': kind 'dose' is not one of pills, fentanyl-powder, other-drug, doses, money, firearms, arrests, investigations, percent, count",
        ),
        (
            'kind = "pills"\nscope = "national"',
            'kind = "pills"\nscope = "regional"',
            19,
            "figure 'pills': scope 'regional' is not defined under [scopes]",
        ),
        ('"more than 6,500 pounds"', '"more than 6,500 bananas"', 23, "figure 'powder': unknown unit 'bananas'"),
        (
            '"nearly 44 million pills"',
            '"nearly 44 million doses"',
            17,
            "figure 'pills': 'nearly 44 million doses' is doses, not pills",
        ),
        (
            '"nearly 193 million doses"',
            '"nearly 193 million pounds"',
            29,
            "figure 'doses': 'nearly 193 million pounds' is mass, not doses",
        ),
        ('pills = "pills"', 'pills = "pils"', 36, "claim 'total': pills 'pils' is not a figure id in this file"),
        ('total = "doses"\n', "", 34, "each [[claims]] needs an id and a total (a figure id)"),
        (
            'expect = "plausible"',
            'expect = "plausible"\nassumptions = "dea-1999"',
            39,
            "claim 'total': unknown assumption set 'dea-1999'",
        ),
        (
            'expect = "plausible"',
            'expect = "plausible"\nreading = "loose"',
            34,
            "claim 'total': unknown reading 'loose'",
        ),
        (
            'expect = "plausible"',
            'expect = "plausibel"',
            38,
            "claim 'total': expect 'plausibel' is not one of consistent, plausible, implausible, upper-bound, impossible, unverifiable",
        ),
        (
            'expect = "plausible"',
            'expect = "plausible"\nexpect_methods = ["dose-2mg"]',
            39,
            "claim 'total': unknown method 'dose-2mg'; known: powder-pure, ",
        ),
        ('expect = "plausible"', 'expect = "plausible"\nscale = "galaxy"', 34, "claim 'total': unknown scale 'galaxy'"),
    ],
)
def test_malformed_files_name_the_file_and_line(tmp_path: Path, old: str, new: str, line: int, message: str) -> None:
    path = write(tmp_path, edited(old, new))
    with pytest.raises(ClaimsFileError) as caught:
        verify_paths([str(path)])
    assert str(caught.value).startswith(f"{path}:{line}: {message}")
    assert "\n" not in str(caught.value)


def test_unknown_claim_key_names_its_own_line(tmp_path: Path) -> None:
    path = write(tmp_path, edited('pills = "pills"', 'pill = "pills"'))
    with pytest.raises(ClaimsFileError, match=rf"^{re.escape(str(path))}:36: claim 'total' has unknown key 'pill'$"):
        load_claims_file(path)


def test_reference_to_a_figure_of_the_wrong_kind_names_the_claim_line(tmp_path: Path) -> None:
    path = write(tmp_path, edited('pills = "pills"', 'pills = "doses"'))
    with pytest.raises(
        ClaimsFileError,
        match=rf"^{re.escape(str(path))}:36: claim 'total': pills 'doses' is a doses figure, not pills$",
    ):
        load_claims_file(path)


def test_duplicate_figure_id_names_the_second_definition(tmp_path: Path) -> None:
    path = write(tmp_path, edited('id = "powder"', 'id = "pills"'))
    with pytest.raises(ClaimsFileError, match=rf"^{re.escape(str(path))}:22: figure id 'pills' is used twice$"):
        load_claims_file(path)


def test_toml_error_at_the_end_names_a_line(tmp_path: Path) -> None:
    path = write(tmp_path, 'schema = 1\ntitle = "unterminated')
    with pytest.raises(ClaimsFileError, match=rf"^{re.escape(str(path))}:2: not valid TOML"):
        load_claims_file(path)


def test_duplicate_claim_id_names_the_second_definition(tmp_path: Path) -> None:
    second = 'expect = "plausible"\n\n[[claims]]\nid = "total"\ntotal = "doses"\n'
    path = write(tmp_path, edited('expect = "plausible"\n', second))
    with pytest.raises(ClaimsFileError, match=rf"^{re.escape(str(path))}:41: claim id 'total' is used twice$"):
        load_claims_file(path)


def test_wrong_kind_reference_and_duplicate_id_are_refused(tmp_path: Path) -> None:
    wrong = write(tmp_path, edited('pills = "pills"', 'pills = "doses"'), "wrong.toml")
    with pytest.raises(ClaimsFileError, match="claim 'total': pills 'doses' is a doses figure, not pills"):
        load_claims_file(wrong)
    twice = write(tmp_path, edited('id = "powder"', 'id = "pills"'), "twice.toml")
    with pytest.raises(ClaimsFileError, match="figure id 'pills' is used twice"):
        load_claims_file(twice)
    claims = write(
        tmp_path,
        edited('expect = "plausible"\n', 'expect = "plausible"\n\n[[claims]]\nid = "total"\ntotal = "doses"\n'),
        "claims.toml",
    )
    with pytest.raises(ClaimsFileError, match="claim id 'total' is used twice"):
        load_claims_file(claims)
    other = write(tmp_path, edited('kind = "fentanyl-powder"', 'kind = "other-drug"'), "meth.toml")
    with pytest.raises(
        ClaimsFileError, match="claim 'total': powder 'powder' is a other-drug figure, not fentanyl-powder"
    ):
        load_claims_file(other)


def test_unreadable_and_missing_paths(tmp_path: Path) -> None:
    binary = tmp_path / "binary.toml"
    binary.write_bytes(b"\xff\xfe")
    with pytest.raises(ClaimsFileError, match=rf"^{re.escape(str(binary))}: cannot read \(UnicodeDecodeError"):
        load_claims_file(binary)
    with pytest.raises(ClaimsFileError, match=rf"^{re.escape(str(tmp_path / 'nope.toml'))}: no such file or folder$"):
        verify_paths([str(tmp_path / "nope.toml")])
    (tmp_path / "empty").mkdir()
    with pytest.raises(
        ClaimsFileError, match=rf"^{re.escape(str(tmp_path / 'empty'))}: no claims files \(\*\.toml\) in this folder$"
    ):
        collect_files([str(tmp_path / "empty")])


def test_folders_are_searched_in_a_stable_order(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    for name in ("b.toml", "a.toml", "sub/c.toml", "notes.txt"):
        write(tmp_path, BASE, name)
    assert collect_files([str(tmp_path)]) == [tmp_path / "a.toml", tmp_path / "b.toml", tmp_path / "sub" / "c.toml"]


def test_verification_compares_verdict_and_methods(tmp_path: Path) -> None:
    (good,) = verify_paths([str(write(tmp_path, BASE, "good.toml"))])
    assert good.ok and good.result.verdict == "plausible"
    (wrong,) = verify_paths(
        [str(write(tmp_path, edited('expect = "plausible"', 'expect = "consistent"'), "wrong.toml"))]
    )
    assert not wrong.ok and wrong.result.verdict == "plausible"
    methods = edited('expect = "plausible"', 'expect = "plausible"\nexpect_methods = ["pills-only"]')
    (missing,) = verify_paths([str(write(tmp_path, methods, "methods.toml"))])
    assert not missing.ok
    (free,) = verify_paths([str(write(tmp_path, edited('expect = "plausible"\n', ""), "free.toml"))])
    assert free.ok and free.claim.expect is None


def test_verification_to_dict(tmp_path: Path) -> None:
    path = write(tmp_path, BASE)
    (result,) = verify_paths([str(path)])
    out = result.to_dict()
    assert (out["file"], out["claim"], out["expect"], out["expect_methods"], out["ok"]) == (
        str(path),
        "total",
        "plausible",
        [],
        True,
    )
    assert out["verdict"] == "plausible" and out["implied"]["display"] == "powder purity from 9.89% to 10.18%"


def test_figures_with_different_scopes_get_a_note(tmp_path: Path) -> None:
    text = edited('kind = "doses"\nscope = "national"', 'kind = "doses"\nscope = "division"')
    (result,) = verify_paths([str(write(tmp_path, text))])
    assert result.result.notes == (
        "the figures have different scopes (total: DEA Test Division; pills: DEA, nationwide; powder: DEA, nationwide), "
        "so the total need not follow from the inputs",
        undated_note(),
    )


def test_claim_options_reach_the_check(tmp_path: Path) -> None:
    text = edited(
        'expect = "plausible"',
        'expect = "consistent"\nassumptions = "pure"\nreading = "strict"\npurity = "10%"\nnote = "ten percent"',
    )
    (result,) = verify_paths([str(write(tmp_path, text))])
    assert result.ok and result.result.verdict == "consistent"
    assert result.result.assumptions.powder_purity.value == Fraction(1, 10) and result.result.reading == "strict"
    assert result.result.notes == ("ten percent",)


def test_every_seed_comes_out_as_expected() -> None:
    results = verify_paths([str(SEEDS)])
    assert len(results) >= 5
    assert all(v.ok for v in results), [(v.file.path, v.claim.id, v.result.verdict) for v in results if not v.ok]
    by_file = {Path(v.file.path).name: v for v in results}
    pills_only = by_file["002-news-operation-last-mile-pills-only.toml"]
    assert pills_only.result.verdict == "implausible" and "pills-only" in pills_only.result.matching_methods
    dhs = by_file["004-dhs-2024-fentanyl-results.toml"]
    assert dhs.result.implied.describe() == "powder purity from 11.63% to 12.06%"
    assert dhs.result.notes[0].startswith("the figures have different scopes (total: CBP")


def test_a_bad_override_is_refused_at_load_with_the_claims_line(tmp_path: Path) -> None:
    path = write(tmp_path, edited('expect = "plausible"', 'expect = "plausible"\npurity = "150%"'))
    with pytest.raises(ClaimsFileError) as caught:
        load_claims_file(path)
    assert str(caught.value) == (
        f"{path}:34: claim 'total': purity '150%' is above 100 %; give a value from 0% to 100% (or 0 to 1)"
    )


def test_figures_are_parsed_once_at_load_and_checked_as_parsed(tmp_path: Path) -> None:
    file = load_claims_file(write(tmp_path, BASE))
    stated = {fid: record.stated for fid, record in file.figures.items()}
    assert stated["powder"] is not None and stated["powder"].amount.unit == "pound"
    (result,) = verify_paths([str(write(tmp_path, BASE))])
    inputs = result.result.inputs
    assert inputs["powder"] == stated["powder"] and inputs["claim"] == stated["doses"]

    checked = check_record(file, file.claims[0])
    assert checked.inputs["pills"] is stated["pills"]  # the very figure read at load, not a second reading

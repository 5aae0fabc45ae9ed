"""Population claims on the command line: check, verify, scan and describe, with exact output and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .cli import run

ROOT = Path(__file__).resolve().parents[1]
CLAIMS = ROOT / "tests" / "population-claims"
FIVE_TIMES = "enough to kill every American five times over"
PLAIN_FIVE_TIMES = (
    "Around 9,400 pounds of powder at the 19.5% average purity for fiscal 2023 reported in DEA's Fentanyl Free America release of December 2025 holds about 416 "
    "million lethal doses of 2 mg — in theory about 1.2 times the U.S. population, not five times."
)
US_2023 = (
    "population: United States: 336,806,231 residents, U.S. Census Bureau estimate for July 1, 2023, vintage 2024 "
    "(residents of the 50 states and DC, citizens or not; Puerto Rico apart)"
)


class TestCheck:
    def test_five_times_over_with_a_year(self, capsys) -> None:
        result = run(capsys, "check", "--claim", FIVE_TIMES, "--powder", "around 9,400 pounds", "--year", "2023")
        assert result.code == 1  # flagged
        lines = result.out.splitlines()
        assert lines[0] == "verdict:  implausible"
        assert lines[1].startswith("claimed:  at least 1,515,628,040 doses, a floor")
        assert US_2023 in lines
        assert f"plain:    {PLAIN_FIVE_TIMES}" in lines
        assert (
            "correct:  about 416 million doses  (lethal dose 2 mg ("
            in lines[lines.index(f"plain:    {PLAIN_FIVE_TIMES}") + 1]
        )
        assert "note:     claim dated 2023 (the year given); assumptions for that date: dea-2023" in lines

    def test_a_date_picks_the_year_and_the_set(self, capsys) -> None:
        result = run(
            capsys, "check", "--claim", FIVE_TIMES, "--powder", "around 9,400 pounds", "--date", "2022-12-20", "--json"
        )
        data = json.loads(result.out)
        assert data["assumptions"]["name"] == "dea-2022"
        assert {k: data["population"][k] for k in ("place", "year", "value")} == {
            "place": "United States",
            "year": 2022,
            "value": 334017321,
        }
        assert data["population"]["source"].startswith("U.S. Census Bureau, Population Estimates Program")

    @pytest.mark.parametrize(
        ("phrase", "place"),
        [
            ("could kill the entire population of Wyoming", "Wyoming"),
            ("enough to kill every man, woman and child in Rhode Island 18 times over", "Rhode Island"),
            ("enough fentanyl to kill every resident of Los Angeles County", "Los Angeles County, California"),
            (
                "enough to overdose the entire population of Orange County, Calif., three times",
                "Orange County, California",
            ),
            ("enough to kill everyone on Earth", "World"),
            ("enough to kill the entire city of Houston", "Houston city, Texas"),
            ("enough to kill everyone in the state", "Texas"),
        ],
    )
    def test_phrases_name_their_place(self, capsys, phrase: str, place: str) -> None:
        result = run(capsys, "check", "--claim", phrase, "--powder", "1 kilogram", "--state", "TX", "--json")
        data = json.loads(result.out)
        assert data["population"]["place"] == place
        assert result.code == (1 if data["verdict"] in ("implausible", "upper-bound", "impossible") else 0)

    @pytest.mark.parametrize(
        ("phrase", "error"),
        [
            (
                "enough to kill everyone in Narnia",
                "Error: unknown place 'everyone in Narnia'; accepted: the United States, a state, 'X County, State', "
                "a city, town or village (with its state if the name is shared), a country, a World Bank region, the "
                "world, or several of these joined by 'and'",
            ),
            (
                "enough to kill every resident of Orange County",
                "Error: 'every resident of Orange County' names 8 counties in several states, none 20 times the size "
                "of the next; give the state: Orange County, California; Orange County, Florida; Orange County, New "
                "York; Orange County, North Carolina; Orange County, Texas; Orange County, Virginia; Orange County, "
                "Vermont; Orange County, Indiana",
            ),
            (
                "enough to kill a horse",
                "Error: cannot read the claim 'enough to kill a horse'; write a total such as 'nearly 193 million "
                "doses' or a population such as 'enough to kill every American five times over' or 'could kill the "
                "entire population of Wyoming'",
            ),
        ],
    )
    def test_errors_are_one_line_with_exit_2(self, capsys, phrase: str, error: str) -> None:
        result = run(capsys, "check", "--claim", phrase, "--powder", "9 pounds", "--year", "2023")
        assert (result.code, result.out, result.err) == (2, "", error + "\n")

    def test_a_bad_date_is_refused(self, capsys) -> None:
        result = run(capsys, "check", "--claim", FIVE_TIMES, "--powder", "9 pounds", "--date", "20 Dec 2022")
        assert (result.code, result.err) == (2, "Error: date '20 Dec 2022' is not a date; write it as 2022-12-20\n")


class TestVerify:
    def test_the_population_claims_pass(self, capsys) -> None:
        result = run(capsys, "verify", str(CLAIMS))
        assert result.code == 0, result.out
        assert result.out.splitlines()[-1] == "26 of 26 claims as expected."
        assert "     correction: about 416 million doses. " + PLAIN_FIVE_TIMES in result.out.splitlines()

    def test_the_files_hold_at_least_20_claims_of_each_scale(self) -> None:
        from doseconv.checker.files import load_claims_file

        claims = [c for path in sorted(CLAIMS.glob("*.toml")) for c in load_claims_file(path).claims]
        assert len(claims) >= 20
        expected = {c.expect for c in claims}
        assert {"consistent", "implausible", "impossible"} <= expected
        places = {c.when.population.population.kind for c in claims if c.when.population is not None}
        assert {"nation", "state", "county", "place", "world", "country"} <= places

    def _file(self, tmp_path: Path, claim: str, figure: str = FIVE_TIMES) -> Path:
        path = tmp_path / "claims.toml"
        path.write_text(
            'schema = 1\n[source]\npublisher = "p"\ntitle = "t"\ndate = "2023-05-08"\n'
            f'[[figures]]\nid = "w"\ntext = "9,400 pounds"\nkind = "fentanyl-powder"\n'
            f'[[figures]]\nid = "p"\ntext = "{figure}"\nkind = "population"\n'
            f'[[claims]]\nid = "c"\ntotal = "p"\npowder = "w"\n{claim}'
        )
        return path

    def test_the_story_date_dates_a_population_claim(self, capsys, tmp_path: Path) -> None:
        result = run(capsys, "verify", str(self._file(tmp_path, 'expect = "implausible"\n')), "--format", "json")
        data = json.loads(result.out)["results"][0]
        assert (data["population"]["year"], data["assumptions"]["name"]) == (2023, "dea-2023")

    def test_a_place_not_as_expected_fails(self, capsys, tmp_path: Path) -> None:
        result = run(capsys, "verify", str(self._file(tmp_path, 'place = "Wyoming"\n')))
        assert result.code == 1
        assert "     note: the file expects the place 'Wyoming'; the phrase reads as 'United States'" in result.out

    def test_a_figure_that_is_no_population_phrase_is_refused(self, capsys, tmp_path: Path) -> None:
        path = self._file(tmp_path, "", figure="enough to kill a horse")
        result = run(capsys, "verify", str(path))
        assert result.code == 2
        assert result.err.startswith(f"Error: {path}:15: claim 'c': 'enough to kill a horse' is not a population")

    def test_an_unknown_place_is_refused_with_the_line(self, capsys, tmp_path: Path) -> None:
        path = self._file(tmp_path, "", figure="enough to kill everyone in Narnia")
        result = run(capsys, "verify", str(path))
        assert result.code == 2
        assert result.err.startswith(f"Error: {path}:15: claim 'c': unknown place 'everyone in Narnia'")

    def test_state_on_a_dose_claim_is_refused(self, capsys, tmp_path: Path) -> None:
        path = tmp_path / "claims.toml"
        path.write_text(
            'schema = 1\n[source]\npublisher = "p"\ntitle = "t"\ndate = "2023"\n'
            '[[figures]]\nid = "d"\ntext = "193 million doses"\nkind = "doses"\n'
            '[[claims]]\nid = "c"\ntotal = "d"\nstate = "WV"\n'
        )
        result = run(capsys, "verify", str(path))
        assert result.code == 2
        assert "state and place are for a claim whose total is a population figure" in result.err


class TestScan:
    def test_wyoming_is_flagged_with_the_correction_in_plain_words(self, capsys, tmp_path: Path) -> None:
        story = tmp_path / "story.txt"
        story.write_text("The 250,000 pills seized could kill the entire population of Wyoming.\n")
        result = run(capsys, "scan", str(story), "--year", "2023")
        assert result.code == 1
        lines = result.out.splitlines()
        assert "  1. could kill the entire population of Wyoming  [25-68]  IMPLAUSIBLE" in lines
        assert (
            "     in people: 250,000 pills (each pill counted as one dose) hold 250,000 lethal doses of 2 mg — "
            "in theory about 43% of the population of Wyoming, not all of it."
        ) in lines
        assert (
            "     population: Wyoming: 585,067 residents, U.S. Census Bureau estimate for July 1, 2023, vintage 2024 "
            "(residents of the state, citizens or not)"
        ) in lines

    @pytest.mark.parametrize(
        ("story", "phrase", "verdict"),
        [
            (
                "Agents seized 9,400 pounds of fentanyl powder, enough to kill every American five times over, "
                "officials said.",
                "enough to kill every American five times over",
                "implausible",
            ),
            (
                "Deputies found more than 400 pounds of fentanyl, which is enough to kill every resident of Los "
                "Angeles County.",
                "enough to kill every resident of Los Angeles County",
                "consistent",
            ),
            (
                'The sheriff said the 2 kilograms of fentanyl "could kill everyone in Raleigh, N.C."',
                "could kill everyone in Raleigh, N.C",
                "implausible",
            ),
        ],
    )
    def test_phrases_in_story_text(self, capsys, tmp_path: Path, story: str, phrase: str, verdict: str) -> None:
        path = tmp_path / "story.txt"
        path.write_text(story + "\n")
        result = run(capsys, "scan", str(path), "--date", "2023-06-01", "--format", "json")
        claims = json.loads(result.out)["files"][0]["claims"]
        assert [(c["stated"]["claim"], c["verdict"]) for c in claims] == [(phrase, verdict)]
        assert claims[0]["check"]["population"]["year"] in (2020, 2022, 2023)

    def test_an_ambiguous_place_in_a_story_is_not_checked(self, capsys, tmp_path: Path) -> None:
        path = tmp_path / "story.txt"
        path.write_text("Police seized 2 kilos of fentanyl, enough to kill everyone in Springfield.\n")
        result = run(capsys, "scan", str(path), "--format", "json")
        claim = json.loads(result.out)["files"][0]["claims"][0]
        assert claim["verdict"] == "unverifiable"
        assert claim["notes"][0].startswith(
            "not checked: 'everyone in Springfield' names 16 places in several states, none 20 times the size of the "
            "next; give the state"
        )


class TestDescribe:
    def test_as_population(self, capsys) -> None:
        result = run(capsys, "describe", "386000000", "--as-population", "--year", "2023")
        assert (result.code, result.out) == (
            0,
            "enough for every American (about 1.1 times the 336.8 million people)\n" + US_2023 + "\n",
        )

    def test_as_population_of_a_place(self, capsys) -> None:
        result = run(capsys, "describe", "250,000", "--as-population", "--place", "Wyoming", "--year", "2023")
        assert result.out.splitlines()[0] == "enough for about 43% of the 585,067 people of Wyoming"

    def test_an_unknown_place_exits_2(self, capsys) -> None:
        result = run(capsys, "describe", "250000", "--as-population", "--place", "Narnia")
        assert result.code == 2 and result.err.startswith("Error: unknown place 'Narnia'")


@pytest.mark.parametrize(
    "sentence",
    [
        "Officials warned the pills could kill anyone who takes them.",
        "Police seized 2 kilos of fentanyl, enough to kill everyone who uses it.",
        "The drug is deadly to all of us, the chief said.",
        "Agents seized 10 pounds of fentanyl, enough to kill a horse.",
    ],
)
def test_scan_finds_no_population_where_none_is_named(sentence: str) -> None:
    """Words after a verb that name no population make no claim, checked or not (no noise in reports)."""
    from doseconv.scan import scan_text

    assert scan_text(sentence, year=2023).claims == ()


def test_scan_dates_dose_claims_too(capsys, tmp_path: Path) -> None:
    """--date picks the assumption set for a story's plain dose claims as well as for its populations."""
    path = tmp_path / "story.txt"
    path.write_text("Nationwide, 44 million fentanyl pills and 6,500 pounds of powder equal 193 million doses.\n")
    dated = json.loads(run(capsys, "scan", str(path), "--date", "2023-06-01", "--format", "json").out)
    undated = json.loads(run(capsys, "scan", str(path), "--format", "json").out)
    assert dated["files"][0]["claims"][0]["check"]["assumptions"]["name"] == "dea-2023"
    assert undated["files"][0]["claims"][0]["check"]["assumptions"]["name"] == "dea-2022"


def test_a_dose_claim_in_a_claims_file_is_dated_by_its_year(capsys, tmp_path: Path) -> None:
    """A claims file's `year` picks the assumption set of a plain dose claim; without one, the claim's own set."""
    path = tmp_path / "claims.toml"
    path.write_text(
        'schema = 1\n[source]\npublisher = "p"\ntitle = "t"\ndate = "2023-05-08"\n'
        '[[figures]]\nid = "d"\ntext = "nearly 193 million doses"\nkind = "doses"\n'
        '[[figures]]\nid = "p"\ntext = "nearly 44 million pills"\nkind = "pills"\n'
        '[[figures]]\nid = "w"\ntext = "more than 6,500 pounds"\nkind = "fentanyl-powder"\n'
        '[[claims]]\nid = "dated"\ntotal = "d"\npills = "p"\npowder = "w"\nyear = 2023\n'
        '[[claims]]\nid = "undated"\ntotal = "d"\npills = "p"\npowder = "w"\n'
    )
    results = json.loads(run(capsys, "verify", str(path), "--format", "json").out)["results"]
    assert [r["assumptions"]["name"] for r in results] == ["dea-2023", "dea-2022"]


def test_scan_json_carries_the_population_and_the_correction(capsys, tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("The 250,000 pills seized could kill the entire population of Wyoming.\n")
    result = run(capsys, "scan", str(path), "--year", "2023", "--format", "json")
    check = json.loads(result.out)["files"][0]["claims"][0]["check"]
    assert (result.code, check["verdict"]) == (1, "implausible")
    assert check["population"]["place"] == "Wyoming" and check["population"]["value"] == 585067
    assert (
        check["correction"]["plain"]
        == check["plain"]
        == (
            "250,000 pills (each pill counted as one dose) hold 250,000 lethal doses of 2 mg — in theory about 43% of "
            "the population of Wyoming, not all of it."
        )
    )


def test_scan_markdown_says_a_population_claim_in_people(capsys, tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("The 250,000 pills seized could kill the entire population of Wyoming.\n")
    lines = run(capsys, "scan", str(path), "--year", "2023", "--format", "markdown").out.splitlines()
    assert (
        "   - in people: 250,000 pills (each pill counted as one dose) hold 250,000 lethal doses of 2 mg — in theory "
        "about 43% of the population of Wyoming, not all of it."
    ) in lines
    assert any(line.startswith("   - population: Wyoming: 585,067 residents") for line in lines)


@pytest.mark.parametrize(
    ("line", "error"),
    [
        ('year = "2023"', "claim 'c': year must be a whole number, not a string ('2023')"),
        ('date = "2022-12"', "claim 'c': date '2022-12' is not a day; write date = 2022-12-20 (or give year = 2022)"),
    ],
)
def test_a_claims_file_date_of_the_wrong_type_is_refused(capsys, tmp_path: Path, line: str, error: str) -> None:
    path = tmp_path / "claims.toml"
    path.write_text(
        'schema = 1\n[source]\npublisher = "p"\ntitle = "t"\ndate = "2023-05-08"\n'
        '[[figures]]\nid = "p"\ntext = "enough to kill every American"\nkind = "population"\n'
        f'[[claims]]\nid = "c"\ntotal = "p"\n{line}\n'
    )
    result = run(capsys, "verify", str(path))
    assert result.code == 2 and error in result.err and result.err.count("\n") == 1


def test_a_claims_file_takes_a_toml_date(capsys, tmp_path: Path) -> None:
    path = tmp_path / "claims.toml"
    path.write_text(
        'schema = 1\n[source]\npublisher = "p"\ntitle = "t"\ndate = "2023-05-08"\n'
        '[[figures]]\nid = "p"\ntext = "enough to kill every American"\nkind = "population"\n'
        '[[claims]]\nid = "c"\ntotal = "p"\ndate = 2022-12-20\n'
    )
    result = json.loads(run(capsys, "verify", str(path), "--format", "json").out)["results"][0]
    assert (result["population"]["year"], result["assumptions"]["name"]) == (2022, "dea-2022")

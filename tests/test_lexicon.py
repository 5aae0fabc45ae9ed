"""Every word of every word list, put into a sentence of its own, is found as the right kind (doseconv.reading.lexicon).

A word added to the data (a unit spelling, a drug word, a qualifier, a people noun, a verb) is then known to
`check` and `scan` alike; these tests put each entry into a template sentence and read it back.
"""

from __future__ import annotations

from fractions import Fraction

import pytest

from doseconv import check
from doseconv.reading.drugs import vocabulary
from doseconv.reading.lexicon import AMBIGUOUS_TONS, lexicon, month_number, unit_of, unit_spellings
from doseconv.reading.qualifiers import PHRASES
from doseconv.reading.stated import parse_stated
from doseconv.registry import resolve_unit
from doseconv.scan import scan_text
from doseconv.scan.dates import find_story_date

LEX = lexicon()
MASS_SPELLINGS = sorted(w for w, (_, kind) in unit_spellings().items() if kind == "mass" and w not in AMBIGUOUS_TONS)


def _figures(text: str) -> list[tuple[str, str, str | None]]:
    return [(f.kind, f.text, f.drug) for f in scan_text(text, run_checks=False).figures]


@pytest.mark.parametrize("spelling", sorted(unit_spellings()))
def test_each_unit_spelling_is_the_registrys_unit(spelling: str) -> None:
    if spelling in AMBIGUOUS_TONS:
        with pytest.raises(Exception, match="ambiguous"):
            resolve_unit(spelling)
        return
    assert resolve_unit(spelling.replace(".", "")) == unit_spellings()[spelling]


@pytest.mark.parametrize("spelling", MASS_SPELLINGS)
def test_each_mass_spelling_is_found_as_a_fentanyl_mass(spelling: str) -> None:
    (mass, claim) = scan_text(f"Agents seized 12 {spelling} of fentanyl, enough to kill 2 million people.").figures
    assert (mass.kind, mass.text, mass.value) == ("fentanyl-mass", f"12 {spelling} of fentanyl", 12)
    assert mass.stated.amount.unit == unit_spellings()[spelling][0]
    assert (claim.kind, claim.text) == ("doses", "2 million people")


@pytest.mark.parametrize("word", sorted(AMBIGUOUS_TONS - {"t"}))
def test_a_bare_ton_is_read_as_short_tons_and_flagged(word: str) -> None:
    (mass,) = scan_text(f"Agents seized 2 {word} of fentanyl.").figures
    assert (mass.kind, mass.ambiguous, mass.stated.amount.unit) == ("fentanyl-mass", True, "short_ton")


@pytest.mark.parametrize("noun", [*LEX.words("doses", "nouns")])
def test_each_dose_noun_counts_doses(noun: str) -> None:
    assert _figures(f"The seizure equals 2 million potentially lethal {noun}.") == [
        ("doses", f"2 million potentially lethal {noun}", "fentanyl")
    ]
    assert parse_stated(f"2 million {noun}").amount.kind == "doses"


@pytest.mark.parametrize("noun", LEX.words("pills", "nouns"))
def test_each_pill_noun_counts_pills(noun: str) -> None:
    assert _figures(f"Agents seized 44 million fentanyl {noun}.") == [
        ("pills", f"44 million fentanyl {noun}", "fentanyl")
    ]


@pytest.mark.parametrize("word", LEX.words("pills", "not_before"))
def test_a_machine_for_pills_is_no_pill(word: str) -> None:
    ((kind, _, _),) = _figures(f"Agents seized 2,200 pill {word}.")
    assert kind != "pills"


@pytest.mark.parametrize("noun", sorted(LEX.people))
def test_each_people_noun_after_a_verb_of_killing_is_a_claim(noun: str) -> None:
    (claim,) = scan_text(f"The powder was enough to kill 2 million {noun}, police said.").figures
    assert (claim.kind, claim.value) == ("doses", 2_000_000)
    assert check(powder="4 kilograms", claim=f"enough to kill 2 million {noun}").claimed.low == 1_950_000


@pytest.mark.parametrize("verb", [*LEX.words("claims", "kill")])
def test_each_verb_of_killing_makes_a_count_of_people_a_claim(verb: str) -> None:
    (claim,) = scan_text(f"The seizure could {verb} 2 million people.").figures
    assert (claim.kind, claim.text) == ("doses", "2 million people")


@pytest.mark.parametrize("verb", [*LEX.words("claims", "lives"), *LEX.words("claims", "save")])
def test_each_verb_of_lives_taken_or_saved_makes_lives_a_claim(verb: str) -> None:
    (claim,) = scan_text(f"The seizure could have {verb} 2 million lives.").figures
    assert (claim.kind, claim.text) == ("doses", "2 million lives")


@pytest.mark.parametrize("words", LEX.words("claims", "lethal_for"))
def test_each_phrase_of_whom_a_drug_is_lethal_to_makes_a_claim(words: str) -> None:
    (claim,) = scan_text(f"The powder was {words} 2 million people.").figures
    assert (claim.kind, claim.text) == ("doses", "2 million people")


@pytest.mark.parametrize("words", LEX.words("describing", "intensifiers"))
def test_a_stressing_word_before_a_claim_keeps_it_a_claim(words: str) -> None:
    (claim,) = scan_text(f"It had the potential to kill {words} 3.4 million people.").figures
    assert (claim.kind, claim.value) == ("doses", 3_400_000)


@pytest.mark.parametrize("words", LEX.words("claims", "groups"))
def test_a_group_before_a_claim_keeps_it_a_claim(words: str) -> None:
    (claim,) = scan_text(f"It was enough to wipe out {words} 500,000 residents.").figures
    assert (claim.kind, claim.value) == ("doses", 500_000)


@pytest.mark.parametrize("word", LEX.words("describing", "words"))
def test_each_describing_word_stands_between_a_number_and_its_noun(word: str) -> None:
    assert _figures(f"Agents seized 44 million {word} pills.")[0][:2] == ("pills", f"44 million {word} pills")
    assert parse_stated(f"44 million {word} pills").amount.kind == "pills"


@pytest.mark.parametrize("container", LEX.words("describing", "containers"))
def test_each_container_weighs_what_is_in_it(container: str) -> None:
    (mass,) = scan_text(f"Police seized a 2-kilogram {container} of fentanyl.").figures
    assert (mass.kind, mass.value, mass.text) == ("fentanyl-mass", 2, f"2-kilogram {container} of fentanyl")


@pytest.mark.parametrize(
    "reference",
    [
        *LEX.words("references", "words"),
        *(f"the {noun}" for noun in LEX.words("references", "nouns")),
        *(f"this {adjective} {noun}" for adjective in LEX.words("references", "adjectives") for noun in ("drug",)),
    ],
)
def test_each_reference_names_the_seizure(reference: str) -> None:
    (mass,) = scan_text(f"Agents weighed 64 pounds of {reference} on Tuesday.").figures
    assert mass.text == f"64 pounds of {reference}"
    assert parse_stated(f"64 pounds of {reference}").amount.value == 64
    (mass, _) = scan_text(
        f"Fentanyl is back. Agents weighed 64 pounds of {reference}, enough for 1 million doses."
    ).figures
    assert (mass.kind, mass.drug) == ("fentanyl-mass", "fentanyl")


@pytest.mark.parametrize(("words", "kind", "drug"), [
    ("the deadly opioid fentanyl", "fentanyl-mass", "fentanyl"),
    ("the highly potent synthetic opioid carfentanil", "other-drug-mass", "carfentanil"),
    ("the drug, fentanyl", "fentanyl-mass", "fentanyl"),
])  # fmt: skip
def test_a_drug_named_after_a_reference_is_what_the_mass_is(words: str, kind: str, drug: str) -> None:
    (mass,) = scan_text(f"Heroin is common here. Agents seized 5 kilograms of {words} on Monday.").figures
    assert (mass.kind, mass.drug, mass.text) == (kind, drug, f"5 kilograms of {words}")


@pytest.mark.parametrize("phrase", sorted(p for p in PHRASES if p != "between"))
def test_each_qualifier_is_read_before_a_figure(phrase: str) -> None:
    (mass,) = scan_text(f"Agents seized {phrase} 12 kilograms of fentanyl.").figures
    assert (mass.kind, mass.qualifier, mass.stated.qualifier) == ("fentanyl-mass", phrase, PHRASES[phrase])


def _drug_words(*groups: str) -> list[tuple[str, str]]:
    return sorted({(w, d.name) for w, ds in vocabulary().words.items() for d in ds if d.group in groups})


@pytest.mark.parametrize(("word", "name"), _drug_words("analogue", "other"))
def test_each_other_drug_word_makes_a_mass_of_another_drug(word: str, name: str) -> None:
    word = word.replace(" ", "-") if word[0].isdigit() else word  # "4-fluorofentanyl", not the number 4
    (mass,) = scan_text(f"Agents seized 12 kilograms of {word}.").figures
    assert (mass.kind, mass.drug, mass.counts_toward_doses) == ("other-drug-mass", name, False)


@pytest.mark.parametrize(("word", "name"), _drug_words("fentanyl"))
def test_each_fentanyl_word_makes_a_fentanyl_mass(word: str, name: str) -> None:
    if word.endswith(("laced", "containing", "based", "filled")):  # words that describe what holds fentanyl
        word = f"{word} powder"
    (mass,) = scan_text(f"Agents seized 12 kilograms of {word}.").figures
    assert (mass.kind, mass.drug) == ("fentanyl-mass", "fentanyl")


@pytest.mark.parametrize(("word", "name"), _drug_words("street"))
def test_each_street_name_counts_fentanyl_pills(word: str, name: str) -> None:
    (pills,) = scan_text(f"Agents seized 5,000 {word}.").figures
    assert (pills.kind, pills.drug, pills.value) == ("pills", "fentanyl", 5000)


@pytest.mark.parametrize(("word", "name"), _drug_words("imitated"))
def test_each_imitated_medicine_is_a_fentanyl_pill_only_when_counterfeit(word: str, name: str) -> None:
    (fake,) = scan_text(f"Agents seized 5,000 counterfeit {word} pills.").figures
    assert (fake.kind, fake.drug) == ("pills", "fentanyl")
    (real,) = scan_text(f"Agents seized 5,000 {word} pills.").figures
    assert (real.kind, real.counts_toward_doses) == ("pills", False)


@pytest.mark.parametrize("month", sorted(LEX.months))
def test_each_month_name_dates_a_story_and_is_no_figure(month: str) -> None:
    name = month.capitalize()
    story = f"WASHINGTON, {name} 5, 2023 — Agents seized 44 million fentanyl pills on {name} 3."
    assert [f.kind for f in scan_text(story, run_checks=False).figures] == ["pills"]
    found = find_story_date(story)
    assert found is not None and found.date.month == month_number(month)


@pytest.mark.parametrize(
    ("section", "kind"), [("firearms", "firearms"), ("arrests", "arrests"), ("investigations", "investigations")]
)
def test_each_counted_noun_is_its_own_kind(section: str, kind: str) -> None:
    for noun in LEX.words("counted", section):
        assert _figures(f"Agents reported 405 {noun}.") == [(kind, f"405 {noun}", None)], noun


def test_dose_and_pill_nouns_outside_the_registry_are_known_to_check_too() -> None:
    assert unit_of("dosage units") == ("lethal_dose", "doses") and unit_of("capsules") == ("pill", "pills")
    assert parse_stated("more than 8 million dosage units").interval().low == Fraction(8_000_000)


@pytest.mark.parametrize("word", LEX.words("doses", "misspelt_after"))
def test_a_misspelt_dose_noun_counts_doses_only_after_a_word_of_death(word: str) -> None:
    for misspelt in LEX.words("doses", "misspelt"):
        assert _figures(f"The seizure equals 2 million potentially {word} {misspelt}.") == [
            ("doses", f"2 million potentially {word} {misspelt}", "fentanyl")
        ]
        assert parse_stated(f"2 million {word} {misspelt}").amount.kind == "doses"
        assert _figures(f"Rangers counted 2 million {misspelt} in the park.")[0][0] == "other"

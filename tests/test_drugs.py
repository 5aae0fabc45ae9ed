"""Drug awareness: fentanyl is read, other drugs and analogues are refused by name, counterfeit pills are fentanyl."""

from __future__ import annotations

import pytest

import doseconv
from doseconv.errors import DrugError, InputError
from doseconv.reading.drugs import read_drugs, vocabulary

from .cli import run

METH = "Error: '10 kilos of meth' names methamphetamine, not fentanyl; doseconv counts fentanyl doses only\n"
CARFENTANIL = (
    "Error: '2 kg of carfentanil' names carfentanil, a fentanyl analogue (about 100 times as potent as fentanyl);"
    " doseconv counts fentanyl doses only, and an analogue's lethal dose differs from fentanyl's\n"
)


@pytest.mark.parametrize(
    ("quantity", "drug"),
    [
        ("10 kilos of meth", "methamphetamine"),
        ("10 kilos of crystal meth", "methamphetamine"),
        ("5 kg of cocaine", "cocaine"),
        ("2 pounds of crack", "cocaine"),
        ("3 kilograms of heroin", "heroin"),
        ("400 pounds of marijuana", "marijuana"),
        ("1 kg of cannabis", "marijuana"),
        ("2 kg of ketamine", "ketamine"),
        ("1,000 ecstasy pills", "MDMA"),
        ("5 kg of MDMA", "MDMA"),
        ("3 kg of xylazine", "xylazine"),
        ("500 oxycodone pills", "oxycodone"),
        ("2 kg of carfentanil", "carfentanil"),
        ("1 kg of sufentanil", "sufentanil"),
        ("1 kg of acetyl fentanyl", "acetylfentanyl"),
        ("1 kg of acetylfentanyl", "acetylfentanyl"),
        ("5 grams of isotonitazene", "nitazenes"),
        ("10 kg of fentanyl-laced heroin", "heroin"),
    ],
)
def test_another_drug_is_refused_by_name(quantity: str, drug: str) -> None:
    with pytest.raises(DrugError) as caught:
        doseconv.convert(quantity, "doses")
    assert caught.value.drug == drug
    assert drug in str(caught.value) and "doseconv counts fentanyl doses only" in str(caught.value)
    assert isinstance(caught.value, InputError)


@pytest.mark.parametrize(
    ("quantity", "value", "kind"),
    [
        ("10 kilos of fentanyl", 10, "mass"),
        ("10 kg of fentanyl powder", 10, "mass"),
        ("10 kilos of suspected fentanyl", 10, "mass"),
        ("5,000 counterfeit oxycodone pills", 5000, "pills"),
        ("5,000 fake M30s", 5000, "pills"),
        ("5,000 fentanyl-laced pills", 5000, "pills"),
        ("300 fentanyl-laced Percocet", 300, "pills"),
        ("2,000 blues", 2000, "pills"),
        ("2,000 blue pills", 2000, "pills"),
        ("40 pounds of fake M30s", 40, "mass"),
        ("10,000 rainbow fentanyl pills", 10000, "pills"),
        ("10,000 blue fentanyl pills", 10000, "pills"),
        ("500 fake blue M30 pills", 500, "pills"),
        ("500 multicolored fentanyl pills", 500, "pills"),
        ("5 counterfeit Xanax bars", 5, "pills"),
        ("5 tablets of fake oxycodone", 5, "pills"),
    ],
)
def test_fentanyl_and_counterfeit_pills_are_read(quantity: str, value: int, kind: str) -> None:
    amount = doseconv.parse_amount(quantity)
    assert (amount.value, amount.kind) == (value, kind)


def test_convert_refuses_meth_on_the_command_line(capsys) -> None:
    result = run(capsys, "convert", "10 kilos of meth", "doses")
    assert (result.code, result.out, result.err) == (2, "", METH)


def test_convert_refuses_carfentanil_with_its_own_message(capsys) -> None:
    result = run(capsys, "convert", "2 kg of carfentanil", "doses")
    assert (result.code, result.out, result.err) == (2, "", CARFENTANIL)


def test_convert_reads_counterfeit_pills_as_fentanyl_pills(capsys) -> None:
    result = run(capsys, "convert", "5,000 fake M30s", "doses")
    assert result.code == 0
    assert result.out.splitlines()[0] == "5,000 doses"


def test_check_refuses_another_drug(capsys) -> None:
    result = run(capsys, "check", "--powder", "10 kilos of meth", "--claim", "5 million doses")
    assert (result.code, result.out, result.err) == (2, "", METH)


def test_check_refuses_a_claim_of_another_drug(capsys) -> None:
    result = run(capsys, "check", "--powder", "10 kg", "--claim", "5 million doses of heroin")
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        "Error: '5 million doses of heroin' names heroin, not fentanyl; doseconv counts fentanyl doses only\n"
    )


def test_library_check_refuses_another_drug() -> None:
    with pytest.raises(DrugError, match="names cocaine, not fentanyl"):
        doseconv.check(powder="40 kilograms of cocaine", claim="1 million doses")


def test_an_imitated_medicine_alone_is_not_taken_for_fentanyl() -> None:
    with pytest.raises(DrugError) as caught:
        read_drugs("Percocet pills", figure="500 Percocet pills")
    assert str(caught.value) == (
        "'500 Percocet pills' names oxycodone (Percocet), not fentanyl; doseconv counts fentanyl doses only"
        " (for counterfeit pills made of fentanyl, write 'counterfeit Percocet pills' or 'fentanyl pills')"
    )


def test_words_inside_other_words_are_not_drugs() -> None:
    """'meth' inside 'methods' or 'coke' inside 'cokes' is no drug word."""
    assert read_drugs("methods of counting").rest == "methods of counting"


def test_the_vocabulary_is_data_with_sources() -> None:
    """Every potency remark cites a source the file lists; every group is non-empty; no word is in two drugs."""
    vocab = vocabulary()
    for group in ("fentanyl", "marker", "street", "imitated", "analogue", "other"):
        assert vocab.names(group)  # type: ignore[arg-type]
    for drugs in vocab.words.values():
        for drug in drugs:
            if drug.potency:
                assert drug.source in vocab.sources
        named = {d.name for d in drugs if d.group in ("imitated", "analogue", "other")}
        assert len(named) <= 1
    assert vocab.lookup("Crystal  Meth")[0].name == "methamphetamine"


def _named_words() -> list[tuple[str, str]]:
    vocab = vocabulary()
    return [
        (word, drugs[0].name) for word, drugs in sorted(vocab.words.items()) if drugs[0].group in ("analogue", "other")
    ]


@pytest.mark.parametrize(("word", "drug"), _named_words())
def test_every_word_of_another_drug_or_analogue_is_refused_by_its_name(word: str, drug: str) -> None:
    """Data-driven: each word of drugs.toml for another drug or an analogue refuses a figure, naming the drug."""
    for figure in (f"10 kg of {word}", f"10 kg of {word.title()}", f"5 million doses of {word}"):
        with pytest.raises(DrugError) as caught:
            doseconv.parse_amount(figure)
        assert caught.value.drug == drug
        assert str(caught.value).startswith(f"{figure!r} names {drug}")


@pytest.mark.parametrize("word", sorted(w for w, ds in vocabulary().words.items() if ds[0].group == "street"))
def test_every_street_name_of_fentanyl_pills_counts_pills(word: str) -> None:
    amount = doseconv.parse_amount(f"1,200 {word}")
    assert (amount.value, amount.kind) == (1200, "pills")


def test_a_figure_with_only_a_unit_does_not_load_the_drug_words() -> None:
    """Start-up: '6500 lb' names no drug, so the vocabulary is not read for it; 'lb of meth' still is."""
    from doseconv.reading.drugs import _scan, vocabulary
    from doseconv.reading.quantity import parse_amount

    vocabulary.cache_clear()
    _scan.cache_clear()
    for text in ("6500 lb", "10 kilos", "44 million pills", "2 mg", "5 short tons", "193 million doses"):
        parse_amount(text)
    assert vocabulary.cache_info().currsize == 0
    with pytest.raises(DrugError):
        parse_amount("10 kilos of meth")
    assert vocabulary.cache_info().currsize == 1

"""Review 27's finding Q5 (safety; fix28b; docs/adviser.md "Search28b"): a child's own pregnancy said in other words
("expecting", "up the duff", "having a baby", "missed her period and the test was positive") with her age entered or
said ("she's 15", "fifteen", "she's only 14") offers the pregnancy rows her age is under, highest level first: under 16
"Pregnant under 16" (p15-16) above "Pregnant under 17" (p13-14), both in the first three; at 16 "Pregnant under 17"
alone leads (the synonyms file's `pregnant_young.banded`, read by SearchIndex._pregnant_banded_first).

Oracles: tests/pathway/search_fix28b_cases.yaml, calls in words of my own written before the reading was changed, each
with what the document's rows say must hold, and controls where the pregnancy is not the child's, is denied, or is
"expecting" in its other sense."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from pathway.catalogue import load_catalogue
from pathway.search import SearchDataError, SearchIndex, default_index, load_synonyms, normalise
from tests.pathway.cases import check, found, keyed

CASES = yaml.safe_load((Path(__file__).parent / "search_fix28b_cases.yaml").read_text())

AS_ON_MAIN = "as on main 96d81ce, not this branch's reading: "
KEEPS = (
    "a Protection need of the child's own disability or health (`care_withheld.keeps_first`) found first stays first and p9's"
    " significant harm comes second: the labelled calls ('disabled child with complex needs, mum not giving his peg feeds')"
    " hold that row first (0 right->wrong required); p9 is in the first three"
)
KNOWN = {
    "she is 15 years old and has found out she is having a baby": (
        "named_rows' `young_parent` reads 'she is 15' and 'baby' as a teenage parent's baby and moves the pregnancy rows"
        " out of the first three after this reading (left: that reading's class, 'having a baby' is future)"
    ),
    "she's 15 and her mum is pregnant again": AS_ON_MAIN + "'her mum' after 'and' is not read as the carer's clause; 'Pregnant under 16' led on main",
    "he has had a high temperature for a week and mum won't take him to the gp": (
        "p9's significant harm is brought into sight for a child under 1 (`care_withheld.baby_under_months`); at 18 months"
        " the refusal leads with 'Not accessing appropriate health care' and p9 is left to the practitioner"
    ),
    "he is severely autistic and mum refuses to give him his medicine": KEEPS,
    "he is in a wheelchair and mum is not giving him his meds": KEEPS,
    "they are withholding his medication and he has complex needs": KEEPS,
    "his dad refuses to give him his inhaler and he has severe asthma": KEEPS,
    "she helps mum with the washing up after tea": AS_ON_MAIN + "'helps mum' finds the young carer rows by word matching; this reading adds none",
    "her parents refuse to let a doctor see her and she is getting worse": (
        "at 12 months the child is not under `baby_under_months`; the first row is p17's 'Family refuses appropriate services', no strength, so nothing moves"
    ),
}


@pytest.mark.parametrize(("q", "age", "want"), keyed(CASES, KNOWN, "q5", "q5_controls", "q4", "q4_controls", "q9", "q9_controls", "q3", "q3_controls"))
def test_fix28b_call(q: str, age: int | None, want: dict) -> None:
    """`check`'s expectations, and `first`: that row is the first."""
    ids = found(q, age)
    check(ids, want)
    if want.get("first"):
        assert ids and ids[0] == want["first"], ids


@pytest.mark.parametrize(
    ("said", "pregnancy"),
    [
        ("she's 15 and expecting", "expecting"),
        ("she is expecting a baby in may", "expecting a baby"),
        ("she's up the duff", "up the duff"),
        ("she missed her period and the test was positive", "missed her period"),
        ("she's 15 and expecting to be excluded", None),
        ("she is expecting a call from the school", None),
        ("his girlfriend is expecting", None),
        ("her sister is pregnant", None),
        ("she is not pregnant", None),
        ("she did a test and it was negative, she is not pregnant", None),
        ("he's 15 and pregnant", None),
    ],
)
def test_the_childs_own_pregnancy_is_read(said: str, pregnancy: str | None) -> None:
    assert default_index()._pregnancy_of_child(normalise(said).split()) == pregnancy


@pytest.mark.parametrize(
    ("said", "act"),
    [
        ("mum has stopped giving her the feeds through her tube", "stopped giving her the feeds"),
        ("dad will not give him his epilepsy meds", "will not give him his epilepsy"),
        ("they leave her in the same pad all day", "leave her in the same pad"),
        ("mum has stopped feeding her", "stopped feeding"),
        ("mum has stopped taking her medication", None),
        ("mum has stopped her medication", None),
        ("the nurse stopped his feeds", None),
        ("he refuses to take his medication", None),
        ("mum has stopped giving him sweets", None),
        ("mum gives him his meds", None),
    ],
)
def test_a_carer_withholding_the_childs_care_is_read(said: str, act: str | None) -> None:
    ix = default_index()
    assert ix.care_withheld is not None
    assert ix._care_withheld_at(normalise(said).split(), ix.care_withheld.withhold, ix.care_withheld.needs, True) == act


@pytest.mark.parametrize(
    ("said", "care"),
    [
        ("he has to wash and dress his dad every morning", "wash and dress his dad"),
        ("she helps mum to the toilet", "mum to the toilet"),
        ("he gives his dad his injections", "dad his injections"),
        ("she takes her mum to the toilet", "mum to the toilet"),
        ("he can wash and dress himself now", None),
        ("she helps mum with the washing up", None),
        ("mum washes and dresses him", None),
        ("his mum has to dress him", None),
        ("she watches mum give him his insulin", None),
    ],
)
def test_a_childs_personal_care_of_a_parent_is_read(said: str, care: str | None) -> None:
    assert default_index()._personal_care_at(normalise(said).split()) == care


def test_care_withheld_leads_only_with_a_p9_row() -> None:
    """`care_withheld.leads` must be an immediate criterion (p9), `strengths` Universal rows: else the table is refused."""
    for key, value, message in (
        ("leads", "additional.child_disabilities_whose_needs", "must be an immediate criterion"),
        ("strengths", ["additional.not_accessing_appropriate_health"], "must be Universal rows"),
        ("instead", ["immediate.significant_harm"], "must be no immediate criterion"),
    ):
        synonyms = copy.deepcopy(load_synonyms())
        synonyms["care_withheld"][key] = value
        with pytest.raises(SearchDataError, match=message):
            SearchIndex(load_catalogue(), synonyms)


def test_the_reading_moves_no_p9_row() -> None:
    """`banded.under` names no immediate criterion (p9): the table is refused."""
    synonyms = copy.deepcopy(load_synonyms())
    synonyms["pregnant_young"]["banded"]["under"] = {"immediate.significant_harm": 16}
    with pytest.raises(SearchDataError, match="moves no immediate criterion"):
        SearchIndex(load_catalogue(), synonyms)

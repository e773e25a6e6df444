"""Search28c (fix28c; docs/adviser.md "Search28c"): words in their ordinary sense.

Oracles: tests/pathway/search_fix28c_cases.yaml, calls in words of my own written before the readings were changed, with
what the document's rows say must hold (tests/pathway/cases.py's check), and controls in the same shape where the
concern is said and must keep its rows."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pathway.search import KEPT_PLACES, default_index
from tests.pathway import cases

CASES = yaml.safe_load((Path(__file__).parent / "search_fix28c_cases.yaml").read_text())
LEFT = "left (fix28c): "
Q15 = LEFT + "Q15 not changed this session: `unborn_calm` keeps an immediate criterion in the first three by design (fix20u, safety"
Q15 += " first) and a number or 'every' makes a call not calm; the p9 row rests on the unborn answer and words ('gone', 'fella',"
Q15 += " 'beating', 'rubs') no reading of an unborn baby's call takes as everyday (everyday_senses reads born children only)"
KNOWN: dict[str, str] = {
    "she gave a strangled cry of delight when she saw the puppy": LEFT + "the idiom is read; 'gave' alone keeps p9's allegation"
    " (a gift, grooming's word) in the call read without it: review 25 Q6's class",
    "he got hammered at draughts by his sister": LEFT + "said_as_meant.intoxicated rewrites 'got hammered' as 'drunk' before any"
    " everyday sense is read, so 'hammered at draughts' never reaches harm_to_a_thing's games",
    "mum smoked cannabis in her teens but stopped long before the baby, who is 7 months": LEFT + "'stopped ... before the baby'"
    " is no ended mark and 'stopped' no filler: the call is not quiet, so long_past is not read",
    "mum used speed in her teens, she's 40 now and clean ever since, baby is 6 months": LEFT + "'ever since' is not_now.ended's"
    " present veto ('drinking ever since'); 'clean ever since' is not told apart from it",
    "she's 28 weeks gone and her partner is over the moon": Q15,
    "20 weeks gone and the scan showed a healthy heartbeat": Q15,
    "we heard the heartbeat at the midwife appointment": Q15,
    "her fella is really supportive and comes to every scan": Q15,
    "her boyfriend rubs her back when it aches": Q15,
    "the baby's heart was beating nicely at the 12 week scan": Q15,
    "she's six months gone and has started buying baby clothes": Q15,
    "her husband gives her foot rubs and makes her tea": Q15,
}


def found(q: str, age: int | str | None) -> list[str]:
    """The rows the search gives for words sent whole; "unborn" for an unborn baby's call."""
    if age == "unborn":
        return [h.id for h in default_index().search(q, unborn=True, limit=KEPT_PLACES + 2, finished=True)]
    return cases.found(q, age)  # type: ignore[arg-type]


@pytest.mark.parametrize(("q", "age", "want"), cases.keyed(CASES, KNOWN, "q12", "q12_controls"))
def test_the_object_decides(q: str, age: int | None, want: dict) -> None:
    """Q12 (inflation): a rattle shaken, spices cooked, hair cut, cars sold, gaming videos watched are no concern."""
    cases.check(found(q, age), want)


@pytest.mark.parametrize(("q", "age", "want"), cases.keyed(CASES, KNOWN, "q11", "q11_controls"))
def test_an_idiom_is_not_the_act(q: str, age: int | None, want: dict) -> None:
    """Q11 (inflation): "killing himself laughing", "shooting hoops", "a killer headache" are idioms; the act done to a
    child is not."""
    cases.check(found(q, age), want)


@pytest.mark.parametrize(("q", "age", "want"), cases.keyed(CASES, KNOWN, "q13", "q13_controls"))
def test_abbreviations_naming_a_job_or_course(q: str, age: int | None, want: dict) -> None:
    """Q13 (inflation): "a dv course", "an mh nurse" name a course or a job, not the concern."""
    cases.check(found(q, age), want)


@pytest.mark.parametrize(("q", "age", "want"), cases.keyed(CASES, KNOWN, "q14", "q14_controls"))
def test_substance_use_long_over(q: str, age: int | None, want: dict) -> None:
    """Q14 (inflation): "clean for sixteen years", "years back", "five years sober now" is a past long over."""
    cases.check(found(q, age), want)


@pytest.mark.parametrize(("q", "age", "want"), cases.keyed(CASES, KNOWN, "q15", "q15_controls"))
def test_an_ordinary_pregnancy(q: str, age: int | str | None, want: dict) -> None:
    """Q15 (inflation): "30 weeks gone", "her fella rubs her feet", "a beating heart at the scan" is no concern."""
    cases.check(found(q, age), want)


def test_the_owner_before_the_object_and_its_nouns() -> None:
    """The structure itself: a person before the object is its owner ("shook the baby's rattle": the verb and the rattle
    are read, the baby is left in the call); the object's own nouns after it go with it ("gaming videos"); a person as
    the object is never an everyday thing."""
    index = default_index()
    at, _ = index._everyday_senses_at("dad shook the baby rattle".split())
    assert at == {1, 4}
    at, _ = index._everyday_senses_at("he watches loads of gaming videos".split())
    assert {1, 4, 5} <= at
    assert index._everyday_senses_at("dad shook the baby hard".split())[0] == set()
    assert index._everyday_senses_at("dad shook the baby rattle and she went floppy".split())[0] == set()

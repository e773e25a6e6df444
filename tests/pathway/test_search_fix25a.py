"""A carer's act said after "but" with the first clause's subject (Q1), an adult partner beside a child under 16's
pregnancy or relationship (Q2), and a child of 5 or under alone at home (Q7): review 25's findings, fix25a; the
synonyms file's `harm_to_child.carried_after`, `pregnant_young.older_partner` and `said_plainly.ages.pairs`, this
tool's readings, declared there and in docs/adviser.md (Search25a).

Oracles: tests/pathway/search_fix25a_cases.yaml, calls in words of my own written before the readings were changed,
each with what the document's rows say must hold (p9 "Child is at immediate risk or has suffered significant harm
including physical ..."; "Allegations or disclosures of abuse including sexually abused or evidence of grooming";
"certainly all children 'home alone' aged 5 years old and under should be referred"), with controls where the
concern is not there (another subject, a denial, another object, an age the row does not admit, a partner of 16)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pathway.search import default_index
from tests.pathway.cases import check, found, keyed

CASES = yaml.safe_load((Path(__file__).parent / "search_fix25a_cases.yaml").read_text())

# Known misses, each with its reason (strict: a call that starts to pass says so).
KNOWN = {
    "mum takes her to swimming club even though she still hits her": "a subject of its own ('she') is not carried (it may be the child)",
    "she's 15 and her partner is in his twenties": "the first three hold two other p9 rows after the first: none leaves sight (review 8 S1), so nothing moves",
}


@pytest.mark.parametrize(("q", "age", "want"), keyed(CASES, KNOWN, "q1", "q1_controls", "q2", "q2_controls", "q7", "q7_controls"))
def test_fix25a_call(q: str, age: int | None, want: dict) -> None:
    ids = found(q, age)
    check(ids, want)


def test_carried_subject_reads_the_first_clause() -> None:
    """The reading itself: "but" ends the act's clause, so its doer is the first clause's opening carer, and only
    where the act's pronoun object is one the first clause named."""
    index = default_index()
    doers = index.subject.parents
    words = "mum takes her swimming but hits her".split()
    assert index._carried_doer(words, words.index("hits"), doers) == (0, frozenset({"takes", "her", "swimming"}))
    words = "mum takes her swimming but she hits her".split()
    assert index._carried_doer(words, words.index("hits"), doers) is None  # a subject of its own
    words = "she goes swimming with mum but hits her brother".split()
    assert index._carried_doer(words, words.index("hits"), doers) is None  # the first clause opens with the child
    words = "mum takes him swimming but hurts her back".split()
    assert index._harm_by_adult_at(words) is None  # "her" is not the child the first clause named


def test_older_partner_keeps_the_stated_row_first() -> None:
    """Q2's declared choice: the p9 row comes into the first three second; the row the words state leads."""
    ids = found("she's 15 and pregnant, but what worries me more is the baby's father is 32", 180)
    assert ids[0] == "extensive.pregnant_under_16", ids
    assert ids[1] == "immediate.allegation_or_disclosure", ids


def test_banded_line_behind_the_general_one() -> None:
    """Q7: at 60 months the 5-and-under line comes in just behind the general home-alone line, which keeps the lead."""
    ids = found("nobody collects her from school, she lets herself in and is alone till late at night", 60)
    assert ids[:2] == ["immediate.home_alone_at_risk", "immediate.home_alone_5_and_under"], ids

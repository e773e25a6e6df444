"""Review 26's safety findings Q1, Q6, Q5 (fix26a; docs/adviser.md "Search26b"): "nonce" read as the class's words
for a sex offender (the synonyms file's `words.nonce`, `offered_with`), "lash/lashes/lashed" a carer's act on the
child (`harm_to_child.acts`), a heat source held to, put on or put under the child's body by a carer
(`everyday_hitting.phrases`, `everyday_hitting.body`); Q3 read by fix27a (Search27a, tests/pathway/test_search_fix27a.py),
Q2 by fix27b (Search27b).

Oracles: tests/pathway/search_fix26a_cases.yaml, calls in words of my own written before the readings were changed,
each with what the document's p9 rows say must hold, and controls where the concern is not there."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pathway.search import default_index
from tests.pathway.cases import check, found, keyed

CASES = yaml.safe_load((Path(__file__).parent / "search_fix26a_cases.yaml").read_text())

AS_ON_MAIN = "as on main 753fc02/fc146a9, not this branch's reading: "
KNOWN = {
    "he got called a nonce at school and is upset": AS_ON_MAIN + "'paedo' did the same; name-calling is not told from the word (bullying still first)",
    "the other kids call him a paedo because he plays with younger ones": AS_ON_MAIN + "name-calling is not told from the word",
    "he is on the register for the youth club": AS_ON_MAIN + "'register' is one of offered_with's words",
    "he burnt his hand on the cooker making toast": AS_ON_MAIN + "the burn words reach p9 rows without a doer (the search's own reading)",
    "mum smokes cigarettes in the house": AS_ON_MAIN + "'cigarettes' beside the burn rows' words",
    "mum burnt her hand on the hob cooking tea": AS_ON_MAIN + "'burnt' a harm_to_child act with 'her' the object",
    "dad burnt his hand on the cooker and is off work": AS_ON_MAIN + "the burn words reach p9 rows",
    "dad lit his cigarette with a lighter and had a chat with him": AS_ON_MAIN + "'him' after the carer; left",
}


@pytest.mark.parametrize(("q", "age", "want"), keyed(CASES, KNOWN, "q1", "q1_controls", "q6", "q6_controls", "q5", "q5_controls", "q3", "q2"))
def test_fix26a_call(q: str, age: int | None, want: dict) -> None:
    ids = found(q, age)
    check(ids, want)


def test_his_before_a_body_word_is_the_child() -> None:
    """Q5's object reading itself: "his" before one of `body` is the child, not where another male carer is named."""
    index = default_index()
    assert index._everyday_hitting_at("mum holds a lighter to his arm".split()) is not None
    assert index._everyday_hitting_at("mum holds a lighter to his cigarette".split()) is None
    assert index._everyday_hitting_at("he told me dad holds a lighter to his arm".split()) is not None
    assert index._everyday_hitting_at("mum and dad argue and mum holds a lighter to his arm".split()) is None

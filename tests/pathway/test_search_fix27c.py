"""Search27c (fix27c; docs/adviser.md "Search27c"): who did what to whom, and what a report says.

Oracles: tests/pathway/search_fix27c_cases.yaml, calls in words of my own written before the readings were changed, with
what the document's p9 rows say must hold (tests/pathway/cases.py's check), and controls where the concern is not
there or the reading must not reach."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pathway.search import default_index
from tests.pathway import cases

CASES = yaml.safe_load((Path(__file__).parent / "search_fix27c_cases.yaml").read_text())
AS_ON_MAIN = "as on main 2c55579, left: "
# "it's not only reading she enjoys, she loves writing stories" holds since fix35b (stop 53: `named_rows.readings.fix35b_story`,
# "story" is no injury): its strict xfail is taken off
KNOWN: dict[str, str] = {}


@pytest.mark.parametrize(("q", "age", "want"), cases.keyed(CASES, KNOWN, "f1", "f1_controls"))
def test_unexplained_by_no_one(q: str, age: int | None, want: dict) -> None:
    """F1 (safety): "neither mum nor dad could explain the bruises", "nobody could say how": the injury is unexplained."""
    cases.check(cases.found(q, age), want)


@pytest.mark.parametrize(("q", "age", "want"), cases.keyed(CASES, KNOWN, "f2", "f2_controls"))
def test_an_act_told_reaches_what_it_reaches_said(q: str, age: int | None, want: dict) -> None:
    """F2 (safety): "she said mum holds a lighter to her fingers" reaches p9's rows as "mum holds a lighter to her fingers"."""
    cases.check(cases.found(q, age), want)


def test_the_one_told_is_no_object() -> None:
    """F2's listener: the carer told ("told her nan") is no female carer whose "her" the object could be."""
    index = default_index()
    assert index._everyday_hitting_at("she told her nan that dad put her hand under the hot tap".split()) is not None
    assert index._everyday_hitting_at("her nan said that dad put her hand under the hot tap".split()) is None


@pytest.mark.parametrize(("q", "age", "want"), cases.keyed(CASES, KNOWN, "f3", "f3_controls"))
def test_an_ordinary_act_told_is_no_disclosure(q: str, age: int | None, want: dict) -> None:
    """F3 (inflation, review 26 Q8): "told her teacher dad holds her hand" is no disclosure; a told harm is one."""
    cases.check(cases.found(q, age), want)


@pytest.mark.parametrize(("q", "age", "want"), cases.keyed(CASES, KNOWN, "f4", "f4_controls"))
def test_not_just_affirms(q: str, age: int | None, want: dict) -> None:
    """F4 (inflation, review 26 Q13): "it's not just school he loves" says he loves school; a harm so said is said."""
    cases.check(cases.found(q, age), want)


def test_affirmed_is_word_for_word() -> None:
    """F4's reading itself: "not" before "just"/"only" is a stopword, one word for one; any other "not" is as said."""
    from pathway.search_denials import affirmed

    words = "it not just school he loves but he is not happy".split()
    got = affirmed(words, frozenset({"not"}), frozenset({"just", "only"}))
    assert len(got) == len(words) and got[1] != "not" and got[9] == "not" and got[2:9] == words[2:9]


@pytest.mark.parametrize(("q", "age", "want"), cases.keyed(CASES, KNOWN, "f5", "f5_controls"))
def test_the_child_lashing_out_is_the_childs(q: str, age: int | None, want: dict) -> None:
    """F5 (inflation): "dad says she lashes out at him" is the child's behaviour; "dad lashes him with a cable" is harm."""
    cases.check(cases.found(q, age), want)

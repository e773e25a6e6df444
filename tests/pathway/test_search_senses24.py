"""senses24: the everyday senses of concern words read from the sentence's structure (pathway/search_structures.py; the
synonyms file's `everyday_structures`): an outing, a departure, a comparative of kin, "in charge of" a thing, "on his
own" of a carer or an animal.

Oracles, by hand: an everyday call (tests/pathway/search_senses24.yaml, written before the change) offers no p9 row and
no Protection need in its first three; the concern sense of the same words keeps one (never under-call). A third of
each list (every third call) was held back and never tuned on: its count is held here (7 of 33 before, 10 after)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pathway import search_structures as search_senses24
from pathway.search import KEPT_PLACES, SearchDataError, default_index, normalise
from pathway.search_tables import check_everyday_structures

CASES = yaml.safe_load((Path(__file__).parent / "search_senses24.yaml").read_text())
HIGH = ("immediate.", "protection.")
HOME_ALONE = {"immediate.home_alone_5_and_under", "immediate.home_alone_at_risk"}
EXPLOITATION = {"extensive.risk_sexual_exploitation", "protection.sexual_exploitation", "immediate.contact_with_adults_risk"}


def _top(q: str, age: int) -> list[str]:
    return [h.id for h in default_index().search(q, age_in_months=age, limit=KEPT_PLACES, finished=True)][:KEPT_PLACES]


def _everyday_holds(q: str, age: int) -> bool:
    return not any(r.startswith(HIGH) for r in _top(q, age))


def test_held_back_everyday_calls_count() -> None:
    """Held back (every third), never tuned on: 7 of 33 held on main, 10 after senses24; 8 on main f93ae3d, 11 with
    senses25 (read as totals only)."""
    held = [c for i, c in enumerate(CASES["everyday"]) if (i + 1) % 3 == 0]
    assert sum(_everyday_holds(q, age) for q, age in held) >= 11


def test_tuned_everyday_calls_count() -> None:
    """The other two thirds: 20 of 67 on main, 31 after senses24; 23 on main f93ae3d, 34 with senses25."""
    tuned = [c for i, c in enumerate(CASES["everyday"]) if (i + 1) % 3 != 0]
    assert sum(_everyday_holds(q, age) for q, age in tuned) >= 34


@pytest.mark.parametrize("q, age", [tuple(c) for c in CASES["controls"]])
def test_controls_keep_a_p9_row_or_protection_need(q: str, age: int) -> None:
    top = _top(q, age)
    assert any(r.startswith(HIGH) for r in top), top


@pytest.mark.parametrize(
    "q, age, barred",
    [
        ("she went bowling with her mates for her birthday", 144, HOME_ALONE),  # an outing (held back before)
        ("the family went to the beach at skegness", 96, HOME_ALONE),
        ("he has gone to football training", 120, HOME_ALONE),
        ("he left school at 16 and started college", 204, HOME_ALONE),  # a departure
        ("dad left for work at 7", 96, HOME_ALONE),
        ("his older sister helps him with his homework", 96, EXPLOITATION),  # a comparative of kin
        pytest.param(
            "the older one is doing great at school, the little one has a burn nobody can explain",
            96,
            EXPLOITATION,
            marks=pytest.mark.xfail(
                strict=True,
                reason="left (stop 51): Search51q offers p11's disabled child's row only with a word of a disability, and it had"
                " filled the third place; with two other rows found, _out_of_sight keeps the moved row third (it moves rows"
                " below the rows found, never off the list). p9's injuries row stays first",
            ),
        ),
        ("he is in charge of the school council", 144, HOME_ALONE),  # in charge of a thing
    ],
)
def test_everyday_structure_moves_the_row(q: str, age: int, barred: set[str]) -> None:
    assert not barred & set(_top(q, age)), _top(q, age)


@pytest.mark.parametrize(
    "q, age, kept",
    [
        ("mum went out and left the kids on their own", 48, HOME_ALONE),  # a child left: no outing reading
        ("the 3 year old went to the park on his own", 36, HOME_ALONE),  # under the 5-and-under band, alone
        ("mum left the 4 year old at home on his own", 48, HOME_ALONE),
        ("an older man picks her up from school and buys her gifts", 168, EXPLOITATION),  # not kin
        ("the 8 yr old is left in charge of himself till gone midnight most nights", 96, HOME_ALONE),
        ("she is 10 and in charge of the baby", 120, HOME_ALONE),  # in charge of a person
        ("teen flashing younger kids on the estate", 168, {"protection.causes_significant_harm_other"}),  # not kin
    ],
)
def test_concern_sense_keeps_the_row(q: str, age: int, kept: set[str]) -> None:
    assert kept & set(_top(q, age)), _top(q, age)


def _read(q: str, age: int | None) -> tuple[set[int], object, frozenset[int]]:
    return search_senses24.everyday_structures_at(default_index().everyday_structures, normalise(q).split(), age)


def test_readings_where_made_and_not() -> None:
    words = normalise("mum lives on her own").split()
    at, _, unsaid = _read("mum lives on her own", 96)
    assert {words[i] for i in at} == {"on", "her", "own"} and unsaid  # a carer's own
    assert not _read("the dog was walked by the 4 year old on his own by the main road at night", 48)[0]  # young, danger
    assert not _read("mum went to the pub", 96)[0]  # a carer's own outing: read as before
    assert _read("mum and the kids went shopping in town", 84)[0]  # the children go too
    assert not _read("the kids went missing", 96)[0]  # no outing
    assert not _read("her older boyfriend is 25", 156)[0]  # not kin
    assert not _read("he is in charge of his little brother", 120)[0]  # a person
    assert not _read("he went to the park and left his brother on his own", 120)[0]  # a child left


def test_the_table_is_checked() -> None:
    data = yaml.safe_load((Path(__file__).parents[2] / "pathway" / "data" / "search_synonyms.yaml").read_text())["everyday_structures"]
    catalogue = default_index().catalogue
    check_everyday_structures(catalogue, data, normalise)
    with pytest.raises(SearchDataError):
        check_everyday_structures(catalogue, {**data, "home_alone_rows": ["immediate.no_such_row"]}, normalise)
    with pytest.raises(SearchDataError):
        check_everyday_structures(catalogue, {k: v for k, v in data.items() if k != "kin"}, normalise)

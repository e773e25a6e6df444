"""fix26b: fix25b's readings again (review 25 Q3, Q5), keeping the invariants its first merge broke.

Oracles: the search without the reading (the synonyms file without `ordinary_call`'s `sport_animal_injury`: what the
call gave before it), and the document's rows written here by hand: p9 "Unexplained injuries or injuries where there
is an inconsistent explanation of the injury", "Bruising or injury in a child under 2 (non mobile)", "Child is at
immediate risk or has suffered significant harm" (the explained-injury class Q3 names); p17 "Forced marriage of a
child under 18 yrs", p9 and p17 "Child victims of trafficking".
- An injury reading never empties the list and never removes a p9 row: every p9 row the first thirty held without it
  is in the first thirty with it (fix23f: an explained injury's p9 line is offered lower, never removed), and a p9 row
  leaving the first three is one of the explained-injury class.
- "Where the call read without its words offers nothing, the rows it moved are not offered" is a flag on a reading in
  the YAML (`unoffered_alone`), others_wedding's alone: the same code with the flag moved changes what is offered.
- A bite on the face is read as said (p9's rows stay: tests/pathway/test_search_fix22d.py's "the dog bit him on the
  face"); the same bite on a hand is explained.
Calls written for this change (none copied from review 25's cases), each with a control."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from pathway.catalogue import load_catalogue
from pathway.search import KEPT_PLACES, SearchIndex, default_index, load_synonyms
from pathway.search_model import example_calls

EXPLAINED = {"immediate.unexplained_injuries", "immediate.unexplained_bruising_under_2", "immediate.significant_harm"}
WEDDING_ROWS = {"protection.forced_marriage_under_18", "immediate.trafficking_victim", "protection.child_victim_trafficking"}
_BUILT: dict[str, SearchIndex] = {}


def _index(change: str) -> SearchIndex:
    """The index with one change to `ordinary_call`'s readings (built once): "without" sport_animal_injury, "flag
    moved" (unoffered_alone on sport_animal_injury, not on others_wedding)."""
    if change not in _BUILT:
        synonyms = copy.deepcopy(load_synonyms())
        readings = synonyms["ordinary_call"]["readings"]
        by_name = {r["name"]: r for r in readings}
        if change == "without":
            synonyms["ordinary_call"]["readings"] = [r for r in readings if r["name"] != "sport_animal_injury"]
        else:
            assert by_name["others_wedding"].pop("unoffered_alone") is True
            by_name["sport_animal_injury"]["unoffered_alone"] = True
        _BUILT[change] = SearchIndex(load_catalogue(), synonyms, example_calls())
    return _BUILT[change]


def _ids(q: str, age: int, limit: int = KEPT_PLACES, index: SearchIndex | None = None) -> list[str]:
    return [h.id for h in (index or default_index()).search(q, age_in_months=age, limit=limit, finished=True)]


def _p9(ids: list[str]) -> set[str]:
    return {i for i in ids if i.startswith("immediate.")}


# calls the reading makes, in words of this change's own; the first two leave the rest of the call nothing to offer
READ = [
    ("the dog bit him on the hand", 60),
    ("she got scratched by the cat", 72),
    ("one small bruise on his knee from falling off his bike", 96),  # fix23f's explained play, read by both
    ("the pony bit her arm at the stables", 108),
    ("he bruised his shin from a tackle at football", 120),
    ("she got a black eye from a header playing football", 132),
    ("our puppy nipped his fingers when he was feeding it", 48),
    ("he grazed his elbow from a fall at netball", 120),
]


@pytest.mark.parametrize(("q", "age"), READ)
def test_an_injury_reading_never_empties_the_list_nor_removes_a_p9_row(q: str, age: int) -> None:
    before = _ids(q, age, limit=30, index=_index("without"))
    after = _ids(q, age, limit=30)
    assert before, "without the reading the call offers rows: the check could fail"
    assert after, (q, "emptied")
    assert _p9(before) <= _p9(after), (q, sorted(_p9(before) - _p9(after)), after)
    # a p9 row leaves the first three only where it is of the explained-injury class
    assert _p9(before[:KEPT_PLACES]) - _p9(after[:KEPT_PLACES]) <= EXPLAINED, (q, before[:3], after[:3])


@pytest.mark.parametrize(("q", "age"), READ[:2] + READ[5:])  # READ[3:5] offer no p9 row even without it
def test_the_injury_reading_is_made_and_moves_the_explained_injury_class(q: str, age: int) -> None:
    # the other side: the reading does move the class out of the first three (so the test above can fail)
    before = _ids(q, age, index=_index("without"))
    assert _p9(before) & EXPLAINED, (q, before)
    assert not set(_ids(q, age)) & EXPLAINED, (q, _ids(q, age))


def test_an_explained_injurys_p9_line_is_offered_lower_not_at_the_end() -> None:
    # fix24b's fill lifts only the rows the first three need: p9's injury line stays close below them
    ids = _ids("one small bruise on his knee from falling off his bike", 96, limit=30)
    assert "immediate.unexplained_injuries" in ids[KEPT_PLACES : KEPT_PLACES + 5], ids


@pytest.mark.parametrize(("q", "age"), READ[:2])
def test_the_emptying_rule_is_a_flag_in_the_yaml_not_a_name(q: str, age: int) -> None:
    # with `unoffered_alone` moved onto sport_animal_injury, the same code no longer offers the rows it moved
    assert set(_ids(q, age, limit=30)) & EXPLAINED, "as it is, the rows stay offered lower"
    assert not set(_ids(q, age, limit=30, index=_index("flag moved"))) & EXPLAINED


def test_a_cousins_wedding_needs_the_flag_to_offer_none_of_its_rows() -> None:
    q = "her cousin is getting married next month and she's a bridesmaid"
    assert not set(_ids(q, 120, limit=30)) & WEDDING_ROWS, _ids(q, 120, limit=30)
    assert set(_ids(q, 120, limit=30, index=_index("flag moved"))) & WEDDING_ROWS  # without the flag: offered lower


def test_only_others_wedding_carries_the_flag() -> None:
    data = yaml.safe_load((Path(__file__).parents[2] / "pathway" / "data" / "search_synonyms.yaml").read_text())
    # fix39a (stop 55): a sibling's partner and wedding is read as others_wedding is (review 34's s_fm_bridesmaid_ctl)
    assert [r["name"] for r in data["ordinary_call"]["readings"] if r.get("unoffered_alone")] == ["others_wedding", "fix39a_sibling_partner"]
    # an injury reading names its rows, so fix24b's "nothing offered" (for a reading naming none) never empties it
    (injury,) = [r for r in data["ordinary_call"]["readings"] if r["name"] == "sport_animal_injury"]
    assert set(injury["rows"]) == EXPLAINED


@pytest.mark.parametrize(
    ("q", "age", "explained"),
    [
        ("our dog bit her on the face when she tried to stroke it", 72, False),
        ("the neighbours dog bit him in the face", 96, False),
        # strict xfails at the merge of stop 55 (Search55m: p9 significant harm rose into the place a named reading
        # left); pass since fix41a (stop 56, docs/adviser.md Search41a: a p9 row rises there only where the words say it)
        ("our dog bit her on the hand when she tried to stroke it", 72, True),
        ("the neighbours dog bit him on the leg", 96, True),
    ],
)
def test_a_bite_on_the_face_is_read_as_said(q: str, age: int, explained: bool) -> None:
    three = set(_ids(q, age))
    assert bool(three & EXPLAINED) is not explained, (q, three)

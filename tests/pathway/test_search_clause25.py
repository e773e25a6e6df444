"""A strength or denial, then "but", "although", "though", "even though", "except" or "now", and a concern (clause25,
stop 44 class A; the synonyms file's `clause_reading.stand_in` and its "now" cuts, this tool's reading, declared there;
docs/adviser.md Search25c).

Oracles: tests/pathway/search_clause25_cases.yaml, written by hand before the reading was changed; the document's rows:
p11 (Universal is "doing well and there are no significant concerns"), p15 "Behaviour puts own life at risk - self
harming / suicide attempts", p17 "Endangers own life through self harm ... eating disorder", p9's lines. A concern the
call states outside its denial leads; a call that states no need above Universal leads with a Universal row."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pathway.catalogue import load_catalogue
from pathway.levels import Level
from pathway.search import KEPT_PLACES, SearchDataError, SearchIndex, default_index, load_synonyms
from pathway.search_model import example_calls

CAT = load_catalogue()
SYNONYMS = load_synonyms()
CASES = yaml.safe_load((Path(__file__).parent / "search_clause25_cases.yaml").read_text())
SH = ["extensive.behaviour_puts_life_risk", "protection.endangers_life_through_self"]

# Known misses, each with its reason (strict: a call that starts to pass says so).
KNOWN = {
    "she's always been polite and well behaved but now she's cutting her arms": (
        "the clause's row is matched by one word ('cutting', which the Universal row matched too): under min_words"
    ),
    "no concerns about his behaviour though he's quiet in class": "fails on main: p15's behaviour in school on the denied 'behaviour' (not this reading)",
    "she attends school every day but she's a bit tired sometimes": "fails on main: p13's lack of routine on 'tired' (an Additional row: not this reading)",
    "he goes to school every day although he's not keen on maths": "fails on main: p13's lack of confidence as a learner (an Additional row: not this reading)",
    "she's doing great now, except she's lost a tooth": "fails on main: p13's dental decay on 'tooth' (an Additional row: not this reading)",
    "he is happy at home but misses his grandad who moved away": "fails on main: p13's loss of a significant adult (arguable; not this reading)",
}


def _rows(rows: list[str]) -> set[str]:
    return {r for row in rows for r in (SH if row == "SH" else [row])}


def _ids(q: str, age: int) -> list[str]:
    return [h.id for h in default_index().search(q, age_in_months=age, limit=KEPT_PLACES, finished=True)]


def _param(c: list) -> object:
    return pytest.param(*c, marks=pytest.mark.xfail(strict=True, reason=KNOWN[c[0]])) if c[0] in KNOWN else pytest.param(*c)


@pytest.mark.parametrize(("q", "age", "rows"), [_param(c) for c in CASES["concerns"]])
def test_concern_after_strength_leads(q: str, age: int, rows: list[str]) -> None:
    ids = _ids(q, age)
    assert ids and ids[0] in _rows(rows), ids


@pytest.mark.parametrize(("q", "age", "rows"), [_param(c) for c in CASES["controls"]])
def test_no_need_above_universal_keeps_universal_first(q: str, age: int, rows: list[str]) -> None:
    hits = default_index().search(q, age_in_months=age, limit=KEPT_PLACES, finished=True)
    assert hits and hits[0].indicator.level is Level.UNIVERSAL, [h.id for h in hits]


def test_clause25_held_back() -> None:
    """Held back: written after the two lists above were run on main, never run while the reading was written; a total
    only (docs/adviser.md Search25c records it), at least the share measured once at the end."""
    held = CASES["held_back"]
    right = sum(1 for q, age, rows in held if (ids := _ids(q, age)) and ids[0] in _rows(rows))
    assert right >= HELD_BACK_RIGHT, (right, len(held))


HELD_BACK_RIGHT = 8  # of 8, read once at the end (main also 8: the class is narrow, docs/adviser.md Search25c)


# ---------------------------------------------------------------- the reading is what moves them

NOW_CUTS = ("now she", "now he", "now they")


def _before_clause25() -> SearchIndex:
    """The index as before clause25: `clause_reading` without `stand_in` and without the "now" cuts (and without fix35a's
    `contrast`, a later reading that leads with a contrast clause's concern too: stop 53)."""
    cr = {k: v for k, v in SYNONYMS["clause_reading"].items() if k not in ("stand_in", "contrast")}
    cr["before"] = [w for w in cr["before"] if w not in NOW_CUTS]
    return SearchIndex(CAT, {**SYNONYMS, "clause_reading": cr}, example_calls())


def test_the_reading_is_what_moves_them() -> None:
    """Without clause25's `stand_in` and "now" cuts these kept a Universal row first (the independent check that the
    cases above test this reading, not another); with them the concern leads."""
    before = _before_clause25()
    for q, age, rows in [
        ("she has never hit anyone in her life but now she's self harming", 168, SH),  # the clause's own first was fourth
        ("he's doing really well at school but his mum's boyfriend beat him up", 144, ["immediate.significant_harm"]),  # model disagreed
        ("she's never been in any trouble now she's cutting herself", 168, SH),  # no cut before "now"
    ]:
        was = before.search(q, age_in_months=age, limit=KEPT_PLACES, finished=True)
        assert was and was[0].indicator.level is Level.UNIVERSAL, q
        assert _ids(q, age)[0] in rows, q


def test_the_universal_row_stays_in_the_list_and_p9_rows_stay_in_sight() -> None:
    """The Universal row the denial matched is not dropped (it is still what was said), and a p9 row of the first three
    stays there (review 8 S1, review 12 H6)."""
    ids = [
        h.id for h in default_index().search("he's doing really well at school but his mum's boyfriend beat him up", age_in_months=144, limit=5, finished=True)
    ]
    assert ids[0] == "immediate.significant_harm"
    assert "immediate.repeated_domestic_violence" in ids[:KEPT_PLACES]
    assert "universal.attends_school_sense_educational" in ids


def test_the_now_cut_needs_a_person_after_it() -> None:
    """'now' cuts only before 'she', 'he' or 'they': 'is now settled', 'now 5' are not cut (checked on the pieces)."""
    ix = default_index()
    assert ix._clause_pieces("they were homeless but are now settled", True) == ["they were homeless ", "but are now settled"]
    assert ix._clause_pieces("never any bother now she's cutting herself", True) == ["never any bother ", "now she's cutting herself"]


def test_the_tables_refuse_a_stand_in_that_is_not_true_or_false() -> None:
    with pytest.raises(SearchDataError, match="stand_in"):
        SearchIndex(CAT, {**SYNONYMS, "clause_reading": {**SYNONYMS["clause_reading"], "stand_in": "yes"}}, example_calls())

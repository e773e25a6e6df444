"""Review 22 (docs/safety/mutation.md): the mutants of last session's search readings that no test killed, each now
killed here through `search()` (never a private method: the search is being restructured), and the fault one showed.

Oracles: the search's declared readings in the synonyms file (pathway/data/search_synonyms.yaml) and the document's
rows, written here by hand:
- `named_rows` (fix21q): a reading's own phrases name none of its rows ("my son" in "i have ... my son" names no
  child's drinking: `caller_parent_use`, p13 "Uses substances" is the child's own); a row is named "read generously
  as a `core` is", a word still being typed included; a reading leads nothing "where the first group's words are all
  denied" ("no concerns about fgm", the FGM reading's own example), whichever of its phrases says it; a row moved is
  "still offered (fourth or lower), never removed"; FGM is not "an adult who poses a risk (p9), unless said".
"""

from __future__ import annotations

import pytest

from pathway.search import KEPT_PLACES, default_index

HARM = "immediate.significant_harm"  # p9 "Child is at immediate risk or has suffered significant harm ..."
DV = "immediate.repeated_domestic_violence"  # p9's domestic-violence line
CARER_USE = "additional.substance_misuse_impact_ability"  # p14 "Substance misuse may impact on ability to provide ..."
CHILD_USE = "additional.uses_substances"  # p13 "Uses substances" (the child's own)


def _ids(q: str, age: int | None = None, *, finished: bool = False, limit: int = KEPT_PLACES) -> list[str]:
    return [h.id for h in default_index().search(q, age_in_months=age, finished=finished, limit=limit)]


# ---------------------------------------------------------------- the fault: a denied FGM said in full led with p9


def test_fgm_denied_in_full_words_leads_nothing() -> None:
    """'no concerns about fgm' led nothing, but 'no concerns about female genital mutilation' led with p9's significant
    harm: the denial reaches three words ("concerns about female"), so the phrase's last two were read as said. A phrase
    is denied where the denial reaches its first word (review 22)."""
    for q in ["no concerns about female genital mutilation", "mum has no concerns about female genital mutilation"]:
        assert _ids(q, 108, finished=True)[:1] != [HARM], q


def test_fgm_said_in_full_words_still_leads_with_significant_harm() -> None:
    assert _ids("worried about female genital mutilation", 108, finished=True)[0] == HARM


# ---------------------------------------------------------------- named_rows: what the reading's own phrases name


def test_the_callers_own_son_names_no_drinking_of_the_childs() -> None:
    """`_named_readings` 3 (the places of a phrase said counted backwards: "son", the second word of "my son", was read
    as naming the child's own "Uses substances", which stayed in the first three)."""
    got = _ids("i need help with my drinking, my son is 8", 96)
    assert got[0] == CARER_USE
    assert CHILD_USE not in got


@pytest.mark.parametrize("q", ["risk of fgm", "she is at risk of FGM", "she is at risk of FGM."])
def test_fgm_typed_last_names_no_adult_who_poses_a_risk(q: str) -> None:
    """The second fault: with "fgm" the word being typed, the word left last once the reading's phrase was taken out
    ("of") was read as one being typed, "of" as "offender" on its way: p9's "adults who are known to pose a risk"
    stayed second while typing and left once a full stop was typed. The word being typed is the call's last."""
    got = _ids(q, 96)
    assert got[0] == HARM
    assert "immediate.adults_who_pose_risk" not in got


def test_a_row_named_by_a_word_being_typed_stays() -> None:
    """`_named_readings` 26 (the word being typed not read: "viol" typed is violence on its way, which names p9's
    domestic-violence line, so the FGM reading does not move it; the whole word does the same)."""
    assert DV in _ids("fgm risk and dad is viol", 108)
    assert DV in _ids("fgm risk and dad is violent", 108, finished=True)


def test_the_diet_row_is_offered_only_where_the_injury_row_left() -> None:
    """`_named_rows_below` 14 (every row of the first three counted as moved: a reading's `offers` came in where no row
    had left). The feeding reading offers p13 "Concerns about diet / poor nutrition" only where p9's unexplained-injuries
    line left; "the kids are fed" beside a carer's drinking moves nothing, so nothing is offered in its place."""
    got = _ids("dad is often drunk, the kids are fed", 96)
    assert "immediate.unexplained_injuries" not in got
    assert "additional.concerns_about_diet_poor" not in got
    assert got[0] == CARER_USE


def test_rows_a_reading_moves_stay_offered_once_each() -> None:
    """`_named_rows_below` 20 (the rest of the list dropped, the first three given twice: the rows moved were no longer
    offered, and a longer list repeated the first three)."""
    got = _ids("fgm risk", 120, limit=10)
    assert len(got) == len(set(got)) == 10
    assert got[0] == HARM
    assert {DV, "immediate.adults_who_pose_risk"} <= set(got[KEPT_PLACES:])


@pytest.mark.parametrize(
    "q, age",
    [
        ("fgm", 120),
        ("fgm risk", 120),
        ("she is 14 and has a 2 month old baby", 2),
        ("i need help with my drinking, my son is 8", 96),
        ("was on a cp plan in 2022", 96),
    ],
)
def test_the_scores_shown_follow_the_order_after_rows_are_moved(q: str, age: int) -> None:
    """`_named_rows_below` 24-26, 28, 29 (the scores left as they were, or the last pair not mended ("fgm": four rows, the
    last a row moved; the young parent: the first pair, a pregnancy row that led moved), when rows moved: a row
    below showed a higher score than one above it). Results are best first, and the score is shown beside each."""
    hits = default_index().search(q, age_in_months=age, limit=1000)
    assert len(hits) > KEPT_PLACES
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True), [(h.id, h.score) for h in hits]

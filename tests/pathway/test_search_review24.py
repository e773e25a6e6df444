"""Review 24 (mut25; docs/safety/mutation.md "Review 24"): behaviour of stop 43's search readings that no test stated,
found by mutmut's mutants that survived the readings' own tests (Search24d's `denial_only`, fix24b's `ordinary_call`,
fix24a's `turned_words`). Every test goes through `search()` only, so it holds whatever the readings' helpers are
called (tidy25 merges some of them).

Oracles, written here by hand from the document and the synonyms file's declared readings (never from a mutant's
output):
- a concern said in the call outside a denial ("he has been missing from home twice", "she is self harming", "she is
  being bullied") is the row that leads, as it leads with no denial said (Search24d moves nothing then); the document's
  rows: Extensive "Children who go missing", the self-harm rows, Additional "Experiencing bullying";
- "held" followed by whom or what is held ("held the baby over the balcony", "held her under the water") is no
  gathering (the declared `after` of `held_gathering`): p9 "has suffered significant harm" keeps its place;
- two ordinary readings in one call (a meeting held and an outing; an outing and a small count of absence) are each
  read: no p9 row, and no pattern of absence (Extensive "Persistent absenteeism"), comes into the first three;
- a question that opens beyond `asks_within` words (3) is read as telling: p9 "Left 'home alone' ... 5 and under"
  leads for a child of 4 (safety first);
- a denial with "anymore" or "now" within `not_after_reach` (4) words after it says the harm happened: p9 significant
  harm keeps first place;
- the child's blow to a member of staff named up to `object_reach` (4) words after the act ("the new supply teacher")
  is the child's own violence (Extensive): no p9 harm row in the first three."""

from __future__ import annotations

import pytest

from pathway.catalogue import load_catalogue
from pathway.search import KEPT_PLACES, search

CAT = load_catalogue()
P9 = {i.id for i in CAT.indicators if i.immediate}
LEVEL = {i.id: i.level.value for i in CAT.indicators}
HARM = "immediate.significant_harm"
P9_HARM_ROWS = {HARM, "immediate.unexplained_injuries", "immediate.allegation_or_disclosure", "immediate.repeated_domestic_violence"}


def _ids(q: str, age: int | None) -> list[str]:
    return [h.indicator.id for h in search(q, age_in_months=age, limit=KEPT_PLACES, finished=True)]


# --- Search24d `denial_only`: a concern said elsewhere in the call (no "but" between: the denial is read)


@pytest.mark.parametrize(
    "q, age, first",
    [
        ("nobody hits him, he has been missing from home twice this month", 120, {"extensive.children_who_go_missing"}),
        ("nobody hits him, he has been going missing", 120, {"extensive.children_who_go_missing"}),
        ("she isn't hit at home, she is self harming", 168, {"protection.endangers_life_through_self", "extensive.behaviour_puts_life_risk"}),
        ("nobody hurts her at home, she is being bullied at school", 120, {"additional.experiencing_bullying"}),
        ("nobody touches her and she is not going to school", 120, {"additional.poor_school_attendance_exclusion"}),
    ],
)
def test_a_concern_said_beside_a_denial_without_but_still_leads(q: str, age: int, first: set[str]) -> None:
    """A concern word outside the denial's words ("missing", "self harming", "bullied") is a concern said elsewhere:
    nothing is put above it, and no Universal strength leads (the reading's tests said each such concern after "but",
    where the denial's own `not_after` guard already stops the denial being read)."""
    got = _ids(q, age)
    assert got[0] in first, got
    assert LEVEL[got[0]] != "universal"


STATES = "universal.parent_carers_provide_children"  # the Universal strength a denial of harm states


@pytest.mark.parametrize("q", ["he told me that himself", "she told me", "mum says"])
def test_a_call_with_no_denial_is_not_given_the_strength_a_denial_states(q: str) -> None:
    """Nothing is denied ("he told me that himself": words of telling only), so nothing states that the parents
    protect the child from harm: Universal "Parent / carers provide for children's needs and protect from danger and harm"
    does not lead."""
    assert _ids(q, None)[0] != STATES


@pytest.mark.parametrize("q", ["he has not been harmed", "she says nobody touches her and she's happy at home"])
def test_a_denial_only_call_moves_rows_and_drops_none(q: str) -> None:
    """The reading puts its lead and the denied p9 rows first and keeps every other row after them: each row is
    offered once, and as many rows are offered as asked for."""
    got = [h.indicator.id for h in search(q, limit=5, finished=True)]
    assert len(got) == len(set(got)) == 5, got


# --- fix24b `ordinary_call`


@pytest.mark.parametrize(
    "q",
    [
        "at the review he held the baby over the balcony",
        "mum said at the meeting that he held her under the water",
    ],
)
def test_held_with_whom_or_what_is_held_after_it_is_no_gathering(q: str) -> None:
    """A meeting named near "held" does not make "held the baby", "held her" a meeting held: p9 significant harm
    stays in the first three (the declared `after` words, within `after_reach` words of the mark)."""
    got = _ids(q, 120)
    assert HARM in got, got


def test_a_baby_held_over_a_balcony_leads_with_significant_harm() -> None:
    assert _ids("at the review he held the baby over the balcony", 120)[0] == HARM


@pytest.mark.parametrize(
    "q, lacks",
    [
        ("TAC meeting held, he went camping with cubs", P9),  # a meeting held, and an outing
        ("we went camping with scouts and he missed 2 days of school", {"extensive.persistent_absenteeism_school_without"}),
    ],
)
def test_two_ordinary_readings_in_one_call_are_both_read(q: str, lacks: set[str]) -> None:
    """Each ordinary reading made takes its own words out: one reading's words do not stay in because another was
    made too (neither a meeting held nor an outing is harm; two days missed is no pattern of absence)."""
    got = _ids(q, 96)
    assert not lacks & set(got), got


def test_a_row_the_call_still_offers_without_a_lessons_words_stays_in_sight() -> None:
    """The lesson's words ("sex education", "asked", "about" near it) are taken out and the call read again: p9's
    "Allegations or disclosures of abuse" is still offered by the rest ("her boyfriend ... pressured her"), so it does
    not leave the first three (the declared reading: a row leaves only where the call read without the words does not
    offer it; never an under-call)."""
    got = _ids("she had sex education last week, her boyfriend asked her about consent and then pressured her", 168)
    assert "immediate.allegation_or_disclosure" in got, got


@pytest.mark.parametrize(
    "q, age",
    [
        ("she is four can she stay home alone while i go to the shop", 48),  # "can she" opens at the 4th word
        ("he is five can he stay home alone for an hour", 60),
    ],
)
def test_a_question_opening_after_the_first_three_words_is_read_as_telling(q: str, age: int) -> None:
    """`asks_within` is 3: a question opening at the 4th word is not read as a question about what is normal, and
    p9's "Left 'home alone' (5 and under)" leads (safety first)."""
    assert _ids(q, age)[0] == "immediate.home_alone_5_and_under"


def test_a_question_opening_within_the_first_three_words_does_not_lead_with_p9() -> None:
    """The control: the same question opening at the 1st word is a question (p9 in sight, not first: H6)."""
    got = _ids("can a four year old stay home alone while i go to the shop", 48)
    assert got[0] not in P9 and "immediate.home_alone_5_and_under" in got, got


# --- fix24a `turned_words` and its join in fix23d's `turned_facts` (the guards)


@pytest.mark.parametrize("q", ["nobody hits him at home anymore", "nobody hits him at home now"])
def test_a_denial_with_anymore_or_now_four_words_after_it_is_no_denial(q: str) -> None:
    """The words "anymore", "now" within `not_after_reach` (4) words after the harm word say it happened: the denied reading is
    not made, and p9 significant harm keeps first place."""
    assert _ids(q, 96)[0] == HARM


@pytest.mark.parametrize("q", ["he punched the new supply teacher", "he kicked the young female teaching assistant"])
def test_the_childs_blow_to_staff_named_three_or_four_words_on_is_the_childs_own_violence(q: str) -> None:
    """The member of staff is within `object_reach` (4) words of the act: the child's own violence (Extensive), no harm done
    to the child (no p9 harm row in the first three)."""
    got = _ids(q, 120)
    assert got[0] == "extensive.violent_aggressive_anti_social"
    assert not P9_HARM_ROWS & set(got), got


@pytest.mark.parametrize(
    "reading",
    [
        {"reading": "nonesuch", "shape": "denial", "acts": ["hit"]},  # no turned_facts reading of that name
        {"reading": "denied", "shape": "sideways", "acts": ["hit"]},  # no such shape
        {"reading": "parent_crisis", "shape": "subject_act", "acts": ["overdose"]},  # subject_act without its subjects
    ],
)
def test_a_turned_words_reading_of_another_shape_is_refused(reading: dict) -> None:
    """The index refuses a `turned_words` entry it cannot read (search_turned_words.check), as it refuses a
    `denial_only` of another shape."""
    import copy

    from pathway.search import SearchDataError, SearchIndex, load_synonyms

    syn = copy.deepcopy(load_synonyms())
    syn["turned_words"]["readings"].append(reading)
    with pytest.raises(SearchDataError):
        SearchIndex(CAT, syn)

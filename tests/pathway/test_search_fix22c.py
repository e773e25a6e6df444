"""Review 22's search findings N4 and N9 (fix22c): how the call was heard, and whose facts the words name.

Oracles: the document's rows, written here by hand; the calls below were written by fix22c from the brief and the
document before the search was run on them (none copied from review 22's cases):
- p9's "Allegations or disclosures of abuse including sexually abused or evidence of grooming" needs abuse or grooming
  said; "told me", "said" and quotation marks are how the call was heard. p14 "Family conflicts"; p15 "Behaviour puts
  own life at risk-self harming / suicide attempts"; p13 "Concerns about diet / poor nutrition".
- p13 "Involved in criminal activity / offending" is the young person's; a caller's role (teacher, PCSO, health
  visitor) is who rings, no fact of the child; p17 "Chronic and long term unemployment" needs work said.
- A sibling's attribute is not this child's; p17 "Child / children previously subject to Child Protection Plan" is
  no statement of educational needs (p15); a parent's learning disability is p16's parent's row, no teenage parent;
  a parent's death is p14's "Loss of significant adult", no offending (p16) and no removal (p17)."""

from __future__ import annotations

import pytest

from pathway.catalogue import load_catalogue
from pathway.search import KEPT_PLACES
from tests.pathway.readings import Without

CAT = load_catalogue()
FIX22C = {"food_told", "reported_words", "liking", "caller_role", "child_drunk", "sibling_fine", "process_plans", "carer_learning", "carer_death"}
BEFORE = Without(named_rows=FIX22C, words=["eaten"], finished=False)  # the search before fix22c


DISCLOSURE = "immediate.allegation_or_disclosure"
CSE = "extensive.risk_sexual_exploitation"
DIET = "additional.concerns_about_diet_poor"
BULLYING = "additional.experiencing_bullying"
LIFE_RISK = {"extensive.behaviour_puts_life_risk", "protection.endangers_life_through_self"}
OFFENDING = "additional.involved_criminal_activity_offending"
UNEMPLOYED = "protection.chronic_long_term_unemployment"
VIOLENT = "extensive.violent_aggressive_anti_social"
ABSENCE = "additional.condone_absence_school"
GANG = "extensive.involved_gang_culture"
STATEMENT = "extensive.statement_educational_needs_requiring"
TEEN_PARENTS = "extensive.teenage_parents_with_concerns"
PARENT_OFFENDING = "extensive.history_concerns_around_offending"
REMOVED = "protection.child_children_previously_removed"
LOSS = "additional.loss_significant_adult"
ADULT_RISK = {"immediate.contact_with_adults_risk", "immediate.adults_who_pose_risk"}
P9 = {i.id for i in CAT.indicators if i.immediate}


def _ids(q: str, age: int | None = None, limit: int = KEPT_PLACES) -> list[str]:
    return BEFORE.ids(q, age, limit=limit)


@pytest.mark.parametrize(
    "q, age",
    [
        ("he told me 'I hate maths and my new teacher'", 120),
        ("she said 'I keep having bad dreams'", 96),
        ("she told me 'I want to kill myself'", 168),
        ("he said 'mum and dad are always shouting at each other'", 108),
    ],
)
def test_reported_words_of_no_abuse_do_not_offer_the_disclosure_line(q: str, age: int) -> None:
    got = _ids(q, age)
    assert DISCLOSURE not in got


def test_reported_words_of_self_harm_offer_the_self_harm_rows() -> None:
    got = _ids("she told me 'I want to kill myself'", 168)
    assert LIFE_RISK & set(got)


@pytest.mark.parametrize(
    "q, age",
    [
        ("she told me 'my uncle touches me when mum is at work'", 120),
        ("he said 'dad punched me in the stomach last night'", 108),
        ("she said 'mums boyfriend comes in my room at night'", 132),
        ("he told me 'my stepmum locks me in the shed'", 96),
    ],
)
def test_reported_words_of_abuse_keep_p9_in_the_first_three(q: str, age: int) -> None:
    got = _ids(q, age)
    assert P9 & set(got)


def test_reported_abuse_keeps_the_disclosure_line() -> None:
    assert DISCLOSURE in _ids("she told me 'my uncle touches me when mum is at work'", 120)


def test_words_of_liking_offer_no_safeguarding_row() -> None:
    got = _ids("she said 'I love going to my nans house'", 96)
    assert not (P9 | {CSE}) & set(got)


def test_liking_with_an_older_man_keeps_a_sexual_exploitation_or_p9_row() -> None:
    got = _ids("she said 'I love him, he is 25 and buys me vodka'", 168)
    assert ({CSE, "protection.sexual_exploitation"} | P9) & set(got)


def test_not_eaten_offers_the_diet_row_and_no_bullying_first() -> None:
    got = _ids("she told her teacher she hasn't eaten all weekend", 108)
    assert DIET in got
    assert got[0] != BULLYING


def test_food_taken_by_other_children_keeps_bullying() -> None:
    assert BULLYING in _ids("she is hungry because older kids take her dinner money and call her names", 120)


def test_a_callers_role_is_no_fact_of_the_child() -> None:
    got = _ids("I'm the PCSO, he was caught shoplifting again", 168)
    assert OFFENDING in got
    assert UNEMPLOYED not in got
    got = _ids("I'm her class teacher, she's always tired and hungry", 96)
    assert got[0] != VIOLENT and VIOLENT not in got


def test_a_teacher_reporting_violence_keeps_the_violence_row() -> None:
    assert VIOLENT in _ids("I'm his teacher and he punched another pupil and threw a chair", 120)


def test_a_siblings_gang_is_not_this_childs() -> None:
    got = _ids("his brother is in a gang, he is doing well", 108)
    assert ABSENCE not in got and GANG not in got
    assert GANG in _ids("his brother is in a gang, he is doing well", 108, limit=10)  # still offered, lower


def test_a_sibling_drawing_this_child_in_keeps_the_gang_row() -> None:
    assert GANG in _ids("his brother is in a gang and is dragging him in, he is ok otherwise", 156)


def test_a_plan_is_no_statement_of_educational_needs() -> None:
    assert STATEMENT not in _ids("her brother is on a child protection plan", 84)
    assert STATEMENT in _ids("she has an ehcp for her autism and is on a cp plan", 96)


def test_a_parents_learning_disability_is_no_teenage_parent() -> None:
    got = _ids("dad has a learning disability and forgets the baby's bottles", 8)
    assert TEEN_PARENTS not in got
    assert "extensive.mental_physical_health_problems" in got


def test_a_parents_death_offers_loss_not_offending_or_removal() -> None:
    got = _ids("dad passed away in the summer", 120)
    assert LOSS in got
    assert PARENT_OFFENDING not in got and REMOVED not in got


def test_a_parent_who_died_in_prison_keeps_the_offending_row() -> None:
    assert PARENT_OFFENDING in _ids("dad died in prison last year, he had a long history of offending", 120)


def test_a_childs_own_drinking_names_no_adult() -> None:
    got = _ids("she was drunk at a party on saturday", 168)
    assert not ADULT_RISK & set(got)


def test_a_child_drunk_with_a_man_named_moves_nothing() -> None:
    q = "she was drunk and a man gave her a lift home"
    assert _ids(q, 168, limit=5) == BEFORE.ids(q, 168, without=True, limit=5)
    assert ADULT_RISK & set(_ids(q, 168, limit=5))


def test_a_siblings_gang_moves_no_absence_row() -> None:
    assert not {ABSENCE, "extensive.persistent_absenteeism_school_without"} & set(_ids("his sister is in a gang, he is fine", 96))


@pytest.mark.parametrize(
    "q, age, out",
    [
        ("he said 'my mum and dad are always shouting at each other'", 108, DISCLOSURE),
        ("I'm his teacher and he's always hungry", 96, VIOLENT),
        ("her dad died last year", 120, PARENT_OFFENDING),
        ("PCSO found him drunk outside the shop at midnight", 168, "immediate.contact_with_adults_risk"),
    ],
)
def test_the_readings_turn_calls_the_search_got_wrong(q: str, age: int, out: str) -> None:
    BEFORE.gone(q, age, out)

"""The pregnancy-start window (review 10 H1, fix10u, review 12 H3/H8) at the places mut13's mutation run found
its tests looser than its words: each test here fails under the mutant named beside it.

The oracle is the arithmetic, in whole months, written here (the catalogue's declared readings: the longest
pregnancy counted, `term_gestation`, 10 months; under 13 is under 156 months), and the prompt's words as the
catalogue states them (`ages.possible_unborn`), filled in by hand."""

from __future__ import annotations

from pathway import Case
from rules import evaluate
from tests.conftest import IN_HOURS

PROMPT = "age.entailment_pregnancy_start_possible"


def _prompt(raw: dict) -> str:
    d = evaluate(Case.parse({**raw, "context": {"contact_time": IN_HOURS}}))
    [g] = [g for g in d.guidance if g.rule == PROMPT]
    return g.text


def test_an_unborn_babys_prompt_says_the_parents_age_now_and_at_the_earliest_start_in_full():
    """A parent of 13 (13y0m at the youngest) of an unborn baby: a pregnancy of up to 10 months began when the
    parent was 13y0m - 10 months = 12y2m at the youngest, under 13. mutmut's possible_at_start 20 and 21 wrote
    "a parent of None years now" and "when a parent of None was": the tests looked for "13 years" and "12 years
    2 months" anywhere in the words, which "13 years 0 months" and the start still gave."""
    text = _prompt({"child": {"unborn": True}, "parent": {"age_years": 13}, "indicators": ["extensive.pregnant_under_16"]})
    assert "a parent of 13 years now, and a pregnancy that began up to 10 months ago, when a parent of 13 years 0 months was 12 years 2 months" in text, text


def test_a_born_childs_prompt_says_the_window_and_both_pregnancies_counted_in_full():
    """A parent of 14 (14y0m to 14y11m) with a child of 2 months (2 to 3 months old): a pregnancy of 10 months
    (the longest counted) began when the parent was 14y0m - 3 months - 10 months = 12y11m at the youngest (under
    13) and 14y11m - 2 months - 10 months = 13y11m at the oldest; a shorter one began later, down to 4 months (the
    shortest counted). mutmut's possible_at_start 48 and 49 wrote "None" for the 4 and the 10: no test read them."""
    text = _prompt({"child": {"age_years": 0, "age_months": 2}, "parent": {"age_years": 14}, "indicators": ["extensive.teenage_parents_with_concerns"]})
    assert (
        "with a child of 0 years 2 months, a parent of 14 years was 12 years 11 months to 13 years 11 months old when a pregnancy"
        " of 10 months, the longest counted (an overdue one), began (older if it was shorter, down to 4 months)" in text
    ), text


def _entailment(raw: dict) -> str:
    d = evaluate(Case.parse({**raw, "indicators": ["universal.physically_well"], "context": {"contact_time": IN_HOURS}}))
    assert d.immediate and d.level.value == "protection"
    [r] = [r for r in d.reasons if r.rule == "age.entailment"]
    return r.explanation


def test_the_entailments_ages_are_said_whole():
    """The parent's age alone states a parenthood under 13 (p17 by the catalogue's reading): a parent of 12 is
    under 13 now; a parent of 14 (at most 14y11m) with a child of 2 years was at most 14y11m - 24 - 4 = 12y7m when
    a pregnancy of at least 4 months began. mutmut's young_person 22-26 (the age now as None or missing), 32-39
    and 45-48 (the parent's or child's age as None, a child of 'months not given' when the months were, the
    parent's oldest as 14y10m or 15y0m) survived: no test read these words."""
    assert "The young parent's age given (12 years) states a parenthood under 13" in _entailment({"child": {"age_years": 2}, "parent": {"age_years": 12}})
    at_start = (
        "(under 13 when the pregnancy began: a parent of at most 14 years 11 months with a child of {child}, born at least 4 months after the pregnancy began)"
    )
    given = _entailment({"child": {"age_years": 2, "age_months": 0}, "parent": {"age_years": 14}})
    assert at_start.format(child="2 years 0 months") in given, given
    years_only = _entailment({"child": {"age_years": 2}, "parent": {"age_years": 14}})
    assert at_start.format(child="2 years (months not given)") in years_only, years_only


def test_a_parents_age_with_a_child_of_no_given_age_is_asked_up_to_33():
    """A child of no given age is at most 19y11m (the pathway's ages, p25), so a parent of P years (12P months at
    the youngest) had the child at 12P - 240 months or later, and a pregnancy of up to 10 months began at
    12P - 250 or later: under 13 (156 months) possible up to P = 33 (146), not from 34 (158). mutmut's
    young_person 59, 61 and 62 moved that edge; the tests asked only of parents of 10 to 19."""
    ask = "age.entailment_age_unknown"
    for parent, asked in ((33, True), (34, False)):
        d = evaluate(Case.parse({"parent": {"age_years": parent}, "indicators": ["universal.physically_well"], "context": {"contact_time": IN_HOURS}}))
        assert not d.immediate and d.level.value == "universal"
        assert any(g.rule == ask for g in d.guidance) is asked, parent


def test_an_unborn_babys_young_parent_of_no_given_age_is_asked_only_where_the_band_allows_under_13():
    """No parent's age: the need's own band bounds it. A pregnant care leaver is 16 or more (p25, 192 months), so
    a pregnancy of up to 10 months began at 15y2m or later: not under 13, neither raised nor asked. A teenage
    parent is 13 or more (156 months): the pregnancy may have begun at 12y2m, so it is asked, not raised.
    mutmut's young_person 74-80 and 83 (ask11's code) raised the care leaver's case to Protection or asked it,
    or asked neither; the run's tests had no unborn baby without the parent's age."""
    ask = "age.entailment_age_unknown"
    for need, asked in (("extensive.pregnant_care_leavers", False), ("extensive.teenage_parents_with_concerns", True)):
        d = evaluate(Case.parse({"child": {"unborn": True}, "indicators": [need], "context": {"contact_time": IN_HOURS}}))
        assert not d.immediate and d.level.value == "extensive", need
        assert any(g.rule == ask for g in d.guidance) is asked, need

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

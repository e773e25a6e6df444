"""Review 14's leftovers (search15): a parent's prison, the child's own foster carers, a possessive relative
clause, a carer's care history, a denial past three words, a carer's act against themself, a child in care
with nothing else said.

Oracles: the document's rows, written here and in search_heldout_search15.yaml (written before the change
from the brief and the document by the engineer making it, before the search was run on them; never
training data):
- p9 "Adults who pose a risk", "Lives or has contact with adults who are known to pose a risk to children",
  "Child is at immediate risk or has suffered significant harm", "Unexplained injuries ...";
- p13-14 "Parent previously looked after by Local Authority" (the parent's history), p15-16 "Pregnant
  care-leavers ..." (a pregnancy); the document has no row for a child looked after now (p37's route);
- the carers' rows (p13-16) for a carer's own condition; the child's own rows (p15-17) for the child's.
Each test of a moved row was seen failing on the code before the change (a8f0cae) for at least one of its
calls (docs/adviser.md, Search15, has the counts), except where a comment says it held before; the two calls
in LEFT still fail and are strict xfails."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pathway.catalogue import load_catalogue
from pathway.search import KEPT_PLACES, SearchDataError, SearchIndex, default_index, load_synonyms

HELD_OUT = yaml.safe_load((Path(__file__).parent / "search_heldout_search15.yaml").read_text(encoding="utf-8"))
# held-out calls the change did not fix, left (docs/adviser.md, Search15 "Left"); strict, so a fix shows
LEFT = {
    "the foster placement has broken down": "its care words gone, 'broken down' ties a p9 injury row with the relationship row",
    "no one at nursery has ever seen any injuries": "the denial's first word, 'nursery', is a concern's own ('not in nursery')",
}
ADULTS_WHO_POSE_RISK = "immediate.adults_who_pose_risk"
ADULT_RISK = {"immediate.contact_with_adults_risk", ADULTS_WHO_POSE_RISK}
PARENT_IN_CARE = "additional.parent_previously_looked_after"
PREGNANT_CARE_LEAVERS = "extensive.pregnant_care_leavers"
SIGNIFICANT_HARM = "immediate.significant_harm"
CHILD_SELF_HARM = {"extensive.behaviour_puts_life_risk", "protection.endangers_life_through_self"}


def _ids(p: dict, limit: int = KEPT_PLACES) -> list[str]:
    return [h.id for h in default_index().search(p["q"], age_in_months=p.get("age_in_months"), limit=limit)]


def _calls(key: str) -> list:
    return [pytest.param(p, marks=pytest.mark.xfail(reason=LEFT[p["q"]], strict=True)) if p["q"] in LEFT else p for p in HELD_OUT[key]]


def _immediate(iid: str) -> bool:
    return default_index().catalogue.indicator(iid).immediate


# ---------------------------------------------------------------- a parent's prison is not an adult known to pose a risk


@pytest.mark.parametrize("p", _calls("parent_prison"), ids=lambda p: p["q"])
def test_a_parents_prison_does_not_offer_adults_who_pose_a_risk(p):
    assert ADULTS_WHO_POSE_RISK not in _ids(p), _ids(p)


@pytest.mark.parametrize("p", _calls("adult_risk"), ids=lambda p: p["q"])
def test_an_adult_known_to_pose_a_risk_keeps_its_p9_row_first(p):  # held before
    assert _ids(p)[0] in ADULT_RISK, _ids(p)


# ---------------------------------------------------------------- the child's own foster carers


@pytest.mark.parametrize("p", _calls("foster_carers"), ids=lambda p: p["q"])
def test_the_childs_own_foster_carers_say_the_child_is_in_care(p):
    found = _ids(p)
    assert default_index().says_child_in_care(p["q"])
    assert PARENT_IN_CARE not in found and PREGNANT_CARE_LEAVERS not in found, found
    assert not _immediate(found[0]), found
    if "top3" in p:
        assert set(p["top3"]) & set(found), found


# ---------------------------------------------------------------- a possessive relative clause


@pytest.mark.parametrize("p", _calls("possessive_relative"), ids=lambda p: p["q"])
def test_a_possessive_relative_clause_is_the_carers(p):
    found = _ids(p)
    assert found[0] not in p["child"], found


@pytest.mark.parametrize("p", _calls("child_beside_carer"), ids=lambda p: p["q"])
def test_the_childs_own_condition_beside_a_carer_keeps_the_childs_row(p):  # held before
    assert set(p["child"]) & set(_ids(p)), _ids(p)


# ---------------------------------------------------------------- a carer's own care history


@pytest.mark.parametrize("p", _calls("carer_history"), ids=lambda p: p["q"])
def test_a_carers_care_history_does_not_offer_pregnant_care_leavers(p):
    found = _ids(p, limit=10)
    assert PREGNANT_CARE_LEAVERS not in found, found
    assert PARENT_IN_CARE == found[0], found  # held before


# ---------------------------------------------------------------- denials


@pytest.mark.parametrize("p", _calls("denied"), ids=lambda p: p["q"])
def test_a_denial_past_three_words_does_not_lead_with_p9(p):
    assert _ids(p)[0] not in p["not_first"], _ids(p)


@pytest.mark.parametrize("p", _calls("concern"), ids=lambda p: p["q"])
def test_a_concern_said_with_a_denial_word_keeps_p9_first(p):  # held before
    assert _ids(p)[0] in p["first"], _ids(p)


# ---------------------------------------------------------------- a carer's own act against themself


@pytest.mark.parametrize("p", _calls("carer_act"), ids=lambda p: p["q"])
def test_a_carers_act_against_themself_leads_with_neither_p9_nor_the_childs_row(p):
    found = _ids(p)
    assert not _immediate(found[0]) and found[0] not in CHILD_SELF_HARM, found


@pytest.mark.parametrize("p", _calls("carer_harms_child"), ids=lambda p: p["q"])
def test_a_carer_harming_the_child_keeps_p9_first(p):  # held before
    assert _ids(p)[0] == SIGNIFICANT_HARM, _ids(p)


# ---------------------------------------------------------------- a child in care with nothing else said


@pytest.mark.parametrize("p", _calls("care_only"), ids=lambda p: p["q"])
def test_a_child_in_care_with_nothing_else_said_offers_no_row(p):
    assert default_index().says_child_in_care(p["q"])
    assert _ids(p) == []


@pytest.mark.parametrize("p", _calls("care_and_concern"), ids=lambda p: p["q"])
def test_a_child_in_care_with_a_concern_finds_its_row(p):  # held before
    assert set(p["top3"]) & set(_ids(p)), _ids(p)


# ---------------------------------------------------------------- the data


def test_the_rows_offered_only_with_their_words_are_declared():
    offered = load_synonyms()["offered_with"]
    # fix24b (review 24 P7, stop 43): p17's forced marriage is offered only with a word of marriage ("made to sleep in
    # the bath" read "made to" as forced), declared in the synonyms file's `offered_with` and docs/adviser.md Search24b
    # Search51q (review 32 Q2, stop 51): p11's disabled child's needs met is offered only with a word of a disability
    # ("doing great", "fine" beside a concern preselected it), declared there and in docs/adviser.md Search51q
    # fix34b (review 33 Q4, stop 52): p17's unaccompanied asylum seeker is offered only with a word of asylum, a child
    # alone or from abroad ("she arrived at nursery with a burn" preselected it), declared there and in Search52b
    uasc = "protection.unaccompanied_asylum_seeker"
    assert set(offered) == {ADULTS_WHO_POSE_RISK, PREGNANT_CARE_LEAVERS, "protection.forced_marriage_under_18", "universal.child_disabilities_all_needs", uasc}
    assert {"asylum", "refugee", "unaccompanied"} <= set(offered[uasc]) and not {"arrived", "arrive", "arrives"} & set(offered[uasc])
    assert {"marriage", "married", "marry"} <= set(offered["protection.forced_marriage_under_18"])
    disability = set(offered["universal.child_disabilities_all_needs"])
    assert {"disabled", "autism", "deaf", "wheelchair"} <= disability and not {"fine", "great", "well", "help"} & disability
    assert not {"prison", "jail", "inside"} & set(offered[ADULTS_WHO_POSE_RISK])  # a parent's prison is not the risk


@pytest.mark.parametrize(
    "bad",
    [
        {"offered_with": ["immediate.adults_who_pose_risk"]},
        {"offered_with": {"immediate.no_such_row": ["known"]}},
        {"offered_with": {ADULTS_WHO_POSE_RISK: "known"}},
        {"looked_after": {"phrases": ["in care"], "filler": "last"}},
    ],
)
def test_malformed_search15_data_is_refused(bad):
    with pytest.raises(SearchDataError):
        SearchIndex(load_catalogue(), {**load_synonyms(), **bad})

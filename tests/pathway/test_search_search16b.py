"""The call screen search's leftovers from reviews 11, 12 and 15 (search16b), tested by class.

Oracles: the document's rows, written here by hand:
- the child's own disability rows (p11 "Child with disabilities and all needs are met by universal support", p13 "...
  whose needs are not met by universal support", p15 "Substantial and life long disability needing ... short breaks",
  p17 "Substantial, life long disability ... with safeguarding concerns", "Unable to make positive choices for self")
  are the child's; a carer's disability is the carers' row (p13-14, p15-16);
- p17's "Young carer has significant responsibilities that result in neglect" needs the neglect; the young-carer
  rows at p13-14 and p15-16 do not;
- p7: a refusal of early help is a judgement the consent answer asks, not p17's "Family refuses appropriate
  services" or "Parents/Carers do not accept concerns ... extensive support offered";
- p9: "Left 'home alone' and their age and vulnerability places them at risk": age AND vulnerability;
- a row describes a concern present (p13-17): "does not drink or take drugs" says none; a child looked after now
  has no row of its own (search14b);
- p9 said of THIS child leads or stays in the first three (safety first).
"Offered" is review 12's runner's word: among the first three (`docs/review12-rules-cases.py`, check_search).
Each test of a moved row was seen failing on main (bc9420b) for at least one of its calls, except where a comment
says it held before."""

from __future__ import annotations

import pytest

from pathway.catalogue import load_catalogue
from pathway.search import KEPT_PLACES, SearchDataError, SearchIndex, default_index, load_synonyms
from pathway.search_model import example_calls
from tests.pathway.p9_sight import p9_calls_lost

CAT = load_catalogue()
SYNONYMS = load_synonyms()

CHILDS_DISABILITY = {
    "universal.child_disabilities_all_needs",
    "additional.child_disabilities_whose_needs",
    "extensive.substantial_lifelong_disability_short_breaks",
    "protection.substantial_lifelong_disability_safeguarding",
    "protection.unable_make_positive_choices",
    "additional.additional_learning_needs",
    "protection.severe_significant_developmental_delay",
}
DISABLED_CHILD_CARED_FOR = {"extensive.providing_substantial_care_child", "additional.carer_not_getting_break"}  # the disabled person is the child
YOUNG_CARER_NEGLECT = "protection.young_carer_significant_responsibilities"
REFUSAL_ROWS = {"protection.family_refuses_appropriate_services", "protection.parents_carers_do_not"}
HOME_ALONE = "immediate.home_alone_at_risk"
SUBSTANCE = {"additional.substance_misuse_impact_ability", "extensive.mental_physical_health_problems", "protection.chronic_substance_misuse"}


def _ids(q: str, age: int | None, limit: int = KEPT_PLACES, index: SearchIndex | None = None) -> list[str]:
    return [h.id for h in (index or default_index()).search(q, age_in_months=age, limit=limit)]


# ---------------------------------------------------------------- a carer's disability (review 15 L1's rest)

CARERS = ["his dad", "her mum", "stepdad", "mum's partner", "nan", "the grandad he lives with", "her foster mum"]
DISABILITIES = ["is blind", "has a learning disability", "has autism", "is deaf", "has cerebral palsy", "is disabled", "is autistic"]


@pytest.mark.parametrize("carer", CARERS)
@pytest.mark.parametrize("said", DISABILITIES)
def test_a_carers_disability_offers_no_childs_disability_row(carer, said):
    found = _ids(f"{carer} {said}", age=100, limit=10)
    others = [i for i in found if i not in CHILDS_DISABILITY | DISABLED_CHILD_CARED_FOR]
    # none among the first three, unless fewer than three other rows were found at all (then below all of them)
    assert found[: min(KEPT_PLACES, len(others))] == others[:KEPT_PLACES], found


@pytest.mark.parametrize("said", DISABILITIES)
@pytest.mark.parametrize("child", ["he", "the boy", "her daughter"])
def test_the_childs_own_disability_keeps_a_disability_row_in_sight(said, child):  # held before
    assert set(_ids(f"{child} {said}", age=100)) & CHILDS_DISABILITY


@pytest.mark.parametrize("q", ["dad is deaf and the boy is autistic", "mum is blind and her son has cerebral palsy", "nan looks after her blind baby girl"])
def test_a_childs_disability_said_beside_a_carers_is_the_childs(q):  # held before
    found = _ids(q, age=8 if "baby" in q else 100)
    assert found[0] in CHILDS_DISABILITY, found  # "nan looks after her blind baby girl": the baby's, not "Young carers"


def test_the_moved_rows_stay_in_the_list_below_the_first_three():
    found = _ids("stepdad has a learning disability", age=84, limit=10)
    assert "protection.substantial_lifelong_disability_safeguarding" in found[KEPT_PLACES:], found


# ---------------------------------------------------------------- a Protection row whose core is unsaid (L2, L3)


@pytest.mark.parametrize("q", ["young carer", "young carers", "she is a young carer for her mum", "he is a young carer and misses school"])
def test_young_carer_words_without_neglect_do_not_offer_the_neglect_row(q):
    assert YOUNG_CARER_NEGLECT not in _ids(q, age=132)


@pytest.mark.parametrize("q", ["young carer not eating and neglected", "young carer so busy caring she goes hungry", "young carer, her own needs neglected"])
def test_a_neglected_young_carer_keeps_the_neglect_row_in_sight(q):  # held before
    assert YOUNG_CARER_NEGLECT in _ids(q, age=140)


@pytest.mark.parametrize(
    "q",
    [
        "parents will not consent to early help",
        "family refused early help",
        "parents refused to sign the consent for early help",
        "mum won't consent to a CAF",
    ],
)
def test_a_refusal_of_early_help_offers_no_refusal_row(q):
    assert not set(_ids(q, age=96)) & REFUSAL_ROWS


@pytest.mark.parametrize(
    "q", ["parents refuse all services offered", "parents refuse to engage with the child protection plan", "mum refuses to let the worker visit"]
)
def test_a_refusal_of_services_or_a_plan_keeps_a_refusal_row_in_sight(q):  # held before
    assert set(_ids(q, age=96)) & REFUSAL_ROWS


# ---------------------------------------------------------------- p9's home alone at 16 or more (review 11 H3)


@pytest.mark.parametrize(
    "q, age",
    [
        ("leaves her 17 year old at home when she works nights", 204),
        ("mum leaves the 16 year old alone all night", 192),
        ("he is 17 and is home alone while his parents are on holiday", 210),
        ("the 16 year old is left on his own in the evenings", 200),
    ],
)
def test_a_young_person_of_16_or_more_left_alone_with_no_vulnerability_does_not_lead_with_home_alone(q, age):
    found = _ids(q, age=age)
    assert found[0] != HOME_ALONE, found
    assert HOME_ALONE in found, found  # still in sight (safety first)


@pytest.mark.parametrize(
    "q, age",
    [
        ("she is 16 but has severe learning difficulties and was left home alone all week", 196),
        ("17 year old who self harms is left on his own all weekend", 206),
        ("her 16 year old with autism is left home alone while mum works nights", 192),
        ("the 17 year old is left home alone for days with no food", 204),
    ],
)
def test_a_vulnerable_young_person_left_alone_leads_with_home_alone(q, age):  # held before
    assert _ids(q, age=age)[0] == HOME_ALONE


@pytest.mark.parametrize("age", [72, 144, 185])
def test_under_16_nothing_changes(age):  # held before: a younger child's age may itself be the risk
    assert _ids("leaves her child at home alone when she works nights", age=age)[0] == HOME_ALONE


def test_the_age_core_is_declared_and_checked():
    text = (load_synonyms.__globals__["SYNONYMS_FILE"]).read_text(encoding="utf-8")
    assert "review 11 H3" in text and "core_from_age" in text and "this tool's reading" in text
    for bad in ({"age": "16", "words": ["x"]}, {"age": 16}, {"age": 16, "words": ["x"], "more": 1}):
        with pytest.raises(SearchDataError):
            SearchIndex(CAT, {**SYNONYMS, "core_from_age": {HOME_ALONE: bad}})
    with pytest.raises(SearchDataError):  # an immediate criterion only
        SearchIndex(CAT, {**SYNONYMS, "core_from_age": {"extensive.young_carers": {"age": 16, "words": ["x"]}}})


# ---------------------------------------------------------------- denials listed with "or", and no concern said


@pytest.mark.parametrize("q", ["mum does not drink or take drugs", "dad doesn't drink or use drugs", "mum has never drunk or taken drugs"])
def test_a_denial_reaches_past_or(q):
    assert _ids(q, age=70)[0] not in SUBSTANCE | {"additional.uses_substances"}


@pytest.mark.parametrize("q", ["mum does not drink but she takes drugs", "mum does not drink and takes drugs every day"])
def test_a_concern_said_after_but_or_and_is_still_said(q):  # held before
    assert set(_ids(q, age=70)) & SUBSTANCE


@pytest.mark.parametrize("q", ["he is in foster care, no concerns", "she is in foster care, no other concerns", "he is in care, no worries"])
def test_a_child_in_care_with_no_concern_said_offers_no_row(q):
    assert _ids(q, age=96) == []


@pytest.mark.parametrize("q", ["dad's other children are in care", "her other son is in foster care"])
def test_another_childs_care_keeps_its_words(q):  # held before
    assert "protection.child_children_previously_removed" in _ids(q, age=96, limit=5)


def test_no_labelled_p9_call_loses_its_p9_row_to_the_age_core():
    without = SearchIndex(CAT, {k: v for k, v in SYNONYMS.items() if k != "core_from_age"}, example_calls())
    assert p9_calls_lost(default_index(), without) == []

"""Review 19's search findings N4 and N9 (fix19c): an adult named by a role in the child's services is not the child,
and a practitioner's shorthand for the child's own acts, disclosed, is no disclosure of abuse.

Oracles: the document's rows, written here by hand; the calls below were written by fix19c from the brief and the
document before the search was run on them (never training data, none copied from review 19's cases):
- the tables' rows (p11-17) are "the level of need a child and his/her family may be experiencing" (p11): a
  childminder's, a keyworker's or a health visitor's own illness, drinking or homelessness is no row of the child's
  unless the adult poses a risk to the child (p9), and an adult who harms keeps p9's rows;
- p15 "Behaviour puts own life at risk - self harming / suicide attempts" and p17 "Endangers own life through self
  harm, substance misuse, eating disorders" are the child's own acts; p9's "Allegations or disclosures of abuse" is
  abuse disclosed, which a disclosure of self-harm is not, and a disclosure of abuse beside it is."""

from __future__ import annotations

import pytest

from pathway.catalogue import load_catalogue
from pathway.search import KEPT_PLACES, SearchDataError, SearchIndex, default_index, load_synonyms
from pathway.search_model import example_calls
from tests.pathway.p9_sight import p9_calls_lost

CAT = load_catalogue()
SYNONYMS = load_synonyms()
MINE = ("service_roles", "disclosed_own_acts")
# the search before fix19c: without its two readings and its shorthand
WITHOUT = SearchIndex(
    CAT,
    {
        **{k: v for k, v in SYNONYMS.items() if k not in MINE},
        "words": {k: v for k, v in SYNONYMS["words"].items() if k not in ("sh", "dsh", "sib", "nssi", "si")},
    },
    example_calls(),
)

MENTAL = {"additional.mental_health_concerns_about", "extensive.significant_mental_health_needs", "protection.acute_mental_physical_health"}
SUBSTANCE = {"additional.uses_substances", "extensive.persistent_problematic_involvement_alcohol", "protection.endangers_life_through_self"}
SUBSTANCE_CARERS = {"protection.chronic_substance_misuse", "additional.substance_misuse_impact_ability"}
CARERS_HEALTH = {"additional.mental_physical_health_needs", "extensive.mental_physical_health_problems"}
ILLNESS = {
    "extensive.life_threatening_conditions",
    "protection.severe_chronic_health_problems",
    "extensive.chronic_recurring_health_problems",
    "protection.acute_mental_physical_health",
}
HOMELESS = {"extensive.family_child_homeless", "protection.no_fixed_abode_homeless"}
SELF_HARM = {"extensive.behaviour_puts_life_risk", "protection.endangers_life_through_self"}
DISCLOSURE = "immediate.allegation_or_disclosure"
P9_HARM = {DISCLOSURE, "immediate.significant_harm", "immediate.unexplained_injuries", "immediate.adults_who_pose_risk"}


def _ids(q: str, age: int | None, limit: int = KEPT_PLACES, index: SearchIndex | None = None) -> list[str]:
    return [h.id for h in (index or default_index()).search(q, age_in_months=age, limit=limit)]


# ---------------------------------------------------------------- N4: an adult named by a role

ROLES = ["the childminder", "her keyworker", "the nursery worker", "his family support worker", "the health visitor", "his caseworker", "the playgroup leader"]
CONDITIONS = [
    ("is depressed", MENTAL),
    ("has a drink problem", SUBSTANCE | SUBSTANCE_CARERS),
    ("has been diagnosed with cancer", ILLNESS),
    ("is homeless", HOMELESS),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("said, rows", CONDITIONS, ids=[c[0] for c in CONDITIONS])
def test_an_adult_named_by_a_role_is_not_the_child(role, said, rows):
    found = _ids(f"{role} {said}", 40)
    assert found and found[0] not in rows, found


KEPT = [  # a professional reporting the child's (or a carer's) concern, and an adult who harms: the row first
    ("the childminder says he is self harming", 150, SELF_HARM),
    ("her keyworker says she is depressed", 160, MENTAL),
    ("the health visitor says the family are homeless", 6, HOMELESS),
    ("the nursery worker is worried mum drinks every day", 30, SUBSTANCE_CARERS),
    ("the childminder hit him across the face", 30, P9_HARM),
    # a carer who works in a role is still a carer: her own rows are the carers' rows
    ("mum is a care worker and is depressed", 40, CARERS_HEALTH | {"immediate.significant_harm"}),
]


@pytest.mark.parametrize("q, age, rows", KEPT, ids=[c[0] for c in KEPT])
def test_a_role_reporting_or_harming_and_a_carer_keep_their_rows(q, age, rows):
    found = _ids(q, age)
    assert found and found[0] in rows, found


def test_the_guard_another_p9_row_found_keeps_the_disclosure_first():
    # any other p9 criterion found by a word beyond the verbs and the acts keeps p9's disclosure row first, even
    # where that word is a service's (CAMHS finds p9's domestic-violence line through its "mental health issues"):
    # the guard errs to the safe side
    found = _ids("the yp disclosed DSH to CAMHS", 170)
    assert found[0] == DISCLOSURE and set(found) & SELF_HARM, found


def test_an_adult_who_harms_keeps_p9_in_sight():
    found = _ids("the nursery worker has been touching the children", 36)
    assert any(CAT.indicator(i).immediate for i in found), found


def test_the_roles_that_read_and_the_words_that_do_not():
    index = default_index()
    assert all(index._role_word(w) for w in ("childminder", "keyworker", "caseworker", "workers", "coaches", "visitor", "nurse"))
    assert not any(index._role_word(w) for w in ("reminder", "mum", "carer", "mother", "nursery"))
    # a reminder is no person: the call is read as before
    q = "a reminder that she is self harming again"
    assert _ids(q, 160) == _ids(q, 160, index=WITHOUT)


# ---------------------------------------------------------------- N9: shorthand and "disclosed"

OWN_ACTS = [  # the child's own act, said in shorthand and disclosed: the child's row first, p9's disclosure not first
    ("the yp disclosed DSH yesterday", 170),
    ("he disclosed SI at school today", 180),
    ("she has disclosed that she took an OD last night", 165),
    ("young person disclosed SH and suicidal thoughts to her mentor", 155),
]


@pytest.mark.parametrize("q, age", OWN_ACTS, ids=[c[0] for c in OWN_ACTS])
def test_a_disclosure_of_the_childs_own_act_leads_with_it(q, age):
    found = _ids(q, age)
    assert found and found[0] in SELF_HARM, found
    assert DISCLOSURE in found  # still in the first three: a p9 row is moved down, never out of sight


@pytest.mark.parametrize("q, age", [("yp reports SH and SI", 170), ("NSSI, cutting her arms", 160), ("SH daily and SI most nights", 170)])
def test_shorthand_alone_finds_the_childs_own_rows(q, age):
    assert set(_ids(q, age)) & SELF_HARM, _ids(q, age)


ABUSE_DISCLOSED = [  # abuse or harm disclosed, with or without the child's own act: p9 first
    ("she disclosed that her stepdad hits her", 150),
    ("he disclosed sexual abuse by his uncle and has been self harming since", 170),
    ("she disclosed SH and said mum's boyfriend touches her", 160),
    ("he disclosed that he took an OD because his dad beats him", 175),
]


@pytest.mark.parametrize("q, age", ABUSE_DISCLOSED, ids=[c[0] for c in ABUSE_DISCLOSED])
def test_abuse_disclosed_keeps_p9_first(q, age):
    found = _ids(q, age)
    assert found and CAT.indicator(found[0]).immediate, found


# ---------------------------------------------------------------- the data, and the labelled p9 calls


def test_the_readings_are_declared_and_checked():
    text = (__import__("pathlib").Path(__file__).parents[2] / "pathway/data/search_synonyms.yaml").read_text(encoding="utf-8")
    assert "review 19 N4" in text and "review 19 N9" in text and text.count("fix19c; this tool's reading") >= 2
    roles, disclosed = SYNONYMS["service_roles"], SYNONYMS["disclosed_own_acts"]
    for bad in (
        {**roles, "own_rows": ["extensive.no_such_row"]},
        {**roles, "endings": "worker"},
        {**roles, "endings": ["support worker"]},
        {**roles, "modifiers": -1},
        {k: v for k, v in roles.items() if k != "not"},
    ):
        with pytest.raises(SearchDataError):
            SearchIndex(CAT, {**SYNONYMS, "service_roles": bad})
    for bad in (
        {**disclosed, "row": "extensive.behaviour_puts_life_risk"},  # not a p9 criterion
        {**disclosed, "leads": ["extensive.no_such_row"]},
        {**disclosed, "acts": []},
        {**disclosed, "later": []},
    ):
        with pytest.raises(SearchDataError):
            SearchIndex(CAT, {**SYNONYMS, "disclosed_own_acts": bad})


def test_no_labelled_p9_call_loses_first_place_or_sight():
    assert p9_calls_lost(default_index(), WITHOUT) == []

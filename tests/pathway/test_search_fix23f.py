"""A thing not yet so, an ordinary injury from the child's own play, and two named words (fix23f; review 21 N3, N6 and
Search21q's noted inflations; the synonyms file's `not_yet`, `explained_play` and `named_rows` readings
`behaviour_order` and `adult_drug_trade`, this tool's readings, declared there).

Oracles: the document's rows, written here by hand. p9 "Child is at immediate risk or has suffered significant harm"
(and the heading's "likely to suffer"), "Unexplained injuries or injuries where there is an inconsistent explanation
of the injury", "Bruising or injury in a child under 2 (non mobile)"-line, "Left 'home alone' ... 5 years old and
under"; p13 "Pregnant under 17", p15-16 "Pregnant under 16" (need a pregnancy); p15 "At risk of sexual exploitation",
"Children who go missing", "Behaviour puts own life at risk - self harming / suicide attempts"; p17 "Subject to an
injunction ... a criminal behaviour order (CBO) ...", "No educational provision". Calls written for this change, each
reading with a control that keeps the p9 row where it was."""

from __future__ import annotations

import copy

import pytest

from pathway.catalogue import load_catalogue
from pathway.search import KEPT_PLACES, SearchDataError, SearchIndex, default_index, load_synonyms
from pathway.search_model import example_calls
from tests.pathway.synonyms_comment import comment_above

CAT = load_catalogue()
HARM = "immediate.significant_harm"
UNEXPLAINED = "immediate.unexplained_injuries"
UNDER_2 = "immediate.unexplained_bruising_under_2"
PREGNANCY = {"extensive.pregnant_under_16", "additional.pregnant_under_17"}
CSE = "extensive.risk_sexual_exploitation"
DV = {"additional.suspected_domestic_violence", "extensive.suspected_domestic_violence"}
HOME_ALONE = {"immediate.home_alone_5_and_under", "immediate.home_alone_at_risk"}
INJUNCTION = "protection.subject_injunction_prevent_nuisance"


def _ids(q: str, age: int | None, limit: int = KEPT_PLACES, index: SearchIndex | None = None) -> list[str]:
    return [h.id for h in (index or default_index()).search(q, age_in_months=age, limit=limit, finished=True)]


def _p9(ids: list[str]) -> list[str]:
    return [i for i in ids if i.startswith("immediate.")]


# ---------------------------------------------------------------- N3: a thing not yet so


def test_might_get_pregnant_is_no_pregnancy_first_and_no_life_threatening_condition() -> None:
    ids = _ids("she might get pregnant if she keeps seeing him", 168)
    assert ids[0] not in PREGNANCY and ids[0] == CSE, ids
    assert PREGNANCY & set(ids), ids  # the pregnancy row stays in sight, not preselected
    assert "extensive.life_threatening_conditions" not in ids, ids


def test_might_get_pregnant_under_13_keeps_sexual_activity_under_13_in_sight() -> None:
    assert "protection.sexual_activity_under_13" in _ids("she might get pregnant if she keeps seeing him", 144)


def test_may_be_pregnant_is_a_suspicion_of_now_and_keeps_the_pregnancy_row_first() -> None:
    assert _ids("she may be pregnant", 168)[0] in PREGNANCY


def test_may_start_going_missing_leads_with_missing_and_no_protection_need_on_its_words() -> None:
    ids = _ids("worried she may start going missing", 168)
    assert ids[0] == "extensive.children_who_go_missing", ids
    assert "protection.no_educational_provision" not in ids, ids


def test_could_start_self_harming_leads_with_p15_and_p9_is_offered_lower_not_in_the_first_three() -> None:
    ids = _ids("worried he could start self-harming", 168)
    assert ids[0] == "extensive.behaviour_puts_life_risk" and HARM not in ids, ids
    assert HARM in _ids("worried he could start self-harming", 168, limit=12)  # still offered


@pytest.mark.parametrize(
    ("q", "age"),
    [
        ("if you tell anyone I'll hurt you", 120),  # a threat: present harm
        ("he'll kill her if she leaves", 120),
        ("worried mum could hurt the baby", 6),  # p9's "likely to suffer"
        ("worried dad might hit him if he finds out", 120),
        ("if he goes home his stepdad will beat him", 120),
        ("worried he might kill himself", 168),  # lethal: never read as the child's own not-yet harm
        ("he might be being abused", 120),  # a suspicion of now
        ("could start going missing, scared she is being groomed", 168),
    ],
)
def test_harm_by_another_a_threat_or_a_suspicion_of_now_keeps_p9_in_the_first_three(q: str, age: int) -> None:
    before = _p9(_ids(q, age, index=_without("not_yet")))
    assert before, "the control needs a p9 row in the first three"
    assert _p9(_ids(q, age)) == before


# ---------------------------------------------------------------- N6: an ordinary injury from the child's own play


@pytest.mark.parametrize(
    "q",
    ["one small bruise on his knee from falling off his bike", "he fell off his bike and grazed his knee", "grazed her elbow in the playground"],
)
def test_an_injury_from_the_childs_own_play_does_not_put_p9s_injury_lines_or_violence_first(q: str) -> None:
    ids = _ids(q, 96)
    assert UNEXPLAINED not in ids and UNDER_2 not in ids and not DV & set(ids), ids
    if UNEXPLAINED in _ids(q, 96, limit=30, index=_without("explained_play")):
        assert UNEXPLAINED in _ids(q, 96, limit=30)  # offered lower, never removed


@pytest.mark.parametrize(
    ("q", "age", "row"),
    [
        ("baby fell off the sofa and has bruises", 6, UNDER_2),  # not mobile: p9's own line
        ("one small bruise on his knee from falling off his bike", 18, UNEXPLAINED),  # under 2
        ("one small bruise on his knee from falling off his bike", None, UNEXPLAINED),  # no age: not read
        ("he says he walked into a door but has a black eye", 120, UNEXPLAINED),  # no play; severe
        ("covered in bruises from falling off his bike", 96, UNEXPLAINED),  # many
        ("mum says he fell off his bike, bruises on his arms", 96, UNEXPLAINED),  # a carer's account to weigh
        ("bruises from falling off his bike but dad hits him", 96, UNEXPLAINED),  # violence said
    ],
)
def test_an_explanation_that_may_not_fit_keeps_p9s_injury_line_in_the_first_three(q: str, age: int | None, row: str) -> None:
    assert row in _ids(q, age), _ids(q, age)


# ---------------------------------------------------------------- named words: a behaviour order; a carer dealing


def test_on_a_cbo_leads_with_p17s_injunction_row_and_names_no_teenage_parent_or_pregnancy() -> None:
    ids = _ids("on a CBO", 192)
    assert ids[0] == INJUNCTION, ids
    assert not ({"extensive.teenage_parents_with_concerns"} | PREGNANCY) & set(ids), ids


def test_a_teenage_mum_on_a_cbo_keeps_the_teenage_parents_row() -> None:
    assert "extensive.teenage_parents_with_concerns" in _ids("16 year old mum with a baby, she is on a CBO", 192)


def test_a_carer_dealing_with_the_kids_there_names_no_home_alone() -> None:
    q = "the dad deals from the flat and theres people coming and going all night with the kids there"
    ids = _ids(q, 60)
    assert ids[0] == "protection.involved_serious_criminal_acts" and not HOME_ALONE & set(ids), ids


def test_a_carer_dealing_who_leaves_the_kids_alone_keeps_p9_home_alone_first() -> None:
    assert _ids("dad deals drugs and leaves the kids alone in the flat", 60)[0] == "immediate.home_alone_5_and_under"


# ---------------------------------------------------------------- the tables, checked


_WITHOUT: dict[str, SearchIndex] = {}


def _without(key: str) -> SearchIndex:
    """The index without one of this change's tables (the control's oracle: what the call gave before it)."""
    if key not in _WITHOUT:
        synonyms = copy.deepcopy(load_synonyms())
        synonyms.pop(key)
        _WITHOUT[key] = SearchIndex(CAT, synonyms, example_calls())
    return _WITHOUT[key]


@pytest.mark.parametrize(
    ("key", "path", "bad"),
    [
        ("not_yet", "fact_leads", "immediate.significant_harm"),
        ("not_yet", "kept", ["immediate.significant_harm"]),
        ("explained_play", "min_months", 12),
        ("explained_play", "injury_rows", ["extensive.suspected_domestic_violence"]),
    ],
)
def test_the_tables_refuse_what_would_move_p9_rows_by_a_list(key: str, path: str, bad: object) -> None:
    synonyms = copy.deepcopy(load_synonyms())
    synonyms[key][path] = bad
    with pytest.raises(SearchDataError):
        SearchIndex(CAT, synonyms)


@pytest.mark.parametrize("key", ["not_yet", "explained_play"])
def test_each_table_is_declared_as_this_tools_reading_where_it_is(key: str) -> None:
    said = comment_above(key)
    assert "this tool's reading, declared" in said and "fix23f" in said and "review 21" in said

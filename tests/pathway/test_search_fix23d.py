"""Review 23's search findings N3, N4 and N5 (fix23d): a fact denied, a parent's own childhood or crisis, the child's
own violence (the synonyms file's `turned_facts`, SearchIndex._turned_facts_below).

Oracles: the document's rows, written here by hand; the calls below were written by fix23d from the brief and the
document (none copied from review 23's cases, which its runner checks):
- p9's lines are facts said ("Unexplained injuries", "Allegations or disclosures of abuse", "has suffered significant
  harm", "Left 'home alone'"): "he has never been hit", "no one has hurt him", "the baby was not left alone" say the
  opposite; an adult's denial ("mum says he doesn't get hit"), a partial denial ("except ...", "by mum, it's her
  stepdad") or an ended one ("anymore": p9's "has suffered") is no denial of the fact, and a fact said beside a
  denial is said;
- p13-14 "Parent previously looked after by Local Authority", "Mental / physical health needs may affect ability to
  provide basic care" and p15-16 "Mental or physical health problems ... that severely impacts" are the parent's rows;
  p15 "Behaviour puts own life at risk - self harming / suicide attempts", p17 "Endangers own life through self harm"
  and "Acute mental or physical health needs" are the child's; harm done to a parent as a child is not this child's;
- p15 "Violent / aggressive / anti-social behaviour" and "Beyond parental control" are the child's own conduct; p9's
  significant harm and allegation are harm done to the child.
Each reading is tested both ways: the row leaves the first three (and was in them without `turned_facts`: the test
can fail), and a control where the words give the fact keeps it."""

from __future__ import annotations

import copy

import pytest

from pathway.catalogue import load_catalogue
from pathway.search import KEPT_PLACES, SearchDataError, SearchIndex, default_index, load_synonyms
from pathway.search_model import example_calls

CAT = load_catalogue()
SYNONYMS = load_synonyms()
WITHOUT = SearchIndex(CAT, {k: v for k, v in SYNONYMS.items() if k != "turned_facts"}, example_calls())  # before fix23d

HARM = "immediate.significant_harm"
ALLEGATION = "immediate.allegation_or_disclosure"
INJURIES = "immediate.unexplained_injuries"
DV = "immediate.repeated_domestic_violence"
ALONE_5 = "immediate.home_alone_5_and_under"
OWN_LIFE = "extensive.behaviour_puts_life_risk"
VIOLENT = "extensive.violent_aggressive_anti_social"
PARENT_HEALTH = "extensive.mental_physical_health_problems"
P9 = {i.id for i in CAT.indicators if i.immediate}


def _ids(q: str, age: int, index: SearchIndex | None = None, limit: int = KEPT_PLACES) -> list[str]:
    return [h.id for h in (index or default_index()).search(q, age_in_months=age, limit=limit, finished=True)]


@pytest.mark.parametrize(
    "q, age, row",
    [
        ("he has never been hit", 96, DV),  # N3: a denial (its p9 rows were already not first: _denied_first)
        ("he has never been hit", 96, HARM),
        ("no one has hurt him", 96, ALLEGATION),
        ("no one has hurt him", 96, HARM),
        ("the baby was not left alone", 6, ALONE_5),  # first before fix23d
        # the child hurting a brother or sister (the lead at the merge): the sibling may be the child at risk
        ("she hits her little sister", 96, HARM),
        ("she hits her little sister", 96, DV),
    ],
)
def test_a_denial_stops_its_p9_row_leading_and_keeps_it_in_sight(q: str, age: int, row: str) -> None:
    """Review 12 H6 over review 23 N3 (the lead's choice at the merge, declared in the synonyms file's `denied`
    reading, `keeps_p9_in_sight`): a denial may stop a p9 row leading, never put it out of the first three (the
    caller's denial may be wrong; the practitioner chooses). The same for this child hurting a brother or sister
    (`child_hits_sibling`): the sibling may have suffered significant harm, and the call may be about either child."""
    assert row in _ids(q, age, WITHOUT)  # before fix23d: in the first three
    got = _ids(q, age)
    assert got[0] != row
    assert row in got


def test_the_denial_is_what_takes_first_place_from_the_p9_row() -> None:
    assert _ids("the baby was not left alone", 6, WITHOUT)[0] == ALONE_5
    assert _ids("the baby was not left alone", 6)[0] not in P9


@pytest.mark.parametrize(
    "q, age, row",
    [
        ("he was excluded for hitting a teacher", 150, ALLEGATION),
        ("mum tried to kill herself and the kids saw it", 96, OWN_LIFE),  # N4: the parent's act
    ],
)
def test_a_turned_fact_no_longer_brings_the_row_it_turns(q: str, age: int, row: str) -> None:
    assert row in _ids(q, age, WITHOUT)  # before fix23d
    got = _ids(q, age)
    assert row not in got
    assert row in _ids(q, age, limit=10)  # still offered, below the first three


@pytest.mark.parametrize(
    "q, age",
    [
        ("she says nobody touches her but she has a bruise on her arm", 84),  # a fact said beside the denial
        ("mum says he doesn't get hit", 120),  # an adult's denial (search19p's "mum denies ...")
        ("nobody touches her except her stepdad", 84),  # partial
        ("she's not being hit by mum, it's her stepdad", 96),
        ("he's not being hit anymore", 96),  # ended: p9's "has suffered"
        ("there are no bruises but she says dad hit her", 96),
        ("he said his dad hits him", 120),  # the child is hit: no agent reading
        ("he was beaten by his own father", 120),  # no parent as the subject: this child
        ("he took an overdose last night", 180),  # the child's own act
        ("he punched his dad and his dad beat him", 144),  # harm to the child said too
        ("he hits his mum and dad hits him", 144),
        ("dad was arrested for hitting mum", 96),  # an adult's violence: no school's sanction
    ],
)
def test_a_control_keeps_what_the_words_say(q: str, age: int) -> None:
    assert _ids(q, age) == _ids(q, age, WITHOUT)


def test_a_parents_crisis_offers_the_parents_row_never_above_a_p9_row() -> None:
    acute = "protection.acute_mental_physical_health"  # p17, the child's own health
    q = "dad was admitted to a psychiatric unit yesterday"
    assert _ids(q, 108, WITHOUT)[0] == acute  # before fix23d
    got = _ids(q, 108)
    assert acute not in got and PARENT_HEALTH in got
    q = "mum has been admitted to a psychiatric unit and the children are home alone"
    assert _ids(q, 96, WITHOUT)[0] == acute
    assert _ids(q, 96)[:2] == ["immediate.home_alone_at_risk", PARENT_HEALTH]  # p9 still in sight stays above the offer


def test_the_childs_violence_offers_the_childs_own_conduct() -> None:
    q = "she kicked her mum in the stomach"
    assert _ids(q, 168, WITHOUT)[0] in P9  # before fix23d
    got = _ids(q, 168)
    assert got[0] == VIOLENT
    assert not set(got) & {HARM, ALLEGATION}


def test_a_parents_own_childhood_is_not_this_childs_harm() -> None:
    q = "mum was badly beaten as a child"
    assert set(_ids(q, 72, WITHOUT)) & {HARM, DV}  # before fix23d
    assert not set(_ids(q, 72)) & {HARM, DV}
    assert HARM in _ids("mum was badly beaten as a child and now she beats him", 72)  # the control: harm to him


def test_an_unborn_babys_search_is_not_read() -> None:
    q = "mum took an overdose last week"
    got = [h.id for h in default_index().search(q, unborn=True, limit=KEPT_PLACES, finished=True)]
    assert got == [h.id for h in WITHOUT.search(q, unborn=True, limit=KEPT_PLACES, finished=True)]


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda t: t["readings"][0].update(offers=["immediate.significant_harm"]), "no immediate criterion"),
        (lambda t: t["readings"][0].pop("not_after"), "turned_facts must map"),
        (lambda t: t["readings"][0].update(not_before_reach=-1), "whole numbers"),
        (lambda t: t["readings"][0].update(not_after=[3]), "not_before and not_after"),
    ],
)
def test_a_wrong_table_is_refused(change, message) -> None:
    data = copy.deepcopy(SYNONYMS)
    change(data["turned_facts"])
    with pytest.raises(SearchDataError, match=message):
        SearchIndex(CAT, data)


def test_the_childs_violence_to_a_sibling_leads_with_the_childs_own_conduct() -> None:
    got = _ids("she hits her little sister", 96)
    assert got[0] == VIOLENT and HARM in got


def test_an_offer_put_first_keeps_every_p9_row_of_the_first_three_in_them() -> None:
    """H6 (`keeps_p9_in_sight`): the reading's offer taking first place from a turned p9 row never pushes another p9
    row out of the first three (a first version put the offer first and the third row, a p9 row, fourth)."""
    index = default_index()
    ids = [HARM, "universal.physically_well", DV, "additional.suspected_domestic_violence"]
    ranked = [index._row_number[i] for i in ids]
    final = {n: 1.0 - k / 10 for k, n in enumerate(ranked)}
    index._not_first({ranked[0]}, ranked, final, [index._row_number[VIOLENT]])
    top = [index.entries[n].indicator.id for n in ranked[:KEPT_PLACES]]
    assert top[0] == VIOLENT and {HARM, DV} <= set(top)

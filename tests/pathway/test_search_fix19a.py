"""Review 19's search findings N1, N5, N8 (fix19a): who does what to whom.

Oracles: the document's rows, written here by hand; the calls below were written by fix19a from the brief and the
document before the search was run on them (never training data, none copied from review 19's cases):
- p9's first line, "Child is at immediate risk or has suffered significant harm including physical ...", under "a view
  that the child(ren) is suffering or likely to suffer significant harm": harm a carer does to the child, said with a
  hedge or not, is p9's; "Suspected domestic violence" (p14, p16), "Child witnessing and experiencing domestic abuse"
  (p16) and "Persistent domestic abuse" (p17) are violence between adults (the parents' and carers' rows);
- "Victim of crime" (p17) is done to the child; a child who commits a crime is p13's "Involved in criminal activity /
  offending" or p15-16's "Violent / aggressive / anti-social behaviour / involved in criminal activity"; p17's "Causes
  significant harm to other children and young people through violent or sexual offending" is violent or sexual, so
  not a theft."""

from __future__ import annotations

import pytest

from pathway.catalogue import load_catalogue
from pathway.search import KEPT_PLACES, SearchDataError, SearchIndex, default_index, load_synonyms
from pathway.search_model import example_calls
from tests.pathway.p9_sight import p9_calls_lost

CAT = load_catalogue()
SYNONYMS = load_synonyms()
WITHOUT_OFFENDER = SearchIndex(CAT, {k: v for k, v in SYNONYMS.items() if k != "offender"}, example_calls())  # the search before N8's fix
WITHOUT_HARM = SearchIndex(CAT, {k: v for k, v in SYNONYMS.items() if k != "harm_to_child"}, example_calls())  # the search before N1's fix

HARM = "immediate.significant_harm"
BETWEEN_ADULTS = {
    "additional.suspected_domestic_violence",
    "extensive.suspected_domestic_violence",
    "extensive.child_witnessing_experiencing_domestic",
    "protection.persistent_domestic_abuse",
}


def _ids(q: str, age: int | None, limit: int = KEPT_PLACES, index: SearchIndex | None = None) -> list[str]:
    return [h.id for h in (index or default_index()).search(q, age_in_months=age, limit=limit)]


# ---------------------------------------------------------------- N1: harm a carer does to the child, hedged

HEDGED_HARM = [  # (the call, age in months): a carer's act of harm done to the child, with a hedge
    ("i reckon his dad could be kicking the boy", 84),
    ("stepmum may be slapping the little girl", 72),
    ("possibly grandad is punching him", 120),
    ("i am not sure but mum might be hurting the baby", 8),
    ("i think the stepfather may be beating the kids", 100),
    ("maybe her dad is hitting her, i am not certain", 130),
    ("the foster carer might be smacking the 5 year old", 60),
    ("i suspect dad is hitting his son", 110),
    ("nan might be hitting them", 90),
    ("not sure but i think mum's boyfriend may be hitting the boy", 70),
    ("dad is hitting the boy", 96),  # unhedged: the same reading
]


@pytest.mark.parametrize("q, age", HEDGED_HARM, ids=[c[0] for c in HEDGED_HARM])
def test_a_hedged_act_of_harm_to_the_child_leads_with_p9s_harm(q, age):
    found = _ids(q, age)
    assert found[0] == HARM or CAT.indicator(found[0]).immediate, found
    assert found[0] not in BETWEEN_ADULTS, found


def test_the_reading_turns_calls_the_search_got_wrong():
    """Not a test that cannot fail: without the reading, some of the calls above led with violence between adults."""
    before = [q for q, age in HEDGED_HARM if _ids(q, age, index=WITHOUT_HARM)[0] in BETWEEN_ADULTS]
    assert len(before) >= 3, before


BETWEEN = [  # violence between adults, hedged: the adults' rows as before, the reading moves nothing
    ("dad might be hitting mum", 96),
    ("i think her partner may be hitting her", 120),
    ("mum's boyfriend might be slapping her", 60),
    ("i think dad may be punching his girlfriend", 84),
    ("mum says dad might be hurting her", 100),
    ("dad might be hitting her in front of the kids", 72),
    ("i suspect her husband is kicking her", 40),
]


NOT_NOW = [  # denied or ended: the reading moves nothing
    ("dad is not hitting the boy", 96),
    ("dad has never hit the kids", 96),
    ("dad used to hit the boy", 96),
    ("his stepdad stopped hitting him years ago", 130),
]


@pytest.mark.parametrize("q, age", BETWEEN + NOT_NOW, ids=[c[0] for c in BETWEEN + NOT_NOW])
def test_violence_between_adults_or_a_denied_or_ended_act_moves_nothing(q, age):
    assert _ids(q, age, limit=10) == _ids(q, age, limit=10, index=WITHOUT_HARM)


def test_no_labelled_p9_call_loses_its_place_to_harm_to_child():
    assert p9_calls_lost(default_index(), WITHOUT_HARM) == []


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda h: h.pop("partners"), "must map"),
        (lambda h: h.update(acts=[]), "non-empty"),
        (lambda h: h.update(reach=0), "whole numbers"),
        (lambda h: h.update(leads=["immediate.no_such_row"]), "unknown"),
        (lambda h: h.update(leads=["additional.suspected_domestic_violence"]), "immediate criteria"),
    ],
)
def test_a_harm_to_child_table_that_cannot_be_read_is_refused(change, message):
    data = {**SYNONYMS, "harm_to_child": dict(SYNONYMS["harm_to_child"])}
    change(data["harm_to_child"])
    with pytest.raises(SearchDataError, match=message):
        SearchIndex(CAT, data, example_calls())


# ---------------------------------------------------------------- N8: the child as the offender

VICTIM = "protection.victim_crime"
VIOLENT_OFFENDING = "protection.causes_significant_harm_other"
OFFENDING = {"additional.involved_criminal_activity_offending", "extensive.violent_aggressive_anti_social", VIOLENT_OFFENDING}

OFFENDER = [  # (the call, age in months, a theft: neither violent nor sexual)
    ("she robbed a girl at the park", 168, False),
    ("he has mugged someone for their trainers", 180, False),
    ("my son assaulted another pupil", 170, False),
    ("her son allegedly stabbed a lad in town", 190, False),
    ("the 15 year old attacked two boys", 180, False),
    ("he nicked a phone off a kid at school", 156, True),
    ("she stole money from a classmate", 150, True),
    ("he burgled a neighbour's house", 190, True),
]


@pytest.mark.parametrize("q, age, theft", OFFENDER, ids=[c[0] for c in OFFENDER])
def test_the_child_who_commits_a_crime_is_not_its_victim(q, age, theft):
    found = _ids(q, age)
    assert found[0] != VICTIM, found
    if theft:
        assert found[0] != VIOLENT_OFFENDING, found
    if _ids(q, age, index=WITHOUT_OFFENDER)[0] in ({VICTIM, VIOLENT_OFFENDING} if theft else {VICTIM}):  # where it moved, an offending row leads
        assert found[0] in OFFENDING, found


def test_the_offender_reading_turns_calls_the_search_got_wrong():
    """Not a test that cannot fail: without the reading, some of the calls above led with "Victim of crime" or, for a
    theft, with violent or sexual offending."""
    before = [q for q, age, theft in OFFENDER if _ids(q, age, index=WITHOUT_OFFENDER)[0] in ({VICTIM, VIOLENT_OFFENDING} if theft else {VICTIM})]
    assert len(before) >= 3, before


VICTIMS = [  # done to the child, said passively, by another, or in a call's shorthand ("was" dropped): moves nothing
    ("he was robbed of his phone", 168),
    ("she got mugged in town", 160),
    ("someone stole his bike", 150),
    ("a gang robbed him", 170),
    ("older boys attacked my son", 140),
    ("15yo assaulted on the bus last night", 180),
    ("he has not robbed anyone", 170),
]


@pytest.mark.parametrize("q, age", VICTIMS, ids=[c[0] for c in VICTIMS])
def test_a_crime_done_to_the_child_moves_nothing(q, age):
    assert _ids(q, age, limit=10) == _ids(q, age, limit=10, index=WITHOUT_OFFENDER)


def test_no_labelled_p9_call_loses_its_place_to_the_offender_reading():
    assert p9_calls_lost(default_index(), WITHOUT_OFFENDER) == []


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda o: o.pop("between"), "must map"),
        (lambda o: o.update(kinds=[{"acts": ["rob"], "not_first": [VICTIM]}]), "must map"),
        (lambda o: o.update(subjects=[]), "non-empty"),
        (lambda o: o.update(reach=True), "whole number"),
        (lambda o: o.update(kinds=[{"acts": ["rob"], "not_first": [VICTIM], "leads": ["protection.no_such_row"]}]), "unknown"),
    ],
)
def test_an_offender_table_that_cannot_be_read_is_refused(change, message):
    data = {**SYNONYMS, "offender": dict(SYNONYMS["offender"])}
    change(data["offender"])
    with pytest.raises(SearchDataError, match=message):
        SearchIndex(CAT, data, example_calls())

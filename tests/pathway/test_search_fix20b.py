"""Review 20's search findings N2 and N3 (fix20b): everyday words for hitting a child; a carer's own drink or drugs.

Oracles: the document's rows, written here by hand; the calls below were written by fix20b from the brief and the
document before the search was run on them (never training data, none copied from review 20's cases):
- p9's first line, "Child is at immediate risk or has suffered significant harm including physical": a carer who
  beats the child, in whatever words ("a good hiding", "a clip round the ear", "takes the belt to him"), is p9's;
  the document names no lesser row for it. Violence between adults is p9's repeated-domestic-violence line or the
  adults' rows (p14-17), read as before.
- A parent's or carer's own substance use is in "Basic Care and Protection" and "Family History and Functioning":
  "Substance misuse may impact on ability to provide basic / adequate care" (p14), "... chaotic substance misuse that
  severely impacts on ability to provide appropriate care" (p15-16), "Chronic substance misuse" (p17); the child's
  own are in "Emotional and Behavioural Development" ("Uses substances", p13; "Persistent and problematic involvement
  in alcohol / substance misuse", p15; "Endangers own life through self harm/substance misuse", p17). For a child
  under 1, p9: "Under 1 year old where the parents/carers have significant substance use issues". p9's "repeated
  domestic violence ...; adult mental health issues or substance use issues" needs the violence (search13b's core)."""

from __future__ import annotations

import pytest

from pathway.catalogue import load_catalogue
from pathway.search import KEPT_PLACES, SearchDataError, SearchIndex, _under_1_said, default_index, load_synonyms, normalise
from pathway.search_model import example_calls
from tests.pathway.p9_sight import p9_calls_lost

CAT = load_catalogue()
SYNONYMS = load_synonyms()
WITHOUT_HITTING = SearchIndex(CAT, {k: v for k, v in SYNONYMS.items() if k != "everyday_hitting"}, example_calls())  # before N2's fix
WITHOUT_SUBSTANCE = SearchIndex(CAT, {k: v for k, v in SYNONYMS.items() if k != "carer_substance"}, example_calls())  # before N3's fix

HARM = "immediate.significant_harm"
UNDER_1 = "immediate.substance_use_under_1"
DV = "immediate.repeated_domestic_violence"
CHILDS_OWN = {"additional.uses_substances", "extensive.persistent_problematic_involvement_alcohol", "protection.endangers_life_through_self"}
CARERS = {"additional.substance_misuse_impact_ability", "extensive.mental_physical_health_problems", "protection.chronic_substance_misuse"}


def _ids(q: str, age: int | None, limit: int = KEPT_PLACES, index: SearchIndex | None = None) -> list[str]:
    return [h.id for h in (index or default_index()).search(q, age_in_months=age, limit=limit)]


# ---------------------------------------------------------------- N2: everyday words for hitting

EVERYDAY_HITTING = [  # (the call, age in months): a carer hits the child, in a caller's own words
    ("her stepdad gives her a good hiding when she answers back", 110),
    ("grandad takes the belt to the lad when he is cheeky", 120),
    ("mum's fella leathered him last night", 96),
    ("his dad walloped the boy round the head", 84),
    ("nan uses a wooden spoon on the kids when they play up", 72),
    ("uncle gives the bairn a clip round the ear every time he cries", 48),
    ("auntie clouted him for spilling his drink", 60),
    ("dad gives him a hiding most weekends", 100),
    ("the foster carer whacked the little one with a slipper", 54),
]


@pytest.mark.parametrize("q, age", EVERYDAY_HITTING, ids=[c[0] for c in EVERYDAY_HITTING])
def test_everyday_words_for_hitting_the_child_lead_with_p9(q, age):
    found = _ids(q, age)
    assert found[0] == HARM or CAT.indicator(found[0]).immediate, found
    assert HARM in found, found
    assert CAT.indicator(found[0]).level.name != "UNIVERSAL", found


def test_the_hitting_reading_turns_calls_the_search_got_wrong():
    """Not a test that cannot fail: without the reading, most of the calls above led with no p9 row."""
    before = [q for q, age in EVERYDAY_HITTING if not CAT.indicator(_ids(q, age, index=WITHOUT_HITTING)[0]).immediate]
    assert len(before) >= 4, before


NOT_THE_CHILD_OR_NOT_NOW = [  # between adults, denied or ended, or no child its object: the reading moves nothing
    ("dad gives mum a good hiding when he is drunk", 96),
    ("mum says her partner gives her a good hiding", 96),
    ("dad never gives him a good hiding, he just talks to him", 96),
    ("grandad used to take the belt to him years ago", 150),
    ("mum says she would never smack the kids", 72),
    ("the lad got a good hiding off some older boys in the park", 150),
]


@pytest.mark.parametrize("q, age", NOT_THE_CHILD_OR_NOT_NOW, ids=[c[0] for c in NOT_THE_CHILD_OR_NOT_NOW])
def test_hitting_between_adults_or_denied_or_ended_moves_nothing(q, age):
    assert _ids(q, age, limit=10) == _ids(q, age, limit=10, index=WITHOUT_HITTING)


def test_no_labelled_p9_call_loses_its_place_to_everyday_hitting():
    assert p9_calls_lost(default_index(), WITHOUT_HITTING) == []


# ---------------------------------------------------------------- N3: a carer's own drink or drugs

CARER_USE = [  # (the call, age in months): a carer's own substance use, nothing said of the child's
    ("his mum drinks every night and falls asleep on the sofa", 100),
    ("stepdad is smoking cannabis in the flat all day", 130),
    ("her dad is back on the gear", 140),
    ("mum has been using cocaine at weekends", 90),
    ("their mother takes crack", 70),
]


@pytest.mark.parametrize("q, age", CARER_USE, ids=[c[0] for c in CARER_USE])
def test_a_carers_substance_use_offers_the_carers_rows_not_the_childs(q, age):
    found = _ids(q, age)
    assert not CHILDS_OWN & set(found), found
    assert CARERS & set(found), found
    assert found[0] != DV, found  # no violence said: p9's line is not preselected (it stays in sight, as every p9 row found)


def test_a_carers_use_in_a_word_the_search_does_not_know_offers_no_childs_row():
    """A limit, named in docs/adviser.md (Search20b): "boozing" finds no carer's row by itself, and the reading brings
    p14 in only where the search misread the call (a child's row or p9's violence line in the first three), since
    bringing it in elsewhere took expected rows out of the first three on the labelled calls."""
    found = _ids("nan reckons dad is boozing again", 110)
    assert not CHILDS_OWN & set(found), found
    assert DV not in found, found


def test_the_substance_reading_turns_calls_the_search_got_wrong():
    """Not a test that cannot fail: without the reading, some of the calls above offered the child's own rows."""
    before = [q for q, age in CARER_USE if CHILDS_OWN & set(_ids(q, age, index=WITHOUT_SUBSTANCE))]
    assert len(before) >= 2, before


UNDER_1_IN_WORDS = [  # no age given; an age under 1 in the words and a carer's substance use: p9 first
    "the seven-month-old's dad is smoking heroin",
    "mum of the 10 month old baby is drinking all day",
    "dad is on the gear and the little one is only 4 months",
    "the baby is two weeks old and her mum is using drugs",
]


@pytest.mark.parametrize("q", UNDER_1_IN_WORDS)
def test_an_age_under_1_in_the_words_leads_with_p9s_under_1_line(q):
    assert _ids(q, None)[0] == UNDER_1


def test_an_age_said_in_words_is_read_under_1_only_where_it_is():
    said = ["eleven month old", "9 month old baby", "three weeks old", "a week old", "only 7 month", "the 3mths old", "5 days old"]
    not_said = ["6 months ago", "for 3 weeks", "twelve months old", "2 year old", "14 months old", "53 weeks old", "mum drinks"]
    assert [s for s in said if not _under_1_said(normalise(s).split())] == []
    assert [s for s in not_said if _under_1_said(normalise(s).split())] == []


CHILD_OR_VIOLENCE = [  # the child's own use, or violence said beside a carer's drink: read as before
    ("he drinks every weekend and mum is worried", 180),
    ("mum says she is smoking weed with her mates", 170),
    ("the boy has started drinking and dad smokes cannabis", 170),
    ("dad drinks and hits mum in front of the kids", 96),
]


@pytest.mark.parametrize("q, age", CHILD_OR_VIOLENCE, ids=[c[0] for c in CHILD_OR_VIOLENCE])
def test_the_childs_own_use_or_violence_beside_it_moves_nothing(q, age):
    assert _ids(q, age, limit=10) == _ids(q, age, limit=10, index=WITHOUT_SUBSTANCE)


def test_no_labelled_p9_call_loses_its_place_to_the_substance_reading():
    assert p9_calls_lost(default_index(), WITHOUT_SUBSTANCE) == []


# ---------------------------------------------------------------- both tables refused where they cannot be read


@pytest.mark.parametrize(
    "key, change, message",
    [
        ("everyday_hitting", lambda h: h.pop("children"), "must map"),
        ("everyday_hitting", lambda h: h.update(phrases=[]), "non-empty"),
        ("everyday_hitting", lambda h: h.update(reach=0), "whole numbers"),
        ("everyday_hitting", lambda h: h.update(leads=["immediate.no_such_row"]), "unknown"),
        ("everyday_hitting", lambda h: h.update(leads=["additional.suspected_domestic_violence"]), "immediate criteria"),
        ("carer_substance", lambda h: h.pop("violence"), "must map"),
        ("carer_substance", lambda h: h.update(uses=[]), "non-empty"),
        ("carer_substance", lambda h: h.update(reach=0), "whole number"),
        ("carer_substance", lambda h: h.update(offers=["additional.no_such_row"]), "unknown"),
        ("carer_substance", lambda h: h.update(offers=[UNDER_1]), "no immediate"),
        ("carer_substance", lambda h: h.update(under_1="additional.uses_substances"), "must be immediate"),
    ],
)
def test_a_fix20b_table_that_cannot_be_read_is_refused(key, change, message):
    data = {**SYNONYMS, key: dict(SYNONYMS[key])}
    change(data[key])
    with pytest.raises(SearchDataError, match=message):
        SearchIndex(CAT, data, example_calls())

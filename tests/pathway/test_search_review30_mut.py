"""Review 30's mutation tests (docs/safety/mutation.md "Review 30 (stop 49)"): stop 49's search readings, each test a
gap a surviving mutant showed (named in its comment) or a neighbour of a reading (other words for the same class),
written through `search()` only, so it holds whatever code reads it (scripts/mutate_review30.sh runs each reading's own
tests and these).

Oracles, from what the words say and the document's rows (never from the search's output under a mutant):
- a carer caring for a disabled child of the family, who gets no break or gives care round the clock, is the document's
  p13-14 "Carer is not getting a break from the care of their disabled child" and p15-16 "Providing substantial care to
  a child with substantial and life long disabilities"; no word says the child assessed cares, so no young carer row;
- a child of 5 or under whom nobody has come to collect for days is a child left with no carer: p9's "Left 'home alone'
  and their age and vulnerability places them at risk" ("certainly all children 'home alone' aged 5 years old and
  under"), or p9's significant harm (neglect), in the first three;
- a young child who has swallowed a carer's drug, medicine or a household poison is p9's "Child is at immediate risk or
  has suffered significant harm including physical ... harm or neglect": it leads;
- a concern said after the caller's hedge ("I don't want to make a fuss but") is read as said: p9's rows as without it."""

from __future__ import annotations

import pytest

from pathway.search import KEPT_PLACES, search

HARM = "immediate.significant_harm"
HOME_ALONE = {"immediate.home_alone_5_and_under", "immediate.home_alone_at_risk"}
BREAK = "additional.carer_not_getting_break"
SUBSTANTIAL = "extensive.providing_substantial_care_child"
YOUNG = {"additional.young_carers_child", "additional.young_carers_family", "extensive.young_carers", "protection.young_carer_significant_responsibilities"}


def _ids(q: str, age: int | None = None, *, limit: int = 5) -> list[str]:
    return [h.id for h in search(q, age_in_months=age, limit=limit, finished=True)]


# --- neighbours: the same classes in other words (probed on main 867fed5). Those the readings already read are kept
# here as tests; those they miss are strict xfails, each with its reason (no product code is changed by this review).


@pytest.mark.parametrize(
    ("q", "age"),
    [
        ("mum has not turned up to collect him from nursery for two days", 36),
        ("nobody came to get her from nursery yesterday and mum is not answering", 48),
        ("mum has not been to pick her up from nursery for two days", 36),
        ("nobody has collected her daughter from nursery since friday", 36),
    ],
)
def test_a_young_child_nobody_has_collected_for_days_in_other_words_keeps_p9s_home_alone_row(q: str, age: int) -> None:
    assert (HOME_ALONE | {HARM}) & set(_ids(q, age)[:KEPT_PLACES]), _ids(q, age)


NOT_COLLECTED_MISSED = "review 30 probe (mut31): not_collected misses "


@pytest.mark.parametrize(
    ("q", "age"),
    [
        pytest.param(
            "mum has not been to pick up her son from nursery for two days",
            36,
            marks=pytest.mark.xfail(strict=True, reason=NOT_COLLECTED_MISSED + "'pick up' said before its object ('pick up her son'): no p9 row in three"),
        ),
        pytest.param(
            "mum has not collected her 4 year old from nursery since friday",
            48,
            marks=pytest.mark.xfail(strict=True, reason=NOT_COLLECTED_MISSED + "a child named by age ('her 4 year old'), no word of `objects`: no p9 in three"),
        ),
        pytest.param(
            "mum has not turned up for her 2 year old at the childminder since monday",
            24,
            marks=pytest.mark.xfail(strict=True, reason=NOT_COLLECTED_MISSED + "'turned up for' (no word of `acts`), a child named by age: no p9 in three"),
        ),
    ],
)
def test_a_young_child_nobody_has_collected_for_days_missed_in_other_words(q: str, age: int) -> None:
    """Under-calls found probing not_collected's neighbours (left: no product code changed in a mutation review)."""
    assert (HOME_ALONE | {HARM}) & set(_ids(q, age)[:KEPT_PLACES]), _ids(q, age)


@pytest.mark.parametrize(
    ("q", "age"),
    [
        ("the toddler took an overdose of mums tablets", 24),
        ("the toddler got into mums methadone", 24),
        ("the 2 year old has had some of mums methadone", 24),
        ("toddler ate cannabis sweets that dad left out", 24),
    ],
)
def test_a_toddler_who_swallowed_a_carers_drug_in_other_words_leads_with_significant_harm(q: str, age: int) -> None:
    assert _ids(q, age)[0] == HARM, _ids(q, age)


INGESTED_MISSED = "review 30 probe (mut31): ingested misses "


@pytest.mark.parametrize(
    ("q", "age"),
    [
        pytest.param(
            "the 18 month old overdosed on mums antidepressants",
            18,
            marks=pytest.mark.xfail(strict=True, reason=INGESTED_MISSED + "'overdosed on' (no word of `acts`): no p9 row in three"),
        ),
        pytest.param(
            "the toddler consumed dads drugs",
            24,
            marks=pytest.mark.xfail(strict=True, reason=INGESTED_MISSED + "'consumed' (no word of `acts`): p9 not first"),
        ),
        pytest.param(
            "the toddler was rushed to hospital after taking dads pills",
            24,
            marks=pytest.mark.xfail(strict=True, reason=INGESTED_MISSED + "'taking' (owned_acts has took, taken): no p9 row in three"),
        ),
        pytest.param(
            "the toddler drank dads vodka",
            24,
            marks=pytest.mark.xfail(
                strict=True, reason=INGESTED_MISSED + "a carer's spirits (no alcohol in `substances`; arguable: the document names no drink for p9)"
            ),
        ),
    ],
)
def test_a_toddler_who_swallowed_a_carers_drug_missed_in_other_words(q: str, age: int) -> None:
    """Under-calls found probing ingested's neighbours (left: no product code changed in a mutation review)."""
    assert _ids(q, age)[0] == HARM, _ids(q, age)


@pytest.mark.parametrize(
    ("q", "age"),
    [
        ("I dont want to make a fuss but dad hits him", 96),
        ("this may be nothing however he said his stepdad punched him", 120),
        ("I hope I am wrong but he says dad hits him with a belt", 120),
    ],
)
def test_a_blow_said_after_a_hedge_in_other_words_leads_with_p9(q: str, age: int) -> None:
    assert _ids(q, age)[0].startswith("immediate."), _ids(q, age)


DISABLED_MISSED = "review 30 probe (mut31): disabled_child_carer misses "


@pytest.mark.parametrize(
    ("q", "age"),
    [
        pytest.param(
            "mum is full time carer for his brother who has cerebral palsy and gets no break",
            120,
            marks=pytest.mark.xfail(strict=True, reason=DISABLED_MISSED + "a disability said after the child ('who has cerebral palsy'): young carers first"),
        ),
        pytest.param(
            "mum looks after his sister who uses a wheelchair and has no time to herself",
            120,
            marks=pytest.mark.xfail(strict=True, reason=DISABLED_MISSED + "a disability said after the child ('who uses a wheelchair'): 3 young carer rows"),
        ),
    ],
)
def test_a_carer_of_a_disabled_sibling_said_after_the_child_missed(q: str, age: int) -> None:
    """A carer who cares for the child's sibling, disabled in words said after the sibling, and gets no break: the
    carer's break row in three and no young carer row (no word says the child cares). Left: wrong rows, not p9."""
    top = _ids(q, age)[:KEPT_PLACES]
    assert BREAK in top and not YOUNG & set(top), top


@pytest.mark.parametrize(
    ("q", "age"),
    [
        ("mum cares for his brother who is autistic round the clock and never gets a break", 120),
        ("dad looks after her sister who is blind and gets no respite", 100),
    ],
)
def test_a_carer_of_a_disabled_sibling_said_after_the_child_is_offered_the_break(q: str, age: int) -> None:
    top = _ids(q, age)[:KEPT_PLACES]
    assert BREAK in top and not YOUNG & set(top), top


# --- fix30d's toddler who swallowed (pathway/search_ingest.py, ClauseReadings._ingested_first): gaps


@pytest.mark.parametrize(
    ("q", "age"),
    [
        ("he swallowed some of my methadone", 30),  # _ingested_first 8 (the age given not read: only an age said)
        ("she got hold of my tablets and swallowed some", 30),
        ("I think she swallowed some of my tablets", 30),  # _ingested_first 29 ("she" not a child's word: "I" read as the doer)
        ("I am worried she drank some of my methadone", 30),
    ],
)
def test_a_child_whose_young_age_is_given_not_said_who_swallowed_a_carers_drug_leads_with_significant_harm(q: str, age: int) -> None:
    """The caller gives the child's age (2 and a half) and the words say no age: a young child who swallowed the
    caller's methadone or tablets is p9's significant harm, first."""
    assert _ids(q, age)[0] == HARM, _ids(q, age)


@pytest.mark.parametrize(
    ("q", "age"),
    [
        ("the twins ate their gummies", 24),  # ingested_at 57 ("their" not read as the children's own)
        ("the toddler chewed his teething tablets", 24),  # ingested_at 64 (a word after "his" that is no owner read as a carer's)
        ("the toddler swallowed his antibiotic medicine", 24),
    ],
)
def test_a_young_child_taking_their_own_medicine_or_sweets_is_no_significant_harm(q: str, age: int) -> None:
    """'their gummies', 'his teething tablets', 'his antibiotic medicine' are the children's own: no carer's drug, no
    p9 significant harm in the first three."""
    assert HARM not in _ids(q, age)[:KEPT_PLACES], _ids(q, age)


# --- Search30c's child not collected (pathway/search_collected.py): gaps


@pytest.mark.parametrize(
    ("q", "age"),
    [
        ("the school bus has not picked her up for days", 84),  # not_collected_at 81 (a subject not a carer's read as one)
        ("the school taxi never came to collect him all week", 72),
    ],
)
def test_school_transport_not_collecting_the_child_is_no_child_left_alone(q: str, age: int) -> None:
    """A school bus or taxi that has not come for the child leaves the child at home with the family, not alone: no
    home-alone row in the first three (the not-collected reading reads a carer's or nobody's failure, not a service's)."""
    assert not HOME_ALONE & set(_ids(q, age)[:KEPT_PLACES]), _ids(q, age)


# --- Search30c's care kept from the child (ClauseReadings._kept_from_at): gaps


@pytest.mark.parametrize(
    ("q", "age"),
    [
        ("I am worried because mum hides his inhaler from him", 96),  # _kept_from_at 51 (a clause word before the act read as its end)
        ("when she is angry mum keeps his inhaler from him", 96),
        ("dad keeps his tablets locked away but mum hides his inhaler from him", 96),  # 101 (a first act stored safely stops the search)
    ],
)
def test_a_carer_keeping_the_childs_medicine_from_him_after_another_clause_keeps_significant_harm(q: str, age: int) -> None:
    """A carer hiding or keeping the child's inhaler from him is neglect of his health needs, p9's significant harm
    (fix30c's reading), whatever clause is said before it ('because', 'when she is angry', a safe store): the one
    immediate criterion the words give, it leads."""
    assert _ids(q, age)[0] == HARM, _ids(q, age)


# --- Search30a's blow said by a phrasal verb (search_carers._held_span): gaps


@pytest.mark.parametrize(
    ("q", "age"),
    [
        ("mums boyfriend laid into the lad and went out", 120),  # _held_span 31 (a determiner's noun read only where two words follow)
    ],
)
def test_a_carers_partner_laying_into_the_boy_then_more_said_keeps_significant_harm(q: str, age: int) -> None:
    """'laid into the lad' is a blow to the child (fix30a's phrasal verbs), whatever is said after it ('and went
    out'): p9's significant harm in the first three."""
    assert HARM in _ids(q, age)[:KEPT_PLACES], _ids(q, age)


# --- Search30c's parent's threat told by a professional (CarerReadings._alone_with_child): gaps


def test_a_carer_threatening_suicide_alone_with_them_is_no_child_home_alone_first() -> None:
    """_alone_with_child 11 ("them" after 'home alone with' not read as the children): a parent's own words of ending
    her life, told by the health visitor, with the children in her company, are the parent's (p15-16 "Mental or
    physical health problems ... that severely impacts on ability to provide appropriate care" in three); a carer with
    the children is no child home alone (p9's home-alone row not first)."""
    top = _ids("the health visitor rang, mum told her she wants to end it all and she is home alone with them", 60)[:KEPT_PLACES]
    assert "extensive.mental_physical_health_problems" in top and top[0] not in HOME_ALONE, top


def test_a_carers_partner_holding_the_boy_in_a_headlock_keeps_significant_harm() -> None:
    """_held_span 61 (a hold's word looked for two words after a determiner's noun): 'had the boy in a headlock' is a
    hold of the child (fix30a's `hold_acts`): p9's significant harm in the first three."""
    top = _ids("mums boyfriend had the boy in a headlock", 120)[:KEPT_PLACES]
    assert HARM in top, top

"""Review 29's mutation tests (docs/safety/mutation.md "Review 29 (stop 48)"): stop 48's search readings, each test a
gap a surviving mutant showed (named in its comment) or a neighbour of a reading (other words for the same class),
written through `search()` only, so it holds whatever code reads it (scripts/mutate_review29.sh runs each reading's own
tests and these).

Oracles, from what the words say and the document's rows (never from the search's output under a mutant):
- a child bought, sold, traded or paid for is p9's "Child victims of trafficking" (the document's immediate-referral
  list): it leads; a thing bought or sold, a gift, a payment for the child's things is none;
- an adult's blow to the child in a word that also means drunk ("smashed him in the face", "hammered him") is p9's
  "has suffered significant harm including physical"; a carer drunk ("was smashed") is no blow;
- an adult's age glued to its unit ("a 30yo", "a 30 y/o") says what the age spelt out says: the p9 row the spelt-out call
  leads with leads;
- a child handed over to a nursery, a school, a childminder or a relative is no child home alone (p9's home-alone
  lines need a child left alone); a child left alone, at a door, or with a stranger keeps them;
- review 8 S1: a p9 row word matching alone puts in the first three stays there after the whole search
  (test_search_keep_immediate's index with no learned model and no severity words is the oracle, as in
  test_search_s1_combined)."""

from __future__ import annotations

import pytest

from pathway.search import KEPT_PLACES, search

HARM = "immediate.significant_harm"
TRAFFICKING = "immediate.trafficking_victim"
HOME_ALONE = {"immediate.home_alone_5_and_under", "immediate.home_alone_at_risk"}
EXPLOITED = {TRAFFICKING, "protection.sexual_exploitation", "protection.child_victim_trafficking"}


def _ids(q: str, age: int | None = None, *, limit: int = 5) -> list[str]:
    return [h.id for h in search(q, age_in_months=age, limit=limit, finished=True)]


# --- Search29a: a child bought or sold (pathway/search_sale.py), through search()


@pytest.mark.parametrize(
    ("q", "age"),
    [
        ("for two years a man paid her family for her", 168),  # sale_at 73 (the "for" looked for before the payment too)
        ("for months he has paid her parents for her", 168),
    ],
)
def test_a_payment_for_the_child_after_an_earlier_for_leads_with_trafficking(q: str, age: int) -> None:
    """A man paying the child's family for her is a child bought (p9's trafficking row leads), whatever 'for' is said
    before the payment ('for two years')."""
    assert _ids(q, age)[0] == TRAFFICKING


@pytest.mark.parametrize(
    ("q", "age"),
    [
        ("her nan paid the bus fare for her", 120),  # sale_at 97 (the word before the payment read as its payee)
        ("mum paid the deposit for him", 120),
        ("he paid her dad 100 quid for her bike", 120),  # sale_at 109 (a person then anything after read as the end)
        ("mum paid her sister 50 pounds for her school shoes", 120),
    ],
)
def test_a_payment_for_the_child_s_things_is_no_child_bought(q: str, age: int) -> None:
    """A fare, a deposit, a bike or shoes paid for is no child bought: p9's trafficking row is not in the first three."""
    assert TRAFFICKING not in _ids(q, age)[:KEPT_PLACES]


@pytest.mark.parametrize(
    ("q", "age"),
    [
        ("he bought a 9yo for 500", 108),  # _person_end 19 (a one-figure age glued to "yo" not read), 25 ("14yo" not an age)
        ("they traded a 7yo for drugs", 84),
        ("he bought a 14yo for 500", 168),  # _person_end 25
    ],
)
def test_a_child_named_by_a_glued_age_bought_or_traded_leads_with_trafficking(q: str, age: int) -> None:
    """'a 9yo', 'a 14yo' name a child as 'a 9 year old' does: one bought for money or traded for drugs is p9's trafficking."""
    assert _ids(q, age)[0] == TRAFFICKING


def test_a_child_bought_said_last_leads_with_trafficking() -> None:
    """_gift_at 49 (the word after the person read past the call's end): 'a man bought him' is a child bought (p9's
    trafficking row leads), and the call is answered."""
    assert _ids("a man bought him", 120)[0] == TRAFFICKING


def test_things_bought_by_the_number_are_no_child_bought() -> None:
    """_person_end 25 (a bare number read as an age said whole): 'he bought 2 for a fiver' buys things, no child."""
    assert TRAFFICKING not in _ids("he bought 2 for a fiver", 120)[:KEPT_PLACES]


@pytest.mark.parametrize(("q", "age"), [("he loves the bike we bought him", 120), ("she wore the dress they bought her", 120)])
def test_a_thing_bought_for_the_child_said_last_is_no_child_bought(q: str, age: int) -> None:
    """_of_a_thing 13 (the word after the verb read in place of the thing before it: the call's end reached): a bike
    or a dress bought for the child is a gift; the call is answered and p9's trafficking row is not in the first three."""
    assert TRAFFICKING not in _ids(q, age)[:KEPT_PLACES]


@pytest.mark.parametrize(("q", "age"), [("he brought her a teddy", 96), ("her uncle brought the kids presents", 96)])
def test_a_present_brought_for_the_child_is_no_trafficking(q: str, age: int) -> None:
    """_gift_at 7 ('brought her a teddy': the person after the verb not read), 19 (no owner or determiner passed):
    a teddy or presents brought for the children are gifts; p9's trafficking row is not in the first three."""
    assert TRAFFICKING not in _ids(q, age)[:KEPT_PLACES]


# --- Search29r: a child handed over (search_structures._handover_at, everyday_structures.handover_*), through search()


@pytest.mark.parametrize(
    ("q", "age"),
    [
        ("I dropped him off at school", 72),  # _handover_at 25 ("off" not passed: "dropped" read as a blow)
        ("mum dropped him off at nursery", 36),
        ("dropped him to school this morning", 72),  # _handover_at 37 ("to" not read)
        ("mum dropped her to nursery", 30),
    ],
)
def test_a_child_dropped_off_at_school_or_nursery_gets_no_p9_row(q: str, age: int) -> None:
    """A child dropped (off) at or to school or nursery is handed over: no child home alone, no blow: no p9 row in the
    first three."""
    hits = search(q, age_in_months=age, limit=KEPT_PLACES, finished=True)
    assert not any(h.indicator.immediate for h in hits), [h.id for h in hits]


@pytest.mark.parametrize(
    ("q", "age"),
    [
        ("mum left him alone, his nan found him the next morning", 36),  # _handover_at 29 (any word read as "at/with/to")
        ("he left the baby alone, his mum came round later", 8),
    ],
)
def test_a_child_left_alone_until_a_relative_came_keeps_the_home_alone_rows(q: str, age: int) -> None:
    """A child of three, a baby, left alone (a relative came later) is a child home alone aged 5 and under (p9): a
    relative named after 'alone' is no handover."""
    assert HOME_ALONE & set(_ids(q, age)[:KEPT_PLACES])


# --- Stop 48's S1 moves (_placed_in_sight, _back_in_sight, the calm reading's guard), through search()


def test_the_scores_shown_follow_the_order_after_a_p9_row_is_brought_back() -> None:
    """_placed_in_sight 13 (the row that gave way kept its own, higher score): the screen shows rows best first with
    their scores; a row shown below another never has a higher score. 'disclosed today that mum hits her with the
    hairbrush' (96) is the call whose p9 domestic violence row _harm_by_adult_first's second place brings back."""
    hits = search("disclosed today that mum hits her with the hairbrush", age_in_months=96, limit=8, finished=True)
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True), [(h.id, h.score) for h in hits]
    assert sum(h.indicator.immediate for h in hits[:KEPT_PLACES]) >= 2


def test_a_parent_s_ordinary_drink_puts_no_protection_need_first() -> None:
    """_calm_first 5 (the calm reading's test turned round): 'mum drinks a glass of wine at christmas' is a parent's
    ordinary drinking (the synonyms file's `harmless` calls; _calm_first's own example): neither an immediate criterion
    nor a Protection need is first."""
    hits = search("mum drinks a glass of wine at christmas", age_in_months=120, limit=KEPT_PLACES, finished=True)
    assert hits and not hits[0].indicator.immediate and not hits[0].id.startswith("protection."), [h.id for h in hits]


# stop 48's readings' own everyday clauses (a mother's pregnancy, a handover, a thing sold, a carer drunk, a glued age,
# playing out, a school run) beside test_search_s1_combined's concerns: on 104703f no p9 row word matching alone put in
# the first three leaves them (140 calls probed at 96 and 180 months; these at 96)
STOP_48_CLAUSES = [
    "mum is pregnant again",
    "I left him at nursery at 8",
    "dad sold his car last week",
    "dad got smashed at the weekend",
    "her nan's new partner is 60yo",
    "she plays out with her friends",
    "mum drove them to school",
]


def test_no_stop_48_clause_beside_a_concern_puts_a_p9_row_out_of_the_first_three() -> None:
    """Review 8 S1 under combination, with the clauses stop 48's readings read (the oracle: test_search_keep_immediate's
    index with no learned model and no severity words, as test_search_s1_combined)."""
    import itertools

    from tests.pathway.test_search_keep_immediate import _words_alone
    from tests.pathway.test_search_s1_combined import CONCERNS

    alone = _words_alone()
    lost = []
    for b, q in itertools.product(STOP_48_CLAUSES, CONCERNS):
        for call in (f"{b}, {q}", f"{q} and {b}"):
            kept = [h.id for h in alone.search(call, age_in_months=96, limit=KEPT_PLACES) if h.indicator.immediate]
            whole = [h.id for h in search(call, age_in_months=96, limit=KEPT_PLACES)]
            if set(kept) - set(whole) and not all(w.startswith("immediate.") for w in whole):
                lost.append((call, whole))
    assert not lost, lost


# --- mut29's probes mended at stop 48 (Search29r): `rival` in _harm_by_adult_at


def test_a_carer_hitting_another_man_after_a_fight_is_no_harm_to_the_child() -> None:
    """_harm_by_adult_at 26 (`rival` never true): 'mum's boyfriend and dad had a fight and dad hit him': 'him' is the
    boyfriend, named before (another male carer the pronoun may stand for); the adults' violence is what is said, and
    p9's significant harm does not lead."""
    assert _ids("mum's boyfriend and dad had a fight and dad hit him", 120)[0] != HARM


def test_the_child_s_own_father_named_before_is_no_rival_for_him() -> None:
    """_harm_by_adult_at 36 (a carer after 'his' counted as a rival): 'his dad is in prison and mum's boyfriend hits
    him': the child's own father ('his dad') is not whom 'him' stands for; the boyfriend's blow to the child leads with
    p9's significant harm."""
    assert _ids("his dad is in prison and mum's boyfriend hits him", 120)[0] == HARM


# --- Probing the readings' neighbours (other words for the same class): under-calls found, each a strict xfail with
# what the document says must hold (docs/safety/mutation.md "Review 29 (stop 48)": for the next session, not fixed here)

UNDER_CALL = "under-call found probing {}'s neighbours (review 29's mutation run, main 104703f); not fixed here (no product code): "


@pytest.mark.parametrize(
    ("q", "age", "want"),
    [
        ("dad decked him", 120, {HARM}),  # fix31a: `said_as_meant.struck.words` reads 'decked' as a blow
        ("dad rents her out to his friends", 168, EXPLOITED),  # fix31b mended it: sold_child's rented out and swapped
        ("he swapped her for drugs", 168, {TRAFFICKING}),
    ],
)
def test_a_neighbour_of_a_stop_48_reading_keeps_its_row_in_the_first_three(q: str, age: int, want: set[str]) -> None:
    """A father's blow said 'decked': p9's significant harm; a child 'rented out' to a father's friends or 'swapped' for
    drugs: a row of trafficking or exploitation (p9's trafficking for a child exchanged for drugs, as 'sold her for
    drugs' leads with)."""
    assert want & set(_ids(q, age)[:KEPT_PLACES])


def test_a_carer_driving_the_children_after_drinking_leads_with_a_p9_row() -> None:
    """A carer driving the children home after six pints puts them at immediate risk, as 'drove the kids home drunk' does
    (fix29d's own calls: a p9 row first)."""
    ids = _ids("dad drove the kids home after six pints", 72)
    assert ids[0].startswith("immediate."), ids

"""Review 28's mutation tests (docs/safety/mutation.md "Review 28 (stop 47)"): stop 47's search readings, each test a
gap a surviving mutant showed (named in its docstring or comment), written through `search()` only, so it holds
whatever code reads it (scripts/mutate_review28.sh runs each reading's own tests and these).

Oracles, from what the words say and the document's rows (never from the search's output under a mutant):
- a carer gripping the child's neck or lashing out at the child is p9's "has suffered significant harm including
  physical" (Search28d, Search28e); said after a suspected domestic violence between the adults it still leads, as a
  carer's blow to the child does (fix19a's reading); a grip on a hand, a scarf round a neck, a carer lashing out at
  another adult or hitting a wall is no act on the child, nor is one denied or long past: that row does not lead; nor does an adult's kick at his own
  door or a blow to his friend, nor a partner's conviction for hitting children (p9's "contact with adults who pose a
  risk" is what is said: the children harmed are others, in the past);
- a carer withholding the child's insulin or inhaler is p9's significant harm (neglect, Search28b): beside another p9 row
  said (unexplained bruises, a child of five home alone) both are in the first three, the one said first first; a
  carer refusing a baby (an age said in words) the doctor brings it into the first three, resting on the refusal's words;
- children telling of a carer's drinking say no act of harm, nor does a father stopping his own medicine: that row
  does not lead; a young carer row is not given at an age the catalogue does not admit it;
- whatever a reading offers, the search's whole list is rows of the catalogue, each once (a reading that offered
  nothing, or an empty place, would show there);
- a secret an adult told the child to keep is p9's disclosure row (Search28a): beside a p9 row said first (unexplained
  bruises, a child of four home alone) that row keeps first place and the disclosure row is in the first three."""

from __future__ import annotations

from functools import cache

import pytest

from pathway.catalogue import load_catalogue
from pathway.search import search

HARM = "immediate.significant_harm"
DISCLOSURE = "immediate.allegation_or_disclosure"


def _ids(q: str, age: int | None = None, *, unborn: bool = False, limit: int = 5) -> list[str]:
    return [h.id for h in search(q, age_in_months=age, unborn=unborn, limit=limit, finished=True)]


@cache
def _rows() -> frozenset[str]:
    return frozenset(i.id for i in load_catalogue().indicators)


def _whole_list_is_rows(q: str, age: int | None) -> list[str]:
    """The call's whole list (every row the search ranks): catalogue rows, each once."""
    ids = _ids(q, age, limit=len(_rows()) + 10)
    assert len(ids) == len(set(ids)) and set(ids) <= _rows(), ids
    return ids


# --- Search28d, Search28e: the neck and lashing out read by _harm_to_child_at (the first harm reading, reached only
# where a suspected domestic violence between the adults is first): "grandad says" names a second man, so the
# household reading (_harm_by_adult_at) leaves "his" to him and only the first reading finds the child.


@pytest.mark.parametrize(
    "q",
    [
        "suspected domestic violence, grandad says dad squeezes his neck",  # _harm_to_child_at 17-28 (span), 80-88 ("his" neck)
        "suspected domestic violence and grandad says dad lashes out at him",  # _harm_to_child_at 17-28 (out_acts span)
    ],
)
def test_a_carer_s_grip_or_lashing_out_after_suspected_violence_leads_with_harm(q: str) -> None:
    assert _ids(q, 120)[0] == HARM


@pytest.mark.parametrize(
    "q",
    [
        "suspected domestic violence, grandad says dad squeezes his hand",
        "suspected domestic violence, grandad says dad put a scarf round his neck",
        "suspected domestic violence and grandad says dad lashes out at mum",
        "suspected domestic violence and grandad says dad hits the wall",  # _harm_to_child_at 80 ("or": any object)
        "suspected domestic violence and grandad says dad doesn't squeeze his neck any more",  # 26 (an act ended read)
        "suspected domestic violence, grandad says dad used to squeeze his neck years ago",  # 26 (an act long past)
    ],
)
def test_no_act_on_the_child_after_suspected_violence_does_not_lead_with_harm(q: str) -> None:
    assert _ids(q, 120)[0] != HARM


# --- Search28b: a carer withholding the child's care (_care_withheld_first) where a p9 row is first already


@pytest.mark.parametrize(
    ("q", "age"),
    [
        ("dad won't give him his insulin and he has unexplained bruises", 96),  # _care_withheld_first 49 (TypeError)
        ("he was left home alone and mum won't give him his inhaler", 60),
    ],
)
def test_care_withheld_beside_another_p9_row_keeps_both_in_the_first_three(q: str, age: int) -> None:
    """The p9 row first stays first and p9's significant harm (neglect) comes into the first three (Search28b)."""
    ids = _ids(q, age)
    assert ids[0].startswith("immediate.") and HARM in ids[:3]


def test_a_baby_s_age_said_in_words_brings_harm_into_sight_where_a_carer_refuses_the_doctor() -> None:
    """A baby of six months (said, no age entered) whose mother refuses her a doctor: p9's significant harm comes into
    the first three (Search28b, Review 27 Q9's probe: under 12 months), resting on the refusal's words so the adviser
    sees why (_care_withheld_first 97: the age said not read, AttributeError; 121: the words given to no row)."""
    hits = search("the baby is 6 months old and mum refuses to take her to the doctor", limit=5, finished=True)
    harm = next(h for h in hits[:3] if h.id == HARM)
    assert "refuses to take" in harm.matched


@pytest.mark.parametrize("q", ["dad has stopped taking his medication", "dad stopped taking his own tablets"])
def test_a_carer_stopping_his_own_medicine_is_no_care_withheld_from_the_child(q: str) -> None:
    """The medicine is the father's own: no care withheld from the child, p9's significant harm does not lead (the loader
    _care_withheld 55: `care_withheld.own` read as no words)."""
    assert _ids(q, 96)[0] != HARM


@pytest.mark.parametrize(("q", "age"), [("she has to wash and dress her dad", 40), ("he does his mum's insulin injections", 30)])
def test_a_young_carer_row_the_age_does_not_admit_is_not_offered(q: str, age: int) -> None:
    """The young carers rows (p15-16, p17) are not given for a child of three: the catalogue's ages do not admit them
    (_personal_care_first 19: a row admitted or not hidden, in place of both)."""
    rows = {i.id: i for i in load_catalogue().indicators}
    assert not any(load_catalogue().admits(rows[r], False, age) for r in ("extensive.young_carers", "protection.young_carer_significant_responsibilities"))
    assert not {"extensive.young_carers", "protection.young_carer_significant_responsibilities"} & set(_ids(q, age, limit=20))


# --- Search28a: a carer's threat with a child taken (_takes_child_with_first)


@pytest.mark.parametrize(
    ("q", "age"),
    [
        ("dad said he'd gas us all", 72),  # _takes_child_with_first 15 (an empty place offered)
        ("mum said she'd jump with the baby", 5),
    ],
)
def test_a_threat_with_the_child_taken_offers_catalogue_rows_only(q: str, age: int) -> None:
    ids = _whole_list_is_rows(q, age)
    assert ids[0] == HARM


# --- Search28a: a secret an adult told the child to keep (_told_secret_first)


def test_a_secret_offers_catalogue_rows_only() -> None:
    """_told_secret_first 19 (an empty place offered, TypeError in the whole list)."""
    assert _whole_list_is_rows("her uncle said never tell anyone", 120)[0] == DISCLOSURE


@pytest.mark.parametrize(
    ("q", "age", "first"),
    [
        ("her uncle said never tell anyone and she has unexplained bruises", 120, "immediate.unexplained_injuries"),
        ("she was left home alone and her uncle said it's their secret", 48, "immediate.home_alone_5_and_under"),
    ],
)
def test_a_secret_beside_a_p9_row_said_first_comes_second(q: str, age: int, first: str) -> None:
    """Where a p9 row is first the secret's disclosure row comes into the first three, the p9 row keeps first place
    (Search28a's reading as declared; _told_secret_first 16: the disclosure row put first over any row)."""
    ids = _ids(q, age)
    assert ids[0] == first and DISCLOSURE in ids[:3]


# --- Search28d: the neck's owner "his" (_harm_by_adult_at), and the words before the act the household reading skips


@pytest.mark.parametrize(
    "q",
    [
        "the lodger kicks his door in when he's drunk",  # _harm_by_adult_at 164 ("his" alone read as the child)
        "dad hit his friend in a fight last week",  # 164
    ],
)
def test_an_adult_s_blow_to_his_own_things_or_friends_is_no_harm_to_the_child(q: str) -> None:
    assert _ids(q, 120)[0] != HARM


def test_a_carer_s_partner_slapping_her_little_boy_leads_with_harm() -> None:
    """The child named three words after the blow ("her little boy") is its object (_object_span 55: the reach after a
    blow cut by two words, so the household reading missed him and the adults' violence led)."""
    assert _ids("mum's boyfriend slaps her little boy", 60)[0] == HARM


def test_a_child_s_word_before_a_carer_s_drinking_is_no_harm_said() -> None:
    """The children tell of dad's drinking: no act of harm is said (_object_span 85: every word read as an act whose
    object is the call's first word)."""
    assert _ids("kids say dad drinks too much at weekends", 96)[0] != HARM


def test_a_conviction_for_hurting_children_is_no_harm_said_to_this_child() -> None:
    """p9's "contact with adults who pose a risk": the children harmed are others, in the past (_harm_by_adult_at 55, 56:
    the word before the act, "for", not read)."""
    ids = _ids("mum's new partner was locked up for hitting kids", 60)
    assert ids[0] != HARM and "immediate.contact_with_adults_risk" in ids[:3]


@pytest.mark.parametrize(
    "q",
    [
        "her uncle said never tell anyone",  # _told_secret_first 7 (the age's admission dropped: IndexError)
        "dad said he'd gas us all",  # _takes_child_with_first 7 (IndexError)
        "mum said she'd jump with the baby",  # _takes_child_with_first 7 (p9's row offered at 20)
    ],
)
def test_a_secret_or_a_threat_with_the_child_at_twenty_offers_no_row_the_age_does_not_admit(q: str) -> None:
    """At 240 months (20) the catalogue admits neither p9 row these readings offer: none is given, and the call is
    answered (Search28a's readings offer only rows the age admits)."""
    rows = {i.id: i for i in load_catalogue().indicators}
    assert not any(load_catalogue().admits(rows[r], False, 240) for r in (HARM, "immediate.allegation_or_disclosure"))
    assert not {HARM, "immediate.allegation_or_disclosure"} & set(_ids(q, 240, limit=20))


# --- Probing the readings' neighbours (other words for the same class): under-calls found, each a strict xfail with
# what the document says must hold (docs/safety/mutation.md "Review 28 (stop 47)": for the next session, not fixed here)

UNDER_CALL = "under-call found probing Search28{}'s neighbours (review 28's mutation run); not fixed here (no product code): "


@pytest.mark.parametrize(
    ("q", "age", "want"),
    [
        # both mended by the lead (stop 48, Search29r): `harm_to_child.out_carried`; `rival` skips the doer's own word
        ("dad drinks and lashes out at him", 120, HARM),
        ("mum and dad row all the time and dad grabs his throat", 120, HARM),
        # mended by fix30a (stop 49, Search30a): `carer_threat.with_child.ends`, `along`, `going`
        ("mum says she'll take the kids with her if she ends it", 60, HARM),
        # mended by fix30a (stop 49, Search30a): _pregnant_young_first reads _pregnancy_of_child too
        ("she is expecting", 130, "protection.sexual_activity_under_13"),
    ],
)
def test_a_neighbour_of_a_stop_47_reading_keeps_its_row_in_the_first_three(q: str, age: int, want: str) -> None:
    """A carer lashing out at the child with the doer carried over, a carer gripping the child's throat after the same
    carer is named once before, a carer's threat to end it taking the children: p9's significant harm; a child of ten
    'expecting': p17's Protection row "Sexual activity under 13" (the Protection row 'she is pregnant' at the same age leads with)."""
    assert want in _ids(q, age)[:3]

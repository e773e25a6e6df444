"""Review 31's mutation tests (docs/safety/mutation.md "Review 31 (stop 50)"): stop 50's search readings (Search50's
denied core, fix31a's blow, weapon and head, fix31b's child handed over, fix31c's lone carer), each test a gap a surviving
mutant showed (named in its comment) or a neighbour of a reading (other words for the same class), written through
`search()` only, so it holds whatever code reads it (scripts/mutate_review31.sh runs each reading's own tests and these).

Oracles, from what the words say and the document's rows (never from the search's output under a mutant):
- a wellbeing word the call negates ("nor is he happy") is a strength said lacking (denial26): no Universal row first;
- a carer who hits the child in everyday words ("gives him a good hiding with a slipper") is p9's "Child is at
  immediate risk or has suffered significant harm including physical ... harm": it leads;
- "his head" after a male carer struck by an act that is not forced ("dad hit his head on the door") may be his own head
  (fix31a's `head_forced`): p9's significant harm is not preselected on it; the domestic abuse said keeps a p9 row;
- a carer's own threat to kill or neglect himself or herself says no violence to anyone and no harm to the child: no p9
  domestic violence (nor significant harm) first; a lone carer ("on her own with the kids", "bringing them up alone") is
  no child left alone: no p9 home-alone row first;
- a child handed over to a man for money is p9's "Child is a victim of trafficking" (fix31b's sale read), in three."""

from __future__ import annotations

import pytest

from pathway.search import KEPT_PLACES, search

HARM = "immediate.significant_harm"
DV = "immediate.repeated_domestic_violence"
HOME_ALONE = {"immediate.home_alone_5_and_under", "immediate.home_alone_at_risk"}
TRAFFICKED = "immediate.trafficking_victim"


def _ids(q: str, age: int | None = None, *, limit: int = 5) -> list[str]:
    return [h.id for h in search(q, age_in_months=age, limit=limit, finished=True)]


# --- gaps: each test fails under the surviving mutant named and passes on main ca5d114


def test_a_wellbeing_word_negated_with_its_verb_turned_round_shows_no_strength_first() -> None:
    """_negated_inverted 5 (`i >= 4`: the denial at the call's first word not read) and 13 (the person read at the verb's
    place: never true): "nor is he happy" put Universal "physically well" first."""
    first = _ids("nor is he happy", 96)[0]
    assert not first.startswith("universal."), first


def test_a_carer_giving_the_child_a_hiding_with_a_slipper_leads_with_significant_harm() -> None:
    """_everyday_hitting_first 52 (`matched.setdefault(set())`: the call raised): the lead offered below p9 (the line
    stop 50 wrote again in its p9 branch; fix31a's tests reach only that branch)."""
    assert _ids("dad gives him a good hiding with a slipper", 96)[0] == HARM
    assert _ids("dad gives him a hiding", 84)[0] == HARM


def test_a_male_carer_who_hit_his_own_head_beside_domestic_abuse_is_not_read_as_hitting_the_child() -> None:
    """_harm_to_child_at 96 (no male carer passed to _own_head: "his head" read as the child's): p9 significant harm
    was put first; the domestic abuse said keeps its p9 row in three."""
    ids = _ids("there is domestic abuse and dad hit his head on the door", 84)
    assert ids[0] != HARM, ids
    assert DV in ids[:KEPT_PLACES], ids


def test_a_carers_blow_to_the_child_beside_domestic_violence_leads_with_significant_harm() -> None:
    """_harm_by_adult_first 48 (`yields and between`: never both, so p9's domestic violence first kept its place): the
    blow to the child is the call's first concern; the adults' violence stays in three."""
    ids = _ids("there is domestic violence and dad punches the boy", 96)
    assert ids[0] == HARM, ids
    assert DV in ids[:KEPT_PLACES], ids


@pytest.mark.parametrize(("q", "age"), [("she told her teacher that dad hits her", 110), ("he has told his teacher his stepdad punches him", 120)])
def test_a_childs_disclosure_of_a_carers_blow_keeps_the_disclosure_first_and_significant_harm_second(q: str, age: int) -> None:
    """_harm_by_adult_first 56 (`not in between`: the lead put before any p9 row): behind another immediate criterion
    (the child's disclosure, p9's "allegation or disclosure") significant harm comes second, both in three."""
    ids = _ids(q, age)
    assert ids[:2] == ["immediate.allegation_or_disclosure", HARM], ids


def test_a_carers_drinking_with_violence_denied_shows_no_strength_first() -> None:
    """_subject_first 311 (no lead where no free lead's core is said as written): "mum's boyfriend drinks but he's never
    violent" put Universal "no concerns about aggressive behaviour" first, a strength before the concern said (search16)."""
    ids = _ids("mum's boyfriend drinks but he's never violent", 84)
    assert not ids[0].startswith(("universal.", "immediate.")), ids


@pytest.mark.parametrize(
    ("q", "age"),
    [
        # sale_at 32 (the active voice read as the passive: "by" after the person): a handover between carers at a place
        ("we exchanged the kids by the park every friday", 84),
        ("dad swapped the boy by the school gates with mum", 96),
        # sale_at 54 (the passive's "was" not needed: a subject before the verb read as the one sold)
        ("she rents out for extra money", 200),
    ],
)
def test_a_handover_between_carers_or_a_thing_rented_out_is_no_child_sold(q: str, age: int) -> None:
    assert TRAFFICKED not in _ids(q, age)[:KEPT_PLACES], _ids(q, age)


def test_a_carers_partner_who_bashed_the_boys_face_in_leads_with_significant_harm() -> None:
    """_object_span 139 (the head looked for one word short of the call's end): "face in" as the call's last words lost
    p9 significant harm from first place."""
    assert _ids("mum's boyfriend bashed the boy's face in", 84)[0] == HARM


@pytest.mark.parametrize(
    ("q", "age"),
    [
        ("mum has been looking after the kids on her own", 60),
        ("nan has been caring for the baby on her own", 9),
        ("mum now has the kids on her own", 60),
        ("dad now looks after her on his own since the split", 48),
    ],
)
def test_a_lone_carer_said_with_has_been_or_now_is_no_child_home_alone(q: str, age: int) -> None:
    """_lone_carer_at 73 ("been") and 81 ("now"), no longer skipped between the carer and the care verb: p9 home alone
    put first."""
    assert not HOME_ALONE & set(_ids(q, age)[:KEPT_PLACES]), _ids(q, age)


@pytest.mark.parametrize(
    ("q", "age"),
    [
        ("the kids were left alone last night, mum has them on her own", 60),
        ("the toddler was left in the flat and mum looks after him on her own", 30),
    ],
)
def test_a_child_left_said_before_a_lone_carer_keeps_p9_home_alone(q: str, age: int) -> None:
    """_lone_care 41 (`range(i)`: every word before the lone carer's phrase kept from `left_alone`'s reading): the child
    left, said first, lost every p9 home-alone row."""
    assert _ids(q, age)[0] in HOME_ALONE, _ids(q, age)


def test_a_lone_carer_since_the_other_carer_left_is_no_child_home_alone() -> None:
    """_lone_care 73 (`_carer_before(None, ...)`: raised on any "left") and 81 (`k + 2 == len(words)`: raised where
    "left" is the call's last word): fix31c's own example, the carer who left."""
    assert not HOME_ALONE & set(_ids("mum has had the kids on her own since dad left", 60)[:KEPT_PLACES])


# --- neighbours probed on main ca5d114: those the readings read are kept as tests; those they miss are strict xfails,
# each with its reason (no product code is changed by this review).


@pytest.mark.parametrize(
    ("q", "age"),
    [
        ("dad drinks heavily but he doesn't hit anyone", 84),
        ("mum's partner uses cocaine but has never hurt anyone", 96),
        ("step dad is an alcoholic but he isn't violent", 120),
        ("dad smokes cannabis every day but there is no violence", 100),
        ("mum drinks a lot but she has never hit the kids", 72),
        ("dad drinks but he never gets violent", 84),
        ("dad is not violent but he drinks every day", 84),
        # _rests_on_denial 13 (`DENYING & CLAUSE_WORDS`, empty: "hardly" read as a word of concern): p9 significant harm first
        ("dad takes cocaine but has hardly ever been aggressive", 96),
    ],
)
def test_a_carers_violence_denied_in_other_words_leads_with_no_p9_row(q: str, age: int) -> None:
    assert not _ids(q, age)[0].startswith("immediate."), _ids(q, age)


@pytest.mark.parametrize(
    ("q", "age"),
    [
        ("dad drinks and gets violent", 84),
        ("mum's boyfriend takes drugs and hits her", 84),
        ("dad drinks and there is violence in the house", 84),
    ],
)
def test_a_carers_violence_said_in_other_words_leads_with_domestic_violence(q: str, age: int) -> None:
    assert _ids(q, age)[0] == DV, _ids(q, age)


@pytest.mark.parametrize(
    ("q", "age"),
    [
        ("dad smashed his head against the wall", 84),
        ("her dad slammed her head into the door", 96),
        ("stepdad knocked his head against the radiator", 60),
        ("dad bashed the baby's head on the cot", 6),
        ("dad banged her head off the wall", 60),
        ("her dad came at her with a knife", 150),
        ("dad went for the boy with a hammer", 110),
        ("mum's boyfriend pulled a knife on him", 130),
        ("dad chased her round the house with a knife", 100),
        ("dad drove the kids to school after a few pints", 84),
        ("mum drove them home after a bottle of wine", 72),
        ("dad was tipsy when he drove the kids to football", 100),
    ],
)
def test_a_carers_blow_weapon_head_or_drink_driving_in_other_words_leads_with_significant_harm(q: str, age: int) -> None:
    assert _ids(q, age)[0] == HARM, _ids(q, age)


@pytest.mark.parametrize(
    ("q", "age"),
    [
        ("mum gave her daughter to her dealer to pay off her debt", 150),
        ("he handed the girl over to his friends for drugs", 170),
        # _handed_over 29 (the price looked for from the second word after "to"): "to pay" right after the person lost
        # p9 trafficking from the first three
        ("he handed her over to pay the dealers", 168),
        ("he gave the boy to pay his dealer", 150),
    ],
)
def test_a_child_handed_over_for_a_debt_or_drugs_keeps_p9_trafficking(q: str, age: int) -> None:
    assert TRAFFICKED in _ids(q, age)[:KEPT_PLACES], _ids(q, age)


PROBE = "review 31 probe (mut32): "


PROBES = [  # (words, age in months, what must hold, what was found on main ca5d114)
    ("dad drinks and says he will kill himself", 84, "no_dv_first", "p9 domestic violence first on a carer's threat to kill himself (over-call)"),
    ("mum has mental health problems and is violent to dad", 72, "dv_first", "p9 domestic violence second (lead50's KNOWN class)"),
    ("dad punched his mate at the pub", 96, "no_harm_first", "p9 significant harm first on a carer's blow to an adult, 'his mate' (over-call)"),
    ("dad takes drugs and neglects himself", 96, "no_harm_first", "p9 significant harm first on a carer's neglect of himself (over-call)"),
    ("mum drinks and neglects herself", 84, "no_young_carer_first", "Protection 'young carer' first: no word says the child cares (over-call)"),
    ("dad hit his head on the door frame", 84, "no_harm_first", "p9 significant harm first on 'hit his head on' (fix31a's KNOWN class)"),
    ("mum's boyfriend banged her head off the floor", 40, "p9_first", "Protection 'accommodation places child at physical risk' first (under-call)"),
    ("we exchanged the kids by the park every friday", 84, "no_homeless_first", "Protection 'no fixed abode / homeless' first on a contact handover at a park"),
    ("dad smashed his face in", 96, "harm_first", "p9 domestic violence first, significant harm second: fix31a's forced act ('smashed') on 'his face' not led"),
    ("dad smashed her phone against the wall", 150, "no_harm_first", "p9 significant harm first on a carer smashing the child's phone (arguable over-call)"),
    ("mum drinks but nobody has been hurt and there is no violence", 72, "no_abuse_first", "p9 domestic violence first, the violence denied (lead50's class)"),
    ("mum's partner drinks but there has been no abuse", 84, "no_abuse_first", "Protection 'persistent domestic abuse' first (lead50's class)"),
    ("she is at college and works in a cafe on saturdays", 210, "not_first:additional.disengagement_school_education", "she is at college"),
    ("she handed her baby to a man for money", 4, "trafficked_in_three", "no p9 trafficking in three: 'handed her baby to a man for money' not read"),
]


# probes mended since, each with the reading that mends it (its strict xfail taken off: an XPASS strict fails CI)
MENDED = {
    # fix33c (stop 52; docs/adviser.md "Search33c"): _carer_threat_first's stated rows, a p9 row's core read apart from the threat
    "dad drinks and says he will kill himself": "fix33c: a p9 row whose core is unsaid but for the threat is not stated",
    # fix33c: _act_on_no_child_below (a carer's act on another adult, himself, his own head or a thing)
    "dad punched his mate at the pub": "fix33c: _act_on_no_child_below, `harm_to_child.adult_objects`",
    "dad takes drugs and neglects himself": "fix33c: _act_on_no_child_below, `harm_to_child.own_objects`",
    "mum drinks and neglects herself": "fix33c: _act_on_no_child_below, the young carer's core said only of the carer herself",
    "dad hit his head on the door frame": "fix33c: _act_on_no_child_below, _own_head with `head_against`",
    "dad smashed her phone against the wall": "fix33c: _act_on_no_child_below, `harm_to_child.thing_objects`",
    # fix33c: _harm_by_adult_at reads a head struck by a carer's partner past the owner; _own_head's "his face IN"
    "mum's boyfriend banged her head off the floor": "fix33c: _harm_by_adult_at, the companion's owner no rival for a head struck",
    "dad smashed his face in": "fix33c: _own_head, a head struck 'in' at its clause's end is no one's own",
    # fix33c: _violent_to_carer_first (a carer violent to the other carer, `harm_to_child.violent_words`)
    "mum has mental health problems and is violent to dad": "fix33c: _violent_to_carer_first",
    # fix33c: search_sale._person_end, "her baby" then "to" ends the object
    "she handed her baby to a man for money": "fix33c: search_sale._person_end, a child's noun of `before` ends the object",
    # fix33d (Search33d): _core_said reads a `core` on the words no denial covers (_undenied): "no violence", "nobody has
    # been hurt" say no core, so _subject_first leads with the carer's drink row and p9's violence row is second
    "mum drinks but nobody has been hurt and there is no violence": "fix33d",
    # fix33d: "there has been no abuse" says no core of p9's violence; p17's persistent domestic abuse rests on the
    # denial and a carer's word ("partner", _no_concern_words) and leaves first place
    "mum's partner drinks but there has been no abuse": "fix33d",
}


# fix33a (stop 52; docs/adviser.md "Search33a"): the lone-carer probes above now hold, by search_structures' lone carer
# read in `lone_own` ("on my own", "on their own", "alone"), said first with "with" (_lone_with_at), the caller as the
# carer (`lone_selves`), the plural carers (`lone_carers`), and `lone_rows` (the rows besides the home-alone ones the
# lone carer's words may move); their strict xfails are taken out and they are plain tests here.
FIXED = [  # (words, age in months, what must hold, what was found on main ca5d114)
    ("mum is on her own with the three kids and struggling", 60, "no_home_alone_first", "p9 home alone first: 'on her own' said before the kids"),
    ("i have the three kids on my own", 48, "no_home_alone_first", "p9 home alone first: 'on my own' is no phrase of fix31c's `own` (over-call)"),
    ("the grandparents have the kids on their own at weekends", 40, "no_home_alone_first", "p9 home alone first: 'on their own'"),
    ("foster carers have the baby on their own", 6, "no_home_alone_first", "p9 home alone first: 'on their own'"),
    ("mum has been looking after the kids on her own", 60, "not_first:additional.substance_misuse_impact_ability", "none said"),
    ("dad has been bringing the boys up on his own", 110, "not_first:protection.unaccompanied_asylum_seeker", "Protection 'unaccompanied asylum seeker' first"),
    ("nan has been caring for the baby on her own", 9, "lacks:immediate.substance_use_under_1", "p9 'substance use under 1' second: none said"),
    ("mum is bringing them up alone", 80, "no_home_alone_first", "p9 home alone first: 'alone' is no word of fix31c's lone_carers (over-call)"),
]


@pytest.mark.parametrize(
    ("q", "age", "check"),
    [pytest.param(q, age, check, marks=() if q in MENDED else pytest.mark.xfail(strict=True, reason=PROBE + reason)) for q, age, check, reason in PROBES]
    + [pytest.param(q, age, check) for q, age, check, _ in FIXED],
)
def test_probes_found_over_and_under_calls(q: str, age: int, check: str) -> None:
    """Over- and under-calls found probing stop 50's readings' neighbours (left: no product code changed in a mutation
    review)."""
    ids = _ids(q, age)
    if check.startswith("not_first:"):
        assert ids[0] != check.partition(":")[2], ids
    elif check.startswith("lacks:"):
        assert check.partition(":")[2] not in ids[:KEPT_PLACES], ids
    elif check == "no_dv_first":
        assert ids[0] != DV, ids
    elif check == "dv_first":
        assert ids[0] == DV, ids
    elif check == "no_harm_first":
        assert ids[0] != HARM, ids
    elif check == "no_young_carer_first":
        assert ids[0] != "protection.young_carer_significant_responsibilities", ids
    elif check == "no_home_alone_first":
        assert ids[0] not in HOME_ALONE, ids
    elif check == "no_abuse_first":
        assert ids[0] not in (DV, "protection.persistent_domestic_abuse"), ids
    elif check == "harm_first":
        assert ids[0] == HARM, ids
    elif check == "no_homeless_first":
        assert ids[0] != "protection.no_fixed_abode_homeless", ids
    elif check == "p9_first":
        assert ids[0].startswith("immediate."), ids
    else:
        assert TRAFFICKED in ids[:KEPT_PLACES], ids

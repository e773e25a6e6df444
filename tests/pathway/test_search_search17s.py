"""Review 17's search findings N1-N3 (search17s): a concern the call says is over, a carer's own victimisation, and
another child named by place, each read as this child's concern now.

Oracles: the document's rows, written here by hand; the held-out calls below were written by search17s from the
brief and the document before the search was run on them (never training data):
- p9's criteria and the tables' rows (p11-17) are this child's needs now ("have significant substance use issues",
  "Family / child homeless"); where the document means history it says so ("History of ...", "previously ...");
- no row makes a carer's own past victimisation this child's harm (p13's "Parent previously looked after" is how a
  parent's history is written when the document means it);
- the child rows are this child's, not a neighbour's or a team-mate's (`scope.one_child`, review 16 M1);
- p9 said of THIS child in the present leads; a disclosure of past abuse is an allegation now (p9)."""

from __future__ import annotations

import pytest

from pathway.catalogue import load_catalogue
from pathway.search import KEPT_PLACES, SearchDataError, SearchIndex, default_index, load_synonyms
from pathway.search_model import example_calls
from tests.pathway.p9_sight import p9_calls_lost

CAT = load_catalogue()
SYNONYMS = load_synonyms()


def _ids(q: str, age: int | None, limit: int = KEPT_PLACES, index: SearchIndex | None = None) -> list[str]:
    return [h.id for h in (index or default_index()).search(q, age_in_months=age, limit=limit)]


def _immediate(found: list[str]) -> bool:
    return any(CAT.indicator(i).immediate for i in found)


# ---------------------------------------------------------------- N1: ended (search17s's own held-out phrasings)

SUBSTANCE_P9 = "immediate.substance_use_under_1"
SUBSTANCE = {SUBSTANCE_P9, "protection.chronic_substance_misuse"}
DV = {"immediate.repeated_domestic_violence", "protection.persistent_domestic_abuse", "extensive.child_witnessing_experiencing_domestic"}
HOME_ALONE = {"immediate.home_alone_at_risk", "immediate.home_alone_5_and_under"}
HOMELESS = {"extensive.family_child_homeless", "protection.no_fixed_abode_homeless"}
GANG = {"extensive.involved_gang_culture"}
MISSING = {"extensive.children_who_go_missing"}

ENDED = [  # (call, age in months, the rows that must not lead)
    ("dad used to take heroin but has been clean for two years", 8, SUBSTANCE),
    ("mum gave up drinking before the baby was born", 3, SUBSTANCE),
    ("mum is an ex heroin user", 5, SUBSTANCE),
    ("mum was a heavy drinker years ago", 7, SUBSTANCE),
    ("dad no longer uses cocaine", 10, SUBSTANCE),
    ("her stepdad used to beat her mum", 130, DV),
    ("there was domestic violence between the parents years ago", 100, DV),
    ("she was left on her own when she was little", 150, HOME_ALONE),
    ("the family were living in a hostel a year ago", 90, HOMELESS),
    ("he used to be in a gang", 200, GANG),
    ("she used to run away from home when she was 12", 190, MISSING),
]
NOT_ENDED = [  # words of an ending that say a concern now (the labelled calls taught these): p9 first
    ("she has stopped eating and is fainting", 170, {"protection.endangers_life_through_self"}),
    ("brought over from abroad to clean for a family", 150, {"immediate.trafficking_victim", "protection.child_victim_trafficking"}),
    ("it has been going on since before the baby was born, he hits her and she takes him back", 5, DV),
]
PRESENT = [  # the same concerns now: the row in the first three (and p9 first where the call states it)
    ("dad takes heroin every day", 8, SUBSTANCE),
    ("mum used to drink and has started again", 5, SUBSTANCE),
    ("mum was clean for two years but has relapsed", 5, SUBSTANCE),
    ("her stepdad beats her mum every weekend", 130, DV),
    ("she is left on her own all night", 48, HOME_ALONE),
    ("the family are living in a hostel", 90, HOMELESS),
    ("he is in a gang", 200, GANG),
    ("dad used to hit mum and now hits the kids", 60, {"immediate.allegation_or_disclosure", "immediate.significant_harm"} | DV),
]


@pytest.mark.parametrize("q, age, rows", ENDED, ids=[c[0] for c in ENDED])
def test_an_ended_concern_does_not_lead(q, age, rows):
    found = _ids(q, age)
    assert found and found[0] not in rows, found


@pytest.mark.parametrize("q, age, rows", NOT_ENDED, ids=[c[0] for c in NOT_ENDED])
def test_ending_words_that_say_a_concern_now_move_nothing(q, age, rows):
    assert set(_ids(q, age)) & rows


@pytest.mark.parametrize("q, age, rows", PRESENT, ids=[c[0] for c in PRESENT])
def test_the_same_concern_now_stays_in_the_first_three(q, age, rows):
    assert set(_ids(q, age)) & rows


@pytest.mark.parametrize(
    "q, age",
    [
        ("she told me her uncle sexually abused her when she was 6", 144),  # a disclosure of past abuse is an allegation now
        ("dad was convicted of sexual offences against children years ago", 60),  # a past conviction: known to pose a risk
    ],
)
def test_a_row_a_past_event_still_makes_keeps_first_place(q, age):
    found = _ids(q, age)
    assert CAT.indicator(found[0]).immediate, found


def test_a_history_row_is_never_moved_by_an_ending():
    found = _ids("mum was in care as a child", 192)
    assert found[0] == "additional.parent_previously_looked_after", found


# ---------------------------------------------------------------- N2: a carer's own victimisation

VICTIM_ROWS = set(SYNONYMS["not_now"]["victim"]["rows"])
CARERS = ["mum", "dad", "her stepdad", "his nan", "the foster carer", "grandad"]
VICTIMISED = ["was abused", "was sexually abused", "was raped", "was groomed", "was assaulted", "was neglected", "got beaten"]
MARKERS = ["", " as a child", " as a teenager", " when she was young", " growing up"]


@pytest.mark.parametrize("carer", CARERS)
@pytest.mark.parametrize("said", VICTIMISED)
@pytest.mark.parametrize("marker", MARKERS)
def test_a_carers_own_victimisation_does_not_lead_with_the_childs_rows(carer, said, marker):
    found = _ids(f"{carer} {said}{marker}", 120)
    assert found and found[0] not in VICTIM_ROWS, found


@pytest.mark.parametrize(
    "q",
    [
        "mum is a survivor of childhood sexual abuse",
        "dad suffered abuse in care as a kid",
        "mum told the social worker she was raped as a teenager",
    ],
)
def test_held_out_carers_victimisation(q):
    found = _ids(q, 110)
    assert found[0] not in VICTIM_ROWS, found


@pytest.mark.parametrize(
    "q",
    [
        "she told her teacher she was sexually abused by her uncle",
        "mum says she was abused by her stepdad",  # search14: "she" after a carer's reporting verb is the child
        "dad sexually abused her",  # a carer as the abuser
        "mum was abused as a child and now hits the kids",
        "he was raped by a man at the park",
    ],
)
def test_the_childs_own_abuse_keeps_a_p9_row_first(q):
    found = _ids(q, 144)
    assert CAT.indicator(found[0]).immediate, found


def test_a_relative_named_as_the_abuser_leads_with_contact_with_adults_who_pose_a_risk():
    found = _ids("mum has told the school she was abused by her father as a child", 144)
    assert found[0] == "immediate.contact_with_adults_risk", found


# ---------------------------------------------------------------- N3: another child named by place

PLACED = [  # held-out relations (foster home, children's home, street, club, team, church, estate)
    ("a girl across from his school is being sexually exploited", 170, {"protection.sexual_exploitation", "extensive.risk_sexual_exploitation"}),
    ("a boy in the same children's home was trafficked", 160, {"protection.child_victim_trafficking", "immediate.trafficking_victim"}),
    ("a lad from her youth club is in a gang", 170, GANG),
    ("a girl from his church has gone missing", 150, MISSING),
    ("a kid on his estate is self harming", 150, {"extensive.behaviour_puts_life_risk", "protection.endangers_life_through_self"}),
    ("a boy at the same childminder is left home alone", 50, HOME_ALONE),
    ("a lad from her street takes drugs", 160, {"additional.uses_substances", "extensive.persistent_problematic_involvement_alcohol"}),
    ("another child in her placement was groomed", 170, {"immediate.allegation_or_disclosure", "protection.sexual_exploitation"}),
    ("a girl down his street is pregnant", 170, {"additional.pregnant_under_17", "extensive.pregnant_under_16"}),
]


@pytest.mark.parametrize("q, age, rows", PLACED, ids=[c[0] for c in PLACED])
def test_another_child_named_by_place_does_not_lead_with_the_childs_row(q, age, rows):
    found = _ids(q, age)
    assert found and found[0] not in rows, found


@pytest.mark.parametrize(
    "q, age, rows",
    [
        ("the boy is left home alone all day", 48, HOME_ALONE),  # "the boy": this child
        ("a 4 year old boy is left home alone", 48, HOME_ALONE),
        ("a girl in year 9 told her teacher she was sexually abused", 170, {"immediate.allegation_or_disclosure"}),  # a school's own pupil
        ("the boy next door is left home alone all day", 48, HOME_ALONE),  # a neighbour calling about that child (declared)
        ("the girl upstairs has bruises on her face", 30, {"immediate.unexplained_injuries"}),
    ],
)
def test_this_child_named_plainly_keeps_the_row_first(q, age, rows):
    found = _ids(q, age)
    assert found[0] in rows, found


def test_another_child_harming_this_one_keeps_p9_in_sight():  # as on main (Additional's suspected DV first, p9 second)
    assert _immediate(_ids("the boy next door hits him", 100))


# ---------------------------------------------------------------- the data, and the labelled p9 calls


def test_the_reading_is_declared_and_checked():
    text = (CAT_PATH := __import__("pathlib").Path(__file__).parents[2] / "pathway/data/search_synonyms.yaml").read_text(encoding="utf-8")
    assert "review 17 N1-N3" in text and "this tool's reading" in text, CAT_PATH
    for bad in (
        {"ended": {"kept": ["immediate.no_such_row"]}},
        {"victim": {"abuser_leads": "extensive.involved_gang_culture"}},
        {"victim": {"rows": ["protection.chronic_substance_misuse"]}},  # a carer's own row
        {"placed": {"verbs": "is"}},
        {"later": {}},
    ):
        with pytest.raises(SearchDataError):
            SearchIndex(CAT, {**SYNONYMS, "not_now": bad})


def test_no_labelled_p9_call_loses_first_place_or_sight():
    without = SearchIndex(CAT, {k: v for k, v in SYNONYMS.items() if k != "not_now"}, example_calls())
    assert p9_calls_lost(default_index(), without) == []

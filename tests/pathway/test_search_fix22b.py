"""Review 22's search findings N2, N7 and N10 (fix22b): harm done in the name of culture or belief, the common words
for drunk or high and "dead" as "very", and a young carer "looking after" someone.

Oracles: the document's rows, written here by hand; the calls below were written by fix22b from the brief and the
document (none copied from review 22's cases, which docs/review22-rules-cases.py runs):
- The 2014 document names none of breast ironing, branding a child a witch or possessed, or honour-based abuse; the
  tool reads each as p9's first line, "Child is at immediate risk or has suffered significant harm including
  physical, sexual, emotional harm or neglect" (declared in the synonyms file's `named_rows`), which leads; p15-16's
  "Life threatening conditions" (a health row) and p13-14's "Loss of significant adult" are not these calls'.
- A parent drunk or high is p14's "Substance misuse may impact on ability to provide basic / adequate care" (p16-17's
  "Mental or physical health problems ... or chaotic substance misuse" and "Chronic substance misuse"); a face said
  in "off her face" is no injury (p9 "Unexplained injuries"); "dead" before a mood word is "very", no loss (p13-14).
- p13-14's, p15-16's "Young carers" and p17's "Young carer has significant responsibilities that result in neglect":
  a child looking after a sibling or parent, as caring for; p9's repeated-domestic-violence line needs the violence
  (a parent sectioned is an adult's acute mental health, p16-17)."""

from __future__ import annotations

import copy

import pytest

from pathway.catalogue import load_catalogue
from pathway.search import KEPT_PLACES, SearchDataError, SearchIndex, default_index, load_synonyms
from tests.pathway.readings import Without

CAT = load_catalogue()
SYNONYMS = load_synonyms()
FIX22B_READINGS = {"culture_body_harm", "belief_harm", "honour_harm", "shame_threat", "sectioned"}
# the synonyms file as it was before fix22b: no `said_as_meant`, none of its `named_rows` readings
BEFORE = Without(sections=["said_as_meant"], named_rows=FIX22B_READINGS)

HARM = "immediate.significant_harm"
DV = "immediate.repeated_domestic_violence"
INJURIES = "immediate.unexplained_injuries"
LOSS = "additional.loss_significant_adult"
LIFE = "extensive.life_threatening_conditions"
FORCED = "protection.forced_marriage_under_18"
CARER_USE = {"additional.substance_misuse_impact_ability", "extensive.mental_physical_health_problems", "protection.chronic_substance_misuse"}
YOUNG_CARERS = {
    "additional.young_carers_child",
    "additional.young_carers_family",
    "extensive.young_carers",
    "protection.young_carer_significant_responsibilities",
}
SCHOOL = {"additional.poor_school_attendance_exclusion", "extensive.persistent_absenteeism_school_without", "protection.no_educational_provision"}


def _ids(q: str, age: int | None = None, limit: int = KEPT_PLACES) -> list[str]:
    return BEFORE.ids(q, age, limit=limit)


# ------------------------------------------------------------------------------------------------------- N2


@pytest.mark.parametrize(
    "q, age",
    [
        ("her mum has been ironing her breasts with a hot stone", 120),
        ("worried grandma is flattening her chest", 132),
        ("auntie pressing her chest so she won't develop", 120),
        ("the pastor told mum her son is a witch", 96),
        ("they think she's possessed by an evil spirit", 108),
        ("taking him for deliverance at the church", 84),
        ("her brothers are threatening her because she brought shame on the family", 192),
        ("worried about honour based violence from her uncles", 180),
    ],
)
def test_harm_in_the_name_of_culture_or_belief_leads_with_significant_harm(q: str, age: int) -> None:
    got = BEFORE.leads(q, age, HARM)  # not before fix22b
    assert LOSS not in got and LIFE not in got


def test_shame_threats_offer_no_health_row() -> None:
    got = _ids("family say she has shamed them and they are threatening to hurt her", 192)
    assert got[0] == HARM and LIFE not in got


@pytest.mark.parametrize(
    "q, age",
    [
        ("the kids dressed up as witches for halloween", 120),  # no branding
        ("it's a shame she missed the school trip", 120),  # "shame" as a pity, no threat
        ("he was caught in possession of cannabis", 168),  # possession is no spirit
    ],
)
def test_words_of_belief_or_shame_otherwise_said_lead_nothing_new(q: str, age: int) -> None:
    assert _ids(q, age)[:1] == BEFORE.ids(q, age, without=True)[:1]
    assert _ids(q, age)[:1] != [HARM]


def test_forced_marriage_with_shame_keeps_the_forced_marriage_row() -> None:
    got = _ids("being forced to marry her cousin abroad because she brought shame on them", 180)
    assert got[0] == HARM and FORCED in got


# ------------------------------------------------------------------------------------------------------- N7


@pytest.mark.parametrize(
    "q, age",
    [
        ("dad's always off his head", 96),
        ("mum gets smashed every weekend", 96),
        ("his mum is wasted most nights", 120),
        ("mum was completely out of it when we visited", 72),
        ("mum's off her face by teatime", 96),
    ],
)
def test_words_for_drunk_or_high_offer_the_parents_substance_rows(q: str, age: int) -> None:
    got = _ids(q, age)
    assert CARER_USE & set(got)
    assert INJURIES not in got


def test_a_face_in_off_her_face_is_no_injury() -> None:
    BEFORE.gone("mum's off her face by teatime", 96, INJURIES)  # offered before fix22b


@pytest.mark.parametrize(
    "q, age",
    [
        ("dad smashed the window last night", 96),  # an object: smashing, read as said
        ("she wasted all her money on clothes", 144),
        ("leave mum out of it", 144),  # the object of "leave"
        ("she fell and her face was smashed", 120),  # no person is its subject
    ],
)
def test_the_same_words_otherwise_said_are_read_as_before(q: str, age: int) -> None:
    assert _ids(q, age) == BEFORE.ids(q, age, without=True)


@pytest.mark.parametrize("q, age", [("she's dead tired all the time", 96), ("he's been dead clingy since the move", 84), ("he's dead mardy with his mum", 72)])
def test_dead_as_very_is_no_loss(q: str, age: int) -> None:
    assert LOSS not in _ids(q, age)


@pytest.mark.parametrize("q, age", [("his dad is dead", 96), ("found her nan dead this morning", 96), ("mum is dead and dad is struggling", 60)])
def test_a_death_keeps_the_loss_row(q: str, age: int) -> None:
    assert LOSS in _ids(q, age)


def test_skriking_is_crying_no_school_row() -> None:
    assert not SCHOOL & set(_ids("the little one has been skriking for hours", 48))
    assert _ids("the little one has been skriking for hours", 48) == _ids("the little one has been crying for hours", 48)


def test_a_cob_is_food_and_the_diet_row_is_offered() -> None:
    assert _ids("the kids have not had a cob since friday", 96) == _ids("the kids have not had food since friday", 96)
    BEFORE.added("the kids ain't had a cob for days", 96, "additional.concerns_about_diet_poor", limit=5)  # not before fix22b
    assert _ids("corn on the cob for tea", 72) == BEFORE.ids("corn on the cob for tea", 72, without=True)  # no roll


# ------------------------------------------------------------------------------------------------------ N10


@pytest.mark.parametrize(
    "q, age",
    [
        ("she is looking after her little brothers", 156),
        ("he's looking after his dad who has ms", 156),
        ("mum is sectioned and he is looking after his sisters", 168),
    ],
)
def test_looking_after_someone_offers_the_young_carer_rows(q: str, age: int) -> None:
    assert YOUNG_CARERS & set(_ids(q, age))
    assert not default_index().says_child_in_care(q)


def test_looking_after_was_read_as_a_child_in_care_before() -> None:
    assert BEFORE.ids("she is looking after her little brothers", 156, without=True) == []  # fails before fix22b
    assert BEFORE.index.says_child_in_care("she is looking after her little brothers")


@pytest.mark.parametrize("q", ["he is looked after by the local authority", "she is a looked after child"])
def test_a_child_looked_after_is_still_read_as_in_care(q: str) -> None:
    assert default_index().says_child_in_care(q)


def test_sectioned_offers_no_domestic_violence_line() -> None:
    assert DV in BEFORE.ids("mum has been sectioned", 156, without=True, limit=5)  # before fix22b: fifth
    assert DV not in _ids("mum has been sectioned", 156)
    assert DV not in _ids("mum is sectioned and she is looking after her little brothers", 156)


def test_sectioned_with_violence_keeps_the_domestic_violence_line() -> None:
    assert DV in _ids("mum was sectioned after dad beat her up again", 156)


# -------------------------------------------------------------------------------------------------- the table


@pytest.mark.parametrize(
    "change",
    [
        lambda t: t.pop("caring"),
        lambda t: t["intoxicated"].update(phrases=[]),
        lambda t: t["intoxicated"].update(before=["is", "two words"]),
        lambda t: t["very"].update(read_as=None),
        lambda t: t.update(plain=[]),
    ],
)
def test_a_malformed_said_as_meant_is_refused(change) -> None:
    data = copy.deepcopy(SYNONYMS)
    change(data["said_as_meant"])
    with pytest.raises(SearchDataError, match="said_as_meant"):
        SearchIndex(CAT, data, ())

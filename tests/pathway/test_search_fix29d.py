"""Review 29 Q1-Q3 (fix29d, safety; docs/adviser.md "Search29d"; the synonyms file's `named_rows` readings
`fix29d_fgm_cut_trip`, `fix29d_hand_in_pants`, `fix29d_drunk_driving`; this tool's readings, declared there).

Q1: FGM said in plain English ("to be cut", "get her cut", "have her done") with a trip abroad, a holiday or a
ceremony: p9's "Child is at immediate risk or has suffered significant harm" leads (the document does not name FGM;
review 9 G6 reads it as that row). Q2: an adult's hand down, in or under a child's pants, knickers or trousers, in the
child's quoted words or reported: p9's "Allegations or disclosures of abuse including sexually abused" leads. Q3: a
carer drunk, high or on drugs driving with the child, in one sentence or two: p9's immediate-risk row leads where no
other p9 row does, and is in the first three always.

Oracle: the document's row for each call, written here by hand before the readings changed, from review 29's
findings and calls of the same class in other words (on main a587686 every call below but four lacked the row in
first place). Controls: the same words with no harm (a haircut or nails done before a trip, a child's own pants
or trousers, a sober carer driving): the reading's row does not lead."""

from __future__ import annotations

import pytest

from pathway.search import search

HARM = "immediate.significant_harm"
ALLEGATION = "immediate.allegation_or_disclosure"


def _ids(q: str, age: int) -> list[str]:
    return [h.id for h in search(q, age_in_months=age, limit=5, finished=True)]


FGM_CALLS = [
    ("mum is planning to take her to Somalia this summer to be cut", 96),
    ("taking her to somalia in the summer to be cut", 96),
    ("dad wants to take her back to Sudan to get her cut", 84),
    ("the family are going to Egypt in the holidays to have her cut", 108),
    ("her aunt is flying her out to Guinea next month to be cut", 96),
    ("grandma wants her done when they go back home to Somalia", 84),
    ("they are taking the girls to Mali at Easter to get the girls cut", 96),
    ("they are having a ceremony for her in Eritrea where she will be cut", 96),
    ("mum is sending her to Ethiopia over summer to have her cut like her sisters", 108),
    ("the family want to get her done on the trip to Nigeria", 96),
    ("booked flights to Kenya for the holidays so she can be cut", 96),
    ("going back home over the summer holidays to get her cut", 84),
    ("nan is planning a big party for her when she is cut in Sierra Leone", 72),
]
FGM_CONTROLS = [
    ("she is getting her hair cut before the trip to Somalia", 96),
    ("they are going to Egypt in the summer to see nan", 96),
    ("she cut her knee on holiday in Spain", 96),
    ("she got her fringe cut before they flew to Kenya", 96),
    ("dad is taking her to the barbers to get her hair cut before the holiday", 96),
    ("she wants to get her ears pierced on holiday in Spain", 96),
    ("her homework has to be done before the trip", 120),
    ("mum wants to get her done up nice for the wedding party", 96),
    ("they want the grass cut before they fly to Kenya", 96),
]
# p9's harm row first on main a587686 already, on words this reading does not read (a haircut, nails done, a
# wedding's ceremony beside "go home"): review 27 Q12's class, left to a reading of its own
FGM_CONTROLS_LEFT = [
    pytest.param("she needs her hair cut before they go home for the holidays", 96, id="hair-go-home"),
    pytest.param("she needs her nails done for the ceremony", 120, id="nails-ceremony"),
    pytest.param("mum will get her hair done before the wedding ceremony", 96, id="hair-wedding-ceremony"),
    pytest.param("she wants her hair to be cut short before the summer holidays", 120, id="hair-to-be-cut"),
]

PANTS_CALLS = [
    ('she said "my uncle puts his hand down my pants"', 84),
    ('he said "mum\'s boyfriend puts his hand down my trousers"', 156),
    ("she said her uncle puts his hand down her pants", 84),
    ("my uncle puts his hand down my pants", 84),
    ('she told her teacher "grandad puts his hands in my knickers"', 72),
    ('he said "my stepdad put his hand inside my trousers"', 108),
    ("she told me her mum's boyfriend puts his hand in her knickers at night", 96),
    ('she says "daddy puts his hand under my knickers"', 60),
    ('she said "he puts his hand in my pants when mum is at work"', 84),
    ('she said "my uncle keeps putting his hand down my underwear"', 96),
    ('she said "grandad put his hand down my knickers in the bath"', 72),
    ('he said "the babysitter put her hand down my pants"', 72),
    ("her uncle puts his hand down her pants", 84),
]
PANTS_CONTROLS = [
    ('she said "I have wet my pants"', 48),
    ('he said "my trousers are too small"', 96),
    ('she said "mum helps me put my pants on"', 48),
    ('he said "I keep my hands in my pockets"', 96),
    ('he said "dad put his hand on my shoulder"', 108),
    ('she said "nan puts my knickers in the wash"', 60),
    ("he put his hands in his pockets and said his trousers were wet", 96),
    ("she puts her hand up in class and her trousers are always clean", 96),
]
PANTS_LEFT = [
    # a boy in the third person: "his hand down his trousers" is also the boy's own act (p17's "Inappropriate sexual
    # behaviour"); the reading names the hand's owner and the child apart only by his/her and my
    pytest.param("he told his teacher that his dad's friend puts his hands down his trousers", 108, id="his-his"),
]

DRIVING_CALLS = [
    ("Mum is drunk. She has the baby in the car and is driving.", 24),
    ("mum is drunk and driving with the baby in the car", 24),
    ("dad drove the kids home from the pub steaming drunk", 96),
    ("mum was off her face on coke. She drove the baby to nursery.", 18),
    ("Dad is high. He is driving the kids to school.", 96),
    ("dad was drink driving with the children in the back", 84),
    ("her stepdad drives her to school stoned every morning", 120),
    ("mum got behind the wheel pissed with the twins in the car", 48),
    ("nan was over the limit and drove the grandkids to the park", 72),
    ("he was off his head on ketamine and drove them to school", 108),
    ("mum had been drinking all afternoon then drove him to football", 120),
    ("dad smoked weed and then drove the kids to the shops", 96),
    ('she said "mum\'s boyfriend was drunk and drove us home"', 96),
]
DRIVING_CONTROLS = [
    ("mum drives the kids to school every morning", 96),
    ("dad is a taxi driver and drives nights", 96),
    ("mum is learning to drive and takes the baby to nan's on the bus", 24),
    ("dad had a coffee and drove the kids to the park", 96),
    ("dad was drunk last night so mum drove the kids to school", 96),
    ("nan drove the kids to the seaside, dad stayed home drunk", 96),
    ("mum was pissed off and drove the kids to school", 96),
    ("mum was drunk so her boyfriend drove the baby to nursery", 24),
]


@pytest.mark.parametrize(("q", "age"), FGM_CALLS)
def test_fgm_said_plainly_with_a_trip_or_ceremony_leads_with_significant_harm(q: str, age: int) -> None:
    assert _ids(q, age)[:1] == [HARM]


@pytest.mark.parametrize(("q", "age"), FGM_CONTROLS)
def test_a_haircut_a_trip_or_a_job_done_is_no_fgm(q: str, age: int) -> None:
    assert HARM not in _ids(q, age)[:1]


@pytest.mark.xfail(strict=True, reason="p9 harm first on main a587686 already (a haircut or a ceremony beside a trip): review 27 Q12's class")
@pytest.mark.parametrize(("q", "age"), FGM_CONTROLS_LEFT)
def test_left_haircut_controls(q: str, age: int) -> None:
    assert HARM not in _ids(q, age)[:1]


@pytest.mark.parametrize(("q", "age"), PANTS_CALLS)
def test_a_hand_down_the_childs_pants_leads_with_the_allegation_row(q: str, age: int) -> None:
    assert _ids(q, age)[:1] == [ALLEGATION]


@pytest.mark.parametrize(("q", "age"), PANTS_CONTROLS)
def test_pants_and_hands_without_the_act_are_no_allegation(q: str, age: int) -> None:
    assert ALLEGATION not in _ids(q, age)[:1]


@pytest.mark.xfail(strict=True, reason="his hand down his trousers is the boy's own act too: owner and child told apart by his/her/my only")
@pytest.mark.parametrize(("q", "age"), PANTS_LEFT)
def test_left_pants(q: str, age: int) -> None:
    assert _ids(q, age)[:1] == [ALLEGATION]


@pytest.mark.parametrize(("q", "age"), DRIVING_CALLS)
def test_a_drunk_or_high_carer_driving_the_child_leads_with_immediate_risk(q: str, age: int) -> None:
    ids = _ids(q, age)
    # first where no other p9 row leads; in the first three always
    assert HARM in ids[:3]
    assert ids[0] == HARM or ids[0].startswith("immediate.")


@pytest.mark.xfail(strict=True, reason="p9 harm first on main a587686 already: 'hit' and 'drunk' read as harm; no carer drives")
def test_left_stranger_drunk_driver() -> None:
    assert HARM not in _ids("they were hit by a drunk driver on the way home, the kids are fine", 96)[:1]


@pytest.mark.parametrize(("q", "age"), DRIVING_CONTROLS)
def test_a_sober_carer_driving_or_a_stranger_drunk_is_no_immediate_risk(q: str, age: int) -> None:
    assert HARM not in _ids(q, age)[:1]

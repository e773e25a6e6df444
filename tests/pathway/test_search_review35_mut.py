"""Review 35's mutation tests (docs/safety/mutation.md "Review 35 (stop 54)"): stop 54's search readings (fix37c's calm
call kept from a p9 / p15-17 lead, `_calm_kept_first`, `_concern_word_matched`; fix37d's adult alone with the children,
`_lone_care`, `_leaver_before`, `_sibling_owns`, `_lone_with_animal`, a carer's bedtime, `_carer_bedtime`, and another
child's pregnancy, `_pregnancy_apart_first`; fix37b's carer's act with the child's fault as its reason, `_fault_given`,
`_fault_after`, `_child_speaks`, and a carer's slang for drink or drugs, `_state_carer`, `_before_been`, `high.strict`;
fix37a's, fix38a's and fix38b's data readings; the merge's mends), each test a gap a surviving mutant showed (named in its
docstring) or a neighbour of a reading (other words for the same class), written through `search()` only, so it holds
whatever code reads it (scripts/mutate_review35.sh runs each reading's own tests and these). PROBES: neighbours the code
reads wrongly, strict xfails with what was found.

Oracles, from what the words say and the document's rows (never from the search's output under a mutant):
- a call with no word of concern (a hobby, a treat, good marks) preselects no p9, Protection (p17) or Extensive
  (p15-16) row: a Universal or Additional row first; the same call with an act of harm said keeps a p9 row first;
- an adult alone with the children ("since my partner left i've had the kids on my own", "i look after my sister's
  children on my own", a carer "on his own with the cat") says no child left: no p9 home-alone row in the first three;
  a young child said left on his own keeps one first;
- a carer putting or tucking the children to bed is no young carer: none of p13-17's young carer rows in three; a child
  putting a sibling to bed because the carer is drunk keeps one;
- another child's pregnancy ("her older sister is 15 and pregnant") puts none of the child's own pregnancy rows
  (p13-14 "Pregnant under 17", p15-16 "Pregnant under 16", p17 "Sexual activity under 13") in three; the child's own
  keeps "Pregnant under 16" in three;
- a carer's pull or twist of the child's hair or ear with the child's fault as its reason leads with p9 "Child is at
  immediate risk or has suffered significant harm"; hair plaited is no harm (no p9 first);
- a carer's drink or drugs in slang ("on the lash", "off his head on something", "high", "on the sauce") keeps a
  carer's substance row (or p9's under-1 substance row for a baby) in three; "high" in its everyday sense (a high
  temperature, high school) offers none."""

from __future__ import annotations

import pytest

from pathway.search import KEPT_PLACES, default_index

HOME_ALONE = {"immediate.home_alone_5_and_under", "immediate.home_alone_at_risk"}
YOUNG_CARER = {
    "additional.young_carers_child",
    "additional.young_carers_family",
    "extensive.young_carers",
    "protection.young_carer_significant_responsibilities",
}
CHILDS_PREGNANCY = {"extensive.pregnant_under_16", "additional.pregnant_under_17", "protection.sexual_activity_under_13"}
CARER_SUBSTANCE = {
    "additional.substance_misuse_impact_ability",
    "protection.chronic_substance_misuse",
    "extensive.mental_physical_health_problems",
    "immediate.substance_use_under_1",
}
HARM = "immediate.significant_harm"
HOMELESS = {"extensive.family_child_homeless", "protection.no_fixed_abode_homeless"}
OWN_MIND = {
    "extensive.behaviour_puts_life_risk",
    "protection.endangers_life_through_self",
    "extensive.significant_mental_health_needs",
    "additional.mental_health_concerns_about",
    "protection.acute_mental_physical_health",
}


def _found(q: str, age: int | None) -> list[str]:
    return [h.id for h in default_index().search(q, age_in_months=age, limit=KEPT_PLACES + 2, finished=True)]


def _low(row: str) -> bool:
    """A Universal or Additional row (no p9 criterion, no p15-16 or p17 need)."""
    return row.startswith(("universal.", "additional."))


# --- gaps: each a surviving mutant's (scripts/mutate_review35.sh; docs/safety/mutation.md "Review 35 (stop 54)") ------


@pytest.mark.parametrize(
    ("q", "age"),
    [
        ("she's 15 and expecting", 180),
        ("she's in year 11 and she's pregnant", None),
        ("she's 15 and expecting and her boyfriend is 16", None),
        ("my 15 year old has just told me she's pregnant and she's really happy", 180),
    ],
)
def test_a_young_persons_own_pregnancy_said_calmly_leads_with_pregnant_under_16(q: str, age: int | None) -> None:
    """`_pregnancy_rows` 1 (`py = None`: no pregnancy row kept first by _calm_kept_first, the learned model's calm over
    a pregnancy said with no word of concern): p15-16 "Pregnant under 16" leads for a girl of 15 (review 27 Q5, safety;
    fix28b), not p13-14 "Pregnant under 17". Under it the two calls with no age entered (her age said) led with "Pregnant
    under 17"; the calm group's own tests (fix37c, steps, lead54) said none of these (fix28b's and fix31b's do)."""
    ids = _found(q, age)
    assert ids and ids[0] == "extensive.pregnant_under_16", ids


@pytest.mark.parametrize(
    ("q", "age"),
    [
        ("he's only 5 but his mum twists his ear if he answers back", 60),
        ("she is 6 and her dad pulls her hair when she is naughty", 72),
    ],
)
def test_a_carers_pull_with_the_childs_fault_said_after_a_clause_word_leads_with_p9_harm(q: str, age: int) -> None:
    """`_object_span` 130 (fix37b's `fault_acts` loop from the call's first word, not the act's: a clause or joining
    word before the act, "but", ends it): "he's only 5 but his mum twists his ear if he answers back" lost p9 harm from
    the first five under it, the child's own "Disruptive or anti-social behaviour" first. fix37b's own calls say the act
    first, no clause word before it."""
    ids = _found(q, age)
    assert ids and ids[0] == HARM, ids


@pytest.mark.parametrize(
    ("q", "age"),
    [
        ("mum is on her own with the toddler all day", 24),
        ("i'm on my own with the toddlers since he left", 30),
        ("nan is on her own with the infant at night", 6),
    ],
)
def test_a_carer_on_their_own_with_a_toddler_or_infant_offers_no_home_alone_row(q: str, age: int) -> None:
    """`_lone_with_at` 13 (`persons and kin` for `persons or kin`: an object that is one of `persons` only, "the
    toddler", "the infant", "the newborn", no longer the children the carer is with): each of these led with p9's
    home-alone rows under it. fix37d's and fix33a's calls name "the kids", "the twins", "the baby" (`recipients`)."""
    ids = _found(q, age)
    assert not HOME_ALONE & set(ids[:KEPT_PLACES]), ids


def test_a_young_child_said_left_beside_a_lone_carer_with_the_children_keeps_a_home_alone_row_first() -> None:
    """`_leaver_before` 13 (`!=` for `==`: every "left" with no person or place after it read as someone leaving the
    family): "mum has the kids on her own and the 3 year old is left for hours every day" lost both p9 home-alone rows
    from the first three under it (fix31c's and fix37d's lone carer reading kept them out). fix37d's calls say "left"
    only of a carer or a leaver ("since he left"), or none."""
    ids = _found("mum has the kids on her own and the 3 year old is left for hours every day", 36)
    assert ids and ids[0] in HOME_ALONE, ids


# --- neighbours of fix37c (a calm call), read as they should be -------------------------------------------------------


@pytest.mark.parametrize(
    ("q", "age"),
    [
        ("she helps her nan bake cakes on a sunday", 110),
        ("he's smashing it in his football team this season", 120),
        ("his auntie is getting married in may and he's going to be a pageboy", 84),
        ("she got a gold star at school for her reading", 84),
        ("he's nailing it at his new school and loves his teacher", 100),
    ],
)
def test_a_calm_call_with_no_word_of_concern_leads_with_a_universal_or_additional_row(q: str, age: int) -> None:
    ids = _found(q, age)
    assert not ids or _low(ids[0]), ids


@pytest.mark.parametrize(
    ("q", "age"),
    [
        ("she helps her grandad in the garden and he touches her private parts", 120),
        ("she helps her nan with the shopping and nan hits her with a belt", 120),
        ("he helps his grandad wash the car and his grandad punches him when he gets it wrong", 110),
    ],
)
def test_harm_said_in_a_calm_sounding_call_keeps_a_p9_row_first(q: str, age: int) -> None:
    ids = _found(q, age)
    assert ids and ids[0].startswith("immediate."), ids


# --- neighbours of fix37d (an adult alone with the children, bedtime, another child's pregnancy) -----------------------


@pytest.mark.parametrize(
    ("q", "age"),
    [
        ("since my partner left i've had the kids on my own", 48),
        ("i look after my sister's children on my own", 48),
        ("mum is on her own with the baby and dad is on his own with the cat", 12),
        ("grandad is on his own with the dog and nan has the kids on her own", 60),
    ],
)
def test_an_adult_alone_with_the_children_offers_no_home_alone_row(q: str, age: int) -> None:
    ids = _found(q, age)
    assert not HOME_ALONE & set(ids[:KEPT_PLACES]), ids


def test_a_young_child_left_on_his_own_since_a_carer_left_leads_with_a_home_alone_row() -> None:
    """The control: "left" of the child, after "since he left" (a carer leaving)."""
    ids = _found("since he left the 4 year old is left on his own all day", 48)
    assert ids and ids[0] in HOME_ALONE, ids


@pytest.mark.parametrize(("q", "age"), [("grandma tucks the little one into bed every night", 60), ("dad puts the twins to bed at 7 every night", 48)])
def test_a_carers_bedtime_care_offers_no_young_carer_row(q: str, age: int) -> None:
    ids = _found(q, age)
    assert not YOUNG_CARER & set(ids[:KEPT_PLACES]), ids


def test_a_child_putting_a_sibling_to_bed_because_the_carer_is_drunk_keeps_a_young_carer_row() -> None:
    ids = _found("the 9 year old puts his baby sister to bed every night because mum is drunk", 108)
    assert YOUNG_CARER & set(ids[:KEPT_PLACES]), ids


@pytest.mark.parametrize(("q", "age"), [("her older sister is 15 and pregnant", 130), ("his big sister is 16 and expecting a baby", 144)])
def test_another_childs_pregnancy_offers_none_of_the_childs_pregnancy_rows(q: str, age: int) -> None:
    ids = _found(q, age)
    assert not CHILDS_PREGNANCY & set(ids[:KEPT_PLACES]), ids


def test_the_childs_own_pregnancy_keeps_its_row() -> None:
    ids = _found("she is 14 and pregnant", 168)
    assert "extensive.pregnant_under_16" in ids[:KEPT_PLACES], ids


# --- neighbours of fix37b (an act with the child's fault as its reason; a carer's slang) --------------------------------


@pytest.mark.parametrize(
    ("q", "age"),
    [
        ("she said daddy pulls her hair when she's naughty", 72),
        ("mum yanks his ear if he answers back", 84),
        ("dad twists my ear when i'm naughty", 96),
    ],
)
def test_a_carers_pull_or_twist_with_the_childs_fault_leads_with_p9_harm(q: str, age: int) -> None:
    ids = _found(q, age)
    assert ids and ids[0] == HARM, ids


@pytest.mark.parametrize(("q", "age"), [("mum plaits her hair every morning before school", 72)])
def test_a_carers_everyday_hair_care_puts_no_p9_row_first(q: str, age: int) -> None:
    ids = _found(q, age)
    assert not (ids and ids[0].startswith("immediate.")), ids


@pytest.mark.parametrize(
    ("q", "age"),
    [
        ("mum's been on the lash all weekend and the baby is 3 months", 3),
        ("dad was off his head on something again last night", 84),
        ("mum is high most days", 72),
        ("dad is high again", 84),
        ("dad has been on the sauce since friday", 60),
        ("mum has been on the pop all week and the kids are 2 and 4", 30),
    ],
)
def test_a_carers_drink_or_drug_slang_keeps_a_carers_substance_row_in_sight(q: str, age: int) -> None:
    ids = _found(q, age)
    assert CARER_SUBSTANCE & set(ids[:KEPT_PLACES]), ids


@pytest.mark.parametrize(("q", "age"), [("he goes to the high school next year", 130), ("she has a high temperature and won't eat", 24)])
def test_high_in_its_everyday_sense_offers_no_carers_substance_row(q: str, age: int) -> None:
    ids = _found(q, age)
    assert not CARER_SUBSTANCE & set(ids[:KEPT_PLACES]), ids


# --- neighbours of fix37a, fix38a, fix38b (data readings) ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("q", "age"),
    [("the twins are staying at their grandad's over easter", 84), ("she's stopping with her aunt for a week while i'm in hospital", 96)],
)
def test_a_stay_with_family_offers_no_homeless_row(q: str, age: int) -> None:
    ids = _found(q, age)
    assert not HOMELESS & set(ids[:KEPT_PLACES]), ids


def test_a_family_evicted_and_sleeping_at_a_relatives_keeps_a_homeless_row() -> None:
    ids = _found("we're sleeping at my mum's because we got evicted last week", 60)
    assert HOMELESS & set(ids[:KEPT_PLACES]), ids


@pytest.mark.parametrize(
    ("q", "age"),
    [
        ("she told her nan she wants to go to sleep and never wake up", 150),
        ("she's been giving all her stuff away to her friends and saying goodbye", 170),
    ],
)
def test_a_childs_wish_to_die_in_new_words_keeps_an_own_mind_row_in_sight(q: str, age: int) -> None:
    ids = _found(q, age)
    assert OWN_MIND & set(ids[:KEPT_PLACES]), ids


@pytest.mark.parametrize(
    ("q", "age"),
    [
        ("dad held a pillow over the baby's face to stop her crying", 4),
        ("mum put a cushion over his face until he went limp", 36),
        ("my daddy won't wake up and i'm hungry", 48),
        ("she can't wake her mum up and it's nearly dinner time, she's 5", 60),
        ("her aunties are taking her abroad to be cut in the summer", 96),
        ("they lock the 6 year old out in the garden when he's naughty", 72),
    ],
)
def test_a_smothering_a_carer_who_wont_wake_fgm_or_a_child_put_out_leads_with_p9_harm(q: str, age: int) -> None:
    ids = _found(q, age)
    assert ids and ids[0] == HARM, ids


@pytest.mark.parametrize(
    ("q", "age"),
    [
        ("she put a cushion behind her back to watch the telly", 96),
        ("i can't wake her up for school, she's 14", 168),
        ("he went out into the garden to play football", 72),
    ],
)
def test_the_same_words_in_their_everyday_sense_put_no_p9_row_first(q: str, age: int) -> None:
    ids = _found(q, age)
    assert not (ids and ids[0].startswith("immediate.")), ids


def test_a_child_missing_after_dark_keeps_the_missing_row_in_sight() -> None:
    ids = _found("my 8 year old isn't home yet and it's dark and her phone's off", 96)
    assert "extensive.children_who_go_missing" in ids[:KEPT_PLACES], ids


# --- probes: neighbours read wrongly on main de3c9cec (findings for the readings' owners) -------------------------------


def _no_high_first(ids: list[str]) -> bool:
    return not ids or _low(ids[0])


PROBES = [
    # (words, age, what must hold, what was found on main de3c9cec)
    (
        "my daughter's friend's mum invited her round for tea on friday",
        108,
        _no_high_first,
        "inflation (fix37c's class): p15-16 'Socially excluded / isolated' first, p9 significant harm fourth, on no word of concern",
    ),
    (
        "her friend keeps asking if she can sleep over at ours",
        120,
        _no_high_first,
        "inflation (fix37c's and fix37a's asking class): p15-16 'Difficulty in accepting/identifying race' first, p9 disclosure fourth",
    ),
    (
        "i've been on my own with the twins since he walked out",
        36,
        lambda ids: not (ids and ids[0].startswith("immediate.")) and not HOME_ALONE & set(ids[:KEPT_PLACES]),
        "inflation (fix37d's class; 'walked out', not 'left'): p9 'Unexplained injuries' first, both home-alone rows fourth and fifth",
    ),
    (
        "grandma tucks the little one into bed every night",
        60,
        lambda ids: not (ids and ids[0].startswith("immediate.")),
        "inflation (fix37d's bedtime; the young carer rows are out): p9 'Allegations or disclosures' first (Search37d saw it: 'dad tucks the twins into bed')",
    ),
    (
        "dad pulls her hair and says she is cheeky when she asks for food",
        84,
        lambda ids: HARM in ids[:KEPT_PLACES],
        "safety (fix37b's fault class, the fault said before the reason's 'when': _fault_after reads only after it; the"
        " surviving mutant _fault_after 8 leads with p9 harm): the child's 'Disruptive or anti-social behaviour' first, p9 harm not in five",
    ),
    (
        "mum pulls his hair and calls him naughty when he cries",
        72,
        lambda ids: HARM in ids[:KEPT_PLACES],
        "safety (as above; _fault_after 8 leads with p9 harm): p13-14 'Child perceived to be a problem by parents' first, p9 harm fourth",
    ),
    (
        "dad has been on his own with the newborn since mum went into hospital",
        1,
        lambda ids: not (ids and ids[0].startswith("immediate.")),
        "inflation (fix37d's lone carer class; found probing _lone_with_at 13): p9 'Under 1 ... substance use' first, no substance said",
    ),
    (
        "mum pulls his hair back with a clip when it gets in his eyes",
        60,
        lambda ids: not (ids and ids[0].startswith("immediate.")),
        "inflation (fix37b's control class, no fault given): p9 'Unexplained injuries' first",
    ),
    (
        "dad had been on the bus all morning",
        60,
        lambda ids: not CARER_SUBSTANCE & set(ids[:KEPT_PLACES]),
        "inflation (near fix37b's slang class, not its 'had been' reading: 'dad was on the bus all morning' the same: the words"
        " 'on the bus', which row's words they matched not read in time): p15-16 'Mental or physical health problems ... substance misuse' first, p17 'Chronic"
        " substance misuse' third",
    ),
    (
        "he fell asleep on the sofa watching the football",
        120,
        lambda ids: not (ids and ids[0].startswith("immediate.")),
        "inflation (fix37a's sofa class: the homeless rows are fourth and fifth): p9 'Unexplained injuries' first",
    ),
    (
        "he slept on the sofa after the party at his mate's house",
        180,
        lambda ids: not HOMELESS & set(ids[:KEPT_PLACES]),
        "inflation (fix37a's sofa class, 'slept on' not 'asleep on'): the child's 'Uses substances' first, both homeless rows second and third",
    ),
    (
        "they're learning about drugs and alcohol in science this term",
        144,
        _no_high_first,
        "inflation (fix37a's school topic class): p15-16 'Mental or physical health problems ... substance misuse' first",
    ),
    (
        "the smoke alarm went off because i burnt the toast",
        72,
        _no_high_first,
        "inflation (fix37a's kitchen alarm class): p17 'Severe/significant developmental delay' first, the carer's substance row second",
    ),
    (
        "she cut her finger on a tin",
        96,
        lambda ids: not (ids and ids[0].startswith("immediate.")),
        "inflation (fix38b's FGM 'cut' class, an everyday cut): p9 significant harm first",
    ),
    (
        "he says nobody would even notice if he was gone",
        160,
        lambda ids: bool(OWN_MIND & set(ids[:KEPT_PLACES])),
        "safety (fix38a's wish to die class): no self-harm or mental health row in five; p9 'Unexplained injuries' second",
    ),
    (
        "she only eats an apple a day and runs every night till she's exhausted",
        168,
        lambda ids: bool(OWN_MIND & set(ids[:KEPT_PLACES])),
        "safety (fix38a's self-starving class): 'Children who go missing' first, p17 'Endangers own life' fifth",
    ),
]


# at the merge (stop 55): probes a branch of the same stop mended, each with the reading that holds it (no strict xfail)
MENDED = {
    "he says nobody would even notice if he was gone": "fix40a's `fix40a_nobody_would_notice` (docs/adviser.md Search40a)",
    # stop 56 (fix41b; docs/adviser.md Search41b)
    "dad pulls her hair and says she is cheeky when she asks for food": "fix41b's `harm_to_child.fault_reasons` (the carer's 'says she')",
    "mum pulls his hair and calls him naughty when he cries": "fix41b's `harm_to_child.fault_reasons` ('calls him'), `speaker_faults` ('cries')",
    "she only eats an apple a day and runs every night till she's exhausted": "fix41b's `fix41b_eats_little_exercises`",
}


@pytest.mark.parametrize(
    ("q", "age", "holds"),
    [
        pytest.param(q, age, holds, id=q[:40]) if q in MENDED else pytest.param(q, age, holds, marks=pytest.mark.xfail(strict=True, reason=why), id=q[:40])
        for q, age, holds, why in PROBES
    ],
)
def test_probes_found_over_and_under_calls(q: str, age: int, holds) -> None:  # type: ignore[no-untyped-def]
    ids = _found(q, age)
    assert holds(ids), ids

"""Review 34's mutation tests (docs/safety/mutation.md "Review 34 (stop 53)"): stop 53's search readings (fix35a's
strength beside a concern, `_contrast_concern_first`, `_denying_subject_over`, `lacking_lead`, `praise_lead`; fix35c's
young child alone at home, search_minded.alone_at and `_child_alone_at`; fix35d's carer's act on the other carer,
`_act_on_carer_in_sight`; fix36b's temper with the drink, `_tempered_violence_first`, `_rung_into_sight`, `temper_and`;
fix36a's `named_rows.unless`; fix35b's sexual row's core and everyday senses; Search53's denial plain words built once),
each test a gap a surviving mutant showed (named in its docstring) or a neighbour of a reading (other words for the
same class), written through `search()` only, so it holds whatever code reads it (scripts/mutate_review34.sh runs each
reading's own tests and these). PROBES: neighbours the code reads wrongly, strict xfails with what was found.

Oracles, from what the words say and the document's rows (never from the search's output under a mutant):
- a young child (under 12, said or entered) alone at home while the carer is away ("the 6 year old is home alone
  until she gets back") leads with a p9 home-alone row ("Left 'home alone' ...", p9); a carer alone with the children
  ("nana minds the baby on her own while mum is at work"), a child said never alone, or an adult at home says no
  child left: no p9 home-alone row first (none in the first three where a carer minds);
- a strength's lack said with a denying subject ("noone in the family ever plays with her") is the lack: p11-12's
  strength "Supports development through interaction and play" is not first; a concern said after a contrast word
  ("however", "whereas") beside a strength is the call's concern: no Universal row first;
- a carer's violence to the other carer said by its act keeps a domestic-violence row (p9 "repeated domestic
  violence", p15-16 "Child witnessing", p13-14 / p15-16 "Suspected domestic violence", p17 "Persistent domestic
  abuse") in the first three; an everyday act between carers ("dad threw mum a surprise party") puts no p9 row first;
- a carer's temper with the drink is no behaviour of the child's: the child's behaviour rows are not first;
- a word said in its everyday sense ("having a sleepover", "having her ears pierced", "had a hard time") preselects no
  p9 or p17 row."""

from __future__ import annotations

import pytest

from pathway.search import KEPT_PLACES, search

HOME_ALONE = {"immediate.home_alone_5_and_under", "immediate.home_alone_at_risk"}
PLAY_STRENGTH = "universal.supports_development_through_interaction"
DV = {
    "immediate.repeated_domestic_violence",
    "extensive.child_witnessing_experiencing_domestic",
    "additional.suspected_domestic_violence",
    "extensive.suspected_domestic_violence",
    "protection.persistent_domestic_abuse",
}
CARER_SUBSTANCE = {"additional.substance_misuse_impact_ability", "protection.chronic_substance_misuse", "extensive.mental_physical_health_problems"}
CHILD_BEHAVIOUR = {"additional.disruptive_anti_social_behaviour", "extensive.violent_aggressive_anti_social", "universal.age_appropriate_behaviour_self"}


def _ids(q: str, age: int | None = None, *, unborn: bool = False, limit: int = 5) -> list[str]:
    return [h.id for h in search(q, age_in_months=age, unborn=unborn, limit=limit, finished=True)]


def _p9(row: str) -> bool:
    return row.startswith("immediate.")


def _level(row: str) -> str:
    return row.split(".", 1)[0]


# --- gaps: each test fails under the surviving mutant named and passes on main 22dcacb


@pytest.mark.parametrize(
    ("q", "age"),
    [
        ("nana minds the baby on her own while mum is at work", 12),
        ("grandad has the kids on his own while mum works late", 48),
        ("my nan looks after the baby on her own until mum gets back", 10),
    ],
)
def test_a_carer_minding_the_children_on_their_own_while_the_parent_works_offers_no_home_alone_row(q: str, age: int) -> None:
    """_child_alone_at 1 (`s = None`: fix31c's lone-carer reading never asked, so "on her own" is read as the child's
    in search_minded.alone_at): p9 "Left 'home alone' ..." led (the grandparent is with the children). fix31c's own
    test file holds one such call; fix35c's group did not run it."""
    ids = _ids(q, age)
    assert not HOME_ALONE & set(ids[:KEPT_PLACES]), ids


@pytest.mark.parametrize(
    "q",
    [
        "aged 7 and waits in the empty flat until mum gets back",
        "aged 6, she lets herself in and is on her own till mum gets home from work",
    ],
)
def test_a_young_childs_age_said_first_in_the_call_keeps_the_home_alone_row_first(q: str) -> None:
    """_ages_said 31 (`i > 1`: a number just after `age_after` ("aged") read only from the call's third word): with no
    age entered, the child's age said as the call's first words was not read, the child not young: p9's home-alone row
    left first place (independence beyond years first)."""
    ids = _ids(q)
    assert ids and ids[0] in HOME_ALONE, ids


@pytest.mark.parametrize(
    ("q", "age"),
    [
        ("mum is on her own at work and the 6 year old is home alone until she gets back", 72),
        ("dad is by himself on nights so my 7 year old lets herself in and is in the empty flat till mum gets home", None),
    ],
)
def test_a_carer_alone_elsewhere_before_a_young_child_alone_at_home_keeps_the_home_alone_row_first(q: str, age: int | None) -> None:
    """_alone_here 51 (`break` for `continue`: the first lone phrase said of a carer, "mum is on her own at work", ended
    the reading before the child's own, "the 6 year old is home alone"): p9's home-alone row left first place."""
    ids = _ids(q, age)
    assert ids and ids[0] in HOME_ALONE, ids


def test_a_young_child_said_never_on_his_own_has_no_home_alone_row_first() -> None:
    """_alone_here 11 (`words[a - 2]`: the denial read two words before the lone phrase, so "never on his own" is not
    denied): p9 "Left 'home alone' (at risk)" led. The words say he is never alone (he waits at nan's)."""
    ids = _ids("the 6 year old is never on his own, he waits at nan's until mum gets back", 72)
    assert ids and ids[0] not in HOME_ALONE, ids


@pytest.mark.parametrize(
    ("q", "age"),
    [
        ("noone in the family ever plays with her", 40),
        ("noone ever reads to him or plays with him", 36),
        ("noone at home ever takes her to the park or plays with her", 40),
    ],
)
def test_noone_written_as_one_word_denies_the_strength(q: str, age: int) -> None:
    """_denying_subject_over 25 (`"noone"` not read as a denying subject): p11-12's "Supports development through
    interaction and play" led for a call that says nobody plays with the child."""
    ids = _ids(q, age)
    assert ids and ids[0] != PLAY_STRENGTH, ids


@pytest.mark.parametrize(
    ("q", "age"),
    [
        ("mum has mental health problems and is violent to dad", 96),
        ("mum's violent towards dad", 120),
        ("dad is violent to mum when he drinks", 84),
    ],
)
def test_a_carer_said_violent_to_the_other_carer_leads_with_p9_repeated_violence(q: str, age: int) -> None:
    """_violent_to_carer_first 21 (`_offered_last(ranked, c.final)`: a TypeError wherever fix33c's lead is offered):
    fix35d rewrote the function's guard; fix35d's own tests say the violence by its act only, so the words "violent
    to dad" (fix33c's) never reached the offer in the group's run."""
    ids = _ids(q, age)
    assert ids and ids[0] == "immediate.repeated_domestic_violence", ids


@pytest.mark.parametrize("q", ["he isn't settled with his dad", "she isn't settled at home"])
def test_a_strength_denied_leads_with_the_row_found_on_the_denied_word(q: str) -> None:
    """lacking_lead 34 (`found = None`: fix35a's fallback, the first concern of the first five, always taken for the row
    word matching found on the lacking word, Search26a's lead): "he isn't settled with his dad" led with p13's
    Universal "Good stable relationships with carers" (the fallback found none it could take). denial26's tests,
    which hold these calls' class, were outside fix35a's group."""
    ids = _ids(q)
    assert ids and ids[0] == "additional.attachment_issues", ids


# --- neighbours that hold (other words for each reading's class)


@pytest.mark.parametrize(
    ("q", "age"),
    [
        ("the 7 year old is home alone mum works late", 84),
        ("the 6 year old is by herself mum works late every night", None),
        ("she is 8 and lets herself in, nobody is home till mum finishes work", None),
    ],
)
def test_a_young_child_alone_while_the_carer_works_late_leads_with_a_home_alone_row(q: str, age: int | None) -> None:
    ids = _ids(q, age)
    assert ids and ids[0] in HOME_ALONE, ids


@pytest.mark.parametrize(
    ("q", "age"),
    [
        ("he's happy at nursery, however mum drinks every day", 48),
        ("he's doing well at school but dad is on crack", 100),
        ("he's doing great but mum uses ice", 96),
    ],
)
def test_a_carers_substance_said_after_a_strength_is_not_led_by_the_strength(q: str, age: int) -> None:
    ids = _ids(q, age)
    assert ids and _level(ids[0]) != "universal", ids
    assert CARER_SUBSTANCE & set(ids[:KEPT_PLACES]), ids


@pytest.mark.parametrize(
    ("q", "age"),
    [
        ("she's happy. she's healthy. she's at school. but, mum's partner hits her", 96),
        ("mum is doing well with the pregnancy but her partner hits her", None),
        ("the scans are all fine but dad punches mum in the stomach", None),
        ("she is healthy and eating well but her boyfriend drinks and kicks her", None),
    ],
)
def test_violence_said_after_a_strength_keeps_a_p9_row_first(q: str, age: int | None) -> None:
    """Cut clauses (a "but" alone between stops) and an unborn baby's calls (the clause searched as the call is)."""
    ids = _ids(q, age, unborn=age is None)
    assert ids and _p9(ids[0]), ids


@pytest.mark.parametrize(
    ("q", "age"),
    [
        ("no problems at all, he plays with his sister all day", 48),
        ("they have a lovely home but the garden is a bit small", 60),
    ],
)
def test_a_strength_said_with_no_concern_puts_no_concern_first(q: str, age: int) -> None:
    ids = _ids(q, age)
    assert ids and _level(ids[0]) == "universal", ids


@pytest.mark.parametrize(
    ("q", "age"),
    [
        ("my dad pushed my mum down the stairs", 120),
        ("her stepdad threw her mum against the wall", 96),
        ("dad slammed mum into the door last night", 72),
        ("his dad dragged his mum across the kitchen by her hair", 100),
        ("my mum's boyfriend punched my mum in the face", 132),
    ],
)
def test_a_carers_act_on_the_other_carer_keeps_a_domestic_violence_row_in_sight(q: str, age: int) -> None:
    ids = _ids(q, age)
    assert DV & set(ids[:KEPT_PLACES]), ids


@pytest.mark.parametrize(
    ("q", "age"),
    [
        ("mum pushed dad to go to the doctor", 120),
        ("my dad kicked the ball to my mum", 84),
        ("dad pushed mum's wheelchair down the ramp", 100),
    ],
)
def test_an_everyday_act_between_carers_puts_no_p9_row_first(q: str, age: int) -> None:
    ids = _ids(q, age)
    assert not ids or not _p9(ids[0]), ids


@pytest.mark.parametrize(
    ("q", "age"),
    [
        ("dad loses his temper and breaks things when he's been drinking", 96),
        ("mum gets angry and smashes plates when she's drunk", 84),
        ("my stepdad loses it and throws stuff at us when he drinks", 120),
    ],
)
def test_a_carers_temper_with_the_drink_is_no_behaviour_of_the_childs(q: str, age: int) -> None:
    ids = _ids(q, age)
    assert ids and ids[0] not in CHILD_BEHAVIOUR, ids
    assert (CARER_SUBSTANCE | DV) & set(ids[:KEPT_PLACES]), ids


def test_a_childs_own_temper_keeps_the_childs_behaviour_row() -> None:
    ids = _ids("he loses his temper and throws things when he doesn't get his way", 96)
    assert CHILD_BEHAVIOUR & set(ids[:KEPT_PLACES]), ids


@pytest.mark.parametrize(
    ("q", "age"),
    [
        ("there's no food in the house and no money for the meter", 60),
        ("the kids eat out of the bins because we're skint", 72),
    ],
)
def test_no_food_said_with_the_familys_poverty_leads_with_a_poverty_row(q: str, age: int) -> None:
    """fix36a's `named_rows.unless`: the family's poverty said, the diet row does not lead."""
    ids = _ids(q, age)
    assert ids and ids[0] in {"extensive.serious_debts_poverty_impacting", "protection.extreme_poverty_debt_impacting"}, ids


@pytest.mark.parametrize(
    ("q", "age"),
    [
        ("she's having a sleepover at her friend's", 144),
        ("she asked if she can stay at her dad's this weekend", 120),
    ],
)
def test_having_and_asking_in_their_everyday_sense_preselect_no_p9_or_p17_row(q: str, age: int) -> None:
    ids = _ids(q, age)
    assert ids and _level(ids[0]) not in ("immediate", "protection"), ids


def test_a_12_year_old_sleeping_with_an_adult_keeps_the_sexual_row_in_sight() -> None:
    ids = _ids("my 12 year old is sleeping with her 19 year old boyfriend", 144)
    assert {"protection.sexual_activity_under_13", "immediate.contact_with_adults_risk"} & set(ids[:KEPT_PLACES]), ids


# --- PROBES: neighbours the code (main 22dcacb) reads wrongly; strict xfails, findings for the next stop


PROBES = [
    # (query, age, kind, rows, why): kind "not_first" (none of rows first), "in_three" (one of rows in the first three),
    # "no_p9_first", "no_p9_in_three", "no_universal_first"
    (
        "she's doing well at school however her dad hits her mum",
        110,
        "in_three",
        DV,
        "fix35a's class with 'however': Universal first, no DV row in three (safety)",
    ),
    ("he loves school whereas his mum is using heroin at home", 100, "no_universal_first", set(), "fix35a's class with 'whereas': Universal first"),
    (
        "she's fine at school but mum's on meth",
        110,
        "in_three",
        CARER_SUBSTANCE,
        "'on meth' of a carer after a strength: absence rows lead, no carer substance row in three (safety)",
    ),
    (
        "she had a bad patch with her mood but she's doing really well now",
        150,
        "no_p9_first",
        set(),
        "p9 'significant harm' first for a past low mood (inflation)",
    ),
    (
        "she is doing well but her mum is not coping",
        60,
        "not_first",
        {"extensive.teenage_parents_with_concerns"},
        "p15-16 teenage parents first, no teenage parent said (inflation)",
    ),
    ("nobody in the house would ever stop him playing with his friends", 96, "no_p9_in_three", set(), "p9 home alone in three for praise (inflation)"),
    (
        "no one ever complains about how she plays with the baby",
        40,
        "no_p9_in_three",
        set(),
        "p17 persistent anti-social behaviour first, p9 unexplained injuries third (inflation)",
    ),
    (
        "no one could fault him, he plays nicely with his brother",
        48,
        "not_first",
        {"additional.child_perceived_problem_parent"},
        "praise_lead's class with 'no one': p13 'perceived to be a problem' first, p17 'highly critical' second (inflation)",
    ),
    (
        "she has no worries and plays happily with her friends",
        60,
        "not_first",
        {"additional.few_opportunities_play_socialisation"},
        "p13 'few opportunities for play' first for a strength (inflation)",
    ),
    (
        "the 6 year old is on his own in his room but dad is at home until mum gets back",
        72,
        "no_p9_first",
        set(),
        "dad at home: p9 significant harm first, home alone second (inflation)",
    ),
    (
        "the 5 year old plays on her own upstairs while nan stays in till mum gets home",
        60,
        "not_first",
        HOME_ALONE,
        "nan stays in: p9 home alone first and second (inflation)",
    ),
    (
        "my 7 year old is by himself in the garden, grandad is in the house until mum gets back from work",
        84,
        "not_first",
        HOME_ALONE,
        "grandad in the house: p9 home alone first (inflation)",
    ),
    (
        "she is 7 and is not left on her own till mum gets back",
        None,
        "not_first",
        HOME_ALONE,
        "'not left on her own': p9 home alone 5 and under first (inflation; the denial two words before)",
    ),
    (
        "grandad has the kids on his own while mum works late",
        48,
        "no_p9_first",
        set(),
        "p9 'contact with adults who pose a risk' first for a grandparent minding (inflation)",
    ),
    (
        "nana minds the baby on her own while mum is at work",
        12,
        "not_first",
        {"extensive.family_child_homeless"},
        "p15-16 homeless first for a grandparent minding (inflation)",
    ),
    (
        "the 6 year old is never on his own, he waits at nan's until mum gets back",
        72,
        "not_in_three",
        HOME_ALONE,
        "p9 home alone second where the words say never alone (inflation)",
    ),
    (
        "she said her dad kicked her mum when she was on the floor",
        84,
        "in_three",
        {"immediate.repeated_domestic_violence"},
        "fix35d's class reported: p9 repeated DV not in three (safety)",
    ),
    (
        "dad gets angry and lashes out when he's had a few",
        100,
        "not_first",
        CHILD_BEHAVIOUR,
        "fix36b's class with 'had a few': the child's behaviour row first, no carer substance row (safety)",
    ),
    ("he's having a hard time at school", 140, "no_p9_in_three", set(), "fix35b's class: p9 significant harm second for 'having a hard time' (inflation)"),
    (
        "nobody would ever fault mum, she plays with them all day",
        48,
        "not_first",
        {"additional.child_perceived_problem_parent"},
        "praise_lead reads a denial two words before 'fault' only ('nobody would ever fault'): p13 'perceived to be a problem'"
        " first (inflation; praise_lead 25's three words read it)",
    ),
    (
        "no grown up ever reads to him",
        36,
        "not_first",
        {PLAY_STRENGTH},
        "_denying_subject_over reads no 'no' + a person ('no grown up', 'no adult') as a denying subject: the play strength"
        " first (_denying_subject_over 37 reads it)",
    ),
    (
        "no adult in the house ever plays with her",
        40,
        "no_p9_first",
        set(),
        "p9 home alone first and second for a lack of play (inflation)",
    ),
    ("she isn't settled at home", None, "no_p9_in_three", set(), "p9 'significant harm' third for a child not settled (inflation)"),
    ("he hasn't settled at his new school", None, "no_p9_in_three", set(), "p15-16 poor self care first, p9 'contact with adults' third (inflation)"),
    (
        "she's not settled at nursery",
        None,
        "not_in_three",
        {"protection.inappropriate_sexual_behaviour"},
        "p17 inappropriate sexual behaviour third (inflation)",
    ),
    (
        "dad pushed mum aside and then threw mum down the stairs",
        96,
        "in_three",
        DV,
        "fix35d's class, the doer said before 'and then': two p9 harm rows lead, no domestic-violence row in three (safety)",
    ),
]


# fix39c (stop 55; docs/adviser.md "Search39c"): probes that pass since and lose their strict xfail, each with its reading
MENDED = {
    "she's doing well at school however her dad hits her mum": "not_now.bounds (a contrast word ends 'doing well')",
    "he loves school whereas his mum is using heroin at home": "_contrast_carer_concern (a carer's drugs after 'whereas')",
    "she said her dad kicked her mum when she was on the floor": "turned_words parent_childhood's done_to",
    "dad gets angry and lashes out when he's had a few": "carer_substance temper 'lashes out' and measure_end 'had a few'",
    "dad pushed mum aside and then threw mum down the stairs": "_act_object (an earlier act's object is no doer)",
}

# mended by fix39a (stop 55; docs/adviser.md "Search39a"): PROBES that now hold, moved out of PROBES as plain tests
MENDED_39A = [
    ("he's doing fine at school but he's a bit shy", 108, "not_first", {"additional.concerns_about_diet_poor"}, "p13 diet first for shyness (inflation)"),
    ("dad threw mum a surprise party", 96, "no_p9_first", set(), "p9 significant harm first for a party (inflation)"),
    ("dad dropped mum off at work", 72, "no_p9_first", set(), "p9 trafficking first for a lift to work (inflation)"),
    (
        "my 11 year old is having her ears pierced",
        132,
        "not_first",
        {"extensive.chronic_recurring_health_problems"},
        "p15-16 chronic health problems first for ear piercing (inflation)",
    ),
]


def _holds(ids: list[str], kind: str, rows: set[str]) -> bool:
    three = ids[:KEPT_PLACES]
    return {
        "not_first": lambda: not ids or ids[0] not in rows,
        "not_in_three": lambda: not rows & set(three),
        "in_three": lambda: bool(rows & set(three)),
        "no_p9_first": lambda: not ids or not _p9(ids[0]),
        "no_p9_in_three": lambda: not any(_p9(n) for n in three),
        "no_universal_first": lambda: bool(ids) and _level(ids[0]) != "universal",
    }[kind]()


@pytest.mark.parametrize(
    ("q", "age", "kind", "rows"),
    [
        pytest.param(q, age, kind, rows, id=q)
        if q in MENDED
        else pytest.param(q, age, kind, rows, marks=pytest.mark.xfail(strict=True, reason=f"PROBE (review 34, mut35): {why}"), id=q)
        for q, age, kind, rows, why in PROBES
    ],
)
def test_probe(q: str, age: int | None, kind: str, rows: set[str]) -> None:
    ids = _ids(q, age)
    assert _holds(ids, kind, rows), ids


@pytest.mark.parametrize(("q", "age", "kind", "rows"), [pytest.param(q, age, kind, rows, id=q) for q, age, kind, rows, _ in MENDED_39A])
def test_mended_probe(q: str, age: int | None, kind: str, rows: set[str]) -> None:
    """mut35's probes fix39a mended (its readings `fix39a_shy`, `fix39a_threw_party`, `fix39a_dropped_off`,
    `fix39a_pierced`): they hold."""
    ids = _ids(q, age)
    assert _holds(ids, kind, rows), ids


def test_the_age_pointer_to_a_contact_with_no_number_says_only_whom_to_ring() -> None:
    """The age pointer (fix35d, rules/guidance.py define's ring_words) for an open child, in office hours: the team
    holding the case has no number in the contacts, so the pointer's ring words are the contact's name and nothing in
    the number's place. define 183 (`... if via.phone else "XXXX"`) put a stray word there; fix35d's pointer tests
    asked only that "ring" be said and no number of another service."""
    from pathway import load_catalogue
    from rules import evaluate
    from tests.conftest import make_case

    cat = load_catalogue()
    case = make_case(
        ["additional.substance_misuse_impact_ability"],
        age_years=0,
        age_months=5,
        caller="professional",
        contact_time="2033-12-28T12:00:00+00:00",
        open_to_social_care=True,
    )
    [text] = [g.text for g in evaluate(case).guidance if g.rule == "age.pointer.immediate.substance_use_under_1"]
    ring = cat.guidance.age_pointer.immediate.ring
    assert any(ring.format(contact=c.named_in_a_sentence(), phone="") in text for c in cat.contacts if not c.phone), text

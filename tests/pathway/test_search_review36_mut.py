"""Review 36's mutation tests (docs/safety/mutation.md "Review 36 (stop 55)"): stop 55's search readings (fix39a's
one-word readings of ordinary news, `fix39a_*`; fix39b's pregnancy length, `_unborn_calm`'s `_PREGNANCY_LENGTH`;
fix39c's carer word read as an act's object, `_act_object`, `_done_to`, a drink said by a bare measure,
`carer_substance.measure_end`, `_carer_uses_at`, and a carer's concern in a contrast clause, `_contrast_carer_concern`;
fix40a's child's wish to die, starving and missing in other words, and `c.turned_out` in `_named_rows_below`; fix40b's
carer who cannot be roused, FGM in other words and a child sent over to work), each test a gap a surviving mutant
showed (named in its docstring) or a neighbour of a reading (other words for the same class, and the same words in the
opposite sense), written through `search()` only, so it holds whatever code reads it (scripts/mutate_review36.sh runs
each reading's own tests and these). PROBES: neighbours the code reads wrongly, strict xfails with what was found.

Oracles, from what the words say and the document's rows (never from the search's output under a mutant):
- ordinary news with one of fix39a's words ("watching", "asking", "neighbours", "dropped off", "shy") preselects no p9,
  Protection (p17) or Extensive (p15-16) row: a Universal or Additional row first; the same word in a call of concern
  keeps the concern's row ("watch him like a hawk because his dad hits him": p9 harm first; "the neighbours keep
  smashing our windows": "Escalating victimisation / harassment" in three; "asked me not to tell anyone that his dad
  hits him": p9 harm first);
- an unborn baby's call whose only number is the pregnancy's length ("22 weeks", "6 months") and no word of concern
  puts no p9 row first; the same length with an act of harm or a carer's drink keeps p9's unborn row first, and a
  mother's age said ("mum is 15") keeps p15-16 "Pregnant under 16" in three;
- a carer's act on the other carer said with two acts ("punched mum and then kicked her") keeps a domestic violence
  row in three; a carer's drink or drugs or violence said in a contrast clause after a strength ("he's doing well at
  school, however his dad beats his mum") keeps the concern's row in three; a drink said by a bare measure ("when he's
  had a few") is a drink, "had a few friends round" is none;
- a child's wish to die in other words keeps p15-16 "Behaviour puts own life at risk" or p17 "Endangers own life" in
  three; a child gone with no word since keeps "Children who go missing" in three (a missed appointment does not);
  weighing, counting calories or making oneself sick keeps p17's eating row in three (a tummy bug does not);
- a carer who cannot be roused with the child there leads with p9 harm; a faint looked after by a doctor does not;
  a girl's cutting or circumcision keeps p9 harm in three (a fringe cut, a stitched knee puts no p9 row first); a child
  sent over to a non-relative to work keeps a trafficking row in three."""

from __future__ import annotations

import pytest

from pathway.search import KEPT_PLACES, default_index
from tests.pathway.cases import refused_where_set

HARM = "immediate.significant_harm"
UNBORN = "immediate.unborn_significant_harm"
DV = {
    "immediate.repeated_domestic_violence",
    "extensive.child_witnessing_experiencing_domestic",
    "protection.persistent_domestic_abuse",
    "extensive.suspected_domestic_violence",
    "additional.suspected_domestic_violence",
}
CARER_SUBSTANCE = {
    "additional.substance_misuse_impact_ability",
    "protection.chronic_substance_misuse",
    "extensive.mental_physical_health_problems",
    "immediate.substance_use_under_1",
}
OWN_LIFE = {"extensive.behaviour_puts_life_risk", "protection.endangers_life_through_self"}
MISSING = "extensive.children_who_go_missing"
EATING = "protection.endangers_life_through_self"
TRAFFICKING = {"immediate.trafficking_victim", "protection.child_victim_trafficking"}
CHILDS_OWN = {"protection.endangers_life_through_self", "additional.uses_substances", "extensive.persistent_problematic_involvement_alcohol"}


def _found(q: str, age: int | str | None) -> list[str]:
    if age == "unborn":
        hits = default_index().search(q, unborn=True, limit=KEPT_PLACES + 2, finished=True)
    else:
        hits = default_index().search(q, age_in_months=age, limit=KEPT_PLACES + 2, finished=True)
    return [h.id for h in hits]


def _low(row: str) -> bool:
    return row.startswith(("universal.", "additional."))


def _no_high_first(ids: list[str]) -> bool:
    return not ids or _low(ids[0])


def _no_p9_first(ids: list[str]) -> bool:
    return not ids or not ids[0].startswith("immediate.")


def _in_three(rows: set[str] | str):  # type: ignore[no-untyped-def]
    want = {rows} if isinstance(rows, str) else rows
    return lambda ids: bool(want & set(ids[:KEPT_PLACES]))


def _none_in_three(rows: set[str] | str):  # type: ignore[no-untyped-def]
    want = {rows} if isinstance(rows, str) else rows
    return lambda ids: not want & set(ids[:KEPT_PLACES])


def _first(row: str):  # type: ignore[no-untyped-def]
    return lambda ids: bool(ids) and ids[0] == row


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("carer_substance", "measure_end"), "had a few"),
        (("carer_substance", "measure_end"), [""]),
        (("carer_substance", "measure_end"), [3]),
        (("carer_substance", "mesure_end"), ["had a few"]),
    ],
)
def test_a_bad_measure_end_list_is_refused(path: tuple[str, ...], value: object) -> None:
    """fix39c's `carer_substance.measure_end` (check_carer_substance): a list of phrases, each said as its reader reads
    it; an unknown key beside it is refused too."""
    refused_where_set(path, value)


@pytest.mark.parametrize("key", ["uses", "child_subjects", "trade", "child", "offers", "temper", "temper_after", "temper_and", "temper_rows", "measure_end"])
def test_each_carer_substance_list_said_as_one_word_is_refused(key: str) -> None:
    """Gap (check_carer_substance 61, 67, 73: a list's name misspelt in `lists`, the line stop 55 rewrote for
    `measure_end`): each of `carer_substance`'s lists given as a bare string is refused, not read letter by letter."""
    refused_where_set(("carer_substance", key), "deal")


def test_the_shipped_carer_substance_table_is_accepted() -> None:
    """Gap (check_carer_substance 27, 33, 39, ...: a key's name misspelt in `keys`, the set stop 55 rewrote for
    `measure_end`, refuses the shipped file; the check's refusal tests alone let that through): an index built afresh
    from the shipped synonyms file is built."""
    from pathway.catalogue import load_catalogue
    from pathway.search import SearchIndex, load_synonyms

    assert SearchIndex(load_catalogue(), load_synonyms()).carer_substance is not None


@pytest.mark.parametrize(
    ("q", "age"),
    [
        ("he loves watching the diggers at the building site", 48),
        ("the neighbours took the kids to the park for the afternoon", 72),
        ("the neighbours' cat had kittens and the kids love them", 84),
        ("he's shy but has lovely friends at school", 96),
        ("she's a bit shy with new people", 60),
        ("i dropped her off at her dad's for the weekend", 96),
        ("he keeps asking when he can see his dad again", 84),
    ],
)
def test_fix39a_words_in_ordinary_news_put_no_high_row_first(q: str, age: int) -> None:
    """fix39a's class (review 35 K2, inflation): one word of ordinary news names no concern: a Universal or Additional
    row first."""
    ids = _found(q, age)
    assert _no_high_first(ids), ids


@pytest.mark.parametrize(
    ("q", "age", "holds"),
    [
        ("i have to watch him like a hawk because his dad hits him when he's drunk", 60, _first(HARM)),
        ("she's very quiet and just watches everything, she flinches when anyone moves near her", 36, _in_three("protection.frozen_watchfulness")),
        ("he sits and watches the door in silence whenever his stepdad is home", 48, _in_three("protection.frozen_watchfulness")),
        ("she keeps asking me to make her uncle stop touching her", 96, _in_three("immediate.allegation_or_disclosure")),
        ("he asked me not to tell anyone that his dad hits him with a belt", 108, _first(HARM)),
        ("she begged me not to send her back to her dad's because he hurts her", 120, _in_three({HARM, "immediate.allegation_or_disclosure"})),
        ("she asked for help because her stepdad makes her touch him", 132, _in_three("immediate.allegation_or_disclosure")),
        ("the neighbours keep shouting abuse at us and smashed our windows again", 120, _in_three("extensive.escalating_victimisation_harassment")),
        ("the neighbours' boys have been threatening him and following him home every day", 132, _in_three("extensive.escalating_victimisation_harassment")),
        (
            "the neighbour has been shouting racist abuse at my son every day",
            120,
            _in_three({"extensive.escalating_victimisation_harassment", "protection.experiences_persistent_discrimination_due"}),
        ),
        (
            "a man in a car keeps dropping her off late at night and she's got new phones and money",
            168,
            _in_three({"extensive.risk_sexual_exploitation", "protection.sexual_exploitation"}),
        ),
        (
            "she was dropped off at a house by a man she met online and made to have sex with his friends",
            168,
            _in_three({"protection.sexual_exploitation", "immediate.allegation_or_disclosure", "immediate.adults_who_pose_risk"}),
        ),
        ("she's really shy and won't eat and has lost loads of weight", 168, _in_three({"additional.concerns_about_diet_poor", EATING})),
    ],
)
def test_fix39a_words_in_a_call_of_concern_keep_the_concerns_row(q: str, age: int, holds) -> None:  # type: ignore[no-untyped-def]
    """fix39a's words said in a call of concern: the row the concern names stays (a reading that moves rows for
    "watching" must not move them for "watching him like a hawk because his dad hits him")."""
    ids = _found(q, age)
    assert holds(ids), ids


@pytest.mark.parametrize(
    ("q", "age", "holds"),
    [
        ("she's 22 weeks pregnant and very excited about the baby", "unborn", _no_p9_first),
        ("she's 34 weeks pregnant and all is well", "unborn", _no_p9_first),
        ("she's 30 weeks pregnant and he kicked her in the stomach last night", "unborn", _first(UNBORN)),
        ("she's 12 weeks pregnant and her partner punches her", "unborn", _first(UNBORN)),
        ("she's 20 weeks pregnant and he keeps hitting her", "unborn", _first(UNBORN)),
        ("she's 6 months pregnant and drinking a bottle of vodka every day", "unborn", _first(UNBORN)),
        ("mum is 15 and 20 weeks pregnant", "unborn", _in_three("extensive.pregnant_under_16")),
    ],
)
def test_fix39b_a_pregnancys_length_is_no_concern_and_hides_none(q: str, age: str, holds) -> None:  # type: ignore[no-untyped-def]
    """fix39b (review 35 K1): a number before "weeks" or "months" is the pregnancy's length, no word of concern; harm,
    drink or the mother's age said beside it are read as before."""
    ids = _found(q, age)
    assert holds(ids), ids


@pytest.mark.parametrize("q", ["she is 14 and pregnant", "mum is 15 and pregnant and really happy"])
def test_a_mothers_age_said_beside_an_unborn_babys_call_is_no_calm_call(q: str) -> None:
    """Gap (`_unborn_calm` 9: `w.isdigit() or words[i + 1] in _PREGNANCY_LENGTH`, every number read as a length): the
    mother's age is a number said before no "weeks" or "months", a word that may say a concern (p15-16 "Pregnant under
    16"): no Universal row first, "Pregnant under 16" in three. Under the mutant both led with the Universal "Family
    accessing universal services" (fix39b's own calls name "22 weeks", never an age)."""
    ids = _found(q, "unborn")
    assert ids and not ids[0].startswith("universal.") and "extensive.pregnant_under_16" in ids[:KEPT_PLACES], ids


@pytest.mark.parametrize(
    ("q", "age"),
    [
        ("her dad pushed her mum aside and then threw her mum down the stairs", 96),
        ("dad pushed his mum aside and then threw his mum down the stairs", 96),
        ("her stepdad pushed her mum aside and then punched her mum", 120),
        ("their dad pushed their mum aside and then threw their mum down the stairs", 96),
        ("their stepdad pushed their mum aside and then punched their mum", 120),
    ],
)
def test_a_carers_second_act_on_the_other_carer_past_a_possessive_keeps_repeated_dv_in_three(q: str, age: int) -> None:
    """Gap (`_act_object` 7: `k - 3` for `k - 2`, the act before "her mum" looked for a word too far back): the first
    act's object ("pushed HER MUM aside") is no doer of the second, whose doer is the carer said first; p9 "Repeated
    domestic violence" stays in three. Under the mutant the first two calls lost it (the child witnessing row third),
    the third had it fourth (fix39c's own calls name "mum" with no "her"). `_act_object` 19 ("THEIR": "their" no
    possessive): the two calls with "their" lost it."""
    ids = _found(q, age)
    assert "immediate.repeated_domestic_violence" in ids[:KEPT_PLACES], ids


@pytest.mark.parametrize(
    ("q", "rows"),
    [
        ("her mum was abused as a child and her dad beat", {HARM}),
        ("mum grew up in care and was beaten", {"additional.parent_previously_looked_after"}),
    ],
)
def test_a_call_that_ends_with_a_carers_past_harm_is_answered(q: str, rows: set[str]) -> None:
    """Gap (`_done_to` 1: `not r.done_to and k >= len(words)`, the act at the call's end read past it): a call whose
    last word is the act of `parent_childhood` ("... was beaten") is answered, the carer's past or the harm in three.
    Under the mutant the search raised IndexError (`words[k]` past the call's end); fix39c's calls say the act's
    object after it."""
    ids = _found(q, 96)
    assert rows & set(ids[:KEPT_PLACES]), ids


@pytest.mark.parametrize(
    ("q", "age", "holds"),
    [
        ("dad punched mum and then kicked her when she was on the floor", 72, _in_three(DV)),
        ("dad threw mum against the wall and then punched her", 60, _in_three(DV)),
        ("my partner grabbed me by the throat and then hit me in front of the kids", 48, _in_three(DV)),
        ("he slapped mum and then pushed her down the stairs", 72, _in_three(DV)),
        ("mum's boyfriend pushed her mum down and then hit her in front of the kids", 96, _in_three(DV)),
        ("he's doing well at school, however his dad beats his mum most weekends", 120, _in_three(DV)),
        ("she's a happy little girl whereas her mum is drinking every day", 72, _in_three(CARER_SUBSTANCE)),
        ("she's doing great at school but her mum is using heroin again", 120, _in_three(CARER_SUBSTANCE)),
        ("he's a happy boy though his dad drinks every night till he passes out", 96, _in_three(CARER_SUBSTANCE)),
        ("dad gets violent when he's had a few", 84, _in_three(DV)),
        ("mum's had one too many and she's passed out on the sofa with the baby", 8, _first(HARM)),
        ("mum had a few friends round for a barbecue", 84, _none_in_three(CARER_SUBSTANCE)),
        ("dad had a couple of days off work", 84, _none_in_three(CARER_SUBSTANCE)),
    ],
)
def test_fix39c_a_carers_act_drink_or_contrast_clause_keeps_its_row(q: str, age: int, holds) -> None:  # type: ignore[no-untyped-def]
    """fix39c: a carer's two acts on the other carer, a carer's concern said in a contrast clause, a drink said by a
    bare measure keep the concern's row in three; a measure of friends or days off offers no carer's substance row."""
    ids = _found(q, age)
    assert holds(ids), ids


@pytest.mark.parametrize(
    ("q", "age", "holds"),
    [
        ("she said she wishes she could disappear for good", 168, _in_three(OWN_LIFE)),
        ("he told his teacher there's no point in him being alive", 144, _in_three(OWN_LIFE)),
        ("she's been stockpiling paracetamol in her bedroom", 168, _in_three(OWN_LIFE)),
        ("he keeps talking about jumping off the bridge", 180, _in_three(OWN_LIFE)),
        ("she wrote a goodbye note saying sorry for everything", 180, _in_three(OWN_LIFE)),
        ("he keeps saying he wants to kill himself", 168, _in_three(OWN_LIFE)),
        ("she said she wants to go to sleep and never wake up", 168, _in_three(OWN_LIFE)),
        ("he's been looking up ways to kill himself online", 180, _in_three(OWN_LIFE)),
        ("she told her friend she wants to end it all", 168, _in_three(OWN_LIFE)),
        ("she went out at six and we've not heard from her and it's two in the morning", 168, _in_three(MISSING)),
        ("he never came home from school yesterday and nobody knows where he is", 156, _in_three(MISSING)),
        ("her bed hadn't been slept in this morning and her window was open", 180, _in_three(MISSING)),
        ("he's been gone since last night and isn't answering his phone", 180, _in_three(MISSING)),
        ("she didn't come home last night and her phone is off", 168, _in_three(MISSING)),
        ("nobody has seen him since friday", 156, _in_three(MISSING)),
        ("she never turned up to her dentist appointment", 120, _none_in_three(MISSING)),
        ("she counts calories in everything and has dropped two dress sizes", 168, _in_three(EATING)),
        ("he makes himself sick after every meal", 180, _in_three(EATING)),
        ("he's been sick after his meals with a tummy bug", 96, _none_in_three(EATING)),
    ],
)
def test_fix40a_a_childs_wish_to_die_missing_or_starving_in_other_words(q: str, age: int, holds) -> None:  # type: ignore[no-untyped-def]
    """fix40a (review 36 Q1-Q2): the class, not the words of review 36's calls; the same words in an everyday sense
    (an appointment missed, a tummy bug) offer no such row."""
    ids = _found(q, age)
    assert holds(ids), ids


@pytest.mark.parametrize(
    ("q", "age", "holds"),
    [
        ("my dad is passed out on the floor and won't wake up and i'm scared", 96, _first(HARM)),
        ("mum collapsed in the kitchen and she's not breathing and i'm here with the baby", 120, _first(HARM)),
        ("mum was unconscious on the bathroom floor when i got home from school", 132, _first(HARM)),
        ("dad has taken loads of tablets and won't wake up", 96, _first(HARM)),
        ("mum is out cold on the sofa and the baby is crying", 120, _first(HARM)),
        ("mum fainted at the doctors and they checked her over", 96, _no_p9_first),
        ("they're taking her back home to have the cutting done like her cousins", 96, _in_three(HARM)),
        ("they want to have her circumcised before she turns ten", 84, _in_three(HARM)),
        ("she had her fringe cut like her big sister", 96, _no_p9_first),
        ("she had stitches in her knee after she fell off her bike", 96, _no_p9_first),
        ("she was brought over from ghana by a family friend and does all the cleaning and doesn't go to school", 132, _in_three(TRAFFICKING)),
        ("he was sent over from vietnam and works in a nail bar and doesn't go to school", 180, _in_three(TRAFFICKING)),
        ("his cousin came over from poland to study at university", 120, _no_high_first),
    ],
)
def test_fix40b_a_carer_unroused_fgm_or_a_child_sent_over_in_other_words(q: str, age: int, holds) -> None:  # type: ignore[no-untyped-def]
    """fix40b (review 36 Q3, Q4, Q6): the class in other words, and the same words where no such thing is said."""
    ids = _found(q, age)
    assert holds(ids), ids


PROBES = [
    # (words, age, what must hold, what was found on main 9bd32ed1)
    (
        "mum is watching him like a hawk because dad hits the baby",
        24,
        _first(HARM),
        "inflation (fix39a_watching's neighbour): p17 'Severe / significant developmental delay' first, p9 harm second; "
        "fix39a_watching moved 'Frozen watchfulness' (4th) and the next row took its place",
    ),
    (
        "my son keeps asking for a new bike for christmas",
        96,
        _no_p9_first,
        "inflation (fix39a_asking_for's class): p9 'Unexplained injuries' first on a request for a present",
    ),
    (
        "my daughter keeps asking if she can have her ears pierced",
        120,
        _no_high_first,
        "inflation (fix39a_asking_for / fix39a_pierced): p15-16 'Difficulty accepting / identifying race' first",
    ),
    (
        "nan dropped him off at nursery this morning",
        36,
        _no_high_first,
        "inflation (fix39a_dropped_off's class): p17 'Inappropriate sexual behaviour' first on a lift to nursery",
    ),
    (
        "older boys dropped him off in another city and made him sell drugs",
        180,
        _in_three(TRAFFICKING),
        "under-call (safety; county lines is trafficking, p9): p9 'Child victims of trafficking' fourth, p17's fifth, "
        "'Causes significant harm to others' first",
    ),
    (
        "he said everyone would be better off without him",
        168,
        _in_three(OWN_LIFE),
        "under-call (safety; fix40a's class, nobody would miss him): neither life-risk row in five, p17 'Significantly low self esteem' first",
    ),
    (
        "he went out on his bike and we've heard nothing but he's only been gone ten minutes",
        120,
        _no_p9_first,
        "inflation (fix40a_no_word's control): p9 'Unexplained injuries' first for a ten-minute bike ride",
    ),
    (
        "dad fell asleep on the sofa watching the football",
        96,
        _no_p9_first,
        "inflation (fix40b_carer_unroused's control, 'fell asleep'): p9 'Unexplained injuries' first",
    ),
    (
        "grandad collapsed at the shops and the ambulance came",
        96,
        _no_high_first,
        "inflation (fix40b's control, help there): p15-16 'Multiple attendance causing concern' first",
    ),
    (
        "my mum's friend passed out at the party",
        120,
        _no_p9_first,
        "inflation (fix40b_carer_unroused reads 'mum' in \"mum's friend\" as the carer): p9 harm first, no child said alone with her",
    ),
    (
        "his gran came over from jamaica to look after the kids",
        60,
        _no_high_first,
        "inflation (fix40b_sent_over_to_work's control): p17 'Unaccompanied asylum seeker' first",
    ),
    (
        "he's lovely at nursery but his dad is smoking crack at home",
        48,
        _in_three(CARER_SUBSTANCE),
        "under-call (safety; fix39c's contrast class, 'smoking crack'): p17 'Chronic substance misuse' fifth, p17 'Inappropriate sexual behaviour' first",
    ),
    (
        "he threw mum against the wall and then punched her",
        60,
        _in_three(DV),
        "under-call (fix39c's class with 'he' for the carer): p9 'Repeated domestic violence' fifth, p9 harm first, p15-16 "
        "'Violent / aggressive' second ('dad threw mum ...' keeps it second)",
    ),
    (
        "he's a happy boy though his dad drinks every night till he passes out",
        96,
        lambda ids: bool(ids) and ids[0] not in CHILDS_OWN,
        "inflation (fix39c's contrast class): the child's own p17 'Endangers own life through self harm/substance misuse' "
        "first for his dad's drinking (the carer's row third)",
    ),
]


@pytest.mark.parametrize(
    ("q", "age", "holds"),
    [pytest.param(q, age, holds, marks=pytest.mark.xfail(strict=True, reason=why), id=q[:40]) for q, age, holds, why in PROBES],
)
def test_probes_found_over_and_under_calls(q: str, age: int, holds) -> None:  # type: ignore[no-untyped-def]
    ids = _found(q, age)
    assert holds(ids), ids

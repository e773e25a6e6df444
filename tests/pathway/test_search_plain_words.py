"""Safety first without inflation on the call screen (review 10, H2; search11): the first search result
is preselected and one keystroke adds it, so neither an immediate-referral criterion (p9) nor a
Protection need may come first for a call that says no concern (both levels' words name harm or its
risk: "known to pose a risk", "previous child protection concerns"). Everyday words ("new partner", "told me", "marks", "expecting",
"baby") are among the p9 criteria's own keywords and phrasings, because callers say them beside the
concern; said alone they carry none of p9's words ("known to pose a risk", "allegations or
disclosures of abuse", "unexplained injuries", "serious concerns").

Oracles: calls written here, each benign by its own words, touching the keywords of all 11 p9
entries (12 criteria: home alone is two) (none may put a p9 criterion first); and the labelled calls of the learned model's examples
and the synonyms file's phrasings that name a p9 criterion (written for other purposes): none of them
is a plain call, so the rule never moves a real p9 concern."""

from __future__ import annotations

import pytest

from pathway.catalogue import load_catalogue
from pathway.search import default_index, load_synonyms, search
from pathway.search_accuracy import load_phrasings
from pathway.search_model import EXAMPLES_DIR

CAT = load_catalogue()
UNBORN = "unborn"

# (what the caller said, age in months or UNBORN, the p9 entry whose keywords or phrasings it uses)
BENIGN = [
    ("new partner moved in and the kids like him", 72, "immediate.contact_with_adults_risk"),
    ("mum has a new boyfriend who helps with homework", 96, "immediate.contact_with_adults_risk"),
    ("dad's new girlfriend is staying over at weekends", 70, "immediate.contact_with_adults_risk"),
    ("mum's boyfriend takes him to football", 110, "immediate.contact_with_adults_risk"),
    ("dad works away and mum's partner helps out", 84, "immediate.contact_with_adults_risk"),
    ("mum's new partner works nights", 60, "immediate.contact_with_adults_risk"),
    ("she told me about her new school", 130, "immediate.allegation_or_disclosure"),
    ("he told me he loves football", 100, "immediate.allegation_or_disclosure"),
    ("teenager gets high marks at school", 170, "immediate.unexplained_injuries"),
    ("she got good marks in her tests", 150, "immediate.unexplained_injuries"),
    ("mum is expecting again and is excited", UNBORN, "immediate.unborn_significant_harm"),
    ("mum is pregnant and the bump is growing well", UNBORN, "immediate.unborn_significant_harm"),
    ("mum is pregnant and happy about the new baby", UNBORN, "immediate.unborn_significant_harm"),
    ("grandma looks after him while mum works", 60, "immediate.trafficking_victim"),
    ("they watched a film about modern slavery at school", 170, "immediate.trafficking_victim"),
    ("grandad picks her up from school", 80, "immediate.adults_who_pose_risk"),
    ("the adults at the club are friendly", 130, "immediate.adults_who_pose_risk"),
    ("his dad is a youth offending worker", 130, "immediate.adults_who_pose_risk"),
    ("the new baby is feeding well", 2, "immediate.substance_use_under_1"),
    ("the baby is drinking her milk well", 4, "immediate.substance_use_under_1"),
    ("the baby is drinking her milk well", 14, "immediate.unexplained_bruising_under_2"),
    ("he hurt his knee playing football", 100, "immediate.significant_harm"),
    ("he likes to play alone", 96, "immediate.home_alone_at_risk"),
    ("he likes to play alone", 48, "immediate.home_alone_5_and_under"),
    ("the boys were fighting over a game of football", 110, "immediate.repeated_domestic_violence"),
    ("he scored a hat trick and the other team were shouting", 120, "immediate.repeated_domestic_violence"),
]


def _age(age):
    return {"unborn": True} if age == UNBORN else {"age_in_months": age}


def test_the_benign_calls_touch_all_eleven_p9_entries():
    p9 = {i.id for i in CAT.indicators if i.immediate}
    assert len(p9) == 12 and {entry for _, _, entry in BENIGN} == p9  # p9's 11, home alone in two
    assert len({q for q, _, _ in BENIGN}) >= 15


def _high(ind) -> bool:
    return ind.immediate or ind.level.value == "protection"


@pytest.mark.parametrize("q, age, entry", BENIGN)
def test_a_call_saying_no_concern_does_not_put_a_p9_criterion_first(q, age, entry):
    first = search(q, limit=1, **_age(age))[0]
    assert not first.indicator.immediate, (q, first.id)
    if default_index().says_only_plain(q):  # nor a Protection need, for a plain call (search11)
        assert not _high(first.indicator), (q, first.id)


# search11: plain calls that put a Protection need (not p9) first, through the Protection entry's own
# keywords or the model ("expecting" is a keyword of "Pregnancy where there have been previous child
# protection concerns"; "high" and "marks" reached "Substantial, life long disability ... extreme
# challenging behaviour" once p9's unexplained injuries gave way)
# The last field: how far down what it moved is still offered. Three (in sight) unless a declared reading takes the
# row out of the first three: fix29b's `unsaid_facts` carer_pregnant (stop 48, docs/adviser.md "Search29b"): a born
# child's mother pregnant again says no previous child protection concern, so p17's row leaves the first three and is
# still offered below.
PROTECTION_BENIGN = [
    ("mum is expecting again", UNBORN, "protection.pregnancy_where_there_have", 3),
    ("mum is expecting again", None, "protection.pregnancy_where_there_have", 8),
    ("mum is pregnant again and happy", None, "protection.pregnancy_where_there_have", 8),
    ("teenager gets high marks at school", 170, "protection.substantial_lifelong_disability_safeguarding", 3),
]


@pytest.mark.parametrize("q, age, entry, offered", PROTECTION_BENIGN)
def test_a_call_saying_no_concern_does_not_put_a_protection_need_first(q, age, entry, offered):
    hits = search(q, limit=8, **({} if age is None else _age(age)))
    assert not _high(hits[0].indicator), (q, hits[0].id)
    assert entry in [h.id for h in hits[:offered]], q  # what it moved is still offered (in sight where `offered` is 3)


# search11: a plain phrase is its words in order with small words between, not only as listed
# ("drinking her milk", "drinking his milk" and "drinking milk" were three entries; "drinking all
# her milk" and "gets really high marks" were none)
@pytest.mark.parametrize(
    "q, age",
    [
        ("the baby is drinking all her milk", 4),
        ("she is drinking their milk", 8),
        ("she gets really high marks", 150),
        ("he plays alone", 60),
    ],
)
def test_a_plain_phrase_with_small_words_between_is_plain(q, age):
    assert default_index().says_only_plain(q), q
    assert not _high(search(q, limit=1, age_in_months=age)[0].indicator), q


# ...but its words said of a parent, or joined by "and", are two things: the parent's drug use and
# the baby's injuries (the exact phrase "high marks" made "mum high, marks on baby" plain, and p9
# gave way to a parent's substance misuse)
@pytest.mark.parametrize(
    "q, age",
    [
        ("mum high, marks on baby", 8),
        ("dad high marks on the baby", 8),
        ("the baby is high and marks on the baby", 8),
        ("mum drinking, milk for the baby", 3),
    ],
)
def test_a_plain_phrase_said_of_a_parent_or_joined_by_and_is_not_plain(q, age):
    assert not default_index().says_only_plain(q), q
    assert search(q, limit=1, age_in_months=age)[0].indicator.immediate, q


@pytest.mark.parametrize(
    "q, age, meant",
    [
        ("mum's new boyfriend is a sex offender", 72, "immediate.contact_with_adults_risk"),
        ("she told me he touched her", 130, "immediate.allegation_or_disclosure"),
        ("worried about the unborn baby", UNBORN, "immediate.unborn_significant_harm"),
        ("marks on the baby", 8, "immediate.unexplained_bruising_under_2"),
    ],
)
def test_one_word_of_concern_and_the_criterion_leads_as_before(q, age, meant):
    assert search(q, limit=1, **_age(age))[0].id == meant


def test_the_criterion_stays_in_sight_one_place_lower():
    ids = [h.id for h in search("new partner moved in and the kids like him", age_in_months=72, limit=3)]
    assert "immediate.contact_with_adults_risk" in ids[1:3]


def _labelled_p9_calls() -> list[str]:
    calls = [p["q"] for path in sorted(EXAMPLES_DIR.glob("*.yaml")) for p in load_phrasings(path) if any(i.startswith("immediate.") for i in p["expect"])]
    calls += [q for i, said in load_synonyms()["indicators"].items() if i.startswith("immediate.") for q in said]
    return calls


def test_no_labelled_call_naming_a_protection_need_is_plain():
    # search11: the rule now moves Protection needs too, so no real Protection call may be plain
    index = default_index()
    calls = [
        p["q"]
        for path in sorted(EXAMPLES_DIR.glob("*.yaml"))
        for p in load_phrasings(path)
        if any(CAT.indicator(i).level.value == "protection" and not CAT.indicator(i).immediate for i in p["expect"])
    ]
    calls += [q for i, said in load_synonyms()["indicators"].items() if i.startswith("protection.") for q in said]
    assert len(calls) > 1000
    plain = [q for q in calls if index.says_only_plain(q)]
    assert not plain, plain[:10]


def test_moving_a_result_up_keeps_every_immediate_criterion_in_the_first_three():
    # the rules that lift a result (_concern_first, _joined_first) put every other one place lower,
    # but an immediate criterion in the first three stays there: a result that is not one gives way
    index = default_index()
    number = {e.indicator.id: n for n, e in enumerate(index.entries)}
    prot, add = "protection.pregnancy_where_there_have", "additional.poor_maternal_health_not"
    ids = [prot, "immediate.unborn_significant_harm", "immediate.significant_harm", add]
    ranked = [number[i] for i in ids]
    final = {n: 1.0 - k / 10 for k, n in enumerate(ranked)}
    index._lead_with(number[add], ranked, final)
    order = [index.entries[n].indicator.id for n in ranked]
    assert order == [add, "immediate.unborn_significant_harm", "immediate.significant_harm", prot]
    assert [final[n] for n in ranked] == sorted((final[n] for n in ranked), reverse=True)


def test_no_labelled_call_naming_a_p9_concern_is_plain():
    index = default_index()
    calls = _labelled_p9_calls()
    assert len(calls) > 1000
    plain = [q for q in calls if index.says_only_plain(q)]
    assert not plain, plain[:10]


def test_plain_words_are_words_not_concerns():
    # a word carrying a p9 concern in the document's own criteria is never plain
    index = default_index()
    for ind in (i for i in CAT.indicators if i.immediate):
        assert not index.says_only_plain(ind.text), ind.id


# search11: the synonyms file's Protection phrasings made plain by a plain word: how often or how long
# ("keep moving", "always on the move", "out of work for years") makes a concern of it, and "picks" is
# plain only as "picks up" ("picks on one child" is not)
@pytest.mark.parametrize(
    "q, plain",
    [
        ("they keep moving", False),
        ("always on the move", False),
        ("out of work for years", False),
        ("picks on one child", False),
        ("they moved in with grandma", True),
        ("grandad picks her up from school", True),
    ],
)
def test_how_often_or_how_long_is_never_plain(q, plain):
    assert default_index().says_only_plain(q) is plain

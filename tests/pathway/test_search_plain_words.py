"""Safety first without inflation on the call screen (review 10, H2): the first search result is
preselected and one keystroke adds it, so an immediate-referral criterion (p9) must not come first
for a call that says no concern. Everyday words ("new partner", "told me", "marks", "expecting",
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


@pytest.mark.parametrize("q, age, entry", BENIGN)
def test_a_call_saying_no_concern_does_not_put_a_p9_criterion_first(q, age, entry):
    first = search(q, limit=1, **_age(age))[0]
    assert not first.indicator.immediate, (q, first.id)


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

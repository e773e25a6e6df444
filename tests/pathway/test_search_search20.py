"""Search20: the call screen's seen-and-not-mended phrasings, read as classes (docs/adviser.md "Search20").

Oracles: the document, by hand. p9 (immediate referral) lists "Child is at immediate risk or has suffered significant
harm including physical ...", "Unexplained injuries ...", "Under two years old and has unexplained bruising",
"Allegations or disclosures of abuse including sexually abused or evidence of grooming", "Left 'home alone' ..." and
"Under 1 and parental/carer substance use". An act of harm an adult of the household does to the child is physical
harm (p9); "bruises nobody can explain" are unexplained; "often left home alone" is left home alone; a professional
who abuses the children in their care is an allegation of abuse (p9), not the child's own sexual behaviour; a health
visitor is no carer, so her drinking is not "parental/carer substance use"; "told" is no disclosure by itself.

Each class is tested both ways: the calls the reading is for, and calls in the same words that it must leave alone
(another child, the adults' violence, a past conviction, an accident, ordinary news told)."""

from __future__ import annotations

from typing import Optional

import pytest

from pathway.catalogue import load_catalogue
from pathway.search import SearchDataError, default_index
from pathway.search_tables import check_harm_by_adult, check_role_abuse, check_role_condition, check_told_alone

SH = "immediate.significant_harm"
ALLEGATION = "immediate.allegation_or_disclosure"


def top(q: str, age: Optional[int], n: int = 3) -> list[str]:
    return [h.indicator.id for h in default_index().search(q, age_in_months=age, limit=n)]


# 1. (safety) an adult of the household's act done TO the child, said with a pronoun for the child
HARM_BY_ADULT = [
    ("his mum's boyfriend keeps kicking him", 84),
    ("mum's new fella punches him when he's drunk", 108),
    ("her step dad's mate slapped her round the face", 132),
    ("the lodger has been hitting him", 72),
    ("nan's partner smacks him with a belt", 96),
    ("he has good stable relationships with his carers but mum's boyfriend beats him", 120),
    ("mum's boyfriend whacks him and hits him, he is physically well", 60),
    ("dad's girlfriend slaps her", 100),
]


@pytest.mark.parametrize("q,age", HARM_BY_ADULT)
def test_an_adults_act_done_to_the_child_puts_significant_harm_in_the_first_three(q: str, age: int) -> None:
    # first where the first result was below Protection or the adults' violence; behind another p9 row it is second
    ids = top(q, age)
    assert SH in ids
    assert ids[0] == SH or ids[0].startswith("immediate.")


# ...and not: the pronoun may be the carer's, another child's act, a past conviction, a thing done with no harm
NOT_HARM_BY_ADULT = [
    ("mum's boyfriend hits her", 84),  # may be mum: the adults' violence
    ("dad's girlfriend hits him", 84),  # may be dad
    ("his mate hits him at school", 132),  # another child
    ("mum's new partner has convictions for hurting children", 60),  # p9's adult who poses a risk
    ("mum's boyfriend kicked him out", 200),  # no harm
]


@pytest.mark.parametrize("q,age", NOT_HARM_BY_ADULT)
def test_the_same_words_not_done_to_the_child_are_not_read(q: str, age: int) -> None:
    assert default_index()._harm_by_adult_at(q.replace("'s", "").split()) is None


# 2. (safety) p9 phrasings of this child: how often, "nobody can explain", an injury in the passive
STATED = [
    ("his cousin drinks, he has good stable relationships with his carers and he is regularly left home alone", 84, {"immediate.home_alone_at_risk"}),
    ("she keeps getting left home alone and her brother has autism", 48, {"immediate.home_alone_5_and_under"}),
    ("her sister self harms and she has bruises that nobody can explain", 14, {"immediate.unexplained_bruising_under_2"}),
    ("he has injuries no one could explain, he is physically well", 96, {"immediate.unexplained_injuries"}),
    ("his brother takes drugs and he has been scalded", 30, {SH}),
    ("her cousin is an alcoholic, she is physically well and she has been beaten", 110, {SH}),
]


@pytest.mark.parametrize("q,age,rows", STATED)
def test_a_p9_criterion_stated_of_this_child_leads(q: str, age: int, rows: set[str]) -> None:
    assert top(q, age)[0] in rows


NOT_STATED = [
    ("she has been cut off from her friends", 150),
    ("he has been kicked out of school", 150),
    ("he has been hit by a car", 100),
    ("she has been cutting herself", 170),
    ("her sister has bruises nobody can explain", 100),
    ("he is often left out at school", 100),
]


@pytest.mark.parametrize("q,age", NOT_STATED)
def test_the_same_words_stating_no_p9_criterion_of_this_child(q: str, age: int) -> None:
    idx = default_index()
    from pathway.search import normalise, stem

    words = normalise(q).split()
    assert idx._stated_of_this_child(words, [stem(w) for w in words], False, age) is None


# 3. (safety) "told" as the disclose verb keeps p9's disclosure in the first three; ordinary news told does not bring it
TOLD_ABUSE = [
    ("she told her form tutor that her uncle touches her", 130),
    ("he told me his stepdad hurts him", 110),
    ("she told the dinner lady mum's boyfriend touched her", 90),
]


@pytest.mark.parametrize("q,age", TOLD_ABUSE)
def test_told_of_abuse_keeps_the_disclosure_in_the_first_three(q: str, age: int) -> None:
    assert ALLEGATION in top(q, age)


TOLD_NEWS = [
    ("she told me about her holiday", 120),
    ("he told his teacher he is worried about his spelling test", 100),
    ("my 15 year old told me she wants to go to college", 180),
    ("he told me about his new bike", 96),
]


@pytest.mark.parametrize("q,age", TOLD_NEWS)
def test_ordinary_news_told_is_no_disclosure(q: str, age: int) -> None:
    assert ALLEGATION not in top(q, age)


# 4. (inflation) a professional who abuses the children in their care: p9's allegation leads, not the child's behaviour
@pytest.mark.parametrize(
    "q,age",
    [
        ("the nursery worker touches the little ones", 40),
        ("the play leader has been touching the kids", 70),
        ("a teaching assistant has been touching her", 80),
    ],
)
def test_a_professional_abusing_children_leads_with_the_allegation(q: str, age: int) -> None:
    assert top(q, age)[0] == ALLEGATION


def test_a_professional_who_harms_keeps_significant_harm_first() -> None:
    assert top("the childminder slaps him", 30)[0] == SH


def test_a_professional_reporting_the_childs_own_act_is_not_the_abuser() -> None:
    # the child touches other children: the reading finds no professional's act ("the nursery worker touches ..." it does)
    assert default_index()._role_abuse_at("the nursery worker says she touches other children".split()) is None
    assert default_index()._role_abuse_at("the nursery worker touches other children".split()) == 3


# 5. (inflation) a professional's own condition is no carer's substance use
@pytest.mark.parametrize(
    "q,age", [("the health visitor drinks a lot", 10), ("his family support worker drinks heavily", 6), ("the nursery nurse smokes weed", 9)]
)
def test_a_professionals_own_drinking_does_not_lead_with_p9_under_1(q: str, age: int) -> None:
    assert top(q, age)[0] != "immediate.substance_use_under_1"


@pytest.mark.parametrize("q,age", [("mum drinks a lot", 10), ("the childminder drinks a lot", 10), ("dad smokes weed every day", 8)])
def test_a_carers_drinking_still_leads_with_p9_under_1(q: str, age: int) -> None:
    assert top(q, age)[0] == "immediate.substance_use_under_1"


# the tables' checkers refuse what the readers cannot read
@pytest.mark.parametrize(
    "check,data",
    [
        (check_harm_by_adult, {"companions": ["mate"]}),
        (
            check_harm_by_adult,
            {
                "companions": ["mate"],
                "modifiers": ["new"],
                "adults": ["lodger"],
                "male": ["dad"],
                "not_after": ["for"],
                "yields": ["universal.physically_well"],
                "leads": [SH],
            },
        ),
        (check_told_alone, {"row": "nope", "verbs": ["told"], "words": ["told"]}),
        (check_role_abuse, {"acts": ["touching"], "objects": ["kids"], "reach": 0, "lead": ALLEGATION}),
        (check_role_abuse, {"acts": ["touching"], "objects": ["kids"], "reach": 4, "lead": "universal.physically_well"}),
        (check_role_condition, {"rows": ["nope"], "carers": ["childminder"]}),
    ],
)
def test_the_tables_are_checked(check, data) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SearchDataError):
        check(load_catalogue(), data)

"""denial26 (Search26a; docs/adviser.md "Search26a"): denials the search misread (mut25's review 24 and tidy25).

Oracles, written here by hand from the document's rows and what the words say (never from the search's output):
- a strength word the caller negates ("isn't loved", "not happy", "no friends") says the child LACKS that strength: no
  Universal row (p13's strengths, "Shows warmth and encouragement", "Good family relationships") is put first;
- "not only X, (she is) Y" and "not just X" say X AND Y: X is no denial, so a harm said there keeps p9's row first
  (review 12 H6 is for a harm denied; this harm is said);
- "neither X nor Y" denies X and Y as "no X or Y" does: a strength named so is lacking (no Universal row first), a harm
  named so is denied (no p9 row first, review 12 H6: still in the first three where word matching put it there,
  review 8 S1), and things a child must have named so ("neither a bed nor food") are the concern: p13-14's basic care
  rows are offered.
Controls: a strength said undenied ("not only is she loved, she's doing well at school") keeps its Universal row first;
a concern said beside a denial ("she isn't hit but dad shouts") keeps a row above Universal first."""

from __future__ import annotations

import pytest

from pathway.catalogue import load_catalogue
from pathway.search import KEPT_PLACES, search

CAT = load_catalogue()
P9 = {i.id for i in CAT.indicators if i.immediate}
LEVEL = {i.id: i.level.value for i in CAT.indicators}
DIMENSION = {i.id: i.dimension for i in CAT.indicators}
P9_HARM_ROWS = {"immediate.significant_harm", "immediate.unexplained_injuries", "immediate.allegation_or_disclosure"}


def _ids(q: str, age: int | None = None) -> list[str]:
    return [h.indicator.id for h in search(q, age_in_months=age, limit=KEPT_PLACES, finished=True)]


# --- 1. a strength word the caller negates is never a strength shown

STRENGTH_DENIED = [
    "she isn't hit nor loved",
    "she isn't hit and isn't loved",
    "he is not hurt and he is not happy",
    "nobody hits him and he is not happy",
    "she isn't smacked and she isn't loved",
    "he isn't beaten nor happy",
    "nobody hurts her and she has no friends",
    "she isn't hit and she isn't settled",
    "she has not been harmed and she is not happy",
    "nobody touches him and nobody loves him",
    "he is not hit, he is not loved",
    "she isn't hurt nor is she loved",
    "he is never smacked and never loved",
    "she isn't hit at home and she isn't happy at home",
    "he has no bruises and no friends",
    "she isn't hit nor cheerful",
    "he isn't hurt and isn't thriving",
    "she is not slapped and not content",
    "nobody hits her and she isn't loved",
    "he isn't kicked and he isn't settled at home",
    "she is not hit nor happy",
    "he is not harmed nor loved at home",
]


@pytest.mark.parametrize("q", STRENGTH_DENIED)
def test_a_strength_the_caller_negates_is_never_shown_first(q: str) -> None:
    """The call says the child lacks a strength ("isn't loved", "not happy", "no friends"): no Universal row leads."""
    got = _ids(q)
    assert LEVEL[got[0]] != "universal", got


# --- 2. "not only" / "not just": the harm is said, not denied

NOT_ONLY = [
    "she is not only hit she is locked in her room",
    "he is not just hit he is locked in the cupboard",
    "not only does dad hit her, he locks her in her room",
    "she isn't only hit, she is starved",
    "he is not only smacked he is kicked as well",
    "not just hit, she gets punched",
    "she is not only hurt she is locked out of the house",
    "he is not just beaten he is burnt with cigarettes",
    "she's not only slapped, she's shut in the cellar",
    "not only is he hit, he is left alone at night",
    "he is not only hit he is kicked",
    "she is not just smacked, mum kicks her too",
    "not only has she been hurt, she has bruises on her face",
    "he isn't just hit, he's beaten with a belt",
    "she is not only hit at home, she is locked in her bedroom",
    "he is not only punched he is strangled",
    "not just hurt, she was choked by stepdad",
    "she is not only abused she is hit",
    "he is not just hit he is thrown against the wall",
    "she is not only beaten she has a black eye",
    "not only hit, he is also burnt",
]


@pytest.mark.parametrize("q", NOT_ONLY)
def test_not_only_a_harm_keeps_p9_first(q: str) -> None:
    """Said "not only hit, she is locked in her room" says she is hit: p9's row is first, as for "she is hit"."""
    got = _ids(q)
    assert got[0] in P9, got


# --- 3. "neither X nor Y" denies both

NEITHER_STRENGTHS = [
    "he has neither friends nor family",
    "she is neither happy nor settled",
    "she is neither safe nor happy at home",
    "he has neither friends at school nor anyone at home",
    "mum is neither warm nor loving",
    "she has neither love nor support",
    "he is neither loved nor cared for",
    "he has neither family nor friends to help",
    "she is neither happy at home nor at school",
    "he neither feels loved nor wanted",
    "she has neither friends nor hobbies",
    "they have neither family nor friends nearby",
]


@pytest.mark.parametrize("q", NEITHER_STRENGTHS)
def test_neither_nor_denies_each_strength(q: str) -> None:
    """Said "neither friends nor family" is "no friends or family": no Universal row leads."""
    got = _ids(q)
    assert LEVEL[got[0]] != "universal", got


NEITHER_HARMS = [
    "she is neither hit nor hurt at home",
    pytest.param(
        "he has neither bruises nor marks",
        marks=pytest.mark.xfail(
            strict=True,
            reason="read as 'no bruises or marks' is: word matching's first three are all p9 rows (the under-2 bruising line"
            " among them, no age given), and H6/S1 move none of them out of sight, so one leads (left: docs/adviser.md Search26a)",
        ),
    ),
    "she has been neither hit nor touched",
    "he is neither hit nor smacked",
    "she is neither beaten nor hurt",
    "he has been neither harmed nor hit",
    "she is neither smacked nor slapped at home",
    "he is neither hurt nor abused",
]


@pytest.mark.parametrize("q", NEITHER_HARMS)
def test_neither_nor_denies_each_harm(q: str) -> None:
    """Said "neither hit nor hurt" denies both: no p9 row leads (review 12 H6), and p9's harm row stays in the first three."""
    got = _ids(q)
    assert got[0] not in P9, got
    assert P9_HARM_ROWS & set(got), got


# the document's rows of a child's basic needs unmet (p13-17: care, diet, neglect, poverty meeting basic needs), above Universal
BASIC_CARE = {
    "additional.receiving_poor_inconsistent_standards",
    "additional.concerns_about_diet_poor",
    "extensive.presents_being_neglected_persistent",
    "extensive.serious_debts_poverty_impacting",
    "protection.extreme_poverty_debt_impacting",
    "immediate.significant_harm",
}


@pytest.mark.parametrize(
    "q",
    [
        "she has neither a bed nor food at home",
        "they have neither heating nor food",
        "he has neither clean clothes nor food",
        "the kids have neither food nor a bed",
    ],
)
def test_neither_nor_things_a_child_needs_offers_basic_care(q: str) -> None:
    """Things a child must have, denied ("neither a bed nor food"): the denial IS the concern; a basic care row
    above Universal (p13-16) is offered in the first three, and no Universal row leads."""
    got = _ids(q)
    assert BASIC_CARE & set(got), got
    assert LEVEL[got[0]] != "universal", got


# --- controls


@pytest.mark.parametrize(
    "q",
    [
        "not only is she loved, she's doing well at school",
        "she is loved and happy and nobody hits her",
        "nobody hits her and she's happy at home",
        "not only is he happy, he has lots of friends",
        "she has friends and family",
        "he is loved and settled",
    ],
)
def test_a_strength_said_undenied_keeps_its_strength_first(q: str) -> None:
    got = _ids(q)
    assert LEVEL[got[0]] == "universal", got


@pytest.mark.parametrize(
    "q",
    [
        "she isn't hit but dad shouts",
        "nobody hits him, he has been missing from home twice this month",
        "he isn't hit but he has no friends",
    ],
)
def test_a_concern_said_beside_a_denial_keeps_a_concern_first(q: str) -> None:
    got = _ids(q)
    assert LEVEL[got[0]] != "universal", got


@pytest.mark.parametrize("q", ["she isn't hit", "nobody hits him", "he is not hurt at home", "she has not been hit, just told off", "he has never been hit"])
def test_a_plain_denial_is_still_read(q: str) -> None:
    """A denial with no "only"/"just" between it and the harm is still a denial: p9 does not lead (H6)."""
    got = _ids(q)
    assert got[0] not in P9, got


@pytest.mark.parametrize(
    "q, first",
    [
        ("she isn't settled at home", "additional.attachment_issues"),
        # fix29b: happiness at home denied is read as "unhappy" (`said_as_meant.plain`): p13-14's "Mental health concerns
        # about the child" leads; "Poor school attendance" (the school half) follows it in the first three
        ("she is neither happy at home nor at school", "additional.mental_health_concerns_about"),
        # fix29b: was a strict xfail here ("no row above Universal is found on 'happy'"), mended the same way
        ("she is not happy at home", "additional.mental_health_concerns_about"),
    ],
)
def test_a_strength_negated_with_no_harm_word_leads_with_the_lack(q: str, first: str | None) -> None:
    """No harm word, a strength word negated ("isn't settled", "not at school"): the row word matching found on that word
    (p13-14's "Attachment issues", "Poor school attendance") leads, not the Universal strength (p13 "Good stable
    relationships with carers")."""
    got = _ids(q)
    assert LEVEL[got[0]] != "universal" and (first is None or got[0] == first), got

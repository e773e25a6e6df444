"""Review 26's mutation tests (docs/safety/mutation.md "Review 26"): stops 44-46's search readings, each test a gap a
surviving mutant showed (named in its docstring), written through `search()` only, so it holds whatever code reads it.

Oracles, from what the words say and the document's rows (never from the search's output under a mutant):
- "no X nor Y" and "has neither X nor Y" say "no X, no Y"; "but neither X nor Y" says "but not X, not Y": a call so
  worded is given the first three rows of the same call worded with the plain denials (denial26's reading, word for word);
- a "nor" with no denial before it ("mum nor dad could explain the bruises") is still a call the search answers;
- a strength said undenied beside one negated ("not loved but she is healthy") keeps its Universal row first, as
  denial26's own controls keep one;
- what a child told of a blow (kicked, whipped, walloped) or of an unknown man's gifts is no carer's ordinary act told
  (fix27c F3 reads only those as no disclosure): p9's "Allegations or disclosures of abuse" stays in the first three;
- the row a carer's act told is brought second for (fix27c F2) says the act's words as those it rests on;
- a present given to a child named by an age, "all the kids", "an 11 year old" is no child bought (fix27b's gift reading):
  no trafficking row in the first three; a man who bought a child keeps a p9 row there;
- an injury no adult could explain is unexplained (fix27c F1): p9's unexplained injuries row first;
- nobody to mind a child of 3 (fix27a) is a p9 home-alone line first;
- any call is answered: a call ending at "told", at "not", at an age or at the minding word, a "nor" with no denial
  before it, a strength negated with nothing else said."""

from __future__ import annotations

import pytest

from pathway.search import KEPT_PLACES, search
from tests.pathway import cases

DISCLOSURE = "immediate.allegation_or_disclosure"


def _three(q: str, age: int | None) -> list[str]:
    return cases.found(q, age)[:KEPT_PLACES]


# --- Search26a (denial26): paired denials


@pytest.mark.parametrize(
    ("paired", "plain", "age"),
    [
        ("she has no bed nor food", "she has no bed no food", 36),  # paired_denials 43, 52, 58, 61: "nor" after "no" read as "not"
        ("no bed nor food for him", "no bed no food for him", 36),  # 55: the denial at the call's first word
        ("no food nor heating for the baby", "no food no heating for the baby", 6),
        ("he has got no food nor a bed", "he has got no food no a bed", None),
        ("she has neither bed nor food", "she has no bed no food", 36),  # 37: "neither" after "has" read as "not"
        ("he has neither friends nor family", "he has no friends no family", None),
        ("she has got neither a coat nor shoes", "she has got no coat no shoes", 60),
    ],
)
def test_no_x_nor_y_is_read_as_no_x_no_y(paired: str, plain: str, age: int | None) -> None:
    """Things a child has not, named with "nor" or "neither ... nor" after "no" or "has", are each lacking, as said plainly."""
    assert _three(paired, age) == _three(plain, age)


def test_neither_nor_after_but_denies_both() -> None:
    """paired_denials 28 (the clause looked for from the word before "neither"): after "but" the pair was not read, and a
    Universal strength ("Good stable relationships") came into the first three for "neither happy nor settled"."""
    assert _three("he is quiet but neither happy nor settled", None) == _three("he is quiet but not happy not settled", None)


@pytest.mark.parametrize(
    ("q", "age"),
    [("mum nor dad could explain the bruises", 60), ("she is hit by dad nor loved", 96)],
)
def test_a_nor_with_no_denial_before_it_is_answered(q: str, age: int) -> None:
    """paired_denials 46 (no default where no denial or clause word comes before a "nor"): the search raised. The call is
    answered; the bruises nobody explained keep a p9 row in the first three."""
    three = _three(q, age)
    assert len(three) == KEPT_PLACES
    assert any(n.startswith("immediate.") for n in three), three


def test_a_strength_said_beside_a_strength_negated_keeps_its_universal_row_first() -> None:
    """lacking_lead 22, 31 (the first row's words no longer all a negated strength or empty words): "she is healthy" is a
    strength said, undenied, so its Universal row stays first as denial26's controls keep one ("not only is she loved,
    she's doing well at school"); the mutants put p17's "Inconsistent parenting" first on "not loved"."""
    got = _three("she is not loved but she is healthy", None)
    assert got[0].startswith("universal."), got


# --- fix27c F3: a carer's ordinary act told is no disclosure; a blow or a stranger's gifts told is one


@pytest.mark.parametrize(
    ("q", "age"),
    [
        ("she told her teacher that dad kicked her", 96),  # _told_no_harm 25: harm_to_child's acts not read
        ("she told her friend that dad whipped her", 120),
        ("she told her teacher that dad walloped mum", 96),  # 28, 34: everyday_hitting's words not read
        ("she told her teacher a man at the park gave her sweets", 96),  # 13, 16: no carer named in what was told
        ("she told mum a man at the park gave her sweets", 96),  # _past_whom_told 19, 22: the carer told read as told of
    ],
)
def test_a_blow_or_a_strangers_gifts_told_keeps_the_disclosure_in_sight(q: str, age: int) -> None:
    """What was told is no carer's ordinary act: p9's disclosure row stays in the first three."""
    three = _three(q, age)
    assert DISCLOSURE in three, three


# --- fix27c F2: a carer's act told reaches what it reaches said directly


def test_the_row_a_told_act_brings_second_rests_on_the_acts_words() -> None:
    """_everyday_hitting_again 34, 40 (the act's words not recorded against the row it brings second): p9 "significant
    harm" was offered with no words it rests on, so the adviser saw no reason for it."""
    hits = search("she mentioned that her dad holds a lighter to her hand", age_in_months=96, limit=KEPT_PLACES, finished=True)
    harm = next(h for h in hits if h.id == "immediate.significant_harm")
    assert any("lighter" in m.split() for m in harm.matched), harm.matched


@pytest.mark.parametrize(("q", "age"), [("she has never told", 96), ("mum says he has bruises, dad says not", 60), ("he is not happy at home", None)])
def test_a_call_ending_at_told_or_not_or_a_strength_negated_is_answered(q: str, age: int | None) -> None:
    """_past_whom_told 4, 7 (the word after "told" read where the call ends), affirmed 13 (the word after a last "not"),
    lacking_lead 49 (a row with no word matches read as matched): the search raised."""
    assert len(_three(q, age)) == KEPT_PLACES


def test_the_bruises_mum_says_and_dad_denies_keep_a_p9_row() -> None:
    """A harm one carer says and the other denies is no harm denied: a p9 row stays in the first three."""
    assert any(n.startswith("immediate.") for n in _three("mum says he has bruises, dad says not", 60))


def test_not_happy_at_home_shows_no_strength_first() -> None:
    """denial26's oracle: a strength the caller negates ("not happy") is never shown first. mut28 found it (lacking_lead
    finds no row above Universal matched on 'happy'); fix29b mended it: happiness at home denied is read as "unhappy"
    (`said_as_meant.plain`)."""
    got = _three("he is not happy at home", None)
    assert not got[0].startswith("universal."), got


# --- fix27c F1: an injury nobody could explain


@pytest.mark.parametrize(("q", "age"), [("none of the adults at home could explain the marks", 40)])
def test_a_denial_five_words_before_could_is_an_ability_denied(q: str, age: int) -> None:
    """_ability_denied 16 (the look back cut by two words): "none" six words before "could" was not read, and the
    injury nobody explained lost p9's first place."""
    assert _three(q, age)[0] == "immediate.unexplained_injuries"


# --- fix27b: a present given to a child is no child bought

TRAFFICKING = {"immediate.trafficking_victim", "protection.child_victim_trafficking"}


@pytest.mark.parametrize(
    ("q", "age"),
    [
        ("dad brought her presents", 120),  # _gift_at 4: the person and the thing as the call's last two words
        ("auntie brought the kids presents", 96),  # 79: the thing as the call's last word
        ("auntie brought an 11 year old presents", 132),  # 25: "an"
        ("auntie brought all the kids presents", 96),  # 28: "all"
        ("auntie brought the 12 yr old presents", 144),  # 49: "yr"
        ("auntie brought the 12 yrs old presents", 144),  # 52: "yrs"
        ("auntie brought the 9 months old presents", 9),  # 55: "months"
        ("auntie brought the 12 yo presents", 144),  # 70: "yo"
    ],
)
def test_presents_brought_for_a_child_are_no_trafficking(q: str, age: int) -> None:
    """The child is given to, not brought or bought: no trafficking row in the first three."""
    three = _three(q, age)
    assert not TRAFFICKING & set(three), three


def test_a_man_who_bought_a_child_keeps_a_p9_row() -> None:
    """_gift_at 43 (the age's words read past the call's end): the search raised on a call ending at the child's age."""
    three = _three("a man bought a 13 year old", 160)
    assert any(n.startswith("immediate.") for n in three), three


# --- fix27a: nobody to mind the child


def test_nobody_to_babysit_as_the_calls_last_word_keeps_a_home_alone_line_first() -> None:
    """_lacking_said 28, 31 (the word after the minding word read where the call ends): the search raised. Nobody to
    mind a child of 3: a p9 home-alone line leads."""
    three = _three("mum works nights and there is nobody to babysit", 36)
    assert three[0] in {"immediate.home_alone_at_risk", "immediate.home_alone_5_and_under"}, three


@pytest.mark.parametrize(
    ("q", "first"),
    [
        ("she's coming up to one and dad uses drugs", "immediate.substance_use_under_1"),
        ("she's coming up to six and mum leaves her home alone", "immediate.home_alone_5_and_under"),
    ],
)
def test_coming_up_to_an_age_is_the_year_before_it(q: str, first: str) -> None:
    """_age_said_read 4 (the phrases in the file's order, not longest first: "coming up" read before "coming up to"):
    the age was not read. A child coming up to one is under 1 (p9's under-1 line for a carer's drug use leads); coming up
    to six is 5 (p9's 5-and-under home-alone line leads)."""
    assert _three(q, None)[0] == first

"""The lead, after fix20a: a sexual assault done to this child, said in the simple past or the perfect, leads with p9's
"Allegations or disclosures of abuse" (it led with the child's own "Causes significant harm to others", or "Uses
substances" for "... at a party"). Oracle: p9's own words (an allegation of abuse is an immediate referral) and the
document's p17 rows for what is not said of this child."""

from __future__ import annotations

import pytest

from pathway.search import default_index

ALLEGATION = "immediate.allegation_or_disclosure"
AGE = 14 * 12


@pytest.fixture(scope="module")
def index():
    return default_index()


@pytest.mark.parametrize(
    "call",
    [
        "she was sexually assaulted",
        "she was sexually assaulted at a party",
        "my daughter was sexually assaulted last night",
        "he was raped",
        "the boy has been raped",
        "she was molested by a neighbour",
        "she was groped by a man on the bus",
        "he has been sexually assaulted by his uncle",
    ],
)
def test_a_sexual_assault_done_to_this_child_leads_with_p9s_allegation(index, call):
    assert index.search(call, limit=3, age_in_months=AGE)[0].indicator.id == ALLEGATION


@pytest.mark.parametrize(
    "call, lead",
    [
        ("he was assaulted in the park by older boys", "protection.victim_crime"),  # a fight: p17's victim of crime
        ("she was sexually exploited", "protection.sexual_exploitation"),  # its p17 twin, cross-walked to p9, leads
    ],
)
def test_a_plain_assault_and_exploitation_keep_their_own_rows(index, call, lead):
    assert index.search(call, limit=3, age_in_months=AGE)[0].indicator.id == lead


def test_another_childs_assault_does_not_lead_with_this_childs_allegation(index):
    assert index.search("her friend was sexually assaulted", limit=3, age_in_months=AGE)[0].indicator.id != ALLEGATION


@pytest.mark.parametrize("word", ["march", "shipped", "drawn", "boxes", "bought", "spouting", "wondering", "ripped"])
def test_a_real_word_of_the_labelled_calls_is_not_read_as_a_p9_words_misspelling(index, word):
    # the lead, after fix20a's merge: "march" was read as "match", so "a wanted baby, due in march" led with p9's
    # unborn row; "shipped" as "whipped", "drawn" as "drown"
    assert index._p9_spelt(["the", word]) == ["the", word]


def test_a_misspelt_p9_word_is_still_read_as_the_word(index):
    assert index._p9_spelt(["she", "was", "molestid"]) == ["she", "was", "molested"]

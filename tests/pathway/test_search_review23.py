"""Review 23's mutation testing (docs/safety/mutation.md, "Review 23"; scripts/mutate_review23.sh): the calls that
kill the mutants of stop 42's search readings the readings' own tests let live. Through `search()` only (the
readings' methods are being moved; what the call screen shows is what is asserted).

Oracles: the document's rows, written here by hand, and each reading's declared why (pathway/data/search_synonyms.yaml;
docs/adviser.md, Search23a-f). p9: "Child is at immediate risk or has suffered significant harm including physical,
sexual, emotional harm or neglect"; p15-16 "Significant mental health needs, emotional and behavioural difficulties"."""

from __future__ import annotations

import pytest

from pathway.search import KEPT_PLACES, default_index

HARM = "immediate.significant_harm"
OWN_MH = {"additional.mental_health_concerns_about", "extensive.significant_mental_health_needs"}


def _ids(q: str, age: int | None = None) -> list[str]:
    return [h.id for h in default_index().search(q, age_in_months=age, limit=KEPT_PLACES, finished=True)]


# --- fix23a `named_subject` -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("q", "age"), [("my son believes he needs an exorcism", 156), ("she believes she has a jinn inside her", 168)])
def test_a_childs_own_belief_said_in_one_word_is_the_childs_mental_health(q: str, age: int) -> None:
    """`named_subject`: the child (a holder) believes (a verb) the reading's first phrase, one word here ("exorcism",
    "jinn"), at most `reach` words on: the child's own mental health leads, not p9 (mutant: only a phrase's second
    word was read as where it starts, so a one-word phrase was never the child's own)."""
    ids = _ids(q, age)
    assert ids[0] in OWN_MH, ids


@pytest.mark.parametrize(
    ("q", "age"), [("she says that a stranger in the park told her she is a witch", 120), ("he says a man at the shop told him he is possessed", 120)]
)
def test_a_belief_said_far_after_the_childs_verb_keeps_p9_first(q: str, age: int) -> None:
    """`named_subject`: the first phrase must come at most `reach` (4) words after the child's verb; here an adult
    the reading does not list (a stranger, a man) brands the child, many words after "says": the branding is harm
    done in the belief's name and p9 keeps first place (mutant: any verb before the phrase, however far)."""
    assert _ids(q, age)[0] == HARM


def test_a_childs_own_belief_said_reach_words_after_the_verb_is_still_the_childs() -> None:
    """`named_subject.reach`: the first phrase at most `reach` (4) words after the verb, "that he really" between them
    (the holder's own person word): still the child's own belief (mutant: the window two words shorter)."""
    ids = _ids("my son thinks that he really is possessed", 156)
    assert ids[0] in OWN_MH, ids


def test_an_adult_branding_the_child_one_word_beyond_reach_keeps_p9_first() -> None:
    """Five words between the child's "says" and "her a witch" (one beyond `reach`), an adult the reading does not
    list ("a man in town") doing the branding: p9 keeps first place (mutant: the window one word longer)."""
    assert _ids("she says a man in town calls her a witch", 120)[0] == HARM


def test_the_holder_is_read_back_over_the_fillers_only() -> None:
    """`named_subject.fillers`: after the holder ("my eldest son") at most fillers ("really") before the verb; the
    holder is the word just before them, wherever it stands in the call (mutant: the word read as the holder was the
    call's second, "eldest", whatever the fillers)."""
    ids = _ids("my eldest son really thinks he is possessed", 168)
    assert ids[0] in OWN_MH, ids


def test_a_verb_with_no_holder_before_it_does_not_end_the_reading() -> None:
    """ "scared" (a `verbs` word) with no holder before it, then "he says he is possessed": the child's own belief is
    still read from the later verb (mutant: the first verb without a holder ended the search)."""
    ids = _ids("really scared and he says he is possessed", 168)
    assert ids[0] in OWN_MH, ids


# --- fix23c `clause_reading` (and fix22a's `above_universal.universal_cuts`, which _clause_pieces applies) -------------


def test_a_universal_call_is_cut_at_and_so_its_p9_clause_leads() -> None:
    """fix22a: a call naming a need above Universal is not a Universal call, however the clauses are joined
    (`clause_reading.why`: "a contrast word, a comma or none"); with a Universal row first the call is cut at "and"
    too (`universal_cuts`). fix22a's own call, its commas left out: p9's "Unexplained injuries" leads (mutant: a
    Universal call cut at the other readings' `cuts` only, "Meets developmental milestones" led)."""
    ids = _ids("toddler is meeting milestones and has a burn on her hand mum cant explain", 20)
    assert ids[0] == "immediate.unexplained_injuries", ids


# --- fix23c `degrading_treatment` -------------------------------------------------------------------------------------


def test_a_disabled_child_tied_to_a_chair_keeps_the_disability_row_first_and_p9_second() -> None:
    """`degrading_treatment.tied` with the child's disability said (`care`): p17's "Substantial, life long disability
    ... with safeguarding concerns" (the labelled calls' row for this call) stays first and p9's significant-harm
    line comes second, in the first three (the reading's declared why; mutant: the tied reading never seen, p9 led)."""
    ids = _ids("extreme challenging behaviour and learning disability, parents tying him to the chair", 120)
    assert ids[:2] == ["protection.substantial_lifelong_disability_safeguarding", HARM], ids


# --- fix23c `under_13_sex` --------------------------------------------------------------------------------------------

UNDER_13 = "protection.sexual_activity_under_13"
CRIME = "additional.involved_criminal_activity_offending"


def test_under_13_sex_comes_second_to_a_p9_row_first_and_the_crime_row_leaves_the_first_places() -> None:
    """`under_13_sex` (review 23 N10's own call, a girl of 12): p9's allegation line is first and stays first (safety
    first), p17's "Sexual activity under 13" comes second, and the child's "Involved in criminal activity /
    offending" (the 17-year-old's act read as hers) is not in the first `places` (5); the scores shown follow the
    order (mutants: the p9 row put back first with an argument missing, a crash; the moved row's score rounded to a
    whole number, shown above the rows before it)."""
    hits = default_index().search("she said her and her boyfriend have done stuff, she's 12 and he's 17", age_in_months=144, limit=8, finished=True)
    ids = [h.id for h in hits]
    assert ids[:2] == ["immediate.allegation_or_disclosure", UNDER_13], ids
    assert CRIME not in ids[:5], ids
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True), list(zip(ids, scores))

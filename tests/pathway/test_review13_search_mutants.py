"""Gaps mut14's mutation run of search13's core rule (SearchIndex._core_first) found (docs/safety/mutation.md,
"Review 13's code"): each test fails under the mutant named beside it. The first result is preselected on the
call screen; an immediate criterion (p9) the call states is the one to lead."""

from __future__ import annotations

import pytest

from pathway.search import KEPT_PLACES, search

DV = "immediate.repeated_domestic_violence"
HARM = "immediate.significant_harm"  # the criterion a parent's psychosis joined to the child leads with (synonyms `joined`)


def _ids(q: str) -> list[str]:
    return [h.id for h in search(q, age_in_months=96, limit=KEPT_PLACES)]


@pytest.mark.parametrize("q", ["mum is psychotic and drinks and believes the baby is evil", "dad drinks and is psychotic and believes the kids are evil"])
def test_a_parents_psychosis_joined_to_the_child_leads_when_the_domestic_violence_row_gives_way(q):
    """_core_first 20, 24 (the joined criterion never, or only when its own core is unsaid, taken as the lead):
    the domestic-violence row, first with no violence said, gave first place to the parent's mental health
    (Extensive) instead of the p9 criterion the psychosis joined to the child states."""
    assert _ids(q)[0] == HARM


def test_a_core_word_still_being_typed_keeps_the_domestic_violence_row_first():
    """_core_first 11 (`typing` not passed on to _says_core): "dad is viol" as it is typed said no violence,
    and the row gave way to the parent's mental health while the practitioner typed it."""
    assert _ids("mum drinks and has mental health problems and dad is viol")[0] == DV


def test_a_call_that_finds_nothing_finds_nothing():
    """_core_first 1 (`not ranked and ...`): with no result it read the first of none."""
    assert _ids("zzzq qqxz") == []


# --- mut15: the six survivors of search13's rules mut14 left unjudged (docs/safety/mutation.md, "Review 14's code")

# A call that only denies a concern, and the words its denial covers (NEGATION_REACH: up to three words after the
# "no"/"not", "been" and "any" not counted, search14), written from the words, not from the results
DENIED_ONLY = {
    "dad does not hit the children": {"hit", "the", "children"},
    "there has not been any sexual abuse": {"been", "any", "sexual", "abuse"},
    "no sexual abuse has been disclosed": {"sexual", "abuse", "has"},
    "not been left alone": {"been", "left", "alone"},
}


@pytest.mark.parametrize(("q", "denied"), DENIED_ONLY.items())
def test_a_call_that_only_denies_a_concern_is_not_led_by_a_row_its_denied_words_found(q, denied):
    """_denied_first 30 (`or` for `and` in `rests_on_denial`), 48 (`lead is not None` for `is None`) and 49 (the row
    that rests on no denied word never looked for): where nothing rests on a word said, the first result below
    Protection was taken whatever it rested on, so "dad does not hit the children" led with 'Child witnessing or
    experiencing domestic abuse' found by "hit", the word denied, preselected. The immediate criterion the words
    name stays in sight (the first KEPT_PLACES)."""
    hits = search(q, age_in_months=96, limit=KEPT_PLACES)
    first = hits[0]
    assert not first.indicator.immediate and first.indicator.level.value != "protection"
    assert denied.isdisjoint(w for label in first.matched for w in label.split())
    assert any(h.indicator.immediate for h in hits)


def test_the_core_rule_with_only_the_domestic_violence_row_found_moves_nothing():
    """_core_first 28 (`next(...)` without its default): where every result is the domestic-violence row with its
    core unsaid (no call of 1,394 tried finds it alone: the model's blend ranks more rows), there is no other row to
    lead and the rule raised StopIteration instead of leaving the one row first."""
    from pathway.search import default_index, normalise, stem

    index = default_index()
    n = next(n for n in index.core if index.entries[n].indicator.id == DV)
    words = normalise("mum drinks").split()
    ranked, final = [n], {n: 1.0}
    index._core_first(words, [stem(w) for w in words], False, ranked, final)
    assert ranked == [n] and final == {n: 1.0}

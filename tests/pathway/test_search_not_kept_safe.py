"""A caller who says the child is not kept safe (left9, item 5): "not at all kept safe" and "no one
keeps him safe" put the Universal strength "Parent / carers provide for children's needs and protect
from danger and harm" first, as the words between the denial and "safe" ("at all", "one") carried
"safe" out of the denial's reach, and the strength's own phrasing "kept safe" matched. The document's
need for a child not kept safe is p9's "Child is at immediate risk or has suffered significant harm"
(the oracle, by hand, as hazard H8's for "not safe at home": no strength first, p9 in the top three).
Fixed where the words are read: a denial said long is said short ("not at all" is "not", "no one" is
"nobody"). Phrasings of the class, none of them the search's training data."""

from __future__ import annotations

import pytest

from pathway.levels import Level
from pathway.search import load_synonyms, normalise, search

P9 = "immediate.significant_harm"
STRENGTH = "universal.parent_carers_provide_children"  # "... protect from danger and harm" (Universal, p11-12)
PHRASINGS = [
    "not at all kept safe",
    "not kept safe",
    "nobody keeps her safe",
    "no one keeps him safe",
    "no-one keeps them safe",
    "she is not being kept safe at all",
    "the kids are never kept safe",
    "isnt kept safe",
    "he is not safe with them",
    "not safe at home",
]


def test_the_phrasings_are_not_training_data_but_the_one_already_there():
    trained = {p.lower() for ps in (load_synonyms().get("indicators") or {}).values() for p in ps}
    assert trained & set(PHRASINGS) == {"not safe at home"}


@pytest.mark.parametrize("words", PHRASINGS)
def test_not_kept_safe_finds_p9_and_never_the_strength(words):
    top = search(words, age_in_months=96)[:3]
    assert top[0].indicator.level is not Level.UNIVERSAL, [h.id for h in top]
    assert P9 in [h.id for h in top], [h.id for h in top]
    assert STRENGTH not in [h.id for h in top], [h.id for h in top]


def test_a_denial_said_long_is_said_short():
    assert normalise("Not at all kept safe") == "not kept safe"
    assert normalise("No-one keeps him safe") == normalise("no one keeps him safe") == "nobody keeps him safe"
    assert normalise("he does not eat at all") == "he does not eat at all"  # "at all" not after "not": kept


def test_a_strength_said_plainly_is_still_the_strength():
    assert search("kept safe", age_in_months=96)[0].id == STRENGTH

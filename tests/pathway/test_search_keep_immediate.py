"""Safety first, kept by rule (docs/adviser.md): an immediate criterion that word matching put in its
first three stays in the first three after the blend and the severity words, always (review 8,
surfaces S1). Until then two kept criteria could be given one place and push each other out ("kids
saw dad hit mum": repeated domestic violence lost to significant harm kept at the same place), and
"maybe" lifted the suspected twins past a kept criterion out of the top three ("fella controlling,
maybe violent"): 49 of 5,636 phrasings.

The oracle is word matching alone, before the severity words reorder twins: the index without the
learned model, with no severity words and no `joined` rule (a rule after the ranking, like the severity
words: SearchIndex._joined_first), nor fix22a's `above_universal` and `young_out_at_night` (rules after the ranking
too: with no model to agree with, their clause reading put p9 rows into word matching's own first three, rows word
matching alone does not put there: "uses the library, baby clinic, all the ususal")).

Each holds for the words read as typed (every surface's default) and read whole (`finished=True`: the API where a
client asks; review 25 surfaces, R2), word matching alone read the same way."""

from __future__ import annotations

import pytest

from pathway.catalogue import load_catalogue
from pathway.search import KEPT_PLACES, SearchIndex, load_synonyms, search
from pathway.search_accuracy import load_phrasings
from pathway.search_model import EXAMPLES_DIR


def _words_alone() -> SearchIndex:
    return SearchIndex(load_catalogue(), {**load_synonyms(), "severity": {}, "joined": [], "above_universal": None, "young_out_at_night": None})


@pytest.mark.parametrize("finished", [False, True])
@pytest.mark.parametrize(
    "q, months",
    [
        ("kids saw dad hit mum", 72),
        ("mum had a black eye again", 72),
        ("fella controlling, maybe violent", 48),
        ("lots of shouting and banging next door, think he might be hitting her", 36),
    ],
)
def test_the_cases_found_keep_every_immediate_criterion_word_matching_put_in_the_top_three(q, months, finished):
    words = [h for h in _words_alone().search(q, age_in_months=months, limit=KEPT_PLACES, finished=finished) if h.indicator.immediate]
    assert words, "the case must have an immediate criterion in word matching's top three"
    whole = [h.id for h in search(q, age_in_months=months, limit=KEPT_PLACES, finished=finished)]
    assert all(h.id in whole for h in words), (words, whole)


@pytest.mark.parametrize("finished", [False, True])
def test_no_phrasing_loses_an_immediate_criterion_from_the_top_three(finished):
    index = _words_alone()
    lost, reached = [], 0
    for path in sorted(EXAMPLES_DIR.glob("*.yaml")):
        for p in load_phrasings(path):
            age = {"age_in_months": p.get("age_in_months"), "unborn": p.get("unborn", False)}
            kept = [h.id for h in index.search(p["q"], limit=KEPT_PLACES, finished=finished, **age) if h.indicator.immediate]
            if not kept:
                continue
            reached += 1
            whole = [h.id for h in search(p["q"], limit=KEPT_PLACES, finished=finished, **age)]
            lost += [(p["q"], i, whole) for i in kept if i not in whole]
    assert reached > 500
    assert not lost, f"{len(lost)} lost, e.g. {lost[:3]}"

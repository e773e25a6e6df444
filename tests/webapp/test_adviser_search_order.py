"""The call screen's search list keeps the search's safety order (review 8, surfaces S1).

The oracle is `pathway.search.search`, the list the API and the CLI give (`docs/adviser.md`, "Safety
first, kept by rule rather than learned"): the call screen may group the best match's twins after
it, but an immediate-referral criterion (p9) is never shown lower on the call screen than the search
placed it, and everything the screen shows apart from the twins it lifted is the search's own list
with the search's scores: the immediate criteria at their places, the rest in the search's order. Checked over every phrasing of the
development and held-out sets, one training set (twins-weighted) and the review's cases."""

from __future__ import annotations

from functools import cache

import pytest

from pathway.catalogue import load_catalogue
from pathway.search import KEPT_PLACES, SearchIndex, load_synonyms, search
from pathway.search_accuracy import load_phrasings
from pathway.search_model import EXAMPLES_DIR
from webapp.adviser import call, forms

LIMIT = 8  # the call screen's rows
TWINS_WEIGHTED = "written_2026-12-02f.yaml"  # a training set of 1,000 written calls, 500 weighted to twins and near neighbours
REVIEW_CASES = [  # review 8 S1 and S2: (words, age in months)
    ("mum hearing voices telling her to hurt the baby", 2),
    ("mum is psychotic", 2),
    ("dad beats mum in front of the kids every weekend", 96),
    ("mum has schizophrenia and stopped her medication", 24),
    ("mum is psychotic and says the baby is the devil", 2),
    ("mum said she wants to hurt him", 48),
]


@cache
def phrases() -> list[tuple[str, int | None, bool]]:
    out = [(q, months, False) for q, months in REVIEW_CASES]
    for path in sorted(EXAMPLES_DIR.glob("*.yaml")):
        if path.name.startswith("written_") and path.name != TWINS_WEIGHTED:
            continue  # the other written training sets add time, not kinds of call
        out += [(p["q"], p.get("age_in_months"), p.get("unborn", False)) for p in load_phrasings(path)]
    return list(dict.fromkeys(out))


@cache
def shown(q: str, months: int | None, unborn: bool) -> tuple[list, list]:
    """The search's whole list (the API's is its first rows) and the call screen's rows."""
    every = search(q, age_in_months=None if unborn else months, unborn=unborn, limit=200)
    return every, call.search(q, age_of(months, unborn))


def age_of(months: int | None, unborn: bool) -> forms.Age:
    if unborn:
        return forms.age("", "", True)
    if months is None:
        return forms.age("", "", False)
    return forms.age(str(months // 12), str(months % 12), False)


def test_the_phrasings_are_many_and_reach_immediate_criteria():
    assert len(phrases()) > 2000
    immediate = sum(any(h.indicator.immediate for h in shown(q, m, u)[0][:KEPT_PLACES]) for q, m, u in phrases())
    assert immediate > 300  # otherwise the property below would say little


@pytest.mark.parametrize("q, months", REVIEW_CASES[:4])
def test_the_review_cases_keep_the_immediate_criterion_where_the_search_put_it(q, months):
    api = [h.id for h in search(q, age_in_months=months, limit=LIMIT)]
    screen = [o.id for o in call.search(q, age_of(months, False))]
    for place, iid in enumerate(api):
        if load_catalogue().indicator(iid).immediate:
            assert iid in screen[: place + 1], (iid, place, screen)


def test_no_immediate_criterion_is_lower_on_the_call_screen_than_in_the_search_and_the_rest_agrees():
    wrong = []
    for q, months, unborn in phrases():
        every, screen = shown(q, months, unborn)
        api = every[:LIMIT]
        ids = [o.id for o in screen]
        # 1. safety: each immediate criterion at its search place or higher
        for place, hit in enumerate(api):
            if hit.indicator.immediate and hit.id not in ids[: place + 1]:
                wrong.append(("immediate lowered", q, hit.id, place, ids))
        # 2. agreement: without the twins the screen lifted, the screen shows the search's rows with
        # the search's scores; those that are not immediate criteria in the search's order (the
        # immediate ones keep their places, so they may stand above a row lifted twins pushed down)
        lifted = {o.id for o in screen if o.twin_of}
        score = {h.id: h.score for h in every}
        if any(o.score != score.get(o.id, 0.0) for o in screen):
            wrong.append(("score differs", q, [(o.id, o.score, score.get(o.id)) for o in screen]))
        rest = [o.id for o in screen if o.id not in lifted and not o.indicator.immediate]
        theirs = [h.id for h in api if h.id not in lifted and not h.indicator.immediate]
        if rest != theirs[: len(rest)] or any(h.id not in ids for h in api[: len(rest)] if h.indicator.immediate):
            wrong.append(("order differs", q, rest, theirs))
        # 3. a row the caller's words did not reach is never above one they did
        scores = [o.score for o in screen]
        if any(a == 0 < b for a, b in zip(scores, scores[1:])):
            wrong.append(("unscored above scored", q, [(o.id, o.score) for o in screen]))
    assert not wrong, f"{len(wrong)} wrong, e.g. {wrong[:3]}"


def test_what_word_matching_put_in_its_top_three_the_call_screen_shows_in_its_top_three_where_the_search_does():
    # the _keep_immediate property, seen through the call screen: an immediate criterion in word
    # matching's top three that the search keeps there is in the call screen's top three
    words = SearchIndex(load_catalogue(), load_synonyms())
    wrong = []
    for q, months, unborn in phrases():
        m = None if unborn else months
        every, screen = shown(q, months, unborn)
        kept = {h.id for h in every[:KEPT_PLACES]}
        for h in words.search(q, age_in_months=m, unborn=unborn, limit=KEPT_PLACES):
            if h.indicator.immediate and h.id in kept and h.id not in [o.id for o in screen[:KEPT_PLACES]]:
                wrong.append((q, h.id))
    assert not wrong, f"{len(wrong)} wrong, e.g. {wrong[:3]}"

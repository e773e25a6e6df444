"""A call that says no concern does not lead with p9 (review 11, H3; search12).

The learned model had no answer for "no concern": every call was read as some indicator, so a lone
keyword beside words that explain it away put a p9 criterion first, preselected ("she got a bruise
playing netball and told her teacher" -> an allegation; "mum drinks a glass of wine at christmas" (5
months) -> under 1 with significant substance use). The synonyms file's `harmless` calls (declared there
as this tool's reading) are now that answer, and where the model gives it (SearchIndex._calm_first,
CALM) the best result below Protection leads; p9 stays in the first three.

Oracles: p9's own qualifiers for the review's calls ("Unexplained injuries or injuries where there is
an inconsistent explanation", "significant substance use issues", p9); the held-out calls of
search_heldout_harmless.yaml (never training data, totals only; their header says what was seen when);
and the same index with the rule switched off, for every labelled call naming a p9 criterion (the rule
may move none of them from first place)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import pathway.search as search_module
from pathway.catalogue import load_catalogue
from pathway.search import KEPT_PLACES, SearchDataError, SearchIndex, default_index, load_synonyms, search
from pathway.search_accuracy import load_phrasings
from pathway.search_model import EXAMPLES_DIR, example_calls

CAT = load_catalogue()
HELD_OUT = yaml.safe_load((Path(__file__).parent / "search_heldout_harmless.yaml").read_text(encoding="utf-8"))


def _age(p: dict) -> dict:
    return {"unborn": p.get("unborn", False), "age_in_months": p.get("age_in_months")}


@pytest.mark.parametrize(
    "q, age, kept",
    [
        ("she got a bruise playing netball and told her teacher", 156, "immediate.allegation_or_disclosure"),
        ("mum drinks a glass of wine at christmas", 5, "immediate.substance_use_under_1"),
    ],
)
def test_the_reviews_harmless_calls_do_not_lead_with_p9_which_stays_in_sight(q, age, kept):
    hits = search(q, age_in_months=age, limit=KEPT_PLACES)
    assert not hits[0].indicator.immediate and hits[0].indicator.level.value != "protection", (q, hits[0].id)
    assert kept in [h.id for h in hits], q  # what gave way is still in the first three


def test_the_held_out_harmless_calls():
    # before the change 37 of 60 led with an immediate criterion (B 23 of 40, C 14 of 20); after, 30
    calls = HELD_OUT["harmless"]
    assert len(calls) >= 60
    firsts = [search(p["q"], limit=1, **_age(p))[0].indicator for p in calls]
    assert sum(i.immediate for i in firsts) <= 30


def test_the_held_out_p9_calls_said_beside_ordinary_words():
    # p9 criteria said beside sport, a celebration's drink, a teenager at home: before the change 37 of
    # 40 led with an immediate criterion and all 40 had one in the first three; after, 38 and 40
    calls = HELD_OUT["concern"]
    assert len(calls) >= 40
    hits = [search(p["q"], limit=KEPT_PLACES, **_age(p)) for p in calls]
    assert all(any(h.indicator.immediate for h in found) for found in hits)
    assert sum(found[0].indicator.immediate for found in hits) >= 38


def test_no_labelled_p9_call_loses_its_first_place_to_the_rule(monkeypatch):
    index = default_index()
    calls = [p for path in sorted(EXAMPLES_DIR.glob("*.yaml")) for p in load_phrasings(path) if any(CAT.indicator(i).immediate for i in p["expect"])]
    assert len(calls) > 700
    with_rule = [index.search(p["q"], limit=1, **_age(p))[0].indicator.immediate for p in calls]
    monkeypatch.setattr(search_module, "CALM", float("inf"))
    without = [index.search(p["q"], limit=1, **_age(p))[0].indicator.immediate for p in calls]
    lost = [p["q"] for p, w, wo in zip(calls, with_rule, without) if wo and not w]
    assert not lost, lost[:5]


def test_the_rule_is_what_moved_the_reviews_calls(monkeypatch):
    # switched off, the same index leads with p9: the answer "no concern" is what moves them (fix19b's ordinary-amount
    # reading, `overruled`, moves this call too: switched off here so the test is still about the calm rule alone)
    monkeypatch.setattr(search_module, "CALM", float("inf"))
    monkeypatch.setattr(search_module.default_index(), "overruled", None)
    assert search("mum drinks a glass of wine at christmas", age_in_months=5, limit=1)[0].indicator.immediate


@pytest.mark.parametrize(
    "bad",
    [
        [{"q": ""}],
        [{"q": "fine", "age_in_months": -1}],
        [{"q": "fine", "age_in_months": 3, "unborn": True}],
        [{"q": "fine", "expect": ["immediate.significant_harm"]}],
        ["fine"],
        {"q": "fine"},
    ],
)
def test_a_malformed_harmless_call_is_refused(bad):
    with pytest.raises(SearchDataError, match="harmless"):
        SearchIndex(CAT, {**load_synonyms(), "harmless": bad})


def test_the_harmless_calls_are_declared_as_the_tools_reading():
    text = (Path(__file__).parents[2] / "pathway" / "data" / "search_synonyms.yaml").read_text(encoding="utf-8")
    comment = []
    for line in reversed(text[: text.index("\nharmless:")].splitlines()):  # the comment just above it
        if not line.startswith("#"):
            break
        comment.insert(0, line.lstrip("# "))
    said = " ".join(comment)
    assert "tool's reading" in said and "p9" in said and "H3" in said
    assert len(load_synonyms()["harmless"]) >= 150


def test_no_held_out_or_review_call_is_training_data():
    trained = {h["q"] for h in load_synonyms()["harmless"]}
    trained |= {p["q"] for path in EXAMPLES_DIR.glob("*.yaml") for p in load_phrasings(path)}
    held = [p["q"] for key in ("harmless", "concern") for p in HELD_OUT[key]]
    held += [
        "she got a bruise playing netball and told her teacher",
        "mum drinks a glass of wine at christmas",
        "leaves her 17 year old at home when she works nights",
    ]
    assert not trained & set(held)


def test_a_set_left_out_of_training_keeps_every_p9_call_that_led_first():
    """search15 (docs/safety/mutation.md, review 12's surviving C3: CALM lowered to 0.75). CALM was chosen on
    the left-out sets as above the most any call there naming a p9 criterion gave: left out of training,
    v2's "brusing on my grandsons bottom after he came back from his dads" (0.79 of its best indicator's when
    measured for search15) leads with its own p9 row. Oracle: the set's own `expect` lists, written before
    the model existed; with v2 left out, every call naming a p9 criterion that leads with one of its own
    without the calm rule still does with it."""
    name = "spent_heldout_v2.yaml"
    index = SearchIndex(CAT, load_synonyms(), example_calls(p for p in sorted(EXAMPLES_DIR.glob("*.yaml")) if p.name != name))
    calls = [p for p in load_phrasings(EXAMPLES_DIR / name) if any(CAT.indicator(i).immediate for i in p["expect"])]
    led = [p for p in calls if index.search(p["q"], limit=KEPT_PLACES, **_age(p))[0].id in p["expect"]]
    index._calm_first = lambda *args, **kwargs: None  # type: ignore[method-assign]
    without = [p for p in calls if index.search(p["q"], limit=KEPT_PLACES, **_age(p))[0].id in p["expect"]]
    assert len(without) >= 20  # 25 when written
    assert [p["q"] for p in without if p not in led] == []

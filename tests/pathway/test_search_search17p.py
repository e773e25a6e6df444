"""Review 17's search findings N4 and N5 (search17p): a p9 criterion stated in full not first (N4), and a baby's
words bringing up p9 criteria they do not state (N5).

Oracles: the document's p9 criteria, written here by hand and in search_heldout_search17p.yaml (search17p's own
held-out calls, written before the change from the brief and the document, before the search was run on them;
never training data):
- p9 "There is evidence of repeated domestic violence witnessed and/or experienced by child": a call saying a
  repetition, the child's witnessing and violence between adults states it whole, and a p9 row leads (safety first);
  one incident, or arguments, do not state it, and the Extensive "Child witnessing and experiencing domestic abuse"
  (p15-16, no word of repetition) is the row for one incident seen;
- p9 "Under 1 year old where the parents/carers have significant substance use issues", "Under two years old and
  has unexplained bruising", "Left 'home alone' ... 5 years old and under": each is an age and a concern; a call
  about a baby that says none of the concern (feeding, crying, a rash, sleep, arguing, coping) states none of them.
Each test of a moved row was seen failing on main (fdbf78f) for at least one of its calls (the two grids: 71 of 224
and 18 of 56 held there); docs/adviser.md, Search17p, has the counts. The "once" grid and the one-part controls held
on main too: they hold the change to its class."""

from __future__ import annotations

import copy
from functools import cache
from itertools import product
from pathlib import Path

import pytest
import yaml

from pathway.catalogue import load_catalogue
from pathway.search import KEPT_PLACES, SearchDataError, SearchIndex, default_index, load_synonyms, normalise, stem
from pathway.search_accuracy import load_phrasings
from pathway.search_model import EXAMPLES_DIR, example_calls
from tests.pathway.p9_sight import p9_calls_lost

HELD_OUT = yaml.safe_load((Path(__file__).parent / "search_heldout_search17p.yaml").read_text(encoding="utf-8"))
CAT = load_catalogue()
DV = "immediate.repeated_domestic_violence"
WITNESSING_ONCE = "extensive.child_witnessing_experiencing_domestic"
BANDED = ("immediate.substance_use_under_1", "immediate.unexplained_bruising_under_2", "immediate.home_alone_5_and_under")
# held-out calls the change did not fix (docs/adviser.md, Search17p "Left"); strict, so a fix shows
LEFT = {
    "the twins see their dad kicking their mum most weekends": "search16's other_child list reads 'the twins' as other children",
    "baby has nappy rash and mum is worried": "p9's first criterion by the learned model on 'nappy rash'; it has no concept list",
    "baby has colic and reflux": "p9's first criterion third by the learned model",
    "baby has eczema and mum is not using the cream": "'using' is a substance word, said (generous: a denial is not read)",
    "baby has a burn on his hand and dad says he touched the oven": "p9's disclosure first on 'says' (p9 before p9: not moved)",
}


def ids(q: str, age: int | None = None, index: SearchIndex | None = None, limit: int = 5) -> list[str]:
    return [h.id for h in (index or default_index()).search(q, age_in_months=age, limit=limit)]


def immediate(i: str) -> bool:
    return CAT.indicator(i).immediate


def left(q: str):
    return pytest.mark.xfail(strict=True, reason=LEFT[q]) if q in LEFT else ()


def cases(part: str) -> list:
    return [pytest.param(c, id=c["q"], marks=left(c["q"])) for c in HELD_OUT[part]]


@cache
def without_stated() -> SearchIndex:
    synonyms = copy.deepcopy(load_synonyms())
    synonyms.pop("stated")
    return SearchIndex(CAT, synonyms, example_calls())


# --- N4: p9's repeated domestic violence stated in full --------------------------------------------------------
@pytest.mark.parametrize("call", cases("stated_in_full"))
def test_stated_in_full_leads_with_p9(call):
    found = ids(call["q"], call["age_in_months"])
    assert immediate(found[0]) and DV in found[:KEPT_PLACES], found


REPEATED = ("every weekend", "all the time", "most nights", "again and again", "regularly", "many times", "constantly")
WITNESSED = ("he sees", "he watches", "he hears", "he witnesses")
VIOLENCE = ("hit", "punch", "kick", "beat", "slap", "strangle", "attack", "push")


def test_every_repetition_witnessing_and_violence_leads_with_p9():
    """The class: repetition x witnessing x violence (224 calls): an immediate criterion first (p9's first criterion
    may lead where the words read as harm to the child), and the domestic-violence criterion in the first three."""
    calls = [f"{w} dad {v} mum {r}" for r, w, v in product(REPEATED, WITNESSED, VIOLENCE)]
    missed = [(q, found) for q in calls if not (immediate((found := ids(q, 84))[0]) and DV in found[:KEPT_PLACES])]
    assert not missed, missed


def test_one_incident_seen_is_not_stated_in_full():
    """One incident (a `severity: less` word, no repetition): the rule lifts nothing; the Extensive row leads."""
    calls = [f"{w} dad {v} mum once" for w, v in product(("he saw", "he watched"), VIOLENCE)]
    wrong = [(q, ids(q, 84, limit=1)[0]) for q in calls if ids(q, 84, limit=1)[0] == DV]
    assert not wrong, wrong


@pytest.mark.parametrize("call", cases("one_part"))
def test_one_part_said_moves_nothing(call):
    first = ids(call["q"], call["age_in_months"])[0]
    if "first" in call:
        assert first in call["first"]
    else:
        assert first not in call["not_first"]


@pytest.mark.parametrize("call", cases("repeated_only"))
def test_repeated_not_near_the_child_keeps_p9_in_sight(call):
    assert DV in ids(call["q"], call["age_in_months"])[:KEPT_PLACES]


@pytest.mark.parametrize(
    "q",
    [
        "I think he might be hitting her every night in front of the kids",
        "his friend sees her dad hit her mum every weekend",
        "he has never seen dad hit mum every weekend",
    ],
)
def test_doubt_another_child_or_a_denial_lifts_nothing(q):
    """p9 asks for evidence (a doubt is the "Suspected ..." rows'); another child's witnessing is not this child's;
    a denial is no statement. The rule lifts nothing: the first row is the search's without it."""
    assert ids(q, 96, limit=1) == ids(q, 96, index=without_stated(), limit=1)


# --- N5: a baby's words and the age-banded p9 rows -------------------------------------------------------------
@pytest.mark.parametrize("call", cases("baby_no_p9"))
def test_baby_call_with_no_p9_concept_offers_no_p9_row(call):
    found = ids(call["q"], call["age_in_months"])
    assert not any(immediate(i) for i in found[:KEPT_PLACES]), found


@pytest.mark.parametrize("call", cases("baby_p9"))
def test_baby_call_stating_a_p9_concept_leads_with_it(call):
    assert ids(call["q"], call["age_in_months"])[0] in call["expect"]


BABY_WORDS = ("the baby", "the new baby", "her newborn", "the infant")
NO_CONCEPT = (
    "{b} is not feeding well",
    "{b} cries all the time",
    "{b} has a rash",
    "{b} is not putting on weight",
    "{b} will not sleep",
    "parents argue in front of {b}",
    "mum is not coping with {b}",
)


def test_no_age_banded_p9_row_for_a_baby_call_without_its_concern():
    """The class: baby words x calls with no p9 concern (56 calls, at 1 and 10 months): no age-banded p9 row in the
    first three (p9's first criterion has no concept list: docs/adviser.md, Search17p "Left")."""
    wrong = []
    for (b, call), age in product(product(BABY_WORDS, NO_CONCEPT), (1, 10)):
        q = call.format(b=b)
        shown = set(ids(q, age)[:KEPT_PLACES]) & set(BANDED)
        if shown:
            wrong.append((q, age, shown))
    assert not wrong, wrong


def test_review_fracture_with_an_account_leads_with_the_injury_criterion():
    assert ids("baby has a fractured arm, parents say he rolled off the sofa", 8)[0] == "immediate.unexplained_injuries"


@pytest.mark.parametrize("row", BANDED)
def test_every_labelled_call_naming_an_age_banded_row_says_its_concern(row):
    """The concept lists are generous: each labelled call naming the row says one of its words, so none of them
    loses the row from the first three for want of a word."""
    index = default_index()
    n = next(k for k, e in enumerate(index.entries) if e.indicator.id == row)
    calls = [p["q"] for path in sorted(EXAMPLES_DIR.glob("*.yaml")) for p in load_phrasings(path) if row in p["expect"]]
    assert len(calls) > 50
    unsaid = [q for q in calls if n in index._unstated(*_read(index, q))]
    assert not unsaid, unsaid


def _read(index: SearchIndex, q: str) -> tuple[list[str], list[str], bool]:
    words = normalise(q).split()
    return words, [stem(w) for w in words], False


def test_labelled_p9_calls_keep_their_places():
    """No labelled call naming a p9 criterion loses it from first place or the first three (tests/pathway/p9_sight)."""
    assert p9_calls_lost(default_index(), without_stated()) == []


@pytest.mark.parametrize(
    "stated",
    [
        {"concept": {"immediate.significant_harm": ["harm"]}},  # not age-banded
        {"concept": {"additional.uses_substances": ["drugs"]}},  # not an immediate criterion
        {"in_full": {"protection.persistent_domestic_abuse": [["every"]]}},
        {"in_full": {DV: ["every"]}},  # parts are lists
        {"elsewhere": {}},
    ],
)
def test_a_malformed_stated_table_is_refused(stated):
    synonyms = {**load_synonyms(), "stated": stated}
    with pytest.raises(SearchDataError):
        SearchIndex(CAT, synonyms, None)

"""The labelled p9 calls a search change may move: shared by the tests that hold each change to it."""

from __future__ import annotations

from pathway.catalogue import load_catalogue
from pathway.search import KEPT_PLACES, SearchIndex
from pathway.search_accuracy import load_phrasings
from pathway.search_model import EXAMPLES_DIR


def p9_calls_lost(index: SearchIndex, without: SearchIndex) -> list[str]:
    """The labelled calls naming an immediate criterion (p9) that `index` puts first or in the first three
    where `without` (the search without the change) did, and no longer does. There are more than 700."""
    cat = load_catalogue()
    calls = [p for path in sorted(EXAMPLES_DIR.glob("*.yaml")) for p in load_phrasings(path) if any(cat.indicator(i).immediate for i in p["expect"])]
    assert len(calls) > 700
    lost = []
    for p in calls:
        age = {"unborn": p.get("unborn", False), "age_in_months": p.get("age_in_months")}
        a = [h.id for h in index.search(p["q"], limit=KEPT_PLACES, **age)]
        b = [h.id for h in without.search(p["q"], limit=KEPT_PLACES, **age)]
        if (b[0] in p["expect"] and a[0] not in p["expect"]) or (set(b) & set(p["expect"]) and not set(a) & set(p["expect"])):
            lost.append(p["q"])
    return lost

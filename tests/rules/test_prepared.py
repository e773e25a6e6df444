"""The per-catalogue look-ups fact building uses (rules/facts.py `Prepared`) give what working
each case out from the catalogue's own look-ups gives: checked here on random sets of answers."""

from __future__ import annotations

import random

from pathway import load_catalogue
from rules.facts import counted_additional, prepared, twin_notes

CAT = load_catalogue()


def _twin_notes_from_links(indicators):
    """Each chosen indicator's twin links, walked one by one (as twin_notes did before Prepared)."""
    chosen = {i.id for i in indicators}
    notes: dict[str, tuple[set, set]] = {}
    for ind in indicators:
        for link in CAT.twins_of(ind.id):
            ours, others = notes.setdefault(link.group, (set(), set()))
            ours.add(ind.id)
            if link.other.id not in chosen:
                others.add(link.other.id)
    return [{"group": g, "chosen": sorted(o), "others": sorted(x)} for g, (o, x) in sorted(notes.items()) if x]


def _samples(n=3000, seed=3):
    rng = random.Random(seed)
    twinned = [i for i in CAT.indicators if CAT.twins_of(i.id)]
    for _ in range(n):
        picked = rng.sample(twinned, rng.randint(0, 8)) + rng.sample(CAT.indicators, rng.randint(0, 8))
        yield sorted({i.id: i for i in picked}.values(), key=lambda i: i.id)


def test_twin_notes_are_those_the_links_give():
    for indicators in _samples():
        assert twin_notes(indicators, CAT) == _twin_notes_from_links(indicators)


def test_the_additional_needs_counted_and_the_crosswalks_are_those_the_catalogue_gives():
    words = prepared(CAT).words
    # the words the combination rule compares are each indicator's own, however written
    assert words == {i.id: i.text.strip().lower() for i in CAT.indicators}
    twice = CAT.indicator("additional.suspected_domestic_violence")  # the same words as its Extensive twin
    assert counted_additional([twice, twice], words) == [twice]
    for indicators in _samples(1000):
        for ind in indicators:
            assert list(prepared(CAT).crosswalks[ind.id]) == CAT.crosswalks_for(ind)


def test_prepared_is_worked_out_once_per_catalogue():
    assert prepared(CAT) is prepared(CAT)

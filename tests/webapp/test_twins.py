"""A twin's hint on the needs pages (webapp/journey/twins.py): its level, the other levels where the
document lists the same need, lowest first, and what tells them apart (the catalogue's words). The
mutation run of 2026-12-02 found no test of the hint's words: a hint never shown went unnoticed."""

from __future__ import annotations

from pathway.catalogue import load_catalogue
from webapp.journey import twins


def test_a_twins_hint_gives_its_level_the_others_lowest_first_and_what_tells_them_apart():
    hint = twins.hint(load_catalogue().indicator("additional.child_disabilities_whose_needs"))
    assert hint == (
        "Level: Additional. The document also lists this need at Universal, Extensive, Protection. A disabled child whose needs are all"
        " met by universal support (Universal); whose needs are not met by universal support (Additional); with a substantial and"
        " life-long disability needing an enhanced or specialist offer of short breaks (Extensive); with a substantial, life-long"
        " disability and safeguarding concerns (Protection)."
    )


def test_a_need_listed_once_has_no_twin_hint():
    assert twins.hint(load_catalogue().indicator("additional.dental_decay_not_accessing")) is None


def test_a_need_with_two_kinds_of_twin_says_both_apart_as_sentences():
    cat = load_catalogue()
    hint = twins.hint(cat.indicator("extensive.mental_physical_health_problems"))
    assert hint.startswith("Level: Extensive. The document also lists this need at Additional, Protection. A parent's substance misuse")
    # each group's words once, as sentences one after the other (the catalogue's words are the oracle)
    substance, health = (next(g for g in cat.twins if g.id == gid).tells_apart for gid in ("parental_substance_misuse", "parental_health"))
    assert hint.endswith(f"{substance} {health}")
    assert health.startswith("A parent's mental or physical health needs that may affect basic care (Additional)")

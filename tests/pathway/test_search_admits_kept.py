"""The call screen's search keeps the catalogue's age answers (SearchIndex._admits): the same answers as the catalogue
for every indicator and age, however many ages it has been asked, and never more kept than its limit."""

from __future__ import annotations

import pathway.search as search
from pathway.search import default_index


def test_the_kept_answers_are_the_catalogues_for_every_indicator_and_age_and_the_store_stays_within_its_limit(monkeypatch):
    index = default_index()
    monkeypatch.setattr(search, "ADMITTED_KEPT", 50)
    index._admitted.clear()
    ages = [None, 0, 1, 11, 12, 23, 24, 59, 60, 155, 156, 203, 204, 227, 228, 239, 240, 10**6]
    for _ in range(2):  # the second round is answered from what was kept, or after the store was emptied
        for age in ages:
            for unborn in (False, True):
                for n, entry in enumerate(index.entries):
                    expected = index.catalogue.admits(entry.indicator, unborn, age)
                    assert index._admits(n, unborn, age) is expected, (entry.indicator.id, unborn, age)
                    assert len(index._admitted) <= 50

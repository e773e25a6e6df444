"""The two gestations an age entailment counts back (review 10, H1: `min_gestation`, the shortest pregnancy
of a baby who lives; `term_gestation`, the longest pregnancy, past term) are checked when the catalogue loads
(mutation run of review 10, docs/safety/mutation.md: both checks could be loosened or tightened unnoticed).

Oracle: arithmetic and the declared readings, written here: a pregnancy past term lasts up to about 40 weeks
from conception (42 from the last period), under 10 whole months, so no gestation counted is 11 months; the window between the shortest
and term is empty if they are equal, and makes no sense if term is the shorter."""

from __future__ import annotations

import copy

import pytest

from pathway.catalogue import DATA_FILE, Catalogue, yaml_load

with open(DATA_FILE, encoding="utf-8") as fh:
    RAW = yaml_load.load(fh)


def _with(shortest: int, term: int) -> dict:
    data = copy.deepcopy(RAW)
    [entry] = data["age_entailments"]
    entry["min_gestation"]["months"], entry["term_gestation"]["months"] = shortest, term
    return data


def test_the_shipped_gestations_load():
    [entry] = Catalogue.model_validate(_with(4, 10)).age_entailments
    assert (entry.min_gestation.months, entry.term_gestation.months) == (4, 10)


def test_a_term_as_short_as_the_shortest_loads():
    Catalogue.model_validate(_with(4, 4))


def test_a_term_shorter_than_the_shortest_is_refused():
    with pytest.raises(ValueError, match="term_gestation shorter than min_gestation"):
        Catalogue.model_validate(_with(4, 3))


@pytest.mark.parametrize("shortest, term", [(4, 11), (11, 11)])
def test_no_gestation_is_eleven_months(shortest, term):
    with pytest.raises(ValueError):
        Catalogue.model_validate(_with(shortest, term))

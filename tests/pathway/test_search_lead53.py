"""lead53 (stop 53; docs/adviser.md "Search53"): an unborn baby's ordinary pregnancy said in words `unborn_calm` does not
list preselects no row kept for a concern (review 33 K1's unborn end: "she's 20 weeks pregnant and the scan showed it's a
boy" led with p9's unborn row). The learned model read the unborn answer's own word as that row; read without it
(SearchIndex._calm_without_age, as its `harmless` calls were learned) it says "no concern", and _calm_unborn_said takes
that only where no p9 or Protection row in the first three rests on a word of concern.

Oracles: tests/pathway/search_lead53_cases.yaml, written from the document before the reading, with concern calls that
must keep a p9 row first."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pathway.search import CALM, KEPT_PLACES, SearchIndex, default_index, normalise

CASES = yaml.safe_load((Path(__file__).parent / "search_lead53_cases.yaml").read_text())


def _ids(q: str, index: SearchIndex | None = None) -> list[str]:
    return [h.id for h in (index or default_index()).search(q, unborn=True, limit=KEPT_PLACES + 2, finished=True)]


def _check(ids: list[str], want: dict) -> None:
    three = ids[:KEPT_PLACES]
    if "first" in want:
        assert ids[0] == want["first"], ids
    if want.get("first_p9"):
        assert ids[0].startswith("immediate."), ids
    for row in want.get("has") or []:
        assert row in three, (row, ids)
    for row in want.get("lacks") or []:
        assert row not in three, (row, ids)


@pytest.mark.parametrize(("q", "want"), [pytest.param(*c, id=c[0][:40]) for c in CASES["calm"]])
def test_an_ordinary_pregnancy_leads_with_a_universal_row_and_keeps_p9_in_sight(q: str, want: dict) -> None:
    ids = _ids(q)
    _check(ids, want)
    assert any(n.startswith("immediate.") for n in ids[:KEPT_PLACES]), ids  # safety first: still in sight


@pytest.mark.parametrize(("q", "want"), [pytest.param(*c, id=c[0][:40]) for c in CASES["concern"]])
def test_a_concern_said_beside_a_pregnancy_keeps_its_lead(q: str, want: dict) -> None:
    _check(_ids(q), want)


@pytest.mark.parametrize("q", [c[0] for c in CASES["calm"][:2]])
def test_the_reading_is_what_moves_the_lead(q: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the model's age-less "no concern" the same calls lead with p9's unborn row, as on main a43bc16."""
    monkeypatch.setattr(SearchIndex, "_calm_without_age", lambda self, read: 0.0)
    assert _ids(q)[0] == "immediate.unborn_significant_harm"


def test_the_guard_is_what_keeps_a_concern_first(monkeypatch: pytest.MonkeyPatch) -> None:
    """The model reads "she's 20 weeks pregnant and dad hits her" without the unborn answer as calm: the guard (p9's harm
    row in the first three matched "hits", a word of concern) is what keeps p9 first. Read "hits" as a word of no
    concern and the Universal row leads."""
    index = default_index()
    q = "she's 20 weeks pregnant and dad hits her"
    assert index._calm_without_age(index._for_model(normalise(q).split(), False, False)) >= CALM
    assert _ids(q)[0].startswith("immediate."), _ids(q)
    monkeypatch.setattr(index, "no_concern_with_carers", index.no_concern_with_carers | {"hits"})
    assert _ids(q)[0] == "universal.family_accessing_universal_services"


def test_a_born_child_is_not_read_without_the_age(monkeypatch: pytest.MonkeyPatch) -> None:
    """The age-less reading is for an unborn baby only: for a born child the blend's calm stands (_calm_first)."""

    def never(self: SearchIndex, read: list[str]) -> float:
        raise AssertionError("read without the age for a born child")

    monkeypatch.setattr(SearchIndex, "_calm_without_age", never)
    for age in (0, 24, 120):
        assert default_index().search("mum is pregnant and wants advice about breastfeeding", age_in_months=age, limit=3, finished=True)
    with pytest.raises(AssertionError, match="born child"):
        default_index().search("mum is pregnant and wants advice about breastfeeding", unborn=True, limit=3, finished=True)

"""fix37c (stop 54; docs/adviser.md "Search37c"): review 34 K1, review 25 Q6's class: a call with no word of concern
preselected (put first) a p9, Protection (p17) or Extensive (p15-16) row ("she helps her grandad with his garden on
saturdays" -> p9 "Lives or has contact with adults who are known to pose a risk" first), or offered a p9 row in three.

Oracles: tests/pathway/search_fix37c_cases.yaml, calls in words of my own beside the review's, written before the
reading changed: `preselect` (no p9 / p15-17 row first), `in_three` (no p9 row in the first three), and `safety`
(the same people, places and words with a concern said: the p9 row stays first)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pathway.models import Level
from pathway.search import KEPT_PLACES, default_index
from tests.pathway.cases import check, declared_in_synonyms

CASES = yaml.safe_load((Path(__file__).parent / "search_fix37c_cases.yaml").read_text())

LEFT = "left (fix37c, Search37c): "
KNOWN: dict[str, str] = {
    "preselect:my lad helps his grandad wash the car at the weekend": LEFT
    + "p9 trafficking first on 'car' and 'wash' (a car wash is a trafficking word in the phrasings); the model reads it"
    " no calm (0.1), and a word that matched a p9 row is no plain word: _calm_kept_first moves nothing",
    "preselect:he's absolutely killing it at his new school": LEFT
    + "p17 'Extreme poverty/debt' first; 'killing' matched p9's harm (a word of concern to _concern_word_matched), and at"
    " 132 months the model's calm is under CALM",
    "preselect:my son's friend's mum asked if he can come to the party on saturday": LEFT
    + "p15-16 witnessing first at 96 months (the model's calm 0.6 with the age word); 'party' and 'asked' matched"
    " p15-17 rows (exploitation, a disclosure), words _concern_word_matched reads as concern",
    "preselect:her friend's dad asked if she could go to the cinema with them on sunday": LEFT
    + "p9 significant harm first on the model's words alone; calm 1.4, under CALM",
    "in_three:she helps her grandad with his garden on saturdays": LEFT
    + "the p9 rows stay second and third (_lead_with keeps every p9 row of the first three in them: review 12 H6)",
    "in_three:he's absolutely killing it at his new school": LEFT + "as its preselect case; p9 contact second on 'new'",
    "in_three:he gave his old toys to the charity shop": LEFT + "p9 disclosure third on 'gave' (one word in a row's phrasings)",
    "in_three:she said she's scared of the dark and wants a night light": LEFT
    + "p9 disclosure third on 'said', 'dark'; 'scared' is a worry word: no calm reading moves it",
}


def _found(q: str, age: int | str | None) -> list[str]:
    unborn = age == "unborn"
    months = None if unborn or age is None else int(age)
    return [h.id for h in default_index().search(q, age_in_months=months, unborn=unborn, limit=KEPT_PLACES + 2, finished=True)]


def _calls(*keys: str) -> list:
    return [
        pytest.param(*c, marks=pytest.mark.xfail(strict=True, reason=KNOWN[f"{key}:{c[0]}"]), id=f"{key}:{c[0][:40]}")
        if f"{key}:{c[0]}" in KNOWN
        else pytest.param(*c, id=f"{key}:{c[0][:40]}")
        for key in keys
        for c in CASES[key]
    ]


@pytest.mark.parametrize(("q", "age", "want"), _calls("preselect", "in_three", "safety"))
def test_fix37c_call(q: str, age: int | str | None, want: dict) -> None:
    ids = _found(q, age)
    check(ids, want)
    if want.get("low_first"):
        rows = {e.indicator.id: e.indicator for e in default_index().entries}
        first = rows[ids[0]] if ids else None
        assert first is None or (not first.immediate and first.level in (Level.UNIVERSAL, Level.ADDITIONAL)), ids
    if want.get("p9_none"):
        assert not any(n.startswith("immediate.") for n in ids[:3]), ids


def test_the_reading_is_declared_in_the_synonyms_file() -> None:
    """`everyday_senses.readings` fix37c_school_marks is declared where it stands, naming this branch's section."""
    declared_in_synonyms(("    - name: fix37c_school_marks",), "fix37c", "Search37c")


def test_the_calm_reading_is_what_moves_the_lead(monkeypatch: pytest.MonkeyPatch) -> None:
    """_calm_kept_first moves the lead: with the model's "no concern" bar out of reach, the grandad's garden leads with
    p9's adults who pose a risk again (as on main 22dcacb); with it, a row below Extensive leads and the p9 row stays in
    the first three (_lead_with)."""
    import pathway.search as search

    q = "she helps her grandad with his garden on saturdays"
    with_calm = _found(q, 120)
    assert not with_calm[0].startswith(("immediate.", "protection.", "extensive.")), with_calm
    assert "immediate.contact_with_adults_risk" in with_calm[:3], with_calm
    monkeypatch.setattr(search, "CALM", 1e9)
    assert _found(q, 120)[0] == "immediate.contact_with_adults_risk"


@pytest.mark.parametrize(
    "q",
    [
        "she helps her grandad with his garden on saturdays and he hits her",
        "she helps her grandad with his garden and he touches her",
        "she helps her grandad with his garden and he makes her keep secrets",
    ],
)
def test_the_same_words_with_a_concern_are_not_moved(q: str) -> None:
    """The finding's words with a concern said (the model reads the first calm: 37): a p9 row stays in the first three
    and no Universal or Additional row is put first in its place (_concern_word_matched, the guard)."""
    rows = {e.indicator.id: e.indicator for e in default_index().entries}
    ids = _found(q, 120)
    assert any(n.startswith("immediate.") for n in ids[:3]), ids
    first = rows[ids[0]]
    assert first.immediate or first.level in (Level.EXTENSIVE, Level.PROTECTION), ids

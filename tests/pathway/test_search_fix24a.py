"""Review 24's search findings P1, P3 and P4 (fix24a): a denial, another adult's own past or crisis, and the child's own
violence, in other words (the synonyms file's `turned_words`, pathway/search_turned_words.py, read into fix23d's
`turned_facts` readings by SearchIndex._turned_runs).

Oracles: the document's rows, written here by hand, and calls written by fix24a before any change
(tests/pathway/search_fix24a_cases.yaml; none copied from review 24's cases, which its runner checks):
- p9's lines are facts said ("Unexplained injuries", "Allegations or disclosures of abuse", "has suffered significant
  harm", "Left 'home alone'"): a denial ("nobody has ever put a hand on her") says the opposite; review 12 H6: the
  denied p9 row loses first place only (kind `denial`: the first row is no p9 row);
- p13-14 "Parent previously looked after by Local Authority", "Mental / physical health needs may affect ability to
  provide basic care" are the adults'; harm done to an adult as a child, or an adult's own suicide attempt, is not
  this child's (kind `past`: no p9 harm row and no child's self-harm row in the first three);
- p15 "Violent / aggressive / anti-social behaviour" is the child's own conduct; p9's harm rows are harm done to the
  child (kind `own`: no p9 row first; where the one hit is an adult, no p9 harm row in the first three; another child
  hit may be a child at risk, so its p9 row stays in sight, as fix23d's `child_hits_sibling`);
- controls: a p9 row the words give stays in the first three (`has`)."""

from __future__ import annotations

import copy
import pathlib

import pytest
import yaml

from pathway import search_turned_words
from pathway.catalogue import load_catalogue
from pathway.search import KEPT_PLACES, SearchDataError, SearchIndex, default_index, load_synonyms, normalise, stem
from pathway.search_model import example_calls

CAT = load_catalogue()
P9 = {i.id for i in CAT.indicators if i.immediate}
HARM_ROWS = {
    "immediate.significant_harm",
    "immediate.unexplained_injuries",
    "immediate.allegation_or_disclosure",
    "immediate.repeated_domestic_violence",
    "immediate.contact_with_adults_risk",
}
OWN_HARM = {"extensive.behaviour_puts_life_risk", "protection.endangers_life_through_self"}
CASES = yaml.safe_load((pathlib.Path(__file__).parent / "search_fix24a_cases.yaml").read_text(encoding="utf-8"))["cases"]


def _ids(q: str, age: int, index: SearchIndex | None = None) -> list[str]:
    return [h.id for h in (index or default_index()).search(q, age_in_months=age, limit=KEPT_PLACES, finished=True)]


def wrong(case: dict, got: list[str]) -> str:
    """What is wrong with the first three `got` for `case` ("" if nothing)."""
    kind = case["kind"]
    if kind == "control":
        missing = [r for r in case["has"] if r not in got]
        return f"{missing} not in the first three" if missing else ""
    if kind in ("denial", "own") and got and got[0] in P9:
        return f"{got[0]} first"
    if kind == "past" and (HARM_ROWS | OWN_HARM) & set(got):
        return f"{sorted((HARM_ROWS | OWN_HARM) & set(got))} in the first three"
    if kind == "own" and case.get("adult") and HARM_ROWS & set(got):
        return f"{sorted(HARM_ROWS & set(got))} in the first three"
    return ""


# Not mended (docs/adviser.md, Search24a): the reading turns no row of the first three here; a later step
# (_named_rows_below) lifts the allegation row from fourth to third.
NOT_MENDED = {
    "my mum was sexually abused as a teenager and struggles now": "a later step lifts the allegation row into the three",
    # held back: "I" with its marker only in the first clause; a child calling may say "I was abused by my foster dad"
    # (a disclosure), so the caller's "I" takes no foster word as a marker (safety first)
    "i was in care myself and was abused by my foster dad": "the caller's 'I' with no childhood marker after the harm",
}


@pytest.mark.parametrize(
    "case",
    [pytest.param(c, marks=pytest.mark.xfail(reason=NOT_MENDED[c["q"]], strict=True)) if c["q"] in NOT_MENDED else c for c in CASES],
    ids=[c["q"][:40] for c in CASES],
)
def test_fix24a_calls(case: dict) -> None:
    got = _ids(case["q"], case["age"])
    assert not wrong(case, got), (case["q"], got)


WITHOUT = SearchIndex(CAT, {k: v for k, v in load_synonyms().items() if k != "turned_words"}, example_calls())


def test_without_turned_words_past_and_own_calls_fail() -> None:
    """The test can fail: without the synonyms file's `turned_words` the readings miss calls of both kinds (the denials'
    p9 rows already lost first place to other steps: their reading is tested below)."""
    failing = {c["kind"] for c in CASES if c["kind"] in ("past", "own") and wrong(c, _ids(c["q"], c["age"], WITHOUT))}
    assert failing == {"past", "own"}


def _denied_runs(index: SearchIndex, q: str) -> list[list[str]]:
    words = normalise(q).split()
    stems = [stem(w) for w in words]
    t = index.turned_facts[index.turned_names.index("denied")]
    return [[words[i] for i in run] for run in index._turned_runs(t, words, stems)]


@pytest.mark.parametrize(
    "q, run",
    [
        ("no-one has ever laid a finger on him, he's just shy", ["nobody", "has", "ever", "laid", "a", "finger"]),  # review 24 P1
        ("nobody has ever put a hand on her", ["nobody", "has", "ever", "put", "a", "hand", "on"]),
        ("no one has ever raised a hand to him", ["nobody", "has", "ever", "raised", "a", "hand"]),
        ("he's never had a bruise on him, he's a careful lad", ["never", "had", "a", "bruise"]),
    ],
)
def test_a_denial_in_other_words_is_read_as_a_denial(q: str, run: list[str]) -> None:
    """P1: a harm word or idiom where the tool's own denial reaches (SearchIndex._denials) is read by fix23d's
    `denied` reading, whose p9 rows then lose first place only (review 12 H6)."""
    assert run not in _denied_runs(WITHOUT, q)
    assert run in _denied_runs(default_index(), q)


@pytest.mark.parametrize(
    "q",
    [
        "he says nobody hits him but he has a handprint on his cheek",  # the denial's `not_after` guard: a fact after
        "mum says nobody has laid a finger on him",  # an adult's denial (`not_before`): no denial of the fact read
        "she is not happy at home and dad hits her",  # the denial's reach ends at "and" (_denied_positions)
    ],
)
def test_no_denial_is_read_where_the_guards_or_the_reach_say_otherwise(q: str) -> None:
    assert not [r for r in _denied_runs(default_index(), q) if "bruises" in r or "hits" in r or "laid" in r]


def test_an_adults_own_crisis_stops_p9_significant_harm_leading_and_keeps_it_in_sight() -> None:
    """P3 (the synonyms file's `adult_crisis_not_first`): "nan tried to kill herself" says no harm to the child; p9's
    significant harm led before, and now loses first place only (review 12 H6; p9's "adult mental health issues" line
    stays fair for a carer's crisis with the child present); the child's own self-harm row leaves the first three."""
    q = "nan tried to kill herself last week, the kids live with her"
    assert _ids(q, 120, WITHOUT)[0] == "immediate.significant_harm"  # before fix24a
    got = _ids(q, 120)
    assert got[0] not in P9 and "immediate.significant_harm" in got
    assert not OWN_HARM & set(got)


def test_harm_to_the_child_said_beside_an_adults_crisis_keeps_p9_first() -> None:
    assert _ids("mum overdosed and hit the kids", 96)[0] == "immediate.significant_harm"


def _unknown_reading(r: dict) -> None:
    r["reading"] = "no_such_reading"


def _unknown_shape(r: dict) -> None:
    r["shape"] = "passive"


def _no_subjects(r: dict) -> None:
    r["subjects"] = []


@pytest.mark.parametrize("change", [_unknown_reading, _unknown_shape, _no_subjects])
def test_a_bad_turned_words_table_is_refused_naming_the_key(change) -> None:
    """tidy25: `turned_words` is refused as every other table is (SearchDataError, by its own check, naming the key):
    an entry naming no `turned_facts` reading, a shape none reads, a shape without the lists it reads. The first
    subject_act entry is changed; the file's own table is accepted (the index above was built from it)."""
    syn = copy.deepcopy(load_synonyms())
    change(next(r for r in syn["turned_words"]["readings"] if r["shape"] == "subject_act"))
    with pytest.raises(SearchDataError, match=r"^turned_words: "):
        SearchIndex(CAT, syn)
    names = [r["name"] for r in syn["turned_facts"]["readings"]]
    with pytest.raises(SearchDataError, match=r"^turned_words: "):  # the check itself refuses, nothing wraps it
        search_turned_words.check(syn, names)

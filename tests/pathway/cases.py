"""A hand-written cases file's expectations, checked once (fix24b's and fix25b's calls: [words, age in months,
expectations]), and its held-back split: every third call of a list is held back (read only at the end, never tuned on).

Expectations (the document's, not the tool's): `no_p9_first` (or `first_p9: false`) no immediate criterion (p9) is the
first row; `first_p9` one is; `p9_in_three` one is in the first three; `lacks` none of these rows in the first three;
`has` each of them in the first three; `has_any` one of them in the first three; `not_first` none of these rows first;
`first_any` one of these rows is first."""

from __future__ import annotations

import copy

import pytest

from pathway.catalogue import load_catalogue
from pathway.search import KEPT_PLACES, SearchDataError, SearchIndex, default_index, load_synonyms


def found(q: str, age: int | None) -> list[str]:
    """The rows the search gives for words sent whole (best first, two beyond the first three)."""
    return [h.id for h in default_index().search(q, age_in_months=age, limit=KEPT_PLACES + 2, finished=True)]


def check(ids: list[str], want: dict) -> None:
    """Assert `want` of the rows a call gave (`ids`, best first)."""
    three = ids[:3]
    if want.get("no_p9_first") or want.get("first_p9") is False:
        assert not (ids and ids[0].startswith("immediate.")), ids
    if want.get("first_p9"):
        assert ids and ids[0].startswith("immediate."), ids
    for row in want.get("lacks") or []:
        assert row not in three, (row, ids)
    for row in want.get("has") or []:
        assert row in three, (row, ids)
    if want.get("has_any"):
        assert set(want["has_any"]) & set(three), (want["has_any"], ids)
    if want.get("p9_in_three"):
        assert any(n.startswith("immediate.") for n in three), ids
    for row in want.get("not_first") or []:
        assert not ids or ids[0] != row, (row, ids)
    if want.get("first_any"):
        assert ids and ids[0] in want["first_any"], (want["first_any"], ids)


def found_as_wanted(q: str, age: int | None, want: dict) -> None:
    """A call's rows (`found`) hold `check`'s expectations, and `first` (where given) is the first row (fix30a)."""
    ids = found(q, age)
    check(ids, want)
    if want.get("first"):
        assert ids and ids[0] == want["first"], ids


def split(cases: list, known: dict[str, str], held: bool) -> list:
    """The held-back calls (every third: the 3rd, 6th, ...) or the tuned ones; a call of `known` is a strict xfail with
    its reason (a call that starts to pass says so)."""
    return [
        pytest.param(*c, marks=pytest.mark.xfail(strict=True, reason=known[c[0]])) if c[0] in known else c
        for k, c in enumerate(cases, 1)
        if (k % 3 == 0) == held
    ]


def keyed(cases: dict[str, list], known: dict[str, str], *keys: str) -> list:
    """Every call of the cases file's lists `keys`, in order, each with its words (first 40 characters) as its id; a call
    of `known` is a strict xfail with its reason (fix27a's calls: no held-back split, the controls are lists of their own)."""
    return [
        pytest.param(*c, marks=pytest.mark.xfail(strict=True, reason=known[c[0]]), id=c[0][:40]) if c[0] in known else pytest.param(*c, id=c[0][:40])
        for key in keys
        for c in cases[key]
    ]


def refused_where_set(path: tuple[str, ...], value: object) -> None:
    """The shipped synonyms file with the list at `path` set to `value` is refused (a new list not as its reader reads
    it: fix30a's and fix31a's checks)."""
    bad = copy.deepcopy(load_synonyms())
    table = bad
    for key in path[:-1]:
        table = table[key]
    table[path[-1]] = value
    with pytest.raises(SearchDataError):
        SearchIndex(load_catalogue(), bad)


def declared_in_synonyms(keys: tuple[str, ...], *names: str) -> None:
    """Each of `keys` (a line's opening in pathway/data/search_synonyms.yaml) has each of `names` (a branch, its
    adviser.md section) in the 1,500 characters before it: a new reading or list is declared where it stands (fix36a)."""
    from pathlib import Path

    text = (Path(__file__).parents[2] / "pathway" / "data" / "search_synonyms.yaml").read_text()
    for key in keys:
        before = text[: text.index(key)]
        assert all(n in before[-1500:] for n in names), key

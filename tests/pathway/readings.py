"""The search with and without some of the synonyms file's readings, and the two sides of "the reading changes this
call" stated once: shared by the tests that show a reading moves a row (fix22b, fix22c, fix22d, fix22u).

`Without(...)` is the search as it would be without the named readings (`named_rows` and `unsaid_facts` readings by
name, whole sections, entries of the `words` table); each check asserts what the call gives without them (so the test
can fail: removing the reading makes the two sides the same) and what it gives with them, and returns the rows with
them for the test's own further assertions."""

from __future__ import annotations

import copy
from collections.abc import Collection, Iterable
from functools import cached_property

from pathway.catalogue import load_catalogue
from pathway.search import KEPT_PLACES, SearchIndex, default_index, load_synonyms
from pathway.search_model import example_calls

_READINGS = ("named_rows", "unsaid_facts")  # the sections whose readings have names


def synonyms_without(*, named_rows: Iterable[str] = (), unsaid_facts: Iterable[str] = (), sections: Iterable[str] = (), words: Iterable[str] = ()) -> dict:
    """The synonyms file without the named readings, sections and `words` entries; each must be there (a name
    misspelt would remove nothing and leave the two sides the same)."""
    data = copy.deepcopy(load_synonyms())
    for key in sections:
        assert key in data, f"no section {key!r} in the synonyms file"
        del data[key]
    for section, names in zip(_READINGS, (set(named_rows), set(unsaid_facts))):
        if not names:
            continue
        readings = data[section]["readings"]
        assert names <= {r["name"] for r in readings}, f"no {section} reading {sorted(names - {r['name'] for r in readings})}"
        data[section]["readings"] = [r for r in readings if r["name"] not in names]
    for word in words:
        assert word in data["words"], f"no {word!r} in the words table"
        del data["words"][word]
    return data


class Without:
    """The search without some readings (synonyms_without's arguments), beside the search as it is. `finished`: the
    words read as sent whole (the call screen's form), as the tests using it each did."""

    def __init__(self, *, finished: bool = True, **removed: Iterable[str]) -> None:
        self.finished = finished
        self._removed = removed

    @cached_property
    def index(self) -> SearchIndex:
        """Built on first use (not when the tests are collected)."""
        return SearchIndex(load_catalogue(), synonyms_without(**self._removed), example_calls())

    def ids(self, q: str, age: int | None = None, *, without: bool = False, limit: int = KEPT_PLACES) -> list[str]:
        """The first `limit` rows for the call, by the search as it is or (`without`) without the readings."""
        index = self.index if without else default_index()
        return [h.id for h in index.search(q, age_in_months=age, limit=limit, finished=self.finished)]

    def _both(self, q: str, age: int | None, limit: int) -> tuple[list[str], list[str]]:
        return self.ids(q, age, without=True, limit=limit), self.ids(q, age, limit=limit)

    def gone(self, q: str, age: int | None, row: str, *, limit: int = KEPT_PLACES) -> list[str]:
        """`row` is among the first `limit` rows without the readings and not with them; the rows with them."""
        before, after = self._both(q, age, limit)
        assert row in before, f"without the readings {row} is not offered ({before}): the check could not fail"
        assert row not in after, f"{row} still offered ({after})"
        return after

    def added(self, q: str, age: int | None, row: str, *, limit: int = KEPT_PLACES) -> list[str]:
        """`row` is among the first `limit` rows with the readings and not without them; the rows with them."""
        before, after = self._both(q, age, limit)
        assert row not in before, f"without the readings {row} is offered already ({before}): the check could not fail"
        assert row in after, f"{row} not offered ({after})"
        return after

    def leads(self, q: str, age: int | None, row: str) -> list[str]:
        """`row` is first with the readings and not without them; the first three rows with them."""
        before, after = self._both(q, age, KEPT_PLACES)
        assert before[:1] != [row], f"without the readings {row} leads already ({before}): the check could not fail"
        assert after[:1] == [row], f"{row} does not lead ({after})"
        return after

    def no_longer_first(self, q: str, age: int | None, rows: Collection[str]) -> list[str]:
        """One of `rows` is first without the readings and none is with them; the first three rows with them."""
        before, after = self._both(q, age, KEPT_PLACES)
        assert before[:1] and before[0] in rows, f"without the readings the first row is none of them ({before}): the check could not fail"
        assert after[:1] and after[0] not in rows, f"{after[0]} still first" if after else "no row at all"
        return after

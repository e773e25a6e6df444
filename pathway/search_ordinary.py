"""An ordinary call read as said (fix24b; review 24 P2, P6): a meeting held, a small count of absence, a school lesson,
an everyday thing done on one's own, an outing, an injury from play equipment, and a question about what is normal.

The synonyms file's `ordinary_call` (this tool's reading, declared there: the document does not speak of words'
senses). Plain functions: SearchIndex._ordinary_call_below (pathway/search.py) finds the words with `ordinary_at`,
reads the call again without them and moves only the rows those words alone reached; `asks_only` says whether the call
is a question about what is normal (its p9 rows then stop LEADING only: review 12 H6).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, NamedTuple, Optional

from pathway.search_tables import TableReader

Phrases = tuple[tuple[str, ...], ...]


class _Reading(NamedTuple):
    """One reading of `ordinary_call`: what marks its words (`marks`), the words it takes out (`words`, near a mark),
    what it needs near (`near`: one within `reach`; none given, nothing), what says the concern (`facts`: any said in
    the call and the reading is not made; `after`: any within `after_reach` words just after a mark), and the rows it
    may move (None: any)."""

    name: str
    marks: Phrases
    words: Phrases
    near: Phrases
    facts: Phrases
    after: Phrases
    reach: int
    after_reach: int
    rows: Optional[frozenset[int]]
    take_near: bool
    min_months: int  # a child younger (or no age given) is not read
    # fix26b: where the call read without its words offers nothing, the rows it moved are not offered (others_wedding)
    unoffered_alone: bool = False


class OrdinaryCall(NamedTuple):
    """The synonyms file's `ordinary_call`, read."""

    readings: tuple[_Reading, ...]
    asks: Phrases  # a question's opening words (within `asks_within` words of the call's start)
    asks_within: int
    tells: Phrases  # ...and words that tell a fact inside it ("is it ok THAT mum leaves ...")


def _at(phrase: tuple[str, ...], words: list[str]) -> list[int]:
    n = len(phrase)
    return [i for i in range(len(words) - n + 1) if tuple(words[i : i + n]) == phrase] if n else []


def _spans(phrases: Iterable[tuple[str, ...]], words: list[str]) -> list[range]:
    return [range(i, i + len(p)) for p in phrases for i in _at(p, words)]


def ordinary_call(synonyms: dict, number_of: Callable[[str], int], normalise: Callable[[str], str]) -> Optional[OrdinaryCall]:
    """The synonyms file's `ordinary_call` as SearchIndex reads it; None where the file has none."""
    data: Any = synonyms.get("ordinary_call")
    if not data:
        return None
    read = TableReader(normalise, number_of)
    readings = tuple(
        _Reading(
            r["name"],
            read.phrases(r["marks"]),
            read.phrases(r.get("words") or []),
            read.phrases(r.get("near") or []) + tuple((*c, *u) for c in read.phrases(r.get("counts") or []) for u in read.phrases(r.get("units") or [])),
            read.phrases(r.get("facts") or []),
            read.phrases(r.get("after") or []),
            int(r.get("reach", 0)),
            int(r.get("after_reach", 0)),
            None if r.get("rows") is None else read.rows(r["rows"]),
            bool(r.get("take_near", False)),
            int(r.get("min_months", 0)),
            bool(r.get("unoffered_alone", False)),
        )
        for r in data["readings"]
    )
    return OrdinaryCall(readings, read.phrases(data["asks"]), int(data["asks_within"]), read.phrases(data["tells"]))


def readings_at(oc: OrdinaryCall, words: list[str], age_in_months: Optional[int]) -> list[tuple[_Reading, set[int]]]:
    """Each reading made in the call, with the places of the words it takes out.
    A reading is made at a mark (one of `marks`) where one of `near` is within `reach` words before or after it (when
    it has `near`), none of `after` comes within `after_reach` words just after the mark, and none of `facts` is said
    anywhere in the call (`counts` x `units` are `near` too: "2 days"); a reading with `min_months` reads only a
    child that old, the age given. It takes out the mark, its `words` within `reach` of it, and (`take_near`) the near words."""
    made: list[tuple[_Reading, set[int]]] = []
    for r in oc.readings:
        if r.min_months and (age_in_months is None or age_in_months < r.min_months):
            continue
        if _spans(r.facts, words):
            continue
        near = _spans(r.near, words)
        found: set[int] = set()
        for m in _spans(r.marks, words):
            lo, hi = max(0, m.start - r.reach), min(len(words), m.stop + r.reach)
            close = [s for s in near if s.start >= lo and s.stop <= hi and not set(s) & set(m)]
            if r.near and not close:
                continue
            if any(s.start >= m.stop and s.start < m.stop + r.after_reach for s in _spans(r.after, words)):
                continue
            found |= set(m)
            found |= {i for s in _spans(r.words, words) if s.start >= lo and s.stop <= hi for i in s}
            if r.take_near:
                found |= {i for s in close for i in s}
        if found:
            made.append((r, found))
    return made


def joined(made: list[tuple[_Reading, set[int]]]) -> tuple[set[int], Optional[frozenset[int]]]:
    """The places of the words the readings made take out of the call, and the rows they may move (None: any, where a
    reading made names none)."""
    at: set[int] = set()
    rows: Optional[set[int]] = set()
    for r, found in made:
        at |= found
        rows = None if rows is None or r.rows is None else rows | r.rows
    return at, (None if rows is None else frozenset(rows))


def ordinary_at(oc: OrdinaryCall, words: list[str], age_in_months: Optional[int]) -> tuple[set[int], Optional[frozenset[int]]]:
    """joined(readings_at(...)): the places of the words the ordinary readings take out, and the rows they may move."""
    return joined(readings_at(oc, words, age_in_months))


def asks_only(oc: OrdinaryCall, words: list[str]) -> bool:
    """The call opens with a question about what is normal or allowed ("can a 4 year old ...", "is it ok for ...",
    "at what age ...") within `asks_within` words of its start, and none of `tells` (a fact told inside the question:
    "is it ok THAT mum leaves her", "he WAS left") is said."""
    opens = [s for s in _spans(oc.asks, words) if s.start < oc.asks_within]
    return bool(opens) and not _spans(oc.tells, words)

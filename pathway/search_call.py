"""One search's answer as the reading steps pass it along: `Hit` (a row offered, with the words that
matched), `_Call` (the call's words and its running order, built once in SearchIndex.search() and
moved by each step in STEPS), `_PartLead` (a part of a long call searched alone), `_offered_last` and
KEPT_PLACES (how many first places an immediate criterion keeps).

Split out of pathway/search.py (split24) so that every family of readings (search_when,
search_subjects, search_senses...) can take the call without importing the index; pathway.search
re-exports `Hit` and `KEPT_PLACES`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, NamedTuple, Optional

from pathway.catalogue import Indicator

KEPT_PLACES = 3  # an immediate criterion in word matching's first this many stays among the first this many (SearchIndex._keep_immediate)


@dataclass(frozen=True)
class Hit:
    """One indicator offered to the adviser, with the words that matched (for highlighting)."""

    indicator: Indicator
    score: float
    matched: tuple[str, ...]

    @property
    def id(self) -> str:
        return self.indicator.id

    def as_dict(self) -> dict:
        """Plain JSON for the call screen's live search."""
        ind = self.indicator
        return {
            "id": ind.id,
            "text": ind.text,
            "level": ind.level.value,
            "level_label": ind.level.label,
            "immediate": ind.immediate,
            "age_band": ind.age_band,
            "hint": ind.hint,
            "source": ind.source.cite(),
            "matched": list(self.matched),
            "score": self.score,
        }


@dataclass(eq=False)
class _Call:
    """One search's words and its running answer, built once in SearchIndex.search() and read (and moved) by its
    reading steps (STEPS): what was said, the child's age, the rows in order (`ranked`) with their scores (`final`)
    and the words that matched each, and the sets the steps leave for the later ones."""

    query: str  # as the caller sent it
    words: list[str]  # as read: spelled, regional words and care words taken out (SearchIndex.search)
    stems: list[str]
    typing: bool  # the last word may be unfinished
    unborn: bool
    age_in_months: Optional[int]
    ranked: list[int]  # the rows, best first: the steps move them
    final: dict[int, float]  # each row's score (shown, so it follows the order)
    matched: dict[int, set[str]]  # the words that matched each row
    negated: set[int]  # the strengths a denial negates
    unsaid_core: set[int]  # Protection rows whose core is unsaid (search16b)
    unstated: frozenset[int]  # rows leaving the first three at the end (search17p, fix21p, the carer's substance)
    admits: Callable[[int], bool]  # the child's age admits the row
    part: Optional[dict[str, Any]] = None  # given: the words are one part of a longer call (_p9_part_first)
    by_words: list[int] = field(default_factory=list)  # word matching's first results, before the blend
    blended: list[int] = field(default_factory=list)  # the blend's own first, before any reading moved it
    calm: float = 0.0  # the model's share of "no concern" against its best indicator's
    joined: Optional[int] = None  # the criterion a parent's psychosis joined to harm gives (_joined_first)
    unsighted: set[int] = field(default_factory=set)  # rows the carers' readings hold out of sight
    # rows a reading moved below (not p9): `turned_facts`, `unsaid_facts`, everyday senses, `named_rows` (stop 55); kept out
    # of the first three by _ordinary_call_below's and _named_rows_below's fills
    turned_out: set[int] = field(default_factory=set)
    # p9 rows a reading moved below (`turned_facts`, `unsaid_facts`, everyday senses, `named_rows`; fix41a, stop 56): a
    # place a later `named_rows` reading leaves is not theirs unless a reading made names them (_p9_newcomer_said)
    p9_out: set[int] = field(default_factory=set)
    not_to_lead: set[int] = field(default_factory=set)  # rows _subject_first bars from leading (a carer's condition): _ordinary_call_below
    denied_from: Optional[int] = None  # the row a denial took first place from (fix21d)
    told_below: frozenset[int] = frozenset()  # rows "told" alone moved below the first three (fix21d)

    @property
    def hidden(self) -> set[int]:
        """The rows an earlier reading took out of sight: no reading leads with them."""
        return self.unsighted | self.unsaid_core

    @property
    def withheld(self) -> set[int]:
        """The hidden rows and those leaving the first three at the end."""
        return self.unsighted | self.unsaid_core | self.unstated


class _PartLead(NamedTuple):
    """One part of a call (a clause) searched alone whose first row is word matching's own first in the part and the
    model agrees (AGREED): what _p9_part_first and _clause_first each read further (SearchIndex._parts_agreed)."""

    at: range  # the part's places in the whole call's words
    part: list[str]  # its words, as read (_p9_spelt)
    hits: list[Hit]  # its search alone, best first
    n: int  # its first row
    words: set[str]  # the words that matched that row
    stood_in: bool = False  # the part's first was the model's alone; `n` is its first p9 row word matching found (p9_by_words)
    agreed: frozenset[int] = frozenset()  # the part's rows word matching found that the model agrees on (AGREED): clause25's stand-in

    @property
    def hit(self) -> Hit:
        return self.hits[0]


def _offered_last(n: int, ranked: list[int], final: dict[int, float]) -> None:
    """Offer row n the words did not find: last in the results, scored just below the last (fix20b's readings)."""
    if n not in ranked:
        final[n] = round(final[ranked[-1]], 6) - 1e-6
        ranked.append(n)


def _scores_follow_order(ranked: list[int], final: dict[int, float]) -> None:
    """After a reading reorders the rows: each score rises just above the one below it where it is not already higher,
    so the scores shown follow the order given (the score is shown beside each row)."""
    for k in range(len(ranked) - 1, 0, -1):
        if final[ranked[k]] >= final[ranked[k - 1]]:
            final[ranked[k - 1]] = round(final[ranked[k]], 6) + 1e-6


def _back_in_sight(kept: list[int], holds: Callable[[int], bool], ranked: list[int], final: Optional[dict[int, float]] = None, fine: int = 6) -> None:
    """Safety first after a reading moved rows: each of `kept` (rows of the first KEPT_PLACES before the move: p9
    criteria, or for fix20u Protection needs) that the move put out of them comes back as the last of them, and the
    last row there that `holds` does not hold goes just below (none: nothing moves), the rest keeping their order, so
    no held row leaves the first KEPT_PLACES for another. The one loop SearchIndex._lead_with, _pregnant_young_first,
    _pregnant_banded_first and _unborn_calm_first share; with `final`, the row that gave way is scored just below the
    kept row (to `fine` decimal places)."""
    for m in kept:
        if ranked.index(m) < KEPT_PLACES:
            continue
        yielding = [i for i in range(KEPT_PLACES) if not holds(ranked[i])]
        if not yielding:
            continue
        y = ranked.pop(yielding[-1])
        ranked.remove(m)
        ranked.insert(KEPT_PLACES - 1, m)
        ranked.insert(KEPT_PLACES, y)
        if final is not None:
            final[y] = round(final[m], fine) - 10**-fine

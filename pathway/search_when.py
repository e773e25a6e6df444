"""When and where a call's concern is, as the synonyms file's tables say it: not now (`not_now`, the
endings of `_Ends`), elsewhere (`elsewhere`), not yet (`not_yet`), explained by play
(`explained_play`) and overruled by the call's own finding (`overruled`), each read into a typed
table once, when the index is built.

Split out of pathway/search.py (split24): the tables here are data; the readings that use them are
SearchIndex's (_not_now_first, _ended_at, _elsewhere_first, _not_yet_below, _explained_play_below,
_overruled_first...).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple, Optional

from pathway.catalogue import Catalogue
from pathway.search_tables import (
    OVERRULED_KEYS,
    TableReader,
)
from pathway.search_text import (
    normalise,
)


class _NotNow(NamedTuple):
    """The synonyms file's `not_now` (search17s, review 17 N1-N3; SearchIndex._not_now_first): words normalised,
    phrases as tuples of words, rows as numbers."""

    opens: tuple[tuple[str, ...], ...]
    marks: tuple[tuple[str, ...], ...]
    when: tuple[tuple[str, ...], ...]
    young: frozenset[str]
    present: tuple[tuple[str, ...], ...]
    bounds: frozenset[str]
    kept: frozenset[int]
    victim_words: frozenset[str]
    victim_passive: frozenset[str]
    victim_between: frozenset[str]
    victim_nouns: frozenset[str]
    victim_suffered: tuple[tuple[str, ...], ...]
    childhood: tuple[tuple[str, ...], ...]
    victim_rows: frozenset[int]
    abuser_leads: Optional[int]
    determiners: frozenset[str]
    children: frozenset[str]
    preps: frozenset[str]
    relations: frozenset[str]
    always: frozenset[str]
    verbs: frozenset[str]


class _Ends(NamedTuple):
    """The synonyms file's `not_now.ended_by`, `not_now.disproved` and `locked_in` (fix18b, review 18 N4, N5, N7;
    SearchIndex._ended_by_first): words normalised, phrases as tuples of words, rows as numbers."""

    verbs: tuple[tuple[str, ...], ...]
    follows: frozenset[str]
    out_of: tuple[tuple[str, ...], ...]
    frames: tuple[tuple[str, ...], ...]
    changes: tuple[tuple[str, ...], ...]
    findings: tuple[tuple[str, ...], ...]
    locked: tuple[tuple[str, ...], ...]
    places: frozenset[str]
    locked_rows: frozenset[int]
    locked_leads: tuple[int, ...]
    kept: frozenset[int]


def _ends(synonyms: dict, number_of: Callable[[str], int]) -> Optional[_Ends]:
    """The synonyms file's `not_now.ended_by`, `not_now.disproved` and `locked_in` as _Ends reads them; None where the
    file has no `not_now` (search_tables.check_not_now and check_locked_in checked them)."""
    data, read = synonyms.get("not_now"), TableReader(normalise, number_of)
    if not data:
        return None
    ended_by, disproved, locked = data.get("ended_by") or {}, data.get("disproved") or {}, synonyms.get("locked_in") or {}
    return _Ends(
        read.phrases(ended_by.get("verbs")),
        read.words(ended_by.get("follows")),
        read.phrases(ended_by.get("out_of")),
        read.phrases(ended_by.get("frames")),
        read.phrases(ended_by.get("changes")),
        read.phrases(disproved.get("findings")),
        read.phrases(locked.get("words")),
        read.words(locked.get("places")),
        read.rows(locked.get("rows")),
        read.ordered_rows(locked.get("leads")),
        read.rows(ended_by.get("kept")),
    )


def _not_now(synonyms: dict, number_of: Callable[[str], int], catalogue: Catalogue) -> Optional[_NotNow]:
    """The synonyms file's `not_now` as _NotNow reads it; None where the file has none (search_tables.check_not_now checked it)."""
    data, read = synonyms.get("not_now"), TableReader(normalise, number_of)
    if not data:
        return None
    ended, victim, placed = (data.get(k) or {} for k in ("ended", "victim", "placed"))
    own_past = read.words(ended.get("own_past"))
    history = {number_of(ind.id) for ind in catalogue.indicators if own_past & set(normalise(ind.text).split())}
    return _NotNow(
        read.phrases(ended.get("opens")),
        read.phrases(ended.get("marks")),
        read.phrases(ended.get("when")),
        read.words(ended.get("young")),
        read.phrases(ended.get("present")),
        read.words(ended.get("bounds")),
        read.rows(ended.get("kept")) | history,
        read.words(victim.get("words")),
        read.words(victim.get("passive")),
        read.words(victim.get("between")),
        read.words(victim.get("nouns")),
        read.phrases(victim.get("suffered")),
        read.phrases(victim.get("childhood")),
        read.rows(victim.get("rows")),
        read.row(victim.get("abuser_leads")),
        *(read.words(placed.get(k)) for k in ("determiners", "children", "preps", "relations", "always", "verbs")),
    )


def _year(word: str) -> bool:
    """A year said as four digits from 1990 to 2099 ("in 2022"): a time a contrast places in the past (_past_at)."""
    return len(word) == 4 and word.isdigit() and 1990 <= int(word) <= 2099


class _Overruled(NamedTuple):
    """The synonyms file's `overruled` (fix19b, review 19 N2, N3, N6, N7; SearchIndex._overruled_first): words
    normalised, phrases as tuples of words, rows as numbers."""

    never: frozenset[str]
    never_bridges: frozenset[str]
    never_verbs: frozenset[str]
    never_ends: frozenset[str]
    ordinary_rows: frozenset[int]
    ordinary_leads: Optional[int]
    drinks: tuple[tuple[str, ...], ...]
    small: tuple[tuple[str, ...], ...]
    seldom: tuple[tuple[str, ...], ...]
    significant: tuple[tuple[str, ...], ...]
    drugs: tuple[tuple[str, ...], ...]
    past_marks: tuple[tuple[str, ...], ...]
    past_times: tuple[tuple[str, ...], ...]
    past_now: tuple[tuple[str, ...], ...]
    past_present: tuple[tuple[str, ...], ...]
    reidentify: tuple[tuple[str, ...], ...]
    allegation: frozenset[str]
    findings: tuple[tuple[str, ...], ...]
    allegation_rows: frozenset[int]


ALLEGATION_ROWS = ("immediate.allegation_or_disclosure",)  # p9's row a finding about an allegation disproves (_overruled_first)


def _overruled(synonyms: dict, number_of: Callable[[str], int]) -> Optional[_Overruled]:
    """The synonyms file's `overruled` as _Overruled reads it; None where the file has none (search_tables.check_overruled checked it)."""
    data, read = synonyms.get("overruled"), TableReader(normalise, number_of)
    if not data:
        return None
    never, ordinary, past, disproves = (data.get(k) or {} for k in OVERRULED_KEYS)
    words, phrases = read.words, read.phrases
    return _Overruled(
        words(never.get("words")),
        words(never.get("bridges")),
        words(never.get("verbs")),
        words(never.get("ends")),
        read.rows(ordinary.get("rows")),
        read.row(ordinary.get("leads")),
        phrases(ordinary.get("drinks")),
        phrases(ordinary.get("small")),
        phrases(ordinary.get("seldom")),
        phrases(ordinary.get("significant")),
        phrases(ordinary.get("drugs")),
        phrases(past.get("marks")),
        phrases(past.get("times")),
        phrases(past.get("now")),
        phrases(past.get("present")),
        phrases(disproves.get("reidentify")),
        words(disproves.get("allegation")),
        phrases(disproves.get("findings")),
        read.rows(ALLEGATION_ROWS),
    )


class _Elsewhere(NamedTuple):
    """The synonyms file's `elsewhere` (fix21p, review 21 N1, N2, N3, N6; SearchIndex._elsewhere_first), normalised."""

    past_marks: tuple[tuple[str, ...], ...]
    care: tuple[tuple[str, ...], ...]
    care_leads: Optional[int]
    past_kept: frozenset[int]
    filler: frozenset[str]
    if_marks: tuple[tuple[str, ...], ...]
    if_present: tuple[tuple[str, ...], ...]
    asking: frozenset[str]
    risk_leads: tuple[int, ...]
    injuries: frozenset[str]
    causes: tuple[tuple[str, ...], ...]
    severe: frozenset[str]
    reported: frozenset[str]
    explained_rows: frozenset[int]
    under_months: int


def _elsewhere(synonyms: dict, number_of: Callable[[str], int]) -> Optional[_Elsewhere]:
    """The synonyms file's `elsewhere` as SearchIndex reads it; None where the file has none (search_tables.check_elsewhere checked it)."""
    data, read = synonyms.get("elsewhere"), TableReader(normalise, number_of)
    if not data:
        return None
    past, long_past, hyp, exp = (data[k] for k in ("adult_past", "long_past", "hypothetical", "explained"))
    return _Elsewhere(
        read.phrases(past["marks"]),
        read.phrases(past["care"]),
        read.row(past["care_leads"]),
        read.rows(past["kept"]),
        read.words(long_past["filler"]),
        read.phrases(hyp["marks"]),
        read.phrases(hyp["present"]),
        read.words(hyp["asking"]),
        read.ordered_rows(hyp["risk_leads"]),
        read.words(exp["injuries"]),
        read.phrases(exp["causes"]),
        read.words(exp["severe"]),
        read.words(exp["reported"]),
        read.rows(exp["rows"]),
        int(exp["under_months"]),
    )


class _NotYet(NamedTuple):
    """The synonyms file's `not_yet` (fix23f, review 21 N3; SearchIndex._not_yet_below), read."""

    now: frozenset[str]
    harm_to: frozenset[str]
    lethal: frozenset[str]
    own: frozenset[str]
    worry: frozenset[str]
    fact_rows: frozenset[int]
    kept: frozenset[int]
    fact_leads: Optional[int]


def _not_yet(synonyms: dict, number_of: Callable[[str], int]) -> Optional[_NotYet]:
    """The synonyms file's `not_yet` as SearchIndex reads it; None where the file has none (search_tables.check_not_yet checked it)."""
    data, read = synonyms.get("not_yet"), TableReader(normalise, number_of)
    if not data:
        return None
    w = read.words
    return _NotYet(
        w(data["now"]),
        w(data["harm_to"]),
        w(data["lethal"]),
        w(data["own"]),
        w(data["worry"]),
        read.rows(data["fact_rows"]),
        read.rows(data["kept"]),
        read.row(data["fact_leads"]),
    )


class _ExplainedPlay(NamedTuple):
    """The synonyms file's `explained_play` (fix23f, review 21 N6; SearchIndex._explained_play_below), read."""

    play: frozenset[str]
    many: tuple[tuple[str, ...], ...]
    min_months: int
    injury_rows: frozenset[int]
    rows: frozenset[int]


def _explained_play(synonyms: dict, number_of: Callable[[str], int]) -> Optional[_ExplainedPlay]:
    """The synonyms file's `explained_play` as SearchIndex reads it; None where the file has none (search_tables.check_explained_play checked it)."""
    data, read = synonyms.get("explained_play"), TableReader(normalise, number_of)
    if not data:
        return None
    return _ExplainedPlay(
        read.words(data["play"]), read.phrases(data["many"]), int(data["min_months"]), read.rows(data["injury_rows"]), read.rows(data["rows"])
    )

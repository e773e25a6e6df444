"""What a call's words mean, as the synonyms file's tables say it: a row named in so many words
(`named_rows`), a fact the call states without a row's words (`unsaid_facts`), a fact turned against
a row (`turned_facts`), a word said as meant rather than as written (`said_as_meant`, `said_plainly`),
everyday senses of a concern's word (`everyday_senses`), the clause reading (`clause_reading`), and
the narrow readings of `above_universal`, `under_13_sex`, `degrading_treatment`,
`young_out_at_night`, `unborn_calm` and `care_left`: each read into a typed table once, when the
index is built, with the plain functions of the words they need (_age_in_words, _under_1_said).

Split out of pathway/search.py (split24): the readings that use these tables are SearchIndex's
(_named_rows_below, _unsaid_facts_below, _turned_facts_below, _everyday_senses_below,
_said_plainly_last, _clause_first...). pathway.search re-exports the names its tests import.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import NamedTuple, Optional

from pathway.levels import Level
from pathway.search_tables import (
    TableReader,
)
from pathway.search_text import (
    normalise,
    stem,
    tokens,
)


class _NamedReading(NamedTuple):
    """One reading of the synonyms file's `named_rows` (fix21q; SearchIndex._named_rows_below)."""

    said: tuple[tuple[tuple[str, ...], ...], ...]
    rows: frozenset[int]
    leads: Optional[int]
    offers: Optional[int]


def _named_rows(synonyms: dict, number_of: Callable[[str], int]) -> tuple[tuple[_NamedReading, ...], dict[int, list[list[tuple[str, ...]]]]]:
    """The synonyms file's `named_rows` (fix21q) as _named_rows_below reads it, phrases and words as stems: its readings,
    and its `words` (each row's groups of words, one of each said names the row)."""
    data = synonyms.get("named_rows") or {}
    readings = tuple(
        _NamedReading(
            tuple(tuple(tuple(tokens(p)) for p in group) for group in r["said"]),
            frozenset(number_of(i) for i in r["rows"]),
            number_of(r["leads"]) if r["leads"] else None,
            number_of(r["offers"]) if r["offers"] else None,
        )
        for r in data.get("readings") or []
    )
    words = {number_of(i): [[tuple(tokens(w)) for w in group] for group in groups] for i, groups in (data.get("words") or {}).items()}
    return readings, words


class _UnsaidFact(NamedTuple):
    """One reading of the synonyms file's `unsaid_facts` (fix22d; SearchIndex._unsaid_facts_below): phrases and words
    as stems, rows as numbers."""

    said: tuple[tuple[tuple[str, ...], ...], ...]
    between: frozenset[str]
    reach: int
    rows: dict[int, list[list[tuple[str, ...]]]]
    offers: tuple[int, ...]
    doers: frozenset[str]
    doer_reach: int


def _unsaid_facts(synonyms: dict, number_of: Callable[[str], int]) -> tuple[_UnsaidFact, ...]:
    """The synonyms file's `unsaid_facts` (fix22d) as _unsaid_facts_below reads it (search_tables.check_unsaid_facts checked it)."""
    data = synonyms.get("unsaid_facts") or {}
    return tuple(
        _UnsaidFact(
            tuple(tuple(dict.fromkeys(tuple(tokens(p)) for p in group)) for group in r["said"]),  # "kicks", "kicking": one stem
            frozenset(stem(w) for w in tokens(" ".join(r["between"]))),
            r["reach"],
            {number_of(i): [[tuple(tokens(w)) for w in group] for group in groups] for i, groups in r["rows"].items()},
            tuple(number_of(i) for i in r["offers"]),
            frozenset(normalise(" ".join(r["doers"])).split()),
            r["doer_reach"],
        )
        for r in data.get("readings") or []
    )


class _TurnedFact(NamedTuple):
    """One reading of the synonyms file's `turned_facts` (fix23d; SearchIndex._turned_facts_below): an `unsaid_facts`
    reading (no doers) and the words before or after a run that keep it from being read (normalised phrases)."""

    fact: _UnsaidFact
    not_before: tuple[tuple[str, ...], ...]
    not_before_reach: int
    not_after: tuple[tuple[str, ...], ...]
    not_after_reach: int
    keeps_p9_in_sight: bool  # review 12 H6: its p9 rows lose first place only, never the first three


def _turned_facts(synonyms: dict, number_of: Callable[[str], int]) -> tuple[_TurnedFact, ...]:
    """The synonyms file's `turned_facts` (fix23d) as _turned_facts_below reads it (search_tables.check_turned_facts
    checked it): each reading's `unsaid_facts` part read as `unsaid_facts` is (_unsaid_facts)."""
    readings = (synonyms.get("turned_facts") or {}).get("readings") or []
    facts = _unsaid_facts({"unsaid_facts": {"readings": [{**r, "doers": [], "doer_reach": 0} for r in readings]}}, number_of)
    return tuple(
        _TurnedFact(
            fact,
            tuple(tuple(normalise(p).split()) for p in r["not_before"]),
            r["not_before_reach"],
            tuple(tuple(normalise(p).split()) for p in r["not_after"]),
            r["not_after_reach"],
            r["keeps_p9_in_sight"],
        )
        for fact, r in zip(facts, readings)
    )


def _unborn_calm(synonyms: dict, number_of: Callable[[str], int]) -> Optional[tuple[frozenset[str], int]]:
    """The synonyms file's `unborn_calm` as SearchIndex reads it (fix20u): its words' stems and the row that leads."""
    data = synonyms.get("unborn_calm")
    if not data:
        return None
    return frozenset(stem(w) for w in data["words"]), number_of(data["leads"])


def _care_left(synonyms: dict, number_of: Callable[[str], int]) -> Optional[tuple[tuple[tuple[str, ...], ...], list[str], int]]:
    """The synonyms file's `care_left` as SearchIndex._care_left reads it (fix20u): its phrases as said (normalised),
    longest first, and the words each is read as."""
    data = synonyms.get("care_left")
    if not data:
        return None
    phrases = sorted({tuple(normalise(p).split()) for p in data["phrases"]}, key=lambda p: -len(p))
    return tuple(phrases), normalise(data["read_as"]).split(), number_of(data["row"])


class _AsMeant(NamedTuple):
    """The synonyms file's `said_as_meant` (fix22b; SearchIndex._as_meant), normalised; phrases longest first."""

    intoxicated: tuple[tuple[str, ...], ...]
    before: frozenset[str]
    subjects: frozenset[str]
    adverbs: frozenset[str]
    not_after: frozenset[str]
    objects: frozenset[str]
    read_as: tuple[str, ...]
    very: frozenset[str]
    very_before: frozenset[str]
    very_read_as: tuple[str, ...]
    plain: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]
    caring: frozenset[str]


def _as_meant_table(synonyms: dict) -> Optional[_AsMeant]:
    """The synonyms file's `said_as_meant` as SearchIndex._as_meant reads it, or None where the file has none."""
    data = synonyms.get("said_as_meant")
    if not data:
        return None
    read = TableReader(normalise, lambda i: 0)
    tox, very = data["intoxicated"], data["very"]
    return _AsMeant(
        tuple(sorted(read.phrases(tox["phrases"]), key=lambda p: -len(p))),
        read.words(tox["before"]),
        read.words(tox["subjects"]),
        read.words(tox["adverbs"]),
        read.words(tox["not_after"]),
        read.words(tox["objects"]),
        tuple(normalise(tox["read_as"]).split()),
        read.words(very["words"]),
        read.words(very["before"]),
        tuple(normalise(very["read_as"]).split()),
        tuple(sorted(((tuple(normalise(k).split()), tuple(normalise(v).split())) for k, v in data["plain"].items()), key=lambda kv: -len(kv[0]))),
        read.words(data["caring"]),
    )


class _SaidPlainly(NamedTuple):
    """The synonyms file's `said_plainly` (fix20d, review 20 N5-N10; SearchIndex._said_plainly_last), normalised."""

    others: tuple[tuple[str, ...], ...]  # other_child_well: a clause about another child...
    well: tuple[tuple[str, ...], ...]  # ...who is well
    well_reach: int
    regional: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]  # a regional phrase and what it means
    kin_words: frozenset[str]
    kin: frozenset[str]
    kin_rows: frozenset[int]
    pregnancy_rows: frozenset[int]
    pregnancy_words: tuple[tuple[str, ...], ...]
    male: frozenset[str]
    male_pronouns: frozenset[str]
    female: frozenset[str]
    denials: tuple[tuple[str, ...], ...]
    risk: frozenset[str]
    risk_rows: frozenset[int]
    numbers: Mapping[str, int]
    units: Mapping[str, float]
    age_subjects: frozenset[str]
    adults: frozenset[str]
    you: frozenset[str]
    conditions: tuple[tuple[str, ...], ...]
    you_reach: int
    child_rows: frozenset[int]
    baby_leads: int
    leads: int
    baby_words: frozenset[str]


def _said_plainly(synonyms: dict, number_of: Callable[[str], int]) -> Optional[_SaidPlainly]:
    """The synonyms file's `said_plainly` as SearchIndex reads it, or None where the file has none."""
    d = synonyms.get("said_plainly")
    if not d:
        return None

    def phrases(ws: Iterable[str]) -> tuple[tuple[str, ...], ...]:
        return tuple(p for p in (tuple(normalise(w).split()) for w in ws) if p)

    def single(ws: Iterable[str]) -> frozenset[str]:
        return frozenset(normalise(w) for w in ws)

    ocw, kin, preg, den, ages, you = d["other_child_well"], d["kin"], d["pregnancy"], d["denied_risk"], d["ages"], d["you"]
    return _SaidPlainly(
        others=phrases(ocw["others"]),
        well=phrases(ocw["well"]),
        well_reach=int(ocw["reach"]),
        regional=tuple((tuple(normalise(k).split()), tuple(normalise(v).split())) for k, v in d["regional"].items()),
        kin_words=single(kin["words"]),
        kin=single(kin["kin"]),
        kin_rows=frozenset(number_of(i) for i in kin["rows"]),
        pregnancy_rows=frozenset(number_of(i) for i in preg["rows"]),
        pregnancy_words=phrases(preg["words"]),
        male=single(preg["male"]),
        male_pronouns=single(preg["male_pronouns"]),
        female=single(preg["female"]),
        denials=phrases(den["denials"]),
        risk=single(den["risk"]),
        risk_rows=frozenset(number_of(i) for i in den["rows"]),
        numbers={normalise(k): int(v) for k, v in ages["numbers"].items()},
        units={normalise(k): float(v) for k, v in ages["units"].items()},
        age_subjects=single(ages["subjects"]),
        adults=single(ages["adults"]),
        you=single(you["you"]),
        conditions=phrases(you["conditions"]),
        you_reach=int(you["reach"]),
        child_rows=frozenset(number_of(i) for i in you["child_rows"]),
        baby_leads=number_of(you["baby_leads"]),
        leads=number_of(you["leads"]),
        baby_words=single(you["baby_words"]),
    )


def _age_in_words(sp: _SaidPlainly, words: list[str]) -> Optional[int]:
    """The child's age in months as the words state it (fix20d, review 20 N10; the synonyms file's `said_plainly.ages`),
    or None: a number (digits or a word) then a unit then "old" ("eighteen months old", "six month old", "a four year
    old"), or a child's word ("he", "she", "your son") then "is"/"aged" then a number followed by no other unit ("he is
    seven"); not an age an adult's or another child's word follows ("a 25 year old man"); None where two ages differ."""
    found: set[int] = set()
    for i, w in enumerate(words):
        n = int(w) if w.isdigit() and len(w) < 4 else sp.numbers.get(w)
        if n is None:
            continue
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if nxt in sp.units and i + 2 < len(words) and words[i + 2] == "old":
            after = words[i + 3] if i + 3 < len(words) else ""
            if after not in sp.adults and not (w in ("a", "an") and nxt not in ("year", "week", "month", "day")):
                found.add(int(n * sp.units[nxt]))
            continue
        if w in ("a", "an"):
            continue
        if i >= 2 and words[i - 1] in ("is", "aged") and words[i - 2] in sp.age_subjects and nxt not in sp.units and nxt not in sp.adults:
            found.add(n * 12)
        elif nxt in ("years", "yrs") and i >= 2 and words[i - 1] in ("is", "aged") and words[i - 2] in sp.age_subjects:
            found.add(n * 12)
    return found.pop() if len(found) == 1 else None


_UNDER_1_NUMBERS = {w: n for n, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())} | {"a": 1}
_UNDER_1_UNITS = {"day": 365, "days": 365, "week": 52, "weeks": 52, "month": 12, "months": 12}  # the count under which a unit is under 1 year


def _under_1_said(words: list[str]) -> bool:
    """Whether the words say an age under 1 year (fix20b; SearchIndex._carer_substance_first): a number (digits or a
    word, "a") then "day(s)", "week(s)" or "month(s)" then "old" ("eleven month old", "9 month old baby", "three
    weeks old", "a week old"), or "only" before the number ("the little un is only 7 month"); "9m", "7mths"
    (_AGE_SAID in months). "6 months ago", "for 3 weeks" are no age: "old" or "only" is needed."""
    for i, w in enumerate(words):
        m = re.fullmatch(r"(\d+)(?:m|mo|mth|mths|months?|wks?|weeks?)", w)
        if m and int(m.group(1)) < (52 if "w" in w else 12):
            return True
        n = int(w) if w.isdigit() else _UNDER_1_NUMBERS.get(w)
        if n is None or i + 1 >= len(words) or words[i + 1] not in _UNDER_1_UNITS or n >= _UNDER_1_UNITS[words[i + 1]]:
            continue
        if (i + 2 < len(words) and words[i + 2] == "old") or (i > 0 and words[i - 1] == "only"):
            return True
    return False


class _AboveUniversal(NamedTuple):
    """The synonyms file's `above_universal` (fix22a, review 22 N1; SearchIndex._above_universal_step), read."""

    cuts: re.Pattern[str]  # where a call's clauses are cut (_clause_first)
    universal_cuts: re.Pattern[str]  # ...and where a Universal row is first
    min_words: int  # words (no stop words) a clause's row is matched by, at least
    clear: float  # a Universal row in the clause's first three scoring this share of its first makes it no fact above it
    levels: frozenset[Level]  # the levels of a table row that may lead over a Universal row
    needs_met: frozenset[int]  # Universal rows that name a need met: only a p9 row leads over them
    opposites: Mapping[int, frozenset[int]]  # a Universal row to its opposites above Universal


def _above_universal(synonyms: dict, number_of: Callable[[str], int]) -> Optional[_AboveUniversal]:
    """The synonyms file's `above_universal` as SearchIndex reads it; None where the file has none (search_tables.check_above_universal checked it)."""
    data, read = synonyms.get("above_universal"), TableReader(normalise, number_of)
    if not data:
        return None
    return _AboveUniversal(
        re.compile(data["cuts"], re.IGNORECASE),
        re.compile(data["universal_cuts"], re.IGNORECASE),
        int(data["min_words"]),
        float(data["clear"]),
        frozenset(Level(v) for v in data["levels"]),
        read.rows(data["needs_met"]),
        {number_of(u): read.rows(os) for u, os in data["opposites"].items()},
    )


class _ClauseReading(NamedTuple):
    """The synonyms file's `clause_reading` (fix23c, review 23 N1; SearchIndex._clause_pieces, _clause_min_words,
    _clause_read_over_additional), read."""

    before: re.Pattern[str]  # a contrast word a clause is cut before
    run_on: bool  # a list said without commas is cut before a carer (_run_on_cut)
    p9_min_words: int  # words a clause's p9 row is matched by, at least, where one of them is one of `p9_words`
    p9_words: frozenset[str]  # stems of words that alone say harm done ("bruises", "raped")
    over_additional_domains: frozenset[str]  # an Additional row of these domains first: its call read clause by clause


def _clause_reading(synonyms: dict) -> Optional[_ClauseReading]:
    """The synonyms file's `clause_reading`; None where the file has none (search_tables.check_clause_reading checked it)."""
    data = synonyms.get("clause_reading")
    if not data:
        return None
    before = "|".join(r"(?=\b" + r"\s+".join(map(re.escape, w.split())) + r"\b)" for w in data["before"])
    return _ClauseReading(
        re.compile(before, re.IGNORECASE),
        bool(data["run_on"]),
        int(data["p9_min_words"]),
        frozenset(stem(w) for w in data["p9_words"]),
        frozenset(data["over_additional_domains"]),
    )


class _Under13Sex(NamedTuple):
    """The synonyms file's `under_13_sex` (fix23c, review 23 N10; SearchIndex._under_13_sex_offered), read."""

    words: tuple[tuple[str, ...], ...]
    partners: frozenset[str]
    under_months: int
    leads: int
    not_offered: frozenset[int]
    unless: frozenset[str]
    places: int


def _under_13_sex(synonyms: dict, number_of: Callable[[str], int]) -> Optional[_Under13Sex]:
    """The synonyms file's `under_13_sex`; None where the file has none (search_tables.check_under_13_sex checked it)."""
    data, read = synonyms.get("under_13_sex"), TableReader(normalise, number_of)
    if not data:
        return None
    return _Under13Sex(
        read.phrases(data["words"]),
        read.words(data["partners"]),
        int(data["under_months"]),
        number_of(data["leads"]),
        read.rows(data["not_offered"]),
        read.words(data["unless"]),
        int(data["places"]),
    )


class _Degrading(NamedTuple):
    """The synonyms file's `degrading_treatment` (fix23c, review 23 N2; SearchIndex._degrading_said), read."""

    acts: frozenset[str]
    passive: tuple[tuple[str, ...], ...]
    objects: frozenset[str]
    subjects: frozenset[str]
    object_reach: int
    subject_reach: int
    reach: int
    places: tuple[tuple[str, ...], ...]
    tied: tuple[tuple[str, ...], ...]
    care: tuple[tuple[str, ...], ...]
    cages: tuple[tuple[str, ...], ...]
    cage_words: frozenset[str]  # the one-word `cages` that are also an act ("chained", "caged")
    animals: frozenset[str]
    leads: int


def _degrading(synonyms: dict, number_of: Callable[[str], int]) -> Optional[_Degrading]:
    """The synonyms file's `degrading_treatment`; None where the file has none (search_tables.check_degrading_treatment checked it)."""
    data, read = synonyms.get("degrading_treatment"), TableReader(normalise, number_of)
    if not data:
        return None
    acts, cages = read.words(data["acts"]), read.phrases(data["cages"])
    return _Degrading(
        acts,
        read.phrases(data["passive"]),
        read.words(data["objects"]),
        read.words(data["subjects"]),
        int(data["object_reach"]),
        int(data["subject_reach"]),
        int(data["reach"]),
        read.phrases(data["places"]),
        read.phrases(data["tied"]),
        read.phrases(data["care"]),
        cages,
        frozenset(p[0] for p in cages if len(p) == 1) & acts,
        read.words(data["animals"]),
        number_of(data["leads"]),
    )


class _YoungOutAtNight(NamedTuple):
    """The synonyms file's `young_out_at_night` (fix22a, review 22 N3; SearchIndex._young_out_at_night_first), read."""

    place: tuple[tuple[str, ...], ...]
    unsupervised: tuple[tuple[str, ...], ...]
    night: tuple[tuple[str, ...], ...]
    pm_from: int
    am_to: int
    young: frozenset[str]
    under_months: int
    with_: tuple[tuple[str, ...], ...]
    leads: int
    or_leads: frozenset[int]
    rows: frozenset[int]


def _young_out_at_night(synonyms: dict, number_of: Callable[[str], int]) -> Optional[_YoungOutAtNight]:
    """The synonyms file's `young_out_at_night` as SearchIndex reads it; None where the file has none (search_tables.check_young_out_at_night checked it)."""
    data, read = synonyms.get("young_out_at_night"), TableReader(normalise, number_of)
    if not data:
        return None
    return _YoungOutAtNight(
        read.phrases(data["place"]),
        read.phrases(data["unsupervised"]),
        read.phrases(data["night"]),
        int(data["pm_from"]),
        int(data["am_to"]),
        read.words(data["young"]),
        int(data["under_months"]),
        read.phrases(data["with"]),
        number_of(data["leads"]),
        read.rows(data["or_leads"]),
        read.rows(data["rows"]),
    )


class _EverydaySenses(NamedTuple):
    """The synonyms file's `everyday_senses` (fix23b; SearchIndex._everyday_senses_at), normalised."""

    between: frozenset[str]
    reach: int
    things: frozenset[str]
    property: tuple[tuple[str, ...], ...]
    persons: frozenset[str]
    aimed: frozenset[str]
    readings: tuple["_EverydaySense", ...]


class _EverydaySense(NamedTuple):
    """One reading of `everyday_senses`: its phrases, verbs, games and concern as words; its rows as numbers (None: any)."""

    said: tuple[tuple[str, ...], ...]
    verbs: frozenset[str]
    games: tuple[tuple[str, ...], ...]
    concern: tuple[tuple[str, ...], ...]
    rows: Optional[frozenset[int]]


def _everyday_senses(synonyms: dict, number_of: Callable[[str], int]) -> Optional[_EverydaySenses]:
    """The synonyms file's `everyday_senses` as SearchIndex reads it, or None where the file has none."""
    data = synonyms.get("everyday_senses")
    if not data:
        return None

    def phrases(ws: Iterable[str]) -> tuple[tuple[str, ...], ...]:
        return tuple(p for p in (tuple(normalise(w).split()) for w in ws) if p)

    def single(ws: Iterable[str]) -> frozenset[str]:
        return frozenset(normalise(" ".join(ws)).split())

    return _EverydaySenses(
        single(data["between"]),
        int(data["reach"]),
        single(data["things"]),
        phrases(data["property"]),
        single(data["persons"]),
        single(data["aimed"]),
        tuple(
            _EverydaySense(
                phrases(r.get("said") or []),
                single(r.get("verbs") or []),
                phrases(r.get("games") or []),
                phrases(r["concern"]),
                frozenset(number_of(i) for i in r["rows"]) if "rows" in r else None,
            )
            for r in data["readings"]
        ),
    )

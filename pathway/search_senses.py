"""What a call's words mean, as the synonyms file's tables say it: a row named in so many words
(`named_rows`), a fact the call states without a row's words (`unsaid_facts`), a fact turned against
a row (`turned_facts`), a word said as meant rather than as written (`said_as_meant`, `said_plainly`),
everyday senses of a concern's word (`everyday_senses`), the clause reading (`clause_reading`), and
the narrow readings of `above_universal`, `under_13_sex`, `degrading_treatment`,
`young_out_at_night`, `unborn_calm` and `care_left`: each read into a typed table once, when the
index is built, with the plain functions of the words they need (_age_in_words, _under_1_said).

Split out of pathway/search.py (split24): the tables, and the readings that use them as the mixin
`SenseReadings` that SearchIndex is composed of (_named_rows_below, _unsaid_facts_below,
_turned_facts_below, _everyday_senses_below, _said_plainly_last); the clause reading's are in
pathway/search_clauses.py. pathway.search re-exports the names its tests import.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, NamedTuple, Optional

from pathway import search_structures, search_turned_words
from pathway.levels import Level
from pathway.search_call import (
    KEPT_PLACES,
    _Call,
    _offered_last,
    _scores_follow_order,
)
from pathway.search_denials import (
    DENYING,
    _denied_positions,
)
from pathway.search_tables import (
    TableReader,
)
from pathway.search_text import (
    WORRY,
    _phrase_at,
    _phrases_at,
    _says_exactly,
    _stop,
    ages_unglued,
    normalise,
    stem,
    tokens,
)

if TYPE_CHECKING:
    from pathway.search import SearchIndex


class _ReadWithout(NamedTuple):
    """A call read again without the words at some places (SenseReadings._read_without; fix23b/e's
    `everyday_senses`, fix24b's `ordinary_call`): the words left (`rest`, `rest_stems`, in order), the ids of the rows
    the whole search offers in its first three for them (`offers`; none when no word is left), and whether a row of the
    call rests only on the words taken out (`alone`: the call read without them does not offer it in its first three,
    and no word of its match is a word left)."""

    rest: list[str]
    rest_stems: list[str]
    offers: frozenset[str]
    alone: Callable[[int], bool]


class _NamedReading(NamedTuple):
    """One reading of the synonyms file's `named_rows` (fix21q; SearchIndex._named_rows_below)."""

    said: tuple[tuple[tuple[str, ...], ...], ...]
    rows: frozenset[int]
    leads: Optional[int]
    offers: Optional[int]
    # fix29d: `named_rows.apart`'s words for the reading (normalised): one said between each place of its first group
    # and each of its second keeps the reading from being made (another person named between: "dad was drunk so MUM drove")
    apart: frozenset[str] = frozenset()
    # fix36a: `named_rows.unless`' phrases for the reading (as stems): one said anywhere in the call keeps the reading
    # from being made (the call says the other cause: "no food in the house and no money" is the family's poverty)
    unless: tuple[tuple[str, ...], ...] = ()


def _named_rows(synonyms: dict, number_of: Callable[[str], int]) -> tuple[tuple[_NamedReading, ...], dict[int, list[list[tuple[str, ...]]]]]:
    """The synonyms file's `named_rows` (fix21q) as _named_rows_below reads it, phrases and words as stems: its readings,
    and its `words` (each row's groups of words, one of each said names the row)."""
    data = synonyms.get("named_rows") or {}
    apart = data.get("apart") or {}
    unless = data.get("unless") or {}
    readings = tuple(
        _NamedReading(
            tuple(tuple(tuple(tokens(p)) for p in group) for group in r["said"]),
            frozenset(number_of(i) for i in r["rows"]),
            number_of(r["leads"]) if r["leads"] else None,
            number_of(r["offers"]) if r["offers"] else None,
            frozenset(normalise(" ".join(apart.get(r["name"]) or [])).split()),
            tuple(tuple(tokens(p)) for p in unless.get(r["name"]) or []),
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
    holds_p9: bool = False  # fix29b: a p9 row below the first three does not rise into a place this reading's rows left
    offers_after_said: bool = False  # fix29b: its offer takes a left place only ahead of a row no word matched


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
            r["name"] in (data.get("holds_p9") or ()),
            r["name"] in (data.get("offers_after_said") or ()),
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


_PERFECT = frozenset({"has", "have", "had"})


def _before_been(words: list[str], k: int) -> bool:
    """fix37b: "has", "have" or "had" at k, "been" just after it ("dad has been on the pop")."""
    return words[k] in _PERFECT and k + 1 < len(words) and words[k + 1] == "been"


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
    struck: Optional[_Struck] = None  # fix29a: a blow's word with a person or a body part after it (`struck`)
    unwell: Optional[_Unwell] = None  # fix32a: a carer's low mood or paranoia in slang (`unwell`)
    high: Optional[_High] = None  # Search52: drug slang for high ("baked", "zooted") said of someone's state (`high`)


class _Struck(NamedTuple):
    """The synonyms file's `said_as_meant.struck` (fix29a; SearchIndex._struck_at), normalised."""

    words: frozenset[str]
    between: frozenset[str]
    persons: frozenset[str]
    body: frozenset[str]
    after: frozenset[str]
    reach: int
    read_as: tuple[str, ...]


class _Unwell(NamedTuple):
    """The synonyms file's `said_as_meant.unwell` (fix32a, review 31 Q3; SearchIndex._unwell_at), normalised; phrases
    longest first."""

    read: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]
    between: frozenset[str]
    not_before: frozenset[str]
    still_after: tuple[tuple[str, ...], ...]
    alone: frozenset[tuple[str, ...]]  # phrases with no everyday sense: no person needed before them


class _High(NamedTuple):
    """The synonyms file's `said_as_meant.high` (Search52, review 32 Q5; SearchIndex._high_at), normalised; phrases
    longest first."""

    phrases: tuple[tuple[str, ...], ...]
    alone: frozenset[tuple[str, ...]]  # phrases with no everyday sense: no person needed before them
    still_after: tuple[tuple[str, ...], ...]  # these may follow though they begin with an object word ("is baked all day")
    after: frozenset[str]  # with no be/get verb said, the phrase ends the call or one of these follows ("baked before school")
    read_as: tuple[str, ...]
    # fix37b (K3): phrases with an everyday sense beside a be verb ("she is high functioning", "dad is high risk"): read
    # only where the call ends with them or one of `after` or `still_after` follows, be/get verb or none ("dad is high")
    strict: frozenset[tuple[str, ...]] = frozenset()


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
        _struck(data.get("struck"), read),
        _unwell(data.get("unwell"), read),
        _high(data.get("high"), read),
    )


def _high(data: Optional[dict], read: TableReader) -> Optional[_High]:
    """`said_as_meant.high` as SearchIndex._high_at reads it (Search52), or None where the file has none."""
    if not data:
        return None
    return _High(
        tuple(sorted(read.phrases(data["phrases"]), key=lambda p: -len(p))),
        frozenset(read.phrases(data["alone"])),
        read.phrases(data["still_after"]),
        read.words(data["after"]),
        tuple(normalise(data["read_as"]).split()),
        frozenset(read.phrases(data["strict"])),
    )


def _unwell(data: Optional[dict], read: TableReader) -> Optional[_Unwell]:
    """`said_as_meant.unwell` as SearchIndex._unwell_at reads it (fix32a), or None where the file has none."""
    if not data:
        return None
    pairs = ((tuple(normalise(k).split()), tuple(normalise(v).split())) for k, v in data["read"].items())
    return _Unwell(
        tuple(sorted(pairs, key=lambda kv: -len(kv[0]))),
        read.words(data["between"]),
        read.words(data["not_before"]),
        read.phrases(data["still_after"]),
        frozenset(read.phrases(data["alone"])),
    )


def _struck(data: Optional[dict], read: TableReader) -> Optional[_Struck]:
    """`said_as_meant.struck` as SearchIndex._struck_at reads it (fix29a), or None where the file has none."""
    if not data:
        return None
    return _Struck(
        read.words(data["words"]),
        read.words(data["between"]),
        read.words(data["persons"]),
        read.words(data["body"]),
        read.words(data["after"]),
        int(data["reach"]),
        tuple(normalise(data["read_as"]).split()),
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
    pairs: tuple[tuple[int, int, tuple[tuple[str, ...], ...]], ...] = ()  # fix25a: a general p9 line, its banded line, their words (`ages.pairs`)
    said: Optional[_AgeSaid] = None  # fix27a: an age said after the child's word without "old" (`ages.said`)
    lacking: tuple[tuple[int, _Lacking], ...] = ()  # fix27a: a pair's banded line and its childcare-lacking words (`ages.pairs[].lacking`)


class _AgeSaid(NamedTuple):
    """The synonyms file's `said_plainly.ages.said` (fix27a, review 26 Q3, Q14; _age_in_words), normalised."""

    links: tuple[tuple[str, ...], ...]  # between the child's word and the number ("is", "will be", "turns")
    nearly: tuple[tuple[str, ...], ...]  # before the number, the month before the birthday ("nearly six": 71 months)
    plain: tuple[tuple[str, ...], ...]  # before the number, no change ("only", "just")
    half: tuple[tuple[str, ...], ...]  # after the number or its unit, half a unit more ("and a half")
    next: tuple[tuple[str, ...], ...]  # after the number, the birthday to come ("next week": the month before it)
    not_after: frozenset[str]  # a word after the age that makes it no age ("behind", "ago", "pregnant", "of")


class _Lacking(NamedTuple):
    """A pair's `lacking` (fix27a, review 26 Q4; SearchIndex._banded_in_sight): nobody to mind the child, read."""

    who: tuple[tuple[str, ...], ...]  # "nobody", "no adult", "not got anyone"
    minding: tuple[tuple[str, ...], ...]  # "mind", "look after", "watch", within `reach` words after one of `who`
    reach: int
    phrases: tuple[tuple[str, ...], ...]  # said alone ("no childcare")
    not_after: frozenset[str]  # a word after the minding word that makes it no minding ("nobody minds if ...")


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
        pairs=tuple((number_of(p["rows"][0]), number_of(p["rows"][1]), phrases(p["said"])) for p in ages.get("pairs") or ()),
        said=_age_said_read(ages.get("said"), phrases, single),
        lacking=tuple(
            (number_of(p["rows"][1]), _Lacking(phrases(lk["who"]), phrases(lk["minding"]), int(lk["reach"]), phrases(lk["phrases"]), single(lk["not_after"])))
            for p in ages.get("pairs") or ()
            if (lk := p.get("lacking"))
        ),
    )


def _age_said_read(
    d: Optional[dict], phrases: Callable[[Iterable[str]], tuple[tuple[str, ...], ...]], single: Callable[[Iterable[str]], frozenset[str]]
) -> Optional[_AgeSaid]:
    """`said_plainly.ages.said` (fix27a) as _age_in_words reads it; None where the file has none."""
    if not d:
        return None

    def longest(ws: Iterable[str]) -> tuple[tuple[str, ...], ...]:
        return tuple(sorted(phrases(ws), key=lambda p: -len(p)))

    return _AgeSaid(longest(d["links"]), longest(d["nearly"]), longest(d["plain"]), longest(d["half"]), longest(d["next"]), single(d["not_after"]))


def _age_in_words(sp: _SaidPlainly, words: list[str]) -> Optional[int]:
    """The child's age in months as the words state it (fix20d, review 20 N10; the synonyms file's `said_plainly.ages`),
    or None: a number (digits or a word) then a unit then "old" ("eighteen months old", "six month old", "a four year
    old"), or a child's word ("he", "she", "your son") then "is"/"aged" then a number followed by no other unit ("he is
    seven"; from fix27a as _ages_after_subject reads it, "he's eleven months", "she's nearly six"); not an age an adult's
    or another child's word follows ("a 25 year old man"); None where two ages differ."""
    found: set[int] = set()
    for i, w in enumerate(words):
        n = int(w) if w.isdigit() and len(w) < 4 else sp.numbers.get(w)
        if n is None:
            continue
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if nxt in sp.units and i + 2 < len(words) and words[i + 2] == "old":
            after = words[i + 3] if i + 3 < len(words) else ""
            nearly = sp.said is not None and any(tuple(words[max(0, i - len(p)) : i]) == p for p in sp.said.nearly)  # fix27a's
            if after not in sp.adults and not nearly and not (w in ("a", "an") and nxt not in ("year", "week", "month", "day")):
                found.add(int(n * sp.units[nxt]))
            continue
        if w in ("a", "an") or sp.said is not None:  # fix27a: the child's word then the age, as _ages_after_subject reads it
            continue
        if i >= 2 and words[i - 1] in ("is", "aged") and words[i - 2] in sp.age_subjects and nxt not in sp.units and nxt not in sp.adults:
            found.add(n * 12)
        elif nxt in ("years", "yrs") and i >= 2 and words[i - 1] in ("is", "aged") and words[i - 2] in sp.age_subjects:
            found.add(n * 12)
    if sp.said is not None:
        found |= _ages_after_subject(sp, sp.said, words)
    return found.pop() if len(found) == 1 else None


def _lacking_said(lk: _Lacking, words: list[str]) -> frozenset[str]:
    """The words that say nobody minds the child (fix27a, review 26 Q4; a pair's `lacking`), none where it is not said:
    one of `who` then, within `reach` words after it, one of `minding` not followed by one of `not_after` (from the
    first word of `who` to the last of `minding`); or one of `phrases`."""
    said = {w for a, b in _phrases_at(lk.phrases, words) for w in words[a:b]}
    for a, b in _phrases_at(lk.who, words):
        for k in range(b, min(len(words), b + lk.reach)):
            m = _starts(lk.minding, words, k)
            if m and (words[k + m] if k + m < len(words) else "") not in lk.not_after:
                said.update(words[a : k + m])
                break
    return frozenset(said)


def _starts(options: tuple[tuple[str, ...], ...], words: list[str], j: int) -> int:
    """The length of the first (longest) of `options` said from place j, else 0."""
    return next((len(p) for p in options if tuple(words[j : j + len(p)]) == p), 0)


def _ages_after_subject(sp: _SaidPlainly, said: _AgeSaid, words: list[str]) -> set[int]:
    """fix27a (review 26 Q3, Q14; the synonyms file's `said_plainly.ages.said`, this tool's reading, declared there): the
    child's age said after one of `subjects` with no "old": "he's eleven months" (normalised "he eleven months": the
    "'s" is dropped), "she is 9 months", "our lad's 11 months", "she's fourteen", "she's five and a half" (66),
    "nearly six" (71: the month before the birthday), "she'll be one next week" (11: under 1 today), "he turns one next
    month". A unit, else years; "a"/"an" only before a unit ("she's a year and a half"). Not where one of `not_after`
    or an adult's word follows ("six months behind", "five months pregnant", "one of five", "her 15 year old sister")."""
    found: set[int] = set()
    for i, w in enumerate(words):
        if w not in sp.age_subjects:
            continue
        j = i + 1
        j += _starts(said.links, words, j)
        nearly = _starts(said.nearly, words, j)
        j += nearly or _starts(said.plain, words, j)
        v = words[j] if j < len(words) else ""
        n = int(v) if v.isdigit() and len(v) < 4 else sp.numbers.get(v)
        if n is None:
            continue
        j += 1
        half = _starts(said.half, words, j)
        j += half
        unit = sp.units.get(words[j]) if j < len(words) else None
        if unit is None and v in ("a", "an"):
            continue
        if unit is not None:
            j += 1
            if not half:
                half = _starts(said.half, words, j)
                j += half
        else:
            unit = 12.0
        coming = _starts(said.next, words, j)
        j += coming
        after = words[j] if j < len(words) else ""
        if after in said.not_after or after in sp.adults or (after == "old" and not (nearly or coming)):  # "old": the first reading's
            continue
        months = n * unit + (unit / 2 if half else 0)
        found.add(max(0, math.ceil(months) - 1) if nearly or coming else int(months))
    return found


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
    stand_in: bool = False  # clause25: a clause's row in the call's first three stands in for its own first beyond them
    contrast: tuple[tuple[str, ...], ...] = ()  # fix35a: the words that open a concern said against a strength ("but")


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
        bool(data.get("stand_in", False)),
        tuple(tuple(normalise(w).split()) for w in data.get("contrast") or ()),
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
    spots: tuple[tuple[str, ...], ...] = ()  # fix24b: each of `at` + `spots` ("in the bath"), after one of `stays`
    stays: frozenset[str] = frozenset()
    spots_unless: tuple[tuple[str, ...], ...] = ()


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
        spots=tuple((*a, *p) for a in read.phrases(data.get("at")) for p in read.phrases(data.get("spots"))),
        stays=read.words(data.get("stays")),
        spots_unless=read.phrases(data.get("spots_unless")),
    )


class _CareWithheld(NamedTuple):
    """The synonyms file's `care_withheld` (fix28b, review 27 Q4; SearchIndex._care_withheld_first), read."""

    doers: frozenset[str]
    doer_reach: int
    withhold: tuple[tuple[str, ...], ...]
    gives: frozenset[str]
    needs: frozenset[str]
    own: frozenset[str]
    hedges: frozenset[str]
    need_reach: int
    leads: int
    refuse: tuple[tuple[str, ...], ...]
    services: tuple[tuple[str, ...], ...]
    strengths: frozenset[int]
    instead: tuple[int, ...]
    baby_under_months: int
    keeps_first: frozenset[int]
    kept_from: tuple[tuple[str, ...], ...]  # fix30c: "keeps his tablets from him"
    from_words: frozenset[str]
    stored: tuple[tuple[str, ...], ...]
    refuse_reach: int  # fix30c: a refusal's service may stand further off ("her 3 month old baby to the doctor")


def _care_withheld(synonyms: dict, number_of: Callable[[str], int]) -> Optional[_CareWithheld]:
    """The synonyms file's `care_withheld`; None where the file has none (search_tables.check_care_withheld checked it)."""
    data, read = synonyms.get("care_withheld"), TableReader(normalise, number_of)
    if not data:
        return None
    return _CareWithheld(
        read.words(data["doers"]),
        int(data["doer_reach"]),
        read.phrases(data["withhold"]),
        read.words(data["gives"]),
        read.words(data["needs"]),
        read.words(data["own"]),
        read.words(data["hedges"]),
        int(data["need_reach"]),
        number_of(data["leads"]),
        read.phrases(data["refuse"]),
        read.phrases(data["services"]),
        read.rows(data["strengths"]),
        read.ordered_rows(data["instead"]),
        int(data["baby_under_months"]),
        read.rows(data["keeps_first"]),
        read.phrases(data["kept_from"]),
        read.words(data["from_words"]),
        read.phrases(data["stored"]),
        int(data["refuse_reach"]),
    )


class _PersonalCare(NamedTuple):
    """The synonyms file's `personal_care` (fix28b, review 27 Q3; SearchIndex._personal_care_first), read."""

    acts: frozenset[str]
    not_after: frozenset[str]
    chores: frozenset[str]
    reach: int
    between: frozenset[str]
    doers: frozenset[str]
    neglect: tuple[tuple[str, ...], ...]
    rows: frozenset[int]
    offers: int
    neglect_offers: int


def _personal_care(synonyms: dict, number_of: Callable[[str], int]) -> Optional[_PersonalCare]:
    """The synonyms file's `personal_care`; None where the file has none (search_tables.check_personal_care checked it)."""
    data, read = synonyms.get("personal_care"), TableReader(normalise, number_of)
    if not data:
        return None
    return _PersonalCare(
        read.words(data["acts"]),
        read.words(data["not_after"]),
        read.words(data["chores"]),
        int(data["reach"]),
        read.words(data["between"]),
        read.words(data["doers"]),
        read.phrases(data["neglect"]),
        read.rows(data["rows"]),
        number_of(data["offers"]),
        number_of(data["neglect_offers"]),
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
    objects: frozenset[str] = frozenset()  # fix25b: this reading's own everyday nouns after a verb ("touch VEGETABLES")
    before: frozenset[str] = frozenset()  # fix25b: ...and just before it ("a WATER fight", "hide and SEEK in the dark")
    near: frozenset[str] = frozenset()  # fix25b: ...and anywhere within `reach` of it ("SOAKED jumping in PUDDLES")


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
                single(r.get("objects") or []),
                single(r.get("before") or []),
                single(r.get("near") or []),
            )
            for r in data["readings"]
        ),
    )


class SenseReadings:
    """The readings of what a call's words mean (composed into SearchIndex): a row named in so many words
    (_named_rows_below), a fact the words do not say (_unsaid_facts_below), a fact turned round
    (_turned_facts_below), an everyday sense of a concern's word (_everyday_senses_below), and words read
    as said or as meant (_said_plainly_last, _as_meant). Each method is typed on SearchIndex (`self:
    SearchIndex`), whose __init__ declares the tables and attributes they read, so mypy checks each body
    against the real index; mypy wants a self type to be a supertype of the class, hence the
    `type: ignore[misc]` on each `def` line (that check alone: the bodies are still checked).
    """

    def _named_readings(self: SearchIndex, words: list[str], stems: list[str], typing: bool) -> list[tuple[_NamedReading, list[set[int]], frozenset[int]]]:  # type: ignore[misc]
        """The synonyms file's `named_rows` readings the call makes (fix21q; _named_rows_below): each with the places of
        its `said` groups and its rows the call does not name (one word of each group of the row's `words`, read as a
        `core` is, the reading's own phrases not counted). Read from the words alone, before any ranking. A reading with
        `named_rows.unless` phrases is not made where one is said anywhere in the call, as written (fix36a: the
        family's poverty said beside "no food in the house" is the poverty rows' call, not the diet row's lead)."""
        out = []
        for reading in self.named_rows:
            said = [{i + k for p in group for i in _phrase_at(p, stems) for k in range(len(p))} for group in reading.said]
            if not all(said):
                continue
            if reading.apart and not self._named_together(reading.apart, words, said):
                continue
            # fix36a: the call says the other cause (`named_rows.unless`, as written: "destitute", "no money")
            if any(_phrase_at(p, stems) for p in reading.unless):
                continue
            taken = set().union(*said)
            rest_w = [w for i, w in enumerate(words) if i not in taken]
            rest_s = [s for i, s in enumerate(stems) if i not in taken]
            # the word being typed is the call's last: where the reading's own phrase is, the word left last is finished
            # ("risk of fgm": "of" is no "offender" on its way; review 22)
            being_typed = typing and len(words) - 1 not in taken
            reading = self._named_subject_own(reading, words, said, taken)  # fix23a: the child's own belief, not an adult's branding
            unnamed = frozenset(n for n in reading.rows if not all(self._says_core(g, rest_w, rest_s, being_typed) for g in self.named_words[n]))
            out.append((reading, said, unnamed))
        return out

    def _named_together(self: SearchIndex, apart: frozenset[str], words: list[str], said: list[set[int]]) -> bool:  # type: ignore[misc]
        """Whether a `named_rows` reading's first two groups are said of one person (fix29d; `named_rows.apart`): a
        place of the first and a place of the second with none of `apart` between them ("dad drove the kids home
        steaming drunk"; not "dad was drunk so mum drove the kids")."""
        return any(not apart.intersection(words[min(i, j) + 1 : max(i, j)]) for i in said[0] for j in said[1])

    def _named_subject_own(self: SearchIndex, reading: _NamedReading, words: list[str], said: list[set[int]], taken: set[int]) -> _NamedReading:  # type: ignore[misc]
        """Whose belief it is (fix23a; the synonyms file's `named_subject`, this tool's reading, declared there): a
        `named_rows` reading listed there, its first phrase said as the child's own belief, fear or experience ("my son
        thinks he is possessed", "she believes she is a witch", "he says he hears evil spirits"), is read as its `own`
        variant (the child's own mental health rows, p13-16), not as harm done in the belief's name. Own: one of
        `holders` (the child: "he", "my son", "she", "i"), then one of `verbs` ("thinks", "believes", "hears"), the
        first phrase at most `reach` words after the verb, every person word between them the holder's own ("he
        thinks he"; not "mum thinks she", nor "she thinks he"), and none of `others` (an adult, a faith leader, "they")
        said anywhere outside the reading's own phrases: "the pastor says he is possessed", "she thinks she is a
        witch because mum says so" stay the reading's (p9 leads). Otherwise the reading as it is."""
        own_of = self.named_subject.variants.get(reading)
        if own_of is None:
            return reading
        ns = self.named_subject
        if any(w in ns.others for i, w in enumerate(words) if i not in taken):
            return reading
        starts = [i for i in said[0] if i - 1 not in said[0]]
        for start in starts:
            for v in range(max(0, start - ns.reach - 1), start):
                if words[v] not in ns.verbs:
                    continue
                h = v - 1
                while h >= 0 and words[h] in ns.fillers:
                    h -= 1
                group = next((g for g in ns.holders if h >= 0 and words[h] in g), None)
                if group is None:
                    continue
                persons = [w for w in words[v + 1 : start] if any(w in g for g in ns.holders)]
                if all(w in group for w in persons):
                    return own_of
        return reading

    def _record_moved_below(self: SearchIndex, c: _Call, rows: Iterable[int]) -> None:  # type: ignore[misc]
        """Record rows a reading moved below in the call's per-call sets, so later steps' fills keep them out: rows that
        are no p9 criterion in `c.turned_out` (stop 54's merge), p9 rows in `c.p9_out` (fix41a, stop 56). One place
        for the four readings that move rows (turned and unsaid facts, the everyday senses, `named_rows`)."""
        for n in rows:
            (c.p9_out if self.entries[n].indicator.immediate else c.turned_out).add(n)

    def _p9_newcomer_said(self: SearchIndex, n: int, c: _Call, lifted: set[int]) -> bool:  # type: ignore[misc]
        """fix41a (stop 56; docs/adviser.md "Search41a", Search55m's class): whether row n may rise into a place a
        `named_rows` reading left (_named_rows_below's fill). Any row that is no p9 criterion may (as before). A p9 row
        may where a reading the call makes lifts it (its `leads` or `offers`: fix40b's carer who will not wake), or,
        unless an earlier reading moved it below (`c.p9_out`: a handover's "left"), where the call says its own words
        (`named_rows.words`, every group) as written (_says_exactly: no words table, no typo, no completion; a rule
        that lifts a row reads strictly). Word matching's and the learned model's closeness alone lifts no p9 row
        there: "the neighbours dog bit him on the leg" (p9 harm on no word), "he watches tiktok with his friends at
        lunch" (p9 disclosure on "tiktok"), "left her with her nan for the weekend" (p9 home alone on "left")."""
        if not self.entries[n].indicator.immediate or n in lifted:
            return True
        groups = self.named_words.get(n)
        if not groups or n in c.p9_out:
            return False
        return all(_says_exactly(g, c.stems) for g in groups)

    def _named_rows_below(self: SearchIndex, c: _Call) -> None:  # type: ignore[misc]
        """Who the words are about, and what they name (fix21q, review 21 N4, N5, N7-N11; the synonyms file's
        `named_rows`, this tool's reading, declared there). Each reading whose `said` is said (one phrase of each
        group, in order) moves its `rows` out of the first three where the call does not name them: one word of each
        group of the row's `words`, read as a `core` is (generous: the words table, a typo, a word being typed), the
        reading's own phrases not counted ("no DV" names no violence, "sex offender" no child's sexual activity).
        A row moved goes just below the first three (with every other row of the reading not named: none rises into
        them), in its order: still offered, no longer in sight first. Then
        the reading's `leads` takes first place (_lead_with: an immediate criterion in the first three stays there)
        unless an immediate criterion leads and the lead is none; its `offers`, where a row left, comes into the third place, in place
        of the lowest row there that is no immediate criterion; neither where the first group's phrases are all denied
        ("no concerns about fgm", _denied_positions: a phrase is denied where the denial reaches its first word, so
        "no concerns about female genital mutilation" is denied as "no concerns about fgm" is; review 22). The last step of the search: what it says is what
        the call screen shows. Not for an unborn baby (the unborn answer is a pregnancy)."""
        words, stems, typing, ranked, final, admits = c.words, c.stems, c.typing, c.ranked, c.final, c.admits
        denied = set(_denied_positions(words))
        made = self._named_readings(words, stems, typing)
        in_sight = set(ranked[:KEPT_PLACES])  # fix41a: the first three before any reading of this step moved them
        lifted = {n for reading, _, _ in made for n in (reading.leads, reading.offers) if n is not None}
        for reading, said, unnamed in made:
            # fix41a (stop 56): a reading's own lead never leaves ("its own lead, which it puts first again"): where a p9
            # row first keeps it from leading (_lead_with), it stays where it was ("my daughter went out on her bike at
            # lunchtime and still isn't home" (108): `not_back` moved the missing row below and p9 injuries kept first)
            leaving = (unnamed - {reading.leads}) & set(ranked)
            moved = leaving & set(ranked[:KEPT_PLACES])
            # fix40a (stop 55, "Search54m"'s per-call sets): a row a reading moved below (not p9) does not rise back
            # into a place a later step's words left (_ordinary_call_below: "he stayed at his friend's house last
            # night and we knew where he was" put the missing row back third)
            self._record_moved_below(c, leaving)
            if moved:
                lead_before = ranked[0] if not self.entries[ranked[0]].indicator.immediate else None
                # fix30b: the row `told_alone` held below (c.told_below) does not rise into a place a moved row left;
                # at the merge (stop 55): nor does a row (not p9) an earlier step or reading of this step moved
                # (`c.turned_out`, which the line above fills for this step's readings too: "mum asked about a parenting
                # group for parents of teenagers" had fix31c's teenage parents row back third once fix39a_asking_for
                # moved the relationship row; "he's been
                # watching IS beheading videos" had p17 "Inappropriate sexual behaviour", which the extremist reading
                # moved, back third once fix39a_watching moved "Frozen watchfulness"). A p9 row from below may still
                # rise (safety: holding it lost p9 home alone for "went out on her bike at lunchtime and still isn't
                # home"), so "the neighbours dog bit him on the leg" keeps p9 harm second (left, Search55m)
                staying = [n for n in ranked if n not in leaving and n not in c.told_below and n not in c.turned_out]
                # fix41a (stop 56; Search55m's class): a p9 row from below rises into a place left only where the words
                # support it (_p9_newcomer_said); the others stay below, still offered (where too few rows stay to fill
                # the first three, a row held out above fills them first)
                # ("he watches tiktok with his friends at lunch" (150): p9's disclosure line rose third on "tiktok";
                # "left her with her nan for the weekend" (48): both home-alone rows, on the handover's "left")
                unsaid = {n for n in ranked if n not in in_sight and not self._p9_newcomer_said(n, c, lifted)}
                first = [n for n in staying if n not in unsaid][:KEPT_PLACES]
                c.p9_out |= unsaid  # ...nor into a place a later step leaves (_ordinary_call_below)
                rest = [n for n in ranked if n not in first and n not in unsaid]
                first += rest[: KEPT_PLACES - len(first)]
                # after every other row: a later step's move ("dad is asking where the nearest children's centre is"
                # (12): _above_universal_step) does not lift one into the first three (review 30 s_ap2_centre)
                ranked[:] = first + [n for n in rest if n not in first] + [n for n in ranked if n in unsaid]
                _scores_follow_order(ranked, final)
                # ...and a p9 row does not come to lead where the row that led left: the first other row of the first
                # three leads, the p9 row staying in them (review 12 H6). "she has no marks on her, mum is asking about
                # potty training" (20; fix33d's denial put the relationship row first) led with p9 "Under two ...
                # bruising" once fix39a_asking_for moved that row (at the merge, stop 55)
                if ranked and lead_before is not None and ranked[0] != lead_before and self.entries[ranked[0]].indicator.immediate:
                    other = next((n for n in ranked[:KEPT_PLACES] if not self.entries[n].indicator.immediate), None)
                    if other is not None:
                        self._lead_with(other, ranked, final)
            # "no concerns about fgm": what is denied leads nothing and offers nothing; a phrase is denied where the
            # denial reaches its first word ("no concerns about female genital mutilation": NEGATION_REACH ends at "female")
            if {i for i in said[0] if i - 1 not in said[0]} <= denied:
                continue
            lead = reading.leads
            if lead is not None and admits(lead) and ranked[:1] != [lead]:
                if not (ranked and self.entries[ranked[0]].indicator.immediate and not self.entries[lead].indicator.immediate):
                    final.setdefault(lead, 0.0)
                    self._lead_with(lead, ranked, final)
            offer = reading.offers
            if offer is not None and moved and admits(offer) and offer not in ranked[:KEPT_PLACES]:
                places = [k for k in range(min(len(ranked), KEPT_PLACES)) if not self.entries[ranked[k]].indicator.immediate]
                if len(ranked) < KEPT_PLACES or places:
                    # the offer is not among the first KEPT_PLACES: where it is in the list at all, the list is longer
                    at = len(ranked) if len(ranked) < KEPT_PLACES else places[-1]
                    below = final[ranked[at]] if at < len(ranked) else 0.0
                    self._placed_in_sight(offer, at, round(below, 6) + 1e-6, ranked, final)  # stop 48: S1

    def _unsaid_facts_at(self: SearchIndex, reading: _UnsaidFact, words: list[str], stems: list[str]) -> list[list[int]]:  # type: ignore[misc]
        """Where an `unsaid_facts` reading is said (fix22d; _unsaid_facts_below): the places of each run of one phrase of
        each of its `said` groups, in order, each next phrase starting within `reach` words after the last ends and
        every word between them one of `between`; a reading of one group: each of its phrases wherever said."""
        runs: list[list[int]] = []
        first, *rest = reading.said
        for phrase in first:
            for at in _phrase_at(phrase, stems):
                run = list(range(at, at + len(phrase)))
                for group in rest:
                    end = run[-1] + 1
                    nxt = next(
                        (
                            (k, p)
                            for k in range(end, min(len(words), end + reading.reach + 1))
                            for p in group
                            if tuple(stems[k : k + len(p)]) == p and all(stems[j] in reading.between for j in range(end, k))
                        ),
                        None,
                    )
                    if nxt is None:
                        run = []
                        break
                    run += list(range(nxt[0], nxt[0] + len(nxt[1])))
                if run:
                    runs.append(run)
        return runs

    def _unsaid_facts_below(self: SearchIndex, c: _Call) -> None:  # type: ignore[misc]
        """What an everyday word does not say (fix22d, review 22 N5, N6, N8; review 21 N11's class; the synonyms file's
        `unsaid_facts`, this tool's reading, declared there). Each reading said (_unsaid_facts_at: "kicks the dog",
        "till 4 in the morning", "addicted to TikTok", "broken windows") moves each of its `rows` in the first three
        out of them unless the call names it outside the reading's own words: one phrase of each of the row's groups,
        read as a `core` is (_says_core: generous, the words table, a typo, a word being typed). A row moved goes just
        below the first three, in its order (with the reading's other rows not named: none rises into them): still
        offered, no longer in sight first. The reading's `offers` (no immediate criterion) take the places the rows
        left, highest first, where none of `doers` is said within `doer_reach` words before a run ("dad kicks the
        dog" offers no child's behaviour row). Read before _named_rows_below; not for an unborn baby."""
        words, stems, typing, ranked, final, admits = c.words, c.stems, c.typing, c.ranked, c.final, c.admits
        below: set[int] = set()  # the rows every reading so far moved: none rises into the first three again
        for reading in self.unsaid_facts:
            runs = self._unsaid_facts_at(reading, words, stems)
            if not runs:
                continue
            taken = {i for run in runs for i in run}
            rest_w = [w for i, w in enumerate(words) if i not in taken]
            rest_s = [s for i, s in enumerate(stems) if i not in taken]
            unglued = ages_unglued(rest_w)  # fix29a: "a 30yo" says the age "a 30 year old" does
            if unglued != rest_w:
                rest_w, rest_s = unglued, [stem(w) for w in unglued]
            leaving = {n for n, groups in reading.rows.items() if n in final and not all(self._says_core(g, rest_w, rest_s, typing) for g in groups)}
            places = [k for k, n in enumerate(ranked[:KEPT_PLACES]) if n in leaving]
            if not places:
                continue
            below |= leaving
            seen = set(ranked[:KEPT_PLACES])
            doer = any(words[j] in reading.doers for run in runs for j in range(max(0, run[0] - reading.doer_reach), run[0]))
            offers = [] if doer else [n for n in reading.offers if admits(n) and n not in seen and n not in below]

            # ...and a place a row left is taken by a Protection need out of sight before only where no lower row can take it
            # (it rests on the same everyday words); an immediate criterion (p9) rises as it would, but for a reading of
            # `holds_p9` (fix29b: family news or a need met is no concern; a p9 row already in the first three stays).
            # A row an earlier reading took out of sight (`c.hidden`: another child's pregnancy, fix37d; a pregnancy row
            # her said age is not under, fix28b) rises last (at the merge, stop 54: fix37a's `fix37a_own_pregnancy` left a
            # place that "Pregnant under 16" took back for "she's sixteen and expecting")
            def held(n: int) -> bool:
                return n not in seen and (self._out_of_sight_protection(n) or (reading.holds_p9 and self.entries[n].indicator.immediate) or n in c.hidden)

            own = {words[i] for i in taken}

            def said_outside(n: int) -> bool:
                return any(w not in own for label in c.matched.get(n, ()) for w in label.split())

            keep = [n for n in ranked if n not in below and n not in offers]
            keep = [n for n in keep if not held(n)] + [n for n in keep if held(n)]
            first: list[int] = []
            for k in range(KEPT_PLACES):
                # fix29b: an `offers_after_said` reading's offer (a row the words do not state) takes a place only ahead of a
                # row no word matched (the learned model's alone): "mum is pregnant and drinking every day" keeps the
                # drinking row ahead of it
                # fix31c: a word of the reading's own run is no word said for it ("form" of "at sixth form": poverty's typo)
                if k in places and offers and not (reading.offers_after_said and keep and said_outside(keep[0])):
                    first.append(offers.pop(0))
                elif keep:
                    first.append(keep.pop(0))
            for n in first:
                final.setdefault(n, 0.0)
            ranked[:] = first + [n for n in ranked if n not in first]
            _scores_follow_order(ranked, final)
        # at the merge (stop 55): the rows moved here (not p9) do not rise into a place a later step's words leave
        # (_ordinary_call_below: "she is in sixth form doing three a levels" (208; fix31c) led with "Not in
        # employment, education or training", which fix31c's reading moved, once fix39a_school_subject took "a levels")
        self._record_moved_below(c, below)

    def _everyday_senses_at(self: SearchIndex, words: list[str]) -> tuple[set[int], Optional[frozenset[int]]]:  # type: ignore[misc]
        """Where the words say a concern word in its everyday sense (fix23b; the synonyms file's `everyday_senses`,
        declared there): the places of those words, and the rows such a reading may move (None: any). A reading is not
        made where any of its `concern` is said in the call. Its `said` phrases wherever said; each of its `verbs`
        whose object (the first word after it that is none of `between`, within `reach`) is one of `things`, and no
        person is aimed at after it (one of `persons` just after one of `aimed`, within `reach`: "hit the ball at the
        baby"), or a `games` phrase starts within `reach` after it ("beat his brother at chess"). A person or
        `property` as its object ("kicked the door in") is never an everyday sense."""
        es = self.everyday_senses
        at: set[int] = set()
        rows: Optional[set[int]] = set()
        if es is None:
            return at, None
        for r in es.readings:
            if any(_phrase_at(p, words) for p in r.concern):
                continue
            found = {i + k for p in r.said for i in _phrase_at(p, words) for k in range(len(p))}
            for i, w in enumerate(words):
                if w not in r.verbs:
                    continue
                end = min(len(words), i + 1 + es.reach)
                game = next((j + k for j in range(i + 1, end) for p in r.games if tuple(words[j : j + len(p)]) == p for k in range(len(p))), None)
                if game is not None:
                    found |= {i, game}
                    continue
                obj = next((j for j in range(i + 1, end) if words[j] not in es.between), None)
                if obj is None or words[obj] not in es.things or any(_phrase_at(p, words[obj : obj + len(p)]) for p in es.property):
                    continue
                aimed = any(
                    words[k] in es.persons and any(words[m] in es.aimed for m in range(max(obj + 1, k - 2), k))
                    for k in range(obj + 1, min(len(words), obj + 1 + es.reach))
                )
                if not aimed:
                    found |= {i, obj}
                    # fix23e: a second thing the first goes into or onto ("cracked an egg into the pan") is as said
                    k = obj + 1
                    while k < min(len(words), obj + 1 + es.reach) and (words[k] in es.between or words[k] in es.aimed):
                        k += 1
                    if k < len(words) and k > obj + 1 and words[k] in es.things:
                        found.add(k)
            found |= self._own_objects_at(r, words)
            if found:
                at |= found
                rows = None if rows is None or r.rows is None else rows | r.rows
        return at, (None if rows is None else frozenset(rows))

    def _own_objects_at(self: SearchIndex, r: _EverydaySense, words: list[str]) -> set[int]:  # type: ignore[misc]
        """fix25b (review 25 Q4): a reading's verb whose object (the first word after it that is none of `between` nor
        `aimed`, within `reach`) is one of the reading's own `objects` ("won't touch any VEGETABLES", "rides her PONY",
        "NIGHT fishing"), whose nearest word before it (the same words skipped) is one of its `before` ("a WATER
        fight", "hide and SEEK in the dark"), or with one of its `near` within `reach` either side ("SOAKED jumping in
        PUDDLES", "a WATER fight and he came home SOAKED"): the places of the verb and those nouns. Only this reading's verbs read them:
        its nouns are no `things` of another reading ("hit the pony" is not read)."""
        es = self.everyday_senses
        assert es is not None
        skip = es.between | es.aimed
        found: set[int] = set()
        for i, w in enumerate(words):
            if w not in r.verbs:
                continue
            j = i + 1
            while j < min(len(words), i + 1 + es.reach) and words[j] in skip:
                j += 1
            # fix28c: a person before the object is its owner, not the object ("shook the baby's RATTLE"): read past it
            if j + 1 < min(len(words), i + 1 + es.reach) and words[j] in es.persons and words[j + 1] in r.objects:
                j += 1
            if j < min(len(words), i + 1 + es.reach) and words[j] in r.objects:
                found |= {i, j}
                # fix28c: the object's own nouns after it are its ("watches GAMING VIDEOS", "a TOY RATTLE")
                k = j + 1
                while k < len(words) and words[k] in r.objects:
                    found.add(k)
                    k += 1
            k = i - 1
            while k > max(-1, i - 1 - es.reach) and words[k] in skip:
                k -= 1
            if k > max(-1, i - 1 - es.reach) and words[k] in r.before:
                found |= {i, k}
            close = [m for m in range(max(0, i - es.reach), min(len(words), i + 1 + es.reach)) if words[m] in r.near]
            if close:
                found |= {i, *close}
        return found

    def _everyday_senses_below(self: SearchIndex, c: _Call) -> None:  # type: ignore[misc]
        """A concern word said in its everyday sense (fix23b; _everyday_senses_at: "the crack of dawn", "a pot noodle",
        "burned the toast") stops only the rows it alone reached from being offered in the first three. The call is
        read again without those words (a whole search, so every reading holds); a row of the first three leaves them
        (just below, still offered; an immediate criterion too) where it is among the rows the reading may move, none of
        the call's other words matched it, and the call read without them does not offer it in its first three. A row
        another word supports stays, and so does a p9 row any other word of the call matched. The rows earlier steps
        held out of the first three stay out. fix23e: where the words left are plain or none ("the kids went" of "the
        kids went ice skating"), a p9 row or Protection need leaves too; where too few rows stay to fill the first three,
        a lower row that left fills before a p9 row or Protection need; and where every row rests on the everyday words
        and the call read without them offers nothing ("she burned the toast" is "she"), nothing is offered, as for the
        call read without them (a reading bounded to its `rows` never empties the answer). Read after _said_plainly_last,
        before _unsaid_facts_below."""
        words, ranked, final, matched = c.words, c.ranked, c.final, c.matched
        if self.everyday_senses is None or not ranked:
            return
        at, rows = self._everyday_senses_at(words)
        # senses24: the same everyday senses read from the sentence's structure (an outing, a comparative of kin, ...)
        more, more_rows, unsaid = search_structures.everyday_structures_at(self.everyday_structures, words, c.age_in_months)
        if more:
            rows = None if rows is None or more_rows is None else rows | more_rows
            at = at | more
        if not at:
            return
        again = self._read_without(c, at)
        kept_words, rest, rest_stems, without = set(again.rest), again.rest, again.rest_stems, again.offers
        # fix23e: where the words left are plain or none ("the kids went", "she"), no p9 or Protection row rests on them
        plain = not any(s in WORRY or w.isdigit() or not _stop(w, s) for w, s in zip(rest, rest_stems)) or self._only_plain(rest, rest_stems)
        leaving = {n for n in ranked if (rows is None or n in rows) and (again.alone(n) or (plain and self._high(n)) or self._on_persons(c, n, again, at))}

        def matched_elsewhere(n: int) -> bool:
            return any(w in kept_words for label in matched.get(n, ()) for w in label.split())

        first = ranked[:KEPT_PLACES]
        if more:
            # senses24: the structure says the words' everyday sense; a row of the first three the call read without
            # them does not offer in its first three leaves too, though another word matched it weakly
            reached = {n for n in ranked if any(w not in kept_words for label in matched.get(n, ()) for w in label.split())}
            # fix32a (review 31 K2): a home-alone row that rests on a possessive "own" ("before she had her own
            # children") leaves though another word reached it weakly ("foster", read as "looked after"): the row's
            # word is "alone", which a possessive never says, and the call read without "own" does not offer it
            st = self.everyday_structures
            owned = st.home_alone_rows if st is not None and search_structures.possessive_own(st, words) else frozenset()
            leaving |= search_structures.not_in_first_three(
                [n for n in ranked if n in reached and (n in owned or not (self.entries[n].indicator.immediate and matched_elsewhere(n)))],
                rows,
                again.offers,
                lambda n: self.entries[n].indicator.id,
            )  # senses25: a p9 row another word of the call matched stays ("the older ones are hitting the baby")
            leaving |= unsaid.intersection(ranked[:KEPT_PLACES])
        if leaving.isdisjoint(ranked[:KEPT_PLACES]):
            return
        if not [n for n in ranked if n not in leaving] and not without and rows is None:
            # fix23e: nothing but the everyday sense was said ("she burned the toast"): the call answers as it does
            # read without those words, with nothing (as "she" alone does); the practitioner chooses from the list
            ranked.clear()
            return
        held = {n for n in c.withheld if n not in ranked[:KEPT_PLACES]}
        moved = leaving | held
        self._out_of_sight(moved, ranked, final, frozenset(n for n in moved if self.entries[n].indicator.immediate))
        # fix23e: too few rows stayed to fill the first three: a row that left fills them before one the everyday words
        # themselves matched ("coke": the alcohol row), and a lower row before a p9 row or Protection need
        pulled = {n for n in moved if any(w not in kept_words for label in matched.get(n, ()) for w in label.split())}
        for rows_last in (pulled, {n for n in moved if self._high(n)}):
            if not rows_last.isdisjoint(ranked[:KEPT_PLACES]):
                self._out_of_sight(rows_last, ranked, final, frozenset(n for n in rows_last if self.entries[n].indicator.immediate))
        # senses25: the structure's reading takes rows out and lifts none in: a p9 row or Protection need below the
        # first three does not rise into a place it emptied (word matching alone and the blend would lift different
        # rows, and review 8 S1's kept rule compares them); the next row that is neither fills it
        out = set(moved)
        while (more or rows is not None) and (risen := {n for n in ranked[:KEPT_PLACES] if n not in first and n not in out and self._high(n)}):
            out |= risen
            self._out_of_sight(out, ranked, final, frozenset(n for n in out if self.entries[n].indicator.immediate))
        # at the merge (stop 55): the rows moved here (not p9) do not rise into a place a later reading leaves
        # (_named_rows_below: "mum asked about a parenting group for parents of teenagers" (158; fix31c) had "Teenage
        # parents" back third once fix39a_asking_for moved the relationship row)
        self._record_moved_below(c, out)

    def _on_persons(self: SearchIndex, c: _Call, n: int, again: _ReadWithout, at: set[int]) -> bool:  # type: ignore[misc]
        """fix28c (review 27 Q12): row `n` rests on the everyday words and, besides them, only on words naming a person
        (`everyday_senses.persons`: "baby", "child"): a person said is no concern ("mum shook the RATTLE over the cot and
        the BABY giggled": p9's harm row matched "shook" and "baby"). It leaves as a row the everyday words alone reached
        does: the call read without them does not offer it in its first three, and one of its words was theirs."""
        es = self.everyday_senses
        assert es is not None
        if self.entries[n].indicator.id in again.offers:
            return False
        said = {w for label in c.matched.get(n, ()) for w in label.split()}
        ours = {c.words[i] for i in at}
        kept = set(again.rest)
        return bool(said & ours) and all(w in es.persons or w not in kept for w in said)

    def _read_without(self: SearchIndex, c: _Call, at: set[int]) -> _ReadWithout:  # type: ignore[misc]
        """The call read again without the words at `at` (a whole search, so every reading holds): what
        _everyday_senses_below (fix23b/e) and _ordinary_call_below (fix24b) move rows by. A row rests on those words
        alone (`alone`) where the call read without them does not offer it in its first three and none of its match's
        words is a word left; nothing is offered for the words left where none is left or their search offers none."""
        rest = [w for i, w in enumerate(c.words) if i not in at]
        rest_stems = [s for i, s in enumerate(c.stems) if i not in at]
        again = self.search(" ".join(rest), age_in_months=c.age_in_months, limit=KEPT_PLACES, finished=True) if rest else []
        offers = frozenset(h.indicator.id for h in again)
        kept_words, matched = set(rest), c.matched

        def alone(n: int) -> bool:
            return self.entries[n].indicator.id not in offers and not any(w in kept_words for label in matched.get(n, ()) for w in label.split())

        return _ReadWithout(rest, rest_stems, offers, alone)

    def _turned_runs(self: SearchIndex, t: _TurnedFact, words: list[str], stems: list[str]) -> list[list[int]]:  # type: ignore[misc]
        """Where a `turned_facts` reading is said (fix23d): its runs (_unsaid_facts_at) with none of `not_before` within
        `not_before_reach` words before the run and none of `not_after` within `not_after_reach` words after it."""

        def near(phrases: tuple[tuple[str, ...], ...], start: int, end: int) -> bool:
            return any(tuple(words[k : k + len(p)]) == p for p in phrases for k in range(max(0, start), min(len(words), end)))

        name = next((self.turned_names[k] for k, u in enumerate(self.turned_facts) if u is t and k < len(self.turned_names)), "")
        shaped = [r for r in self.turned_words if r.reading == name]  # fix24a: the reading said in other words
        denied = set(self._denials(words, stems)) if any(r.shape == "denial" for r in shaped) else set()
        said = self._unsaid_facts_at(t.fact, words, stems) + [run for r in shaped for run in search_turned_words.runs(r, words, denied, DENYING)]
        return [
            run
            for run in said
            if not near(t.not_before, run[0] - t.not_before_reach, run[0]) and not near(t.not_after, run[-1] + 1, run[-1] + 1 + t.not_after_reach)
        ]

    def _unsaid_rows(self: SearchIndex, c: _Call) -> set[int]:  # type: ignore[misc]
        """The rows `unsaid_facts` readings said in the call do not name (as _unsaid_facts_below reads them, which ran
        before): _turned_facts_below brings none of them back into the first three (fix23d)."""
        out: set[int] = set()
        for reading in self.unsaid_facts:
            taken = {i for run in self._unsaid_facts_at(reading, c.words, c.stems) for i in run}
            if taken:
                rest_w = [w for i, w in enumerate(c.words) if i not in taken]
                rest_s = [s for i, s in enumerate(c.stems) if i not in taken]
                out |= {n for n, groups in reading.rows.items() if n in c.final and not all(self._says_core(g, rest_w, rest_s, c.typing) for g in groups)}
        return out

    def _turned_facts_below(self: SearchIndex, c: _Call) -> None:  # type: ignore[misc]
        """A harm word whose subject or sense turns the fact round (fix23d, review 23 N3, N4, N5; the synonyms file's
        `turned_facts`, this tool's reading, declared there): a denial ("he's not being hit", "nobody touches her", "was
        not left alone"), a parent's own childhood ("dad was beaten by his own father") or crisis ("mum took an
        overdose", "admitted to a psychiatric ward"), the child's own violence ("he punched his dad", "kept in at
        playtime for hitting"). Each reading said (_turned_runs) moves each of its `rows` in the first three just below
        them unless the call names the row outside the reading's words (_says_core: generous). The readings' `offers`
        (no immediate criterion) take the places left, never above a p9 row still in the first three: still offered,
        the rows moved are no longer in sight first; a p9 row the words do not turn never moves. Not for an unborn baby."""
        words, stems, ranked, final = c.words, c.stems, c.ranked, c.final
        top = ranked[:KEPT_PLACES]
        leaving: set[int] = set()
        not_first: set[int] = set()  # p9 rows a reading that `keeps_p9_in_sight` turns: below the first row only (H6)
        first_offers: list[int] = []  # ...and that reading's offers, for the first row
        offers: list[int] = []
        for t in self.turned_facts:
            runs = self._turned_runs(t, words, stems)
            if not runs:
                continue
            taken = {i for run in runs for i in run}
            rest_w = [w for i, w in enumerate(words) if i not in taken]
            rest_s = [s for i, s in enumerate(stems) if i not in taken]
            out = {n for n, groups in t.fact.rows.items() if n in final and not all(self._says_core(g, rest_w, rest_s, c.typing) for g in groups)}
            if t.keeps_p9_in_sight:
                turned = {n for n in out if self.entries[n].indicator.immediate}
                not_first |= turned
                if turned & set(top):
                    first_offers += [n for n in t.fact.offers if n not in first_offers]
                out = {n for n in out if not self.entries[n].indicator.immediate}
            if out & set(top):  # the rows not named move from the first three, and none of them rises into them
                leaving |= out
                offers += [n for n in t.fact.offers if n not in offers]
        not_first -= leaving
        if not leaving:
            self._not_first(not_first, ranked, final, [n for n in first_offers if c.admits(n) and n not in c.withheld])
            return
        self._record_moved_below(c, leaving)  # at the merge, stop 54
        barred = leaving | self._unsaid_rows(c)  # ...nor any row the everyday words' reading moved before (fix22d)
        offers = [n for n in offers if c.admits(n) and n not in top and n not in c.withheld and n not in barred]
        offered = set(offers)
        keep = [n for n in ranked if (n in top or n not in barred) and n not in leaving and n not in offered]
        # a place left is taken by a Protection need out of sight only where no lower row can take it (as _unsaid_facts_below)
        keep = [n for n in keep if n in top or not self._out_of_sight_protection(n)] + [n for n in keep if n not in top and self._out_of_sight_protection(n)]
        first: list[int] = []
        for k in range(KEPT_PLACES):
            if top[k] in leaving and offers:
                first.append(offers.pop(0))
            elif keep:
                first.append(keep.pop(0))
        order: list[int] = []  # an offer never above a p9 row still in sight (safety first)
        waiting: list[int] = []
        for n in first:
            if n in offered:
                waiting.append(n)
            elif self.entries[n].indicator.immediate:
                order.append(n)
            else:
                order += waiting + [n]
                waiting = []
        order += waiting
        for n in order:
            final.setdefault(n, 0.0)
        ranked[:] = order + [n for n in ranked if n not in order]
        _scores_follow_order(ranked, final)
        self._not_first(not_first, ranked, final, [n for n in first_offers if c.admits(n) and n not in c.withheld])

    def _regional_plainly(self: SearchIndex, words: list[str]) -> list[str]:  # type: ignore[misc]
        """The Nottingham words read as what they mean (fix20d, review 20 N8; `said_plainly.regional`): "nesh" is "feels
        the cold", "mi duck" a greeting (left out)."""
        sp = self.said_plainly
        if sp is None:
            return words
        for said, meant in sp.regional:
            if said[0] not in words:
                continue
            at = _phrase_at(said, words)
            for i in reversed(at):
                words = [*words[:i], *meant, *words[i + len(said) :]]
        return words

    def _as_meant(self: SearchIndex, words: list[str]) -> list[str]:  # type: ignore[misc]
        """The call's words with the synonyms file's `said_as_meant` read as meant (fix22b, review 22 N7; this tool's
        reading, declared there), before anything else reads them: a phrase for drunk or high said of someone's state
        ("mum's off her face", "his mum's always mashed", "dad gets smashed") read as `intoxicated.read_as`, not where
        an object follows it ("smashed the window") or no person is its subject ("her face was smashed" is read as
        said); "dead" right before a word of `very.before` ("dead mardy", "dead tired") read as `very.read_as`
        (left out); each phrase of `plain` ("skriking", "a cob") read as what it means."""
        table = self.as_meant
        if table is None:
            return words
        for said, meant in table.plain:
            for i in reversed(_phrase_at(said, words)):
                words = [*words[:i], *meant, *words[i + len(said) :]]
        very = [i for i, w in enumerate(words[:-1]) if w in table.very and words[i + 1] in table.very_before]
        for i in reversed(very):  # "dead mardy": "dead" read as very_read_as (nothing)
            words = [*words[:i], *table.very_read_as, *words[i + 1 :]]
        for i in reversed([i for i, w in enumerate(words) if self._struck_at(words, i)]):  # fix29a: "smashed mum's head"
            words = [*words[:i], *table.struck.read_as, *words[i + 1 :]]  # type: ignore[union-attr]
        for said in table.intoxicated:
            for i in reversed(_phrase_at(said, words)):
                if self._in_a_state(words, i, i + len(said)):
                    words = [*words[:i], *table.read_as, *words[i + len(said) :]]
        if table.high is not None:  # Search52: "he's always baked", "she turned up zooted"
            for said in table.high.phrases:
                for i in reversed(_phrase_at(said, words)):
                    if self._high_at(words, i, i + len(said)):
                        words = [*words[:i], *table.high.read_as, *words[i + len(said) :]]
        if table.unwell is not None:  # fix32a: "mum's been on a downer", "dad's gone doolally"
            for said, meant in table.unwell.read:
                for i in reversed(_phrase_at(said, words)):
                    if self._unwell_at(words, i, i + len(said)):
                        words = [*words[:i], *meant, *words[i + len(said) :]]
        return words

    def _high_at(self: SearchIndex, words: list[str], start: int, end: int) -> bool:  # type: ignore[misc]
        """Search52 (review 32 Q5; the synonyms file's `said_as_meant.high`, this tool's reading, declared there):
        whether the drug slang from `start` to `end` ("baked", "blazed") is said of someone's state: a person before
        it (`intoxicated.subjects`) past adverbs and be/get verbs, no object after it (`intoxicated.objects`) but one of
        `high.still_after` ("mum is baked ALL DAY"), and where no be/get verb is said (the search drops "'s"), the
        call's end or one of `high.after` next ("he's baked BEFORE school"; "we baked cookies" is baking); a phrase of
        `high.alone` ("zooted": no everyday sense) needs no person or verb before it, only no object after it. "she
        baked a cake", "the potatoes were baked", "blazed a trail" are read as said. fix37b (review 34 K3): a phrase of
        `high.strict` ("high") needs the call's end or one of `high.after` or `high.still_after` next even after a be/get
        verb ("dad is high", "mum being high all the time", "when he is high"; not "she is high functioning", "dad is
        high risk", "she was high up on the climbing frame", "the kite was flying high": no person before it)."""
        table = self.as_meant
        assert table is not None and table.high is not None
        hi = table.high
        still = any(words[end : end + len(p)] == list(p) for p in hi.still_after)
        object_after = end < len(words) and words[end] in table.objects and not still  # "mum is baked all day"
        if object_after:
            return False
        if tuple(words[start:end]) in hi.alone:
            return True
        person, verb = self._state_subject(words, start)
        ends = end == len(words) or words[end] in hi.after or still
        if tuple(words[start:end]) in hi.strict:
            return person and ends
        return person and (verb or ends)

    def _unwell_at(self: SearchIndex, words: list[str], start: int, end: int) -> bool:  # type: ignore[misc]
        """fix32a (review 31 Q3, safety; the synonyms file's `said_as_meant.unwell`, this tool's reading, declared
        there): whether the slang phrase from `start` to `end` ("on a downer", "gone doolally", "lost the plot") is said
        of someone's state, as `intoxicated` is (_in_a_state: a person before it, past be/get verbs, adverbs and
        `unwell.between`; no object after it), and is not its everyday sense: not right before one of `not_before`
        ("lost the plot AT the football", "cracking up LAUGHING", "in a dark place IN the woods") unless one of
        `still_after` follows ("in a dark place AT THE MOMENT"); a phrase of `alone` (no everyday sense: "doolally") needs no
        person before it. Read strictly as written: only the file's phrases."""
        table = self.as_meant
        assert table is not None and table.unwell is not None
        uw = table.unwell
        if end < len(words) and words[end] in table.objects:
            return False
        if end < len(words) and words[end] in uw.not_before and not any(words[end : end + len(p)] == list(p) for p in uw.still_after):
            return False
        if tuple(words[start:end]) in uw.alone:
            return True
        return self._state_subject(words, start, uw.between)[0]

    def _struck_at(self: SearchIndex, words: list[str], i: int) -> bool:  # type: ignore[misc]
        """fix29a (review 28 Q3; the synonyms file's `said_as_meant.struck`, this tool's reading, declared there): the
        word at i is one of `words` ("smashed", "hammered", "battered") said as a blow: not after a be/get verb
        (`intoxicated.before`, past its adverbs: "he got smashed", "dad is smashed" are a state), and its object a
        person or a body part: past at most `reach` of `between` ("the", "his", "little"), one of `body` ("her face",
        "mum's head"), or one of `persons` ("him", "mum", "her") with the call's end, a body part or one of `after`
        ("against", "in front of") next; "smashed her phone", "smashed the window" are read as said."""
        table = self.as_meant
        st = table.struck if table is not None else None
        if table is None or st is None or words[i] not in st.words:
            return False
        k = i - 1
        while k >= 0 and words[k] in table.adverbs:
            k -= 1
        if k >= 0 and words[k] in table.before:
            return False
        for j in range(i + 1, min(len(words), i + 2 + st.reach)):
            w = words[j]
            if w in st.body:
                return True
            if w in st.persons and (j + 1 == len(words) or words[j + 1] in st.body or words[j + 1] in st.after):
                return True
            if w not in st.between:
                return False
        return False

    def _in_a_state(self: SearchIndex, words: list[str], start: int, end: int) -> bool:  # type: ignore[misc]
        """Whether the words from `start` to `end` (a phrase of `said_as_meant.intoxicated`) are said of someone's
        state (_as_meant): no object right after them, and before them, past adverbs and be/get verbs, a person (one
        of `subjects`) who is not the object of one of `not_after` ("leave mum out of it"). fix37b (review 34 K3, mut34's
        probe): after a phrase of several words said of a carer (one of the subject reading's `parents`), "on" names what
        was taken, no object ("mum was off her face ON something again last night", "dad was off his face on pills"); a
        one-word phrase before "on" is read as said ("wasted on sweets"), and so is a child's or another's ("my son is
        off his face on spice ... looking after a 5 month old": the labelled call's under-1 row leads as before)."""
        table = self.as_meant
        assert table is not None
        if end < len(words) and words[end] in table.objects and not (end - start > 1 and words[end] == "on" and self._state_carer(words, start)):
            return False
        return self._state_subject(words, start)[0]

    def _state_carer(self: SearchIndex, words: list[str], start: int) -> bool:  # type: ignore[misc]
        """fix37b: whether the person before a state's phrase at `start` (past adverbs and be/get verbs, as
        _state_subject reads it) is a carer (the subject reading's `parents`: "mum", "dad", "stepdad")."""
        table = self.as_meant
        assert table is not None
        k = start - 1
        while k >= 0 and (words[k] in table.adverbs or words[k] in table.before or _before_been(words, k)):
            k -= 1
        return k >= 0 and words[k] in self.subject.parents

    def _state_subject(self: SearchIndex, words: list[str], start: int, between: frozenset[str] = frozenset()) -> tuple[bool, bool]:  # type: ignore[misc]
        """What _in_a_state, _unwell_at and _high_at read before a state's phrase at `start`: whether, past adverbs,
        be/get verbs (`intoxicated.adverbs`, `.before`) and `between`, a person (one of `subjects`) is its subject and
        not the object of one of `not_after` ("leave mum out of it"); and whether a be/get verb was said between.
        fix37b (review 34 K3): "has", "have" or "had" just before "been" is crossed too ("dad HAS been on the pop since
        friday"; "mum had mashed potatoes" is no "been")."""
        table = self.as_meant
        assert table is not None
        k, verb = start - 1, False
        while k >= 0 and (words[k] in table.adverbs or words[k] in table.before or words[k] in between or _before_been(words, k)):
            verb = verb or words[k] in table.before
            k -= 1
        return k >= 0 and words[k] in table.subjects and not (k > 0 and words[k - 1] in table.not_after), verb

    def _caring_at(self: SearchIndex, words: list[str], start: int, size: int) -> bool:  # type: ignore[misc]
        """Whether a `looked_after` phrase said at `start` ("is looked after", its stems) says, in place of
        "looked", one of `said_as_meant.caring` ("she is looking after her little brothers"): the child cares for
        someone, is not looked after by the local authority (fix22b, review 22 N10)."""
        return self.as_meant is not None and any(w in self.as_meant.caring for w in words[start : start + size])

    def _said_plainly_last(self: SearchIndex, c: _Call) -> None:  # type: ignore[misc]
        """Words read as said (fix20d, review 20 N6-N10; the synonyms file's `said_plainly`, this tool's readings, declared
        there), last: the child's own pregnancy rows leave the first three where no pregnancy word is said or the child
        is a boy (N9); the adult-risk rows where the risk words are all denied ("no convictions", "not on any
        register": N7); the loss and adult-risk rows matched by kin words alone (N8); with no age entered, the age the
        caller states orders p9's banded lines (N10); and a condition "you" is the subject of is the carer's (N6).

        fix21d: a row leaving the first three gives its place to the next row an earlier reading left where it stood; never
        to one of `held`, the rows the earlier readings put below the first three (_out_of_sight's, _unstated's,
        _told_alone_below's), and never back to `denied_from`, the row a denial took first place from (_denied_first):
        where it would lead again, the denial is read again with the rows gone barred (a lower, undenied row leads, or
        the first three are as the denial left them)."""
        words, ranked, final, matched, unborn, age_in_months = c.words, c.ranked, c.final, c.matched, c.unborn, c.age_in_months
        denied_from, negated = c.denied_from, frozenset(c.negated)
        held = frozenset(n for n in c.hidden if not self.entries[n].indicator.immediate) | c.unstated | c.told_below
        sp = self.said_plainly
        if sp is None or not ranked:
            return

        def immediate(n: int) -> bool:
            return self.entries[n].indicator.immediate

        leaving: set[int] = set()
        leaving |= self._not_pregnant(words, unborn)  # N9
        spans = _phrases_at(sp.denials, words)  # N7
        if spans:
            inside = {k for a, b in spans for k in range(a, b)}
            if not any(w in sp.risk for k, w in enumerate(words) if k not in inside):
                leaving |= sp.risk_rows
                denied = {words[k] for k in inside} - {words[k] for k in range(len(words)) if k not in inside}
                for n in ranked[:KEPT_PLACES]:  # ...and a row the denied words alone brought ("register": a school's)
                    by = {w for label in matched.get(n, ()) for w in label.split()}
                    if by and by <= denied and not immediate(n):
                        leaving.add(n)
        for n in ranked[:KEPT_PLACES]:  # N8
            by = {w for label in matched.get(n, ()) for w in label.split()}
            if n in sp.kin_rows and by and by <= sp.kin_words and by & sp.kin:
                if not immediate(n) or not any(immediate(m) for m in ranked[:KEPT_PLACES] if m != n and m not in sp.kin_rows):
                    leaving.add(n)
        age = age_in_months
        if age is None and not unborn:  # N10
            age = _age_in_words(sp, words)
            if age is not None:
                front = [n for n in ranked if n not in leaving][:KEPT_PLACES]
                out = {n for n in front if immediate(n) and self.entries[n].indicator.age_band and not self._admits(n, False, age)}
                if out and any(immediate(n) for n in front if n not in out):
                    leaving |= out
        if leaving & set(ranked[:KEPT_PLACES]):
            self._leave_sight(words, ranked, final, matched, leaving, held, denied_from, negated)
        if age is not None and age_in_months is None and ranked and immediate(ranked[0]) and not self.entries[ranked[0]].indicator.age_band:
            stems = [stem(w) for w in words]
            unstated = self._unstated(words, stems, False)
            k = next(
                (
                    k
                    for k in range(1, min(KEPT_PLACES, len(ranked)))
                    if immediate(ranked[k]) and self.entries[ranked[k]].indicator.age_band and ranked[k] not in unstated and self._admits(ranked[k], False, age)
                ),
                None,
            )
            if k is not None:
                final[ranked[0]], final[ranked[k]] = final[ranked[k]], final[ranked[0]]
                ranked[0], ranked[k] = ranked[k], ranked[0]
        self._banded_in_sight(c, age)
        self._you_the_carer(words, ranked, final, unborn, age)

    def _banded_in_sight(self: SearchIndex, c: _Call, age: Optional[int]) -> None:  # type: ignore[misc]
        """Review 25 Q7 (fix25a; the synonyms file's `said_plainly.ages.pairs`, this tool's reading, declared there): where
        the age (entered, else said: N10) admits a pair's age-banded p9 line, one of its `said` is said ("alone", "by
        herself", "nobody": not "leaves him with the telly"), its general line is in the first three
        and the banded line is not, its concern said (not `unstated`) and not `hidden`, the banded line comes into the
        first three just behind the general one (offered where the words did not find it), in place of the lowest row
        there after the first that is no p9 criterion (_into_sight: where the first three are all p9 rows nothing moves,
        so no p9 row leaves sight; a list shorter than three takes it with none leaving; the first row is never moved).
        At 5, "she lets herself in and is alone till late at night" led with p9's "home alone ... at risk" and offered
        "all children 'home alone' aged 5 years old and under should be referred" fifth.

        First, fix27a (review 26 Q4; a pair's `lacking`, declared there): where the age admits the banded line and the
        words say nobody minds the child (_lacking_said: "she's got nobody to mind her when mum's at work", 4), the
        banded line leads where the first row is no p9 criterion and rests on the minding words alone (matched by
        "nobody" only: the play and isolation rows the word found), else it comes into the first three behind the
        general line (third where that is not there) as above; never one `hidden`. The practitioner asks whether the
        child is left alone: the line is offered, nothing is decided."""
        sp, ranked, final = self.said_plainly, c.ranked, c.final
        if sp is None or age is None or c.unborn:
            return
        for banded, lacking in sp.lacking:  # fix27a (review 26 Q4): nobody to mind a child of the banded age
            unminded = _lacking_said(lacking, c.words)
            if not unminded or not ranked or banded in c.hidden or not self._admits(banded, False, age):
                continue
            first = ranked[0]
            by = {w for label in c.matched.get(first, ()) for w in label.split()}
            if not self.entries[first].indicator.immediate and by <= unminded:
                _offered_last(banded, ranked, final)
                self._lead_with(banded, ranked, final)  # the first rests on the minding words alone ("nobody": no friends)
            elif banded not in ranked[:KEPT_PLACES]:
                general = next((g for g, b, _ in sp.pairs if b == banded), None)
                front = ranked[:KEPT_PLACES]
                self._into_sight(banded, front.index(general) + 1 if general in front else min(len(front), KEPT_PLACES - 1), ranked, final)
        for general, banded, said in sp.pairs:
            front = ranked[:KEPT_PLACES]
            if (
                not any(_phrase_at(p, c.words) for p in said)
                or general not in front
                or banded in front
                or banded in c.unstated
                or not self._admits(banded, False, age)
            ):
                continue
            if banded in c.hidden or (banded not in ranked and banded in self._unstated(c.words, c.stems, c.typing)):
                continue  # a reading put it out of sight, or its concern is unsaid: not offered
            self._into_sight(banded, ranked.index(general) + 1, ranked, final)  # offered where the words did not find it (its concern is said)

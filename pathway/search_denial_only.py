"""Search24d (deny24): a call whose only concern words are denied preselects no row it does not positively say.

fix23d's `denied` reading (the synonyms file's `turned_facts`) stops a denied p9 row leading ("nobody touches her",
"he doesn't get hit at home"), keeping it in the first three (review 12 H6). The row then put first was whatever word
matching or the model found next on the call's other words: "Children who go missing" on "home", "says" and "nobody",
"Beyond parental control" on "told", "not" and "himself", and rows the model alone brought ("Substantial and lifelong
disability" on "he has not been harmed"). The synonyms file's `denial_only` (this tool's reading, declared there) reads
such a call: where every word outside the denial's runs is a stop word, a plain word (`plain`), or one of `filler`
(words said beside a denial that name no concern), the first row is a Universal row a word outside the runs (not
`filler`) positively says ("happy at home": good relationships), else the strength the denial itself states
(`states`: the document's p13 "Parent / carers provide for children's needs and protect from danger and harm"); the
denied p9 rows of the first three follow it, in their order (still in sight, H6), and any other row after them.
A concern said elsewhere in the call ("nobody hits him but he's been missing twice") and nothing moves.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple, Optional

from pathway.search_call import KEPT_PLACES, _Call
from pathway.search_denials import LISTING, _negated_before
from pathway.search_tables import SearchDataError
from pathway.search_text import CLAUSE_WORDS, JOINING, NEGATING, _stop, stem

# a denial word (a positive word just after one says a concern: "not happy", "without friends"): the search's one list
# (tidy25: it was a set written here, NEGATIONS with nobody, noone, none, nothing, neither and nor; NEGATING adds
# "cannot" and "without" and has no "noone", "neither" or "nor": all 6,609 calls' ids and scores unchanged; since
# Search26a "neither ... nor" and "nor" reach every reading as "no"/"not": search_denials.paired_denials)
DENIAL_WORDS = NEGATING


class DenialOnly(NamedTuple):
    """The synonyms file's `denial_only` (Search24d): the `turned_facts` reading it follows, the words that name no
    concern beside a denial (`filler`), those that say a child is well (`positive`), and the row the denial states."""

    reading: int  # index of the `turned_facts` reading (its `name`)
    filler: frozenset[str]  # normalised single words
    positive: frozenset[str]
    states: int  # a Universal row


class IndexRows(NamedTuple):
    """What denial_only_lead needs of the index, read once when it is built: its Universal rows (no immediate
    criterion), its immediate criteria (p9), and the plain words (stems: SearchIndex.plain_words) that say nothing."""

    universal: frozenset[int]
    immediate: frozenset[int]
    plain_words: frozenset[str]


class DenialOnlyError(SearchDataError):
    """A `denial_only` not of the shape denial_only_lead reads."""


KEYS = {"reading", "filler", "positive", "states"}


def load(
    data: Any, turned_names: list[str], number_of: Callable[[str], int], universal: Callable[[int], bool], normalise: Callable[[str], str]
) -> Optional[DenialOnly]:
    """`denial_only` as denial_only_lead reads it; None when the file has none. Refuses one of another shape."""
    if data is None or not turned_names:  # no `turned_facts` (an index built without it): no denial to follow
        return None
    if not isinstance(data, dict) or set(data) != KEYS:
        raise DenialOnlyError(
            "denial_only must map 'reading' (a turned_facts reading's name), 'filler' and 'positive' (single words) and 'states' (a Universal row)"
        )
    if data["reading"] not in turned_names:
        raise DenialOnlyError(f"denial_only's reading {data['reading']!r} is no turned_facts reading")
    for key in ("filler", "positive"):
        if not isinstance(data[key], list) or not all(isinstance(w, str) and len(normalise(w).split()) == 1 for w in data[key]):
            raise DenialOnlyError(f"denial_only's {key} must be a list of single words")
    try:
        states = number_of(data["states"])
    except KeyError:
        raise DenialOnlyError(f"denial_only's states {data['states']!r} is no row") from None
    if not universal(states):
        raise DenialOnlyError("denial_only's states must be a Universal row")
    norm = lambda ws: frozenset(normalise(w) for w in ws)  # noqa: E731
    return DenialOnly(turned_names.index(data["reading"]), norm(data["filler"]), norm(data["positive"]), states)


def lacking(words: list[str], positive: frozenset[str]) -> set[str]:
    """The words that say a child is well (`positive`) the call negates, a denial word at most two words before each
    ("isn't loved", "not happy", "no friends", "nobody loves her"), or further back over words that say nothing
    (_denied_over: "nobody in that house ever plays with her or talks to her"; fix32c): a strength said LACKING, a
    concern (denial26, Search26a): no strength is shown first for it."""
    out: set[str] = set()
    at: set[int] = set()
    for i, w in enumerate(words):
        if w in positive and (_negated_before(words, i) or _negated_inverted(words, i) or _denied_over(words, i, at)):
            out.add(w)
            at.add(i)
    return out


LACK_REACH = 10  # how far back a denial reaches a strength word over words that say nothing (fix32c)
LACK_BRIDGES = frozenset("once house home bothers bothered".split())  # said between them, no stop words: "not once", "nobody at home", "nobody bothers to"
LACK_SUBJECTS = frozenset("she he they i we you it".split())  # a clause's own subject: a new clause ("not at all, she is settled")


def _denied_over(words: list[str], i: int, lacking_at: set[int]) -> bool:
    """Whether a denial word stands before position i in its clause with only stop words, LACK_BRIDGES, an "or"/"nor"
    or a strength word already lacking between (review 31 Q2, fix32c: "nobody in that house ever plays with her or
    talks to her", "no one ever reads to him", "nobody bothers to talk to the baby"; the subject's denial is the
    verb's). A content word ("nobody could fault how much she plays"), an "and", a clause word or a subject pronoun
    between ends the reach."""
    for j in range(i - 1, max(-1, i - 1 - LACK_REACH), -1):
        w = words[j]
        if w in NEGATING:
            return True
        if j in lacking_at or w in LISTING:
            continue
        if w in LACK_SUBJECTS or w in JOINING or w in CLAUSE_WORDS or not (w in LACK_BRIDGES or _stop(w, stem(w))):
            return _denying_subject_over(words, i)
    return False


LACK_SUBJECT_REACH = 12  # how far back a denying subject reaches the strength word of its own verb phrase (fix35a)
LACK_UNDOING = frozenset(
    "fault faults faulted criticise criticises criticize criticizes complain complains complained doubt doubts deny denies"
    " stop stops stopped prevent prevents prevented mind minds worry worries worried blame blames blamed says said thinks"
    " thought knows knew".split()
)  # a verb whose object the strength is: "nobody could fault how she plays", "nobody stops him playing" (fix35a)
NEITHER_BEFORE = frozenset("of parent parents carer carers adult adults one".split())  # "neither of them", "neither parent"


def _denying_subject_over(words: list[str], i: int) -> bool:
    """fix35a (mut33's probes; docs/adviser.md "Search35a"): whether a denying subject ("nobody", "no one", "none of",
    "neither of them", "neither parent") stands before position i in its clause with the subject's own words and the
    verb phrase between ("nobody in the family ever takes her to the park or plays with her", "none of the adults ever
    play with the kids", "neither of them ever play with him"): the strength said there is denied of every person the
    subject names, the subject's denial the verb's. A subject pronoun, a clause word, an "and" (but one just before the
    strength word: "sits down and plays"), a verb of judging or stopping (LACK_UNDOING: "nobody could fault how much she
    plays") or another denial word between ends it (_denied_over read the nearer one); at most LACK_SUBJECT_REACH words."""
    for j in range(i - 1, max(-1, i - 1 - LACK_SUBJECT_REACH), -1):
        w = words[j]
        if w in ("nobody", "noone", "none") or (w == "no" and words[j + 1 : j + 2] == ["one"]):
            return w != "none" or words[j + 1 : j + 2] == ["of"]
        if w == "neither":
            return words[j + 1 : j + 2] != [] and words[j + 1] in NEITHER_BEFORE
        if w in NEGATING or w in LACK_SUBJECTS or w in CLAUSE_WORDS or w in LACK_UNDOING or (w == "and" and j != i - 1):
            return False
    return False


INVERTED_VERBS = frozenset({"is", "was", "are", "were", "does", "did", "do", "has", "have", "had"})
INVERTED_PERSONS = frozenset({"she", "he", "they", "it", "i", "we", "you"})


def _negated_inverted(words: list[str], i: int) -> bool:
    """Whether position i follows a denial said with its verb and person turned round ("nor is she loved", read as
    "not is she loved": the denial three words before, the verb and the person between; stop 50)."""
    return i >= 3 and words[i - 3] in NEGATING and words[i - 2] in INVERTED_VERBS and words[i - 1] in INVERTED_PERSONS


def denial_only_lead(d: DenialOnly, runs: list[list[int]], c: _Call, rows: IndexRows, lacks: set[str]) -> Optional[list[int]]:
    """The first rows for a call whose only concern words are denied (the module's reading), or None where the call
    is not one, or its first row is already one it positively says (or a p9 row no denial turned). `runs`: the
    denial's runs in the call's words; `lacks`: the call's `lacking` words; a word is idle where it is a stop word or
    a plain word, a denial word where it is one of DENIAL_WORDS."""
    words, stems, ranked, matched, admits = c.words, c.stems, c.ranked, c.matched, c.admits

    def idle(i: int) -> bool:
        return _stop(words[i], stems[i]) or stems[i] in rows.plain_words

    def denial(w: str) -> bool:
        return w in DENIAL_WORDS

    def universal(n: int) -> bool:
        return n in rows.universal

    def immediate(n: int) -> bool:
        return n in rows.immediate

    if not runs or not ranked or lacks:  # a strength the caller negates is a concern said (Search26a)
        return None
    taken = {i for run in runs for i in run}
    outside = [i for i in range(len(words)) if i not in taken]
    # a positive word denied ("no friends", "not happy") says a concern
    well = {i for i in outside if words[i] in d.positive and not _negated_before(words, i)}
    for i in outside:
        if i in well or words[i] in d.filler or idle(i):
            continue
        if any(not universal(n) and words[i] in label.split() for n in ranked for label in matched.get(n, ())):
            return None  # a word outside the denial that a row above Universal matched: a concern said elsewhere
    positive = {words[i] for i in outside if words[i] not in d.filler and not denial(words[i])}

    def said(n: int) -> bool:  # a Universal row words outside the denial (not filler) matched
        return universal(n) and any(set(label.split()) <= positive for label in matched.get(n, ()))

    idle_words = {words[i] for i in outside if idle(i) or words[i] in d.filler} | {words[i] for i in taken}

    def denied(n: int) -> bool:  # a p9 row matched by the denial's words (and idle ones) alone: "no bruises" (under 2 too)
        return bool(matched.get(n)) and all(set(label.split()) <= idle_words for label in matched[n])

    # a Universal row word matching found first stays (a strength preselects no need: "never hits anyone" is p13's
    # "No concerns about aggressive behaviour"); one the model alone brought does not
    if (immediate(ranked[0]) and not denied(ranked[0])) or said(ranked[0]) or (universal(ranked[0]) and matched.get(ranked[0])):
        return None
    lead = next((n for n in ranked if said(n) and admits(n)), None)
    if lead is None and admits(d.states):
        lead = d.states
    if lead is None:
        return None
    p9 = [n for n in ranked[:KEPT_PLACES] if immediate(n)]
    if len(p9) >= KEPT_PLACES:  # H6: no place for a lead without a p9 row leaving the first three
        return None
    return [lead, *p9]


def lacking_lead(d: DenialOnly, c: _Call, rows: IndexRows, concern: Callable[[int], bool], lacks: set[str]) -> Optional[int]:
    """The row to lead where the call negates a strength word (`lacking`) and the first row is a Universal strength
    matched on it or on `filler` and plain words alone, and on no strength word said undenied ("she is not happy at home
    nor at school": p13's "Good stable relationships with carers" on "happy" and "home"; denial26, Search26a): the
    first row above Universal word matching found on a negated strength word ("not at school": p13-14's "Poor school
    attendance"), never a p9 row (a strength's lack is no immediate criterion). None where the first is not such a
    row: nothing moves. Where no row was found on the lacking word ("she is not truly happy", "he isn't truly happy at
    home": the strength first on the model's share or on "happy" itself), the first row of the first KEPT_PLACES + 2
    above Universal that is no p9 row leads (fix35a, mut33's probe; none: nothing moves). `lacks`: the call's `lacking`
    words."""
    if not lacks or not c.ranked or c.ranked[0] not in rows.universal:
        return None
    labels = [set(label.split()) for label in c.matched.get(c.ranked[0], ())]

    def empty(w: str) -> bool:
        return w in d.filler or _stop(w, w) or w in rows.plain_words or w in DENIAL_WORDS

    if any(ws & (d.positive - lacks) for ws in labels) or not all(ws & lacks or all(empty(w) for w in ws) for ws in labels):
        return None
    found = next(
        (n for n in c.ranked if concern(n) and n not in rows.immediate and c.admits(n) and any(set(label.split()) & lacks for label in c.matched.get(n, ()))),
        None,
    )
    if found is None:
        # fix35a (mut33's probe "she is not truly happy"): no row matched the lacking word (the Universal first the
        # model's alone, or matched on it): the first concern of the first five that is no p9 row leads instead
        found = next((n for n in c.ranked[: KEPT_PLACES + 2] if concern(n) and n not in rows.immediate and c.admits(n)), None)
    return found


PRAISE = frozenset("fault criticise criticize complain".split())  # after a denial: praise ("nobody could fault mum"; fix35a)


def praise_lead(d: DenialOnly, c: _Call, rows: IndexRows, concern: Callable[[int], bool], lacks: set[str]) -> Optional[int]:
    """fix35a (mut33's probe; docs/adviser.md "Search35a"): a call that praises with a denial ("nobody could fault mum,
    she plays with them all day", "you can't fault how much she plays with them": one of PRAISE within two words after
    a denial word) and says a strength word (`positive`) undenied, whose first row is a concern no word matched (the
    model's alone: "Child perceived to be a problem by parent" on "fault"), leads with the first Universal row of the
    first KEPT_PLACES + 2 matched on such a word. Never over a p9 row or a row a word matched; None: nothing moves."""
    words, ranked = c.words, c.ranked
    if not ranked or not concern(ranked[0]) or ranked[0] in rows.immediate or c.matched.get(ranked[0]):
        return None
    if not any(w in PRAISE and any(x in NEGATING for x in words[max(0, i - 2) : i]) for i, w in enumerate(words)):
        return None
    said = {w for i, w in enumerate(words) if w in d.positive and w not in lacks and not _negated_before(words, i)}
    return next(
        (n for n in ranked[: KEPT_PLACES + 2] if n in rows.universal and c.admits(n) and any(set(label.split()) & said for label in c.matched.get(n, ()))),
        None,
    )

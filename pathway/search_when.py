"""When and where a call's concern is, as the synonyms file's tables say it: not now (`not_now`, the
endings of `_Ends`), elsewhere (`elsewhere`), not yet (`not_yet`), explained by play
(`explained_play`) and overruled by the call's own finding (`overruled`), each read into a typed
table once, when the index is built.

Split out of pathway/search.py (split24): the tables, and the readings that use them as the mixin
`WhenReadings` that SearchIndex is composed of (_not_now_first, _ended_at, _elsewhere_first,
_not_yet_below, _explained_play_below, _overruled_first...).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple, Optional

from pathway.catalogue import Catalogue
from pathway.levels import Level
from pathway.search_call import (
    KEPT_PLACES,
    _Call,
    _offered_last,
    _scores_follow_order,
)
from pathway.search_denials import (
    DENYING,
    NEGATIONS,
    _denied_positions,
    _negated_before,
)
from pathway.search_subjects import (
    CHILD_ROLES,
    FIRST_PERSON,
    OTHER_REACH,
)
from pathway.search_tables import (
    OVERRULED_KEYS,
    TableReader,
)
from pathway.search_text import (
    CLAUSE_WORDS,
    JOINING,
    NEGATING,
    _phrase_at,
    _stop,
    normalise,
    stem,
)

if TYPE_CHECKING:
    from pathway.search import SearchIndex


class _NotNow(NamedTuple):
    """The synonyms file's `not_now` (search17s, review 17 N1-N3; SearchIndex._not_now_first): words normalised,
    phrases as tuples of words, rows as numbers."""

    opens: tuple[tuple[str, ...], ...]
    marks: tuple[tuple[str, ...], ...]
    when: tuple[tuple[str, ...], ...]
    young: frozenset[str]
    present: tuple[tuple[str, ...], ...]
    bounds: frozenset[str]
    opens_not_after: frozenset[str]  # fix33b: "being used to" is no past
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
        read.words(ended.get("opens_not_after")),
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


ABILITY_REACH = 6  # fix27c: how far before "could" its clause's denial is read ("no one in the house could explain")


def _ability_denied(words: list[str], i: int, denials: frozenset[str], bounds: frozenset[str]) -> bool:
    """Whether a denial comes before words[i] in its clause, ABILITY_REACH words at most, none of `bounds` between (fix27c,
    the synonyms file's `elsewhere.hypothetical.ability`): "nobody could explain the bruises", "neither of them could
    say how", "none of the adults could account for the marks" say a past ability denied (no explanation was given),
    not a thing not yet so; "nobody thinks she could get pregnant" denies the thought (a `worry` or `asking` word ends
    the look back: the hypothetical is read as before)."""
    for k in range(i - 1, max(-1, i - 1 - ABILITY_REACH), -1):
        if words[k] in denials:
            return True
        if words[k] in bounds:
            return False
    return False


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
    ability: frozenset[str]  # fix27c: a mark that is a past ability where a denial comes before it ("nobody could explain")
    ability_denials: frozenset[str]  # fix27c: denials before it besides DENYING ("neither of them could")
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
        read.words(hyp["ability"]),
        read.words(hyp["ability_denials"]),
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


ENDED_REACH = 4  # words after "used to", "no longer" that the ending reaches, within its clause (_ended_at)
NEVER_REACH = 5  # words after the verb a "never" frame denies, within its clause (_never_at)
ADULT_PAST_REACH = 10  # words back from a marker of the past to the carer it is said of (_adult_past_at)
ADULT_PAST_OTHERS = frozenset("he she they i we him me us them her by".split())  # a nearer subject: the past is not the carer's named before (_adult_past_at)
HYPOTHETICAL_REACH = 8  # words after a hypothetical's mark that it still reaches, within its clause (_hypothetical_at)
EXPLAINED_REACH = 3  # words from the start of an injury's cause that are the cause ("fell off his bike") (_explained_first)


class WhenReadings:
    """The readings of when and where a concern is (composed into SearchIndex): a row resting only on
    words that are not this child's concern now (_not_now_first), ended (_ended_at, "used to"), never so
    (_never_at), past (_past_at, _adult_past_first, _long_past_first), hypothetical
    (_hypothetical_first), explained (_explained_first, _explained_play_below), not yet
    (_not_yet_below), overruled or locked in by the call's own finding (_overruled_first,
    _locked_in_first) or said of elsewhere (_elsewhere_first). Each method is typed on SearchIndex
    (`self: SearchIndex`), whose __init__ declares the tables and attributes they read, so mypy checks
    each body against the real index; mypy wants a self type to be a supertype of the class, hence the
    `type: ignore[misc]` on each `def` line (that check alone: the bodies are still checked).
    """

    def _not_now_at(self: SearchIndex, words: list[str]) -> set[int]:  # type: ignore[misc]
        """The places of words denied, put in the past or ended (_denied_positions, _ended_at, _ended_by_at): no reading
        of harm or of a carer's use moves anything on them (_harm_to_child_at, _harm_by_adult_at, fix20b's)."""
        ended_by, placed_before = self._ended_by_at(words)
        return set(_denied_positions(words)) | self._ended_at(words) | ended_by | placed_before

    def _not_now_first(self: SearchIndex, c: _Call) -> None:  # type: ignore[misc]
        """Safety first without inflation (review 17 N1-N3; search17s; the synonyms file's `not_now`, this tool's
        reading, declared there): a row that rests only on words that are not this child's concern now does not
        lead. Three readings, each of its own words and rows, read in turn:
        - a carer's own victimisation (N2): "mum was sexually abused as a child", "dad was beaten as a child": the
          victimisation word said in the passive (or after "victim of", "survivor of") of a carer (_said_of_parent),
          or of "she"/"he" standing for a carer named earlier where a childhood marker follows ("mum has told the
          school she was abused by her father as a child"); the rows of `victim.rows` (p9's allegation and harm
          rows, p17's exploitation and trafficking rows) do not lead on it. Where the abuser named is a relative
          ("by her father"), `victim.abuser_leads` (p9's "Lives or has contact with adults who are known to pose a
          risk") leads where found: that is the child's concern;
        - another child named by place (N3): a clause opened by a child named by where they live or play (_placed_others:
          "the boy next door", "a girl in the same foster home", "the neighbours daughter") is another child's
          (_said_of_other, which reads it as it reads "his brother"); an immediate criterion resting only on such a
          clause's words does not lead (the child's own rows are barred by _subject_first's conditions);
        - a concern the call puts in the past or says has ended (N1): "used to", "no longer", "years ago", "sober
          for", "before the baby was born", "when he was 4" (_ended_at); any row above Universal resting only on
          such words does not lead, except the rows a past event still makes (`ended.kept`: an allegation or
          disclosure of abuse, adults known to pose a risk) and those whose own text is history (`ended.own_past`);
          a present word anywhere ("again", "still", "relapsed") and nothing is read as ended.
        A row rests on such words where every word (or phrase) that matched it is said only there (_denied_first's
        reading of a denial). The first three are then reordered: those that do not rest on them first, in their
        order, the others after them (still in sight); where all three do, the first result that does not leads
        (_lead_with: an immediate criterion in the first three stays there). Never a higher row that the words
        did not match (the model's alone), nor one leaving the first three (`hidden`: _out_of_sight's). For a carer's
        victimisation and another child, a row of theirs the model alone found rests on them too (it read the same
        words). Where nothing else was found, nothing moves."""
        words, ranked, final, matched, hidden = c.words, c.ranked, c.final, c.matched, c.hidden
        nn = self.not_now
        if nn is None or not ranked:
            return
        victim, abuser = self._victim_at(words)
        self._rest_below(victim, nn.victim_rows.__contains__, words, ranked, final, matched, hidden, abuser, unmatched=True)
        of_placed = self._said_of_other(words, only_placed=True)
        placed = {
            i for i, flag in enumerate(of_placed) if flag and not self._object_after(words, i) and not FIRST_PERSON & set(words[i + 1 : i + 1 + OTHER_REACH])
        }
        self._rest_below(placed, lambda n: self.entries[n].indicator.immediate, words, ranked, final, matched, hidden, unmatched=True)
        ended = self._ended_at(words)
        self._rest_below(ended, lambda n: self._concern(n) and n not in nn.kept, words, ranked, final, matched, hidden)
        self._ended_by_first(words, ranked, final, matched, hidden)

    def _lowest_elsewhere(  # type: ignore[misc]
        self: SearchIndex, at: set[int], words: list[str], ranked: list[int], matched: dict[int, set[str]], hidden: set[int]
    ) -> Optional[int]:
        """The result of the lowest level (the best placed of them) that words said outside `at` matched, no higher than
        the first result: the lead where the first rests on words said of a thing or an adult (_not_the_child_first), so
        that the lead is never raised by it. None where there is none (_rest_below then reorders the first three)."""
        there = {words[i] for i in at} - {w for i, w in enumerate(words) if i not in at}
        found = [n for n in ranked if n not in hidden and matched.get(n) and not all(set(label.split()) & there for label in matched[n])]
        lowest = min(found or [n for n in ranked if n not in hidden], key=self._height, default=None)  # nothing else said: the lowest found
        return lowest if lowest is not None and self._height(lowest) <= self._height(ranked[0]) else None

    def _ended_at(self: SearchIndex, words: list[str]) -> set[int]:  # type: ignore[misc]
        """The places of the words the call puts in the past or says have ended (_not_now_first; `not_now.ended`):
        after one of `opens` ("used to", "no longer"; fix33b: "used to" not after one of `opens_not_after`, "being used
        to run drugs" is no past) to the end of its clause, ENDED_REACH words at most; the
        whole clause of one of `marks` ("two years ago", "clean for", "before the baby was born"); and the clause of
        one of `when` followed by an age or one of `young` ("when he was 4", "when she was little"), with the
        clause before it. None where one of `present` is said ("again", "still", "relapsed")."""
        nn = self.not_now
        if nn is None or any(_phrase_at(p, words) for p in nn.present):
            return set()
        bounds = CLAUSE_WORDS | JOINING | nn.bounds

        def clause(i: int) -> range:
            start = next((k + 1 for k in range(i - 1, -1, -1) if words[k] in bounds), 0)
            end = next((k for k in range(i + 1, len(words)) if words[k] in bounds), len(words))
            return range(start, end)

        out: set[int] = set()
        for phrase in nn.opens:
            for i in _phrase_at(phrase, words):
                if phrase[0] == "used" and i > 0 and words[i - 1] in nn.opens_not_after:
                    continue  # fix33b (review 32 Q3): "being used to run drugs" is the passive of "use", no past ("is no longer" is)
                end = clause(i).stop
                out.update(range(i, min(end, i + len(phrase) + ENDED_REACH)))
        for phrase in nn.marks:  # its clause, ENDED_REACH + 2 words either side at most (a call is often one long clause)
            for i in _phrase_at(phrase, words):
                out.update(k for k in clause(i) if i - ENDED_REACH - 2 <= k < i + len(phrase) + ENDED_REACH + 2)
        for phrase in nn.when:
            for i in _phrase_at(phrase, words):
                after = [w for w in words[i + len(phrase) : i + len(phrase) + 2] if w not in ("a", "an")]
                if after and (after[0] in nn.young or after[0].isdigit()):
                    out.update(clause(i + len(phrase) - 1) if len(phrase) > 1 else ())
                    out.update(range(i, clause(i + 1).stop))
                    if i > 0:
                        out.update(clause(i - 1))
        return out

    def _ended_by_first(  # type: ignore[misc]
        self: SearchIndex, words: list[str], ranked: list[int], final: dict[int, float], matched: dict[int, set[str]], hidden: set[int]
    ) -> None:
        """Review 18 N4, N5, N7 (fix18b; the synonyms file's `not_now.ended_by`, `not_now.disproved` and `locked_in`,
        this tool's readings, declared there), read after _not_now_first's three, as they are (_rest_below):
        - a verb of ending (N4, _ended_by_at): any row above Universal resting only on the words it ends does not lead,
          except `ended.kept` and the history rows (as an ending's); a clause placing the concern before a change
          ("after being homeless" after "rehoused") moves no immediate criterion (it is read less surely);
        - a finding that disproves a concern (N5, _disproved_at): "ruled out fabricated illness", "tested negative for
          drugs": read as a denial of the rows resting only on its words, `ended.kept` and history rows never moved;
        - a young child locked in a home (N7, _locked_in_first).
        Neither of the first two moves `ended_by.kept` (p9's "has suffered" significant harm), nor ever makes a higher
        first result than before; where the one now first is the model's alone and no lower, the first lower leads."""
        nn, ends = self.not_now, self.ends
        if nn is None or ends is None or not ranked:
            return
        said, changed = self._ended_by_at(words)
        if said:  # one ending with N1's (_ended_at): "ended when they separated three years ago"
            said |= self._ended_at(words)
        kept = nn.kept | ends.kept

        # never a higher first result than before; and where the one now first is the model's alone and no lower
        # (a wrong fact: "dad tested negative for cocaine" led with p9's disclosure), the first lower result leads
        def no_higher(at: set[int], rows: Callable[[int], bool]) -> None:
            self._rest_no_higher(at, rows, words, ranked, final, matched, hidden)

        no_higher(said, lambda n: self._concern(n) and n not in kept)
        no_higher(changed, lambda n: self._concern(n) and n not in kept and not self.entries[n].indicator.immediate)
        no_higher(self._disproved_at(words), lambda n: self._concern(n) and n not in kept)
        self._locked_in_first(words, ranked, final, matched, hidden)

    def _ended_by_at(self: SearchIndex, words: list[str]) -> tuple[set[int], set[int]]:  # type: ignore[misc]
        """The places of the words a verb of ending says are over (`not_now.ended_by`), and those a clause places before
        a change: (1) one of `verbs` ("ended", "stopped", "finished") ends the words before it in its clause
        (ENDED_REACH + 2 at most), where the call ends there or the next word is one of `follows` ("last year", "when",
        "after", "in march") or a clause word: "stopped eating", "stopped him", "finished school" are not endings; (2) one
        of `out_of` ("released from", "came out of") ends the words after it in its clause (ENDED_REACH at most); (3) one
        of `frames` ("after being", "after having been") ends the words after it (ENDED_REACH) where one of `changes`
        ("rehoused", "separated", "moved") was said before it in the call. None where `ended.present` is said
        ("again", "still", "relapsed", "started"), as an ending's (_ended_at)."""
        nn, ends = self.not_now, self.ends
        if nn is None or ends is None or any(_phrase_at(p, words) for p in nn.present):
            return set(), set()
        bounds = CLAUSE_WORDS | JOINING | nn.bounds

        def start_of(i: int) -> int:
            return next((k + 1 for k in range(i - 1, -1, -1) if words[k] in bounds), 0)

        def end_of(i: int) -> int:
            return next((k for k in range(i + 1, len(words)) if words[k] in bounds), len(words))

        said: set[int] = set()
        for phrase in ends.verbs:
            for i in _phrase_at(phrase, words):
                after = i + len(phrase)
                if _negated_before(words, i):  # "has not stopped", "never ended": a concern now
                    continue
                if after < len(words) and not (words[after] in ends.follows or words[after] in bounds or words[after].isdigit()):
                    continue
                said.update(range(max(start_of(i), i - ENDED_REACH - 2), after))
                if after < len(words):  # ...and when: "ended last year", "stopped after she moved schools"
                    stop = end_of(after) if words[after] in bounds else end_of(after - 1)
                    said.update(range(after, min(stop, after + ENDED_REACH + 2)))
        for phrase in ends.out_of:
            for i in _phrase_at(phrase, words):
                if _negated_before(words, i):
                    continue
                said.update(range(i, min(end_of(i + len(phrase) - 1), i + len(phrase) + ENDED_REACH)))
        changed: set[int] = set()
        for phrase in ends.frames:
            for i in _phrase_at(phrase, words):
                if any(_phrase_at(c, words[:i]) for c in ends.changes):
                    changed.update(range(i, min(end_of(i + len(phrase) - 1), i + len(phrase) + ENDED_REACH)))
        return said, changed

    def _disproved_at(self: SearchIndex, words: list[str]) -> set[int]:  # type: ignore[misc]
        """The places of the words a finding disproves (`not_now.disproved.findings`: "ruled out", "tested negative",
        "came back clear"): the finding's clause, ENDED_REACH + 2 words either side at most (as an ending's `marks`);
        not where a denial comes within the two words before it ("not ruled out", "cannot be ruled out": a concern)."""
        ends = self.ends
        if ends is None:
            return set()
        bounds = CLAUSE_WORDS | JOINING
        out: set[int] = set()
        for phrase in ends.findings:
            for i in _phrase_at(phrase, words):
                if _negated_before(words, i) or (i > 1 and words[i - 1] == "be" and words[i - 2] in NEGATING):
                    continue
                start = next((k + 1 for k in range(i - 1, -1, -1) if words[k] in bounds), 0)
                end = next((k for k in range(i + len(phrase), len(words)) if words[k] in bounds), len(words))
                out.update(k for k in range(start, end) if i - ENDED_REACH - 2 <= k < i + len(phrase) + ENDED_REACH + 2)
        return out

    def _locked_in_first(  # type: ignore[misc]
        self: SearchIndex, words: list[str], ranked: list[int], final: dict[int, float], matched: dict[int, set[str]], hidden: set[int]
    ) -> None:
        """Review 18 N7 (`locked_in`, this tool's reading): a child locked in a home ("locked in the flat", "shut in
        her room") while a carer is out or at work is p9's home-alone concern, not trafficking. Where one of `words`
        is followed, within two words, by one of `places`, those words, and the clause a carer opens after a clause
        word ("while mum goes to work"), are read as the home-alone rows' (`leads`): a row of `rows` (trafficking)
        resting only on them gives the first place to the first of `leads` found (an immediate criterion for an
        immediate one: the call rings now either way). Trafficking said in its own words (moved, brought, sold,
        made to work, a cannabis farm) rests on more and keeps its place."""
        ends = self.ends
        if ends is None or not ranked:
            return
        at: set[int] = set()
        for phrase in ends.locked:
            for i in _phrase_at(phrase, words):
                end = i + len(phrase)
                if any(w in ends.places for w in words[end - 1 : end + 2]) and not _negated_before(words, i):
                    at.update(range(i, end + 2))
        if not at:
            return
        for k, w in enumerate(words):  # "while mum goes to work": the carer's own going out
            if w in CLAUSE_WORDS and k + 1 < len(words) and words[k + 1] in self.subject.parents:
                end = next((j for j in range(k + 1, len(words)) if words[j] in CLAUSE_WORDS | JOINING), len(words))
                at.update(range(k, end))
        lead = next((n for n in ends.locked_leads if n in ranked[:KEPT_PLACES]), None)
        if lead is not None:
            self._rest_below(at, ends.locked_rows.__contains__, words, ranked, final, matched, hidden, lead)

    def _overruled_first(self: SearchIndex, c: _Call) -> None:  # type: ignore[misc]
        """Review 19 N2, N3, N6, N7 (fix19b; the synonyms file's `overruled`, this tool's readings, declared there), read
        after _not_now_first's, through the same _rest_below and never making a higher first result than before:
        - "never" + a verb denies the row the verb names, to the end of its clause (N2, _never_at): "she is never left on
          her own" moves p9's home alone; "never fed", "never takes him to the doctor" stay the concern;
        - an ordinary amount of drinking is not p9's "significant substance use issues" (N3, _ordinary_first);
        - a past frame or a "last year, but now" contrast (N6, _past_at): the kept and history rows never move, and the
          contrast moves no immediate criterion nor Protection need;
        - a finding that re-identifies the concern as no concern, or finds an allegation unfounded or false (N7,
          _disproves_at); a withdrawn allegation is not read."""
        words, stems, ranked, final, matched, hidden = c.words, c.stems, c.ranked, c.final, c.matched, c.hidden
        ov = self.overruled
        if ov is None or not ranked:
            return
        nn, ends = self.not_now, self.ends
        kept = (nn.kept if nn is not None else frozenset()) | (ends.kept if ends is not None else frozenset())
        self._rest_no_higher(self._never_at(words, stems), self._concern, words, ranked, final, matched, hidden)
        self._ordinary_first(words, ranked, final)
        past, contrast = self._past_at(words)
        self._rest_no_higher(past, lambda n: self._concern(n) and n not in kept, words, ranked, final, matched, hidden)
        self._rest_no_higher(contrast, lambda n: self._concern(n) and n not in kept and not self._high(n), words, ranked, final, matched, hidden)
        found, alleged = self._disproves_at(words)
        self._rest_no_higher(found, lambda n: self._concern(n) and n not in kept, words, ranked, final, matched, hidden)
        self._rest_no_higher(alleged, lambda n: self._concern(n) and (n not in kept or n in ov.allegation_rows), words, ranked, final, matched, hidden)

    def _rest_no_higher(  # type: ignore[misc]
        self: SearchIndex,
        at: set[int],
        rows: Callable[[int], bool],
        words: list[str],
        ranked: list[int],
        final: dict[int, float],
        matched: dict[int, set[str]],
        hidden: set[int],
    ) -> None:
        """_rest_below, never a higher first result than before; where the one now first is the model's alone and no
        lower, the first lower result leads (fix18b's endings and disproofs, fix19b's overruled readings)."""
        if not at or not ranked:
            return
        before, scores = list(ranked), dict(final)
        if not self._rest_below(at, rows, words, ranked, final, matched, hidden):
            return
        old, new = self._height(before[0]), self._height(ranked[0])
        if new > old or (not matched.get(ranked[0]) and new >= old):
            final.clear()
            ranked[:] = before
            final.update(scores)
            if new <= old:
                lower = next((n for n in ranked if n not in hidden and self._height(n) < old), None)
                if lower is not None:
                    self._lead_with(lower, ranked, final)

    def _never_at(self: SearchIndex, words: list[str], stems: list[str]) -> set[int]:  # type: ignore[misc]
        """The places "never" + a verb denies (`overruled.never`): from "never" through the verb and the rest of its
        clause (NEVER_REACH words after the verb at most), where the verb (the word right after "never" past `bridges`,
        ending "ed"/"en" or one of `verbs`) is a word of a concern row's own text or keywords and neither a row's own
        denial (`concern_denials`: "never fed") nor a strength's word (a care act: "never takes him to the doctor")."""
        ov = self.overruled
        if ov is None:
            return set()
        out: set[int] = set()
        stop = CLAUSE_WORDS | JOINING | DENYING | ov.never_ends
        for j, w in enumerate(words):
            if w not in ov.never:
                continue
            k = j + 1
            while k < len(words) and words[k] in ov.never_bridges:
                k += 1
            if k >= len(words):
                continue
            verb, s = words[k], stems[k]
            if (
                not (verb in ov.never_verbs or verb.endswith(("ed", "en")))
                or s in self.concern_denials
                or any(s in said for said, _ in self.strength_words.values())
            ):
                continue
            if not any(s in self.named[n] for n in range(len(self.entries)) if self._concern(n)):
                continue
            end = next((i for i in range(k + 1, len(words)) if words[i] in stop), len(words))
            out.update(range(j, min(end, k + 1 + NEVER_REACH)))
        return out

    def _past_at(self: SearchIndex, words: list[str]) -> tuple[set[int], set[int]]:  # type: ignore[misc]
        """The places a past frame makes past (`overruled.past`, N6): (1) the clause of one of `marks` ("all in the past
        now", "a thing of the past"), ENDED_REACH + 2 words either side; (2) a clause with one of `times` ("last year")
        followed by one of `now` ("but now have a council flat"): the clause before "now". None where
        `not_now.ended.present` or `past.present` is said."""
        ov, nn = self.overruled, self.not_now
        if ov is None or any(_phrase_at(p, words) for p in ov.past_present + (nn.present if nn is not None else ())):
            return set(), set()
        bounds = CLAUSE_WORDS | JOINING

        def clause(i: int) -> range:
            start = next((k + 1 for k in range(i - 1, -1, -1) if words[k] in bounds), 0)
            end = next((k for k in range(i + 1, len(words)) if words[k] in bounds), len(words))
            return range(start, end)

        marks: set[int] = set()
        for phrase in ov.past_marks:
            for i in _phrase_at(phrase, words):
                if _negated_before(words, i):
                    continue
                marks.update(k for k in clause(i) if i - ENDED_REACH - 2 <= k < i + len(phrase) + ENDED_REACH + 2)
        contrast: set[int] = set()
        for phrase in ov.past_now:
            for i in _phrase_at(phrase, words):
                start = next((k + 1 for k in range(i - 1, -1, -1) if words[k] in CLAUSE_WORDS and words[k] != "but"), 0)
                before = words[start:i]
                if any(_phrase_at(t, before) for t in ov.past_times) or any(_year(w) for w in before):
                    contrast.update(range(start, i))
        return marks, contrast

    def _disproves_at(self: SearchIndex, words: list[str]) -> tuple[set[int], set[int]]:  # type: ignore[misc]
        """The places a finding disproves (`overruled.disproves`, N7): (1) one of `reidentify` ("turned out to be")
        whose re-identified thing (its clause's content words up to a "not") names no row above Universal: the clause;
        (2) one of `allegation` in one clause with one of `findings` ("unfounded", "false") not denied: the clause."""
        ov = self.overruled
        if ov is None:
            return set(), set()
        bounds = CLAUSE_WORDS | JOINING

        def clause(i: int) -> range:
            start = next((k + 1 for k in range(i - 1, -1, -1) if words[k] in bounds), 0)
            end = next((k for k in range(i + 1, len(words)) if words[k] in bounds), len(words))
            return range(start, end)

        concern_words = {s for n in range(len(self.entries)) if self._concern(n) for s in self.named[n]}
        found: set[int] = set()
        for phrase in ov.reidentify:
            for i in _phrase_at(phrase, words):
                if _negated_before(words, i):
                    continue
                span = clause(i)
                after = i + len(phrase)
                thing = list(range(after, next((k for k in range(after, span.stop) if words[k] in NEGATING), span.stop)))
                if not thing or any(not _stop(words[k], stem(words[k])) and stem(words[k]) in concern_words for k in thing):
                    continue
                found.update(span)
        alleged: set[int] = set()
        for phrase in ov.findings:
            for i in _phrase_at(phrase, words):
                if _negated_before(words, i) and phrase[0] not in NEGATING:
                    continue
                span = clause(i)
                if any(words[k] in ov.allegation for k in span):
                    alleged.update(span)
        return found, alleged

    def _elsewhere_first(self: SearchIndex, c: _Call) -> None:  # type: ignore[misc]
        """Review 21 N1, N2, N3, N6 (fix21p; the synonyms file's `elsewhere`, this tool's readings, declared there): words
        that put a concern in the parent's own past (N1, _adult_past_first), long past and ended (N2, _long_past_first),
        in a hypothetical (N3, _hypothetical_first) or in an ordinary accident explained (N6, _explained_first). Each
        reads only the rows matched by those words alone; a row matched by a word said outside them is read as before.
        Leads are given here (_lead_with: a p9 row in the first three stays there); returns the rows that leave the
        first three at the end (the search's last _out_of_sight, as `unstated`): p9 rows only for N1 (not this child)
        and N2 (not now), never for N3 or N6."""
        ranked, matched, hidden = c.ranked, c.matched, c.withheld
        if self.elsewhere is None or not ranked:
            return
        before, first = set(ranked[:KEPT_PLACES]), ranked[0]
        out = self._adult_past_first(c, hidden)
        if not out or any(self.entries[n].indicator.immediate and n not in out for n in ranked[:KEPT_PLACES]):
            # fix28c (review 27 Q14): a parent's own past that the call also says is long over ("used heroin as a
            # teenager and has been clean for twelve years, the baby is 3 months") is read as long past too where a p9
            # row the carer's clause alone did not hold (the under-1 line, matched by "baby" outside it) is still in
            # the first three: it leaves where the whole call is quiet
            out |= self._long_past_first(c, hidden | out)
        out |= self._hypothetical_first(c, hidden | out)
        out |= self._explained_first(c, hidden | out)
        # no inflation by the rows left: one coming into the first three as others leave is no p9 row, no Protection
        # need and no row of concern the words did not match (the model's alone); such a row stays where it was
        led = {ranked[0]} - {first}  # a lead a reading gave (_lead_with) is no newcomer
        while out:
            front = [n for n in ranked if n not in out and n not in hidden and n not in led][:KEPT_PLACES]
            newcomers = {
                n for n in front if n not in before and (self._height(n) >= (False, Level.PROTECTION.rank) or (self._concern(n) and not matched.get(n)))
            }
            if not newcomers:
                break
            out |= newcomers
        c.unstated = c.unstated | frozenset(out)

    def _elsewhere_rests(  # type: ignore[misc]
        self: SearchIndex, at: set[int], words: list[str], matched: dict[int, set[str]], denials: bool = False, youth: bool = False
    ) -> Callable[[int], bool]:
        """Whether a row rests only on the words at `at`: matched, and every label of its match (less a person, a
        clause word or a denial, as _rest_below reads them; with `denials`, a denial is a word of the match) has a
        word said only there."""
        outside = {w for i, w in enumerate(words) if i not in at}
        gone = {words[i] for i in at} - outside
        empty = CLAUSE_WORDS | JOINING | self.subject.opens | self.subject.parents | self.subject.ends | self.topics
        if not youth:  # with `youth`, a child's word is a word of the match: "as a teenager" is the parent's youth (N1)
            empty = empty | CHILD_ROLES
        if not denials:
            empty = empty | DENYING

        def rests(n: int) -> bool:
            labels = [ws for ws in (set(label.split()) - empty for label in matched.get(n, ())) if ws]
            return bool(labels) and all(not ws.isdisjoint(gone) for ws in labels)

        return rests

    def _elsewhere_said(self: SearchIndex, at: set[int], words: list[str], matched: dict[int, set[str]]) -> Callable[[int], bool]:  # type: ignore[misc]
        """Whether a row is matched by a word of concern said outside `at`: a label of its match (less a person, a clause
        word, a denial and `long_past.filler`) none of whose words is said only at `at`. Such a row may lead."""
        el = self.elsewhere
        assert el is not None
        outside = {w for i, w in enumerate(words) if i not in at}
        gone = {words[i] for i in at} - outside
        empty = DENYING | CLAUSE_WORDS | JOINING | self.subject.opens | self.subject.parents | self.subject.ends | CHILD_ROLES | self.topics | el.filler

        def said(n: int) -> bool:
            return any(ws and ws.isdisjoint(gone) for ws in (set(label.split()) - empty for label in matched.get(n, ())))

        return said

    def _elsewhere_quiet(self: SearchIndex, at: set[int], words: list[str]) -> bool:  # type: ignore[misc]
        """Whether the call says nothing outside `at` but stopwords, persons, numbers and `long_past.filler`."""
        el = self.elsewhere
        assert el is not None
        empty = DENYING | CLAUSE_WORDS | JOINING | self.subject.parents | CHILD_ROLES | el.filler
        return all(i in at or w in empty or w.isdigit() or _stop(w, stem(w)) for i, w in enumerate(words))

    def _adult_past_at(self: SearchIndex, words: list[str]) -> tuple[set[int], list[tuple[int, int]]]:  # type: ignore[misc]
        """The places of a carer's own past (N1): each of `adult_past.marks` or `victim.childhood` said with a carer
        the nearest subject before it (at most ADULT_PAST_REACH words back, not past "and", "but", "so", "because";
        a nearer "he", "she", "they", a child's word, an object ("me", "him", "them": "grandad who abused me as a kid"
        is the grandad's act) or "by" (the abuser named: the not_now reading's own) is not the carer's own past): from
        the carer to the marker's end, and on over the words after it that say nothing new (stopwords, numbers,
        `long_past.filler`, a child's word, a care phrase's words). Gives the places and each span's (start, end)."""
        el, nn = self.elsewhere, self.not_now
        assert el is not None
        marks = el.past_marks + (nn.childhood if nn is not None else ())
        parents, others = self.subject.parents, self._child_words | ADULT_PAST_OTHERS
        stops = JOINING | (CLAUSE_WORDS - {"when", "if", "who"})
        care_words = {w for p in el.care for w in p}
        out: set[int] = set()
        spans: list[tuple[int, int]] = []
        for phrase in marks:
            for i in _phrase_at(phrase, words):
                carer = None
                for k in range(i - 1, max(-1, i - 1 - ADULT_PAST_REACH), -1):
                    w = words[k]
                    if w in stops or (w in others and not (k > 0 and words[k - 1] in ("her", "his", "their") and w in parents)):
                        break
                    if w in parents:
                        carer = k
                        break
                if carer is None:
                    continue
                end = i + len(phrase)
                while end < len(words) and words[end] not in stops:
                    w = words[end]
                    if not (w.isdigit() or w in el.filler or w in care_words or w in CHILD_ROLES or _stop(w, stem(w))):
                        break
                    end += 1
                out.update(range(carer, end))
                spans.append((carer, end))
        return out, spans

    def _adult_past_first(self: SearchIndex, c: _Call, hidden: set[int]) -> set[int]:  # type: ignore[misc]
        """N1 (`elsewhere.adult_past`): the parent's own childhood or past is not this child's harm. Every row of
        concern resting only on the carer's past (_adult_past_at), and, where the call says nothing else (_elsewhere_quiet),
        every row of concern the words did not match (the model's alone), leaves the first three, p9's too, but the
        parent's own rows (`kept`, and the history rows of `not_now` below Protection). Where one of `care` is said in the carer's clause
        (read in the words as sent: the looked-after reading may have taken them as the child's), `care_leads` leads."""
        query, words, ranked, final, matched, unborn, age_in_months = c.query, c.words, c.ranked, c.final, c.matched, c.unborn, c.age_in_months
        el, nn = self.elsewhere, self.not_now
        assert el is not None
        at, clauses = self._adult_past_at(words)
        if not at:
            return set()
        rests, quiet = self._elsewhere_rests(at, words, matched, youth=True), self._elsewhere_quiet(at, words)
        history = {n for n in (nn.kept if nn is not None else ()) if self._height(n) < (False, Level.PROTECTION.rank)}
        kept = el.past_kept | history
        out = {n for n in ranked if self._concern(n) and n not in kept and (rests(n) or (quiet and not matched.get(n)))}
        sent = normalise(query).split()
        sent_at, sent_clauses = self._adult_past_at(sent)
        care = any(a <= i < b for p in el.care for i in _phrase_at(p, sent) for a, b in sent_clauses)
        lead = el.care_leads
        if care and lead is not None and lead not in hidden and self._admits(lead, unborn, age_in_months):
            _offered_last(lead, ranked, final)
            matched.setdefault(lead, set())
            self._lead_with(lead, ranked, final)
            out.discard(lead)
        return out

    def _long_past_first(self: SearchIndex, c: _Call, hidden: set[int]) -> set[int]:  # type: ignore[misc]
        """N2 (`elsewhere.long_past`): a concern the call puts long in the past and ended (_ended_at: "years ago", "when
        he was a toddler"), the call saying nothing else (_elsewhere_quiet). p9's rows resting only on the past, or on
        nothing the call said, leave the first three, but the not_now readings' `kept` (a disclosure long ago is an
        allegation now; "has suffered significant harm"); so do rows of concern the words did not match, and rows of
        any level matched only by `filler` (the time words: "toddler", "baby", "years", "well"). A Protection need
        resting only on the past does not lead: the first other row that stays leads. The past concern's own rows
        below Protection may lead (whether it is offered is the practitioner's)."""
        words, ranked, final, matched = c.words, c.ranked, c.final, c.matched
        el, nn, ends = self.elsewhere, self.not_now, self.ends
        assert el is not None
        at = self._ended_at(words)
        if not at or not self._elsewhere_quiet(at, words):
            return set()
        kept = (nn.kept if nn is not None else frozenset()) | (ends.kept if ends is not None else frozenset())
        fill = {i for i, w in enumerate(words) if w in el.filler}
        rests, on_filler = self._elsewhere_rests(at | fill, words, matched), self._elsewhere_rests(fill, words, matched, denials=True)
        out = set()
        for n in ranked:
            ind = self.entries[n].indicator
            if n in kept:
                continue
            if on_filler(n) or (self._concern(n) and not matched.get(n)) or (ind.immediate and rests(n)):
                out.add(n)
        first = next((n for n in ranked if n not in out), None)
        protection = first is not None and first not in kept and self._height(first) == (False, Level.PROTECTION.rank) and rests(first)
        if protection or (first is not None and first != ranked[0] and self.entries[first].indicator.immediate):  # no p9 row newly first
            lead = next((n for n in ranked if n not in out and n not in hidden and n != first and self._height(n) < (False, Level.PROTECTION.rank)), None)
            if lead is not None:
                self._lead_with(lead, ranked, final)
        return out

    def _hypothetical_at(self: SearchIndex, words: list[str]) -> set[int]:  # type: ignore[misc]
        """The places of a hypothetical (N3, `elsewhere.hypothetical`): from one of `marks` to the end of its clause,
        HYPOTHETICAL_REACH words at most; not where one of `present` is said in them ("might be being hurt", "may have
        been", "again"), a denial follows the mark ("could not") or, for one of `ability`, comes before it in its clause
        ("nobody could explain the bruises", "neither mum nor dad could say how": fix27c, _ability_denied), "may" is a
        month ("in may"), or one of `asking` comes just before "if" ("not sure if", "asked if": a suspicion of now)."""
        el = self.elsewhere
        assert el is not None
        bounds = (CLAUSE_WORDS | JOINING) - {"if"}
        worry = self.not_yet.worry if self.not_yet is not None else frozenset()  # "nobody thinks she could": the thought denied
        out: set[int] = set()
        for phrase in el.if_marks:
            for i in _phrase_at(phrase, words):
                after = i + len(phrase)
                if after < len(words) and (words[after] in NEGATIONS or words[after] in DENYING):
                    continue
                if phrase[0] in el.ability and _ability_denied(words, i, el.ability_denials | DENYING, bounds | el.asking | worry):
                    continue
                if phrase == ("may",) and i > 0 and words[i - 1] in ("in", "of", "since", "last", "next", "this"):
                    continue
                if i > 0 and words[i - 1] in el.asking:
                    continue
                end = next((m for m in range(after, len(words)) if words[m] in bounds), len(words))
                end = min(end, after + HYPOTHETICAL_REACH)
                span = words[i:end]
                if any(_phrase_at(p, span) for p in el.if_present):
                    continue
                out.update(range(i, end))
        return out

    def _hypothetical_first(self: SearchIndex, c: _Call, hidden: set[int]) -> set[int]:  # type: ignore[misc]
        """N3: a p9 row first resting only on a hypothetical (_hypothetical_at) gives the lead to the best placed of
        `risk_leads` in the first three and stays among them. Nothing leaves the first three on a hypothetical: "may be
        pregnant", "may be involved in ..." are suspicions of now (fix19d's under-13 pregnancy, a carer's threat), and a
        worry of likely harm is p9's "likely to suffer significant harm" (the arguable members, review 21 N3)."""
        words, ranked, final, matched = c.words, c.ranked, c.final, c.matched
        el = self.elsewhere
        assert el is not None
        at = self._hypothetical_at(words)
        if not at:
            return set()
        rests = self._elsewhere_rests(at, words, matched)
        front = ranked[:KEPT_PLACES]
        if self.entries[front[0]].indicator.immediate and rests(front[0]):
            lead = next((n for n in front if n in el.risk_leads and n not in hidden), None)
            if lead is not None:
                self._lead_with(lead, ranked, final)
        return set()

    def _explained_first(self: SearchIndex, c: _Call, hidden: set[int]) -> set[int]:  # type: ignore[misc]
        """N6 (`elsewhere.explained`): an ordinary injury (one of `injuries`) with its cause said (one of `causes`),
        none of `severe`, no carer's account (one of `reported` before the cause), the child not under `under_months`
        (nor unborn). A row of concern below p9 resting only on the cause's words leaves the first three; `rows` (p9's
        unexplained injuries) do not lead where a row matched by a word of the call stays to lead, and stay in the
        first three: whether the explanation is consistent is the practitioner's."""
        words, ranked, final, matched, unborn, age_in_months = c.words, c.ranked, c.final, c.matched, c.unborn, c.age_in_months
        el = self.elsewhere
        assert el is not None
        if unborn or (age_in_months is not None and age_in_months < el.under_months):
            return set()
        if el.injuries.isdisjoint(words) or not el.severe.isdisjoint(words):
            return set()
        causes = [(i, len(p)) for p in el.causes for i in _phrase_at(p, words)]
        if not causes or any(w in el.reported for w in words[: min(i for i, _ in causes)]):
            return set()
        at = {i + k for i, n in causes for k in range(n + EXPLAINED_REACH) if i + k < len(words) and words[i + k] not in el.injuries}
        fill = {i for i, w in enumerate(words) if w in el.filler}
        rests = self._elsewhere_rests(at | fill, words, matched)
        out = {n for n in ranked if self._concern(n) and not self.entries[n].indicator.immediate and rests(n)}
        first = next((n for n in ranked if n not in out), None)
        if first in el.explained_rows:  # the lead: a row below p9 matched by a word of the call outside the cause and the injury
            said = self._elsewhere_said(at | {i for i, w in enumerate(words) if w in el.injuries}, words, matched)
            lead = next((n for n in ranked if n not in out and n not in hidden and not self.entries[n].indicator.immediate and said(n)), None)
            if lead is not None:
                self._lead_with(lead, ranked, final)
        return out

    def _not_yet_below(self: SearchIndex, c: _Call) -> None:  # type: ignore[misc]
        """Review 21 N3 (fix23f; the synonyms file's `not_yet`, this tool's reading, declared there): a hypothetical
        (fix21p's _hypothetical_at) of a thing not yet so (no word of `now` in it), where the call says no harm by
        another (_harm_by_another_said), moves out of the first three the rows that need the fact and rest only on
        its words (_elsewhere_rests): p9's rows, Protection needs and `fact_rows`; where the call says nothing else
        but `worry` words, also the rows of concern the words did not match. `kept` stay. Adds to `unstated`
        (_out_of_sight_step moves them just below the first three: still offered); no p9 row, Protection need or
        unmatched concern comes into the first three in their place (_no_newcomers)."""
        ny = self.not_yet
        if ny is None or self.elsewhere is None or not c.ranked:
            return
        words = c.words
        at = self._hypothetical_at(words)
        if not at or not ny.now.isdisjoint(words[i] for i in at) or self._harm_by_another_said(words):
            return
        rests = self._elsewhere_rests(at, words, c.matched)
        quiet = self._elsewhere_quiet(at | {i for i, w in enumerate(words) if w in ny.worry}, words)
        out = set()
        for n in c.ranked:
            if n in ny.kept or n in ny.fact_rows or not self._concern(n):
                continue
            if (self._height(n) >= (False, Level.PROTECTION.rank) and rests(n)) or (quiet and not c.matched.get(n)):
                out.add(n)
        # a fact row first on the hypothetical alone ("might get pregnant") does not lead: `fact_leads` does, where the
        # child's age admits it; the fact row stays in sight, next
        stay = [n for n in c.ranked if n not in out and n not in c.withheld][:KEPT_PLACES]
        first = stay[0] if stay else None
        # a row of `kept` in sight leads before `fact_leads` ("Sexual activity under 13" for a girl of 12)
        lead = next((n for n in stay if n in ny.kept), ny.fact_leads)
        if first is not None and first in ny.fact_rows and rests(first) and lead is not None and lead not in c.withheld and c.admits(lead):
            _offered_last(lead, c.ranked, c.final)
            c.matched.setdefault(lead, set())
            self._lead_with(lead, c.ranked, c.final)
            out.discard(lead)
        self._no_newcomers(c, out)

    def _harm_by_another_said(self: SearchIndex, words: list[str]) -> bool:  # type: ignore[misc]
        """Whether the words say harm by another or a threat (fix23f, `not_yet`): a word of `lethal` anywhere, or one of
        `harm_to` not beside one of `own` ("self harming", "hurt himself" are the child's own)."""
        ny = self.not_yet
        assert ny is not None
        for i, w in enumerate(words):
            if w in ny.lethal:
                return True
            if w in ny.harm_to:
                near = words[max(0, i - 1) : i] + words[i + 1 : i + 2]
                if ny.own.isdisjoint(near):
                    return True
        return False

    def _no_newcomers(self: SearchIndex, c: _Call, out: set[int]) -> None:  # type: ignore[misc]
        """Add `out` to the call's `unstated`, and with it every row that would come into the first three in their
        place and is p9's, a Protection need or a concern the words did not match (fix23f; as _elsewhere_first)."""
        if not out:
            return
        hidden = c.withheld
        before = set(c.ranked[:KEPT_PLACES])
        while True:
            front = [n for n in c.ranked if n not in out and n not in hidden][:KEPT_PLACES]
            newcomers = {
                n for n in front if n not in before and (self._height(n) >= (False, Level.PROTECTION.rank) or (self._concern(n) and not c.matched.get(n)))
            }
            if not newcomers:
                break
            out |= newcomers
        c.unstated = c.unstated | frozenset(out)
        # just below the first three rows that stay (however few others the earlier readings left in sight), in their
        # order: still offered fourth or lower, not after every row the list holds; scores follow the order
        ranked, final = c.ranked, c.final
        stay = [n for n in ranked if n not in out][:KEPT_PLACES]
        ranked[:] = stay + [n for n in ranked if n in out] + [n for n in ranked if n not in out and n not in stay]
        _scores_follow_order(ranked, final)

    def _explained_play_below(self: SearchIndex, c: _Call) -> None:  # type: ignore[misc]
        """Review 21 N6 (fix23f; the synonyms file's `explained_play`, this tool's reading, declared there): fix21p's
        explained injury (_explained_first's own test: a minor injury, a cause, nothing severe, no carer's account)
        whose cause is the child's own play (one of `play`), none of `many` said, the child at least `min_months` old
        (given; no age given, not read): `injury_rows` leave the first three, and `rows` unless the call names them
        (their `named_rows.words`, read as _named_readings reads them). Adds to `unstated` (_no_newcomers)."""
        ep, el = self.explained_play, self.elsewhere
        if ep is None or el is None or not c.ranked:
            return
        words, age = c.words, c.age_in_months
        if age is None or age < max(ep.min_months, el.under_months):
            return
        if el.injuries.isdisjoint(words) or not el.severe.isdisjoint(words) or ep.play.isdisjoint(words):
            return
        if any(_phrase_at(p, words) for p in ep.many):
            return
        causes = [i for p in el.causes for i in _phrase_at(p, words)]
        if not causes or any(w in el.reported for w in words[: min(causes)]):
            return
        out = {n for n in ep.injury_rows if n in c.ranked}
        for n in ep.rows:
            groups = self.named_words.get(n)
            if n in c.ranked and not (groups and all(self._says_core(g, words, c.stems, c.typing) for g in groups)):
                out.add(n)
        self._no_newcomers(c, out)

"""The core, stated, concern and denial readings: an immediate criterion whose `core` the call does not say
does not lead (_core_first, _says_core, _core_said), nor an age-banded p9 row whose concern is unsaid
(_unstated, _out_of_sight); a p9 criterion the call states whole leads (_stated_first); a plain call leads
with no p9 criterion or Protection need (_concern_first, _high); and a concern the words deny does not lead
(_denied_first, _named_denied, _phrase_denied, _use_denied, _denials, _concern, _concern_or_first, _height).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Optional

from pathway import search_denial_only
from pathway.catalogue import Indicator
from pathway.levels import Level
from pathway.search_call import (
    KEPT_PLACES,
    _back_in_sight,
    _Call,
    _scores_follow_order,
)
from pathway.search_denials import (
    DENYING,
    LISTING,
    _bridged_reach,
    _denied_positions,
)
from pathway.search_text import (
    CLAUSE_WORDS,
    JOINING,
    WORRY,
    _phrase_at,
    _says_exactly,
    _stop,
    stem,
)

if TYPE_CHECKING:
    from pathway.search import SearchIndex

MIN_PREFIX = 2
BLANK = ""  # a place of the call read as no word (SearchIndex._stated_first): denied, or another child's


def _height_of(indicator: Indicator) -> tuple[bool, int]:
    """How high a row is: an immediate criterion above Protection above Extensive above Additional above Universal."""
    return (indicator.immediate, indicator.level.rank)


def _denied_everywhere(words: list[str], denied: set[int]) -> set[str]:
    """The words said only at `denied` places: denied wherever the call says them (_denied_first, _gone)."""
    return {words[i] for i in denied} - {w for i, w in enumerate(words) if i not in denied}


def _said_on(labels: Iterable[str], gone: set[str], empty: frozenset[str] | set[str]) -> bool:
    """Whether one of the words (or phrases) that matched a row, less the `empty` words, is said outside a denial: none
    of its words is in `gone` (denied wherever the call says it)."""
    return any(ws.isdisjoint(gone) for ws in (set(label.split()) - empty for label in labels) if ws)


class CoreReadings:
    """Split out of pathway/search.py (split24b) as the mixin `CoreReadings` that SearchIndex is composed of; the
    denial's plain word functions (_denied_positions, _bridged_reach, DENYING...) stay in pathway/search_denials.py,
    which pathway/search_senses.py imports too (a mixin there that imports search_senses would be a cycle). The calm
    reading (_calm_first) stays in SearchIndex: tests patch pathway.search.CALM, which it reads. Each method is typed
    on SearchIndex (`self: SearchIndex`), whose __init__ declares the tables and attributes they read, so mypy checks
    each body against the real index; mypy wants a self type to be a supertype of the class, hence the
    `type: ignore[misc]` on each `def` line (that check alone: the bodies are still checked).
    """

    def _core_first(  # type: ignore[misc]
        self: SearchIndex,
        words: list[str],
        stems: list[str],
        typing: bool,
        ranked: list[int],
        final: dict[int, float],
        joined: Optional[int] = None,
        age: Optional[int] = None,
    ) -> None:
        """Safety first without inflation (review 13 J1; search13b): an immediate criterion with a `core` in
        the synonyms file (this tool's reading, declared there) does not lead unless the call says one of
        its core words (_says_core). p9's "repeated domestic violence witnessed and/or experienced by
        child; adult mental health issues or substance use issues" is one criterion, and its row's own
        text and phrasings ("violent partner and she drinks") led "mum has mental health issues and drinks
        a lot" with it, preselected, for a call that said no violence. Where the first result is such a
        criterion and its core is not said, the first result that is not one takes first place (_lead_with:
        the others one place lower, and an immediate criterion in the first KEPT_PLACES, this one too, stays
        there, so the practitioner still sees it); after a parent's psychosis joined to harm, the joined
        criterion (_joined_first). Where nothing else was found, nothing moves.

        Since search16b a criterion of the synonyms file's `core_from_age` has its core from that age on (review 11 H3:
        "leaves her 17 year old at home when she works nights" led with p9's home alone, whose "their age and
        vulnerability places them at risk" the call does not say): read as a `core` is where the child's age is given
        and is the entry's or more."""
        core = self.core | self._aged_core(age)
        if ranked and ranked[0] in core:
            self._past_unsaid_core(core, words, stems, typing, ranked, final, joined)

    def _aged_core(self: SearchIndex, age: Optional[int]) -> dict[int, list[tuple[str, ...]]]:  # type: ignore[misc]
        """The `core_from_age` entries this age has reached (the child's age given and the entry's or more)."""
        return {n: c for n, (months, c) in self.core_from_age.items() if age is not None and age >= months}

    def _past_unsaid_core(  # type: ignore[misc]
        self: SearchIndex,
        core: dict[int, list[tuple[str, ...]]],
        words: list[str],
        stems: list[str],
        typing: bool,
        ranked: list[int],
        final: dict[int, float],
        joined: Optional[int],
    ) -> None:
        """Where the first row is of `core` and its core is unsaid, the joined criterion (its core said), else the first
        row that is not such a row, leads (_lead_with: the first stays in the first three); _core_first and
        _left_unsaid_first share it."""

        def unsaid(n: int) -> bool:
            return n in core and not self._core_said(n, words, stems, typing, core)

        if not unsaid(ranked[0]):
            return
        lead = joined if joined is not None and not unsaid(joined) else next((n for n in ranked if not unsaid(n)), None)
        if lead is not None:
            self._lead_with(lead, ranked, final)

    def _out_of_sight(self: SearchIndex, rows: set[int], ranked: list[int], final: dict[int, float], unstated: frozenset[int] = frozenset()) -> None:  # type: ignore[misc]
        """Move each of `rows` out of the first KEPT_PLACES (search16b): the first KEPT_PLACES results that are none of
        them come first, in their order, then the rest in theirs; never an immediate criterion (a p9 row keeps its
        sight), but for those of `unstated` (search17p: an age-banded p9 row whose concern the call does not say,
        _unstated). Still in the list, so the practitioner who reads the call otherwise can still choose it; no longer
        among the first three the call screen offers (review 15 L1-L3's "offered")."""
        moved = {n for n in rows if not self.entries[n].indicator.immediate} | unstated
        if moved.isdisjoint(ranked[:KEPT_PLACES]):
            return
        front = [n for n in ranked if n not in moved][:KEPT_PLACES]
        rest = [n for n in ranked if n not in front]
        if not front:
            return  # nothing else was found: nothing moves
        floor = final[front[-1]]
        for n in rest:  # scored below the last of the first three, keeping their order
            if final[n] >= floor:
                final[n] = round(floor - 1e-6, 6)
            floor = final[n]
        ranked[:] = front + rest

    def _into_sight(self: SearchIndex, row: int, place: int, ranked: list[int], final: dict[int, float]) -> bool:  # type: ignore[misc]
        """Offer `row` at `place` among the first KEPT_PLACES (a reading's row the words did not rank there: fix25a's
        older partner and home-alone pair), the lowest row there after the first that is no p9 criterion leaving
        the first three for the place just below them; where every one of the first three is a p9 row nothing moves
        (False): a reading never puts a p9 row out of sight to offer another."""
        front = ranked[:KEPT_PLACES]
        lowest = next((n for n in reversed(front[1:]) if not self.entries[n].indicator.immediate), None)
        if lowest is None and len(front) == KEPT_PLACES:
            return False
        if row in ranked:
            ranked.remove(row)
        final.setdefault(row, 0.0)
        ranked.insert(place, row)
        if lowest is not None:
            ranked.remove(lowest)
            ranked.insert(KEPT_PLACES, lowest)
        _scores_follow_order(ranked, final)
        return True

    def _placed_in_sight(self: SearchIndex, row: int, place: int, score: float, ranked: list[int], final: dict[int, float], fine: int = 6) -> None:  # type: ignore[misc]
        """Put `row` (one not among the first KEPT_PLACES) at `place` with `score`, then bring back every p9 row of the
        first KEPT_PLACES it pushed out, the last row there that is neither `row` nor a p9 row giving way
        (_back_in_sight; review 8 S1). The move _stated_first, _pregnant_young_first, _harm_by_adult_first, fix22a's
        night-time lead and _unsaid_facts_below's offer share. Unlike _into_sight, the other rows keep their scores."""
        kept = [m for m in ranked[:KEPT_PLACES] if self.entries[m].indicator.immediate]
        if row in ranked:
            ranked.remove(row)
        final[row] = score
        ranked.insert(place, row)
        _back_in_sight(kept, lambda r: r == row or self.entries[r].indicator.immediate, ranked, final, fine)

    def _unstated(self: SearchIndex, words: list[str], stems: list[str], typing: bool) -> frozenset[int]:  # type: ignore[misc]
        """The age-banded p9 rows of the synonyms file's `stated.concept` whose concern the call does not say (review 17
        N5; search17p; this tool's reading, declared there): none of its words said, read as a `core` is (_says_core),
        whatever denies it (generous: it holds a row back). The age word alone ("baby", "new baby") is the band, which the
        age already gives: "mum is struggling to cope with the new baby" (3 months) is no parent's substance use, and
        "baby has a fractured arm, parents say he rolled off the sofa" (8) leads with the injury criterion it states.
        Such a row holds no kept place and leaves the first three at the end (_out_of_sight)."""
        if not self.concept:
            return frozenset()
        return frozenset(n for n, concept in self.concept.items() if not self._says_core(concept, words, stems, typing))

    def _stated_first(self: SearchIndex, c: _Call) -> None:  # type: ignore[misc]
        """Safety first (review 17 N4; search17p; this tool's reading, declared in the synonyms file's `stated.in_full`):
        a p9 criterion whose every part the call states leads over a first result that is not an immediate criterion.
        A part is said where one of its words is, read strictly since it lifts a row (_says_exactly), outside a denial
        (_denials) and outside another child's clause (_said_of_other); an age-banded criterion is stated only where the
        child's age is given (the search admits it only in its band); none is where the call says a `doubt` ("I think",
        "possible": p9 asks for evidence, and the document's "Suspected ..." rows are the suspicion's). "every weekend he
        sees dad hit mum" (5) states p9's "repeated domestic violence witnessed and/or experienced by child" whole, and
        led with the Extensive "Child witnessing and experiencing domestic abuse", preselected: Enter decided Extensive,
        no ring-now. The best-placed criterion stated leads (_lead_with: the others one place lower), found by the
        words or not ("he watches dad push mum every weekend" found none of its words). Where an immediate criterion is
        first already, it stays first, and the one stated comes second if it is not in the first KEPT_PLACES ("he hears
        dad slap mum many times" led with p9's first criterion and had the domestic-violence criterion fifth). Where
        none is stated, nothing moves."""
        words, stems, ranked, final, age, unborn = c.words, c.stems, c.ranked, c.final, c.age_in_months, c.unborn
        if not ranked or not self.in_full or _says_exactly(self.doubt, stems):
            return
        skip = set(self._denials(words, stems)) | {i for i, other in enumerate(self._said_of_other(words)) if other}
        said_stems = [BLANK if i in skip else s for i, s in enumerate(stems)]
        place = {n: k for k, n in enumerate(ranked)}  # the best-placed first; one the words stated but matching missed, after
        for n in sorted(self.in_full, key=lambda n: place.get(n, len(ranked))):
            if (self.entries[n].indicator.age_band and age is None and not unborn) or not self._admits(n, unborn, age):
                continue
            if not all(_says_exactly(part, said_stems) for part in self.in_full[n]):
                continue
            if not self.entries[ranked[0]].indicator.immediate:
                self._lead_with(n, ranked, final)
            elif n not in ranked[:KEPT_PLACES]:  # second, just below the immediate criterion first
                self._placed_in_sight(n, 1, round(final[ranked[0]], 6) - 1e-6, ranked, final)  # stop 48: S1
            return

    def _says_core(self: SearchIndex, core: list[tuple[str, ...]], words: list[str], stems: list[str], typing: bool, of_oneself: bool = False) -> bool:  # type: ignore[misc]
        """Whether the call says one of a criterion's core words or phrases. Generous (safety first): a
        word counts through what the words table gives for it, the words one typo from it when the index
        does not know it, and the last word's completions while it is typed; a phrase's words said in order.
        `of_oneself`: a word said of oneself counts too (a Protection need's core, search15b: "neglecting
        herself" is the young carer's neglect; "tried to kill himself" is no violence)."""
        single = {c[0] for c in core if len(c) == 1}
        last = len(words) - 1
        for i, (w, s) in enumerate(zip(words, stems)):
            if not of_oneself and words[i + 1 : i + 2] and words[i + 1] in self.subject.reflexives:
                continue  # said of oneself: "tried to kill himself" is no violence (search15)
            said = {s, *self.word_synonyms.get(s, ())}
            if s not in self.postings and s not in self.word_synonyms:
                said.update(stem(near) for near in self._near(w))
            if i == last and typing and len(w) >= MIN_PREFIX:
                said.update(stem(full) for full in self._completions(w))
            if said & single:
                return True
        return any(_phrase_at(c, stems) for c in core if len(c) > 1)

    def _core_said(  # type: ignore[misc]
        self: SearchIndex, n: int, words: list[str], stems: list[str], typing: bool, core: Optional[dict[int, list[tuple[str, ...]]]] = None
    ) -> bool:
        """Whether the call says row n's `core` (_says_core; `core`: the cores read, the index's own unless given):
        for a Protection need, a word said of oneself counts ("neglecting herself"); for an immediate criterion it
        does not ("kill himself"). Since fix33d (review 32 K4, review 31 Q7) a harm word of `denial.unsays_core` said
        only where a denial covers it (_denials) is no core said: "mum drinks but nobody has been hurt and there is no
        violence" no longer leads with p9's repeated domestic violence. Other words a denial covers stay said: a core
        said by a denial is the concern ("won't let anyone help", "nobody's in")."""
        if not self.unsays_core.isdisjoint(words):
            denied = set(self._denials(words, stems))
            words = [BLANK if i in denied and w in self.unsays_core else w for i, w in enumerate(words)]
            stems = [BLANK if not w else s for w, s in zip(words, stems)]
        return self._says_core((self.core if core is None else core)[n], words, stems, typing, of_oneself=not self.entries[n].indicator.immediate)

    def _undenied(self: SearchIndex, words: list[str], stems: list[str]) -> tuple[list[str], list[str]]:  # type: ignore[misc]
        """The call with the places a denial covers (_denials) read as no word (BLANK), the places kept: what a reading
        that lifts a row on a word must not lift it on ("he's never violent" says no violence)."""
        denied = set(self._denials(words, stems))
        return [BLANK if i in denied else w for i, w in enumerate(words)], [BLANK if i in denied else s for i, s in enumerate(stems)]

    def _gone(self: SearchIndex, words: list[str], stems: list[str]) -> set[str]:  # type: ignore[misc]
        """The words the call denies wherever it says them (_denials): "he's never hit anyone" says no "hit"."""
        return _denied_everywhere(words, set(self._denials(words, stems)))

    def _rests_on_denial(  # type: ignore[misc]
        self: SearchIndex, n: int, matched: dict[int, set[str]], gone: set[str], empty: Optional[frozenset[str]] = None
    ) -> bool:
        """Row n was matched by words, and by none of concern but words the call denies wherever it says them (`gone`,
        _gone; _denied_first's test with its plain `empty` words; given: those, _no_concern_words)."""
        plain = self.denial_plain_words if empty is None else empty
        return bool(matched.get(n)) and not _said_on(matched[n], gone, plain)

    def _no_concern_words(self: SearchIndex, carers: bool = True) -> frozenset[str]:  # type: ignore[misc]
        """The words _denied_first and _denied_in_sight read as no concern of their own where they matched a row: a
        denial, a clause or joining word, a verb of saying or seeing ("not", "but", "says", "seen"); and (fix33d, review
        32 K4) a child's word, which word matching reads only as an age band's evidence ("the baby has no marks on her
        at all" rested p9's "Under two ... unexplained bruising" on "baby" as if said), and a carer's ("mum's boyfriend
        smokes weed but there's no domestic abuse" rested p17's "persistent domestic abuse" on "boyfriend"): who, not what."""
        return self.no_concern_with_carers if carers else self.no_concern_words  # built once (SearchIndex.__init__)

    def _concern_first(self: SearchIndex, c: _Call) -> None:  # type: ignore[misc]
        """Safety first without inflation (review 10, H2; search11): the first result is preselected on
        the call screen and one keystroke adds it, so neither an immediate criterion (p9) nor a
        Protection need is put first for a call every word of which is plain (the synonyms file's
        `plain`: words that alone carry no concern, "new partner moved in and the kids like him", "she
        told me about her new school", "high marks", "expecting again"). Both levels name harm or its
        risk ("known to pose a risk", "previous child protection concerns", "forced", "chronic"), which
        a plain call does not say. The best result below Protection takes first place and the others
        keep their order, one place lower: still in sight, no longer the one preselected (and an
        immediate criterion in the first KEPT_PLACES stays there, _lead_with). One word that is not
        plain (a concern, "worried", a typo, a word still being typed, a number) and nothing moves; where
        nothing below Protection was found, nothing moves. No labelled call naming a p9 concern or a
        Protection need is plain (tests/pathway/test_search_plain_words.py)."""
        words, stems, ranked, final = c.words, c.stems, c.ranked, c.final
        if not ranked or not self._high(ranked[0]) or not self._only_plain(words, stems):
            return
        lead = next((n for n in ranked if not self._high(n)), None)
        if lead is not None:
            self._lead_with(lead, ranked, final)

    def _denied_first(  # type: ignore[misc]
        self: SearchIndex,
        words: list[str],
        stems: list[str],
        ranked: list[int],
        final: dict[int, float],
        matched: dict[int, set[str]],
        negated: frozenset[int] | set[int] = frozenset(),
        barred: frozenset[int] = frozenset(),
    ) -> None:
        """Safety first without inflation (review 12, H6; search13): a concern the words deny ("there is no
        domestic violence in the home", "mum says she has no bruises and is fine") does not lead with the
        immediate criterion (p9) it names. A word is denied where a "no", "not", "never"... comes at most
        NEGATION_REACH words before it in its clause (_denied_positions: the denial is scoped, never the
        whole call), unless the denial's first content word is one a concern's own words deny ("no food",
        "not coping", "nobody looking after them", "nobody can explain": `concern_denials`, from the
        catalogue and the synonyms file): that is the concern said, not denied. Where the first result is
        an immediate criterion and every word (or phrase) that matched it is denied, the first result
        that rests on a word said takes first place, unless that is itself an immediate criterion or a
        Protection need (the call then says a harm it does not deny, "no food in the house, she's skin
        and bone": nothing moves); where none rests on a word said, the best below Protection (_lead_with: the
        others one place lower, an immediate criterion in the first KEPT_PLACES kept there, so the
        practitioner still sees it; where the first KEPT_PLACES are all immediate criteria nothing moves,
        so none leaves them). A result the words did not match (the model's alone) is never read
        as denied. Never after a parent's psychosis joined to harm (_joined_first).

        Since search16 (review 16 M4) a row above Universal first is read too, where the denial names it (a word
        of its own text or catalogue keywords right after the denial: _named_denied) and none of its matched
        words is said: the first result resting on a word said leads, never a higher one; else a strength whose
        own denial the call says ("not homeless") or a concern the model alone found, no higher; else the best
        concern of the lowest level found, where it is lower than the first; else nothing moves. `negated`: the
        strengths the call says missing, which never lead for a denial. `barred`: rows that leave the first three at the
        end whatever is said (fix21d: a pregnancy row with no pregnancy word, _not_pregnant), never a denial's new lead:
        the lead is the next undenied row below them, or nothing moves."""
        if not ranked or not self._concern(ranked[0]):
            return
        denied = set(self._denials(words, stems))
        if not denied:
            return
        gone = _denied_everywhere(words, denied)  # a word denied wherever it is said
        empty = DENYING | CLAUSE_WORDS | JOINING | self.subject.opens  # "not", "but", "says", "seen": no concern of their own
        # fix33d: ...nor, for a row a denied word matched, a child's word (_no_concern_words: "the baby has no marks")
        beside_denied = self._no_concern_words(carers=False) - empty
        lacking = search_denial_only.lacking(words, self.denial_only.positive) if self.denial_only is not None else set()
        first_p9 = self.entries[ranked[0]].indicator.immediate
        if not self.entries[ranked[0]].indicator.immediate:  # below p9 (search16): "sign of", "family" neither
            empty |= self.hedges | self.hedge_joins | self.topics
            # ...and the first rests on a denial only where the denial names it: a word of its own text said right after it,
            # or (fix32c) a hedge denied ("no issues", "never in any bother") and every word that matched it a denial, a
            # hedge or a word the denial names (_matched_on_named): a Universal row leads (_named_strength) or nothing moves
            named = self._named_denied(words, stems)
            if self.named[ranked[0]].isdisjoint(named):
                if any(words[i] in self.hedges for i in denied) and self._matched_on_named(matched.get(ranked[0], ()), named):
                    lead = self._named_strength(ranked, matched, named, barred)
                    if lead is not None:
                        self._lead_with(lead, ranked, final)
                return

        def said_on(n: int) -> bool:  # matched by a word (or phrase) of concern that is not denied
            labels = matched.get(n, ())
            if not any(not gone.isdisjoint(ws.split()) for ws in labels):
                return _said_on(labels, gone, empty)
            # fix33d: a denied word's row rests on no child's word, and (for a p9 row first) a strength said lacking is
            # said ("no bruises on the baby at all, she just won't settle at night": p13-14's "Attachment issues")
            return _said_on(labels, gone - lacking if first_p9 else gone, empty | beside_denied)

        def rests_on_denial(n: int) -> bool:  # matched by words, and by none of concern but denied ones
            return bool(matched.get(n)) and not said_on(n)

        if not rests_on_denial(ranked[0]) or all(self.entries[n].indicator.immediate for n in ranked[:KEPT_PLACES]):
            return  # (the first three all immediate: a new first would push one out of sight)
        cands = [n for n in ranked if n not in barred]  # fix21d
        lacks = lacking
        if lacks:  # Search26a: a strength the call negates ("isn't loved", "no friends") is never shown first
            cands = [n for n in cands if self._concern(n)]
        lead = next((n for n in cands if said_on(n)), None)
        if self.entries[ranked[0]].indicator.immediate:  # review 12 H6 (search13-15), as it was
            if lead is not None and self._high(lead):
                return  # the call says a harm in words it does not deny: not a denial to read
            if lead is None and lacks:  # Search26a: ...the row the strength's lack says ("not loved": p17's apathetic parenting)
                lead = next((n for n in cands if not self.entries[n].indicator.immediate and any(lacks & set(ws.split()) for ws in matched.get(n, ()))), None)
            if lead is None:
                lead = next((n for n in cands if not self._high(n) and not rests_on_denial(n)), None)
            if lead is None:
                lead = next((n for n in cands if not self._high(n)), None)
        elif lead is not None and self._height(lead) > self._height(ranked[0]):
            return  # below p9 (search16): never a higher row for a denial ("not neglected, always clean and fed")
        elif lead is None:  # below p9 (search16): a strength whose own denial the call says, or a concern the model alone found
            denied_stems = {stems[i] for i in denied}
            # search18: a strength whose words the call denies only inside a concern's own phrase denied whole
            # ("not out of control": "Age appropriate behaviour and self control") is that concern's absence
            whole = {stem(w) for j in range(len(words)) if words[j] in DENYING for w in self._phrase_denied(words, j)}

            def opposite(n: int) -> bool:  # the strength "not out of control" says
                return n in self.strength_words and bool(denied_stems & self.strength_words[n][0]) and denied_stems & self.strength_words[n][0] <= whole

            def strength_said(n: int) -> bool:  # "not homeless": the strength "appropriate accommodation" ("not homeless") said
                return n in self.strength_words and (n not in negated and bool(denied_stems & self.strength_words[n][1]) or opposite(n))

            top = self._height(ranked[0])  # never a higher row for a denial ("no fighting, no violence": no p9 row the model alone found)
            lead = next((n for n in cands if opposite(n)), None)  # search18: the denied phrase's own strength first
            if lead is None:
                lead = next((n for n in cands if strength_said(n) or (self._concern(n) and not matched.get(n) and self._height(n) <= top)), None)
            if lead is None:  # ...else the best concern of the lowest level found, where it is lower than the first's
                lowest = min((self._height(n) for n in cands if self._concern(n)), default=self._height(ranked[0]))
                lead = next((n for n in cands if self._concern(n) and self._height(n) == lowest), None)
                if lowest == self._height(ranked[0]):  # ...else a strength of the first's own domain found (search16b: "mum does not drink")
                    domain = self.entries[ranked[0]].indicator.domain

                    def strength(n: int) -> bool:
                        return not self._concern(n) and (n not in negated or opposite(n))

                    lead = next((n for n in cands if strength(n) and self.entries[n].indicator.domain == domain), None)
                    if lead is None and (whole or any(self._use_denied(words, stems, k) for k in denied)):
                        # search18: ...else, for a substance's use or a concern's own phrase denied, any strength found
                        # ("mum does not take drugs or drink"); an absence's denial stays the concern ("never goes to clubs")
                        lead = next((n for n in cands if strength(n)), None)
        if lead is not None:
            self._lead_with(lead, ranked, final)

    def _named_denied(self: SearchIndex, words: list[str], stems: list[str]) -> set[str]:  # type: ignore[misc]
        """The stems a denial names (search16): the first word after a "no", "not", "never"... that is not a
        stopword, a bridge, a hedge or its join, or one of the synonyms file's `denial.between` ("gone", "involved"),
        within its clause: "never been trafficked", "not in a gang", "has never gone missing", "no sign of self
        harm". None where that word is a concern's own denial ("no food", "not coping": `concern_denials`)."""
        light = self.bridges | self.hedges | self.hedge_joins | self.between
        out: set[str] = set()
        for j, w in enumerate(words):
            if w not in DENYING:
                continue
            hedged = named = False
            phrase = self._phrase_denied(words, j)  # search18: "not out of control" names the phrase
            out |= {stems[j + 1 + i] for i, w in enumerate(words[j + 1 :]) if w in phrase and not _stop(w, stems[j + 1 + i])}
            for k in range(j + 1, len(words)):
                if words[k] in LISTING and named:  # search18: "not drink or take drugs" names "drugs" too
                    named = False
                    continue
                if words[k] in CLAUSE_WORDS or words[k] in DENYING or words[k] in JOINING:
                    break
                hedged = hedged or words[k] in self.hedges
                if words[k] in light or _stop(words[k], stems[k]) or named or self._use_denied(words, stems, k):
                    continue
                if hedged or stems[k] not in self.concern_denials:
                    out.add(stems[k])
                    named = True
                    continue
                break
        return out

    def _matched_on_named(self: SearchIndex, labels: Iterable[str], named: set[str]) -> bool:  # type: ignore[misc]
        """Whether a row was matched (`labels`) only on denial words, `denial.hedges` and words a denial names
        (`named`: _named_denied's stems): review 31 Q7 (fix32c): "no issues at school whatsoever" put p17's "Family do not
        access any services" first on "no" and "school", "she's never been in bother with the police" p17's apathetic
        parenting on "never" and "bother" ("not bothered"), rows whose own text the denial does not name but which rest
        on nothing the call says undenied: _denied_first reads them as it reads a row the denial names. Only where a hedge
        is denied (the caller denies a trouble, an issue, a concern): "never been to the park" is the concern said."""
        words = [w for label in labels for w in label.split()]
        return bool(words) and all(w in DENYING or w in self.hedges or stem(w) in named for w in words)

    def _named_strength(self: SearchIndex, ranked: list[int], matched: dict[int, set[str]], named: set[str], barred: frozenset[int]) -> Optional[int]:  # type: ignore[misc]
        """The strength to lead where the first row rests on a denial's words alone (_matched_on_named; fix32c): the first
        Universal row whose own text the denial names ("no issues at school": "Attends school: sense of educational
        achievement"), else the first matched on a word it names, else the first the model alone found; None (nothing
        moves) where there is none: never another concern, which the call does not say."""
        universal = [n for n in ranked if n not in barred and not self._concern(n)]
        for fits in (
            lambda n: not self.named[n].isdisjoint(named),
            lambda n: any(stem(w) in named for label in matched.get(n, ()) for w in label.split()),
            lambda n: not matched.get(n),
        ):
            lead = next((n for n in universal if fits(n)), None)
            if lead is not None:
                return lead
        return None

    def _phrase_denied(self: SearchIndex, words: list[str], j: int) -> tuple[str, ...]:  # type: ignore[misc]
        """The concern's own phrase (`concern_phrases`) that starts right after the denial at words[j], past
        `denial.bridges` ("he is not out of control", "has never been out of control"; search18), or ()."""
        k = j + 1
        while k < len(words) and words[k] in self.bridges:
            k += 1
        return next((ph for ph in sorted(self.concern_phrases, key=len, reverse=True) if tuple(words[k : k + len(ph)]) == ph), ())

    def _use_denied(self: SearchIndex, words: list[str], stems: list[str], k: int) -> bool:  # type: ignore[misc]
        """Whether words[k] is a verb of using (`denial.use_verbs`) whose next content word is a substance
        (`denial.use_objects`): "does not take drugs", "never smokes weed" (search18). "does not take her
        medication" stays a concern's own denial."""
        if words[k] not in self.use_verbs:
            return False
        nxt = next((i for i in range(k + 1, len(words)) if not _stop(words[i], stems[i])), None)
        return nxt is not None and words[nxt] in self.use_objects

    def _height(self: SearchIndex, n: int) -> tuple[bool, int]:  # type: ignore[misc]
        """How high a row is (_height_of; _denied_first)."""
        return _height_of(self.entries[n].indicator)

    def _concern(self: SearchIndex, n: int) -> bool:  # type: ignore[misc]
        """A row above Universal (an immediate criterion or a need at Additional, Extensive or Protection):
        a concern the words may deny (_denied_first)."""
        ind = self.entries[n].indicator
        return ind.immediate or ind.level is not Level.UNIVERSAL

    def _concern_or_first(self: SearchIndex, ranked: list[int], excluded: set[int]) -> Optional[int]:  # type: ignore[misc]
        """The first row of `ranked` not in `excluded` that is a concern (_concern), else the first not in it, else None
        (search19: row 0 is p9's "Child is at immediate risk or has suffered significant harm", so the concern found is
        tested against None: `next(...) or next(...)` read row 0 as none found and a strength before it led)."""
        concern = next((n for n in ranked if n not in excluded and self._concern(n)), None)
        return concern if concern is not None else next((n for n in ranked if n not in excluded), None)

    def _denials(self: SearchIndex, words: list[str], stems: list[str]) -> list[int]:  # type: ignore[misc]
        """The places a denial covers (_denied_positions; and, search14, past the synonyms file's
        `denial.bridges`, which do not count towards NEGATION_REACH: "there has never been any domestic
        violence", "there has not been any sexual abuse"), but not those of a denial whose first content
        word is one of `concern_denials` ("no food in the house" is a concern). A verb of seeing or finding
        (the `subject` file's `opens`: "seen", "noticed", "found") is not that first word (search15, this
        tool's reading, declared in the synonyms file's `denial`): "no one has ever seen any bruises on her"
        denies the bruises, though "not seen" is a concern's own words ("Family do not access")."""
        out: list[int] = []
        for j, w in enumerate(words):
            if w not in DENYING:
                continue
            reach = sorted(set(_denied_positions(words[j:])) | set(_bridged_reach(words[j:], self.bridges)))
            first = next(
                (k for k in reach if words[j + k] in self.hedges or (not _stop(words[j + k], stems[j + k]) and words[j + k] not in self.subject.opens)), None
            )
            if first is not None and words[j + first] in self.hedges:  # "no sign of self harm": a denial, whatever follows (search16)
                reach = sorted(set(reach) | set(_bridged_reach(words[j:], self.bridges | self.hedges | self.hedge_joins)))
            elif first is not None and stems[j + first] in self.concern_denials and not self._use_denied(words, stems, j + first):
                if not self._phrase_denied(words, j):
                    continue
            # "not X or Y" denies Y too (search16b: "mum does not drink or take drugs"); not "and" ("not eating and has bruises")
            at = j
            while True:
                last = max([at - j, *(k for k in reach if j + k > at)]) + 1
                listing = next((k for k in range(at - j + 1, last + 1) if j + k < len(words) and words[j + k] in LISTING), None)
                if listing is None:
                    break
                at = j + listing
                reach = sorted(set(reach) | {listing + k for k in _bridged_reach(words[at:], self.bridges)})
            out += [j + k for k in reach if j + k not in out]
        return out

    def _high(self: SearchIndex, n: int) -> bool:  # type: ignore[misc]
        """An immediate criterion (p9) or a Protection need: what a plain call does not lead with."""
        ind = self.entries[n].indicator
        return ind.immediate or ind.level is Level.PROTECTION

    def _core_first_step(self: SearchIndex, c: _Call) -> None:  # type: ignore[misc]
        """_core_first on the call (tests call it with its own arguments)."""
        self._core_first(c.words, c.stems, c.typing, c.ranked, c.final, c.joined, c.age_in_months)

    def _left_unsaid_first(self: SearchIndex, c: _Call) -> None:  # type: ignore[misc]
        """Safety first without inflation (review 31 Q1; Search51; the synonyms file's `core_to_lead`, this tool's reading,
        declared there): a p9 criterion of `core_to_lead` first, whose core the call does not say (_says_core: generous),
        gives first place as _core_first does (_lead_with: it stays in the first three). "most nights he slams mum into the
        wall while the kids watch" led with p9's home alone (the learned model's "nights"), no child left said. A step of
        its own, late: the readings before it put their own row in the criterion's place ("on the playstation until 3 in
        the morning": fix22d's routine), which a lead chosen early would have left below another row. From the age of
        a `core_from_age` entry that entry is the core, and _core_first reads it."""
        aged = self._aged_core(c.age_in_months)
        if not c.ranked or c.ranked[0] not in self.core_to_lead or c.ranked[0] in aged:
            return
        self._past_unsaid_core(self.core | self.core_to_lead | aged, c.words, c.stems, c.typing, c.ranked, c.final, c.joined)

    def _calm_kept_first(self: SearchIndex, c: _Call) -> None:  # type: ignore[misc]
        """Safety first without inflation (review 34 K1, review 25 Q6's class; fix37c, docs/adviser.md "Search37c"): where
        the learned model reads the whole call as "no concern" (c.calm, CALM of its best row's or more, as _calm_first
        reads it), a row of p9, Protection (p17) or Extensive (p15-16) does not lead at the end of the readings that
        move rows without a concern said: "she helps her grandad with his garden on saturdays" (120) led with p9
        "Lives or has contact with adults who are known to pose a risk" on "grandad" after _said_plainly_last, "he's
        absolutely killing it at his new school" with p17 "Extreme poverty/debt" after _everyday_senses_below (both read
        calm), and _calm_first, early, reads no p15-16 row ("my son's friend's mum asked if he can come to the party":
        p15-16 "Serious parent / child relationship problems" first). The best Universal or Additional row not held out
        of sight leads (_lead_with: every p9 row of the first three stays in them); none, and nothing moves. A step of
        its own after the readings that put a row in another's place, before the safety-first readings that lead with
        a p9 row for a concern said (_degrading_first ... _above_universal_step): those still lead where their words
        are said. As _calm_first: never after a parent's psychosis joined to harm, nor where the first three are all
        p9 rows (review 8 S1); and never where the call says a worry word or a denial, nor where any word that matched
        a row above Additional is a word of concern (_concern_word_matched: the model alone is no guard, it reads "...
        and he hits her" calm)."""
        ranked = c.ranked
        if c.calm < self._calm_bar() or not ranked or c.joined is not None or not self._above_additional(ranked[0]):
            return
        if len(ranked) >= KEPT_PLACES and all(self.entries[m].indicator.immediate for m in ranked[:KEPT_PLACES]):
            return
        if any(s in WORRY for s in c.stems) or self._denials(c.words, c.stems) or self._concern_word_matched(c):
            return
        if ranked[0] in self._pregnancy_rows():
            return  # at the merge (stop 54): a young person's own pregnancy at her age is the document's row (fix28b, p15-16), no calm news
        lead = next((n for n in ranked if not self._above_additional(n) and n not in c.withheld), None)
        if lead is not None:
            self._lead_with(lead, ranked, c.final)

    def _concern_word_matched(self: SearchIndex, c: _Call) -> bool:  # type: ignore[misc]
        """Whether any word that matched any row above Additional (_above_additional) is a word of its own: not a stop
        word, a `plain` word, a denial, clause, joining, child's or carer's word (_no_concern_words). The guard of
        _calm_kept_first, read over the whole call, not only the rows in sight: the learned model reads "she helps her
        grandad with his garden on saturdays and he hits her" (120) as calm (37 of its best row's share), and "hits"
        matched p9's significant harm; "she says her grandad hurts her ..." read calm too (1.9). Strict: one such word
        ("hits", "hurts", "killing", "party") and the step moves nothing."""
        plain, own = self.plain_words, self._no_concern_words()
        for n, said in c.matched.items():
            if not self._above_additional(n):
                continue
            for w in (w for phrase in said for w in phrase.split()):
                if not (_stop(w, stem(w)) or stem(w) in plain or w in own):
                    return True
        return False

    def _pregnancy_rows(self: SearchIndex) -> set[int]:  # type: ignore[misc]
        """The rows of a young person's own pregnancy (`pregnant_young`: its rows, `banded.under`'s and its lead, p17
        "Sexual activity under 13"): "pregnant" is a plain word, so _concern_word_matched does not see it, but
        _pregnant_banded_first puts "Pregnant under 16" first for a girl of 15 (review 27 Q5, safety)."""
        py = self.pregnant_young
        if py is None:
            return set()
        return set(py.rows) | ({n for n, _ in py.banded.under} if py.banded is not None else set()) | {py.leads}

    def _above_additional(self: SearchIndex, n: int) -> bool:  # type: ignore[misc]
        """A p9 criterion or a need at Extensive (p15-16) or Protection (p17): what a call read calm does not lead with."""
        ind = self.entries[n].indicator
        return ind.immediate or ind.level in (Level.EXTENSIVE, Level.PROTECTION)

    @staticmethod
    def _calm_bar() -> float:
        """pathway.search.CALM, read when called (tests patch it)."""
        from pathway import search

        return search.CALM

    def _denied_first_step(self: SearchIndex, c: _Call) -> None:  # type: ignore[misc]
        """_denied_first on the call (_leave_sight reads it again); the row the denial took first place from is the
        call's `denied_from` (fix21d: never first again, _said_plainly_last)."""
        before = c.ranked[:1]
        self._denied_first(c.words, c.stems, c.ranked, c.final, c.matched, c.negated, self._not_pregnant(c.words, c.unborn))
        c.denied_from = before[0] if before and c.ranked[:1] != before else None
        self._out_of_sight(self._denied_in_sight(c), c.ranked, c.final)  # fix33d

    def _denied_in_sight(self: SearchIndex, c: _Call) -> set[int]:  # type: ignore[misc]
        """The rows of the first three, above Universal and no p9 row, that rest on words the call denies
        (_rests_on_denial, with _no_concern_words: a carer's or a child's word says who, not what) and that the denial
        names (_named_denied, as _denied_first reads a row below p9): fix33d, review 32 K4, review 31 Q7. "there's no
        violence in the house, they just argue a lot" kept p15-16 "Child witnessing domestic abuse" on the denied
        "violence" in the first three, and p13-14 "Family conflicts", the concern the call says, out of them. They (and
        every such row below) leave the first three (_out_of_sight, here: still offered, below; a later reading may lead
        with one of them again). Never a p9 row (review 12 H6: a denied p9 row stays in sight), and nothing where a row
        coming in is one the words do not match (the model's alone), a concern resting on the denial or a p9 row: a
        strength matched (the denial's own, "No concerns about aggressive behaviour") or a concern said may come in."""
        top = c.ranked[:KEPT_PLACES]
        gone = self._gone(c.words, c.stems)
        if not gone:
            return set()
        empty = self._no_concern_words()

        def rests(n: int) -> bool:
            return self._rests_on_denial(n, c.matched, gone, empty)

        named = self._named_denied(c.words, c.stems)  # the denial names the row (as _denied_first reads a row below p9)
        resting = {n for n in c.ranked if self._concern(n) and not self.entries[n].indicator.immediate and rests(n) and not self.named[n].isdisjoint(named)}
        coming = [n for n in c.ranked if n not in resting and n not in c.hidden][:KEPT_PLACES]
        new = [n for n in coming if n not in top]
        # a p9 row coming in is none (stop 52's mend: "he's fit and healthy, never ill" brought p9 "Unexplained injuries"
        # in where the denied "ill" row left, a p9 row no word of the call says; test_search_keep_immediate's invariant)
        if resting.isdisjoint(top) or not new or not all(self._may_come_in(n, c.matched, rests) for n in new):
            return set()
        return resting

    def _may_come_in(self: SearchIndex, n: int, matched: dict[int, set[str]], rests: Callable[[int], bool]) -> bool:  # type: ignore[misc]
        """_denied_in_sight: a row that may come into the first three where the denied rows leave: one the words
        matched, no concern resting on the denial, and no p9 row (none comes in by another row's leaving)."""
        return bool(matched.get(n)) and not (self._concern(n) and rests(n)) and not self.entries[n].indicator.immediate

    def _out_of_sight_step(self: SearchIndex, c: _Call) -> None:  # type: ignore[misc]
        """_out_of_sight on the call: the rows the steps hid, and those of `unstated`."""
        self._out_of_sight(c.hidden, c.ranked, c.final, c.unstated)

"""The clause reading and the narrow readings after every placing: a long call read clause by clause
(_clause_first, the synonyms file's `clause_reading`), a young person's words for sex under 13
(_under_13_sex_offered), degrading treatment or confinement (_degrading_first), a need above
Universal said beside strengths and a young child out alone at night (_above_universal_step,
_young_out_at_night_first), and a strength said opposite (_opposite_below).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Optional

from pathway import search_collected, search_denial_only, search_ingest, search_minded, search_sale, search_structures
from pathway.levels import Level
from pathway.search_call import (
    KEPT_PLACES,
    Hit,
    _Call,
    _offered_last,
    _PartLead,
)
from pathway.search_denials import _denied_positions
from pathway.search_senses import (
    _age_in_words,
)
from pathway.search_text import (
    CLAUSE_WORDS,
    NEGATING,
    _phrase_at,
    _phrases_at,
    _stop,
    normalise,
    stem,
)

if TYPE_CHECKING:
    from pathway.search import SearchIndex


class ClauseReadings:
    """The clause reading and the narrow readings (the module's docstring), composed into SearchIndex. Each method is typed on SearchIndex (`self:
    SearchIndex`), whose __init__ declares the tables and attributes they read, so mypy checks each body
    against the real index; mypy wants a self type to be a supertype of the class, hence the
    `type: ignore[misc]` on each `def` line (that check alone: the bodies are still checked).
    """

    def _above_universal_step(self: SearchIndex, c: _Call) -> None:  # type: ignore[misc]
        """Safety first (fix22a, review 22 N1 and N3; the synonyms file's `above_universal` and `young_out_at_night`,
        this tool's readings, declared there), last in search(): a child of 5 or under out alone at night is p9's
        5-and-under home-alone line, which leads (_young_out_at_night_first); a Universal row's opposite is not offered
        beside it on its words (_opposite_below); and a clause that alone leads with a row above Universal makes it
        lead over a Universal row, and with a p9 row over a table row first on one word (_clause_first; not in a part
        a longer call searches)."""
        if not c.ranked:
            return
        self._young_out_at_night_first(c.words, c.ranked, c.final, c.matched, c.unborn, c.age_in_months)
        if self.above_universal is None:
            return
        self._opposite_below(c.ranked, c.final, c.matched, frozenset(c.negated))
        if c.part is None:
            self._clause_first(c)
            self._contrast_concern_first(c)

    def _clause_first(self: SearchIndex, c: _Call) -> None:  # type: ignore[misc]
        """Where the first row is Universal, or is no immediate criterion and was matched by fewer than `min_words` words
        that are no stop words: a row of the call's first three (no earlier reading held it back) leads where one clause
        of the call (cut at `above_universal.cuts`), searched alone, leads with it by word matching, the model agreeing
        (AGREED), on `min_words` such words or more, and no denial elsewhere in the call covers them; above Universal for
        a Universal first, an immediate criterion (p9) otherwise; a p9 row before any other (fix20a's _p9_part_first
        for a call of any length; the clause keeps its own readings: "years ago", "if", "no"; _parts_agreed). None of
        the rows an earlier step hid or held below (`withheld`, `told_below`) leads, nor the row a denial took first
        place from (fix21d's `denied_from`: never first again, as _said_plainly_last keeps it). A clause whose own first
        may lead but is not in the first three has its row that is there stand in (clause25, _clause_stand_in)."""
        au = self.above_universal
        assert au is not None
        query, ranked, matched = c.query, c.ranked, c.matched
        hidden = c.withheld | c.told_below | ({c.denied_from} if c.denied_from is not None else set())
        first = self.entries[ranked[0]].indicator
        if first.immediate:
            return
        universal = first.level is Level.UNIVERSAL
        if not universal and (first.level is not Level.ADDITIONAL or not self._clause_read_over_additional(ranked[0], matched)):
            return
        strengths = self._matched_words(ranked[0], matched) if universal else set()

        def may_lead(n: int) -> bool:  # above Universal: a p9 row, or a need of `levels` where the Universal row meets no need
            ind = self.entries[n].indicator
            return n not in hidden and (ind.immediate or (universal and ranked[0] not in au.needs_met and ind.level in au.levels))

        top = [n for n in ranked[:KEPT_PLACES] if may_lead(n)]
        # or a p9 row from further down or not offered, where its clause says harm done in a word of `p9_words`
        # (fix23c's residual, the lead: "good family relationships mum very loving dad hits her" offered no p9 row in five)
        harm_said = {w for w in normalise(query).split() if self._says_harm_done({w})}
        if not top and not harm_said:
            return
        pieces = self._clause_pieces(query, universal)
        if len(pieces) < 2:
            return
        found = {w for n in top for w in self._matched_words(n, matched)} | harm_said
        otc = self.of_this_child
        agreed = self._parts_agreed(
            c,
            pieces,
            found,
            limit=KEPT_PLACES,
            # "mum denies he has suffered ...", "if he is ...": not stated of this child (of_this_child's not_after)
            skip=None if otc is None else lambda part: any(_phrase_at(p, part) for p in otc.not_after),
            p9_by_words=True,
        )
        if agreed is None:
            return  # the clauses do not add up to the call's words: read nothing
        whole, parts = agreed
        denied = set(self._denials(whole, [stem(w) for w in whole])) | self._ended_at(whole)  # denied, or ended in the whole call ("two years ago")
        leads: list[_PartLead] = []
        for part in parts:
            beyond = part.n not in top and self.entries[part.n].indicator.immediate and may_lead(part.n)
            # clause25: where the clause's own first is not in the call's first three, its row that is there
            p = part if part.n in top or beyond else self._clause_stand_in(part, top, may_lead)
            if p is None:
                continue
            if any(h.indicator.level is Level.UNIVERSAL and h.score >= au.clear * p.hit.score for h in p.hits[1:]):
                continue  # a strength the clause says as much ("teacher says she's making great progress") is no fact above it
            concern = self._concern_words(p.words) - strengths
            if (beyond or p.stood_in) and not self._says_harm_done(concern):
                continue  # from beyond the first three, or standing in for the model's first, only on a word that alone says harm done ("hits", not "hood up")
            if len(concern) < self._clause_min_words(p.n, concern) or all(stem(w) in self.plain_words for w in concern):
                continue  # a word, the Universal row's own words ("has downs syndrome but doing fine"), or plain ones ("a new boyfriend")
            if any(i in denied and whole[i] in p.words for i in p.at):
                continue  # a denied word lifts no row ("no damp"), in the clause or outside it, nor one the call puts in the past
            leads.append(p)
        self._part_leads(c, leads, key=lambda p: (not self.entries[p.n].indicator.immediate, ranked.index(p.n) if p.n in ranked else len(ranked)))

    def _contrast_concern_first(self: SearchIndex, c: _Call) -> None:  # type: ignore[misc]
        """fix35a (review 33 Q2; the synonyms file's `clause_reading.contrast`, this tool's reading, declared there): a
        strength joined by a contrast word ("but", "though", "although", "except") to a concern is no strength of the
        concern. Where a Universal row is still first after _clause_first (which lets only a p9 row or a need of
        `above_universal.levels` lead over it), each clause of the call (cut as _clause_first cuts it, never at "and")
        that opens with a contrast word is searched alone, without that word (its own readings). Where no Universal row
        of the clause says a strength (matched on a word that says something: see below) scoring `above_universal.clear`
        of its best row above Universal or more ("but doing fine now"), and none of its first KEPT_PLACES + 2 was matched
        on a word of being well (`denial_only.positive`) said undenied ("the family were homeless two years ago but are
        now settled in a council flat"), the first of its first KEPT_PLACES rows above Universal, at whatever level,
        that is among the call's first KEPT_PLACES + 2 and was matched in the clause on a word that says something (no
        stop word, no plain word, no denial word, none a denial covers, none that matched the Universal row: "typical
        teenager, bit moody but in control of herself", whose "control" is the strength's, not coercive control) leads
        the call: p13-14's "Substance misuse may impact on ability to provide basic / adequate care" for "he's doing
        fine at school but dad smashes the house up when he's drunk" (the Universal row was matched on the concern's
        "house"). Only where the Universal row was matched on a word of the contrast clause itself (at the merge, stop
        53: clause25's controls, "he's never been aggressive but he is a bit shy", keep a Universal row first whose
        strength the first clause says). _lead_with keeps every p9 row of the first three in them. Not where the first row is one of
        `above_universal.needs_met` (the need's own clause is its row), nor in a part a longer call searches."""
        au, cr = self.above_universal, self.clause_reading
        if au is None or cr is None or not cr.contrast or not c.ranked:
            return
        first = c.ranked[0]
        if self.entries[first].indicator.level is not Level.UNIVERSAL or first in au.needs_met:
            return
        hidden = c.withheld | c.told_below | ({c.denied_from} if c.denied_from is not None else set())
        strengths = self._matched_words(first, c.matched)  # the strength's own words ("in control of herself") say no concern
        offered = c.ranked[:KEPT_PLACES]  # in sight already (at the merge, stop 53: the first five let an unrelated row lead)
        pieces = [q for p in au.cuts.split(c.query) if p and normalise(p).split() for q in cr.before.split(p) if q and normalise(q).split()]
        pieces = self._contrast_joined(pieces, cr.contrast)
        opener = re.compile(r"^\W*(?:" + "|".join(r"\s+".join(map(re.escape, w)) for w in sorted(cr.contrast, key=len, reverse=True)) + r")\b", re.IGNORECASE)
        for piece in pieces:
            said = normalise(piece).split()
            if not any(tuple(said[: len(w)]) == w for w in cr.contrast):
                continue
            piece = opener.sub("", piece, count=1)  # the clause as said after its contrast word ("however" moves the model)
            said = normalise(piece).split()
            if not said:
                continue
            carer = self._contrast_carer_concern(said)
            if not strengths & set(said) and not carer:
                continue  # the Universal row rests on no word of this clause: the strength is the other clause's (clause25's controls)
            # (checked before the clause is searched: the search is the reading's whole cost, stop 54)
            hits = self.search(piece, age_in_months=c.age_in_months, unborn=c.unborn, limit=KEPT_PLACES + 2, finished=True, part={})
            denied = {said[i] for i in self._denials(said, [stem(w) for w in said])}

            def says(h: Hit, denied: set[str] = denied) -> bool:  # matched in the clause on a word that says something
                words = {w for label in h.matched for w in label.split()} - denied - strengths
                return any(not _stop(w, stem(w)) and stem(w) not in self.plain_words and w not in NEGATING for w in words)

            concerns = [h for h in hits if h.indicator.level is not Level.UNIVERSAL]
            if not concerns or any(h.indicator.level is Level.UNIVERSAL and says(h) and h.score >= au.clear * concerns[0].score for h in hits):
                continue  # the clause says a strength as much as a concern ("but doing fine now")
            positive = self.denial_only.positive if self.denial_only is not None else frozenset()
            well = positive - search_denial_only.lacking(said, positive) - denied
            if any(h.indicator.level is Level.UNIVERSAL and well & {w for label in h.matched for w in label.split()} for h in hits):
                continue  # a Universal row of the clause matched on a word of being well said undenied ("but are now settled")
            for h in concerns[:KEPT_PLACES]:
                n = self._row_number[h.indicator.id]
                # fix39c: a carer's concern read strictly leads from the clause's own first three (its row need not
                # be in the call's: "however her dad hits her mum" has p9 repeated DV first alone, not in the call's)
                if (n in offered or carer) and n not in hidden and says(h):
                    if n not in c.ranked:
                        continue
                    c.matched.setdefault(n, set()).update(h.matched)
                    self._lead_with(n, c.ranked, c.final)
                    return

    def _contrast_carer_concern(self: SearchIndex, said: list[str]) -> bool:  # type: ignore[misc]
        """fix39c (mut35's probes, safety; docs/adviser.md "Search39c"): whether a contrast clause says a carer's drink or
        drugs (_carer_substance_said, not ended: "whereas his mum is using heroin at home") or a carer's act of violence
        on the other carer (_act_on_carer_at: "however her dad hits her mum"), read strictly on the clause's own words
        as the search reads them. Such a clause is a concern whatever strength the first clause says (p11: Universal is
        "no significant concerns"), so the Universal row need not rest on the clause's words (stop 53's narrowing kept
        "he's never been aggressive but he is a bit shy" Universal first, and holds for every other clause). Word lists
        only, no search: the reading's cost (benchmarks/contrast_cost.py) is one search per clause that passes."""
        words = self._care_left(self._p9_spelt(self._regional_plainly(self._as_meant(said))))
        if not words:
            return False
        if self.carer_substance is not None and self._carer_substance_said(words) and not self._carer_substance_ended(words):
            return True
        return self.harm_to_child is not None and bool(self.harm_to_child.carer_pushes) and self._act_on_carer_at(words) is not None

    @staticmethod
    def _contrast_joined(pieces: list[str], contrast: tuple[tuple[str, ...], ...]) -> list[str]:
        """The pieces with a contrast word cut off alone ("but" said before a cut) joined to the piece after it."""
        out: list[str] = []
        for p in pieces:
            if out and tuple(normalise(out[-1]).split()) in contrast:
                out[-1] = out[-1] + " " + p
            else:
                out.append(p)
        return out

    def _clause_stand_in(self: SearchIndex, p: _PartLead, top: list[int], may_lead: Callable[[int], bool]) -> Optional[_PartLead]:  # type: ignore[misc]
        """clause25 (the synonyms file's `clause_reading.stand_in`, this tool's reading, declared there): a clause whose own
        first row may lead (above Universal: a need of `above_universal.levels` or a p9 row) but is not in the whole
        call's first three ("but now she's self harming" leads alone with p17's "Endangers own life through self harm",
        fourth in the call) states the first of its other rows that is there, may lead, and word matching found and the
        model agrees on in the clause alone (p15's "Behaviour puts own life at risk - self harming", second): that row
        stands in as the clause's lead (the clause's checks then read it as its own); else None."""
        if not self._stands_in() or not may_lead(p.n):
            return None
        for h in p.hits[1:]:
            m = self._row_number[h.indicator.id]
            if m in top and m in p.agreed and may_lead(m):
                words = {w for label in h.matched for w in label.split()}
                return p._replace(hits=[h, *(x for x in p.hits if x is not h)], n=m, words=words)
        return None

    def _under_13_sex_offered(self: SearchIndex, c: _Call) -> None:  # type: ignore[misc]
        """fix23c (review 23 N10; the synonyms file's `under_13_sex`, this tool's reading, declared there): with the age
        entered under `under_months` and one of `words` said ("have done stuff") with one of `partners` ("boyfriend"), `leads` (p17's "Sexual activity under
        13") leads where no p9 row is first, else comes second; `not_offered` rows leave the first `places` unless one of
        `unless` is said (the other party's act is no offence of the child's)."""
        us = self.under_13_sex
        if us is None or c.age_in_months is None or c.age_in_months >= us.under_months or not c.ranked:
            return
        if not _phrases_at(us.words, c.words) or us.partners.isdisjoint(c.words) or not c.admits(us.leads):
            return
        if all(self.entries[n].indicator.immediate for n in c.ranked[:KEPT_PLACES]) and us.leads not in c.ranked[:KEPT_PLACES]:
            return  # the first three are all p9 rows: none gives way (safety first)
        _offered_last(us.leads, c.ranked, c.final)
        first = c.ranked[0]
        self._lead_with(us.leads, c.ranked, c.final)
        if self.entries[first].indicator.immediate and first != us.leads:
            self._lead_with(first, c.ranked, c.final)
        if us.unless.isdisjoint(c.words):
            low = [n for n in c.ranked[: us.places] if n in us.not_offered]
            rest = [n for n in c.ranked if n not in low]
            if low and len(rest) >= us.places:  # just below the first `places`, in order: still in the list
                c.ranked[:] = rest[: us.places] + low + rest[us.places :]
                for n in low:
                    c.final[n] = round(c.final[rest[us.places - 1]], 6) - 1e-6

    def _degrading_first(self: SearchIndex, c: _Call) -> None:  # type: ignore[misc]
        """Safety first (fix23c, review 23 N2; the synonyms file's `degrading_treatment`, this tool's reading, declared
        there): where the words say a child is caged, chained, tied to furniture, locked in a cellar or shed, made to
        sleep outside or to eat off the floor (_degrading_said), p9's significant harm line leads (offered if the words
        did not find it) where no p9 row is first, else it comes into the first three (_lead_with keeps the first)."""
        dt = self.degrading
        said = self._degrading_said(c.words) if dt is not None else None
        if dt is None or said is None:
            return
        if not c.ranked:  # no word of it matched a row ("she's kept in the cellar"): the line the words state, alone
            c.ranked.append(dt.leads)
            c.final[dt.leads] = 1.0
            return
        _offered_last(dt.leads, c.ranked, c.final)
        first = c.ranked[0]
        self._lead_with(dt.leads, c.ranked, c.final)
        second = self.entries[first].indicator.immediate or (said == "tied" and bool(_phrases_at(dt.care, c.words)))
        if second and first != dt.leads:
            self._lead_with(first, c.ranked, c.final)  # the row first stays first; this one second (in the first three)

    def _sold_child_first(self: SearchIndex, c: _Call) -> None:  # type: ignore[misc]
        """Safety first (fix29a; the synonyms file's `sold_child`, this tool's reading, declared there;
        pathway/search_sale.py): a child bought or sold ("he bought her for 500", "her dad sold her to pay his debts",
        "they paid her family for her") leads with `row` (p9's "Child victims of trafficking"; _lead_with keeps every p9
        row of the first three in them); where no word matched any row, the row alone is offered."""
        s = self.sold_child
        if s is None or s.row in c.hidden or not c.admits(s.row):
            return
        if search_sale.sale_at(s, c.words, set(_denied_positions(c.words))) is None:
            return
        if not c.ranked:  # "he bought a child": no word of it matched a row
            c.ranked.append(s.row)
            c.final[s.row] = 1.0
            return
        _offered_last(s.row, c.ranked, c.final)
        self._lead_with(s.row, c.ranked, c.final)

    def _ingested_first(self: SearchIndex, c: _Call) -> None:  # type: ignore[misc]
        """Safety first (fix30d, review 30 Q8; the synonyms file's `ingested`, this tool's reading, declared there;
        pathway/search_ingest.py): a young child who swallowed a carer's drug, medicine or a household poison ("the 2
        year old got hold of my methadone", "the toddler swallowed some of my tablets") leads with `leads` (p9's
        significant harm; _lead_with keeps every p9 row of the first three in them); where no word matched any row, the
        row alone is offered. The child is young where the age given, else the age the words say, is under
        `young_under_months`, or with no age where one of `young` is said."""
        t = self.ingested
        if t is None or t.leads in c.hidden or not c.admits(t.leads):
            return
        age = c.age_in_months
        if age is None and self.said_plainly is not None:
            age = _age_in_words(self.said_plainly, c.words)
        young = age < t.young_under_months if age is not None else not t.young.isdisjoint(c.words)
        children = self._child_words | {"he", "she"}
        at = search_ingest.ingested_at(t, c.words, set(_denied_positions(c.words)), self.subject.parents, children, young)
        if at is None:
            return
        c.matched.setdefault(t.leads, set()).add(at)
        if not c.ranked:
            c.ranked.append(t.leads)
            c.final[t.leads] = 1.0
            return
        _offered_last(t.leads, c.ranked, c.final)
        self._lead_with(t.leads, c.ranked, c.final)

    def _care_withheld_first(self: SearchIndex, c: _Call) -> None:  # type: ignore[misc]
        """Safety first (fix28b, review 27 Q4 and Q9's probe; the synonyms file's `care_withheld`, this tool's reading,
        declared there): a carer stopping or refusing the child's feeds, medicines or care (_care_withheld_at: "mum has
        stopped giving her the feeds through her tube", "dad won't give him his epilepsy meds", "they leave her in the
        same pad all day") leads with `leads` (p9's significant harm, neglect; offered if the words did not find it)
        where no p9 row or row of `keeps_first` is first, else it comes second. A carer refusing a sick child a doctor (`refuse` ... `services`)
        is no strength: a first row of `strengths` gives the lead to the first of `instead` the age admits (still
        offered), and for a child under `baby_under_months` `leads` comes into the first three."""
        cw, ranked, final, words = self.care_withheld, c.ranked, c.final, c.words
        if cw is None or cw.leads in c.hidden or not c.admits(cw.leads):
            return
        at = self._care_withheld_at(words, cw.withhold, cw.needs, True)
        at = at if at is not None else self._kept_from_at(words)  # fix30c: "keeps his tablets from him"
        if at is not None:
            c.matched.setdefault(cw.leads, set()).add(at)
            if not ranked:
                ranked.append(cw.leads)
                final[cw.leads] = 1.0
                return
            _offered_last(cw.leads, ranked, final)
            first = ranked[0]
            self._lead_with(cw.leads, ranked, final)
            if (self.entries[first].indicator.immediate or first in cw.keeps_first) and first != cw.leads:
                self._lead_with(first, ranked, final)  # a p9 row or one of `keeps_first` first stays first; this one second
            return
        refused = self._care_withheld_at(words, cw.refuse, frozenset(), False)
        refused = refused if refused is not None else self._refused_carried_at(words)  # fix30c
        if refused is None or not ranked:
            return
        if ranked[0] in cw.strengths:
            lead = next((n for n in cw.instead if n not in c.hidden and c.admits(n)), None)
            if lead is not None:
                _offered_last(lead, ranked, final)
                self._lead_with(lead, ranked, final)
                c.matched.setdefault(lead, set()).add(refused)
        age = c.age_in_months
        if age is None and self.said_plainly is not None:
            age = _age_in_words(self.said_plainly, words)
        if age is not None and age < cw.baby_under_months and cw.leads not in ranked[:KEPT_PLACES]:
            if self._into_sight(cw.leads, min(len(ranked), KEPT_PLACES - 1), ranked, final):
                c.matched.setdefault(cw.leads, set()).add(refused)

    def _care_withheld_at(self: SearchIndex, words: list[str], acts: tuple[tuple[str, ...], ...], needs: frozenset[str], withheld: bool) -> Optional[str]:  # type: ignore[misc]
        """The words of a carer's act withholding the child's care (_care_withheld_first), or None: one of `acts` with a
        carer (the subject reading's `parent`, or one of `doers`) at most `doer_reach` words before it in its clause;
        within `need_reach` words after it, no clause word between, one of `needs` (`withheld`) or of `services`
        (refused); `withheld`: none of `own` between, and where the act is no giving or feeding (none of `gives` in
        it) the child as the object between ("him", "his", "them", a child's word; "her" where the doer is no female
        carer)."""
        cw = self.care_withheld
        assert cw is not None
        carers = self.subject.parents | cw.doers
        female = self._female_carers
        services = _phrases_at(cw.services, words) if not withheld else []
        for a, b in _phrases_at(acts, words):
            doer = next((k for k in range(a - 1, max(-1, a - 1 - cw.doer_reach), -1) if words[k] in carers or words[k] in CLAUSE_WORDS), None)
            if doer is None or words[doer] not in carers:
                continue
            reach = cw.need_reach if withheld else cw.refuse_reach  # fix30c: "refuses to take her 3 month old baby to the doctor"
            end = next((k for k in range(b, min(len(words), b + reach)) if words[k] in CLAUSE_WORDS), min(len(words), b + reach))
            if not withheld:
                if any(b <= p < end for p, _ in services):
                    return " ".join(words[a:b])
                continue
            need = next((k for k in range(a, end) if words[k] in needs), None)  # "stopped feeding her": the act names it
            if need is None or not cw.own.isdisjoint(words[a:need]) or not cw.hedges.isdisjoint(words[need + 1 : need + 1 + cw.need_reach]):
                continue  # the carer's own medicine; "not feeding him properly" (the diet's rows)
            between = words[b:need]
            child = any(w in ("him", "his", "them", "their") or w in self._child_words for w in between)
            child = child or ("her" in between and words[doer] not in female)
            if cw.gives.isdisjoint(words[a:b]) and not child:
                continue
            return " ".join(words[a : need + 1])
        return None

    def _not_collected_first(self: SearchIndex, c: _Call) -> None:  # type: ignore[misc]
        """Safety first (fix30c, review 29 Q4; the synonyms file's `not_collected`, this tool's reading, declared there;
        pathway/search_collected.py): a child whose carers have not come for them ("nobody has come to collect her from
        school for three days running", "mum hasn't come back for her") leads with the first of `leads` the age admits
        (p9's home-alone rows; offered where the words did not find it; _lead_with keeps every p9 row of the first three
        in them), and `not_the_call` (the child's own going missing, gangs) leave the first three."""
        t = self.not_collected
        if t is None:
            return
        if self._found_leads(c, t.leads, lambda: search_collected.not_collected_at(t, c.words, self.subject.parents, self._child_words, CLAUSE_WORDS)):
            self._out_of_sight(set(t.not_the_call), c.ranked, c.final)

    def _found_leads(self: SearchIndex, c: _Call, leads: tuple[int, ...], at: Callable[[], Optional[str]]) -> bool:  # type: ignore[misc]
        """fix30c's and fix33a's lead: the first of `leads` the age admits (and no step hid), where `at` finds the words
        that say it, leads (offered where the words did not find it; _lead_with keeps every p9 row of the first three
        in them); with no row found it is the only one. Whether it led with others found."""
        lead = next((n for n in leads if n not in c.hidden and c.admits(n)), None)
        if lead is None:
            return False
        said = at()
        if said is None:
            return False
        c.matched.setdefault(lead, set()).add(said)
        if not c.ranked:
            c.ranked.append(lead)
            c.final[lead] = 1.0
            return False
        _offered_last(lead, c.ranked, c.final)
        self._lead_with(lead, c.ranked, c.final)
        return True

    def _young_minder_first(self: SearchIndex, c: _Call) -> None:  # type: ignore[misc]
        """Safety first (fix33a, review 32 Q1; the synonyms file's `young_minder`, this tool's reading, declared there;
        pathway/search_minded.py): children minded by a child under 12 while the carer is out ("the 6 year old has been
        put to bed by his 9 year old sister because mum goes out") lead with the first of `leads` the age admits (p9's
        home-alone rows; offered where the words did not find it; _lead_with keeps every p9 row of the first three in
        them). fix35c (mut33's probe; docs/adviser.md "Search35c"): so does a young child alone at home while the carer
        is away ("the 6 year old waits in the empty flat until mum gets back at 10"; search_minded.alone_at)."""
        t = self.young_minder
        if t is not None:
            self._found_leads(c, t.leads, lambda: search_minded.minded_at(t, c.words) or self._child_alone_at(t, c.words, c.age_in_months))

    def _child_alone_at(self: SearchIndex, t: search_minded.YoungMinder, words: list[str], age_in_months: Optional[int]) -> Optional[str]:  # type: ignore[misc]
        """search_minded.alone_at, but not where fix31c reads the lone phrase as a lone carer's (at the merge, stop 53:
        "nana minds the baby on her own while mum is at work" led with p9 home alone 5 and under; test_search_fix31c)."""
        s = self.everyday_structures
        if s is not None and search_structures._lone_care(s, words):
            return None
        return search_minded.alone_at(t, words, age_in_months)

    def _refused_carried_at(self: SearchIndex, words: list[str]) -> Optional[str]:  # type: ignore[misc]
        """fix30c (mut29's probe 6): a refusal of `care_withheld.refuse` whose verb the carried reading took out
        (search17c's `carried`: "nan refuses to take him to the dentist" is read "nan refuses to him to the dentist"), as
        _care_withheld_at reads a refusal: the refusal's other words with the child (one of `carried.objects` or
        `carried.owners`, the words the carried reading needs after its verb) right after them."""
        cw = self.care_withheld
        assert cw is not None
        stripped = {q for p in cw.refuse if (q := tuple(w for w in p if w not in self.carried_verbs)) != p and q}
        acts = tuple((*q, w) for q in sorted(stripped) for w in sorted(self.carried_objects | self.carried_owners))
        return self._care_withheld_at(words, acts, frozenset(), False)

    def _kept_from_at(self: SearchIndex, words: list[str]) -> Optional[str]:  # type: ignore[misc]
        """fix30c (mut29's probe 5): the words of a carer keeping the child's medicine or feed from the child
        (_care_withheld_first; `care_withheld.kept_from`), or None: one of `kept_from` with a carer (the subject
        reading's `parent`, or one of `doers`) at most `doer_reach` words before it in its clause, one of `needs` within
        `need_reach` words after it (no clause word, none of `own` between), then within `need_reach` words one of
        `from_words` with the child right after it ("from him", "from her", "from the baby"; "her" where the doer is no
        female carer) and none of `stored` from the act to it ("keeps his tablets locked away from him")."""
        cw = self.care_withheld
        assert cw is not None
        carers = self.subject.parents | cw.doers
        stored = {i for p in cw.stored for i in _phrase_at(p, words)}
        for a, b in _phrases_at(cw.kept_from, words):
            doer = next((k for k in range(a - 1, max(-1, a - 1 - cw.doer_reach), -1) if words[k] in carers or words[k] in CLAUSE_WORDS), None)
            if doer is None or words[doer] not in carers:
                continue
            end = next((k for k in range(b, len(words)) if words[k] in CLAUSE_WORDS), len(words))
            need = next((k for k in range(b, min(end, b + cw.need_reach)) if words[k] in cw.needs), None)
            if need is None or not cw.own.isdisjoint(words[a:need]):
                continue
            upto = min(end, need + 1 + cw.need_reach)
            whom = next((k for k in range(need + 1, upto) if words[k] in cw.from_words), None)
            if whom is None or whom + 1 >= len(words) or any(a <= p < whom for p in stored):
                continue
            after = words[whom + 1 : whom + 3]
            child = after[0] in ("him", "them") or after[0] in self._child_words or (after[0] == "her" and words[doer] not in self._female_carers)
            child = child or (after[0] in ("the", "his", "her", "their") and len(after) > 1 and after[1] in self._child_words)
            if child:
                return " ".join(words[a : whom + 2])
        return None

    def _personal_care_first(self: SearchIndex, c: _Call) -> None:  # type: ignore[misc]
        """Safety first (fix28b, review 27 Q3; the synonyms file's `personal_care`, this tool's reading, declared
        there): the child doing a parent's personal care (_personal_care_at: "has to wash and dress his dad", "helps mum
        to the toilet", "does his mum's insulin injections") is a young carer: `offers` (with one of `neglect` said,
        `neglect_offers`) leads where a Universal row is first ("Age appropriate self care skills" is the child's own
        strength), else comes second where no row of `rows` is in the first three; a p9 row there stays."""
        pc, ranked, final, words = self.personal_care, c.ranked, c.final, c.words
        if pc is None:
            return
        at = self._personal_care_at(words)
        if at is None:
            return
        leads = [pc.neglect_offers, pc.offers] if _phrases_at(pc.neglect, words) else [pc.offers]
        lead = next((n for n in leads if n not in c.hidden and c.admits(n)), None)
        if lead is None:
            return
        c.matched.setdefault(lead, set()).add(at)
        if not ranked:  # fix30c (mut29's probe 7): "she bathes her dad" matched no row: the young carer row is offered
            ranked.append(lead)
            final[lead] = 1.0
        elif self.entries[ranked[0]].indicator.level is Level.UNIVERSAL:
            _offered_last(lead, ranked, final)
            self._lead_with(lead, ranked, final)
        elif pc.rows.isdisjoint(ranked[:KEPT_PLACES]):
            self._into_sight(lead, 1, ranked, final)

    def _personal_care_at(self: SearchIndex, words: list[str]) -> Optional[str]:  # type: ignore[misc]
        """The words of the child doing a parent's personal care (_personal_care_first), or None: one of `acts` (none
        of `not_after` just after it, one of `chores` not after "the") with a parent (the subject reading's `parent`) within `reach`
        words after it before a clause word, or just before it with only `between` words between; the nearest of
        `doers` or a parent before them both in the clause one of `doers`."""
        pc = self.personal_care
        assert pc is not None
        carers = self.subject.parents
        for i, w in enumerate(words):
            if w not in pc.acts or (i + 1 < len(words) and words[i + 1] in pc.not_after) or (w in pc.chores and i > 0 and words[i - 1] == "the"):
                continue
            after = next((k for k in range(i + 1, min(len(words), i + 1 + pc.reach)) if words[k] in carers or words[k] in CLAUSE_WORDS), None)
            parent = after if after is not None and words[after] in carers else None
            if parent is None:
                k = i - 1
                while k >= 0 and words[k] in pc.between:
                    k -= 1
                parent = k if k >= 0 and words[k] in carers else None
            if parent is None:
                continue
            start = min(i, parent)
            doer = next((k for k in range(start - 1, -1, -1) if words[k] in pc.doers or words[k] in carers or words[k] in CLAUSE_WORDS), None)
            if doer is not None and words[doer] in pc.doers:
                return " ".join(words[start : max(i, parent) + 1])
        return None

    def _degrading_said(self: SearchIndex, words: list[str]) -> Optional[str]:  # type: ignore[misc]
        """ "tied" where one of `tied` is said, "confined" where one of `places` or `cages` is said, within `reach` words
        after one of `acts` (or a `cages` word is the act: "they chain him", "he is caged") done to the child: a child's
        word or one of `objects` within `object_reach` words after the act, or a child's word or one of `subjects`
        within `subject_reach` words before one of `passive`; no `animals` word between the act and the place ("put
        the puppy in a crate"); else None."""
        dt = self.degrading
        assert dt is not None
        objects, subjects = self._child_words | dt.objects, self._child_words | dt.subjects
        passive = _phrases_at(dt.passive, words)
        acts = [(i, i + 1) for i, w in enumerate(words) if w in dt.acts] + passive
        places = [(p, q, "confined") for p, q in _phrases_at(dt.places + dt.cages, words)] + [(p, q, "tied") for p, q in _phrases_at(dt.tied, words)]
        if dt.spots and not _phrases_at(dt.spots_unless, words):  # fix24b: "made to sleep in the bath", "eat his tea in the hall"
            places += [(p, q, "confined") for p, q in _phrases_at(dt.spots, words) if not dt.stays.isdisjoint(words[max(0, p - 3) : p])]
        for a, b in acts:
            done = any(w in objects for w in words[b : b + dt.object_reach])
            done = done or ((a, b) in passive and any(w in subjects for w in words[max(0, a - dt.subject_reach) : a]))
            if not done:
                continue
            if words[a] in dt.cage_words:
                return "confined"  # "they chain him", "he is caged"
            for p, _, kind in places:
                if b <= p <= b + dt.reach and not any(w in dt.animals for w in words[b:p]):
                    return kind
        return None

    def _clause_pieces(self: SearchIndex, query: str, universal: bool) -> list[str]:  # type: ignore[misc]
        """The clauses _clause_first reads alone (fix22a's `above_universal.cuts`, `universal_cuts`), each cut again
        (fix23c, review 23 N1; `clause_reading`) before a contrast word (`before`: "although", "except", "apart from",
        "mind you", "oh and") and, in a list said without commas (`run_on`), before a carer named after a word that is
        no stop word (_run_on_cut). The raw words are kept: the pieces add up to the call's words."""
        au = self.above_universal
        assert au is not None
        pieces = [p for p in (au.universal_cuts if universal else au.cuts).split(query) if p and normalise(p).split()]
        cr = self.clause_reading
        if cr is None:
            return pieces
        pieces = [q for p in pieces for q in cr.before.split(p) if q and normalise(q).split()]
        return [q for p in pieces for q in (self._run_on_cut(p) if cr.run_on else [p])]

    def _run_on_cut(self: SearchIndex, piece: str) -> list[str]:  # type: ignore[misc]
        """A clause said as a list without commas cut before each carer (the subject reading's `parent` words: "lovely
        family close knit mum works hard | dad hits her") said just after a word that is no stop word, no carer ("mum's
        boyfriend") and none that opens what is said (`subject.opens`: "says dad"); none after a word that makes the
        clause no statement of this child (`of_this_child.not_after`: "if", "denies") or opens reported words: the
        clause stays whole, so its own reading still sees them (fix23c)."""
        carers, opens = self.subject.parents, self.subject.opens
        held = set(opens) | ({w for p in self.of_this_child.not_after for w in p} if self.of_this_child is not None else set())
        out: list[list[str]] = [[]]
        prev: Optional[str] = None
        stopped = False
        for tok in piece.split(" "):
            ws = normalise(tok).split()
            if ws and prev is not None and not stopped and ws[0] in carers and out[-1]:
                if not _stop(prev, stem(prev)) and prev not in carers and prev not in opens:
                    out.append([])
            out[-1].append(tok)
            if ws:
                prev = ws[-1]
                stopped = stopped or not held.isdisjoint(ws)
        return [" ".join(p) for p in out if p]

    def _says_harm_done(self: SearchIndex, concern: set[str]) -> bool:  # type: ignore[misc]
        """Whether one of a clause's words is one of `clause_reading.p9_words`, a word that alone says harm done."""
        cr = self.clause_reading
        return cr is not None and any(stem(w) in cr.p9_words for w in concern)

    def _clause_min_words(self: SearchIndex, n: int, concern: set[str]) -> int:  # type: ignore[misc]
        """The words (no stop words) a clause's first row must be matched by to lead (_clause_first): `above_universal.min_words`,
        and `clause_reading.p9_min_words` for a p9 row matched by one of `clause_reading.p9_words`, a word that alone says
        harm done (fix23c: "though the bruises on his back keep appearing"; not "and explain why")."""
        au, cr = self.above_universal, self.clause_reading
        assert au is not None
        if cr is not None and self.entries[n].indicator.immediate and self._says_harm_done(concern):
            return cr.p9_min_words
        return au.min_words

    def _clause_read_over_additional(self: SearchIndex, first: int, matched: dict[int, set[str]]) -> bool:  # type: ignore[misc]
        """Whether an Additional row first has its call read clause by clause (_clause_first: only a p9 row may lead over
        it): fix22a's, where fewer than `min_words` words matched it; fix23c's, whatever its words where it is the
        child's own (its domain one of `clause_reading.over_additional_domains`: "low self esteem poor attendance no
        friends uncle raped her"; not the carers' "suspected domestic violence", whose injury words are the mother's)."""
        au, cr = self.above_universal, self.clause_reading
        assert au is not None
        if cr is not None and self.entries[first].indicator.domain in cr.over_additional_domains:
            return True
        return len(self._concern_words(self._matched_words(first, matched))) < au.min_words

    def _opposite_below(self: SearchIndex, ranked: list[int], final: dict[int, float], matched: dict[int, set[str]], negated: frozenset[int]) -> None:  # type: ignore[misc]
        """A Universal row first (not denied) keeps its opposites (`above_universal.opposites`) out of the first three
        where every word that matched one, but stop words and `plain` words, matched the Universal row too: the words
        say the strength, not its absence (_out_of_sight; still in the list)."""
        au = self.above_universal
        assert au is not None
        u = ranked[0]
        if u in negated or not self._matched_words(u, matched):
            return
        strength = self._matched_words(u, matched)
        opposite = {
            o
            for o in au.opposites.get(u, ())
            if o in ranked[1:KEPT_PLACES]
            and {w for w in self._matched_words(o, matched) if not _stop(w, stem(w)) and stem(w) not in self.plain_words} <= strength
        }
        if opposite:
            self._out_of_sight(opposite, ranked, final)

    def _young_out_at_night_first(  # type: ignore[misc]
        self: SearchIndex, words: list[str], ranked: list[int], final: dict[int, float], matched: dict[int, set[str]], unborn: bool, age: Optional[int]
    ) -> None:
        """A child of 5 or under (the age entered, else the age the words state or a `young` word) said to be outside
        (`place`), unsupervised (`unsupervised`), at night (_night_said), with no carer said with them (`with`): where no
        immediate criterion is first, the table's p9 line leads (_lead_with, found or not), or one of `or_leads` in the
        first three does, the line second; where one is first, the line is among the first three. Its `rows` matched
        by nothing but the words of place, supervision and time leave the first three (_out_of_sight)."""
        yo = self.young_out_at_night
        if yo is None or unborn:
            return
        if age is not None:
            young = age < yo.under_months
        else:
            stated = _age_in_words(self.said_plainly, words) if self.said_plainly is not None else None
            young = stated < yo.under_months if stated is not None else not yo.young.isdisjoint(words)
        if not young or not self._admits(yo.leads, False, age):
            return
        place, alone = _phrases_at(yo.place, words), _phrases_at(yo.unsupervised, words)
        if not place or not alone or not self._night_said(words) or _phrases_at(yo.with_, words):
            return
        _offered_last(yo.leads, ranked, final)
        if not self.entries[ranked[0]].indicator.immediate:
            instead = next((n for n in ranked[:KEPT_PLACES] if n in yo.or_leads), None)
            self._lead_with(yo.leads, ranked, final)
            if instead is not None:
                self._lead_with(instead, ranked, final)
        yielding = [k for k in range(1, min(KEPT_PLACES, len(ranked))) if not self.entries[ranked[k]].indicator.immediate]
        if yo.leads not in ranked[:KEPT_PLACES] and yielding:  # in the place of the last row there that is no p9 row
            k = yielding[-1]
            self._placed_in_sight(yo.leads, k, round(final[ranked[k]], 6) + 1e-6, ranked, final)  # stop 48: S1
        said = {words[k] for a, b in [*place, *alone] for k in range(a, b)} | {w for p in yo.night for w in p}
        pulled = {n for n in ranked if n in yo.rows and all(w in said or _stop(w, stem(w)) for w in self._matched_words(n, matched))}
        if pulled:
            self._out_of_sight(pulled, ranked, final)

    @staticmethod
    def _concern_words(ws: set[str]) -> set[str]:
        """The words that are no stop words (fix22a)."""
        return {w for w in ws if not _stop(w, stem(w))}

    @staticmethod
    def _matched_words(n: int, matched: dict[int, set[str]]) -> set[str]:
        return {w for label in matched.get(n, ()) for w in label.split()}

    def _night_said(self: SearchIndex, words: list[str]) -> bool:  # type: ignore[misc]
        """Whether the words say night (fix22a; `young_out_at_night`): a `night` word or phrase, or a time from `pm_from`
        pm to `am_to` am ("2am", "11 pm", "11.30pm" normalised "11 30pm", "12am")."""
        yo = self.young_out_at_night
        assert yo is not None
        if _phrases_at(yo.night, words):
            return True
        for i, w in enumerate(words):
            m = re.fullmatch(r"(\d{1,2})(am|pm)", w)
            hour, half = (
                (int(m.group(1)), m.group(2)) if m else (int(w), words[i + 1]) if w.isdigit() and words[i + 1 : i + 2] in (["am"], ["pm"]) else (None, "")
            )
            if hour is None:
                continue
            if hour > 12 and i > 0 and words[i - 1].isdigit():  # "11 30pm": the hour is the word before
                hour = int(words[i - 1])
            if (half == "pm" and yo.pm_from <= hour <= 11) or (half == "am" and (hour == 12 or hour <= yo.am_to)):
                return True
        return False

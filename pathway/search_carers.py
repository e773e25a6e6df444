"""The readings of harm by the child's carers and other adults: a carer's harm to the child over
violence between adults (_harm_to_child_first), harm an adult of the household does
(_harm_by_adult_first), everyday words for a carer hitting the child (_everyday_hitting_first), a
carer's own drink or drugs (_carer_substance_first) or threat of suicide (_carer_threat_first), the
child as the offender (_offender_first), an adult by a role who abuses the children in their care
(_role_abuse_first, _role_condition_first), "told" alone (_told_alone_below) and a pregnant child under
13 (_pregnant_young_first).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Optional

from pathway.levels import Level
from pathway.search_call import (
    KEPT_PLACES,
    _back_in_sight,
    _Call,
    _offered_last,
    _scores_follow_order,
)
from pathway.search_denials import (
    NEGATIONS,
    _denied_positions,
)
from pathway.search_senses import (
    _age_in_words,
    _under_1_said,
)
from pathway.search_subjects import (
    _AGE_SAID,
    AGE_UNITS,
    CHILD_ROLES,
    DETERMINERS,
    FIRST_PERSON,
    HARM_STOPS,
    HARMED_PRONOUNS,
    OFFENDED_PRONOUNS,
    _HarmToChild,
    _OlderPartner,
    _said_of_parent,
)
from pathway.search_tables import CHILD_DEVELOPMENT
from pathway.search_text import (
    CLAUSE_WORDS,
    JOINING,
    _phrase_at,
    _phrases_at,
    _stop,
    ages_glued,
    stem,
)

if TYPE_CHECKING:
    from pathway.search import SearchIndex

_NO_WORD = ""  # a place read as no word (search_core's BLANK: fix33c's threat read apart)
_CARER_DETERMINERS = frozenset({"his", "her", "their", "the", "my", "our", "your"})  # before a carer's word (fix20b)
GAP_BEFORE_IDIOM = 3  # fix25a: words between a carry word and an everyday idiom for hitting ("but GIVES HER A good hiding")
STATE_VERBS = frozenset({"is", "was", "has", "had", "s"})  # fix30c: a carer's state said after a threat ("and she is alone with ...")
VICTIM_REACH = 6  # words after a carer's victimisation word that are still its telling ("abused by her father as a child")


# fix33b (review 32 Q4; _age_beside): the years a pregnant child may be said to be, how far before the pregnancy's word
# an age is read as said with it, and the units after a number that make it no age in years ("20 weeks pregnant")
PREGNANCY_AGES = range(9, 20)
AGE_BESIDE_REACH = 5
_YEARS_SAID = re.compile(r"(\d{1,2})(?:yo|yos|yr|yrs|y)?")
_SCHOOL_YEAR = frozenset({"year", "yr", "y", "grade"})
_NOT_YEARS = frozenset({"week", "weeks", "wk", "wks", "month", "months", "day", "days", "times", "time"})
_ALONG_THEN = CLAUSE_WORDS | JOINING | frozenset({"with", "too", "as", "aswell", "if", "then", "now", "tonight", "today"})


def _taken_along(words: list[str], child: int) -> bool:
    """The child said after "and" is taken along (fix30a's `along`): the call ends there or goes on with a clause word,
    "and", "with", "too" ...; a child with a verb of its own opens its own clause ("kill herself and her son self harms
    too": the son's own condition, fix19d)."""
    return child + 1 >= len(words) or words[child + 1] in _ALONG_THEN


class CarerReadings:
    """The readings of harm by carers and other adults (the module's docstring), composed into SearchIndex.
    Each method is typed on SearchIndex (`self: SearchIndex`), whose __init__ declares the tables and attributes they read, so mypy checks each body
    against the real index; mypy wants a self type to be a supertype of the class, hence the
    `type: ignore[misc]` on each `def` line (that check alone: the bodies are still checked).
    """

    def _everyday_hitting_first(self: SearchIndex, c: _Call) -> None:  # type: ignore[misc]
        """Everyday words for hitting a child (review 20 N2, safety; fix20b; the synonyms file's `everyday_hitting`, this
        tool's reading, declared there): where _everyday_hitting_at finds one ("dad gives him a good hiding", "her nan
        gives her a good hiding with a slipper") and the first result is no immediate criterion, the first of `leads`
        the age admits (p9's "has suffered significant harm including physical") leads, offered where the words did
        not find it; the others one place lower, an immediate criterion in the first three kept there (_lead_with).
        Never one `hidden`. fix31a: where one of `second_behind` is first ("dad gave her a good hiding last night": p9's
        disclosure row on "gave"), the lead comes second where it is out of the first three (_into_sight: every p9 row of
        the first three stays); behind any other p9 row it stands aside (the adults' violence line is _core_first's)."""
        words, ranked, final, matched, hidden, admits = c.words, c.ranked, c.final, c.matched, c.hidden, c.admits
        eh = self.everyday_hitting
        if eh is None or not ranked:
            return
        at = self._everyday_hitting_at(words)
        if at is None:
            return
        lead = next((n for n in eh.leads if n not in hidden and admits(n)), None)
        if self.entries[ranked[0]].indicator.immediate:
            if ranked[0] in eh.second_behind and lead is not None and lead not in ranked[:KEPT_PLACES] and self._into_sight(lead, 1, ranked, final):
                matched.setdefault(lead, set()).add(" ".join(words[at[0] : at[1]]))
            return
        if lead is not None:
            _offered_last(lead, ranked, final)
            matched.setdefault(lead, set()).add(" ".join(words[at[0] : at[1]]))
            self._lead_with(lead, ranked, final)

    def _act_on_no_child_below(self: SearchIndex, c: _Call) -> None:  # type: ignore[misc]
        """fix33c (stop 52, mut32's probes; the synonyms file's `harm_to_child.own_objects`, `adult_objects`,
        `thing_objects`, `object_before`, this tool's reading, declared there): a carer's act that lands on no child
        (_act_on_no_child_at: "dad hit his head on the door frame", "dad punched his mate at the pub", "dad smashed her
        phone against the wall", "dad takes drugs and neglects himself") says no harm to the child. Where the first
        result is a p9 row or a Protection need resting only on the act's words (each word it matched said only there,
        or, where it has a core, its core said only there: "mum drinks and NEGLECTS HERSELF" is no young carer's
        neglect), the best placed row that does not so rest (matched by a word said elsewhere, or below Protection)
        leads (_lead_with: a p9 row in the first three stays there). Only the child's rows (p9's, the child's own
        development's) are moved: a carer's or the family's row is read as found ("dad slams the door on the health
        visitor": p17's refusal of services). Nothing moves where the call says a carer's harm to the child
        (_harm_to_child_at, _harm_by_adult_at, _everyday_hitting_at) or no other row is found. Where a carer's temper
        with the drink is said (_tempered_carer; fix36b), the child's behaviour rows (`carer_substance.temper_rows`)
        are no lead."""
        words, ranked, final, matched, hidden = c.words, c.ranked, c.final, c.matched, c.hidden
        if self.harm_to_child is None or not ranked or not self._high(ranked[0]) or self.entries[ranked[0]].indicator.domain not in (None, CHILD_DEVELOPMENT):
            return  # a carer's row ("dad slams the door on the health visitor": p17's refusal of services) is read as found
        at = self._act_on_no_child_at(words, frozenset(re.findall(r"[a-z]+", c.query.lower())))
        if not at or self._harm_to_child_at(words) is not None:
            return
        if (self.harm_by_adult is not None and self._harm_by_adult_at(words) is not None) or (
            self.everyday_hitting is not None and self._everyday_hitting_at(words) is not None
        ):
            return
        gone = {words[i] for i in at} - {w for i, w in enumerate(words) if i not in at}
        empty = CLAUSE_WORDS | JOINING | self.subject.parents | CHILD_ROLES
        apart = ([_NO_WORD if i in at else w for i, w in enumerate(words)], [_NO_WORD if i in at else t for i, t in enumerate(c.stems)])

        def rests(n: int) -> bool:  # on the act's words only, or (a row with a core) its core said there only
            labels = [ws for ws in (set(label.split()) - empty for label in matched.get(n, ())) if ws]
            if n in self.core and self._core_said(n, words, c.stems, c.typing) and not self._core_said(n, *apart, c.typing):
                return True
            if not labels:
                return self._high(n)  # the model's alone, a p9 row or Protection need on no word
            return all(not ws.isdisjoint(gone) for ws in labels)

        if not rests(ranked[0]):
            return
        # fix36b (review 34 Q4): a carer's temper with the drink ("my stepdad loses his temper and smashes things when
        # he's had a drink": _tempered_carer) is no behaviour of the child's: the child's behaviour rows do not lead here
        cs = self.carer_substance
        temper = cs.temper_rows if cs is not None and any(self._tempered_carer(words, k) for k in range(len(words))) else frozenset()
        lead = next((n for n in ranked if n not in hidden and n not in temper and not rests(n) and (matched.get(n) or not self._high(n))), None)
        if lead is not None:
            self._lead_with(lead, ranked, final)

    def _act_on_no_child_at(self: SearchIndex, words: list[str], said: frozenset[str]) -> set[int]:  # type: ignore[misc]
        """The places of a carer's act that lands on no child (_act_on_no_child_below), from the act to the end of its
        clause (a reflexive: the verb and it): its doer a carer or one of `harm_by_adult`'s (a companion, an adult of
        the household) at most `doer_reach` words before it, "and" crossed (the subject carried), no clause word nor
        another subject between; its object one of `own_objects` just after it, or, after one of `acts` or `head_acts`
        (past at most two determiners or `object_before` words), one of `adult_objects` or `thing_objects` with no
        child's word or object pronoun after it in the clause, or the doer's own head (_own_head) with one of
        `head_against` after it ("hit his head ON the door frame"), the act a word the caller said (`said`, the call's
        words before any was read as another: "dad SMASHED his head against the wall" is read as "hit" by
        `said_as_meant.struck`, a forced act all the same)."""
        hc, ha = self.harm_to_child, self.harm_by_adult
        assert hc is not None
        doers = self.subject.parents | (ha.companions | ha.adults if ha is not None else frozenset())
        others = self._child_words | HARMED_PRONOUNS | {"he", "she", "they", "i", "we", "you"}
        male = ha.male if ha is not None else frozenset()
        out = self._not_now_at(words)
        at: set[int] = set()
        for i, w in enumerate(words):
            reflexive = i + 1 < len(words) and words[i + 1] in hc.own_objects
            if i in out or not (reflexive or w in hc.acts or w in hc.head_acts):
                continue
            doer = _clause_doer(words, i, hc.doer_reach, doers, others)
            if doer is None:
                continue
            end = next((k for k in range(i + 1, len(words)) if words[k] in CLAUSE_WORDS or words[k] in JOINING), len(words))
            if reflexive:
                at.update((i, i + 1))
                continue
            k = i + 1
            while k < min(end, i + 3) and (words[k] in DETERMINERS or words[k] in hc.object_before):
                k += 1
            if k >= end:
                continue
            v = words[k]
            if (v in hc.adult_objects or v in hc.thing_objects) and not any(words[m] in others for m in range(k + 1, end)):
                at.update(range(i, end))
            elif (
                k == i + 2
                and k + 1 < end
                and w in said
                and words[k + 1] in hc.head_against
                and _own_head(hc, w, words[i + 1], v, words[doer], male, self._female_carers, tuple(words[k + 1 : k + 3]))
            ):
                at.update(range(i, end))
        return at

    def _violent_to_carer_first(self: SearchIndex, c: _Call) -> None:  # type: ignore[misc]
        """fix33c (mut32's probe, lead50's KNOWN class; the synonyms file's `harm_to_child.violent_words`, `violent_to`,
        `violent_leads`, this tool's reading, declared there): a carer violent to the other carer ("mum has mental health
        problems and is violent to dad"): where the first result is no immediate criterion, the first of
        `violent_leads` the age admits (p9's "repeated domestic violence ...; adult mental health issues or substance use
        issues") leads, offered where the words did not find it (_lead_with). Never one `hidden`. Then fix35d's
        _act_on_carer_in_sight (the violence said by its act: a domestic-violence row in the first three)."""
        hc, ranked = self.harm_to_child, c.ranked
        if hc is None or not ranked:
            return
        lead = next((n for n in hc.violent_leads if n not in c.hidden and c.admits(n)), None)
        if lead is not None and not self.entries[ranked[0]].indicator.immediate and self._violent_to_carer_said(c.words):
            _offered_last(lead, ranked, c.final)
            self._lead_with(lead, ranked, c.final)
        self._act_on_carer_in_sight(c)

    def _act_on_carer_in_sight(self: SearchIndex, c: _Call) -> None:  # type: ignore[misc]
        """fix35d (review 33 Q8, wording; the synonyms file's `harm_to_child.carer_act_after`, `carer_pushes`,
        `carer_pushed_to`, this tool's reading, declared there): a carer's violence to the other carer said by its act
        ("she told me her dad threw her mum down the stairs", "his dad kicked his mum in the stomach") gave no
        domestic-violence row in the first three. Where none of `violent_leads` or `between` is there, the first of
        `violent_leads` the age admits is offered behind the p9 rows that lead, never first, where the lowest row that
        is no p9 row gives way (_into_sight); where all three are p9 rows nothing moves (a p9 row word matching put
        there stays: test_search_keep_immediate). Runs at the end of _violent_to_carer_first, whose lead (the words
        "violent to dad") comes first."""
        hc, ranked = self.harm_to_child, c.ranked
        if hc is None or not ranked or not hc.carer_pushes:
            return
        dv = set(hc.violent_leads) | hc.between
        # a p9 DV row already in sight: nothing to offer (at the merge, stop 53: a DV row below p9 in sight no longer
        # stops it, "kids saw dad punch mum last night" kept only Extensive's "witnessing" while word matching alone
        # had p9's repeated DV in three: test_search_keep_immediate)
        if any(n in dv and self.entries[n].indicator.immediate for n in ranked[:KEPT_PLACES]):
            return
        at = self._act_on_carer_at(c.words)
        lead = next((n for n in hc.violent_leads if n not in c.hidden and c.admits(n)), None)
        if at is None or lead is None or lead in ranked[:KEPT_PLACES]:
            return
        front = ranked[:KEPT_PLACES]
        leading = next((k for k, n in enumerate(front) if not self.entries[n].indicator.immediate), len(front))
        if len(front) == KEPT_PLACES and leading == KEPT_PLACES:
            # three p9 rows lead: none gives way (test_search_keep_immediate's invariant: a p9 row word matching puts
            # in the first three stays there; the merge took out fix35d's third-place swap, which broke it)
            return
        if not self._into_sight(lead, min(max(1, leading), KEPT_PLACES - 1), ranked, c.final):
            return
        c.matched.setdefault(lead, set()).add(" ".join(c.words[at[0] : at[1]]))

    def _act_on_carer_at(self: SearchIndex, words: list[str]) -> Optional[tuple[int, int]]:  # type: ignore[misc]
        """The span (doer to object) of a carer's act on the other carer (_act_on_carer_in_sight), or None: one of
        `acts` whose object just after it (past "his", "her", "their" or "my") is a carer's word followed by the call's
        end or one of `carer_act_after`, or one of `carer_pushes` whose carer object is followed by one of
        `carer_pushed_to`; its doer a carer (_clause_doer, as _violent_to_carer_said reads it) whose word is not the
        object's; the act not denied nor ended, no negation between the doer and the act."""
        hc = self.harm_to_child
        assert hc is not None
        carers = self.subject.parents
        others = self._child_words | HARMED_PRONOUNS | {"he", "she", "they", "i", "we", "you"}
        out = self._not_now_at(words)
        for i, w in enumerate(words):
            pushes = w in hc.carer_pushes
            if not (pushes or w in hc.acts) or i in out or i + 1 >= len(words):
                continue
            k = i + 2 if words[i + 1] in ("his", "her", "their", "my") else i + 1
            if k >= len(words) or words[k] not in carers:
                continue
            after = words[k + 1] if k + 1 < len(words) else None
            if not (after in hc.carer_pushed_to if pushes else after is None or after in hc.carer_act_after):
                continue
            doer = _clause_doer(words, i, 2 * hc.doer_reach, carers, others)
            # fix39c (mut35's probe "dad pushed mum aside and then threw mum down the stairs"): a carer word that is
            # an earlier act's object ("pushed MUM aside and then threw ...") is no doer; the subject said before it is
            while doer is not None and self._act_object(words, doer):
                doer = _clause_doer(words, doer, 2 * hc.doer_reach - (i - doer), carers, others) if i - doer < 2 * hc.doer_reach else None
            if doer is None or words[doer] == words[k] or any(words[j] in NEGATIONS or j in out for j in range(doer + 1, i)):
                continue
            return doer, k + 1
        return None

    def _act_object(self: SearchIndex, words: list[str], k: int) -> bool:  # type: ignore[misc]
        """fix39c: whether the carer word at k is the object of one of `acts` or `carer_pushes` just before it (past
        "his", "her", "their" or "my"): the act's object, not a subject (_act_on_carer_at)."""
        hc = self.harm_to_child
        assert hc is not None
        j = k - 2 if k >= 2 and words[k - 1] in ("his", "her", "their", "my") else k - 1
        return j >= 0 and (words[j] in hc.acts or words[j] in hc.carer_pushes)

    def _violent_to_carer_said(self: SearchIndex, words: list[str]) -> bool:  # type: ignore[misc]
        """Whether one of `violent_words`, not denied nor ended, is said of a carer (_clause_doer, within twice `doer_reach`
        words: "mum has mental health problems and is violent to dad") and followed by one of
        `violent_to` and another carer's word (past "his", "her" or "their" at most) (_violent_to_carer_first)."""
        hc = self.harm_to_child
        assert hc is not None
        carers = self.subject.parents
        others = self._child_words | HARMED_PRONOUNS | {"he", "she", "they", "i", "we", "you"}
        out = self._not_now_at(words)
        for i, w in enumerate(words):
            if w not in hc.violent_words or i in out or i + 2 >= len(words) or words[i + 1] not in hc.violent_to:
                continue
            doer = _clause_doer(words, i, 2 * hc.doer_reach, carers, others)  # the clause's subject, "and" crossed
            k = i + 3 if words[i + 2] in ("his", "her", "their") else i + 2
            if doer is not None and k < len(words) and words[k] in carers and words[k] != words[doer]:
                return True
        return False

    def _everyday_hitting_again(self: SearchIndex, c: _Call) -> None:  # type: ignore[misc]
        """Finding 2 of fix27c (Search27c, safety; the synonyms file's `everyday_hitting`, declared there): the act said
        after one of `reported`, "told"/"said" ("she said mum holds a lighter to her fingers", "he told his teacher dad puts his hand under
        the hot tap") found p9's disclosure row first, so _everyday_hitting_first stood aside; `named_rows`'
        `reported_words` then took the disclosure out (none of its words said: a heat source is none), and nothing was
        left of the act. Read again after it: where no immediate criterion is first now, the act leads as it does said
        directly (_everyday_hitting_first: the same doer, object, denial and tense); where one is (the disclosure kept,
        "she mentioned that her dad holds a lighter to her hand"), the act's row comes second if it is out of the first
        three, as _harm_by_adult_first puts its lead behind another immediate criterion, and only in place of a row
        that is none (every p9 row word matching put there stays: review 8 S1)."""
        ranked, final, eh = c.ranked, c.final, self.everyday_hitting
        if eh is None or not ranked:
            return
        at = self._everyday_hitting_at(c.words)
        if at is None or eh.reported.isdisjoint(c.words[: at[0]]):
            return  # said directly: _everyday_hitting_first read it
        if not self.entries[ranked[0]].indicator.immediate:
            self._everyday_hitting_first(c)
            return
        lead = next((n for n in eh.leads if n not in c.hidden and c.admits(n)), None)
        if lead is None or lead in ranked[:KEPT_PLACES]:
            return
        if self._into_sight(lead, 1, ranked, final):
            c.matched.setdefault(lead, set()).add(" ".join(c.words[at[0] : at[1]]))

    def _everyday_hitting_at(self: SearchIndex, words: list[str]) -> Optional[tuple[int, int]]:  # type: ignore[misc]
        """The span of an everyday word for hitting a carer does to the child (_everyday_hitting_first), or None: one of
        the `phrases` or `words`, none of its words denied nor put in the past or ended (as _harm_to_child_at reads
        them), a carer (the subject reading's `parent`) the nearest of them at most `doer_reach` words before it in its
        clause, no other carer between them nor within `reach` words after it (before a clause word or "and"), and the
        child its object between them or within those words after it: a word naming a child (or one of `children`),
        an age, "him", "them", or "her" not before a carer where no female carer but the one who acts is named before."""
        eh, carers, clauses = self.everyday_hitting, self.subject.parents, self.subject.clauses
        assert eh is not None
        female, named = (clauses.female, CHILD_ROLES | clauses.named) if clauses is not None else (frozenset(), CHILD_ROLES)
        male = clauses.male if clauses is not None else frozenset()
        out = self._not_now_at(words)
        child_at = {i + k for p in eh.children for i in _phrase_at(p, words) for k in range(len(p))}
        told = {
            j
            for j in range(1, len(words))
            if words[j - 1] in eh.listeners or (j > 1 and words[j - 1] in ("her", "his", "the") and words[j - 2] in eh.listeners)
        }
        for phrase in eh.phrases:
            for i in _phrase_at(phrase, words):
                end = i + len(phrase)
                if any(k in out for k in range(i, end)):
                    continue
                doer = next((k for k in range(i - 1, max(-1, i - 1 - eh.doer_reach), -1) if words[k] in carers or words[k] in CLAUSE_WORDS), None)
                if (doer is None or words[doer] not in carers) and self.harm_to_child is not None and self.harm_by_adult is not None:
                    carried = self._carried_doer(words, i, carers, GAP_BEFORE_IDIOM)  # fix25a: "mum takes her swimming but gives her a good hiding"
                    doer = carried[0] if carried is not None else doer
                if doer is None or words[doer] not in carers or any(k in out or words[k] in NEGATIONS for k in range(doer + 1, i)):
                    continue  # "dad never gives him a good hiding": denied between the carer and the words
                after = next(
                    (k for k in range(end, min(len(words), end + eh.reach)) if words[k] in CLAUSE_WORDS or words[k] in JOINING), min(len(words), end + eh.reach)
                )
                between = [k for k in [*range(doer + 1, i), *range(end, after)] if not (words[k] in carers and k > 0 and words[k - 1] in ("her", "his"))]
                if any(words[k] in carers for k in between if k != doer):
                    continue  # another carer its object: the adults' violence, read as before
                for k in between:
                    v = words[k]
                    nxt = words[k + 1] if k + 1 < len(words) else ""
                    if k in child_at or v in named or _AGE_SAID.fullmatch(v) or (v.isdigit() and nxt in AGE_UNITS) or v in HARMED_PRONOUNS:
                        return i, end
                    if v == "her" and nxt not in carers and not any(words[j] in female for j in range(k) if j != doer and j not in told):
                        return i, end
                    if v == "his" and nxt in eh.body and not any(words[j] in male for j in range(k) if j != doer and j not in told):
                        return i, end  # fix26a: "mum holds a lighter to his arm"
        return None

    def _carer_substance_first(self: SearchIndex, c: _Call) -> None:  # type: ignore[misc]
        """A carer's own drink or drugs (review 20 N3, safety and inflation; fix20b; the synonyms file's
        `carer_substance`, this tool's reading, declared there): where every one of `uses` said is said of a carer
        (_carer_substance_said), none denied nor ended (_carer_substance_ended), and p9's repeated-violence line's core
        is not (violence said beside the drink is read as before): the child's own rows (`child`) leave the first
        three; a first result that is one of them or that line gives way to the best placed of `offers` (else the
        first the age admits, offered); that line leaves the first three; where a child's row or that line was in the
        first three (the search's misreading), the first of `offers` (p14's "may impact") comes
        into them in place of the lowest that is no immediate criterion; and with no age given, an age under 1 said
        (_under_1_said), `under_1` in the first three or the call misread, and no other immediate criterion first,
        `under_1` leads. Never one `hidden`; every other p9 row in the first three stays there (_lead_with,
        _out_of_sight). The child's rows join the call's `unsighted`: out of the first three to the end."""
        words, stems, typing, ranked, final, hidden, unborn = c.words, c.stems, c.typing, c.ranked, c.final, c.hidden, c.unborn
        age_in_months = c.age_in_months
        cs = self.carer_substance
        if cs is None or not ranked or not self._carer_substance_said(words) or self._carer_substance_ended(words):
            return  # no carer's use now ("mum no longer drinks": the search's own past reading)
        violence = cs.violence
        alone = violence in self.core and not self._core_said(violence, words, stems, typing)
        # fix34a (review 33 Q1): a carer's temper said with the drink ("my stepdad gets angry when he drinks") is no
        # behaviour of the child's: a first result of `temper_rows` gives way as a child's substance row does
        tempered = any(self._tempered_carer(words, k) for k in range(len(words))) and ranked[0] in cs.temper_rows
        if not alone:
            # violence said beside it: p9's repeated-violence line and the adults' rows, read as before; but fix36b
            # (review 34 Q4): where that violence is the carer's temper with the drink ("mum loses her temper and
            # throws things at us when she's had wine"), the child's behaviour row first was the misreading
            if tempered:
                self._tempered_violence_first(c)
            return
        misread = tempered or any(n in cs.child or n == violence for n in ranked[:KEPT_PLACES])
        self._out_of_sight(set(cs.child), ranked, final)  # p9's line loses first place below, never its sight
        if tempered or ranked[0] in cs.child or ranked[0] == violence:
            lead = next((n for n in ranked if n in cs.offers and n not in hidden), None)
            if lead is None:
                lead = next((n for n in cs.offers if n not in hidden and self._admits(n, unborn, age_in_months)), None)
            if lead is not None:
                _offered_last(lead, ranked, final)
                self._lead_with(lead, ranked, final)
        least = cs.offers[0]  # the carers' first rung ("may impact", p14): in sight where the search had misread the call
        if misread and least not in hidden and least not in ranked[:KEPT_PLACES] and len(ranked) >= KEPT_PLACES and self._admits(least, unborn, age_in_months):
            self._rung_into_sight(least, ranked, final)
        # an age under 1 said in the words and none given (the age given, the search's own readings decide: past
        # frames, an ordinary amount); the use neither denied nor ended, and p9's line in sight or the call misread
        # fix27a (review 26 Q3): the child's age said with no "old" ("he's eleven months", "she'll be one next week":
        # said_plainly's ages) is an age under 1 said too, and with it the line leads where it was out of sight as well
        said = self.said_plainly is not None and (n := _age_in_words(self.said_plainly, words)) is not None and n < 12
        under_1 = age_in_months is None and not unborn and (said or (_under_1_said(words) and (misread or cs.under_1 in ranked[:KEPT_PLACES])))
        if under_1 and cs.under_1 not in hidden:
            _offered_last(cs.under_1, ranked, final)
            if not self.entries[ranked[0]].indicator.immediate:  # another p9 row first keeps its place ("a bruise and mum's drinking")
                self._lead_with(cs.under_1, ranked, final)
        c.unsighted |= set(cs.child)

    def _tempered_violence_first(self: SearchIndex, c: _Call) -> None:  # type: ignore[misc]
        """fix36b (review 34 Q4, safety; `carer_substance.temper`): a carer's temper with the drink said with violence
        (p9's repeated-violence line's core said: "mum loses her temper and throws things at us when she's had wine",
        96, led with the child's "Disruptive or anti-social behaviour", the Universal "Age appropriate behaviour" second).
        The line is the one criterion whose words are both halves of the call ("repeated domestic violence witnessed
        and/or experienced by child; adult ... substance use issues", p9): it leads (never one hidden, the age
        admitting it), and the carers' first rung (`offers`' first, p13-14 "Substance misuse may impact") comes into
        the first three in place of the lowest that is no immediate criterion (never the first). The child's own
        behaviour rows stay in the list, below."""
        cs = self.carer_substance
        assert cs is not None
        ranked, final, hidden = c.ranked, c.final, c.hidden
        violence, least = cs.violence, cs.offers[0]
        if violence not in hidden and self._admits(violence, c.unborn, c.age_in_months):
            _offered_last(violence, ranked, final)
            self._lead_with(violence, ranked, final)
        if least in hidden or least in ranked[:KEPT_PLACES] or len(ranked) < KEPT_PLACES or not self._admits(least, c.unborn, c.age_in_months):
            return
        self._rung_into_sight(least, ranked, final)

    def _rung_into_sight(self: SearchIndex, least: int, ranked: list[int], final: dict[int, float]) -> None:  # type: ignore[misc]
        """The carers' first rung comes into the first three: the lowest of them that is no immediate criterion (never
        the first) gives way; p9 rows keep theirs (_carer_substance_first where the call was misread,
        _tempered_violence_first)."""
        yielding = next((ranked[k] for k in range(KEPT_PLACES - 1, 0, -1) if not self.entries[ranked[k]].indicator.immediate), None)
        if yielding is not None:
            if least in ranked:
                ranked.remove(least)
            final[least] = round(final[ranked[KEPT_PLACES - 1]], 6)
            ranked.insert(KEPT_PLACES, least)
            self._out_of_sight({yielding}, ranked, final)

    def _carer_substance_ended(self: SearchIndex, words: list[str]) -> bool:  # type: ignore[misc]
        """Whether one of `carer_substance.uses` said is denied, put in the past or ended (as _harm_to_child_at reads them)."""
        cs = self.carer_substance
        assert cs is not None
        out = self._not_now_at(words)
        return any(i + k in out for i, n in self._carer_uses_at(words) for k in range(n))

    def _carer_uses_at(self: SearchIndex, words: list[str]) -> list[tuple[int, int]]:  # type: ignore[misc]
        """The places (start, length) of `carer_substance.uses` said, and fix39c's (mut35's probe, review 35 Q10;
        `carer_substance.measure_end`, declared there): a drink said by a bare measure ("when he's had a few", "had a
        skinful") only where its clause ends just after it (the call's end, a clause or joining word): "mum had a few
        health issues", "dad had a few friends round" say no drink."""
        cs = self.carer_substance
        assert cs is not None
        at = [(i, len(p)) for p in cs.uses for i in _phrase_at(p, words)]
        for p in cs.measure_end:
            for i in _phrase_at(p, words):
                e = i + len(p)
                if e == len(words) or words[e] in CLAUSE_WORDS or words[e] in JOINING:
                    at.append((i, len(p)))
        return at

    def _carer_substance_said(self: SearchIndex, words: list[str]) -> bool:  # type: ignore[misc]
        """Whether one of `carer_substance.uses` is said and each said is a carer's: scanning back from it at most
        `reach` words, before a clause word or "and", the first subject met is a carer (the subject reading's
        `parent`), not one of `child_subjects`, a word naming a child or another child. A carer's word just after
        "her", "his" or "their" is still the carer ("her mum drinks")."""
        cs = self.carer_substance
        assert cs is not None
        carers = self.subject.parents
        children = self._child_words | self.subject.other_child | cs.child_subjects
        said = sorted({i for i, n in self._carer_uses_at(words) if not ({words[i - 1] if i else "", *words[i + n : i + n + 1]} & cs.trade)})
        if not said:
            return False
        for i in said:
            subject = None
            for k in range(i - 1, max(-1, i - 1 - cs.reach), -1):
                v = words[k]
                if v in CLAUSE_WORDS or v in JOINING:
                    break
                if v in carers or v in children:
                    subject = self._tempered_carer(words, k) or v  # fix34a: "stepdad gets angry when HE drinks"
                    break
            if subject is None or subject not in carers:
                return False
            # a child joined to the carer as one subject ("both he and his uncle smoke weed"): the child's use too
            j = k - 1
            while j >= 0 and words[j] in _CARER_DETERMINERS:
                j -= 1
            if j >= 1 and words[j] == "and" and words[j - 1] in children:
                return False
        return True

    def _tempered_carer(self: SearchIndex, words: list[str], k: int) -> Optional[str]:  # type: ignore[misc]
        """fix34a (review 33 Q1, safety; `carer_substance.temper`, declared there): the carer the pronoun at k stands for
        where it opens a clause after one of `temper_after` and the clause before says one of `temper` of that carer (a
        carer word at most `reach` words before the temper word, no clause or joining word between: "my stepdad gets
        angry WHEN HE drinks"), else None. The pronoun must be able to stand for the carer (search14's `stands_for`:
        "mum gets angry when he drinks" is the child's). fix36b (review 34 Q4): "and" with one of `temper_and` just after
        it (the carer's next act: "mum loses her temper AND THROWS things at us when she's had wine") ends no clause."""
        cs, clauses = self.carer_substance, self.subject.clauses
        if cs is None or clauses is None or not cs.temper or k < 1 or words[k - 1] not in cs.temper_after:
            return None

        def ends(j: int) -> bool:
            w = words[j]
            return (w in CLAUSE_WORDS or w in JOINING) and not (w == "and" and j + 1 < len(words) and words[j + 1] in cs.temper_and)

        for p in cs.temper:
            for t in _phrase_at(p, words[: k - 1]):
                if t + len(p) != k - 1 and any(ends(j) for j in range(t + len(p), k - 1)):
                    continue  # the temper's clause must run to the "when"
                for b in range(t - 1, max(-1, t - 1 - cs.reach), -1):
                    if ends(b):
                        break
                    if words[b] in self.subject.parents:
                        return words[b] if clauses.stands_for(words[k], words[b]) else None
        return None

    def _victim_at(self: SearchIndex, words: list[str]) -> tuple[set[int], Optional[int]]:  # type: ignore[misc]
        """The places of a carer's own victimisation (_not_now_first; `not_now.victim`), and the row that leads
        where a relative is named as the abuser (`abuser_leads`), if any."""
        nn = self.not_now
        subject = self.subject
        out: set[int] = set()
        abuser = None
        if nn is None or subject.parents.isdisjoint(words):
            return out, abuser
        of_parent = _said_of_parent(words, subject.parents, subject.opens, subject.ends, subject.clauses)
        bounds = CLAUSE_WORDS | JOINING
        for i, w in enumerate(words):
            if w not in nn.victim_words and w not in nn.victim_nouns:
                continue
            k = i - 1
            while k >= 0 and words[k] in nn.victim_between:
                k -= 1
            if w in nn.victim_words:  # "was (sexually) abused"
                opened: Optional[int] = k if k >= 0 and words[k] in nn.victim_passive else None
            else:  # "a survivor of (childhood) abuse"
                opened = next((k + 1 - len(p) for p in nn.victim_suffered if k + 1 - len(p) >= 0 and tuple(words[k + 1 - len(p) : k + 1]) == p), None)
            if opened is None:
                continue
            start = opened
            end = next((m for m in range(i + 1, len(words)) if words[m] in bounds), len(words))
            end = min(end, i + 1 + VICTIM_REACH)
            childhood = any(_phrase_at(p, words[i + 1 :]) for p in nn.childhood)
            carer = of_parent[i] or (childhood and start > 0 and self._stands_for_a_carer(words, start - 1))
            if not carer:
                continue
            span = set(range(start, end))
            if childhood:  # "when she was a teenager": the marker's own words are the carer's past too
                for p in nn.childhood:
                    for m in _phrase_at(p, words[i + 1 :]):
                        span.update(range(i + 1 + m, i + 1 + m + len(p)))
            out |= span
            after = words[i + 1 : end]
            if "by" in after:
                named = after[after.index("by") + 1 :][:3]
                if any(v in subject.parents for v in named):
                    abuser = nn.abuser_leads
        return out, abuser

    def _stands_for_a_carer(self: SearchIndex, words: list[str], k: int) -> bool:  # type: ignore[misc]
        """Whether the pronoun at k ("she", "he", "they") may stand for a carer named before it in the call."""
        clauses = self.subject.clauses
        if clauses is None or words[k] not in ("she", "he", "they"):
            return False
        return any(clauses.stands_for(words[k], c) for c in words[:k] if c in self.subject.parents)

    def _harm_to_child_first(self: SearchIndex, c: _Call) -> None:  # type: ignore[misc]
        """Harm a carer does to the child (review 19 N1, safety; fix19a; the synonyms file's `harm_to_child`, this tool's
        reading, declared there): where the first result is one of `between` (violence between adults: "Suspected
        domestic violence") and the call says one of `acts` done by a carer to the child (_harm_to_child_at: "dad might
        be hitting the boy", "i think her stepdad may be hitting her"), the first of `leads` the age admits (p9's
        "has suffered significant harm including physical") leads, offered where the words did not find it; the others
        one place lower, an immediate criterion in the first three kept there (_lead_with). Never one `hidden`."""
        words, ranked, final, matched, hidden, admits = c.words, c.ranked, c.final, c.matched, c.hidden, c.admits
        hc = self.harm_to_child
        if hc is None or not ranked or ranked[0] not in hc.between:
            return
        act = self._harm_to_child_at(words)
        if act is None:
            return
        lead = next((n for n in hc.leads if n not in hidden and admits(n)), None)
        if lead is None:
            return
        if lead not in ranked:
            final[lead] = round(final[ranked[-1]], 6) - 1e-6
            ranked.append(lead)
        matched.setdefault(lead, set()).add(words[act])
        self._lead_with(lead, ranked, final)

    def _harm_to_child_at(self: SearchIndex, words: list[str]) -> Optional[int]:  # type: ignore[misc]
        """The place of an act of harm a carer does to the child (_harm_to_child_first), or None: one of `acts`, not
        denied nor put in the past or ended (_denied_positions, _ended_at, _ended_by_at), with a carer (the subject
        reading's `parent`) at most `doer_reach` words before it in its clause, and within `reach` words after it, before
        a clause word, "and", "or", a preposition or a carer (the adults' violence: "hitting mum"), the child: a word
        naming a child or an age, or, where the one who acts is none of `partners` ("her partner is hitting her": the
        partner's partner), "him", "them", or "her" as a pronoun (not before a carer, a child, another child or their
        describing word) where no female carer but the one who acts is named before it and none of `witnessed` is
        said ("mum says dad hits her", "dad hits her in front of the kids" are about mum)."""
        hc = self.harm_to_child
        assert hc is not None
        carers = self.subject.parents
        female, named, possessed = self._female_carers, self._child_words, self._possessors
        out = self._not_now_at(words)
        witnessed = any(_phrase_at(p, words) for p in hc.witnessed)
        stops = CLAUSE_WORDS | JOINING | HARM_STOPS
        for i, w in enumerate(words):
            span = _object_span(hc, words, i, carers)
            if not span or i in out:
                continue
            doer = next((k for k in range(i - 1, max(-1, i - 1 - hc.doer_reach), -1) if words[k] in carers or words[k] in CLAUSE_WORDS), None)
            if doer is None or words[doer] not in carers:
                continue
            for k in span:
                v = words[k]
                nxt = words[k + 1] if k + 1 < len(words) else ""
                if v in stops or v in carers:
                    break
                if v in named or _AGE_SAID.fullmatch(v) or (v.isdigit() and nxt in AGE_UNITS):
                    return i
                male = self.harm_by_adult.male if self.harm_by_adult is not None else frozenset()
                if _own_head(hc, w, v, nxt, words[doer], male, female, tuple(words[k + 2 : k + 4])):
                    break  # fix31a: "dad banged his head on the cupboard", "mum bangs her head against the wall": the doer's own
                if (v in HARMED_PRONOUNS or (v == "his" and (nxt in hc.necks or nxt in hc.heads))) and words[doer] not in hc.partners:
                    return i  # review 28 Q2: "squeezes his neck": the neck's owner is the object
                if v == "her" and nxt not in possessed:
                    if not witnessed and words[doer] not in hc.partners and not any(words[j] in female for j in range(k) if j != doer):
                        return i
                    break
        return None

    def _offender_first(self: SearchIndex, c: _Call) -> None:  # type: ignore[misc]
        """The child as the offender (review 19 N8; fix19a; the synonyms file's `offender`, this tool's reading, declared
        there): where the first result is one of a kind's `not_first` ("Victim of crime") and the call says one of the
        kind's `acts` done by the child (_offender_at: "he robbed another boy of his phone"), the best placed of the
        kind's `leads` found leads, else the first of them the age admits (offered); the others one place lower, an
        immediate criterion in the first three kept there (_lead_with). Never one `hidden`."""
        words, ranked, final, hidden, admits = c.words, c.ranked, c.final, c.hidden, c.admits
        of = self.offender
        if of is None or not ranked:
            return
        for kind in of.kinds:
            if ranked[0] not in kind.not_first or self._offender_at(words, kind.acts) is None:
                continue
            lead = next((n for n in ranked if n in kind.leads and n not in hidden), None)
            if lead is None:
                lead = next((n for n in kind.leads if n not in hidden and admits(n)), None)
                if lead is None:
                    return
                final[lead] = round(final[ranked[-1]], 6) - 1e-6
                ranked.append(lead)
            self._lead_with(lead, ranked, final)
            return

    def _offender_at(self: SearchIndex, words: list[str], acts: frozenset[str]) -> Optional[int]:  # type: ignore[misc]
        """The place of one of `acts` the child does (_offender_first), or None: not just after one of `passive`, its
        subject just before it past `between` words one of `subjects`, or a word naming a child or an age ("14 year old")
        with an object just after the act (a determiner or one of `object_starts`: "12yo mugged on the way home" is
        the victim, "was" dropped), and no child its object within `reach` words after it ("him", "me", "us", "her" not before a noun, or "my" or
        "our" before a child's word), not denied."""
        of = self.offender
        assert of is not None
        named = self._child_words
        denied = set(_denied_positions(words))
        for i, w in enumerate(words):
            if w not in acts or i in denied:
                continue
            k = i - 1
            while k >= 0 and words[k] in of.between:
                k -= 1
            if k < 0 or words[k] in of.passive:
                continue
            subject = words[k]
            if not (subject in of.subjects or subject in named or _AGE_SAID.fullmatch(subject) or (subject == "old" and k > 0 and words[k - 1] in AGE_UNITS)):
                continue
            if subject not in of.subjects and not (i + 1 < len(words) and (words[i + 1] in DETERMINERS or words[i + 1] in of.object_starts)):
                continue  # "13 yr old mugged and stabbed", "12yo mugged on the way home": "was" dropped, the victim
            after = words[i + 1 : i + 1 + of.reach]
            victim = any(
                v in OFFENDED_PRONOUNS
                or (v == "her" and (j + 1 == len(after) or after[j + 1] not in named))
                or (v in ("my", "our") and j + 1 < len(after) and after[j + 1] in named)
                for j, v in enumerate(after)
            )
            if not victim:
                return i
        return None

    def _carer_threat_first(self: SearchIndex, c: _Call) -> None:  # type: ignore[misc]
        """A carer's own threat of suicide or self harm (review 19 N5; fix19d; the synonyms file's `carer_threat`, this
        tool's reading, declared there): where _carer_threat_at finds one, the carers' rows (`offers`, the one found
        higher first, offered where the words did not find them) come first, after any immediate criterion in the
        first three and above them that is stated by a word outside the threat (_threat_stated), and any row there
        but the child's so stated; another immediate criterion in the first three stays among them, below them. Said of the carer for certain, the
        child's own rows (`child`) leave the first three (_out_of_sight); said after a reporting verb with no child
        named apart, the best of `offers` alone comes first and the child's rows in the first three stay there."""
        words, stems, ranked, final, matched, admits = c.words, c.stems, c.ranked, c.final, c.matched, c.admits
        ct = self.carer_threat
        if ct is None or not ranked:
            return
        found = self._carer_threat_at(words, stems)
        if found is None:
            return
        span, certain = found
        carers = sorted((n for n in ct.offers if admits(n)), key=lambda n: (ranked.index(n) if n in ranked else len(ranked), ct.offers.index(n)))
        if not carers:
            return
        top = ranked[:KEPT_PLACES]
        immediate = [n for n in top if self.entries[n].indicator.immediate]
        first_carer = min((top.index(n) for n in carers if n in top), default=KEPT_PLACES)
        # a row (not the child's own) stated and above the carers' rows already stays above them, never moved up ("the
        # grandma he lives with": p9 on "lives"); "mum injects heroin and says ...": p17's chronic substance misuse
        # fix30c: "she is alone with the toddler" is the carer's company, "the social worker called" who told it
        company = span | self._alone_with_child(words) | self._teller_at(words)
        # fix33c: the call with the threat's own words read as none ("kill" is p9's violence core only said of another)
        apart = ([_NO_WORD if i in span else w for i, w in enumerate(words)], [_NO_WORD if i in span else t for i, t in enumerate(stems)])
        stated = [
            n
            for n in top
            if n not in ct.child
            and n not in carers
            and top.index(n) < first_carer
            and self.entries[n].indicator.level is not Level.UNIVERSAL  # fix30c: no strength stays above the threat
            and self._threat_stated(matched.get(n, set()), words, company)
            # fix33c (mut32's probe): a p9 row whose core the call leaves unsaid is not stated by a word beside the threat
            # ("dad DRINKS and says he will kill himself": p9's domestic violence on "drinks", no violence said)
            and not (self.entries[n].indicator.immediate and n in self.core and not self._core_said(n, *apart, c.typing))
        ]
        unstated = [n for n in immediate if n not in stated]
        room = KEPT_PLACES - len(stated) - len(unstated)
        if room < 1:
            return  # the first three are stated rows or immediate criteria: nothing moves (safety first)
        # said for certain both carers' rows where there is room; else the best, and the child's rows kept in sight
        carers = carers[:room] if certain else carers[:1]
        front = stated + carers + unstated + ([] if certain else [n for n in top if n in ct.child])
        highest = max(final[n] for n in ranked)
        for n in carers:
            if n not in ranked:
                final[n] = 0.0
                ranked.append(n)
        rest = [n for n in ranked if n not in front]
        for k, n in enumerate(front):
            final[n] = round(highest + (len(front) - k) * 1e-5, 6)
        ranked[:] = front + rest
        if certain:
            self._out_of_sight(set(ct.child), ranked, final)

    def _takes_child_with_first(self: SearchIndex, c: _Call) -> None:  # type: ignore[misc]
        """Safety first (fix28a, review 27 Q2; the synonyms file's `carer_threat.with_child`, this tool's reading,
        declared there): a carer's threat to kill self said by its act with a child taken with it ("drive off a bridge
        with the kids in the car", "gas us all", "take them with him when he goes", "if he can't have the kids nobody
        will") leads with p9's significant harm (offered where the words did not find it); _lead_with keeps every p9 row
        of the first three in them."""
        ct = self.carer_threat
        wc = ct.with_child if ct is not None else None
        if wc is None or not c.admits(wc.leads) or not self._takes_child_with(c.words):
            return
        if c.ranked[:1] == [wc.leads]:
            return
        _offered_last(wc.leads, c.ranked, c.final)
        self._lead_with(wc.leads, c.ranked, c.final)

    def _takes_child_with(self: SearchIndex, words: list[str]) -> bool:  # type: ignore[misc]
        """Whether the call says a carer's act of killing self with a child taken with it (_takes_child_with_first)."""
        ct = self.carer_threat
        assert ct is not None and ct.with_child is not None
        wc = ct.with_child
        if self.subject.parents.isdisjoint(words):
            return False
        denied = set(_denied_positions(words))
        kids = {k for p, q in _phrases_at(wc.children, words) for k in range(p, q)}
        kids |= {k for k, w in enumerate(words) if w in self._child_words}

        def near(a: int, b: int) -> bool:  # a child within `reach` words either side of the act, or in it
            return any(a - wc.reach <= k < b + wc.reach for k in kids)

        def threatened(a: int) -> bool:  # a threat or reporting word within `reach` words before the act
            return any(w in ct.threats or w in wc.said for w in words[max(0, a - wc.reach) : a])

        places = [p for p, _ in _phrases_at(wc.places, words)]
        not_mine = [
            (p, q)
            for p, q in _phrases_at(wc.not_mine, words)
            if any(h < p and p - h <= wc.reach and near(h, p) for h, _ in _phrases_at(wc.having, words)) and p not in denied
        ]
        if not_mine:
            return True
        gone = [p for p, _ in _phrases_at(wc.gone, words)]
        for a, b in _phrases_at(wc.acts, words):
            if a not in denied and threatened(a) and near(a, b):
                return True
        for a, b in _phrases_at(wc.placed, words):
            if a not in denied and threatened(a) and near(a, b) and any(b <= p <= b + wc.reach for p in places):
                return True
        for a, b in _phrases_at(wc.taken, words):
            if a not in denied and threatened(a) and any(b <= p <= b + wc.reach for p in gone):
                return True
        return self._ends_with_child(words, kids, denied, threatened)

    def _ends_with_child(self: SearchIndex, words: list[str], kids: set[int], denied: set[int], threatened: Callable[[int], bool]) -> bool:  # type: ignore[misc]
        """fix30a (mut29's probe; the synonyms file's `carer_threat.with_child.ends`, declared there): a carer's act of
        killing self (`carer_threat.acts` or `ends`: "end it", "kill herself", "end her life"), not denied, with a threat
        or reporting word before it (`threatened`) and a child taken along: one of `along` just after it and then the
        child (one determiner between: "and the kids", "and take them") or one of `taken` or `going` within `reach` words
        either side ("take the kids with her if she ends it", "the kids are going with her"); not where one of `ends_not_before` follows it with no child next
        ("end it with dad and take the kids": the relationship)."""
        ct = self.carer_threat
        assert ct is not None and ct.with_child is not None
        wc = ct.with_child
        taken = [p for p, _ in _phrases_at((*wc.taken, *wc.going), words)]
        for a, b in _phrases_at((*ct.acts, *wc.ends), words):
            if a in denied or not threatened(a):
                continue
            if b < len(words) and words[b] in wc.ends_not_before and not {b + 1, b + 2} & kids:
                continue  # "end it with dad": another sense
            if any(tuple(words[b : b + len(p)]) == p and any(_taken_along(words, c) for c in {b + len(p), b + len(p) + 1} & kids) for p in wc.along):
                return True
            if any(abs(t - a) <= wc.reach for t in taken):
                return True
        return False

    def _alone_with_child(self: SearchIndex, words: list[str]) -> set[int]:  # type: ignore[misc]
        """fix30c (review 29 Q5): the places of `carer_threat.alone_with` said with a child (a child's word or a pronoun
        within three words after it: "alone with the toddler", "on her own with him"): the carer's company."""
        ct = self.carer_threat
        assert ct is not None
        child = self._child_words | CHILD_ROLES | {"him", "her", "them"}
        return {k for i, j in _phrases_at(ct.alone_with, words) if any(w in child for w in words[j : j + 3]) for k in range(i, j)}

    def _teller_at(self: SearchIndex, words: list[str]) -> set[int]:  # type: ignore[misc]
        """fix30c (review 29 Q5): the places of `carer_threat.telling` ("phoned", "rang") and of an adult named by a role
        (`service_roles`: "worker", "visitor") with the words of its name before it, up to `modifiers` ("the social
        worker called", "the health visitor rang"): who told of the threat, no concern of the call's ("social" found
        "Socially excluded / isolated", "phoned" "At risk of sexual exploitation")."""
        r, ct = self.roles, self.carer_threat
        assert ct is not None
        out = {k for k, w in enumerate(words) if w in ct.telling}  # "the nursery phoned"
        if r is None:
            return out
        for k, w in enumerate(words):
            if self._role_word(w):
                out.add(k)
                out.update(m for m in range(max(0, k - r.modifiers), k) if words[m] not in DETERMINERS)
        return out

    def _threat_stated(self: SearchIndex, labels: set[str], words: list[str], span: set[int]) -> bool:  # type: ignore[misc]
        """Whether a row's matched words say something beyond a carer's threat (_carer_threat_first): a content word
        that is not the threat's own, a reporting or threat word, a person's word or a pronoun."""
        ct = self.carer_threat
        assert ct is not None
        clauses = self.subject.clauses
        people = self.subject.parents | self.subject.opens | CHILD_ROLES | self.subject.objects | self.subject.reflexives | ct.threats
        people |= (clauses.named | clauses.says | clauses.through) if clauses is not None else frozenset()
        own = {words[i] for i in span}
        return any(w not in own and w not in people and not _stop(w, stem(w)) for label in labels for w in label.split())

    def _carer_threat_at(self: SearchIndex, words: list[str], stems: list[str]) -> Optional[tuple[set[int], bool]]:  # type: ignore[misc]
        """A carer's threat of suicide or self harm (_carer_threat_first): the places of its acts, and whether it is
        the carer's for certain; None where the call says none, says it of the child too, or takes a child with it."""
        ct = self.carer_threat
        assert ct is not None
        subject = self.subject
        clauses = subject.clauses
        if clauses is None or subject.parents.isdisjoint(words):
            return None
        denied = set(_denied_positions(words))
        acts = [(i, len(a)) for a in ct.acts for i in _phrase_at(a, words) if i not in denied]
        if not acts:
            return None
        of_parent = _said_of_parent(words, subject.parents, subject.opens, subject.ends, clauses)
        apart = not clauses.named.isdisjoint(words)
        span: set[int] = set()
        certain = True
        for i, size in acts:
            if of_parent[i]:
                span |= set(range(i, i + size))
                continue
            reported = self._reported_threat(words, i, size, of_parent)
            if reported is None:
                return None  # the act said of someone else: the child's (search14), or another's
            span |= set(range(reported, i + size))
            certain = certain and apart
        self_harm = subject.conditions[0][0] if subject.conditions else frozenset()
        if any(s in self_harm and i not in span and not of_parent[i] for i, s in enumerate(stems)):
            return None  # the act said of the child too
        child = CHILD_ROLES | clauses.named | subject.objects
        for i, size in acts:
            for k in range(i + size, len(words)):  # the rest of the act's clause
                if words[k] in CLAUSE_WORDS:
                    break
                if self._state_clause_at(words, k + 1 if words[k] in JOINING else k):
                    break  # fix30c (review 29 Q5): "... end it all AND SHE IS alone with the toddler", "kill herself, SHE IS": a clause of its own
                if words[k] in child:
                    return None  # a threat that takes a child with it: p9's, the search's order
        return span, certain

    def _state_clause_at(self: SearchIndex, words: list[str], k: int) -> bool:  # type: ignore[misc]
        """fix30c (review 29 Q5): whether a clause of a carer's state opens at k after a threat (_carer_threat_at): a
        pronoun or a carer's word, then one of STATE_VERBS ("she is alone with the toddler", "mum has the baby with her"),
        and no threat word after it ("she is going to take the kids with her" is the threat's, read as before)."""
        clauses = self.subject.clauses
        ct = self.carer_threat
        assert clauses is not None and ct is not None
        if k + 1 >= len(words) or not (words[k] in clauses.pronouns or words[k] in self.subject.parents):
            return False
        return words[k + 1] in STATE_VERBS and (k + 2 >= len(words) or words[k + 2] not in ct.threats)

    def _reported_threat(self: SearchIndex, words: list[str], i: int, size: int, of_parent: list[bool]) -> Optional[int]:  # type: ignore[misc]
        """Where a reported threat opens (_carer_threat_at): the pronoun after a carer's reporting verb ("dad keeps
        saying he is going to end it all", "told the school she will ...") that can stand for that carer, with one of
        `threats` after it, up to the end
        of the act at i (of `size` words: "wants to die"), and at most `reach` words between; None where not so said."""
        ct = self.carer_threat
        clauses = self.subject.clauses
        assert ct is not None and clauses is not None
        for p in range(i - 1, max(-1, i - 2 - ct.reach), -1):
            if words[p] in CLAUSE_WORDS:
                return None
            if words[p] not in clauses.pronouns:
                continue
            if not any(words[m] in ct.threats for m in range(p + 1, i + size)):  # "going to", "wants to die"
                return None
            v = p - 1
            while v >= 0 and words[v] in clauses.through:
                v -= 1
            if v >= 2 and words[v - 1] in DETERMINERS and words[v - 2] in clauses.says:  # "told the school she ..."
                v -= 2
            elif v >= 1 and words[v - 1] in clauses.says and words[v] not in CLAUSE_WORDS and words[v] not in JOINING:
                v -= 1  # fix30c (review 29 Q5): one word for whom, or "that": "told her she ...", "told staff she ...", "said that she ..."
            # the reporting verb's clause is a carer's; fix30c (review 29 Q5): or a carer is the verb's own subject, right
            # before it ("the GP called, mum told her she ...": the comma is not read, and "called mum" made her an object)
            if v < 1 or words[v] not in clauses.says or not (of_parent[v - 1] or words[v - 1] in self.subject.parents):
                return None
            carer = next((words[k] for k in range(v - 1, -1, -1) if words[k] in self.subject.parents), None)
            return p if carer is not None and clauses.stands_for(words[p], carer) else None
        return None

    def _pregnant_young_first(self: SearchIndex, c: _Call) -> None:  # type: ignore[misc]
        """A child under `under` years who is pregnant (review 19 N11; fix19d; the synonyms file's `pregnant_young`, this
        tool's reading, declared there): where one of `words` is said of the child (no carer's or other child's clause,
        not denied) and the age given, or else said ("she is 12 and pregnant", "12yo"), is under `under`, `leads` ("Sexual
        activity under 13", p17) goes just above the first of `rows` ("Pregnant under 16", "Pregnant under 17") where it
        was below it or not found; never above a row that was above that one (so never above a p9 row), and an
        immediate criterion in the first three stays there. fix30a (mut29): where none of `words` is so said, the child's
        own pregnancy said in other words (_pregnancy_of_child: `banded`'s "expecting", "up the duff") counts the same,
        from `banded.from` years (under it a "she" who is expecting is the child's mother)."""
        words, ranked, final, matched, age = c.words, c.ranked, c.final, c.matched, c.age_in_months
        py = self.pregnant_young
        if py is None or not ranked:
            return
        self._older_partner_offered(c)
        at = next((k for k, n in enumerate(ranked) if n in py.rows), None)
        if at is None or (py.leads in ranked and ranked.index(py.leads) < at):
            return
        years = self._child_years(words, age)  # fix28b: an age said as `said_plainly.ages` reads it too ("she's 12")
        if years is None or years >= py.under or not self._admits(py.leads, False, age):
            return
        of_parent = _said_of_parent(words, self.subject.parents, self.subject.opens, self.subject.ends, self.subject.clauses)
        of_other = self._said_of_other(words)
        denied = set(_denied_positions(words))
        said = {w for w in words if w in py.words}
        apart = self._pregnancy_aged_apart  # fix33b: a pregnancy said with another age is that child's
        if not any(w in py.words and not of_parent[i] and not of_other[i] and i not in denied and not apart(words, i, age) for i, w in enumerate(words)):
            # fix30a (mut29's probe): the child's own pregnancy said in other words ("she is expecting", "up the duff",
            # "missed her period and the test was positive"), read as _pregnant_banded_first reads it, from its floor
            other = self._pregnancy_of_child(words, age) if py.banded is not None and years >= py.banded.from_years else None
            if other is None:
                return
            said = {other}
        above = final[ranked[at - 1]] if at > 0 else final[ranked[at]] + 2e-5  # py.leads, if listed, is below `at`
        self._placed_in_sight(py.leads, at, round((above + final[ranked[at]]) / 2, 7) if at > 0 else round(above, 6), ranked, final, fine=7)
        matched.setdefault(py.leads, set()).update(said)

    def _child_years(self: SearchIndex, words: list[str], age: Optional[int]) -> Optional[float]:  # type: ignore[misc]
        """The child's age in years: entered, else said (fix28b): `said_plainly.ages` as _age_in_words reads it ("she's
        15", "she's only fourteen", "my daughter is 15"), else _age_said ("15yo", "aged 15")."""
        if age is not None:
            return age / 12
        months = _age_in_words(self.said_plainly, words) if self.said_plainly is not None else None
        return months / 12 if months is not None else self._age_said(words)

    def _pregnancy_of_child(self: SearchIndex, words: list[str], age: Optional[int] = None) -> Optional[str]:  # type: ignore[misc]
        """The words saying the child's own pregnancy (fix28b; the synonyms file's `pregnant_young.banded`), or None:
        one of `said`, or one of `expecting` with none of `not_before` after it, or a baby carried (fix30a: `carrying`,
        "she's carrying his baby"), in no carer's or other child's clause, not denied and (fix33b) not said with
        another age than `age`, the age entered (_pregnancy_aged_apart); None where one of `denies` is said or the
        child is a boy (_not_pregnant)."""
        py = self.pregnant_young
        b = py.banded if py is not None else None
        if b is None or any(w in b.denies for w in words) or self._not_pregnant(words, False):
            return None
        at: dict[int, str] = {}
        for p in b.said:
            for i in _phrase_at(p, words):
                at.setdefault(i, " ".join(p))
        for i, w in enumerate(words):
            if w in b.expecting and (i + 1 == len(words) or words[i + 1] not in b.not_before):
                at.setdefault(i, w)
            if w in b.carrying:  # fix30a: "carrying his baby", "carrying her boyfriend's baby", "carrying twins"
                k = next((k for k in range(i + 1, min(len(words), i + 4)) if words[k] in b.carried), None)
                owners = words[i + 1 : k] if k is not None else []
                if (
                    k is not None
                    and all(v in b.carrying_owners or (v == "her" and j + 1 < len(owners) and owners[j + 1] in b.carrying_owners) for j, v in enumerate(owners))
                    and (k + 1 == len(words) or words[k + 1] not in b.carrying_not_before)
                ):
                    at.setdefault(i, " ".join(words[i : k + 1]))
        if not at:
            return None
        of_parent = _said_of_parent(words, self.subject.parents, self.subject.opens, self.subject.ends, self.subject.clauses)
        of_other = self._said_of_other(words)
        denied = set(_denied_positions(words))
        return next(
            (
                said
                for i, said in sorted(at.items())
                if not of_parent[i]
                and not of_other[i]
                and i not in denied
                and not b.others.intersection(words[max(0, i - b.others_reach) : i])
                and not self._pregnancy_aged_apart(words, i, age)
            ),
            None,
        )

    def _pregnancy_apart_first(self: SearchIndex, c: _Call) -> None:  # type: ignore[misc]
        """Review 32 Q4 (inflation; fix33b, this tool's reading): where the first result is a pregnancy row
        (`pregnant_young.rows`, `banded.under`'s) and every pregnancy word the call says (`pregnant_young.words`) is said
        with another age than the one entered (_pregnancy_aged_apart: "the eldest is 16 and pregnant and her brother of
        11 is being bullied" asked at 11), with no pregnancy of the child's own (_pregnancy_of_child), the best placed
        result the words matched that is no pregnancy row leads (_lead_with: the pregnancy rows one place lower, an
        immediate criterion of the first three kept there).

        fix37d (mut34's probes, fix33b's CORE: "her older sister is 16 and pregnant" asked at 11, "her big sister is 17
        and expecting" at 10): the child's pregnancy rows (and `pregnant_young.leads`, p17 "Sexual activity under 13")
        then leave the first three wherever they are (_out_of_sight: still listed; none is a p9 row), not only the
        first, and are held out (`unsighted`): the pregnancy is the other child's, none of these rows is this child's.
        The pregnancy said by `banded.expecting` ("is 17 and expecting") is read as `words` are."""
        py = self.pregnant_young
        assert py is not None and py.banded is not None
        words, ranked, age = c.words, c.ranked, c.age_in_months
        rows = set(py.rows) | {n for n, _ in py.banded.under}
        if age is None or not ranked or rows.isdisjoint(ranked[:KEPT_PLACES]) and py.leads not in ranked[:KEPT_PLACES]:
            return
        said = [i for i, w in enumerate(words) if w in py.words or w in py.banded.expecting]
        if not said or not all(self._pregnancy_aged_apart(words, i, age) for i in said) or self._pregnancy_of_child(words, age) is not None:
            return
        if ranked[0] in rows:
            lead = next((n for n in ranked if n not in rows and c.matched.get(n) and n not in c.hidden), None)
            if lead is not None:
                self._lead_with(lead, ranked, c.final)
        apart = rows | {py.leads}
        self._out_of_sight(apart, ranked, c.final)
        c.unsighted |= apart  # held out: no later reading brings them back (_out_of_sight_step, _everyday_senses_below)

    def _pregnancy_aged_apart(self: SearchIndex, words: list[str], i: int, age: Optional[int]) -> bool:  # type: ignore[misc]
        """Whether the pregnancy said at i is said with an age that is not the child's entered `age` (review 32 Q4;
        fix33b; this tool's reading): "the eldest is 15 and pregnant and her sister of 12 has started self harming"
        asked at 12 read the eldest's pregnancy at 12, and p17 "Sexual activity under 13" led. An age said with the
        pregnancy (_age_beside) binds it to the child of that age; where it is more than a year from the age entered
        (whole years, either way: "she's 13 and pregnant" at 12 years 6 months is hers), the pregnancy is another
        child's and neither _pregnant_young_first nor _pregnant_banded_first reads it. No age entered, or none said
        with the pregnancy: as before (the said age is _child_years' own)."""
        if age is None:
            return False
        said = self._age_beside(words, i)
        return said is not None and abs(said + 0.5 - age / 12) > 1

    def _age_beside(self: SearchIndex, words: list[str], i: int) -> Optional[int]:  # type: ignore[misc]
        """The age in years said with the word at i (_pregnancy_aged_apart): a number of a child's years (PREGNANCY_AGES,
        digits, a word, "15yo") up to AGE_BESIDE_REACH words before it in its clause, no week's or month's count and no
        adult's or another's age (`said_plainly.adults`: "her 16 year old boyfriend"), no school year ("year 10 girl
        pregnant") ("15 and pregnant", "is 16 and
        expecting", "my 14 year old is pregnant"; not "20 weeks pregnant"), else one after "at",
        "aged" or "age" just after it ("pregnant at 15"); None where none is."""
        numbers = self.said_plainly.numbers if self.said_plainly is not None else {}

        def years(k: int) -> Optional[int]:
            w = words[k]
            m = _YEARS_SAID.fullmatch(w)
            n = int(m.group(1)) if m else numbers.get(w)
            if n is None or n not in PREGNANCY_AGES or (k + 1 < len(words) and words[k + 1] in _NOT_YEARS):
                return None
            if k > 0 and words[k - 1] in _SCHOOL_YEAR:
                return None  # "year 10 girl pregnant, she's 15": a school year, no age
            after = words[k + 1 : k + 4]
            named = after[2] if after[:2] in (["year", "old"], ["years", "old"], ["yr", "old"], ["yrs", "old"]) and len(after) == 3 else None
            adults = self.said_plainly.adults if self.said_plainly is not None else frozenset()
            return None if named is not None and named in adults else n  # "her 16 year old boyfriend got her pregnant": his age

        for k in range(i - 1, max(-1, i - 1 - AGE_BESIDE_REACH), -1):
            if words[k] in CLAUSE_WORDS:
                break
            n = years(k)
            if n is not None:
                return n
        for k in range(i + 1, min(len(words) - 1, i + 3)):
            if words[k] in ("at", "aged", "age"):
                return years(k + 1)
        return None

    def _pregnant_banded_first(self: SearchIndex, c: _Call) -> None:  # type: ignore[misc]
        """Review 27 Q5 (safety; fix28b; the synonyms file's `pregnant_young.banded`, this tool's reading, declared
        there): a child's own pregnancy said (_pregnancy_of_child: "she is expecting", "up the duff", "missed her
        period and the test was positive") with her age known (_child_years), `from` or more, offers the pregnancy rows her age is under
        in the document's order, highest level first ("Pregnant under 16" above "Pregnant under 17" at 15), at the
        place of the first pregnancy row in the first three (none there: first, or second behind a p9 row that is
        first); a pregnancy row her age is not under leaves the first three ("Pregnant under 16" at a said 16). Every
        p9 row of the first three stays there: the last pregnancy row offered gives way where it must."""
        py = self.pregnant_young
        b = py.banded if py is not None else None
        words, ranked, final, age = c.words, c.ranked, c.final, c.age_in_months
        if b is None:
            return
        self._pregnancy_apart_first(c)
        years = self._child_years(words, age)
        if years is None or years < b.from_years:
            return
        want = [n for n, under in b.under if years < under and self._admits(n, False, age) and n not in c.hidden]
        if not want:
            return
        said = self._pregnancy_of_child(words, age)
        if said is None:
            return
        rows = {n for n, _ in b.under}
        front = ranked[:KEPT_PLACES]
        kept = [m for m in front if self.entries[m].indicator.immediate]
        place = next((k for k, n in enumerate(front) if n in rows), None)
        if place is None:
            place = 1 if front and self.entries[front[0]].indicator.immediate else 0
        before = [n for n in ranked[:place] if n not in rows]
        after = [n for n in ranked[place:] if n not in want]
        out = [n for n in after if n in rows]  # a pregnancy row her age is not under: below the first three
        after = [n for n in after if n not in rows]
        order = before + want + after
        _back_in_sight(kept, lambda r: self.entries[r].indicator.immediate, order)  # every p9 row of the first three stays
        for n in out:
            order.insert(min(len(order), max(KEPT_PLACES, ranked.index(n))), n)
        c.unsighted |= set(out)  # held out: never this child's row at her age (at the merge, stop 54: _unsaid_facts_below)
        ranked[:] = order
        for n in want:
            final.setdefault(n, 0.0)
            c.matched.setdefault(n, set()).add(said)
        _scores_follow_order(ranked, final)

    def _older_partner_offered(self: SearchIndex, c: _Call) -> None:  # type: ignore[misc]
        """Review 25 Q2 (safety, arguable; fix25a; the synonyms file's `pregnant_young.older_partner`, this tool's reading,
        declared there): a child under `under` (the age given, else said: _age_said, or a number under `adult_from`
        after one of `said_after`) with a pregnancy or relationship said (`relationship`) and an adult partner said
        (_older_partner_said: "the baby's father is 32", "a man in his 30s", "her 24 year old boyfriend", "a much older
        boyfriend") has the first of `offers` the age admits (p9's "Allegations or disclosures of abuse including
        sexually abused or evidence of grooming") in the first three: where it is not, it goes second (offered where
        the words did not find it), the lowest row after the first that is no p9 criterion leaving the first three
        (none: nothing moves). It does not lead: the row the words state ("Pregnant under 16") keeps the lead, the
        abuse being the practitioner's to weigh (docs/adviser.md, Search25a)."""
        py = self.pregnant_young
        assert py is not None
        op, words, ranked, final, matched, age = py.older, c.words, c.ranked, c.final, c.matched, c.age_in_months
        if op is None or not ranked:
            return
        years = age / 12 if age is not None else self._child_years_said(words, op)
        if years is None or years >= op.under or not any(_phrase_at(p, words) for p in op.relationship):
            return
        said = self._older_partner_said(words, op)
        if said is None:
            return
        lead = next((n for n in op.offers if c.admits(n) and n not in c.hidden), None)
        if lead is None:
            return
        front = ranked[:KEPT_PLACES]
        if not self.entries[ranked[0]].indicator.immediate and op.states_contact.isdisjoint(front) and not any(w in py.words for w in words):
            # fix27b (review 26 Q2): a contact with an adult said with no pregnancy ("linking with a 30 year old man",
            # "talking to a 25 year old on insta") where no row stating the contact is in the first three
            # (`states_contact`: p15-16 "At risk of sexual exploitation" keeps its place and a later reading may lead
            # with it: clause25's concern after a strength): p9's row leads, as "seeing a 30 year old man" is led by
            # p9 rows already; every p9 row of the first three stays in them
            self._lead_with(lead, ranked, final)
            matched.setdefault(lead, set()).add(said)
            return
        if lead in ranked[:KEPT_PLACES]:
            return
        if self._into_sight(lead, 1, ranked, final):
            matched.setdefault(lead, set()).add(said)

    def _child_years_said(self: SearchIndex, words: list[str], op: _OlderPartner) -> Optional[float]:  # type: ignore[misc]
        """With no age given, the child's age in years as said beside an adult's (_older_partner_offered): _age_said's
        where under `adult_from`, else the first number under it said after one of `said_after` or of `said_plainly.ages.subjects` ("she is 15",
        "she's 15", normalised "she 15")."""
        py = self.pregnant_young
        assert py is not None
        said = self._age_said(words)
        if said is not None and said < op.adult_from:
            return said
        before = py.said_after | (self.said_plainly.age_subjects if self.said_plainly is not None else frozenset())
        for i, w in enumerate(words[1:], 1):
            if w.isdigit() and int(w) < op.adult_from and words[i - 1] in before:
                return float(w)
        return None

    def _older_partner_said(self: SearchIndex, words: list[str], op: _OlderPartner) -> Optional[str]:  # type: ignore[misc]
        """The words saying an adult partner (_older_partner_offered), or None: one of `older` ("much older", "grown
        man"); or one of `partners` (not one of `parents` just after one of `owners`: "her dad is 40" is her own
        father) with an adult's age within `reach` words after it ("father is 32", "a man in his 30s") or just before
        it ("a 32 year old man", "her 24 year old boyfriend"): digits from `adult_from`, "30s", or one of `numbers`."""
        words = ages_glued(words)  # fix29a: "a 28 y/o" (normalised "28 y o") as "28yo"
        for p in op.older:
            if _phrase_at(p, words):
                return " ".join(p)

        def adult_age(w: str) -> bool:
            m = re.fullmatch(r"(\d+)(?:s|yo|yr|yrs)?", w)  # fix27b: "30yr", "30yo" as typed
            return (m is not None and op.adult_from <= int(m.group(1)) < 100) or w in op.numbers

        for i, w in enumerate(words):
            if w not in op.partners or (w in op.parents and i > 0 and words[i - 1] in op.owners):
                continue
            after = next((k for k in range(i + 1, min(len(words), i + 1 + op.reach)) if adult_age(words[k])), None)
            if after is not None and not any(words[k] in CLAUSE_WORDS or words[k] in JOINING for k in range(i + 1, after)):
                return f"{w} {words[after]}"
            for k in range(max(0, i - 3), i):
                if adult_age(words[k]) and all(v in AGE_UNITS or v == "old" for v in words[k + 1 : i]):
                    return f"{words[k]} {w}"
        # fix27b (review 26 Q2): an adult's age with no noun after it ("talking to a 30 year old off snapchat", "got
        # with a 26 yo at a party"): "N year old"/"N yr old"/"N yo", then the call's end or one of `age_alone_before`
        for i, w in enumerate(words):
            if not adult_age(w) or w.endswith("0s"):  # "30s" is "in his 30s": a noun said before it
                continue
            k = i + 1
            if w[-1].isdigit() and k < len(words) and words[k] in ("yo", "yrs", "yr", "year", "years"):
                k += 1
            if k < len(words) and words[k] == "old":
                k += 1
            if (words[k - 1] in ("old", "yo") or w.endswith("yo")) and (k == len(words) or words[k] in op.age_alone_before):
                return " ".join(words[i:k])
        return None

    def _harm_by_adult_first(self: SearchIndex, c: _Call) -> None:  # type: ignore[misc]
        """Harm an adult of the household does to the child (search20; the synonyms file's `harm_by_adult`, this tool's
        reading, declared there): where the call says one of `harm_to_child.acts` done by a carer, a carer's partner or
        friend ("mum's boyfriend", "her stepdad's mate") or one of `adults` ("the lodger") to the child
        (_harm_by_adult_at), the first of `leads` the age admits (p9's "has suffered significant harm including
        physical") leads where the first result is below Protection, one of `yields` (the adults' "repeated domestic
        violence": not what the call says) or one of `harm_to_child.between`, offered where the words did not find it
        (_lead_with: an immediate criterion in the first three stays there); where another immediate criterion or a
        Protection need is first ("... severe learning disabilities ... and I think his dad hurts him"), the lead goes
        second unless it is in the first three already. Never one `hidden`."""
        words, ranked, final, matched, hidden, admits = c.words, c.ranked, c.final, c.matched, c.hidden, c.admits
        ha, hc = self.harm_by_adult, self.harm_to_child
        if ha is None or hc is None:
            return
        lead = next((n for n in ha.leads if n not in hidden and admits(n)), None)
        if lead is None or (ranked and ranked[0] == lead):
            return
        act = self._harm_by_adult_at(words)
        if act is None:
            return
        if not ranked:  # fix31a: no word of any row said ("her dad came at her"): the act's row alone, no score of words
            final[lead] = 0.0
            ranked.append(lead)
            matched.setdefault(lead, set()).add(words[act])
            return
        if lead not in ranked:
            final[lead] = round(final[ranked[-1]], 6) - 1e-6
            ranked.append(lead)
        matched.setdefault(lead, set()).add(words[act])
        if not self._high(ranked[0]) or ranked[0] in ha.yields or ranked[0] in hc.between or _found_by_act_alone(matched.get(ranked[0]), words, act):
            self._lead_with(lead, ranked, final)
        elif ranked.index(lead) >= KEPT_PLACES:
            if all(self.entries[m].indicator.immediate for m in ranked[:KEPT_PLACES]):
                return  # stop 48: the first three are p9 rows already; none leaves them for another (review 8 S1)
            # the lead is fourth or lower: the first two are the same with it taken out
            self._placed_in_sight(lead, 1, round((final[ranked[0]] + final[ranked[1]]) / 2, 7), ranked, final, fine=7)

    def _harm_by_adult_at(self: SearchIndex, words: list[str]) -> Optional[int]:  # type: ignore[misc]
        """The place of an act of harm an adult of the household does to the child (_harm_by_adult_first), or None: one of
        `harm_to_child.acts`, not denied, ended or put in the past, nor just after one of `not_after` ("convictions
        for hurting children"), whose doer (the nearest carer, `companions` or
        `adults` word at most `harm_to_child.doer_reach` words before it in its clause) is a carer who is none of
        `companions`, one of `companions` after a carer (up to one of `modifiers` between: "mum's new boyfriend", "her
        stepdad's mate"), or one of `adults`; and whose object, within `harm_to_child.reach` words after it before a
        clause word, "and", "or", a preposition or a carer, is the child: a child's word or an age; "them"; "him"
        where no `male` carer but the doer is named before, the companion's owner counted (a carer after "his" or
        "her" is the child's own and counts for no one: "his dad's mate hits him"; "dad's girlfriend hits him" and
        "mum's boyfriend hits her" may be about the owner); "her" as a pronoun where no female carer but the doer is
        named before, so counted, and none of `harm_to_child.witnessed` is said; never before one of
        `of_this_child_not_before` ("mum kicked her out")."""
        ha, hc = self.harm_by_adult, self.harm_to_child
        assert ha is not None and hc is not None
        carers = self.subject.parents
        female, named, possessed = self._female_carers, self._child_words, self._possessors
        out = self._not_now_at(words)
        witnessed = any(_phrase_at(p, words) for p in hc.witnessed)
        stops = CLAUSE_WORDS | JOINING | HARM_STOPS
        doers = carers | ha.companions | ha.adults

        def rival(k: int, doer: int, kinds: frozenset[str], owner: int = -1) -> bool:  # another carer the pronoun may stand for (the owner too)
            # stop 48 (mut29): the doer's own word said earlier is the same person, no rival ("mum and dad row all the
            # time and dad grabs his throat"); fix33c: `owner`, the companion's owner, none for a head struck
            return any(
                words[j] in kinds and j != doer and j != owner and words[j] != words[doer] and not (j > 0 and words[j - 1] in ("his", "her")) for j in range(k)
            )

        for i, w in enumerate(words):
            span = _object_span(hc, words, i, doers)
            if not span or i in out or (i > 0 and words[i - 1] in ha.not_after):
                continue  # "convictions for hurting children": another child, in the past (p9's adults who pose a risk)
            doer = next((k for k in range(i - 1, max(-1, i - 1 - hc.doer_reach), -1) if words[k] in doers or words[k] in CLAUSE_WORDS), None)
            first: Optional[frozenset[str]] = None  # fix25a: the first clause's words, where its subject is carried over
            if doer is None or words[doer] not in doers:
                carried = self._carried_doer(words, i, doers)
                if carried is None:
                    continue
                doer, first = carried
            owner = -1
            if words[doer] in ha.companions:
                b = doer - 1
                while b >= 0 and words[b] in ha.modifiers:
                    b -= 1
                if b < 0 or words[b] not in carers:
                    continue  # "her partner is hitting her", "his mate hits him": fix19a's and the other child's
                owner = b
            elif words[doer] not in ha.adults and words[doer] in hc.partners:
                continue
            held = w in hc.hold_acts or w in hc.pin_acts  # fix30a: "pinned her DOWN" is the hold's own word
            for k in span:
                v = words[k]
                nxt = words[k + 1] if k + 1 < len(words) else ""
                if v in stops or v in carers:
                    break
                if v in named or _AGE_SAID.fullmatch(v) or (v.isdigit() and nxt in AGE_UNITS) or v == "them":
                    if not held and self._of_this_child_not_before(words, k + 1):
                        break  # "kicked them out", "hit the boy by accident"
                    return i
                if first is not None and v in ("him", "her") and v not in first:
                    break  # fix25a: "mum takes him swimming but hurts her back": not the child the first clause named
                if _own_head(hc, w, v, nxt, words[doer], ha.male, female, tuple(words[k + 2 : k + 4])):
                    break  # fix31a: "dad banged his head on the cupboard", "mum bangs her head against the wall": the doer's own
                if v == "my" and (nxt in hc.necks or nxt in hc.heads or (nxt in hc.fault_bodies and w in hc.fault_acts)) and _child_speaks(hc, words, i, doer):
                    return i  # fix34a (review 33 Q1): "daddy squeezes my neck when i am naughty": the caller is the child
                # review 28 Q2: "squeezes his neck"; fix31a: "slammed his head"; fix37b: "pulls his hair" (a fault given: _fault_given)
                if v == "him" or (v == "his" and (nxt in hc.necks or nxt in hc.heads or (nxt in hc.fault_bodies and w in hc.fault_acts))):
                    if not rival(k, doer, ha.male) and (held or not self._of_this_child_not_before(words, k + 1)):
                        return i
                    break
                if v == "her" and nxt not in possessed:
                    # fix33c (mut32's probe, safety): "mum's boyfriend banged HER HEAD off the floor": a head struck against a
                    # thing (fix31a's head span) by a carer's partner is read as the child's, his partner's (the owner's)
                    # though it may be: a p9 row either way, never a Protection row on "floor" (docs/adviser.md "Search33c")
                    owned = owner if w in hc.head_acts and nxt in hc.heads else -1
                    if not witnessed and not rival(k, doer, female, owned) and (held or not self._of_this_child_not_before(words, k + 1)):
                        return i
                    break
        return None

    def _carried_doer(self: SearchIndex, words: list[str], i: int, doers: frozenset[str], gap: int = 0) -> Optional[tuple[int, frozenset[str]]]:  # type: ignore[misc]
        """Review 25 Q1 (safety; fix25a; the synonyms file's `harm_to_child.carried_after`, this tool's reading, declared
        there): an act said with no subject of its own just after one of `carried_after` ("mum takes her swimming BUT
        hits her", "dad drives him to karate AND THEN slaps him"; `carried_between` words may stand between: "but
        then", "but still") is the first clause's subject's act: that clause's opening doer (one of `doers`, only
        determiners, other doers and `harm_by_adult.modifiers` before it: "her mum", "mum's new boyfriend"), with the
        first clause's words (the act's pronoun object must be among them: the child it named). None where the act
        has a subject of its own, no carry word is before it or the first clause opens with no doer ("she goes
        swimming with mum but hits her brother"). `gap`: other words (no doer, clause or joining word) that may stand
        between the carry word and the act (everyday_hitting's "but gives her a GOOD HIDING")."""
        hc, ha = self.harm_to_child, self.harm_by_adult
        assert hc is not None and ha is not None
        carry, j = None, i - 1
        while j > 0 and carry is None:
            ends = (p for p in sorted(hc.carried_after, key=len, reverse=True) if p and tuple(words[max(0, j - len(p) + 1) : j + 1]) == p)
            carry = next((j - len(p) + 1 for p in ends), None)
            w = words[j]
            if carry is None and w not in hc.carried_between:
                if gap <= 0 or w in doers or w in CLAUSE_WORDS or w in JOINING:
                    return None
                gap -= 1
            j -= 1
        if carry is None or carry <= 0:
            return None
        start = carry
        while start > 0 and words[start - 1] not in CLAUSE_WORDS and words[start - 1] not in JOINING:
            start -= 1
        doer = None
        for k in range(start, carry):
            w = words[k]
            if w in doers:
                doer = k
            elif w not in _CARER_DETERMINERS and w not in ha.modifiers:
                break
        if doer is None:
            return None
        return doer, frozenset(words[doer + 1 : carry])

    def _told_alone_below(self: SearchIndex, c: _Call) -> None:  # type: ignore[misc]
        """ "Told" alone is no disclosure (search20; the synonyms file's `told_alone`, this tool's reading, declared there):
        where `row` (p9's "Allegations or disclosures of abuse") is in the first three and every word that matched it is
        one of `words` ("she told me about her weekend": "told", "told me"), it goes just below the first three; not
        where a carer, a carer's companion, another child or an age is named after the first of `verbs` in its clause,
        past whom the child told ("told her mum"): whom the child told of ("... with a 19 year old"). What is told of
        abuse or harm matches the row by its own words ("she told her teacher that her uncle touches her") and nothing
        moves. fix27c (review 26 Q8): a carer named in what was told, and it names no harm (_told_no_harm), the row goes
        below too ("she told her year teacher dad always holds her hand"). A secret an adult told the child to keep
        (_secret_said) stays where it is: _told_secret_first leads with it."""
        words, ranked, matched = c.words, c.ranked, c.matched
        ta = self.told_alone
        if ta is None or ta.row not in ranked or len(ranked) <= KEPT_PLACES:
            return
        if ta.secrecy is not None and self._secret_said(words):
            return
        labels = matched.get(ta.row) or set()
        told = next((i for i, w in enumerate(words) if w in ta.verbs), None)
        if told is not None and labels and self._told_no_harm(words, told, labels):
            self._held_below(ta.row, c)  # fix27c: a carer's ordinary act told ("told her teacher dad holds her hand")
            return
        if not labels or not all(set(label.split()) <= ta.words for label in labels):
            return
        persons = self._told_persons()
        end = next((k for k in range(told + 1, len(words)) if words[k] in CLAUSE_WORDS or words[k] in JOINING), len(words)) if told is not None else 0
        start = _past_whom_told(words, told, end, persons) if told is not None else 0
        if told is None or any(w in persons or w in self.subject.other_child or w.isdigit() or _AGE_SAID.fullmatch(w) for w in words[start:end]):
            return  # "she told me her stepdad comes in her room at night": whom she told of
        self._held_below(ta.row, c)

    def _told_secret_first(self: SearchIndex, c: _Call) -> None:  # type: ignore[misc]
        """Safety first (fix28a; the synonyms file's `told_alone.secrecy`, this tool's reading, declared there): a secret
        an adult told the child to keep ("her uncle said never tell anyone", "it's our little secret", "she'd get in
        trouble if she told") puts `row` (p9's "Allegations or disclosures of abuse ... or evidence of grooming") first
        where no p9 row is first (_lead_with: a p9 row of the first three stays there), else second (_into_sight)."""
        ta = self.told_alone
        sc = ta.secrecy if ta is not None else None
        if ta is None or sc is None or not c.admits(ta.row) or not self._secret_said(c.words):
            return
        if not c.ranked or not self.entries[c.ranked[0]].indicator.immediate:
            _offered_last(ta.row, c.ranked, c.final)
            self._lead_with(ta.row, c.ranked, c.final)
        elif ta.row not in c.ranked[:KEPT_PLACES]:
            self._into_sight(ta.row, 1, c.ranked, c.final)

    def _secret_said(self: SearchIndex, words: list[str]) -> bool:  # type: ignore[misc]
        """Whether the call says a secret someone told the child to keep (_told_secret_first)."""
        ta = self.told_alone
        assert ta is not None and ta.secrecy is not None
        sc = ta.secrecy
        if not sc.innocent.isdisjoint(words):
            return False
        denied = set(_denied_positions(words))
        says = [p for p, _ in _phrases_at(sc.says, words)]
        return any(a not in denied and any(a - sc.reach <= p < a for p in says) for a, _ in _phrases_at(sc.phrases, words))

    def _held_below(self: SearchIndex, row: int, c: _Call) -> None:  # type: ignore[misc]
        """`told_alone`'s row just below the first three, held there (fix21d: by _said_plainly_last too). fix30b (review
        29 Q7): a row already below them is held there as it is (a later step moving a row out of the first three does
        not lift it in: 'he said "I hate maths"')."""
        ranked, final = c.ranked, c.final
        if row not in ranked[:KEPT_PLACES]:
            c.told_below = frozenset({row})
            return
        ranked.remove(row)
        if len(ranked) > KEPT_PLACES:
            final[row] = round((final[ranked[KEPT_PLACES - 1]] + final[ranked[KEPT_PLACES]]) / 2, 7)
        else:
            final[row] = round(final[ranked[-1]], 6) - 1e-6
        ranked.insert(KEPT_PLACES, row)
        c.told_below = frozenset({row})

    def _told_persons(self: SearchIndex) -> frozenset[str]:  # type: ignore[misc]
        """Who `told_alone` reads as whom the child told, or of: a carer or a carer's companion."""
        return self.subject.parents | (self.harm_by_adult.companions if self.harm_by_adult else frozenset())

    def _told_no_harm(self: SearchIndex, words: list[str], told: int, labels: set[str]) -> bool:  # type: ignore[misc]
        """Finding 3 of fix27c (Search27c, review 26 Q8, inflation; `told_alone.harms`, declared there): what the child
        told is a carer's act that names no harm ("she told her teacher dad always holds her hand", "told the school
        nurse that dad bakes with mum", "told his friend his mum buys him sweets"): a carer or a carer's companion is
        named in it (past whom the child told), no other child and no age, none of `harms` nor of the acts the harm
        readings read (`harm_to_child.acts`, `everyday_hitting`) is said from the verb to the call's end, and every word
        that matched the row is one of `words` or one of what was told (none said before the verb). A told harm keeps
        the row ("told her teacher mum holds her head under the bath water", "... touches her at bath time")."""
        ta, hc, eh = self.told_alone, self.harm_to_child, self.everyday_hitting
        assert ta is not None
        persons = self._told_persons()
        content = words[_past_whom_told(words, told, len(words), persons) :]
        if not any(w in persons for w in content) or any(w in self.subject.other_child or w.isdigit() or _AGE_SAID.fullmatch(w) for w in content):
            return False
        acts = (hc.acts if hc is not None else frozenset()) | (frozenset(p[0] for p in eh.phrases if len(p) == 1) if eh is not None else frozenset())
        # fix30b (review 29 Q7): a carer's kiss of affection (`told_alone.affection`) is read as no harm word
        fond = {i + k for p in ta.affection for i in _phrase_at(p, content) for k in range(len(p))}
        heard = [w if i not in fond else "" for i, w in enumerate(content)]
        if any(w in acts for w in heard) or any(_phrase_at(p, heard) for p in ta.harms):
            return False
        if eh is not None and self._everyday_hitting_at(words) is not None:
            return False
        said = set(content) | ta.words
        return all(set(label.split()) <= said for label in labels)

    def _role_abuse_first(self: SearchIndex, c: _Call) -> None:  # type: ignore[misc]
        """An adult by a role who abuses the children in their care (search20; the synonyms file's `role_abuse`, this tool's
        reading, declared there): where the first result is no immediate criterion and the call says one of `acts`, not
        denied nor ended, with an adult named by a role (_role_word, `not_the_child.adults`) at most `reach` words before
        it in its clause, no reporting word (the subject reading's `opens`), pronoun or child's word between ("the nursery
        worker says she touches other children" is the child's act), and a child (one of `objects`, a child's word, an age) at most `reach` words after it ("the
        nursery worker has been touching the children"), `lead` (p9's "Allegations or disclosures of abuse") leads,
        offered where the words did not find it (_lead_with). Never one `hidden`."""
        words, ranked, final, matched, hidden, admits = c.words, c.ranked, c.final, c.matched, c.hidden, c.admits
        ra, nc = self.role_abuse, self.not_child
        if ra is None or nc is None or not ranked or self.entries[ranked[0]].indicator.immediate or ra.lead in hidden or not admits(ra.lead):
            return
        at = self._role_abuse_at(words)
        if at is None:
            return
        if ra.lead not in ranked:
            final[ra.lead] = round(final[ranked[-1]], 6) - 1e-6
            ranked.append(ra.lead)
        matched.setdefault(ra.lead, set()).add(words[at])
        self._lead_with(ra.lead, ranked, final)

    def _role_abuse_at(self: SearchIndex, words: list[str]) -> Optional[int]:  # type: ignore[misc]
        """The place of an act of abuse an adult named by a role does to a child (_role_abuse_first), or None."""
        ra, nc = self.role_abuse, self.not_child
        assert ra is not None and nc is not None
        out = set(_denied_positions(words)) | self._ended_at(words)
        children = ra.objects | CHILD_ROLES
        ends = CLAUSE_WORDS | self.subject.opens | CHILD_ROLES | {"he", "she", "they", "i", "we"}
        for i, w in enumerate(words):
            if w not in ra.acts or i in out:
                continue
            before = range(i - 1, max(-1, i - 1 - ra.reach), -1)
            doer = next((k for k in before if words[k] in ends or self._role_word(words[k]) or words[k] in nc.adults), None)
            if doer is None or words[doer] in ends:  # "the nursery worker says she touches other children": the child's act
                continue
            if any(v in children or _AGE_SAID.fullmatch(v) for v in words[i + 1 : i + 1 + ra.reach]):
                return i
        return None

    def _role_condition_first(self: SearchIndex, c: _Call) -> None:  # type: ignore[misc]
        """A professional's own condition is no carer's (search20; the synonyms file's `role_condition`, this tool's reading,
        declared there): fix18a and fix19c's reading (_not_the_child_first) moves no p9 row for an adult who is no carer,
        so "the health visitor drinks a lot" (10 months) led with p9's "under 1 ... parental/carer substance use". Where
        the first result is one of `rows` and rests only on the words of a part said of such an adult (_said_of_no_child)
        whose role is none of `carers` (a childminder looks after the child), it rests below as the other conditions'
        rows do (_rest_below, the lead _lowest_elsewhere's)."""
        words, ranked, final, matched, hidden = c.words, c.ranked, c.final, c.matched, c.hidden
        rc = self.role_condition
        if rc is None or self.not_child is None or not ranked or ranked[0] not in rc.rows:
            return
        _, adults = self._said_of_no_child(words)
        if not adults or any(words[i] in rc.carers for i in adults):
            return
        self._rest_below(
            adults, rc.rows.__contains__, words, ranked, final, matched, hidden, self._lowest_elsewhere(adults, words, ranked, matched, hidden), unmatched=True
        )


def _object_span(hc: _HarmToChild, words: list[str], i: int, doers: frozenset[str]) -> range:
    """Where the child may be said as the object of the word at i (_harm_to_child_at, _harm_by_adult_at); empty where
    the word is no act. One of `acts`: the `reach` words after it. One of `neck_acts` (review 28 Q2): as far as the
    neck or throat named after it in its clause, within `neck_reach` words ("squeezes her neck", "puts his hands round
    the boy's neck": the neck's owner is the object; "squeezes his hand", "put a scarf round her neck" are no act). One
    of `out_acts` said "out at" (stop 47, "he says his dad lashes out at him"): the `reach` words after "at", only where
    one of `doers` is said just before the verb, past `out_between` ("has been"; "dad says she lashes out at him" is the
    child's: fix27c's F5), or before "and" at most `out_carried` words back with none of `out_not_carried` between ("dad
    drinks and lashes out at him"; "dad says she drinks and lashes out at him" stays the child's)."""
    if words[i] in hc.out_acts and words[i + 1 : i + 3] == ["out", "at"]:
        b = i - 1
        while b >= 0 and words[b] in hc.out_between:  # "his father has been lashing out at him"
            b -= 1
        if b >= 0 and words[b] == "and":  # stop 48 (mut29): the doer carried over "and" ("dad drinks and lashes out at him")
            b = next((k for k in range(b - 1, max(-1, b - 1 - hc.out_carried), -1) if words[k] in doers or words[k] in hc.out_not_carried), -1)
        return range(i + 3, min(len(words), i + 3 + hc.reach)) if b >= 0 and words[b] in doers else range(0)
    if words[i] in hc.acts:
        return range(i + 1, min(len(words), i + 1 + hc.reach))
    held = _held_span(hc, words, i)
    if held is not None:
        return held
    if words[i] in hc.neck_acts:
        for k in range(i + 1, min(len(words), i + 1 + hc.neck_reach)):
            if words[k] in CLAUSE_WORDS or words[k] in JOINING:
                break
            if words[k] in hc.necks:
                return range(i + 1, k + 1)
    if words[i] in hc.fault_acts:  # fix37b: "mummy pulls his hair when he's been cheeky"
        for k in range(i + 1, min(len(words), i + 1 + hc.neck_reach)):
            if words[k] in CLAUSE_WORDS or words[k] in JOINING:
                break
            if words[k] in hc.fault_bodies and _fault_given(hc, words, k):
                return range(i + 1, k + 1)
    if words[i] in hc.head_acts:  # fix31a: "bangs the baby's head on the wall", "smashed her head into the door"
        for k in range(i + 1, min(len(words) - 1, i + 1 + hc.neck_reach)):
            if words[k] in CLAUSE_WORDS or words[k] in JOINING:
                break
            if words[k] in hc.heads and words[k + 1] in hc.head_against:
                return range(i + 1, k + 1)
    return range(0)


def _fault_given(hc: _HarmToChild, words: list[str], body: int) -> bool:
    """fix37b (review 34 Q10, safety; `harm_to_child.fault_acts`, declared there): whether the child's fault is given
    as the reason for the act on the body word at `body`: after it one of `fault_reasons` or `speaker_reasons` ("when he",
    "if she", "when i") with one of `speaker_faults` within `neck_reach` words after that ("when he is been cheeky",
    "when she is naughty"). A hair pulled, plaited or brushed with no fault given ("mum pulls her hair back into a
    ponytail") is no act of harm."""
    return _fault_after(hc, words, (*hc.fault_reasons, *hc.speaker_reasons), body)


def _fault_after(hc: _HarmToChild, words: list[str], reasons: tuple[tuple[str, ...], ...], at: int) -> bool:
    """Whether, after the place `at`, one of `reasons` is said with one of `speaker_faults` within `neck_reach` words
    after it (_child_speaks, _fault_given)."""
    for p in reasons:
        for j in _phrase_at(p, words):
            if j <= at:
                continue
            after = words[j + len(p) : j + len(p) + hc.neck_reach]
            if any(_phrase_at(f, after) for f in hc.speaker_faults):
                return True
    return False


def _clause_doer(words: list[str], i: int, reach: int, doers: frozenset[str], others: frozenset[str]) -> Optional[int]:
    """fix33c: the place of the doer of the word at i, one of `doers` at most `reach` words before it, "and" crossed
    (the subject carried: "dad takes drugs AND neglects himself"), or None where a clause word or one of `others` (another
    subject: "dad says HE will ...") comes first."""
    k = next((k for k in range(i - 1, max(-1, i - 1 - reach), -1) if words[k] in doers or words[k] in CLAUSE_WORDS or words[k] in others), None)
    return k if k is not None and words[k] in doers else None


def _found_by_act_alone(found: Optional[set[str]], words: list[str], act: int) -> bool:
    """fix31a (stop 50, safety): whether a row was found only by words of the act's own clause, from the act to the next
    clause or joining word ("dad WENT for him with a knife": p9 home alone at risk on "went"; "mum's fella smacked the
    BABY's HEAD OFF the cot": p9 under-1 substance use on "off his head"; "came at her with a BAT"): the act misread, so
    its own row leads (_harm_by_adult_first); so does a row found by no word at all (the learned model's share: "stepdad
    went for the boy with a baseball bat" led with p9's disclosure row, no word of it said). A row one of whose words is
    said outside the clause is not."""
    if not found:
        return True
    end = next((k for k in range(act + 1, len(words)) if words[k] in CLAUSE_WORDS or words[k] in JOINING), len(words))
    clause = set(words[act:end])
    return all(w in clause for said in found for w in said.split())


def _child_speaks(hc: _HarmToChild, words: list[str], act: int, doer: int) -> bool:
    """fix34a (review 33 Q1, safety; `harm_to_child.speaker_reasons`, declared there): whether the caller is the child
    the act at `act` was done to: after it one of `speaker_reasons` ("when i", "if i") with one of `speaker_faults`
    within `neck_reach` words after that ("when i am naughty", "if i answer back": the caller's own fault given as the
    act's reason, as a child says it), and the doer the caller's own carer (no "his" or "her" at most two words
    before it: "her dad squeezes my neck" is said by another adult). fix37b (mut34's probe): "their dad squeezes my neck
    when i'm naughty" is a child naming the carer of the children of the home, its own (a half-brother's or -sister's
    father): "their" no longer stands the reading aside. "my" is otherwise not read as the child: the
    caller may be the adult ("he squeezes my neck when i am late": no carer doer, the adults' violence)."""
    if any(w in ("his", "her") for w in words[max(0, doer - 2) : doer]):
        return False
    return _fault_after(hc, words, hc.speaker_reasons, act)


def _own_head(hc: _HarmToChild, act: str, v: str, nxt: str, doer: str, male: frozenset[str], female: frozenset[str], after: tuple[str, ...] = ()) -> bool:
    """fix31a (`harm_to_child.head_acts`, declared there): "his head" after a male doer or "her head" after a female one,
    struck by one of `head_acts` that is none of `head_forced` ("dad banged his head on the cupboard", "mum bangs her
    head against the wall when she is stressed"), may be the doer's own head: no object. A forced act ("slammed his head
    against the wall", "shoved her head into the door") is read as done to another. fix33c (mut32's probe): so is a head
    struck "in" with no place after it (`after`, the words after the head: "in" then the call's end, a clause or joining
    word): "dad smashed his face in" ("smashed" read as "hit" by `said_as_meant.struck`), "kicked his head in"."""
    if nxt not in hc.heads or act in hc.head_forced:
        return False
    if after[:1] == ("in",) and (len(after) == 1 or after[1] in CLAUSE_WORDS or after[1] in JOINING):
        return False
    return (v == "his" and doer in male) or (v == "her" and doer in female)


def _held_span(hc: _HarmToChild, words: list[str], i: int) -> Optional[range]:
    """fix30a (mut29; `harm_to_child.phrasal`, `hold_acts`, `pin_acts`, declared there): where the word at i opens a
    blow said by a phrasal verb ("went for him", "laid into the boy") or a hold ("had him in a headlock", "pinned her
    down"), the place of its object (a determiner and the next word, or one word; after a phrasal verb, then the call's
    end or a clause, joining, stop or `phrasal_after` word, none of `phrasal_not_before`); an empty range where the
    phrase or verb is there but its object is none ("went for her tea", "went for his son's birthday meal" (the "'s"
    dropped), "went for him to pick him up", "pinned her drawing on the fridge", "put him in the car");
    None where no such phrase or verb opens at i (the other acts are read)."""
    after = CLAUSE_WORDS | JOINING | HARM_STOPS | hc.phrasal_after

    def ends_object(e: int) -> bool:  # the call's end, or a word no noun of the object's own is: "went for him AND ..."
        return e >= len(words) or (words[e] in after and words[e] not in hc.phrasal_not_before)

    for p in hc.phrasal:
        if tuple(words[i : i + len(p)]) == p:
            k = i + len(p)
            if k >= len(words):
                return range(0)
            if ends_object(k + 1):
                return range(k, k + 1)  # "went for him", "went for her and ..."
            if words[k] in DETERMINERS and ends_object(k + 2):
                return range(k + 1, k + 2)  # "laid into the boy": the noun (a child's word, or no object: "her tea")
            return range(0)  # "went for her tea", "went for his son's birthday meal", "went for him to pick him up"
    w = words[i]
    holds = hc.holds if w in hc.hold_acts else hc.pinned_to if w in hc.pin_acts else None
    if holds is None:
        return None
    k = i + 1
    end = next((e for e in (k + 1, k + 2) if e < len(words) and words[e] in hc.hold_next and (e == k + 1 or words[k] in DETERMINERS)), None)
    if end is None:
        return None  # no hold after it: the other acts are read ("grabs his throat": neck_acts)
    for m in range(end, min(len(words), end + hc.hold_reach)):
        if words[m] in CLAUSE_WORDS or words[m] in JOINING:
            break
        if words[m] in holds:
            return range(k, end)
    return None


def _past_whom_told(words: list[str], told: int, end: int, persons: frozenset[str]) -> int:
    """The place after the telling verb at `told` and whom the child told ("told mum", "told her mum", "told me"), before `end`."""
    start = told + 1
    if start < end and words[start] in DETERMINERS and start + 1 < end and words[start + 1] in persons:
        return start + 2
    if start < end and (words[start] in persons or words[start] in FIRST_PERSON):
        return start + 1
    return start

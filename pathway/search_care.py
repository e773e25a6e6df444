"""The readings of a child looked after now, a care leaver, an unborn baby and early help refused: a care phrase said
of the child (_in_care, _in_care_places, says_child_in_care; a call that says nothing else, _nothing_else; a verb
that takes the child to a service, _carried), a care leaver's words said in full and a care leaver with no concern
(_care_left, _care_leaver_first), an ordinary pregnancy (_unborn_calm, _unborn_calm_first), and the CAF or early help
refused (says_early_help_refused).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pathway.levels import Level
from pathway.search_call import (
    KEPT_PLACES,
    _back_in_sight,
    _Call,
)
from pathway.search_subjects import (
    _said_of_parent,
)
from pathway.search_text import (
    NEGATING,
    WORRY,
    _phrase_at,
    _stop,
    normalise,
    stem,
    tokens,
)

if TYPE_CHECKING:
    from pathway.search import SearchIndex

REFUSAL_BEFORE = 2  # words between a refusal and the CAF or early help it refuses ("would not sign the consent")
# fix39b (review 35 K1): the words after a number that make it a pregnancy's length ("22 weeks", "6 months"), read
# by _unborn_calm as no word of concern
_PREGNANCY_LENGTH = frozenset({"week", "weeks", "month", "months"})
REFUSAL_AFTER = 2  # ...or between the CAF and a refusal said after it ("the CAF was refused")


class CareReadings:
    """Split out of pathway/search.py (split24b) as the mixin `CareReadings` that SearchIndex is composed of;
    pathway.search's says_child_in_care and says_early_help_refused ask the default index. Each method is typed on
    SearchIndex (`self: SearchIndex`), whose __init__ declares the tables and attributes they read, so mypy checks each
    body against the real index; mypy wants a self type to be a supertype of the class, hence the `type: ignore[misc]`
    on each `def` line (that check alone: the bodies are still checked).
    """

    def says_child_in_care(self: SearchIndex, query: str) -> bool:  # type: ignore[misc]
        """Whether what the caller said names the child's own looked-after status now (_in_care_places):
        the call screen then says how such a child is routed (the open-to-social-care answer)."""
        return bool(self._in_care(normalise(query).split())[0])

    def says_early_help_refused(self: SearchIndex, query: str) -> bool:  # type: ignore[misc]
        """Whether what the caller said refuses the CAF or early help, or consent to it (review 15 L3; the
        synonyms file's `early_help`, this tool's reading): a phrase of `said` with one of `refusing` at most
        REFUSAL_BEFORE words before it ("refused the CAF", "would not sign the consent") or REFUSAL_AFTER
        after it ("the CAF was refused"); not "she has not been to school, CAF open". The call screen then
        says the consent answer asks it (p7)."""
        stems = tokens(query)

        def at(phrases: list[tuple[str, ...]]) -> list[tuple[int, int]]:  # (start, end) of each phrase said
            return [(i, i + len(p)) for p in phrases for i in _phrase_at(p, stems, empty_everywhere=True)]

        said, refusing = (at(phrases) for phrases in self.early_help) if len(self.early_help) == 2 else ([], [])
        return any(0 <= a - e <= REFUSAL_BEFORE or 0 <= b - f <= REFUSAL_AFTER for a, f in said for b, e in refusing)

    def _carried(self: SearchIndex, words: list[str]) -> set[int]:  # type: ignore[misc]
        """The places of a verb that takes (or brings) the child to a service (search17c; the synonyms file's
        `carried`, this tool's reading): one of `verbs`, then the child (one of `objects`, or one of `owners`
        and a word: "the baby", "his son"), then one of `to`, then within two words one of `places`. "mum has
        not taken him to the GP": "taken" is how the labelled calls say a child taken into care or off a
        parent ("had kids taken off her") and a passport taken (trafficking), and led with p17's "previously
        removed". Said without the child as object ("taken into care", "being taken abroad", "was not brought
        to appointments"), or to a place not listed ("taken him to pakistan"), the verb is read as before."""
        out: set[int] = set()
        for i, w in enumerate(words):
            if w not in self.carried_verbs:
                continue
            j = i + 1
            if j < len(words) and words[j] in self.carried_owners:
                j += 2
            elif j < len(words) and words[j] in self.carried_objects:
                j += 1
            else:
                continue
            if j >= len(words) or words[j] not in self.carried_to:
                continue
            rest = words[j + 1 : j + 4]
            if rest and any(_phrase_at(p, rest, empty_everywhere=True) for p in self.carried_places):
                out.add(i)
        return out

    def _nothing_else(self: SearchIndex, words: list[str], care: set[int]) -> bool:  # type: ignore[misc]
        """Whether a call that says a child is looked after now says nothing else (search15; the synonyms
        file's `looked_after.filler`, this tool's reading): every word outside the care words (`care`) a
        stopword, a number, a plain word or one of `filler` (when and how long: "last month", "for a
        while"). "he was placed with foster carers last month" led with "Loss of significant adult" on
        "last"; such a call offers no row, and the call screen's note says how the child is routed."""
        return all(
            _stop(w, s) or w.isdigit() or s in self.plain_words or s in self.in_care_filler
            for i, (w, s) in enumerate((w, stem(w)) for w in words)
            if i not in care
        )

    def _in_care_places(self: SearchIndex, words: list[str]) -> set[int]:  # type: ignore[misc]
        """The places of the care phrases said of the child (_in_care)."""
        return self._in_care(words)[0]

    def _in_care(self: SearchIndex, words: list[str]) -> tuple[set[int], set[int]]:  # type: ignore[misc]
        """The places of the synonyms file's `looked_after` phrases said of the child (review 14 K3;
        search14b; this tool's reading, declared there): "she is in foster care", "he lives in a children's
        home". The document has no row for a child looked after now: its only rows are a parent's history
        ("Parent previously looked after by Local Authority", p13-14) and a care leaver's pregnancy (p15-16),
        and the words found them, the parent's history first, preselected. A phrase said in a carer's clause
        ("mum was in care as a child", _said_of_parent) is the carer's history and stays; a call that says
        one of `unless` (a pregnancy, a care leaver) keeps every phrase, a care leaver's history. Gives the
        places, and those of the carers the phrases name, which stay in the search (search15: "her foster
        dad is depressed" keeps "dad", so the carer's clause is read)."""
        if not self.in_care:
            return set(), set()
        stems = [stem(w) for w in words]

        def at(phrase: tuple[str, ...]) -> list[int]:
            return _phrase_at(phrase, stems, empty_everywhere=True)

        if any(at(u) for u in self.in_care_unless):
            return set(), set()
        subject = self.subject
        of_parent = _said_of_parent(words, subject.parents, subject.opens, subject.ends, subject.clauses)
        # whose the phrase is, the word before tells: a phrase opening with a child's word ("children's home")
        # would end a carer's clause, and one opening with a carer's ("foster carers") would open one
        # (search15: "her foster carers are ..." is the child's care, not the carers' history)
        said = [(i, len(phrase)) for phrase in self.in_care for i in at(phrase) if not (i > 0 and of_parent[i - 1])]
        said = [(i, n) for i, n in said if not self._caring_at(words, i, n)]  # "is looking after" is no "is looked after" (fix22b)
        # the carer a phrase names stays, with the words before it, so the carer's clause is still read ("her
        # foster dad is depressed", "the foster carer he has been placed with is depressed")
        named = {i for i, n in said if n > 1 and words[i + n - 1] in subject.parents}
        places = {k for i, n in said for k in range(i, i + n - (i in named))}
        for i in sorted(places - named, reverse=True):  # "lives in a children's home": the words before that say the same
            k = i - 1
            while k >= 0 and k not in places and words[k] in self.in_care_before and not of_parent[k]:
                places.add(k)
                k -= 1
        return places, {i + n - 1 for i, n in said if i in named} - places

    def _care_left(self: SearchIndex, words: list[str]) -> list[str]:  # type: ignore[misc]
        """The call's words with each phrase of the synonyms file's `care_left` said in full ("left care", "came out of
        care") read as its `read_as` ("care leaver"; fix20u, this tool's reading): a mother who left care is a care
        leaver (p13-14's "Parent previously looked after by Local Authority", p15-16's "Pregnant care-leavers ..."),
        neither p9's child "left 'home alone'" nor "Loss of significant adult" ("dad left"), which "left" alone found
        ("mum is 19 and left care last year" led with the loss, p9's home alone second). "left" said otherwise ("left
        on his own", "left home alone") is read as before."""
        if self.care_left is None:
            return words
        phrases, read_as, _ = self.care_left
        out: list[str] = []
        i = 0
        while i < len(words):
            said = next((p for p in phrases if tuple(words[i : i + len(p)]) == p), None)
            if said is None:
                out.append(words[i])
                i += 1
            else:
                out.extend(read_as)
                i += len(said)
        return out

    def _care_leaver_first(self: SearchIndex, c: _Call) -> None:  # type: ignore[misc]
        """A care leaver with no concern said meets p13-14's "Parent previously looked after by Local Authority" (fix20u;
        the synonyms file's `care_left.row`, this tool's reading, as fix20c's oracle says). Where the call says
        `care_left.read_as` ("care leaver", or a phrase read as it: "mum left care and is expecting her first baby") and
        the first result is a row of `concern_to_lead` whose concern is unsaid (p15-16's "Pregnant care-leavers where
        concerns exist about lifestyle ...", _concern_unsaid_below) while the row is not among the first KEPT_PLACES
        (where it is, _concern_unsaid_below puts it first), the row takes first place and every other result keeps
        its order one place lower, an immediate criterion in the first KEPT_PLACES staying there (_lead_with). Said
        with its concern ("left care last year and can't cope") the row does not move; and where `row` is first and a
        row of `concern_to_lead` after it among the first KEPT_PLACES has its concern said ("mum is a care leaver and
        has no home", unborn), the two swap places: the Extensive need the call states leads (never under-call), no
        other result moves, so no p9 row loses or gains a place."""
        words, stems, typing, ranked, final, admits = c.words, c.stems, c.typing, c.ranked, c.final, c.admits
        if self.care_left is None or not ranked:
            return
        _, said, row = self.care_left
        if not any(tuple(words[i : i + len(said)]) == tuple(said) for i in range(len(words))):
            return
        if ranked[0] == row:  # ...and said with its concern, the row whose concern it is leads (its place swapped with row's)
            k = next((k for k in range(1, min(KEPT_PLACES, len(ranked))) if ranked[k] in self.concern_to_lead), None)
            if k is not None and self._says_core(self.concern_to_lead[ranked[k]], words, stems, typing, of_oneself=True):
                final[row], final[ranked[k]] = final[ranked[k]], final[row] + 1e-5
                ranked[0], ranked[k] = ranked[k], row
            return
        if ranked[0] not in self.concern_to_lead or row in ranked[:KEPT_PLACES] or not admits(row):
            return
        if self._says_core(self.concern_to_lead[ranked[0]], words, stems, typing, of_oneself=True):
            return
        final.setdefault(row, 0.0)
        self._lead_with(row, ranked, final)

    def _unborn_calm(self: SearchIndex, words: list[str], stems: list[str]) -> bool:  # type: ignore[misc]
        """Whether an unborn baby's call says only an ordinary pregnancy (fix20u; the synonyms file's `unborn_calm`,
        this tool's reading): every word a stopword, a plain word (`plain`) or one of its `words`; a number, a denial
        ("not", "no", "never"...), a worry word ("worried", "scared") or a `severity: more` phrase ("always", "every
        day") makes it a call that may say a concern, and so does any other word. fix39b (review 35 K1): a number just
        before "weeks" or "months" is the pregnancy's length ("she's 22 weeks pregnant and has just had a lovely scan"
        led with p9's unborn row on the number alone), not a word that may say a concern; every other word is read as
        strictly as before ("she's 30 weeks gone" beside "booted her in the belly" stays a concern)."""
        if self.unborn_calm is None:
            return False
        calm = self.unborn_calm[0]
        length = {i for i, w in enumerate(words[:-1]) if w.isdigit() and words[i + 1] in _PREGNANCY_LENGTH}
        said = [s for i, (w, s) in enumerate(zip(words, stems)) if i not in length and (s in WORRY or w.isdigit() or w in NEGATING or not _stop(w, s))]
        return bool(said) and all(s in self.plain_words or s in calm for s in said) and not self._says_more(stems)

    def _unborn_calm_first(self: SearchIndex, c: _Call) -> None:  # type: ignore[misc]
        """Without inflation for an unborn baby (fix20u; the synonyms file's `unborn_calm`, this tool's reading): a call
        that says only an ordinary pregnancy ("mum is pregnant and happy about the new baby", _unborn_calm) preselects
        no row the document keeps for a concern on the unborn answer alone. p9's "serious concerns regarding the risk
        of significant harm to an unborn baby", Protection's "Pregnancy where there have been previous child
        protection concerns", p15-16's "Pregnant care-leavers where concerns exist ..." and p13-14's "Poor maternal
        health - not accessing ante or post natal health care" each name a concern such a call does not say. A
        Universal row first stays first; else the first Universal row among the first KEPT_PLACES, else the file's
        `leads` ("Family accessing universal services", p11-12: the midwife is a universal service, Appendix 2
        p25-36), takes first place and every other result keeps its order one place lower, an immediate criterion or
        a Protection need in the first KEPT_PLACES staying there (_lead_with; safety first, the adviser still sees
        p9's unborn row, and search11 keeps what a plain call moves in sight): a row below Protection gives way. Called
        for an unborn baby only; for a born child search11's and search12's plain and harmless readings stand."""
        words, stems, ranked, final = c.words, c.stems, c.ranked, c.final
        if not ranked or self.unborn_calm is None or not self._unborn_calm(words, stems):
            return
        if self.entries[ranked[0]].indicator.level is Level.UNIVERSAL:
            return
        lead = next((n for n in ranked[:KEPT_PLACES] if self.entries[n].indicator.level is Level.UNIVERSAL), self.unborn_calm[1])
        kept = [m for m in ranked[:KEPT_PLACES] if self._high(m)]
        self._lead_with(lead, ranked, final)
        # a Protection need in sight stays in sight too (search11: what a plain call moves is still offered)
        _back_in_sight(kept, lambda r: r == lead or self._high(r), ranked, final)

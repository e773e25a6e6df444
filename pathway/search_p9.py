"""The p9 spelling and parts readings (fix20a): the synonyms file's `p9_spelling` and `p9_parts`, read once
(_p9_init); a one-edit misspelling of a p9 word spelt right before anything reads the call (_p9_spelt,
_p9_spelling, _p9_near), unless it is a real word (_p9_real_word, _english); and a long call cut into parts, each
searched alone, where a p9 criterion a part states leads as in a short call (_p9_part_first), through the clause
reading the clause readings share (_parts_agreed, _part_leads; pathway/search_clauses.py's _clause_first).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Optional

from rapidfuzz import process
from rapidfuzz.distance import OSA

from pathway.catalogue import Catalogue
from pathway.english import english_count
from pathway.search_call import (
    Hit,
    _Call,
    _PartLead,
)
from pathway.search_text import (
    MIN_TYPO,
    _stop,
    normalise,
    stem,
)

if TYPE_CHECKING:
    from pathway.search import SearchIndex

PREFIX_CACHE_SIZE = 10_000  # how many words' readings a cache keeps before it is emptied (_p9_near here; word matching's prefixes in pathway/search.py)
AGREED = 0.2  # a part searched alone states its first row where the model gives that row this much of its best share on the part (_parts_agreed)


class P9Readings:
    """Split out of pathway/search.py (split24b) as the mixin `P9Readings` that SearchIndex is composed of. Each method is
    typed on SearchIndex (`self: SearchIndex`), whose __init__ declares the tables and attributes they read, so mypy
    checks each body against the real index; mypy wants a self type to be a supertype of the class, hence the
    `type: ignore[misc]` on each `def` line (that check alone: the bodies are still checked).
    """

    # ---------------------------------------------------------------- fix20a: a long call's p9 part; a misspelt p9 word
    def _p9_init(self: SearchIndex, catalogue: Catalogue, synonyms: dict, extra: dict[str, list[str]]) -> None:  # type: ignore[misc]
        """The synonyms file's `p9_parts` and `p9_spelling` (fix20a, this tool's readings, declared there): where a long
        call is cut into parts, and the p9 words a one-edit misspelling is read as (_p9_part_first, _p9_spelt)."""
        parts = synonyms.get("p9_parts") or {}
        self.p9_cuts = re.compile(parts["cuts"]) if parts else None
        self.p9_part_words = int(parts.get("min_words", 1)) if parts else 1
        self.p9_long = int(parts.get("long", 0)) if parts else 0
        spelling = synonyms.get("p9_spelling") or {}
        self.p9_real_words = frozenset(normalise(" ".join(spelling.get("real_words") or [])).split())
        self.p9_english_floor = int(spelling.get("english_floor", 0))
        shortest = int(spelling.get("min_length", 0))
        vocab: set[str] = set()
        for ind in catalogue.indicators if spelling else ():
            if ind.immediate:
                for text in [ind.text, *ind.keywords, *extra.get(ind.id, [])]:
                    vocab.update(w for w in normalise(text).split() if len(w) >= shortest and not _stop(w, stem(w)) and stem(w) in self.postings)
        self.p9_words = frozenset(vocab)
        # an index built on fewer phrasings (cross-validation's folds) may lack a spelling's p9 word: that spelling is left
        spelt = {normalise(k): normalise(v) for k, v in (spelling.get("spellings") or {}).items()}
        self.p9_spellings = {k: v for k, v in spelt.items() if v in self.p9_words}
        self._p9_spelling_cache: dict[str, str] = {}
        self._row_number = {e.indicator.id: n for n, e in enumerate(self.entries)}

    def _p9_spelt(self: SearchIndex, words: list[str]) -> list[str]:  # type: ignore[misc]
        """The call's words with each one-edit misspelling of a p9 word spelt right (fix20a; review 20 N4: "she was
        molestid by a neighbour" put p9 fourth, spelt right it leads): so word matching, the model and every reading
        read the word the caller meant. Only a word the index does not know (nor the synonyms file's `known_words` or
        `p9_spelling.real_words`, real words a letter from a p9 word: "amused" is not "abused"), whose every indexed
        word one edit away (OSA: transposed letters are one) is a p9 word of one stem; and (spell21) not a word the English
        word list knows (`p9_spelling.english_floor`: "march" is not "match", "rapid" not "raped")."""
        return [self._p9_spelling(w) for w in words] if self.p9_words else words

    def _p9_spelling(self: SearchIndex, word: str) -> str:  # type: ignore[misc]
        spelt = self.p9_spellings.get(word)
        if spelt:
            return spelt
        near = self._p9_near(word)
        return word if near == word or self._english(word) else near

    def _p9_real_word(self: SearchIndex, word: str) -> bool:  # type: ignore[misc]
        """A real word one edit from a p9 word (`p9_spelling.real_words`, or one the English word list knows: spell21),
        which is spelt as typed and not read as a typo of the p9 word either ("drawn" is not "drown")."""
        return word in self.p9_real_words or (self._p9_near(word) != word and self._english(word))

    def _english(self: SearchIndex, word: str) -> bool:  # type: ignore[misc]
        # asked only of a word one edit from a p9 word; the shipped index loads the list when it is built (pathway/english.py)
        return bool(self.p9_english_floor) and english_count(word) >= self.p9_english_floor

    def _p9_near(self: SearchIndex, word: str) -> str:  # type: ignore[misc]
        """The p9 word `word` is one edit from, if it is a word the index does not know, else `word`."""
        if not self.p9_words or len(word) < MIN_TYPO or word.isdigit() or word in self.known_words or word in self.p9_real_words:
            return word
        s = stem(word)
        if _stop(word, s) or s in self.postings or s in self.word_synonyms:
            return word
        cached = self._p9_spelling_cache.get(word)
        if cached is None:
            found = [w for w, _, _ in process.extract(word, self.surface, scorer=OSA.distance, score_cutoff=1, limit=5)]
            right = bool(found) and all(w in self.p9_words for w in found) and len({stem(w) for w in found}) == 1
            if len(self._p9_spelling_cache) >= PREFIX_CACHE_SIZE:
                self._p9_spelling_cache.clear()
            cached = self._p9_spelling_cache[word] = found[0] if right else word
        return cached

    def _p9_part_first(self: SearchIndex, c: _Call) -> None:  # type: ignore[misc]
        """Safety first (fix20a; review 20 N1; the synonyms file's `p9_parts`, this tool's reading, declared there): a
        p9 criterion a part of a long call states is placed as it is in a short call that says only that part. In a
        long call the learned model reads all the words at once, so the early narrative's rows take its share from the
        p9 part at the end ("kids look clean, go to school, ..., house warm; the 2 year old has a black eye and the
        story keeps changing" led with "Stress factors", p9 second). Where the blend's own first (no reading moved it)
        is not an immediate criterion, each part (cut at `p9_parts.cuts`) holding a word some immediate criterion
        matched is searched alone; the first row of a part that leads with an immediate criterion (the one highest in
        this call's own order where parts differ) takes first place (_lead_with). Not a part whose matched words a
        denial elsewhere in the call covers ("no concerns about: bruises"), nor a row an earlier reading hid."""
        query, ranked, final, matched, hidden = c.query, c.ranked, c.final, c.matched, c.hidden
        if self.p9_cuts is None or not ranked or self.entries[ranked[0]].indicator.immediate:
            return
        pieces = [p for p in self.p9_cuts.split(query) if normalise(p).split()]
        found = {w for n in final if self.entries[n].indicator.immediate for label in matched.get(n, ()) for w in label.split()}
        if len(pieces) < 2 or not found or len(normalise(query).split()) < self.p9_long:
            return  # a short call: its own words and readings place it (the dilution is a long call's)
        agreed = self._parts_agreed(c, pieces, found, limit=1)
        if agreed is None:
            return  # the parts do not add up to the call's words ("not at all" across a cut): read nothing
        whole, parts = agreed
        denied = set(self._denials(whole, [stem(w) for w in whole]))
        leads: list[_PartLead] = []
        for p in parts:
            if not p.hit.indicator.immediate:
                continue
            if len({w for w in p.words if not _stop(w, stem(w))}) < self.p9_part_words:
                continue  # a word or two of a fragment ("they're terrified") is not a criterion stated
            own = {p.at.start + i for i in self._denials(p.part, [stem(w) for w in p.part])}  # the part's own denials: read by its search
            if p.n in hidden or any(i in denied and i not in own and whole[i] in p.words for i in p.at):
                continue
            leads.append(p)
        self._part_leads(c, leads, key=lambda p: ranked.index(p.n) if p.n in ranked else len(ranked))

    def _parts_agreed(  # type: ignore[misc]
        self: SearchIndex,
        c: _Call,
        pieces: list[str],
        found: set[str],
        *,
        limit: int,
        skip: Optional[Callable[[list[str]], bool]] = None,
        p9_by_words: bool = False,
    ) -> Optional[tuple[list[str], list[_PartLead]]]:
        """The clause reading _p9_part_first and _clause_first share: (the call's words as read, its parts that state a
        row), or None where the parts (`pieces`, the call cut) do not add up to the call's words. Each part holding a
        word of `found` (and not `skip`ped on its words) is searched alone (its own readings, `limit` rows, the last
        part unfinished where the call is being typed); it states its first row where that row is word matching's own
        first in the part alone and the model agrees on the part (AGREED); with `p9_by_words`, where the part's first is
        the model's alone, its first p9 row that word matching found and the model agrees on (_clause_first: "dad hits
        her", whose first is the model's allegation line, states p9's repeated domestic violence line), and with
        `clause_reading.stand_in` (clause25) also where the part's first is word matching's but the model does not agree
        on it ("but his mum's boyfriend beat him up": p9's repeated domestic violence line, the model's share below
        AGREED; p9's significant harm line, tied with it, stands in). Each part keeps the rows of its search that word
        matching found and the model agrees on (`agreed`: _clause_stand_in)."""
        said = [self._p9_spelt(normalise(p).split()) for p in pieces]
        whole = [w for part in said for w in part]
        if whole != self._p9_spelt(normalise(c.query).split()):
            return None
        parts: list[_PartLead] = []
        start = 0
        for k, (piece, part) in enumerate(zip(pieces, said)):
            at, start = range(start, start + len(part)), start + len(part)
            if found.isdisjoint(part) or (skip is not None and skip(part)):
                continue
            probe: dict[str, Any] = {}
            finished = not (c.typing and k == len(pieces) - 1)
            hits = self.search(piece, age_in_months=c.age_in_months, unborn=c.unborn, limit=limit, finished=finished, part=probe)
            if not hits:
                continue
            shares = probe.get("shares") or {}
            by_words = probe.get("by_words", [])

            def agreed(h: Hit) -> bool:
                m = self._row_number[h.indicator.id]
                return m in by_words and shares.get(m, 0.0) >= AGREED * max(shares.values(), default=0.0)

            lead = hits[0]
            if not agreed(lead) and p9_by_words and (self._row_number[lead.indicator.id] not in by_words or self._stands_in()):
                lead = next((h for h in hits[1:] if h.indicator.immediate and agreed(h)), lead)
            if not agreed(lead):
                continue
            n = self._row_number[lead.indicator.id]
            words = {w for label in lead.matched for w in label.split()}
            rows = frozenset(self._row_number[h.indicator.id] for h in hits if agreed(h))
            parts.append(_PartLead(at, part, hits if lead is hits[0] else [lead, *hits], n, words, lead is not hits[0], rows))
        return whole, parts

    def _stands_in(self: SearchIndex) -> bool:  # type: ignore[misc]
        """Whether the synonyms file's `clause_reading.stand_in` (clause25) is read."""
        return self.clause_reading is not None and self.clause_reading.stand_in

    def _part_leads(self: SearchIndex, c: _Call, leads: list[_PartLead], key: Callable[[_PartLead], Any]) -> None:  # type: ignore[misc]
        """The lead a clause reading found (the least by `key`, the first of equals) takes first place (_lead_with),
        with the words its part matched."""
        if not leads:
            return
        lead = min(leads, key=key)
        c.matched.setdefault(lead.n, set()).update(lead.hit.matched)
        self._lead_with(lead.n, c.ranked, c.final)

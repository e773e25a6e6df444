"""Checks a trainer reviews a scenario by, beyond what loading refuses.

- `unlisted_needs`: the narrative names a need (a phrase of the search vocabulary: the
  catalogue's keywords and the caller phrasings of data/search_synonyms.yaml) whose indicators are
  in none of the model answer's lists. Either the model answer marks a right trainee down, or
  the narrative says something the answer ignores; a trainer decides which.
- `citation_problems`: each cited line range exists in the threshold document and holds the
  cited indicator's words (or the quoted words), sits on a page the teaching's `pages` names,
  every page the teaching mentions is named too, and every required indicator is cited.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Sequence

from pathway.catalogue import Catalogue, load_catalogue
from pathway.document import pages_of_line
from pathway.levels import Level
from pathway.scenarios.model import Scenario
from pathway.search import _STOP_STEMS, load_synonyms, normalise, stem, tokens

MAX_NEEDS_PER_PHRASE = 3
# "(p9)", "p13-14", "p 17" in a teaching point
_PAGE_MENTION = re.compile(r"\bp\s?(\d+)(?:\s*-\s*(\d+))?")
# caller phrasings that name a person or a place, not a need ("the health visitor says ...")
NOT_A_NEED = frozenset({"health visitor", "gp", "baby", "boyfriend", "new partner", "a e"})
# Words too common in the document to show an indicator's text is on a line ("child", "and").
_FILLER = frozenset("a an the and or of to in on at for with by is are be as their they child children e g eg yrs".split())


@dataclass(frozen=True)
class Unlisted:
    phrase: str
    indicators: tuple[str, ...]

    def __str__(self) -> str:
        return f"the narrative says '{self.phrase}' ({', '.join(self.indicators)}) but the model answer neither requires, accepts nor rules out any of these"


@cache
def _vocabulary() -> tuple[tuple[tuple[str, ...], str, str], ...]:
    """(stemmed phrase, its words, indicator id) for every keyword and caller phrasing."""
    catalogue = load_catalogue()
    extra = load_synonyms().get("indicators") or {}
    by_phrase: dict[tuple[str, ...], set[str]] = {}
    text: dict[tuple[str, ...], str] = {}
    for ind in catalogue.indicators:
        if ind.level is Level.UNIVERSAL:  # a strength, not a need
            continue
        for phrase in [*ind.keywords, *extra.get(ind.id, [])]:
            toks = _joined(tokens(phrase))
            if toks and any(t not in _STOP_STEMS for t in toks):
                by_phrase.setdefault(toks, set()).add(ind.id)
                text.setdefault(toks, normalise(phrase))
    # a word the vocabulary gives to many needs ("partner", "money") names none of them
    return tuple((toks, text[toks], i) for toks, ids in by_phrase.items() if len(ids) <= MAX_NEEDS_PER_PHRASE for i in sorted(ids))


def unlisted_needs(scenario: Scenario, catalogue: Catalogue | None = None) -> list[Unlisted]:
    """Phrases of the narrative that name a need the model answer does not mention."""
    catalogue = catalogue or load_catalogue()
    words = _joined(tokens(scenario.narrative))
    listed = set(scenario.model.required) | set(scenario.model.also_acceptable) | set(scenario.model.ruled_out)
    found: dict[str, set[str]] = {}
    for phrase, text, indicator_id in _vocabulary():
        if text not in NOT_A_NEED and _contains(words, phrase) and _admits(catalogue, indicator_id, scenario):
            found.setdefault(text, set()).add(indicator_id)
    return [Unlisted(text, tuple(sorted(ids))) for text, ids in sorted(found.items()) if not ids & listed]


# compounds read as one word, so "self-harm" is not "harm" done by another and "domestic abuse"
# is not a child's "abuse" unless the vocabulary says so
_COMPOUNDS = {(stem(a), stem(b)) for a, b in (("self", "harm"), ("domestic", "abuse"), ("domestic", "violence"))}


def _joined(words: list[str]) -> tuple[str, ...]:
    out: list[str] = []
    for w in words:
        if out and (out[-1], w) in _COMPOUNDS:
            out[-1] = f"{out[-1]}-{w}"
        else:
            out.append(w)
    return tuple(out)


def _contains(words: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(words[i : i + n] == phrase for i in range(len(words) - n + 1))


def _admits(catalogue: Catalogue, indicator_id: str, scenario: Scenario) -> bool:
    band = catalogue.indicator(indicator_id).age_band
    return band is None or catalogue.band(band).admits(scenario.child.unborn, scenario.child.age_in_months)


def content_words(text: str) -> list[str]:
    return [w for w in normalise(text).split() if w not in _FILLER]


def citation_problems(scenario: Scenario, document: Sequence[str], catalogue: Catalogue | None = None) -> list[str]:
    """What is wrong with a scenario's `teaching.cites` against the document's lines (1-based)."""
    catalogue = catalogue or load_catalogue()
    problems = []
    named = named_pages(scenario.teaching.pages)
    for n, cite in enumerate(scenario.teaching.cites):
        first, last = cite.span
        if first > last or last > len(document):
            problems.append(f"cites[{n}]: lines {cite.lines} are not in the document ({len(document)} lines)")
            continue
        held = set(content_words(" ".join(document[first - 1 : last])))
        if cite.indicator:
            ind = catalogue.indicator(cite.indicator)
            wanted = content_words(ind.document_text or ind.text)
        else:
            wanted = content_words(cite.says or "")
        missing = [w for w in wanted if w not in held]
        if missing:
            problems.append(f"cites[{n}]: lines {cite.lines} do not hold {missing} ({cite.indicator or repr(cite.says)})")
        on = {p for line in range(first, last + 1) for p in pages_of_line(line, document)}
        if on and not on & named:
            problems.append(f"cites[{n}]: lines {cite.lines} are on p{_pages_text(on)}, which teaching.pages ({scenario.teaching.pages!r}) does not name")
    said = {
        p
        for first, last in _PAGE_MENTION.findall(f"{scenario.teaching.why} {scenario.teaching.common_mistake}")
        for p in range(int(first), int(last or first) + 1)
    }
    problems += [f"the teaching says p{p}, which teaching.pages ({scenario.teaching.pages!r}) does not name" for p in sorted(said - named)]
    cited = {c.indicator for c in scenario.teaching.cites}
    problems += [f"required indicator {i} has no line citation" for i in scenario.model.required if i not in cited]
    return problems


def named_pages(pages: str) -> set[int]:
    """The page numbers a teaching point's `pages` names ("9, 13-14" -> {9, 13, 14}); words, and an appendix's number, are skipped."""
    out: set[int] = set()
    for first, last in re.findall(r"(?<!Appendix )\b(\d+)(?:\s*-\s*(\d+))?", pages):
        out.update(range(int(first), int(last or first) + 1))
    return out


def _pages_text(pages: set[int]) -> str:
    low, high = min(pages), max(pages)
    return str(low) if low == high else f"{low}-{high}"

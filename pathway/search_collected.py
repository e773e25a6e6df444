"""fix30c (review 29 Q4, safety; docs/adviser.md "Search30c"): a child whose carers have not come for them, said by what
did not happen.

"nobody has come to collect her from school for three days running" (72) led with p15-16 "Children who go missing",
then "Involved in gang culture" and p17 "Family socially excluded": no p9 row, and none of the three the call's; "no one
has collected her from school since monday" offered school-attendance rows. A child whose carers have not come for her
for days is a child left with no carer: p9's "Left 'home alone' and their age and vulnerability places them at risk"
("certainly all children 'home alone' aged 5 years old and under", the age-banded row, where the age admits it). This
module reads the structure (the synonyms file's `not_collected`, declared there with its why; the table holds only
vocabulary):

- one of `acts` (collect, pick ... up, fetch, come for, come back for) said as not done: one of `nobody` as its subject
  at most `reach` words before it ("nobody has come to collect her", "no one has been to pick the twins up"), or one of
  `not` there after a carer ("mum has not come back for her", "his dad never came to collect him"), or the child as
  the subject of its passive ("she has not been collected", one of `not` and one of `passive` before it);
- the child as its object: a pronoun or a child's word at most `reach` words after it ("her", "the little one", "the
  twins"; `objects`, or a child's word of the index), or the passive's subject;
- a time of days said anywhere in the call (one of `days`: "for three days", "since friday", "all week"), but for the
  acts of `abandoned` ("has not come back for her"), which say it without one.

Not read: a thing not collected ("no one has collected the parcel", "dad has not come back for his things"), a child
collected ("picked up from school by nan every day": no denial), a day's lateness with no time of days ("nobody picked
him up from school today"; left to the practitioner), another errand ("nobody has come to fix the boiler")."""

from __future__ import annotations

from typing import Any, Callable, NamedTuple, Optional

from pathway.catalogue import Catalogue
from pathway.search_tables import Must, check_table, immediate, not_immediate

Normalise = Callable[[str], str]
Phrases = tuple[tuple[str, ...], ...]


class NotCollected(NamedTuple):
    """The synonyms file's `not_collected`, words as said (normalised), its rows as numbers."""

    acts: Phrases
    abandoned: Phrases
    nobody: Phrases
    negations: frozenset[str]
    passive: frozenset[str]
    objects: frozenset[str]
    determiners: frozenset[str]
    possessive: frozenset[str]
    after_person: frozenset[str]
    subjects: frozenset[str]
    days: Phrases
    reach: int
    leads: tuple[int, ...]
    not_the_call: frozenset[int]


KEYS = {
    "acts",
    "abandoned",
    "nobody",
    "not",
    "passive",
    "objects",
    "determiners",
    "possessive",
    "after_person",
    "subjects",
    "days",
    "reach",
    "leads",
    "not_the_call",
}


def load(data: Optional[dict], normalise: Normalise, number_of: Callable[[str], int]) -> Optional[NotCollected]:
    """`not_collected` as SearchIndex reads it, or None where the file has none."""
    if not data:
        return None

    def phrases(key: str) -> Phrases:
        return tuple(dict.fromkeys(tuple(normalise(p).split()) for p in data[key] if normalise(p).split()))

    def words(key: str) -> frozenset[str]:
        return frozenset(normalise(" ".join(data[key])).split())

    return NotCollected(
        phrases("acts"),
        phrases("abandoned"),
        phrases("nobody"),
        words("not"),
        words("passive"),
        words("objects"),
        words("determiners"),
        words("possessive"),
        words("after_person"),
        words("subjects"),
        phrases("days"),
        int(data["reach"]),
        tuple(number_of(n) for n in data["leads"]),
        frozenset(number_of(n) for n in data["not_the_call"]),
    )


def check(catalogue: Catalogue, data: Any, normalise: Normalise) -> None:
    """Refuse a `not_collected` that is not as `load` reads it: its lists of words, `reach` a whole number, `leads` p9
    rows and `not_the_call` none."""
    check_table(
        catalogue,
        "not_collected",
        data,
        keys=KEYS,
        shape="not_collected must map " + ", ".join(sorted(KEYS)),
        lists=tuple(sorted(KEYS - {"reach"})),
        normalise=normalise,
        normalised=True,
        numbers={"reach": (1, None)},
        rows=("leads", "not_the_call"),
        must=(
            Must(("leads",), immediate, "not_collected.leads must be immediate criteria (p9): {}"),
            Must(("not_the_call",), not_immediate, "not_collected.not_the_call must be no immediate criterion (p9): {}"),
        ),
    )


def _at(phrases: Phrases, words: list[str]) -> list[tuple[int, int]]:
    return [(i, i + len(p)) for p in phrases for i in range(len(words) - len(p) + 1) if tuple(words[i : i + len(p)]) == p]


def not_collected_at(
    t: Optional[NotCollected], words: list[str], carers: frozenset[str], children: frozenset[str], clause_words: frozenset[str]
) -> Optional[str]:
    """The words of a child not collected (this module's reading), or None. `carers`: the subject reading's parents;
    `children`: the index's child words; `clause_words`: the words that open a clause (a subject is not sought past one)."""
    if t is None:
        return None
    days = bool(_at(t.days, words))
    nobody = {i for i, _ in _at(t.nobody, words)}
    person = t.objects | children
    for abandoned, found in ((False, _at(t.acts, words)), (True, _at(t.abandoned, words))):
        if not (days or abandoned):
            continue
        for a, b in found:
            before = range(max(0, a - t.reach), a)
            subject: Optional[str]
            if any(k in nobody for k in before):
                subject = "nobody"
            elif any(words[k] in t.negations for k in before):
                subject = _subject(t, words, a, carers, person, clause_words)
            else:
                continue
            k = a - 1
            while k >= 0 and words[k] in t.negations:
                k -= 1
            passive = k >= 0 and words[k] in t.passive  # "has not been collected", "was not picked" (not "been to collect")
            if subject == "child" and passive:  # "she has not been collected"
                return " ".join(words[before.start : b])
            if subject not in ("nobody", "carer") or passive:
                continue
            for k in range(b, min(len(words), b + t.reach)):
                w = words[k]
                if w in person and not (w in t.possessive and k + 1 < len(words) and words[k + 1] not in t.after_person):
                    return " ".join(words[a : k + 1])  # the child ("her", "the little one"); "her coat" is a thing
                if w not in t.determiners:
                    break
    return None


def _subject(t: NotCollected, words: list[str], a: int, carers: frozenset[str], person: frozenset[str], clause_words: frozenset[str]) -> Optional[str]:
    """Whose the act at `a` is: "carer" where the nearest subject before it in its clause (past objects: "mum dropped
    her at my house on saturday and has not come back for her") is a carer's word, "child" where it is one of
    `subjects` or a child's word, else None."""
    for k in range(a - 1, -1, -1):
        w = words[k]
        if w in clause_words:
            return None
        if w in carers:
            return "carer"
        if w in t.subjects or (w in person and w not in t.objects):
            return "child"
    return None

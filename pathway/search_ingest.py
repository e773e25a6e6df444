"""fix30d (stop 49, safety; review 30 Q8; docs/adviser.md "Search30d"): a young child who has swallowed a carer's
drugs, medicine or a household poison, read from the sentence's structure.

"do I need to tell anyone that the 2 year old got hold of my methadone", "the toddler drank some of dad's methadone
and is really sleepy", "the toddler swallowed some of my tablets" offered no p9 row: the substance rows (p13-14,
p15-16, p17: a parent's misuse over time) and, for tablets, the child's own self-harm row led. A young child who has
taken a carer's opioid, tablets or a cleaning fluid is at immediate risk (p9 "Child is at immediate risk or has
suffered significant harm including ... neglect"). This module reads the synonyms file's `ingested` (declared there
with its why; the table holds only vocabulary):

- one of `acts` ("swallowed", "drank", "ate", "got hold of", "got into"), or of `owned_acts` ("took") with a carer's
  word or one of `owners` before the substance ("took some of my tablets"), not denied, whose doer is no carer:
  the nearest of a carer's words, "i", "we" or "you" before it in its clause makes it the carer's ("I took my tablets",
  "mum swallowed some pills"); a child's word, "he", "she", one of `doer_stops` or a number before that leaves it the
  child's;
- within `reach` words after it, no clause word between, one of `substances` (a medicine, a drug, a household
  poison), none of `own` between ("her own", "prescribed"), and the medicine not the child's: "his"/"her"/"their"
  between with no carer's word, "my", "our" or "your" after it ("took his tablets") is the child's own;
- the child young: the age given, else the age in words, under `young_under_months`; with no age, one of `young`
  said ("toddler", "baby").

SearchIndex._ingested_first then leads with `leads` (p9 significant harm; _lead_with keeps every p9 row of the first
three in them); where no word matched any row, it is offered alone. A teenager's own overdose (the self-harm rows), a
child's own medicine, a grape swallowed, are not read. This tool's reading; the document names the harm, not these
words."""

from __future__ import annotations

from typing import Any, Callable, NamedTuple, Optional

from pathway.catalogue import Catalogue
from pathway.search_tables import Must, check_table, immediate
from pathway.search_text import CLAUSE_WORDS, _phrases_at

Normalise = Callable[[str], str]


class Ingested(NamedTuple):
    """The synonyms file's `ingested`, words as said (normalised), its row as a number."""

    leads: int
    acts: tuple[tuple[str, ...], ...]
    owned_acts: tuple[tuple[str, ...], ...]
    substances: tuple[tuple[str, ...], ...]
    own: frozenset[str]
    owners: frozenset[str]
    doers: frozenset[str]
    doer_stops: frozenset[str]
    young: frozenset[str]
    young_under_months: int
    reach: int


KEYS = {"leads", "acts", "owned_acts", "substances", "own", "owners", "doers", "doer_stops", "young", "young_under_months", "reach", "why"}


def load(data: Optional[dict], normalise: Normalise, number_of: Callable[[str], int]) -> Optional[Ingested]:
    """`ingested` as SearchIndex reads it, or None where the file has none."""
    if not data:
        return None

    def phrases(key: str) -> tuple[tuple[str, ...], ...]:
        return tuple(tuple(normalise(p).split()) for p in data[key] if normalise(p).split())

    def words(key: str) -> frozenset[str]:
        return frozenset(normalise(" ".join(data[key])).split())

    return Ingested(
        number_of(data["leads"]),
        phrases("acts"),
        phrases("owned_acts"),
        phrases("substances"),
        words("own"),
        words("owners"),
        words("doers"),
        words("doer_stops"),
        words("young"),
        int(data["young_under_months"]),
        int(data["reach"]),
    )


def check(catalogue: Catalogue, data: Any) -> None:
    """Refuse an `ingested` that is not as `load` reads it (fix30d): its row must be an immediate criterion (p9)."""
    check_table(
        catalogue,
        "ingested",
        data,
        keys=KEYS,
        shape="ingested must map " + ", ".join(sorted(KEYS)),
        lists=tuple(sorted(KEYS - {"leads", "young_under_months", "reach", "why"})),
        numbers={"reach": (1, None), "young_under_months": (1, 216)},
        rows=("leads",),
        single=("leads",),
        must=(Must(("leads",), immediate, "ingested.leads must be an immediate criterion (p9): {}"),),
    )


def _carers_act(t: Ingested, carers: frozenset[str], children: frozenset[str], words: list[str], a: int) -> bool:
    """The act at a is a carer's: the nearest doer word before it in its clause (a carer's, one of `doers`, a child's)
    is a carer's or one of `doers` ("i", "we", "you"); "the toddler", "the 2 year old", "she" leave it the child's, and
    one of `doer_stops` ("that", "old") or a number ends the search ("do I need to tell anyone that the 2 year old ...")."""
    for k in range(a - 1, -1, -1):
        w = words[k]
        if w in CLAUSE_WORDS or w in children or w in t.doer_stops or w.isdigit():
            return False
        if w in carers or w in t.doers:
            return True
    return False


def ingested_at(t: Optional[Ingested], words: list[str], denied: set[int], carers: frozenset[str], children: frozenset[str], young: bool) -> Optional[str]:
    """The words of a young child's act of swallowing a carer's drug, medicine or a household poison (this module's
    reading), or None. `young`: the child's age (given or said) is under `young_under_months`, or none is known and one
    of `young` is said (the caller decides that and passes it)."""
    if t is None or not young:
        return None
    found = _phrases_at(t.substances, words)
    owned = set(_phrases_at(t.owned_acts, words))
    for a, b in sorted(set(_phrases_at(t.acts, words)) | owned):
        if a in denied or _carers_act(t, carers, children, words, a):
            continue
        for s, e in found:
            if not b <= s <= b + t.reach:
                continue
            between = words[b:s]
            if any(w in CLAUSE_WORDS or w in t.own for w in between):
                continue
            owned_by_child = next((i for i, w in enumerate(between) if w in ("his", "her", "their")), None)
            if owned_by_child is not None and not any(w in carers or w in t.owners for w in between[owned_by_child + 1 :]):
                continue  # "took his tablets": the child's own
            if (a, b) in owned and not any(w in carers or w in t.owners for w in between):
                continue  # "took tablets for his epilepsy": no carer's said
            return " ".join(words[a:e])
    return None

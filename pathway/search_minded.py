"""fix33a (stop 52, review 32 Q1, safety; docs/adviser.md "Search33a"): children minded by a young child while the carer
is out, said by who puts them to bed.

"every night this week the 6 year old has been put to bed by his 9 year old sister because mum goes out" (72) offered
p13-14 "Young carers" and p17 "Severe and significant developmental delay due to neglect" (no word of delay), and no p9
home-alone row in the first three as the API reads the words by default. Two children of 6 and 9 alone at night while
the carer is out are children left home alone: p9's "Left 'home alone' and their age and vulnerability places them at
risk, certainly all children 'home alone' aged 5 years old and under should be referred" (the age-banded row where the
age admits it). The minder's age says it: a child of 9 minding is a child left, an adult or a sister of 17 is not. This
module reads the structure (the synonyms file's `young_minder`, declared there with its why; the table holds only
vocabulary):

- a minder: a child's age under `under_years` ("9 year old", "10 yrs old", "nine year old", "9yo"; `numbers` and `units`),
  said as the one who minds: after one of `by` ("put to bed BY his 9 year old sister", "looked after by the 10 year
  old") or one of `with` ("leaves the 6 year old WITH his 9 year old sister"), at most `reach` words of `between`
  (determiners, "big", "older", kin words) between, with one of `minding` said at most `reach` words before those
  words; or as the subject of one of `minding` said at most `reach` words after the age ("his 9 year old brother PUTS
  him to bed", "the 10 year old has to LOOK AFTER the baby"), not itself minded (no `by` right after that verb);
- the carer out: one of `away` anywhere ("goes out", "at the pub", "goes clubbing", "out drinking");
- no adult said there: none of `present` anywhere ("dad is home", "nan stays", "a babysitter").

Not read: an adult or a sibling of `under_years` or more minding ("his 17 year old sister", "her nan"), a minder with
no age said ("his big sister puts him to bed while mum is at the pub": left to the practitioner), the carer at home
("while mum is downstairs"), a carer out to work with another adult there.

fix35c (stop 53, mut33's probe, safety; docs/adviser.md "Search35c"): a young child alone in the home for hours while
the carer is away, said by where the child waits and when the carer comes back ("the 6 year old walks home and waits
in the empty flat until mum gets back at 10" (72) led with routine, independence and behaviour rows, p9's home-alone row
fourth). `alone_at` reads, as written:

- the child under `under_years`: an age under it said (as above, or a number after one of `age_after`: "she is 8"), or
  none said at all (no age of `under_years` or more either: "now she's 15 and has a key") and the age entered under it;
- the child alone: one of `alone` ("the empty flat", "nobody home", "lets herself in", "on his own", "by himself",
  "home alone"), not denied (none of `not_present` or "not" just before it), no "with" just after it (a lone carer
  with the children: fix31c's and fix33a's reading) and none of `elsewhere` ("on his own AT THE BUS STOP": out of
  the home), and the nearest person before it in its clause (back to one of
  `clause`, at most twice `reach` words) none of `carers` but one of `children` or none ("mum is at home on her own
  until dad gets back" is the carer alone; "mum's 6 year old is on his own" the child);
- the carer away: one of `away`, one of `late` ("works late", "does not get in till"), or one of `until` with one of
  `back` at most `reach` words after it ("until mum gets back", "till her mum finishes work", "waits for mum to get
  home");
- no adult said there (`present`, as above, but a `present` phrase followed by one of `alone` is the child's place:
  "she is at home by herself").

Not read: a child of `under_years` or more ("he's 14 and lets himself in"), a child with another adult ("waits at
nan's until mum gets back"), an empty home said of no child left ("the house was empty when we viewed it": no carer
away), a carer alone with the children."""

from __future__ import annotations

import re
from typing import Any, Callable, NamedTuple, Optional

from pathway.catalogue import Catalogue
from pathway.search_tables import Must, TableReader, check_table, immediate

Normalise = Callable[[str], str]
Phrases = tuple[tuple[str, ...], ...]

_YEARS_JOINED = re.compile(r"(\d+)(?:yo|yr|yrs)")  # "9yo", "10yrs": a child of that many years, said as one word


class YoungMinder(NamedTuple):
    """The synonyms file's `young_minder`, words as said (normalised), its rows as numbers."""

    ages: dict[str, int]
    units: frozenset[str]
    under_years: int
    by: frozenset[str]
    with_: frozenset[str]
    between: frozenset[str]
    minding: Phrases
    leaving: Phrases
    passive: frozenset[str]
    away: Phrases
    present: Phrases
    not_present: frozenset[str]
    reach: int
    leads: tuple[int, ...]
    # fix35c: a young child alone at home while the carer is away (alone_at)
    alone: Phrases = ()
    until: Phrases = ()
    back: Phrases = ()
    late: Phrases = ()
    carers: frozenset[str] = frozenset()
    children: frozenset[str] = frozenset()
    clause: frozenset[str] = frozenset()
    elsewhere: Phrases = ()
    age_after: frozenset[str] = frozenset()


KEYS = {
    *("numbers", "units", "under_years", "by", "with", "between", "minding", "leaving", "passive", "away", "present", "not_present", "reach", "leads", "why"),
    *("alone", "until", "back", "late", "carers", "children", "clause", "elsewhere", "age_after"),  # fix35c
}


def load(data: Optional[dict], normalise: Normalise, number_of: Callable[[str], int]) -> Optional[YoungMinder]:
    """`young_minder` as SearchIndex reads it, or None where the file has none."""
    if not data:
        return None
    read = TableReader(normalise, number_of)
    return YoungMinder(
        {normalise(w): n for n, w in enumerate(data["numbers"], start=1)},
        read.words(data["units"]),
        int(data["under_years"]),
        read.words(data["by"]),
        read.words(data["with"]),
        read.words(data["between"]),
        read.phrases(data["minding"]),
        read.phrases(data["leaving"]),
        read.words(data["passive"]),
        read.phrases(data["away"]),
        read.phrases(data["present"]),
        read.words(data["not_present"]),
        int(data["reach"]),
        read.ordered_rows(data["leads"]),
        read.phrases(data["alone"]),
        read.phrases(data["until"]),
        read.phrases(data["back"]),
        read.phrases(data["late"]),
        read.words(data["carers"]),
        read.words(data["children"]),
        read.words(data["clause"]),
        read.phrases(data["elsewhere"]),
        read.words(data["age_after"]),
    )


def check(catalogue: Catalogue, data: Any, normalise: Normalise) -> None:
    """Refuse a `young_minder` that is not as `load` reads it: its lists of words (`numbers` the words for one, two,
    three ... in order), `reach` and `under_years` whole numbers, `leads` p9 rows."""
    check_table(
        catalogue,
        "young_minder",
        data,
        keys=KEYS,
        shape="young_minder must map " + ", ".join(sorted(KEYS)),
        lists=tuple(sorted(KEYS - {"reach", "under_years", "why"})),
        names=("why",),
        normalise=normalise,
        normalised=True,
        numbers={"reach": (1, None), "under_years": (2, 18)},
        rows=("leads",),
        must=(Must(("leads",), immediate, "young_minder.leads must be immediate criteria (p9): {}"),),
    )


def _at(phrases: Phrases, words: list[str]) -> list[tuple[int, int]]:
    return [(i, i + len(p)) for p in phrases for i in range(len(words) - len(p) + 1) if tuple(words[i : i + len(p)]) == p]


def _young_ages(t: YoungMinder, words: list[str]) -> list[tuple[int, int]]:
    """The places (first word, one past the last) of each child's age under `under_years` said: a number (digits or one
    of `numbers`), one of `units`, "old" if said ("9 year old", "nine yr old", "10 yrs"); or "9yo" as one word."""
    found = []
    for i, w in enumerate(words):
        joined = _YEARS_JOINED.fullmatch(w)
        if joined:
            if int(joined.group(1)) < t.under_years:
                found.append((i, i + 1))
            continue
        n = int(w) if w.isdigit() and len(w) < 3 else t.ages.get(w)
        if n is None or n >= t.under_years or i + 1 >= len(words) or words[i + 1] not in t.units:
            continue
        found.append((i, i + 3 if i + 2 < len(words) and words[i + 2] == "old" else i + 2))
    return found


def _adult_present(t: YoungMinder, words: list[str]) -> bool:
    """One of `present` said, not denied (none of `not_present` just before it: "no adult in the house") nor "alone"
    just after it ("is at home alone")."""
    return any((a == 0 or words[a - 1] not in t.not_present) and (b >= len(words) or words[b] != "alone") for a, b in _at(t.present, words))


def minded_at(t: Optional[YoungMinder], words: list[str]) -> Optional[str]:
    """The words of a young child minding while the carer is out (this module's reading), or None."""
    if t is None or not _at(t.away, words) or _adult_present(t, words):
        return None
    minding, leaving = _at(t.minding, words), _at(t.leaving, words)
    for a, b in _young_ages(t, words):
        # before the age: "by" after a minding phrase, or "with" after a leaving verb, past `between` words
        k = a - 1
        while k >= 0 and a - k <= t.reach and words[k] in t.between:
            k -= 1
        if k >= 0 and words[k] in t.by | t.with_:
            said = [p for p, q in (minding if words[k] in t.by else leaving) if k - t.reach <= q <= k and p < k]
            if said:
                return " ".join(words[min(said) : b])
        # after the age: the minder the subject of a minding phrase, not itself minded ("is put to bed", "looked after
        # by"): no `by` within `reach` after the phrase, no passive auxiliary just before a phrase not ending in "ing"
        for p, q in minding:
            if not b <= p <= b + t.reach or any(words[j] in t.by for j in range(b, min(len(words), q + t.reach))):
                continue
            if not t.passive.isdisjoint(words[max(0, p - 2) : p]) and not words[p].endswith("ing"):
                continue
            return " ".join(words[a:q])
    return None


def _ages_said(t: YoungMinder, words: list[str]) -> list[int]:
    """fix35c: every child's age said as _young_ages reads one (a number and one of `units`; "9yo"), of any age, or a
    number right after one of `age_after` ("she is 15", "aged 10", "he is only 7")."""
    found = []
    for i, w in enumerate(words):
        joined = _YEARS_JOINED.fullmatch(w)
        n = int(joined.group(1)) if joined else int(w) if w.isdigit() and len(w) < 3 else t.ages.get(w)
        if n is not None and (joined or (i + 1 < len(words) and words[i + 1] in t.units) or (i > 0 and words[i - 1] in t.age_after)):
            found.append(n)
    return found


def _young(t: YoungMinder, words: list[str], age_in_months: Optional[int]) -> bool:
    """fix35c: the child is under `under_years`: an age under it said, or none said (no older one either) and the age
    entered under it."""
    said = _ages_said(t, words)
    if said:
        return min(said) < t.under_years
    return age_in_months is not None and age_in_months < 12 * t.under_years


def _carer_away(t: YoungMinder, words: list[str]) -> bool:
    """fix35c: one of `away` or `late` said, or one of `until` with one of `back` at most `reach` words after it."""
    if _at(t.away, words) or _at(t.late, words):
        return True
    backs = _at(t.back, words)
    return any(b <= p <= b + t.reach for _, b in _at(t.until, words) for p, _ in backs)


def _alone_here(t: YoungMinder, words: list[str]) -> Optional[tuple[int, int]]:
    """fix35c: the first of `alone` said of a child at home: not denied, no "with" nor one of `elsewhere` after it, no
    carer its subject."""
    for a, b in sorted(_at(t.alone, words)):
        if a > 0 and (words[a - 1] in t.not_present or words[a - 1] == "not"):
            continue
        if b < len(words) and words[b] == "with":
            continue  # "on her own with the kids": the carer alone with them
        if any(tuple(words[b : b + len(p)]) == p for p in t.elsewhere):
            continue  # "waits on his own at the bus stop": out of the home
        k = a - 1  # the nearest person before it in its clause: a child (or none) reads, a carer does not
        while k >= 0 and a - k <= 2 * t.reach and words[k] not in t.clause | t.carers | t.children:
            k -= 1
        if k >= 0 and words[k] in t.carers:
            continue  # "mum is at home on her own": the carer
        return a, b
    return None


def alone_at(t: Optional[YoungMinder], words: list[str], age_in_months: Optional[int]) -> Optional[str]:
    """The words of a young child alone at home while the carer is away (fix35c; the module's docstring), or None."""
    if t is None or not t.alone or not _young(t, words, age_in_months) or not _carer_away(t, words):
        return None
    here = _alone_here(t, words)
    if here is None:
        return None
    alone_starts = {a for a, _ in _at(t.alone, words)} | {i for i, w in enumerate(words) if w == "alone"}
    present = [(a, b) for a, b in _at(t.present, words) if b not in alone_starts and (a == 0 or words[a - 1] not in t.not_present)]
    if present:
        return None
    return " ".join(words[here[0] : here[1]])

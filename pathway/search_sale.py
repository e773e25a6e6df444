"""fix29a (stop 48, safety; docs/adviser.md "Search29a"): a child bought or sold, read from the sentence's structure.

"he bought her for 500", "he bought a child", "her dad sold her to pay his debts", "they paid her family for her" found
no row, or none of p9's: no word of them is a word of "Child victims of trafficking". Phrase synonyms ("bought her for",
"bought a girl") were tried at stop 47 and taken back: they led with trafficking for "mum bought a baby gate", "bought
the boy new trainers", "the bike we bought him for christmas". This module reads the structure (the synonyms file's
`sold_child`, declared there with its why; the table holds only vocabulary):

- a sale verb (`verbs`: bought, sold, selling, traded ...) whose whole object is a person: a pronoun (`persons`: "her",
  "him") or a child's noun after at most `reach` determiners or adjectives ("the girl", "his little daughter", "a 13
  year old girl", "a 14 year old"), then the call's end, "for" and a price, money, drugs or a debt within `reach` words
  ("for 500", "for £200" read "for 200", "for drugs"), "to" and a buyer or a debt within `reach` words ("to a man",
  "to his mates", "to pay his debts"), or "into" ("sold into marriage");
- the same said in the passive, the person its subject ("she was sold for 500", "the boy was bought by a man");
- a payment (`pay`) with a price or one of the child's family (`payees`) between it and "for", the person after "for",
  then the call's end ("they paid her family for her", "he paid her mum 1000 pounds for her");
- not denied (_denied_positions' reading of the verb).

fix31b (stop 50, docs/adviser.md "Search31b"): a child exchanged in other words, the same structure: rented out,
swapped, exchanged, lent (`verbs`), one of `particles` ("out", "over") allowed after the person ("rents her out to his
friends"); a child given or handed (`handing`) only with a buyer after "to" and a price or one of `owing`
(_handed_over: "they gave her to a man to pay off the rent", not "handed him over to his dad for the weekend").

A gift is none of these: the person is given to, a thing follows ("bought her a phone", "bought the boy new trainers";
search_structures._gift_at reads it), as does a thing sold ("sold her old bike": "her" is followed by the thing) or
something of hers paid for ("paid for her school trip"), nor a clause said of a thing before it ("the trainers we
bought him for 60 quid"). SearchIndex._sold_child_first leads with `row`; where no word
matched any row, the row alone is offered. This tool's reading; the document names trafficking, not its words."""

from __future__ import annotations

from typing import Any, Callable, NamedTuple, Optional

from pathway.catalogue import Catalogue
from pathway.search_tables import Must, check_table, immediate

Normalise = Callable[[str], str]


class Sale(NamedTuple):
    """The synonyms file's `sold_child`, words as said (normalised), its row as a number."""

    row: int
    verbs: frozenset[str]
    passive: frozenset[str]
    pay: frozenset[str]
    persons: frozenset[str]
    subjects: frozenset[str]
    children: frozenset[str]
    before: frozenset[str]
    age_units: frozenset[str]
    prices: frozenset[str]
    buyers: frozenset[str]
    payees: frozenset[str]
    into: frozenset[str]
    reach: int
    particles: frozenset[str]
    handing: frozenset[str]
    owing: frozenset[str]


KEYS = {
    "row",
    "verbs",
    "passive",
    "pay",
    "persons",
    "subjects",
    "children",
    "before",
    "age_units",
    "prices",
    "buyers",
    "payees",
    "into",
    "reach",
    "particles",
    "handing",
    "owing",
}


def load(data: Optional[dict], normalise: Normalise, number_of: Callable[[str], int]) -> Optional[Sale]:
    """`sold_child` as SearchIndex reads it, or None where the file has none."""
    if not data:
        return None

    def words(key: str) -> frozenset[str]:
        return frozenset(normalise(" ".join(data[key])).split())

    return Sale(
        number_of(data["row"]),
        words("verbs"),
        words("passive"),
        words("pay"),
        words("persons"),
        words("subjects"),
        words("children"),
        words("before"),
        words("age_units"),
        words("prices"),
        words("buyers"),
        words("payees"),
        words("into"),
        int(data["reach"]),
        words("particles"),
        words("handing"),
        words("owing"),
    )


def check(catalogue: Catalogue, data: Any) -> None:
    """Refuse a `sold_child` that is not as `load` reads it (fix29a): its row must be an immediate criterion (p9)."""
    check_table(
        catalogue,
        "sold_child",
        data,
        keys=KEYS,
        shape="sold_child must map " + ", ".join(sorted(KEYS)),
        lists=tuple(sorted(KEYS - {"row", "reach"})),
        numbers={"reach": (1, None)},
        rows=("row",),
        single=("row",),
        must=(Must(("row",), immediate, "sold_child.row must be an immediate criterion (p9): {}"),),
    )


def _price(s: Sale, w: str) -> bool:
    return w.isdigit() or w in s.prices


def _person_end(s: Sale, words: list[str], j: int) -> Optional[int]:
    """The place just after a whole object at j that is a person ("the girl", "a 13 year old girl", "a 14 year old",
    "his daughter", "her"), or None where the object is no person or goes on ("her old bike", "the boy new trainers").
    fix33c (mut32's probe): a child's noun that is also one of `before` ("baby": "her baby girl") ends the object where
    the call's end, "to", "for", "by", one of `particles` or `into` follows it ("she handed her baby to a man for money"; "her baby clothes"
    goes on)."""
    k = j
    while k < len(words) and k < j + s.reach and words[k] in s.before:
        k += 1
    aged = False
    if k < len(words) and (words[k].isdigit() or (words[k][:-2].isdigit() and words[k][-2:] == "yo")):
        aged = not words[k].isdigit()
        k += 1
        while k < len(words) and words[k] in s.age_units:
            aged = aged or words[k] == "old"
            k += 1
    if k < len(words) and words[k] in s.children:
        return k + 1
    if aged:
        return k
    if k > j and words[k - 1] in s.children and (k >= len(words) or words[k] in ("to", "for", "by") or words[k] in s.particles or words[k] in s.into):
        return k  # fix33c (mut32): "handed her BABY to a man": a describing word of `before` ("baby girl") is the noun
    return j + 1 if j < len(words) and words[j] in s.persons else None


def _sale_follows(s: Sale, words: list[str], k: int, passive: bool) -> bool:
    """After the person (and at most one of `particles`: "rents her out", "lends the boy out"): the call's end, a
    price, a buyer or a debt, "into" (and, in the passive, "by")."""
    if k < len(words) and words[k] in s.particles:
        k += 1
    if k >= len(words):
        return True
    w, after = words[k], words[k + 1 : k + 1 + s.reach]
    if w == "for":
        return any(_price(s, v) for v in after)
    if w == "to":
        return any(_price(s, v) or v in s.buyers for v in after)
    return w in s.into or (passive and w == "by")


def _handed_over(s: Sale, words: list[str], k: int, passive: bool) -> bool:
    """fix31b: after the person given or handed (and at most one of `particles`), "to" and a buyer within `reach` words,
    and a price or one of `owing` within twice `reach` words ("gave her to a man to pay off the rent", "handed him over
    to a gang for drugs"); a child handed to a carer, or to a buyer with no price, is no exchange (said alike in the
    passive: `passive` is `_sale_follows`' own)."""
    if k < len(words) and words[k] in s.particles:
        k += 1
    if k >= len(words) or words[k] != "to":
        return False
    return any(v in s.buyers for v in words[k + 1 : k + 1 + s.reach]) and any(_price(s, v) or v in s.owing for v in words[k + 1 : k + 1 + 2 * s.reach])


def _of_a_thing(s: Sale, words: list[str], i: int) -> bool:
    """The verb at i ends a clause said of a thing before it: "the trainers we bought him for 60 quid" (a determiner,
    a noun that is no person, the verb's subject, the verb): what was bought is the thing, the person given to."""
    return i >= 3 and words[i - 1] in s.subjects and words[i - 3] in s.before and words[i - 2] not in s.children and words[i - 2] not in s.buyers


def sale_at(s: Optional[Sale], words: list[str], denied: set[int]) -> Optional[int]:
    """The place of the sale verb where the words say a child bought or sold (this module's reading), or None."""
    if s is None:
        return None
    for i, w in enumerate(words):
        if i in denied:
            continue
        if w in s.verbs or w in s.handing:
            follows = _handed_over if w in s.handing else _sale_follows
            end = _person_end(s, words, i + 1)
            if end is not None and follows(s, words, end, False) and not _of_a_thing(s, words, i):
                return i
            k = i - 1  # the passive: "she was sold for 500", "the girl was bought by a man"
            while k >= 0 and words[k] in s.passive:
                k -= 1
            if k < i - 1 and k >= 0 and (words[k] in s.subjects or words[k] in s.children) and follows(s, words, i + 1, True):
                return i
        if w in s.pay:
            f = next((k for k in range(i + 2, min(len(words), i + 2 + s.reach)) if words[k] == "for"), None)
            if f is None or not any(_price(s, v) or v in s.payees for v in words[i + 1 : f]):
                continue
            end = _person_end(s, words, f + 1)
            if end is not None and end == len(words):
                return i
    return None

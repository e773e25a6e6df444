"""Search49 (stop 49, review 29 Q11; docs/adviser.md "Search49"): a carer caring for a disabled child of the family.

"mum looks after his disabled brother round the clock and never gets a single break" (120) preselected p15-16's
"Mental or physical health problems ... of parents" (no word says mum is ill: "disabled" was read as hers) and offered
the young carer rows (no word says the child cares). The document's rows for the call are the carer's of a disabled
child: p13-14 "Carer is not getting a break from the care of their disabled child ..." and p15-16 "Providing
substantial care to a child with substantial and life long disabilities ...". This module reads the structure (the
synonyms file's `disabled_child_carer`, declared there with its why; the table holds only vocabulary):

- one of `care` ("looks after", "cares for", "caring for", "full time carer for") said in a carer's clause (the
  subject reading's: "mum ...", "nan has to ...");
- within `reach` words after it, before a clause word, one of `disabled` just before a child's word, at most one word
  between: one of `siblings` ("his disabled brother": another child of the family), or one of `children` ("her
  autistic son", "her blind baby girl": maybe the child assessed, whose own disability rows keep first place unless
  the carer's lack of a break, one of `breaks`, or constant care, one of `substantial`, is said; the young carer rows
  go below either way).

Then `offers` lead (with one of `substantial` said, "Providing substantial care" first; each offered where the words
did not find it), the p9 rows of the first three kept first; the young carer rows (`young`) go below them unless one of
`helps` is said ("he has to help her every night": the child may care). Whether the disabled child is the child being
assessed is the adviser's to say: the rows state that the child assessed is disabled (the catalogue's
`states_disability`), and the decision says so."""

from __future__ import annotations

from typing import Any, Callable, NamedTuple, Optional

from pathway.catalogue import Catalogue
from pathway.search_tables import Must, SearchDataError, check_table, not_immediate
from pathway.search_text import _phrases_at, said_just_before

Normalise = Callable[[str], str]


class DisabledChildCarer(NamedTuple):
    """The synonyms file's `disabled_child_carer`: phrases and words as said (normalised), rows as numbers."""

    care: tuple[tuple[str, ...], ...]
    disabled: frozenset[str]
    siblings: frozenset[str]
    children: frozenset[str]
    reach: int
    offers: tuple[int, int]
    substantial: tuple[tuple[str, ...], ...]
    breaks: tuple[tuple[str, ...], ...]
    young: frozenset[int]
    helps: frozenset[str]


KEYS = {"care", "disabled", "siblings", "children", "reach", "offers", "substantial", "breaks", "young", "helps"}


def load(data: Optional[dict], normalise: Normalise, number_of: Callable[[str], int]) -> Optional[DisabledChildCarer]:
    """`disabled_child_carer` as SearchIndex reads it, or None where the file has none."""
    if not data:
        return None

    def phrases(key: str) -> tuple[tuple[str, ...], ...]:
        return tuple(tuple(normalise(p).split()) for p in data[key])

    def words(key: str) -> frozenset[str]:
        return frozenset(normalise(" ".join(data[key])).split())

    brk, substantial = (number_of(i) for i in data["offers"])
    return DisabledChildCarer(
        phrases("care"),
        words("disabled"),
        words("siblings"),
        words("children"),
        int(data["reach"]),
        (brk, substantial),
        phrases("substantial"),
        phrases("breaks"),
        frozenset(number_of(i) for i in data["young"]),
        words("helps"),
    )


def check(catalogue: Catalogue, data: Any) -> None:
    """Refuse a `disabled_child_carer` that is not as `load` reads it: two `offers` (the break, then the substantial
    care), none of them nor of `young` an immediate criterion (p9)."""
    check_table(
        catalogue,
        "disabled_child_carer",
        data,
        keys=KEYS,
        shape="disabled_child_carer must map " + ", ".join(sorted(KEYS)),
        lists=("care", "disabled", "siblings", "children", "substantial", "breaks", "helps", "offers", "young"),
        numbers={"reach": (1, None)},
        rows=("offers", "young"),
        must=(
            Must(("offers",), not_immediate, "disabled_child_carer.offers are a carer's rows, never an immediate criterion (p9): {}"),
            Must(("young",), not_immediate, "disabled_child_carer.young are young carer rows, never an immediate criterion (p9): {}"),
        ),
    )
    if data is not None and len(data["offers"]) != 2:  # no table: nothing read (a synonyms file without the reading)
        raise SearchDataError("disabled_child_carer.offers must name two rows: the carer's break, then the substantial care")


def _describes(d: DisabledChildCarer, nouns: frozenset[str], words: list[str], i: int, stops: frozenset[str]) -> bool:
    """The word at i is one of `disabled` said just before one of `nouns`, at most one word (none of `stops`) between."""
    return words[i] in d.disabled and said_just_before(words, i, nouns.__contains__, lambda w: w not in stops)


class CarerSaid(NamedTuple):
    """A carer caring for a disabled child, read: its words, and whether `offers` lead (else the young carer rows only
    go below)."""

    said: str
    leads: bool


def carer_at(d: Optional[DisabledChildCarer], words: list[str], of_carer: list[bool], stops: frozenset[str], ends: frozenset[str]) -> Optional[CarerSaid]:
    """A carer caring for a disabled child (this module's reading), or None. `of_carer`: whether each word's clause is
    a carer's; `stops`: words no description runs over ("and", a determiner); `ends`: clause words."""
    if d is None:
        return None
    for p, q in _phrases_at(d.care, words):
        if not of_carer[p]:
            continue
        for i in range(q, min(len(words), q + d.reach)):
            if words[i] in ends:
                break
            if _describes(d, d.siblings, words, i, stops):
                return CarerSaid(" ".join(words[p : i + 2]), True)
            if _describes(d, d.children, words, i, stops):
                return CarerSaid(" ".join(words[p : i + 2]), bool(_phrases_at(d.breaks, words) or _phrases_at(d.substantial, words)))
    return None


def helped(d: DisabledChildCarer, words: list[str]) -> bool:
    """One of `helps` said: the child may be a carer too, so the young carer rows keep their places."""
    return not d.helps.isdisjoint(words)


def offers_in_order(d: DisabledChildCarer, words: list[str]) -> list[int]:
    """`offers`, "Providing substantial care" first where one of `substantial` is said."""
    brk, substantial = d.offers
    return [substantial, brk] if _phrases_at(d.substantial, words) else [brk, substantial]

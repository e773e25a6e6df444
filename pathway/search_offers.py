"""What a surface shows for a search, in the one order every surface keeps (review 8, surfaces S1).

The order is the search's (`pathway.search.search`, which the API and the CLI give as it is). The
call screen groups the best match's twins at other levels after it, with what tells them apart
(`docs/adviser.md`, "Twins"), and that grouping is made here, in the search layer, under two rules:

- **Safety first.** An immediate-referral criterion (p9) the search placed among the rows shown
  keeps its very place: a twin is lifted only into a place the search gave to something that is not
  an immediate criterion, so no grouping pushes a criterion down, and what `_keep_immediate` kept
  in the top three stays there. (A twin that is itself an immediate criterion may be lifted: that
  is safe.)
- **A twin the caller's words did not reach is not put above one they did.** The document lists one
  need at several levels (the levels of need, p13-17, and p9), and its twins are shown together so
  that the adviser chooses the level by what tells them apart. A twin the search gave no score is
  not the need the caller described: it is in the best match's group because one indicator there
  names two needs ("Mental or physical health problems, learning disability or chaotic substance
  misuse", in the parental health and the parental substance misuse groups). It follows every
  result the words reached, so it shows only when there is room.

What every surface says beside the rows (`search_note`) is made here too, once: the call screen, its live search,
the API (`with_note`), `pathway search` and practice mode's find all say it (review 25 surfaces, R3).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Optional

from pathway.catalogue import Indicator, load_catalogue
from pathway.search import Hit, says_child_in_care, says_early_help_refused, search, twins_of

SHOWN = 8  # the call screen's rows


@dataclass(frozen=True)
class Offer:
    """One row: a hit, or the best hit's twin at another level, with what tells them apart."""

    indicator: Indicator
    score: float = 0.0
    matched: tuple[str, ...] = ()
    twin_of: Optional[str] = None  # the best match this one is the twin of
    tells_apart: Optional[str] = None  # what tells the two apart (said once for a twin group's words)

    @property
    def id(self) -> str:
        return self.indicator.id

    def as_dict(self) -> dict:
        return {**Hit(self.indicator, self.score, self.matched).as_dict(), "twin_of": self.twin_of, "tells_apart": self.tells_apart}


def offered(
    query: str, *, age_in_months: Optional[int] = None, unborn: bool = False, exclude: Iterable[str] = (), limit: int = SHOWN, finished: bool = False
) -> list[Offer]:
    """The rows for what the caller said, for this child's age, leaving out `exclude` (already chosen):
    the search's order with the best match's twins grouped after it (see the module's rules). `finished`: the
    words were sent whole (SearchIndex.search)."""
    catalogue = load_catalogue()
    skip = set(exclude)
    # every indicator the search found, so a twin below the rows shown keeps its own score
    found = [h for h in search(query, age_in_months=age_in_months, unborn=unborn, limit=len(catalogue.indicators), finished=finished) if h.id not in skip]
    if not found:
        return []
    best = found[0]
    links = {t.other.id: t for t in twins_of(best.id) if t.other.id not in skip and catalogue.admits(t.other, unborn, age_in_months)}
    hit_of = {h.id: h for h in found}
    reached = [h.id for h in found if h.id in links and h.score > 0]  # in the search's order
    unreached = [i for i in links if i not in reached]
    # the search's own rows keep their places where they are immediate criteria
    pinned = {place: h.id for place, h in enumerate(found[:limit]) if h.indicator.immediate}
    pinned_ids = set(pinned.values())
    flowing = [i for i in dict.fromkeys([best.id, *reached, *(h.id for h in found if h.score > 0), *unreached, *(h.id for h in found)]) if i not in pinned_ids]
    order: list[str] = []
    for place in range(min(limit, len(hit_of.keys() | links.keys()))):
        if place in pinned:
            order.append(pinned[place])
        elif flowing:
            order.append(flowing.pop(0))
    said: set[str] = set()
    rows = []
    for iid in order:
        hit = hit_of.get(iid)
        indicator, score, matched = (hit.indicator, hit.score, hit.matched) if hit else (links[iid].other, 0.0, ())
        link = links.get(iid)
        tells = None
        if link and link.tells_apart not in said:
            said.add(link.tells_apart)
            tells = link.tells_apart
        rows.append(Offer(indicator, score, matched, best.id if link else None, tells))
    return rows


def search_note(query: str) -> Optional[str]:
    """What a surface says beside the rows (the catalogue's `surfaces`, each this tool's reading):
    where the words name the child's own looked-after status now (review 14 K3: the document has no row
    for it, and the open-to-social-care answer routes it, `child_in_care_search`), and where they refuse
    the CAF or early help (review 15 L3: p7's judgement, which the consent answer asks,
    `refused_early_help_search`). None where neither is said. The call screen, its live search, the API,
    `pathway search` and practice mode's find all say this one (review 25 surfaces, R3)."""
    if not query.strip():
        return None
    said = [note for note in (child_in_care_note(query), refused_early_help_note(query)) if note]
    return " ".join(said) or None


def child_in_care_note(query: str) -> Optional[str]:
    """Said beside the rows when the words name the child's own looked-after status now (review 14 K3):
    the document has no row for it, and the open-to-social-care answer routes it (the catalogue's
    `surfaces.child_in_care_search`, this tool's reading)."""
    return load_catalogue().surfaces.child_in_care_search.text if query.strip() and says_child_in_care(query) else None


def refused_early_help_note(query: str) -> Optional[str]:
    """Said beside the rows when the words refuse the CAF or early help (review 15 L3): p7's judgement,
    which the consent answer asks (the catalogue's `surfaces.refused_early_help_search`, this tool's reading)."""
    return load_catalogue().surfaces.refused_early_help_search.text if query.strip() and says_early_help_refused(query) else None

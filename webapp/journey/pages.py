"""Which needs pages the journey has, generated from the catalogue.

One page per CAF domain, with a fieldset per dimension; a domain with more indicators than
MAX_PER_PAGE is split into one page per dimension so no page becomes a wall of checkboxes.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from pathway.catalogue import Catalogue, Indicator, load_catalogue

MAX_PER_PAGE = 45


@dataclass(frozen=True)
class Group:
    dimension: str
    name: str
    indicators: tuple[Indicator, ...]


@dataclass(frozen=True)
class NeedsPage:
    id: str
    title: str
    domain_name: str
    groups: tuple[Group, ...]

    def indicator_ids(self) -> set[str]:
        return {i.id for g in self.groups for i in g.indicators}


def _groups(catalogue: Catalogue, dims) -> tuple[Group, ...]:
    return tuple(Group(d.id, d.name, tuple(i for i in catalogue.indicators if i.dimension == d.id)) for d in dims)


@cache
def needs_pages() -> tuple[NeedsPage, ...]:
    catalogue = load_catalogue()
    pages = []
    for domain in catalogue.domains:
        dims = [d for d in catalogue.dimensions if d.domain == domain.id]
        count = sum(1 for i in catalogue.indicators if i.domain == domain.id)
        if count <= MAX_PER_PAGE:
            pages.append(NeedsPage(domain.id, domain.name, domain.name, _groups(catalogue, dims)))
        else:
            for d in dims:
                pages.append(NeedsPage(d.id, d.name, domain.name, _groups(catalogue, [d])))
    return tuple(pages)


def page(page_id: str) -> NeedsPage | None:
    return next((p for p in needs_pages() if p.id == page_id), None)


def next_page_id(page_id: str) -> str | None:
    ids = [p.id for p in needs_pages()]
    at = ids.index(page_id)
    return ids[at + 1] if at + 1 < len(ids) else None


def previous_page_id(page_id: str) -> str | None:
    ids = [p.id for p in needs_pages()]
    at = ids.index(page_id)
    return ids[at - 1] if at > 0 else None


def immediate_indicators() -> list[Indicator]:
    return [i for i in load_catalogue().indicators if i.immediate]


def admitted(indicator: Indicator, unborn: bool, age_in_months: int | None) -> bool:
    """Whether to offer this indicator for this child (the catalogue's one answer)."""
    return load_catalogue().admits(indicator, unborn, age_in_months)

"""Long lists in pages (review 15 surfaces, Z3): the managers' /overrides and a practitioner's /cases.

The page number is the URL's `page` (nothing personal: a number), the size the app's LIST_PAGE_SIZE
(FSP_LIST_PAGE_SIZE). A number out of range, or not a number, shows the nearest page there is. The
links are GOV.UK Frontend's pagination component's params: first, last, the page shown and its
neighbours, with ellipses between.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TypeVar

from flask import current_app, request

T = TypeVar("T")


@dataclass(frozen=True)
class Page:
    number: int  # from 1
    size: int
    total: int  # items in the whole list

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.size))

    @property
    def start(self) -> int:
        return (self.number - 1) * self.size

    def of(self, items: Sequence[T]) -> list[T]:
        """This page's items of the whole list."""
        return list(items[self.start : self.start + self.size])

    def links(self, href: Callable[[int], str]) -> dict | None:
        """govukPagination's params, `href(n)` the address of page n; None when one page holds the list."""
        if self.pages == 1:
            return None
        shown = sorted({1, self.pages, self.number - 1, self.number, self.number + 1} & set(range(1, self.pages + 1)))
        items: list[dict] = []
        for before, n in zip([0, *shown], shown):
            if before and n - before > 1:
                items.append({"ellipsis": True})
            items.append({"number": n, "href": href(n), "current": n == self.number})
        return {
            "items": items,
            "previous": {"href": href(self.number - 1)} if self.number > 1 else None,
            "next": {"href": href(self.number + 1)} if self.number < self.pages else None,
        }


def asked(total: int) -> Page:
    """The page the request's `page` asks for, of a list of `total` items, at the app's page size."""
    whole = Page(1, current_app.config["LIST_PAGE_SIZE"], total)
    number = request.args.get("page", default=1, type=int) or 1
    return replace(whole, number=min(max(number, 1), whole.pages))

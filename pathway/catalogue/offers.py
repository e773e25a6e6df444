"""Which of a level's assessments and services fit a child's age, and which answer the needs chosen."""

from __future__ import annotations

from typing import Literal, Optional

from pathway.catalogue.indicators import Indicator
from pathway.catalogue.sources import _Strict


class OfferFilter(_Strict):
    """Assessments and services of a level that do not fit a child's age, with the reason
    (this project's reading): the result lists them apart, never hides the whole list."""

    id: str
    contains: list[str]
    min_months: Optional[int] = None
    max_months: Optional[int] = None
    disabled_only: bool = False
    why: str
    interpretation: Literal[True] = True

    def matches(self, item: str) -> bool:
        return any(c.lower() in item.lower() for c in self.contains)

    def fits(self, unborn: bool, age_in_months: Optional[int], disability: Optional[str] = None) -> bool:
        if self.disabled_only and disability in ("none",):
            return False
        if unborn:  # a disabled-only filter is decided by the disability answer alone: its `why` says so
            return self.min_months is None
        if age_in_months is None:
            return True
        return (self.min_months is None or age_in_months >= self.min_months) and (self.max_months is None or age_in_months <= self.max_months)


class OfferForNeeds(_Strict):
    """Assessments and services that answer needs the practitioner chose: listed first for the
    child, with the needs that brought them up (this project's reading, by the needs' words)."""

    id: str
    contains: list[str]  # items whose text holds any of these
    needs_mention: list[str]  # chosen needs whose words hold any of these
    interpretation: Literal[True] = True

    def matches(self, item: str) -> bool:
        return any(c.lower() in item.lower() for c in self.contains)

    def needs(self, chosen: list["Indicator"]) -> list["Indicator"]:
        return [i for i in chosen if any(w.lower() in i.text.lower() for w in self.needs_mention)]

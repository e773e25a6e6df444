"""Two things every surface that repeats a decision says the same way (review 7 surfaces, F5, F11).

- The reading's marker: a reason, a route or a left-out service the catalogue marks
  `interpretation: true` is this tool's reading of the document, not the document's words, and every
  surface that repeats it says so beside it (the result page, a saved entry, the written referral as
  page, PDF and text, the call screen and the call summary to copy).
- The route with its number: a route's number is its `via` contact's (the catalogue's routing). The
  document gives 0115 876 4800 to Children and Families Direct only (p4, p23), which puts calls
  through to the Screening and Duty Team, the Locality Access Points and Family Support Services
  (Appendix 2, p25): so a team reached through it is named with it ("Family Support Services,
  through Children and Families Direct on 0115 876 4800"), never as if the number were the team's.

Only words: what the decision says comes whole from rules.evaluate (no rule here).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

READING = "this tool's reading of the document"


def is_reading(item: Any) -> bool:
    """Whether a reason, route or catalogue entry is marked `interpretation: true`."""
    return bool(getattr(item, "interpretation", False))


def reading_mark(item: Any) -> str:
    """What follows a citation for a reading ("Key contacts, p23; this tool's reading of the
    document"); nothing for the document's own words."""
    return f"; {READING}" if is_reading(item) else ""


def cited(source: str, item: Any) -> str:
    """A citation in words with the reading's marker: "(Appendix 2, p25; this tool's reading ...)"."""
    return f"({source}{reading_mark(item)})" if source else (f"({READING})" if is_reading(item) else "")


@dataclass(frozen=True)
class RouteTo:
    """A route as said to a person: `words` ("Family Support Services, through Children and Families
    Direct") and the number to ring for it (`phone`, the via contact's; None where the document
    gives none)."""

    words: str
    phone: Optional[str]

    def __str__(self) -> str:
        return f"{self.words} on {self.phone}" if self.phone else self.words


def route_to(route: Any) -> RouteTo:
    """The route's team, and, where its number belongs to another contact (the route's `via`), that
    contact named as the one the number reaches. A route saved before the decision named its via
    contact (no `via`) is given with its number as it was."""
    via: Optional[str] = getattr(route, "via", None)
    if route.phone and via and via not in route.team:
        return RouteTo(f"{route.team}, through {via}", route.phone)
    return RouteTo(route.team, route.phone)

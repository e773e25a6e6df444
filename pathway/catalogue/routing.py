"""Where a call or referral goes: a route per level, the routes the rules choose over it, and disabled children's."""

from __future__ import annotations

from pathway.catalogue.blocks import _Block
from pathway.catalogue.sources import Source, _Strict


class DisabledChildrenRouting(_Strict):
    """Disabled children with child-protection concerns (Appendix 3, p37): one text per case."""

    source: Source
    substantial_lifelong: str
    large_sibling_group: str
    uncertain: str
    mild_moderate: str
    team_substantial_lifelong: str
    team_large_sibling_group: str
    team_uncertain: str
    team_not_caf_trained: str  # the team, for a caller not CAF trained who rings Children and Families Direct
    out_of_hours: str  # the day teams above are closed: who covers now, and when they take the referral


class RouteEntry(_Strict):
    team: str
    via: str
    source: Source
    why: str
    interpretation: bool = False


class Routing(_Block[RouteEntry]):
    """Where a call or referral goes: one route per level, and the routes the rules choose over it."""

    protection: RouteEntry
    child_in_need: RouteEntry
    extensive: RouteEntry
    additional: RouteEntry
    universal: RouteEntry
    open_to_social_care: RouteEntry
    open_not_caf_trained: RouteEntry
    disabled_child_protection: RouteEntry
    disabled_child_in_need: RouteEntry
    disabled_not_caf_trained: RouteEntry
    out_of_hours: RouteEntry
    out_of_hours_social_care: RouteEntry

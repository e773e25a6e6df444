"""The words naming each nearby change in a decision's what-if list, and the support the family has now."""

from __future__ import annotations

from pathway.catalogue.guidance import GuidanceText
from pathway.catalogue.sources import _Strict


class SupportNowWords(GuidanceText):
    """What a nearby change below the support the family has now says (rules/what_if.py), and the
    heading of the changes above it."""

    heading: str


class SupportNow(_Strict):
    """The support the family has now, by what the answers say (review 7, F4): the first that applies."""

    social_care: SupportNowWords  # context.current_level Child in Need or Protection
    open_level_unknown: SupportNowWords  # open to Children's Social Care, the level not given
    early_help: SupportNowWords  # context.current_level Additional or Extensive
    caf_open: SupportNowWords  # a CAF open, the level not given


class ProtectionWords(GuidanceText):
    """What each lower line says under a Protection decision (review 7 surfaces, F4): that another
    reading is the practitioner's professional judgement, recorded as such; and the list's heading.
    `not_professional`: the same for a parent, carer or member of the public, who has no professional
    judgement, line manager or safeguarding lead (rules15)."""

    heading: str
    not_professional: str


class WhatIfWords(_Strict):
    """The words naming each nearby change (rules/what_if.py finds the changes and their levels)."""

    immediate: str
    immediate_crosswalk: str
    immediate_entailment: str
    immediate_criterion: str
    immediate_for_child: str
    immediate_for_unborn: str
    immediate_rests_on_age: str
    immediate_each: str
    immediate_parent_age: str
    immediate_reading: str
    immediate_other: str
    up_heading: str
    nothing: str
    nothing_above_support: str
    new_level: str
    further_domain: str
    same_domain: str
    example: str
    caf_not_improving: str
    caf_improving: str
    substantial_disability: str
    judgement: str
    without_judgement: str
    # the same for a caller who is not a professional (review 13, J3): the judgement is theirs, and
    # Children's Social Care decides whether the child is in need (p37)
    judgement_not_professional: str
    without_judgement_not_professional: str
    without: str
    twin: str
    protection: ProtectionWords
    support_now: SupportNow

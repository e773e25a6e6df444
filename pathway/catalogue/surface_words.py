"""What the user-facing surfaces say beside a decision's facts, and a saved decision's words read as a record."""

from __future__ import annotations

from pathway.catalogue.blocks import _Block
from pathway.catalogue.guidance import GuidanceText
from pathway.catalogue.sources import _Strict


class SavedPhrase(_Strict):
    now: str  # words of a decision true at the moment it was decided ("closed now")
    saved: str  # the same said of a record read later


class SavedWords(GuidanceText):
    """A stored decision's words of the moment it was decided, said as a record (review 16 surfaces, N1's
    class): each `now` phrase, wherever a saved entry shows the stored decision, reads as its `saved`."""

    phrases: list[SavedPhrase]


class Surfaces(_Block[GuidanceText]):
    """What the user-facing surfaces say beside a decision's facts (pathway/surfaces.py): never read
    by the rules, each with its citation."""

    immediate_level: GuidanceText
    route_closed_now: GuidanceText
    immediate_put_through: GuidanceText
    protection_put_through: GuidanceText
    before_details: GuidanceText
    child_in_care_search: GuidanceText
    refused_early_help_search: GuidanceText
    override_immediate: GuidanceText
    one_child_hint: GuidanceText
    out_of_hours: GuidanceText
    out_of_hours_closed: GuidanceText
    saved_ring_now_live: GuidanceText
    saved_ring_now_decided: GuidanceText
    saved_ring_now_record: GuidanceText
    saved_ring_now_undecided: GuidanceText
    saved_first_contact: GuidanceText
    route_closed_when_saved: GuidanceText
    saved_actions_heading: GuidanceText
    saved_time_words: SavedWords

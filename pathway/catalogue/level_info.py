"""Each level's definition and lists from the document, and its actions said for what the practitioner told the tool."""

from __future__ import annotations

from typing import Literal, Optional

from pydantic import Field, model_validator

from pathway.catalogue.guidance import GuidanceText
from pathway.catalogue.sources import Source, _Strict
from pathway.levels import Level


class LevelInfo(_Strict):
    id: Level
    name: str
    rank: int
    threshold: str
    definition: str
    source: Source
    actions: list[str]
    assessments: list[str]
    services: list[str]
    further_information: list[str] = Field(default_factory=list)
    services_intro: Optional[str] = None  # the document's "Relevant services at previous levels plus:"
    assessments_intro: Optional[str] = None
    # where a level's lists are not one of the document's own (Child in Need has no table, p11-18; review
    # 9, G5): the reading that composes them, with its why and sources; its text is said before both lists
    lists_reading: Optional[GuidanceText] = None

    @model_validator(mode="after")
    def _composed_lists_say_so(self) -> "LevelInfo":
        reading = self.lists_reading
        if reading is not None and not (reading.interpretation and reading.text == self.services_intro == self.assessments_intro):
            raise ValueError(
                f"levels.{self.id.value}: lists_reading must be a reading (interpretation, why) whose text is services_intro and assessments_intro"
            )
        return self


class ResolvedAction(_Strict):
    """A level's action said for what the practitioner already told the tool (a CAF open, consent
    refused): `text` instead of the action, or nothing. `when` names an answer rules/resolved_actions.py reads."""

    action: str  # the start of the level's action
    when: Literal[
        "caf_open",
        "no_caf_open",
        "consent_refused",
        "caf_not_improving",
        "not_caf_trained",
        "open_case",
        "open_case_professional",
        "open_case_not_caf_trained",
        "open_case_caf_not_improving",
        "supported_at_social_care",
        "beyond_childhood",
        "caf_read_from_current_level",
        "consent_refused_no_caf",
        "disabled_large_sibling_group",
        "disability_uncertain",
        "disability_mild_moderate",
        "young_adult",
    ]
    text: Optional[str] = None  # None: left out (other guidance says what follows)
    source: Source

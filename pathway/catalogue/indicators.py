"""The document's needs and immediate-referral criteria, one entry each, and the domains and dimensions they sit in."""

from __future__ import annotations

from typing import Literal, Optional

from pydantic import Field, model_validator

from pathway.catalogue.sources import Source, _Strict
from pathway.levels import Level


class CriterionReading(_Strict):
    """How this tool reads an immediate-referral criterion whose words admit more than one reading
    (review 13, J1): declared beside it, and carried by the decision wherever the criterion is decided
    (rule `immediate.reading`) or pointed to (`criterion_pointers`)."""

    interpretation: Literal[True] = True
    source: Source
    why: str


class Indicator(_Strict):
    id: str
    text: str
    document_text: Optional[str] = None
    level: Level
    immediate: bool = False
    domain: Optional[str]
    dimension: Optional[str]
    age_band: Optional[str] = None
    source: Source
    hint: Optional[str] = None
    same_words_as: list[str] = Field(default_factory=list)  # derived from the catalogue's `twins` block
    related_contacts: list[str] = Field(default_factory=list)
    keywords: list[str] = Field(default_factory=list)
    reading: Optional[CriterionReading] = None  # an immediate criterion's declared reading (review 13, J1)

    @model_validator(mode="after")
    def _immediate_is_protection(self):
        if self.immediate and self.level is not Level.PROTECTION:
            raise ValueError(f"{self.id}: an immediate indicator must be level protection")
        if not self.immediate and (self.domain is None or self.dimension is None):
            raise ValueError(f"{self.id}: a need indicator needs a domain and a dimension")
        if self.reading is not None and not self.immediate:
            raise ValueError(f"{self.id}: a reading is declared beside an immediate-referral criterion only")
        return self


class Named(_Strict):
    id: str
    name: str
    domain: Optional[str] = None

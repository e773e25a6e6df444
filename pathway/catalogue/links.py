"""How one need points to another: twins in the same words, cross-walks to p9's criteria, and the pointers beside them."""

from __future__ import annotations

from typing import Optional

from pydantic import Field, model_validator

from pathway.catalogue.indicators import Indicator
from pathway.catalogue.sources import Source, _Strict
from pathway.levels import Level


class Twin(_Strict):
    """One need listed in more than one place (near-identical words, usually at two levels)."""

    id: str
    ids: list[str]
    source: Source
    tells_apart: str


class TwinLink(_Strict):
    group: str
    other: "Indicator"
    tells_apart: str
    source: Source


class Crosswalk(_Strict):
    """Table indicators (or a level) that, with an age band, meet an immediate-referral criterion (p9)."""

    id: str
    indicators: list[str] = Field(default_factory=list)
    level: Optional[Level] = None
    age_band: Optional[str] = None
    meets: str
    source: Source
    interpretation: bool = False
    why: str

    @model_validator(mode="after")
    def _indicators_or_level(self):
        if bool(self.indicators) == (self.level is not None):
            raise ValueError(f"crosswalk {self.id}: give either indicators or a level")
        return self


class UnbornPointer(_Strict):
    """Needs whose words name a pregnancy: chosen for a child who is not unborn, a pointer to the
    immediate-referral criterion for the unborn baby (review 7, F11; the decision is unchanged)."""

    id: str
    indicators: list[str]
    points_to: str
    source: Source
    interpretation: bool = True
    why: str
    text: str  # {points_to}: the criterion's words


class CriterionPointer(_Strict):
    """Needs whose words name part of what an immediate-referral criterion (p9) describes: beside them, a
    pointer to the criterion, should the rest of it hold too (review 13, J1). Guidance only: the decision
    is unchanged, and nothing is said where the criterion is already chosen or met, or refused for the child."""

    id: str
    indicators: list[str]
    points_to: str  # an immediate criterion with a declared `reading`
    source: Source
    text: str  # {points_to}: the criterion's words; {why}: its reading's


class NotCrosswalked(_Strict):
    """Protection-table indicators deliberately not cross-walked to the p9 list, with why."""

    indicators: list[str]
    why: str

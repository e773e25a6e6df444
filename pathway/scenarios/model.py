"""The scenario format: one worked case with its model answer and teaching points.

The child and context reuse the contract's own models (pathway.models), so a scenario can
hold nothing an assessment would refuse, and a trainer's typo is refused with the field named.
"""
from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, field_validator

from pathway.levels import Level
from pathway.models import Case, Child, Context

ID_PATTERN = r"^[a-z0-9][a-z0-9_.-]*$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Answers(_Strict):
    """What the trainee should pick: the indicators and the facts of the situation."""

    indicators: list[str] = Field(default_factory=list, max_length=500)
    context: Context = Field(default_factory=Context)


class ModelAnswer(_Strict):
    """The answer the document supports. Only `level` is required; any other field given is checked too."""

    level: Level
    immediate: Optional[bool] = None
    step: Optional[Literal["up", "down", "same"]] = None
    out_of_hours: Optional[bool] = None
    first_contact: Optional[str] = None  # contact id rung first, e.g. emergency_duty_team
    route_team: Optional[str] = None
    guidance: list[str] = Field(default_factory=list)  # guidance rule ids that must be given


class Teaching(_Strict):
    """What the trainer says after the answer: why, where in the document, and the usual slip."""

    why: str = Field(min_length=1)
    pages: str = Field(min_length=1)  # the document's own page numbers, e.g. "9" or "13-14, 15-16"
    common_mistake: str = Field(min_length=1)

    @field_validator("pages", mode="before")
    @classmethod
    def _page_number_as_text(cls, value):
        # trainers write `pages: 9`; YAML makes that a number
        return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


class Scenario(_Strict):
    """A worked case: what the trainer reads, what the trainee should answer, and why.

    `id` is stable so a failing run, a test and a trainer's notes all name the same scenario.
    """

    id: str = Field(pattern=ID_PATTERN, max_length=80)
    title: str = Field(min_length=1)
    narrative: str = Field(min_length=1)
    child: Child
    answers: Answers = Field(default_factory=Answers)
    model: ModelAnswer
    teaching: Teaching
    covers: list[str] = Field(default_factory=list)  # rule families this scenario exercises (docs coverage table)

    def case(self) -> Case:
        """The assessment a trainee who chose the model answers would submit."""
        return Case(child=self.child, indicators=list(self.answers.indicators), context=self.answers.context)

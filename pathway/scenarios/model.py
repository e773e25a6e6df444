"""The scenario format: one worked case with its model answer and teaching points.

The child and context reuse the contract's own models (pathway.models), so a scenario can
hold nothing an assessment would refuse, and a trainer's typo is refused with the field named.

A model answer sorts indicators three ways, so feedback never marks a right trainee down:
`required` (the answer rests on them; the rules run on them), `also_acceptable` (the narrative
supports them too: ticking them is not an over-call) and `ruled_out` (they look named by the
narrative but the document puts the case elsewhere: the usual mistake). Old files that list
`answers.indicators` still load: those are the required ones.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal, Optional

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

from pathway import written_text
from pathway.levels import Level
from pathway.models import Case, Child, Context, Parent

ID_PATTERN = r"^[a-z0-9][a-z0-9_.-]*$"
TOPIC_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
LINES_PATTERN = r"^[1-9][0-9]*(-[1-9][0-9]*)?$"
# Each scenario text's limit, the same in the editor and the import (review 20 surfaces, S3: 20,000 characters were
# taken and went to every trainee's list). The longest shipped, when set: title 56, narrative 368, why 781, common
# mistake 210, pages 33 characters.
TITLE_MAX, NARRATIVE_MAX, TEACHING_MAX, PAGES_MAX = 200, 4000, 2000, 80


def _written(value: str) -> str:
    """The typed-text check the editor's fields use (pathway.written_text), on every road a
    scenario's text comes in by: file import, editor, shipped files, `pathway scenarios` (review 19
    surfaces, S2). The loader names the file, scenario and field."""
    found = written_text.problem(value)
    if found:
        raise ValueError(found)
    return value


def _written_and_visible(value: str) -> str:
    """Written text with something to read: a title of spaces or a zero-width space is no title."""
    if not written_text.visible(value):
        raise ValueError(written_text.NOTHING_VISIBLE)
    return _written(value)


Written = Annotated[str, AfterValidator(_written)]
Readable = Annotated[str, AfterValidator(_written_and_visible)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Answers(_Strict):
    """The facts of the situation a trainee should enter. `indicators` is the old name of
    `model.required` (kept so older files load, and always equal to it)."""

    indicators: list[str] = Field(default_factory=list, max_length=500)
    context: Context = Field(default_factory=Context)


class ModelAnswer(_Strict):
    """The answer the document supports. Only `level` is required; any other field given is checked too."""

    level: Level
    required: list[str] = Field(default_factory=list, max_length=500)  # the answer rests on these
    also_acceptable: list[str] = Field(default_factory=list, max_length=500)  # supported too: not an over-call
    ruled_out: list[str] = Field(default_factory=list, max_length=500)  # look named, but not this case: the lesson
    immediate: Optional[bool] = None
    step: Optional[Literal["up", "down", "same"]] = None
    out_of_hours: Optional[bool] = None
    first_contact: Optional[Written] = None  # contact id rung first, e.g. emergency_duty_team
    route_team: Optional[Readable] = None
    guidance: list[Written] = Field(default_factory=list)  # guidance rule ids that must be given
    contacts: list[str] = Field(default_factory=list)  # contact ids the decision must name (e.g. dart, camhs_spa)


class Cite(_Strict):
    """Lines of the vendored threshold document (tests/data/threshold_document.txt) the answer
    rests on, with either the indicator printed there or a few words quoted from them."""

    lines: str = Field(pattern=LINES_PATTERN)  # "612" or "612-614"
    indicator: Optional[Written] = None
    says: Optional[Readable] = Field(None, min_length=3)

    @field_validator("lines", mode="before")
    @classmethod
    def _line_number_as_text(cls, value):
        return str(value) if isinstance(value, int) and not isinstance(value, bool) else value

    @model_validator(mode="after")
    def _one_of(self):
        if (self.indicator is None) == (self.says is None):
            raise ValueError("give either indicator or says")
        return self

    @property
    def span(self) -> tuple[int, int]:
        first, _, last = self.lines.partition("-")
        return int(first), int(last or first)


class Teaching(_Strict):
    """What the trainer says after the answer: why, where in the document, and the usual slip."""

    why: Readable = Field(min_length=1, max_length=TEACHING_MAX)
    pages: Readable = Field(min_length=1, max_length=PAGES_MAX)  # the document's own page numbers, e.g. "9" or "13-14, 15-16"
    common_mistake: Readable = Field(min_length=1, max_length=TEACHING_MAX)
    cites: list[Cite] = Field(default_factory=list, max_length=100)

    @field_validator("pages", mode="before")
    @classmethod
    def _page_number_as_text(cls, value):
        # trainers write `pages: 9`; YAML makes that a number
        return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


class Scenario(_Strict):
    """A worked case: what the trainer reads, what the trainee should answer, and why.

    `id` is stable so a failing run, a test and a trainer's notes all name the same scenario.
    `title` is what trainees see: it describes the situation, never the answer.
    """

    id: str = Field(pattern=ID_PATTERN, max_length=80)
    title: Readable = Field(min_length=1, max_length=TITLE_MAX)
    narrative: Readable = Field(min_length=1, max_length=NARRATIVE_MAX)
    child: Child
    parent: Parent = Field(default_factory=Parent)  # a young parent's age, for indicators about the parent of a baby
    answers: Answers = Field(default_factory=Answers)
    model: ModelAnswer
    teaching: Teaching
    topics: list[str] = Field(default_factory=list, max_length=20)  # free tags for grouping, e.g. neglect
    covers: list[Written] = Field(default_factory=list)  # rule families this scenario exercises (docs coverage table)

    @field_validator("topics")
    @classmethod
    def _topic_tags(cls, value):
        bad = [t for t in value if not re.fullmatch(TOPIC_PATTERN, t)]
        if bad:
            raise ValueError(f"topics are lower-case words joined by '-', not {bad}")
        return value

    @model_validator(mode="after")
    def _each_indicator_in_one_list(self):
        old, new = self.answers.indicators, self.model.required
        if old and new and old != new:
            raise ValueError("answers.indicators is the old name of model.required: give only model.required")
        # a scenario built in Python with one of the two names gets the other too (both are frozen
        # models, so the mirror is set once, here, while validating)
        object.__setattr__(self.answers, "indicators", list(old or new))
        object.__setattr__(self.model, "required", list(old or new))
        lists = {"required": self.model.required, "also_acceptable": self.model.also_acceptable, "ruled_out": self.model.ruled_out}
        seen: dict[str, str] = {}
        for name, ids in lists.items():
            for i in ids:
                if i in seen and seen[i] != name:
                    raise ValueError(f"{i!r} is in both model.{seen[i]} and model.{name}")
                seen[i] = name
        return self

    @property
    def required(self) -> list[str]:
        return list(self.model.required)

    def case(self, also_acceptable: bool = False) -> Case:
        """The assessment a trainee who chose the required indicators (and, if asked, the also
        acceptable ones) would submit."""
        ids = list(self.model.required) + (list(self.model.also_acceptable) if also_acceptable else [])
        return Case(child=self.child, parent=self.parent, indicators=ids, context=self.answers.context)


def with_required_in_both_places(raw):
    """Raw scenario data with `answers.indicators` (older files) and `model.required` filled from
    whichever was given, so both name the same list; anything else is returned unchanged for
    validation to refuse."""
    if not isinstance(raw, dict) or not isinstance(raw.get("model"), dict):
        return raw
    answers = raw.get("answers", {})
    if not isinstance(answers, dict):
        return raw
    old, new = answers.get("indicators"), raw["model"].get("required")
    if old is not None and new is not None:
        return raw  # both given: equal passes, different is refused by the model
    chosen = new if new is not None else old
    if chosen is None:
        return raw
    return {**raw, "answers": {**answers, "indicators": chosen}, "model": {**raw["model"], "required": chosen}}

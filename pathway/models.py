"""The contract: a case in, a decision out (docs/contract.md).

Input is parsed strictly from JSON: unknown keys, wrong types and impossible ages are refused
with the field named, so a typo can never silently drop an answer about a child.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any, Optional

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from pathway.choices import CafStatus, Caller, Disability, Step
from pathway.levels import Level

_INDICATOR_FIELD = re.compile(r"indicators\[(\d+)\]")


class FieldError(BaseModel):
    field: str
    message: str

    def indicator_position(self) -> Optional[int]:
        """The place in the case's indicators this error is about (`indicators[N]`), else None: read by
        every surface that names a refused answer (rules.refusals, the journey, the call screen)."""
        at = _INDICATOR_FIELD.fullmatch(self.field)
        return int(at.group(1)) if at else None


class CaseError(ValueError):
    """A case the tool refuses; each error names the field it is about."""

    def __init__(self, errors: list[FieldError]):
        self.errors = errors
        super().__init__("; ".join(f"{e.field}: {e.message}" for e in errors))


class _Input(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Child(_Input):
    # the pathway's scope (pre-birth to 19, care leavers to 25) comes from the catalogue and is
    # checked in pathway.checks; 120 only stops absurd numbers at the door
    age_years: Optional[int] = Field(None, ge=0, le=120)
    age_months: Optional[int] = Field(None, ge=0, le=11)
    unborn: bool = False

    @model_validator(mode="after")
    def _age_or_unborn(self):
        if self.unborn and (self.age_years is not None or self.age_months is not None):
            raise ValueError("give either an age or unborn, not both")
        if self.age_months is not None and self.age_years is None:
            raise ValueError("age_months needs age_years")
        return self

    @property
    def age_in_months(self) -> Optional[int]:
        """The child's age in whole months, at the youngest the answer allows ("1" with no months: 12)."""
        if self.unborn or self.age_years is None:
            return None
        return self.age_years * 12 + (self.age_months or 0)

    @property
    def months_given(self) -> bool:
        """Whether the answer gives the months: "1 year 0 months" is 12 to 13 months old, "1 year" alone
        12 to 24 (review 12, H3). The oldest the answer allows is `age_in_months` plus 1 or 12, exclusive."""
        return self.age_months is not None

    def describe(self) -> str:
        if self.unborn:
            return "unborn"
        if self.age_years is None:
            return "age not given"
        return f"{self.age_years} years {self.age_months or 0} months"


class Parent(_Input):
    """The young parent, for indicators whose words are the parent's age (pregnant under 16 or 17,
    teenage parents, pregnant care leavers) when the assessment is about the baby."""

    age_years: Optional[int] = Field(None, ge=0, le=120)

    @property
    def age_in_months(self) -> Optional[int]:
        return None if self.age_years is None else self.age_years * 12


CONTACT_YEARS = (1900, 2199)  # the contact times a case may give (office hours read them in local time)


class Context(_Input):
    caf: Optional[CafStatus] = None
    consent_to_early_help: Optional[bool] = None
    disability: Optional[Disability] = None
    large_sibling_group: Optional[bool] = None
    current_level: Optional[Level] = None
    contact_time: Optional[AwareDatetime] = None
    caller: Optional[Caller] = None
    # already open to Children's Social Care: the allocated social worker, not the front door (Appendix 3, p37)
    open_to_social_care: Optional[bool] = None
    # p4's Child in Need test: unlikely to achieve a reasonable standard of health or development
    # unless services are provided
    health_development_impaired_without_services: Optional[bool] = None

    @field_validator("contact_time")
    @classmethod
    def _a_year_the_clock_can_read(cls, moment: Optional[datetime]) -> Optional[datetime]:
        """Office hours read the moment in local time: at the calendar's ends that conversion
        overflows (year 1 in a UTC offset, year 9999), so a moment outside these years is refused."""
        if moment is not None and not CONTACT_YEARS[0] <= moment.year <= CONTACT_YEARS[1]:
            raise ValueError(f"must be a moment between the years {CONTACT_YEARS[0]} and {CONTACT_YEARS[1]}")
        return moment


class Case(_Input):
    child: Child = Field(default_factory=Child)
    parent: Parent = Field(default_factory=Parent)
    indicators: list[str] = Field(default_factory=list, max_length=500)
    context: Context = Field(default_factory=Context)

    @classmethod
    def parse(cls, raw: str | bytes | dict) -> "Case":
        """Parse a case from JSON (or a JSON-shaped dict), turning every problem into a CaseError."""
        if isinstance(raw, dict):
            raw = json.dumps(raw, default=str)
        else:
            raw = without_bom(raw)
            refuse_duplicated_keys(raw)
        try:
            return cls.model_validate_json(raw)
        except ValidationError as exc:
            raise refusal(exc, raw, _field_error) from None


def _field_error(err: Mapping[str, Any]) -> FieldError:
    loc = err.get("loc", ())
    field = ""
    for part in loc:
        if isinstance(part, int):
            field += f"[{part}]"
        else:
            field += ("." if field else "") + str(part)
    message = err.get("msg", "invalid")
    if err.get("type") == "extra_forbidden":
        message = "unknown field"
    elif err.get("type") == "json_invalid":
        field, message = "(body)", f"not valid JSON: {err.get('ctx', {}).get('error', message)}"
    elif err.get("type") == "model_type" and not field:
        field, message = "(body)", "a case must be a JSON object"
    if message.startswith("Value error, "):
        message = message[len("Value error, ") :]
    return FieldError(field=field or "(body)", message=message)


def without_bom(raw: str | bytes) -> str | bytes:
    """The JSON without a leading UTF-8 byte order mark, which Windows Notepad's "UTF-8" writes and RFC 8259
    lets a parser ignore: a case saved that way is read, not refused as "not valid JSON ... line 1 column
    1" (review 13 surfaces, X6)."""
    if isinstance(raw, bytes):
        return raw.removeprefix(b"\xef\xbb\xbf")
    return raw.removeprefix("\ufeff")


def refusal(exc: ValidationError, raw: str | bytes | dict, one: Callable[[Mapping[str, Any]], FieldError]) -> CaseError:
    """pydantic's refusal of a user's JSON as a CaseError, each error by `one`; a number its parser refuses
    as out of range (a 5,000-digit age) named by its path, as every other field is (review 19 surfaces),
    not "(body)"; so is a string holding a lone surrogate escape, with the fault named (review 22 surfaces, S8)."""
    errors = exc.errors()
    if not isinstance(raw, dict) and any(e.get("type") == "json_invalid" and "hex escape" in str(e.get("ctx", {}).get("error", "")) for e in errors):
        from pathway.json_input import LONE_SURROGATE, lone_surrogates

        halves = lone_surrogates(raw)
        if halves:  # a lone surrogate escape named with its field, not "unexpected end of hex escape" (review 22 surfaces, S8)
            return CaseError([FieldError(field=path, message=LONE_SURROGATE.format(escape=escape)) for path, escape in halves])
    if not isinstance(raw, dict) and any(e.get("type") == "json_invalid" and "number out of range" in str(e.get("ctx", {}).get("error", "")) for e in errors):
        from pathway.json_input import OUT_OF_RANGE, numbers_out_of_range

        paths = numbers_out_of_range(raw)
        if paths:
            return CaseError([FieldError(field=path, message=OUT_OF_RANGE) for path in paths])
    return CaseError([one(e) for e in errors])


def refuse_duplicated_keys(raw: str | bytes) -> None:
    """Raise a CaseError naming each key given twice in one object of a user's JSON (review 8
    surfaces D1: the parser would keep the last without a word)."""
    from pathway.json_input import GIVEN_TWICE, duplicated_keys

    twice = duplicated_keys(raw)
    if twice:
        raise CaseError([FieldError(field=path, message=GIVEN_TWICE) for path in twice])


field_error = _field_error  # for other requests parsed the same way (pathway.search.SearchRequest)


# ---------------------------------------------------------------------------- decision


class Reason(BaseModel):
    rule: str
    level: Level
    indicators: list[str]
    source: str
    explanation: str
    interpretation: bool = False


class ContactOut(BaseModel):
    id: str
    name: str
    phone: Optional[str]  # None where the document gives no number (the allocated social worker)
    when: str


class Guidance(BaseModel):
    rule: str
    source: str
    text: str


class Route(BaseModel):
    team: str
    phone: Optional[str]
    why: str
    source: str = ""
    interpretation: bool = False
    available_now: bool = True  # False: a day service, out of hours (ring it when it reopens)
    # the contact whose number `phone` is (the catalogue's routing `via`): Children and Families Direct
    # for the teams it puts calls through to (p4, p23, p25); None in a decision saved before it was given
    via: Optional[str] = None


class AssumptionOut(BaseModel):
    """Something the decision rests on that the document does not say (office hours, the calendar)."""

    id: str
    text: str
    source: str


class Decision(BaseModel):
    level: Level
    level_name: str
    immediate: bool
    reasons: list[Reason]
    actions: list[str]
    contacts: list[ContactOut]
    assessments: list[str]
    services: list[str]
    # the document's own words before the list ('Relevant services at previous levels plus:'), where it has them
    services_intro: Optional[str] = None
    guidance: list[Guidance]
    step: Optional[Step]
    # the heading the step's words go under where the catalogue gives its own (a new immediate concern at
    # the level supported at now, left12); None: the step's label. Shown by pathway.surfaces.step_heading
    step_heading: Optional[str] = None
    out_of_hours: bool
    contact_time: datetime
    route: Route
    assumptions: list[AssumptionOut] = Field(default_factory=list)
    ruleset: str
    # the answers the rules refused and the decision was made without (rules.refusals, review 12 H2):
    # empty, except where the answers left are an immediate referral (p9), which is never withheld
    decided_without: list[FieldError] = Field(default_factory=list)

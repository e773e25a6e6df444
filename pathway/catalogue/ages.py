"""Whom the pathway and each need cover by age: the document's age bands, the ages a need's words describe, how an age is said."""

from __future__ import annotations

from typing import Literal, Optional

from pydantic import Field, model_validator

from pathway.catalogue.sources import Source, _Strict


class ParentAgeHint(_Strict):
    """What describes the concern for a parent whose age (parent.age_years) is outside a parent's band:
    the needs that admit a parent of `min_months` to `max_months` (review 11, H4)."""

    min_months: Optional[int] = None
    max_months: Optional[int] = None
    text: str

    def contains(self, months: int) -> bool:
        return (self.min_months is None or months >= self.min_months) and (self.max_months is None or months <= self.max_months)


class AgeBand(_Strict):
    id: str
    label: str
    min_months: Optional[int] = None
    max_months: Optional[int] = None
    unborn: Literal[False, "only"]
    # "parent": the band is the young parent's age (pregnant under 16/17, teenage parents, pregnant
    # care leavers), not the age of the child the assessment is about (an unborn baby, an infant)
    subject: Literal["child", "parent"] = "child"
    source: Source
    interpretation: bool = False
    why: Optional[str] = None
    # what still applies to a child outside the band (a born child; an unborn baby), named in the
    # refusal so a practitioner refused a p9 criterion by age is pointed to the one that fits
    outside: Optional[str] = None
    outside_unborn: Optional[str] = None
    # a parent's band ("subject: parent") refused for the parent's age given: what fits that age
    outside_parent: list[ParentAgeHint] = Field(default_factory=list)

    def parent_hints(self, parent_age_in_months: int) -> list[str]:
        """The `outside_parent` words for a parent of this age, in the catalogue's order."""
        return [h.text for h in self.outside_parent if h.contains(parent_age_in_months)]

    def contains(self, months: int) -> bool:
        """Whether an age in whole months is inside the band's limits."""
        return (self.min_months is None or months >= self.min_months) and (self.max_months is None or months <= self.max_months)

    def admits(self, unborn: bool, age_in_months: Optional[int], parent_age_in_months: Optional[int] = None) -> bool:
        """Whether a case with this child (and, for a parent's band, this parent) may have the indicator.

        The one place that decides it: the rules' checks, the journey, the call screen and the
        search all ask here. An age that is not given is admitted: the indicator's words carry it.
        """
        if self.unborn == "only":
            return unborn
        if self.subject == "parent":
            if parent_age_in_months is not None:
                return self.contains(parent_age_in_months)
            if unborn or age_in_months is None:
                return True
            # a child younger than the band is the young parent's baby; in the band, the child is
            # the young parent; older than the band, the words cannot be about either
            return age_in_months < (self.min_months or 0) or self.contains(age_in_months)
        if unborn:
            return False
        if age_in_months is None:
            return True
        return self.contains(age_in_months)


class AgedHint(_Strict):
    """Words a refusal's hint adds from an age: the needs they name are admitted from `min_months`."""

    min_months: int = Field(ge=0)
    text: str


class MeaningfulAge(_Strict):
    """Whom an indicator's words can describe (this project's reading: the document gives no age):
    whether an unborn baby, and the youngest child (`min_months`, 0 from birth). The document's own
    age bands stay in AgeBand; below this a child is neither offered the indicator nor may be given
    it, and the refusal says what describes that child's concern (`outside`, `outside_unborn`).
    Every child-development indicator is declared in exactly one entry (review 8, F2). An entry whose
    words end at an age (review 9 G1: the duty to be in education ends at 18) declares the oldest it
    admits (`max_months`), whom it then refuses (`older_label`) and what describes their concern
    (`outside_older`)."""

    id: str
    label: str
    min_months: int = Field(ge=0)
    unborn: bool = False
    why: str
    indicators: list[str]
    outside: Optional[str] = None
    # words added to `outside` for a child of at least each entry's age (review 8 recheck, R4, R5)
    outside_from: list[AgedHint] = Field(default_factory=list)
    outside_unborn: Optional[str] = None
    max_months: Optional[int] = Field(default=None, ge=0)
    older_label: Optional[str] = None
    outside_older: Optional[str] = None
    interpretation: Literal[True] = True

    @model_validator(mode="after")
    def _older_is_described(self) -> "MeaningfulAge":
        if self.max_months is not None and not (self.older_label and self.outside_older):
            raise ValueError(f"meaningful_ages.{self.id}: max_months needs older_label and outside_older (whom it refuses, and what describes their concern)")
        return self

    def admits(self, unborn: bool, age_in_months: Optional[int]) -> bool:
        if unborn:
            return self.unborn
        return age_in_months is None or (age_in_months >= self.min_months and not self.too_old(age_in_months))

    def too_old(self, age_in_months: Optional[int]) -> bool:
        """Past the oldest age the words describe (`max_months`, inclusive)."""
        return self.max_months is not None and age_in_months is not None and age_in_months > self.max_months

    def hint(self, age_in_months: Optional[int]) -> Optional[str]:
        """What describes a younger child's concern, at their age: `outside`, and each `outside_from`
        entry they have reached (an age not given: `outside` alone)."""
        words = [self.outside] if self.outside else []
        words += [h.text for h in self.outside_from if age_in_months is not None and age_in_months >= h.min_months]
        return ". ".join(words) or None


class ParentAge(_Strict):
    """`parent.age_years` (the young parent's age): the youngest parent at a child's birth the tool
    decides on (this tool's reading, review 7 F1), and the refusal's words."""

    min_years_at_birth: int
    interpretation: Literal[True] = True
    why: str
    impossible: str  # {parent}, {child}, {at_birth}, {min}, {why}


class ChildOnlyAnswer(_Strict):
    """A context answer (`field`, one of `values`) that exists only for a child."""

    field: str
    values: list[str | bool]
    what: str  # why it is a child's, with the page


class ChildOnlyAnswers(_Strict):
    """Answers about a child's situation that reach a child's level or case whatever else is said:
    refused for a young person past the children's ages (review 8, F1; this tool's reading)."""

    interpretation: Literal[True] = True
    why: str
    source: Source
    answers: list[ChildOnlyAnswer]
    refusal: str  # the API's and CLI's message: {value}, {what}, {years}, {scope}
    form_refusal: str  # the journey's child page: {what}, {years}

    def given(self, answers: dict) -> list[ChildOnlyAnswer]:
        """The entries an answer given meets (`answers`: context field -> value, None where not given)."""
        return [a for a in self.answers if answers.get(a.field) is not None and any(_same(answers[a.field], v) for v in a.values)]


def _same(answer, value) -> bool:
    """A context answer (an enum member, a string or a bool) against a catalogue value (a string or a bool)."""
    if isinstance(value, bool) or isinstance(answer, bool):
        return answer is value
    return getattr(answer, "value", answer) == value


class AgeScope(_Strict):
    """Who the pathway covers: pre-birth to `max_years`, care leavers to `care_leaver_max_years`."""

    max_years: int
    care_leaver_max_years: int
    care_leaver_bands: list[str]
    source: Source
    scope: str
    describe_the_baby: str  # the way in for a care leaver's unborn baby, with every refusal at 20 to 25 (review 8 recheck, R2)
    adult_care_leaver: str  # a need not a care leaver's, for a young person over max_years: {indicator}, {years}, {scope}
    child_only_answers: ChildOnlyAnswers
    parent: ParentAge


def years_months(months: int) -> str:
    """An age in whole months as a decision says it: "7 years 0 months"."""
    return f"{months // 12} years {months % 12} months"


def child_age_words(months: int, months_given: bool = True) -> str:
    """A child's age as answered: "1 years 2 months", or with the years alone "1 year (months not given)",
    never a precision the user did not give (review 12, H3)."""
    if months_given:
        return years_months(months)
    years = months // 12
    return f"{years} year{'' if years == 1 else 's'} (months not given)"

"""The threshold document as data: loaded once from `data/fsp_2014.yaml` and checked on load.

The YAML is the reviewable source; these models make a malformed edit fail at start-up with the
entry named, rather than mid-assessment.
"""
from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Literal, Optional

import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator

from pathway.levels import Level

DATA_FILE = Path(__file__).parent / "data" / "fsp_2014.yaml"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(_Strict):
    section: str
    page: str

    def cite(self) -> str:
        return f"{self.section}, p{self.page}"


class AgeBand(_Strict):
    id: str
    label: str
    min_months: Optional[int] = None
    max_months: Optional[int] = None
    unborn: Literal[False, "only"]
    source: Source
    interpretation: bool = False
    why: Optional[str] = None

    def admits(self, unborn: bool, age_in_months: Optional[int]) -> bool:
        """Whether a child of this age may have an indicator carrying this band."""
        if self.unborn == "only":
            return unborn
        if unborn:
            return False
        if age_in_months is None:  # age not given: the indicator's own words carry the age
            return True
        if self.min_months is not None and age_in_months < self.min_months:
            return False
        if self.max_months is not None and age_in_months > self.max_months:
            return False
        return True


class MeaningfulAge(_Strict):
    """Indicators whose words mean nothing for a younger child (this project's reading: the
    document gives no age). The document's own age bands stay in AgeBand; this is the floor below
    which a child is neither offered the indicator nor may be given it."""

    id: str
    label: str
    min_months: int
    why: str
    indicators: list[str]
    interpretation: Literal[True] = True

    def admits(self, unborn: bool, age_in_months: Optional[int]) -> bool:
        if unborn:
            return False
        return age_in_months is None or age_in_months >= self.min_months


class OfferFilter(_Strict):
    """Assessments and services of a level that do not fit a child's age, with the reason
    (this project's reading): the result lists them apart, never hides the whole list."""

    id: str
    contains: list[str]
    min_months: Optional[int] = None
    max_months: Optional[int] = None
    disabled_only: bool = False
    why: str
    interpretation: Literal[True] = True

    def matches(self, item: str) -> bool:
        return any(c.lower() in item.lower() for c in self.contains)

    def fits(self, unborn: bool, age_in_months: Optional[int], disability: Optional[str] = None) -> bool:
        if self.disabled_only and disability in ("none",):
            return False
        if unborn:
            return self.min_months is None and not self.disabled_only
        if age_in_months is None:
            return True
        return (self.min_months is None or age_in_months >= self.min_months) and \
            (self.max_months is None or age_in_months <= self.max_months)


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
    same_words_as: list[str] = Field(default_factory=list)
    related_contacts: list[str] = Field(default_factory=list)
    specialist_disability_need: bool = False
    keywords: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _immediate_is_protection(self):
        if self.immediate and self.level is not Level.PROTECTION:
            raise ValueError(f"{self.id}: an immediate indicator must be level protection")
        if not self.immediate and (self.domain is None or self.dimension is None):
            raise ValueError(f"{self.id}: a need indicator needs a domain and a dimension")
        return self


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


class Contact(_Strict):
    id: str
    name: str
    phone: str
    email: Optional[str] = None
    when: str
    source: Source


class Named(_Strict):
    id: str
    name: str
    domain: Optional[str] = None


class Catalogue(_Strict):
    """Everything the rules and views need from the document."""

    ruleset: dict
    age: dict
    domains: list[Named]
    dimensions: list[Named]
    age_bands: list[AgeBand]
    levels: list[LevelInfo]
    contacts: list[Contact]
    interpretations: dict
    guidance: dict
    disabled_children_routing: dict
    timescales: list[dict]
    disagreements: dict
    routing: dict
    indicators: list[Indicator]
    meaningful_ages: list[MeaningfulAge] = Field(default_factory=list)
    offer_filters: list[OfferFilter] = Field(default_factory=list)

    @model_validator(mode="after")
    def _references_resolve(self):
        ids = [i.id for i in self.indicators]
        dupes = {i for i in ids if ids.count(i) > 1}
        if dupes:
            raise ValueError(f"duplicate indicator ids: {sorted(dupes)}")
        bands = {b.id for b in self.age_bands}
        dims = {d.id: d.domain for d in self.dimensions}
        domains = {d.id for d in self.domains}
        contacts = {c.id for c in self.contacts}
        known = set(ids)
        for ind in self.indicators:
            if ind.age_band and ind.age_band not in bands:
                raise ValueError(f"{ind.id}: unknown age band {ind.age_band!r}")
            if ind.dimension and (ind.dimension not in dims or dims[ind.dimension] != ind.domain):
                raise ValueError(f"{ind.id}: dimension {ind.dimension!r} is not in domain {ind.domain!r}")
            if ind.domain and ind.domain not in domains:
                raise ValueError(f"{ind.id}: unknown domain {ind.domain!r}")
            for other in ind.same_words_as:
                if other not in known:
                    raise ValueError(f"{ind.id}: same_words_as names unknown {other!r}")
            for c in ind.related_contacts:
                if c not in contacts:
                    raise ValueError(f"{ind.id}: unknown contact {c!r}")
        for floor in self.meaningful_ages:
            for iid in floor.indicators:
                if iid not in known:
                    raise ValueError(f"meaningful_ages.{floor.id}: unknown {iid!r}")
        if [lv.id for lv in self.levels] != list(Level):
            raise ValueError("levels must be listed once each, in order")
        for key in ("indicators", "with_substantial_lifelong_disability", "states_substantial_lifelong_disability"):
            for iid in self.interpretations["cin_disability"][key]:
                if iid not in known:
                    raise ValueError(f"interpretations.cin_disability.{key}: unknown {iid!r}")
        return self

    # look-ups -------------------------------------------------------------
    def indicator(self, indicator_id: str) -> Indicator:
        return self._by_id[indicator_id]

    def has_indicator(self, indicator_id: str) -> bool:
        return indicator_id in self._by_id

    def band(self, band_id: str) -> AgeBand:
        return self._bands[band_id]

    def admits(self, indicator: Indicator | str, unborn: bool, age_in_months: Optional[int]) -> bool:
        """Whether a child of this age may have this indicator: the one answer every part uses
        (the contract's checks, the journey's pages, the call screen and its search)."""
        return self.refusal(indicator, unborn, age_in_months) is None

    def refusal(self, indicator: Indicator | str, unborn: bool, age_in_months: Optional[int]) -> Optional[str]:
        """Why a child of this age may not have this indicator, citing the reading; None if it may."""
        ind = self.indicator(indicator) if isinstance(indicator, str) else indicator
        child = "unborn" if unborn else "age not given" if age_in_months is None else \
            f"{age_in_months // 12} years {age_in_months % 12} months"
        if ind.age_band:
            band = self.band(ind.age_band)
            if not band.admits(unborn, age_in_months):
                return (f"{ind.id!r} applies only to a child {band.label} "
                        f"(band {band.id!r}, {band.source.cite()}); this child is {child}")
        floor = self._floors.get(ind.id)
        if floor is not None and not floor.admits(unborn, age_in_months):
            return (f"{ind.id!r} has no meaning for a child under {floor.label} (meaningful_ages "
                    f"{floor.id!r}, this tool's reading: {floor.why}); this child is {child}")
        return None

    def level(self, level: Level | str) -> LevelInfo:
        return self.levels[Level(level).rank - 1]

    def contact(self, contact_id: str) -> Contact:
        return self._contacts[contact_id]

    @property
    def version(self) -> str:
        return f"{self.ruleset['id']} ({self.ruleset['version']})"

    def model_post_init(self, _context) -> None:
        object.__setattr__(self, "_by_id", {i.id: i for i in self.indicators})
        object.__setattr__(self, "_bands", {b.id: b for b in self.age_bands})
        object.__setattr__(self, "_contacts", {c.id: c for c in self.contacts})
        object.__setattr__(self, "_floors", {i: f for f in self.meaningful_ages for i in f.indicators})


@cache
def load_catalogue(path: Path = DATA_FILE) -> Catalogue:
    """Read and check the catalogue once per process."""
    with open(path, encoding="utf-8") as fh:
        return Catalogue.model_validate(yaml.safe_load(fh))

"""The whole catalogue as one checked model, with the look-ups every layer asks."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Optional, TypeVar

from pydantic import Field, model_validator

from pathway.catalogue.ages import AgeBand, AgeScope, MeaningfulAge
from pathway.catalogue.assumptions import Assumptions
from pathway.catalogue.contacts import Contact, ContactNotes, _related_contacts_derived
from pathway.catalogue.current_level import CafFromCurrentLevel, OpenFromCurrentLevel
from pathway.catalogue.disagreements import Disagreements
from pathway.catalogue.entailments import AgeEntailment, YoungPerson
from pathway.catalogue.guidance import Actions, Guidance
from pathway.catalogue.in_writing import InWriting, Timescales
from pathway.catalogue.indicators import Indicator, Named
from pathway.catalogue.interpretations import Interpretations
from pathway.catalogue.level_info import LevelInfo, ResolvedAction
from pathway.catalogue.links import CriterionPointer, Crosswalk, NotCrosswalked, Twin, TwinLink, UnbornPointer
from pathway.catalogue.offers import OfferFilter, OfferForNeeds
from pathway.catalogue.routing import DisabledChildrenRouting, Routing
from pathway.catalogue.sources import _Strict
from pathway.catalogue.surface_words import Surfaces
from pathway.catalogue.what_if_words import WhatIfWords
from pathway.levels import Level


class Ruleset(_Strict):
    """Which document (and which edition of this catalogue) the decisions rest on."""

    id: str
    version: str
    title: str
    publisher: str
    approved: str


D = TypeVar("D")


class Catalogue(_Strict):
    """Everything the rules and views need from the document."""

    if TYPE_CHECKING:  # look-ups built in model_post_init (set on the frozen model, not fields)
        _twins: dict[str, list[TwinLink]]
        _by_id: dict[str, Indicator]
        _bands: dict[str, AgeBand]
        _contacts: dict[str, Contact]
        _floors: dict[str, MeaningfulAge]

    ruleset: Ruleset
    age: AgeScope
    domains: list[Named]
    dimensions: list[Named]
    age_bands: list[AgeBand]
    levels: list[LevelInfo]
    what_if: WhatIfWords
    resolved_actions: list[ResolvedAction]
    contacts: list[Contact]
    interpretations: Interpretations
    guidance: Guidance
    actions: Actions
    contact_notes: ContactNotes
    disabled_children_routing: DisabledChildrenRouting
    timescales: Timescales
    in_writing: InWriting
    surfaces: Surfaces
    disagreements: Disagreements
    routing: Routing
    twins: list[Twin]
    crosswalks: list[Crosswalk]
    age_entailments: list[AgeEntailment] = Field(default_factory=list)
    unborn_pointers: list[UnbornPointer] = Field(default_factory=list)
    criterion_pointers: list[CriterionPointer] = Field(default_factory=list)
    open_from_current_level: OpenFromCurrentLevel
    caf_from_current_level: CafFromCurrentLevel
    not_crosswalked: list[NotCrosswalked] = Field(default_factory=list)
    assumptions: Assumptions
    indicators: list[Indicator]
    meaningful_ages: list[MeaningfulAge] = Field(default_factory=list)
    offer_filters: list[OfferFilter] = Field(default_factory=list)
    offer_for_needs: list[OfferForNeeds] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _derived_links_are_not_given(cls, data):
        """`same_words_as` is derived from the twins block: given on an indicator it would be
        silently replaced, so it is refused (the link is stated once, in `twins`)."""
        for i, ind in enumerate(data.get("indicators") or [] if isinstance(data, dict) else []):
            if isinstance(ind, dict) and "same_words_as" in ind:
                raise ValueError(f"indicators[{i}].same_words_as: derived from the twins block; state the link there")
        return _related_contacts_derived(data) if isinstance(data, dict) else data

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
            for c in ind.related_contacts:
                if c not in contacts:
                    raise ValueError(f"{ind.id}: unknown contact {c!r}")
        below_cin = self.guidance.disabled_below_child_in_need
        if unknown := [i for i in below_cin.states_disability if i not in known]:
            raise ValueError(f"guidance.disabled_below_child_in_need.states_disability: unknown indicator {unknown[0]!r}")
        if missing := sorted(set(self.interpretations.cin_disability.states_substantial_lifelong_disability) - set(below_cin.states_disability)):
            raise ValueError(f"guidance.disabled_below_child_in_need.states_disability: {missing[0]} states a disability")
        for twin in self.twins:
            unknown = [i for i in twin.ids if i not in known]
            if unknown or len(set(twin.ids)) < 2:
                raise ValueError(f"twins.{twin.id}: needs two or more known indicators (unknown: {unknown})")
        for group in self.not_crosswalked:
            if any(i not in known for i in group.indicators):
                raise ValueError(f"not_crosswalked: unknown indicator in {group.indicators}")
        for cw in self.crosswalks:
            unknown = [i for i in cw.indicators + [cw.meets] if i not in known]
            if unknown or (cw.age_band and cw.age_band not in bands):
                raise ValueError(f"crosswalks.{cw.id}: unknown indicator or band {unknown or cw.age_band!r}")
        for ae in self.age_entailments:
            unknown = [i for i in ae.indicators + [ae.adds] if i not in known]
            if unknown or ae.subject_band not in bands:
                raise ValueError(f"age_entailments.{ae.id}: unknown indicator or band {unknown or ae.subject_band!r}")
            if not set(ae.pregnant_now) <= set(ae.indicators):
                raise ValueError(f"age_entailments.{ae.id}.pregnant_now: not among its indicators {sorted(set(ae.pregnant_now) - set(ae.indicators))}")
            if ae.term_gestation.months < ae.min_gestation.months:
                raise ValueError(f"age_entailments.{ae.id}: term_gestation shorter than min_gestation")
            try:
                by_id = {b.id: b for b in self.age_bands}
                ae.stated_why(by_id[ae.subject_band], by_id)
            except (KeyError, IndexError, ValueError) as err:
                raise ValueError(f"age_entailments.{ae.id}.why: a placeholder it cannot fill ({err})") from err
        for up in self.unborn_pointers:
            unknown = [i for i in up.indicators + [up.points_to] if i not in known]
            if unknown:
                raise ValueError(f"unborn_pointers.{up.id}: unknown indicator {unknown}")
        by_known = {i.id: i for i in self.indicators}
        for cp in self.criterion_pointers:
            unknown = [i for i in cp.indicators + [cp.points_to] if i not in known]
            if unknown:
                raise ValueError(f"criterion_pointers.{cp.id}: unknown indicator {unknown}")
            if by_known[cp.points_to].reading is None:
                raise ValueError(f"criterion_pointers.{cp.id}: points to {cp.points_to}, which declares no reading")
        for key, route in self.routing:
            if route.via not in contacts:
                raise ValueError(f"routing.{key}: unknown contact {route.via!r}")
        for key in self.in_writing.no_referral.routes:
            if key not in type(self.routing).model_fields:
                raise ValueError(f"in_writing.no_referral.routes: unknown route {key!r}")
        for level in self.in_writing.below_threshold.levels:
            if level not in {lv.value for lv in Level}:
                raise ValueError(f"in_writing.below_threshold.levels: unknown level {level!r}")
        for band in self.age.care_leaver_bands:
            if band not in bands:
                raise ValueError(f"age.care_leaver_bands: unknown band {band!r}")
        declared: dict[str, str] = {}
        for floor in self.meaningful_ages:
            for iid in floor.indicators:
                if iid not in known:
                    raise ValueError(f"meaningful_ages.{floor.id}: unknown {iid!r}")
                if iid in declared:
                    raise ValueError(f"meaningful_ages.{floor.id}: {iid!r} is also declared in {declared[iid]!r}")
                declared[iid] = floor.id
        # review 8, F2: whom a child-development need's words describe is a decision for each, never a default
        undeclared = [i.id for i in self.indicators if i.domain == "child_development" and i.id not in declared]
        if undeclared:
            raise ValueError(f"meaningful_ages: child-development indicators with no declaration of the ages their words describe: {undeclared}")
        if [lv.id for lv in self.levels] != list(Level):
            raise ValueError("levels must be listed once each, in order")
        cin_disability = self.interpretations.cin_disability
        for key in ("indicators", "with_substantial_lifelong_disability", "states_substantial_lifelong_disability"):
            for iid in getattr(cin_disability, key):
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

    def admits(self, indicator: Indicator | str, unborn: bool, age_in_months: Optional[int], parent_age_in_months: Optional[int] = None) -> bool:
        """Whether a case with this child (and parent) may have this indicator: the one answer every
        part uses (the contract's checks, the journey's pages, the call screen and its search). The
        indicator's own age band (the document's words) and the age below which its words mean nothing
        (`meaningful_ages`, this tool's reading) must both admit the child."""
        ind = self._by_id[indicator] if isinstance(indicator, str) else indicator
        if ind.age_band and not self._bands[ind.age_band].admits(unborn, age_in_months, parent_age_in_months):
            return False
        if not self.in_scope(ind, age_in_months):
            return False
        floor = self._floors.get(ind.id)  # self.floor(ind), without a second isinstance: called for every answer
        return floor is None or floor.admits(unborn, age_in_months)

    def in_scope(self, indicator: Indicator, age_in_months: Optional[int]) -> bool:
        """Whether the pathway covers this child for this need: a young person older than `age.max_years`
        is covered only as a care leaver, so only for the care-leaver needs (review 7, F6)."""
        if not self.beyond_childhood(age_in_months):
            return True
        return indicator.age_band in self.age.care_leaver_bands

    def beyond_childhood(self, age_in_months: Optional[int]) -> bool:
        """Whether an age is past the children's ages (pre-birth to `age.max_years`, read to the next
        birthday: 19y11m is still 19): covered only as a care leaver (review 7 F6, review 8 F1)."""
        return age_in_months is not None and age_in_months >= (self.age.max_years + 1) * 12

    def young_adult(self, unborn: bool, age_in_months: Optional[int]) -> bool:
        """Whether a child is a young person of 18 or 19: p4's test read for them (interpretations.
        cin_unlikely_reasonable_standard.young_adult's from_months), not yet past the children's ages.
        Protection at these ages is declared (interpretations.protection_young_adult; review 16, M2)."""
        test = self.interpretations.cin_unlikely_reasonable_standard
        return test.reading(unborn, age_in_months) is test.young_adult and not self.beyond_childhood(age_in_months)

    def young_person(
        self,
        entry: AgeEntailment,
        indicator: Optional[Indicator],
        unborn: bool,
        child_months: Optional[int],
        parent_years: Optional[int],
        months_given: bool = True,
    ) -> YoungPerson:
        """What `entry` knows of the young person's age, for one chosen need of it (None: the parent's
        age alone, which states a parenthood whatever need is chosen). `months_given`: whether the
        child's age gives the months (review 12, H3)."""
        band = self._bands[indicator.age_band] if indicator is not None and indicator.age_band else None
        return entry.young_person(
            self._bands[entry.subject_band],
            band,
            self.age.parent.min_years_at_birth * 12,
            unborn,
            child_months,
            parent_years,
            pregnant_now=indicator is not None and indicator.id in entry.pregnant_now,
            months_given=months_given,
            oldest_child_months=(self.age.max_years + 1) * 12,
        )

    def entailment_possible(
        self, entry: AgeEntailment, unborn: bool, child_months: Optional[int], parent_years: Optional[int], months_given: bool = True
    ) -> Optional[str]:
        """The ages as said where the entailment is possible, not certain (AgeEntailment.possible_at_start)."""
        return entry.possible_at_start(self._bands[entry.subject_band], unborn, child_months, parent_years, months_given=months_given)

    def entailment_why(self, entry: AgeEntailment) -> str:
        """An age entailment's `why` as a decision says it (AgeEntailment.stated_why)."""
        return entry.stated_why(self._bands[entry.subject_band], self._bands)

    def floor(self, indicator: Indicator | str) -> Optional["MeaningfulAge"]:
        """The age below which the indicator's words mean nothing, if the catalogue gives one."""
        return self._floors.get(indicator if isinstance(indicator, str) else indicator.id)

    def level(self, level: Level | str) -> LevelInfo:
        return self.levels[Level(level).rank - 1]

    def contact(self, contact_id: str) -> Contact:
        return self._contacts[contact_id]

    def has_contact(self, contact_id: str) -> bool:
        return contact_id in self._contacts

    @property
    def version(self) -> str:
        """The ruleset every decision and save carries: the edition, and for the shipped catalogue
        the fingerprint of its decisions, so a change to what the rules decide (or say) changes
        the string even where nobody bumped the edition, and a saved entry decided under other
        rules is compared with today's (webapp.cases.reopen.later_decision)."""
        decisions = self.__dict__.get("_decisions")
        edition = f"{self.ruleset.id} ({self.ruleset.version}" + (f", decisions {decisions}" if decisions else "")
        return edition + ")"

    @property
    def decisions_fingerprint(self) -> Optional[str]:
        """The recorded fingerprint of this catalogue's decisions (None for a draft or a copy)."""
        return self.__dict__.get("_decisions")

    def twins_of(self, indicator_id: str) -> list[TwinLink]:
        """The other places the document lists the same need, with what tells them apart."""
        return self._twins.get(indicator_id, [])

    def crosswalks_for(self, indicator: Indicator) -> list[Crosswalk]:
        """The immediate-referral criteria (p9) this table indicator may meet, given an age band."""
        return [
            cw for cw in self.crosswalks if indicator.id in cw.indicators or (cw.level is not None and cw.level is indicator.level and not indicator.immediate)
        ]

    def derived(self, key: str, make: Callable[[], D]) -> D:
        """`make()`, worked out once from this catalogue and kept on it as its own look-ups are
        (it is frozen, so the value cannot go stale): what another layer derives from catalogue
        data alone, such as the rules' ruleset names or prepared look-ups."""
        found = self.__dict__.get(key)
        if found is None:
            found = make()
            object.__setattr__(self, key, found)
        return found

    def model_post_init(self, _context) -> None:
        # same_words_as is derived from the twins block, so the YAML states each link once
        same: dict[str, set[str]] = {}
        for twin in self.twins:
            for iid in twin.ids:
                same.setdefault(iid, set()).update(o for o in twin.ids if o != iid)
        indicators = [i.model_copy(update={"same_words_as": sorted(same.get(i.id, ()))}) for i in self.indicators]
        object.__setattr__(self, "indicators", indicators)
        by_id = {i.id: i for i in indicators}
        links: dict[str, list[TwinLink]] = {}
        for twin in self.twins:
            for iid in twin.ids:
                links.setdefault(iid, []).extend(
                    TwinLink(group=twin.id, other=by_id[o], tells_apart=twin.tells_apart, source=twin.source) for o in twin.ids if o != iid
                )
        object.__setattr__(self, "_twins", links)
        object.__setattr__(self, "_by_id", by_id)
        object.__setattr__(self, "_bands", {b.id: b for b in self.age_bands})
        object.__setattr__(self, "_contacts", {c.id: c for c in self.contacts})
        object.__setattr__(self, "_floors", {i: f for f in self.meaningful_ages for i in f.indicators})


TwinLink.model_rebuild()

"""Needs whose words state a pregnancy or parenthood, read with the young person's age (age entailments)."""

from __future__ import annotations

from typing import NamedTuple, Optional

from pydantic import Field

from pathway.catalogue.ages import AgeBand, child_age_words, years_months
from pathway.catalogue.sources import Source, _Strict


class EntailmentAges(_Strict):
    """How a decision says the young person's age an entailment read: now ({years}); under 13 when the
    pregnancy began, by the parent's and the child's ages and the shortest pregnancy counted back from
    the birth ({parent}, {child}, {gestation}); or under 13 whichever the child is, the young person or
    the young person's child ({parent}, {child}, {gestation})."""

    now: str
    at_start: str
    either: str
    # may have been under 13 when the pregnancy began (the longest pregnancy (past term), the youngest the years
    # given allow), not certainly ({years}, {child}, {start_youngest}, {start_oldest}, {gestation}, {term};
    # review 10 H1 follow-up)
    possible: str
    # an unborn baby: under 13 when the pregnancy began if it began far enough back, up to a pregnancy of
    # the longest pregnancy ago ({years}, {parent}, {start}, {term}; fix10u)
    possible_unborn: str
    # the child assessed is the pregnant young person, 13 or more now: the pregnancy began up to the longest
    # pregnancy ago ({age}, {start}, {term}; review 12, H8)
    possible_own: str


class Gestation(_Strict):
    """A time from the start of a pregnancy to the birth, in whole months, that an entailment counts back
    from the child's birth (review 10, H1): a reading, with its why. As `min_gestation`, the shortest
    pregnancy of a baby who lives: the shorter, the less often the entailment is reached, so it must be no
    longer than any pregnancy a living child may have had. As `term_gestation`, the longest pregnancy,
    past term (overdue) included: the edge of the window where the entailment is possible, and
    guidance only asks."""

    months: int = Field(ge=0, le=10)  # 10: a pregnancy past term, counted in whole months from conception
    interpretation: bool = True
    why: str


class YoungPerson(NamedTuple):
    """What an age entailment knows of the young person's age: `inside` True (inside the subject
    band: under 13), False (outside it), None (not known here); `words`, how a decision says it;
    `possible`, with `inside` False, how a decision says that the young person may have been inside it
    when the pregnancy began (the child's own age, review 12 H8), else ""."""

    inside: Optional[bool]
    words: str = ""
    possible: str = ""


_POSSIBLE = "possible"  # a reading of the child's own age: under 13 at the start of the longest pregnancy, not now


class AgeEntailment(_Strict):
    """Needs whose words state a pregnancy or parenthood that, with the young person's age inside
    `subject_band`, entail the need `adds` (a reading)."""

    id: str
    indicators: list[str]
    subject_band: str
    adds: str
    source: Source
    interpretation: bool = True
    why: str  # {gestation_months}, {gestation_why}, and {<band id>} for each parent's band: see stated_why
    min_gestation: Gestation
    # the longest pregnancy (past term): where the parent was under 13 at its start but not certainly at the
    # shortest's, guidance says what it would mean, and the level is not raised (review 10, H1 follow-up)
    term_gestation: Gestation
    # the needs (of `indicators`) whose words state a pregnancy now: where the child assessed is the
    # pregnant young person, it began between now and `term_gestation` ago; the others state a
    # parenthood (or a maternity) whose child's age the case does not give, so her own age bounds no start
    # (review 12, H8)
    pregnant_now: list[str]
    pregnant_now_why: str
    ages: EntailmentAges
    by_parent_age: str  # the explanation where the parent's age alone states the parenthood ({age}, {adds}, {level}, {page}, {why})
    pointer: str  # added to the refusal of a parent's age (band or field) for a parent of this age

    def _certain_by_parents_age(self, limit: int, unborn: bool, child_months: Optional[int], parent_years: int) -> Optional[str]:
        """Where the young parent's age given makes them certainly at or under `limit` (in months), at
        the bound that cannot over-call (a parent of 13 is 13y0m-13y11m): 'now', or 'at_start' (of a
        pregnancy of `min_gestation`, counted back from a born child's age); else None. The one
        statement of certainty `young_person` (the entailment) and `possible_at_start` (the prompt
        where it is not certain) both read."""
        if parent_years * 12 <= limit:
            return "now"
        if not unborn and child_months is not None and parent_years * 12 + 11 - child_months - self.min_gestation.months <= limit:
            return "at_start"
        return None

    def young_person(
        self,
        subject: AgeBand,
        band: Optional[AgeBand],
        min_months_at_birth: int,
        unborn: bool,
        child_months: Optional[int],
        parent_years: Optional[int],
        *,
        pregnant_now: bool = False,
        months_given: bool = True,
        oldest_child_months: Optional[int] = None,
    ) -> YoungPerson:
        """The young person's age against the subject band (whose `max_months` is its upper limit),
        for a need with its own age band `band` (or none), whose words state a pregnancy now
        (`pregnant_now`) or a parenthood. Ages are whole years or months, so each bound is the one that
        cannot over-call: a parent of 13 is 13y0m-13y11m, a child of 8 at least 8y0m. The arithmetic is
        the catalogue's `why`. `oldest_child_months`: the oldest child the pathway covers (exclusive),
        which bounds the start where a parent's age is given and the child's is not."""
        limit = subject.max_months or 0
        ages = self.ages
        gestation = self.min_gestation.months  # the pregnancy began at least this long before the birth
        if parent_years is not None:  # the young parent's age, given
            certain = self._certain_by_parents_age(limit, unborn, child_months, parent_years)
            if certain == "now":
                return YoungPerson(True, ages.now.format(years=parent_years))
            if certain == "at_start" and child_months is not None:
                child = child_age_words(child_months, months_given)
                at_start = ages.at_start.format(parent=years_months(parent_years * 12 + 11), child=child, gestation=gestation)
                return YoungPerson(True, at_start)
            if not unborn and child_months is None and oldest_child_months is not None:
                # a child of no given age: the start is bounded only by the oldest child the pathway
                # covers (review 12, H8): asked where the parent may have been under 13 then
                if parent_years * 12 - oldest_child_months - self.term_gestation.months <= limit:
                    return YoungPerson(None)
            return YoungPerson(False)
        parents_band = band if band is not None and band.subject == "parent" else None
        if unborn:
            # the young person is this baby's parent: known only where the need's own band keeps the
            # young parent above the limit even when the pregnancy began, up to the longest pregnancy
            # ago (a teenage parent of 13 now may have been 12 then: the mutation run of review 10)
            floor = parents_band.min_months if parents_band else None
            return YoungPerson(False if floor is not None and floor - self.term_gestation.months > limit else None)
        if child_months is None:
            # a child of no given age: the pregnancy began at a time not known, so a young parent's age
            # now bounds nothing at its start (asked, never decided)
            return YoungPerson(None)
        # reading 1: the child is the young person (a young parent, or pregnant): under 13 now; else, 13
        # or more now, pregnant now: the pregnancy began up to the longest pregnancy ago, when she was
        # at least her youngest now less it (possible, not certain); a parenthood whose child's age is not
        # given: its start is not bounded (asked) (review 12, H8)
        first: Optional[bool] | str
        if child_months <= limit:
            first = True
        elif pregnant_now:
            first = _POSSIBLE if child_months - self.term_gestation.months <= limit else False
        else:
            first = None
        readings: list[Optional[bool] | str] = [first]
        # reading 2: the child is the young person's child
        if parents_band is None:
            if child_months <= limit:  # the words bound no parent's age
                readings.append(None)
        elif parents_band.min_months is None or child_months < parents_band.min_months:
            at_birth = (parents_band.max_months or 0) - child_months  # the parent at the birth, at most
            if at_birth >= min_months_at_birth:  # else a parent too young to have had the child: not a reading
                readings.append(at_birth - gestation <= limit)  # at the start of the pregnancy
        if _POSSIBLE in readings and set(readings) <= {_POSSIBLE, False}:
            start = child_months - self.term_gestation.months  # at the youngest her age allows
            words = ages.possible_own.format(age=child_age_words(child_months, months_given), start=years_months(start), term=self.term_gestation.months)
            return YoungPerson(False, possible=words)
        if None in readings or len(set(readings)) > 1:
            return YoungPerson(None)
        if not readings[0]:
            return YoungPerson(False)
        if len(readings) == 1 or parents_band is None:
            return YoungPerson(True, ages.now.format(years=child_months // 12))
        child = child_age_words(child_months, months_given)
        return YoungPerson(True, ages.either.format(child=child, parent=years_months(parents_band.max_months or 0), gestation=gestation))

    def possible_at_start(
        self, subject: AgeBand, unborn: bool, child_months: Optional[int], parent_years: Optional[int], *, months_given: bool = True
    ) -> Optional[str]:
        """Where the young parent's age is given and may have been under the subject band's limit when the
        longest pregnancy (past term, `term_gestation`) began (at the youngest the whole years given allow,
        and the child at the OLDEST its answer allows: "2 months" is up to 3, "1 year" with no months up to
        24, exclusive; review 12 H3), but not certainly (not at `min_gestation`, and not now): how a
        decision says the ages; else None. For an unborn baby the pregnancy began between now (the
        latest: certain only if the parent is under the limit now, as `young_person` reads it) and
        `term_gestation` ago (the earliest): possible where the youngest the parent's age allows was under
        the limit then. The child's own age (no parent's age) is `young_person`'s, need by need (H8)."""
        if parent_years is None:
            return None
        limit, youngest = subject.max_months or 0, parent_years * 12  # the parent now, at least
        if self._certain_by_parents_age(limit, unborn, child_months, parent_years) is not None:
            return None  # certain: the entailment itself
        if unborn:
            at_earliest_start = youngest - self.term_gestation.months
            if at_earliest_start > limit:
                return None  # not under the limit at any start
            return self.ages.possible_unborn.format(
                years=parent_years, parent=years_months(youngest), start=years_months(at_earliest_start), term=self.term_gestation.months
            )
        if child_months is None:
            return None
        oldest = youngest + 11  # the parent now, at most
        child_oldest = child_months + (1 if months_given else 12)  # exclusive: "2 months" is 2 to 3
        # the start, in whole months of the parent's age, at the youngest: the parent at the youngest less
        # the child at the oldest (exclusive, so the start is after it) less the longest pregnancy
        youngest_at_term_start = youngest - child_oldest - self.term_gestation.months
        if youngest_at_term_start > limit:
            return None  # not under the limit at the start of a term pregnancy, even at the youngest the ages allow
        return self.ages.possible.format(
            years=parent_years,
            child=child_age_words(child_months, months_given),
            start_youngest=years_months(max(youngest_at_term_start, 0)),
            start_oldest=years_months(oldest - child_months - self.term_gestation.months),
            gestation=self.min_gestation.months,
            term=self.term_gestation.months,
        )

    def first_child_months(self, subject: AgeBand, parents_band: AgeBand) -> int:
        """The youngest child whose parent, of the oldest age `parents_band` allows, was inside `subject`
        when the pregnancy began (the child's-own-age reading 2 of `young_person`)."""
        return (parents_band.max_months or 0) - self.min_gestation.months - (subject.max_months or 0)

    def stated_why(self, subject: AgeBand, bands: dict[str, AgeBand]) -> str:
        """The `why` as a decision says it: the gestation counted back and its why, and for each parent's
        band with an upper age the youngest child whose parent is known to have been under 13 when the
        pregnancy began (so the words follow the arithmetic, never a number typed twice)."""
        firsts = {b.id: years_months(self.first_child_months(subject, b)) for b in bands.values() if b.subject == "parent" and b.max_months}
        return self.why.format(gestation_months=self.min_gestation.months, gestation_why=self.min_gestation.why, **firsts)

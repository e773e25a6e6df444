"""The rules restated in plain Python, written from the document and not from rules/: the oracle
the durable-rules rulesets are checked against (tests/rules/test_properties.py,
tests/rules/test_guidance_oracle.py) and the plain-Python baseline of benchmarks/rules_speed.py.

It reads the catalogue only for data (each indicator's level, domain, age band, twins); every
condition is written out here again, so a rule that silently stops matching, or matches too
much, disagrees with it. It never decides anything for a user.
"""

from __future__ import annotations

from pathway.catalogue import Catalogue
from pathway.levels import Level, highest
from pathway.models import Case

A, E, CIN, P = Level.ADDITIONAL, Level.EXTENSIVE, Level.CHILD_IN_NEED, Level.PROTECTION

# p9 criteria reached through a table indicator (with the age where p9 names one)
TRAFFICKING = {"protection.child_victim_trafficking"}
PARENT_SUBSTANCE = {"extensive.mental_physical_health_problems", "protection.chronic_substance_misuse"}
PERSISTENT_DA = {"protection.persistent_domestic_abuse"}
# a pregnancy or parenthood of a young person under 13 is sexual activity under 13 (p17; declared
# reading): every need whose words state one (review 7, F1)
PREGNANCY = {
    "additional.pregnant_under_17",
    "extensive.pregnant_under_16",
    "extensive.teenage_parents_with_concerns",
    "extensive.pregnant_care_leavers",
    "additional.poor_maternal_health_not",
    "protection.pregnancy_where_there_have",
}
UNDER_13_MONTHS = 13 * 12
# the young parent's age as the words give it, in months: (youngest, oldest); None where unbounded.
# "under 17", "under 16" (p13-16); "teenage", 13 to 19 (declared); care leavers 16 to 25 (p15-16, declared)
PARENT_WORDS = {
    "additional.pregnant_under_17": (None, 17 * 12 - 1),
    "extensive.pregnant_under_16": (None, 16 * 12 - 1),
    "extensive.teenage_parents_with_concerns": (13 * 12, 20 * 12 - 1),
    "extensive.pregnant_care_leavers": (16 * 12, 26 * 12 - 1),
}


def young_under_13(case: Case, iid: str, youngest_at_birth: int, gestation: int):
    """True, False or None (not known): whether the young person a pregnancy need names is under 13.
    The parent's age where given (13 years is 13y0m to 13y11m), now or when the pregnancy began, at
    least `gestation` whole months before the child's birth (review 10, H1); else each way the words
    can be read (the child is the young person; the child is the young person's child, when the
    parent's words bound the parent's age and the parent was not too young at the birth) must agree."""
    parent = case.parent.age_years
    child = None if case.child.unborn else case.child.age_in_months
    low, high = PARENT_WORDS.get(iid, (None, None))
    if parent is not None:
        return parent < 13 or (child is not None and parent * 12 + 11 - child - gestation < UNDER_13_MONTHS)
    if child is None:
        return False if low is not None and low >= UNDER_13_MONTHS else None
    answers = {child < UNDER_13_MONTHS}
    if iid not in PARENT_WORDS:  # the words bound no parent's age: the child may be the young person's child
        if child < UNDER_13_MONTHS:
            answers.add(None)
    elif low is None or child < low:
        if high - child >= youngest_at_birth:
            answers.add(high - child - gestation < UNDER_13_MONTHS)
    return answers.pop() if len(answers) == 1 else None


# Protection needs whose words state significant harm suffered, or the event itself (review 6, F13):
# p9's "has suffered significant harm including physical, sexual, emotional harm or neglect"
HARM_STATED = {
    "protection.sexual_activity_under_13",
    "protection.sexual_exploitation",
    "protection.fabricated_induced_illness",
    "protection.severe_significant_developmental_delay",
    "protection.forced_marriage_under_18",
}
# Child in Need by disability (declared interpretations)
DISABILITY_WORDS = {"extensive.substantial_lifelong_disability_short_breaks", "extensive.providing_substantial_care_child"}
STATES_SUBSTANTIAL = DISABILITY_WORDS | {"protection.substantial_lifelong_disability_safeguarding"}
WITH_SUBSTANTIAL = {"extensive.inaccessible_housing_need_aids"}


def oracle_level(case: Case, catalogue: Catalogue) -> tuple[Level, bool]:
    """(level, immediate) for a case the checks accept."""
    ids = set(case.indicators)
    inds = [catalogue.indicator(i) for i in sorted(ids)]
    ctx = case.context
    months = None if case.child.unborn else case.child.age_in_months
    # a pregnancy or parenthood of a young person under 13 is sexual activity under 13 (Protection),
    # which then counts as chosen for the p9 cross-walks below
    youngest = catalogue.age.parent.min_years_at_birth * 12
    # the shortest pregnancy counted back from the birth (a parameter the partnership may change)
    [gestation] = {e.min_gestation.months for e in catalogue.age_entailments}
    pregnant_under_13 = any(young_under_13(case, i, youngest, gestation) is True for i in ids & PREGNANCY)
    # the parent's age states this child's parent: under 13 now or when the pregnancy began, whatever need is chosen
    pregnant_under_13 |= young_under_13(case, "(the parent's age)", youngest, gestation) is True and case.parent.age_years is not None
    crosswalked = ids | ({"protection.sexual_activity_under_13"} if pregnant_under_13 else set())
    immediate = any(i.immediate for i in inds)
    immediate |= bool(crosswalked & TRAFFICKING) or bool(crosswalked & PERSISTENT_DA) or bool(crosswalked & HARM_STATED)
    immediate |= months is not None and months < 12 and bool(crosswalked & PARENT_SUBSTANCE)
    immediate |= case.child.unborn and (pregnant_under_13 or any(i.level is P and not i.immediate for i in inds))
    levels = [i.level for i in inds] + ([P] if immediate or pregnant_under_13 else [])

    kept: dict[str, object] = {}
    for i in inds:
        higher_twin_chosen = any(o in ids and catalogue.indicator(o).level.rank > i.level.rank for o in i.same_words_as)
        if i.level is A and not i.immediate and not higher_twin_chosen:
            kept.setdefault(i.text.strip().lower(), i)
    additional = list(kept.values())
    caf_bad = ctx.caf == "open_not_improving"
    current = ctx.current_level.rank if ctx.current_level else 0
    # the numbers are parameters the partnership may change: read them, state the rule here
    combo = catalogue.interpretations.combination
    caf_range = catalogue.interpretations.caf_not_improving_additional.min_needs
    # a need listed twice at Additional in the same words counts in every domain the document lists it
    # under, whichever copy is chosen (the catalogue's same_words_domains: all_listed; review 8, F3)
    listed = _additional_domains_by_words(catalogue)
    domains = {d for i in additional for d in listed[i.text.strip().lower()]}
    combination = len(additional) >= combo.min_indicators and len(domains) >= combo.min_domains
    if combination:
        levels.append(E)
    # a CAF's escalations are early help's: not for a family supported at Child in Need or Protection,
    # which has a social worker (p6, p37; review 7, F9)
    if caf_bad and len(additional) >= caf_range and current < 4:
        levels.append(E)
    # p15-16's referral is the Extensive CAF's: a CAF failing at Universal or Additional steps up to
    # Extensive (p25); the current level not given, the tool takes the higher (Child in Need)
    extensive_need = any(i.level is E for i in inds)
    if caf_bad and ((extensive_need and current in (0, 3)) or current == 3 or (combination and current == 0)):
        levels.append(CIN)
    if caf_bad and extensive_need and current in (1, 2):
        levels.append(E)
    if ctx.health_development_impaired_without_services:
        levels.append(CIN)
    if ids & DISABILITY_WORDS or (ctx.disability == "substantial_lifelong" and ids & WITH_SUBSTANTIAL):
        levels.append(CIN)
    return highest(levels), immediate


def _additional_domains_by_words(catalogue: Catalogue) -> dict[str, set[str]]:
    """Each Additional need's words -> every domain the document lists those words under."""

    def make() -> dict[str, set[str]]:
        listed: dict[str, set[str]] = {}
        for i in catalogue.indicators:
            if i.level is A and not i.immediate and i.domain:
                listed.setdefault(i.text.strip().lower(), set()).add(i.domain)
        return listed

    return catalogue.derived("_oracle_additional_domains", make)


def effective_disability(case: Case) -> str:
    given = case.context.disability
    if given is None and set(case.indicators) & STATES_SUBSTANTIAL:
        return "substantial_lifelong"
    return given or "unknown"


def route_disability(case: Case) -> str:
    """What the route reads: an unborn baby's substantial disability as uncertain (the Disabled
    Children's Team serves 0-19, p23; Appendix 3's uncertainty exception, p37: audit11's reading)."""
    disability = effective_disability(case)
    return "uncertain" if case.child.unborn and disability == "substantial_lifelong" else disability


def oracle_open_case(case: Case) -> bool:
    """Open to social care: as answered; not answered, supported now at Child in Need or Protection
    (a social worker is allocated: Appendix 2 p25, Appendix 3 p37)."""
    given = case.context.open_to_social_care
    if given is not None:
        return given
    return case.context.current_level in (CIN, P)


def oracle_route(level: Level, out_of_hours: bool, disability: str, large_sibling_group: bool, open_case: bool, caller: "str | None" = None) -> str:
    """The catalogue `routing` key for where the call goes now (Appendix 2 p25; Appendix 3 p37; p23).
    A caller who is not CAF trained, for an open child in hours, rings Children and Families Direct
    (p4, p9; review 7, F2)."""
    if out_of_hours and level is P:
        return "out_of_hours"
    if out_of_hours and (level is CIN or (open_case and level.rank <= 3)):
        return "out_of_hours_social_care"
    if open_case and not out_of_hours:
        return "open_not_caf_trained" if caller in ("parent_carer", "public") else "open_to_social_care"
    if not out_of_hours and disability == "substantial_lifelong":
        if caller in ("parent_carer", "public") and level is P and not large_sibling_group:
            return "disabled_not_caf_trained"  # p4, p9: Children and Families Direct, told of the disability (review 10, H4)
        if level is P and not large_sibling_group:
            return "disabled_child_protection"
        if level is CIN:
            return "disabled_child_in_need"
    return level.value


def oracle_step(level: Level, current_rank: int, open_case: bool = False) -> str | None:
    """Step up, down or same; never 'down' from a social-care level (p5; Appendix 1, p24). An open child
    whose support is not given at a social-care level (below Child in Need, rank 4) is taken as supported
    at Child in Need or above (the declared reading, rules15): the level supported at is not known, so no
    step value (the words are step.social_care_managed's)."""
    if not current_rank or (open_case and current_rank < 4):
        return None
    if level.rank > current_rank:
        return "up"
    if level.rank == current_rank:
        return "same"
    return "down" if current_rank <= 3 else None

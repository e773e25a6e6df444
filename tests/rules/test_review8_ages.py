"""Review 8, F2: the needs of a child's own behaviour, identity, relationships and self-care, for an
unborn baby and for infants (the class of review 7 F5, meaningful ages).

Every child-development need declares, in the catalogue's `meaningful_ages`, whether its words can
describe an unborn baby and the youngest child they can describe (each entry this tool's reading, with
its why; the document gives no ages for them). The tests below hold the tool to those declarations at
every age, and hold the declarations to two independent lists: the needs that name a baby's harm
(which must never be refused for a baby) and the mis-ticks the review found (which must be).
"""

from __future__ import annotations

import pytest

from pathway import Case, CaseError
from pathway.search import default_index
from rules import evaluate
from tests.conftest import IN_HOURS

UNBORN = {"unborn": True}
# {unborn, 0y0m, 0y6m, 1y, 1y6m, 2y, ... 19y}: every floor the catalogue may declare falls on one of these
AGES = [UNBORN, {"age_years": 0, "age_months": 0}, {"age_years": 0, "age_months": 6}, {"age_years": 1, "age_months": 0}, {"age_years": 1, "age_months": 6}]
AGES += [{"age_years": y, "age_months": 0} for y in range(2, 20)] + [{"age_years": y, "age_months": 11} for y in (1, 3, 4, 9, 15)]


def months(child):
    return None if child.get("unborn") else child["age_years"] * 12 + child.get("age_months", 0)


def case(indicators, child, **context):
    return Case.parse({"child": child, "indicators": list(indicators), "context": {"contact_time": IN_HOURS, **context}})


def child_development(catalogue):
    return [i for i in catalogue.indicators if i.domain == "child_development"]


# -------------------------------------------------------------------- the declarations are complete
def test_every_child_development_need_declares_its_meaningful_ages(catalogue):
    """Not a hand list that can go stale: a child-development need with no declaration, or with two,
    is a catalogue the model refuses (see test below); here, the loaded one has each exactly once."""
    declared: dict[str, list[str]] = {}
    for entry in catalogue.meaningful_ages:
        for iid in entry.indicators:
            declared.setdefault(iid, []).append(entry.id)
    missing = [i.id for i in child_development(catalogue) if i.id not in declared]
    twice = {i: e for i, e in declared.items() if len(e) > 1}
    assert not missing and not twice, (missing, twice)
    for entry in catalogue.meaningful_ages:
        assert entry.interpretation is True and entry.why.strip()
        assert "document gives no age" in entry.why, entry.id


def test_a_catalogue_with_an_undeclared_child_development_need_is_refused():
    from pathway import yaml_load
    from pathway.catalogue import DATA_FILE, Catalogue

    data = yaml_load.load(DATA_FILE.read_text(encoding="utf-8"))
    victim = "additional.low_self_esteem"
    data["meaningful_ages"] = [{**e, "indicators": [i for i in e["indicators"] if i != victim]} for e in data["meaningful_ages"]]
    with pytest.raises(ValueError, match=victim):
        Catalogue.model_validate(data)


# -------------------------------------------------------------- every need at every age, as declared
def declared_admits(catalogue, ind, child):
    """The declaration read plainly: the need's own age band (the document's words), then its entry."""
    m = months(child)
    if ind.age_band and not catalogue.band(ind.age_band).admits(bool(child.get("unborn")), m):
        return False
    [entry] = [e for e in catalogue.meaningful_ages if ind.id in e.indicators]
    if child.get("unborn"):
        return entry.unborn
    return m >= entry.min_months and (entry.max_months is None or m <= entry.max_months)  # review 9 G1: an upper bound


@pytest.mark.parametrize("child", AGES, ids=lambda c: "unborn" if c.get("unborn") else f"{c['age_years']}y{c.get('age_months', 0)}m")
def test_every_child_development_need_at_every_age_is_admitted_exactly_as_declared(catalogue, child):
    index = default_index()
    for ind in child_development(catalogue):
        expected = declared_admits(catalogue, ind, child)
        m, unborn = months(child), bool(child.get("unborn"))
        assert catalogue.admits(ind, unborn, m) is expected, ind.id
        try:
            evaluate(case([ind.id], child))
            accepted = True
        except CaseError as err:
            accepted = False
            [e] = err.errors
            assert e.field == "indicators[0]" and ind.id in e.message
            if unborn and "meaningful_ages" in e.message:  # the hint names what describes an unborn baby's concern
                assert "parents-and-carers or family needs" in e.message and "immediate.unborn_significant_harm" in e.message, e.message
        if ind.age_band and ind.age_band in {b for b in ("pregnant_under_17",)}:
            continue  # a young parent's band: the parent's age decides, tested in test_review7_ages
        assert accepted is expected, (ind.id, child)
        # the adviser search offers exactly what the catalogue admits (it asks Catalogue.admits)
        hits = {h.id for h in index.search(ind.text, age_in_months=m, unborn=unborn, limit=50)}
        if not expected:
            assert ind.id not in hits, ind.id


# -------------------------------------------------------- safety: a baby's harm is never refused
# Needs whose words can name a baby's harm, neglect, health or development (a hand list, the oracle):
# each stays admitted from birth; the health needs a condition found before birth also for an unborn baby.
BABY_HARM = [
    "additional.not_reaching_developmental_milestones",
    "additional.concerns_about_diet_poor",
    "additional.not_accessing_appropriate_health",
    "additional.mental_health_concerns_about",
    "additional.receiving_poor_inconsistent_standards",
    "additional.not_always_adequate_self",
    "additional.dysfunctional_family_relationships_impacting",
    "additional.child_disabilities_whose_needs",
    "extensive.life_threatening_conditions",
    "extensive.chronic_recurring_health_problems",
    "extensive.serious_obesity",
    "extensive.multiple_attendance_causing_concern",
    "extensive.significant_mental_health_needs",
    "extensive.child_witnessing_experiencing_domestic",
    "extensive.children_who_go_missing",
    "extensive.risk_sexual_exploitation",
    "extensive.presents_being_neglected_persistent",
    "extensive.no_support_given_develop",
    "extensive.socially_excluded_isolated",
    "extensive.pre_school_under_stimulated",
    "extensive.substantial_lifelong_disability_short_breaks",
    "protection.substantial_lifelong_disability_safeguarding",
    "protection.severe_chronic_health_problems",
    "protection.acute_mental_physical_health",
    "protection.child_victim_trafficking",
    "protection.fabricated_induced_illness",
    "protection.sexual_exploitation",
    "protection.sexual_activity_under_13",
    "protection.frozen_watchfulness",
    "protection.severe_significant_developmental_delay",
    "protection.unaccompanied_asylum_seeker",
    "protection.socially_isolated_lacks_positive",
    "protection.alienates_self_others",
    "protection.experiences_persistent_discrimination_due",
    "protection.pregnancy_where_there_have",
]
BEFORE_BIRTH = ["extensive.life_threatening_conditions", "extensive.chronic_recurring_health_problems",
                "protection.substantial_lifelong_disability_safeguarding", "protection.severe_chronic_health_problems",
                "protection.acute_mental_physical_health", "protection.pregnancy_where_there_have"]  # fmt: skip


@pytest.mark.parametrize("iid", BABY_HARM)
def test_a_need_that_can_name_a_babys_harm_is_admitted_from_birth(catalogue, iid):
    for m in (0, 1, 6, 11):
        assert catalogue.admits(iid, False, m), (iid, m)
    assert catalogue.admits(iid, True, None) is (iid in BEFORE_BIRTH)


SELF_HARM = ["extensive.behaviour_puts_life_risk", "protection.endangers_life_through_self"]


@pytest.mark.parametrize("iid", SELF_HARM)
def test_self_harm_is_admitted_from_the_end_of_infancy_not_from_school_age(catalogue, iid):
    """A toddler can injure itself, and self-harm in a young child may signal harm: refusing it
    before 5 would turn a concern away, so it is offered from 2, the document's under-2 band (p9)."""
    for m in (24, 36, 48, 59):
        assert catalogue.admits(iid, False, m), (iid, m)
    assert not catalogue.admits(iid, False, 23)
    decision = evaluate(case([iid], {"age_years": 3}))
    assert decision.level.value in ("extensive", "protection")


# ------------------------------------------------------------------------ the review's mis-ticks
@pytest.mark.parametrize(
    "iid, child",
    [
        ("protection.significantly_low_self_esteem", UNBORN),  # m08
        ("protection.young_carer_significant_responsibilities", UNBORN),  # f2a
        ("protection.frozen_watchfulness", UNBORN),  # f2b
        ("protection.unaccompanied_asylum_seeker", UNBORN),  # f2c
        ("protection.alienates_self_others", UNBORN),  # f2f
        ("protection.causes_significant_harm_other", UNBORN),  # m06
        ("additional.experiencing_bullying", UNBORN),  # m01
        ("extensive.involved_gang_culture", UNBORN),  # m02
        ("universal.meets_developmental_milestones", UNBORN),  # u12
        ("protection.extremist_views", UNBORN),
        ("protection.subject_injunction_prevent_nuisance", {"age_years": 0, "age_months": 6}),  # m03
        ("protection.extremist_views", {"age_years": 1}),  # m05
        ("extensive.placed_custody", {"age_years": 2}),  # m04
        ("extensive.involved_gang_culture", {"age_years": 1, "age_months": 6}),  # f2e
        ("extensive.placed_custody", {"age_years": 0, "age_months": 3}),  # f2d
        ("additional.uses_substances", {"age_years": 0, "age_months": 9}),  # m07
        ("protection.significantly_low_self_esteem", {"age_years": 0, "age_months": 6}),
    ],
)
def test_the_reviews_mis_ticks_are_refused_naming_the_field_with_a_hint(iid, child):
    with pytest.raises(CaseError) as err:
        evaluate(case(["additional.lack_routine", iid], child, caf="open_not_improving", current_level="extensive"))
    [e] = err.value.errors
    assert e.field == "indicators[1]" and iid in e.message and "this tool's reading" in e.message
    assert ("parents-and-carers or family needs" in e.message) is bool(child.get("unborn"))


# ---------------------------------------------------------------- the unborn cross-walk (p9, p4)
def test_the_unborn_cross_walk_reaches_only_needs_admitted_for_an_unborn_baby(catalogue):
    """Every Protection need is either refused for an unborn baby or, admitted, is p9's unborn-baby
    criterion; the admitted ones are the parents' and family's needs and the health needs above."""
    [cw] = [c for c in catalogue.crosswalks if c.id == "unborn_protection"]
    reached = set()
    for ind in catalogue.indicators:
        if ind.level != "protection" or ind.immediate:
            continue
        admitted = catalogue.admits(ind, True, None)
        try:
            d = evaluate(case([ind.id], UNBORN))
        except CaseError:
            assert not admitted, ind.id
            continue
        assert admitted, ind.id
        unborn_baby = [r for r in d.reasons if r.rule == "immediate.crosswalk" and r.indicators == [ind.id] and "unborn baby" in r.explanation]
        assert d.immediate and unborn_baby, ind.id
        reached.add(ind.id)
    child_dev = {i for i in reached if catalogue.indicator(i).domain == "child_development"}
    assert child_dev == {i for i in BEFORE_BIRTH if i.startswith("protection.")}
    others = {i.id for i in catalogue.indicators if i.level == "protection" and not i.immediate and i.domain != "child_development"}
    assert others <= reached | {i for i in others if catalogue.indicator(i).age_band}, sorted(others - reached)

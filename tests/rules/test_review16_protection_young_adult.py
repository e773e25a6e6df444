"""Review 16 (rules), M2: Protection for a young person of 18 or 19, declared on every road.

The document's Protection is for children 'who are suffering or likely to suffer significant harm' (p4,
p17); its own words put a child under 18 ('Forced marriage of a child under 18 yrs', p17) while it covers
young people 'From pre-birth to 19 years' (p25). Review 10 H3 and review 15 L4 declared that question on
the roads to Child in Need; at 18 or 19 a p9 criterion, a cross-walk or a p17 need gave Protection as the
document's own words, with a section 47 enquiry and a child protection conference said as what follows.

Safety first: the level and the ring-now are kept (the same as at 17y11m), and every Protection reason
is declared. The oracle is the document's text (tests/data/threshold_document.txt) and the decision at
17 years 11 months, the same case a month before the 18th birthday.
"""

from __future__ import annotations

import pathlib

import pytest

from pathway import Case, load_catalogue
from pathway.levels import Level
from rules import evaluate
from rules.what_if import nearby
from tests.conftest import IN_HOURS, OUT_OF_HOURS

CAT = load_catalogue()
DOCUMENT = " ".join((pathlib.Path(__file__).resolve().parents[1] / "data" / "threshold_document.txt").read_text(encoding="utf-8").split())
CHILD, YOUNG_ADULT = (17, 11), [(18, 0), (19, 11)]
ROADS = [i.id for i in CAT.indicators if i.level is Level.PROTECTION]  # every p9 criterion and every p17 need
S47 = "referral.s47_assessment"


def _months(age: tuple[int, int]) -> int:
    return age[0] * 12 + age[1]


def _admitted(age: tuple[int, int]) -> list[str]:
    return [i for i in ROADS if CAT.admits(CAT.indicator(i), False, _months(age), None)]


def _case(age: tuple[int, int], indicators, when=IN_HOURS, **context):
    years, months = age
    body = {
        "child": {"age_years": years, "age_months": months},
        "indicators": list(indicators),
        "context": {"contact_time": when, "caller": "professional", **context},
    }
    return Case.parse(body)


def test_the_documents_child_is_under_18_its_scope_is_to_19_and_protection_is_significant_harm():
    assert "Forced marriage of a child under 18 yrs" in DOCUMENT and "From pre-birth to 19 years" in DOCUMENT
    assert "suffering or likely to suffer significant harm" in DOCUMENT
    # the roads tried below: every p9 criterion and every Protection need the catalogue admits at 18 and 19
    assert len(_admitted((18, 0))) > 40 and any(CAT.indicator(i).immediate for i in _admitted((19, 11)))


@pytest.mark.parametrize(("indicator", "age"), [(i, age) for age in YOUNG_ADULT for i in _admitted(age)])
def test_every_road_to_protection_at_18_or_19_is_declared_and_keeps_the_level_and_the_ring_now(indicator, age):
    child, adult = evaluate(_case(CHILD, [indicator])), evaluate(_case(age, [indicator]))
    # safety first: the same level, the same ring-now, the same number to ring
    assert (
        (adult.level, adult.immediate, adult.route.phone)
        == (child.level, child.immediate, child.route.phone)
        == ("protection", child.immediate, child.route.phone)
    )
    protection = [r for r in adult.reasons if r.level == "protection"]
    assert protection and indicator in {i for r in protection for i in r.indicators}
    for r in protection:
        assert r.interpretation is True, (r.rule, r.explanation)
        # the reading says why, in the document's words, and cites the pages it rests on after the reason's own
        assert "This tool's reading, for a young person of 18 or 19" in r.explanation
        assert "'Forced marriage of a child under 18 yrs'" in r.explanation and "Appendix 2, p25" in r.explanation
        assert r.source.endswith("p4, 17, 25, 37") and r.source.count(";") >= 1
    # the reason's own words are kept before the reading (what the rule said at 17y11m)
    for r in child.reasons:
        if r.level == "protection":
            assert any(a.rule == r.rule and a.explanation.startswith(r.explanation) for a in protection)


@pytest.mark.parametrize("indicator", _admitted(CHILD))
def test_at_17_years_11_months_no_reason_is_declared_for_a_young_person(indicator):
    d = evaluate(_case(CHILD, [indicator]))
    assert d.level == "protection"
    assert not any("young person of 18 or 19" in r.explanation for r in d.reasons)
    # the level's own and p9's own reasons are the document's words
    assert all(r.interpretation is False for r in d.reasons if r.rule in ("level.protection", "immediate.referral"))


@pytest.mark.parametrize("when", [IN_HOURS, OUT_OF_HOURS], ids=["in_hours", "out_of_hours"])
@pytest.mark.parametrize("indicator", ["immediate.significant_harm", "protection.severe_chronic_health_problems"])
def test_the_section_47_words_at_18_or_19_are_social_cares_decision_without_another_route(indicator, when):
    child, adult = evaluate(_case(CHILD, [indicator], when)), evaluate(_case((19, 11), [indicator], when))
    [s47_child] = [g.text for g in child.guidance if g.rule == S47]
    [s47_adult] = [g.text for g in adult.guidance if g.rule == S47]
    assert "Children's Social Care carries out a section 47 enquiry through a Children's Assessment" in s47_child
    assert "Children's Social Care carries out a section 47 enquiry" not in s47_adult
    assert "is Children's Social Care's decision" in s47_adult and "'Forced marriage of a child under 18 yrs'" in s47_adult
    lead = [a for a in adult.actions if "lead agency for child protection enquiries" in a]
    assert len(lead) == 1 and "For a young person of 18 or 19" in lead[0] and "decides whether" in lead[0]
    assert not any(a.startswith("Children's Social Care is the lead agency") for a in adult.actions)
    # no route the document does not give: no adult service named in these words
    assert all("adult" not in t.lower() for t in [s47_adult, *lead])
    # the ring-now is the same as a month before the 18th birthday (EDT out of hours)
    assert (adult.route.phone, adult.out_of_hours) == (child.route.phone, child.out_of_hours)


def test_an_unborn_baby_and_a_young_person_of_20_to_25_are_not_read_as_18_or_19():
    unborn = evaluate(Case.parse({"child": {"unborn": True}, "indicators": ["immediate.significant_harm"], "context": {"contact_time": IN_HOURS}}))
    assert not any("young person of 18 or 19" in r.explanation for r in unborn.reasons)
    assert not CAT.young_adult(False, 20 * 12) and not CAT.young_adult(True, None) and CAT.young_adult(False, 19 * 12 + 11)


def test_the_what_if_lines_reaching_protection_at_19_carry_the_declaration():
    needs = ["extensive.significant_mental_health_needs"]
    at_19 = nearby(c := _case((19, 0), needs), evaluate(c))
    at_17 = nearby(c := _case(CHILD, needs), evaluate(c))
    up_19 = [ch for ch in at_19.up if ch.level is Level.PROTECTION]
    up_17 = {ch.text: ch for ch in at_17.up if ch.level is Level.PROTECTION}
    assert up_19 and all(ch.interpretation for ch in up_19)
    # the same change a month before the 18th birthday is the document's own (a p17 need added, p17)
    plain = [ch for ch in up_19 if ch.text in up_17 and not up_17[ch.text].interpretation]
    assert plain, "some change reaching Protection at 17y11m is the document's own words"


def test_the_assessments_list_at_19_sets_the_child_protection_processes_apart_with_the_reason():
    from webapp.journey.present import offer

    processes = ["Strategy Meeting & Section 47 Enquiry", "Child Protection Conference", "Child Protection Plan"]
    assert all(p in DOCUMENT for p in ("Strategy Meeting", "Section 47 Enquiry", "Child Protection Conference", "Child Protection Plan"))
    needs = ["protection.severe_chronic_health_problems"]
    at_19 = offer(evaluate(c := _case((19, 11), needs)), c)
    at_17 = offer(evaluate(c := _case(CHILD, needs)), c)
    left = dict(at_19.left_out)
    assert set(processes) <= set(left) and all("Children's Social Care's decision" in left[p] for p in processes)
    assert not set(processes) & set(at_19.assessments)  # listed apart, never as the young person's next step
    assert set(processes) <= set(at_17.assessments) and not set(processes) & {item for item, _ in at_17.left_out}


@pytest.mark.parametrize("age", YOUNG_ADULT)
def test_at_18_or_19_only_the_protection_reasons_carry_the_protection_reading(age):
    """mut16 (declared_for_age 7): the reading is about Protection, whose 'significant harm' is a child's (p4, p17);
    every reason at another level was declared with it unnoticed. A young person of 18 or 19 with a Protection
    need and an additional need, and with additional needs alone: no reason below Protection says the reading or
    cites its pages, and each such reason says what it said at 17y11m."""
    mixed = ["protection.severe_chronic_health_problems", "additional.lack_routine"]
    for needs in (mixed, ["additional.lack_routine"]):
        adult, child = evaluate(_case(age, needs)), evaluate(_case(CHILD, needs))
        below = [r for r in adult.reasons if r.level != "protection"]
        assert below, adult.reasons
        said_at_17 = {(r.rule, r.explanation, r.source) for r in child.reasons if r.level != "protection"}
        for r in below:
            assert "young person of 18 or 19" not in r.explanation and "Forced marriage" not in r.explanation, r
            assert (r.rule, r.explanation, r.source) in said_at_17, r

"""A pregnancy or parenthood of a young person under 13 (review 6, F1): 'Sexual activity under 13' is on
the Protection table (p17), so a pregnancy at 12 reaches Protection (this tool's reading, declared), and
for an unborn baby the unborn cross-walk then makes it an immediate referral (p4, p9)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pathway import Case, CaseError
from rules import evaluate
from tests.conftest import IN_HOURS
from tests.rules.oracle import oracle_level

DOCUMENT = " ".join((Path(__file__).parents[1] / "data" / "threshold_document.txt").read_text(encoding="utf-8").split())
PREGNANT = ["additional.pregnant_under_17", "extensive.pregnant_under_16"]


def case(indicators, child, parent_years=None):
    body = {"child": child, "indicators": indicators, "context": {"contact_time": IN_HOURS}}
    if parent_years is not None:
        body["parent"] = {"age_years": parent_years}
    return Case.parse(body)


def test_the_protection_need_is_the_documents_own_words(catalogue):
    [entry] = catalogue.age_entailments
    adds = catalogue.indicator(entry.adds)
    assert adds.text in DOCUMENT and adds.text == "Sexual activity under 13" and adds.level.value == "protection"
    assert adds.source.page == "17" and entry.interpretation is True


@pytest.mark.parametrize("indicator", PREGNANT)
def test_a_pregnant_12_year_old_is_protection_declared_as_a_reading(indicator):
    """Review 6, e01: the child is 12 and pregnant. It was Additional (or Extensive). The need it
    entails counts as chosen for the cross-walks too, and 'Sexual activity under 13' states harm
    suffered (F13's cross-walk to p9): an immediate referral, as if that need had been chosen."""
    d = evaluate(case([indicator], {"age_years": 12}))
    stated = evaluate(case(["protection.sexual_activity_under_13"], {"age_years": 12}))
    assert (d.level, d.immediate) == (stated.level, stated.immediate) == ("protection", True)
    [r] = [r for r in d.reasons if r.rule == "age.entailment"]
    assert r.indicators == [indicator] and r.interpretation is True and r.source.endswith("p13-14, 15-16, 17")
    assert "'Sexual activity under 13' (Protection, p17)" in r.explanation and "(p9)" in r.explanation


@pytest.mark.parametrize("indicator", PREGNANT)
def test_the_same_as_choosing_sexual_activity_under_13_for_the_young_person(indicator):
    """The same case stated another way: the 12-year-old with the Protection need chosen directly."""
    stated = evaluate(case(["protection.sexual_activity_under_13"], {"age_years": 12}))
    assert (evaluate(case([indicator], {"age_years": 12})).level, stated.level) == ("protection", "protection")


@pytest.mark.parametrize("indicator, parent", [("extensive.pregnant_under_16", 12), ("additional.pregnant_under_17", 10)])
def test_an_unborn_baby_of_a_parent_under_13_is_an_immediate_referral_by_the_unborn_crosswalk(indicator, parent):
    """Review 6, e02 and e03: the parent's age decides; the unborn cross-walk (p4, p9) then applies."""
    d = evaluate(case([indicator], {"unborn": True}, parent))
    assert d.level == "protection" and d.immediate is True
    [xw] = [r for r in d.reasons if r.rule == "immediate.crosswalk" and "unborn baby" in r.explanation]
    assert xw.indicators == [indicator]
    assert d.actions[0].startswith("Ring Children and Families Direct now")


@pytest.mark.parametrize(
    "indicator, child, parent",
    [
        ("extensive.pregnant_under_16", {"age_years": 13}, None),  # 13: not under 13
        ("additional.pregnant_under_17", {"unborn": True}, 13),
        ("additional.pregnant_under_17", {"age_years": 0, "age_months": 9}, None),  # a baby: the parent's age not known
        # below 3y8m: 16y11m - 3y7m, less the 4 months counted back to the pregnancy's start, is 13y0m (review 10, H1)
        ("additional.pregnant_under_17", {"age_years": 3, "age_months": 7}, None),
        ("additional.pregnant_under_17", {"unborn": True}, None),
        ("additional.pregnant_under_17", {}, None),  # no age at all
    ],
)
def test_no_protection_where_the_young_person_is_not_known_to_be_under_13(indicator, child, parent):
    d = evaluate(case([indicator], child, parent))
    assert d.level in ("additional", "extensive") and not [r for r in d.reasons if r.rule == "age.entailment"]
    # the young parent's age unknown: a prompt to consider under 13, never a guess either way
    prompted = [g for g in d.guidance if g.rule == "age.entailment_age_unknown"]
    unknown = parent is None and (child.get("unborn") or "age_years" not in child or child["age_years"] * 12 + child.get("age_months", 0) < 44)
    assert bool(prompted) == bool(unknown), (child, parent)
    if prompted:
        assert "'Sexual activity under 13' (Protection, p17)" in prompted[0].text and prompted[0].source.endswith("p17, 4, 9")


@pytest.mark.parametrize("child", [{"age_years": 12}, {"age_years": 15}])
def test_no_prompt_where_the_young_persons_age_is_known(child):
    assert not [g for g in evaluate(case(["additional.pregnant_under_17"], child)).guidance if g.rule == "age.entailment_age_unknown"]


def test_a_parent_under_13_refused_by_the_teenage_band_is_pointed_to_the_protection_need():
    """Review 6, e06: still refused (a 12-year-old is not 'teenage'), now naming what does apply."""
    with pytest.raises(CaseError) as err:
        evaluate(case(["extensive.teenage_parents_with_concerns"], {"age_years": 0, "age_months": 1}, 12))
    [e] = err.value.errors
    assert e.field == "indicators[0]" and "teenage (13 to 19)" in e.message
    assert "protection.sexual_activity_under_13" in e.message and "p17" in e.message
    with pytest.raises(CaseError) as older:
        evaluate(case(["extensive.teenage_parents_with_concerns"], {"age_years": 0, "age_months": 1}, 20))
    assert "sexual_activity_under_13" not in older.value.errors[0].message


AGES = [{"unborn": True}, {}] + [{"age_years": y} for y in (0, 2, 3, 4, 8, 11, 12, 13, 15, 16)] + [{"age_years": 0, "age_months": 9}]


@pytest.mark.parametrize("indicator", PREGNANT)
def test_every_age_and_parents_age_agrees_with_the_plain_statement(catalogue, indicator):
    for child in AGES:
        for parent in (None, 9, 12, 13, 15, 16):
            c = case([indicator], child, parent)
            unborn, months = c.child.unborn, c.child.age_in_months
            if not catalogue.admits(catalogue.indicator(indicator), unborn, months, c.parent.age_in_months):
                continue
            if parent is not None and parent * 12 + 11 - (months or 0) < 10 * 12:
                # younger than 10 at the birth: refused as a mistake in an age (review 7, F1)
                with pytest.raises(CaseError, match="parent.age_years"):
                    evaluate(c)
                continue
            d = evaluate(c)
            assert (d.level, d.immediate) == oracle_level(c, catalogue), (child, parent)

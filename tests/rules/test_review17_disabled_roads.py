"""Review 17 (rules), N6: a disabled child decided below Child in Need, declared on every road.

p4: "A child is deemed as 'in need' if they are disabled"; Appendix 3 (p37): "disabled children are, at the
point of referral, deemed to be children in need under the Children's Act 1989". The tool decides by the Levels
of need tables and declared that reading only for a substantial, life-long disability answered: with a mild or
moderate one, an uncertain one, or a chosen need whose own words say the child is disabled ("Child with
disabilities ...", "their disabled child") and no answer, a disabled child was decided Universal, Additional or
Extensive and nothing said so. Now one rule covers every road, the level kept, in the road's words: for a mild
or moderate disability p37's own Duty-team sentence is the reason the tables decide. The Disabled Children's
Team (p23, p37) is still listed for a substantial, life-long disability only: no route changes.

The oracles: the document's sentences, each need's table level (p11-17) and its own words.
"""

from __future__ import annotations

import copy
import pathlib

import pytest
from pydantic import ValidationError

from pathway import Case, load_catalogue, yaml_load
from pathway.catalogue import DATA_FILE, Catalogue
from rules import evaluate
from tests.conftest import IN_HOURS, make_case
from tests.rules.oracle import STATES_SUBSTANTIAL

CAT = load_catalogue()
BELOW = CAT.guidance.disabled_below_child_in_need
RULE = "disabled_children.below_child_in_need"
DCT = "disabled_childrens_team"
DOCUMENT = " ".join((pathlib.Path(__file__).resolve().parents[1] / "data" / "threshold_document.txt").read_text(encoding="utf-8").split())
P4 = "A child is deemed as 'in need' if they are disabled"
P37 = "disabled children are, at the point of referral, deemed to be children in need under the Children's Act 1989"
P37_DUTY = (
    "Those children with mild to moderate disabilities who meet the threshold for Children's Services Social Care services should be referred to the Duty team"
)
# one need of each level below Child in Need whose words say nothing of a disability
BELOW_CIN = {"universal": "universal.access_leisure_services", "additional": "additional.lack_routine", "extensive": "extensive.serious_obesity"}
NAMES = {"universal": "Universal", "additional": "Additional", "extensive": "Extensive"}
ANSWERED = ["mild_moderate", "uncertain", "substantial_lifelong"]


def _said(d) -> list:
    return [g for g in d.guidance if g.rule == RULE]


def _states_the_childs_disability(ind) -> bool:
    """The need's own words say this child is disabled: a disability word in the child's own domain, or a
    carer's row that names 'their disabled child' or a 'child with ... disabilities'. Not a carer's own
    'learning disability' (p15-16)."""
    words = ind.text.lower()
    return "disab" in words and (ind.domain == "child_development" or "disabled child" in words or "child with" in words)


CLASS = sorted(i.id for i in CAT.indicators if _states_the_childs_disability(i))


def test_the_document_deems_a_disabled_child_in_need_and_gives_a_mild_disability_a_threshold():
    assert P4 in DOCUMENT and P37 in DOCUMENT and P37_DUTY in DOCUMENT
    assert "Child with disabilities whose needs are not met by universal support" in DOCUMENT
    assert "Child with disabilities and all needs are met by universal support" in DOCUMENT
    assert "Carer is not getting a break from the care of their disabled child" in DOCUMENT


def test_the_class_is_exactly_the_needs_whose_words_state_the_childs_disability():
    assert {"universal.child_disabilities_all_needs", "additional.child_disabilities_whose_needs", "additional.carer_not_getting_break"} <= set(CLASS)
    assert "extensive.mental_physical_health_problems" not in CLASS  # the carer's own learning disability
    assert sorted(BELOW.states_disability) == CLASS
    assert STATES_SUBSTANTIAL <= set(CLASS)


@pytest.mark.parametrize("level", sorted(BELOW_CIN))
@pytest.mark.parametrize("disability", ANSWERED)
def test_every_disability_answered_below_child_in_need_is_declared_the_level_and_route_kept(disability, level):
    need = BELOW_CIN[level]
    d = evaluate(make_case([need], disability=disability))
    plain = evaluate(make_case([need], disability="none"))
    assert d.level == plain.level == CAT.indicator(need).level.value == level  # the tables' level: no inflation
    assert [(r.rule, r.level) for r in d.reasons] == [(r.rule, r.level) for r in plain.reasons]
    assert d.route == plain.route
    [g] = _said(d)
    assert not _said(plain)
    assert g.text.startswith("This tool's reading") and "deemed 'in need' (p4)" in g.text and "(Appendix 3, p37)" in g.text
    assert f"these needs at {NAMES[level]}" in g.text and "4, 37" in g.source
    if disability == "mild_moderate":  # p37's own sentence is why the tables decide
        assert f"'{P37_DUTY}'" in g.text
    else:
        assert P37_DUTY not in g.text
    if disability == "uncertain":
        assert "not certain" in g.text and "A practitioner should consider" in g.text
    # the Disabled Children's Team (p23: a permanent and substantial disability) only for a substantial one
    added = {c.id for c in d.contacts} - {c.id for c in plain.contacts}
    assert added == ({DCT} if disability == "substantial_lifelong" else set())
    assert ("Disabled Children's Team" in g.text) == (disability == "substantial_lifelong")


@pytest.mark.parametrize("caller", ["professional", "parent_carer"])
@pytest.mark.parametrize("need", CLASS)
def test_every_need_stating_the_disability_with_no_answer_is_declared_below_child_in_need(need, caller):
    d = evaluate(make_case([need], caller=caller))
    said = _said(d)
    if d.level not in NAMES:  # a substantial, life-long disability's specialist needs: Child in Need or Protection
        assert need in STATES_SUBSTANTIAL and said == []
        return
    [g] = said
    assert d.level == CAT.indicator(need).level.value  # the tables' level
    assert "deemed 'in need' (p4)" in g.text and f"these needs at {NAMES[d.level]}" in g.text
    assert "a need chosen says the child is disabled" in g.text and "A practitioner should consider" in g.text
    assert DCT not in [c.id for c in d.contacts]


def test_the_words_only_road_reaches_universal_and_additional():
    """Not vacuous: the class has needs decided below Child in Need with no answer."""
    assert {evaluate(make_case([n])).level for n in CLASS} >= {"universal", "additional"}


@pytest.mark.parametrize("need", ["additional.child_disabilities_whose_needs", "universal.child_disabilities_all_needs", "additional.carer_not_getting_break"])
def test_no_disability_answered_beside_a_need_saying_otherwise_is_still_declared_and_an_answer_takes_its_road(need):
    """'No disability' beside words that say the child is disabled is not refused (only a substantial, life-long
    disability's words clash with it): the words' road is declared. An answer of a degree takes its own road."""
    [g] = _said(evaluate(make_case([need], disability="none")))
    assert "a need chosen says the child is disabled" in g.text
    [mild] = _said(evaluate(make_case([need], disability="mild_moderate")))
    assert P37_DUTY in mild.text


@pytest.mark.parametrize("need", sorted(BELOW_CIN.values()))
@pytest.mark.parametrize("context", [{"disability": "none"}, {}])
def test_no_disability_and_no_need_saying_one_declares_nothing(need, context):
    assert _said(evaluate(make_case([need], **context))) == []


@pytest.mark.parametrize("disability", [*ANSWERED, None])
def test_at_child_in_need_and_protection_nothing_is_declared_on_any_road(disability):
    context = {"disability": disability} if disability else {}
    for ticked, extra, level in (
        (["additional.child_disabilities_whose_needs"], {"health_development_impaired_without_services": True}, "child_in_need"),
        (["additional.child_disabilities_whose_needs", "protection.frozen_watchfulness"], {}, "protection"),
    ):
        d = evaluate(make_case(ticked, **context, **extra))
        assert d.level == level and _said(d) == [], (ticked, disability)


def test_an_unborn_babys_disability_is_on_the_uncertain_road_without_the_team():
    """An unborn baby's disability is routed as uncertain (the catalogue's assumptions.unborn_disability): its
    words are the uncertain road's, and the Disabled Children's Team (0-19, p23) is not listed."""
    d = evaluate(make_case(["additional.lack_routine"], unborn=True, disability="substantial_lifelong"))
    [g] = _said(d)
    assert d.level == "additional" and "not certain" in g.text and DCT not in [c.id for c in d.contacts]


def test_a_young_person_past_the_childrens_ages_is_on_no_road():
    """A care leaver of 20 to 25: the disability is not routed, and guidance says why (review 8, F1)."""
    d = evaluate(
        Case.parse(
            {
                "child": {"age_years": 22},
                "indicators": ["extensive.pregnant_care_leavers"],
                "context": {"contact_time": IN_HOURS, "disability": "mild_moderate"},
            }
        )
    )
    assert _said(d) == [] and "age.disability_not_routed" in [g.rule for g in d.guidance]


def test_every_road_is_a_reading_with_its_why_and_its_class_is_checked_at_load():
    for road in ("substantial_lifelong", "mild_moderate", "uncertain", "stated"):
        words = BELOW.road(road)
        assert words.interpretation and words.why and "This tool's reading" in words.text and "{level}" in words.text, road
    with open(DATA_FILE, encoding="utf-8") as fh:
        raw = yaml_load.load(fh)
    Catalogue.model_validate(copy.deepcopy(raw))
    for change, match in (
        (lambda e: e["mild_moderate"].update(interpretation=False), "the mild_moderate road keeps the tables' level"),
        # mut17 (hand mutant H17: the substantial road's own flag never checked): each road, the entry's own included
        (lambda e: e.update(interpretation=False), "the substantial_lifelong road keeps the tables' level"),
        (lambda e: e["stated"].update(interpretation=False), "the stated road keeps the tables' level"),
        (lambda e: e["states_disability"].append("additional.no_such_need"), "unknown indicator 'additional.no_such_need'"),
        (lambda e: e["states_disability"].remove("protection.substantial_lifelong_disability_safeguarding"), "states a disability"),
    ):
        bad = copy.deepcopy(raw)
        change(bad["guidance"]["disabled_below_child_in_need"])
        with pytest.raises(ValidationError, match=match):
            Catalogue.model_validate(bad)


@pytest.mark.parametrize("disability", [*ANSWERED, None])
def test_each_road_cites_its_own_pages_p23_only_where_the_team_is_listed(disability):
    """mut17 (hand mutant H3: every road cited as the substantial one): the reading cites p4 and p37 on every
    road; p23 (Key contacts, where the Disabled Children's Team is) only on the substantial road, the one that
    lists the team; the other roads keep the level of the Levels of need tables (p11-17), so cite them."""
    context = {"disability": disability} if disability else {}
    need = "additional.lack_routine" if disability else "additional.child_disabilities_whose_needs"
    d = evaluate(make_case([need], **context))
    [g] = _said(d)
    listed = DCT in [c.id for c in d.contacts]
    assert listed == (disability == "substantial_lifelong")
    assert "4, 37" in g.source
    assert ("23" in g.source) == listed and ("11-17" in g.source) == (not listed), g.source

"""The route rules' conditions are stated once (rules/guidance.py ROUTE_WHEN): the route rules fire on
them in durable-rules, and the pregnancy-under-13 prompt (review 10, H1 follow-up) reads the same
conditions in Python (`route_at`, `engine.holds`) to name whom an immediate referral of the case would
ring now. A Python twin of the route rules drifted once (review 10, H4: a caller not CAF trained was
sent to the Disabled Children's Team by the prompt after the route had moved to Children and Families
Direct). These tests hold the two together: against the engine itself for every combination, and by
changing a route rule (and, separately, the routing data) in a draft catalogue and seeing the decision's
route and the prompt move together."""

from __future__ import annotations

import copy
import itertools

import pytest
import yaml

from pathway import Case
from pathway.catalogue import DATA_FILE, Catalogue, load_catalogue
from pathway.levels import Level
from rules import engine, ensure_registered, evaluate, guidance
from tests.conftest import IN_HOURS, OUT_OF_HOURS
from tests.rules.test_guidance_oracle import _fact

CAT = load_catalogue()
PROMPT = "age.entailment_pregnancy_start_possible"
CALLERS = ["professional", "parent_carer", "public", "unknown"]
DISABILITY = ["none", "mild_moderate", "substantial_lifelong", "uncertain", "unknown"]
# what the route reads: level, office hours, caller, disability, sibling group, open case
COMBINATIONS = list(itertools.product(Level, [False, True], CALLERS, DISABILITY, [False, True], [False, True]))


@pytest.fixture(autouse=True, scope="module")
def _registered():
    ensure_registered()


def engine_route(fact) -> str:
    [key] = [f["key"] for f in engine.run(guidance.NAME, [fact]) if f["type"] == "route"]
    return key


def test_the_conditions_read_in_python_give_the_route_the_engine_gives_for_every_combination():
    """engine.holds reads durable-rules' conditions as the C engine does, for every route."""
    conditions = guidance.route_conditions(guidance.ROUTE_WHEN)
    seen = set()
    for level, ooh, caller, disability, sibling, open_case in COMBINATIONS:
        fact = _fact(level, False, ooh, caller, disability, "unknown", 0, sibling, open_case)
        key = engine_route(fact)
        assert guidance.route_at(fact, level, conditions) == key, (level, ooh, caller, disability, sibling, open_case)
        seen.add(key)
    assert seen == {key for key, _ in CAT.routing}, "every route was reached"


def test_the_prompt_names_the_contact_of_the_route_the_engine_gives_the_same_case_at_protection():
    """For every combination below Protection: the prompt's 'ring X now' is the route the guidance
    ruleset itself gives the same fact at Protection (not a reading of it)."""
    checked = 0
    for level, ooh, caller, disability, sibling, open_case in COMBINATIONS:
        if level is Level.PROTECTION:
            continue
        probable = {"age_entailment_possible": ["the ages"], "age_entailment_possible_count": 1}
        fact = _fact(level, False, ooh, caller, disability, "unknown", 0, sibling, open_case, **probable)
        [g] = [f for f in engine.run(guidance.NAME, [fact]) if f.get("rule") == PROMPT]
        at_protection = _fact(Level.PROTECTION, False, ooh, caller, disability, "unknown", 0, sibling, open_case)
        via = CAT.contact(CAT.routing[engine_route(at_protection)].via)
        phone = f" on {via.phone}" if via.phone else ""
        assert f"If it did, ring {via.named_in_a_sentence()} now{phone}:" in g["text"], (level, ooh, caller, disability, sibling, open_case)
        checked += 1
    assert checked == 4 * 2 * 4 * 5 * 2 * 2


def _draft(version: str, change=None) -> Catalogue:
    data = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))
    changed = copy.deepcopy(data)
    changed["ruleset"]["version"] = version  # its own ruleset names (rules.evaluate.ruleset_names)
    if change:
        change(changed)
    return Catalogue.model_validate(changed)


def _pair(catalogue: Catalogue, caller: str, when: str = IN_HOURS):
    """A Protection decision and a Universal decision with the prompt, of one disabled newborn and a
    parent of 13 (who may have been under 13 at the pregnancy's start), as the given caller."""

    def decide(indicator):
        body = {
            "child": {"age_years": 0, "age_months": 0},
            "parent": {"age_years": 13},
            "indicators": [indicator],
            "context": {"contact_time": when, "caller": caller, "disability": "substantial_lifelong", "large_sibling_group": False},
        }
        return evaluate(Case.parse(body), catalogue=catalogue)

    protection, universal = decide("immediate.unexplained_injuries"), decide("universal.physically_well")
    assert (protection.level, universal.level) == (Level.PROTECTION, Level.UNIVERSAL)
    [prompt] = [g.text for g in universal.guidance if g.rule == PROMPT]
    return protection, prompt


def _rings(prompt: str, name: str, phone: str) -> bool:
    return f"ring {name} now on {phone}:" in prompt


DCT, CFD = "0115 883 8266", "0115 876 4800"


def test_a_changed_route_rule_moves_the_decision_and_the_prompt_together(monkeypatch):
    """Swap which caller the two disabled-child-protection route rules take (as if a release changed
    one): the Protection decision's route and the prompt's contact move together."""
    for caller, phone in (("professional", DCT), ("public", CFD)):  # the shipped rules (Appendix 3 p37; H4)
        protection, prompt = _pair(CAT, caller)
        assert protection.route.phone == phone and _rings(prompt, protection.route.via if phone == CFD else "the Disabled Children's Team", phone)
    swapped = dict(guidance.ROUTE_WHEN)
    swapped["disabled_child_protection"], swapped["disabled_not_caf_trained"] = (
        guidance.ROUTE_WHEN["disabled_not_caf_trained"],
        guidance.ROUTE_WHEN["disabled_child_protection"],
    )
    monkeypatch.setattr(guidance, "ROUTE_WHEN", swapped)
    draft = _draft("route-rule-swapped-test")
    for caller, phone in (("professional", CFD), ("public", DCT)):
        protection, prompt = _pair(draft, caller)
        assert protection.route.phone == phone, caller
        assert f"now on {phone}:" in prompt, (caller, prompt)


def test_changed_routing_data_moves_the_decision_and_the_prompt_together():
    """The routing block names whom each route rings: pointing the disabled child protection route at
    the Emergency Duty Team (as a draft might) moves both, in hours."""

    def point_at_edt(data):
        data["routing"]["disabled_child_protection"]["via"] = "emergency_duty_team"

    draft = _draft("route-data-changed-test", point_at_edt)
    edt = draft.contact("emergency_duty_team")
    protection, prompt = _pair(draft, "professional")
    assert protection.route.phone == edt.phone
    assert _rings(prompt, edt.named_in_a_sentence(), edt.phone), prompt
    # out of hours the route is the Emergency Duty Team's in any case
    protection, prompt = _pair(CAT, "professional", OUT_OF_HOURS)
    assert protection.route.phone == CAT.contact("emergency_duty_team").phone and f"now on {protection.route.phone}:" in prompt


def test_holds_refuses_what_it_does_not_read():
    """A condition beyond and/or/comparisons with a constant, or a fact without an attribute read, is
    refused rather than guessed at (the C engine's own semantics are not restated for them)."""
    assert engine.holds({"$and": [{"kind": "decision"}, {"$lte": {"level_rank": 3}}]}, {"kind": "decision", "level_rank": 3})
    assert not engine.holds({"$or": [{"kind": "other"}, {"$neq": {"caller": "public"}}]}, {"kind": "decision", "caller": "public"})
    for condition, fact in (
        ({"$mt": {"caller": "pub.*"}}, {"caller": "public"}),  # a regular expression
        ({"$lte": {"level_rank": {"$m": "current_rank"}}}, {"level_rank": 1, "current_rank": 2}),  # another attribute
        ({"kind": "decision"}, {}),  # the attribute missing
        ({"kind": "decision", "level": "universal"}, {"kind": "decision", "level": "universal"}),  # two at once
    ):
        with pytest.raises(engine.RulesError):
            engine.holds(condition, fact)

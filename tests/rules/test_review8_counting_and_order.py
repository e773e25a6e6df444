"""Review 8 (rules) F3, F4, F5, F6 and n01: each tested over its whole class, by enumeration.

F3: a need the document lists twice in the same words at the same level is one need, whichever box is
ticked (or both), counted in every domain the document lists it under (catalogue
`interpretations.combination.same_words_domains`). F4: beside an immediate referral, every other step
comes after the call. F5: a step up from Universal is not sent to Appendix 1 undeclared. F6: one reason
per rule. n01: a CAF open at a social-care level is named as a contradiction, whatever its progress.
"""

from __future__ import annotations

import itertools
import random
from collections import defaultdict

import pytest

from pathway import Case
from pathway.catalogue import load_catalogue
from pathway.levels import Level
from pathway.models import CaseError
from rules import evaluate
from rules.what_if import nearby
from tests.conftest import IN_HOURS, OUT_OF_HOURS, make_case

CAT = load_catalogue()
COMBO = CAT.interpretations.combination
SPECIAL = {*CAT.interpretations.cin_disability.indicators, *CAT.interpretations.cin_disability.with_substantial_lifelong_disability}


def _same_words_groups() -> list[list]:
    """Every need listed more than once in the same words at the same level (read from the words here,
    not from rules/)."""
    by_words = defaultdict(list)
    for ind in CAT.indicators:
        if not ind.immediate:
            by_words[(ind.text.strip().lower(), ind.level)].append(ind)
    return [g for g in by_words.values() if len(g) > 1]


SAME_WORDS = _same_words_groups()


def _plain_additional(age: int) -> dict[str, list]:
    """Additional needs of no twin group, cross-walk, entailment or disability reading, per domain."""
    out = defaultdict(list)
    for ind in CAT.indicators:
        if ind.level is not Level.ADDITIONAL or ind.immediate or ind.same_words_as or ind.id in SPECIAL:
            continue
        if CAT.crosswalks_for(ind) or any(ind.id in e.indicators for e in CAT.age_entailments):
            continue
        if CAT.admits(ind, False, age * 12):
            out[ind.domain].append(ind)
    return out


def _bases(age: int) -> list[list]:
    plain = _plain_additional(age)
    domains = sorted(plain)
    bases = [[]]
    for d in domains:
        bases += [plain[d][:1], plain[d][:2], plain[d][:3]]
    for d1, d2 in itertools.permutations(domains, 2):
        bases += [plain[d1][:2] + plain[d2][:1], plain[d1][:1] + plain[d2][:1]]
    bases.append([plain[d][0] for d in domains])
    return bases


def _levels(what_if) -> tuple:
    return tuple(sorted(c.level.value for c in what_if.up)), tuple(sorted(c.level.value for c in what_if.down))


def test_the_catalogue_has_a_same_words_need_to_test():
    assert SAME_WORDS, "no need is listed twice in the same words: this test's class is empty"
    assert any(g[0].text.strip().lower() == "young carers" for g in SAME_WORDS)


@pytest.mark.parametrize("group", SAME_WORDS, ids=[g[0].id for g in SAME_WORDS])
@pytest.mark.parametrize("context", [{}, {"caf": "open_not_improving"}, {"caf": "open_not_improving", "current_level": "additional"}])
def test_ticking_the_other_copy_or_both_never_changes_the_level_or_the_what_if(group, context):
    age = 12
    ways = [[i] for i in group] + [list(group)]
    checked = 0
    for base in _bases(age):
        seen = set()
        for way in ways:
            ids = [i.id for i in base] + [i.id for i in way]
            d = evaluate(make_case(ids, age_years=age, **context))
            seen.add((d.level, _levels(nearby(make_case(ids, age_years=age, **context), d))))
        assert len(seen) == 1, (base, seen)
        checked += 1
        if not context:
            # the arithmetic of the declared reading: one need, in every domain the document lists it under
            count = len(base) + 1
            domains = {i.domain for i in base} | {i.domain for i in group}
            want = "extensive" if count >= COMBO.min_indicators and len(domains) >= COMBO.min_domains else group[0].level.value
            assert seen.pop()[0] == want, (base, want)
    assert checked > 10


def test_the_combination_rule_says_what_counts_for_twins_in_same_and_different_words():
    why = COMBO.why.lower()
    assert "same words" in why and "different words" in why
    assert COMBO.same_words_domains == "all_listed"


# --- F4: beside an immediate referral, every other step comes after the call ------------------------

AFTER = CAT.guidance.after_the_call


def _immediate_cases(n: int):
    rng = random.Random(8)
    needs = [
        ["immediate.allegation_or_disclosure"],
        ["protection.sexual_exploitation"],
        ["immediate.allegation_or_disclosure", "additional.young_carers_child", "extensive.young_carers"],
        ["protection.child_victim_trafficking", "additional.low_self_esteem"],
        ["immediate.allegation_or_disclosure", "protection.substantial_lifelong_disability_safeguarding"],
        ["immediate.allegation_or_disclosure", "additional.substance_misuse_impact_ability"],
    ]
    choices = {
        "consent_to_early_help": [None, False, True],
        "current_level": [None, "universal", "additional", "extensive", "child_in_need", "protection"],
        "caf": [None, "none", "open_improving", "open_not_improving"],
        "caller": [None, "professional", "parent_carer", "public"],
        "open_to_social_care": [None, True, False],
        "disability": [None, "substantial_lifelong", "mild_moderate", "uncertain", "none"],
        "large_sibling_group": [None, True],
        "contact_time": [None, OUT_OF_HOURS],
    }
    for _ in range(n):
        context = {k: rng.choice(v) for k, v in choices.items()}
        context = {k: v for k, v in context.items() if v is not None}
        age = rng.choice([0, 3, 9, 14])
        yield rng.choice(needs), age, context


def _after_call_ok(text: str) -> bool:
    return text.startswith(AFTER.text)


def test_beside_a_ring_now_every_other_action_and_guidance_item_comes_after_the_call():
    exempt_rules = set(AFTER.not_prefixed.guidance)
    exempt_actions = tuple(AFTER.not_prefixed.actions)
    rules_seen: set[str] = set()
    decided = 0
    for needs, age, context in _immediate_cases(700):
        try:
            d = evaluate(make_case(needs, age_years=age, **context))
        except CaseError:
            continue
        decided += 1
        assert d.immediate
        assert d.actions[0].startswith("Ring ")
        for a in d.actions[1:]:
            assert _after_call_ok(a) or a.startswith(exempt_actions), (context, a)
        for g in d.guidance:
            rules_seen.add(g.rule)
            exempt = g.rule in exempt_rules or any(g.rule.startswith(p) for p in exempt_rules if p.endswith("."))
            assert _after_call_ok(g.text) or exempt, (context, g.rule, g.text)
            assert g.text.count(AFTER.text) <= 1, g.text
    assert decided > 300
    # the enumeration reached the items review 8 F4 named and their neighbours
    for rule in ("consent.social_care", "context.caf_at_social_care_level", "context.extensive_without_caf", "referral.confirm_in_writing", "step.up"):
        assert rule in rules_seen, rule
    assert any(r.startswith("twins.") for r in rules_seen)


def test_the_after_call_exemptions_name_only_rules_and_actions_that_exist():
    guidance_rules = _all_guidance_rules()
    for rule in AFTER.not_prefixed.guidance:
        assert rule in guidance_rules or any(r.startswith(rule) for r in guidance_rules if rule.endswith(".")), rule
    assert AFTER.why


def _all_guidance_rules() -> set[str]:
    rng = random.Random(3)
    seen = set()
    pool = [i.id for i in CAT.indicators]
    for _ in range(400):
        context = {
            "current_level": rng.choice([None, "universal", "additional", "extensive", "child_in_need", "protection"]),
            "caf": rng.choice([None, "none", "open_improving", "open_not_improving"]),
            "caller": rng.choice([None, "professional", "public"]),
            "open_to_social_care": rng.choice([None, True]),
            "disability": rng.choice([None, "substantial_lifelong", "mild_moderate", "uncertain"]),
            "consent_to_early_help": rng.choice([None, False]),
        }
        try:
            d = evaluate(make_case(rng.sample(pool, rng.randint(0, 4)), **{k: v for k, v in context.items() if v is not None}))
        except CaseError:
            continue
        seen |= {g.rule for g in d.guidance}
    # an age not given, which the sample above never leaves out: the under-1 cross-walk's words (p9)
    seen |= {g.rule for g in evaluate(make_case(["protection.chronic_substance_misuse"], age_years=None)).guidance}
    # a young parent probably, not certainly, under 13 when the pregnancy began (review 10, H1 follow-up)
    probable = {"child": {"age_years": 0, "age_months": 5}, "parent": {"age_years": 13}, "indicators": ["immediate.allegation_or_disclosure"]}
    seen |= {g.rule for g in evaluate(Case.parse({**probable, "context": {"contact_time": IN_HOURS}})).guidance}
    return seen


def test_consent_beside_a_ring_now_says_after_the_call_in_hours_and_at_night():
    for when in ({}, {"contact_time": OUT_OF_HOURS}):
        d = evaluate(make_case(["immediate.allegation_or_disclosure"], age_years=9, consent_to_early_help=False, caller="professional", **when))
        [g] = [g for g in d.guidance if g.rule == "consent.social_care"]
        assert g.text.startswith("After the call:")
    # not immediate: p37's order (seek agreement first, unless that raises the risk) stands as it is
    d = evaluate(make_case(["protection.frozen_watchfulness"], consent_to_early_help=False))
    assert not d.immediate
    assert next(g for g in d.guidance if g.rule == "consent.social_care").text.startswith("Seek the family's agreement")


# --- F5: the step for every (current level, decided level) pair ----------------------------------

DECIDED = {
    "universal": (["universal.child_disabilities_all_needs"], {}),
    "additional": (["additional.lack_routine"], {}),
    "extensive": (["extensive.serious_obesity"], {}),
    "child_in_need": (["additional.lack_routine"], {"health_development_impaired_without_services": True}),
    "protection": (["protection.frozen_watchfulness"], {}),
}
APPENDIX_1 = "Follow the step-up process (Appendix 1"


@pytest.mark.parametrize("current", [lv.value for lv in Level])
@pytest.mark.parametrize("decided", list(DECIDED))
def test_appendix_1_is_followed_only_for_a_move_from_a_caf_to_social_care(current, decided):
    needs, extra = DECIDED[decided]
    caf = "none" if current == "universal" else "open_improving"
    d = evaluate(make_case(needs, current_level=current, caf=caf, **extra))
    assert d.level == decided
    steps = [g for g in d.guidance if g.rule.startswith("step.")]
    assert len(steps) <= 1
    text = steps[0].text if steps else ""
    cur, dec = Level(current).rank, Level(decided).rank
    # p4: Appendix 1 is for moves "between a CAF and Social Care threshold" (p5: Extensive/Additional to Protection)
    assert (APPENDIX_1 in text) == (cur in (2, 3) and dec >= 4), text
    if cur == 1 and dec >= 4:
        assert "This tool's reading" in text and "no CAF" in text
        assert "Appendix 1" in text  # says why Appendix 1 is not the step here


# --- F6: one reason per rule ---------------------------------------------------------------------

# reasons of one rule that name different things: each p9 criterion met, each age entailment met
PER_CRITERION = {CAT.interpretations.crosswalk.rule, CAT.interpretations.age_entailment.rule}


def test_no_decision_gives_one_rule_as_two_reasons():
    rng = random.Random(6)
    pool = [i.id for i in CAT.indicators if not i.immediate]
    extensive = [i.id for i in CAT.indicators if i.level is Level.EXTENSIVE]
    cases = []
    for current, caf, impaired, disability in itertools.product(
        [None, "universal", "additional", "extensive", "child_in_need", "protection"],
        [None, "none", "open_improving", "open_not_improving"],
        [None, True],
        [None, "substantial_lifelong"],
    ):
        given = {"current_level": current, "caf": caf, "health_development_impaired_without_services": impaired, "disability": disability}
        ctx = {k: v for k, v in given.items() if v}
        for _ in range(6):
            cases.append((rng.sample(pool, rng.randint(0, 6)) + rng.sample(extensive, rng.randint(0, 2)), ctx))
        cases.append((["extensive.substantial_lifelong_disability_short_breaks", "extensive.inaccessible_housing_need_aids"], ctx))
        combination = ["additional.lack_routine", "additional.low_self_esteem", "additional.poor_sense_self", "additional.stress_factors_poor_housing"]
        cases.append((["extensive.serious_obesity", *combination], ctx))
        cases.append((combination, ctx))
    decided = 0
    for ids, ctx in cases:
        try:
            d = evaluate(make_case(sorted(set(ids)), age_years=10, **ctx))
        except CaseError:
            continue
        decided += 1
        rules = [r.rule for r in d.reasons if r.rule not in PER_CRITERION]
        assert len(rules) == len(set(rules)), (ids, ctx, rules)
    assert decided > 300


def test_extensive_with_a_failing_caf_gives_the_supported_at_extensive_reason_once():
    d = evaluate(make_case(["extensive.serious_obesity"], age_years=9, caf="open_not_improving", current_level="extensive"))
    [r] = [r for r in d.reasons if r.rule == "child_in_need.caf_not_improving"]
    assert "supported at Extensive" in r.explanation and r.indicators == ["extensive.serious_obesity"]


# --- n01: a CAF open at a social-care level, whatever its progress --------------------------------


@pytest.mark.parametrize("current", ["child_in_need", "protection"])
@pytest.mark.parametrize("caf", ["open_improving", "open_not_improving"])
@pytest.mark.parametrize("needs", [["extensive.serious_obesity"], ["additional.lack_routine"], ["protection.frozen_watchfulness"]])
def test_a_caf_open_at_a_social_care_level_is_named_and_its_team_steps_are_not_listed(current, caf, needs):
    d = evaluate(make_case(needs, age_years=6, caf=caf, current_level=current))
    [g] = [g for g in d.guidance if g.rule == "context.caf_at_social_care_level"]
    assert "not to be used for children in need where there are significant or immediate child protection concerns (p6)" in g.text
    assert ("not improving" in g.text) == (caf == "open_not_improving")
    caf_steps = ("Form a Team around the Child", "Allocate a Lead Professional", "Consider a Team around the Child", "Consider a Lead Professional")
    for own in (*caf_steps, "Create an extensive or additional CAF plan", "Hold regular review meetings"):
        assert not any(a.startswith(own) for a in d.actions), (own, d.actions)


def test_no_caf_at_a_social_care_level_is_no_contradiction():
    d = evaluate(make_case(["extensive.serious_obesity"], age_years=6, caf="none", current_level="protection"))
    assert "context.caf_at_social_care_level" not in {g.rule for g in d.guidance}


# Review 8 recheck, R6: Appendix 1 is for moves "between a CAF and Social Care threshold" (p4), so the step
# up to a social-care level depends on whether a CAF is open, as answered: said open, Appendix 1 (from any
# level below the threshold); said none, the referral is the step (declared, as F5's reading from Universal
# is); not said, a family supported at Additional or Extensive is read as having one (the CAF threshold, p4).
CAF_ANSWERS = [None, "none", "open_improving", "open_not_improving"]


@pytest.mark.parametrize("current", [None, *(lv.value for lv in Level)])
@pytest.mark.parametrize("caf", CAF_ANSWERS)
@pytest.mark.parametrize("decided", list(DECIDED))
def test_appendix_1_is_followed_only_where_a_caf_is_open(current, caf, decided):
    needs, extra = DECIDED[decided]
    context = {k: v for k, v in (("current_level", current), ("caf", caf)) if v is not None}
    d = evaluate(make_case(needs, **context, **extra))
    steps = [g for g in d.guidance if g.rule.startswith("step.")]
    assert len(steps) <= 1
    text = steps[0].text if steps else ""
    cur, dec = Level(current).rank if current else 0, d.level.rank  # a failing CAF may raise the level: the decision's own
    caf_open = caf in ("open_improving", "open_not_improving") or (caf is None and cur in (2, 3))
    assert (APPENDIX_1 in text) == (1 <= cur <= 3 and dec >= 4 and caf_open), (d.level, text)
    if 1 <= cur <= 3 and dec >= 4 and not caf_open:
        assert "This tool's reading" in text and "no CAF" in text and "the referral above is the step" in text, text


# The referral itself, beside a ring-now: the document's words for whom it goes to are the call, made
# without delay (p9), to the allocated social worker for an open child (Appendix 3, p37), to the
# Disabled Children's Team or the Duty team for a disabled child (p23, p37). A hand list, not the
# catalogue's `not_prefixed`: each item the call itself, never put "After the call:" (mutation testing
# of review 8: the exemption or-ed, negated or its prefix match broken went unnoticed, since the test
# above accepts an item prefixed or exempt).
THE_CALL_GUIDANCE = {
    "open_to_social_care": "route.open_to_social_care",
    "caller_public_open": "route.open_to_social_care_not_caf_trained",
    "disability": "disabled_children.dct",
    "sibling_group": "disabled_children.large_sibling_group",
    "related_contact": "contact.disabled_childrens_team",
}
THE_CALL_CASES = {
    "open_to_social_care": ({"open_to_social_care": True}, ["immediate.allegation_or_disclosure"]),
    "caller_public_open": ({"open_to_social_care": True, "caller": "public"}, ["immediate.allegation_or_disclosure"]),
    "disability": ({"disability": "substantial_lifelong"}, ["immediate.allegation_or_disclosure"]),
    "sibling_group": ({"disability": "substantial_lifelong", "large_sibling_group": True}, ["immediate.allegation_or_disclosure"]),
    "related_contact": ({}, ["immediate.allegation_or_disclosure", "protection.substantial_lifelong_disability_safeguarding"]),
}


@pytest.mark.parametrize("key", sorted(THE_CALL_CASES))
@pytest.mark.parametrize("when", [None, OUT_OF_HOURS])
def test_beside_a_ring_now_the_referral_itself_is_not_put_after_the_call(key, when):
    context, needs = THE_CALL_CASES[key]
    d = evaluate(make_case(needs, age_years=9, **context, **({"contact_time": when} if when else {})))
    assert d.immediate and d.actions[0].startswith("Ring ")
    # the level's referral, "without delay" (p9), second: never after the call
    assert "refer to Children's Social Care" in d.actions[1].replace("Refer", "refer") and "without delay" in d.actions[1].lower()
    assert not d.actions[1].startswith(AFTER.text), d.actions[1]
    assert len(set(d.actions)) == len(d.actions), d.actions  # the referral said once, not again after the call
    # an open child's referral to the allocated social worker (p37) is the call too
    if context.get("open_to_social_care"):
        assert any(a.startswith("The child is already open to Children's Social Care") for a in d.actions), d.actions
    assert not any(a.startswith(f"{AFTER.text} The child is already open") for a in d.actions), d.actions
    rule = THE_CALL_GUIDANCE[key]
    [item] = [g for g in d.guidance if g.rule == rule]
    assert not item.text.startswith(AFTER.text), item.text
    # and everything else still comes after the call (the neighbour this must not weaken)
    assert all(g.text.startswith(AFTER.text) for g in d.guidance if not g.rule.startswith(("route.", "disabled_children.", "contact.disabled")))

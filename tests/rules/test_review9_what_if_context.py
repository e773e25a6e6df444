"""Review 9, G3: when Child in Need rested on the practitioner's p4 judgement, "What would change the level"
never offered withdrawing it, and said "No single change to these answers would change the level", which
was false: without the judgement the level is lower.

The oracle is independent of `nearby`: every context answer the contract takes is flipped, one at a time,
to each of its values, and the changed case is decided again with `evaluate`. Where one flip moves the
level (above the support the family has now, or below the level), "no single change" must not be said.
"""

from __future__ import annotations

import json
import warnings

import pytest

from pathway import Case, CaseError, load_catalogue
from pathway.choices import CafStatus, Caller, Disability
from pathway.levels import Level
from rules import evaluate
from rules.what_if import nearby
from tests.conftest import IN_HOURS, OUT_OF_HOURS

CAT = load_catalogue()
JUDGEMENT = "health_development_impaired_without_services"

# every context answer the contract takes, with every value (None: not answered)
FLIPS = {
    "caf": [None, *(c.value for c in CafStatus)],
    "consent_to_early_help": [None, True, False],
    "disability": [None, *(d.value for d in Disability)],
    "large_sibling_group": [None, True, False],
    "current_level": [None, *(lv.value for lv in Level)],
    "contact_time": [IN_HOURS, OUT_OF_HOURS],
    "caller": [None, *(c.value for c in Caller)],
    "open_to_social_care": [None, True, False],
    JUDGEMENT: [None, True, False],
}


def test_the_flips_are_every_context_answer_the_contract_takes():
    from pathway.models import Context

    assert set(FLIPS) == set(Context.model_fields)


def _parse(raw):
    try:
        return Case.parse(raw)
    except CaseError:
        return None


def _decide(case):
    try:
        return evaluate(case)
    except CaseError:
        return None


def _raw(indicators, child, **context):
    return {"child": child, "indicators": list(indicators), "context": {"contact_time": IN_HOURS, **context}}


def _support_rank(case: Case) -> int:
    """The support the family has now, read plainly from the answers (the catalogue's `support_now` order)."""
    ctx = case.context
    if ctx.current_level is not None and Level(ctx.current_level).rank >= Level.CHILD_IN_NEED.rank:
        return Level(ctx.current_level).rank
    if ctx.open_to_social_care or (CAT.open_from_current_level.is_open(ctx)):
        return Level.CHILD_IN_NEED.rank
    if ctx.current_level is not None:
        return Level(ctx.current_level).rank
    if ctx.caf in ("open_improving", "open_not_improving"):
        return Level.ADDITIONAL.rank
    return 0


def _flips(raw):
    for field, values in FLIPS.items():
        for value in values:
            if raw["context"].get(field) == value:
                continue
            changed = json.loads(json.dumps(raw))
            changed["context"][field] = value
            yield f"{field}={value}", {**changed, "context": {k: v for k, v in changed["context"].items() if v is not None}}


def _bases():
    """One need at a time (every admitted non-immediate need at 9, and at 17 for the school-leaving
    ages), and no need at all, each with the context answers that reach a level or the support now."""
    contexts = [
        {},
        {JUDGEMENT: True},
        {JUDGEMENT: False},
        {"caf": "open_not_improving"},
        {"caf": "open_improving", JUDGEMENT: True},
        {"disability": "substantial_lifelong"},
        {"disability": "substantial_lifelong", JUDGEMENT: True},
        {"current_level": "child_in_need", JUDGEMENT: True},
        {"current_level": "extensive"},
    ]
    needs = [i.id for i in CAT.indicators if not i.immediate]
    for child in ({"age_years": 9}, {"unborn": True}):
        for context in contexts:
            yield _raw([], child, **context)
            for need in needs:
                yield _raw([need], child, **context)


def _claims_nothing():
    out = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for raw in _bases():
            case = _parse(raw)
            if case is None:
                continue
            decision = _decide(case)
            if decision is None or decision.immediate:
                continue
            w = nearby(case, decision)
            if w.nothing:
                out.append((raw, case, decision, w))
    return out


CLAIMS = None


def claims():
    global CLAIMS
    if CLAIMS is None:
        CLAIMS = _claims_nothing()
    return CLAIMS


def test_no_single_change_is_never_said_when_one_context_flip_moves_the_level():
    wrong, checked = [], 0
    for raw, case, decision, w in claims():
        level, floor = Level(decision.level), _support_rank(case)
        for label, changed in _flips(raw):
            other = _parse(changed)
            d2 = _decide(other) if other else None
            if d2 is None:
                continue
            checked += 1
            moved = Level(d2.level)
            if moved.rank < level.rank or moved.rank > max(level.rank, floor) or d2.immediate:
                wrong.append((raw["indicators"], raw["context"], label, level.value, moved.value, w.nothing))
    assert len(claims()) >= 5 and checked > 100  # the sweep reaches claims and flips
    assert not wrong, wrong[:10]


def test_a_child_in_need_level_resting_on_the_judgement_lists_withdrawing_it_and_it_holds():
    """Every single need at 9, with the judgement: where the level is Child in Need by p4 alone (no other
    reason at that level), the judgement's withdrawal is in "what holds the level", and applied on its own
    it gives the level it states."""
    words = CAT.what_if.without_judgement
    seen = 0
    for need in [None, *(i.id for i in CAT.indicators if not i.immediate)]:
        case = _parse(_raw([need] if need else [], {"age_years": 9}, **{JUDGEMENT: True}))
        decision = _decide(case) if case else None
        if decision is None or decision.immediate or Level(decision.level) is not Level.CHILD_IN_NEED:
            continue
        at_level = [r.rule for r in decision.reasons if Level(r.level) is Level.CHILD_IN_NEED]
        if at_level != ["child_in_need.unlikely_reasonable_standard"]:
            continue
        seen += 1
        w = nearby(case, decision)
        assert not w.nothing, need
        [line] = [c for c in w.down if c.text == words]
        again = evaluate(line.apply(case))
        assert Level(again.level) is line.level and line.level.rank < Level.CHILD_IN_NEED.rank, need
        without = _decide(_parse(_raw([need] if need else [], {"age_years": 9})))
        assert without is not None and Level(without.level) is line.level, need  # the same as never giving it
    assert seen > 100


@pytest.mark.parametrize("need", ["universal.physically_well", "additional.lack_routine", "extensive.serious_obesity"])
def test_the_reviews_cases_list_the_judgement_as_what_holds_child_in_need(need):
    case = _parse(_raw([need], {"age_years": 6}, **{JUDGEMENT: True}))
    w = nearby(case, evaluate(case))
    assert w.nothing is None
    [line] = [c for c in w.down if c.text.startswith("Without your judgement that the child is unlikely to achieve")]
    assert line.source.endswith("p13-14") or line.source.endswith("p11-12") or line.source.endswith("p15-16")  # the level it would be, cited


def test_giving_the_judgement_is_listed_as_a_change_that_raises_the_level():
    case = _parse(_raw(["additional.lack_routine"], {"age_years": 6}))
    w = nearby(case, evaluate(case))
    [line] = [c for c in w.up if c.text == CAT.what_if.judgement]
    assert line.level is Level.CHILD_IN_NEED and Level(evaluate(line.apply(case)).level) is Level.CHILD_IN_NEED
    assert line.source == "Thresholds / Levels of support, p4"  # p4's test, cited by the page's link

"""Review 22 (rules) N11: every claim the what-if list makes holds when it is applied.

Supported at Extensive with a CAF open and not improving, consent to early help refused: the decision is
Child in Need (p15-16: "If the current CAF arrangements are not improving outcomes for the child ... then they
should be referred to Children's Social Care"), and the list said "No single change to these answers would
change the level." while the CAF answer changes it (improving: Extensive). The CAF's lines were left out
whenever consent was refused (review 10 H5, written for a refusal with no CAF open). The document does not
speak of a CAF open beside a refusal (p7 gains consent through the CAF process); the tool reads the CAF answer
as given (guidance `context.consent_refused_caf_open`, declared), so the list now does too, each such line
flagged as the tool's reading.

The sweep is the reviewer's, over the answers that move or word the list: consent (3) x CAF (4) x the support
now (6) x the caller (3) x open to social care (3) x p4's judgement (3), 1,944 answer combinations, each for a
need at Universal, Additional and Extensive (5,832 cases; those the rules refuse or that are immediate are
skipped, and counted). Its oracle is written here, not `nearby`'s:

1. every line, applied on its own (its needs added or removed, its answer set), is decided at the level and
   immediacy it states; a line listed as higher is above the level decided and the support now, a lower one
   below the level decided;
2. where the list says no single change would change the level, none of these does: each chosen need taken
   away, each answer above (and the disability and a large sibling group) set to each of its other values.
   Beside a support now (`what_if.nothing_above_support`) the sentence is that no single change makes it
   higher than that support, or lowers the level: checked as said.

The support now is read from the answers by the tool's declared readings (docs/rules.md): the level given at
Child in Need or above; a child open to social care, Child in Need (rules15, `open_from_current_level`); an
early-help level given; a CAF open, Additional (p4's CAF threshold)."""

from __future__ import annotations

import itertools

import pytest

from pathway.catalogue import load_catalogue
from pathway.models import CaseError
from rules import evaluate
from rules.what_if import nearby
from tests.conftest import make_case

RANK = {"universal": 1, "additional": 2, "extensive": 3, "child_in_need": 4, "protection": 5}
NEEDS = {
    "universal": ["universal.physically_well"],
    "additional": ["additional.poor_school_attendance_exclusion"],
    "extensive": ["extensive.persistent_absenteeism_school_without"],
}
SWEEP = {
    "consent_to_early_help": [None, True, False],
    "caf": [None, "none", "open_improving", "open_not_improving"],
    "current_level": [None, "universal", "additional", "extensive", "child_in_need", "protection"],
    "caller": ["professional", "parent_carer", "public"],
    "open_to_social_care": [None, True, False],
    "health_development_impaired_without_services": [None, True, False],
}
# every value of each answer a single change may set (None: the answer left out)
FLIPS = {
    **SWEEP,
    "caller": [None, "professional", "parent_carer", "public"],
    "disability": [None, "none", "mild_moderate", "substantial_lifelong", "uncertain"],
    "large_sibling_group": [None, True, False],
}
AGE = 10


def _case(indicators, context):
    return make_case(indicators, age_years=AGE, **{k: v for k, v in context.items() if v is not None})


def _decided(indicators, context):
    try:
        case = _case(indicators, context)
        return case, evaluate(case)
    except CaseError:
        return None, None


def _support(context) -> int:
    rank = RANK.get(context.get("current_level") or "", 0)
    if rank >= RANK["child_in_need"]:
        return rank
    if context.get("open_to_social_care") is True:
        return RANK["child_in_need"]
    if rank > RANK["universal"]:
        return rank
    return RANK["additional"] if context.get("caf") in ("open_improving", "open_not_improving") else 0


def _single_changes(indicators, context):
    for i in indicators:
        yield f"without {i}", [j for j in indicators if j != i], context
    for name, values in FLIPS.items():
        for value in values:
            if context.get(name) != value:
                yield f"{name}={value}", indicators, {**context, name: value}


def _claims_broken(indicators, context, case, d, w) -> list[str]:
    words = load_catalogue().what_if
    level, support = RANK[d.level.value], _support(context)
    bad = []
    for c in w.up + w.down:
        got = evaluate(c.apply(case))
        if (got.level.value, got.immediate) != (c.level.value, c.immediate):
            bad.append(f"{c.text!r} says {c.level.value}, applied gives {got.level.value}")
    bad += [f"{c.text!r} listed higher at {c.level.value}" for c in w.up if RANK[c.level.value] <= max(level, support)]
    bad += [f"{c.text!r} listed lower at {c.level.value}" for c in w.down if RANK[c.level.value] >= level]
    if w.nothing:
        for label, needs, changed in _single_changes(indicators, context):
            _, d2 = _decided(needs, changed)
            if d2 is None:
                continue  # the changed answers are refused: no level to compare
            moved = RANK[d2.level.value]
            if w.nothing == words.nothing_above_support:
                wrong = moved < level or moved > max(level, support)
            else:
                assert w.nothing == words.nothing, w.nothing
                wrong = moved != level
            if wrong:
                bad.append(f"{w.nothing!r} but {label} gives {d2.level.value}")
    return bad


@pytest.mark.parametrize("need", list(NEEDS))
def test_every_what_if_claim_holds_when_applied_over_the_reviewers_sweep(need):
    indicators = NEEDS[need]
    checked, nothing, broken = 0, 0, []
    for values in itertools.product(*SWEEP.values()):
        context = dict(zip(SWEEP, values, strict=True))
        case, d = _decided(indicators, context)
        if d is None or d.immediate:
            continue
        checked += 1
        w = nearby(case, d)
        nothing += bool(w.nothing)
        broken += [(context, b) for b in _claims_broken(indicators, context, case, d, w)]
    assert not broken, broken[:5]
    assert checked > 1000 and nothing  # the sweep decides most combinations, and reaches the sentence


@pytest.mark.parametrize(
    ("need", "caller"),
    [
        ("extensive", "professional"),  # st_ext_up_cin_refused
        ("additional", "parent_carer"),  # st_ext_caf_failing_refused_add_parent
        ("universal", "professional"),  # st_ext_caf_failing_refused_univ
    ],
)
def test_a_failing_caf_beside_consent_refused_offers_the_caf_improving_as_the_tools_reading(need, caller):
    """The CAF improving leaves the needs ticked today to set the level: that need's own (p11-16)."""
    indicators = NEEDS[need]
    context = {"caller": caller, "current_level": "extensive", "caf": "open_not_improving", "consent_to_early_help": False}
    case, d = _decided(indicators, context)
    assert d.level.value == "child_in_need"  # p15-16
    assert "context.consent_refused_caf_open" in [g.rule for g in d.guidance]  # the reading, declared in the decision
    w = nearby(case, d)
    assert w.nothing is None
    improving = [c for c in w.down if c.context == {"caf": "open_improving"}]
    assert [(c.text, c.level.value, c.interpretation) for c in improving] == [("The CAF improving outcomes", need, True)]
    assert evaluate(improving[0].apply(case)).level.value == need
    # with consent given or not said, the same line, the document's own reading (p15-16)
    for consent in (True, None):
        case2, d2 = _decided(indicators, {**context, "consent_to_early_help": consent})
        same = [c for c in nearby(case2, d2).down if c.context == {"caf": "open_improving"}]
        assert [(c.level.value, c.interpretation) for c in same] == [(need, False)]


@pytest.mark.parametrize("caf", [None, "none"])
def test_consent_refused_with_no_caf_open_still_opens_none(caf):
    """Review 10 H5 kept: with consent refused and no CAF open, no line opens one (p7)."""
    context = {"caller": "professional", "current_level": "extensive", "caf": caf, "consent_to_early_help": False}
    case, d = _decided(NEEDS["extensive"], context)
    assert not [c for c in nearby(case, d).up + nearby(case, d).down if "caf" in c.context]

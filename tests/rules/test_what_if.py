"""What would change the level: each change named, applied on its own, moves the decision as it says."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from pathway.levels import Level
from pathway.scenarios.loader import default_paths, expand, load
from rules import evaluate
from rules.what_if import nearby

NOW = datetime(2026, 1, 14, 11, 0, tzinfo=timezone.utc)
SCENARIOS = [s for f in expand(default_paths(), []) for s in load(f)]


def _apply(case, change):
    """The change made by hand from what it says it adds, removes and sets (not Change.apply)."""
    indicators = [i for i in case.indicators if i not in change.remove] + list(change.add)
    return case.model_copy(update={"indicators": indicators, "context": case.context.model_copy(update=change.context)})


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.id for s in SCENARIOS])
def test_every_change_named_moves_the_level_as_it_says(scenario):
    case = scenario.case()
    decision = evaluate(case, now=NOW)
    what_if = nearby(case, decision)
    level = Level(decision.level)
    if decision.immediate:
        assert what_if.fixed and not what_if.up and not what_if.down
        return
    for change in what_if.up + what_if.down:
        moved = Level(evaluate(_apply(case, change), now=NOW).level)
        assert moved is change.level, (change.text, moved)
        assert moved is not level
    assert all(c.level.rank > level.rank for c in what_if.up)
    assert all(c.level.rank < level.rank for c in what_if.down)


def test_the_nearest_change_to_a_range_of_additional_needs_is_named():
    """Three Additional needs in one domain: one more in a second domain meets the combination rule."""
    from pathway.models import Case

    case = Case.parse(
        {
            "child": {"age_years": 8},
            "context": {"caf": "none"},
            "indicators": ["additional.dental_decay_not_accessing", "additional.poor_school_attendance_exclusion", "additional.uses_substances"],
        }
    )
    decision = evaluate(case, now=NOW)
    assert decision.level == "additional"
    up = nearby(case, decision).up
    combination = [c for c in up if "further CAF domain" in c.text]
    assert combination and combination[0].level is Level.EXTENSIVE and combination[0].interpretation
    caf = [c for c in up if c.context == {"caf": "open_not_improving"}]
    assert caf and caf[0].level is Level.EXTENSIVE

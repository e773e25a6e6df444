"""rules.fast_json: durable-rules on orjson decides exactly as on the stdlib json."""

import json
from datetime import datetime, timezone

import pytest
from durable import engine as durable_engine

from pathway.scenarios.loader import default_paths, expand, load
from rules import evaluate, fast_json
from tests.conftest import make_case

MOMENT = datetime(2026, 11, 24, 10, 30, tzinfo=timezone.utc)  # cases without a contact time


def _every_scenario_case():
    errors = []
    files = expand(default_paths(), errors)
    assert not errors
    return [s.case() for path in files for s in load(path)]


def test_installed_when_the_rules_are_registered():
    assert fast_json.installed()


def test_every_scenario_gets_the_same_decision_with_stdlib_json():
    cases = _every_scenario_case() + [make_case(["additional.lack_routine", "extensive.children_who_go_missing"], caf="open_not_improving")]
    assert len(cases) > 40
    fast = [evaluate(c, now=MOMENT).model_dump() for c in cases]
    fast_json.uninstall()
    try:
        assert durable_engine.json is json
        slow = [evaluate(c, now=MOMENT).model_dump() for c in cases]
    finally:
        fast_json.install()
    assert fast == slow


@pytest.mark.parametrize("value", [{1: "integer key"}, {"big": 2**70}])
def test_what_orjson_refuses_falls_back_to_the_stdlib(value):
    assert fast_json._OrjsonWithFallback.dumps(value, ensure_ascii=False) == json.dumps(value, ensure_ascii=False)


def test_writes_and_reads_non_ascii_as_durable_rules_asks():
    text = fast_json._OrjsonWithFallback.dumps({"t": "Children’s Social Care"}, ensure_ascii=False)
    assert "’" in text and fast_json._OrjsonWithFallback.loads(text) == {"t": "Children’s Social Care"}

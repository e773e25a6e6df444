"""Fuzzing the two doors where text from outside comes in: the case parser and the scenario importer.

Whatever arrives, the only outcomes allowed are a parsed object or a refusal that names a field;
never another exception (which a user would meet as a stack trace or a 500).
"""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pathway import Case, CaseError
from pathway.scenarios.loader import ScenarioErrors, loads
from rules import evaluate

JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**6), 10**6) | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=12), children, max_size=5),
    max_leaves=25,
)
CASE_KEYS = st.fixed_dictionaries(
    {},
    optional={
        "child": st.dictionaries(st.sampled_from(["age_years", "age_months", "unborn", "name"]), JSON, max_size=3),
        "indicators": st.lists(
            st.sampled_from(["additional.lack_routine", "immediate.unexplained_bruising_under_2", "extensive.pregnant_care_leavers", "nope"])
            | st.text(max_size=8),
            max_size=4,
        ),
        "context": st.dictionaries(st.sampled_from(["caf", "disability", "contact_time", "current_level", "caller", "x"]), JSON, max_size=4),
    },
)
FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(st.one_of(JSON.map(json.dumps), st.text(max_size=200), st.binary(max_size=200)))
def test_any_body_is_parsed_or_refused_with_a_field(raw):
    try:
        Case.parse(raw)
    except CaseError as err:
        assert err.errors and all(e.field and e.message for e in err.errors)


@FUZZ
@given(CASE_KEYS)
def test_case_shaped_input_is_decided_or_refused_with_a_field(raw):
    try:
        decision = evaluate(Case.parse(raw))
    except CaseError as err:
        assert err.errors and all(e.field and e.message for e in err.errors)
    else:
        assert decision.level in ("universal", "additional", "extensive", "child_in_need", "protection")


SCENARIO_KEYS = st.dictionaries(st.sampled_from(["id", "title", "narrative", "child", "answers", "model", "teaching", "covers", "extra"]), JSON, max_size=8)


@FUZZ
@given(st.one_of(st.text(max_size=300), SCENARIO_KEYS.map(json.dumps), st.lists(SCENARIO_KEYS, max_size=3).map(json.dumps)))
def test_any_scenario_text_is_loaded_or_refused_naming_file_and_field(text):
    try:
        loads(text, "fuzz.yaml")
    except ScenarioErrors as err:
        assert err.errors and all(e.file == "fuzz.yaml" and e.field and e.message for e in err.errors)

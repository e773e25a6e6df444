"""The case contract: strict, and every refusal names its field."""

from __future__ import annotations

import pytest

from pathway import Case, CaseError


def errors_of(raw):
    with pytest.raises(CaseError) as err:
        Case.parse(raw)
    return [(e.field, e.message) for e in err.value.errors]


def test_the_readme_example_parses():
    case = Case.parse(
        {
            "child": {"age_years": 1, "age_months": 3},
            "indicators": ["immediate.unexplained_bruising_under_2"],
            "context": {
                "caf": "none",
                "consent_to_early_help": True,
                "disability": "none",
                "large_sibling_group": False,
                "current_level": "additional",
                "contact_time": "2026-11-24T10:30:00+00:00",
            },
        }
    )
    assert case.child.age_in_months == 15 and case.context.current_level == "additional"


@pytest.mark.parametrize(
    "raw, field, fragment",
    [
        ('{"child": {"age_years": "1"}}', "child.age_years", "integer"),
        ('{"child": {"age_years": 1, "age_months": 12}}', "child.age_months", "less than or equal to 11"),
        ('{"child": {"age_years": -1}}', "child.age_years", "greater than or equal to 0"),
        ('{"child": {"age_years": 121}}', "child.age_years", "less than or equal to 120"),
        ('{"child": {"age_months": 3}}', "child", "age_months needs age_years"),
        ('{"child": {"unborn": true, "age_years": 0}}', "child", "either an age or unborn"),
        ('{"indicators": "additional.lack_routine"}', "indicators", "array"),
        ('{"indicators": [3]}', "indicators[0]", "string"),
        ('{"context": {"caf": "maybe"}}', "context.caf", "open_not_improving"),
        ('{"context": {"consent_to_early_help": "yes"}}', "context.consent_to_early_help", "boolean"),
        ('{"context": {"current_level": "high"}}', "context.current_level", "child_in_need"),
        ('{"context": {"contact_time": "2026-11-24T10:30:00"}}', "context.contact_time", "timezone"),
        ('{"context": {"contact_time": "tomorrow"}}', "context.contact_time", "datetime"),
        ('{"context": {"postcode": "NG1"}}', "context.postcode", "unknown field"),
        ('{"name": "Jo"}', "name", "unknown field"),
        ("[]", "(body)", "JSON object"),
        ("{not json", "(body)", "not valid JSON"),
    ],
)
def test_bad_input_is_refused_naming_the_field(raw, field, fragment):
    errors = errors_of(raw)
    assert any(f == field and fragment in msg for f, msg in errors), errors


def test_an_empty_case_is_allowed_and_means_no_needs_known():
    case = Case.parse("{}")
    assert case.indicators == [] and case.child.age_in_months is None


def test_the_error_text_never_contains_python_internals():
    for field, message in errors_of('{"child": {"age_years": 1.5}, "context": {"x": 1}}'):
        assert "Traceback" not in message and "pydantic" not in message.lower()

"""The contract's closed answers carry their labels, as Level does: the values are the ones
docs/contract.md publishes, and every screen and summary says a value with its one label."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pathway.choices import CafStatus, Caller, Disability, Step
from pathway.models import Case, CaseError

CONTRACT = (Path(__file__).parents[2] / "docs" / "contract.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("field, enum", [("context.caf", CafStatus), ("context.disability", Disability), ("context.caller", Caller)])
def test_the_values_are_the_contracts_and_each_has_a_label(field, enum):
    row = next(line for line in CONTRACT.splitlines() if line.startswith(f"| `{field}` |"))
    published = re.findall(r"`([a-z_]+)`", row.split("|")[2])
    assert [v.value for v in enum] == published
    assert all(v.label and v.label != v.value for v in enum)


def test_a_value_reads_and_writes_as_its_json_string():
    case = Case.parse({"context": {"caf": "open_not_improving", "caller": "parent_carer", "disability": "uncertain"}})
    assert case.context.caf is CafStatus.OPEN_NOT_IMPROVING and case.context.caf == "open_not_improving"
    assert f"{case.context.caller}" == str(case.context.caller) == "parent_carer"
    assert '"caller":"parent_carer"' in case.model_dump_json()
    with pytest.raises(CaseError, match="context.caf"):
        Case.parse({"context": {"caf": "open"}})


def test_a_step_has_the_results_heading_and_the_historys_words():
    assert [(s.value, s.label, s.done) for s in Step] == [
        ("up", "Stepping up", "Stepped up"),
        ("down", "Stepping down", "Stepped down"),
        ("same", "Staying at the same level", "Same level"),
    ]


def test_the_call_screen_and_the_call_summary_say_a_caller_the_same_way():
    from pathway.call_summary import call_summary
    from rules import evaluate
    from webapp.adviser import forms

    case = Case.parse({"context": {"caller": "public"}})
    summary = call_summary(evaluate(case), caller=case.context.caller, indicators=[])
    assert "Caller: Member of the public" in summary
    assert ("public", "Member of the public") in forms.CALLERS
    assert dict(forms.CAF)["open_improving"] == "CAF open, things improving"

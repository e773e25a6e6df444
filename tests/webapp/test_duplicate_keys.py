"""Review 8 surfaces D1: a key given twice in one object of user input is refused, naming the key,
at every entry point that reads JSON or YAML from a user. The JSON parsers keep the last value
silently, so `"indicators": ["immediate.unexplained_bruising_under_2"], "indicators": []` for a
1-year-old was decided Universal, not an immediate referral (p9: "Under two years old and has
unexplained bruising"). RFC 8259 leaves the meaning of repeated names unpredictable.

The entry points (every json.loads / model_validate_json / YAML load of user input):
- the API: POST /api/v1/assess and POST /api/v1/search (pathway.models.Case.parse,
  pathway.search.SearchRequest.parse);
- the command line: `pathway assess FILE` and `pathway assess -` (Case.parse);
- scenario files: the practice import, `pathway scenarios run|check` (pathway.scenarios.loader);
- a draft catalogue: `pathway ruleset diff DRAFT` and the owners' upload (training.ruleset_diff.load_draft);
- the shipped catalogue and search vocabulary already refused it (pathway.yaml_load).
The other json.loads calls read what the app itself wrote (sessions, stored assessments, answers).
"""

from __future__ import annotations

import io
import sys

import pytest

from cli.main import EXIT_REFUSED, main
from pathway.models import Case, CaseError
from pathway.search import SearchRequest

BRUISING = "immediate.unexplained_bruising_under_2"
INDICATORS_TWICE = '{"child": {"age_years": 1}, "indicators": ["%s"], "indicators": []}' % BRUISING
AGE_TWICE = '{"child": {"age_years": 1, "age_years": 3}, "indicators": ["%s"]}' % BRUISING


def _fields(exc: CaseError) -> dict[str, str]:
    return {e.field: e.message for e in exc.errors}


@pytest.mark.parametrize("body, field", [(INDICATORS_TWICE, "indicators"), (AGE_TWICE, "child.age_years")])
@pytest.mark.parametrize("as_bytes", [False, True])
def test_a_case_with_a_key_twice_is_refused_naming_it(body, field, as_bytes):
    with pytest.raises(CaseError) as refused:
        Case.parse(body.encode() if as_bytes else body)
    assert "given twice" in _fields(refused.value)[field]


def test_the_same_value_twice_is_refused_too_and_a_key_once_in_each_object_is_not():
    with pytest.raises(CaseError):
        Case.parse('{"indicators": [], "indicators": []}')
    # the same name in two different objects is not a repeat
    case = Case.parse('{"child": {"age_years": 1}, "parent": {"age_years": 17}, "indicators": ["%s"]}' % BRUISING)
    assert case.child.age_years == 1 and case.parent.age_years == 17


def test_invalid_json_keeps_its_own_message():
    with pytest.raises(CaseError) as refused:
        Case.parse('{"indicators": [}')
    assert _fields(refused.value)["(body)"].startswith("not valid JSON")


def test_a_search_with_a_key_twice_is_refused_naming_it():
    with pytest.raises(CaseError) as refused:
        SearchRequest.parse('{"words": "baby has bruises", "words": "tired"}')
    assert "given twice" in _fields(refused.value)["words"]


def test_the_api_refuses_a_key_twice_with_422_naming_it(client):
    r = client.post("/api/v1/assess", data=INDICATORS_TWICE, content_type="application/json")
    assert r.status_code == 422
    assert [e["field"] for e in r.get_json()["errors"]] == ["indicators"]
    assert "given twice" in r.get_json()["errors"][0]["message"]
    r = client.post("/api/v1/search", data='{"words": "bruise", "age_months": 4, "age_months": 40}', content_type="application/json")
    assert r.status_code == 422 and r.get_json()["errors"][0]["field"] == "age_months"


def _cli(argv, stdin, monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(argv)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_the_command_line_refuses_a_key_twice_from_stdin_and_from_a_file(tmp_path, monkeypatch, capsys):
    code, out, err = _cli(["assess", "-"], INDICATORS_TWICE, monkeypatch, capsys)
    assert code == EXIT_REFUSED and out == "" and "error: indicators: given twice" in err
    path = tmp_path / "case.json"
    path.write_text(AGE_TWICE, encoding="utf-8")
    code, out, err = _cli(["assess", str(path)], "", monkeypatch, capsys)
    assert code == EXIT_REFUSED and out == "" and "error: child.age_years: given twice" in err


SCENARIO_LEVEL_TWICE = """
- id: level-twice
  title: Bruises on a baby
  narrative: A health visitor sees bruises on Kai, 8 months, that nobody can explain.
  child: {age_years: 0, age_months: 8}
  model:
    level: protection
    required: [immediate.unexplained_bruising_under_2]
    level: universal
  teaching: {why: p9, pages: "9", common_mistake: none}
"""


def test_a_scenario_file_with_a_key_twice_is_refused_naming_it_and_its_line(tmp_path, monkeypatch, capsys):
    from pathway.scenarios import ScenarioErrors, loads

    with pytest.raises(ScenarioErrors) as refused:
        loads(SCENARIO_LEVEL_TWICE, name="s.yaml")
    assert "the key 'level' is given twice (first on line 7)" in str(refused.value)
    path = tmp_path / "s.yaml"
    path.write_text(SCENARIO_LEVEL_TWICE, encoding="utf-8")
    code, _out, err = _cli(["scenarios", "check", str(path)], "", monkeypatch, capsys)
    assert code != 0 and "given twice" in err


def test_the_practice_import_refuses_a_key_twice(trainer):
    from tests.webapp.conftest import text

    body = io.BytesIO(SCENARIO_LEVEL_TWICE.encode())
    page = text(trainer.post("/practice/scenarios/import", data={"file": (body, "s.yaml")}, content_type="multipart/form-data"))
    assert "s.yaml: (file): not valid YAML at line 9" in page and "the key 'level' is given twice" in page
    assert "Saved in the library (0)" in text(trainer.get("/practice/scenarios"))


def test_a_draft_catalogue_with_a_key_twice_is_refused_naming_it():
    from pathway.catalogue import DATA_FILE
    from training.ruleset_diff import DraftError, load_draft

    text = DATA_FILE.read_text(encoding="utf-8")
    doubled = text.replace("\nindicators:", "\nruleset: {id: other, version: 9.9.9}\nindicators:", 1)
    assert doubled != text
    with pytest.raises(DraftError) as refused:
        load_draft(doubled)
    assert "the key 'ruleset' is given twice" in str(refused.value)

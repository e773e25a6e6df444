"""The command line: `pathway indicators --json` and `pathway assess FILE|-`."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from cli.main import EXIT_REFUSED, main
from tests.ruleset_string import RULESET


def run(argv, stdin="", monkeypatch=None, capsys=None):
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(argv)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_indicators_json_has_the_contract_fields(monkeypatch, capsys):
    code, out, _ = run(["indicators", "--json"], monkeypatch=monkeypatch, capsys=capsys)
    rows = json.loads(out)
    assert code == 0 and len(rows) == 178
    assert {"id", "text", "level", "domain", "dimension", "source", "immediate"} <= set(rows[0])
    bruising = next(r for r in rows if r["id"] == "immediate.unexplained_bruising_under_2")
    assert bruising["immediate"] is True and bruising["level"] == "protection" and bruising["age_band"] == "under 2 years old"


def test_assess_from_stdin_prints_the_decision(monkeypatch, capsys):
    case = {"child": {"age_years": 9}, "indicators": ["extensive.children_who_go_missing"], "context": {"contact_time": "2026-11-24T10:30:00+00:00"}}
    code, out, err = run(["assess", "-"], json.dumps(case), monkeypatch, capsys)
    decision = json.loads(out)
    assert code == 0 and err == ""
    assert decision["level"] == "extensive" and decision["ruleset"] == RULESET
    assert set(decision) >= {"level", "immediate", "reasons", "actions", "contacts", "assessments", "services", "step", "ruleset"}


def test_assess_from_a_file(tmp_path, monkeypatch, capsys):
    path = tmp_path / "case.json"
    path.write_text('{"indicators": ["immediate.trafficking_victim"]}')
    code, out, _ = run(["assess", str(path)], monkeypatch=monkeypatch, capsys=capsys)
    assert code == 0 and json.loads(out)["immediate"] is True


@pytest.mark.parametrize(
    "stdin, fragment",
    [
        ('{"indicators": ["not.an.indicator"]}', "error: indicators[0]: unknown indicator 'not.an.indicator'"),
        # a need outside its age band that is no p9 criterion (a p9 one is kept, decided without the age: left13)
        ('{"child": {"age_years": 14}, "indicators": ["protection.sexual_activity_under_13"]}', "error: indicators[0]:"),
        ('{"context": {"colour": "red"}}', "error: context.colour: unknown field"),
        ("not json", "error: stdin: not valid JSON"),  # the input named, not the API's "(body)" (review 14 surfaces, Y5)
        ('{"context": {"contact_time": "0001-01-01T00:00:00+00:00"}}', "error: context.contact_time: must be a moment between the years"),
        (
            '{"context": {"current_level": "child_in_need", "open_to_social_care": false}}',
            "error: context.open_to_social_care: is false, but context.current_level is Child in Need",
        ),
    ],
)
def test_a_refused_case_exits_2_naming_the_field(monkeypatch, capsys, stdin, fragment):
    code, out, err = run(["assess", "-"], stdin, monkeypatch, capsys)
    assert code == EXIT_REFUSED and out == "" and fragment in err


def test_a_missing_file_is_refused_cleanly(monkeypatch, capsys):
    code, _, err = run(["assess", "/no/such/case.json"], monkeypatch=monkeypatch, capsys=capsys)
    assert code == EXIT_REFUSED and "cannot read" in err


def test_python_dash_m_cli_works_as_a_real_process():
    proc = subprocess.run([sys.executable, "-m", "cli", "assess", "-"], input='{"indicators": ["x"]}', capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr and "indicators[0]" in proc.stderr


def test_the_readmes_worked_example_is_what_the_rules_decide():
    """The contract page (docs/contract.md, linked from the README) shows a real decision: its case,
    decided now, gives the level, reasons, route and first contact printed there (lists shortened
    with '…'); the case is also docs/examples/worked-example.json, which the docs' commands run."""
    import json
    import re
    from pathlib import Path

    from pathway.models import Case
    from rules import evaluate

    docs = Path(__file__).resolve().parents[1] / "docs"
    page = (docs / "contract.md").read_text(encoding="utf-8")
    case_text, shown_text = re.findall(r"```json\n(.*?)```", page, re.S)[:2]
    assert json.loads(case_text) == json.loads((docs / "examples" / "worked-example.json").read_text(encoding="utf-8"))
    shown = json.loads(shown_text)
    d = json.loads(evaluate(Case.parse(json.loads(case_text))).model_dump_json())
    assert (shown["level"], shown["immediate"], shown["step"]) == (d["level"], d["immediate"], d["step"])
    assert shown["reasons"] == d["reasons"] and shown["route"] == d["route"]
    assert shown["contacts"][0] == d["contacts"][0] and shown["assessments"][:2] == d["assessments"][:2]
    assert shown["services_intro"] == d["services_intro"]


def test_a_reader_that_stops_early_gets_no_traceback():
    """`pathway indicators --json | head -c 100`: the pipe closes mid-write; the command stops quietly."""
    proc = subprocess.Popen([sys.executable, "-m", "cli", "indicators", "--json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(100)
    proc.stdout.close()  # the reader leaves before the ~40 kB of JSON is written
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 1
    assert "Traceback" not in err and "BrokenPipe" not in err, err

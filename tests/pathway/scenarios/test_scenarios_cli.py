"""`pathway scenarios run|check|coverage`: output, exit codes, progress only on a terminal."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from cli.main import main
from cli.scenarios import Progress

REPO = Path(__file__).resolve().parents[3]


@pytest.fixture
def disagreeing(scenario_dict, write_yaml):
    """A folder with one scenario that agrees and one whose model answer the rules do not give."""
    wrong = {**scenario_dict, "id": "wrong-level", "model": {"level": "extensive", "step": "up"}}
    return write_yaml([scenario_dict, wrong])


def test_run_prints_a_table_and_exits_0_when_all_agree(capsys, scenario_dict, write_yaml):
    assert main(["scenarios", "run", str(write_yaml(scenario_dict))]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["scenario", "model", "level", "rules'", "level", "match"]
    assert out[1].split() == ["valid-one", "additional", "additional", "yes"]
    assert out[-1] == "1 scenarios: 1 agree, 0 disagree"


def test_run_exits_1_and_shows_the_disagreement(capsys, disagreeing):
    assert main(["scenarios", "run", str(disagreeing)]) == 1
    out = capsys.readouterr().out
    assert "wrong-level" in out and " NO" in out
    assert "level: model extensive, rules additional" in out
    assert "step: model up, rules None" in out
    assert out.strip().endswith("2 scenarios: 1 agree, 1 disagree")


def test_run_json_for_machines(capsys, disagreeing):
    assert main(["scenarios", "run", "--json", str(disagreeing)]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["summary"] == {"scenarios": 2, "agree": 1, "disagree": 1}
    by_id = {r["id"]: r for r in data["results"]}
    assert by_id["valid-one"]["match"] is True
    assert by_id["wrong-level"] | {"differences": None} == {
        "id": "wrong-level",
        "file": str(disagreeing),
        "model_level": "extensive",
        "rules_level": "additional",
        "match": False,
        "differences": None,
        "error": None,
    }


def test_run_defaults_to_the_shipped_scenarios(capsys):
    assert main(["scenarios", "run", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["summary"]["scenarios"] >= 30 and data["summary"]["disagree"] == 0
    assert all(Path(r["file"]).parent == REPO / "pathway" / "data" / "scenarios" for r in data["results"])


def test_refused_file_exits_2_naming_file_scenario_and_field(capsys, scenario_dict, write_yaml):
    scenario_dict["answers"]["indicators"] = ["additional.typo"]
    path = write_yaml(scenario_dict)
    for command in ("run", "check"):
        assert main(["scenarios", command, str(path)]) == 2
        captured = capsys.readouterr()
        assert captured.out == ""
        assert f"error: {path}: valid-one: answers.indicators[0]: unknown indicator 'additional.typo'" in captured.err
        assert "Traceback" not in captured.err


def test_check_validates_without_running(capsys, disagreeing):
    assert main(["scenarios", "check", str(disagreeing)]) == 0  # disagreeing is valid: check does not run it
    assert capsys.readouterr().out == "2 scenarios valid in 1 files\n"


def test_no_progress_bar_when_stderr_is_not_a_terminal(capsys, scenario_dict, write_yaml):
    main(["scenarios", "run", str(write_yaml(scenario_dict))])
    assert capsys.readouterr().err == ""


class FakeTerminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_bar_on_a_terminal(monkeypatch, capsys, scenario_dict, write_yaml):
    terminal = FakeTerminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["scenarios", "run", str(write_yaml(scenario_dict))]) == 0
    assert "[" + "#" * Progress.WIDTH + "] 100%" in terminal.getvalue()
    assert "100%" not in capsys.readouterr().out


def test_progress_redraws_once_per_percent_for_a_big_batch():
    stream = io.StringIO()
    bar = Progress(stream)
    for done in range(0, 10_001):
        bar.update(done, 10_000)
    assert stream.getvalue().count("\r") == 101
    assert stream.getvalue().endswith("] 100%")


def test_jobs_split_a_batch_across_processes_with_the_same_answer(capsys, scenario_dict, write_yaml):
    write_yaml(scenario_dict, "a.yaml")
    folder = write_yaml({**scenario_dict, "id": "valid-two", "model": {"level": "protection"}}, "b.yaml").parent
    assert main(["scenarios", "run", "--json", "--jobs", "1", str(folder)]) == 1
    one = json.loads(capsys.readouterr().out)
    assert main(["scenarios", "run", "--json", "--jobs", "2", str(folder)]) == 1
    assert json.loads(capsys.readouterr().out) == one
    assert [r["id"] for r in one["results"]] == ["valid-one", "valid-two"]


def test_jobs_still_refuse_a_duplicate_id_across_files(capsys, scenario_dict, write_yaml):
    write_yaml(scenario_dict, "a.yaml")
    folder = write_yaml(scenario_dict, "b.yaml").parent
    assert main(["scenarios", "check", "--jobs", "2", str(folder)]) == 2
    assert f"{folder / 'b.yaml'}: valid-one: id: duplicate id" in capsys.readouterr().err


@pytest.mark.parametrize("bad", ["0", "-1", "two"])
def test_jobs_must_be_a_positive_number(capsys, bad):
    with pytest.raises(SystemExit) as exc:
        main(["scenarios", "run", "--jobs", bad])
    assert exc.value.code == 2
    assert "--jobs" in capsys.readouterr().err


def test_python_dash_m_runs_the_shipped_scenarios():
    proc = subprocess.run([sys.executable, "-m", "cli", "scenarios", "run"], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""  # piped: no progress bar
    assert " 0 disagree" in proc.stdout.splitlines()[-1]


@pytest.mark.parametrize(
    "failure, shown",
    [
        ("rules_error", "a fact matched no rule"),
        ("value_error", "the rules engine failed (ValueError: max() arg is an empty sequence)"),
    ],
)
def test_a_rules_failure_exits_3_without_a_stack_trace(monkeypatch, capsys, scenario_dict, write_yaml, failure, shown):
    import rules

    def broken(*_args, **_kwargs):
        if failure == "rules_error":
            raise rules.RulesError("a fact matched no rule in fsp_2014_needs")
        raise ValueError("max() arg is an empty sequence")  # seen when durable-rules' own timer thread races

    monkeypatch.setattr(rules, "evaluate", broken)
    assert main(["scenarios", "run", str(write_yaml(scenario_dict))]) == 3
    captured = capsys.readouterr()
    assert "valid-one" in captured.out and "(error)" in captured.out and shown in captured.out
    assert "Traceback" not in captured.err


def test_a_missing_path_exits_2(capsys, tmp_path):
    assert main(["scenarios", "run", str(tmp_path / "nowhere.yaml")]) == 2
    assert f"error: {tmp_path / 'nowhere.yaml'}: (file): no such file or folder" in capsys.readouterr().err


def test_coverage_of_the_shipped_bank_has_no_shortfall(capsys):
    assert main(["scenarios", "coverage"]) == 0
    out = capsys.readouterr().out
    assert "Shortfalls: none" in out and "Levels (model answers):" in out and "Topics:" in out


def test_coverage_of_a_small_bank_exits_1_and_lists_what_is_missing(capsys, scenario_dict, write_yaml):
    assert main(["scenarios", "coverage", "--json", str(write_yaml(scenario_dict))]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["scenarios"] == 1 and data["levels"]["additional"] == 1 and data["levels"]["protection"] == 0
    assert "0 scenarios at protection, fewer than 10" in data["shortfalls"]
    assert data["indicators"] == {"additional.poor_school_attendance_exclusion": ["valid-one"]}


def test_check_review_flags_a_named_need_missing_from_the_answer(capsys, scenario_dict, write_yaml):
    scenario_dict["narrative"] = "Sam, 8, is often late for school and has bruises on his arms."
    path = write_yaml(scenario_dict)
    assert main(["scenarios", "check", "--review", str(path)]) == 1
    out = capsys.readouterr().out
    assert f"review: {path}: valid-one: the narrative says 'bruise'" in out
    assert "required indicator additional.poor_school_attendance_exclusion has no line citation" in out


def test_check_review_of_the_shipped_bank_is_clean(capsys):
    assert main(["scenarios", "check", "--review"]) == 0
    assert capsys.readouterr().out.endswith("0 scenario(s) to review\n")

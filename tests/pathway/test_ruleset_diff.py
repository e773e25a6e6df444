"""`pathway ruleset diff`: drafts that change a threshold, an indicator's level and a phone
number, each reporting exactly the cases it should.

The oracle for level changes is tests/rules/oracle.py (the level logic restated in plain Python,
independent of durable-rules), run under each catalogue; for the phone number, the current
decisions' own route and first contact.
"""

from __future__ import annotations

import copy
import io
import json
import re
from contextlib import redirect_stderr, redirect_stdout

import pytest
import yaml

from cli.main import main
from pathway.catalogue import DATA_FILE, Catalogue, load_catalogue
from pathway.scenarios import default_paths
from rules import evaluate
from store import users
from store.assessments import save_assessment
from tests.conftest import make_case
from tests.rules.oracle import oracle_level
from training.batch import load_paths
from training.ruleset_diff import diff, scenario_items

EDT = "emergency_duty_team"
SCHOOL = "additional.poor_school_attendance_exclusion"


@pytest.fixture(scope="module")
def shipped_data() -> dict:
    return yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def shipped_items():
    return scenario_items([i.scenario for i in load_paths(default_paths())], "shipped scenario")


def draft(data: dict, change, version: str = "draft") -> dict:
    out = copy.deepcopy(data)
    out["ruleset"]["version"] = version
    change(out)
    return out


def write(tmp_path, data: dict, name="draft.yaml"):
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def run_cli(*argv) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(["ruleset", "diff", *map(str, argv)])
    return code, out.getvalue(), err.getvalue()


def level_changes(items, data: dict) -> set[str]:
    """The oracle: the items whose level differs under tests/rules/oracle.py with each catalogue."""
    current, changed = load_catalogue(), Catalogue.model_validate(data)
    out = set()
    for item in items:
        before = oracle_level(item.case, current)
        after = oracle_level(item.case, changed)
        if before != after:
            out.add(item.id)
    return out


def reported(code_out) -> dict[str, list[str]]:
    code, out, _err = code_out
    doc = json.loads(out)
    return {c["id"]: c["changed"] for c in doc["changes"]}


def test_an_unchanged_catalogue_reports_nothing_and_exits_0(tmp_path, shipped_data, shipped_items):
    code, out, _ = run_cli(write(tmp_path, draft(shipped_data, lambda d: None)), "--json", "--shipped-only")
    doc = json.loads(out)
    assert code == 0 and doc["changes"] == [] and doc["cases"] == len(shipped_items)
    # every case stays on its level: the diagonal holds them all
    assert sum(doc["transitions"][lv][lv] for lv in doc["transitions"]) == len(shipped_items)


def test_a_lower_combination_threshold_reports_exactly_the_cases_whose_level_moves(tmp_path, shipped_data, shipped_items):
    def three_needs(d):
        d["interpretations"]["combination"]["min_indicators"] = 3

    data = draft(shipped_data, three_needs)
    expected = level_changes(shipped_items, data)
    assert expected, "the draft must move at least one shipped scenario, or this test proves nothing"
    result = run_cli(write(tmp_path, data), "--json", "--shipped-only")
    assert result[0] == 1
    changes = reported(result)
    assert set(changes) == expected
    assert all("level" in fields for fields in changes.values())
    doc = json.loads(result[1])
    assert doc["transitions"]["additional"]["extensive"] == len(expected)


def test_an_indicators_level_reports_exactly_the_cases_that_chose_it(tmp_path, shipped_data, shipped_items):
    def school_is_extensive(d):
        for ind in d["indicators"]:
            if ind["id"] == SCHOOL:
                ind["level"] = "extensive"

    data = draft(shipped_data, school_is_extensive)
    expected = level_changes(shipped_items, data)
    assert expected and all(SCHOOL in item.case.indicators for item in shipped_items if item.id in expected)
    changes = reported(run_cli(write(tmp_path, data), "--json", "--shipped-only"))
    assert set(changes) == expected


def test_a_phone_number_reports_exactly_the_cases_that_ring_it(tmp_path, shipped_data, shipped_items):
    old = load_catalogue().contact(EDT).phone

    def new_number(d):
        for c in d["contacts"]:
            if c["id"] == EDT:
                c["phone"] = "0115 000 0000"

    data = draft(shipped_data, new_number)
    expected = set()
    for item in shipped_items:
        decision = evaluate(item.case, office_hours=item.office_hours, now=item.now)
        if decision.route.phone == old or decision.contacts[0].id == EDT:
            expected.add(item.id)
    assert expected
    code, out, _ = run_cli(write(tmp_path, data), "--json", "--shipped-only")
    changes = {c["id"]: c for c in json.loads(out)["changes"]}
    assert code == 1 and set(changes) == expected
    for c in changes.values():
        assert "level" not in c["changed"] and c["current"]["level"] == c["draft"]["level"]
        assert "0115 000 0000" in json.dumps(c["draft"]) and "0115 000 0000" not in json.dumps(c["current"])


def test_text_report_gives_both_decisions_reasons_and_the_table(tmp_path, shipped_data):
    def three_needs(d):
        d["interpretations"]["combination"]["min_indicators"] = 3

    code, out, _ = run_cli(write(tmp_path, draft(shipped_data, three_needs)), "--shipped-only")
    assert code == 1
    assert "Transitions (rows: current level; columns: draft level)" in out
    block = out.split("shipped scenario combination-three-across-three-stays-additional:")[1].split("\n\n")[0]
    assert "current: additional" in block and "draft: extensive" in block
    assert "combination.additional_range" in block  # the draft's reason is given
    assert "level.additional" in block  # and the current one's


def test_against_compares_two_drafts(tmp_path, shipped_data):
    def three_needs(d):
        d["interpretations"]["combination"]["min_indicators"] = 3

    a = write(tmp_path, draft(shipped_data, three_needs, "a"), "a.yaml")
    b = write(tmp_path, draft(shipped_data, three_needs, "b"), "b.yaml")
    code, out, _ = run_cli(b, "--against", a, "--json", "--shipped-only")
    doc = json.loads(out)
    assert code == 0 and doc["changes"] == []
    # each named with its decisions fingerprint (review 15 surfaces, Z5): the same, as the two decide alike
    a_says, b_says = (re.fullmatch(r"fsp-2014 \((\w+), decisions ([0-9a-f]{12})\)", doc[k]) for k in ("current", "draft"))
    assert a_says and b_says and (a_says[1], b_says[1]) == ("a", "b") and a_says[2] == b_says[2]


@pytest.mark.parametrize(
    "change, field",
    [
        (lambda d: d["indicators"][3].update(level="severe"), "indicators[3].level"),
        (lambda d: d["contacts"][0].pop("phone"), "contacts[0].phone"),
        (lambda d: d["interpretations"].pop("combination"), "interpretations.combination"),
        (lambda d: d["routing"]["protection"].pop("team"), "routing.protection.team"),
        (lambda d: d["routing"].pop("extensive"), "routing.extensive"),  # a whole rule setting left out
        (lambda d: d["guidance"].pop("open_to_social_care"), "guidance.open_to_social_care"),
    ],
)
def test_a_draft_that_does_not_validate_exits_2_naming_the_field(tmp_path, shipped_data, change, field):
    code, out, err = run_cli(write(tmp_path, draft(shipped_data, change)), "--shipped-only")
    assert code == 2 and out == ""
    assert err.startswith("error: ") and field in err


def test_not_yaml_exits_2(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("ruleset: [unclosed", encoding="utf-8")
    code, _out, err = run_cli(path, "--shipped-only")
    assert code == 2 and f"error: {path}: not valid YAML" in err  # the file named (review 14 surfaces, Y5)


def test_saved_assessments_and_scenarios_with_saved(tmp_path, shipped_data, monkeypatch):
    """--saved adds every saved assessment's answers (and the library's saved scenarios)."""
    from sqlalchemy import text

    from store.db import connect

    url = f"sqlite:///{tmp_path / 'fsp.sqlite3'}"
    engine = connect(url)
    pat = users.create_user(engine, "pat", "practitioner", "North", "correct horse battery")
    moves = make_case([SCHOOL], age_years=9)  # school attendance: the draft makes it extensive
    stays = make_case([], age_years=9)  # nothing chosen: universal under both
    save_assessment(engine, pat, "FSP-0012", moves, evaluate(moves))
    save_assessment(engine, pat, "FSP-0013", stays, evaluate(stays))
    scenario = next(i.scenario for i in load_paths(default_paths()) if i.scenario.id == "level-additional-school-attendance")
    with engine.begin() as conn:
        from pathway.scenarios import dump_scenarios

        mine = scenario.model_copy(update={"id": "my-school-case"})
        conn.execute(text("INSERT INTO practice_scenarios VALUES (:i, :y, '2026-01-01')"), {"i": mine.id, "y": dump_scenarios([mine])})

    def school_is_extensive(d):
        for ind in d["indicators"]:
            if ind["id"] == SCHOOL:
                ind["level"] = "extensive"

    path = write(tmp_path, draft(shipped_data, school_is_extensive))
    code, out, _ = run_cli(path, "--json", "--saved", "--database-url", url)
    doc = json.loads(out)
    by_kind = {}
    for c in doc["changes"]:
        by_kind.setdefault(c["kind"], set()).add(c["id"])
    assert code == 1
    assert by_kind["saved assessment"] == {"FSP-0012#1"}
    assert by_kind["saved scenario"] == {"my-school-case"}
    shipped = len(load_paths(default_paths()))
    assert doc["counts"] == {"shipped scenario": shipped, "saved scenario": 1, "saved assessment": 2}

    from store import audit

    rows = audit.entries(engine, action="ruleset.review")
    assert len(rows) == 1 and rows[0].detail == "count=2 cli"

    # without --saved, the database gives only its saved scenarios
    doc = json.loads(run_cli(path, "--json", "--database-url", url)[1])
    assert "saved assessment" not in doc["counts"] and doc["counts"]["saved scenario"] == 1


def test_evaluate_under_a_draft_leaves_the_shipped_rules_alone(shipped_data):
    """Two catalogues in one process: each decision names its own ruleset, and the shipped one is unchanged."""
    data = draft(shipped_data, lambda d: d["interpretations"]["combination"].update(min_indicators=2, min_domains=1), "two")
    changed = Catalogue.model_validate(data)
    case = make_case([SCHOOL, "additional.not_achieving_key_stage"], age_years=11)
    before = evaluate(case)
    under_draft = evaluate(case, catalogue=changed)
    after = evaluate(case)
    assert under_draft.ruleset.endswith("(two)") and before == after
    assert before.level.value == "additional" and under_draft.level.value == "extensive"  # 2 needs: a range now
    report = diff(scenario_items([], "shipped scenario"), load_catalogue(), changed)
    assert report.cases == 0 and report.changes == ()


def test_a_contact_without_a_number_is_named_without_one(shipped_data):
    """The allocated social worker has no number in the document (phone: null): the report names
    them alone, never 'the team (None)'; a number the draft gives them still shows as a change."""
    from training.ruleset_diff import Outcome

    case = make_case(["additional.lack_routine"], caf="none", disability="none", caller="professional", open_to_social_care=True)
    outcome = Outcome.of(evaluate(case))
    assert outcome.route and "None" not in outcome.route and "None" not in outcome.first_contact
    assert outcome.first_contact == load_catalogue().contact("allocated_social_worker").name

    def number_for_the_social_worker(d):
        for c in d["contacts"]:
            if c["id"] == "allocated_social_worker":
                c["phone"] = "0115 000 0001"

    items = [i for i in scenario_items([i.scenario for i in load_paths(default_paths())], "shipped scenario") if i.case.context.open_to_social_care]
    assert items
    report = diff(items, load_catalogue(), Catalogue.model_validate(draft(shipped_data, number_for_the_social_worker)))
    assert {c.item.id for c in report.changes} == {i.id for i in items}


# --- mut18: the report's saved-assessment parts and its text under mutation (docs/safety/mutation.md, review 18).
# Oracle: a report built by hand and its text written out here in full (columns right-aligned, 15 wide: the longest
# level name, child_in_need, and two), not read back from render_text.

OLD_RULES = "fsp-2014 (1.0.0, decisions 0123456789ab)"


def _hand_report():
    from datetime import datetime, timezone

    from training.ruleset_diff import Change, Item, Outcome, Report, Saved, SinceSaved

    case = make_case([SCHOOL])
    now = datetime(2027, 6, 1, 10, 0, tzinfo=timezone.utc)
    reasons = ({"rule": "combination", "level": "extensive", "source": "Levels of need, p13", "indicators": ["a.one", "a.two"], "explanation": "x"},)
    extensive = Outcome(level="extensive", immediate=False, route="Team E (0115 1)", first_contact="Desk (0115 2)", reasons=reasons)
    ring = Outcome(level="protection", immediate=True, route="CSC (0115 3)", first_contact="CFD (0115 4)")
    changes = (
        Change(Item("shipped scenario", "s-1", case, now), Outcome(level="refused", refused="no such need"), extensive, ("refused",)),
        Change(
            Item("shipped scenario", "s-2", case, now),
            Outcome(level="additional", route="FS (0115 5)", first_contact="FS (0115 5)"),
            ring,
            ("level", "immediate"),
        ),
    )

    def entry(n):
        return Item("saved assessment", f"FSP-000{n}#{n}", case, now)

    since = (
        SinceSaved(entry(1), Saved("extensive", False, OLD_RULES), Outcome(level="protection", immediate=True), Outcome(level="additional", immediate=False)),
        SinceSaved(entry(2), Saved("protection", True, OLD_RULES), Outcome(level="refused", refused="gone"), Outcome(level="protection", immediate=True)),
        SinceSaved(entry(3), Saved("additional", False, OLD_RULES), Outcome(level="universal", immediate=False), Outcome(level="refused", refused="bad")),
    )
    return Report(
        current="fsp-2014 (1.1.0)",
        draft="fsp-2014 (1.2.0)",
        cases=5,
        counts={"shipped scenario": 2, "saved assessment": 3},
        changes=changes,
        transitions={
            ("refused", "extensive"): 1,
            ("additional", "protection"): 1,
            ("protection", "refused"): 1,
            ("universal", "refused"): 1,
            ("extensive", "additional"): 1,
        },
        saved_transitions={("extensive", "protection"): 1, ("protection", "refused"): 1, ("additional", "universal"): 1},
        since_saved=since,
    )


def test_the_text_report_says_every_part_in_its_columns_and_words():
    from training.ruleset_diff import render_text

    w = 15
    head = " " * w + "      universal     additional      extensive  child_in_need     protection        refused"

    def row(name, *ns):  # a level left-aligned in 15, each count right-aligned in 15
        return name + " " * (w - len(name)) + "".join(" " * 14 + str(n) for n in ns)

    expected = [
        "Current ruleset: fsp-2014 (1.1.0)",
        "Draft ruleset:   fsp-2014 (1.2.0)",
        "Cases decided:   5 (3 saved assessment, 2 shipped scenario)",
        "Changed:         2",
        "",
        "Transitions (rows: current level; columns: draft level)",
        head,
        row("universal", 0, 0, 0, 0, 0, 1),
        row("additional", 0, 0, 0, 0, 1, 0),
        row("extensive", 0, 1, 0, 0, 0, 0),
        row("child_in_need", 0, 0, 0, 0, 0, 0),
        row("protection", 0, 0, 0, 0, 0, 1),
        row("refused", 0, 0, 1, 0, 0, 0),
        "",
        "Saved assessments today's ruleset decides differently from the decision they were saved with: 3",
        "Saved assessments (rows: level as saved; columns: today's level)",
        head,
        row("universal", 0, 0, 0, 0, 0, 0),
        row("additional", 1, 0, 0, 0, 0, 0),
        row("extensive", 0, 0, 0, 0, 1, 0),
        row("child_in_need", 0, 0, 0, 0, 0, 0),
        row("protection", 0, 0, 0, 0, 0, 1),
        row("refused", 0, 0, 0, 0, 0, 0),
        f"  saved assessment FSP-0001#1: saved extensive under {OLD_RULES}; today protection (immediate); draft additional",
        f"  saved assessment FSP-0002#2: saved protection (immediate) under {OLD_RULES}; today refused: gone; draft protection (immediate)",
        f"  saved assessment FSP-0003#3: saved additional under {OLD_RULES}; today universal; draft refused: bad",
        "",
        "shipped scenario s-1: refused changed",
        "  current: refused: no such need",
        "  draft: extensive; route Team E (0115 1); first contact Desk (0115 2)",
        "    - combination (extensive; Levels of need, p13): a.one, a.two",
        "",
        "shipped scenario s-2: level, immediate changed",
        "  current: additional; route FS (0115 5); first contact FS (0115 5)",
        "  draft: protection (immediate); route CSC (0115 3); first contact CFD (0115 4)",
    ]
    assert render_text(_hand_report()) == "\n".join(expected) + "\n"


def test_the_json_report_gives_each_saved_assessment_decided_otherwise_under_its_keys():
    doc = _hand_report().as_dict()
    assert doc["changed"] == 2 and doc["changed_since_saved"] == 3
    blank = {"route": None, "first_contact": None, "ruleset": None, "reasons": []}
    assert doc["since_saved"][1] == {
        "kind": "saved assessment",
        "id": "FSP-0002#2",
        "saved": {"level": "protection", "immediate": True, "ruleset": OLD_RULES},
        "current": {"level": "refused", "immediate": None, "refused": "gone", **blank},
        "draft": {"level": "protection", "immediate": True, "refused": None, **blank},
    }
    assert doc["saved_transitions"]["extensive"] == {"universal": 0, "additional": 0, "extensive": 0, "child_in_need": 0, "protection": 1, "refused": 0}


def test_saved_answers_become_items_decided_at_their_own_moment_and_office_hours():
    from datetime import datetime, timezone

    from pathway.settings import OfficeHours
    from store.assessments import SavedAnswers
    from training.ruleset_diff import Saved, assessment_items

    case = make_case([SCHOOL]).model_dump(mode="json")
    rows = [
        SavedAnswers(1, "FSP-0001", OLD_RULES, case, "2027-06-05T11:00:00+01:00", "additional", False),
        SavedAnswers(2, "FSP-0002", OLD_RULES, case, "2027-06-07T09:00:00+00:00"),  # no level stored: nothing to compare with
    ]
    first, second = assessment_items(rows)
    assert (first.kind, first.id, second.id) == ("saved assessment", "FSP-0001#1", "FSP-0002#2")
    assert first.now == datetime(2027, 6, 5, 10, 0, tzinfo=timezone.utc) and second.now == datetime(2027, 6, 7, 9, 0, tzinfo=timezone.utc)
    assert first.office_hours == OfficeHours.from_env() == second.office_hours
    assert first.saved == Saved("additional", False, OLD_RULES) and second.saved is None
    # a row read without the stored level at all (as before review 15's Z5) is an item with nothing saved to compare
    from types import SimpleNamespace

    [older] = assessment_items([SimpleNamespace(id=3, case_ref="FSP-0003", case=case, contact_time="2027-06-07T09:00:00+00:00")])
    assert older.saved is None


def test_a_report_with_nothing_refused_and_nothing_saved_has_no_refused_column_and_no_saved_table():
    from training.ruleset_diff import Report

    report = Report(current="a", draft="b", cases=1, counts={"shipped scenario": 1}, changes=(), transitions={("additional", "additional"): 1})
    assert report.columns == ["universal", "additional", "extensive", "child_in_need", "protection"]
    doc = report.as_dict()
    assert doc["saved_transitions"] == {} and doc["since_saved"] == [] and doc["changed"] == 0


def test_each_table_has_a_refused_column_only_for_its_own_refusals():
    """The draft's table and the saved assessments' table each add "refused" only when a case of their own was
    refused: a draft that refuses a shipped case does not give the saved table a refused column, nor the reverse
    (review 19, mutation: either property reading the other's transitions went unnoticed). Oracle: the levels
    lowest first, written out."""
    from training.ruleset_diff import Report

    levels = ["universal", "additional", "extensive", "child_in_need", "protection"]
    counts = {"shipped scenario": 1}
    draft_refuses = Report("a", "b", 1, counts, (), {("additional", "refused"): 1}, saved_transitions={("additional", "additional"): 1})
    assert (draft_refuses.columns, draft_refuses.saved_columns) == ([*levels, "refused"], levels)
    saved_refused = Report("a", "b", 1, counts, (), {("additional", "additional"): 1}, saved_transitions={("protection", "refused"): 1})
    assert (saved_refused.columns, saved_refused.saved_columns) == (levels, [*levels, "refused"])


def test_saved_decisions_are_counted_one_each_and_compared_with_todays_immediacy():
    """mut18's two gaps left (docs/safety/mutation.md, review 18: `diff` 34 and 38). Oracle: p9 makes an allegation
    or disclosure an immediate referral at Protection (p9), and two saved entries are two entries in the owners'
    table. An entry saved as Protection but not immediate is decided otherwise today (the immediacy differs); one
    saved as immediate Protection is not."""
    from datetime import datetime, timezone

    from training.ruleset_diff import Item, Saved

    shipped = load_catalogue()
    now = datetime(2027, 6, 8, 10, 0, tzinfo=timezone.utc)  # a Tuesday, in office hours
    school = make_case([SCHOOL])
    p9 = make_case(["immediate.allegation_or_disclosure"])
    today = evaluate(school)
    items = [
        Item("saved assessment", "A#1", school, now, saved=Saved(today.level.value, False, OLD_RULES)),
        Item("saved assessment", "A#2", school, now, saved=Saved(today.level.value, False, OLD_RULES)),
        Item("saved assessment", "B#3", p9, now, saved=Saved("protection", False, OLD_RULES)),
        Item("saved assessment", "C#4", p9, now, saved=Saved("protection", True, OLD_RULES)),
    ]
    report = diff(items, shipped, shipped)
    assert report.saved_transitions[(today.level.value, today.level.value)] == 2
    assert report.saved_transitions[("protection", "protection")] == 2
    assert [s.item.id for s in report.since_saved] == ["B#3"]

"""Entries saved in error (review 19 surfaces, noted): marked with a reason by the entry's author or a
manager of its team, never deleted; a mark withdrawn by a further row; counted in no figure of levels;
audited with ids only. Every test runs on SQLite and, when set up, PostgreSQL (tests/store/conftest.py)."""

import json
from datetime import timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from store import Invalid, NotFound, export, marks
from store import assessments as A
from store.audit import entries as audit_entries
from store.config import StoreConfig
from store.dashboard import team_dashboard
from store.retention import run_retention
from tests.store.conftest import T0, assess

ADDITIONAL = "additional.concerns_about_diet_poor"
REASON = "typed FSP-010 for FSP-001: another child's reference"


@pytest.fixture
def saved(engine, people):
    """pam (north) saves the same answers under a mistyped FSP-010, then under FSP-001."""
    case, decision = assess([ADDITIONAL])
    wrong = A.save_assessment(engine, people["pam"], "FSP-010", case, decision, now=T0)
    right = A.save_assessment(engine, people["pam"], "FSP-001", case, decision, now=T0 + timedelta(minutes=1))
    return wrong, right


def test_the_author_marks_an_entry_in_error_and_the_entry_is_kept(engine, people, saved):
    wrong, _ = saved
    m = marks.mark_in_error(engine, people["pam"], wrong.id, f"  {REASON} ", now=T0 + timedelta(minutes=2))
    entry = A.get_assessment(engine, people["pam"], wrong.id)
    assert entry.in_error == m and m.reason == REASON and m.username == "pam" and m.created_at == T0 + timedelta(minutes=2)
    assert entry.case == wrong.case and entry.level == wrong.level  # nothing rewritten
    row = audit_entries(engine, action="entry.marked_in_error")[-1]
    assert (row.user_id, row.record_id, row.case_ref, row.detail) == (people["pam"].id, wrong.id, "FSP-010", f"mark={m.id}")
    assert "typed" not in json.dumps([r.detail for r in audit_entries(engine)])  # never the reason


def test_a_manager_of_the_team_marks_it_and_another_team_cannot(engine, people, saved):
    wrong, _ = saved
    for outsider in ("sue", "mia", "pete"):  # another team's practitioner and manager; a teammate who is not its author
        with pytest.raises(NotFound):
            marks.mark_in_error(engine, people[outsider], wrong.id, REASON)
    assert [r.outcome for r in audit_entries(engine, action="entry.marked_in_error")] == ["not_found"] * 3
    assert A.get_assessment(engine, people["pam"], wrong.id).in_error is None
    assert marks.mark_in_error(engine, people["mo"], wrong.id, REASON).username == "mo"


@pytest.mark.parametrize("reason", ["", "   ", "\u200b", "a\x00b", "x" * (A.MAX_REASON + 1), None])
def test_a_written_reason_is_required(engine, people, saved, reason):
    with pytest.raises(Invalid) as exc:
        marks.mark_in_error(engine, people["pam"], saved[0].id, reason)
    assert exc.value.field == "reason"
    assert A.get_assessment(engine, people["pam"], saved[0].id).marks == ()


def test_marking_twice_is_refused_and_a_withdrawal_is_a_further_row(engine, people, saved):
    wrong, _ = saved
    with pytest.raises(Invalid):
        marks.withdraw_mark(engine, people["pam"], wrong.id, "nothing to withdraw")
    first = marks.mark_in_error(engine, people["pam"], wrong.id, REASON, now=T0)
    with pytest.raises(Invalid):
        marks.mark_in_error(engine, people["pam"], wrong.id, "again")
    back = marks.withdraw_mark(engine, people["mo"], wrong.id, "the reference was right after all", now=T0 + timedelta(hours=1))
    entry = A.get_assessment(engine, people["pam"], wrong.id)
    assert entry.in_error is None and [m.kind for m in entry.marks] == ["in_error", "withdrawn"] and entry.marks[0] == first
    assert back.username == "mo" and audit_entries(engine, action="entry.mark_withdrawn")[-1].detail == f"mark={back.id}"
    again = marks.mark_in_error(engine, people["pam"], wrong.id, "it was wrong after all", now=T0 + timedelta(hours=2))
    assert A.get_assessment(engine, people["pam"], wrong.id).in_error == again


def test_the_same_form_posted_twice_marks_once(engine, people, saved):
    token = "t" * 32
    m1, again1 = marks.add_mark_once(engine, people["pam"], saved[0].id, "in_error", REASON, token=token)
    m2, again2 = marks.add_mark_once(engine, people["pam"], saved[0].id, "in_error", REASON, token=token)
    assert (again1, again2) == (False, True) and m1 == m2
    assert len(A.get_assessment(engine, people["pam"], saved[0].id).marks) == 1


def test_marks_are_append_only_and_go_with_retention(engine, people, saved):
    marks.mark_in_error(engine, people["pam"], saved[0].id, REASON, now=T0)
    for sql in ("UPDATE entry_marks SET reason = 'x'", "DELETE FROM entry_marks"):
        with engine.begin() as conn, pytest.raises(DBAPIError, match="append-only"):
            conn.execute(text(sql))
    report = run_retention(engine, config=StoreConfig(retention_days=1), now=T0 + timedelta(days=5))
    assert report.assessments_removed == 2
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM entry_marks")).scalar_one() == 0


def test_an_entry_in_error_counts_in_no_figure(engine, people, saved):
    wrong, right = saved
    A.record_override(engine, people["pam"], wrong.id, "protection", "overridden before the slip was seen")
    before = team_dashboard(engine, people["mo"])
    assert before.entries == 2 and before.overridden == 1
    marks.mark_in_error(engine, people["pam"], wrong.id, REASON)
    d = team_dashboard(engine, people["mo"])
    assert (d.entries, d.overridden, d.up, d.in_error) == (1, 0, 0, 1)
    assert sum(sum(c.values()) for _, c in d.months) == 1 and sum(d.differ.values()) == 1
    # the case list: the mistyped reference has no level left, and says how many were in error
    cases = {c.case_ref: c for c in A.list_case_refs(engine, people["pam"])}
    assert (cases["FSP-010"].level, cases["FSP-010"].recorded_level, cases["FSP-010"].in_error, cases["FSP-010"].entries) == ("", "", 1, 1)
    assert (cases["FSP-001"].level, cases["FSP-001"].in_error) == (right.level, 0)


def test_a_case_lists_the_latest_entry_not_in_error(engine, people):
    low = high = assess([ADDITIONAL])
    first = A.save_assessment(engine, people["pam"], "FSP-002", *low, now=T0)
    A.record_override(engine, people["pam"], first.id, "extensive", "kept")
    later = A.save_assessment(engine, people["pam"], "FSP-002", *high, now=T0 + timedelta(minutes=1))
    marks.mark_in_error(engine, people["pam"], later.id, REASON)
    (summary,) = A.list_case_refs(engine, people["pam"])
    assert (summary.recorded_level, summary.in_error, summary.entries, summary.last_saved) == ("extensive", 1, 2, later.created_at)


def test_both_exports_say_so(engine, people, saved):
    wrong, _ = saved
    m = marks.mark_in_error(engine, people["pam"], wrong.id, "=" + REASON)
    doc = json.loads(export.export_json(engine, people["pam"], "FSP-010", today=lambda e: None))
    (e,) = doc["entries"]
    assert e["saved_in_error"] == {"id": m.id, "kind": "in_error", "by": "pam", "at": m.created_at.isoformat(), "reason": "=" + REASON}
    assert e["error_marks"] == [e["saved_in_error"]]
    rows = export.export_csv(engine, people["pam"], "FSP-010", today=lambda e: None).splitlines()
    import csv

    header, row = list(csv.reader(rows))
    cells = dict(zip(header, row))
    assert (cells["saved_in_error"], cells["in_error_reason"], cells["in_error_by"]) == ("True", "'=" + REASON, "pam")

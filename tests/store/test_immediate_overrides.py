"""A level recorded against a decision that was an immediate referral (p9) is set apart and first
wherever overrides are reported: the dashboard's counts and cross-table, the managers' overrides
list, and a case's exports. Real saved entries on SQLite and PostgreSQL; the oracle for which
entries were immediate referrals is the rules' own decision at saving (`Decision.immediate`)."""

from __future__ import annotations

import csv
import io
import json
from datetime import timedelta

from store import assessments as A
from store.dashboard import team_dashboard
from store.export import export_csv, export_json
from tests.store.conftest import T0, assess

IMMEDIATE = "immediate.significant_harm"  # the p9 box: an immediate referral, Protection
PROTECTION = "protection.severe_chronic_health_problems"  # Protection, not an immediate referral
ADDITIONAL = "additional.concerns_about_diet_poor"


def SAME(entry):
    """Every entry decided under today's ruleset (how the web app says otherwise: tests/webapp/accounts/test_overrides_ruleset.py)."""
    return None


def _saved(engine, people):
    """North: an immediate referral lowered to Extensive (and then to Additional), a Protection
    decision that was no immediate referral lowered to Extensive, an immediate referral left as it
    was, and an Additional raised. South: an immediate referral lowered (not North's manager's)."""
    (ci, di), (cp, dp), (ca, da) = assess([IMMEDIATE]), assess([PROTECTION]), assess([ADDITIONAL])
    assert (di.immediate, di.level.value) == (True, "protection") and (dp.immediate, dp.level.value) == (False, "protection")
    north_imm = A.save_assessment(engine, people["pam"], "FSP-0001", ci, di, now=T0)
    north_prot = A.save_assessment(engine, people["pam"], "FSP-0002", cp, dp, now=T0)
    A.save_assessment(engine, people["pete"], "FSP-0003", ci, di, now=T0)
    north_add = A.save_assessment(engine, people["pete"], "FSP-0004", ca, da, now=T0)
    south_imm = A.save_assessment(engine, people["sue"], "STH-0001", ci, di, now=T0)
    first = A.record_override(engine, people["pam"], north_imm.id, "extensive", "Grandmother now lives in", now=T0)
    second = A.record_override(engine, people["mo"], north_imm.id, "additional", "Strategy meeting agreed", now=T0)
    A.record_override(engine, people["pam"], north_prot.id, "extensive", "Treatment in place", now=T0)
    A.record_override(engine, people["pete"], north_add.id, "extensive", "More than it seems", now=T0)
    A.record_override(engine, people["sue"], south_imm.id, "universal", "Unfounded", now=T0)
    return north_imm, (first, second)


def test_the_dashboard_counts_overridden_immediate_referrals_apart(engine, people):
    entry, (first, second) = _saved(engine, people)
    d = team_dashboard(engine, people["mo"], now=T0)
    assert (d.entries, d.overridden) == (4, 3)
    assert d.override_rate == 75  # 3 of 4, as a percentage (review 19, mutation: 101 for 100 went unnoticed)
    assert (d.immediate_overridden, d.immediate_unreviewed) == (1, 1)
    # the cross-table: immediate referrals are a row of their own, first; Protection counts the others
    assert d.tool_rows[0] == ("protection", True) and ("protection", False) in d.tool_rows
    assert d.differ[("protection", True, "additional")] == 1
    assert d.differ[("protection", True, "protection")] == 1  # FSP-0003: no level recorded
    assert d.differ[("protection", False, "extensive")] == 1
    assert ("protection", False, "additional") not in d.differ
    assert d.differ_count == 3
    A.record_review(engine, people["mo"], second.id, "Discussed", now=T0)
    assert team_dashboard(engine, people["mo"], now=T0).immediate_unreviewed == 0


def test_the_cross_table_has_protections_immediate_row_first_and_no_other_with_or_without_an_immediate_referral(engine, people):
    """The rows: Protection as an immediate referral first, always (a team with none yet shows the row, empty), then
    every level lowest first; no other level's decision is an immediate referral here, so no other immediate row
    (review 19, mutation: the immediate rows taken from decisions that were not immediate, or shown only once a team
    had one, went unnoticed). Oracle: the levels written out, and the rules' own `immediate` at saving."""
    every_level = [(lv, False) for lv in ("universal", "additional", "extensive", "child_in_need", "protection")]
    case, decision = assess([ADDITIONAL])
    assert not decision.immediate
    A.save_assessment(engine, people["pam"], "FSP-0009", case, decision, now=T0)
    assert team_dashboard(engine, people["mo"], now=T0).tool_rows == [("protection", True), *every_level]
    _saved(engine, people)
    assert team_dashboard(engine, people["mo"], now=T0).tool_rows == [("protection", True), *every_level]


def test_a_review_of_an_earlier_override_leaves_the_latest_unreviewed(engine, people):
    _entry, (first, _second) = _saved(engine, people)
    A.record_review(engine, people["mo"], first.id, "", now=T0)
    assert team_dashboard(engine, people["mo"], now=T0).immediate_unreviewed == 1


def test_the_overrides_list_gives_immediate_referrals_first_and_apart(engine, people):
    entry, (first, second) = _saved(engine, people)
    immediate, others = A.immediate_first(A.list_overrides(engine, people["mo"], now=T0))
    assert [(e.id, o.id) for e, o in immediate] == [(entry.id, second.id), (entry.id, first.id)]  # newest first
    assert all(not e.immediate for e, _o in others) and {e.case_ref for e, _o in others} == {"FSP-0002", "FSP-0004"}
    assert {e.case_ref for e, _o in A.immediate_first(A.list_overrides(engine, people["mia"], now=T0))[0]} == {"STH-0001"}


def test_a_cases_exports_mark_an_overridden_immediate_referral(engine, people):
    entry, _ = _saved(engine, people)
    doc = json.loads(export_json(engine, people["pam"], "FSP-0001", today=SAME))
    assert [e["immediate_referral_overridden"] for e in doc["entries"]] == [True]
    rows = list(csv.DictReader(io.StringIO(export_csv(engine, people["pam"], "FSP-0001", today=SAME))))
    assert [(r["immediate"], r["immediate_referral_overridden"]) for r in rows] == [("True", "True")]
    # Protection overridden but no immediate referral; an immediate referral not overridden
    for who, ref in (("pam", "FSP-0002"), ("pete", "FSP-0003")):
        assert json.loads(export_json(engine, people[who], ref, today=SAME))["entries"][0]["immediate_referral_overridden"] is False


def test_an_immediate_referral_recorded_lower_then_back_stays_set_apart_and_its_override_is_back_to_the_tools(engine, people):
    """The tool's decision an immediate referral (Protection); pam records Child in Need, then Protection again. The
    second override is the tool's own level ("same"), never "Higher than the tool's"; the entry stays an immediate
    referral with a level recorded, set apart and counted first (the downgrade happened and is a manager's to review:
    it is listed, "down", beside the one going back), and the exports give both levels of each override as recorded.
    Oracle: the levels written out by hand, the rules' own `immediate` at saving."""
    ci, di = assess([IMMEDIATE])
    assert (di.immediate, di.level.value) == (True, "protection")
    e = A.save_assessment(engine, people["pam"], "FSP-0009", ci, di, now=T0)
    lower = A.record_override(engine, people["pam"], e.id, "child_in_need", "Seen by GP", now=T0)
    back = A.record_override(engine, people["pam"], e.id, "protection", "Strategy meeting", now=T0 + timedelta(hours=1))
    assert (lower.direction, back.direction) == ("down", "same")
    immediate, others = A.immediate_first(A.list_overrides(engine, people["mo"], now=T0))
    assert [(o.id, o.direction) for _e, o in immediate] == [(back.id, "same"), (lower.id, "down")] and others == []
    d = team_dashboard(engine, people["mo"], now=T0)
    assert (d.immediate_overridden, d.immediate_unreviewed, d.overridden, d.down, d.up, d.same) == (1, 1, 1, 0, 0, 1)
    assert d.differ == {("protection", True, "protection"): 1}  # recorded now: the tool's own level
    doc = json.loads(export_json(engine, people["pam"], "FSP-0009", today=SAME))
    [entry] = doc["entries"]
    assert (entry["recorded_level"], entry["immediate_referral_overridden"]) == ("protection", True)
    assert [(o["tool_level"], o["level"]) for o in entry["overrides"]] == [("protection", "child_in_need"), ("protection", "protection")]
    [row] = list(csv.DictReader(io.StringIO(export_csv(engine, people["pam"], "FSP-0009", today=SAME))))
    assert (row["tool_level"], row["recorded_level"], row["immediate_referral_overridden"]) == ("protection", "protection", "True")
    assert [(o["tool_level"], o["level"]) for o in json.loads(row["earlier_overrides"])] == [("protection", "child_in_need")]

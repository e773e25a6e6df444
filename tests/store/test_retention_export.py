"""Retention removes only what is past the period and reports references, not answers;
export gives the contract's shapes as JSON and a CSV a spreadsheet cannot execute."""

import csv
import io
import json
from datetime import timedelta

import pytest

from pathway.models import Case, Decision
from store import NotFound
from store import assessments as A
from store.audit import entries as audit_entries
from store.config import StoreConfig
from store.export import CSV_COLUMNS, export_csv, export_json
from store.retention import run_retention
from tests.store.conftest import T0, assess

ADDITIONAL = "additional.concerns_about_diet_poor"
EXTENSIVE = "extensive.chronic_recurring_health_problems"
CFG = StoreConfig(retention_days=365)


def SAME(entry):
    """Every entry decided under today's ruleset (how the web app says otherwise: tests/webapp/accounts/test_overrides_ruleset.py)."""
    return None


def _three_entries(engine, user):
    c1, d1 = assess([ADDITIONAL])
    c2, d2 = assess([ADDITIONAL, EXTENSIVE])
    old = A.save_assessment(engine, user, "FSP-OLD1", c1, d1, now=T0 - timedelta(days=400))
    mixed_old = A.save_assessment(engine, user, "FSP-MIX1", c1, d1, now=T0 - timedelta(days=366))
    mixed_new = A.save_assessment(engine, user, "FSP-MIX1", c2, d2, now=T0 - timedelta(days=364))
    return old, mixed_old, mixed_new


def test_retention_deletes_only_old_entries_and_reports_references(engine, people):
    pam = people["pam"]
    old, mixed_old, mixed_new = _three_entries(engine, pam)
    A.record_override(engine, pam, old.id, "extensive", "judgement")
    report = run_retention(engine, config=CFG, now=T0)
    assert (report.assessments_removed, report.overrides_removed) == (2, 1)
    assert report.case_refs == ("FSP-MIX1", "FSP-OLD1") and report.case_refs_emptied == ("FSP-OLD1",)
    with pytest.raises(NotFound):
        A.history(engine, pam, "FSP-OLD1")
    assert [e.id for e in A.history(engine, pam, "FSP-MIX1")] == [mixed_new.id]
    [row] = audit_entries(engine, action="retention.run")
    assert row.detail == "days=365 assessments=2 overrides=1 case_refs=2"
    assert ADDITIONAL not in repr(audit_entries(engine))  # no answers in the audit trail
    # the permit is gone: outside retention, deletes are refused again
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    with pytest.raises(DBAPIError, match="append-only"):
        with engine.begin() as conn:
            conn.execute(text(f"DELETE FROM assessments WHERE id = {mixed_new.id}"))


def test_retention_dry_run_deletes_nothing(engine, people):
    _three_entries(engine, people["pam"])
    report = run_retention(engine, config=CFG, now=T0, dry_run=True)
    assert report.assessments_removed == 2 and report.dry_run
    assert len(A.history(engine, people["pam"], "FSP-OLD1")) == 1
    assert audit_entries(engine, action="retention.dry_run")


def test_retention_default_keeps_a_24_year_old_entry(engine, people):
    c, d = assess([ADDITIONAL])
    A.save_assessment(engine, people["pam"], "FSP-024", c, d, now=T0 - timedelta(days=24 * 366))
    assert run_retention(engine, config=StoreConfig(), now=T0).assessments_removed == 0


def test_export_json_round_trips_through_the_contract(engine, people):
    pam = people["pam"]
    c1, d1 = assess([ADDITIONAL])
    c2, d2 = assess([ADDITIONAL, EXTENSIVE])
    first = A.save_assessment(engine, pam, "FSP-001", c1, d1, now=T0)
    A.save_assessment(engine, pam, "FSP-001", c2, d2, now=T0 + timedelta(days=7))
    A.record_override(engine, pam, first.id, "extensive", "judgement")
    doc = json.loads(export_json(engine, pam, "FSP-001", today=SAME))
    assert doc["case_ref"] == "FSP-001" and len(doc["entries"]) == 2
    assert Case.parse(doc["entries"][1]["case"]) == c2
    assert Decision.model_validate(doc["entries"][1]["decision"]).level == d2.level
    assert doc["entries"][0]["overrides"][0]["reason"] == "judgement"
    assert doc["changes"][0]["indicators_added"] == [EXTENSIVE]
    assert audit_entries(engine, action="export")[-1].detail == "format=json entries=2"


def test_export_csv_one_row_per_entry_and_formulas_defused(engine, people):
    pam = people["pam"]
    c, d = assess([ADDITIONAL])
    e = A.save_assessment(engine, pam, "FSP-001", c, d, now=T0)
    A.record_override(engine, pam, e.id, "extensive", '=HYPERLINK("http://x")')
    rows = list(csv.DictReader(io.StringIO(export_csv(engine, pam, "FSP-001", today=SAME))))
    assert list(rows[0]) == CSV_COLUMNS and len(rows) == 1
    assert rows[0]["tool_level"] == "additional" and rows[0]["recorded_level"] == "extensive"
    assert rows[0]["indicators"] == ADDITIONAL and rows[0]["override_reason"].startswith("'=")


def test_export_of_someone_elses_case_is_not_found(engine, people):
    c, d = assess([ADDITIONAL])
    A.save_assessment(engine, people["pam"], "FSP-001", c, d)
    for fn in (export_json, export_csv):
        with pytest.raises(NotFound):
            fn(engine, people["sue"], "FSP-001", today=SAME)

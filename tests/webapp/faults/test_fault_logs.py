"""What a fault leaves in the log: the error's class, never the case reference, the answers or
an override's reason; not even with SQLAlchemy's SQL logging switched on to diagnose it."""

from __future__ import annotations

import logging

from store.assessments import history
from tests.webapp.accounts.conftest import put_answers, sign_in
from tests.webapp.conftest import drawn, post_drawn
from tests.webapp.faults.conftest import assert_unavailable_page, locked

TICKS = {"health": ["additional.dental_decay_not_accessing"], "parents_carers": ["additional.lack_routine"]}
REASON = "Grandmother moved in with the family"


def test_a_fault_is_logged_by_class_without_the_case(client, db_path, engine, pat, catalogue, caplog):
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.INFO, logger="sqlalchemy.engine")  # SQL logging on, as when diagnosing
    sign_in(client, "pat")
    put_answers(client, TICKS)
    assert post_drawn(client, "/save", {"case_ref": "FSP-4821"}).status_code == 302
    [entry] = history(engine, pat, "FSP-4821")
    override = f"/cases/FSP-4821/entries/{entry.id}/level"
    save_page, override_page = drawn(client, "/save"), drawn(client, override)  # drawn before the lock, as a browser holds them
    with locked(db_path):
        assert_unavailable_page(client.post("/save", data={**save_page, "case_ref": "FSP-4822"}), catalogue)
        assert_unavailable_page(client.post(override, data={**override_page, "level": "extensive", "reason": REASON}), catalogue)
    faults = [r for r in caplog.records if r.getMessage().startswith("database unavailable")]
    assert [r.getMessage() for r in faults] == [
        "database unavailable: OperationalError sqlite3.OperationalError SQLITE_BUSY (at cases.save)",
        "database unavailable: OperationalError sqlite3.OperationalError SQLITE_BUSY (at cases.override)",
    ]
    assert "INSERT INTO assessments" in caplog.text  # the SQL was logged, its values not
    logged = caplog.text + "".join(str(r.exc_info) for r in caplog.records)
    for secret in ("FSP-4821", "FSP-4822", "dental_decay", "lack_routine", "Grandmother", "age_years"):
        assert secret not in logged, secret
    assert not any(r.exc_info for r in caplog.records)  # no traceback either

"""The accounts pages on PostgreSQL (skipped, saying why, without a server): web sessions and the
store's tables in one database, sign in, save twice, the case page, an override and an export."""

from __future__ import annotations

import pytest

from store.users import create_user
from tests.store.conftest import postgres_schema_url
from tests.webapp.accounts.conftest import ADDITIONAL, EXTENSIVE, PASSWORD, save, sign_in
from tests.webapp.conftest import ALWAYS_OPEN, post_drawn, text
from webapp import create_app


@pytest.fixture
def pg_app():
    with postgres_schema_url("w_") as url:
        app = create_app({"TESTING": True, "WTF_CSRF_ENABLED": False, "SECRET_KEY": "test", "OFFICE_HOURS": ALWAYS_OPEN, "DATABASE_URL": url})
        yield app
        app.extensions["fsp_store"].dispose()
        app.extensions["fsp_db"].dispose()


def test_save_history_override_and_export_on_postgresql(pg_app):
    create_user(pg_app.extensions["fsp_store"], "pat", "practitioner", "North", PASSWORD)
    client = pg_app.test_client()
    assert sign_in(client, "pat").status_code == 302
    assert save(client, "FSP-0001", ADDITIONAL).status_code == 302
    assert save(client, "FSP-0001", EXTENSIVE).status_code == 302
    words = text(client.get("/cases/FSP-0001"))
    assert "Stepped up" in words and "Level over time" in words
    from store.assessments import history
    from store.users import find_user

    entry = history(pg_app.extensions["fsp_store"], find_user(pg_app.extensions["fsp_store"], "pat"), "FSP-0001")[-1]
    r = post_drawn(client, f"/cases/FSP-0001/entries/{entry.id}/level", {"level": "child_in_need", "reason": "Judgement"})
    assert r.status_code == 302
    assert "Recorded: Child in Need Tool: Extensive" in text(client.get("/cases/FSP-0001"))
    assert client.get("/cases/FSP-0001/export.csv").mimetype == "text/csv"
    client.post("/sign-out")
    assert client.get("/cases").headers["Location"] == "/sign-in"

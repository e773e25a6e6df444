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


def test_the_largest_id_a_path_names_is_a_clear_404_on_postgresql_not_a_500(pg_app):
    """PostgreSQL's INTEGER is 4 bytes: an id from 2**31 to 2**63 - 1 (which the paths took before stop 38,
    checked on SQLite only) was `integer out of range`, a 500 on every route taking an id. The largest id a
    path names (2**31 - 1) reaches the database and is not found; one more matches no route."""
    from tests.webapp.conftest import signed_in_client

    engine = pg_app.extensions["fsp_store"]
    create_user(engine, "pat", "practitioner", "North", PASSWORD)
    create_user(engine, "meg", "manager", "North", PASSWORD)
    pat, meg = pg_app.test_client(), pg_app.test_client()
    assert sign_in(pat, "pat").status_code == 302 and sign_in(meg, "meg").status_code == 302
    assert save(pat, "FSP-0001", ADDITIONAL).status_code == 302
    tess = signed_in_client(pg_app, "tess", "trainer")
    code = tess.post("/practice/new", data={"scenarios": ["age-under-2-bruising"]}).location.rsplit("/", 1)[-1]
    for oid, status in ((2**31 - 1, 404), (2**31, 404), (2**63 - 1, 404)):
        entry = f"/cases/FSP-0001/entries/{oid}"
        for path in (entry, f"{entry}/level", f"{entry}/document"):
            assert pat.get(path).status_code == status, path
        assert post_drawn(pat, f"{entry}/level", {"level": "protection", "reason": "r"}).status_code == status
        assert pat.post(f"{entry}/assess-again").status_code == status
        assert tess.post(f"/practice/session/{code}/trainees/{oid}/remove").status_code == status
        assert tess.get(f"/practice/scenarios/age-under-2-bruising/versions/{oid}.yaml").status_code == status
        review = meg.get(f"/overrides/{oid}/review")
        assert review.status_code == status and "Saved assessment not found" in text(review)
        assert "Nothing was recorded" in text(meg.post(f"/overrides/{oid}/review", data={"note": "Agreed"}))

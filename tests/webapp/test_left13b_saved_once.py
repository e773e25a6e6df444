"""left13b: the same saving form posted twice (a double click, the browser sending it again) saves once.

Each saving form carries a one-time token made when its page is drawn; the second post of the same
body is shown what the first saved ("already saved", linking to it), never a second row, never an
error. Oracle: the number of rows in the database, counted here with SQL, and the pages' words.
On SQLite, and on PostgreSQL when a test server is set up (skipped, saying why, otherwise).
"""

from __future__ import annotations

import re
from html import unescape

import pytest
from sqlalchemy import func, select

from store.models import assessments, override_reviews, overrides
from store.users import create_user
from tests.store.conftest import postgres_schema_url
from tests.webapp.conftest import ALWAYS_OPEN, CHILD, PASSWORD, drawn, hidden, post_drawn, sign_in, text, walk_needs
from webapp import create_app


@pytest.fixture(params=["sqlite", "postgresql"])
def any_app(request, tmp_path):
    config = {"TESTING": True, "WTF_CSRF_ENABLED": False, "SECRET_KEY": "test", "OFFICE_HOURS": ALWAYS_OPEN}
    if request.param == "sqlite":
        yield create_app({**config, "DATABASE_URL": f"sqlite:///{tmp_path / 'web.sqlite3'}"})
        return
    with postgres_schema_url("w_") as url:
        app = create_app({**config, "DATABASE_URL": url})
        yield app
        app.extensions["fsp_store"].dispose()
        app.extensions["fsp_db"].dispose()


def _client(app, username, role):
    create_user(app.extensions["fsp_store"], username, role, "North", PASSWORD)
    client = app.test_client()
    sign_in(client, username)
    return client


def _count(app, table) -> int:
    with app.extensions["fsp_store"].connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


def _token(page: str) -> str:
    found = re.search(r'name="form_token"[^>]*value="([^"]+)"', page) or re.search(r'value="([^"]+)"[^>]*name="form_token"', page)
    assert found, "the form carries no one-time token"
    return unescape(found.group(1))


def _assessed(client) -> None:
    client.post("/safety", data={"immediate": "none"})
    client.post("/child", data=CHILD)
    walk_needs(client, {"health": ["additional.dental_decay_not_accessing"]})


def test_the_save_form_posted_twice_saves_one_entry_and_says_it_was_already_saved(any_app):
    pat = _client(any_app, "pat", "practitioner")
    _assessed(pat)
    body = {**drawn(pat, "/save"), "case_ref": "DBL-0001"}
    first = pat.post("/save", data=body)
    second = pat.post("/save", data=body)
    assert first.status_code == second.status_code == 302
    assert _count(any_app, assessments) == 1
    entry_id = re.search(r"saved=(\d+)", first.headers["Location"]).group(1)
    page = pat.get(second.headers["Location"]).get_data(as_text=True)
    assert "This assessment was already saved under DBL-0001." in text(pat.get(second.headers["Location"]))
    assert f'href="/cases/DBL-0001/entries/{entry_id}"' in page
    assert "1 saved assessment," in text(pat.get("/cases/DBL-0001"))
    first_page = text(pat.get(first.headers["Location"]))
    assert "Assessment saved under DBL-0001." in first_page and "already saved" not in first_page


def test_the_save_page_drawn_again_saves_again_and_another_reference_is_never_merged(any_app):
    pat = _client(any_app, "pat", "practitioner")
    _assessed(pat)
    page = drawn(pat, "/save")
    pat.post("/save", data={**page, "case_ref": "DBL-0002"})
    pat.post("/save", data={**page, "case_ref": "DBL-0003"})  # the same page, another reference: another save
    later = drawn(pat, "/save")
    assert later["form_token"] != page["form_token"]
    pat.post("/save", data={**later, "case_ref": "DBL-0002"})  # saved again later: the history grows
    assert _count(any_app, assessments) == 3
    assert "2 saved assessments," in text(pat.get("/cases/DBL-0002"))
    assert "1 saved assessment," in text(pat.get("/cases/DBL-0003"))


def test_a_refused_save_keeps_its_token_and_the_corrected_post_saves_once(any_app):
    pat = _client(any_app, "pat", "practitioner")
    _assessed(pat)
    page = drawn(pat, "/save")
    token = page["form_token"]
    refused = pat.post("/save", data={**page, "case_ref": "no number"}).get_data(as_text=True)  # followed, as a browser
    assert "Case reference" in refused and _token(refused) == token  # the refused form, shown again with its token
    body = {**hidden(refused), "case_ref": "DBL-0004"}
    pat.post("/save", data=body)
    pat.post("/save", data=body)
    assert _count(any_app, assessments) == 1


def test_the_override_form_posted_twice_records_one_level_with_no_error(any_app):
    pat = _client(any_app, "pat", "practitioner")
    _assessed(pat)
    post_drawn(pat, "/save", {"case_ref": "DBL-0005"})
    link = re.search(r"/cases/DBL-0005/entries/\d+/level", pat.get("/cases/DBL-0005").get_data(as_text=True)).group(0)
    body = {**drawn(pat, link), "level": "extensive", "reason": "Seen at home"}
    first = pat.post(link, data=body)
    second = pat.post(link, data=body)
    assert first.status_code == second.status_code == 302
    assert second.headers["Location"].startswith("/cases/DBL-0005")  # the case page, not the form with an error
    assert _count(any_app, overrides) == 1
    words = text(pat.get(second.headers["Location"]))
    assert "This level was already recorded." in words and "already the recorded level" not in words


def test_the_review_form_posted_twice_records_one_review(any_app):
    pat = _client(any_app, "pat", "practitioner")
    _assessed(pat)
    post_drawn(pat, "/save", {"case_ref": "DBL-0006"})
    link = re.search(r"/cases/DBL-0006/entries/\d+/level", pat.get("/cases/DBL-0006").get_data(as_text=True)).group(0)
    post_drawn(pat, link, {"level": "extensive", "reason": "Seen at home"})
    mo = _client(any_app, "mo", "manager")
    review = re.search(r"/overrides/\d+/review", mo.get("/overrides").get_data(as_text=True)).group(0)
    body = {"note": "Discussed", "form_token": _token(mo.get(review).get_data(as_text=True))}
    first = mo.post(review, data=body)
    second = mo.post(review, data=body)
    assert first.status_code == second.status_code == 302
    assert _count(any_app, override_reviews) == 1
    assert "Your review was already recorded." not in text(mo.get(first.headers["Location"]))  # said only when sent again
    assert "Your review was already recorded." in text(mo.get(second.headers["Location"]))
    mo.post(review, data={"note": "Discussed again", "form_token": _token(mo.get(review).get_data(as_text=True))})
    assert _count(any_app, override_reviews) == 2  # a review drawn again is another review

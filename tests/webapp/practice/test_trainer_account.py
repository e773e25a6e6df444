"""A practice session belongs to the account that started it (review 19 surfaces, S3): signed out and in
again, in the same browser or another, that account opens the session's page, summary and summary.csv with
the trainees' answers, and finds it listed on "Your practice sessions". Another trainer, a trainee and
someone with only the join code still get what an unused code gets (404). A session started before
revision 0009 (no account id) keeps working the old way: its token, in the browser that started it.

On SQLite and PostgreSQL (skipped, saying why, without a server)."""

from __future__ import annotations

import csv
import hashlib
import io
import re
from datetime import datetime, timezone

from sqlalchemy import insert
from sqlalchemy import text as sql

from store.models import practice_results, practice_sessions
from store.users import create_user, find_user
from tests.webapp.conftest import PASSWORD, csv_text, sign_in, text
from tests.webapp.test_left13b_saved_once import any_app  # noqa: F401  (the fixture: SQLite and PostgreSQL)
from webapp.practice.forms import indicator_data

MONDAYS = "level-additional-school-attendance"  # 11 years; model answer: Additional (its scenario file)
MONDAYS_RIGHT = ["additional.poor_school_attendance_exclusion", "additional.not_achieving_key_stage"]


def account(app, username: str, role: str = "trainer") -> None:
    create_user(app.extensions["fsp_store"], username, role, "Training", PASSWORD)


def three_accounts(app):
    """tess (who starts the sessions), tom (another trainer) and pat (a practitioner): tess's browser."""
    account(app, "tess")
    account(app, "tom")
    account(app, "pat", "practitioner")
    return browser(app, "tess")


def browser(app, username: str | None = None):
    """A new browser (its own cookies), signed in as `username` when given."""
    client = app.test_client()
    if username:
        assert sign_in(client, username).status_code == 302
    return client


def start(client) -> str:
    r = client.post("/practice/new", data={"scenarios": [MONDAYS]})
    assert r.status_code == 302, text(r)
    return r.location.rstrip("/").rsplit("/", 1)[-1]


def joined_and_answered(app, code: str, name: str, level: str):
    trainee = app.test_client()
    assert trainee.post("/practice/join", data={"code": code, "name": name}).status_code == 302
    r = trainee.post(f"/practice/s/{code}/{MONDAYS}", data={"level": level, **indicator_data(MONDAYS_RIGHT)})
    assert r.status_code == 302, text(r)
    return trainee


def pages(code: str) -> list[str]:
    return [f"/practice/session/{code}", f"/practice/session/{code}/summary", f"/practice/session/{code}/summary.csv"]


def rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(csv_text(response))))


def test_signed_out_and_in_again_the_trainer_opens_the_session_summary_and_csv(any_app):
    app = any_app
    account(app, "tess")
    first = browser(app, "tess")
    code = start(first)
    trainee = joined_and_answered(app, code, "Tara", "additional")  # the model's level
    joined_and_answered(app, code, "Uma", "extensive")
    assert first.post(f"/practice/session/{code}/end").status_code == 302
    assert first.post("/sign-out").status_code == 302
    assert all(first.get(p).status_code == 404 for p in pages(code))  # signed out: nothing, as before
    for again in (first, browser(app)):  # the same browser signed in again, and a new one
        assert sign_in(again, "tess").status_code == 302
        session_page, summary, table = (again.get(p) for p in pages(code))
        assert (session_page.status_code, summary.status_code, table.status_code) == (200, 200, 200)
        assert "Tara" in text(session_page) and "Uma" in text(session_page)
        assert "50%" in text(summary)  # 1 of the 2 answers chose Additional
        got = rows(table)
        assert ["session", "all scenarios", "2", "50.0"] == got[1][:4]
        assert {r[1]: r[3] for r in got if r[0] == "trainee"} == {"Tara": "100.0", "Uma": "0.0"}
    assert trainee.get(f"/practice/session/{code}").status_code == 404  # the trainee is not the trainer


def test_a_running_session_is_ended_from_another_browser_after_signing_out(any_app):
    app = any_app
    """The loss was not only of past sessions: signing out on the training-room PC lost a live one."""
    account(app, "tess")
    first = browser(app, "tess")
    code = start(first)
    joined_and_answered(app, code, "Tara", "additional")
    first.post("/sign-out")
    laptop = browser(app, "tess")
    assert "Join code" in text(laptop.get(f"/practice/session/{code}"))
    assert laptop.post(f"/practice/session/{code}/end").location == f"/practice/session/{code}/summary"
    assert "has ended" in text(laptop.get(f"/practice/session/{code}"))
    # this browser is now the session's: a sign-in that ends unseen asks to sign in, as in the first browser
    with app.extensions["fsp_store"].begin() as conn:
        conn.execute(sql("update sign_ins set expires_at = :t, last_seen = :t"), {"t": datetime(2000, 1, 1, tzinfo=timezone.utc)})
    r = laptop.get(f"/practice/session/{code}/summary")
    assert (r.status_code, r.location) == (302, "/sign-in")


def test_no_one_else_opens_it(any_app):
    app = any_app
    tess = three_accounts(app)
    code = start(tess)
    trainee = joined_and_answered(app, code, "Tara", "additional")
    outsiders = {"another trainer": browser(app, "tom"), "a practitioner": browser(app, "pat"), "the trainee": trainee, "the join code only": browser(app)}
    for who, client in outsiders.items():
        for path in pages(code):
            r = client.get(path)
            assert r.status_code == 404 and "Tara" not in r.get_data(as_text=True), (who, path)
        assert client.post(f"/practice/session/{code}/end").status_code == 404, who
    tess.post("/sign-out")  # signing out changes nothing for them
    assert browser(app, "tom").get(f"/practice/session/{code}/summary").status_code == 404
    assert "Join code" in text(browser(app, "tess").get(f"/practice/session/{code}"))


def test_your_practice_sessions_lists_the_accounts_own_open_and_ended(any_app):
    app = any_app
    tess = three_accounts(app)
    ended, running = start(tess), start(tess)
    tess.post(f"/practice/session/{ended}/end")
    toms = start(browser(app, "tom"))
    tess.post("/sign-out")
    assert tess.get("/practice/sessions").location == "/sign-in"
    assert browser(app, "pat").get("/practice/sessions").status_code == 403
    page = browser(app, "tess").get("/practice/sessions").get_data(as_text=True)
    for code in (ended, running):
        for path in pages(code):
            assert f'href="{path}"' in page, path
    assert toms not in page
    words = text(browser(app, "tess").get("/practice/sessions"))
    assert words.index(f"{running}, started") < words.index(f"{ended}, started")  # open first
    assert f"{running}, started" in words and "(open)" in words and "(ended)" in words
    assert ended not in browser(app, "tom").get("/practice/sessions").get_data(as_text=True)
    assert 'href="/practice/sessions"' in browser(app).get("/practice/").get_data(as_text=True)


def test_a_session_from_before_revision_0009_still_opens_with_its_token(any_app):
    app = any_app
    """A row with trainer_key only (sha256 of '<account id>:<token>', as records wrote it before 0009)."""
    account(app, "tess")
    uid = find_user(app.extensions["fsp_store"], "tess").id
    token, code = "an-old-trainer-token", "ABCD23"
    tess = browser(app, "tess")
    yaml = tess.get(f"/practice/scenarios/{MONDAYS}.yaml").get_data(as_text=True)
    with app.extensions["fsp_store"].begin() as conn:
        conn.execute(
            insert(practice_sessions).values(
                code=code,
                trainer_key=hashlib.sha256(f"{uid}:{token}".encode()).hexdigest(),
                scenario_ids=f'["{MONDAYS}"]',
                scenarios_yaml=yaml,
                ended=False,
                created_at=datetime.now(timezone.utc),
            )
        )
        conn.execute(insert(practice_results).values(code=code, cohort=None, started_at=datetime.now(timezone.utc), scenarios=1))
    joined_and_answered(app, code, "Tara", "additional")
    assert browser(app, "tess").get(f"/practice/session/{code}").status_code == 404  # no token in that browser: the old way
    with tess.session_transaction() as s:
        s["practice_trainer"] = {code: token}
    for path in pages(code):
        assert tess.get(path).status_code == 200, path
    page = text(tess.get(f"/practice/session/{code}"))
    assert "Tara" in page and "opens only in this browser, and signing out loses it" in page
    listed = text(tess.get("/practice/sessions"))
    assert f"{code}, started" in listed and "started before this list existed" in listed
    assert code not in browser(app, "tess").get("/practice/sessions").get_data(as_text=True)
    tess.post("/sign-out")
    sign_in(tess, "tess")
    assert tess.get(f"/practice/session/{code}").status_code == 404  # dropped with the token, as before


def test_the_signed_out_page_says_practice_sessions_are_kept_and_where(any_app):
    app = any_app
    account(app, "tess")
    tess = browser(app, "tess")
    start(tess)
    r = tess.post("/sign-out", follow_redirects=True)
    words = text(r)
    assert "Your saved assessments are kept." in words
    assert re.search(r"So are the practice sessions you started, with their trainees' answers, until each is deleted 7 days after it started", words)
    assert 'href="/practice/sessions"' in r.get_data(as_text=True)

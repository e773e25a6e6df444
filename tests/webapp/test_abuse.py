"""What an attacker on the network could repeat (issue 16, findings 1-4): sign-in floods and
password spraying, racing and triggering the lockout, and guessing or flooding join codes.

Each app here has real limits (the suite lifts them: tests/conftest.py). Flask-Limiter counts in
memory within a fixed window, so no test waits for time to pass.
"""

from __future__ import annotations

import pytest

from store import passwords, users
from tests.webapp.conftest import ALWAYS_OPEN, PASSWORD, text
from webapp import create_app

REFUSED = "The username or password is not right, or there have been too many attempts to sign in."


@pytest.fixture
def app(tmp_path):
    app = create_app(
        {
            "TESTING": True,
            "WTF_CSRF_ENABLED": False,
            "SECRET_KEY": "test",
            "OFFICE_HOURS": ALWAYS_OPEN,
            "DATABASE_URL": f"sqlite:///{tmp_path / 'web.sqlite3'}",
            "SIGN_IN_LIMIT_PER_ADDRESS": "10 per minute",
            "SIGN_IN_LIMIT_OVERALL": "25 per minute",
            "JOIN_LIMIT_PER_ADDRESS": "10 per minute",
            "PRACTICE_PAGE_LIMIT_PER_ADDRESS": "30 per minute",
        }
    )
    from webapp.limits import limiter

    limiter.reset()
    users.create_user(app.extensions["fsp_store"], "pat", "practitioner", "North", PASSWORD)
    return app


def client_at(app, address: str):
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = address
    return client


def sign_in(client, username="pat", password=PASSWORD):
    return client.post("/sign-in", data={"username": username, "password": password})


def assert_too_many(r):
    assert r.status_code == 429
    assert int(r.headers["Retry-After"]) >= 1
    words = text(r)
    assert "Sorry, there have been too many attempts" in words and "Wait " in words and "try again" in words
    assert 'class="govuk-heading-l"' in r.get_data(as_text=True)  # the GOV.UK error page
    assert r.headers["Cache-Control"] == "no-store" and "default-src 'self'" in r.headers["Content-Security-Policy"]


# --- finding 1: rate limits and the hashing cap -----------------------------------------------


def test_password_spraying_from_one_address_meets_a_limit(app):
    """200 attempts from one address never met a limit."""
    spray = client_at(app, "203.0.113.9")
    answers = [sign_in(spray, f"user{i}", "Summer2026!").status_code for i in range(12)]
    assert answers[:10] == [200] * 10 and answers[10:] == [429, 429]
    assert_too_many(sign_in(spray))
    assert spray.get("/sign-in").status_code == 200  # reading the page is not limited
    assert sign_in(client_at(app, "198.51.100.4")).status_code == 302  # another address still signs in


def test_sign_in_is_limited_overall_across_addresses(app):
    answers = [sign_in(client_at(app, f"203.0.113.{i}"), "nobody", "Summer2026!").status_code for i in range(26)]
    assert answers[:25] == [200] * 25 and answers[25] == 429


def test_every_hashing_slot_taken_answers_429_at_once(app):
    """16 connections posting sign-ins kept every worker thread in scrypt; now at most
    MAX_CONCURRENT_HASHES hash at once and the rest are told to come back."""
    passwords.configure_slots(1, 0)
    with passwords.hashing_slot():  # another request is hashing
        r = sign_in(client_at(app, "198.51.100.4"))
    assert_too_many(r)
    assert r.headers["Retry-After"] == "5"
    assert sign_in(client_at(app, "198.51.100.4")).status_code == 302


def test_the_limits_and_the_cap_come_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("FSP_SIGN_IN_LIMIT_PER_ADDRESS", "3 per hour")
    monkeypatch.setenv("FSP_MAX_CONCURRENT_HASHES", "7")
    monkeypatch.setenv("FSP_MAX_WAITING_SIGN_INS", "0")
    monkeypatch.setenv("FSP_TRUSTED_HOSTS", "fsp.example.org, .nottinghamcity.gov.uk")
    app = create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{tmp_path / 'x.sqlite3'}", "SECRET_KEY": "t"})
    assert app.config["SIGN_IN_LIMIT_PER_ADDRESS"] == "3 per hour"
    assert app.config["TRUSTED_HOSTS"] == ["fsp.example.org", ".nottinghamcity.gov.uk"]
    assert passwords._slots._initial_value == 7 and passwords._admitted._initial_value == 7
    monkeypatch.setenv("FSP_MAX_CONCURRENT_HASHES", "none")
    with pytest.raises(ValueError, match="FSP_MAX_CONCURRENT_HASHES"):
        create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{tmp_path / 'x.sqlite3'}", "SECRET_KEY": "t"})


def test_every_limit_is_on_a_view_so_other_requests_skip_the_limiter(app):
    """Flask-Limiter's before-request check is taken out (issue 17: it cost every API request and
    found nothing to count), which is safe only while every limit decorates a view: no blueprint
    limits, no conditional deductions. The sign-in limits above still hold without it."""
    from webapp.limits import limiter

    assert not limiter.limit_manager._blueprint_limits
    assert all(lim.deduct_when is None for limits in limiter.limit_manager._decorated_limits.values() for lim in limits)
    hooks = [*app.before_request_funcs[None], *app.after_request_funcs[None], *app.teardown_request_funcs[None]]
    assert not any(getattr(f, "__self__", None) is limiter or getattr(f, "args", None) == (limiter,) for f in hooks)


def test_a_limit_on_every_route_keeps_the_limiters_own_check(tmp_path):
    from webapp.limits import limiter

    try:
        app = create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{tmp_path / 'x.sqlite3'}", "SECRET_KEY": "t", "RATELIMIT_DEFAULT": "2 per minute"})
        limiter.reset()
        api = app.test_client()
        answers = [api.get("/api/v1/indicators").status_code for _ in range(3)]
    finally:
        limiter.limit_manager.set_default_limits([])  # the limiter is one per process
    assert answers == [200, 200, 429]


# --- findings 2 and 3: one message, and delays that only the guesser meets -----------------


def test_five_wrong_guesses_no_longer_lock_the_owner_out(app):
    attacker, owner = client_at(app, "203.0.113.9"), client_at(app, "198.51.100.4")
    for _ in range(8):
        assert REFUSED in text(sign_in(attacker, password="wrong password!"))
    assert sign_in(owner).status_code == 302
    assert "Signed in as pat" in text(owner.get("/"))


def test_every_refusal_reads_the_same_so_usernames_cannot_be_found(app):
    """Only real names used to get the "locked" message."""
    engine = app.extensions["fsp_store"]
    users.create_user(engine, "dee", "practitioner", "North", PASSWORD)
    users.disable_user(engine, "dee")
    pages = {}
    for name, password in [("pat", "wrong password!"), ("nobody", "wrong password!"), ("dee", PASSWORD)]:
        guesser = client_at(app, f"203.0.113.{len(pages) + 1}")
        pages[name] = [text(sign_in(guesser, name, password)) for _ in range(7)]  # past the free attempts
        assert all(REFUSED in page for page in pages[name])
    assert pages["pat"] == pages["nobody"] == pages["dee"]
    assert not any("locked" in page.lower() for page in pages["pat"])


def test_the_right_password_after_the_guesses_from_the_same_address_waits_too(app):
    guesser = client_at(app, "203.0.113.9")
    for _ in range(5):
        sign_in(guesser, password="wrong password!")
    r = sign_in(guesser)
    assert r.status_code == 200 and REFUSED in text(r)
    assert "Signed in as" not in text(guesser.get("/"))


# --- finding 4: join codes ------------------------------------------------------------------


def trainer_client(app, name="tess"):
    users.create_user(app.extensions["fsp_store"], name, "trainer", "North", PASSWORD)
    trainer = client_at(app, "198.51.100.20")
    assert sign_in(trainer, name).status_code == 302
    return trainer


def start(trainer) -> str:
    r = trainer.post("/practice/new", data={"scenarios": ["age-under-2-bruising"]})
    return r.location.rstrip("/").rsplit("/", 1)[-1]


def comparable(r) -> tuple:
    import re

    html = re.sub(r'(nonce="|name="csrf_token"[^>]*value=")[^"]+"', r'\1"', r.get_data(as_text=True))
    return r.status_code, r.location, html


def test_a_real_code_and_an_unused_one_get_the_same_answer(app):
    """A real code answered 403 and an unused one 404."""
    code = start(trainer_client(app))
    unused = "ZZZZZZ" if code != "ZZZZZZ" else "YYYYYY"
    guesser = client_at(app, "203.0.113.9")
    for path in (
        "/practice/session/{}",
        "/practice/session/{}/summary",
        "/practice/s/{}",
        "/practice/s/{}/age-under-2-bruising",
        "/practice/s/{}/age-under-2-bruising/feedback",
    ):
        assert comparable(guesser.get(path.format(code))) == comparable(guesser.get(path.format(unused))), path
    assert comparable(guesser.post(f"/practice/session/{code}/end")) == comparable(guesser.post(f"/practice/session/{unused}/end"))


def test_join_code_guessing_is_rate_limited(app):
    """186 guesses a second, no limit."""
    guesser = client_at(app, "203.0.113.9")
    answers = [guesser.post("/practice/join", data={"code": f"ZZZZ{i:02d}", "name": "Bot"}).status_code for i in range(11)]
    assert answers[:10] == [200] * 10 and answers[10] == 429
    assert_too_many(guesser.post("/practice/join", data={"code": "ZZZZZZ", "name": "Bot"}))


def test_a_session_takes_a_capped_number_of_trainees_and_a_browser_joins_once(app):
    """150 bot joins were accepted."""
    app.config["PRACTICE_MAX_TRAINEES"] = 3
    trainer = trainer_client(app)
    code = start(trainer)
    bot = client_at(app, "203.0.113.9")
    for _ in range(3):  # the same browser joining again goes back to its place, adding nobody
        assert bot.post("/practice/join", data={"code": code, "name": "Bot"}).status_code == 302
    for i in range(2):
        assert client_at(app, f"203.0.113.{20 + i}").post("/practice/join", data={"code": code, "name": f"Bot {i}"}).status_code == 302
    full = client_at(app, "203.0.113.30").post("/practice/join", data={"code": code, "name": "One too many"})
    assert full.status_code == 200 and "That practice session is full" in text(full)
    assert text(trainer.get(f"/practice/session/{code}")).count("and their answers") == 3


def test_the_trainer_removes_a_trainee_and_their_answers(app):
    trainer = trainer_client(app)
    code = start(trainer)
    bot = client_at(app, "203.0.113.9")
    bot.post("/practice/join", data={"code": code, "name": "Spam bot"})
    bot.post(f"/practice/s/{code}/age-under-2-bruising", data={"level": "universal", "confirm_empty": "1"})
    page = trainer.get(f"/practice/session/{code}").get_data(as_text=True)
    assert "Spam bot" in page and "1 of 1" in page
    from webapp.practice import records

    with app.app_context():
        ((tid, _name),) = records.trainees(code)
        assert records.answers(code)
    assert bot.post(f"/practice/session/{code}/trainees/{tid}/remove").status_code == 404  # not the trainer's
    r = trainer.post(f"/practice/session/{code}/trainees/{tid}/remove")
    assert r.status_code == 302 and r.location == f"/practice/session/{code}"
    assert "Spam bot" not in text(trainer.get(r.location))
    with app.app_context():
        assert records.trainees(code) == [] and records.answers(code) == []
    assert bot.get(f"/practice/s/{code}").location == "/practice/join"  # the bot is out
    assert trainer.post(f"/practice/session/{code}/trainees/{tid}/remove").status_code == 404


# --- finding 5: the trainer's pages need the trainer's account, signed in, every time -----


def test_the_trainer_token_ends_with_sign_out(app):
    """The session page and its trainee answers stayed readable after signing out."""
    trainer = trainer_client(app)
    code = start(trainer)
    client_at(app, "203.0.113.9").post("/practice/join", data={"code": code, "name": "Alex"})
    assert "Alex" in text(trainer.get(f"/practice/session/{code}"))
    trainer.post("/sign-out")
    for path in (f"/practice/session/{code}", f"/practice/session/{code}/summary"):
        r = trainer.get(path)
        assert r.status_code == 404 and "Alex" not in text(r)


def test_the_trainer_token_ends_with_a_disabled_account(app):
    trainer = trainer_client(app)
    code = start(trainer)
    with trainer.session_transaction() as s:
        kept = dict(s)  # what the browser's session held, token included
    users.disable_user(app.extensions["fsp_store"], "tess")
    # its sign-in ended: the browser holding the token is asked to sign in (surf16), which the account cannot
    shown = trainer.get(f"/practice/session/{code}")
    assert shown.status_code == 302 and shown.location == "/sign-in"
    assert "The username or password is not right" in text(trainer.post("/sign-in", data={"username": "tess", "password": PASSWORD}, follow_redirects=True))
    assert trainer.get(f"/practice/session/{code}").location == "/sign-in"
    # the token, copied into a session signed in as another trainer, opens nothing either
    other = trainer_client(app, "tom")
    with other.session_transaction() as s:
        s["practice_trainer"] = kept["practice_trainer"]
    assert other.get(f"/practice/session/{code}").status_code == 404


def test_an_app_with_rate_limits_switched_off_starts_and_serves(tmp_path):
    """RATELIMIT_ENABLED false (Flask-Limiter then adds no hooks) once stopped create_app with a ValueError."""
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test",
            "OFFICE_HOURS": ALWAYS_OPEN,
            "DATABASE_URL": f"sqlite:///{tmp_path / 'web.sqlite3'}",
            "RATELIMIT_ENABLED": False,
        }
    )
    assert app.test_client().get("/").status_code == 200

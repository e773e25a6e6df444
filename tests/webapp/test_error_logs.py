"""The five unhandled 500s of issue 16 (finding 6), and error logs that name the endpoint, never
the path (finding 7): in Flask's log, and in gunicorn's error log as production writes it."""

from __future__ import annotations

import logging
import os
import re
import socket
import urllib.request
from pathlib import Path

import pytest
from werkzeug.exceptions import NotFound

from benchmarks._gunicorn import gunicorn
from tests.webapp.accounts.conftest import engine, people, save, sign_in  # noqa: F401  (fixtures)
from tests.webapp.conftest import post_drawn, text

SECRET = "CR-SECRET-4417"


def looks_like_error_page(r) -> bool:
    html = r.get_data(as_text=True)
    return 'class="govuk-template' in html and "govuk-heading-l" in html and "Traceback" not in html


@pytest.fixture
def quiet(caplog):
    caplog.set_level(logging.INFO)
    return caplog


def no_exception_logged(caplog) -> bool:
    return not [r for r in caplog.records if r.levelno >= logging.ERROR]


# --- finding 6 ------------------------------------------------------------------------------------


def test_an_unknown_id_beside_a_valid_one_on_safety_is_a_form_error(client, quiet):
    r = client.post(
        "/safety", data={"immediate": ["immediate.unexplained_bruising_under_2", "immediate.nope"]}, follow_redirects=True
    )  # a refused form comes back by GET (post/redirect/get)
    assert r.status_code == 200 and "Select if any of these apply, or select ‘None of these’" in text(r) and no_exception_logged(quiet)


@pytest.mark.parametrize("host", ["a" * 64 + ".example.org", "evil.example.org", "x..y", "[::1"])
def test_a_bad_or_untrusted_host_gets_the_400_page(client, quiet, host):
    r = client.get("/", headers={"Host": host})
    assert r.status_code == 400 and looks_like_error_page(r) and no_exception_logged(quiet)
    assert host not in r.get_data(as_text=True)


@pytest.mark.parametrize("nxt", ["/child%0d%0aSet-Cookie:%20x=1", "/child%0aX:1", "/child%00"])
def test_control_characters_in_next_fall_back_to_the_start(client, quiet, nxt):
    r = client.post(f"/settings?next={nxt}", data={"show_levels": "yes"})
    assert r.status_code == 302 and r.location == "/" and "Set-Cookie" not in r.headers.get("Location", "")
    assert client.get(f"/settings?next={nxt}").status_code == 200 and no_exception_logged(quiet)


def test_a_nul_in_an_override_reason_is_refused_naming_the_field(app, client, people, quiet):
    sign_in(client, "pat")
    entry = save(client, "FSP-0001").location.rsplit("saved=", 1)[-1]
    r = post_drawn(client, f"/cases/FSP-0001/entries/{entry}/level", {"level": "protection", "reason": "moved\x00away"})
    assert r.status_code == 200 and "Reason must be written text" in text(r) and no_exception_logged(quiet)
    from store import assessments
    from store.errors import Invalid

    with pytest.raises(Invalid) as exc:  # and the store's own check, for the CLI and the API
        assessments.record_override(app.extensions["fsp_store"], people["pat"], int(entry), "protection", "a\x00b")
    assert exc.value.field == "reason"


def test_an_integer_of_thousands_of_digits_in_an_import_is_a_file_error(trainer, quiet):
    import io

    body = f"id: huge\ntitle: Huge\nchild:\n  age_years: {'9' * 5000}\n"
    r = trainer.post("/practice/scenarios/import", data={"file": (io.BytesIO(body.encode()), "huge.yaml")})
    assert r.status_code == 200 and "huge.yaml: (file): a value cannot be read" in text(r)
    assert no_exception_logged(quiet)


# --- finding 7 ------------------------------------------------------------------------------------


def test_flasks_error_log_names_the_endpoint_not_the_path(app, caplog):
    def fails(ref):
        raise RuntimeError("a fault")

    app.add_url_rule("/cases/<ref>/boom", "boom", fails)
    app.testing = False  # as in production: the 500 page, and the exception logged
    caplog.set_level(logging.ERROR)
    r = app.test_client().get(f"/cases/{SECRET}/boom?x={SECRET}")
    assert r.status_code == 500 and looks_like_error_page(r)
    assert "Exception at boom [GET]" in caplog.text and "RuntimeError: a fault" in caplog.text
    assert SECRET not in caplog.text


def _raw(base: str, request_line: str) -> None:
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as s:
        s.sendall(f"{request_line}\r\nHost: 127.0.0.1\r\n\r\n".encode())
        s.recv(1024)


def test_gunicorns_error_log_names_no_path(tmp_path):
    errors = tmp_path / "error.log"
    env = {**os.environ, "SECRET_KEY": "error-log", "DATABASE_URL": f"sqlite:///{tmp_path / 'web.sqlite3'}"}
    with gunicorn("tests.webapp.boom_app:app", env, 1, lambda base: urllib.request.Request(base + "/"), extra=("--error-logfile", str(errors))) as (base, _pid):
        with pytest.raises(urllib.error.HTTPError) as failed:
            urllib.request.urlopen(f"{base}/escape/{SECRET}?x={SECRET}", timeout=10)
        assert failed.value.code == 500
        _raw(base, f"GET /cases/{SECRET}?x={SECRET} HTTP/1.1 extra")  # a malformed request line
    logged = errors.read_text()
    assert SECRET not in logged
    assert "Error handling request (the request line is not logged" in logged and "RuntimeError" in logged
    assert "Invalid request from ip=127.0.0.1 (the request line is not logged" in logged


# --- finding 6, variants found by the audit (docs/audit/issue16.md) --------------------------------

HUGE = "9" * 25  # past any database integer


def test_no_route_matches_an_id_past_a_database_integer(app):
    """Each <int:...> in a path is a row id or a version number: werkzeug's converter took any
    number of digits, and a 25-digit one reached the database (OverflowError: a 500)."""
    from werkzeug.routing import IntegerConverter

    adapter = app.url_map.bind("localhost")
    int_rules = [r for r in app.url_map.iter_rules() if any(isinstance(c, IntegerConverter) for c in r._converters.values())]
    assert len(int_rules) >= 6
    for rule in int_rules:
        path = re.sub(r"<(\w+):\w+>", lambda m: HUGE if m[1] == "int" else "X", re.sub(r"<(\w+)>", "ABC123", rule.rule))
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            with pytest.raises(NotFound):
                adapter.match(path, method=method)
        assert adapter.match(path.replace(HUGE, str(2**31 - 1)), method=sorted(rule.methods)[0])[0] == rule.endpoint
        with pytest.raises(NotFound):  # PostgreSQL's INTEGER stops at 2**31 - 1 (stop 38)
            adapter.match(path.replace(HUGE, str(2**31)), method=sorted(rule.methods)[0])


def test_a_huge_id_on_the_routes_that_take_one_is_404_not_a_500(app, client, people, trainer, quiet):
    sign_in(client, "pat")
    save(client, "FSP-0001")
    for path in (f"/cases/FSP-0001/entries/{HUGE}", f"/cases/FSP-0001/entries/{HUGE}/level"):
        assert client.get(path).status_code == 404, path
    assert post_drawn(client, f"/cases/FSP-0001/entries/{HUGE}/level", {"level": "protection", "reason": "r"}).status_code == 404
    assert client.post(f"/cases/FSP-0001/entries/{HUGE}/assess-again").status_code == 404
    code = trainer.post("/practice/new", data={"scenarios": ["age-under-2-bruising"]}).location.rsplit("/", 1)[-1]
    assert trainer.post(f"/practice/session/{code}/trainees/{HUGE}/remove").status_code == 404
    assert trainer.get(f"/practice/scenarios/age-under-2-bruising/versions/{HUGE}.yaml").status_code == 404
    assert no_exception_logged(quiet)


def test_a_hex_integer_too_big_to_write_out_in_an_import_is_a_file_error(trainer, quiet):
    """0x followed by 4,000 hex digits is read (Python limits only decimal text), then became a
    500 when the scenario was checked (it cannot be written out as a decimal of 4,300+ digits)."""
    import io

    body = f"id: huge\ntitle: Huge\nchild:\n  age_years: 0x{'f' * 4000}\n"
    r = trainer.post("/practice/scenarios/import", data={"file": (io.BytesIO(body.encode()), "hex.yaml")})
    assert r.status_code == 200 and "hex.yaml: (file): a number is too large" in text(r)
    assert no_exception_logged(quiet)


@pytest.mark.parametrize("number, why", [("9" * 5000, "a value cannot be read"), ("0x" + "f" * 4000, "a number is too large")])
def test_an_integer_of_thousands_of_digits_in_a_draft_catalogue_is_a_file_error(app, quiet, number, why):
    """The owners' upload read the draft with no guard for Python's 4,300-digit limit: a 500."""
    import io

    from tests.webapp.conftest import signed_in_client

    admin = signed_in_client(app, "ada", "admin")
    draft = (Path(__file__).resolve().parents[2] / "pathway/data/fsp_2014.yaml").read_text() + f"\nextra: {number}\n"
    r = admin.post("/admin/ruleset", data={"file": (io.BytesIO(draft.encode()), "draft.yaml")}, content_type="multipart/form-data")
    assert r.status_code == 200 and f"(file): {why}" in text(r)
    assert no_exception_logged(quiet)


@pytest.mark.parametrize("name", ["bot\x00name", "bot\x0bname", "\x1b[31mred"])
def test_a_control_character_in_a_trainees_name_is_refused_naming_the_field(app, trainer, quiet, name):
    """As the override reason's NUL: a NUL cannot be stored in PostgreSQL (a 500 there), and
    anyone with a join code could send one. The display name was taken as typed."""
    code = trainer.post("/practice/new", data={"scenarios": ["age-under-2-bruising"]}).location.rsplit("/", 1)[-1]
    r = app.test_client().post("/practice/join", data={"code": code, "name": name})
    assert r.status_code == 200 and "Display name must be written text" in text(r)
    assert "Cohort label must be written text" in text(trainer.post("/practice/new", data={"scenarios": ["age-under-2-bruising"], "cohort": name}))
    from webapp.practice import records

    with app.app_context():
        assert records.trainees(code) == [] and no_exception_logged(quiet)


@pytest.mark.parametrize("typed", ["AB\x00CD", "A" * 5000, "ab c \u00e9"])
def test_a_join_code_that_cannot_be_one_is_not_looked_up(app, monkeypatch, typed):
    """A NUL in a code (the join form, or %00 in /practice/s/<code>) went to the database, which
    PostgreSQL refuses (a 500 there): text that is not in the codes' alphabet finds no session
    without a query."""
    from webapp import db
    from webapp.practice import records

    def no_query():
        raise AssertionError("looked up in the database")

    with app.app_context():
        monkeypatch.setattr(db, "engine", no_query)
        assert records.get_session(typed) is None


def test_no_typed_text_with_a_nul_reaches_the_database(app, client, people, trainer):
    """PostgreSQL refuses a NUL in any text it is sent (a 500 there; SQLite takes it), so text that
    came with the request and holds one must be refused or found wanting before a query: a
    username at sign-in, a scenario id, a join code, a case reference, in the form or the path."""
    from sqlalchemy import event

    sent = []

    def record(_conn, _cursor, statement, parameters, _context, _many):
        values = parameters if isinstance(parameters, (list, tuple)) else list((parameters or {}).values())
        sent.extend(v for v in values if isinstance(v, str) and "\x00" in v)

    event.listen(app.extensions["fsp_store"], "before_cursor_execute", record)
    anonymous = app.test_client()
    anonymous.post("/sign-in", data={"username": "pa\x00t", "password": "anything at all"})
    anonymous.post("/practice/join", data={"code": "AB\x00CD", "name": "x"})
    anonymous.get("/practice/s/AB%00CD")
    for path in (
        "/practice/scenarios/a%00b/versions",
        "/practice/scenarios/a%00b/versions/1.yaml",
        "/practice/scenarios/a%00b.yaml",
        "/practice/session/AB%00CD",
    ):
        trainer.get(path)
    sign_in(client, "pat")
    for path in ("/cases/FSP%00-1", "/cases/FSP%00-1/export.csv", "/cases/FSP%00-1/entries/1"):
        client.get(path)
    assert sent == []

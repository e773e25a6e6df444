"""The five unhandled 500s of issue 16 (finding 6), and error logs that name the endpoint, never
the path (finding 7): in Flask's log, and in gunicorn's error log as production writes it."""

from __future__ import annotations

import logging
import os
import socket
import urllib.request

import pytest

from benchmarks._gunicorn import gunicorn
from tests.webapp.accounts.conftest import engine, people, save, sign_in  # noqa: F401  (fixtures)
from tests.webapp.conftest import text

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
    assert r.status_code == 200 and "Select from the list" in text(r) and no_exception_logged(quiet)


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
    r = client.post(f"/cases/FSP-0001/entries/{entry}/level", data={"level": "protection", "reason": "moved\x00away"})
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

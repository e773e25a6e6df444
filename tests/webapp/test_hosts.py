"""Trusted hosts (issue 16, finding 11): the trainer's join link was built from the Host header,
and any Host was accepted. Now the hosts come from FSP_TRUSTED_HOSTS and links from FSP_SERVER_NAME."""

from __future__ import annotations

import pytest

from store import users
from tests.webapp.conftest import ALWAYS_OPEN, PASSWORD, text
from webapp import create_app


def trainer_page(monkeypatch, tmp_path, host: str, **env):
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    app = create_app(
        {
            "TESTING": True,
            "WTF_CSRF_ENABLED": False,
            "SECRET_KEY": "hosts",
            "OFFICE_HOURS": ALWAYS_OPEN,
            "DATABASE_URL": f"sqlite:///{tmp_path / 'web.sqlite3'}",
        }
    )
    users.create_user(app.extensions["fsp_store"], "tess", "trainer", "North", PASSWORD)
    client = app.test_client()
    client.post("/sign-in", data={"username": "tess", "password": PASSWORD}, headers={"Host": host})
    started = client.post("/practice/new", data={"scenarios": ["age-under-2-bruising"]}, headers={"Host": host})
    return client.get(started.location, headers={"Host": host})


def test_the_join_link_names_the_configured_server_whatever_the_host_header(monkeypatch, tmp_path):
    r = trainer_page(
        monkeypatch, tmp_path, "fsp.internal:8000", FSP_SERVER_NAME="fsp.nottinghamcity.gov.uk", FSP_TRUSTED_HOSTS="fsp.nottinghamcity.gov.uk,fsp.internal"
    )
    assert r.status_code == 200
    assert "Trainees go to http://fsp.nottinghamcity.gov.uk/practice/join" in text(r)


def test_without_a_server_name_the_link_uses_the_trusted_host(monkeypatch, tmp_path):
    r = trainer_page(monkeypatch, tmp_path, "fsp.internal", FSP_TRUSTED_HOSTS="fsp.internal")
    assert "Trainees go to http://fsp.internal/practice/join" in text(r)


@pytest.mark.parametrize("host", ["evil.example.org", "fsp.internal.evil.example.org", "localhost.evil"])
def test_a_host_that_is_not_trusted_is_refused(monkeypatch, tmp_path, host):
    monkeypatch.setenv("FSP_TRUSTED_HOSTS", "fsp.internal")
    app = create_app({"TESTING": True, "SECRET_KEY": "hosts", "DATABASE_URL": f"sqlite:///{tmp_path / 'w.sqlite3'}"})
    client = app.test_client()
    assert client.get("/", headers={"Host": "fsp.internal"}).status_code == 200
    r = client.get("/practice/join", headers={"Host": host})
    assert r.status_code == 400 and host not in r.get_data(as_text=True)


def test_by_default_only_loopback_names_are_trusted(tmp_path):
    app = create_app({"TESTING": True, "SECRET_KEY": "hosts", "DATABASE_URL": f"sqlite:///{tmp_path / 'w.sqlite3'}"})
    client = app.test_client()
    assert [client.get("/", headers={"Host": h}).status_code for h in ("localhost", "127.0.0.1:8000", "example.org")] == [200, 200, 400]


def test_the_deployment_template_trusts_and_links_to_the_name_nginx_serves():
    """Audit of finding 11: deploy/fsp.env.example set neither FSP_TRUSTED_HOSTS nor
    FSP_SERVER_NAME, so an instance set up from it answered only loopback names: every request
    nginx passed on for its server_name was a 400 (and a fix by hand was to allow any Host)."""
    import re
    from pathlib import Path

    from benchmarks._topology import env_template

    root = Path(__file__).resolve().parents[2]
    served = set(re.findall(r"^\s*server_name ([^;_]+);", (root / "deploy/nginx/fsp.conf").read_text(), re.M))
    env = env_template()
    assert served and env["FSP_TRUSTED_HOSTS"].split(",") == sorted(served) and env["FSP_SERVER_NAME"] in served

"""FSP_PROXY_HOPS: which X-Forwarded-* headers the app believes, and from how many proxies."""

from __future__ import annotations

import pytest
from flask import request

from webapp import create_app

SPOOFED = {"X-Forwarded-For": "203.0.113.9, 10.0.0.7", "X-Forwarded-Proto": "https", "X-Forwarded-Host": "evil.example", "X-Forwarded-Prefix": "/evil"}


def _seen(monkeypatch, tmp_path, hops: str | None) -> dict:
    if hops is None:
        monkeypatch.delenv("FSP_PROXY_HOPS", raising=False)
    else:
        monkeypatch.setenv("FSP_PROXY_HOPS", hops)
    app = create_app({"SECRET_KEY": "x", "DATABASE_URL": f"sqlite:///{tmp_path / 'p.sqlite3'}"})
    seen = {}
    app.before_request(lambda: seen.update(addr=request.remote_addr, scheme=request.scheme, host=request.host, root=request.script_root))
    app.test_client().get("/accessibility", headers=SPOOFED, environ_base={"REMOTE_ADDR": "127.0.0.1"})
    return seen


def test_one_hop_believes_the_last_address_and_the_scheme_only(monkeypatch, tmp_path):
    seen = _seen(monkeypatch, tmp_path, "1")
    assert seen == {"addr": "10.0.0.7", "scheme": "https", "host": "localhost", "root": ""}


def test_by_default_no_forwarding_header_is_believed(monkeypatch, tmp_path):
    seen = _seen(monkeypatch, tmp_path, None)
    assert seen == {"addr": "127.0.0.1", "scheme": "http", "host": "localhost", "root": ""}


@pytest.mark.parametrize("value", ["one", "-1", "1.5"])
def test_a_wrong_hop_count_stops_the_start_naming_the_variable(monkeypatch, tmp_path, value):
    monkeypatch.setenv("FSP_PROXY_HOPS", value)
    with pytest.raises(ValueError, match="FSP_PROXY_HOPS"):
        create_app({"SECRET_KEY": "x", "DATABASE_URL": f"sqlite:///{tmp_path / 'p.sqlite3'}"})

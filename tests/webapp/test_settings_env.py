"""Every environment setting is a pydantic-settings field: a value that cannot be used is refused
with one line naming its variable, from the models, the `pathway` commands, `make run` and
gunicorn alike; a model built from keywords reads no environment; the docs list every variable."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import time
from pathlib import Path

import pytest

from pathway.env_settings import SettingsError
from pathway.settings import OfficeHours
from store.config import StoreConfig
from webapp import demo, serve
from webapp.settings import FlaskSettings, ServerSettings, WebSettings

ROOT = Path(__file__).resolve().parents[2]
MODELS = (WebSettings, FlaskSettings, ServerSettings, StoreConfig, OfficeHours, serve.LaunchSettings, demo._Guard)
DOCS = ("docs/web.md", "docs/storage.md", "docs/security.md", "deploy/fsp.env.example")


@pytest.mark.parametrize(
    "model, variable, value",
    [
        (StoreConfig, "FSP_RETENTION_DAYS", "seven years"),
        (StoreConfig, "FSP_LOCKOUT_MINUTES", "0"),
        (OfficeHours, "FSP_OFFICE_OPENS", "half eight"),
        (OfficeHours, "FSP_OFFICE_DAYS", "Monday,Tuesday"),
        (OfficeHours, "FSP_OFFICE_DAYS", "0,7"),
        (OfficeHours, "FSP_CLOSED_DATES", "25/12/2026"),
        (OfficeHours, "FSP_TIMEZONE", "London"),
        (OfficeHours, "FSP_BANK_HOLIDAYS", "Kent"),
        (WebSettings, "FSP_PROXY_HOPS", "two"),
        (WebSettings, "FSP_OIDC_ROLE_MAP", "FSP.Manager=manager"),
        (FlaskSettings, "SESSION_COOKIE_SECURE", "maybe"),
        (ServerSettings, "FSP_THREADS", "0"),
        (serve.LaunchSettings, "PORT", "70000"),
        (serve.LaunchSettings, "FSP_DEMO", "please"),
    ],
)
def test_a_bad_value_is_refused_naming_its_variable(model, variable, value):
    with pytest.raises(SettingsError) as exc:
        model.from_env({variable: value})
    assert str(exc.value).startswith(f"{variable}: ")


def test_good_values_are_read_and_empty_ones_keep_the_default():
    hours = OfficeHours.from_env({"FSP_OFFICE_OPENS": "09:15", "FSP_OFFICE_DAYS": "0, 2,4", "FSP_TIMEZONE": ""})
    assert (hours.opens, hours.weekdays, hours.timezone) == (time(9, 15), frozenset({0, 2, 4}), "Europe/London")
    assert StoreConfig.from_env({"DATABASE_URL": "sqlite:///a", "FSP_DATABASE_URL": "sqlite:///b"}).database_url == "sqlite:///b"
    assert StoreConfig.from_env({"DATABASE_URL": "sqlite:///a", "FSP_SQLITE_BUSY_MS": ""}).sqlite_busy_ms == 5000
    assert FlaskSettings.from_env({"SESSION_COOKIE_SECURE": "1"}).session_cookie_secure
    assert WebSettings.from_env({"FSP_TRUSTED_HOSTS": "a.example, b.example"}).trusted_hosts == ["a.example", "b.example"]


def test_a_model_built_from_keywords_reads_no_environment(monkeypatch):
    monkeypatch.setenv("FSP_RETENTION_DAYS", "3")
    monkeypatch.setenv("FSP_OFFICE_OPENS", "11:00")
    assert StoreConfig(lockout_minutes=2).retention_days == 25 * 365 + 6
    assert OfficeHours(closes=time(16)).opens == time(8, 30)
    assert StoreConfig.from_env().retention_days == 3 and OfficeHours.from_env().opens == time(11)


def test_a_field_with_its_own_variable_is_read_from_that_one_only():
    assert OfficeHours.from_env({"FSP_OPENS": "11:00"}).opens == time(8, 30)
    assert demo._Guard.from_env({"FSP_DATABASE_URL": "sqlite:///x"}).database_url == ""


def test_the_docs_list_every_variable():
    docs = " ".join((ROOT / doc).read_text() for doc in DOCS)
    missing = [v for model in MODELS for v in model.variables() if f"`{v}`" not in docs and f"{v}=" not in docs]
    assert missing == []


def _env(**extra) -> dict:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("FSP_") and k not in {"DATABASE_URL", "PORT"}}
    return {**clean, **extra}


def _run(cmd, **extra):
    return subprocess.run(cmd, check=False, env=_env(**extra), capture_output=True, text=True, timeout=120, cwd=ROOT)


def test_the_pathway_command_names_the_variable_without_a_traceback(tmp_path):
    proc = _run([sys.executable, "-m", "cli", "users", "list", "--database-url", f"sqlite:///{tmp_path / 'x.db'}"], FSP_SQLITE_BUSY_MS="soon")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr.startswith("error: FSP_SQLITE_BUSY_MS: ") and proc.stderr.count("\n") == 1


def test_make_run_names_the_variable_without_a_traceback(tmp_path):
    proc = _run([sys.executable, "-m", "webapp.serve"], PORT="0", SECRET_KEY="t", DATABASE_URL=f"sqlite:///{tmp_path / 'x.db'}", FSP_OFFICE_CLOSES="5pm")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr and proc.stdout == ""
    assert proc.stderr.startswith("error: FSP_OFFICE_CLOSES: ")


@pytest.mark.parametrize("variable, value", [("FSP_PROXY_HOPS", "one"), ("FSP_THREADS", "many")])
def test_gunicorn_stops_at_once_naming_the_variable(tmp_path, variable, value):
    """Before: every worker failed with a traceback and gunicorn started another, without end."""
    proc = _run(
        [sys.executable, "-m", "gunicorn", "webapp:create_app()"],
        SECRET_KEY="t",
        FSP_BIND="127.0.0.1:0",
        DATABASE_URL=f"sqlite:///{tmp_path / 'x.db'}",
        **{variable: value},
    )
    assert proc.returncode != 0 and "Traceback" not in proc.stderr
    assert f"error: {variable}: " in proc.stderr


def test_from_the_environment_a_model_is_built_once_per_set_of_values(monkeypatch):
    """evaluate() reads the office hours on every decision: building the model each time cost more
    than the decision. The same values give the same (frozen) model; a changed one a new model."""

    monkeypatch.setenv("FSP_OFFICE_CLOSES", "16:30")
    first = OfficeHours.from_env()
    assert OfficeHours.from_env() is first
    monkeypatch.setenv("FSP_OFFICE_CLOSES", "16:00")
    changed = OfficeHours.from_env()
    assert changed is not first and changed != first
    monkeypatch.setenv("fsp_office_opens", "10:00")  # read case-insensitively, so it is part of the key
    assert OfficeHours.from_env() != changed
    monkeypatch.setenv("FSP_OFFICE_CLOSES", "5pm")
    for _ in range(2):  # a bad value is refused every time, never remembered
        with pytest.raises(SettingsError, match="^FSP_OFFICE_CLOSES: "):
            OfficeHours.from_env()


def test_the_variables_a_model_reads_are_those_os_environ_gives(monkeypatch):
    """from_env compares names on the environment's bytes (cheaper than os.environ, which decodes
    every variable): the same variables and values, in any case, non-ASCII values included."""
    from pathway import env_settings

    monkeypatch.setenv("fsp_office_opens", "10:00")
    monkeypatch.setenv("Fsp_Unrelated_Setting", "caf\u00e9")
    monkeypatch.setenv("FSP_OFFICE_CLOSES", "16:00")
    monkeypatch.setenv("NOT_FSP_OFFICE_OPENS", "11:00")
    names = env_settings._read_by(OfficeHours)
    expected = tuple(sorted((k, v) for k, v in os.environ.items() if k.upper().startswith(env_settings.PREFIX) or k.upper() in names))
    assert env_settings._environment_read(names) == expected
    assert ("fsp_office_opens", "10:00") in expected and ("Fsp_Unrelated_Setting", "caf\u00e9") in expected

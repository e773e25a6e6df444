"""Which database the command line opens when none is named: the web app's own.

--database-url, else FSP_DATABASE_URL or DATABASE_URL (the store's order), else fsp.sqlite3 in the
web app's Flask instance folder, so `pathway users create` makes an account `make run` signs in
with. Flask puts that folder at <project>/instance in a checkout and at <venv>/var/webapp-instance
when installed from the wheel: never beside the code in site-packages.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path


def instance_sqlite() -> Path:
    """fsp.sqlite3 in the instance folder Flask gives the `webapp` app (webapp/config.py's default)."""
    from flask import Flask

    return Path(Flask("webapp").instance_path) / "fsp.sqlite3"


ENV_NAMES = ("FSP_DATABASE_URL", "DATABASE_URL")  # the store's order


def named_url(given: str | None = None, env: Mapping[str, str] = os.environ) -> tuple[str, str] | None:
    """(the URL a command was given, where: the option or the variable), None for the web app's file."""
    if given:
        return given, "--database-url"
    return next(((env[name], name) for name in ENV_NAMES if env.get(name)), None)


def configured_url(env: Mapping[str, str] = os.environ) -> str | None:
    """The database the environment names, if any."""
    named = named_url(None, env)
    return named[0] if named else None


def database_url(given: str | None = None, env: Mapping[str, str] = os.environ) -> str:
    """The database a command opens: the one given, else the environment's, else the web app's file."""
    return given or configured_url(env) or f"sqlite:///{instance_sqlite()}"

"""Embedded defaults, overridden by environment variables, then by the factory's `config`.

Defaults suit a developer's machine (http on 127.0.0.1); docs/web.md lists what production sets.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from flask import Flask

from pathway.settings import OfficeHours
from webapp.settings import FlaskSettings, load_web_settings

SESSION_HOURS = 8  # one working day: long enough to finish, short enough not to keep answers


def _secret_key(instance: Path, env: FlaskSettings) -> str:
    """SECRET_KEY from the environment, else one kept in instance/ so every worker shares it."""
    if env.secret_key:
        return env.secret_key
    path = instance / "secret_key"
    if not path.exists():
        # gunicorn workers start together: write aside, then link into place, which fails if
        # another worker got there first, so every worker ends up reading the same key
        tmp = instance / f".secret_key.{os.getpid()}"
        tmp.write_text(secrets.token_hex(32))
        tmp.chmod(0o600)
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass
        finally:
            tmp.unlink()
    return path.read_text().strip()


def load(app: Flask, overrides: dict) -> None:
    instance = Path(app.instance_path)
    env = FlaskSettings.from_env()
    secure = env.session_cookie_secure
    app.config.update(
        SECRET_KEY=overrides.get("SECRET_KEY") or _secret_key(instance, env),
        DATABASE_URL=env.database_url or f"sqlite:///{instance / 'fsp.sqlite3'}",
        SESSION_COOKIE_NAME="fsp_session",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=secure,  # set SESSION_COOKIE_SECURE=1 behind HTTPS
        SESSION_LIFETIME_HOURS=SESSION_HOURS,
        MAX_CONTENT_LENGTH=64 * 1024,  # a case is a few kilobytes; refuse anything much larger
        WTF_CSRF_ENABLED=True,
        WTF_CSRF_TIME_LIMIT=SESSION_HOURS * 3600,
        WTF_CSRF_SSL_STRICT=secure,
        OFFICE_HOURS=OfficeHours.from_env(),
        HSTS=secure,
        RATELIMIT_ENABLED=True,
        **load_web_settings().flask_config(),
    )
    app.config.update(overrides)

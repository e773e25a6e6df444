"""The database layer, kept small: one engine per app.

Every table is the store's (store/models.py) and is created by its Alembic revisions, which
accounts.init_app runs at start-up (one worker at a time); nothing here creates a table.
SQLite under instance/ by default, any SQLAlchemy URL through DATABASE_URL.
"""

from __future__ import annotations

from flask import Flask, current_app
from sqlalchemy.engine import Engine

from pathway.clock import utcnow  # noqa: F401  (the app's one clock, for webapp.sessions and practice)
from store.models import web_sessions  # noqa: E402,F401  (re-exported for webapp.sessions)


def init_app(app: Flask) -> None:
    """One engine per app, made by the store (so the sessions get the same busy timeout, hidden
    SQL parameters and gone-away checks as the saved assessments); accounts migrate it."""
    from store.config import StoreConfig
    from store.db import make_engine

    config = app.config.setdefault("STORE_CONFIG", StoreConfig.from_env())
    app.extensions["fsp_db"] = make_engine(app.config["DATABASE_URL"], config=config)


def engine() -> Engine:
    return current_app.extensions["fsp_db"]

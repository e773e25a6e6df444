"""The database layer, kept small: one engine per app and the tables the web app owns.

Only server-side sessions live here today; accounts can add their tables to `metadata`.
SQLite under instance/ by default, any SQLAlchemy URL through DATABASE_URL.
"""
from __future__ import annotations

from datetime import datetime, timezone

from flask import Flask, current_app
from sqlalchemy import Column, DateTime, MetaData, String, Table, Text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, OperationalError, ProgrammingError

metadata = MetaData()

web_sessions = Table(
    "web_sessions", metadata,
    Column("id", String(64), primary_key=True),  # sha256 of the cookie's token, never the token
    Column("data", Text, nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False, index=True),
)


def init_app(app: Flask) -> None:
    """One engine per app, made by the store (so the sessions get the same busy timeout, hidden
    SQL parameters and gone-away checks as the saved assessments); accounts migrate it."""
    from store.config import StoreConfig
    from store.db import make_engine

    config = app.config.setdefault("STORE_CONFIG", StoreConfig.from_env())
    engine = make_engine(app.config["DATABASE_URL"], config=config)
    try:
        metadata.create_all(engine)
    except (OperationalError, ProgrammingError, IntegrityError):
        # Workers (and instances) starting together on a new database: another one created the
        # table between this one's check and its CREATE. The second pass finds it and does nothing.
        metadata.create_all(engine)
    app.extensions["fsp_db"] = engine


def engine() -> Engine:
    return current_app.extensions["fsp_db"]


def utcnow() -> datetime:
    return datetime.now(timezone.utc)

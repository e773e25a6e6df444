"""The database layer, kept small: one engine per app and the tables the web app owns.

Only server-side sessions live here today; accounts can add their tables to `metadata`.
SQLite under instance/ by default, any SQLAlchemy URL through DATABASE_URL.
"""
from __future__ import annotations

from datetime import datetime, timezone

from flask import Flask, current_app
from sqlalchemy import Column, DateTime, MetaData, String, Table, Text, create_engine
from sqlalchemy.engine import Engine

metadata = MetaData()

web_sessions = Table(
    "web_sessions", metadata,
    Column("id", String(64), primary_key=True),  # sha256 of the cookie's token, never the token
    Column("data", Text, nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False, index=True),
)


def init_app(app: Flask) -> None:
    url = app.config["DATABASE_URL"]
    kwargs = {"connect_args": {"check_same_thread": False}} if url.startswith("sqlite") else {}
    engine = create_engine(url, pool_pre_ping=True, **kwargs)
    metadata.create_all(engine)
    app.extensions["fsp_db"] = engine


def engine() -> Engine:
    return current_app.extensions["fsp_db"]


def utcnow() -> datetime:
    return datetime.now(timezone.utc)

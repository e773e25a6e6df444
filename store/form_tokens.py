"""A saving form's one-time token (left13b): the same form posted twice saves once.

A form that saves a row (an assessment, an override, a review) carries a random token made when the
page was drawn. The row is saved with it, under a unique index (revision 0007), so a second post of
the same form (a double click, the browser sending it again) cannot save a second row, even at the
same moment: its insert fails in the database, and the caller is given the first post's row instead.
A token with other content (another reference, other answers) is another save: never merged.
The token is random: it holds nothing about the child or the person saving.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, Engine, Table, insert, select
from sqlalchemy.exc import IntegrityError

PATTERN = re.compile(r"[A-Za-z0-9_-]{16,64}")


def new_token() -> str:
    return secrets.token_urlsafe(24)


def posted(value: object) -> str | None:
    """The token a form posted, or None when there is none or the text cannot be one (saved
    without a token then, as before tokens: never refused for it)."""
    return value if isinstance(value, str) and PATTERN.fullmatch(value) else None


def saved_with(engine: Engine, table: Table, token: str | None, *, key: str = "id", **same) -> Any:
    """The key (column `key`) of the row saved with `token` when its columns `same` hold the same values
    (the same form posted again), else None."""
    if token is None:
        return None
    with engine.connect() as conn:
        row = conn.execute(select(table).where(table.c.form_token == token)).first()
    if row is None or any(getattr(row, k) != v for k, v in same.items()):
        return None
    return getattr(row, key)


def insert_once(engine: Engine, table: Table, values: dict, token: str | None, then: Callable[[Connection, Any], None], *, key: str = "id") -> Any:
    """Insert `values` with `token` and call `then(conn, id)` (its audit row) in the same transaction:
    the new row's key (column `key`), or None when the insert was refused with a token given (a row may hold that
    token already: the caller looks with `saved_with`, and saves without the token if not)."""
    try:
        with engine.begin() as conn:
            new = conn.execute(insert(table).values(**values, form_token=token).returning(table.c[key])).scalar_one()
            then(conn, new)
    except IntegrityError:
        if token is None:
            raise
        return None
    return new

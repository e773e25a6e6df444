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
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, Table, insert, select
from sqlalchemy.exc import IntegrityError

K = TypeVar("K")
W = TypeVar("W")
R = TypeVar("R")

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


def insert_with(conn: Connection, table: Table, values: dict, token: str | None, *, key: str = "id") -> Any:
    """Insert `values` into `table` with `token` (a `write`'s row): the new row's key (column `key`)."""
    return conn.execute(insert(table).values(**values, form_token=token).returning(table.c[key])).scalar_one()


def insert_once(
    engine: Engine,
    token: str | None,
    write: Callable[[Connection], W],
    *,
    table: Table,
    same: dict,
    done: Callable[[W], R],
    repeated: Callable[[K], R],
    again: Callable[[], R],
    key: str = "id",
    kept: Callable[[K], bool] = lambda _: True,
) -> R:
    """Save once, the one shape of every saving form (left13b, left14, store15).

    `write(conn)` saves with `token`, in one transaction (its rows and its audit row), and gives what
    `done` needs (the new row's key, or what the caller returns, made in that transaction): `done(it)`
    once committed. When the insert is refused with a token given (the unique index: a row holds that
    token already, saved by an earlier post, or by one at the same moment), the row saved with it is
    looked for: one with the columns `same` (and `kept(key)`, for what `same` cannot say) is the same form
    posted again: `repeated(its key)` (column `key`). None: the token beside other content (a page kept
    open and changed) is another save: `again()`, the caller's own save without the token, which makes its
    own checks once more (what the first post saved may have changed what may be saved now)."""
    try:
        with engine.begin() as conn:
            new = write(conn)
    except IntegrityError:
        if token is None:
            raise
        first = saved_with(engine, table, token, key=key, **same)
        if first is None or not kept(first):
            return again()
        return repeated(first)
    return done(new)

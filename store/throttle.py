"""Growing delays between sign-in attempts, per username and address, in place of a lock
that anyone could put on anyone's account.

Each (typed username, client address) pair has a row: how many attempts were counted since the
last success, and the earliest time the next may be checked. The first `config.max_failed_logins`
attempts go straight through; after that each waits twice as long as the one before
(`config.sign_in_delay_seconds`, doubling, at most `config.lockout_minutes`). Someone guessing
from one address slows only themselves: the account's owner, signing in from elsewhere, is not
held up. A typed username that does not exist gets the same row and delays as a real one, so
the delays tell nothing about which usernames exist. Both keys are stored as SHA-256 hashes.

An attempt is counted *before* its password is checked, with a compare-and-set on the count
(one conditional UPDATE, atomic on SQLite and PostgreSQL alike): however many guesses arrive at
once, no more than the free attempts are checked before the delay starts.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

from sqlalchemy import Engine, and_, delete, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite

from store.clock import aware
from store.config import StoreConfig
from store.models import sign_in_throttle as table

CAS_TRIES = 8  # concurrent attempts on one key each get a turn; beyond that they are refused


def _key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def keys(username: str, address: str) -> dict[str, str]:
    return {"account_key": _key(username), "address_key": _key(address or "-")}


def delay(attempt: int, config: StoreConfig) -> timedelta:
    """How long after the `attempt`-th counted attempt the next must wait."""
    over = attempt - config.max_failed_logins
    if over < 0:
        return timedelta(0)
    cap = config.lockout_minutes * 60
    return timedelta(seconds=min(config.sign_in_delay_seconds * 2 ** min(over, 32), cap))


def _where(k: dict[str, str]):
    return and_(table.c.account_key == k["account_key"], table.c.address_key == k["address_key"])


def claim(engine: Engine, username: str, address: str, *, config: StoreConfig, now: datetime) -> int | None:
    """Count one attempt; its number, or None if this key must wait (or lost every race)."""
    k = keys(username, address)
    insert = postgresql.insert if engine.dialect.name == "postgresql" else sqlite.insert
    with engine.begin() as conn:
        conn.execute(insert(table).values(**k, failures=0, next_at=None).on_conflict_do_nothing())
    for _ in range(CAS_TRIES):
        with engine.begin() as conn:
            row = conn.execute(select(table.c.failures, table.c.next_at).where(_where(k))).first()
            if row is None:
                return None
            if row.next_at is not None and aware(row.next_at) > now:
                return None
            n = row.failures + 1
            wait = delay(n, config)
            done = conn.execute(
                update(table).where(_where(k), table.c.failures == row.failures).values(failures=n, next_at=now + wait if wait else None)
            ).rowcount
        if done:
            return n
    return None


def succeed(conn, username: str, address: str, attempt: int, *, now: datetime) -> bool:
    """After the right password: clear the count, unless attempts counted after this one (still
    hashing when it started) have since made the key wait; then the right password is refused too."""
    k = keys(username, address)
    fresh = or_(table.c.failures == attempt, table.c.next_at.is_(None), table.c.next_at <= now)
    return bool(conn.execute(update(table).where(_where(k), fresh).values(failures=0, next_at=None)).rowcount)


def forget_account(conn, username: str) -> None:
    """An administrator's password reset ends every delay on the account."""
    conn.execute(delete(table).where(table.c.account_key == _key(username)))

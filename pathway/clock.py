"""The app's one clock, for domain time: the office-hours route, sessions, sign-in delays,
retention, the call screen's times. Tests set it (the `clock` fixture in tests/conftest.py);
nothing else does. Benchmarks and durable-rules' own timing read their own clocks.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone

_source: Callable[[], datetime] | None = None


def utcnow() -> datetime:
    """Now, as an aware UTC datetime (the set time, if a test set one)."""
    return _source().astimezone(timezone.utc) if _source is not None else datetime.now(timezone.utc)


def set_source(source: Callable[[], datetime] | None) -> None:
    """Read the time from `source` (giving aware datetimes) from now on; None: the system clock."""
    global _source
    _source = source


def aware(moment: datetime | None) -> datetime:
    """`moment` (default now) as aware UTC. SQLite hands back naive datetimes: they are UTC."""
    if moment is None:
        return utcnow()
    if moment.tzinfo is None:
        return moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)

"""Store settings: embedded defaults, overridable by environment variables (FSP_*)."""
from __future__ import annotations

import os
from dataclasses import dataclass

# 25 years. The usual rule for children's social care records in England is "until the 25th
# birthday" (longer for looked-after children and adoption, which this tool does not hold). We
# store no date of birth, and a child can be assessed unborn, so 25 years from the assessment is
# the shortest period that never deletes before that birthday. To be confirmed by the council's
# records manager; FSP_RETENTION_DAYS overrides. See docs/storage.md.
DEFAULT_RETENTION_DAYS = 25 * 365 + 6  # 25 years including leap days


@dataclass(frozen=True)
class StoreConfig:
    # No file of the store's own (never one beside site-packages): FSP_DATABASE_URL or DATABASE_URL,
    # else the caller names it: the web app's Flask instance folder, which the command line shares (cli/database.py).
    database_url: str | None = None
    max_failed_logins: int = 5           # attempts per username and address before the delays start
    lockout_minutes: int = 15            # the longest delay between attempts (store.throttle)
    sign_in_delay_seconds: int = 30      # the first delay; each further attempt doubles it
    session_idle_minutes: int = 30
    session_max_minutes: int = 10 * 60   # a working day; sign in again the next morning
    retention_days: int = DEFAULT_RETENTION_DAYS
    sqlite_busy_ms: int = 5000           # how long a SQLite write waits for another's lock, then fails
    pg_lock_timeout_ms: int = 5000       # the same bound on PostgreSQL (its lock_timeout)

    @classmethod
    def from_env(cls, env=os.environ) -> "StoreConfig":
        kw = {}
        url = env.get("FSP_DATABASE_URL") or env.get("DATABASE_URL")
        if url:
            kw["database_url"] = url
        for name, key in [("max_failed_logins", "FSP_MAX_FAILED_LOGINS"), ("lockout_minutes", "FSP_LOCKOUT_MINUTES"),
                          ("sign_in_delay_seconds", "FSP_SIGN_IN_DELAY_SECONDS"),
                          ("session_idle_minutes", "FSP_SESSION_IDLE_MINUTES"),
                          ("session_max_minutes", "FSP_SESSION_MAX_MINUTES"), ("retention_days", "FSP_RETENTION_DAYS"),
                          ("sqlite_busy_ms", "FSP_SQLITE_BUSY_MS"), ("pg_lock_timeout_ms", "FSP_PG_LOCK_TIMEOUT_MS")]:
            if env.get(key):
                try:
                    value = int(env[key])
                except ValueError:
                    raise ValueError(f"{key}: must be a whole number, got {env[key]!r}") from None
                if value < 1:
                    raise ValueError(f"{key}: must be at least 1")
                kw[name] = value
        return cls(**kw)

"""Store settings: embedded defaults, overridable by environment variables (FSP_*, pydantic-settings)."""

from __future__ import annotations

from pydantic import AliasChoices, Field, PositiveInt

from pathway.env_settings import EnvSettings

# 25 years. The usual rule for children's social care records in England is "until the 25th
# birthday" (longer for looked-after children and adoption, which this tool does not hold). We
# store no date of birth, and a child can be assessed unborn, so 25 years from the assessment is
# the shortest period that never deletes before that birthday. To be confirmed by the council's
# records manager; FSP_RETENTION_DAYS overrides. See docs/storage.md.
DEFAULT_RETENTION_DAYS = 25 * 365 + 6  # 25 years including leap days


class StoreConfig(EnvSettings):
    """Each field reads FSP_<NAME> (docs/storage.md); a whole number of at least 1."""

    # No file of the store's own (never one beside site-packages): FSP_DATABASE_URL or DATABASE_URL,
    # else the caller names it: the web app's Flask instance folder, which the command line shares (cli/database.py).
    database_url: str | None = Field(None, validation_alias=AliasChoices("FSP_DATABASE_URL", "DATABASE_URL"))
    max_failed_logins: PositiveInt = 5  # attempts per username and address before the delays start
    lockout_minutes: PositiveInt = 15  # the longest delay between attempts (store.throttle)
    sign_in_delay_seconds: PositiveInt = 30  # the first delay; each further attempt doubles it
    session_idle_minutes: PositiveInt = 30
    session_max_minutes: PositiveInt = 10 * 60  # a working day; sign in again the next morning
    retention_days: PositiveInt = DEFAULT_RETENTION_DAYS
    sqlite_busy_ms: PositiveInt = 5000  # how long a SQLite write waits for another's lock, then fails
    pg_lock_timeout_ms: PositiveInt = 5000  # the same bound on PostgreSQL (its lock_timeout)

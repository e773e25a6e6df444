"""Engines and migrations. SQLite (WAL, foreign keys) embedded by default; PostgreSQL by URL.

Every engine hides SQL parameters from its logs and error messages (they hold answers about a
child) and finds out, before it hands a connection out, that the database has gone away.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from pathlib import Path
from urllib.request import pathname2url

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DisconnectionError

from store.config import StoreConfig

# Alembic finds its scripts as package data (importlib.resources), so a wheel migrates as a checkout does.
MIGRATIONS = "store:migrations"


def normalise_url(url: str) -> str:
    """`postgresql://` means psycopg 3 here (SQLAlchemy would otherwise look for psycopg2)."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    return url


OPENED = ("sqlite", "postgresql")  # the databases this tool opens (docs/storage.md)


def checked_url(url: str) -> str:
    """`url`, normalised, when this tool can open such a database; else DatabaseUrlRefused saying why
    in one line (review 15 surfaces, Z2). A URL that does not parse is not repeated (it may hold a
    password in a place the parser could not find); one that parses is shown without its password."""
    from sqlalchemy.exc import ArgumentError

    from store.errors import DatabaseUrlRefused

    url = normalise_url(url)
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise DatabaseUrlRefused("not a database URL: give sqlite:///PATH or postgresql://USER@HOST/NAME") from None
    shown = parsed.render_as_string(hide_password=True)
    kind = parsed.get_backend_name()
    if kind not in OPENED:
        raise DatabaseUrlRefused(f"{shown}: this tool opens SQLite (sqlite:///PATH) or PostgreSQL (postgresql://USER@HOST/NAME), not {kind!r}")
    try:
        parsed.get_dialect().import_dbapi()
    except (ArgumentError, ImportError):  # a driver named after "+" that SQLAlchemy or this install lacks
        raise DatabaseUrlRefused(f"{shown}: the driver {parsed.drivername!r} is not installed here") from None
    return url


def _sqlite_pragmas(busy_ms: int):
    def on_connect(dbapi_conn, _record):
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")  # readers don't block the writer; crash-safe
        cur.execute("PRAGMA synchronous=FULL")  # a commit survives power loss, not just a crash
        cur.execute("PRAGMA foreign_keys=ON")
        # web workers and the CLI share the file; a write waits this long for a lock, then fails
        cur.execute(f"PRAGMA busy_timeout={int(busy_ms)}")
        cur.close()

    return on_connect


class _SqliteFileGuard:
    """Keeps an engine on the one SQLite file it opened.

    SQLite itself would carry on writing through an open connection to a file that has been
    deleted or moved (reporting success for writes nobody will ever read), and would create a new
    empty database where the file used to be. So, once the file exists, connections open it only
    if it is there (mode=rw), and a pooled connection whose file is no longer at the path is
    discarded before use (SQLAlchemy's documented checkout "ping"); when the file is back, new
    connections find it again.
    """

    def __init__(self, path: str):
        self.path = os.path.abspath(path)
        self.opened = False

    def do_connect(self, _dialect, _record, cargs, cparams):
        if self.opened:
            cargs[0] = f"file:{pathname2url(self.path)}?mode=rw"
            cparams["uri"] = True

    def _inode(self) -> int | None:
        try:
            return os.stat(self.path).st_ino
        except OSError:
            return None

    def connect(self, _dbapi_conn, record):
        self.opened = True
        record.info["inode"] = self._inode()

    def checkout(self, _dbapi_conn, record, _proxy):
        if self._inode() != record.info.get("inode"):
            raise DisconnectionError("the database file is not where it was opened")

    def listen(self, engine: Engine) -> None:
        for name in ("do_connect", "connect", "checkout"):
            event.listen(engine, name, getattr(self, name))


def make_engine(url: str | None = None, *, config: StoreConfig | None = None, must_exist: bool = False) -> Engine:
    """An Engine for `url` (default: the config's), with SQLite pragmas on every connection.
    `must_exist`: a SQLite file is opened only if it is there from the first connection on (and its
    folder is not made), as it is once the file has been opened (open_existing)."""
    config = config or StoreConfig.from_env()
    url = url or config.database_url
    if not url:
        raise ValueError("no database named: pass its URL, or set FSP_DATABASE_URL or DATABASE_URL")
    url = normalise_url(url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(url, hide_parameters=True)
        event.listen(engine, "connect", _sqlite_pragmas(config.sqlite_busy_ms))
        if parsed.database and parsed.database != ":memory:" and not parsed.query.get("uri"):
            guard = _SqliteFileGuard(parsed.database)
            if must_exist:
                guard.opened = True  # mode=rw from the first connection: never a new file
            else:
                Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
            guard.listen(engine)
        return engine
    # a request waits a bounded time for a lock (then the fault page), never without end
    options = parsed.query.get("options", "")
    options = " ".join(options) if isinstance(options, tuple) else options
    lock_timeout = f"-c lock_timeout={config.pg_lock_timeout_ms}"
    return create_engine(url, pool_pre_ping=True, hide_parameters=True, connect_args={"options": f"{options} {lock_timeout}".strip()})


@contextlib.contextmanager
def _sqlite_file_lock(engine: Engine):
    db = engine.url.database if engine.dialect.name == "sqlite" else None
    if not db or db == ":memory:":
        yield
        return
    with open(f"{db}.migrate-lock", "a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _alembic_config(engine: Engine):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", MIGRATIONS)
    cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%"))
    return cfg


def migrate(url_or_engine: str | Engine | None = None) -> Engine:
    """Bring the database to the latest revision (creating it on first run); returns the Engine."""
    from alembic import command

    engine = url_or_engine if isinstance(url_or_engine, Engine) else make_engine(url_or_engine)
    cfg = _alembic_config(engine)
    # Several web workers may start at once on a new database: one migrates at a time.
    # PostgreSQL: an advisory lock in the migrating transaction. SQLite (whose driver runs DDL
    # outside transactions): an exclusive lock on a file beside the database.
    with _sqlite_file_lock(engine):
        with engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                conn.exec_driver_sql("SET LOCAL lock_timeout = 0")  # start-up waits for another worker's migration
                conn.exec_driver_sql("SELECT pg_advisory_xact_lock(6161106)")
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    return engine


def connect(url: str | None = None) -> Engine:
    """What the web app and `pathway users create` call: an Engine on a migrated database, created
    on first use."""
    return migrate(url)


def first_line(exc) -> str:
    """A database error's first line, without SQLAlchemy's wrapping and link."""
    return str(exc.orig).strip().splitlines()[0] if getattr(exc, "orig", None) else type(exc).__name__


def connect_refusing(url: str) -> Engine:
    """`connect` for the command line (`pathway users create`): a file that is there but is not a
    database, DatabaseUnreadable naming it, never a traceback (review 14 surfaces, Y4)."""
    from sqlalchemy.exc import DatabaseError

    from store.errors import DatabaseUnreadable

    try:
        return connect(url)
    except DatabaseError as exc:
        raise DatabaseUnreadable(_shown(url), first_line(exc)) from None


def _shown(url: str) -> str:
    """Where a database is, as a message may name it: a SQLite file's path, else the URL without its password."""
    parsed = make_url(normalise_url(url))
    if parsed.get_backend_name() == "sqlite":
        return parsed.database or ":memory:"
    return parsed.render_as_string(hide_password=True)


def open_existing(url: str | None = None) -> Engine:
    """An Engine on a database that is already this tool's (then migrated, as connect does), never a
    new one: the store's commands other than `users create` (review 12 surfaces, W6: a mistyped
    --database-url made a new, empty database, and `users list` or `retention run` reported on it).
    DatabaseNotFound when there is no such SQLite file, the server refuses the connection, or the
    database holds none of this tool's tables (nothing is created in it)."""
    from sqlalchemy import inspect
    from sqlalchemy.exc import DatabaseError, OperationalError

    from store.errors import DatabaseNotFound, DatabaseUnreadable

    config = StoreConfig.from_env()  # a bad FSP_ variable is said first, as make_engine would
    url = url or config.database_url
    if not url:
        raise ValueError("no database named: pass its URL, or set FSP_DATABASE_URL or DATABASE_URL")
    where = _shown(url)
    parsed = make_url(normalise_url(url))
    if parsed.get_backend_name() == "sqlite" and parsed.database and parsed.database != ":memory:" and not parsed.query.get("uri"):
        if not Path(parsed.database).is_file():
            raise DatabaseNotFound(where, "no such file; only `pathway users create` and the web app's start make a new one")
    engine = make_engine(url, config=config, must_exist=True)
    try:
        with engine.connect() as conn:
            ours = inspect(conn).has_table("alembic_version")
    except OperationalError as exc:
        engine.dispose()
        raise DatabaseNotFound(where, f"cannot open it: {first_line(exc)}") from None
    except DatabaseError as exc:  # there, but not a database (review 14 surfaces, Y4: a traceback)
        engine.dispose()
        raise DatabaseUnreadable(where, first_line(exc)) from None
    if not ours:
        engine.dispose()
        raise DatabaseNotFound(where, "it holds none of this tool's tables; only `pathway users create` and the web app's start make them")
    return migrate(engine)

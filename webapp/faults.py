"""The database failing (locked, gone, full, server down, not a database): one clear page, nothing personal logged.

Every SQLAlchemy OperationalError or InterfaceError, a file the driver reads as no database (its bare
DatabaseError: cut short or overwritten), and a pool that has no connection to give,
becomes one 503 page (JSON under /api/) saying there is a problem, to try again, to check before
saving twice, and whom to ring if a child is at risk (from the catalogue). The page is drawn without the database:
no account bar, and the session is not written back. The log line names the error class only:
the message quotes SQL and the request path can hold a case reference.
"""

from __future__ import annotations

from flask import Flask, current_app, g, jsonify, render_template, request
from sqlalchemy.exc import DatabaseError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout

TITLE = "Sorry, there is a problem with the service"
# Not "nothing was saved": a fault just after a commit (reading the entry back) would make that untrue.
MESSAGE = "Try again in a few minutes. If you were saving an assessment, look for it in your cases before you save it again."
API_MESSAGE = "the service cannot reach its database; try again in a few minutes"
RETRY_AFTER = "60"
FLAG = "fsp_store_fault"  # this request is drawing the fault page
LOGGED = "fsp_store_fault_logged"


class StoreUnavailable(Exception):
    """A practitioner's session could not be read or kept: the database is unavailable."""


FAULTS = (OperationalError, InterfaceError, PoolTimeout, StoreUnavailable)
# Met outside a view, reading what every page needs (the session, the signed-in user), every database error
# says the store cannot be read: a file the driver reads as no database (cut short, overwritten: sqlite's
# `file is not a database`, `database disk image is malformed`), a schema a migration behind (ProgrammingError),
# as well as FAULTS (review 25 surfaces R1). In a view only the driver's bare DatabaseError is added (is_fault):
# an IntegrityError or DataError there is the view's own error, a 500 logged whole.
UNREADABLE = (DatabaseError, InterfaceError, PoolTimeout, StoreUnavailable)


def is_fault(exc: BaseException | None) -> bool:
    """A database fault: FAULTS, or the driver's bare DatabaseError (the file is not a database), wherever met."""
    return isinstance(exc, FAULTS) or type(exc) is DatabaseError


def store_fault() -> bool:
    """True while the fault page is drawn: nothing may touch the database (no account bar, no
    session written back)."""
    return bool(g.get(FLAG))


def describe(exc: BaseException) -> str:
    """The error's class, its driver's class and SQLite's code name: never the message."""
    parts = [type(exc).__name__]
    orig = getattr(exc, "orig", None)
    if orig is not None:
        parts.append(f"{type(orig).__module__}.{type(orig).__name__}")
        if getattr(orig, "sqlite_errorname", None):
            parts.append(orig.sqlite_errorname)
    return " ".join(parts)


def note(exc: BaseException) -> None:
    """Log the fault once per request, by class and endpoint (the path can hold a case reference)."""
    if not g.get(LOGGED):
        where = request.endpoint or "the session"  # the session is opened before the route is known
        current_app.logger.warning("database unavailable: %s (at %s)", describe(exc), where)
        setattr(g, LOGGED, True)


def safety_line() -> str:
    from pathway.catalogue import load_catalogue

    cfd, edt = (load_catalogue().contact(c) for c in ("children_families_direct", "emergency_duty_team"))
    return f"If a child is at risk, ring {cfd.name} on {cfd.phone} ({edt.name} {edt.phone} out of hours)."


def unavailable(exc: BaseException):
    """The one handler for database faults, wherever in the request they happened."""
    note(exc)
    setattr(g, FLAG, True)
    headers = {"Retry-After": RETRY_AFTER}
    if request.path.startswith("/api/"):
        return jsonify({"errors": [{"field": "(server)", "message": API_MESSAGE}]}), 503, headers
    return render_template("error.html", title=TITLE, message=MESSAGE, safety=safety_line()), 503, headers


def init_app(app: Flask) -> None:
    for fault in FAULTS:
        app.register_error_handler(fault, unavailable)

"""Errors the store raises; each names the field it is about, never the answers."""

from __future__ import annotations


class StoreError(Exception):
    """Base class: anything the store refuses."""


class Invalid(StoreError, ValueError):
    """Input refused; `.field` names the field so the web form can point at it."""

    def __init__(self, field: str, message: str):
        self.field, self.message = field, message
        super().__init__(f"{field}: {message}")


class NotFound(StoreError, LookupError):
    """No such record, or one the caller may not see: the two are indistinguishable on purpose."""


class AccessDenied(StoreError, PermissionError):
    """The caller's role may not do this at all (e.g. an admin saving an assessment)."""


class DatabaseNotFound(StoreError, LookupError):
    """The database a command named is not there, or holds none of this tool's tables: nothing was
    created in its place (store.db.open_existing)."""

    def __init__(self, where: str, why: str):
        self.where, self.why = where, why
        super().__init__(f"database: not found: {where} ({why})")


class DatabaseUnreadable(DatabaseNotFound):
    """The database a command named is there but cannot be read as one (a file that is not a SQLite
    database): said in one line naming it, never a traceback (review 14 surfaces, Y4)."""

    def __init__(self, where: str, why: str):
        super().__init__(where, why)
        self.args = (f"database: {where} is not a database this tool can open ({why})",)

    def __str__(self) -> str:
        return self.args[0]


class DatabaseUrlRefused(StoreError, ValueError):
    """A database URL this tool cannot open at all: not a URL, or a database kind or driver not here
    (review 15 surfaces, Z2: SQLAlchemy's ArgumentError or ModuleNotFoundError traceback). The message
    never holds the URL's password; the caller names where the URL came from (an option, a variable)."""


class AuthError(StoreError):
    """Sign-in refused. One message for wrong user, wrong password, disabled or locked, so an
    attacker learns nothing; `.reason` is for the audit log only."""

    def __init__(self, reason: str):
        self.reason = reason
        super().__init__("the username or password is not right, or the account is locked")

"""Server-side sessions in the database: the cookie carries only a random token.

A practitioner's answers about a child never travel in the URL or the cookie, and expire
after SESSION_LIFETIME_HOURS. The table stores a hash of the token, so a copy of the database
cannot be replayed as cookies.

When the database cannot be read, the request goes on with an empty session marked unreadable:
pages that need nothing from it still work, pages that need the answers or the signed-in user
say the service is unavailable (`require_readable`), and the cookie is left alone, so the
answers are there again once the database is back. Nothing is written to an unreadable session.

Until a session holds something worth keeping (answers, a sign-in, a practice session, a
message), nothing is stored: the little it holds (the CSRF token, where to go after signing in,
the levels preference) travels in the cookie itself, signed with SECRET_KEY and timed, so an
anonymous page view writes no row. The first answer moves it into the database under a new token.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from datetime import timedelta, timezone

from flask import g, session
from flask.sessions import SessionInterface, SessionMixin
from itsdangerous import BadSignature, TimestampSigner, URLSafeTimedSerializer
from sqlalchemy import bindparam, delete, insert, select, update
from werkzeug.datastructures import CallbackDict

from webapp import db, faults, session_state


class DbSession(CallbackDict, SessionMixin):
    def __init__(self, initial=None, token: str | None = None, new: bool = False, unreadable: bool = False, cookie: str | None = None):
        def on_update(self):
            self.modified = True

        super().__init__(initial, on_update)
        self.token = token
        self.new = new
        self.modified = False
        self.unreadable = unreadable  # a cookie came but the database could not be read
        self.cookie = cookie  # the signed cookie this session came in, if it was one


OPENED = "fsp_session_opened"  # set once open_session has returned: before that, `session` cannot be read


def opened() -> bool:
    """False while the session is not open: open_session raised (the error pages are drawn all the same,
    as for an unreadable session, review 25 surfaces R1)."""
    return bool(g.get(OPENED))


def readable() -> bool:
    return opened() and not getattr(session, "unreadable", False)


def require_readable() -> None:
    """For what must not take an unreadable session for an empty one (answers, the signed-in user)."""
    if not readable():
        raise faults.StoreUnavailable()


def _key(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


# Built once: SQLAlchemy derives a statement's cache key on every execution of a new statement
# object, which cost more than the query itself (every request reads its session).
_READ = select(db.web_sessions.c.data, db.web_sessions.c.expires_at).where(db.web_sessions.c.id == bindparam("key"))


# What may travel in the cookie rather than the database: nothing about a child or a person.
COOKIE_KEYS = session_state.COOKIE_KEYS
COOKIE_PREFIX = "c."  # a cookie session; anything else is a database session's token
MAX_COOKIE = 1024


class _ClockSigner(TimestampSigner):
    """Signs and ages cookie sessions by the app's one clock (db.utcnow), as the stored ones are."""

    def get_timestamp(self) -> int:
        return int(db.utcnow().timestamp())


def _signer(app) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(app.secret_key, salt="fsp-cookie-session", signer=_ClockSigner)


def _in_cookie(session) -> bool:
    return set(session) <= COOKIE_KEYS


class SqlSessionInterface(SessionInterface):
    def open_session(self, app, request):
        opened = self._open(app, request)
        setattr(g, OPENED, True)
        return opened

    def _open(self, app, request) -> DbSession:
        token = request.cookies.get(self.get_cookie_name(app))
        if token and token.startswith(COOKIE_PREFIX) and len(token) <= MAX_COOKIE:
            try:
                data = _signer(app).loads(token[len(COOKIE_PREFIX) :], max_age=app.config["SESSION_LIFETIME_HOURS"] * 3600)
            except BadSignature:
                return DbSession(new=True)
            if isinstance(data, dict) and set(data) <= COOKIE_KEYS:
                return DbSession(data, cookie=token)
            return DbSession(new=True)
        if token and len(token) < 100:
            try:
                with db.engine().connect() as conn:
                    row = conn.execute(_READ, {"key": _key(token)}).first()
            except faults.UNREADABLE as exc:
                faults.note(exc)
                return DbSession(token=token, unreadable=True)
            if row is not None and _aware(row.expires_at) > db.utcnow():
                return DbSession(json.loads(row.data), token=token)
        return DbSession(new=True)

    @staticmethod
    def _forget(session: DbSession) -> None:
        forget_row(session.token)
        session.token = None

    def save_session(self, app, session: DbSession | None, response):
        if session is None:
            return  # never opened (open_session raised): nothing to keep, the cookie left alone
        if faults.store_fault():
            return  # the fault page: write nothing, keep the cookie
        if session.unreadable:
            if session.modified:
                raise faults.StoreUnavailable()  # the page changed answers it cannot keep: say so
            return
        name = self.get_cookie_name(app)
        domain, path = self.get_cookie_domain(app), self.get_cookie_path(app)
        if not session:
            if session.token or session.cookie:
                response.delete_cookie(name, domain=domain, path=path)
            if session.token:
                self._forget(session)
            return
        expires = db.utcnow() + timedelta(hours=app.config["SESSION_LIFETIME_HOURS"])
        if _in_cookie(session):
            if session.token:  # its answers were cleared: keep nothing in the database
                self._forget(session)
            elif not (session.modified or session.cookie is None):
                return
            value = COOKIE_PREFIX + _signer(app).dumps(dict(session))
        else:
            if not (session.modified or session.new or session.token is None):
                return
            self._store(session, expires)
            value = session.token
        response.set_cookie(
            name,
            value,
            expires=expires,
            httponly=self.get_cookie_httponly(app),
            domain=domain,
            path=path,
            secure=self.get_cookie_secure(app),
            samesite=self.get_cookie_samesite(app),
        )

    @staticmethod
    def _store(session: DbSession, expires) -> None:
        """The session's row, written (a new token if it had none or its row is gone); expired rows swept."""
        data = json.dumps(dict(session))
        with db.engine().begin() as conn:
            if session.token:
                done = conn.execute(update(db.web_sessions).where(db.web_sessions.c.id == _key(session.token)).values(data=data, expires_at=expires)).rowcount
            else:
                done = 0
            if not done:
                session.token = secrets.token_urlsafe(32)
                conn.execute(insert(db.web_sessions).values(id=_key(session.token), data=data, expires_at=expires))
            conn.execute(delete(db.web_sessions).where(db.web_sessions.c.expires_at < db.utcnow()))


def forget_row(token: str) -> None:
    with db.engine().begin() as conn:
        conn.execute(delete(db.web_sessions).where(db.web_sessions.c.id == _key(token)))


def _aware(moment):
    """SQLite hands back naive datetimes; they were stored in UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)

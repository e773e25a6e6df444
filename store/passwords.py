"""Password hashing with scrypt (RFC 7914, memory-hard) through werkzeug.security, the strength
check (zxcvbn), and the cap on hashes running at once.

Stored in werkzeug's format, `scrypt:N:r:p$salt$hash`, so the cost travels in each hash and can be
raised later. N=2**15, r=8, p=1 (32 MiB, ~0.1 s) is werkzeug's default. Hashes in this module's
earlier format (`scrypt$N$r$p$salt$hash`) still verify and are rewritten at the next sign-in.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import hmac
import os
import threading
from contextlib import contextmanager

from werkzeug.security import check_password_hash, generate_password_hash

N, R, P = 2**15, 8, 1
# The format this module wrote before werkzeug's: `scrypt$N$r$p$salt$hash`, base64, a 32-byte
# key. Accounts keep it until their next sign-in, which rewrites it (store.users.authenticate).
LEGACY = "scrypt$"
MIN_LENGTH = 12
MIN_SCORE = 3  # zxcvbn's "safely unguessable" (about 10^8 guesses and more), as NIST SP 800-63B asks


class Busy(Exception):
    """Every hashing slot is in use: the caller should answer "try again shortly", not wait."""


_slots = threading.BoundedSemaphore(2)  # webapp.security sets the configured number
_admitted = threading.BoundedSemaphore(3)  # sign-ins hashing or waiting for a slot
_wait = 1.0


def configure_slots(count: int, wait_seconds: float, waiting: int = 1) -> None:
    """At most `count` sign-in hashes at once in this process (each takes 32 MiB and a core for
    ~0.1 s), and at most `waiting` more sign-ins waiting up to `wait_seconds` for one: a waiting
    sign-in holds a worker thread too, so together they must stay below the threads a worker has
    (gunicorn.conf.py: 4), or a flood of sign-ins takes every thread from the rest of the service."""
    global _slots, _admitted, _wait
    _slots, _admitted, _wait = threading.BoundedSemaphore(count), threading.BoundedSemaphore(count + waiting), wait_seconds


@contextmanager
def hashing_slot():
    """Hold one of the process's hashing slots; Busy at once if the slots and the places to wait
    for one are all taken, or if none comes free within the wait."""
    slots, admitted = _slots, _admitted
    if not admitted.acquire(blocking=False):
        raise Busy()
    try:
        if not slots.acquire(timeout=_wait):
            raise Busy()
        try:
            yield
        finally:
            slots.release()
    finally:
        admitted.release()


def weakness(password: str, *related: str) -> str | None:
    """Why a password is too easy to guess (zxcvbn: dictionaries, common passwords, keyboard
    patterns, dates, repeats, and the account's own name), or None if it is strong enough."""
    from zxcvbn import zxcvbn

    result = zxcvbn(password[:72], user_inputs=[r for r in related if r])
    if result["score"] >= MIN_SCORE:
        return None
    feedback = result.get("feedback") or {}
    why = (feedback.get("warning") or "").rstrip(".")
    hint = " ".join(feedback.get("suggestions") or []) or "Use three or four unrelated words."
    return f"is too easy to guess{': ' + why.lower() if why else ''}. {hint}"


def _method() -> str:
    return f"scrypt:{N}:{R}:{P}"


def hash_password(password: str) -> str:
    """werkzeug's `scrypt:N:r:p$salt$hash`, at today's cost."""
    return generate_password_hash(password, method=_method())


def is_password_hash(stored: str | None) -> bool:
    """Whether `stored` is a password hash at all (a single sign-on account holds "sso": no password)."""
    return stored is not None and stored.startswith(("scrypt:", LEGACY))


def verify_password(password: str, stored: str) -> bool:
    if stored.startswith(LEGACY):
        return _verify_legacy(password, stored)
    if not stored.startswith("scrypt:"):
        return False
    try:
        return check_password_hash(stored, password)
    except (ValueError, TypeError):
        return False


def needs_rehash(stored: str) -> bool:
    """An older format or other parameters than today's: rewrite it at the next right password."""
    return not stored.startswith(_method() + "$")


def _verify_legacy(password: str, stored: str) -> bool:
    try:
        algo, n, r, p, salt, digest = stored.split("$")
        expected = base64.b64decode(digest)
        got = hashlib.scrypt(password.encode(), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p), dklen=len(expected), maxmem=256 * 1024 * 1024)
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, expected)


@functools.cache
def dummy_hash() -> str:
    """Verified against when the username does not exist, so both paths take the same time."""
    return hash_password(os.urandom(8).hex())

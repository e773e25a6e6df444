"""Password hashing with scrypt (hashlib.scrypt, RFC 7914): memory-hard, in the standard library.

Stored as `scrypt$N$r$p$salt$hash` (base64), so the cost can be raised later and old hashes
still verify. N=2**15, r=8, p=1 (32 MiB, ~0.1 s) is werkzeug's default too.
"""
from __future__ import annotations

import base64
import functools
import hashlib
import hmac
import os
import threading
from contextlib import contextmanager

N, R, P, DKLEN = 2 ** 15, 8, 1, 32
MIN_LENGTH = 12
MIN_SCORE = 3   # zxcvbn's "safely unguessable" (about 10^8 guesses and more), as NIST SP 800-63B asks


class Busy(Exception):
    """Every hashing slot is in use: the caller should answer "try again shortly", not wait."""


_slots = threading.BoundedSemaphore(2)   # webapp.security sets the configured number
_wait = 1.0


def configure_slots(count: int, wait_seconds: float) -> None:
    """At most `count` sign-in hashes at once in this process (each takes 32 MiB and a core for
    ~0.1 s), so a flood of sign-ins cannot take every worker thread from the rest of the service."""
    global _slots, _wait
    _slots, _wait = threading.BoundedSemaphore(count), wait_seconds


@contextmanager
def hashing_slot():
    """Hold one of the process's hashing slots; Busy if none comes free within the wait."""
    slots = _slots
    if not slots.acquire(timeout=_wait):
        raise Busy()
    try:
        yield
    finally:
        slots.release()


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


def _b64(b: bytes) -> str:
    return base64.b64encode(b).decode()


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(password.encode(), salt=salt, n=n, r=r, p=p, dklen=DKLEN, maxmem=256 * 1024 * 1024)


def hash_password(password: str) -> str:
    salt = os.urandom(16)
    return f"scrypt${N}${R}${P}${_b64(salt)}${_b64(_scrypt(password, salt, N, R, P))}"


def verify_password(password: str, stored: str) -> bool:
    try:
        algo, n, r, p, salt, digest = stored.split("$")
        if algo != "scrypt":
            return False
        got = _scrypt(password, base64.b64decode(salt), int(n), int(r), int(p))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, base64.b64decode(digest))


@functools.cache
def dummy_hash() -> str:
    """Verified against when the username does not exist, so both paths take the same time."""
    return hash_password(os.urandom(8).hex())

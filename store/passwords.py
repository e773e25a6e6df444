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

N, R, P, DKLEN = 2 ** 15, 8, 1, 32
MIN_LENGTH = 12


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

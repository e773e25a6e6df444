"""Shared helpers: build cases the way a practitioner would describe them."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile

import pytest

# Every test signs in from 127.0.0.1, far more often than a person would: the rate limits are
# lifted for the suite (children inherit it, gunicorn included); tests/webapp/test_abuse.py
# sets real limits on its own apps.
for _name in ("SIGN_IN_LIMIT_PER_ADDRESS", "SIGN_IN_LIMIT_OVERALL", "JOIN_LIMIT_PER_ADDRESS", "PRACTICE_PAGE_LIMIT_PER_ADDRESS"):
    os.environ.setdefault(f"FSP_{_name}", "100000 per minute")
os.environ.setdefault("FSP_MAX_CONCURRENT_HASHES", "16")
# The search's trained models are kept in a folder of the run's own (children inherit it), not the
# user's cache: a run starts with none, as CI does, and leaves none behind.
_MODEL_CACHE = tempfile.mkdtemp(prefix="fsp-test-cache-")
os.environ.setdefault("FSP_CACHE_DIR", _MODEL_CACHE)
atexit.register(shutil.rmtree, _MODEL_CACHE, True)

from pathway import Case, load_catalogue  # noqa: E402

IN_HOURS = "2026-11-24T10:30:00+00:00"  # a Tuesday morning, Children and Families Direct open
OUT_OF_HOURS = "2026-11-24T22:30:00+00:00"  # the same Tuesday at night


def make_case(indicators=(), age_years=8, age_months=None, unborn=False, **context) -> Case:
    child = {"unborn": True} if unborn else {"age_years": age_years}
    if age_months is not None:
        child["age_months"] = age_months
    context.setdefault("contact_time", IN_HOURS)
    return Case.parse({"child": child, "indicators": list(indicators), "context": context})


@pytest.fixture(scope="session")
def catalogue():
    return load_catalogue()


class SetClock:
    """The app's one clock (pathway.clock) as a test holds it: it stands still at `now` until moved."""

    def __init__(self, now):
        self.now = now

    def set(self, moment) -> None:
        self.now = moment

    def advance(self, **delta) -> None:
        from datetime import timedelta

        self.now += timedelta(**delta)


@pytest.fixture
def clock():
    """Set the whole app's time (store, sessions, call screen, office-hours route, retention):
    `clock.set(moment)`, `clock.advance(hours=11)`. It starts at the real now, standing still."""
    from pathway import clock as app_clock

    held = SetClock(app_clock.utcnow())
    app_clock.set_source(lambda: held.now)
    yield held
    app_clock.set_source(None)


@pytest.fixture(autouse=True)
def _hash_slots_restored():
    """Tests that narrow the password-hashing slots (store.passwords) give them back."""
    from store import passwords

    saved = passwords._slots, passwords._wait, passwords._admitted
    yield
    passwords._slots, passwords._wait, passwords._admitted = saved

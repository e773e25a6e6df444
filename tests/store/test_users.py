"""Accounts: scrypt hashes, lockout after repeated failures, sessions that expire."""
from datetime import timedelta

import pytest

from store import AuthError, Invalid, passwords
from store.audit import entries as audit_entries
from store.config import StoreConfig
from store.users import (authenticate, create_user, disable_user, list_users, reset_password, session_user,
                         sign_in, sign_out)
from tests.store.conftest import PASSWORD, T0

CFG = StoreConfig(max_failed_logins=5, lockout_minutes=15, session_idle_minutes=30, session_max_minutes=600)


def test_production_hash_is_scrypt_with_its_parameters(monkeypatch):
    monkeypatch.setattr(passwords, "N", 2 ** 15)
    h = passwords.hash_password("correct horse battery")
    assert h.startswith("scrypt$32768$8$1$") and "correct" not in h
    assert passwords.verify_password("correct horse battery", h)
    assert not passwords.verify_password("correct horse batterY", h)
    assert h != passwords.hash_password("correct horse battery")   # salted


def test_password_is_stored_hashed_and_sign_in_works(engine, people):
    user, token = sign_in(engine, "pam", PASSWORD, config=CFG, now=T0)
    assert user.username == "pam" and len(token) >= 40
    assert session_user(engine, token, config=CFG, now=T0).id == user.id
    from sqlalchemy import text
    with engine.connect() as conn:
        stored = conn.execute(text("SELECT password_hash FROM users WHERE username = 'pam'")).scalar_one()
        tokens = conn.execute(text("SELECT token_hash FROM store_sessions")).scalars().all()
    assert stored.startswith("scrypt$") and PASSWORD not in stored and token not in tokens


@pytest.mark.parametrize("field,kw", [("username", {"username": "Pam Smith"}), ("role", {"role": "boss"}),
                                      ("password", {"password": "short"}), ("team", {"team": ""})])
def test_create_user_names_the_bad_field(engine, field, kw):
    args = {"username": "newbie", "role": "practitioner", "team": "north", "password": PASSWORD, **kw}
    with pytest.raises(Invalid) as exc:
        create_user(engine, **args)
    assert exc.value.field == field


def test_duplicate_username_refused(engine, people):
    with pytest.raises(Invalid) as exc:
        create_user(engine, "pam", "practitioner", "north", PASSWORD)
    assert exc.value.field == "username"


def test_five_failures_lock_for_fifteen_minutes_even_with_the_right_password(engine, people):
    for i in range(4):
        with pytest.raises(AuthError):
            authenticate(engine, "pam", "wrong password!", config=CFG, now=T0 + timedelta(seconds=i))
    assert authenticate(engine, "pam", PASSWORD, config=CFG, now=T0).username == "pam"   # resets the count
    for i in range(5):
        with pytest.raises(AuthError):
            authenticate(engine, "pam", "wrong password!", config=CFG, now=T0)
    with pytest.raises(AuthError) as exc:
        authenticate(engine, "pam", PASSWORD, config=CFG, now=T0 + timedelta(minutes=14, seconds=59))
    assert exc.value.reason == "locked"
    assert str(exc.value) == str(AuthError("bad_password"))      # the user is not told which
    assert authenticate(engine, "pam", PASSWORD, config=CFG, now=T0 + timedelta(minutes=15)).username == "pam"
    details = [a.detail for a in audit_entries(engine, action="sign_in")]
    assert details.count("locked_now") == 1 and details.count("locked") == 1


def test_lockout_parameters_come_from_config(engine, people):
    cfg = StoreConfig(max_failed_logins=2, lockout_minutes=1)
    for _ in range(2):
        with pytest.raises(AuthError):
            authenticate(engine, "pam", "wrong password!", config=cfg, now=T0)
    with pytest.raises(AuthError):
        authenticate(engine, "pam", PASSWORD, config=cfg, now=T0 + timedelta(seconds=59))
    assert authenticate(engine, "pam", PASSWORD, config=cfg, now=T0 + timedelta(minutes=1))


def test_unknown_user_refused_and_the_typed_name_is_not_logged(engine, people):
    with pytest.raises(AuthError) as exc:
        authenticate(engine, "correct horse battery", PASSWORD, config=CFG, now=T0)
    assert exc.value.reason == "unknown_user"
    last = audit_entries(engine, action="sign_in")[-1]
    assert last.user_id is None and "horse" not in repr(last)


def test_reset_password_clears_lockout_and_ends_sessions(engine, people):
    _, token = sign_in(engine, "pam", PASSWORD, config=CFG, now=T0)
    for _ in range(5):
        with pytest.raises(AuthError):
            authenticate(engine, "pam", "wrong password!", config=CFG, now=T0)
    reset_password(engine, "pam", "a new long passphrase")
    assert session_user(engine, token, config=CFG, now=T0) is None
    assert authenticate(engine, "pam", "a new long passphrase", config=CFG, now=T0)


def test_disabled_account_cannot_sign_in_and_loses_sessions(engine, people):
    _, token = sign_in(engine, "pam", PASSWORD, config=CFG, now=T0)
    disable_user(engine, "pam")
    assert session_user(engine, token, config=CFG, now=T0) is None
    with pytest.raises(AuthError) as exc:
        authenticate(engine, "pam", PASSWORD, config=CFG, now=T0)
    assert exc.value.reason == "disabled"
    assert [u.disabled for u in list_users(engine) if u.username == "pam"] == [True]


def test_session_expires_when_idle(engine, people):
    _, token = sign_in(engine, "pam", PASSWORD, config=CFG, now=T0)
    assert session_user(engine, token, config=CFG, now=T0 + timedelta(minutes=29))      # keeps it alive
    assert session_user(engine, token, config=CFG, now=T0 + timedelta(minutes=58))
    assert session_user(engine, token, config=CFG, now=T0 + timedelta(minutes=88)) is None
    assert session_user(engine, token, config=CFG, now=T0 + timedelta(minutes=60)) is None   # stays ended


def test_session_expires_at_its_maximum_age_even_when_busy(engine, people):
    _, token = sign_in(engine, "pam", PASSWORD, config=CFG, now=T0)
    for minutes in range(20, 600, 20):
        assert session_user(engine, token, config=CFG, now=T0 + timedelta(minutes=minutes)) is not None
    assert session_user(engine, token, config=CFG, now=T0 + timedelta(minutes=600)) is None


def test_sign_out_and_unknown_tokens(engine, people):
    _, token = sign_in(engine, "pam", PASSWORD, config=CFG, now=T0)
    sign_out(engine, token)
    assert session_user(engine, token, config=CFG, now=T0) is None
    assert session_user(engine, "not-a-token", config=CFG, now=T0) is None
    assert session_user(engine, None, config=CFG, now=T0) is None


def test_config_from_env_validates_numbers():
    assert StoreConfig.from_env({"FSP_RETENTION_DAYS": "30", "FSP_MAX_FAILED_LOGINS": "3"}).retention_days == 30
    with pytest.raises(ValueError, match="FSP_RETENTION_DAYS"):
        StoreConfig.from_env({"FSP_RETENTION_DAYS": "seven years"})
    assert StoreConfig.from_env({}).retention_days == 25 * 365 + 6

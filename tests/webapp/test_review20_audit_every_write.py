"""Every write through a POST route leaves an audit row (review 20 surfaces, S7).

The review found three practice writes (starting a session, removing a trainee, which deletes their
answers, and ending a session) with no audit row. The class: walk every POST rule of the URL map, send
the form its route accepts from someone it admits (the route sweep's world and bodies, CSRF on), and
compare every table before and after (the oracle: the rows themselves, not the code's own account of
them). Where any table but the audit log and the per-request bookkeeping changed, the audit log must
have gained a row, with the signed-in account where there is one, and no text typed into the form.
"""

from __future__ import annotations

from sqlalchemy import select

from store import passwords, users
from store.models import audit_log
from tests.webapp.test_route_sweep import TRAINEE_NAME, snapshot, world  # noqa: F401 (world: the fixture)
from webapp import access, create_app
from webapp.practice import records

# the routes that end something another route needs go last, in this order (answers before the trainee
# who gave them is removed; the session ends after that; signing in and out last of all)
LAST = ("practice.remove_trainee", "practice.end", "accounts.sign_in", "accounts.sign_out")
NOT_WRITES = {"audit_log", "web_sessions", "sign_in_throttle"}  # bookkeeping, not a record of work
API = {"api.assess": {"indicators": ["additional.dental_decay_not_accessing"]}, "api.search": {"words": "bruise on a baby"}}
TYPED = ("Sweep reason", "A different level, for the sweep", "Reviewed, for the sweep", "Another trainee", TRAINEE_NAME, "a note")


def _post_rules(app):
    found = [r for r in app.url_map.iter_rules() if "POST" in r.methods]
    return sorted(found, key=lambda r: (LAST.index(r.endpoint) + 1 if r.endpoint in LAST else 0, r.rule))


def _audit(app) -> list:
    with app.extensions["fsp_db"].connect() as conn:
        return list(conn.execute(select(audit_log).order_by(audit_log.c.id)))


def _user_id(app, name: str) -> int | None:
    return None if name in ("anonymous", "trainee") else users.find_user(app.extensions["fsp_store"], name).id


def test_every_post_route_that_writes_leaves_an_audit_row(world):  # noqa: F811
    app = world.app
    problems, wrote = [], []
    for rule in _post_rules(app):
        declared = access.of(app, rule.endpoint)
        visitor = world.admitted(declared)
        if rule.endpoint == "practice.remove_trainee":
            visitor = world.visitors["tess"]
        before, audited = snapshot(app), len(_audit(app))
        if rule.endpoint in API:  # JSON, no cookies, no token (exempt from CSRF by design)
            r = visitor.client.post(world.url(rule), json=API[rule.endpoint])
        else:
            r = visitor.send("POST", world.url(rule), world.body(rule.endpoint), token=True)
        after = snapshot(app)
        changed = sorted(t for t in after if t not in NOT_WRITES and after[t] != before.get(t))
        rows = _audit(app)[audited:]
        if r.status_code >= 400:
            problems.append(f"POST {rule.rule} as {visitor.name}: {r.status_code} (the sweep's body should be accepted)")
            continue
        if not changed:
            continue
        wrote.append(rule.endpoint)
        uid = _user_id(app, visitor.name)
        if not rows:
            problems.append(f"POST {rule.rule} as {visitor.name} changed {changed} and wrote no audit row")
        elif uid is not None and not any(row.user_id == uid for row in rows):
            problems.append(f"POST {rule.rule} as {visitor.name}: no audit row names the account ({[(row.action, row.user_id) for row in rows]})")
        leaked = [row.action for row in rows if any(t.lower() in repr(tuple(row)).lower() for t in TYPED)]
        if leaked:
            problems.append(f"POST {rule.rule}: typed text in the audit rows {leaked}")
    assert problems == [], "\n".join(problems)
    # the walk reached the writes the review named, and the others (a walk that wrote nothing proves nothing)
    for endpoint in ("practice.new_session", "practice.remove_trainee", "practice.end", "practice.join", "practice.answer", "practice.write", "cases.review"):
        assert endpoint in wrote, f"{endpoint} wrote nothing in the walk: {wrote}"


def _rows(app, action: str) -> list:
    return [row for row in _audit(app) if row.action == action]


def test_the_three_trainer_writes_each_add_one_row_with_the_account(tmp_path, monkeypatch):
    """Start, remove a trainee (their answers deleted), end: one row each, the trainer's id, the code and
    counts; never the cohort label or the trainee's name."""
    app = create_app({"TESTING": True, "WTF_CSRF_ENABLED": False, "SECRET_KEY": "t", "DATABASE_URL": f"sqlite:///{tmp_path / 'a.sqlite3'}"})
    monkeypatch.setattr(passwords, "N", 2**10)  # cheap hashing
    uid = users.create_user(app.extensions["fsp_store"], "tess", "trainer", "North", "correct horse battery").id
    with app.app_context():
        code, _ = records.start_session(["age-under-2-bruising"], "[]", uid, cohort="Cohort R20 secret")
        tid = records.add_trainee(code, "Trainee R20 secret", cap=5)
        records.save_answer(tid, "age-under-2-bruising", "protection", [])
        assert records.remove_trainee(code, tid, user_id=uid)
        assert not records.remove_trainee(code, tid, user_id=uid)  # nobody removed: no row
        records.end_session(code, trainees=0, answers=0, user_id=uid)
    start, remove, end = _rows(app, "practice.start"), _rows(app, "practice.remove_trainee"), _rows(app, "practice.end")
    assert [(r.user_id, r.detail) for r in start] == [(uid, f"code={code} scenarios=1")]
    assert [(r.user_id, r.record_id, r.detail) for r in remove] == [(uid, tid, f"code={code} answers=1")]
    assert [(r.user_id, r.detail) for r in end] == [(uid, f"code={code} trainees=0 answers=0")]
    assert [(r.user_id, r.record_id) for r in _rows(app, "practice.join")] == [(None, tid)]
    assert [(r.user_id, r.detail) for r in _rows(app, "practice.answer")] == [(None, "scenario=age-under-2-bruising")]
    assert not [r for r in _audit(app) if "secret" in repr(tuple(r))]

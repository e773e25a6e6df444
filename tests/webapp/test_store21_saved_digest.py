"""store21: what docs/security.md says the app keeps of a session's saves and says back in the API's 415.

The saves of a session (`saved_in_session`) are kept in the server-side session row, at most 10, newest
last, each as its entry's id, its reference and an HMAC-SHA256 of its answers keyed with the app's secret
(worked out here from the row the store saved), no log line carries the digest, and signing out clears them. The API's 415 says back at most 80 characters of
the Content-Type sent, repr'd. Oracles: the `web_sessions` and `assessments` rows read with SQL, hashlib,
the captured log, and the header the test sent.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import re

from sqlalchemy import select

from store.models import assessments, web_sessions
from tests.webapp.conftest import CHILD, post_drawn, signed_in_client, walk_needs


def _saved_in_session_rows(app) -> list[list[dict]]:
    """Every server-side session's `saved_in_session`, as stored."""
    with app.extensions["fsp_store"].connect() as conn:
        rows = [json.loads(r.data) for r in conn.execute(select(web_sessions.c.data))]
    return [r["saved_in_session"] for r in rows if "saved_in_session" in r]


def test_the_last_ten_saves_are_kept_in_the_server_side_session_as_digests_and_never_logged(app, caplog):
    pat = signed_in_client(app, "pat", "practitioner", "North")
    pat.post("/safety", data={"immediate": "none"})
    pat.post("/child", data=CHILD)
    walk_needs(pat, {"health": ["additional.dental_decay_not_accessing"]})
    refs = [f"ABC-{n:04d}" for n in range(1, 13)]  # twelve saves of the same answers
    with caplog.at_level(logging.DEBUG):
        ids = [int(re.search(r"saved=(\d+)", post_drawn(pat, "/save", {"case_ref": ref}).headers["Location"]).group(1)) for ref in refs]
    with app.extensions["fsp_store"].connect() as conn:
        cases = {r.id: json.loads(r.case_json) for r in conn.execute(select(assessments.c.id, assessments.c.case_json))}
    key = app.secret_key if isinstance(app.secret_key, bytes) else str(app.secret_key).encode()
    digest = {i: hmac.new(key, "\x1f".join(("fsp-shown", "saved", json.dumps(cases[i], sort_keys=True))).encode(), hashlib.sha256).hexdigest() for i in ids}
    bare = hashlib.sha256(json.dumps(cases[ids[0]], sort_keys=True).encode()).hexdigest()
    assert len(set(digest.values())) == 1  # the same answers each time: one digest

    (kept,) = _saved_in_session_rows(app)
    assert kept == [{"id": i, "case_ref": ref, "answers": digest[i]} for i, ref in zip(ids[-10:], refs[-10:])]
    cookie = pat.get_cookie("fsp_session")
    assert cookie is not None and not cookie.value.startswith("c.")  # a database session's token, not a cookie session
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert f"assessment saved (id {ids[-1]})" in logged  # the save's own line is there: the log was captured
    assert digest[ids[0]] not in logged
    assert bare not in json.dumps(kept)  # keyed: the bare hash of the answers is not what the session holds

    assert pat.post("/sign-out").status_code in (302, 303)
    assert _saved_in_session_rows(app) in ([], [[]])  # a sign-in ended: the next person here is named none of them


def test_the_415_says_back_at_most_80_characters_of_the_content_type_repr_d(client):
    sent = "text/plain; note=" + "a" * 100 + "ZZZ"  # 120 characters, the last 40 past the cut
    r = client.post("/api/v1/assess", data=b"{}", headers={"Content-Type": sent})
    assert r.status_code == 415
    (error,) = r.get_json()["errors"]
    assert f"{sent[:80]!r} was sent" in error["message"]
    assert sent[:81] not in error["message"] and "ZZZ" not in error["message"]

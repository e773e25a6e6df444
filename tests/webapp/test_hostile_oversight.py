"""Hostile text in issue 15's new free-text fields comes back escaped: a manager's review note
(overrides and review pages), a cohort label (start page, cohort list and cohort page, chart
description), the trainee's find box, and a draft catalogue's own values in the admin's report."""

from __future__ import annotations

import copy
import io

import yaml

from pathway.catalogue import DATA_FILE
from tests.webapp.accounts.conftest import engine, override_for_meg, people  # noqa: F401  (fixtures)
from tests.webapp.conftest import signed_in_client
from tests.webapp.test_hostile_text import HOSTILE, shown_escaped, unsafe
from tests.webapp.test_practice import BRUISING, join


def test_review_note_escaped(client, people, engine):
    oid = override_for_meg(client, people, engine, "FSP-0001")
    assert client.post(f"/overrides/{oid}/review", data={"note": HOSTILE}).status_code == 302
    shown_escaped(client.get("/overrides"))
    shown_escaped(client.get(f"/overrides/{oid}/review"))
    assert unsafe(client.get("/dashboard").get_data(as_text=True)) == []


def test_cohort_label_and_find_box_escaped(app, trainer):
    started = trainer.post("/practice/new", data={"scenarios": [BRUISING], "cohort": HOSTILE[:80]})
    code = started.location.rsplit("/", 1)[-1]
    trainee = join(app, code, "Alex")
    found = trainee.post(f"/practice/s/{code}/{BRUISING}", data={"find": HOSTILE, "find_submit": "1"})
    shown_escaped(found)
    trainer.post(f"/practice/session/{code}/end")
    shown_escaped(trainer.get("/practice/cohorts"), HOSTILE[:80])
    from webapp.practice.views import cohort_id

    with app.test_request_context():
        cohort = cohort_id(HOSTILE[:80])  # the cohort's address carries an id, not its label (surf20a)
    page = trainer.get("/practice/cohorts", query_string={"cohort": cohort})
    assert "Agreement with the model answer" in page.get_data(as_text=True)
    shown_escaped(page, HOSTILE[:80])


def test_a_drafts_own_text_is_escaped_in_the_report(app):
    data = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))
    draft = copy.deepcopy(data)
    draft["ruleset"]["version"] = HOSTILE
    for c in draft["contacts"]:
        if c["id"] == "children_families_direct":
            c["name"] = HOSTILE
    admin = signed_in_client(app, "ada", "admin", "Admin")
    body = yaml.safe_dump(draft, sort_keys=False, allow_unicode=True).encode()
    r = admin.post("/admin/ruleset", data={"file": (io.BytesIO(body), "d.yaml")}, content_type="multipart/form-data")
    shown_escaped(r)
    bad = copy.deepcopy(data)
    bad["indicators"][0]["level"] = HOSTILE
    r = admin.post("/admin/ruleset", data={"file": (io.BytesIO(yaml.safe_dump(bad).encode()), "d.yaml")}, content_type="multipart/form-data")
    assert unsafe(r.get_data(as_text=True)) == []

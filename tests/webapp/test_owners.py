"""The document's owners' page: upload a draft, see the transition table and the changed cases,
download the report. Admins only; the draft may be larger than the app's 64 KB limit."""

from __future__ import annotations

import copy
import io
import json
import re

import pytest
import yaml

from pathway.catalogue import DATA_FILE
from rules import evaluate
from store import audit
from store.assessments import save_assessment
from tests.conftest import make_case
from tests.webapp.conftest import signed_in_client, text

SCHOOL = "additional.poor_school_attendance_exclusion"


@pytest.fixture(scope="module")
def shipped_data() -> dict:
    return yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))


def upload(client, data: dict | str, saved: bool = False):
    body = data if isinstance(data, str) else yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    form = {"file": (io.BytesIO(body.encode()), "draft.yaml")}
    if saved:
        form["saved"] = "y"
    return client.post("/admin/ruleset", data=form, content_type="multipart/form-data")


def school_extensive(shipped_data):
    d = copy.deepcopy(shipped_data)
    d["ruleset"]["version"] = "draft"
    for ind in d["indicators"]:
        if ind["id"] == SCHOOL:
            ind["level"] = "extensive"
    return d


def test_only_admins(app):
    assert app.test_client().get("/admin/ruleset").status_code == 302  # to sign in
    for role in ("practitioner", "manager", "trainer", "adviser"):
        assert signed_in_client(app, f"u{role}", role).get("/admin/ruleset").status_code == 403


def test_a_draft_shows_the_transition_table_and_each_changed_case(app, shipped_data):
    admin = signed_in_client(app, "ada", "admin", "Admin")
    assert len(DATA_FILE.read_bytes()) > app.config["MAX_CONTENT_LENGTH"]  # the upload is over the usual limit
    r = upload(admin, school_extensive(shipped_data))
    assert r.status_code == 200
    page = text(r)
    assert "What the draft would change" in page
    assert re.search(r"fsp-2014 \(draft, decisions [0-9a-f]{12}\)", page)  # its decisions fingerprint (review 15 Z5)
    html = r.get_data(as_text=True)
    count = int(html.split('id="changed-count">')[1].split("<")[0])
    assert count >= 1
    assert "Shipped scenario level-additional-school-attendance: level, route changed" in page
    # the download gives the same report
    report = json.loads(admin.get("/admin/ruleset/report.json").get_data(as_text=True))
    assert report["changed"] == count and re.fullmatch(r"fsp-2014 \(draft, decisions [0-9a-f]{12}\)", report["draft"])
    assert any(c["id"] == "level-additional-school-attendance" for c in report["changes"])
    txt = admin.get("/admin/ruleset/report.txt")
    assert txt.headers["Content-Disposition"] == 'attachment; filename="ruleset-diff.txt"'
    assert "Transitions (rows: current level; columns: draft level)" in txt.get_data(as_text=True)


def test_saved_assessments_only_when_asked_and_audited(app, shipped_data):
    engine = app.extensions["fsp_store"]
    from store.users import create_user

    pat = create_user(engine, "pat", "practitioner", "North", "correct horse battery")
    case = make_case([SCHOOL], age_years=9)
    save_assessment(engine, pat, "FSP-0012", case, evaluate(case))
    admin = signed_in_client(app, "ada", "admin", "Admin")
    assert "FSP-0012" not in text(upload(admin, school_extensive(shipped_data)))
    page = text(upload(admin, school_extensive(shipped_data), saved=True))
    assert "Saved assessment FSP-0012#1: level, route changed" in page
    assert [e.detail for e in audit.entries(engine, action="ruleset.review")] == ["count=1"]


def test_a_draft_that_does_not_validate_names_the_field(app, shipped_data):
    admin = signed_in_client(app, "ada", "admin", "Admin")
    bad = copy.deepcopy(shipped_data)
    bad["indicators"][3]["level"] = "severe"
    r = upload(admin, bad)
    assert r.status_code == 200
    page = text(r)
    assert "The draft does not validate" in page and "indicators[3].level" in page
    assert "What the draft would change" not in page
    assert admin.get("/admin/ruleset/report.txt").status_code == 302  # nothing kept to download
    assert "not valid YAML" in text(upload(admin, "ruleset: [unclosed"))


def test_no_file_is_a_field_error(app):
    admin = signed_in_client(app, "ada", "admin", "Admin")
    r = admin.post("/admin/ruleset", data={}, content_type="multipart/form-data")
    assert "Select a draft catalogue file" in text(r)


def test_a_draft_over_512_kb_is_refused(app, shipped_data):
    admin = signed_in_client(app, "ada", "admin", "Admin")
    r = upload(admin, "# " + "x" * (512 * 1024) + "\n")
    assert r.status_code == 413

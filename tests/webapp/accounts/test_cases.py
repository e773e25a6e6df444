"""Your cases, a case's history (chart and table), overrides, the managers' page and exports."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from store import audit
from store.assessments import history
from tests.webapp.accounts.conftest import ADDITIONAL, EXTENSIVE, save, sign_in
from tests.webapp.conftest import csv_text, post_drawn, text


@pytest.fixture
def two_saves(client, people):
    """pat saves FSP-0001 twice: Additional, then Extensive (one need added, one removed)."""
    sign_in(client, "pat")
    assert save(client, "FSP-0001", ADDITIONAL).status_code == 302
    assert save(client, "FSP-0001", EXTENSIVE).status_code == 302
    return "FSP-0001"


def _entries(engine, user, ref="FSP-0001"):
    return history(engine, user, ref)


def test_your_cases_lists_the_users_case_references(client, two_saves):
    words = text(client.get("/cases"))
    assert "Your cases" in words and "FSP-0001" in words and "Extensive" in words


def test_case_page_has_the_chart_with_a_text_alternative_and_the_table(client, two_saves):
    r = client.get("/cases/FSP-0001")
    body, words = r.get_data(as_text=True), text(r)
    assert r.status_code == 200
    svg = re.search(r"<svg[^>]*>.*?</svg>", body, re.S).group()
    assert 'role="img"' in svg and 'aria-labelledby="chart-title chart-desc"' in svg
    assert '<title id="chart-title">Level over time for case FSP-0001</title>' in svg
    assert re.search(r"<desc id=\"chart-desc\">Level over time, 2 saved assessments, oldest first\. .*Additional; .*Extensive\.</desc>", svg)
    assert svg.count("<circle") == 2 and "<polyline" in svg and "<script" not in svg
    # the table: newest first, step up, what changed
    assert "Stepped up" in words and "First assessment" in words
    assert "Added: Persistent absenteeism from school with or without parental acceptance" in words
    assert "Removed: Dental decay and not accessing treatment" in words
    assert "Download the history as JSON" in words and "Download the history as CSV" in words


def test_case_reference_in_lower_case_redirects_to_the_one_address(client, two_saves):
    r = client.get("/cases/fsp-0001")
    assert r.status_code == 302 and r.headers["Location"] == "/cases/FSP-0001"


def test_another_practitioners_case_is_a_404_like_a_missing_one(client, two_saves, engine, people):
    client.post("/sign-out")
    sign_in(client, "sam")
    theirs, missing = client.get("/cases/FSP-0001"), client.get("/cases/FSP-9999")
    assert theirs.status_code == missing.status_code == 404
    nonce = re.compile(r'(nonce|value)="[^"]+"')  # the CSP nonce and the timed CSRF token differ per response
    assert nonce.sub("", theirs.get_data(as_text=True)) == nonce.sub("", missing.get_data(as_text=True))
    for url in ("/cases/FSP-0001/export.json", "/cases/FSP-0001/export.csv"):
        assert client.get(url).status_code == 404
    entry_id = _entries(engine, people["pat"])[0].id
    assert client.get(f"/cases/FSP-0001/entries/{entry_id}/level").status_code == 404
    assert client.get("/cases/not a ref").status_code == 404
    refused = [a for a in audit.entries(engine, user_id=people["sam"].id) if a.outcome == "not_found"]
    assert {a.case_ref for a in refused} >= {"FSP-0001", "FSP-9999"}  # the store audits both


def test_a_manager_reads_the_teams_case(client, two_saves):
    client.post("/sign-out")
    sign_in(client, "meg")
    assert client.get("/cases/FSP-0001").status_code == 200


def test_signed_out_case_page_asks_to_sign_in(client, two_saves):
    client.post("/sign-out")
    assert client.get("/cases/FSP-0001").headers["Location"] == "/sign-in"


def test_override_needs_a_reason(client, two_saves, engine, people):
    entry = _entries(engine, people["pat"])[-1]
    url = f"/cases/FSP-0001/entries/{entry.id}/level"
    page = client.get(url)
    assert page.status_code == 200 and "The tool's level was Extensive" in text(page)
    assert 'value="extensive"' not in page.get_data(as_text=True)  # not offered: it is the level already
    for reason in ("", "   \n\t "):
        r = post_drawn(client, url, {"level": "child_in_need", "reason": reason})
        body = r.get_data(as_text=True)
        assert r.status_code == 200
        assert "Enter the reason for recording a different level" in text(r) and 'href="#reason"' in body
    r = post_drawn(client, url, {"reason": "Known to the school"})
    assert "Select the level you record" in text(r) and 'href="#level"' in r.get_data(as_text=True)
    assert _entries(engine, people["pat"])[-1].overrides == ()
    r = post_drawn(client, url, {"level": "child_in_need", "reason": "  Older sibling already open to social care.  "})
    assert r.status_code == 302 and r.headers["Location"] == "/cases/FSP-0001"
    after = _entries(engine, people["pat"])[-1]
    assert after.level == "extensive" and after.recorded_level == "child_in_need"
    assert after.overrides[0].reason == "Older sibling already open to social care."
    words = text(client.get("/cases/FSP-0001"))
    assert "Recorded: Child in Need Tool: Extensive" in words
    assert "Older sibling already open to social care." in words


def test_override_reason_is_escaped_everywhere(client, two_saves, engine, people):
    entry = _entries(engine, people["pat"])[-1]
    xss = "<script>alert(1)</script>"
    post_drawn(client, f"/cases/FSP-0001/entries/{entry.id}/level", {"level": "protection", "reason": xss})
    for who, url in (("pat", "/cases/FSP-0001"), ("meg", "/overrides")):
        client.post("/sign-out")
        sign_in(client, who)
        body = client.get(url).get_data(as_text=True)
        assert xss not in body, url
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body, url


def test_override_of_an_entry_under_another_reference_is_404(client, two_saves, engine, people):
    save(client, "FSP-0002")
    entry = _entries(engine, people["pat"])[0]
    assert client.get(f"/cases/FSP-0002/entries/{entry.id}/level").status_code == 404


@pytest.mark.parametrize("who, status", [("meg", 200), ("pat", 403), ("ada", 403), (None, 302)])
def test_overrides_page_is_for_managers(client, two_saves, engine, people, who, status):
    entry = _entries(engine, people["pat"])[-1]
    post_drawn(client, f"/cases/FSP-0001/entries/{entry.id}/level", {"level": "child_in_need", "reason": "Judgement"})
    client.post("/sign-out")
    if who:
        sign_in(client, who)
    r = client.get("/overrides")
    assert r.status_code == status
    if status == 200:
        words = text(r)
        assert "FSP-0001" in words and "Extensive" in words and "Child in Need" in words and "Judgement" in words
        assert "Overrides" in text(client.get("/"))  # the header links to it
    elif status == 302:
        assert r.headers["Location"] == "/sign-in"
    else:
        assert "Judgement" not in text(r)


def test_a_manager_of_another_team_sees_no_overrides(client, two_saves, engine, people):
    from store.users import create_user
    from tests.webapp.accounts.conftest import PASSWORD

    create_user(engine, "mo", "manager", "South", PASSWORD)
    entry = _entries(engine, people["pat"])[-1]
    post_drawn(client, f"/cases/FSP-0001/entries/{entry.id}/level", {"level": "child_in_need", "reason": "Judgement"})
    client.post("/sign-out")
    sign_in(client, "mo")
    assert "FSP-0001" not in text(client.get("/overrides"))


def test_exports_download_with_the_right_content_type(client, two_saves):
    r = client.get("/cases/FSP-0001/export.json")
    assert r.status_code == 200 and r.mimetype == "application/json"
    assert r.headers["Content-Disposition"] == 'attachment; filename="case-FSP-0001.json"'
    doc = json.loads(r.get_data(as_text=True))
    assert doc["case_ref"] == "FSP-0001" and len(doc["entries"]) == 2 and doc["changes"][0]["step"] == "up"
    r = client.get("/cases/FSP-0001/export.csv")
    assert r.status_code == 200 and r.mimetype == "text/csv"
    assert r.headers["Content-Disposition"] == 'attachment; filename="case-FSP-0001.csv"'
    table = list(csv.DictReader(io.StringIO(csv_text(r))))
    assert [row["tool_level"] for row in table] == ["additional", "extensive"]


def test_chart_marks_the_tools_level_where_a_professional_recorded_another(client, two_saves, engine, people):
    entry = _entries(engine, people["pat"])[0]
    post_drawn(client, f"/cases/FSP-0001/entries/{entry.id}/level", {"level": "universal", "reason": "Resolved"})
    svg = re.search(r"<svg[^>]*>.*?</svg>", client.get("/cases/FSP-0001").get_data(as_text=True), re.S).group()
    assert svg.count('fill="#ffffff"') == 1  # one hollow marker: the tool's Additional
    assert "Universal (recorded by a professional; the tool said Additional)" in svg
    assert "Stepped up" in text(client.get("/cases/FSP-0001"))  # Universal (recorded) -> Extensive

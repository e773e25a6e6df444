"""surf20b: an entry saved in error is marked so, with its reason, and both are kept (review 19 surfaces, noted).

Back after Save, the case reference corrected, Save again: the confirmation names the first reference and
links to marking that entry saved in error. Marking needs a written reason, adds a row (the entry is kept),
and is said wherever the entry is listed or opened; its level leaves every count. Oracles: the rows counted
with SQL, the audit rows, and the pages' words.
"""

from __future__ import annotations

import re

from sqlalchemy import func, select

from store.audit import entries as audit_entries
from store.models import assessments, entry_marks
from tests.webapp.conftest import CHILD, PASSWORD, post_drawn, signed_in_client, text, walk_needs
from webapp import create_app

REASON = "Mistyped the reference: ABC-0001 is another child"


def _assessed(client) -> None:
    client.post("/safety", data={"immediate": "none"})
    client.post("/child", data=CHILD)
    walk_needs(client, {"health": ["additional.dental_decay_not_accessing"]})


def _count(app, table) -> int:
    with app.extensions["fsp_store"].connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


def _saved_id(response) -> int:
    return int(re.search(r"saved=(\d+)", response.headers["Location"]).group(1))


def _typo_then_corrected(client):
    """Save under ABC-0001 (a typo), Back, correct to ABC-0010, Save again: the two entries' ids."""
    _assessed(client)
    first = post_drawn(client, "/save", {"case_ref": "ABC-0001"})
    second = post_drawn(client, "/save", {"case_ref": "ABC-0010"})
    return _saved_id(first), second


def test_saving_the_same_answers_under_another_reference_names_the_first_with_a_link_to_mark_it(app):
    pat = signed_in_client(app, "pat", "practitioner", "North")
    wrong, second = _typo_then_corrected(pat)
    page = pat.get(second.headers["Location"])
    words = text(page)
    assert "Assessment saved under ABC-0010." in words
    assert "You also saved these answers under ABC-0001" in words
    assert f'href="/cases/ABC-0001/entries/{wrong}/in-error"' in page.get_data(as_text=True)
    # the first save's own confirmation names nothing; other answers saved under a third reference name nothing
    assert "You also saved" not in text(pat.get(f"/cases/ABC-0001?saved={wrong}"))
    third = post_drawn(pat, "/save", {"case_ref": "ABC-0011"})
    assert "You also saved these answers under ABC-0001" in text(pat.get(third.headers["Location"]))


def test_other_answers_under_another_reference_are_not_named(app):
    pat = signed_in_client(app, "pat", "practitioner", "North")
    _assessed(pat)
    post_drawn(pat, "/save", {"case_ref": "ABC-0001"})
    pat.post("/child", data={**CHILD, "age_years": "9"})  # another answer
    walk_needs(pat, {"health": ["additional.dental_decay_not_accessing"]})
    second = post_drawn(pat, "/save", {"case_ref": "ABC-0010"})
    assert "You also saved" not in text(pat.get(second.headers["Location"]))


def test_marking_needs_a_reason_adds_a_row_and_is_shown_everywhere(app):
    pat = signed_in_client(app, "pat", "practitioner", "North")
    wrong, _ = _typo_then_corrected(pat)
    mark = f"/cases/ABC-0001/entries/{wrong}/in-error"
    refused = post_drawn(pat, mark, {"reason": "   "})
    assert "Enter the reason" in text(refused) and _count(app, entry_marks) == 0
    done = post_drawn(pat, mark, {"reason": REASON})
    assert done.status_code == 303 and "marked=in_error" in done.headers["Location"]
    assert _count(app, entry_marks) == 1 and _count(app, assessments) == 2  # nothing deleted
    (row,) = [r for r in audit_entries(app.extensions["fsp_store"], action="entry.marked_in_error")]
    assert (row.record_id, row.outcome) == (wrong, "ok") and "Mistyped" not in (row.detail or "")
    case = text(pat.get(done.headers["Location"]))
    assert "Assessment marked as saved in error." in case and "Saved in error" in case and REASON in case
    entry = text(pat.get(f"/cases/ABC-0001/entries/{wrong}"))
    assert "Saved in error: marked by pat on" in entry and REASON in entry
    assert "This assessment was saved in error. Assessing again starts from its answers" in entry
    listed = text(pat.get("/cases"))
    assert re.search(r"ABC-0001 \S+ \S+ \S+ Saved in error 1 \(1 saved in error\)", listed), listed
    # the form again: already marked, no form offered
    assert "This assessment is already marked saved in error." in text(pat.get(mark))
    # the right entry is not marked: its withdraw page offers no form, and a post adds nothing
    right = f"/cases/ABC-0010/entries/{wrong + 1}"
    assert "This assessment is not marked saved in error: there is no mark to withdraw." in text(pat.get(right + "/in-error/withdraw"))
    assert "Nothing was recorded: this assessment is not marked saved in error now." in text(pat.post(right + "/in-error/withdraw", data={"reason": "x"}))
    assert _count(app, entry_marks) == 1


def test_a_mark_is_withdrawn_by_a_further_row_and_both_are_shown(app):
    pat = signed_in_client(app, "pat", "practitioner", "North")
    wrong, _ = _typo_then_corrected(pat)
    post_drawn(pat, f"/cases/ABC-0001/entries/{wrong}/in-error", {"reason": REASON})
    post_drawn(pat, f"/cases/ABC-0001/entries/{wrong}/in-error/withdraw", {"reason": "It was the right reference after all"})
    assert _count(app, entry_marks) == 2
    entry = text(pat.get(f"/cases/ABC-0001/entries/{wrong}"))
    assert "Saved in error: marked" not in entry
    assert "Marked saved in error by pat on" in entry and REASON in entry and "Mark withdrawn by pat on" in entry
    assert len(audit_entries(app.extensions["fsp_store"], action="entry.mark_withdrawn")) == 1


def test_another_teams_practitioner_cannot_mark_and_a_manager_of_the_team_can(app):
    pat = signed_in_client(app, "pat", "practitioner", "North")
    wrong, _ = _typo_then_corrected(pat)
    mark = f"/cases/ABC-0001/entries/{wrong}/in-error"
    sue = signed_in_client(app, "sue", "practitioner", "South")
    assert sue.get(mark).status_code == 404
    assert sue.post(mark, data={"reason": REASON}).status_code == 404
    assert _count(app, entry_marks) == 0
    mo = signed_in_client(app, "mo", "manager", "North")
    assert post_drawn(mo, mark, {"reason": REASON}).status_code == 303
    assert _count(app, entry_marks) == 1


def test_the_dashboard_leaves_an_entry_in_error_out_and_says_so(app):
    pat = signed_in_client(app, "pat", "practitioner", "North")
    wrong, _ = _typo_then_corrected(pat)
    mo = signed_in_client(app, "mo", "manager", "North")
    assert "(2 in all)" in text(mo.get("/dashboard"))
    post_drawn(pat, f"/cases/ABC-0001/entries/{wrong}/in-error", {"reason": REASON})
    words = text(mo.get("/dashboard"))
    assert "(1 in all; 1 marked saved in error is not counted in any figure)" in words


def test_reopening_an_entry_in_error_works_and_the_save_page_and_referral_say_so(app):
    pat = signed_in_client(app, "pat", "practitioner", "North")
    wrong, _ = _typo_then_corrected(pat)
    post_drawn(pat, f"/cases/ABC-0001/entries/{wrong}/in-error", {"reason": REASON})
    pat.post(f"/cases/ABC-0001/entries/{wrong}/assess-again", data={})
    assert "reopened from an assessment marked saved in error" in text(pat.get("/save"))
    referral = pat.get("/referral.txt").get_data(as_text=True)
    assert referral.startswith("SAVED IN ERROR: These answers were reopened from an assessment marked saved in error on ")
    assert REASON in referral.splitlines()[0]
    assert text(pat.get("/referral")).index("Saved in error:") < text(pat.get("/referral")).index("Child's name")
    # a new assessment is no longer the reopened one
    pat.post("/start-again", data={})
    _assessed(pat)
    assert "SAVED IN ERROR" not in pat.get("/referral.txt").get_data(as_text=True)


def test_the_mark_form_refuses_a_post_without_its_csrf_token(tmp_path):
    app = create_app({"SECRET_KEY": "x", "TESTING": True, "DATABASE_URL": f"sqlite:///{tmp_path / 'c.sqlite3'}"})
    from store.users import create_user

    create_user(app.extensions["fsp_store"], "pat", "practitioner", "North", PASSWORD)
    client = app.test_client()
    html = client.get("/sign-in").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html).group(1)
    client.post("/sign-in", data={"username": "pat", "password": PASSWORD, "csrf_token": token})
    page = client.get("/safety").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    client.post("/safety", data={"immediate": "none", "csrf_token": token})
    client.post("/child", data={**CHILD, "csrf_token": token})
    from webapp.journey.pages import needs_pages

    for p in needs_pages():
        client.post(f"/needs/{p.id}", data={"csrf_token": token})
    save = client.get("/save").get_data(as_text=True)
    fields = dict(re.findall(r'name="(form_token|shown)"[^>]*value="([^"]*)"', save))
    client.post("/save", data={**fields, "case_ref": "ABC-0001", "csrf_token": token})
    with app.extensions["fsp_store"].connect() as conn:
        entry_id = conn.execute(select(assessments.c.id)).scalar_one()
    mark = f"/cases/ABC-0001/entries/{entry_id}/in-error"
    assert client.post(mark, data={"reason": REASON}).status_code == 400
    assert _count(app, entry_marks) == 0
    assert client.post(mark, data={"reason": REASON, "csrf_token": token}).status_code == 303
    assert _count(app, entry_marks) == 1

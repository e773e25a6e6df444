"""Review 22 surfaces, S1 and S2, through the real app.

S1: a manager's review of a practitioner's recorded level (who, when, the note) was stored and shown to none of
the practitioner's pages or downloads. It is now on the saved entry's page and in both exports, for whoever may
read the entry; the note is formula-defused in the CSV as the other free text.
S2: reads and exports were audited and nothing read the audit. A manager who may read a case's entries has
`/cases/<ref>/audit` (who opened, downloaded or changed them, and when); opening it is audited too.

The oracles: the note and the level typed in each test, the accounts it makes, and the reads it makes itself.
"""

from __future__ import annotations

import csv
import io
import json
from zoneinfo import ZoneInfo

from sqlalchemy import text as sql

from store import users
from tests.webapp.accounts.conftest import PASSWORD, post_drawn, save, sign_in
from tests.webapp.conftest import csv_text, text

NOTE = '=HYPERLINK("http://example.invalid","R22 discussed in supervision")'
REF = "R22-OWN"


def _entry_id(engine, ref: str, username: str) -> int:
    with engine.begin() as cx:
        return cx.execute(
            sql("select max(a.id) from assessments a join users u on u.id = a.user_id where a.case_ref = :r and u.username = :u"), {"r": ref, "u": username}
        ).scalar()


def _london_day(engine, table: str) -> str:
    """The day of the table's latest row as the pages write it ("5 December 2026"), worked out here."""
    with engine.begin() as cx:
        at = cx.execute(sql(f"select created_at from {table} order by id desc limit 1")).scalar()  # noqa: S608 (fixed names)
    from datetime import datetime, timezone

    at = at if isinstance(at, datetime) else datetime.fromisoformat(at)
    local = (at if at.tzinfo else at.replace(tzinfo=timezone.utc)).astimezone(ZoneInfo("Europe/London"))
    return f"{local.day} {local:%B %Y}"


def _reviewed_by_meg(client, engine, people, note: str = NOTE) -> int:
    """pat saves REF and records Universal; meg reviews it with `note`. The entry's id; `client` is left as meg."""
    sign_in(client, "pat")
    save(client, REF)
    eid = _entry_id(engine, REF, "pat")
    assert post_drawn(client, f"/cases/{REF}/entries/{eid}/level", {"level": "universal", "reason": "seen at school"}).status_code == 302
    client.post("/sign-out")
    sign_in(client, "meg")
    with engine.begin() as cx:
        oid = cx.execute(sql("select max(id) from overrides")).scalar()
    assert post_drawn(client, f"/overrides/{oid}/review", {"note": note}).status_code == 302
    return eid


def _exports(client, ref: str = REF):
    doc = json.loads(client.get(f"/cases/{ref}/export.json").get_data(as_text=True))
    rows = list(csv.DictReader(io.StringIO(csv_text(client.get(f"/cases/{ref}/export.csv")))))
    return doc, rows


def test_the_savers_entry_page_and_both_exports_carry_the_managers_review(client, engine, people):
    eid = _reviewed_by_meg(client, engine, people)
    day = _london_day(engine, "override_reviews")
    for who in ("pat", "meg"):  # the saver, and the manager who may export the entry
        client.post("/sign-out")
        sign_in(client, who)
        page = text(client.get(f"/cases/{REF}/entries/{eid}"))
        assert f"Reviewed by meg on {day}: {NOTE}" in page
        doc, rows = _exports(client)
        [o] = doc["entries"][0]["overrides"]
        assert [(r["by"], r["note"]) for r in o["reviews"]] == [("meg", NOTE)] and o["reviews"][0]["at"][:10] == o["at"][:10]
        assert len(rows) == 1
        cell = rows[0]["reviews"]
        assert cell[:1] not in ("=", "+", "-", "@", "\t", "\r")  # never a formula in a spreadsheet
        [r] = json.loads(cell.removeprefix("'"))
        assert (r["by"], r["note"], r["level"], r["override"]) == ("meg", NOTE, "universal", o["id"])


def test_a_review_of_an_earlier_level_stays_with_it_and_an_unreviewed_entry_says_nothing(client, engine, people):
    eid = _reviewed_by_meg(client, engine, people, note="first look")
    client.post("/sign-out")
    sign_in(client, "pat")
    assert post_drawn(client, f"/cases/{REF}/entries/{eid}/level", {"level": "extensive", "reason": "new worry"}).status_code == 302
    page = text(client.get(f"/cases/{REF}/entries/{eid}"))
    latest, earlier = page.split("Recorded earlier, in its place now:", 1)
    assert "Reviewed by" not in latest.split("Level recorded by a professional:", 1)[1]  # the new level is not reviewed
    assert "Reviewed by meg on" in earlier and "first look" in earlier
    doc, rows = _exports(client)
    assert [len(o["reviews"]) for o in doc["entries"][0]["overrides"]] == [1, 0]
    assert [r["note"] for r in json.loads(rows[0]["reviews"])] == ["first look"]

    save(client, "R22-N1")  # no recorded level, no review: nothing said, nothing exported
    other = _entry_id(engine, "R22-N1", "pat")
    assert "Reviewed by" not in text(client.get(f"/cases/R22-N1/entries/{other}"))
    doc, rows = _exports(client, "R22-N1")
    assert doc["entries"][0]["overrides"] == [] and rows[0]["reviews"] == ""


def test_another_teams_practitioner_sees_no_review_and_the_manager_is_told_who_sees_the_note(client, engine, people):
    eid = _reviewed_by_meg(client, engine, people)
    with engine.begin() as cx:
        oid = cx.execute(sql("select max(id) from overrides")).scalar()
    assert "The practitioner sees this note on the saved assessment" in text(client.get(f"/overrides/{oid}/review"))
    client.post("/sign-out")
    sign_in(client, "sam")
    for path in (f"/cases/{REF}/entries/{eid}", f"/cases/{REF}/export.json", f"/cases/{REF}/export.csv"):
        r = client.get(path)
        assert r.status_code == 404 and "R22 discussed" not in r.get_data(as_text=True)


# ------------------------------------------------------------------ S2: who opened a case


def _audit(client, ref: str = REF, **args):
    return client.get(f"/cases/{ref}/audit", query_string=args)


def test_a_manager_sees_who_opened_and_downloaded_the_case_and_that_reading_it_is_audited(client, engine, people):
    users.create_user(engine, "mia", "manager", "North", PASSWORD)
    sign_in(client, "pat")
    save(client, REF)
    eid = _entry_id(engine, REF, "pat")
    client.post("/sign-out")
    sign_in(client, "meg")
    assert client.get(f"/cases/{REF}/entries/{eid}").status_code == 200
    assert client.get(f"/cases/{REF}/export.csv").status_code == 200
    client.post("/sign-out")
    sign_in(client, "mia")
    entry_page = client.get(f"/cases/{REF}/entries/{eid}").get_data(as_text=True)
    assert f'href="/cases/{REF}/audit"' in entry_page  # reached from the entry's page
    r = _audit(client)
    assert r.status_code == 200 and "no-store" in r.headers["Cache-Control"]
    page = text(r)
    assert "Who opened this case" in page
    rows = page.split("When Who What", 1)[1]
    assert f"meg Opened a saved assessment (entry {eid})" in rows
    assert "meg Downloaded the history as CSV" in rows
    assert f"pat Saved an assessment (entry {eid})" in rows
    assert rows.index("meg Downloaded") < rows.index("meg Opened a saved") < rows.index("pat Saved")  # newest first
    with engine.begin() as cx:
        audited = cx.execute(
            sql("select u.username, a.case_ref, a.detail from audit_log a join users u on u.id = a.user_id where a.action = 'audit.read'")
        ).all()
    assert [(u, ref) for u, ref, _ in audited] == [("mia", REF)] and audited[0][2].startswith("count=")
    assert "mia Opened this list of who opened the case" in text(_audit(client)).split("When Who What", 1)[1]  # its own read, next time
    assert _audit(client, REF.lower()).headers["Location"].endswith(f"/cases/{REF}/audit")


def test_only_a_manager_who_may_read_the_case_sees_who_opened_it(client, engine, people):
    users.create_user(engine, "moe", "manager", "South", PASSWORD)
    sign_in(client, "pat")
    save(client, REF)
    eid = _entry_id(engine, REF, "pat")
    assert f"/cases/{REF}/audit" not in client.get(f"/cases/{REF}/entries/{eid}").get_data(as_text=True)  # no link for a practitioner
    for who in ("pat", "sam", "ada"):  # the saver, another team's practitioner, an admin
        client.post("/sign-out")
        sign_in(client, who)
        assert _audit(client).status_code == 403
    client.post("/sign-out")
    assert _audit(client).status_code == 302 and "/sign-in" in _audit(client).headers["Location"]
    sign_in(client, "moe")  # another team's manager: exactly what an unused reference gets
    theirs, unused = _audit(client), _audit(client, "R22-UN1")
    assert theirs.status_code == unused.status_code == 404 and text(theirs) == text(unused)
    with engine.begin() as cx:
        refused = cx.execute(sql("select case_ref, outcome from audit_log where action = 'audit.read'")).all()
    assert sorted(refused) == [(REF, "not_found"), ("R22-UN1", "not_found")]


def test_the_same_reference_in_another_team_is_never_shown_to_a_manager(client, engine, people):
    """Two teams chose one reference: meg sees the reads of her team's entry, never South's (nor that it exists)."""
    users.create_user(engine, "moe", "manager", "South", PASSWORD)
    sign_in(client, "pat")
    save(client, REF)
    client.post("/sign-out")
    sign_in(client, "sam")
    save(client, REF)
    sam_entry = _entry_id(engine, REF, "sam")
    client.get(f"/cases/{REF}/entries/{sam_entry}")
    client.get(f"/cases/{REF}/export.json")
    client.post("/sign-out")
    sign_in(client, "moe")
    client.get(f"/cases/{REF}")
    client.post("/sign-out")
    sign_in(client, "meg")
    rows = text(_audit(client)).split("When Who What", 1)[1]
    assert "pat Saved an assessment" in rows
    assert "sam" not in rows and "moe" not in rows and f"entry {sam_entry}" not in rows


def test_the_list_is_paged_like_the_other_lists(app, client, engine, people):
    app.config["LIST_PAGE_SIZE"] = 3
    sign_in(client, "pat")
    save(client, REF)
    eid = _entry_id(engine, REF, "pat")
    client.post("/sign-out")
    sign_in(client, "meg")
    for _ in range(5):
        client.get(f"/cases/{REF}/entries/{eid}")
    first = text(_audit(client))  # 5 reads and the save: 6 rows, 2 pages
    assert "Page 1 of 2: 1 to 3 of 6 records" in first
    last = text(_audit(client, page=2))  # 7 rows now (the first look is one): page 2 of 3
    assert "Page 2 of 3: 4 to 6 of 7 records" in last
    beyond = text(_audit(client, page=99))  # past the end: the last page there is
    assert "Page 3 of 3: 7 to 8 of 8 records" in beyond and "pat Saved an assessment" in beyond

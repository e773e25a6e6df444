"""Review 13 surfaces, X7: a level recorded twice on one saved assessment. The entry page named only the
latest, and the case page said the earlier one was "kept in the export" while export.csv had one row with
the latest reason only. Every professional decision and its reason is now on the entry page and in both
exports, and the case page says where (the oracle: the two levels and reasons typed in this test)."""

from __future__ import annotations

import csv
import io
import json

from sqlalchemy import text as sql

from tests.webapp.conftest import CHILD, csv_text, post_drawn, signed_in_client, text, walk_needs

FIRST, SECOND = "first reason: school worries", "second reason: resolved at the meeting"


def test_both_recorded_levels_and_reasons_are_on_the_entry_page_and_in_both_exports(app):
    pat = signed_in_client(app, "pat", "practitioner")
    pat.post("/safety", data={"immediate": ["none"]})
    pat.post("/child", data=CHILD)
    walk_needs(pat, {"emotional_behavioural": ["additional.low_self_esteem"]})
    assert post_drawn(pat, "/save", {"case_ref": "R13-O"}).status_code in (302, 303)
    with app.extensions["fsp_store"].begin() as cx:
        entry = cx.execute(sql("select max(id) from assessments")).scalar()
    post_drawn(pat, f"/cases/R13-O/entries/{entry}/level", {"level": "extensive", "reason": FIRST})
    post_drawn(pat, f"/cases/R13-O/entries/{entry}/level", {"level": "universal", "reason": SECOND})

    page = text(pat.get(f"/cases/R13-O/entries/{entry}"))
    assert "Level recorded by a professional: Universal" in page and SECOND in page
    assert "Recorded earlier, in its place now: Extensive (pat" in page and FIRST in page

    rows = list(csv.DictReader(io.StringIO(csv_text(pat.get("/cases/R13-O/export.csv")))))
    assert len(rows) == 1 and rows[0]["recorded_level"] == "universal" and rows[0]["override_reason"] == SECOND
    earlier = json.loads(rows[0]["earlier_overrides"])
    assert [(o["level"], o["reason"], o["by"]) for o in earlier] == [("extensive", FIRST, "pat")]
    exported = json.loads(pat.get("/cases/R13-O/export.json").get_data(as_text=True))["entries"][0]["overrides"]
    assert [(o["level"], o["reason"]) for o in exported] == [("extensive", FIRST), ("universal", SECOND)]

    assert "1 earlier recorded level, with its reason, on the entry's page and in both exports" in text(pat.get("/cases/R13-O"))

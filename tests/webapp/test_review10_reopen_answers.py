"""Review 10 (surfaces), W5 (and W2 reached through a save): "Assess again" from an entry whose saved
answers today's journey does not offer, or whose saved answers the rules refuse.

Simulated as the review did: an entry saved, then its case_json edited on this throwaway database (the
append-only trigger lifted here only), as a release that renames a CAF answer would leave it. The
entry page names the answer; the child page names it on its question; nothing loops without a word.
"""

from __future__ import annotations

import json

import pytest
from sqlalchemy import create_engine
from sqlalchemy import text as sql

from tests.webapp.conftest import CHILD, post_drawn, signed_in_client, text, walk_needs
from webapp.cases import reopen


def test_unknown_answers_names_each_context_value_the_questions_do_not_offer(app):
    with app.app_context():
        assert reopen.unknown_answers({"context": {"caf": "open_other", "disability": "none"}}) == ["CAF: ‘open_other’"]
        assert reopen.unknown_answers({"context": {"caf": "none", "disability": "somewhat", "current_level": "level_6"}}) == [
            "Disability: ‘somewhat’",
            "Level supported at now: ‘level_6’",
        ]
        assert reopen.unknown_answers({"context": {"caf": "open_improving", "disability": "uncertain", "contact_time": "2026-01-01T10:00:00+00:00"}}) == []


@pytest.fixture
def saved(app, tmp_path):
    """A practitioner and a function that saves a journey under a reference, then edits its case."""
    client = signed_in_client(app, "pat", "practitioner")
    engine = create_engine(f"sqlite:///{tmp_path / 'web.sqlite3'}")

    def save(ref: str, child: dict, ticks: dict, change) -> int:
        client.post("/start-again")
        client.post("/safety", data={"immediate": ["none"]})
        assert client.post("/child", data=child).status_code == 302
        walk_needs(client, ticks)
        assert post_drawn(client, "/save", {"case_ref": ref}).status_code == 302
        with engine.begin() as cx:
            for (name,) in cx.execute(sql("select name from sqlite_master where type='trigger' and tbl_name='assessments'")).fetchall():
                cx.execute(sql(f"drop trigger {name}"))
            eid, raw = cx.execute(sql("select id, case_json from assessments where case_ref = :r"), {"r": ref}).fetchone()
            case = json.loads(raw)
            change(case)
            cx.execute(sql("update assessments set case_json = :c where id = :i"), {"c": json.dumps(case), "i": eid})
        return eid

    client.save = save
    return client


def test_assess_again_with_a_caf_answer_no_longer_offered_names_it(saved):
    eid = saved.save("R10-W5", CHILD, {"identity": ["additional.low_self_esteem"]}, lambda c: c["context"].update(caf="open_other"))
    entry = text(saved.get(f"/cases/R10-W5/entries/{eid}"))
    assert "today's questions do not offer (CAF: ‘open_other’)" in entry
    r = saved.post(f"/cases/R10-W5/entries/{eid}/assess-again")
    assert r.status_code == 302
    r = saved.get("/result")
    assert r.status_code == 302 and r.location.startswith("/child")
    words = text(saved.get(r.location))
    assert "There is a problem" in words
    assert "The saved answer ‘open_other’ is not one of today's answers to ‘Is a CAF (Common Assessment Framework) open for the child?’" in words
    # answered again, the result is reached with every other answer kept
    assert saved.post("/child?change=1", data=CHILD).status_code == 302
    result = saved.get("/result")
    assert result.status_code == 200 and "Low self esteem" in text(result)


def test_assess_again_with_a_saved_disability_that_contradicts_a_need_names_the_clash(saved):
    iid = "protection.substantial_lifelong_disability_safeguarding"
    child = {**CHILD, "disability": "substantial_lifelong", "large_sibling_group": "no"}
    eid = saved.save("R10-W2A", child, {"health": [iid]}, lambda c: c["context"].update(disability="none"))
    saved.post(f"/cases/R10-W2A/entries/{eid}/assess-again")
    r = saved.get("/result")
    assert r.status_code == 302 and r.location.startswith("/child")
    words = text(saved.get(r.location))
    assert "There is a problem" in words and "the disability is answered ‘No’" in words

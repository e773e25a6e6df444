"""left13b: a saving form's one-time token (store.form_tokens), decided by the database's unique
index, not by a read before the write: two posts at the same moment cannot both be kept."""

from __future__ import annotations

import pytest
from sqlalchemy import func, insert, select
from sqlalchemy.exc import IntegrityError

from store import audit, form_tokens
from store.assessments import record_override_once, record_review_once, save_assessment_once
from store.models import assessments, override_reviews, overrides
from tests.store.conftest import T0, assess

TOKEN = "t" * 32


def _count(engine, table) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


def test_the_database_refuses_a_second_row_with_the_same_token(engine, people):
    case, decision = assess()
    entry, repeated = save_assessment_once(engine, people["pam"], "TOK-0001", case, decision, token=TOKEN, now=T0)
    assert not repeated
    row = {"case_ref": "TOK-0001", "user_id": people["pam"].id, "team": "north", "created_at": T0, "ruleset": "x", "level": "universal"}
    with pytest.raises(IntegrityError):
        with engine.begin() as conn:
            conn.execute(insert(assessments).values(**row, case_json="{}", decision_json="{}", form_token=TOKEN))
    with engine.begin() as conn:  # rows without a token never clash
        conn.execute(insert(assessments).values(**row, case_json="{}", decision_json="{}"))
        conn.execute(insert(assessments).values(**row, case_json="{}", decision_json="{}"))
    assert _count(engine, assessments) == 3


def test_each_saving_function_given_the_same_post_twice_keeps_one_row(engine, people):
    case, decision = assess()
    first, _ = save_assessment_once(engine, people["pam"], "TOK-0002", case, decision, token=TOKEN, now=T0)
    again, repeated = save_assessment_once(engine, people["pam"], "tok-0002", case, decision, token=TOKEN, now=T0)
    assert repeated and again.id == first.id and _count(engine, assessments) == 1
    o1, _ = record_override_once(engine, people["pam"], first.id, "extensive", "Seen at home", token=TOKEN, now=T0)
    o2, repeated = record_override_once(engine, people["pam"], first.id, "extensive", "Seen at home ", token=TOKEN, now=T0)
    assert repeated and o2.id == o1.id and _count(engine, overrides) == 1
    r1, _ = record_review_once(engine, people["mo"], o1.id, "Discussed", token=TOKEN, now=T0)
    r2, repeated = record_review_once(engine, people["mo"], o1.id, "Discussed", token=TOKEN, now=T0)
    assert repeated and r2.id == r1.id and _count(engine, override_reviews) == 1


def test_the_same_token_with_other_answers_or_another_user_is_another_save(engine, people):
    case, decision = assess()
    other_case, other_decision = assess(["additional.dental_decay_not_accessing"])
    save_assessment_once(engine, people["pam"], "TOK-0003", case, decision, token=TOKEN, now=T0)
    _, repeated = save_assessment_once(engine, people["pam"], "TOK-0003", other_case, other_decision, token=TOKEN, now=T0)
    assert not repeated
    _, repeated = save_assessment_once(engine, people["pete"], "TOK-0003", case, decision, token=TOKEN, now=T0)
    assert not repeated
    assert _count(engine, assessments) == 3  # nothing lost, nothing merged


@pytest.mark.parametrize("token", [TOKEN, None])
def test_each_saving_functions_audit_row_names_the_row_it_saved(engine, people, token):
    """form_tokens.insert_once 9 (mut14: `then(conn, None)`): the audit row written in the insert's transaction
    named no record ('review=None', an override's 'override=None', an entry's record_id empty), with or
    without a token, and no test read it."""
    case, decision = assess()
    entry, _ = save_assessment_once(engine, people["pam"], "TOK-0004", case, decision, token=token, now=T0)
    o, _ = record_override_once(engine, people["pam"], entry.id, "extensive", "Seen at home", token=token, now=T0)
    r, _ = record_review_once(engine, people["mo"], o.id, "Discussed", token=token, now=T0)
    [saved] = audit.entries(engine, action="assessment.save")
    assert saved.record_id == entry.id
    [created] = audit.entries(engine, action="override.create")
    assert created.record_id == entry.id and created.detail.startswith(f"override={o.id} ")
    [reviewed] = audit.entries(engine, action="override.review")
    assert reviewed.record_id == entry.id and reviewed.detail == f"override={o.id} review={r.id}"


@pytest.mark.parametrize("value", ["short", "t" * 65, "with space " + "t" * 20, "<script>" + "t" * 20, 12345678901234567890, None, ["t" * 32]])
def test_a_posted_value_that_cannot_be_a_token_is_none(value):
    """form_tokens.posted 2 (mut14: `... or True`): any posted text was kept as the token, a note's words or
    a name among them, in a column meant to hold nothing about the child or the person saving. A token is
    16 to 64 of the letters, digits, '-' and '_' that new_token draws from."""
    assert form_tokens.posted(value) is None


def test_a_drawn_token_is_taken_as_posted():
    token = form_tokens.new_token()
    assert form_tokens.posted(token) == token and form_tokens.posted("a" * 16) == "a" * 16 and form_tokens.posted("-_" * 32) == "-_" * 32


def test_an_override_or_review_with_the_same_token_and_other_content_is_another_one(engine, people):
    """store15: the token beside another level (an override) or another note (a review) reaches the unique
    index, finds no row of the same content there and is saved again without the token: never merged."""
    case, decision = assess()
    entry, _ = save_assessment_once(engine, people["pam"], "TOK-0005", case, decision, token=TOKEN, now=T0)
    o1, _ = record_override_once(engine, people["pam"], entry.id, "extensive", "Seen at home", token=TOKEN, now=T0)
    o2, repeated = record_override_once(engine, people["pam"], entry.id, "child_in_need", "Seen again", token=TOKEN, now=T0)
    assert not repeated and o2.id != o1.id and o2.level == "child_in_need" and _count(engine, overrides) == 2
    r1, _ = record_review_once(engine, people["mo"], o1.id, "Discussed", token=TOKEN, now=T0)
    r2, repeated = record_review_once(engine, people["mo"], o1.id, "Discussed with the team", token=TOKEN, now=T0)
    assert not repeated and r2.id != r1.id and r2.note == "Discussed with the team" and _count(engine, override_reviews) == 2


def _rival_commits_first(monkeypatch, engine, people, case_ref: str):
    """A saved entry, whose override page's first look for the token finds nothing, and the rival post (the
    other tab, the browser's resend) commits 'extensive', 'Seen at home' just then: the moment between the
    look and the insert."""
    case, decision = assess()
    entry, _ = save_assessment_once(engine, people["pam"], case_ref, case, decision, token=None, now=T0)
    row = {"assessment_id": entry.id, "user_id": people["pam"].id, "created_at": T0, "tool_level": entry.level, "level": "extensive", "reason": "Seen at home"}
    look = form_tokens.saved_with
    calls = []

    def saved_with(*args, **kw):
        if not calls:
            calls.append(1)
            with engine.begin() as conn:
                conn.execute(insert(overrides).values(**row, form_token=TOKEN))
            return None
        return look(*args, **kw)

    monkeypatch.setattr(form_tokens, "saved_with", saved_with)
    return entry


def test_the_same_override_posted_twice_at_the_same_moment_keeps_the_first(engine, people, monkeypatch):
    """store15: the unique index decides a race the look before the insert missed: the second post is
    given the first's override (repeated), and one row is kept."""
    entry = _rival_commits_first(monkeypatch, engine, people, "TOK-0006")
    got, repeated = record_override_once(engine, people["pam"], entry.id, "extensive", "Seen at home", token=TOKEN, now=T0)
    assert repeated and got.level == "extensive" and got.reason == "Seen at home" and _count(engine, overrides) == 1


def test_a_racing_override_with_other_words_is_checked_again_on_its_retry(engine, people, monkeypatch):
    """store15: the rival recorded 'extensive' with other words at the same moment: the retry without the
    token reads the entry again and refuses 'extensive' as already the recorded level (nothing twice)."""
    from store.errors import Invalid

    entry = _rival_commits_first(monkeypatch, engine, people, "TOK-0007")
    with pytest.raises(Invalid, match="already the recorded level"):
        record_override_once(engine, people["pam"], entry.id, "extensive", "Seen at school", token=TOKEN, now=T0)
    assert _count(engine, overrides) == 1

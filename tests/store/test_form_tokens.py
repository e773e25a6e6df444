"""left13b: a saving form's one-time token (store.form_tokens), decided by the database's unique
index, not by a read before the write: two posts at the same moment cannot both be kept."""

from __future__ import annotations

import pytest
from sqlalchemy import func, insert, select
from sqlalchemy.exc import IntegrityError

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

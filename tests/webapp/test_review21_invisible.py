"""Review 21 surfaces, S1 and S2: a cohort label or a display name typed with a character that draws
nothing is the one it draws as; names a trainer cannot tell apart are refused at joining, and rows
that still look alike are told apart. Oracles: the labels and names written out by hand."""

from __future__ import annotations

import re
from html import unescape

import pytest
from sqlalchemy import insert, select

from tests.webapp.conftest import text
from tests.webapp.test_practice import BRUISING, join, start_session
from webapp.practice import records

SPRING = "Spring R21"
TYPED = [SPRING, "Spring\u200b R21", "Spring R21\u2060", "Spring  R21\u200f"]


def _ended_session(trainer, cohort: str) -> str:
    r = trainer.post("/practice/new", data={"scenarios": [BRUISING], "cohort": cohort})
    code = r.location.rstrip("/").rsplit("/", 1)[-1]
    assert trainer.post(f"/practice/session/{code}/end").status_code == 302
    return code


def _cohort_links(trainer) -> list[str]:
    html = trainer.get("/practice/cohorts").get_data(as_text=True)
    return [unescape(said) for said in re.findall(r'href="/practice/cohorts\?cohort=[^"]+">([^<]*)</a>', html)]


# --- S1: one cohort -----------------------------------------------------------------------------


def test_a_label_typed_with_invisible_characters_is_one_cohort(app, trainer):
    codes = [_ended_session(trainer, label) for label in TYPED]
    assert _cohort_links(trainer) == [SPRING]
    assert f"{SPRING} ({len(TYPED)} sessions)" in text(trainer.get("/practice/cohorts"))
    with app.app_context():
        from webapp import db

        with db.engine().connect() as conn:
            stored = {r.cohort for r in conn.execute(select(records.practice_results).where(records.practice_results.c.code.in_(codes)))}
        assert stored == {SPRING}  # stored folded
        assert len(records.cohort_results("Spring\u2060 R21")) == len(TYPED)


def test_a_label_stored_before_folding_joins_the_cohort_it_draws_as(app, trainer):
    """A row written before this fix, with a zero-width space: read folded, left as stored."""
    _ended_session(trainer, SPRING)
    with app.app_context():
        from webapp import db

        with db.engine().begin() as conn:
            conn.execute(
                insert(records.practice_results).values(code="OLDZWS", cohort="Spring\u200b R21", started_at=db.utcnow(), ended_at=db.utcnow(), scenarios=1)
            )
        assert records.cohorts() == [(SPRING, 2)]
        assert {r.code for r in records.cohort_results(SPRING)} >= {"OLDZWS"}
        with db.engine().connect() as conn:
            assert conn.execute(select(records.practice_results.c.cohort).where(records.practice_results.c.code == "OLDZWS")).scalar() == "Spring\u200b R21"
    assert _cohort_links(trainer) == [SPRING]


def test_a_label_with_a_direction_override_is_still_refused(trainer):
    r = trainer.post("/practice/new", data={"scenarios": [BRUISING], "cohort": "Spring\u202e R21"})
    assert r.status_code == 200 and "Cohort label must be written text" in text(r)


# --- S2: names a trainer cannot tell apart ------------------------------------------------------


@pytest.mark.parametrize("second", ["Tara", "tara", "Tara\u200b", "Tara\u200f", "Tara\u061c", "Tara\U000e0041", " Ta\u200dra ", "\uff34ara"])
def test_a_name_drawn_as_one_already_in_the_session_is_refused_naming_the_field(app, trainer, second):
    code = start_session(trainer)
    join(app, code, "Tara")
    r = app.test_client().post("/practice/join", data={"code": code, "name": second})
    assert r.status_code == 200
    said = text(r)
    assert "Someone in this session already has the display name ‘Tara’: add an initial or your surname" in said
    assert re.search(r'href="#name"', r.get_data(as_text=True))  # the error summary links to the field
    rows = re.findall(r'<td class="govuk-table__cell">([^<]*)</td>', trainer.get(f"/practice/session/{code}").get_data(as_text=True))
    assert rows == ["Tara"]
    join(app, code, "Tara B")  # with an initial: taken


def test_a_name_is_stored_as_it_draws(app, trainer):
    code = start_session(trainer)
    join(app, code, "  Sam\u200b  Lee\u2060 ")
    with app.app_context():
        assert [name for _, name in records.trainees(code)] == ["Sam Lee"]


def test_a_name_of_nothing_visible_is_no_name(app, trainer):
    code = start_session(trainer)
    r = app.test_client().post("/practice/join", data={"code": code, "name": "\u3164\u200b"})
    assert r.status_code == 200 and "Enter a display name" in text(r)


def test_rows_that_still_look_alike_are_told_apart_by_joining_order(app, trainer):
    """Names stored before they were compared (or two joins at one moment): the rows, the Remove
    buttons' hidden words and the summary say which is which."""
    code = start_session(trainer, [BRUISING])
    with app.app_context():
        first = records.add_trainee(code, "Tara", 10)
        records.add_trainee(code, "Sam", 10)
        from webapp import db

        with db.engine().begin() as conn:  # as an old row: the invisible character kept
            conn.execute(insert(records.practice_trainees).values(code=code, name="Tara\u200b"))
    html = trainer.get(f"/practice/session/{code}").get_data(as_text=True)
    hidden = [" ".join(h.split()) for h in re.findall(r'<span class="govuk-visually-hidden">([^<]*)</span></button>', html)]
    assert hidden == [
        "Tara (1 of 2 with this name) and their answers",
        "Sam and their answers",
        "Tara\u200b (2 of 2 with this name) and their answers",
    ]
    assert len(set(hidden)) == 3
    r = trainer.post(f"/practice/session/{code}/trainees/{first}/remove")
    assert r.status_code == 302
    with app.app_context():
        assert [n for _, n in records.trainees(code)] == ["Sam", "Tara\u200b"]
    assert "with this name" not in text(trainer.get(f"/practice/session/{code}"))  # alike no longer

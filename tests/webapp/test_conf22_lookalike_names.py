"""conf22 (review 21 surfaces, S2, left): a display name spelt with look-alike letters of another script
is refused at joining as the same name is; a name in another script that draws as no other is taken;
and two joins at one moment under names that draw alike end with one trainee and one refusal, in the
same words, never a 500 (the store's unique indexes on the name's keys, revision 0011). A cohort label
typed with look-alike letters is the cohort it draws as. On SQLite, and on PostgreSQL when a test
server is set up (skipped, saying why, otherwise). Oracles: the names written out by hand, the rows
counted with SQL, and the page's words."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select

from store.models import practice_trainees
from tests.webapp.conftest import signed_in_client, text
from tests.webapp.test_left13b_saved_once import any_app  # noqa: F401 - the fixture: SQLite, and PostgreSQL when set up
from tests.webapp.test_practice import BRUISING, join, start_session
from webapp.practice import records

TARA_CYRILLIC = "\u0422\u0430ra"  # Cyrillic capital Te and small a, then Latin r, a
OMAR_GREEK = "\u039fmar"  # Greek capital Omicron, then Latin m, a, r
OLGA_CYRILLIC = "\u041e\u043b\u044c\u0433\u0430"  # Ольга
REFUSED = "Someone in this session already has the display name ‘{name}’: add an initial or your surname"


def _rows(app, code: str) -> list[str]:
    with app.extensions["fsp_store"].connect() as conn:
        return list(conn.execute(select(practice_trainees.c.name).where(practice_trainees.c.code == code).order_by(practice_trainees.c.id)).scalars())


@pytest.mark.parametrize(("first", "second"), [("Tara", TARA_CYRILLIC), (TARA_CYRILLIC, "tara"), ("Omar", OMAR_GREEK), ("Ian", "lan")])
def test_a_look_alike_of_a_name_in_the_session_is_refused(any_app, first, second):
    code = start_session(signed_in_client(any_app, "tess", "trainer"))
    join(any_app, code, first)
    r = any_app.test_client().post("/practice/join", data={"code": code, "name": second})
    assert r.status_code == 200 and REFUSED.format(name=first) in text(r)
    assert _rows(any_app, code) == [first]  # shown as typed


def test_a_name_in_another_script_that_draws_as_no_other_is_taken(any_app):
    code = start_session(signed_in_client(any_app, "tess", "trainer"))
    join(any_app, code, "Olga")
    join(any_app, code, OLGA_CYRILLIC)
    assert _rows(any_app, code) == ["Olga", OLGA_CYRILLIC]


@pytest.mark.parametrize("names", [("Tara", "Tara"), ("Tara", TARA_CYRILLIC)])
def test_two_joins_at_one_moment_end_with_one_trainee_and_one_refusal(any_app, monkeypatch, names):
    """Both joins pass the comparison with the session's names before either is stored (a barrier holds
    each after its check until the other has checked too): the store decides, and the second is refused
    in the words the check uses."""
    code = start_session(signed_in_client(any_app, "tess", "trainer"))
    checked = records.name_in_use
    both_checked = threading.Barrier(2, timeout=60)  # a guard against a hang, not a timing
    mine = threading.local()

    def check_then_wait(session_code, name):
        found = checked(session_code, name)
        if not getattr(mine, "waited", False):  # the check before the insert; not the one after a refusal
            mine.waited = True
            both_checked.wait()
        return found

    monkeypatch.setattr(records, "name_in_use", check_then_wait)

    def join_as(name):
        return any_app.test_client().post("/practice/join", data={"code": code, "name": name})

    with ThreadPoolExecutor(2) as pool:
        answers = list(pool.map(join_as, names))
    assert sorted(r.status_code for r in answers) == [200, 302]
    taken = _rows(any_app, code)
    assert len(taken) == 1 and taken[0] in names
    refused = next(r for r in answers if r.status_code == 200)
    assert REFUSED.format(name=taken[0]) in text(refused)
    with any_app.extensions["fsp_store"].connect() as conn:
        assert conn.execute(select(func.count()).select_from(practice_trainees)).scalar_one() == 1


def test_a_name_removed_can_be_taken_again(any_app):
    """The keys go with the row: the unique index never keeps a name a trainer removed."""
    trainer = signed_in_client(any_app, "tess", "trainer")
    code = start_session(trainer)
    join(any_app, code, "Tara")
    with any_app.app_context():
        (tid, _name), *_ = records.trainees(code)
    assert trainer.post(f"/practice/session/{code}/trainees/{tid}/remove").status_code == 302
    join(any_app, code, TARA_CYRILLIC)
    assert _rows(any_app, code) == [TARA_CYRILLIC]


def _ended(trainer, cohort: str) -> None:
    r = trainer.post("/practice/new", data={"scenarios": [BRUISING], "cohort": cohort})
    code = r.location.rstrip("/").rsplit("/", 1)[-1]
    assert trainer.post(f"/practice/session/{code}/end").status_code == 302


def test_a_cohort_label_typed_with_look_alike_letters_is_the_cohort_it_draws_as(app, trainer):
    typed = ["Spring R21", "S\u0440ring R21", "\u0405pring R21"]  # a Cyrillic small er for the p; a capital Dze for the S
    olga = "\u041e\u043b\u044c\u0433\u0430 R21"  # Ольга R21: another script, drawn as no other label
    for label in typed + [olga]:
        _ended(trainer, label)
    with app.app_context():
        assert records.cohorts() == [("Spring R21", len(typed)), (olga, 1)]  # shown as the oldest session's label was typed
        assert len(records.cohort_results("\u0405pring R21")) == len(typed)

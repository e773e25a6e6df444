"""Review 9 (surfaces), V3: a trainee's first answer to a scenario stands. Answering leads to the
feedback, which shows the model answer, so a second answer to the same scenario is refused with the
reason and the session's agreement with the model and Fleiss' kappa count the first answers."""

from __future__ import annotations

import csv
import io

from tests.webapp.conftest import csv_text, text
from tests.webapp.test_practice import BRUISING, MONDAYS, answer, join, start_session


def _rows(trainer, code) -> list[list[str]]:
    return list(csv.reader(io.StringIO(csv_text(trainer.get(f"/practice/session/{code}/summary.csv")))))


def test_a_second_answer_after_the_feedback_is_refused_and_the_figures_count_the_first(app, trainer):
    """The review's case: two trainees answer both scenarios, one Protection, one Universal; the second
    reads the model answer for the bruising scenario and answers it again, with the model's level."""
    code = start_session(trainer, (BRUISING, MONDAYS))
    u0, u1 = join(app, code, "U0"), join(app, code, "U1")
    for client, level in ((u0, "protection"), (u1, "universal")):
        for scenario in (BRUISING, MONDAYS):
            answer(client, code, scenario, level, [])
    assert "The model answer is Protection" in text(u1.get(f"/practice/s/{code}/{BRUISING}/feedback"))

    r = u1.post(f"/practice/s/{code}/{BRUISING}", data={"level": "protection", "confirm_empty": "1"})
    assert r.status_code == 303
    page = text(u1.get(r.location))
    assert "You have already answered this scenario" in page and "Your second answer was not saved" in page
    assert "You chose Universal" in page  # the feedback is still for the first answer
    assert "already answered" not in text(u1.get(f"/practice/s/{code}/{BRUISING}/feedback"))  # said once, where it happened
    assert u1.get(f"/practice/s/{code}/{BRUISING}").status_code == 303  # the answer page is not offered again

    trainer.post(f"/practice/session/{code}/end")
    rows = _rows(trainer, code)
    bruising = next(row for row in rows if row[:2] == ["scenario", "Bruises on a baby who is not yet crawling"])
    # by hand, first answers: bruising (model Protection): U0 Protection, U1 Universal -> 1 of 2 = 50%
    assert bruising[3] == "50.0"
    # Mondays (model Additional): Protection, Universal -> 0 of 2; overall 1 of 4 = 25%
    session = next(row for row in rows if row[0] == "session")
    assert session[2:4] == ["4", "25.0"]
    # Fleiss' kappa, categories U A E CiN P, n = 2 raters, N = 2 scenarios; both rows (1,0,0,0,1):
    # P_i = (1 + 1 - 2) / 2 = 0 each, P_bar = 0; p_U = p_P = 1/2, P_e = 1/2; kappa = (0 - 1/2) / (1 - 1/2) = -1
    assert session[4] == "-1.000"


def test_the_store_keeps_the_first_answer_whoever_calls_it(app, trainer):
    """Two answers posted at once both pass the page's check: the store keeps the first and says so."""
    from webapp.practice import records

    code = start_session(trainer, (BRUISING, MONDAYS))
    join(app, code, "U0")
    with app.app_context():
        (tid, _name), *_ = records.trainees(code)
        assert records.save_answer(tid, BRUISING, "universal", []) is True
        assert records.save_answer(tid, BRUISING, "protection", ["immediate.unexplained_bruising_under_2"]) is False
        assert [(a.level, a.indicators) for a in records.answers(code, tid)] == [("universal", [])]

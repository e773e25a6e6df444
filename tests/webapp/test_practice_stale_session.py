"""A practice session keeps its scenarios as they were when it started. After a release whose catalogue no
longer reads them (a need renamed, an age narrowed), every page of the running session said the 500 page
(review 10 surfaces, noted and left by fix10s). Now each page says what no longer fits, with status 409;
the answers are kept, and the trainer can still end the session."""

from __future__ import annotations

from sqlalchemy import select, update

from tests.webapp.conftest import text
from tests.webapp.test_practice import BRUISING, MONDAYS, MONDAYS_RIGHT, answer, join, start_session

RENAMED = "additional.renamed_by_a_later_release"


def _as_if_a_release_renamed_a_need(app, code: str) -> None:
    """The stored snapshot names a need today's catalogue lacks, as after a release that renamed it."""
    from webapp import db
    from webapp.practice import records

    with app.app_context():
        with db.engine().begin() as conn:
            row = conn.execute(select(records.practice_sessions.c.scenarios_yaml).where(records.practice_sessions.c.code == code)).one()
            assert MONDAYS_RIGHT[0] in row.scenarios_yaml
            stale = row.scenarios_yaml.replace(MONDAYS_RIGHT[0], RENAMED)
            conn.execute(update(records.practice_sessions).where(records.practice_sessions.c.code == code).values(scenarios_yaml=stale))


def test_every_page_of_a_session_whose_scenarios_no_longer_fit_says_so_and_keeps_the_answers(app, trainer):
    from webapp.practice import records

    code = start_session(trainer, (BRUISING, MONDAYS))
    alex = join(app, code, "Alex")
    answer(alex, code, MONDAYS, "additional", MONDAYS_RIGHT)
    _as_if_a_release_renamed_a_need(app, code)

    trainer_pages = [f"/practice/session/{code}", f"/practice/session/{code}/summary", f"/practice/session/{code}/summary.csv"]
    trainee_pages = [f"/practice/s/{code}", f"/practice/s/{code}/{BRUISING}", f"/practice/s/{code}/{MONDAYS}/feedback"]
    for client, pages in ((trainer, trainer_pages), (alex, trainee_pages)):
        for url in pages:
            response = client.get(url)
            assert response.status_code == 409, (url, response.status_code)
            words = text(response)
            assert "This practice session cannot go on" in words and "The answers given so far are kept" in words, url
    trainer_words = text(trainer.get(f"/practice/session/{code}"))
    assert RENAMED in trainer_words  # the trainer is told what no longer fits
    assert "End this session" in trainer_words
    assert RENAMED not in text(alex.get(f"/practice/s/{code}"))  # a trainee is told to ask the trainer

    with app.app_context():
        assert len(records.answers(code)) == 1  # nothing lost

    ended = trainer.post(f"/practice/session/{code}/end")  # the page's button (CSRF is off in these tests)
    assert ended.status_code == 302
    with app.app_context():
        assert records.get_session(code).ended and len(records.answers(code)) == 1
    assert "This session has ended" in text(trainer.get(f"/practice/session/{code}"))

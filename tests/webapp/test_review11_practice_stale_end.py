"""Review 11 (surfaces), W3: a practice session whose stored scenarios no longer load, once ended.

Ending it wrote agreement 0 where agreement could not be worked out, so its cohort showed "0% (1)"
although the one answer chose the model's level, and plotted 0% on the chart. After End its session
page, summary and summary.csv still gave 409, so the answers the page said were kept could not be read.

The oracle is the hand-made session below: scenario BRUISING still loads and was answered at its model
level (Protection); MONDAYS no longer loads (a need it names was "renamed by a later release") and was
answered Additional, its model level. Agreement over the session cannot be worked out: not 0%, not 100%.
"""

from __future__ import annotations

import csv
import io
import re

from tests.webapp.conftest import csv_text, text
from tests.webapp.test_practice import BRUISING, MONDAYS, MONDAYS_RIGHT, answer, join
from tests.webapp.test_practice_stale_session import _as_if_a_release_renamed_a_need
from webapp.practice.views import cohort_id

BRUISED = "immediate.unexplained_bruising_under_2"
COHORT = "r11c"


def _start(trainer, cohort=COHORT) -> str:
    r = trainer.post("/practice/new", data={"scenarios": [BRUISING, MONDAYS], "cohort": cohort})
    return r.location.rstrip("/").rsplit("/", 1)[-1]


def _stale_session_ended(app, trainer) -> str:
    code = _start(trainer)
    alex = join(app, code, "Alex")
    answer(alex, code, BRUISING, "protection", [BRUISED])
    answer(alex, code, MONDAYS, "additional", MONDAYS_RIGHT)
    _as_if_a_release_renamed_a_need(app, code)
    assert trainer.get(f"/practice/session/{code}").status_code == 409  # running: it cannot go on
    assert trainer.post(f"/practice/session/{code}/end").status_code == 302
    return code


def test_the_cohort_says_not_worked_out_and_leaves_it_off_the_chart(app, trainer):
    # a session that loads, for the chart to have something: 1 of 2 answers at the model level
    fine = _start(trainer)
    sam = join(app, fine, "Sam")
    answer(sam, fine, BRUISING, "protection", [BRUISED])
    answer(sam, fine, MONDAYS, "extensive", MONDAYS_RIGHT)
    assert trainer.post(f"/practice/session/{fine}/end").status_code == 302
    stale = _stale_session_ended(app, trainer)

    with app.test_request_context():
        cohort = cohort_id(COHORT)  # the cohort's address carries an id, not its label (surf20a)
    r = trainer.get("/practice/cohorts", query_string={"cohort": cohort})
    html, page = r.get_data(as_text=True), text(r)
    row = re.search(rf"\({stale}\)[^()]*\(2\)", page)
    assert row, page
    assert "0%" not in row.group() and "100%" not in row.group() and "not worked out" in row.group(), row.group()
    assert f"({fine}) 2 1 50% (2)" in page
    svg = re.search(r"<svg.*?</svg>", html, re.S).group()
    assert fine in svg and stale not in svg  # not plotted as 0%
    assert re.search(rf"Left off the chart: [^.]*\({stale}\)", page), page


def test_after_end_the_kept_answers_can_be_read(app, trainer):
    code = _stale_session_ended(app, trainer)
    base = f"/practice/session/{code}"

    page = trainer.get(base)
    assert page.status_code == 200, page.status_code
    assert MONDAYS in text(page) and "no longer load" in text(page)

    summary = trainer.get(f"{base}/summary")
    assert summary.status_code == 200, summary.status_code
    words = text(summary)
    assert "no longer load" in words and MONDAYS in words
    # the scenario that still loads is summarised: its one answer chose the model's level
    assert re.search(r'id="agreement-1">100%</span> \(1 of 1\)', summary.get_data(as_text=True))
    # the one that does not is named with its answer, not counted as disagreeing
    assert re.search(rf"{MONDAYS}[^.]*1 answer[^.]*Additional", words), words

    got = trainer.get(f"{base}/summary.csv")
    assert got.status_code == 200, got.status_code
    rows = list(csv.reader(io.StringIO(csv_text(got))))
    [session] = [r for r in rows if r[0] == "session"]
    assert session[3] == "", session  # agreement over the session: not worked out, never 0 or 100
    [not_read] = [r for r in rows if r[0] == "scenario_not_loaded" and r[1] == MONDAYS]
    assert not_read[2] == "1", not_read
    [level] = [r for r in rows if r[0] == "scenario_not_loaded_level" and r[1] == f"{MONDAYS}: Additional"]
    assert level[2] == "1", level

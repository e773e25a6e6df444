"""The trainee's answer page: a find box (the adviser's search, at the scenario's age) that keeps
what is ticked, and a nudge, not a refusal, for an answer with no indicator."""

from __future__ import annotations

import re

from tests.webapp.conftest import text
from tests.webapp.test_practice import BRUISING, MONDAYS, join, start_session
from webapp.practice.forms import indicator_data

SCHOOL = "additional.poor_school_attendance_exclusion"
KEY_STAGE = "additional.not_achieving_key_stage"


def _boxes(html: str) -> set[str]:
    return set(re.findall(r'type="checkbox" value="([^"]+)"', html)) | set(re.findall(r'value="([^"]+)" type="checkbox"', html))


def test_find_narrows_the_list_and_keeps_what_is_ticked(app, trainer):
    code = start_session(trainer)
    alex = join(app, code, "Alex")
    everything = _boxes(alex.get(f"/practice/s/{code}/{MONDAYS}").get_data(as_text=True))
    r = alex.post(f"/practice/s/{code}/{MONDAYS}", data={"find": "school", "find_submit": "1", **indicator_data([KEY_STAGE])})
    html = r.get_data(as_text=True)
    shown = _boxes(html)
    assert r.status_code == 200 and SCHOOL in shown and len(shown) < len(everything) and shown <= everything
    assert "Select the level" not in text(r)  # narrowing is not a submission
    if KEY_STAGE not in shown:  # ticked but not found: kept, hidden
        assert f'value="{KEY_STAGE}"' in html and 'type="hidden"' in html
    # show every indicator again
    again = _boxes(alex.post(f"/practice/s/{code}/{MONDAYS}", data={"find": "school", "find_submit": "clear"}).get_data(as_text=True))
    assert again == everything


def test_find_respects_the_age(app, trainer):
    code = start_session(trainer)
    alex = join(app, code, "Alex")
    html = alex.post(f"/practice/s/{code}/{MONDAYS}", data={"find": "bruising", "find_submit": "1"}).get_data(as_text=True)
    assert "immediate.unexplained_bruising_under_2" not in _boxes(html)  # Harvey is 11


def test_an_answer_with_no_indicator_is_nudged_then_accepted(app, trainer):
    code = start_session(trainer)
    alex = join(app, code, "Alex")
    r = alex.post(f"/practice/s/{code}/{BRUISING}", data={"level": "universal"})
    assert r.status_code == 200 and "You have not selected any indicator" in text(r)
    assert 'name="confirm_empty"' in r.get_data(as_text=True)
    r = alex.post(f"/practice/s/{code}/{BRUISING}", data={"level": "universal", "confirm_empty": "1"})
    assert r.status_code == 302 and r.location.endswith("/feedback")

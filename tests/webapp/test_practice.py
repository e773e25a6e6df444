"""Practice mode through the Flask test client: sessions, trainees' answers and feedback, the summary."""

from __future__ import annotations

import re

from pathway.catalogue import load_catalogue
from tests.webapp.conftest import sign_in, signed_in_client, text
from webapp.practice.forms import indicator_data

BRUISING = "age-under-2-bruising"  # 8 months; model: Protection (immediate)
MONDAYS = "level-additional-school-attendance"  # 11 years; model: Additional
MONDAYS_RIGHT = ["additional.poor_school_attendance_exclusion", "additional.not_achieving_key_stage"]
MONDAYS_WRONG = ["additional.poor_school_attendance_exclusion", "extensive.persistent_absenteeism_school_without"]


def start_session(client, scenarios=(BRUISING, MONDAYS)) -> str:
    response = client.post("/practice/new", data={"scenarios": list(scenarios)})
    assert response.status_code == 302, text(response)
    code = response.location.rstrip("/").rsplit("/", 1)[-1]
    assert re.fullmatch(r"[A-Z2-9]{6}", code)
    return code


def join(app, code: str, name: str):
    trainee = app.test_client()
    response = trainee.post("/practice/join", data={"code": code.lower(), "name": name})
    assert response.status_code == 302, text(response)
    assert response.location.endswith(f"/practice/s/{code}")
    return trainee


def answer(client, code, scenario_id, level, indicators):
    """Answer a scenario; with no indicator, confirm it (the page asks once: test_practice_answer)."""
    data = {"level": level, **indicator_data(indicators), **({} if indicators else {"confirm_empty": "1"})}
    response = client.post(f"/practice/s/{code}/{scenario_id}", data=data)
    assert response.status_code == 302, text(response)
    return client.get(response.location)


def test_start_page_links_to_practice(client):
    assert 'href="/practice/"' in client.get("/").get_data(as_text=True)
    page = text(client.get("/practice/"))
    assert "Join a practice session" in page and "Start a practice session" in page


def test_trainer_picks_from_shipped_scenarios(trainer):
    page = text(trainer.get("/practice/new"))
    assert "Bruises on a baby who is not yet crawling" in page and "Missing Mondays" in page
    response = trainer.post("/practice/new", data={})
    assert response.status_code == 200
    assert "Select at least one scenario" in text(response)


TRAINERS_PAGES = [
    "/practice/new",
    "/practice/scenarios",
    "/practice/scenarios/new",
    "/practice/scenarios/import",
    "/practice/scenarios/export.yaml",
    f"/practice/scenarios/{BRUISING}.yaml",
]


def test_starting_sessions_and_the_library_need_a_trainer_account(app, client):
    """The library holds the model answers, and a session is a trainer's to run: signed out goes to
    sign-in (and back), other roles get 403, and nothing is started or saved either way."""
    from webapp.practice import records

    for path in TRAINERS_PAGES:
        assert client.get(path).location == "/sign-in", path
    assert client.post("/practice/new", data={"scenarios": [BRUISING]}).location == "/sign-in"
    practitioner = signed_in_client(app, "pat", "practitioner")
    for path in TRAINERS_PAGES:
        assert practitioner.get(path).status_code == 403, path
    assert practitioner.post("/practice/new", data={"scenarios": [BRUISING]}).status_code == 403
    with app.app_context():
        from sqlalchemy import func, select

        from webapp import db

        with db.engine().connect() as conn:
            assert conn.execute(select(func.count()).select_from(records.practice_sessions)).scalar_one() == 0
    signed_in_client(app, "tess", "trainer")
    assert client.get("/practice/new").location == "/sign-in"
    assert sign_in(client, "tess").location == "/practice/new"  # back where the trainer was going


def test_an_admin_can_run_practice_too(app):
    admin = signed_in_client(app, "ada", "admin", team="Admin")
    assert start_session(admin)
    assert admin.get("/practice/scenarios").status_code == 200


def test_trainees_join_and_answer_without_an_account(app, trainer):
    code = start_session(trainer)
    alex = join(app, code, "Alex")  # a client that never signed in
    assert "Sign in" in text(alex.get(f"/practice/s/{code}"))
    answer(alex, code, BRUISING, "protection", ["immediate.unexplained_bruising_under_2"])


def test_a_baby_s_age_is_said_in_months(app, trainer):
    # a trainee read "0 years old, 8 months" for every baby in the bank
    code = start_session(trainer)
    page = text(join(app, code, "Alex").get(f"/practice/s/{code}/{BRUISING}"))
    assert "8 months old" in page and "0 years" not in page


def test_practice_flow_right_and_wrong_answers_and_the_summary(app, trainer):
    code = start_session(trainer)
    assert code in text(trainer.get(f"/practice/session/{code}"))
    alex, sam = join(app, code, "Alex"), join(app, code, "Sam")
    page = text(trainer.get(f"/practice/session/{code}"))
    assert "Trainees (2)" in page and "Alex" in page and "Sam" in page

    # the trainee sees the narrative and the age, not the model answer
    page = text(alex.get(f"/practice/s/{code}/{MONDAYS}"))
    assert "Harvey, 11, misses most Mondays" in page and "11 years old" in page
    assert "Family Support Services" not in page and "common_mistake" not in page
    assert "Health" in page and "Parents and carers" in page  # grouped by dimension and domain

    # Alex: right on both
    fb = text(answer(alex, code, BRUISING, "protection", ["immediate.unexplained_bruising_under_2"]))
    assert "You chose Protection That is the model answer" in fb
    assert "Required indicators you missed None: you found every indicator" in fb
    fb = text(answer(alex, code, MONDAYS, "additional", MONDAYS_RIGHT))
    assert "That is the model answer" in fb
    assert "Poor attendance and falling behind are Additional needs" in fb  # teaching: why
    assert "Pages 6, 13-14" in fb
    assert 'Common mistake Choosing "persistent absenteeism" (Extensive)' in fb
    assert "Indicator at Additional level" in fb  # the rules' reasons for the model answer

    # Sam: right on the bruising, wrong on Mondays (over-calls persistent absenteeism, misses key stage)
    answer(sam, code, BRUISING, "protection", ["immediate.unexplained_bruising_under_2"])
    response = answer(sam, code, MONDAYS, "extensive", MONDAYS_WRONG)
    html, fb = response.get_data(as_text=True), text(response)
    assert "You chose Extensive The model answer is Additional" in fb
    assert "Your level is higher than the model answer" in fb
    catalogue = load_catalogue()
    missed = re.search(r'id="missed">(.*?)</ul>', html, re.S).group(1)
    over = re.search(r'id="over-called">(.*?)</ul>', html, re.S).group(1)
    assert catalogue.indicator("additional.not_achieving_key_stage").text in missed
    assert catalogue.indicator("extensive.persistent_absenteeism_school_without").text in over
    assert catalogue.indicator("additional.poor_school_attendance_exclusion").text not in missed + over

    # the trainee's own list shows both answered
    assert "Not answered yet" not in text(sam.get(f"/practice/s/{code}"))

    # end the session: summary numbers
    response = trainer.post(f"/practice/session/{code}/end")
    assert response.status_code == 302 and response.location.endswith(f"/practice/session/{code}/summary")
    response = trainer.get(response.location)
    html, page = response.get_data(as_text=True), text(response)
    assert "Agreement with the model answer 75% (3 of 4 answers chose the model level)" in page
    # by hand: bruising [P=2]: P_1 = 1; Mondays [A=1, E=1]: P_2 = 0; P_bar = 0.5;
    # p = (A 1/4, E 1/4, P 2/4): P_e = 6/16; kappa = (0.5 - 0.375) / 0.625 = 0.20
    assert "Agreement between trainees (Fleiss' kappa) 0.20: slight" in page
    assert re.search(r'id="agreement-1">100%', html) and re.search(r'id="agreement-2">50%', html)
    mondays = re.search(r'id="counts-2">(.*?)</table>', html, re.S).group(1)
    assert re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", mondays)).split("Level Trainees")[1].split() == [
        "Universal",
        "0",
        "Additional",
        "(model",
        "answer)",
        "1",
        "Extensive",
        "1",
        "Child",
        "in",
        "Need",
        "0",
        "Protection",
        "0",
    ]
    assert "<svg" in html and 'role="img"' in html and "Levels chosen for Missing Mondays: Universal 0, Additional 1, Extensive 1" in html

    # after the end: no new trainees, no new answers; feedback is still readable
    assert "not for a practice session that is running" in text(app.test_client().post("/practice/join", data={"code": code, "name": "Late"}))
    response = sam.post(f"/practice/s/{code}/{MONDAYS}", data={"level": "additional"})
    assert response.status_code == 302 and response.location.endswith(f"/practice/s/{code}")
    assert "You chose Extensive" in text(sam.get(f"/practice/s/{code}/{MONDAYS}/feedback"))


def test_only_the_trainer_sees_the_session_and_summary(app, trainer):
    """Anyone else gets what an unused code gets (404): the pages do not confirm a code is real."""
    code = start_session(trainer)
    other = join(app, code, "Nosy")
    for path in (f"/practice/session/{code}", f"/practice/session/{code}/summary"):
        assert other.get(path).status_code == 404
        assert app.test_client().get(path).status_code == 404
    assert other.post(f"/practice/session/{code}/end").status_code == 404
    assert trainer.get("/practice/session/NOSUCH/summary").status_code == 404


def test_join_errors(app, client, trainer):
    response = client.post("/practice/join", data={"code": "", "name": ""})
    page = text(response)
    assert "There is a problem" in page and "Enter the join code" in page and "Enter a display name" in page
    assert "Do not use the real name of a child" in page
    assert "not for a practice session that is running" in text(client.post("/practice/join", data={"code": "ZZZZZZ", "name": "A"}))
    # a trainee who has not joined is sent to join
    code = start_session(trainer)
    assert client.get(f"/practice/s/{code}/{BRUISING}").location.endswith("/practice/join")


def test_answer_needs_a_level_and_offers_only_in_band_indicators(app, trainer):
    code = start_session(trainer)
    alex = join(app, code, "Alex")
    response = alex.post(f"/practice/s/{code}/{MONDAYS}", data={})
    assert response.status_code == 200
    assert "Select the level of need you think this situation meets" in text(response)
    page = text(alex.get(f"/practice/s/{code}/{MONDAYS}"))
    assert load_catalogue().indicator("immediate.unexplained_bruising_under_2").text not in page  # under 2 only
    response = alex.post(f"/practice/s/{code}/{MONDAYS}", data={"level": "protection", **indicator_data(["immediate.unexplained_bruising_under_2"])})
    assert response.status_code == 200 and "Select one of the answers to ‘Do any of these need an immediate referral?’" in text(
        response
    )  # names its question (review 7 F10)
    assert load_catalogue().indicator("immediate.unexplained_bruising_under_2").text in text(alex.get(f"/practice/s/{code}/{BRUISING}"))
    assert alex.get(f"/practice/s/{code}/no-such-scenario").status_code == 404


def test_practice_pages_have_one_h1_a_title_and_no_inline_styles(app, trainer):
    code = start_session(trainer)
    alex = join(app, code, "Alex")
    answer(alex, code, BRUISING, "universal", [])
    pages = [
        (trainer, "/practice/"),
        (trainer, "/practice/new"),
        (trainer, f"/practice/session/{code}"),
        (trainer, f"/practice/session/{code}/summary"),
        (trainer, "/practice/scenarios"),
        (trainer, "/practice/scenarios/new"),
        (trainer, "/practice/scenarios/import"),
        (alex, "/practice/join"),
        (alex, f"/practice/s/{code}"),
        (alex, f"/practice/s/{code}/{MONDAYS}"),
        (alex, f"/practice/s/{code}/{BRUISING}/feedback"),
    ]
    for client, path in pages:
        response = client.get(path)
        html = response.get_data(as_text=True)
        assert response.status_code == 200, path
        assert len(re.findall(r"<h1[ >]", html)) == 1, path
        assert re.search(r"<title>[^<]+– Family Support Pathway</title>", html), path
        assert " style=" not in html, path  # the CSP allows no inline styles
        ids = re.findall(r'\sid="([^"]+)"', html)
        assert len(ids) == len(set(ids)), (path, sorted({i for i in ids if ids.count(i) > 1}))


def test_sessions_older_than_a_week_are_deleted_when_a_new_one_starts(app, trainer):
    from datetime import timedelta

    from sqlalchemy import update

    from webapp import db
    from webapp.practice import records

    code = start_session(trainer)
    join(app, code, "Alex")
    with app.app_context():
        with db.engine().begin() as conn:
            conn.execute(update(records.practice_sessions).values(created_at=db.utcnow() - timedelta(days=8)))
    start_session(trainer)
    with app.app_context():
        assert records.get_session(code) is None and records.trainees(code) == []


def test_feedback_tells_required_from_also_acceptable(app, trainer):
    # the Mondays scenario requires attendance and key stage; disengagement is also acceptable;
    # persistent absenteeism is ruled out
    code = start_session(trainer)
    alex = join(app, code, "Alex")
    chosen = MONDAYS_RIGHT + ["additional.disengagement_school_education", "extensive.persistent_absenteeism_school_without"]
    response = answer(alex, code, MONDAYS, "additional", chosen)
    html = response.get_data(as_text=True)
    catalogue = load_catalogue()
    also = re.search(r'id="also-acceptable">(.*?)</ul>', html, re.S).group(1)
    over = re.search(r'id="over-called">(.*?)</ul>', html, re.S).group(1)
    found = re.search(r'id="found">(.*?)</ul>', html, re.S).group(1)
    assert catalogue.indicator("additional.disengagement_school_education").text in also
    assert catalogue.indicator("additional.disengagement_school_education").text not in over
    assert catalogue.indicator("extensive.persistent_absenteeism_school_without").text in over
    assert catalogue.indicator("additional.not_achieving_key_stage").text in found
    assert "Also acceptable: the narrative supports these too" in text(response)

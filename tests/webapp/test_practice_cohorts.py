"""Results kept across sessions under a cohort label: agreement over time as a chart and a table,
still there after the sessions themselves expire."""

from __future__ import annotations

import re
from datetime import timedelta
from html import unescape

from sqlalchemy import update

from tests.webapp.conftest import text
from tests.webapp.test_practice import BRUISING, MONDAYS, MONDAYS_RIGHT, MONDAYS_WRONG, answer, join

BRUISED = "immediate.unexplained_bruising_under_2"


def _session(app, trainer, cohort, levels):
    r = trainer.post("/practice/new", data={"scenarios": [BRUISING, MONDAYS], "cohort": cohort})
    code = r.location.rstrip("/").rsplit("/", 1)[-1]
    for n, (bruising_level, mondays) in enumerate(levels):
        t = join(app, code, f"T{n}")
        answer(t, code, BRUISING, bruising_level, [BRUISED])
        answer(t, code, MONDAYS, mondays[0], mondays[1])
    assert trainer.post(f"/practice/session/{code}/end").status_code == 302
    return code


def test_a_cohort_shows_agreement_rising_and_outlives_its_sessions(app, trainer):
    first = _session(app, trainer, "Spring 2027", [("protection", ("extensive", MONDAYS_WRONG)), ("child_in_need", ("extensive", MONDAYS_WRONG))])  # 1 of 4
    second = _session(app, trainer, "Spring 2027", [("protection", ("additional", MONDAYS_RIGHT)), ("protection", ("extensive", MONDAYS_WRONG))])  # 3 of 4
    _session(app, trainer, "Other group", [("protection", ("additional", MONDAYS_RIGHT))])
    trainer.post("/practice/new", data={"scenarios": [BRUISING]})  # no label

    listing = text(trainer.get("/practice/cohorts"))
    assert "Other group (1 session)" in listing and "Spring 2027 (2 sessions)" in listing

    # the sessions expire: their results stay
    from webapp import db
    from webapp.practice import records

    with app.app_context():
        with db.engine().begin() as conn:
            conn.execute(update(records.practice_sessions).values(created_at=db.utcnow() - timedelta(days=30)))
        records._expire_old()
        assert records.get_session(first) is None
    r = trainer.get(_cohort_link(trainer, "Spring 2027"))
    html, page = r.get_data(as_text=True), text(r)
    assert f"({first}) 2 2 25% (4)" in page and f"({second}) 2 2 75% (4)" in page
    svg = re.search(r"<svg.*?</svg>", html, re.S).group()
    assert 'role="img"' in svg and re.search(rf"\({first}\) 25%; .*\({second}\) 75%\.</desc>", svg)


def test_cohorts_are_for_trainers(app, client):
    assert client.get("/practice/cohorts").location == "/sign-in"


def test_a_cohort_label_is_at_most_80_characters(trainer):
    r = trainer.post("/practice/new", data={"scenarios": [BRUISING], "cohort": "x" * 81})
    assert r.status_code == 200 and "Cohort label must be 80 characters or fewer" in text(r)


def _cohort_link(trainer, label: str) -> str:
    """The list's link to a cohort, as a trainer follows it."""
    html = trainer.get("/practice/cohorts").get_data(as_text=True)
    (href,) = [unescape(h) for h, said in re.findall(r'href="([^"]+)">([^<]*)</a>', html) if unescape(said) == label]
    return href


def test_a_cohorts_address_carries_an_id_not_its_label(app, trainer):
    """Review 19 surfaces: the label is typed text; the address carries an opaque id. The same label keeps
    its address; the label sent the old way shows the list, not the cohort."""
    _session(app, trainer, "Jane's DSL group", [("protection", ("additional", MONDAYS_RIGHT))])
    link = _cohort_link(trainer, "Jane's DSL group")
    assert "Jane" not in link and "DSL" not in link
    assert re.fullmatch(r"/practice/cohorts\?cohort=[0-9a-f]{16}", link)
    assert "Agreement with the model answer in each session of Jane's DSL group" in unescape(trainer.get(link).get_data(as_text=True))
    assert _cohort_link(trainer, "Jane's DSL group") == link  # the same address each time: a bookmark keeps working
    old_way = text(trainer.get("/practice/cohorts", query_string={"cohort": "Jane's DSL group"}))
    assert "Results by cohort" in old_way and "Jane's DSL group (1 session)" in old_way
    assert "Results by cohort" in text(trainer.get("/practice/cohorts?cohort=" + "0" * 16))  # no such cohort: the list

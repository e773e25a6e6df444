"""Review 18 surfaces, S4: the anonymous answers end (deleted after 8 hours) between two journey pages.
Every journey page that then finds no answers says so in journey/no_answers.html's words, on the POST
(answered by its own GET) and the GET, and what the POST carried is not taken as new answers."""

from __future__ import annotations

import pytest
from sqlalchemy import delete

from pathway.catalogue import load_catalogue
from tests.webapp.conftest import CHILD
from webapp import db

ENDED = "Your answers have expired or were never given"
LOW = "additional.low_self_esteem"


def _answers_deleted(app):
    with app.app_context(), db.engine().begin() as conn:  # what the 8-hour deletion does
        conn.execute(delete(db.web_sessions))


@pytest.fixture
def half_way(app, client):
    client.post("/safety", data={"immediate": ["none"]})
    assert client.post("/child", data=CHILD).status_code == 302
    _answers_deleted(app)
    return client


def test_sending_a_needs_page_after_the_answers_ended_says_so_and_keeps_nothing(app, half_way):
    page_id, dimension = "identity", load_catalogue().indicator(LOW).dimension  # the page low self-esteem is on
    r = half_way.post(f"/needs/{page_id}", data={dimension: [LOW]}, follow_redirects=False)
    assert r.status_code == 303 and r.location.endswith(f"/needs/{page_id}")  # its own page, post/redirect/get
    shown = half_way.get(r.location).get_data(as_text=True)
    assert ENDED in shown and "Nothing about the child was kept" in shown
    # the tick was not taken as new answers: still none
    assert ENDED in half_way.get("/check").get_data(as_text=True)
    assert ENDED in half_way.get("/result").get_data(as_text=True)


@pytest.mark.parametrize("url", ["/child", "/needs/health", "/check", "/result"])
def test_every_journey_page_says_the_answers_ended_in_the_same_words(half_way, url):
    shown = half_way.get(url, follow_redirects=True).get_data(as_text=True)
    assert ENDED in shown


def test_sending_the_child_page_after_the_answers_ended_says_so(half_way):
    r = half_way.post("/child", data=CHILD, follow_redirects=True)
    assert ENDED in r.get_data(as_text=True)
